/**
 * numpy's own float32 exp, log, sin, cos and tanh (its AVX2/AVX512F kernels):
 * Cody-Waite range reduction and rational/polynomial approximations evaluated with fused
 * multiply-adds in float32. Reproducing them makes np.exp/np.log on float32 arrays bit-identical
 * to numpy on x86-64 (checked on 500 000 inputs), where a correctly rounded exp differs in ~38 %
 * of cases by one ulp; sin/cos match on all of 100 000 inputs below 10^4 and ~99.9 % beyond
 * (the FMA emulation below rounds twice in rare cases). Constants are numpy's NPY_*f values.
 */
import { ddMul, pow as crPow, twoProd } from "../python/runtime/correctly-rounded";
const f = Math.fround;

const view = new DataView(new ArrayBuffer(4));

/** A float32 constant from its bit pattern (numpy's NPY_*f literals rounded to float32). */
function fromBits(b: number): number {
  view.setUint32(0, b);
  return view.getFloat32(0);
}

/** float32 fused multiply-add: the product of two float32 values is exact in double. */
function fma(a: number, b: number, c: number): number {
  return f(a * b + c);
}

const RINT_MAGIC = 6755399441055744; // 1.5 * 2^52: adding and subtracting it rounds half to even

/** Round half to even for |v| < 2^51 (the reduced arguments here are far smaller). */
function rint(v: number): number {
  return v + RINT_MAGIC - RINT_MAGIC;
}

const LOG2E = fromBits(0x3fb8aa3b) /* 1.442695040888963407359924681001892137 */;
const LN2_HI = fromBits(0xbf317200) /* -6.93145752e-1 */;
const LN2_LO = fromBits(0xb5bfbe8e) /* -1.42860677e-6 */;
const EP0 = fromBits(0x3f800000) /* 9.999999999980870924916e-1 */;
const EP1 = fromBits(0x3f39cbd5) /* 7.257664613233124478488e-1 */;
const EP2 = fromBits(0x3e7d4c58) /* 2.473615434895520810817e-1 */;
const EP3 = fromBits(0x3d517d8c) /* 5.114512081637298353406e-2 */;
const EP4 = fromBits(0x3bdd7159) /* 6.757896990527504603057e-3 */;
const EP5 = fromBits(0x3a053dd8) /* 5.082762527590693718096e-4 */;
const EQ1 = fromBits(0xbe8c6857) /* -2.742335390411667452936e-1 */;
const EQ2 = fromBits(0x3cb0e832) /* 2.159509375685829852307e-2 */;
const EXP_MAX = 88.72283935546875;

/** 2^k for the k exp can produce (Math.pow in the loop would dominate its cost). */
const POW2_BIAS = 160;
const POW2 = Float64Array.from({ length: 320 }, (_, i) => 2 ** (i - POW2_BIAS));
const EXP_MIN = -103.97208404541015625;

/** np.exp for a float32 input (given as a double holding a float32 value). */
export function expF32(x: number): number {
  if (x !== x) return x;
  if (x >= EXP_MAX) return Infinity;
  if (x <= EXP_MIN) return 0;
  const k = rint(f(x * LOG2E));
  let y = fma(k, LN2_HI, x);
  y = fma(k, LN2_LO, y);
  let num = fma(EP5, y, EP4);
  num = fma(num, y, EP3);
  num = fma(num, y, EP2);
  num = fma(num, y, EP1);
  num = fma(num, y, EP0);
  let den = fma(EQ2, y, EQ1);
  den = fma(den, y, 1);
  return f(f(num / den) * POW2[k + POW2_BIAS]);
}

const LP1 = fromBits(0x3f800000) /* 9.999999999999998702752e-1 */;
const LP2 = fromBits(0x4007361c) /* 2.112677543073053063722 */;
const LP3 = fromBits(0x3fbd70a9) /* 1.480000633576506585156 */;
const LP4 = fromBits(0x3ec30333) /* 3.808837741388407920751e-1 */;
const LP5 = fromBits(0x3cd42bcd) /* 2.589979117907922693523e-2 */;
const LQ1 = fromBits(0x4027361c) /* 2.612677543073109236779 */;
const LQ2 = fromBits(0x401cfe0d) /* 2.453006071784736363091 */;
const LQ3 = fromBits(0x3f7c8ae4) /* 9.864942958519418960339e-1 */;
const LQ4 = fromBits(0x3e1e5bf3) /* 1.546476374983906719538e-1 */;
const LQ5 = fromBits(0x3bc083df) /* 5.875095403124574342950e-3 */;
const LOGE2 = fromBits(0x3f317218) /* 0.693147180559945309417232121458176568 */;
const SQRT1_2 = fromBits(0x3f3504f3) /* 0.707106781186547524400844362104849039 */;
const FLT_MIN = 1.1754943508222875e-38;
const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);


