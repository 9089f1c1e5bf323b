/**
 * TensorE instructions: nc_matmul (stationary.T @ moving into PSUM, fp32 accumulation) and
 * nc_transpose (TensorE through the identity, or VectorE 32×32 blocks).
 */

import { matmulF32 } from "../../numpy/kernels";
import { nkiError } from "../errors";
import type { Machine } from "../machine";
import { storageIndices, viewSize, type View } from "../memory/tensor";
import { Access, Engine, InstrFlag, Memory, emit, emit3, freeSize, gather, requireMemory, requireTile, scatter, type Mask } from "./common";
import type { EngineChoice } from "./operands";
import { matmulIntoPsum } from "./psum-matmul";

const TENSOR_ENGINE_DTYPES = new Set(["bfloat16", "float16", "tfloat32", "float32", "float8_e4m3", "float8_e5m2", "float8_e4m3fn"]);

export interface MatmulOpts {
  /** Add into the PSUM destination (`psum[...] += ...`) instead of overwriting it. */
  readonly accumulate?: boolean;
  readonly isStationaryOneZero?: boolean;
  readonly isMovingOneZero?: boolean;
  readonly isTranspose?: boolean;
  /** PE-array tiling [ISA226]: (row, col) offset and (rows, cols) size of the sub-array used. */
  readonly tilePosition?: readonly [number, number] | null;
  readonly tileSize?: readonly [number, number] | null;
  /** FP8 "double row" mode (NC-v3+): stationary [K, 2, M], moving [K, 2, N], contraction 2K [ARCH-V3]. */
  readonly doubleRow?: boolean;
  readonly mask?: Mask;
}

const FP8 = new Set(["float8_e4m3", "float8_e5m2", "float8_e4m3fn"]);

/** Validates PE tiling and returns its variant tag ("" when untiled). */
function peTile(m: Machine, opts: MatmulOpts, K: number, M: number, instr: string): string {
  const pos = opts.tilePosition ?? null;
  const size = opts.tileSize ?? null;
  if (!pos && !size) return "";
  if (!pos || !size) nkiError("err_shape_mismatch", `${instr}: tile_position and tile_size must be given together`, m.location);
  const sizes = m.target.ncVersion === 2 ? [64, 128] : [32, 64, 128];
  for (const k of [0, 1]) {
    if (!sizes.includes(size[k]) || pos[k] % size[k] !== 0 || pos[k] + size[k] > 128) {
      nkiError(
        "err_size_of_dimension_exceed_arch_limit",
        `${instr}: tile_size must be one of ${sizes.join("/")} with tile_position a multiple of it inside the 128x128 array, got position (${pos.join(", ")}) size (${size.join(", ")})`,
        m.location,
      );
    }
  }
  if (K > size[0] || M > size[1]) {
    nkiError("err_size_of_dimension_exceed_arch_limit", `${instr}: a [${K}, ${M}] stationary does not fit a ${size[0]}x${size[1]} PE tile`, m.location);
  }
  return `tile:${pos[0]},${pos[1]},${size[0]},${size[1]}`;
}

/**
 * Contiguous Float32Array copy of a [K, F] tile, row-major [K, F] or, with `transposed`, [F, K]
 * (the stationary operand becomes the row-major left factor of the float32 matmul kernel).
 */
function packed(v: View, transposed: boolean, rows = v.shape[0]): Float32Array {
  const data = v.buffer.data;
  if (!data) throw new Error("packed in timing-only mode");
  if (v.shape.length === 2 && rows === v.shape[0]) {
    // Fast path for plain 2-D tiles: strided row reads, no index array.
    const [K, F] = v.shape;
    const [sk, sf] = v.strides;
    const out = new Float32Array(K * F);
    for (let k = 0; k < K; k++) {
      const base = v.offset + k * sk;
      if (transposed) for (let f = 0; f < F; f++) out[f * K + k] = data[base + f * sf];
      else if (sf === 1) out.set(data.subarray(base, base + F), k * F);
      else for (let f = 0; f < F; f++) out[k * F + f] = data[base + f * sf];
    }
    return out;
  }
  const idx = storageIndices(v);
  const out = new Float32Array(idx.length);
  if (!transposed) {
    for (let i = 0; i < idx.length; i++) out[i] = data[idx[i]];
    return out;
  }
  const K = rows;
  const F = idx.length / Math.max(1, K);
  for (let k = 0; k < K; k++) for (let f = 0; f < F; f++) out[f * K + k] = data[idx[k * F + f]];
  return out;
}

function requireTensorEngineDtype(m: Machine, v: View, what: string, instr: string): void {
  if (!TENSOR_ENGINE_DTYPES.has(v.buffer.dtype.name)) {
    nkiError("err_unsupported_dtype", `${instr}: TensorE does not accept ${v.buffer.dtype.name} ${what} (use bf16, fp16, tf32, fp8 or fp32)`, m.location);
  }
}

const SBUF_ONLY = [Memory.Sbuf] as const;
const PSUM_ONLY = [Memory.Psum] as const;

