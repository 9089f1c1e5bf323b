/**
 * Exact decimal digits of binary floats: the digit source for numpy's Dragon4-based printing.
 *
 * A `Decimal` is sign, significant digits (no trailing zeros, "0" for zero) and the exponent of the
 * first digit: value = d0.d1d2... x 10^exp. Digits come either from the exact binary value (every
 * finite double has a finite decimal expansion), optionally rounded half-to-even like Dragon4's cutoff
 * rounding, or as the shortest digits that round-trip in the value's own type (float64, float32,
 * float16), which is what numpy prints in its default "unique" mode.
 */
export interface Decimal {
  readonly negative: boolean;
  readonly digits: string;
  readonly exp: number;
}

import { roundTo } from "../float-formats";

export type BinaryFloat = "float64" | "float32" | "float16";

const PRECISION: Readonly<Record<BinaryFloat, { bits: number; minExp: number }>> = {
  float64: { bits: 53, minExp: -1022 },
  float32: { bits: 24, minExp: -126 },
  float16: { bits: 11, minExp: -14 },
};

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** floor(log2(|x|)) for a finite non-zero double. */
function ilog2(x: number): number {
  f64[0] = x;
  const biased = (u32[1] >>> 20) & 0x7ff;
  if (biased !== 0) return biased - 1023;
  return Math.floor(Math.log2(Math.abs(x))); // subnormal double: log2 is exact enough for the integer part
}

function stripZeros(digits: string, exp: number, negative: boolean): Decimal {
  let end = digits.length;
  while (end > 1 && digits.charCodeAt(end - 1) === 48) end--;
  let start = 0;
  while (start < end - 1 && digits.charCodeAt(start) === 48) start++;
  const d = digits.slice(start, end);
  return { negative, digits: d, exp: d === "0" ? 0 : exp - start };
}

/** |x| = m * 2^e with m a bigint (exact for every finite double). */
function binaryParts(x: number): { m: bigint; e: number } {
  const a = Math.abs(x);
  const e = Math.max(ilog2(a), -1022) - 52;
  // Scale in two steps: 2^1074 itself overflows a double.
  const half = Math.trunc(-e / 2);
  return { m: BigInt(a * 2 ** half * 2 ** (-e - half)), e };
}

export function exactDecimal(x: number): Decimal {
  const negative = x < 0 || Object.is(x, -0);
  if (x === 0) return { negative, digits: "0", exp: 0 };
  let { m, e } = binaryParts(x);
  while (e < 0 && (m & 1n) === 0n) {
    m >>= 1n;
    e++;
  }
  if (e >= 0) {
    const s = (m << BigInt(e)).toString();
    return stripZeros(s, s.length - 1, negative);
  }
  const s = (m * 5n ** BigInt(-e)).toString();
  return stripZeros(s, s.length - 1 + e, negative);
}

/** Keeps `n` significant digits (n may be <= 0), rounding half to even. */
export function roundSignificant(d: Decimal, n: number): Decimal {
  if (d.digits === "0" || d.digits.length <= n) return d;
  if (n < 0) return { negative: d.negative, digits: "0", exp: 0 };
  const kept = d.digits.slice(0, n);
  const first = d.digits.charCodeAt(n) - 48;
  const restNonZero = d.digits.length > n + 1;
  const lastOdd = n > 0 && (d.digits.charCodeAt(n - 1) - 48) % 2 === 1;
  const up = first > 5 || (first === 5 && (restNonZero || lastOdd));
  if (!up) return n === 0 ? { negative: d.negative, digits: "0", exp: 0 } : stripZeros(kept, d.exp, d.negative);
  if (n === 0) return { negative: d.negative, digits: "1", exp: d.exp + 1 };
  const bumped = (BigInt(kept) + 1n).toString();
  return stripZeros(bumped, d.exp + (bumped.length - kept.length), d.negative);
}

/** Rounds to `p` digits after the decimal point (Dragon4's fractional cutoff). */
export function roundFractional(d: Decimal, p: number): Decimal {
  return roundSignificant(d, d.exp + 1 + p);
}

/**
 * |x| rounded half-to-even to `p` fractional digits. The engine's toFixed rounds the exact value but
 * breaks ties upwards; a tie needs x * 2^(p+1) to be an integer (x is dyadic), so only then, or out of
 * toFixed's range, the exact expansion is used.
 */
export function roundedFractional(x: number, p: number): Decimal {
  const a = Math.abs(x);
  const negative = x < 0 || Object.is(x, -0);
  if (p > 100 || a >= 1e21 || Number.isInteger(a * 2 ** (p + 1))) return { ...roundFractional(exactDecimal(a), p), negative };
  const s = a.toFixed(p);
  const dot = s.indexOf(".");
  const intPart = dot < 0 ? s : s.slice(0, dot);
  const digits = intPart + (dot < 0 ? "" : s.slice(dot + 1));
  return stripZeros(digits, intPart.length - 1, negative);
}

