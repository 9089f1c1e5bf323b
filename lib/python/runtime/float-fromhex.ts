/*
 * float.fromhex: CPython's hexadecimal float grammar, rounded half-to-even to the nearest double
 * (subnormals included) with exact BigInt arithmetic.
 */

import { overflowError, valueError } from "./errors";

// CPython strips ASCII whitespace only; the digits may be upper or lower case.
const HEX_FLOAT = /^[ \t\n\r\f\v]*([+-]?)(?:(inf|infinity|nan)|(?:0x)?([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?[0-9]+))?)[ \t\n\r\f\v]*$/i;

/** Exponents beyond this already over- or underflow for any mantissa a string could hold. */
const EXP_CLAMP = 1e9;

function bitLength(m: bigint): number {
  return m.toString(2).length;
}

export function parseFloatHex(s: string): number {
  const m = HEX_FLOAT.exec(s);
  const invalid = () => valueError("invalid hexadecimal floating-point string");
  if (m === null) throw invalid();
  const sign = m[1] === "-" ? -1 : 1;
  if (m[2] !== undefined) {
    if (m[2].toLowerCase() !== "nan") return sign * Infinity;
    // CPython keeps the sign bit of "-nan" (visible through hex() and copysign); `-1 * NaN` would not.
    return sign < 0 ? -NaN : NaN;
  }
  const whole = m[3] ?? "";
  const frac = m[4] ?? "";
  if (whole.length + frac.length === 0) throw invalid();
  const mant = BigInt("0x" + whole + frac);
  if (mant === 0n) return sign * 0;
  const exp = Math.max(-EXP_CLAMP, Math.min(EXP_CLAMP, Number(m[5] ?? "0"))) - 4 * frac.length;
  const bits = bitLength(mant);
  // The value lies in [2**(top-1), 2**top); a double keeps 53 bits, fewer once below 2**-1022.
  const top = bits + exp;
  const tooLarge = () => overflowError("hexadecimal value too large to represent as a float");
  if (top - 1 > 1023) throw tooLarge();
  const keep = Math.min(53, top + 1074);
  if (keep < 0) return sign * 0;
  const shift = bits - keep;
  let q = mant;
  if (shift > 0) {
    q = mant >> BigInt(shift);
    const rem = mant - (q << BigInt(shift));
    const half = 1n << BigInt(shift - 1);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
  }
  const result = Number(q) * 2 ** (exp + Math.max(shift, 0));
  if (!Number.isFinite(result)) throw tooLarge();
  return sign * result;
}
