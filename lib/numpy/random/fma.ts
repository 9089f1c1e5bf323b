/**
 * Correctly rounded fused multiply-add for doubles, emulated in plain JS.
 *
 * Reproducing glibc's FMA-compiled log() bit-for-bit needs real fma semantics (one rounding). The
 * product is split exactly with Dekker/Veltkamp, the sum with Knuth's TwoSum, and the final two
 * roundings are made equivalent to one by rounding the middle term to odd (Boldo & Melquiond,
 * "Emulation of FMA and correctly rounded sums: proved algorithms using rounding to odd", 2008).
 * Valid for finite operands whose product neither overflows nor underflows.
 */

const SPLITTER = 134217729; // 2^27 + 1
const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);
// Little-endian hosts store the low mantissa word first (every JS engine we target is little-endian).
const LO = 0;
const HI = 1;

/** Rounds `v` (= RN(exact)) to odd given the rounding error `err` = exact - v. */
function roundToOdd(v: number, err: number): number {
  if (err === 0) return v;
  scratch[0] = v;
  if ((scratchWords[LO] & 1) === 1) return v;
  // v has an even significand, so the odd neighbour towards the exact value is the round-to-odd result.
  const awayFromZero = err > 0 === v > 0;
  if (awayFromZero) {
    scratchWords[LO] = (scratchWords[LO] + 1) >>> 0;
    if (scratchWords[LO] === 0) scratchWords[HI] = (scratchWords[HI] + 1) >>> 0;
  } else {
    if (scratchWords[LO] === 0) scratchWords[HI] = (scratchWords[HI] - 1) >>> 0;
    scratchWords[LO] = (scratchWords[LO] - 1) >>> 0;
  }
  return scratch[0];
}

export function fma(a: number, b: number, c: number): number {
  const p = a * b;
  // Exact product p + e (infinite or NaN operands make verr NaN and end up in fmaSlow).
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const e = al * bl - (((p - ah * bh) - al * bh) - ah * bl);
  // Exact sum c + p = sh + sl.
  const sh = c + p;
  const bb = sh - c;
  const sl = (c - (sh - bb)) + (p - bb);
  // v = RO(sl + e), then one final round-to-nearest.
  const v = sl + e;
  const vb = v - sl;
  const verr = (sl - (v - vb)) + (e - vb);
  if (verr === 0) return sh + v;
  // Fast exit: r = RN(sh + v) is already the correctly rounded a*b + c when everything it dropped,
  // |dropped| + |verr|, is below half an ulp of r (|r| * 2^-54 is a lower bound for that half ulp).
  const r = sh + v;
  const rb = r - sh;
  const dropped = (sh - (r - rb)) + (v - rb);
  if (Math.abs(dropped) + Math.abs(verr) < Math.abs(r) * 5.551115123125783e-17) return r;
  // Second exit: with |v| <= |sh| / 256, r's midpoints lie on v's ulp grid, so |verr| <= ulp(v) / 2 can
  // move the sum across one only when sh + v sits exactly on it (a tie, detected by r + 2*dropped
  // landing exactly on the neighbouring double).
  const twice = 2 * dropped;
  if (Math.abs(v) <= Math.abs(sh) * 0.00390625 && (dropped === 0 || r + twice - r !== twice)) return r;
  return fmaSlow(p, c, sh, v, verr);
}

/** The rare tail of fma, kept out of line so the common path stays small enough to inline. */
function fmaSlow(p: number, c: number, sh: number, v: number, verr: number): number {
  if (!Number.isFinite(p) || !Number.isFinite(c)) return p + c;
  return sh + roundToOdd(v, verr);
}
