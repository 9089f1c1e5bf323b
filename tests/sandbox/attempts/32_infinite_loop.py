# expect: error TimeoutError|KeyboardInterrupt
# while True: pass ends at the wall-time limit.
while True:
    pass
