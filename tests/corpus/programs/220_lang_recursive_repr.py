# Self-referencing containers print with [...] and {...}
a = [1, 2]
a.append(a)
print(a, len(a))
d = {"k": 1}
d["self"] = d
print(d)
b = [a, [a]]
print(b)
t = ([],)
t[0].append(t)
print(t)
class Node:
    def __init__(self, v):
        self.v = v
        self.children = []
    def __repr__(self):
        return f"Node({self.v}, {self.children})"
root = Node(1)
root.children.append(Node(2))
root.children[0].children.append(Node(3))
print(root)
