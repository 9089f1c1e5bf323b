import { doubleToString } from "./double-to-string";

/**
 * CPython's repr(float) and str(float) (identical since 3.2): shortest round-trip digits, fixed notation
 * for 1e-4 <= |x| < 1e16 with a ".0" on integers, exponent notation otherwise.
 */
export function floatRepr(x: number): string {
  const ax = Math.abs(x);
  // JavaScript's shortest digits already print in fixed notation throughout this range.
  if (ax >= 1e-4 && ax < 1e16) {
    const text = x.toString();
    return Number.isInteger(x) ? text + ".0" : text;
  }
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  return doubleToString(x, "r", 0, { addDot0: true });
}
