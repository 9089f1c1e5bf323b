/**
 * Decimal digit generation for doubles, matching CPython's `_Py_dg_dtoa` in the three modes CPython's
 * float formatting uses:
 *   mode 0: shortest digits that round-trip (repr),
 *   mode 2: `ndigits` significant digits, correctly rounded (e, g),
 *   mode 3: `ndigits` digits after the decimal point, correctly rounded (f, round()).
 * "Correctly rounded" means round-half-even on the double's exact binary value, which is what dtoa does.
 * JavaScript's toFixed/toExponential are exact too but break ties away from zero, so they serve only as
 * a fast path when the value provably is not a tie; everything else goes through exact bigint digits.
 */

/** value = 0.DIGITS × 10^decpt. `digits` has no leading or trailing zeros; "" is zero after rounding. */
export interface DecimalDigits {
  digits: string;
  decpt: number;
}

const ZERO: DecimalDigits = { digits: "0", decpt: 1 };

const bitsView = new DataView(new ArrayBuffer(8));

interface BinaryParts {
  mantissa: bigint;
  /** value = mantissa × 2^exponent, mantissa odd. */
  exponent: number;
}

function ctz32(v: number): number {
  return 31 - Math.clz32(v & -v);
}

/** Splits a positive finite double into odd mantissa × 2^exponent. */
function binaryParts(x: number): BinaryParts {
  bitsView.setFloat64(0, x);
  const hi = bitsView.getUint32(0);
  const lo = bitsView.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mantHi = hi & 0xfffff;
  let exponent = biased === 0 ? -1074 : biased - 1075;
  if (biased !== 0) mantHi |= 0x100000;
  let shift: number;
  if (lo !== 0) shift = ctz32(lo);
  else shift = 32 + ctz32(mantHi);
  exponent += shift;
  const mantissa = ((BigInt(mantHi) << 32n) | BigInt(lo)) >> BigInt(shift);
  return { mantissa, exponent };
}

/** Exponent of the odd mantissa of a positive finite double (cheap; the fast paths' tie test). */
export function oddExponent(x: number): number {
  bitsView.setFloat64(0, x);
  const hi = bitsView.getUint32(0);
  const lo = bitsView.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mantHi = hi & 0xfffff;
  if (biased !== 0) mantHi |= 0x100000;
  const exponent = biased === 0 ? -1074 : biased - 1075;
  return exponent + (lo !== 0 ? ctz32(lo) : 32 + ctz32(mantHi));
}

const fivePowers: bigint[] = [1n];
function pow5(k: number): bigint {
  while (fivePowers.length <= k) fivePowers.push(fivePowers[fivePowers.length - 1] * 5n);
  return fivePowers[k];
}

function stripTrailingZeros(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 48) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** The exact decimal expansion of a positive finite double (at most 767 significant digits). */
export function exactDigits(x: number): DecimalDigits {
  const { mantissa, exponent } = binaryParts(x);
  if (exponent >= 0) {
    const text = (mantissa << BigInt(exponent)).toString();
    return { digits: stripTrailingZeros(text), decpt: text.length };
  }
  const text = (mantissa * pow5(-exponent)).toString();
  return { digits: text, decpt: text.length + exponent };
}

/** Keeps the first `keep` digits, rounding half-even on the exact remainder. */
function roundKeeping(d: DecimalDigits, keep: number): DecimalDigits {
  const { digits, decpt } = d;
  if (keep >= digits.length) return d;
  if (keep < 0) return { digits: "", decpt };
  const first = digits.charCodeAt(keep);
  const restNonZero = digits.length > keep + 1; // digits never end in zero
  let up: boolean;
  if (first > 53) up = true;
  else if (first < 53) up = false;
  else if (restNonZero) up = true;
  else up = keep > 0 && (digits.charCodeAt(keep - 1) - 48) % 2 === 1;
  let head = digits.slice(0, keep);
  if (!up) {
    head = stripTrailingZeros(head);
    return { digits: head, decpt };
  }
  let end = head.length;
  while (end > 0 && head.charCodeAt(end - 1) === 57) end--;
  if (end === 0) return { digits: "1", decpt: decpt + 1 };
  head = head.slice(0, end - 1) + String.fromCharCode(head.charCodeAt(end - 1) + 1);
  return { digits: head, decpt };
}

/** Mode 0: the shortest digit string that reads back as x (x finite). */
export function shortestDigits(x: number): DecimalDigits {
  if (x === 0) return ZERO;
  return parseJsNumberText(Math.abs(x).toString());
}

/** Parses JavaScript's "123.45", "0.00012", "1e+21", "1.5e-7" number text into digits + decpt. */
function parseJsNumberText(text: string): DecimalDigits {
  let mantissa = text;
  let exp = 0;
  const e = text.indexOf("e");
  if (e >= 0) {
    mantissa = text.slice(0, e);
    exp = Number(text.slice(e + 1));
  }
  const dot = mantissa.indexOf(".");
  const intLen = dot < 0 ? mantissa.length : dot;
  const all = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  let lz = 0;
  while (lz < all.length && all.charCodeAt(lz) === 48) lz++;
  if (lz === all.length) return { digits: "", decpt: 0 };
  return { digits: stripTrailingZeros(all.slice(lz)), decpt: intLen - lz + exp };
}

/** Mode 2: `ndigits` (>= 1) significant digits of |x| (x finite). */
export function significantDigits(x: number, ndigits: number): DecimalDigits {
  const ax = Math.abs(x);
  if (ax === 0) return ZERO;
  if (ndigits <= 101) {
    const text = ax.toExponential(ndigits - 1);
    const e = text.indexOf("e");
    const roundedExp = Number(text.slice(e + 1));
    // A tie at 10^j (j = exponent of the last kept digit) forces the odd-mantissa exponent to be j - 1;
    // j is roundedExp - ndigits + 1, or one less when rounding carried into a new leading digit.
    const oe = oddExponent(ax);
    if (oe !== roundedExp - ndigits && oe !== roundedExp - ndigits - 1) {
      return parseJsNumberText(text);
    }
  }
  return roundKeeping(exactDigits(ax), ndigits);
}

/** Mode 3: |x| rounded to `ndigits` places after the point (ndigits may be negative, as round() uses). */
export function fixedDigits(x: number, ndigits: number): DecimalDigits {
  const ax = Math.abs(x);
  if (ax === 0) return ZERO;
  if (ndigits >= 0 && ndigits <= 100 && ax < 1e21 && oddExponent(ax) !== -ndigits - 1) {
    const parsed = parseJsNumberText(ax.toFixed(ndigits));
    return parsed.digits === "" ? { digits: "", decpt: -ndigits } : parsed;
  }
  const exact = exactDigits(ax);
  const rounded = roundKeeping(exact, exact.decpt + ndigits);
  return rounded.digits === "" ? { digits: "", decpt: -ndigits } : rounded;
}
