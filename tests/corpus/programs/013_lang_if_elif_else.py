# if / elif / else chains and nested ifs
def grade(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    else:
        return "F"
for s in [95, 85, 72, 10, 90, 80]:
    print(s, grade(s))
x = 15
if x % 3 == 0:
    if x % 5 == 0:
        print("fizzbuzz")
    else:
        print("fizz")
elif x % 5 == 0:
    print("buzz")
if []:
    print("never")
elif not {}:
    print("empty dict is falsy")
if x: print("one-line if")
