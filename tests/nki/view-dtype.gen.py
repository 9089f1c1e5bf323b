"""Goldens for tensor.view(dtype) (tests/nki/view-dtype.test.ts): numpy's ndarray.view on little-endian
bytes. numpy has no bfloat16/float8 here (no ml_dtypes), so those formats are handled as uint16/uint8
bit patterns and decoded below from their IEEE-style layouts (bfloat16 = the top half of a float32;
float8_e5m2 = the top byte of a float16, cross-checked; float8_e4m3 = NKI's IEEE-style E4M3, bias 7,
exponent 1111 for inf/NaN).

Run: python3 tests/nki/view-dtype.gen.py  (writes tests/nki/view-dtype.golden.json)
"""

import json
import math
import os

import numpy as np

rng = np.random.default_rng(20261126)

# name -> (itemsize, numpy container for the raw bits, decoder from that container or None if numpy's own)
RAW = {
    "float32": (4, np.float32), "int32": (4, np.int32), "uint32": (4, np.uint32),
    "float16": (2, np.float16), "int16": (2, np.int16), "uint16": (2, np.uint16),
    "bfloat16": (2, np.uint16), "int8": (1, np.int8), "uint8": (1, np.uint8),
    "float8_e4m3": (1, np.uint8), "float8_e5m2": (1, np.uint8),
}
FLOATS = {"float32", "float16", "bfloat16", "float8_e4m3", "float8_e5m2"}


def fp8(bits, exp_bits, man_bits, bias):
    s = -1.0 if bits >> 7 else 1.0
    e = (bits >> man_bits) & ((1 << exp_bits) - 1)
    m = bits & ((1 << man_bits) - 1)
    if e == (1 << exp_bits) - 1:
        return s * math.inf if m == 0 else math.nan
    if e == 0:
        return s * m * 2.0 ** (1 - bias - man_bits)
    return s * (1 + m / 2 ** man_bits) * 2.0 ** (e - bias)


def values(name, raw_bytes):
    """The elements of a little-endian byte string read as dtype `name`, as Python numbers."""
    size, container = RAW[name]
    a = np.frombuffer(raw_bytes, dtype=np.dtype(container).newbyteorder("<"))
    if name == "bfloat16":
        return [float(x) for x in (a.astype(np.uint32) << 16).view(np.float32)]
    if name == "float8_e5m2":
        out = [fp8(int(b), 5, 2, 15) for b in a]
        check = (a.astype(np.uint16) << 8).view(np.float16)
        assert all((math.isnan(x) and math.isnan(y)) or x == y for x, y in zip(out, check.astype(np.float64)))
        return out
    if name == "float8_e4m3":
        return [fp8(int(b), 4, 3, 7) for b in a]
    if name in FLOATS:
        return [float(x) for x in a]
    return [int(x) for x in a]


def enc(x):
    if isinstance(x, float):
        if math.isnan(x):
            return "nan"
        if math.isinf(x):
            return "inf" if x > 0 else "-inf"
    return x


def random_bytes(name, count, special=()):
    """`count` elements of random bits for dtype `name`, never NaN when it is a float (host arrays of a
    float dtype carry values, and a NaN value has no particular bit pattern)."""
    size = RAW[name][0]
    out = bytearray()
    for s in special:
        out += int(s).to_bytes(size, "little")
    while len(out) < count * size:
        b = rng.integers(0, 256, size, dtype=np.uint8).tobytes()
        if name in FLOATS and math.isnan(values(name, b)[0]):
            continue
        out += b
    return bytes(out[: count * size])


SPECIALS = {
    4: [0, 0x80000000, 0x7F800000, 0xFF800000, 0x00000001, 0x3F800000, 0xFFFFFFFF & ~0x80000000 & ~0x7F800000],
    2: [0, 0x8000, 0x7F80, 0xFF80, 0x7C00, 0x0001, 0x3F80, 0x3C00],
    1: [0, 0x80, 0x78, 0x7C, 0x01, 0x38, 0xFF & ~0x80],
}


def specials_for(name):
    # Drop the specials that are NaN in a float input dtype.
    size = RAW[name][0]
    keep = []
    for s in SPECIALS[size]:
        if name in FLOATS and math.isnan(values(name, int(s).to_bytes(size, "little"))[0]):
            continue
        keep.append(s)
    return keep


