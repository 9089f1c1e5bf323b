"""Generates the golden files for lib/python/format from CPython itself.

Run with python3 (3.11):  python3 lib/python/format/format.gen.py
Writes lib/python/format/goldens/*.json. Floats are encoded as the 16-hex-digit IEEE-754 bit pattern so
-0.0, subnormals and every last bit survive the JSON round trip. Deterministic (fixed seeds).
"""
import json
import math
import os
import random
import struct
import sys

assert sys.version_info[:2] == (3, 11), "goldens must come from CPython 3.11"

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "goldens")
os.makedirs(OUT, exist_ok=True)


def bits(x):
    return struct.pack(">d", x).hex()


def from_bits(h):
    return struct.unpack(">d", bytes.fromhex(h))[0]


def write(name, data):
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(data, f, ensure_ascii=True, separators=(",", ":"))
        f.write("\n")


def interesting_floats(rng, n_random):
    xs = [0.0, -0.0, math.inf, -math.inf, math.nan, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1.0, -1.0, 0.5, 1.5, 2.5,
          0.125, 0.375, 1e16, 1e-5, 1e-4, 0.0001, 1e20, 1e-7, 1e21, 1e22, 1e23, 123456789012345.0,
          1234567890123456.0, 12345678901234567.0, 9999999999999998.0, 2.0 ** 53, 2.0 ** 53 + 2, 2e16 + 8,
          5e-324, 2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308, 3.141592653589793,
          2.718281828459045, 100.0, 1e100, 1.5e-10, 0.001, 0.01, 123.456, -123.456, 9.5, 0.05, 0.15, 0.25,
          0.35, 1.005, 2.675, 1.45, 0.045, 99.995, 999999.5, 0.9999999, 9.999999e-5]
    for e in range(-330, 310):
        xs.append(float(f"1e{e}"))
    for k in range(-1074, 1024, 7):
        xs.append(2.0 ** k)
    for _ in range(n_random):  # random bit patterns: every exponent range
        x = from_bits("%016x" % rng.getrandbits(64))
        if math.isfinite(x):
            xs.append(x)
    for _ in range(n_random):  # short decimals, the common case
        xs.append(round(rng.uniform(-1000, 1000), rng.randint(0, 6)))
    for _ in range(n_random // 2):  # exact binary fractions: ties for f/e/g rounding
        xs.append(rng.randint(-10 ** 6, 10 ** 6) / 2.0 ** rng.randint(0, 12))
    return xs


def outcome(fn):
    try:
        return {"ok": fn()}
    except (ValueError, TypeError, OverflowError, KeyError) as e:
        return {"error": type(e).__name__, "message": str(e)}


def gen_repr(rng):
    cases = [[bits(x), repr(x)] for x in interesting_floats(rng, 3000)]
    write("float-repr.json", cases)


TYPES_INT = ["", "b", "c", "d", "o", "x", "X", "n", "e", "E", "f", "F", "g", "G", "%", "s", "r"]
TYPES_FLOAT = ["", "e", "E", "f", "F", "g", "G", "n", "%", "d", "x", "s"]
TYPES_STR = ["", "s", "d", "f"]


def random_spec(rng, types):
    parts = []
    r = rng.random()
    if r < 0.15:
        parts.append(rng.choice(["*", "0", "x", "_", " ", "\u00e9", "\U0001F600"]) + rng.choice("<>^="))
    elif r < 0.35:
        parts.append(rng.choice("<>^="))
    if rng.random() < 0.3:
        parts.append(rng.choice("+- "))
    if rng.random() < 0.1:
        parts.append("z")
    if rng.random() < 0.2:
        parts.append("#")
    if rng.random() < 0.2:
        parts.append("0")
    if rng.random() < 0.5:
        parts.append(str(rng.choice([1, 2, 5, 8, 10, 12, 15, 20, 30])))
    if rng.random() < 0.2:
        parts.append(rng.choice([",", "_", ",", "_", ",_", "_,"]))
    if rng.random() < 0.5:
        parts.append("." + str(rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 10, 15, 17, 20, 30, 50, 120])))
    elif rng.random() < 0.02:
        parts.append(".")
    parts.append(rng.choice(types))
    return "".join(parts)


def encode_value(v):
    if isinstance(v, bool):
        return {"bool": v}
    if isinstance(v, int):
        return {"int": str(v)}
    if isinstance(v, float):
        return {"float": bits(v)}
    if isinstance(v, str):
        return {"str": v}
    raise TypeError(v)


