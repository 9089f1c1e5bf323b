# Uncaught IndexError inside nested calls
def get(seq, i):
    return seq[i]
def middle(seq):
    return get(seq, len(seq) // 2)
print(middle([1, 2, 3]))
print(get("abc", -1))
try:
    get([1], 5)
except IndexError as e:
    print("caught:", e)
empty = []
print(middle(empty))
