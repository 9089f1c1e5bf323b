# expect: error
# __proto__ on lists, dicts and functions
for obj in ([], {}, print):
    try:
        proto = obj.__proto__
        print("ESCAPED", proto)
    except AttributeError as e:
        print("blocked:", type(e).__name__)
print(len.__proto__)
