/*
 * int and float arithmetic with CPython's semantics.
 * An int is a JS number when it is a safe integer and a bigint otherwise (always normalised).
 */

import * as CR from "./correctly-rounded";
import { overflowError, valueError, zeroDivisionError } from "./errors";

export type Int = number | bigint;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = -MAX_SAFE;

const signScratch = new Float64Array(1);
const signWords = new Uint32Array(signScratch.buffer);
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * Whether x's sign bit is set, NaNs included: x86's NaN from an invalid operation (inf - inf, 0/0)
 * has it set, as CPython's and numpy's do (math.copysign(1, inf - inf) is -1.0); V8 keeps a NaN's bits.
 */
export function signBit(x: number): boolean {
  if (x === x) return x < 0 || (x === 0 && 1 / x < 0);
  signScratch[0] = x;
  return signWords[HIGH_WORD] >>> 31 === 1;
}

export function norm(b: bigint): Int {
  return b >= MIN_SAFE && b <= MAX_SAFE ? Number(b) : b;
}

export function big(a: Int): bigint {
  return typeof a === "bigint" ? a : BigInt(a);
}

export function intAdd(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    const r = a + b;
    return Number.isSafeInteger(r) ? r : norm(BigInt(a) + BigInt(b));
  }
  return norm(big(a) + big(b));
}

export function intSub(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    const r = a - b;
    return Number.isSafeInteger(r) ? r : norm(BigInt(a) - BigInt(b));
  }
  return norm(big(a) - big(b));
}

export function intMul(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    const r = a * b;
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r; // no -0 for ints
    return norm(BigInt(a) * BigInt(b));
  }
  const A = big(a);
  const B = big(b);
  // A multiplication cannot be interrupted once started: refuse oversized products up front.
  if (!isModest(A) || !isModest(B)) {
    if (bitLength(A) + bitLength(B) > MAX_POW_BITS) throw overflowError("product too large (Kernel Lab limits int results to about 19 million digits)");
  }
  return norm(A * B);
}

const MODEST_BITS = 1_000_000n;
let modestLimit = 0n;

/** |x| < 2**1e6: products of such ints are far below MAX_POW_BITS (compares are O(1) in the length). */
function isModest(x: bigint): boolean {
  if (modestLimit === 0n) modestLimit = 1n << MODEST_BITS;
  return x < modestLimit && -modestLimit < x;
}

const HUGE_BITS = 4096n;
let hugeLimit = 0n;

/** Whether an int is big enough that arithmetic on it takes noticeable time (|x| >= 2**4096). */
export function isHugeInt(x: unknown): boolean {
  if (typeof x !== "bigint") return false;
  if (hugeLimit === 0n) hugeLimit = 1n << HUGE_BITS;
  return x >= hugeLimit || x <= -hugeLimit;
}

export function intNeg(a: Int): Int {
  return typeof a === "number" ? (a === 0 ? 0 : -a) : norm(-a);
}

export function intMod(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    if (b === 0) throw zeroDivisionError("integer modulo by zero");
    const r = a % b;
    return r !== 0 && r < 0 !== b < 0 ? r + b : r === 0 ? 0 : r;
  }
  const A = big(a);
  const B = big(b);
  if (B === 0n) throw zeroDivisionError("integer modulo by zero");
  const r = A % B;
  return norm(r !== 0n && r < 0n !== B < 0n ? r + B : r);
}

export function intFloorDiv(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    if (b === 0) throw zeroDivisionError("integer division or modulo by zero");
    const r = a % b;
    const m = r !== 0 && r < 0 !== b < 0 ? r + b : r;
    const q = (a - m) / b;
    return q === 0 ? 0 : q;
  }
  const A = big(a);
  const B = big(b);
  if (B === 0n) throw zeroDivisionError("integer division or modulo by zero");
  let q = A / B;
  if (A % B !== 0n && A < 0n !== B < 0n) q -= 1n;
  return norm(q);
}

/** int / int, correctly rounded like CPython (exact for any size). */
export function intTrueDiv(a: Int, b: Int): number {
  if (typeof a === "number" && typeof b === "number") {
    if (b === 0) throw zeroDivisionError("division by zero");
    return a / b;
  }
  const A = big(a);
  const B = big(b);
  if (B === 0n) throw zeroDivisionError("division by zero");
  const neg = A < 0n !== B < 0n;
  const n = A < 0n ? -A : A;
  const d = B < 0n ? -B : B;
  if (n === 0n) return neg ? -0 : 0;
  // Scale so the integer quotient has at least 64 significant bits, then round once.
  const shift = 64 - (bitLength(n) - bitLength(d));
  const q = shift >= 0 ? (n << BigInt(shift)) / d : n / (d << BigInt(-shift));
  const rem = shift >= 0 ? (n << BigInt(shift)) % d : n % (d << BigInt(-shift));
  // Sticky bit keeps round-half-even exact when the quotient was truncated.
  const qs = (q << 1n) | (rem !== 0n ? 1n : 0n);
  const val = bigToFloatScaled(qs, -shift - 1);
  if (!Number.isFinite(val)) throw overflowError("integer division result too large for a float");
  return neg ? -val : val;
}