def gen_format_spec(rng):
    ints = [0, 1, -1, 7, 42, -42, 255, 1000, 1234, -1234, 65, 0x1F600, 1234567, -1234567, 2 ** 31, 2 ** 53 + 1,
            2 ** 63, -2 ** 63, 2 ** 64 + 12345, 10 ** 30, -(10 ** 30) - 7, 3 ** 200, 0x110000, 2 ** 1024 - 1]
    floats = [0.0, -0.0, 1.0, -1.0, 0.5, 2.5, 3.14159, -2.71828, 1e-5, 1e-4, 123456.789, -123456.789, 1e16,
              1e22, 1.5e-300, 5e-324, 1.7976931348623157e308, math.inf, -math.inf, math.nan, 0.125, 1234.5,
              0.001, -0.001, 99.995, 1e100, 2 ** 70 + 0.0, 0.3, 1 / 3, 9.5, 10.0, 1e15, 1e17]
    strs = ["", "a", "hello", "h\u00e9llo", "\U0001F600x", "hello world", "x" * 40]
    specs_common = ["", "d", "5", "<5", ">5", "^5", "=5", "+", "-", " ", "05", "010", ",", "_", "10,", "010,",
                    "08,", "09,", "_x", "#x", "#X", "#o", "#b", "#010x", "#012_x", "#_b", "x<10", "*^11",
                    ".2", ".3f", "10.3f", "+.2e", ".0e", "#.0e", ".0f", "#.0f", "g", ".1g", ".10g", "#g", "#.3g",
                    "%", ".1%", ",.2f", "_.3f", "012,.2f", "z", "z.1f", "z.3g", "c", "+c", "#c", "=c", "n", ",n",
                    "_n", ".", "10.", "abc", "}", ",_", "_,", ",x", ",b", "s", ".0", "00", "<<", "99999999999999999999d",
                    ".99999999999999999999f", ".2147483648f", "\x00<5", "e", "E", "G", "F", "r", "a", "%5"]
    cases = []
    for v in ints + floats + strs + [True, False]:
        for s in specs_common:
            cases.append([encode_value(v), s, outcome(lambda: format(v, s))])
    for _ in range(9000):
        kind = rng.random()
        if kind < 0.4:
            v = rng.choice(ints) if rng.random() < 0.5 else rng.randint(-10 ** rng.randint(1, 25), 10 ** rng.randint(1, 25))
            s = random_spec(rng, TYPES_INT)
        elif kind < 0.85:
            v = rng.choice(floats) if rng.random() < 0.4 else rng.choice(
                [rng.uniform(-1e6, 1e6), rng.uniform(-1, 1), rng.randint(-10 ** 6, 10 ** 6) / 2 ** rng.randint(0, 10),
                 from_bits("%016x" % rng.getrandbits(64)), 10.0 ** rng.randint(-30, 30) * rng.random()])
            s = random_spec(rng, TYPES_FLOAT)
        elif kind < 0.95:
            v = rng.choice(strs)
            s = random_spec(rng, TYPES_STR)
        else:
            v = rng.random() < 0.5
            s = random_spec(rng, TYPES_INT)
        cases.append([encode_value(v), s, outcome(lambda: format(v, s))])
    write("format-spec.json", cases)


class Other:
    """Stands for a runtime object the formatter only sees through hooks (lists, dicts, numpy scalars)."""


def encode_arg(v):
    if type(v) in (bool, int, float, str):
        return encode_value(v)
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        # an int/float subclass (like numpy.float64): numeric, but with its own str/repr
        enc = encode_value(type(v).__mro__[-2](v))
        enc["sub"] = {"type": type(v).__name__, "str": str(v), "repr": repr(v), "ascii": ascii(v)}
        return enc
    if isinstance(v, tuple):
        return {"tuple": [encode_arg(x) for x in v], "repr": repr(v)}
    if isinstance(v, dict):
        return {"dict": [[k, encode_arg(x)] for k, x in v.items()], "repr": repr(v)}
    info = {"type": type(v).__name__, "str": str(v), "repr": repr(v), "ascii": ascii(v),
            "mapping": hasattr(type(v), "__getitem__")}
    for name, conv in (("index", lambda: v.__index__()), ("int", lambda: int(v)), ("float", lambda: float(v))):
        try:
            info[name] = str(conv()) if name != "float" else bits(conv())
        except Exception:
            info[name] = None
    return {"other": info}


