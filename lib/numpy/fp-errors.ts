/**
 * numpy's floating-point error reports: "divide by zero encountered in divide", "overflow
 * encountered in multiply", "invalid value encountered in sqrt", "overflow encountered in cast".
 *
 * numpy reads the FPU's status flags after each loop; JavaScript has none, so results are examined
 * instead. A float result holding no NaN or infinity raised nothing (underflow, which numpy ignores
 * by default, is not detected), so the common case costs one scan for non-finite values (in the
 * SIMD loops a scan of each staged chunk while it is in cache). Only when one is found are the
 * operands examined element by element: a NaN from operands without NaN is "invalid", an infinity
 * from finite operands is "divide by zero" (a finite division by zero, log(0)) or "overflow".
 *
 * What this library records is collected by the caller around a call (`collectFpErrors`); the
 * Python binding turns each into numpy's RuntimeWarning, FloatingPointError or printed message
 * according to np.errstate. Nothing is recorded outside a collection, so library users that never
 * collect pay only the scans.
 */
import type { DType, Storage } from "./dtypes";
import { broadcastView, contiguousData, type NDArray, offsetsOf } from "./ndarray";

/** numpy's FPE_* bits. */
export const FPE_DIVIDEBYZERO = 1;
export const FPE_OVERFLOW = 2;
export const FPE_INVALID = 8;

/** One operation's errors: its FPE_* bits and the name numpy reports ("divide", "cast", "reduce"). */
export interface FpError {
  readonly flags: number;
  readonly op: string;
  /** Integer overflow, which numpy reports for numpy-scalar arithmetic only (array loops wrap silently). */
  readonly scalarOnly: boolean;
}

let collecting = 0;
let recorded: FpError[] = [];

/** Records `flags` for `op` when a collection is open. */
export function recordFpError(flags: number, op: string, scalarOnly = false): void {
  if (flags !== 0 && collecting > 0) recorded.push({ flags, op, scalarOnly });
}

/** Whether anything would record errors now (callers skip their scans otherwise). */
export function fpErrorsWanted(): boolean {
  return collecting > 0;
}

/** Runs fn, returning its value and the errors its operations recorded, in order. */
export function collectFpErrors<T>(fn: () => T): { value: T; errors: FpError[] } {
  const outer = recorded;
  recorded = [];
  collecting++;
  try {
    const value = fn();
    return { value, errors: recorded };
  } finally {
    collecting--;
    recorded = outer;
  }
}

/** numpy's name for a ufunc in these messages (ufunc.__name__). */
export function reportedName(ufunc: string): string {
  return ufunc === "true_divide" ? "divide" : ufunc;
}

/** Whether data[start .. start+n) holds a NaN or an infinity. */
export function hasNonFinite(data: Storage, start: number, n: number): boolean {
  for (let i = start; i < start + n; i++) {
    const x = data[i];
    if (x - x !== 0) return true;
  }
  return false;
}

const finite = (x: number): boolean => x - x === 0;

/** Ufuncs whose infinite result from finite operands is a division by zero rather than an overflow. */
const POLES: ReadonlySet<string> = new Set(["true_divide", "floor_divide", "reciprocal", "log", "log2", "log10", "log1p", "arctanh"]);

/**
 * FPE bits of one non-finite result r of operands x and y (y NaN-free 0 for a unary ufunc): NaN
 * from operands without NaN is invalid (from any operands for ORDERED_NAN); an infinity from finite
 * operands is a division by zero at a pole (a zero divisor, or any argument of a unary pole such as
 * log) or a zero base of a power, else an overflow.
 */
export function resultFlags(r: number, x: number, y: number, ufunc: string, unary: boolean): number {
  if (r !== r) return (x === x && y === y) || ORDERED_NAN.has(ufunc) ? FPE_INVALID : 0;
  if (!finite(x) || !finite(y)) return 0;
  if (POLES.has(ufunc) && (unary || y === 0)) return FPE_DIVIDEBYZERO;
  return (ufunc === "power" || ufunc === "float_power") && x === 0 ? FPE_DIVIDEBYZERO : FPE_OVERFLOW;
}

/** Ufuncs whose numpy loops compare a NaN with an ordered (signalling) comparison: NaN in, invalid. */
const ORDERED_NAN: ReadonlySet<string> = new Set(["logaddexp", "logaddexp2"]);

/**
 * The FPE bits of a float ufunc's result `out` (C order over `shape`, from outStart) from its one or
 * two operands, examined element by element; call it only when `out` holds a non-finite value.
 */
export function floatResultFlags(ufunc: string, operands: readonly NDArray[], shape: readonly number[], out: Storage, outStart: number): number {
  const n = shape.reduce((p, d) => p * d, 1);
  const views = operands.map((a) => {
    const v = broadcastView(a, shape);
    return { data: v.data, offsets: offsetsOf(v) };
  });
  const [x, y] = views;
  let flags = 0;
  for (let i = 0; i < n; i++) {
    const r = out[outStart + i];
    if (r - r === 0) continue;
    flags |= resultFlags(r, x.data[x.offsets[i]], y === undefined ? 0 : y.data[y.offsets[i]], ufunc, y === undefined);
  }
  return flags;
}

