/**
 * Element-wise Vector/Scalar/GpSimd instructions: tensor_tensor, tensor_scalar, scalar_tensor_tensor,
 * tensor_scalar_reduce, tensor_copy, tensor_copy_predicated, reciprocal, memset. All compute in fp32
 * and cast on output [ARCH-V2][SHARED226].
 */

import { nkiError } from "../errors";
import type { Machine } from "../machine";
import { castValue } from "../memory/storage";
import { viewSize, type View } from "../memory/tensor";
import { reduceIdentity, type AluOp } from "./alu";
import {
  Access, Engine, Memory, copySameShape, emit, emit2, emit3, fillView, freeSize, gather, requireMemory, requireSameSize, requireTile, resultConversion, scatter, type Mask,
} from "./common";
import { isView, perPartition, requireOp, type EngineChoice, type ScalarOrVector } from "./operands";

const ON_CHIP = [Memory.Sbuf, Memory.Psum] as const;

export function engineOf(choice: EngineChoice | undefined, fallback: Engine): Engine {
  switch (choice) {
    case "vector":
      return Engine.Vector;
    case "scalar":
      return Engine.Scalar;
    case "gpsimd":
      return Engine.GpSimd;
    case "tensor":
      return Engine.Tensor;
    default:
      return fallback;
  }
}

// The operand checks take views as separate arguments: an array per call showed in allocation profiles.
function checkEngineMemory(m: Machine, engine: Engine, instr: string, a: View, b?: View, c?: View): void {
  if (engine !== Engine.GpSimd) return;
  for (const v of [a, b, c]) {
    if (v !== undefined && v.buffer.memory === Memory.Psum) {
      nkiError("err_unsupported_memory", `${instr}: the GpSimd engine cannot access PSUM (operand '${v.buffer.name}')`, m.location);
    }
  }
}

function checkBitvec(m: Machine, op: AluOp, instr: string, a: View, b?: View): void {
  if (op.kind !== "bitvec") return;
  for (const v of [a, b]) {
    if (v !== undefined && v.buffer.dtype.kind === "float") {
      nkiError("err_unsupported_dtype", `${instr}: bitwise operator '${op.name}' needs integer operands, got ${v.buffer.dtype.name}`, m.location);
    }
  }
}

const NO_OPTS: CommonOpts = {};

export interface CommonOpts {
  readonly mask?: Mask;
  readonly engine?: EngineChoice;
  /** Extra InstrFlag bits (e.g. Implicit for compiler-inserted copies). */
  readonly flags?: number;
}

export function tensorTensor(m: Machine, dst: View, a: View, b: View, opName: string, opts: CommonOpts = NO_OPTS): void {
  const instr = "tensor_tensor";
  const op = requireOp(m, opName, instr);
  requireTile(m, a, "data1", instr);
  requireMemory(m, a, ON_CHIP, "data1", instr);
  requireTile(m, b, "data2", instr);
  requireMemory(m, b, ON_CHIP, "data2", instr);
  requireTile(m, dst, "dst", instr);
  requireMemory(m, dst, ON_CHIP, "dst", instr);
  requireSameSize(m, a, b, instr, "data1/data2");
  requireSameSize(m, a, dst, instr, "input/output");
  if (a.buffer.memory === Memory.Psum && b.buffer.memory === Memory.Psum) {
    nkiError("err_unsupported_memory", `${instr}: data1 and data2 cannot both be in PSUM`, m.location);
  }
  // power and 32-bit integer add/subtract/multiply are GpSimd operations [ISA226 tensor_tensor].
  const gpsimdOp = op.name === "power" || exactIntOp(op.name, a, b, dst);
  const engine = engineOf(opts.engine, gpsimdOp ? Engine.GpSimd : Engine.Vector);
  checkEngineMemory(m, engine, instr, a, b, dst);
  checkBitvec(m, op, instr, a, b);
  const mask = opts.mask ?? null;
  if (!emit3(m, engine, instr, op.name, 0, viewSize(dst), Access.Read, a, Access.Read, b, Access.Write, dst, mask, dst.shape)) return;
  if (!m.functional) return;
  const x = gather(a);
  const y = gather(b);
  if (engine === Engine.GpSimd && exactIntOp(op.name, a, b, dst)) {
    // 32-bit integer add/subtract/multiply run exactly (wrapping) on GpSimd only [SHARED226].
    for (let i = 0; i < x.length; i++) x[i] = intApply(op.name, x[i], y[i], dst.buffer.dtype.kind === "uint");
    scatter(dst, x, mask, "int");
    return;
  }
  for (let i = 0; i < x.length; i++) x[i] = op.apply(x[i], y[i]);
  scatter(dst, x, mask, resultConversion(op.kind));
}

