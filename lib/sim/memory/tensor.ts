/**
 * Tensors of the machine: a Buffer is one allocation (HBM: linear bytes; SBUF/PSUM: a range of
 * partitions × a byte range inside each partition); a View is a strided window onto a buffer's
 * elements. On chip, storage index = (partition − partStart) · freeElems + offsetInPartition, so the
 * partition dimension of a view has stride `freeElems` and the free dimensions form the access pattern.
 */

import type { DTypeInfo } from "../dtypes";
import { Memory } from "../trace/types";
import type { Storage } from "./storage";

export interface Buffer {
  /** Tensor id in the trace. */
  readonly id: number;
  readonly name: string;
  readonly memory: Memory;
  readonly dtype: DTypeInfo;
  /** Full logical shape, block dimensions included. */
  readonly shape: readonly number[];
  /** Index of the partition dimension in `shape` (on chip); -1 in HBM. */
  readonly partitionAxis: number;
  readonly partStart: number;
  readonly partCount: number;
  /** On chip: byte offset inside each partition. HBM: absolute byte address. */
  readonly addr: number;
  /** On chip: elements stored per partition. HBM: total elements. */
  readonly freeElems: number;
  /**
   * Null in timing-only mode. On an allocation viewed under another dtype this is a getter that hands
   * the values over between the dtypes (./reinterpret.ts): take it where it is used, and do not hold it
   * while another view of the same allocation is accessed.
   */
  readonly data: Storage | null;
  /** Set once the buffer's scope ended (tile of a finished loop iteration); using it is an error. */
  released: boolean;
}

export interface View {
  readonly buffer: Buffer;
  /** Element offset into the buffer's storage. */
  readonly offset: number;
  readonly shape: readonly number[];
  /** Element strides into the buffer's storage. */
  readonly strides: readonly number[];
  /** Index of the partition dim in this view (on chip), -1 if none (HBM, or indexed away). */
  readonly partitionAxis: number;
}

export function product(shape: readonly number[]): number {
  let n = 1;
  for (const s of shape) n *= s;
  return n;
}

/** Row-major strides of the natural layout of a buffer's shape. */
export function bufferStrides(b: Buffer): number[] {
  const strides = new Array<number>(b.shape.length).fill(0);
  if (b.memory === Memory.Hbm) {
    let s = 1;
    for (let k = b.shape.length - 1; k >= 0; k--) {
      strides[k] = s;
      s *= b.shape[k];
    }
    return strides;
  }
  // On chip: the partition dim strides by a whole partition; the other (block and free) dims are laid
  // out row-major inside each partition.
  let s = 1;
  for (let k = b.shape.length - 1; k >= 0; k--) {
    if (k === b.partitionAxis) continue;
    strides[k] = s;
    s *= b.shape[k];
  }
  strides[b.partitionAxis] = b.freeElems;
  return strides;
}

/** The whole buffer; shares the buffer's shape array (views never mutate their arrays). */
export function fullView(b: Buffer): View {
  return { buffer: b, offset: 0, shape: b.shape, strides: bufferStrides(b), partitionAxis: b.partitionAxis };
}

export function viewSize(v: View): number {
  return product(v.shape);
}

/**
 * A view in the ISA's access-pattern form [ARCH-V2][APS]: on chip, partitions
 * [partStart, partStart + partCount) of the buffer and free dims given as [stride, size] pairs (in
 * elements) from `offset` inside each partition; in HBM, [stride, size] pairs from element `offset`.
 */
export function apView(
  b: Buffer,
  offset: number,
  pattern: readonly (readonly [number, number])[],
  partitions: { readonly start: number; readonly count: number } | null = null,
): View {
  const sizes = pattern.map(([, size]) => size);
  const strides = pattern.map(([stride]) => stride);
  if (b.memory === Memory.Hbm) return { buffer: b, offset, shape: sizes, strides, partitionAxis: -1 };
  const p = partitions ?? { start: 0, count: b.partCount };
  return {
    buffer: b,
    offset: p.start * b.freeElems + offset,
    shape: [p.count, ...sizes],
    strides: [b.freeElems, ...strides],
    partitionAxis: 0,
  };
}

