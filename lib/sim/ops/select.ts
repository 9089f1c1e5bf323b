/**
 * Index-generating and selecting instructions: iota, affine_select (GpSimd), range_select and
 * select_reduce (Vector), nc_stream_shuffle (Vector, within 32-partition quadrants) and local_gather
 * (GpSimd, within 16-partition groups) [ISA226][ISA-HEAD].
 */

import { nkiError } from "../errors";
import type { Machine } from "../machine";
import { viewSize, type View } from "../memory/tensor";
import { Access, Engine, Memory, emit, freeSize, gather, requireMemory, requireSameSize, requireTile, scatter, type Mask } from "./common";
import { isView, perPartition, requireOp, updateAccumulators, type ReduceCmd, type ScalarOrVector } from "./operands";

/** An affine expression of the partition index p and free indices i_k: offset + cm·p + Σ step_k·i_k. */
export interface AffineExpr {
  readonly offset: number;
  readonly channelMultiplier: number;
  /** [step, size] per free dim, outermost first; sizes multiply to the free size of the tile. */
  readonly pattern: readonly (readonly [number, number])[];
}

/** fp32 lowest value, `nl.fp32.min` (bit pattern 0xff7fffff) [LANG226]. */
export const FP32_MIN = -3.4028234663852886e38;

function evalAffine(m: Machine, expr: AffineExpr, P: number, F: number, instr: string): Float64Array {
  const sizes = expr.pattern.map(([, s]) => s);
  if (sizes.reduce((a, b) => a * b, 1) !== F) {
    nkiError("err_shape_mismatch", `${instr}: pattern sizes (${sizes.join(", ")}) do not cover the ${F} elements per partition`, m.location);
  }
  const out = new Float64Array(P * F);
  const nd = sizes.length;
  const idx = new Array<number>(nd).fill(0);
  for (let f = 0; f < F; f++) {
    let v = expr.offset;
    for (let k = 0; k < nd; k++) v += expr.pattern[k][0] * idx[k];
    for (let p = 0; p < P; p++) out[p * F + f] = (v + expr.channelMultiplier * p) | 0;
    for (let k = nd - 1; k >= 0; k--) {
      if (++idx[k] < sizes[k]) break;
      idx[k] = 0;
    }
  }
  return out;
}

function gpsimdTile(m: Machine, v: View, what: string, instr: string): void {
  requireTile(m, v, what, instr);
  requireMemory(m, v, [Memory.Sbuf], what, instr);
}

/** iota: materialises an affine index expression (int32 arithmetic) into dst. */
export function iota(m: Machine, dst: View, expr: AffineExpr, mask: Mask = null): void {
  const instr = "iota";
  gpsimdTile(m, dst, "dst", instr);
  const P = dst.shape[0];
  const F = freeSize(dst);
  const values = evalAffine(m, expr, P, F, instr);
  if (!emit(m, Engine.GpSimd, instr, "", 0, viewSize(dst), [[Access.Write, dst]], mask, dst.shape)) return;
  if (m.functional) scatter(dst, values, mask, "int");
}

/** affine_select: dst = cmp(expr, 0) ? on_true : on_false_value (causal masks). */
export function affineSelect(
  m: Machine, dst: View, expr: AffineExpr, cmpOp: string, onTrue: View, onFalseValue: number, mask: Mask = null,
): void {
  const instr = "affine_select";
  gpsimdTile(m, dst, "dst", instr);
  gpsimdTile(m, onTrue, "on_true_tile", instr);
  requireSameSize(m, onTrue, dst, instr, "on_true_tile/dst");
  const cmp = requireOp(m, cmpOp, instr);
  const P = dst.shape[0];
  const F = freeSize(dst);
  const pred = evalAffine(m, expr, P, F, instr);
  if (!emit(m, Engine.GpSimd, instr, cmp.name, 0, viewSize(dst), [[Access.Read, onTrue], [Access.Write, dst]], mask, dst.shape)) return;
  if (!m.functional) return;
  const t = gather(onTrue);
  for (let i = 0; i < t.length; i++) if (cmp.apply(pred[i], 0) === 0) t[i] = onFalseValue;
  scatter(dst, t, mask);
}