/** np.log for a float32 input. */
export function logF32(x: number): number {
  if (x !== x) return x;
  if (x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  // Subnormals are scaled by 2^100 before splitting exponent and mantissa.
  let scaled = x;
  let bias = 0;
  if (scaled < FLT_MIN) {
    scaled = f(scaled * 2 ** 100);
    bias = 100;
  }
  F32[0] = scaled;
  const b = U32[0];
  let e = ((b >>> 23) & 0xff) - 126 - bias;
  U32[0] = (b & 0x7fffff) | (126 << 23);
  let m = F32[0];
  if (m <= SQRT1_2) {
    m = f(m + m);
    e -= 1;
  }
  const y = f(m - 1);
  let num = fma(LP5, y, LP4);
  num = fma(num, y, LP3);
  num = fma(num, y, LP2);
  num = fma(num, y, LP1);
  num = fma(num, y, 0);
  let den = fma(LQ5, y, LQ4);
  den = fma(den, y, LQ3);
  den = fma(den, y, LQ2);
  den = fma(den, y, LQ1);
  den = fma(den, y, 1);
  return fma(e, LOGE2, f(num / den));
}

// numpy's float32 sin/cos kernel: Cody-Waite reduction by pi/2 in three parts, then a cosine or
// sine polynomial by quadrant. Inputs beyond 117435.992 use the scalar libm path, like numpy.
const TWO_O_PI = fromBits(0x3f22f983); // 0x1.45f306p-1
const PI2_HI = fromBits(0xbfc90fd8); // -0x1.921fb0p+0
const PI2_MED = fromBits(0xb4a8885a); // -0x1.5110b4p-22
const PI2_LO = fromBits(0xa7c234c4); // -0x1.846988p-48
const COS4 = fromBits(0x3d2aaa9e); // 0x1.55553cp-5
const COS6 = fromBits(0xbab6036e); // -0x1.6c06dcp-10
const COS8 = fromBits(0x37cc730b); // 0x1.98e616p-16
const SIN3 = fromBits(0xbe2aaaab); // -0x1.555556p-3
const SIN5 = fromBits(0x3c0888cd); // 0x1.11119ap-7
const SIN7 = fromBits(0xb95035dd); // -0x1.a06bbap-13
const SIN9 = fromBits(0x363e9dde); // 0x1.7d3bbcp-19
const SINCOS_LIMIT = 117435.992;

function sincosF32(x: number, isCos: boolean): number {
  if (x - x !== 0) return NaN;
  // sin(-0.0) is -0.0 in numpy; the polynomial below would give +0 (fma(-0, -0, -0) is +0).
  if (x === 0 && !isCos) return x;
  if (Math.abs(x) > SINCOS_LIMIT) return f(isCos ? Math.cos(x) : Math.sin(x));
  const q = rint(f(x * TWO_O_PI));
  let r = fma(q, PI2_HI, x);
  r = fma(q, PI2_MED, r);
  r = fma(q, PI2_LO, r);
  const quadrant = (q | 0) + (isCos ? 1 : 0);
  const r2 = f(r * r);
  let v: number;
  if (quadrant & 1) {
    v = fma(COS8, r2, COS6);
    v = fma(v, r2, COS4);
    v = fma(v, r2, -0.5);
    v = fma(v, r2, 1);
  } else {
    v = fma(SIN9, r2, SIN7);
    v = fma(v, r2, SIN5);
    v = fma(v, r2, SIN3);
    v = f(v * r2);
    v = fma(v, r, r);
  }
  return quadrant & 2 ? -v : v;
}

/** np.sin / np.cos for a float32 input. */
export const sinF32 = (x: number): number => sincosF32(x, false);
export const cosF32 = (x: number): number => sincosF32(x, true);

// numpy's float32 tanh (its SIMD loop, converted from Intel SVML): |x| below 0.046875, then each
// quarter of a binade up to 9, has its own degree-6 polynomial in y = |x| - b, evaluated by FMAs in
// Horner's order; from 9 on (and for infinities) tanh is 1, and the sign of x is put back last.
// One row per interval: c6, c5, c4, c3, c2, c1, c0, b as float32 bit patterns (numpy's lut8x32).
export const TANH_F32_TABLE = new Uint32Array([
  0xbc0e2f66, 0x3e0910e9, 0xb76dd6b9, 0xbeaaaaa5, 0xb0343c7b, 0x3f800000, 0x00000000, 0x00000000,
  0x460bda12, 0x43761143, 0xbe1c276d, 0xbeab0612, 0xbd6ee69d, 0x3f7f1f84, 0x3d6fb9c9, 0x3d700000,
  0x43d638ef, 0x4165ecdc, 0x3c1dcf2f, 0xbea7f01f, 0xbd8f0da7, 0x3f7ebd11, 0x3d8fc35f, 0x3d900000,
  0xc3e11c3e, 0xc190f756, 0x3dc1a78d, 0xbea4e120, 0xbdae477d, 0x3f7e1e5f, 0x3daf9169, 0x3db00000,
  0xc2baa4e9, 0xc08c097d, 0x3d96f985, 0xbea387b7, 0xbdcd2a1f, 0x3f7d609f, 0x3dcf49ab, 0x3dd00000,
  0xc249da2d, 0xc02ba813, 0x3da2b61b, 0xbea15962, 0xbdeba80d, 0x3f7c842d, 0x3deee849, 0x3df00000,
  0xc1859b82, 0xbf7f6bda, 0x3dc13397, 0xbe9d57f7, 0xbe0c443b, 0x3f7b00e5, 0x3e0f0ee8, 0x3e100000,
  0x40dd5b57, 0x3f2b1dc0, 0x3dd2f670, 0xbe976b5a, 0xbe293cf3, 0x3f789580, 0x3e2e4984, 0x3e300000,
  0x40494640, 0x3ece105d, 0x3df48a0a, 0xbe90230d, 0xbe44f282, 0x3f75b8ad, 0x3e4d2f8e, 0x3e500000,
  0x40c730a8, 0x3f426a94, 0x3e06c5a8, 0xbe880dff, 0xbe5f3651, 0x3f726fd9, 0x3e6bb32e, 0x3e700000,
  0xbf0f160e, 0xbadb0dc4, 0x3e1a3aba, 0xbe7479b3, 0xbe81c7c0, 0x3f6cc59b, 0x3e8c51cd, 0x3e900000,
  0x3e30e76f, 0x3da43b17, 0x3e27c405, 0xbe4c3d88, 0xbe96d7ca, 0x3f63fb92, 0x3ea96163, 0x3eb00000,
  0xbea81387, 0xbd51ab88, 0x3e2e78d0, 0xbe212482, 0xbea7fb8e, 0x3f59ff97, 0x3ec543f1, 0x3ed00000,
  0xbdb26a1c, 0xbcaea23d, 0x3e2c3e44, 0xbdeb8cba, 0xbeb50e9e, 0x3f4f11d7, 0x3edfd735, 0x3ef00000,
  0xbd351e57, 0xbd3b6d8d, 0x3e1d3097, 0xbd5e78ad, 0xbec12efe, 0x3f3d7573, 0x3f028438, 0x3f100000,
  0xbb4c01a0, 0xbd6caaad, 0x3df4a8f4, 0x3c6b5e6e, 0xbec4be92, 0x3f24f360, 0x3f18abf0, 0x3f300000,
  0x3c1d7bfb, 0xbd795bed, 0x3da38508, 0x3d839143, 0xbebce070, 0x3f0cbfe7, 0x3f2bc480, 0x3f500000,
  0x3c722cd1, 0xbd5fddda, 0x3d31416a, 0x3dc21ee1, 0xbead510e, 0x3eec1a69, 0x3f3bec1c, 0x3f700000,
  0x3c973f1c, 0xbd038f3b, 0x3b562657, 0x3de347af, 0xbe8ef7d6, 0x3eb0a801, 0x3f4f2e5b, 0x3f900000,
  0x3c33a31b, 0xbc1cad63, 0xbcaeeac9, 0x3dcbec96, 0xbe4b8704, 0x3e6753a2, 0x3f613c53, 0x3fb00000,
  0x3b862ef4, 0x3abb4766, 0xbcce9419, 0x3d99ef2d, 0xbe083237, 0x3e132f1a, 0x3f6ce37d, 0x3fd00000,
  0x3a27b3d0, 0x3b95f10b, 0xbcaaeac4, 0x3d542ea1, 0xbdaf7449, 0x3db7e7d3, 0x3f743c4f, 0x3ff00000,
  0xba3b5907, 0x3b825873, 0xbc49e7d0, 0x3cdde701, 0xbd2e1ec4, 0x3d320845, 0x3f7a5feb, 0x40100000,
  0xba0efc22, 0x3afaea66, 0xbba71ddd, 0x3c2cca67, 0xbc83bf06, 0x3c84d3d4, 0x3f7dea85, 0x40300000,
  0xb97f9f0f, 0x3a49f878, 0xbb003b0e, 0x3b81cb27, 0xbbc3e0b5, 0x3bc477b7, 0x3f7f3b3d, 0x40500000,
  0xb8c8af50, 0x39996bf3, 0xba3f9a05, 0x3ac073a1, 0xbb10aadc, 0x3b10d3da, 0x3f7fb78c, 0x40700000,
  0xb7bdddfb, 0x388f3e6c, 0xb92c08a7, 0x39ac3032, 0xba0157db, 0x3a01601e, 0x3f7fefd4, 0x40900000,
  0xb64f2950, 0x371bb0e3, 0xb7ba9232, 0x383a94d9, 0xb88c18f2, 0x388c1a3b, 0x3f7ffdd0, 0x40b00000,
  0xb4e085b1, 0x35a8a5e6, 0xb64a0b0f, 0x36ca081d, 0xb717b096, 0x3717b0da, 0x3f7fffb4, 0x40d00000,
  0xb3731dfa, 0x34369b17, 0xb4dac169, 0x355abd4c, 0xb5a43bae, 0x35a43bce, 0x3f7ffff6, 0x40f00000,
  0xb15a1f04, 0x322487b0, 0xb2ab78ac, 0x332b3cb6, 0xb383012c, 0x338306c6, 0x3f7fffff, 0x41100000,
  0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x3f800000, 0x00000000,
]);
const TANH_COEF = new Float32Array(TANH_F32_TABLE.buffer);
const I32 = new Int32Array(F32.buffer);

/** np.tanh for a float32 input (numpy returns its positive quiet NaN for every NaN). */
export function tanhF32(x: number): number {
  if (x !== x) return NaN;
  F32[0] = x;
  const bits = I32[0];
  const high = bits & 0x7fe00000; // exponent and two leading mantissa bits: the interval
  let r = 1;
  if (high <= 0x7f000000) {
    const row = 8 * (Math.min(Math.max(high - 0x3d400000, 0), 0x3e00000) >> 21);
    const y = f(Math.abs(x) - TANH_COEF[row + 7]);
    r = fma(TANH_COEF[row], y, TANH_COEF[row + 1]);
    for (let j = 2; j <= 6; j++) r = fma(r, y, TANH_COEF[row + j]);
  }
  F32[0] = r;
  I32[0] |= bits & 0x80000000;
  return F32[0];
}

// ---- pow ----------------------------------------------------------------------------------------

/**
 * x ** n for a safe-integer exponent, carried in double-double so the result is rounded once
 * (V8's Math.pow gives 10 ** -5 == 9.999999999999999e-06; C's pow, which numpy uses, does not).
 */
function powInt(x: number, n: number): number {
  let e = Math.abs(n);
  let rh = 1;
  let rl = 0;
  let bh = x;
  let bl = 0;
  while (e > 0) {
    if (e % 2 === 1) [rh, rl] = ddMul(rh, rl, bh, bl);
    e = Math.floor(e / 2);
    if (e > 0) [bh, bl] = ddMul(bh, bl, bh, bl);
  }
  if (n >= 0) return rh + rl;
  if (!Number.isFinite(rh) || rh === 0) return 1 / rh;
  // 1 / (rh + rl) with one correction step.
  const q = 1 / rh;
  const [ph, pl] = twoProd(q, rh);
  const r = 1 - ph - pl - q * rl;
  return q + q * r;
}

/** C pow semantics (what numpy calls) for doubles. */
export function pow(a: number, b: number): number {
  if (a === 1 || b === 0) return 1;
  if (Number.isInteger(b) && Math.abs(b) <= 1024 && Number.isFinite(a) && a !== 0) {
    const r = powInt(a, b);
    if (Number.isFinite(r) && r !== 0 && Math.abs(r) >= 2.2250738585072014e-308) return r;
  }
  return crPow(a, b);
}