/** `m * 2**e` for a positive bigint m, correctly rounded (half-even) to a double. */
function bigToFloatScaled(m: bigint, e: number): number {
  const len = bitLength(m);
  // Keep 54 bits + sticky, round to 53 bits by hand.
  let exp = e + len; // value in [2**(exp-1), 2**exp)
  let precision = 53;
  if (exp - 1 < -1022) precision = Math.max(0, 53 - (-1022 - (exp - 1)));
  const drop = len - precision;
  let mant: bigint;
  if (drop > 0) {
    const rest = m & ((1n << BigInt(drop)) - 1n);
    mant = m >> BigInt(drop);
    const half = 1n << BigInt(drop - 1);
    if (rest > half || (rest === half && (mant & 1n) === 1n)) mant += 1n;
    if (bitLength(mant) > precision && precision > 0) {
      mant >>= 1n;
      exp += 1;
    }
  } else {
    mant = m;
  }
  const scale = e + Math.max(drop, 0);
  // mant fits in 54 bits, so Number(mant) is exact; multiply by 2**scale in two safe steps.
  const half1 = Math.trunc(scale / 2);
  return Number(mant) * Math.pow(2, half1) * Math.pow(2, scale - half1);
}

export function bitLength(a: Int): number {
  if (typeof a === "number") {
    let x = Math.abs(a);
    let n = 0;
    while (x >= 2 ** 31) {
      x = Math.floor(x / 2 ** 16);
      n += 16;
    }
    return n + 32 - Math.clz32(x);
  }
  const x = a < 0n ? -a : a;
  if (x === 0n) return 0;
  // Hex is a quarter of the binary string: the top digit's bits plus 4 per other digit.
  const hex = x.toString(16);
  return 4 * (hex.length - 1) + (32 - Math.clz32(parseInt(hex[0], 16)));
}

export function intToFloat(a: Int): number {
  if (typeof a === "number") return a;
  const f = Number(a);
  if (!Number.isFinite(f)) throw overflowError("int too large to convert to float");
  return f;
}

const MAX_POW_BITS = 64_000_000; // refuse results above ~8 MB of digits before computing them

export function intPow(a: Int, b: Int): Int | number {
  if ((typeof b === "number" ? b : Number(b)) < 0) {
    const fa = intToFloat(a);
    if (fa === 0) throw zeroDivisionError("0.0 cannot be raised to a negative power");
    return floatIntPow(fa, Number(b));
  }
  if (typeof a === "number" && typeof b === "number") {
    const r = Math.pow(a, b);
    if (Number.isSafeInteger(r)) return r;
  }
  const A = big(a);
  if (A === 0n || A === 1n) return norm(A);
  if (A === -1n) return big(b) % 2n === 0n ? 1 : -1;
  const B = big(b);
  if (Number(B) * bitLength(a) > MAX_POW_BITS) throw overflowError("exponent too large (Kernel Lab limits int results to about 19 million digits)");
  return norm(A ** B);
}

export function intPowMod(a: Int, b: Int, m: Int): Int {
  let M = big(m);
  if (M === 0n) throw valueError("pow() 3rd argument cannot be 0");
  let base = big(a);
  let e = big(b);
  const negM = M < 0n;
  if (negM) M = -M;
  if (e < 0n) {
    base = modInverse(base, M);
    e = -e;
  }
  let result = 1n % M;
  base = ((base % M) + M) % M;
  while (e > 0n) {
    if (e & 1n) result = (result * base) % M;
    base = (base * base) % M;
    e >>= 1n;
  }
  if (negM && result !== 0n) result -= M;
  return norm(result);
}

function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [((a % m) + m) % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw valueError("base is not invertible for the given modulus");
  return ((oldS % m) + m) % m;
}

function fitsInt32(a: Int): a is number {
  return typeof a === "number" && a >= -0x80000000 && a <= 0x7fffffff;
}

export function intAnd(a: Int, b: Int): Int {
  if (fitsInt32(a) && fitsInt32(b)) return a & b;
  return norm(big(a) & big(b));
}
export function intOr(a: Int, b: Int): Int {
  if (fitsInt32(a) && fitsInt32(b)) return a | b;
  return norm(big(a) | big(b));
}
export function intXor(a: Int, b: Int): Int {
  if (fitsInt32(a) && fitsInt32(b)) return a ^ b;
  return norm(big(a) ^ big(b));
}
export function intInvert(a: Int): Int {
  return typeof a === "number" ? -a - 1 : norm(-a - 1n);
}

