# Fixed-width result tables: str.format with aligned fields, header replace, rules and units
_COLUMNS = "  {:>5}  {:>5}  {:>8}  {:>9}  {:>7}  {:>10}"
_HEADER = _COLUMNS.format("Hkv", "group", "MiB", "lat us", "GB/s", "max|diff|")
rows = [
    {"n_kv": 8, "group": 1, "nbytes": 8 * 2048 * 128 * 4, "latency": 8.31e-5, "max_diff": 3.1e-7},
    {"n_kv": 4, "group": 2, "nbytes": 4 * 2048 * 128 * 4, "latency": 4.2e-5, "max_diff": None},
    {"n_kv": 1, "group": 8, "nbytes": 2048 * 128 * 4, "latency": 1.07e-5, "max_diff": 0.0125},
]
print(_HEADER.replace("Hkv", f"{'N':>3}", 1))
print("  " + "-" * (len(_HEADER) - 2))
for r in rows:
    diff = "-" if r["max_diff"] is None else f"{r['max_diff']:.2e}"
    gbs = r["nbytes"] / r["latency"] / 1e9
    print(_COLUMNS.format(r["n_kv"], r["group"], f"{r['nbytes'] / 1024**2:.2f}",
                          f"{r['latency'] * 1e6:.2f}", f"{gbs:.1f}", diff))
util = {"pe": 71.25, "act": 12.5, "dve": 40.0, "pool": 3.125}
print("  {:<8}  {:>8}".format("engine", "% busy"))
for name, pct in sorted(util.items(), key=lambda kv: -kv[1]):
    print("  {:<8}  {:>8}".format(name, f"{pct:.1f}"))
print("{0}/{1} = {2:.1%}".format(3, 8, 3 / 8), "{:^11}|".format("mid"), "{:*<6}".format("ab"))
print("{name!r:>8} {value:08.3f} {value:+.1e}".format(name="x", value=3.14159))
print("{:,}".format(1234567), "{:_}".format(10 ** 8), "{:x} {:#o} {:b}".format(255, 8, 5))
