/**
 * What legacy `nki.language` calls lower to, as sequences of ISA instructions on the machine
 * (reference §2.5; rows marked *inferred* there are inferred here too). Each function takes input
 * views and either writes into `out` (the `buf[...] = nl.f(...)` form, which the compiler fuses) or
 * auto-allocates the result tile. Shapes and dtypes follow §2.2: element-wise ops broadcast like numpy,
 * outputs take the promoted dtype unless `dtype` is given, comparisons default to bool_.
 */

import { dtype as dtypeNamed, type DTypeInfo } from "../dtypes";
import { nkiError } from "../errors";
import type { Machine } from "../machine";
import { broadcastView, fullView, sliceView, viewSize, type View } from "../memory/tensor";
import { activation } from "../ops/activation";
import { aluOp, type AluOp } from "../ops/alu";
import { freeSize, requireTile, type Mask } from "../ops/common";
import { dmaCopy, dmaTranspose, store as storeOp } from "../ops/dma";
import { memset, reciprocal, tensorCopy, tensorCopyPredicated, tensorScalar, tensorTensor } from "../ops/elementwise";
import { promote, scalarDtype } from "../ops/promotion";
import { tensorReduce } from "../ops/reduce";
import { ncMatmul, ncTranspose } from "../ops/tensor-engine";
import { Memory } from "../trace/types";

export interface NlOpts {
  readonly dtype?: DTypeInfo | null;
  readonly mask?: Mask;
  /** Destination tile for the assignment form; otherwise a new SBUF tile is allocated. */
  readonly out?: View | null;
}

/** A Python number operand with whether it was an int literal (promotion: int → int32, float → float32). */
export interface PyScalar {
  readonly value: number;
  readonly isInt: boolean;
}

export type NlOperand = View | PyScalar;

const isScalar = (x: NlOperand): x is PyScalar => !("buffer" in x);

function newTile(m: Machine, name: string, shape: readonly number[], d: DTypeInfo, memory: typeof Memory.Sbuf | typeof Memory.Psum = Memory.Sbuf): View {
  return fullView(m.allocOnChip(name, memory, shape, d));
}

/** Ends the lifetime of compiler temporaries (their SBUF/PSUM space is reused by later tiles). */
function done(m: Machine, ...temps: View[]): void {
  for (const t of temps) m.release(t.buffer);
}

function outTile(m: Machine, opts: NlOpts, name: string, shape: readonly number[], d: DTypeInfo): View {
  if (opts.out) {
    if (viewSize(opts.out) !== shape.reduce((a, b) => a * b, 1) || opts.out.shape[0] !== shape[0]) {
      nkiError("err_shape_mismatch", `${name}: result shape (${shape.join(", ")}) does not match the destination (${opts.out.shape.join(", ")})`, m.location);
    }
    return opts.out;
  }
  return newTile(m, name, shape, d);
}

// ---------------------------------------------------------------- memory

/** nl.load: HBM → new SBUF tile (DMA), partition dim = first dim of the view. */
export function load(m: Machine, src: View, opts: NlOpts = {}): View {
  if (src.buffer.memory !== Memory.Hbm) {
    nkiError("err_unsupported_memory", `load: source must be in HBM, got ${src.buffer.memory === Memory.Sbuf ? "SBUF" : "PSUM"}`, m.location);
  }
  const dst = outTile(m, opts, "load", src.shape, opts.dtype ?? src.buffer.dtype);
  dmaCopy(m, dst, src, { mask: opts.mask });
  return dst;
}

/** nl.store: SBUF (or PSUM, via an implicit copy) → HBM. */
export function store(m: Machine, dst: View, value: View, mask: Mask = null): void {
  storeOp(m, dst, value, mask);
}

/** nl.atomic_rmw(dst, value, op): read-modify-write of an HBM tensor by DMA (`dst_rmw_op`). */
export function atomicRmw(m: Machine, dst: View, value: View, op: string, mask: Mask = null): void {
  if (dst.buffer.memory !== Memory.Hbm) {
    nkiError("err_unsupported_memory", "atomic_rmw: destination must be in HBM", m.location);
  }
  dmaCopy(m, dst, value, { mask, dstRmwOp: op });
}

/** nl.load_transpose2d: DMA transpose of a 2-D HBM window into SBUF. */
export function loadTranspose2d(m: Machine, src: View, opts: NlOpts = {}): View {
  const dst = outTile(m, opts, "load_transpose2d", [src.shape[1], src.shape[0]], opts.dtype ?? src.buffer.dtype);
  dmaTranspose(m, dst, src, [1, 0], opts.mask ?? null);
  return dst;
}

