/**
 * (u)int64 operations recomputed exactly with BigInts (exact-int64.ts): the integer ufuncs, where
 * and matmul. Their callers run the double loops first and call these only when an operand holds
 * exact values past 2^53 or a result may have passed 2^53, where doubles stop being exact. numpy's semantics: results wrap modulo
 * 2^64, division and remainder by zero give 0, floor division and remainder round toward -inf,
 * shifts by 64 or more give 0 (or -1 for a negative right-shifted value).
 */
import type { DType, Storage } from "./dtypes";
import { allocate } from "./dtypes";
import { exactAt, isWideInt, shadowOf, storeExact, wrapTo } from "./exact-int64";
import { type NDArray, broadcastView, fromStorage, offsetsOf } from "./ndarray";

type BinaryExact = (x: bigint, y: bigint) => bigint;
type CompareExact = (x: bigint, y: bigint) => boolean;

function floorDiv(x: bigint, y: bigint): bigint {
  if (y === 0n) return 0n;
  const q = x / y;
  return (x % y !== 0n) && ((x < 0n) !== (y < 0n)) ? q - 1n : q;
}

function floorMod(x: bigint, y: bigint): bigint {
  if (y === 0n) return 0n;
  const r = x % y;
  return r !== 0n && (r < 0n) !== (y < 0n) ? r + y : r;
}

/** x ** y modulo 2^64 by squaring (y >= 0: negative exponents were refused before). */
function powWrapped(x: bigint, y: bigint): bigint {
  let result = 1n;
  let base = BigInt.asUintN(64, x);
  for (let e = y; e > 0n; e >>= 1n) {
    if (e & 1n) result = BigInt.asUintN(64, result * base);
    base = BigInt.asUintN(64, base * base);
  }
  return result;
}

const ARITHMETIC: Readonly<Record<string, BinaryExact>> = {
  add: (x, y) => x + y,
  subtract: (x, y) => x - y,
  multiply: (x, y) => x * y,
  floor_divide: floorDiv,
  remainder: floorMod,
  power: powWrapped,
  bitwise_and: (x, y) => x & y,
  bitwise_or: (x, y) => x | y,
  bitwise_xor: (x, y) => x ^ y,
  left_shift: (x, y) => (y >= 64n || y < 0n ? 0n : x << y),
  right_shift: (x, y) => (y >= 64n || y < 0n ? (x < 0n ? -1n : 0n) : x >> y),
  maximum: (x, y) => (x >= y ? x : y),
  minimum: (x, y) => (x <= y ? x : y),
};

const COMPARISONS: Readonly<Record<string, CompareExact>> = {
  equal: (x, y) => x === y,
  not_equal: (x, y) => x !== y,
  less: (x, y) => x < y,
  less_equal: (x, y) => x <= y,
  greater: (x, y) => x > y,
  greater_equal: (x, y) => x >= y,
};

const UNARY: Readonly<Record<string, (x: bigint) => bigint>> = {
  negative: (x) => -x,
  positive: (x) => x,
  absolute: (x) => (x < 0n ? -x : x),
  square: (x) => x * x,
  invert: (x) => ~x,
};

/** Whether an operand holds exact (u)int64 values past 2^53. */
export function holdsExact(a: NDArray): boolean {
  return isWideInt(a.dtype) && shadowOf(a.data) !== undefined;
}

/** An integer operand's element at a buffer offset as a BigInt: exact for (u)int64, the stored integer otherwise. */
export function bigintReader(a: NDArray): (offset: number) => bigint {
  if (isWideInt(a.dtype)) return (i) => exactAt(a.data, i);
  return (i) => BigInt(a.data[i]);
}

function writeAll(out: Storage, dtype: DType, n: number, value: (k: number) => bigint): void {
  const unsigned = dtype.kind === "u";
  for (let k = 0; k < n; k++) storeExact(out, k, wrapTo(dtype, value(k)), unsigned);
}

/**
 * x <name> y for integer compute dtype `compute` (int64 or uint64) and result dtype `outType`, exactly,
 * or null when `name` has no exact form here (its double result stands).
 */
