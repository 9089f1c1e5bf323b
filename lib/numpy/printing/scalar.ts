/**
 * numpy 2 scalar repr/str: `np.float32(1.5)` / `1.5`, `np.int64(3)` / `3`, `np.True_` / `True`.
 *
 * Float scalars print their shortest round-trip digits in the scalar's own type, positionally when
 * 1e-4 <= |x| < T (or x == 0) and in scientific notation otherwise, where numpy's T is 1e16 for
 * float64, 1e6 for float32 and 1e3 for float16 (measured on numpy 2.4; so str(np.float32(1e6)) is
 * '1e+06'). bfloat16/float8 scalars print as ml_dtypes does: C's %g, no `np.` wrapper.
 */
import type { BinaryFloat } from "./decimal";
import { dragon4Positional, dragon4Scientific, formatG } from "./dragon4";

const POSITIONAL_LIMIT: Readonly<Record<BinaryFloat, number>> = { float64: 1e16, float32: 1e6, float16: 1e3 };
const FLOATS: ReadonlySet<string> = new Set(["float64", "float32", "float16"]);
const INTS: ReadonlySet<string> = new Set(["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]);

export function floatScalarStr(x: number, kind: BinaryFloat): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x < 0 ? "-inf" : "inf";
  const a = Math.abs(x);
  if (a === 0 || (a < POSITIONAL_LIMIT[kind] && a >= 1e-4)) return dragon4Positional(x, kind, { trim: "0" });
  return dragon4Scientific(x, kind, { trim: "-" });
}

/**
 * The decimal digits of a stored (u)int64 value: beyond 2^53 the double's exact integer value
 * (2^63 prints as 9223372036854775808, not JavaScript's 9223372036854776000).
 */
export function intText(v: number | bigint): string {
  return typeof v === "bigint" || Number.isSafeInteger(v) || !Number.isFinite(v) ? String(v) : BigInt(v).toString();
}

/** str() of a numpy scalar of dtype `dtype` holding `x` (bools as 0/1 or boolean). */
export function scalarStr(dtype: string, x: number | boolean | bigint): string {
  if (dtype === "bool") return x ? "True" : "False";
  if (typeof x === "bigint" && INTS.has(dtype)) return intText(x);
  const v = Number(x);
  if (FLOATS.has(dtype)) return floatScalarStr(v, dtype as BinaryFloat);
  if (INTS.has(dtype)) return intText(v);
  return formatG(v);
}

/** repr() of a numpy scalar. */
export function scalarRepr(dtype: string, x: number | boolean | bigint): string {
  if (dtype === "bool") return x ? "np.True_" : "np.False_";
  if (FLOATS.has(dtype) || INTS.has(dtype)) return `np.${dtype}(${scalarStr(dtype, x)})`;
  return formatG(Number(x));
}