/** `v[start:stop:step]` along `axis` (already-normalised bounds). */
export function sliceView(v: View, axis: number, start: number, stop: number, step = 1): View {
  const len = Math.max(0, Math.ceil((stop - start) / step));
  const shape = v.shape.slice();
  const strides = v.strides.slice();
  shape[axis] = len;
  strides[axis] = v.strides[axis] * step;
  // An explicit literal: the object spread showed in recording profiles (views are built per operand).
  return { buffer: v.buffer, offset: v.offset + start * v.strides[axis], shape, strides, partitionAxis: v.partitionAxis };
}

/** `v[..., index, ...]` at `axis`: drops the dimension. */
export function selectView(v: View, axis: number, index: number): View {
  const shape = v.shape.filter((_, k) => k !== axis);
  const strides = v.strides.filter((_, k) => k !== axis);
  const partitionAxis = v.partitionAxis === axis ? -1 : v.partitionAxis > axis ? v.partitionAxis - 1 : v.partitionAxis;
  return { ...v, offset: v.offset + index * v.strides[axis], shape, strides, partitionAxis };
}

/** Size-1 → size-n broadcast along `axis` (stride 0). */
export function broadcastView(v: View, shape: readonly number[]): View {
  if (shape.length < v.shape.length) throw new Error("broadcastView: cannot drop dimensions");
  const lead = shape.length - v.shape.length;
  const strides: number[] = [];
  for (let k = 0; k < shape.length; k++) {
    const src = k - lead;
    if (src < 0) strides.push(0);
    else if (v.shape[src] === shape[k]) strides.push(v.strides[src]);
    else if (v.shape[src] === 1) strides.push(0);
    else throw new Error(`broadcastView: cannot broadcast ${v.shape.join("x")} to ${shape.join("x")}`);
  }
  const partitionAxis = v.partitionAxis < 0 ? -1 : v.partitionAxis + lead;
  return { ...v, shape: shape.slice(), strides, partitionAxis };
}

/** Reshape of a view whose elements are contiguous in row-major order; null if not expressible. */
export function reshapeView(v: View, shape: readonly number[]): View | null {
  if (product(shape) !== viewSize(v)) return null;
  const natural = v.strides.length === 0 || v.strides.every((s, k) => s === product(v.shape.slice(k + 1)) || v.shape[k] === 1);
  if (!natural) return null;
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let k = shape.length - 1; k >= 0; k--) {
    strides[k] = s;
    s *= shape[k];
  }
  return { ...v, shape: shape.slice(), strides, partitionAxis: -1 };
}

/** Permutes the dimensions of a view (free dims or HBM dims; no data movement). */
export function permuteView(v: View, perm: readonly number[]): View {
  return {
    ...v,
    shape: perm.map((k) => v.shape[k]),
    strides: perm.map((k) => v.strides[k]),
    partitionAxis: v.partitionAxis < 0 ? -1 : perm.indexOf(v.partitionAxis),
  };
}

/** Storage index of every element of a view in C order. */
export function storageIndices(v: View): Int32Array {
  const n = viewSize(v);
  const out = new Int32Array(n);
  const nd = v.shape.length;
  if (nd === 0) {
    out[0] = v.offset;
    return out;
  }
  const inner = v.shape[nd - 1];
  const innerStride = v.strides[nd - 1];
  if (inner === 0) return out;
  const idx = new Int32Array(nd);
  let base = v.offset;
  for (let pos = 0; pos < n; pos += inner) {
    for (let j = 0; j < inner; j++) out[pos + j] = base + j * innerStride;
    for (let k = nd - 2; k >= 0; k--) {
      base += v.strides[k];
      if (++idx[k] < v.shape[k]) break;
      base -= v.strides[k] * v.shape[k];
      idx[k] = 0;
    }
  }
  return out;
}
