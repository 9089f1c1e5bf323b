# expect: error AttributeError
# JavaScript methods on Python values are not attributes.
for probe in [lambda: "abc".valueOf(), lambda: [].map, lambda: {}.hasOwnProperty("a"), lambda: (1).toFixed(2)]:
    try:
        print("ESCAPED", probe())
    except AttributeError as e:
        print("blocked:", e)
"".toString()