export interface RangeSelectArgs {
  readonly onTrue: View;
  readonly compOp0: string;
  readonly compOp1: string;
  readonly bound0: View;
  readonly bound1: View;
  readonly reduceCmd?: ReduceCmd;
  readonly reduceRes?: View | null;
  readonly reduceOp?: string;
  readonly rangeStart?: number;
  readonly onFalseValue?: number;
  readonly mask?: Mask;
}

/**
 * range_select: element j of partition p is kept when compOp0(rangeStart + j, bound0[p]) and
 * compOp1(rangeStart + j, bound1[p]) hold, else replaced by onFalseValue; an optional max-reduce
 * goes through the Vector accumulators.
 */
export function rangeSelect(m: Machine, dst: View, args: RangeSelectArgs): void {
  const instr = "range_select";
  if (m.target.ncVersion < 3) nkiError("err_unsupported_dtype", `${instr} is available only on NeuronCore-v3 and newer (trn2, trn3)`, m.location);
  for (const [v, w] of [[args.onTrue, "on_true_tile"], [dst, "dst"]] as const) {
    requireTile(m, v, w, instr);
    requireMemory(m, v, [Memory.Sbuf, Memory.Psum], w, instr);
  }
  requireSameSize(m, args.onTrue, dst, instr, "on_true_tile/dst");
  const P = dst.shape[0];
  const F = freeSize(dst);
  const c0 = requireOp(m, args.compOp0, instr);
  const c1 = requireOp(m, args.compOp1, instr);
  for (const c of [c0, c1]) {
    if (!["equal", "less", "less_equal", "greater", "greater_equal"].includes(c.name)) {
      nkiError("err_unsupported_dtype", `${instr}: comparison must be equal, less, less_equal, greater or greater_equal, got '${c.name}'`, m.location);
    }
  }
  const b0 = perPartition(m, args.bound0, P, instr, "bound0");
  const b1 = perPartition(m, args.bound1, P, instr, "bound1");
  const rop = requireOp(m, args.reduceOp ?? "maximum", instr);
  const cmd = args.reduceCmd ?? "idle";
  const ops: [Access, View][] = [[Access.Read, args.onTrue], [Access.Read, args.bound0], [Access.Read, args.bound1], [Access.Write, dst]];
  if (args.reduceRes) ops.push([Access.Write, args.reduceRes]);
  const mask = args.mask ?? null;
  if (!emit(m, Engine.Vector, instr, `${c0.name},${c1.name}` + (args.reduceRes || cmd !== "idle" ? `,reduce:${rop.name}` : ""), 0, 2 * viewSize(dst), ops, mask, dst.shape)) return;
  if (!m.functional) return;
  const x = gather(args.onTrue);
  const start = args.rangeStart ?? 0;
  const onFalse = args.onFalseValue ?? FP32_MIN;
  const red = new Float64Array(P);
  for (let p = 0; p < P; p++) {
    let acc = -Infinity;
    for (let j = 0; j < F; j++) {
      const i = p * F + j;
      const idx = start + j;
      if (!(c0.apply(idx, b0[p]) !== 0 && c1.apply(idx, b1[p]) !== 0)) x[i] = onFalse;
      if (!mask || mask[i]) acc = rop.apply(acc, x[i]);
    }
    red[p] = acc;
  }
  scatter(dst, x, mask);
  finishReduce(m, cmd, rop.name, red, args.reduceRes ?? null, instr);
}

function finishReduce(m: Machine, cmd: ReduceCmd, opName: string, red: Float64Array, res: View | null, instr: string): void {
  const P = red.length;
  const acc = m.vectorAccumulators.subarray(0, P);
  updateAccumulators(acc, cmd, requireOp(m, opName, instr), red);
  if (res) scatter(res, cmd === "idle" ? red : acc, null);
}

export interface SelectReduceArgs {
  readonly predicate: View;
  readonly onTrue: View;
  readonly onFalse: ScalarOrVector;
  readonly reduceRes?: View | null;
  readonly reduceCmd?: ReduceCmd;
  readonly reduceOp?: string;
  readonly reversePred?: boolean;
  readonly mask?: Mask;
}

