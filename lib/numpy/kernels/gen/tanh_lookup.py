"""numpy's float32 tanh in WebAssembly SIMD: the per-lane interval lookup and the final fix-ups,
shared by elementwise.wat.gen.py (Horner steps emulated in double lanes) and
elementwise-fma.wat.gen.py (fused multiply-adds). npy-math.ts's tanhF32 states the algorithm.

The coefficient table (npy-math.ts's TANH_F32_TABLE: 32 rows of c6 c5 c4 c3 | c2 c1 c0 b, 32 bytes
each) lives in the kernels' memory at a byte offset each loop takes as its `$table` parameter.
Each lane's row is two v128 loads; a 4x4 transpose of the four lanes' halves gives one vector per
coefficient (numpy's own SSE path does the same).
"""

UNPACK_LO = "0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23"
UNPACK_HI = "8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31"
LOW_HALVES = "0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23"
HIGH_HALVES = "8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31"
COEFFICIENTS = ["c6", "c5", "c4", "c3", "c2", "c1", "c0", "b"]
LOCALS = ["high", "off", "ra0", "ra1", "ra2", "ra3", "rb0", "rb1", "rb2", "rb3", "ta", "tb", "tc", "td"] + COEFFICIENTS


def shuffle(pattern, a, b):
    return f"(i8x16.shuffle {pattern} {a} {b})"


def lookup(u, isplat):
    """Statements setting $c6{u} .. $c0{u} and $b{u} (f32x4) for the lanes of $x{u}; `isplat(v)`
    gives an i32x4 constant with v in every lane."""
    g = lambda name: f"(local.get ${name}{u})"
    out = [
        # Exponent and two leading mantissa bits: the interval (a quarter binade) |x| falls in.
        f"(local.set $high{u} (v128.and {g('x')} {isplat(0x7fe00000)}))",
        # Row offset: intervals below 0.046875 share row 0, those from 9 on (and inf, NaN) row 31.
        f"(local.set $off{u} (i32x4.shr_u (i32x4.min_s (i32x4.max_s (i32x4.sub {g('high')} {isplat(0x3d400000)}) {isplat(0)}) {isplat(0x3e00000)}) (i32.const 16)))",
    ]
    for half, offset, names in (("ra", 0, COEFFICIENTS[:4]), ("rb", 16, COEFFICIENTS[4:])):
        # Each half is loaded and transposed before the next, which keeps fewer vectors live.
        for j in range(4):
            out.append(f"(local.set ${half}{j}{u} (v128.load offset={offset} (i32.add (local.get $table) (i32x4.extract_lane {j} {g('off')}))))")
        r = lambda j: g(f"{half}{j}")
        out += [
            f"(local.set $ta{u} {shuffle(UNPACK_LO, r(0), r(1))})",
            f"(local.set $tb{u} {shuffle(UNPACK_LO, r(2), r(3))})",
            f"(local.set $tc{u} {shuffle(UNPACK_HI, r(0), r(1))})",
            f"(local.set $td{u} {shuffle(UNPACK_HI, r(2), r(3))})",
            f"(local.set ${names[0]}{u} {shuffle(LOW_HALVES, g('ta'), g('tb'))})",
            f"(local.set ${names[1]}{u} {shuffle(HIGH_HALVES, g('ta'), g('tb'))})",
            f"(local.set ${names[2]}{u} {shuffle(LOW_HALVES, g('tc'), g('td'))})",
            f"(local.set ${names[3]}{u} {shuffle(HIGH_HALVES, g('tc'), g('td'))})",
        ]
    return out


def finish(u, r, isplat, fsplat):
    """The stored value from the polynomial's result r: 1 where |x| >= 2^127 * 1.25 or x is
    infinite, x's sign put back, and numpy's positive quiet NaN for NaN lanes."""
    g = lambda name: f"(local.get ${name}{u})"
    saturated = f"(v128.bitselect {fsplat(1.0)} {r} (i32x4.gt_s {g('high')} {isplat(0x7f000000)}))"
    signed = f"(v128.or {saturated} (v128.and {g('x')} {isplat(0x80000000)}))"
    return f"(v128.bitselect {isplat(0x7fc00000)} {signed} (f32x4.ne {g('x')} {g('x')}))"
