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
  if (!Number.isFinite(p) || !Number.isFinite(c) || p === 0) return p + c;
  // Exact product p + e.
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
  return sh + roundToOdd(v, verr);
}
