# expect: error
# Walking an exception's traceback to frames and their globals/builtins.
try:
    1 / 0
except ZeroDivisionError as e:
    tb = e.__traceback__
    frame = tb.tb_frame
    while frame.f_back is not None:
        frame = frame.f_back
    print("ESCAPED", frame.f_builtins["open"]("/etc/hostname").read())
