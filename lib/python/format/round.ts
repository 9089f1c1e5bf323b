/**
 * round() for floats and ints exactly as CPython: float.__round__ rounds the double's exact value
 * half-to-even at the requested decimal place (via correctly rounded digits, then reads them back);
 * int.__round__ with a negative ndigits rounds half-to-even to a multiple of 10**-ndigits.
 */
import { FormatError } from "./errors";
import { fixedDigits } from "./float-digits";

const NDIGITS_MAX = 323; // (DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103
const NDIGITS_MIN = -308; // -(DBL_MAX_EXP + 1) * 0.30103

/** round(x) with no ndigits: an int, half-to-even. Safe integers come back as numbers, larger ones as bigint. */
export function roundFloatToInt(x: number): number | bigint {
  if (Number.isNaN(x)) throw new FormatError("ValueError", "cannot convert float NaN to integer");
  if (!Number.isFinite(x)) throw new FormatError("OverflowError", "cannot convert float infinity to integer");
  let rounded = Math.round(x); // rounds .5 up; fix ties to even below
  if (Math.abs(x - Math.trunc(x)) === 0.5) rounded = 2 * Math.round(x / 2);
  if (rounded === 0) return 0; // no negative zero for ints
  return Number.isSafeInteger(rounded) ? rounded : BigInt(rounded);
}

/** round(x, ndigits) for a float: a float. ndigits is clamped like PyNumber_AsSsize_t(…, NULL). */
export function roundFloat(x: number, ndigits: number | bigint): number {
  if (!Number.isFinite(x)) return x;
  const n = typeof ndigits === "bigint" ? (ndigits > 10000n ? 10000 : ndigits < -10000n ? -10000 : Number(ndigits)) : ndigits;
  if (n > NDIGITS_MAX) return x;
  if (n < NDIGITS_MIN) return 0 * x;
  const negative = x < 0 || Object.is(x, -0);
  const { digits, decpt } = fixedDigits(x, n);
  const rounded = Number(`${negative ? "-" : ""}0${digits}e${decpt - digits.length}`);
  if (!Number.isFinite(rounded)) throw new FormatError("OverflowError", "rounded value too large to represent");
  return rounded;
}

/** round(n, ndigits) for an int. */
export function roundInt(n: bigint, ndigits: number | bigint): bigint {
  const nd = BigInt(ndigits);
  if (nd >= 0n) return n;
  const magnitude = n < 0n ? -n : n;
  const places = -nd;
  // 10**places > 2|n| means everything rounds to zero; avoid building an astronomically large power.
  if (places > BigInt(magnitude.toString().length + 1)) return 0n;
  const pow = 10n ** places;
  let q = n / pow;
  let r = n % pow;
  if (r < 0n) {
    // floor division, as CPython's divmod
    q -= 1n;
    r += pow;
  }
  const cmp = 2n * r - pow;
  if (cmp > 0n || (cmp === 0n && (q & 1n) === 1n)) q += 1n;
  return q * pow;
}