export function ncMatmul(m: Machine, dst: View, stationary: View, moving: View, opts: MatmulOpts = {}): void {
  const instr = "nc_matmul";
  requireTile(m, stationary, "stationary", instr);
  requireTile(m, moving, "moving", instr);
  requireTile(m, dst, "dst", instr);
  requireMemory(m, stationary, SBUF_ONLY, "stationary", instr);
  requireMemory(m, moving, SBUF_ONLY, "moving", instr);
  requireMemory(m, dst, PSUM_ONLY, "the result", instr);
  const K = stationary.shape[0];
  if (moving.shape[0] !== K) {
    nkiError("err_num_partition_mismatch", `${instr}: stationary has ${K} partitions but moving has ${moving.shape[0]}; the contraction dim must match`, m.location);
  }
  const doubleRow = opts.doubleRow === true;
  // Double row: the most-major free dim (2) joins the contraction.
  const M = doubleRow ? freeSize(stationary) / 2 : freeSize(stationary);
  const N = doubleRow ? freeSize(moving) / 2 : freeSize(moving);
  const t = m.target;
  if (doubleRow) {
    if (t.ncVersion < 3) nkiError("err_unsupported_dtype", `${instr}: double-row mode needs NC-v3 or later (trn2/trn3), not ${t.name}`, m.location);
    if (!FP8.has(stationary.buffer.dtype.name) || !FP8.has(moving.buffer.dtype.name)) {
      nkiError("err_unsupported_dtype", `${instr}: double-row mode takes fp8 operands`, m.location);
    }
    if (stationary.shape[1] !== 2 || moving.shape[1] !== 2 || stationary.shape.length !== 3 || moving.shape.length !== 3) {
      nkiError("err_shape_mismatch", `${instr}: double-row operands are [K, 2, M] and [K, 2, N], got (${stationary.shape.join(", ")}) and (${moving.shape.join(", ")})`, m.location);
    }
    if (opts.tilePosition || opts.isTranspose) {
      nkiError("err_shape_mismatch", `${instr}: double-row mode cannot be combined with PE tiling or transpose`, m.location);
    }
  }
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
  requireTensorEngineDtype(m, stationary, "stationary", instr);
  requireTensorEngineDtype(m, moving, "moving", instr);
  const sName = stationary.buffer.dtype.name;
  const mName = moving.buffer.dtype.name;
  if ((sName === "float8_e4m3" && mName === "float8_e4m3fn") || (sName === "float8_e4m3fn" && mName === "float8_e4m3")) {
    nkiError("err_unsupported_dtype", `${instr}: float8_e4m3 and float8_e4m3fn cannot be mixed in one matmul`, m.location);
  }
  const flags =
    (opts.accumulate ? InstrFlag.Accumulate : 0) |
    (opts.isStationaryOneZero ? InstrFlag.StationaryOneZero : 0) |
    (opts.isMovingOneZero ? InstrFlag.MovingOneZero : 0) |
    (opts.isTranspose ? InstrFlag.Transpose : 0) |
    (doubleRow ? InstrFlag.DoubleRow : 0);
  const variant = peTile(m, opts, K, M, instr);
  const Kc = doubleRow ? 2 * K : K;
  const dstAccess = opts.accumulate ? Access.ReadWrite : Access.Write;
  if (!emit3(m, Engine.Tensor, instr, variant, flags, 2 * Kc * M * N, Access.Read, stationary, Access.Read, moving, dstAccess, dst, opts.mask ?? null, dst.shape)) return;
  if (!m.functional) return;
  // stationary.T @ moving with the shared float32 kernel: bf16/fp16/fp8 products are exact in fp32,
  // sums accumulate in fp32 (PSUM precision). In double-row mode rows (k, j) are contracted together.
  if (!doubleRow && !opts.mask && matmulIntoPsum(dst, stationary, moving, opts.accumulate === true)) return;
  const out = matmulF32(packed(stationary, true, Kc), packed(moving, false), M, Kc, N);
  writePsum(dst, out, opts.accumulate === true, opts.mask ?? null);
}

function writePsum(dst: View, out: Float32Array, accumulate: boolean, mask: Mask): void {
  const data = dst.buffer.data;
  if (!data) return;
  if (!mask && dst.shape.length === 2 && dst.buffer.dtype.name === "float32" && data instanceof Float32Array) {
    // Fast path: fp32 PSUM tile, 2-D, unmasked — add or store rows in place (Float32Array rounds).
    const [M, N] = dst.shape;
    const [sm, sn] = dst.strides;
    for (let i = 0; i < M; i++) {
      const base = dst.offset + i * sm;
      const row = i * N;
      if (accumulate) for (let n = 0; n < N; n++) data[base + n * sn] += out[row + n];
      else if (sn === 1) data.set(out.subarray(row, row + N), base);
      else for (let n = 0; n < N; n++) data[base + n * sn] = out[row + n];
    }
    return;
  }
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
    requireMemory(m, data, SBUF_ONLY, "data", instr);
    requireMemory(m, dst, PSUM_ONLY, "the result", instr);
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