function exactIntOp(op: string, a: View, b: View, dst: View): boolean {
  return (op === "add" || op === "subtract" || op === "multiply") && isInt32(a) && isInt32(b) && isInt32(dst);
}

function isInt32(v: View): boolean {
  return v.buffer.dtype.kind !== "float" && v.buffer.dtype.size === 4;
}

function intApply(op: string, a: number, b: number, unsigned: boolean): number {
  const r = op === "add" ? (a + b) | 0 : op === "subtract" ? (a - b) | 0 : Math.imul(a, b);
  return unsigned ? r >>> 0 : r;
}

export interface TensorScalarArgs {
  readonly op0: string;
  readonly operand0: ScalarOrVector;
  readonly reverse0?: boolean;
  readonly op1?: string | null;
  readonly operand1?: ScalarOrVector | null;
  readonly reverse1?: boolean;
}

/** Computes `(data op0 operand0) op1 operand1` per element in fp32; returns the fp32 results. */
function scalarChain(m: Machine, data: View, args: TensorScalarArgs, instr: string): { values: Float64Array | null; ops: AluOp[]; views: View[] } {
  const parts = data.shape[0];
  const op0 = requireOp(m, args.op0, instr);
  const ops = [op0];
  const s0 = perPartition(m, args.operand0, parts, instr, "operand0", op0.kind === "bitvec");
  const views = isView(args.operand0) ? [args.operand0] : [];
  let op1: AluOp | null = null;
  let s1: Float64Array | null = null;
  if (args.op1) {
    op1 = requireOp(m, args.op1, instr);
    if (op1.kind !== op0.kind) {
      nkiError("err_unsupported_dtype", `${instr}: op0 '${op0.name}' and op1 '${op1.name}' must both be arithmetic or both bitwise`, m.location);
    }
    if (args.operand1 === undefined || args.operand1 === null) {
      nkiError("err_shape_mismatch", `${instr}: op1 given without operand1`, m.location);
    }
    s1 = perPartition(m, args.operand1, parts, instr, "operand1", op1.kind === "bitvec");
    if (isView(args.operand1)) views.push(args.operand1);
    ops.push(op1);
  }
  if (!m.functional) return { values: null, ops, views };
  const x = gather(data);
  const free = freeSize(data);
  for (let p = 0; p < parts; p++) {
    const a0 = s0[p];
    const a1 = s1 ? s1[p] : 0;
    for (let i = p * free; i < (p + 1) * free; i++) {
      let v = args.reverse0 ? op0.apply(a0, x[i]) : op0.apply(x[i], a0);
      if (op1) v = args.reverse1 ? op1.apply(a1, v) : op1.apply(v, a1);
      x[i] = v;
    }
  }
  return { values: x, ops, views };
}

export function tensorScalar(m: Machine, dst: View, data: View, args: TensorScalarArgs, opts: CommonOpts = NO_OPTS): void {
  const instr = "tensor_scalar";
  requireTile(m, data, "data", instr);
  requireTile(m, dst, "dst", instr);
  requireMemory(m, data, ON_CHIP, "data", instr);
  requireMemory(m, dst, ON_CHIP, "dst", instr);
  requireSameSize(m, data, dst, instr, "input/output");
  const engine = engineOf(opts.engine, Engine.Vector);
  const { values, ops, views } = scalarChain(m, data, args, instr);
  checkEngineMemory(m, engine, instr, data, dst);
  checkBitvec(m, ops[0], instr, data);
  if (engine === Engine.Scalar) {
    // ScalarE runs tensor_scalar only as multiply (+ add) or add, and only from NC-v3 [ISA226][SHARED226].
    const names = ops.map((o) => o.name).join(",");
    if (m.target.ncVersion < 3 || !["add", "multiply", "multiply,add"].includes(names)) {
      nkiError(
        "err_unsupported_dtype",
        `${instr}: the Scalar engine supports only add or multiply(+add) from trn2 on; got '${names}' on ${m.target.name}`,
        m.location,
      );
    }
  }
  const mask = opts.mask ?? null;
  const reads = [data, ...views].map((v) => [Access.Read, v] as const);
  const variant = ops.map((o) => o.name).join(",");
  if (!emit(m, engine, instr, variant, 0, viewSize(dst) * ops.length, [...reads, [Access.Write, dst]], mask, dst.shape)) return;
  if (values) scatter(dst, values, mask, resultConversion(ops[0].kind));
}

