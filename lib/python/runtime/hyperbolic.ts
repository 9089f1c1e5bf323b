/**
 * sinh, cosh, tanh, asinh, acosh and atanh as CPython's C library (glibc) computes them: glibc
 * keeps fdlibm's algorithms for these but calls its own exp and log, which differ from V8's fdlibm
 * exp and log in the last bit often enough (exp 10%, log 5%) that V8's Math.sinh/cosh differed
 * from CPython in ~5% of printed results and Math.tanh in ~2.6%. The same steps here call
 * correctly-rounded.ts's glibc-matching exp and log; expm1 and log1p are fdlibm's in both (V8's
 * Math.expm1 and Math.log1p agree with glibc's in all but ~0.04%). Branch points compare the high
 * 32 bits of |x| as fdlibm does, so boundary inputs take the same branch.
 */
import { exp, log } from "./correctly-rounded";

const LN2 = 6.93147180559945286227e-1;
const words = new DataView(new ArrayBuffer(8));

/** The high 32 bits of |x|'s IEEE representation (fdlibm's `ix`). */
function highWord(x: number): number {
  words.setFloat64(0, x);
  return words.getUint32(0) & 0x7fffffff;
}

/** The low 32 bits of x's representation. */
function lowWord(x: number): number {
  words.setFloat64(0, x);
  return words.getUint32(4);
}

export function sinh(x: number): number {
  const ix = highWord(x);
  if (ix >= 0x7ff00000) return x + x;
  const h = x < 0 ? -0.5 : 0.5;
  const ax = Math.abs(x);
  if (ix < 0x40360000) {
    // |x| < 22
    if (ix < 0x3e300000) return x; // |x| < 2^-28
    const t = Math.expm1(ax);
    if (ix < 0x3ff00000) return h * (2 * t - (t * t) / (t + 1));
    return h * (t + t / (t + 1));
  }
  if (ix < 0x40862e42) return h * exp(ax); // |x| in [22, log(DBL_MAX)]
  if (ax <= 7.10475860073943863426e2) {
    // |x| in [log(DBL_MAX), overflow threshold]: exp(|x|/2)^2 without overflowing the intermediate.
    const w = exp(0.5 * ax);
    return h * w * w;
  }
  return x * 1e307 * 1e307; // overflow, with x's sign
}

export function cosh(x: number): number {
  const ix = highWord(x);
  if (ix >= 0x7ff00000) return x * x;
  const ax = Math.abs(x);
  if (ix < 0x3fd62e43) {
    // |x| < ln2/2
    const t = Math.expm1(ax);
    const w = 1 + t;
    if (ix < 0x3c800000) return w; // cosh(tiny) = 1
    return 1 + (t * t) / (w + w);
  }
  if (ix < 0x40360000) {
    // |x| < 22
    const t = exp(ax);
    return 0.5 * t + 0.5 / t;
  }
  if (ix < 0x40862e42) return 0.5 * exp(ax);
  if (ax <= 7.10475860073943863426e2) {
    const w = exp(0.5 * ax);
    return 0.5 * w * w;
  }
  return Infinity;
}

export function tanh(x: number): number {
  const ix = highWord(x);
  if (ix >= 0x7ff00000) return Number.isNaN(x) ? x : x > 0 ? 1 : -1;
  let z: number;
  if (ix < 0x40360000) {
    // |x| < 22
    if (ix < 0x3c800000) return x * (1 + x); // |x| < 2^-55
    if (ix >= 0x3ff00000) {
      const t = Math.expm1(2 * Math.abs(x));
      z = 1 - 2 / (t + 2);
    } else {
      const t = Math.expm1(-2 * Math.abs(x));
      z = -t / (t + 2);
    }
  } else z = 1; // |x| >= 22: 1 - tiny rounds to 1
  return x < 0 ? -z : z;
}

export function asinh(x: number): number {
  const ix = highWord(x);
  if (ix >= 0x7ff00000) return x + x;
  if (ix < 0x3e300000) return x; // |x| < 2^-28
  const ax = Math.abs(x);
  let w: number;
  if (ix > 0x41b00000) w = log(ax) + LN2; // |x| > 2^28
  else if (ix > 0x40000000) w = log(2 * ax + 1 / (Math.sqrt(x * x + 1) + ax)); // 2^28 > |x| > 2
  else {
    const t = x * x;
    w = Math.log1p(ax + t / (1 + Math.sqrt(1 + t)));
  }
  return x < 0 ? -w : w;
}

export function acosh(x: number): number {
  if (!(x >= 1)) return NaN;
  const hx = highWord(x);
  if (hx >= 0x41b00000) return hx >= 0x7ff00000 ? x + x : log(x) + LN2; // x > 2^28
  if (hx === 0x3ff00000 && lowWord(x) === 0) return 0;
  if (hx > 0x40000000) return log(2 * x - 1 / (x + Math.sqrt(x * x - 1))); // 2^28 > x > 2
  const t = x - 1;
  return Math.log1p(t + Math.sqrt(2 * t + t * t));
}

export function atanh(x: number): number {
  const ax = Math.abs(x);
  if (!(ax <= 1)) return NaN;
  if (ax === 1) return x / 0;
  let t: number;
  if (ax < 0.5) {
    if (ax < 2 ** -28) return x;
    t = ax + ax;
    t = 0.5 * Math.log1p(t + (t * ax) / (1 - ax));
  } else t = 0.5 * Math.log1p((ax + ax) / (1 - ax));
  return x < 0 ? -t : t;
}
