# Explicit and implicit line continuation, two-space indentation
total = 1 + \
        2 + \
        3
print(total)
values = [
  1, 2,
  3,  # comment inside brackets
]
print(values)
def two_space(n):
  if n > 0:
    return "positive"
  return "non-positive"
print(two_space(3), two_space(-1))
result = (10
          * 2
          - 5)
print(result)
call = max(
    3,
    9,
    4,
)
print(call)
d = {"a": 1,
     "b": 2}
print(d)
if (total > 2 and
        result > 2):
    print("both")
