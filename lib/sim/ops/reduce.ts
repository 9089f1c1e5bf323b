/**
 * Reductions and scans: tensor_reduce, tensor_partition_reduce, tensor_tensor_scan, bn_stats/bn_aggr,
 * max8, nc_find_index8, nc_match_replace8 [ISA226]. Accumulation runs sequentially in fp32.
 */

import { nkiError } from "../errors";
import type { Machine } from "../machine";
import { viewSize, type View } from "../memory/tensor";
import { REDUCE_OPS, reduceIdentity } from "./alu";
import { Access, Engine, Memory, emit, freeSize, gather, requireMemory, requireSamePartitions, requireSameSize, requireTile, resultConversion, scatter, type Mask } from "./common";
import { perPartition, requireOp, type ScalarOrVector } from "./operands";

const ON_CHIP = [Memory.Sbuf, Memory.Psum] as const;

function tileArgs(m: Machine, instr: string, pairs: readonly (readonly [View, string])[]): void {
  for (const [v, w] of pairs) {
    requireTile(m, v, w, instr);
    requireMemory(m, v, ON_CHIP, w, instr);
  }
}

export interface TensorReduceArgs {
  readonly op: string;
  /** Free axes of `data` to reduce (≥ 1; any set, see docs/nki-semantics.md). */
  readonly axes: readonly number[];
  readonly negate?: boolean;
  readonly mask?: Mask;
}

export function tensorReduce(m: Machine, dst: View, data: View, args: TensorReduceArgs): void {
  const instr = "tensor_reduce";
  tileArgs(m, instr, [[data, "data"], [dst, "dst"]]);
  const op = requireOp(m, args.op, instr);
  if (!REDUCE_OPS.has(op.name)) nkiError("err_unsupported_dtype", `${instr}: '${op.name}' is not a reduction operator`, m.location);
  const nd = data.shape.length;
  const axes = [...new Set(args.axes.map((a) => (a < 0 ? a + nd : a)))];
  if (axes.some((a) => a <= 0 || a >= nd)) {
    nkiError("err_shape_mismatch", `${instr}: axes (${args.axes.join(", ")}) must be free axes of a ${nd}-D tile (1..${nd - 1})`, m.location);
  }
  const kept = data.shape.filter((_, k) => !axes.includes(k));
  const outSize = kept.reduce((s, x) => s * x, 1);
  if (viewSize(dst) !== outSize || dst.shape[0] !== data.shape[0]) {
    nkiError("err_shape_mismatch", `${instr}: result has shape (${kept.join(", ")}) but dst is (${dst.shape.join(", ")})`, m.location);
  }
  const mask = args.mask ?? null;
  if (!emit(m, Engine.Vector, instr, op.name, 0, viewSize(data), [[Access.Read, data], [Access.Write, dst]], mask, data.shape)) return;
  if (!m.functional) return;
  const x = gather(data);
  const acc = new Float64Array(outSize).fill(reduceIdentity(op));
  // Map each input element (C order) to its output slot by dropping the reduced coordinates.
  const idx = new Array<number>(nd).fill(0);
  const outStrides = new Array<number>(nd).fill(0);
  let s = 1;
  for (let k = nd - 1; k >= 0; k--) {
    if (axes.includes(k)) continue;
    outStrides[k] = s;
    s *= data.shape[k];
  }
  for (let i = 0; i < x.length; i++) {
    if (!mask || mask[i]) {
      let o = 0;
      for (let k = 0; k < nd; k++) o += idx[k] * outStrides[k];
      acc[o] = op.apply(acc[o], x[i]);
    }
    for (let k = nd - 1; k >= 0; k--) {
      if (++idx[k] < data.shape[k]) break;
      idx[k] = 0;
    }
  }
  if (args.negate) for (let i = 0; i < acc.length; i++) acc[i] = -acc[i];
  scatter(dst, acc, null, args.negate ? "engine" : resultConversion(op.kind));
}