/** nl.copy → tensor_copy on VectorE (inferred). */
export function copy(m: Machine, src: View, opts: NlOpts = {}): View {
  const dst = outTile(m, opts, "copy", src.shape, opts.dtype ?? src.buffer.dtype);
  tensorCopy(m, dst, src, { mask: opts.mask });
  return dst;
}

/** nl.zeros / ones / full on chip → memset (inferred); in HBM an initial value is an error [ERR226]. */
export function full(m: Machine, memory: Memory, shape: readonly number[], value: number, d: DTypeInfo, partitionAxis = 0): View {
  if (memory === Memory.Hbm) {
    nkiError("err_hbm_tensor_with_init_value_not_supported", "creating an HBM tensor with an initial value is not supported; use nl.ndarray and store into it", m.location);
  }
  const t = fullView(m.allocOnChip("full", memory, shape, d, partitionAxis));
  if (partitionAxis === 0) memset(m, t, value);
  else for (let b = 0; b < shape[0]; b++) memset(m, blockOf(t, b), value);
  return t;
}

function blockOf(t: View, b: number): View {
  const shape = t.shape.slice(1);
  const strides = t.strides.slice(1);
  return { ...t, offset: t.offset + b * t.strides[0], shape, strides, partitionAxis: t.partitionAxis - 1 };
}

/**
 * nl.broadcast_to along partitions: a [1, F] tile becomes [P, F] by a TensorE matmul with a ones
 * vector (K = 1) into PSUM, then a copy to SBUF [ARCH-V2]. Free-dim broadcasts are zero-stride views.
 */
export function broadcastPartitions(m: Machine, src: View, parts: number, opts: NlOpts = {}): View {
  requireTile(m, src, "src", "broadcast_to");
  if (src.shape[0] !== 1) nkiError("err_shape_mismatch", `broadcast_to: only a partition dim of 1 can be broadcast, got ${src.shape[0]}`, m.location);
  if (src.buffer.dtype.kind !== "float") {
    nkiError("err_unsupported_dtype", `broadcast_to: partition broadcast goes through TensorE, which does not accept ${src.buffer.dtype.name}`, m.location);
  }
  const f32 = dtypeNamed("float32");
  const ones = newTile(m, "ones", [1, parts], src.buffer.dtype.name === "float32" ? f32 : src.buffer.dtype);
  memset(m, ones, 1);
  const shape = [parts, ...src.shape.slice(1)];
  const dst = outTile(m, opts, "broadcast_to", shape, opts.dtype ?? src.buffer.dtype);
  const F = freeSize(src);
  const chunk = m.target.psumFmax;
  if (F <= chunk) {
    const ps = newTile(m, "broadcast_psum", shape, f32, Memory.Psum);
    ncMatmul(m, ps, ones, src, { isStationaryOneZero: true });
    tensorCopy(m, dst, ps);
    done(m, ps, ones);
    return dst;
  }
  // Wider rows go through PSUM one bank (psum_fmax fp32) at a time.
  if (src.shape.length !== 2 || dst.shape.length !== 2) {
    nkiError("err_size_of_dimension_exceed_arch_limit", `broadcast_to: a partition broadcast of more than ${chunk} elements needs a 2-D tile`, m.location);
  }
  for (let c0 = 0; c0 < F; c0 += chunk) {
    const w = Math.min(chunk, F - c0);
    const ps = newTile(m, "broadcast_psum", [parts, w], f32, Memory.Psum);
    ncMatmul(m, ps, ones, sliceView(src, 1, c0, c0 + w), { isStationaryOneZero: true });
    tensorCopy(m, sliceView(dst, 1, c0, c0 + w), ps);
    done(m, ps);
  }
  done(m, ones);
  return dst;
}

// ---------------------------------------------------------------- element-wise math

const COMPARISONS = new Set(["equal", "not_equal", "greater", "greater_equal", "less", "less_equal", "logical_and", "logical_or", "logical_xor"]);

function broadcastShape(m: Machine, a: readonly number[], b: readonly number[], name: string): number[] {
  const n = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    const x = a[k - (n - a.length)] ?? 1;
    const y = b[k - (n - b.length)] ?? 1;
    if (x !== y && x !== 1 && y !== 1) {
      nkiError("err_shape_mismatch", `${name}: shapes (${a.join(", ")}) and (${b.join(", ")}) are not broadcastable`, m.location);
    }
    out.push(Math.max(x, y));
  }
  return out;
}

