/**
 * exp, log, log2, log10, pow, cbrt, sin, cos, tan, atan and atan2 of doubles as CPython's C
 * library (glibc) computes them: all but log10 and cbrt correctly rounded in all but rare cases
 * (|x| < 2^19 for sin, cos and tan), log10 and cbrt by glibc's own (not correctly rounded)
 * algorithms. V8's Math functions (fdlibm ports) are off by an ulp often enough to show in
 * printed results (for uniformly drawn inputs: exp 10%, pow 10%, log 5%, sin/cos/tan 3%, cbrt
 * 49%), so each value is computed in double-double (about 100 bits) and rounded once. The numpy
 * core's np.logspace, np.power and integer powers (C pow) use these too.
 */

const SPLIT = 134217729; // 2^27 + 1, Dekker's splitter for doubles

/** Exact sum hi + lo = a + b (Knuth's two-sum). */
export function twoSum(a: number, b: number): [number, number] {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

/** Exact product hi + lo = a * b (Dekker/Veltkamp, no FMA needed). */
export function twoProd(a: number, b: number): [number, number] {
  const p = a * b;
  const ta = SPLIT * a;
  const ah = ta - (ta - a);
  const al = a - ah;
  const tb = SPLIT * b;
  const bh = tb - (tb - b);
  const bl = b - bh;
  return [p, al * bl - (p - ah * bh - al * bh - ah * bl)];
}

/** (hi, lo) * (hi2, lo2) in double-double. */
export function ddMul(ah: number, al: number, bh: number, bl: number): [number, number] {
  const [p, e] = twoProd(ah, bh);
  const lo = e + (ah * bl + al * bh);
  const s = p + lo;
  return [s, lo - (s - p)];
}

/** (hi, lo) / n for a small integer n, in double-double. */
function ddDivSmall(h: number, l: number, n: number): [number, number] {
  const q = h / n;
  const [p, e] = twoProd(q, n);
  return twoSum(q, (h - p - e + l) / n);
}

const LN2_HI = Math.LN2;
const LN2_LO = 2.3190468138462996e-17;
const LOG2E_LO = 2.0355273740931033e-17;
const EXP_SQUARINGS = 10;

/** exp(th + tl) as a double-double, for |th| < 708: 2^k * (1 + expm1(r / 2^10))^(2^10) with a Taylor expm1. */
export function ddExp(th: number, tl: number): [number, number] {
  const k = Math.round(th / LN2_HI);
  const [ph, pl] = twoProd(k, LN2_HI);
  let [rh, rl] = twoSum(th, -ph);
  rl += tl - pl - k * LN2_LO;
  [rh, rl] = twoSum(rh, rl);
  const sh = rh / 2 ** EXP_SQUARINGS;
  const sl = rl / 2 ** EXP_SQUARINGS;
  // expm1(s) = s * (1 + s/2 * (1 + s/3 * (1 + ...))), |s| < 3.4e-4: nine terms reach 1e-37.
  let [mh, ml] = [1, 0];
  for (let n = 10; n >= 2; n--) {
    const [th2, tl2] = ddMul(sh, sl, mh, ml);
    const [qh, ql] = ddDivSmall(th2, tl2, n);
    const [uh, ul] = twoSum(1, qh);
    [mh, ml] = twoSum(uh, ul + ql);
  }
  [mh, ml] = ddMul(sh, sl, mh, ml);
  for (let i = 0; i < EXP_SQUARINGS; i++) {
    // (1 + m)^2 = 1 + (2m + m^2) keeps the small part's precision.
    const [qh, ql] = ddMul(mh, ml, mh, ml);
    const [uh, ul] = twoSum(2 * mh, qh);
    [mh, ml] = twoSum(uh, ul + 2 * ml + ql);
  }
  const [eh, el] = twoSum(1, mh);
  // Scaled in two steps so 2^k itself never overflows or underflows on the way.
  const half = Math.trunc(k / 2);
  return [eh * 2 ** half * 2 ** (k - half), (el + ml) * 2 ** half * 2 ** (k - half)];
}

/** ln x as a double-double for a positive finite x: Math.log refined by one Newton step on exp. */
export function ddLog(x: number): [number, number] {
  const l0 = Math.log(x);
  if (l0 === 0) return [0, 0];
  const [eh, el] = ddExp(l0, 0);
  const [dh, dl] = twoSum(x, -eh);
  return twoSum(l0, (dh + dl - el) / eh);
}

/** Whether exp of a value this size stays clear of overflow and subnormal results. */
const inExpRange = (t: number): boolean => Math.abs(t) < 700;

export function exp(x: number): number {
  if (!inExpRange(x)) return Math.exp(x);
  const [h, l] = ddExp(x, 0);
  return h + l;
}

export function log(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log(x);
  const [h, l] = ddLog(x);
  return h + l;
}

export function log2(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log2(x);
  const [h, l] = ddLog(x);
  const [p, q] = ddMul(h, l, Math.LOG2E, LOG2E_LO);
  return p + q;
}

const LOG10_2HI = 3.01029995663611771306e-1;
const LOG10_2LO = 3.69423907715893078616e-13;
const IVLN10 = 4.34294481903251816668e-1;

/**
 * glibc's log10 (e_log10.c), which is not correctly rounded: k*log10(2) + log(m)/ln(10) for x =
 * m * 2^k, with its log (correctly rounded here, as glibc's is) and its order of operations.
 */
export function log10(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log10(x);
  // x = m * 2^e, m in [0.5, 1): glibc takes the mantissa in [1, 2) (exponent e - 1) when that
  // exponent is not negative, else in [0.5, 1) (exponent e).
  const [m, e] = frexp(x);
  const [mant, k] = e - 1 < 0 ? [m, e] : [m * 2, e - 1];
  const z = k * LOG10_2LO + IVLN10 * log(mant);
  return z + k * LOG10_2HI;
}

/** base ** y = exp(y * ln base) from ln base in double-double (Math.pow past exp's safe range). */
function powFromLog(base: number, y: number, lh: number, ll: number): number {
  const [th, tl] = ddMul(y, 0, lh, ll);
  if (!inExpRange(th)) return Math.pow(base, y);
  const [rh, rl] = ddExp(th, tl);
  return rh + rl;
}

/** base ** y for a positive finite base and a finite y (others: Math.pow). */
export function pow(base: number, y: number): number {
  if (!(base > 0) || base === Infinity || !Number.isFinite(y)) return Math.pow(base, y);
  if (base === 1 || y === 0) return 1;
  const [lh, ll] = ddLog(base);
  return powFromLog(base, y, lh, ll);
}

/** `y => base ** y` with ln base computed once (np.logspace). */
export function powerOf(base: number): (y: number) => number {
  if (!(base > 0) || base === Infinity || base === 1) return (y) => pow(base, y);
  const [lh, ll] = ddLog(base);
  return (y) => (!Number.isFinite(y) || y === 0 ? Math.pow(base, y) : powFromLog(base, y, lh, ll));
}

const BITS = new DataView(new ArrayBuffer(8));

/** [m, e] with |x| = m * 2^e and m in [0.5, 1) (C's frexp for a positive finite x). */
function frexp(x: number): [number, number] {
  BITS.setFloat64(0, x);
  let hi = BITS.getUint32(0);
  let bias = 0;
  if (hi >>> 20 === 0) {
    // Subnormal: scale into the normal range first.
    BITS.setFloat64(0, x * 2 ** 54);
    hi = BITS.getUint32(0);
    bias = 54;
  }
  const e = (hi >>> 20) - 1022 - bias;
  BITS.setUint32(0, (hi & 0x800fffff) | (1022 << 20));
  return [BITS.getFloat64(0), e];
}

const CBRT2 = 1.2599210498948732;
const SQR_CBRT2 = 1.5874010519681996;
const CBRT_FACTOR = [1 / SQR_CBRT2, 1 / CBRT2, 1, CBRT2, SQR_CBRT2];

/**
 * glibc's cbrt (sysdeps/ieee754/dbl-64/s_cbrt.c), operation for operation: it is not correctly
 * rounded (about half of its results differ from the true cube root's rounding), so CPython's
 * math.cbrt is matched by computing what it computes.
 */
export function cbrt(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x + x;
  const [xm, xe] = frexp(Math.abs(x));
  // glibc's coefficients, in their shortest round-trip form.
  const u =
    0.35489576504391984 +
    (1.508191937815849 + (-2.114994941673713 + (2.4469312256353444 + (-1.8346927748361308 + (0.7849323449766392 - 0.14526389938548637 * xm) * xm) * xm) * xm) * xm) * xm;
  const t2 = u * u * u;
  const ym = ((u * (t2 + 2 * xm)) / (2 * t2 + xm)) * CBRT_FACTOR[2 + (xe % 3)];
  return (x > 0 ? ym : -ym) * 2 ** Math.trunc(xe / 3);
}

// ---- sin, cos, tan ---------------------------------------------------------------------------

// pi/2 in three 33-bit pieces and the tail after them (fdlibm's pio2_1, pio2_2, pio2_3, pio2_3t):
// k * PIO2_1 and k * PIO2_2 are exact for k < 2^20.
const PIO2_1 = 1.5707963267341256;
const PIO2_2 = 6.077100506303966e-11;
const PIO2_3 = 2.0222662487111665e-21;
const PIO2_3T = 8.4784276603689e-32;
const INV_PIO2 = 0.6366197723675814;
/** Below this |x| the reduction above is exact enough; beyond it the engine's functions are used. */
const REDUCE_LIMIT = 2 ** 19;

/** [k mod 4, r] with x = k * pi/2 + r, |r| <= pi/4, r as a double-double. */
function reduce(x: number): [number, number, number] {
  const k = Math.round(x * INV_PIO2);
  let [rh, rl] = twoSum(x, -k * PIO2_1);
  [rh, rl] = twoSum(rh, rl - k * PIO2_2);
  [rh, rl] = twoSum(rh, rl - k * PIO2_3);
  [rh, rl] = twoSum(rh, rl - k * PIO2_3T);
  return [((k % 4) + 4) % 4, rh, rl];
}

/** sin and cos of a reduced r (|r| <= pi/4) as double-doubles, by Taylor series to 1e-33. */
function sinCosDD(rh: number, rl: number): [[number, number], [number, number]] {
  const [r2h, r2l] = ddMul(rh, rl, rh, rl);
  // sin r = r (1 - r^2/(2*3) (1 - r^2/(4*5) (1 - ...))), cos r = 1 - r^2/2 (1 - r^2/(3*4) (...)).
  let [sh, sl] = [1, 0];
  let [ch, cl] = [1, 0];
  for (let n = 26; n >= 2; n -= 2) {
    let [th, tl] = ddMul(r2h, r2l, sh, sl);
    [th, tl] = ddDivSmall(th, tl, n * (n + 1));
    [sh, sl] = twoSum(1, -th);
    sl -= tl;
    let [uh, ul] = ddMul(r2h, r2l, ch, cl);
    [uh, ul] = ddDivSmall(uh, ul, n * (n - 1));
    [ch, cl] = twoSum(1, -uh);
    cl -= ul;
  }
  return [ddMul(rh, rl, sh, sl), twoSum(ch, cl)];
}

/** sin x and cos x as double-doubles, for |x| < REDUCE_LIMIT. */
function sinCos(x: number): [[number, number], [number, number]] {
  const [q, rh, rl] = reduce(x);
  const [s, c] = sinCosDD(rh, rl);
  const neg = (v: [number, number]): [number, number] => [-v[0], -v[1]];
  switch (q) {
    case 0:
      return [s, c];
    case 1:
      return [c, neg(s)];
    case 2:
      return [neg(s), neg(c)];
    default:
      return [neg(c), s];
  }
}

export function sin(x: number): number {
  if (!(Math.abs(x) < REDUCE_LIMIT) || x === 0) return Math.sin(x);
  const [[h, l]] = sinCos(x);
  return h + l;
}

export function cos(x: number): number {
  if (!(Math.abs(x) < REDUCE_LIMIT)) return Math.cos(x);
  const [, [h, l]] = sinCos(x);
  return h + l;
}

export function tan(x: number): number {
  if (!(Math.abs(x) < REDUCE_LIMIT) || x === 0) return Math.tan(x);
  const [[nh, nl], [dh, dl]] = sinCos(x);
  // s / c: one division refined by its remainder.
  const t = nh / dh;
  const [ph, pl] = ddMul(t, 0, dh, dl);
  return t + (nh - ph - pl + nl) / dh;
}

/**
 * atan(xh + xl): Math.atan refined by one Newton step on tan, written as y - cos y (sin y - x cos y)
 * with sin and cos of y in double-double, then rounded once.
 */
function atanDD(xh: number, xl: number): [number, number] {
  const y = Math.atan(xh);
  const [[sh, sl], [ch, cl]] = sinCos(y);
  const [ph, pl] = ddMul(xh, xl, ch, cl);
  const [rh, rl] = twoSum(sh, -ph);
  const [dh, dl] = ddMul(ch, cl, rh, rl + sl - pl);
  return [y, -(dh + dl)];
}

export function atan(x: number): number {
  if (!Number.isFinite(x) || x === 0 || Math.abs(x) > 2 ** 52) return Math.atan(x);
  const [h, l] = atanDD(x, 0);
  return h + l;
}

/**
 * asin x: Math.asin refined by one Newton step on sin (y - (sin y - x) / cos y, sin and cos in
 * double-double), then rounded once. Near |x| = 1 cos y is small, but the step's error is about
 * tan(y) * (error of y)^2, ~1e-24 even there.
 */
export function asin(x: number): number {
  if (!(Math.abs(x) < 1) || Math.abs(x) < 2 ** -26) return Math.asin(x);
  const y = Math.asin(x);
  const [[sh, sl], [ch, cl]] = sinCos(y);
  const [rh, rl] = twoSum(sh, -x);
  return y - (rh + (rl + sl)) / (ch + cl);
}

/** acos x: Math.acos refined by one Newton step on cos, as asin above. */
export function acos(x: number): number {
  if (!(Math.abs(x) < 1)) return Math.acos(x);
  const y = Math.acos(x);
  const [[sh, sl], [ch, cl]] = sinCos(y);
  const [rh, rl] = twoSum(ch, -x);
  return y + (rh + (rl + cl)) / (sh + sl);
}

const PI_LO = 1.2246467991473532e-16;
const PIO2_LO = PI_LO / 2;

/** atan2(y, x): the quadrant-corrected atan of y/x, the quotient carried in double-double. */
export function atan2(y: number, x: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y) || x === 0 || y === 0) return Math.atan2(y, x);
  const sy = y > 0 ? 1 : -1;
  // |y/x| past 2^52: +-pi/2 - x/y, the correction far below pi/2's last bit (V8 rounds these up).
  if (Math.abs(y) > 2 ** 52 * Math.abs(x)) return sy * (Math.PI / 2) + (sy * PIO2_LO - x / y);
  const qh = y / x;
  // |y/x| below 2^-500: atan(q) = q to far below q's last bit; +-pi + q in the left half-plane.
  if (Math.abs(qh) < 2 ** -500) return x > 0 ? qh : sy * Math.PI + (sy * PI_LO + qh);
  const [ph, pl] = twoProd(qh, x);
  const ql = (y - ph - pl) / x;
  const [ah, al] = atanDD(qh, ql);
  if (x > 0) return ah + al;
  // Second or third quadrant: a + pi or a - pi, pi carried in two parts.
  const [sh, sl] = y > 0 ? twoSum(ah, Math.PI) : twoSum(ah, -Math.PI);
  return sh + (sl + al + (y > 0 ? PI_LO : -PI_LO));
}
