# expect: error TimeoutError|KeyboardInterrupt
# A tight loop with only arithmetic, inside a function.
def spin():
    i = 0
    while i >= 0:
        i = (i + 1) % 1000
spin()