function requireAlu(m: Machine, name: string): AluOp {
  const op = aluOp(name);
  if (!op) nkiError("err_unsupported_dtype", `'${name}' is not an element-wise operator`, m.location);
  return op;
}

/**
 * nl.add / subtract / multiply / divide / maximum / minimum / power / comparisons / logical / bitwise:
 * tile∘tile → tensor_tensor on VectorE; tile∘scalar or tile∘[P,1] → tensor_scalar (inferred).
 */
export function binary(m: Machine, opName: string, x: NlOperand, y: NlOperand, opts: NlOpts = {}): View {
  const op = requireAlu(m, opName);
  if (isScalar(x) && isScalar(y)) nkiError("err_shape_mismatch", `${op.name}: at least one operand must be a tile`, m.location);
  const dx = isScalar(x) ? scalarDtype(x.value, x.isInt) : x.buffer.dtype;
  const dy = isScalar(y) ? scalarDtype(y.value, y.isInt) : y.buffer.dtype;
  const resultType = opts.dtype ?? (COMPARISONS.has(op.name) ? dtypeNamed("bool_") : promote(dx, dy));
  if (isScalar(y) || isScalar(x)) {
    const [tile, scalar, reverse] = isScalar(y) ? [x as View, y, false] : [y as View, x as PyScalar, true];
    const dst = outTile(m, opts, op.name, tile.shape, resultType);
    tensorScalar(m, dst, tile, { op0: op.name, operand0: scalar.value, reverse0: reverse }, { mask: opts.mask });
    return dst;
  }
  const shape = broadcastShape(m, x.shape, y.shape, op.name);
  const temps: View[] = [];
  let a = x.shape[0] === 1 && shape[0] > 1 ? broadcastPartitions(m, x, shape[0]) : x;
  let b = y.shape[0] === 1 && shape[0] > 1 ? broadcastPartitions(m, y, shape[0]) : y;
  if (a !== x) temps.push(a);
  if (b !== y) temps.push(b);
  const dst = outTile(m, opts, op.name, shape, resultType);
  const full = viewSize(dst);
  if (freeSize(b) === 1 && viewSize(a) === full && a.shape[0] === b.shape[0]) {
    tensorScalar(m, dst, a, { op0: op.name, operand0: asColumn(b) }, { mask: opts.mask });
    done(m, ...temps);
    return dst;
  }
  if (freeSize(a) === 1 && viewSize(b) === full && a.shape[0] === b.shape[0]) {
    tensorScalar(m, dst, b, { op0: op.name, operand0: asColumn(a), reverse0: true }, { mask: opts.mask });
    done(m, ...temps);
    return dst;
  }
  a = viewSize(a) === full ? a : broadcastView(a, shape);
  b = viewSize(b) === full ? b : broadcastView(b, shape);
  tensorTensor(m, dst, a, b, op.name, { mask: opts.mask });
  done(m, ...temps);
  return dst;
}

/** A [P, 1, ..., 1] view as [P, 1]. */
function asColumn(v: View): View {
  return { ...v, shape: [v.shape[0], 1], strides: [v.strides[0], 1], partitionAxis: 0 };
}

/** Functions nl exposes that the ScalarE activation table implements (§2.5, inferred). */
const ACTIVATION_NL = new Set([
  "exp", "log", "tanh", "sigmoid", "relu", "gelu", "gelu_dx", "gelu_apprx_tanh", "gelu_apprx_sigmoid", "silu", "silu_dx",
  "erf", "erf_dx", "softplus", "mish", "sqrt", "rsqrt", "sin", "cos", "tan", "arctan", "sign", "abs", "square", "reciprocal",
  "negative", "floor", "ceil", "trunc",
]);

/** nl.exp, nl.tanh, ... → ScalarE activation (inferred); nl.invert / logical_not → VectorE. */
export function unary(m: Machine, name: string, x: View, opts: NlOpts = {}): View {
  if (name === "invert" || name === "bitwise_not") {
    const dst = outTile(m, opts, name, x.shape, opts.dtype ?? x.buffer.dtype);
    tensorScalar(m, dst, x, { op0: "bitwise_xor", operand0: -1 }, { mask: opts.mask });
    return dst;
  }
  if (name === "logical_not") {
    const dst = outTile(m, opts, name, x.shape, opts.dtype ?? dtypeNamed("bool_"));
    tensorScalar(m, dst, x, { op0: "equal", operand0: 0 }, { mask: opts.mask });
    return dst;
  }
  if (!ACTIVATION_NL.has(name)) nkiError("err_unsupported_dtype", `'${name}' is not a unary math function`, m.location);
  const resultType = opts.dtype ?? (x.buffer.dtype.kind === "float" ? x.buffer.dtype : dtypeNamed("float32"));
  const dst = outTile(m, opts, name, x.shape, resultType);
  activation(m, dst, x, { op: name, mask: opts.mask });
  return dst;
}