class WithIndex:
    def __index__(self):
        return 65

    def __repr__(self):
        return "WithIndex()"


class F64(float):
    def __repr__(self):
        return f"F64({float(self)!r})"


class Int8(int):
    def __repr__(self):
        return f"Int8({int(self)})"

    def __str__(self):
        return f"<{int(self)}>"


class WithFloat:
    def __float__(self):
        return 2.5

    def __repr__(self):
        return "WithFloat()"


def gen_percent(rng):
    S = "spam"
    fixed = [
        ("%s", 5), ("%s", "x"), ("%s", 1.5), ("%s", True), ("%r", "it's"), ("%r", 'a"b'), ("%a", "h\u00e9\n"),
        ("%s %s", (1, 2)), ("%d", 3.7), ("%d", -3.7), ("%i", 2 ** 70), ("%u", 12), ("%x", 255), ("%X", 255),
        ("%#x", 255), ("%#X", 255), ("%#o", 8), ("%#o", -8), ("%o", 8), ("%.5x", -255), ("%5d", 42), ("%-5d|", 42),
        ("%05d", -42), ("%+d", 5), ("% d", 5), ("%+05d", -3), ("%+.3d", 5), ("%#08o", 8), ("%#8o", 8),
        ("%#08x", 255), ("%-#08x", 255), ("%#5x", 255), ("%f", 3.14159), ("%.2f", 2.675), ("%.0f", 0.5),
        ("%.0f", 1.5), ("%5.1f", -0.05), ("%e", 12345.678), ("%E", 1e-10), ("%g", 1e-5), ("%g", 123456789.0),
        ("%G", 1e20), ("%#g", 1.0), ("%#.0f", 1.0), ("%#.0e", 1.0), ("%010.3f", -3.14159), ("%-10.3f|", 3.14159),
        ("%+f", 0.0), ("%+f", -0.0), ("% f", 1.0), ("%f", math.nan), ("%+f", math.nan), ("%010f", -math.inf),
        ("%e", 1e301), ("%f", 1e22), ("%.30f", 0.1), ("%.20e", 1 / 3), ("%c", 65), ("%c", "z"), ("%c", "ab"),
        ("%c", 65.0), ("%c", 0x110000), ("%c", -1), ("%c", 2 ** 70), ("%c", 0x1F600), ("%5c|", 66), ("%-3c|", "q"),
        ("%d", "a"), ("%x", 3.5), ("%f", "a"), ("%d", math.inf), ("%d", math.nan), ("%x", True), ("%d", True),
        ("%s %s", [1, 2]), ("hello", [1]), ("hello", 5), ("hello", ()), ("%(a)s %(b)d", {"a": 1, "b": 2}),
        ("%(a)s", 1), ("%s", {"a": 1}), ("%(a)s %s", {"a": 1}), ("%(a)s %(a)r", {"a": "q"}), ("%(x(y))s", {"x(y)": 3}),
        ("%*d", (5, 3)), ("%-*d|", (-5, 3)), ("%.*f", (2, 3.14159)), ("%*.*f", (8, 3, 2.5)), ("%*d", ("a", 3)),
        ("%ld", 5), ("%hd", 5), ("%Lf", 1.5), ("%(a", {}), ("%.3s", "abcdef"), ("%5.1r", "abc"), ("%-6s|", S),
        ("%6s", S), ("%.0s", S), ("%5%", ()), ("%y", ()), ("%y", (1,)), ("abc%", (1,)), ("%", ()), ("%-", 1),
        ("%5", 1), ("%.", 1), ("%*", (1,)), ("%%", ()), ("%%%d", 5), ("100%% %s", "done"), ("%d %d", (1,)),
        ("%d", (1, 2)), ("%s", (1,)), ("%s", ((1, 2),)), ("%d%%", 50), ("%s|%r|%a", ("\u00e9", "\u00e9", "\u00e9")),
        ("%s", WithIndex()), ("%x", WithIndex()), ("%d", WithIndex()), ("%c", WithIndex()), ("%f", WithIndex()),
        ("%f", WithFloat()), ("%d", WithFloat()), ("%x", WithFloat()), ("%r", WithFloat()), ("%s", [1, "a"]),
        ("%r", [1, "a"]), ("%d items", [3]), ("%s", None), ("%d", None), ("%.3d", 2 ** 80), ("%x", -2 ** 80),
        ("%20.10f", 12345.6789), ("%-+8.2f|", 2.5), ("%+-8.2f|", 2.5), ("% 08.2f", 2.5), ("%#-8x|", 10),
        ("%s \U0001F600 %d", ("\U0001F600", 1)), ("\U0001F600%y", (1,)), ("%.2s", "\U0001F600\U0001F601x"),
        ("%f", 2 ** 2000), ("%g", 10 ** 20), ("%e", True),
        ("%s|%r|%a|%.1f|%d", (F64(2.5),) * 5), ("%s|%r|%x|%5.1f|%d", (Int8(7),) * 5),
    ]
    cases = [[t, encode_arg(a), outcome(lambda: t % a)] for t, a in fixed]
    for _ in range(1500):
        flags = "".join(rng.sample("-+ #0", rng.randint(0, 3)))
        width = str(rng.choice([1, 3, 6, 10, 15])) if rng.random() < 0.6 else ""
        prec = "." + str(rng.choice([0, 1, 2, 3, 6, 12])) if rng.random() < 0.5 else ""
        ch = rng.choice("sdixXoeEfFgGrc")
        if ch == "c":
            v = rng.choice([65, 97, 0x263A, "x"])
        elif ch in "sr":
            v = rng.choice([5, -5, 1.25, "txt", "it's", True])
        elif ch in "dixXo":
            v = rng.randint(-10 ** 12, 10 ** 12)
        else:
            v = rng.choice([rng.uniform(-1e4, 1e4), rng.randint(-1000, 1000) / 8, 10.0 ** rng.randint(-12, 12)])
        t = "<%" + flags + width + prec + ch + ">"
        cases.append([t, encode_arg(v), outcome(lambda: t % v)])
    write("percent.json", cases)