export function intLshift(a: Int, b: Int): Int {
  if ((typeof b === "number" ? b : Number(b)) < 0) throw valueError("negative shift count");
  if (typeof a === "number" && typeof b === "number" && b < 31 && a >= 0 && a < 2 ** 21) return a * 2 ** b;
  const nb = Number(b);
  if (nb + bitLength(a) > MAX_POW_BITS) throw overflowError("too many digits in integer");
  return norm(big(a) << BigInt(nb));
}

export function intRshift(a: Int, b: Int): Int {
  if ((typeof b === "number" ? b : Number(b)) < 0) throw valueError("negative shift count");
  if (typeof a === "number" && typeof b === "number") {
    if (b >= 64) return a < 0 ? -1 : 0;
    return Math.floor(a / 2 ** b);
  }
  const nb = big(b);
  if (nb > 1_000_000_000n) return big(a) < 0n ? -1 : 0;
  return norm(big(a) >> nb);
}

export function intCompare(a: Int, b: Int): number {
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
  const A = big(a);
  const B = big(b);
  return A < B ? -1 : A > B ? 1 : 0;
}

/** Compare an int with a float exactly (NaN compares unordered: returns NaN). */
export function intFloatCompare(a: Int, f: number): number {
  if (Number.isNaN(f)) return NaN;
  if (typeof a === "number") return a < f ? -1 : a > f ? 1 : 0;
  if (!Number.isFinite(f)) return f > 0 ? -1 : 1;
  const fl = Math.floor(f);
  const c = intCompare(a, norm(BigInt(fl)));
  if (c !== 0) return c;
  return f > fl ? -1 : 0;
}

// ---- float ---------------------------------------------------------------------------------

export function floatMod(a: number, b: number): number {
  if (b === 0) throw zeroDivisionError("float modulo");
  let mod = a % b;
  if (mod !== 0) {
    if (b < 0 !== mod < 0) mod += b;
  } else {
    mod = b < 0 ? -0 : 0;
  }
  return mod;
}

export function floatFloorDiv(a: number, b: number): number {
  if (b === 0) throw zeroDivisionError("float floor division by zero");
  const [q] = floatDivmod(a, b);
  return q;
}

export function floatDivmod(a: number, b: number): [number, number] {
  if (b === 0) throw zeroDivisionError("float divmod()");
  let mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0) {
    if (b < 0 !== mod < 0) {
      mod += b;
      div -= 1;
    }
  } else {
    mod = b < 0 ? -0 : 0;
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else {
    const q = a / b;
    floordiv = q < 0 || Object.is(q, -0) ? -0 : 0;
  }
  return [floordiv, mod];
}

export function floatTrueDiv(a: number, b: number): number {
  if (b === 0) throw zeroDivisionError("float division by zero");
  return a / b;
}

/**
 * x ** n for an integer n, correctly rounded like C's pow (V8's Math.pow is not: it gives
 * 10 ** -4 == 0.00009999999999999999). Exact rational arithmetic on the double's mantissa for
 * moderate exponents; Math.pow beyond that.
 */
export function floatIntPow(x: number, n: number): number {
  if (!Number.isFinite(x) || x === 0 || n === 0 || Math.abs(n) > 64 || Math.abs(x) === 1) return Math.pow(x, n);
  let m = Math.abs(x);
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e++;
  }
  // |x| = m / 2**e exactly.
  const k = BigInt(Math.abs(n));
  let num = BigInt(m) ** k;
  let den = 1n << (BigInt(e) * k);
  if (n < 0) [num, den] = [den, num];
  let r: number;
  try {
    r = intTrueDiv(norm(num), norm(den));
  } catch {
    r = Infinity;
  }
  return x < 0 && n % 2 !== 0 ? -r : r;
}

export function floatPow(a: number, b: number): number {
  if (a === 0 && b < 0) throw zeroDivisionError("0.0 cannot be raised to a negative power");
  if (a < 0 && Number.isFinite(a) && !Number.isInteger(b) && Number.isFinite(b)) {
    throw valueError("complex numbers are not supported in Kernel Lab (negative number raised to a fractional power)");
  }
  if (a === 1 || b === 0) return 1;
  const r = Number.isInteger(b) ? floatIntPow(a, b) : CR.pow(a, b);
  if (!Number.isFinite(r) && Number.isFinite(a) && Number.isFinite(b)) {
    throw overflowError("(34, 'Numerical result out of range')");
  }
  return r;
}

/** Python's round-half-even `round(x)` to an int-valued double. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  if (Math.abs(x - Math.trunc(x)) === 0.5) return 2 * Math.round(x / 2);
  return r;
}

/** Convert an integral finite double to an int. */
export function floatToInt(f: number): Int {
  if (Number.isNaN(f)) throw valueError("cannot convert float NaN to integer");
  if (!Number.isFinite(f)) throw overflowError("cannot convert float infinity to integer");
  const t = Math.trunc(f);
  if (Number.isSafeInteger(t)) return t === 0 ? 0 : t;
  return norm(BigInt(t));
}
