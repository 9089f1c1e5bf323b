# Uncaught error inside an f-string expression on a multi-line call
def describe(stats):
    return (
        f"mean={stats['mean']:.2f} "
        f"max={stats['max']:.2f} "
        f"p99={stats['p99']:.2f}"
    )
print(describe({"mean": 1.5, "max": 3.0, "p99": 2.9}))
partial = {"mean": 0.5, "max": 1.0}
print(describe(partial))