export interface ScalarTensorTensorArgs {
  readonly op0: string;
  readonly operand0: ScalarOrVector;
  readonly op1: string;
  readonly operand1: View;
  readonly reverse0?: boolean;
  readonly reverse1?: boolean;
}

export function scalarTensorTensor(m: Machine, dst: View, data: View, args: ScalarTensorTensorArgs, opts: CommonOpts = NO_OPTS): void {
  const instr = "scalar_tensor_tensor";
  for (const [v, w] of [[data, "data"], [args.operand1, "operand1"], [dst, "dst"]] as const) {
    requireTile(m, v, w, instr);
    requireMemory(m, v, ON_CHIP, w, instr);
  }
  requireSameSize(m, data, args.operand1, instr, "data/operand1");
  requireSameSize(m, data, dst, instr, "input/output");
  const op1 = requireOp(m, args.op1, instr);
  const { values, ops, views } = scalarChain(m, data, { op0: args.op0, operand0: args.operand0, reverse0: args.reverse0 }, instr);
  const mask = opts.mask ?? null;
  const reads = [data, ...views, args.operand1].map((v) => [Access.Read, v] as const);
  const variant = `${ops[0].name},${op1.name}`;
  if (!emit(m, Engine.Vector, instr, variant, 0, 2 * viewSize(dst), [...reads, [Access.Write, dst]], mask, dst.shape)) return;
  if (!values) return;
  const t = gather(args.operand1);
  for (let i = 0; i < values.length; i++) values[i] = args.reverse1 ? op1.apply(t[i], values[i]) : op1.apply(values[i], t[i]);
  scatter(dst, values, mask);
}

export interface TensorScalarReduceArgs {
  readonly op0: string;
  readonly operand0: ScalarOrVector;
  readonly reverse0?: boolean;
  readonly reduceOp: string;
  /** `[P, 1]` tile receiving the per-partition reduction of the results. */
  readonly reduceRes: View;
}

export function tensorScalarReduce(m: Machine, dst: View, data: View, args: TensorScalarReduceArgs, opts: CommonOpts = NO_OPTS): void {
  const instr = "tensor_scalar_reduce";
  for (const [v, w] of [[data, "data"], [dst, "dst"], [args.reduceRes, "reduce_res"]] as const) {
    requireTile(m, v, w, instr);
    requireMemory(m, v, ON_CHIP, w, instr);
  }
  requireSameSize(m, data, dst, instr, "input/output");
  const rop = requireOp(m, args.reduceOp, instr);
  if (!["add", "subtract", "multiply", "maximum", "minimum"].includes(rop.name)) {
    nkiError("err_unsupported_dtype", `${instr}: reduce_op must be add, subtract, multiply, max or min, got '${rop.name}'`, m.location);
  }
  const parts = data.shape[0];
  if (args.reduceRes.shape[0] !== parts || freeSize(args.reduceRes) !== 1) {
    nkiError("err_shape_mismatch", `${instr}: reduce_res must be [${parts}, 1]`, m.location);
  }
  const { values, ops, views } = scalarChain(m, data, args, instr);
  const mask = opts.mask ?? null;
  const reads = [data, ...views].map((v) => [Access.Read, v] as const);
  const variant = `${ops[0].name},reduce:${rop.name}`;
  const writes = [[Access.Write, dst], [Access.Write, args.reduceRes]] as const;
  if (!emit(m, Engine.Vector, instr, variant, 0, 2 * viewSize(dst), [...reads, ...writes], mask, dst.shape)) return;
  if (!values) return;
  scatter(dst, values, mask);
  const free = freeSize(data);
  const red = new Float64Array(parts);
  for (let p = 0; p < parts; p++) {
    let acc = reduceIdentity(rop);
    for (let i = p * free; i < (p + 1) * free; i++) if (!mask || mask[i]) acc = rop.apply(acc, values[i]);
    red[p] = acc;
  }
  scatter(args.reduceRes, red, null);
}