/** select_reduce: dst = predicate ? on_true : on_false, with an optional reduction into reduce_res. */
export function selectReduce(m: Machine, dst: View, args: SelectReduceArgs): void {
  const instr = "select_reduce";
  for (const [v, w] of [[args.predicate, "predicate"], [args.onTrue, "on_true"], [dst, "dst"]] as const) {
    requireTile(m, v, w, instr);
    requireMemory(m, v, [Memory.Sbuf, Memory.Psum], w, instr);
  }
  requireSameSize(m, args.predicate, dst, instr, "predicate/dst");
  requireSameSize(m, args.onTrue, dst, instr, "on_true/dst");
  if (args.predicate.buffer.dtype.kind === "float") {
    nkiError("err_unsupported_dtype", `${instr}: predicate must be an integer tile, got ${args.predicate.buffer.dtype.name}`, m.location);
  }
  const P = dst.shape[0];
  const F = freeSize(dst);
  const onFalse = perPartition(m, args.onFalse, P, instr, "on_false");
  const rop = requireOp(m, args.reduceOp ?? "maximum", instr);
  const cmd = args.reduceCmd ?? "idle";
  const ops: [Access, View][] = [[Access.Read, args.predicate], [Access.Read, args.onTrue]];
  if (isView(args.onFalse)) ops.push([Access.Read, args.onFalse]);
  ops.push([Access.Write, dst]);
  if (args.reduceRes) ops.push([Access.Write, args.reduceRes]);
  const mask = args.mask ?? null;
  if (!emit(m, Engine.Vector, instr, args.reduceRes || cmd !== "idle" ? `select,reduce:${rop.name}` : "select", 0, 2 * viewSize(dst), ops, mask, dst.shape)) return;
  if (!m.functional) return;
  const pred = gather(args.predicate);
  const x = gather(args.onTrue);
  const red = new Float64Array(P);
  for (let p = 0; p < P; p++) {
    let acc = -Infinity;
    for (let j = 0; j < F; j++) {
      const i = p * F + j;
      if ((pred[i] !== 0) === (args.reversePred === true)) x[i] = onFalse[p];
      if (!mask || mask[i]) acc = rop.apply(acc, x[i]);
    }
    red[p] = acc;
  }
  scatter(dst, x, mask);
  if (cmd !== "idle" || args.reduceRes) finishReduce(m, cmd === "idle" && args.reduceRes ? "reset_reduce" : cmd, rop.name, red, args.reduceRes ?? null, instr);
}

/** Marker in a shuffle mask: leave that destination partition unchanged. */
export const SHUFFLE_KEEP = 255;

/**
 * nc_stream_shuffle: within each 32-partition quadrant, destination partition i receives source
 * partition shuffleMask[i] (255 = unchanged).
 */
export function ncStreamShuffle(m: Machine, dst: View, src: View, shuffleMask: readonly number[], mask: Mask = null): void {
  const instr = "nc_stream_shuffle";
  for (const [v, w] of [[src, "src"], [dst, "dst"]] as const) {
    requireTile(m, v, w, instr);
    requireMemory(m, v, [Memory.Sbuf, Memory.Psum], w, instr);
  }
  if (freeSize(src) !== freeSize(dst)) nkiError("err_shape_mismatch", `${instr}: src and dst differ in elements per partition`, m.location);
  if (shuffleMask.length !== 32 || shuffleMask.some((s) => s !== SHUFFLE_KEEP && (s < 0 || s > 31))) {
    nkiError("err_shape_mismatch", `${instr}: shuffle_mask must list 32 source partitions (0..31, or 255 to skip)`, m.location);
  }
  const P = dst.shape[0];
  if (!emit(m, Engine.Vector, instr, "", 0, 0, [[Access.Read, src], [Access.ReadWrite, dst]], mask, dst.shape)) return;
  if (!m.functional) return;
  const x = gather(src);
  const out = gather(dst);
  const F = freeSize(dst);
  for (let p = 0; p < P; p++) {
    const s = shuffleMask[p % 32];
    if (s === SHUFFLE_KEEP) continue;
    const q = p - (p % 32) + s;
    if (q >= src.shape[0]) nkiError("err_tensor_access_out_of_bound", `${instr}: source partition ${q} is outside src`, m.location);
    for (let f = 0; f < F; f++) out[p * F + f] = x[q * F + f];
  }
  scatter(dst, out, mask);
}

/**
 * local_gather [ISA226 local_gather]: each GpSimd core serves 16 partitions. Its index slice is
 * flattened partition-dimension first (column-major) and the first `num_valid_indices` entries are
 * kept; every partition of the group then reads, for each index k, the `num_elem_per_idx`
 * contiguous elements starting at flat free position k of its own src row. dst holds
 * num_valid_indices × num_elem_per_idx elements per partition.
 */