def gen_round(rng):
    xs = interesting_floats(rng, 400)
    cases = []
    for x in xs:
        cases.append([bits(x), None, outcome(lambda: str(round(x)))])
        for nd in (0, 2, -1, rng.randint(-20, 20), rng.randint(-320, 330)):
            cases.append([bits(x), nd, outcome(lambda: bits(round(x, nd)))])
    for x in (1.5, 2.5, 0.5, -0.5, -1.5, 0.285, 0.125, 2.675, 1e300, 1.7976931348623157e308, 5e-324):
        for nd in (-400, -309, -308, -307, -300, 0, 2, 15, 17, 300, 322, 323, 324, 10 ** 20, -(10 ** 20)):
            cases.append([bits(x), str(nd), outcome(lambda: bits(round(x, nd)))])
    ints = []
    for n in (0, 5, 15, 25, -25, 35, 45, 1234, -1234, 1250, 1350, -1350, 10 ** 20 + 5 * 10 ** 9, 2 ** 100, -(2 ** 100)):
        for nd in (-1, -2, -3, -10, -25, -1000, 0, 3):
            ints.append([str(n), nd, str(round(n, nd))])
    for _ in range(400):
        n = rng.randint(-10 ** 30, 10 ** 30)
        nd = rng.randint(-32, 2)
        ints.append([str(n), nd, str(round(n, nd))])
    write("round.json", {"float": cases, "int": ints})


def gen_str_repr(rng):
    samples = ["", "a", "it's", 'say "hi"', "both ' and \"", "back\\slash", "tab\tnl\ncr\r", "\x00\x01\x1f\x7f",
               "\x80\x9f\xa0\xad\xff", "h\u00e9llo", "\u2028\u2029\u200b\u3000", "\ufeff", "\ue000", "\ud800",
               "\udfff", "\U0001F600", "\U0010FFFF", "\U000E0001", "\u0378", "\u4e2d\u6587", "\u0301", "a\u00a0b"]
    alphabet = [chr(c) for c in list(range(0, 0x250)) + [0x2028, 0x2029, 0x3000, 0xFEFF, 0xE000, 0xD800, 0xDC00,
                                                         0x1F600, 0x1D11E, 0xE0001, 0x10FFFF, 0x0378, 0x4E2D]]
    for _ in range(300):
        samples.append("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))))
    write("str-repr.json", [[s, repr(s), ascii(s)] for s in samples])


def main():
    gen_repr(random.Random(1))
    gen_format_spec(random.Random(2))
    gen_percent(random.Random(3))
    gen_round(random.Random(4))
    gen_str_repr(random.Random(5))


main()
