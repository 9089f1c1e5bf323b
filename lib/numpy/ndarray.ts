/**
 * The ndarray: a typed-array buffer plus shape, strides (in elements, possibly negative or 0) and an
 * offset. Slicing, transposes and broadcasts are views sharing the buffer; writes through a view are
 * visible in every array sharing it.
 */
import { type DType, type Storage, allocate, castValue, DTYPES, type PyScalarKind } from "./dtypes";
import { elementAt, exactAt, isWideInt, shadowOf, storeExact, wrapTo } from "./exact-int64";
import { roundArrayTo } from "./float-formats";
import { checkJsArrayLength, indexError, valueError } from "./errors";
import { deriveView } from "./kernels/heap";
import { castFlags, fpErrorsWanted, recordFpError } from "./fp-errors";

export class NDArray {
  readonly size: number;

  constructor(
    readonly data: Storage,
    readonly dtype: DType,
    readonly shape: readonly number[],
    readonly strides: readonly number[],
    readonly offset: number,
  ) {
    let n = 1;
    for (const d of shape) n *= d;
    this.size = n;
  }

  get ndim(): number {
    return this.shape.length;
  }

  get itemsize(): number {
    return this.dtype.itemsize;
  }

  get nbytes(): number {
    return this.size * this.dtype.itemsize;
  }

  /** True when elements are laid out densely in C order starting at `offset`. */
  get isCContiguous(): boolean {
    let expected = 1;
    for (let d = this.shape.length - 1; d >= 0; d--) {
      if (this.shape[d] !== 1 && this.strides[d] !== expected) return false;
      expected *= this.shape[d];
    }
    return true;
  }

  /** Element i in C order, as stored (bool as 0/1). */
  getFlat(i: number): number {
    if (this.isCContiguous) return this.data[this.offset + i];
    return this.data[flatToOffset(this, i)];
  }

  /** Element i in C order, a bigint for a (u)int64 value past 2^53 known exactly (exact-int64.ts). */
  exactFlat(i: number): number | bigint {
    return isWideInt(this.dtype) ? elementAt(this.data, flatOffset(this, i)) : this.getFlat(i);
  }

  /** Element at a full multi-index (no bounds or negative-index handling). */
  getAt(index: readonly number[]): number {
    let off = this.offset;
    for (let d = 0; d < index.length; d++) off += index[d] * this.strides[d];
    return this.data[off];
  }
}

/** A Python scalar operand: NEP 50 "weak" — it adopts the dtype of the array it meets. */
export interface PyScalar {
  readonly kind: PyScalarKind;
  readonly value: number;
  /** A Python int past 2^53: its exact value (`value` is the nearest double). */
  readonly exact?: bigint;
}

export function pyInt(value: number): PyScalar {
  return { kind: "int", value };
}
/** A Python int of any size, exact beyond 2^53 (see exact-int64.ts). */
export function pyBigInt(v: bigint): PyScalar {
  const value = Number(v);
  return Number.isSafeInteger(value) ? { kind: "int", value } : { kind: "int", value, exact: v };
}
export function pyFloat(value: number): PyScalar {
  return { kind: "float", value };
}
export function pyBool(value: boolean): PyScalar {
  return { kind: "bool", value: value ? 1 : 0 };
}

/** Operands accepted by ufuncs: arrays, 0-d arrays (numpy scalars, strongly typed) and Python scalars. */
export type Operand = NDArray | PyScalar;

export function isPyScalar(x: Operand): x is PyScalar {
  return !(x instanceof NDArray);
}

export function cStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = s;
    s *= shape[d];
  }
  return strides;
}

export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function fromStorage(dtype: DType, shape: readonly number[], data: Storage): NDArray {
  return new NDArray(data, dtype, shape.slice(), cStrides(shape), 0);
}

export function emptyArray(dtype: DType, shape: readonly number[]): NDArray {
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) throw valueError("negative dimensions are not allowed");
  }
  return fromStorage(dtype, shape, allocate(dtype, shapeSize(shape)));
}

/**
 * 0-d array holding one value (cast to dtype): numpy scalars are represented this way. `exact`, a
 * Python int past 2^53, is kept exactly by (u)int64 (wrapped to 64 bits).
 */
export function scalarArray(dtype: DType, value: number, exact?: bigint): NDArray {
  const a = emptyArray(dtype, []);
  if (exact !== undefined && isWideInt(dtype)) storeExact(a.data, 0, wrapTo(dtype, exact), dtype.kind === "u");
  else a.data[0] = castValue(dtype, value);
  return a;
}

