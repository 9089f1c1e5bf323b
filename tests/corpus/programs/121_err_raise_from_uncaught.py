# Uncaught chained exception (raise ... from ...): the final traceback names the outer error
def load(cfg, key):
    try:
        return cfg[key]
    except KeyError as e:
        raise ValueError(f"config is missing {key!r}") from e
cfg = {"tile": 128}
print(load(cfg, "tile"))
try:
    load(cfg, "dtype")
except ValueError as e:
    print("caught:", e, "| cause:", repr(e.__cause__))
print(load(cfg, "psum"))