/** Reduction across partitions on GpSimd: [P, F] → [1, F]; op ∈ add, max, bitwise_or, bitwise_and. */
export function tensorPartitionReduce(m: Machine, dst: View, data: View, opName: string, mask: Mask = null): void {
  const instr = "tensor_partition_reduce";
  tileArgs(m, instr, [[data, "data"], [dst, "dst"]]);
  for (const v of [data, dst]) {
    if (v.buffer.memory === Memory.Psum) nkiError("err_unsupported_memory", `${instr}: the GpSimd engine cannot access PSUM`, m.location);
  }
  const op = requireOp(m, opName, instr);
  if (!["add", "maximum", "bitwise_or", "bitwise_and"].includes(op.name)) {
    nkiError("err_unsupported_dtype", `${instr}: op must be add, max, bitwise_or or bitwise_and, got '${op.name}'`, m.location);
  }
  const P = data.shape[0];
  const F = freeSize(data);
  if (dst.shape[0] !== 1 || freeSize(dst) !== F) {
    nkiError("err_shape_mismatch", `${instr}: result is [1, ${F}] but dst is (${dst.shape.join(", ")})`, m.location);
  }
  if (!emit(m, Engine.GpSimd, instr, op.name, 0, viewSize(data), [[Access.Read, data], [Access.Write, dst]], mask, data.shape)) return;
  if (!m.functional) return;
  const x = gather(data);
  const out = new Float64Array(F).fill(reduceIdentity(op));
  for (let p = 0; p < P; p++) {
    for (let f = 0; f < F; f++) if (!mask || mask[p * F + f]) out[f] = op.apply(out[f], x[p * F + f]);
  }
  scatter(dst, out, null, resultConversion(op.kind));
}

export interface ScanArgs {
  readonly initial: ScalarOrVector;
  readonly op0: string;
  readonly op1: string;
  readonly reverse0?: boolean;
  readonly reverse1?: boolean;
  readonly mask?: Mask;
}

/**
 * tensor_tensor_scan: per partition over the flattened free dims,
 * res[i] = op1(op0(data0[i], res[i−1]), data1[i]) with res[−1] = initial.
 */
export function tensorTensorScan(m: Machine, dst: View, data0: View, data1: View, args: ScanArgs): void {
  const instr = "tensor_tensor_scan";
  tileArgs(m, instr, [[data0, "data0"], [data1, "data1"], [dst, "dst"]]);
  requireSameSize(m, data0, data1, instr, "data0/data1");
  requireSameSize(m, data0, dst, instr, "input/output");
  if (data0.buffer.memory === Memory.Psum && data1.buffer.memory === Memory.Psum) {
    nkiError("err_unsupported_memory", `${instr}: data0 and data1 cannot both be in PSUM`, m.location);
  }
  const op0 = requireOp(m, args.op0, instr);
  const op1 = requireOp(m, args.op1, instr);
  const P = data0.shape[0];
  const init = perPartition(m, args.initial, P, instr, "initial");
  const reads: [Access, View][] = [[Access.Read, data0], [Access.Read, data1]];
  if (typeof args.initial === "object") reads.push([Access.Read, args.initial]);
  const mask = args.mask ?? null;
  if (!emit(m, Engine.Vector, instr, `${op0.name},${op1.name}`, 0, 2 * viewSize(dst), [...reads, [Access.Write, dst]], mask, dst.shape)) return;
  if (!m.functional) return;
  const a = gather(data0);
  const b = gather(data1);
  const F = freeSize(data0);
  for (let p = 0; p < P; p++) {
    let prev = init[p];
    for (let i = p * F; i < (p + 1) * F; i++) {
      const t = args.reverse0 ? op0.apply(prev, a[i]) : op0.apply(a[i], prev);
      prev = args.reverse1 ? op1.apply(b[i], t) : op1.apply(t, b[i]);
      a[i] = prev;
    }
  }
  scatter(dst, a, mask);
}