/** |x| rounded half-to-even to `n` significant digits (toExponential unless a tie is possible). */
export function roundedSignificant(x: number, n: number): Decimal {
  const a = Math.abs(x);
  const negative = x < 0 || Object.is(x, -0);
  if (n < 1 || n > 101 || a === 0) return { ...roundSignificant(exactDecimal(a), n), negative };
  const s = a.toExponential(n - 1);
  const e = Number(s.slice(s.indexOf("e") + 1));
  // A tie at digit n means a = (N + 1/2) * 10^(e-n+1), so a * 2^max(n-e, 0) is an integer. (When rounding
  // carries into a new leading digit the kept digits are all 9s, odd, so ties round up either way.)
  if (Number.isInteger(a * 2 ** Math.max(n - e, 0))) return { ...roundSignificant(exactDecimal(a), n), negative };
  return parseExponential(s, negative);
}

/** Compares D * 10^k with B * 2^j exactly. */
function compareDecBin(D: bigint, k: number, B: bigint, j: number): number {
  let l = D;
  let r = B;
  if (k >= 0) l *= 5n ** BigInt(k);
  else r *= 5n ** BigInt(-k);
  const m = Math.min(k, j);
  l <<= BigInt(k - m);
  r <<= BigInt(j - m);
  return l < r ? -1 : l > r ? 1 : 0;
}

function parseExponential(s: string, negative: boolean): Decimal {
  const e = s.indexOf("e");
  return stripZeros(s.slice(0, e).replace(".", ""), Number(s.slice(e + 1)), negative);
}

function isPowerOfTwo(a: number): boolean {
  f64[0] = a;
  return u32[0] === 0 && (u32[1] & 0xfffff) === 0;
}

/**
 * Shortest digits via the engine's correctly rounded toExponential, for x that is not a power of two
 * (so its rounding interval is symmetric and the nearest n-digit decimal is the one to test). Each
 * candidate is parsed to a double and rounded to `kind`; that double rounding is trusted only when
 * nudging the double by 2^-50 either way rounds to the same value, else undefined (use the exact path).
 * toExponential breaks exact ties upwards where Dragon4 rounds half to even, so a candidate whose next
 * digit could be a tie (the (n+1)-digit form ends in 5) also goes to the exact path.
 */
function shortestByEngine(a: number, kind: "float32" | "float16", round: (v: number) => number, negative: boolean): Decimal | undefined {
  const maxDigits = kind === "float32" ? 9 : 5;
  for (let n = 1; n <= maxDigits; n++) {
    const s = a.toExponential(n - 1);
    const d = Number(s);
    const hit = round(d);
    if (round(d * (1 + 2 ** -50)) !== hit || round(d * (1 - 2 ** -50)) !== hit) return undefined;
    if (hit === a) {
      const longer = a.toExponential(n);
      return longer.charCodeAt(longer.indexOf("e") - 1) === 53 ? undefined : parseExponential(s, negative);
    }
  }
  return undefined;
}

/** The shortest digits that read back as `x` in type `kind` (ties to even), nearest to x among those. */
export function shortestDecimal(x: number, kind: BinaryFloat): Decimal {
  const negative = x < 0 || Object.is(x, -0);
  if (x === 0) return { negative, digits: "0", exp: 0 };
  if (kind === "float64") return parseExponential(Math.abs(x).toExponential(), negative);
  if (!isPowerOfTwo(x)) {
    const round = kind === "float32" ? Math.fround : (v: number): number => roundTo("float16", v);
    const fast = shortestByEngine(Math.abs(x), kind, round, negative);
    if (fast) return fast;
  }
  return shortestDecimalExact(x, kind);
}

/** shortestDecimal for float32/float16 by exact rational comparison against the rounding interval. */
export function shortestDecimalExact(x: number, kind: "float32" | "float16"): Decimal {
  const negative = x < 0 || Object.is(x, -0);
  if (x === 0) return { negative, digits: "0", exp: 0 };
  const { bits, minExp } = PRECISION[kind];
  const a = Math.abs(x);
  const e2 = Math.max(ilog2(a), minExp) - (bits - 1);
  const M = BigInt(a * 2 ** -e2);
  // Rounding interval in units of 2^(e2 - 2); the gap below a power of two is half as wide.
  const lowerHalf = M === 1n << BigInt(bits - 1) && e2 > minExp - (bits - 1);
  const hi = 4n * M + 2n;
  const lo = 4n * M - (lowerHalf ? 1n : 2n);
  const inclusive = (M & 1n) === 0n;
  const exact = exactDecimal(a);
  const inside = (digits: string, exp: number): boolean => {
    const D = BigInt(digits);
    const k = exp - (digits.length - 1);
    const cl = compareDecBin(D, k, lo, e2 - 2);
    const ch = compareDecBin(D, k, hi, e2 - 2);
    return inclusive ? cl >= 0 && ch <= 0 : cl > 0 && ch < 0;
  };
  for (let n = 1; n <= 17; n++) {
    const c = roundSignificant(exact, n);
    if (inside(c.digits, c.exp)) return { ...c, negative };
    // The other n-digit neighbour of x can round-trip when the interval is lopsided.
    const padded = c.digits.padEnd(n, "0");
    const below = compareDecBin(BigInt(padded), c.exp - (n - 1), 4n * M, e2 - 2) < 0;
    const other = BigInt(padded) + (below ? 1n : -1n);
    if (other > 0n) {
      const s = other.toString();
      const exp = c.exp + (s.length - padded.length);
      if (inside(s, exp)) return stripZeros(s, exp, negative);
    }
  }
  return { ...exact, negative };
}