/** nl.where(cond, x, y): copy y, then a predicated copy of x where cond holds (VectorE, inferred). */
export function where(m: Machine, cond: View, x: View, y: NlOperand, opts: NlOpts = {}): View {
  const d = opts.dtype ?? (isScalar(y) ? promote(x.buffer.dtype, scalarDtype(y.value, y.isInt)) : promote(x.buffer.dtype, y.buffer.dtype));
  const dst = outTile(m, opts, "where", x.shape, d);
  if (isScalar(y)) memset(m, dst, y.value, { mask: opts.mask });
  else tensorCopy(m, dst, y, { mask: opts.mask });
  tensorCopyPredicated(m, dst, x, { predicate: cond }, { mask: opts.mask });
  return dst;
}

// ---------------------------------------------------------------- reductions

export interface ReduceOpts extends NlOpts {
  readonly keepdims?: boolean;
}

function reducedShape(shape: readonly number[], axes: readonly number[], keepdims: boolean): number[] {
  const out: number[] = [];
  shape.forEach((s, k) => {
    if (!axes.includes(k)) out.push(s);
    else if (keepdims) out.push(1);
  });
  return out;
}

function normaliseAxes(m: Machine, x: View, axis: number | readonly number[], name: string): number[] {
  const nd = x.shape.length;
  const axes = (typeof axis === "number" ? [axis] : [...axis]).map((a) => (a < 0 ? a + nd : a));
  if (axes.some((a) => a <= 0 || a >= nd)) {
    nkiError("err_shape_mismatch", `${name}: axis must name free dimensions (1..${nd - 1}) of the tile`, m.location);
  }
  return axes;
}

/** nl.sum / max / min / prod / all → tensor_reduce on VectorE (inferred). */
export function reduce(m: Machine, name: string, x: View, axis: number | readonly number[], opts: ReduceOpts = {}): View {
  const opMap: Record<string, string> = { sum: "add", max: "maximum", min: "minimum", prod: "multiply", all: "logical_and" };
  const op = opMap[name] ?? name;
  const axes = normaliseAxes(m, x, axis, name);
  const shape = reducedShape(x.shape, axes, opts.keepdims === true);
  const d = opts.dtype ?? (name === "all" ? dtypeNamed("bool_") : x.buffer.dtype);
  const dst = outTile(m, opts, name, shape.length > 1 ? shape : [shape[0], 1], d);
  tensorReduce(m, dst, x, { op, axes, mask: opts.mask });
  return dst;
}

/** nl.mean: sum, then a multiply by 1/n on VectorE (float32 for integer inputs). */
export function mean(m: Machine, x: View, axis: number | readonly number[], opts: ReduceOpts = {}): View {
  const axes = normaliseAxes(m, x, axis, "mean");
  const n = axes.reduce((s, a) => s * x.shape[a], 1);
  const d = opts.dtype ?? (x.buffer.dtype.kind === "float" ? x.buffer.dtype : dtypeNamed("float32"));
  const sum = reduce(m, "sum", x, axes, { keepdims: opts.keepdims, dtype: dtypeNamed("float32"), mask: opts.mask });
  const dst = outTile(m, opts, "mean", sum.shape, d);
  tensorScalar(m, dst, sum, { op0: "multiply", operand0: 1 / n });
  done(m, sum);
  return dst;
}

/** nl.var (population variance, no keepdims): mean, subtract, square, mean. */
export function variance(m: Machine, x: View, axis: number | readonly number[], opts: NlOpts = {}): View {
  const axes = normaliseAxes(m, x, axis, "var");
  const f32 = dtypeNamed("float32");
  const mu = mean(m, x, axes, { keepdims: true, dtype: f32 });
  const centred = newTile(m, "var_centred", x.shape, f32);
  const muB = broadcastView(mu, x.shape);
  tensorTensor(m, centred, x, muB, "subtract");
  const sq = newTile(m, "var_sq", x.shape, f32);
  tensorTensor(m, sq, centred, centred, "multiply");
  const result = mean(m, sq, axes, { dtype: opts.dtype ?? (x.buffer.dtype.kind === "float" ? x.buffer.dtype : f32), out: opts.out });
  done(m, mu, centred, sq);
  return result;
}

// ---------------------------------------------------------------- composites