export function exactBinary(name: string, a: NDArray, b: NDArray, shape: readonly number[], compute: DType, outType: DType): NDArray | null {
  const arith = ARITHMETIC[name];
  const compare = COMPARISONS[name];
  if (!isWideInt(compute) || (arith === undefined && compare === undefined)) return null;
  if (arith !== undefined && outType !== compute) return null;
  const ao = offsetsOf(broadcastView(a, shape));
  const bo = offsetsOf(broadcastView(b, shape));
  const ra = bigintReader(a);
  const rb = bigintReader(b);
  const n = ao.length;
  const out = allocate(outType, n);
  if (compare !== undefined) {
    for (let k = 0; k < n; k++) out[k] = compare(ra(ao[k]), rb(bo[k])) ? 1 : 0;
  } else {
    writeAll(out, outType, n, (k) => arith(ra(ao[k]), rb(bo[k])));
  }
  return fromStorage(outType, shape, out);
}

function hasUnsafeInteger(out: Storage): boolean {
  for (let i = 0; i < out.length; i++) if (!(out[i] > -(2 ** 53) && out[i] < 2 ** 53)) return true;
  return false;
}

/**
 * The unary integer ufunc `name` on (u)int64 `a` exactly, when its double loop's result `loopOut`
 * may be inexact: `a` holds exact values, the loop reported it (`reportedInexact`), or an int64
 * result left the safe range (these loops have no helper to report it: square past 2^53,
 * negative/absolute of -2^63). Null when the double result stands or `name` has no exact form.
 */
export function exactUnary(name: string, a: NDArray, outType: DType, reportedInexact: boolean, loopOut: Storage): NDArray | null {
  const op = UNARY[name];
  if (op === undefined || outType !== a.dtype || !isWideInt(outType)) return null;
  if (!reportedInexact && !holdsExact(a) && !(outType.name === "int64" && hasUnsafeInteger(loopOut))) return null;
  const offs = offsetsOf(a);
  const read = bigintReader(a);
  const out = allocate(outType, offs.length);
  writeAll(out, outType, offs.length, (k) => op(read(offs[k])));
  return fromStorage(outType, a.shape, out);
}

/** np.where(c, a, b) into (u)int64 `dtype`, keeping the operands' exact values. */
export function exactWhere(c: NDArray, a: NDArray, b: NDArray, dtype: DType, shape: readonly number[]): NDArray {
  const co = offsetsOf(broadcastView(c, shape));
  const ao = offsetsOf(broadcastView(a, shape));
  const bo = offsetsOf(broadcastView(b, shape));
  const ra = bigintReader(a);
  const rb = bigintReader(b);
  const out = allocate(dtype, co.length);
  writeAll(out, dtype, co.length, (k) => (c.data[co[k]] !== 0 ? ra(ao[k]) : rb(bo[k])));
  return fromStorage(dtype, shape, out);
}

/** The largest |element| of an integer operand (bounding the products and sums of a matmul). */
function magnitude(a: NDArray): number {
  if (!isWideInt(a.dtype)) return 2 ** (8 * a.dtype.itemsize);
  const offs = offsetsOf(a);
  let m = 0;
  for (let i = 0; i < offs.length; i++) m = Math.max(m, Math.abs(a.data[offs[i]]));
  return m;
}

/**
 * Integer matmul into (u)int64 `dtype` over broadcast batches, exactly, or null when the double
 * computation is already exact (no exact operand, and k * max|a| * max|b| below 2^53).
 */
export function exactMatmul(a: NDArray, b: NDArray, batch: readonly number[], m: number, k: number, n: number, dtype: DType, shape: readonly number[]): NDArray | null {
  if (!isWideInt(dtype) || (!holdsExact(a) && !holdsExact(b) && k * magnitude(a) * magnitude(b) < 2 ** 53)) return null;
  const ao = offsetsOf(broadcastView(a, [...batch, m, k]));
  const bo = offsetsOf(broadcastView(b, [...batch, k, n]));
  const ra = bigintReader(a);
  const rb = bigintReader(b);
  const nb = ao.length / (m * k || 1);
  const out = allocate(dtype, nb * m * n);
  for (let t = 0; t < nb; t++) {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0n;
        for (let p = 0; p < k; p++) s += ra(ao[t * m * k + i * k + p]) * rb(bo[t * k * n + p * n + j]);
        storeExact(out, (t * m + i) * n + j, wrapTo(dtype, s), dtype.kind === "u");
      }
    }
  }
  return fromStorage(dtype, shape, out);
}
