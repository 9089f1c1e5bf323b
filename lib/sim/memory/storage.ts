/**
 * Element storage and the cast applied whenever a value is written to a tensor of a given dtype.
 * Floats live in a Float32Array holding values already rounded to the dtype (RNE, lib/numpy's
 * float formats); 32-bit integers need a Float64Array to stay exact.
 */

import { roundArrayTo, roundTo, type FloatFormatName } from "../../numpy/float-formats";
import { needsWideStorage, type DTypeInfo } from "../dtypes";

export type Storage = Float32Array | Float64Array;

/** Value that uninitialised integer memory reads as (the NKI 0.3 CPU simulator's sentinel [SIM]). */
export const UNINITIALISED_INT = 4;

/** Fresh storage for `elements` values of dtype `d`, every one reading as uninitialised. */
export function allocateStorage(d: DTypeInfo, elements: number): Storage {
  return markUninitialised(d, needsWideStorage(d) ? new Float64Array(elements) : new Float32Array(elements));
}

function markUninitialised(d: DTypeInfo, s: Storage): Storage {
  return s.fill(d.kind === "float" ? NaN : UNINITIALISED_INT);
}

/**
 * Storage of tensors whose lifetime ended, handed to later tensors of the same size: a tiled kernel
 * allocates the same few tile shapes on every loop iteration, and a notebook launches the same kernel
 * on same-shaped arrays again and again; fresh multi-megabyte typed arrays each time cost page faults
 * and garbage collections. Only storage nothing else can reach may be given back (a released tile's
 * when no alias of it exists, a finished run's). Holds at most `limitBytes`; storage beyond is dropped.
 */
export class StoragePool {
  private readonly narrow = new Map<number, Float32Array[]>();
  private readonly wide = new Map<number, Float64Array[]>();
  private held = 0;

  constructor(private readonly limitBytes = Infinity) {}

  /**
   * Storage like allocateStorage's, reused when a released one of the same kind and size exists. With
   * `overwritten` the caller writes every element before anything can read one, so the storage is not
   * marked uninitialised first.
   */
  take(d: DTypeInfo, elements: number, overwritten = false): Storage {
    const reused = needsWideStorage(d) ? this.wide.get(elements)?.pop() : this.narrow.get(elements)?.pop();
    if (reused) this.held -= reused.byteLength;
    const s = reused ?? (needsWideStorage(d) ? new Float64Array(elements) : new Float32Array(elements));
    return overwritten ? s : markUninitialised(d, s);
  }

  give(s: Storage): void {
    if (this.held + s.byteLength > this.limitBytes) return;
    this.held += s.byteLength;
    if (s instanceof Float64Array) stash(this.wide, s);
    else stash(this.narrow, s);
  }
}

function stash<T extends Storage>(lists: Map<number, T[]>, s: T): void {
  const list = lists.get(s.length);
  if (list) list.push(s);
  else lists.set(s.length, [s]);
}

function formatOf(d: DTypeInfo): FloatFormatName {
  return d.name as FloatFormatName;
}

/**
 * Converts a value (already the fp32 result of an engine, or an exact input) to dtype `d`.
 * Float → int conversion truncates toward zero and saturates; NaN becomes 0 (docs/nki-semantics.md).
 */
export function castValue(d: DTypeInfo, x: number): number {
  switch (d.kind) {
    case "float":
      return d.name === "float32" ? Math.fround(x) : roundTo(formatOf(d), x);
    case "bool":
      return x !== 0 && x === x ? 1 : 0;
    default: {
      if (x !== x) return 0;
      const t = Math.trunc(x);
      const lo = d.kind === "uint" ? 0 : -(2 ** (d.bits - 1));
      const hi = d.kind === "uint" ? 2 ** d.bits - 1 : 2 ** (d.bits - 1) - 1;
      return t < lo ? lo : t > hi ? hi : t;
    }
  }
}

/** Casts a whole contiguous block in place (fast path for float destinations). */
export function castInPlace(d: DTypeInfo, data: Storage, start: number, end: number): void {
  if (d.kind === "float" && data instanceof Float32Array) {
    if (d.name === "float32") return;
    const block = data.subarray(start, end);
    roundArrayTo(formatOf(d), block, block);
    return;
  }
  for (let i = start; i < end; i++) data[i] = castValue(d, data[i]);
}