/**
 * nl.softmax over the last free axis of a 2-D tile: max (VectorE), exp(x − max) with a fused sum
 * (ScalarE activation with bias = −max and reduce add), reciprocal (VectorE), scale (VectorE).
 */
export function softmax(m: Machine, x: View, opts: NlOpts = {}): View {
  const f32 = dtypeNamed("float32");
  const P = x.shape[0];
  const mx = newTile(m, "softmax_max", [P, 1], f32);
  tensorReduce(m, mx, x, { op: "maximum", axes: [x.shape.length - 1], negate: true });
  const e = newTile(m, "softmax_exp", x.shape, f32);
  const sum = newTile(m, "softmax_sum", [P, 1], f32);
  activation(m, e, x, { op: "exp", bias: mx, reduceOp: "add", reduceRes: sum });
  const inv = newTile(m, "softmax_inv", [P, 1], f32);
  reciprocal(m, inv, sum);
  const dst = outTile(m, opts, "softmax", x.shape, opts.dtype ?? x.buffer.dtype);
  tensorScalar(m, dst, e, { op0: "multiply", operand0: inv }, { mask: opts.mask });
  done(m, mx, e, sum, inv);
  return dst;
}

/**
 * nl.rms_norm(x, w, n, epsilon): x · rsqrt(mean(x²) + eps) · w over the last free axis, with w a
 * [1, F] tile broadcast along partitions.
 */
export function rmsNorm(m: Machine, x: View, w: View, n: number, epsilon = 1e-6, opts: NlOpts = {}): View {
  const f32 = dtypeNamed("float32");
  const P = x.shape[0];
  const sq = newTile(m, "rms_sq", x.shape, f32);
  const ss = newTile(m, "rms_sumsq", [P, 1], f32);
  activation(m, sq, x, { op: "square", reduceOp: "add", reduceRes: ss });
  const ms = newTile(m, "rms_meansq", [P, 1], f32);
  tensorScalar(m, ms, ss, { op0: "multiply", operand0: 1 / n, op1: "add", operand1: epsilon });
  const r = newTile(m, "rms_rsqrt", [P, 1], f32);
  activation(m, r, ms, { op: "rsqrt" });
  const normed = newTile(m, "rms_normed", x.shape, f32);
  tensorScalar(m, normed, x, { op0: "multiply", operand0: r });
  const wb = w.shape[0] === 1 && P > 1 ? broadcastPartitions(m, w, P) : w;
  const dst = outTile(m, opts, "rms_norm", x.shape, opts.dtype ?? x.buffer.dtype);
  tensorTensor(m, dst, normed, wb, "multiply", { mask: opts.mask });
  done(m, sq, ss, ms, r, normed, ...(wb !== w ? [wb] : []));
  return dst;
}

/** nl.transpose: TensorE through PSUM (VectorE for ≤ 32×32 tiles). */
export function transpose(m: Machine, x: View, opts: NlOpts = {}): View {
  const P = x.shape[0];
  const F = freeSize(x);
  const small = P <= 32 && F <= 32;
  const f32 = dtypeNamed("float32");
  const dst = opts.out ?? newTile(m, "transpose", [F, P], small ? opts.dtype ?? x.buffer.dtype : f32, small ? Memory.Sbuf : Memory.Psum);
  ncTranspose(m, dst, x, { engine: small ? "vector" : "tensor", mask: opts.mask });
  return dst;
}

export interface MatmulNlOpts {
  readonly transposeX?: boolean;
  /** PSUM destination to accumulate into (`psum[...] += nl.matmul(...)`). */
  readonly accumulateInto?: View | null;
}

/**
 * nl.matmul(x, y) = x @ y: lowers to nc_matmul(stationary = x.T, moving = y); without transpose_x the
 * compiler first transposes x on TensorE (through PSUM, then a copy back to SBUF) [LANG226].
 */
export function matmul(m: Machine, x: View, y: View, opts: MatmulNlOpts = {}): View {
  let stationary = x;
  if (!opts.transposeX) {
    const xt = transpose(m, x);
    stationary = newTile(m, "matmul_xT", xt.shape, x.buffer.dtype);
    tensorCopy(m, stationary, xt);
    done(m, xt);
  }
  const M = freeSize(stationary);
  const N = freeSize(y);
  const dst = opts.accumulateInto ?? newTile(m, "matmul", [M, N], dtypeNamed("float32"), Memory.Psum);
  ncMatmul(m, dst, stationary, y, { accumulate: opts.accumulateInto != null });
  if (stationary !== x) done(m, stationary);
  return dst;
}