/** bn_stats: per partition [count, mean, var·count] of the even- then the odd-indexed elements (F ≤ 512). */
export function bnStats(m: Machine, dst: View, data: View, mask: Mask = null): void {
  const instr = "bn_stats";
  tileArgs(m, instr, [[data, "data"], [dst, "dst"]]);
  requireSamePartitions(m, data, dst, instr);
  const P = data.shape[0];
  const F = freeSize(data);
  if (F > m.target.bnStatsFmax) {
    nkiError("err_size_of_dimension_exceed_arch_limit", `${instr}: free size ${F} exceeds bn_stats_fmax ${m.target.bnStatsFmax}`, m.location);
  }
  if (freeSize(dst) !== 6) nkiError("err_shape_mismatch", `${instr}: dst must be [${P}, 6], got (${dst.shape.join(", ")})`, m.location);
  if (!emit(m, Engine.Vector, instr, "", 0, 3 * viewSize(data), [[Access.Read, data], [Access.Write, dst]], mask, data.shape)) return;
  if (!m.functional) return;
  const x = gather(data);
  const out = new Float64Array(P * 6);
  const f = Math.fround;
  for (let p = 0; p < P; p++) {
    for (let parity = 0; parity < 2; parity++) {
      let n = 0;
      let sum = 0;
      for (let i = parity; i < F; i += 2) if (!mask || mask[p * F + i]) { n++; sum = f(sum + x[p * F + i]); }
      const mean = n > 0 ? f(sum / n) : 0;
      let m2 = 0;
      for (let i = parity; i < F; i += 2) {
        if (mask && !mask[p * F + i]) continue;
        const d = f(x[p * F + i] - mean);
        m2 = f(m2 + f(d * d));
      }
      out.set([n, mean, m2], p * 6 + parity * 3);
    }
  }
  scatter(dst, out, null);
}

/** bn_aggr: combines [count, mean, M2] groups of bn_stats outputs into [mean, variance] (population). */
export function bnAggr(m: Machine, dst: View, data: View, mask: Mask = null): void {
  const instr = "bn_aggr";
  tileArgs(m, instr, [[data, "data"], [dst, "dst"]]);
  requireSamePartitions(m, data, dst, instr);
  const P = data.shape[0];
  const F = freeSize(data);
  if (F % 3 !== 0) nkiError("err_shape_mismatch", `${instr}: input free size ${F} is not a multiple of 3 (bn_stats groups)`, m.location);
  if (freeSize(dst) !== 2) nkiError("err_shape_mismatch", `${instr}: dst must be [${P}, 2], got (${dst.shape.join(", ")})`, m.location);
  if (!emit(m, Engine.Vector, instr, "", 0, viewSize(data), [[Access.Read, data], [Access.Write, dst]], mask, dst.shape)) return;
  if (!m.functional) return;
  const x = gather(data);
  const out = new Float64Array(P * 2);
  for (let p = 0; p < P; p++) {
    // Chan et al. parallel combination of (count, mean, M2) triples.
    let n = 0;
    let mean = 0;
    let m2 = 0;
    for (let g = 0; g < F; g += 3) {
      const nb = x[p * F + g];
      if (nb === 0) continue;
      const mb = x[p * F + g + 1];
      const m2b = x[p * F + g + 2];
      const total = n + nb;
      const delta = mb - mean;
      mean += (delta * nb) / total;
      m2 += m2b + (delta * delta * n * nb) / total;
      n = total;
    }
    out[p * 2] = mean;
    out[p * 2 + 1] = n > 0 ? m2 / n : 0;
  }
  scatter(dst, out, null);
}

function top8Check(m: Machine, instr: string, src: View): void {
  const F = freeSize(src);
  if (F < m.target.max8MinElems || F > m.target.max8MaxElems) {
    nkiError(
      "err_size_of_dimension_exceed_arch_limit",
      `${instr}: needs ${m.target.max8MinElems}..${m.target.max8MaxElems} elements per partition, got ${F}`,
      m.location,
    );
  }
}

