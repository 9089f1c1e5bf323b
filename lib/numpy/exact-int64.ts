/**
 * Exact int64/uint64 values beyond 2^53.
 *
 * (u)int64 storage is a Float64Array of numbers (dtypes.ts), which every kernel reads and writes
 * as such; a value past 2^53 is held there as its nearest double. Where a value that large is
 * written by code that knows it exactly, the exact value also goes into a shadow: a BigInt64Array
 * (BigUint64Array for uint64) the length of the storage, created on the first such write and kept
 * in a WeakMap keyed by the storage object, so every view of that storage (same object, other
 * offsets and strides) finds it. Code that knows nothing of shadows keeps working on the doubles.
 *
 * A shadow entry counts only while the double beside it is still that entry rounded: a write by
 * shadow-unaware code (which stores a double) makes the two disagree, and the double wins. So an
 * unaware write can never make a read worse than the double it stored; the one ambiguity is an
 * unaware write of a different value with the same rounding (both past 2^53), which reads back as
 * the old exact value, off by less than the double's own rounding error.
 *
 * Exact-aware paths: creation from Python ints, element reads for Python (item, tolist, int(),
 * printing), setitem of Python ints and of (u)int64 arrays, copies, casts to other integer types,
 * the integer ufuncs (ufuncs.ts recomputes a result with BigInts when an operand has a shadow or a
 * result passed 2^53) and the integer sum/prod/cumsum/cumprod/max/min (reductions.ts).
 */
import type { DType, Storage } from "./dtypes";

export type Exact = BigInt64Array | BigUint64Array;

const shadows = new WeakMap<Storage, Exact>();

/** Doubles strictly inside (-2^53, 2^53) are exact integers: no shadow needed. */
const SAFE = 2 ** 53;

export function isWideInt(dtype: DType): boolean {
  return dtype.name === "int64" || dtype.name === "uint64";
}

/** v wrapped to an integer dtype's width, as numpy's integer arithmetic and casts wrap. */
export function wrapTo(dtype: DType, v: bigint): bigint {
  const bits = dtype.itemsize * 8;
  return dtype.kind === "u" ? BigInt.asUintN(bits, v) : BigInt.asIntN(bits, v);
}

/** The shadow of `data`, if an exact value past 2^53 was ever written there. */
export function shadowOf(data: Storage): Exact | undefined {
  return shadows.get(data);
}

/** The exact value at buffer offset i of (u)int64 storage. */
export function exactAt(data: Storage, i: number): bigint {
  const d = data[i];
  const s = shadows.get(data);
  if (s !== undefined) {
    const e = s[i];
    if (Number(e) === d) return e;
  }
  return BigInt(d);
}

/** The element at offset i as a number, or as a bigint when its exact value is not that number. */
export function elementAt(data: Storage, i: number): number | bigint {
  const d = data[i];
  if (d > -SAFE && d < SAFE) return d;
  const s = shadows.get(data);
  if (s === undefined) return d;
  const e = s[i];
  return Number(e) === d ? e : d;
}

/** Stores an exact (already wrapped) value at offset i of (u)int64 storage. */
export function storeExact(data: Storage, i: number, v: bigint, unsigned: boolean): void {
  const d = Number(v);
  data[i] = d;
  let s = shadows.get(data);
  if (s === undefined) {
    if (d > -SAFE && d < SAFE) return;
    s = unsigned ? new BigUint64Array(data.length) : new BigInt64Array(data.length);
    shadows.set(data, s);
  }
  s[i] = v;
}

/**
 * Copies the exact values behind n elements, src offset `from(k)` to dst offset `to(k)`, after the
 * doubles have been copied; nothing to do when src has no shadow. src and dst may be one storage.
 */
export function copyExact(src: Storage, dst: Storage, n: number, from: (k: number) => number, to: (k: number) => number, unsigned: boolean): void {
  const s = shadows.get(src);
  if (s === undefined) return;
  const moves: [number, bigint][] = [];
  for (let k = 0; k < n; k++) {
    const i = from(k);
    const d = src[i];
    if (!(d > -SAFE && d < SAFE) && Number(s[i]) === d) moves.push([to(k), s[i]]);
  }
  for (const [j, v] of moves) storeExact(dst, j, v, unsigned);
}