export function tensorCopy(m: Machine, dst: View, src: View, opts: CommonOpts = NO_OPTS): void {
  const instr = "tensor_copy";
  requireTile(m, src, "src", instr);
  requireTile(m, dst, "dst", instr);
  requireMemory(m, src, ON_CHIP, "src", instr);
  requireMemory(m, dst, ON_CHIP, "dst", instr);
  requireSameSize(m, src, dst, instr, "src/dst");
  const engine = engineOf(opts.engine, Engine.Vector);
  checkEngineMemory(m, engine, instr, src, dst);
  const mask = opts.mask ?? null;
  if (!emit2(m, engine, instr, "", opts.flags ?? 0, 0, Access.Read, src, Access.Write, dst, mask, dst.shape)) return;
  if (!m.functional) return;
  // Bit-exact when dtypes match, except ScalarE on NC-v2, which always goes through fp32 [ISA226 tensor_copy].
  const same = src.buffer.dtype === dst.buffer.dtype && !(engine === Engine.Scalar && m.target.ncVersion === 2);
  if (same && !mask && copySameShape(dst, src)) return;
  scatter(dst, gather(src), mask, same ? "exact" : "engine");
}

export interface PredicatedArgs {
  readonly predicate: View;
  readonly reversePred?: boolean;
}

/** Copies src (a tile, or a scalar broadcast to every element) into dst where the predicate holds. */
export function tensorCopyPredicated(m: Machine, dst: View, src: View | number, args: PredicatedArgs, opts: CommonOpts = NO_OPTS): void {
  const instr = "tensor_copy_predicated";
  const tiles: [View, string][] = [[dst, "dst"], [args.predicate, "predicate"]];
  if (typeof src === "object") tiles.push([src, "src"]);
  for (const [v, w] of tiles) {
    requireTile(m, v, w, instr);
    requireMemory(m, v, ON_CHIP, w, instr);
  }
  if (typeof src === "object") requireSameSize(m, src, dst, instr, "src/dst");
  requireSameSize(m, args.predicate, dst, instr, "predicate/dst");
  if (args.predicate.buffer.dtype.kind === "float") {
    nkiError("err_unsupported_dtype", `${instr}: predicate must be an integer tile, got ${args.predicate.buffer.dtype.name}`, m.location);
  }
  const mask = opts.mask ?? null;
  const reads: [Access, View][] = typeof src === "object" ? [[Access.Read, src]] : [];
  const ops: [Access, View][] = [...reads, [Access.Read, args.predicate], [Access.ReadWrite, dst]];
  if (!emit(m, Engine.Vector, instr, "", 0, 0, ops, mask, dst.shape)) return;
  if (!m.functional) return;
  const s = typeof src === "object" ? gather(src) : new Float64Array(viewSize(dst)).fill(src);
  const pred = gather(args.predicate);
  const keep = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) keep[i] = (pred[i] !== 0) !== (args.reversePred === true) && (!mask || mask[i] !== 0) ? 1 : 0;
  scatter(dst, s, keep);
}

export function reciprocal(m: Machine, dst: View, data: View, opts: CommonOpts = NO_OPTS): void {
  const instr = "reciprocal";
  requireTile(m, data, "data", instr);
  requireTile(m, dst, "dst", instr);
  requireMemory(m, data, ON_CHIP, "data", instr);
  requireMemory(m, dst, ON_CHIP, "dst", instr);
  requireSameSize(m, data, dst, instr, "input/output");
  const mask = opts.mask ?? null;
  if (!emit(m, Engine.Vector, instr, "", 0, viewSize(dst), [[Access.Read, data], [Access.Write, dst]], mask, dst.shape)) return;
  if (!m.functional) return;
  const x = gather(data);
  for (let i = 0; i < x.length; i++) x[i] = Math.fround(1 / x[i]);
  scatter(dst, x, mask);
}

export function memset(m: Machine, dst: View, value: number, opts: CommonOpts = NO_OPTS): void {
  const instr = "memset";
  requireTile(m, dst, "dst", instr);
  requireMemory(m, dst, ON_CHIP, "dst", instr);
  const engine = engineOf(opts.engine, Engine.Vector);
  checkEngineMemory(m, engine, instr, dst);
  const mask = opts.mask ?? null;
  if (!emit(m, engine, instr, String(value), 0, 0, [[Access.Write, dst]], mask, dst.shape)) return;
  if (!m.functional) return;
  const v = castValue(dst.buffer.dtype, value);
  if (mask) scatter(dst, new Float64Array(viewSize(dst)).fill(v), mask, "exact");
  else fillView(dst, v);
}