export function localGather(
  m: Machine, dst: View, src: View, index: View, numElemPerIdx = 1, numValidIndices: number | null = null, mask: Mask = null,
): void {
  const instr = "local_gather";
  gpsimdTile(m, src, "src_buffer", instr);
  gpsimdTile(m, index, "index", instr);
  gpsimdTile(m, dst, "dst", instr);
  if (index.buffer.dtype.kind === "float") nkiError("err_unsupported_dtype", `${instr}: index must be an integer tile`, m.location);
  const P = src.shape[0];
  if (P % 16 !== 0 || index.shape[0] !== P || dst.shape[0] !== P) {
    nkiError("err_num_partition_mismatch", `${instr}: src, index and dst need the same partition count, a multiple of 16`, m.location);
  }
  const Fs = freeSize(src);
  const Fi = freeSize(index);
  const nIdx = numValidIndices ?? Fi * 16;
  if (nIdx > Fi * 16) nkiError("err_shape_mismatch", `${instr}: num_valid_indices ${nIdx} exceeds the ${Fi * 16} indices of a 16-partition slice`, m.location);
  if (freeSize(dst) !== nIdx * numElemPerIdx) {
    nkiError("err_shape_mismatch", `${instr}: dst needs ${nIdx * numElemPerIdx} elements per partition, has ${freeSize(dst)}`, m.location);
  }
  const ops = [[Access.Read, src], [Access.Read, index], [Access.Write, dst]] as const;
  if (!emit(m, Engine.GpSimd, instr, "", 0, 0, ops, mask, dst.shape)) return;
  if (!m.functional) return;
  const x = gather(src);
  const ix = gather(index);
  const Fd = nIdx * numElemPerIdx;
  const out = new Float64Array(P * Fd);
  for (let g = 0; g < P / 16; g++) {
    for (let j = 0; j < nIdx; j++) {
      // Column-major position j inside the group's [16, Fi] index slice.
      const k = ix[(g * 16 + (j % 16)) * Fi + Math.floor(j / 16)];
      if (k < 0 || k + numElemPerIdx > Fs) nkiError("err_tensor_access_out_of_bound", `${instr}: index ${k} reads past the ${Fs} elements of a partition`, m.location);
      for (let p = g * 16; p < g * 16 + 16; p++) {
        for (let e = 0; e < numElemPerIdx; e++) out[p * Fd + j * numElemPerIdx + e] = x[p * Fs + k + e];
      }
    }
  }
  scatter(dst, out, mask);
}

/**
 * gather_flattened (nl.gather_flattened): per partition, dst[p, i] = data[p, indices[p, i]] with the
 * free dims of data flattened; dst has the shape of indices (GpSimd, docs/nki-semantics.md).
 */
export function gatherFlattened(m: Machine, dst: View, data: View, indices: View, mask: Mask = null): void {
  const instr = "gather_flattened";
  gpsimdTile(m, data, "data", instr);
  gpsimdTile(m, indices, "indices", instr);
  gpsimdTile(m, dst, "dst", instr);
  if (indices.buffer.dtype.kind === "float") nkiError("err_unsupported_dtype", `${instr}: indices must be an integer tile`, m.location);
  requireSameSize(m, indices, dst, instr, "indices/dst");
  const P = data.shape[0];
  if (indices.shape[0] !== P) nkiError("err_num_partition_mismatch", `${instr}: data has ${P} partitions but indices has ${indices.shape[0]}`, m.location);
  const ops = [[Access.Read, data], [Access.Read, indices], [Access.Write, dst]] as const;
  if (!emit(m, Engine.GpSimd, instr, "", 0, 0, ops, mask, dst.shape)) return;
  if (!m.functional) return;
  const x = gather(data);
  const ix = gather(indices);
  const F = freeSize(data);
  const Fi = freeSize(indices);
  const out = new Float64Array(ix.length);
  for (let p = 0; p < P; p++) {
    for (let i = 0; i < Fi; i++) {
      const k = ix[p * Fi + i];
      if (mask && !mask[p * Fi + i]) continue;
      if (k < 0 || k >= F) nkiError("err_tensor_access_out_of_bound", `${instr}: index ${k} is outside the ${F} elements of partition ${p}`, m.location);
      out[p * Fi + i] = x[p * F + k];
    }
  }
  scatter(dst, out, mask);
}
