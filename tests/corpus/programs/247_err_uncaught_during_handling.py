# An uncaught error raised while handling another: CPython prints both; the last one counts
def parse(text):
    try:
        return int(text)
    except ValueError:
        return fallback[text]
fallback = {"one": 1}
print(parse("5"), parse("one"))
print(parse(" 7 "), fallback)
print(parse("two"))
