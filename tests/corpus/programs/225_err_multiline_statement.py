# The traceback line of an error inside a statement spanning several lines
def scale(values, factor):
    return [v * factor for v in values]
data = {
    "a": scale([1, 2], 3),
    "b": scale([3], 2),
}
print(data)
total = (
    sum(data["a"])
    + sum(data["b"])
    + data["c"][0]
)
print(total)
