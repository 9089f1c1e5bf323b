/**
 * TensorE instructions: nc_matmul (stationary.T @ moving into PSUM, fp32 accumulation) and
 * nc_transpose (TensorE through the identity, or VectorE 32×32 blocks).
 */

import { matmulF32 } from "../../numpy/kernels";
import { nkiError } from "../errors";
import type { Machine } from "../machine";
import { storageIndices, viewSize, type View } from "../memory/tensor";
import { Access, Engine, InstrFlag, Memory, emit, freeSize, gather, requireMemory, requireTile, scatter, type Mask } from "./common";
import type { EngineChoice } from "./operands";

const TENSOR_ENGINE_DTYPES = new Set(["bfloat16", "float16", "tfloat32", "float32", "float8_e4m3", "float8_e5m2", "float8_e4m3fn"]);

export interface MatmulOpts {
  /** Add into the PSUM destination (`psum[...] += ...`) instead of overwriting it. */
  readonly accumulate?: boolean;
  readonly isStationaryOneZero?: boolean;
  readonly isMovingOneZero?: boolean;
  readonly isTranspose?: boolean;
  readonly mask?: Mask;
}

/**
 * Contiguous Float32Array copy of a [K, F] tile, row-major [K, F] or, with `transposed`, [F, K]
 * (the stationary operand becomes the row-major left factor of the float32 matmul kernel).
 */
function packed(v: View, transposed: boolean): Float32Array {
  const data = v.buffer.data;
  if (!data) throw new Error("packed in timing-only mode");
  const idx = storageIndices(v);
  const out = new Float32Array(idx.length);
  if (!transposed) {
    for (let i = 0; i < idx.length; i++) out[i] = data[idx[i]];
    return out;
  }
  const K = v.shape[0];
  const F = idx.length / Math.max(1, K);
  for (let k = 0; k < K; k++) for (let f = 0; f < F; f++) out[f * K + k] = data[idx[k * F + f]];
  return out;
}

export function ncMatmul(m: Machine, dst: View, stationary: View, moving: View, opts: MatmulOpts = {}): void {
  const instr = "nc_matmul";
  requireTile(m, stationary, "stationary", instr);
  requireTile(m, moving, "moving", instr);
  requireTile(m, dst, "dst", instr);
  requireMemory(m, stationary, [Memory.Sbuf], "stationary", instr);
  requireMemory(m, moving, [Memory.Sbuf], "moving", instr);
  requireMemory(m, dst, [Memory.Psum], "the result", instr);
  const K = stationary.shape[0];
  if (moving.shape[0] !== K) {
    nkiError("err_num_partition_mismatch", `${instr}: stationary has ${K} partitions but moving has ${moving.shape[0]}; the contraction dim must match`, m.location);
  }
  const M = freeSize(stationary);
  const N = freeSize(moving);
  const t = m.target;
  if (M > t.gemmStationaryFmax) {
    nkiError("err_size_of_dimension_exceed_arch_limit", `${instr}: stationary free size ${M} exceeds gemm_stationary_fmax ${t.gemmStationaryFmax}`, m.location);
  }
  const bf16Dst = dst.buffer.dtype.name === "bfloat16";
  const movingLimit = t.ncVersion === 4 ? ((bf16Dst ? t.gemmMovingFmaxNcV4Bf16 : t.gemmMovingFmaxNcV4Fp32) ?? t.gemmMovingFmax) : t.gemmMovingFmax;
  if (N > movingLimit) {
    nkiError("err_size_of_dimension_exceed_arch_limit", `${instr}: moving free size ${N} exceeds gemm_moving_fmax ${movingLimit}`, m.location);
  }
  if (dst.shape[0] !== M || freeSize(dst) !== N) {
    nkiError("err_shape_mismatch", `${instr}: result is [${M}, ${N}] but the destination is (${dst.shape.join(", ")})`, m.location);
  }
  for (const [v, w] of [[stationary, "stationary"], [moving, "moving"]] as const) {
    if (!TENSOR_ENGINE_DTYPES.has(v.buffer.dtype.name)) {
      nkiError("err_unsupported_dtype", `${instr}: TensorE does not accept ${v.buffer.dtype.name} ${w} (use bf16, fp16, tf32, fp8 or fp32)`, m.location);
    }
  }
  const names = [stationary.buffer.dtype.name, moving.buffer.dtype.name];
  if (names.includes("float8_e4m3") && names.includes("float8_e4m3fn")) {
    nkiError("err_unsupported_dtype", `${instr}: float8_e4m3 and float8_e4m3fn cannot be mixed in one matmul`, m.location);
  }
  const flags =
    (opts.accumulate ? InstrFlag.Accumulate : 0) |
    (opts.isStationaryOneZero ? InstrFlag.StationaryOneZero : 0) |
    (opts.isMovingOneZero ? InstrFlag.MovingOneZero : 0) |
    (opts.isTranspose ? InstrFlag.Transpose : 0);
  const ops = [[Access.Read, stationary], [Access.Read, moving], [opts.accumulate ? Access.ReadWrite : Access.Write, dst]] as const;
  if (!emit(m, Engine.Tensor, instr, "", flags, 2 * K * M * N, ops, opts.mask ?? null, dst.shape)) return;
  if (!m.functional) return;
  // stationary.T @ moving with the shared float32 kernel: bf16/fp16/fp8 products are exact in fp32,
  // sums accumulate in fp32 (PSUM precision).
  const out = matmulF32(packed(stationary, true), packed(moving, false), M, K, N);
  writePsum(dst, out, opts.accumulate === true, opts.mask ?? null);
}