/**
 * Records errors of an operation judged on its whole result (reductions, accumulations, matrix
 * products), where elements cannot be matched to operands: a NaN when no input held one is
 * invalid, an infinity when every input was finite an overflow.
 */
export function recordWholeResult(op: string, inputs: readonly NDArray[], result: NDArray): void {
  if (collecting === 0 || !result.dtype.isFloat) return;
  const out = contiguousData(result);
  let nan = false;
  let inf = false;
  for (let i = 0; i < out.length; i++) {
    const r = out[i];
    if (r !== r) nan = true;
    else if (r - r !== 0) inf = true;
  }
  if (!nan && !inf) return;
  let inNaN = false;
  let inNonFinite = false;
  for (const a of inputs) {
    const d = contiguousData(a);
    for (let i = 0; i < d.length; i++) {
      const x = d[i];
      if (x !== x) inNaN = true;
      if (x - x !== 0) inNonFinite = true;
    }
  }
  recordFpError((nan && !inNaN ? FPE_INVALID : 0) | (inf && !inNonFinite ? FPE_OVERFLOW : 0), op);
}

/** FPE_OVERFLOW when integer `x <op> y` (add, subtract, multiply) leaves `t`'s range, else 0. */
export function integerOverflowFlags(ufunc: string, x: number, y: number, t: DType): number {
  if (!Number.isInteger(x) || !Number.isInteger(y)) return 0;
  // Small results are exact in doubles; only those near 2^52 and beyond need BigInt.
  const approx = ufunc === "add" ? x + y : ufunc === "subtract" ? x - y : ufunc === "multiply" ? x * y : 0;
  const [loF, hiF] = t.kind === "u" ? [0, 2 ** (t.itemsize * 8) - 1] : [-(2 ** (t.itemsize * 8 - 1)), 2 ** (t.itemsize * 8 - 1) - 1];
  if (Math.abs(approx) < 2 ** 52) return approx < loF || approx > hiF ? FPE_OVERFLOW : 0;
  const a = BigInt(x);
  const b = BigInt(y);
  const exact = ufunc === "add" ? a + b : ufunc === "subtract" ? a - b : ufunc === "multiply" ? a * b : null;
  if (exact === null) return 0;
  const bits = BigInt(t.itemsize * 8);
  const [lo, hi] = t.kind === "u" ? [0n, (1n << bits) - 1n] : [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n];
  return exact < lo || exact > hi ? FPE_OVERFLOW : 0;
}

/** FPE bits of integer floor_divide / remainder: a zero anywhere in the divisor. */
export function integerDivisionFlags(divisor: NDArray): number {
  const d = divisor.data;
  const offsets = divisor.isCContiguous ? null : offsetsOf(divisor);
  for (let i = 0; i < divisor.size; i++) if (d[offsets === null ? divisor.offset + i : offsets[i]] === 0) return FPE_DIVIDEBYZERO;
  return 0;
}

/**
 * FPE bits of a cast of n dense values `src` (of `from`) to `dst` (of `to`): a finite value that
 * became infinite overflowed; NaN, an infinity or a value out of range cast to an integer is invalid.
 * Only numpy's own dtypes report (ml_dtypes' bfloat16 and float8 casts are silent).
 */
export function castFlags(src: Storage, from: DType, dst: Storage, to: DType): number {
  const n = src.length;
  // An integer too large for float16 (65520 and up) becomes inf: numpy's overflow in cast.
  if (!from.isFloat) {
    if (to.name !== "float16") return 0;
    for (let i = 0; i < n; i++) if (!finite(dst[i])) return FPE_OVERFLOW;
    return 0;
  }
  if (to.isInteger) {
    const [lo, hi] = conversionRange(to);
    for (let i = 0; i < n; i++) {
      const x = Math.trunc(src[i]);
      if (!(x >= lo && x < hi)) return FPE_INVALID;
    }
    return 0;
  }
  if (to.name !== "float16" && to.name !== "float32") return 0;
  for (let i = 0; i < n; i++) if (!finite(dst[i]) && finite(src[i])) return FPE_OVERFLOW;
  return 0;
}

/**
 * The integers a float converts to exactly on the way to `t` ([lo, hi)): x86's conversion to int32
 * for the narrow types (300.0 -> int8 wraps silently), int32 or int32 after a 2^31 shift for uint32
 * (dtypes.ts toUint32), int64 for int64, and int64 or unsigned 64-bit for uint64; NaN, infinities
 * and values outside are numpy's "invalid value".
 */
function conversionRange(t: DType): [number, number] {
  if (t.itemsize < 4 || t.name === "int32") return [-(2 ** 31), 2 ** 31];
  if (t.name === "uint32") return [-(2 ** 31), 2 ** 32];
  return [-(2 ** 63), t.name === "uint64" ? 2 ** 64 : 2 ** 63];
}