function flatToOffset(a: NDArray, i: number): number {
  let off = a.offset;
  for (let d = a.shape.length - 1; d >= 0; d--) {
    const n = a.shape[d];
    const k = i % n;
    i = (i - k) / n;
    off += k * a.strides[d];
  }
  return off;
}

/**
 * Buffer offsets of every element of a (shape, strides, offset) view in C order. The strided path of
 * every kernel walks this table instead of recomputing multi-indices per element.
 */
export function elementOffsets(shape: readonly number[], strides: readonly number[], offset: number): Int32Array {
  const n = shapeSize(shape);
  const out = new Int32Array(n);
  const nd = shape.length;
  if (n === 0) return out;
  if (nd === 0) {
    out[0] = offset;
    return out;
  }
  const inner = shape[nd - 1];
  const innerStride = strides[nd - 1];
  const idx = new Array<number>(nd).fill(0);
  let base = offset;
  let k = 0;
  while (k < n) {
    let off = base;
    for (let j = 0; j < inner; j++, off += innerStride) out[k++] = off;
    // Advance the outer odometer.
    let d = nd - 2;
    while (d >= 0) {
      idx[d]++;
      base += strides[d];
      if (idx[d] < shape[d]) break;
      base -= strides[d] * shape[d];
      idx[d] = 0;
      d--;
    }
  }
  return out;
}

export function offsetsOf(a: NDArray): Int32Array {
  return elementOffsets(a.shape, a.strides, a.offset);
}

/** The elements in C order as a dense buffer: the array's own (sub)buffer when contiguous, else a copy. */
export function contiguousData(a: NDArray): Storage {
  if (a.isCContiguous) return deriveView(a.data, a.offset, a.offset + a.size);
  const out = allocate(a.dtype, a.size);
  const offs = offsetsOf(a);
  const src = a.data;
  for (let i = 0; i < offs.length; i++) out[i] = src[offs[i]];
  return out;
}

/** A C-contiguous copy (or the array itself if `allowSame` and already contiguous from offset 0). */
export function copyArray(a: NDArray): NDArray {
  const contiguous = contiguousData(a);
  let data = contiguous;
  if (contiguous === a.data || contiguous.buffer === a.data.buffer) {
    // A fresh allocation rather than slice(): large copies are resident like any new array (kernels/heap.ts).
    data = allocate(a.dtype, a.size);
    (data as Float64Array).set(contiguous as Float64Array);
  }
  keepExact(a, data, a.dtype);
  return fromStorage(a.dtype, a.shape, data);
}

/**
 * After n integer elements were copied or cast from `src` (offset `from(k)`, dtype `fromType`) into
 * `dst` (offset `to(k)`, dtype `toType`): the values doubles cannot carry, written exactly
 * (exact-int64.ts). Those are the shadowed values of a (u)int64 source, wrapped to the destination's
 * width, and, into a 64-bit destination of the other signedness, every value that the change moves
 * by 2^64 (-1 as uint64 is 2^64 - 1).
 */
function castExact(src: Storage, from: (k: number) => number, fromType: DType, dst: Storage, to: (k: number) => number, toType: DType, n: number): void {
  if (!toType.isInteger || !fromType.isInteger) return;
  const exact = isWideInt(fromType) && shadowOf(src) !== undefined;
  if (isWideInt(toType) && (exact || fromType.kind !== toType.kind)) {
    for (let k = 0; k < n; k++) {
      const d = src[from(k)];
      if (exact || d < 0 || d >= 2 ** 53) storeExact(dst, to(k), wrapTo(toType, exact ? exactAt(src, from(k)) : BigInt(d)), toType.kind === "u");
    }
    return;
  }
  if (!exact) return;
  for (let k = 0; k < n; k++) dst[to(k)] = Number(wrapTo(toType, exactAt(src, from(k))));
}

/** castExact for all of `a` into dense `out`. */
function keepExact(a: NDArray, out: Storage, to: DType): void {
  const at = a.isCContiguous ? (k: number): number => a.offset + k : (k: number): number => flatToOffset(a, k);
  castExact(a.data, at, a.dtype, out, (k) => k, to, a.size);
}

/** The elements in C order as a 1-D array: a view of the same storage when contiguous, else a copy. */
export function flatView(a: NDArray): NDArray {
  if (a.isCContiguous) return new NDArray(a.data, a.dtype, [a.size], [1], a.offset);
  const c = copyArray(a);
  return new NDArray(c.data, a.dtype, [a.size], [1], 0);
}

export function ascontiguous(a: NDArray): NDArray {
  return a.isCContiguous ? a : copyArray(a);
}

function formatShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(",")})`;
}

/** numpy's tuple repr of a shape: (2, 3), (4,), (). */
export function shapeRepr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

export function broadcastShapes(...shapes: (readonly number[])[]): number[] {
  const nd = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(nd).fill(1);
  for (const s of shapes) {
    for (let i = 0; i < s.length; i++) {
      const d = nd - s.length + i;
      const v = s[i];
      if (v === out[d] || v === 1) continue;
      if (out[d] === 1) out[d] = v;
      else {
        throw valueError(`operands could not be broadcast together with shapes ${shapes.map(formatShape).join(" ")} `);
      }
    }
  }
  return out;
}

/** A read-only broadcast view of `a` with the given shape (stride 0 along broadcast dimensions). */
export function broadcastView(a: NDArray, shape: readonly number[]): NDArray {
  if (shape.length === a.ndim && shape.every((d, i) => d === a.shape[i])) return a;
  const nd = shape.length;
  const strides = new Array<number>(nd).fill(0);
  if (a.ndim > nd) throw broadcastToError(a.shape, shape);
  for (let i = 0; i < a.ndim; i++) {
    const d = nd - a.ndim + i;
    if (a.shape[i] === shape[d]) strides[d] = a.strides[i];
    else if (a.shape[i] === 1) strides[d] = 0;
    else throw broadcastToError(a.shape, shape);
  }
  return new NDArray(a.data, a.dtype, shape.slice(), strides, a.offset);
}

function broadcastToError(from: readonly number[], to: readonly number[]): Error {
  return valueError(
    `could not broadcast input array from shape ${formatShape(from)} into shape ${formatShape(to)}`,
  );
}

export function broadcastTo(a: NDArray, shape: readonly number[]): NDArray {
  const nd = shape.length;
  if (a.ndim > nd) {
    throw valueError(
      `input operand has more dimensions than allowed by the axis remapping`,
    );
  }
  for (let i = 0; i < a.ndim; i++) {
    const d = nd - a.ndim + i;
    if (a.shape[i] !== shape[d] && a.shape[i] !== 1) {
      throw valueError(
        `operands could not be broadcast together with remapped shapes [original->remapped]: ${formatShape(a.shape).replace(/ /g, "")}  and requested shape ${formatShape(shape)}`,
      );
    }
  }
  return broadcastView(a, shape);
}

/** Convert an array to another dtype (numpy astype: RNE for narrow floats, truncation for ints). */
export function astype(a: NDArray, dtype: DType, copy = true): NDArray {
  if (a.dtype === dtype && !copy) return a;
  const src = contiguousData(a);
  const out = allocate(dtype, a.size);
  castInto(src, a.dtype, out, dtype);
  keepExact(a, out, dtype);
  if (fpErrorsWanted()) recordFpError(castFlags(src, a.dtype, out, dtype), "cast");
  return fromStorage(dtype, a.shape, out);
}

/** Cast a dense buffer into another dense buffer of the same length. */
export function castInto(src: Storage, from: DType, dst: Storage, to: DType): void {
  const n = src.length;
  if (from === to || (to.name === "float64" && from.name !== "bool") || (to.name === "float32" && !from.isInteger && from.kind !== "b")) {
    (dst as Float64Array).set(src as Float64Array);
    return;
  }
  if (to.narrow !== undefined && (from.isFloat || from.isInteger || from.kind === "b")) {
    if (src instanceof Float32Array || src instanceof Float64Array) {
      roundArrayTo(to.narrow, src, dst as Float32Array);
      return;
    }
  }
  if (from.isInteger && (to.isInteger || to.name === "float32") && to.itemsize !== 8) {
    // Typed-array stores wrap integers modulo 2^n and round to float32 exactly like C casts.
    (dst as Int32Array).set(src as Int32Array);
    return;
  }
  for (let i = 0; i < n; i++) dst[i] = castValue(to, src[i]);
}

/** Buffer offset of element i in C order. */
export function flatOffset(a: NDArray, i: number): number {
  return a.isCContiguous ? a.offset + i : flatToOffset(a, i);
}

/**
 * Element i (C order) converted to the JS value numpy's .item()/.tolist() gives: number or boolean,
 * or a bigint for a (u)int64 value past 2^53 known exactly (exact-int64.ts).
 */
export function itemValue(a: NDArray, i: number): number | boolean | bigint {
  if (isWideInt(a.dtype)) return elementAt(a.data, flatOffset(a, i));
  const v = a.getFlat(i);
  return a.dtype.kind === "b" ? v !== 0 : v;
}

export type NestedList = number | boolean | bigint | NestedList[];

export function tolist(a: NDArray): NestedList {
  if (a.ndim === 0) return itemValue(a, 0);
  for (const d of a.shape) checkJsArrayLength(d);
  const exact = isWideInt(a.dtype) && shadowOf(a.data) !== undefined;
  const data = exact ? a.data : contiguousData(a);
  const offs = exact ? offsetsOf(a) : null;
  const isBool = a.dtype.kind === "b";
  let k = 0;
  const build = (d: number): NestedList[] => {
    const out: NestedList[] = [];
    for (let i = 0; i < a.shape[d]; i++) {
      if (d === a.ndim - 1) {
        const v = offs === null ? data[k++] : elementAt(data, offs[k++]);
        out.push(isBool ? v !== 0 : v);
      } else out.push(build(d + 1));
    }
    return out;
  };
  return build(0);
}

export function item(a: NDArray, index?: number): number | boolean | bigint {
  if (index === undefined) {
    if (a.size !== 1) throw valueError("can only convert an array of size 1 to a Python scalar");
    return itemValue(a, 0);
  }
  const i = index < 0 ? index + a.size : index;
  if (i < 0 || i >= a.size) throw indexError(`index ${index} is out of bounds for size ${a.size}`);
  return itemValue(a, i);
}

export { DTYPES };

/**
 * dst[...] = src: broadcast src to dst's shape, cast to dst's dtype (numpy's unsafe assignment cast)
 * and write through dst (usually a view). Overlapping source and destination are handled by copying
 * the source first, as numpy does.
 */
export function assign(dst: NDArray, src: NDArray): void {
  let s = src;
  if (s.data.buffer === dst.data.buffer) s = copyArray(s);
  if (s.ndim > dst.ndim && s.shape.slice(0, s.ndim - dst.ndim).every((d) => d === 1)) {
    s = new NDArray(s.data, s.dtype, s.shape.slice(s.ndim - dst.ndim), s.strides.slice(s.ndim - dst.ndim), s.offset);
  }
  const view = broadcastView(s, dst.shape);
  const n = dst.size;
  if (n === 0) return;
  const sameType = s.dtype === dst.dtype;
  if (sameType && dst.isCContiguous && view.isCContiguous) {
    dst.data.set(view.data.subarray(view.offset, view.offset + n) as Float64Array, dst.offset);
    assignExact(dst, view, null, null);
    return;
  }
  const dOff = dst.isCContiguous ? null : offsetsOf(dst);
  const sOff = view.isCContiguous ? null : offsetsOf(view);
  const dd = dst.data;
  const sd = view.data;
  const d0 = dst.offset;
  const s0 = view.offset;
  const t = dst.dtype;
  for (let i = 0; i < n; i++) {
    const v = sd[sOff === null ? s0 + i : sOff[i]];
    dd[dOff === null ? d0 + i : dOff[i]] = sameType ? v : castValue(t, v);
  }
  assignExact(dst, view, dOff, sOff);
  if (!sameType && fpErrorsWanted()) {
    // Elements in assignment order, copied out only when either side is strided.
    const dense = (data: Storage, off: Int32Array | null, at: number): Storage => (off === null ? data.subarray(at, at + n) : Float64Array.from(off, (k) => data[k]));
    recordFpError(castFlags(dense(sd, sOff, s0), s.dtype, dense(dd, dOff, d0), t), "cast");
  }
}

/** assign's exact (u)int64 values (castExact), after the doubles were written. */
function assignExact(dst: NDArray, view: NDArray, dOff: Int32Array | null, sOff: Int32Array | null): void {
  castExact(view.data, (k) => (sOff === null ? view.offset + k : sOff[k]), view.dtype, dst.data, (k) => (dOff === null ? dst.offset + k : dOff[k]), dst.dtype, dst.size);
}

/**
 * Fill every element of dst (a view) with one value, cast to dst's dtype; `exact`, a Python int
 * past 2^53, is kept exactly by (u)int64 (wrapped to 64 bits).
 */
export function fill(dst: NDArray, value: number, exact?: bigint): void {
  if (exact !== undefined && isWideInt(dst.dtype)) {
    const e = wrapTo(dst.dtype, exact);
    for (let i = 0; i < dst.size; i++) storeExact(dst.data, flatOffset(dst, i), e, dst.dtype.kind === "u");
    return;
  }
  const v = castValue(dst.dtype, value);
  if (dst.isCContiguous) {
    dst.data.fill(v, dst.offset, dst.offset + dst.size);
    return;
  }
  const offs = offsetsOf(dst);
  for (let i = 0; i < offs.length; i++) dst.data[offs[i]] = v;
}