/** max8: the 8 largest values of each partition, in descending order. */
export function max8(m: Machine, dst: View, src: View, mask: Mask = null): void {
  const instr = "max8";
  tileArgs(m, instr, [[src, "src"], [dst, "dst"]]);
  requireSamePartitions(m, src, dst, instr);
  top8Check(m, instr, src);
  if (freeSize(dst) !== 8) nkiError("err_shape_mismatch", `${instr}: dst must be [P, 8], got (${dst.shape.join(", ")})`, m.location);
  if (!emit(m, Engine.Vector, instr, "", 0, viewSize(src), [[Access.Read, src], [Access.Write, dst]], mask, dst.shape)) return;
  if (!m.functional) return;
  const x = gather(src);
  const P = src.shape[0];
  const F = freeSize(src);
  const out = new Float64Array(P * 8);
  for (let p = 0; p < P; p++) {
    const row = Array.from(x.subarray(p * F, (p + 1) * F)).sort((a, b) => b - a);
    for (let k = 0; k < 8; k++) out[p * 8 + k] = row[k];
  }
  scatter(dst, out, mask);
}

/** Value written for a value that does not occur (docs/nki-semantics.md). */
export const INDEX_NOT_FOUND = 0xffffffff;

/** nc_find_index8: per partition, the index of the first occurrence of each of 8 values (0xFFFFFFFF if absent). */
export function ncFindIndex8(m: Machine, dst: View, data: View, vals: View, mask: Mask = null): void {
  const instr = "nc_find_index8";
  tileArgs(m, instr, [[data, "data"], [vals, "vals"], [dst, "dst"]]);
  requireSamePartitions(m, data, vals, instr);
  requireSamePartitions(m, data, dst, instr);
  top8Check(m, instr, data);
  if (freeSize(vals) !== 8 || freeSize(dst) !== 8) nkiError("err_shape_mismatch", `${instr}: vals and dst must be [P, 8]`, m.location);
  const ops = [[Access.Read, data], [Access.Read, vals], [Access.Write, dst]] as const;
  if (!emit(m, Engine.Vector, instr, "", 0, viewSize(data), ops, mask, dst.shape)) return;
  if (!m.functional) return;
  const x = gather(data);
  const v = gather(vals);
  const P = data.shape[0];
  const F = freeSize(data);
  const out = new Float64Array(P * 8);
  for (let p = 0; p < P; p++) {
    for (let k = 0; k < 8; k++) {
      let found = INDEX_NOT_FOUND;
      for (let i = 0; i < F; i++) {
        if (x[p * F + i] === v[p * 8 + k]) {
          found = i;
          break;
        }
      }
      out[p * 8 + k] = found;
    }
  }
  scatter(dst, out, mask, "int");
}

/**
 * nc_match_replace8, per the ISA page's numpy equivalent: for each of the 8 values in turn, the first
 * occurrence in the (already partly replaced) data becomes `imm` and its index goes to dst_idx (0 when
 * the value does not occur).
 */
export function ncMatchReplace8(m: Machine, dst: View, data: View, vals: View, imm: number, dstIdx: View | null = null, mask: Mask = null): void {
  const instr = "nc_match_replace8";
  tileArgs(m, instr, [[data, "data"], [vals, "vals"], [dst, "dst"]]);
  requireSameSize(m, data, dst, instr, "data/dst");
  requireSamePartitions(m, data, vals, instr);
  top8Check(m, instr, data);
  if (freeSize(vals) !== 8) nkiError("err_shape_mismatch", `${instr}: vals must be [P, 8]`, m.location);
  const ops: [Access, View][] = [[Access.Read, data], [Access.Read, vals], [Access.Write, dst]];
  if (dstIdx) {
    requireTile(m, dstIdx, "dst_idx", instr);
    ops.push([Access.Write, dstIdx]);
  }
  if (!emit(m, Engine.Vector, instr, "", 0, viewSize(data), ops, mask, dst.shape)) return;
  if (!m.functional) return;
  const x = gather(data);
  const v = gather(vals);
  const P = data.shape[0];
  const F = freeSize(data);
  const idx = new Float64Array(P * 8);
  const f32imm = Math.fround(imm);
  for (let p = 0; p < P; p++) {
    for (let k = 0; k < 8; k++) {
      for (let i = 0; i < F; i++) {
        if (x[p * F + i] === v[p * 8 + k]) {
          idx[p * 8 + k] = i;
          x[p * F + i] = f32imm;
          break;
        }
      }
    }
  }
  scatter(dst, x, mask);
  if (dstIdx) scatter(dstIdx, idx, null, "int");
}