function writePsum(dst: View, out: Float32Array, accumulate: boolean, mask: Mask): void {
  const data = dst.buffer.data;
  if (!data) return;
  if (accumulate) {
    const idx = storageIndices(dst);
    for (let i = 0; i < out.length; i++) out[i] += data[idx[i]];
  }
  scatter(dst, out, mask);
}

export interface TransposeOpts {
  readonly engine?: EngineChoice;
  readonly mask?: Mask;
}

/** nc_transpose: [P, F] → [F, P] on TensorE (≤ 128×128, SBUF → PSUM) or VectorE (≤ 32×32). */
export function ncTranspose(m: Machine, dst: View, data: View, opts: TransposeOpts = {}): void {
  const instr = "nc_transpose";
  requireTile(m, data, "data", instr);
  requireTile(m, dst, "dst", instr);
  const P = data.shape[0];
  const F = freeSize(data);
  const vector = opts.engine === "vector" || (opts.engine !== "tensor" && P <= 32 && F <= 32 && data.buffer.memory === Memory.Psum);
  if (vector) {
    if (P > 32 || F > 32) {
      nkiError("err_size_of_dimension_exceed_arch_limit", `${instr}: the Vector engine transposes at most 32x32, got [${P}, ${F}]`, m.location);
    }
    requireMemory(m, data, [Memory.Sbuf, Memory.Psum], "data", instr);
    requireMemory(m, dst, [Memory.Sbuf, Memory.Psum], "dst", instr);
  } else {
    requireMemory(m, data, [Memory.Sbuf], "data", instr);
    requireMemory(m, dst, [Memory.Psum], "the result", instr);
    if (F > m.target.gemmStationaryFmax) {
      nkiError("err_size_of_dimension_exceed_arch_limit", `${instr}: free size ${F} exceeds ${m.target.gemmStationaryFmax} for a TensorE transpose`, m.location);
    }
  }
  if (dst.shape[0] !== F || freeSize(dst) !== P) {
    nkiError("err_shape_mismatch", `${instr}: transpose of [${P}, ${F}] is [${F}, ${P}] but the destination is (${dst.shape.join(", ")})`, m.location);
  }
  const engine = vector ? Engine.Vector : Engine.Tensor;
  const flops = vector ? 0 : 2 * P * F * P;
  if (!emit(m, engine, instr, "", InstrFlag.Transpose, flops, [[Access.Read, data], [Access.Write, dst]], opts.mask ?? null, dst.shape)) return;
  if (!m.functional) return;
  const x = gather(data);
  const out = new Float64Array(viewSize(dst));
  for (let p = 0; p < P; p++) for (let f = 0; f < F; f++) out[f * P + p] = x[p * F + f];
  // NC-v2 TensorE transposes multiply by the identity, so a NaN/Inf spreads along its output row
  // (0·Inf = NaN) [ISA226 nc_transpose]; NC-v3+ transposes bit-exactly.
  if (!vector && m.target.ncVersion === 2) {
    for (let f = 0; f < F; f++) {
      let finite = true;
      for (let p = 0; p < P; p++) if (!Number.isFinite(x[p * F + f])) finite = false;
      if (finite) continue;
      for (let q = 0; q < P; q++) {
        let s = 0;
        for (let p = 0; p < P; p++) s += x[p * F + f] * (p === q ? 1 : 0);
        out[f * P + q] = s;
      }
    }
  }
  scatter(dst, out, opts.mask ?? null);
}
