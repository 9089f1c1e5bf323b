# Uncaught ValueError from int() on bad text
rows = ["12", "7", "3.5", "9"]
parsed = []
def parse(text):
    text = text.strip()
    return int(text)
for r in rows:
    print("parsing", r)
    parsed.append(parse(r))
    print("ok", parsed[-1])
print(parsed)