def equal_size_cases():
    groups = [["float32", "int32", "uint32"], ["bfloat16", "float16", "int16", "uint16"], ["float8_e4m3", "float8_e5m2", "int8", "uint8"]]
    cases = []
    for g in groups:
        for a in g:
            for b in g:
                if a == b:
                    continue
                raw = random_bytes(a, 32, specials_for(a))
                cases.append({"from": a, "to": b, "shape": [4, 8], "input": [enc(x) for x in values(a, raw)], "expected": [enc(x) for x in values(b, raw)]})
    return cases


def resize_cases():
    specs = [("bfloat16", "float32", [128, 16]), ("float32", "uint8", [4, 4]), ("int8", "int32", [4, 16]),
             ("uint16", "float8_e5m2", [4, 8]), ("float32", "bfloat16", [4, 4]), ("uint8", "float16", [2, 8])]
    cases = []
    for a, b, shape in specs:
        n = shape[0] * shape[1]
        raw = random_bytes(a, n, specials_for(a))
        out_shape = [shape[0], shape[1] * RAW[a][0] // RAW[b][0]]
        cases.append({"from": a, "to": b, "shape": shape, "outShape": out_shape, "input": [enc(x) for x in values(a, raw)], "expected": [enc(x) for x in values(b, raw)]})
    return cases


def write_via_view():
    # f32 tile t = a; t.view(int32)[:, 0:4] = b; read t.
    a = rng.standard_normal((4, 8)).astype(np.float32)
    b = rng.integers(-2**31, 2**31 - 1, (4, 4), dtype=np.int64).astype(np.int32)
    t = a.copy()
    t.view(np.int32)[:, 0:4] = b
    return {"a": [enc(float(x)) for x in a.ravel()], "b": [int(x) for x in b.ravel()], "expected": [enc(float(x)) for x in t.ravel()]}


def write_original():
    # bf16 tile t, views v = t.view(uint16), w = t.view(uint8) taken before t[...] = a.
    raw = random_bytes("bfloat16", 32, specials_for("bfloat16"))
    return {"a": [enc(x) for x in values("bfloat16", raw)], "expectedU16": values("uint16", raw), "expectedU8": values("uint8", raw)}


def resized_write():
    # f32 tile t = a; w = t.view(uint8) ([4, 16]); w[:, 4:8] = b; read t.
    a = rng.standard_normal((4, 4)).astype(np.float32)
    b = rng.integers(0, 256, (4, 4), dtype=np.uint8)
    t = a.copy()
    t.view(np.uint8)[:, 4:8] = b
    return {"a": [float(x) for x in a.ravel()], "b": [int(x) for x in b.ravel()], "expected": [enc(float(x)) for x in t.ravel()]}


def hbm_output_via_view():
    # out (f32, HBM); nl.store(out.view(int32), value=b); return out.
    b = np.frombuffer(random_bytes("int32", 32), dtype="<i4").reshape(4, 8)
    return {"b": [int(x) for x in b.ravel()], "expected": [enc(x) for x in values("float32", b.tobytes())]}


def nan_payloads():
    # uint16 bit patterns that are bfloat16 NaNs with different payloads and signs.
    bits = [0x7FC0, 0x7F81, 0xFFC1, 0x7FFF, 0xFF80 | 0x15, 0x7FA5, 0x7F80, 0x3F80]
    raw = b"".join(int(x).to_bytes(2, "little") for x in bits)
    return {"bits": bits, "asBf16": [enc(x) for x in values("bfloat16", raw)]}


def abs_via_bits():
    # |x| of bfloat16 values by clearing the sign bit through a uint16 view (16-bit integers are exact
    # in the engines' fp32 arithmetic).
    bits = np.frombuffer(random_bytes("bfloat16", 32, specials_for("bfloat16")), dtype="<u2")
    cleared = (bits & 0x7FFF).astype("<u2")
    return {"a": [enc(x) for x in values("bfloat16", bits.tobytes())], "expected": [enc(x) for x in values("bfloat16", cleared.tobytes())]}


golden = {
    "equal": equal_size_cases(),
    "resize": resize_cases(),
    "writeViaView": write_via_view(),
    "writeOriginal": write_original(),
    "resizedWrite": resized_write(),
    "hbmOutputViaView": hbm_output_via_view(),
    "nanPayloads": nan_payloads(),
    "absViaBits": abs_via_bits(),
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "view-dtype.golden.json")
with open(path, "w") as f:
    json.dump(golden, f, allow_nan=False, separators=(",", ":"))
    f.write("\n")
print(f"wrote {path}: {len(golden['equal'])} equal-size pairs, {len(golden['resize'])} resizing views")
