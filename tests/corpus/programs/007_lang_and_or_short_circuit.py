# and/or return operands and short-circuit
log = []
def t(name, value):
    log.append(name)
    return value
print(t("a", 0) and t("b", 1), log)
log.clear()
print(t("a", 2) and t("b", 3), log)
log.clear()
print(t("a", 0) or t("b", ""), log)
log.clear()
print(t("a", "x") or t("b", "y"), log)
print([] or "default", None or 0, 0 or None)
print(1 and 2 and 3, 1 and 0 and 3, 0 or 0 or 5)
print(not (1 and 0), (None or []) == [])
d = {}
value = d.get("k") or "fallback"
print(value)
