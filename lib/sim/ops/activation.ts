/**
 * ScalarE activation: out = func(data · scale + bias) with the function table evaluated in fp32, an
 * optional per-partition free-axis reduction into the engine's 128 accumulators (reduce_cmd), and
 * activation_reduce [ISA226 activation / activation_reduce].
 */

import { nkiError } from "../errors";
import type { Machine } from "../machine";
import { viewSize, type View } from "../memory/tensor";
import { activationFn } from "./alu";
import { Access, Engine, Memory, emit, emit2, freeSize, gather, requireMemory, requireSameSize, requireTile, scatter, type Mask, type Operand } from "./common";
import { isView, perPartition, requireOp, updateAccumulators, type ReduceCmd, type ScalarOrVector } from "./operands";

export interface ActivationArgs {
  readonly op: string;
  readonly bias?: View | null;
  readonly scale?: ScalarOrVector;
  readonly reduceOp?: string | null;
  readonly reduceRes?: View | null;
  readonly reduceCmd?: ReduceCmd;
  readonly mask?: Mask;
}

const ON_CHIP = [Memory.Sbuf, Memory.Psum] as const;

/** Operands in record order: data, bias, a vector scale, dst, reduce_res. */
function operandList(data: View, bias: View | null, scale: ScalarOrVector, dst: View, reduceRes: View | null): Operand[] {
  const ops: Operand[] = [[Access.Read, data]];
  if (bias) ops.push([Access.Read, bias]);
  if (isView(scale)) ops.push([Access.Read, scale]);
  ops.push([Access.Write, dst]);
  if (reduceRes) ops.push([Access.Write, reduceRes]);
  return ops;
}

export function activation(m: Machine, dst: View, data: View, args: ActivationArgs, instr = "activation"): void {
  const fn = activationFn(args.op);
  if (!fn) nkiError("err_unsupported_dtype", `${instr}: '${args.op}' is not an activation function`, m.location);
  requireTile(m, data, "data", instr);
  requireTile(m, dst, "dst", instr);
  requireMemory(m, data, ON_CHIP, "data", instr);
  requireMemory(m, dst, ON_CHIP, "dst", instr);
  requireSameSize(m, data, dst, instr, "input/output");
  const parts = data.shape[0];
  const bias = args.bias ?? null;
  if (args.bias) {
    const bt = args.bias.buffer.dtype.name;
    if (bt !== "float32" && bt !== "float16" && bt !== "bfloat16") {
      nkiError("err_activation_bias_invalid_type", `${instr}: bias must be a float32, float16 or bfloat16 [P, 1] vector, got ${bt}`, m.location);
    }
  }
  const scaleArg = args.scale ?? 1.0;
  if (isView(scaleArg)) {
    if (scaleArg.buffer.dtype.name !== "float32") {
      nkiError("err_activation_scale_invalid_type", `${instr}: a vector scale must be float32, got ${scaleArg.buffer.dtype.name}`, m.location);
    }
    if (freeSize(scaleArg) !== 1) {
      nkiError("err_activation_scale_scalar_or_vector", `${instr}: scale must be a scalar or a [P, 1] vector, got (${scaleArg.shape.join(", ")})`, m.location);
    }
  }
  const scale = perPartition(m, scaleArg, parts, instr, "scale");
  const biasValues = perPartition(m, bias ?? 0, parts, instr, "bias");
  const reduceOp = args.reduceOp ? requireOp(m, args.reduceOp, instr) : null;
  const cmd: ReduceCmd = args.reduceCmd ?? (reduceOp && args.reduceRes ? "reset_reduce" : "idle");
  if (args.reduceRes) {
    requireTile(m, args.reduceRes, "reduce_res", instr);
    if (args.reduceRes.shape[0] !== parts || freeSize(args.reduceRes) !== 1) {
      nkiError("err_shape_mismatch", `${instr}: reduce_res must be [${parts}, 1], got (${args.reduceRes.shape.join(", ")})`, m.location);
    }
  }
  const mask = args.mask ?? null;
  const variant = reduceOp ? `${args.op},reduce:${reduceOp.name}` : args.op;
  // The plain form (no bias, vector scale or reduce_res) without an operand list.
  const emitted = !bias && !isView(scaleArg) && !args.reduceRes
    ? emit2(m, Engine.Scalar, instr, variant, 0, viewSize(dst), Access.Read, data, Access.Write, dst, mask, dst.shape)
    : emit(m, Engine.Scalar, instr, variant, 0, viewSize(dst), operandList(data, bias, scaleArg, dst, args.reduceRes ?? null), mask, dst.shape);
  if (!emitted) return;
  if (!m.functional) return;
  const x = gather(data);
  const free = freeSize(data);
  const f32 = Math.fround;
  for (let p = 0; p < parts; p++) {
    const s = scale[p];
    const b = biasValues[p];
    for (let i = p * free; i < (p + 1) * free; i++) x[i] = fn(f32(f32(x[i] * s) + b));
  }
  scatter(dst, x, mask);
  if (!reduceOp) return;
  const red = new Float64Array(parts);
  for (let p = 0; p < parts; p++) {
    let acc: number | null = null;
    for (let i = p * free; i < (p + 1) * free; i++) {
      if (mask && !mask[i]) continue;
      acc = acc === null ? x[i] : reduceOp.apply(acc, x[i]);
    }
    red[p] = acc ?? 0;
  }
  const accs = m.scalarAccumulators.subarray(0, parts);
  updateAccumulators(accs, cmd, reduceOp, red, 0);
  if (args.reduceRes) scatter(args.reduceRes, cmd === "idle" ? red : accs, null);
}

export interface ActivationReduceArgs extends ActivationArgs {
  readonly reduceOp: string;
  readonly reduceRes: View;
}

/** activation + free-axis reduction into reduce_res; NC-v2 supports only add [ISA226]. */
export function activationReduce(m: Machine, dst: View, data: View, args: ActivationReduceArgs): void {
  const op = requireOp(m, args.reduceOp, "activation_reduce");
  if (m.target.ncVersion === 2 && op.name !== "add") {
    nkiError("err_unsupported_dtype", `activation_reduce: only reduce_op=add is supported on ${m.target.name}, got '${op.name}'`, m.location);
  }
  activation(m, dst, data, { ...args, reduceCmd: "reset_reduce" }, "activation_reduce");
}
