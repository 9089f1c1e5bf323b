# str method argument errors worded as CPython words them per method, types that are not generic, hash("").
for m in ['count','find','index','rfind','rindex','replace','partition','strip','center','zfill','ljust','removeprefix','split','endswith','join']:
    try: getattr('abc', m)(1)
    except Exception as e: print(m, type(e).__name__, e)
for t in (int, str, float, object, bool, range):
    try:
        t[0]
    except TypeError as e:
        print(e)
print(list[int] is list or True, hash(""), dict[str, int] is not None)
