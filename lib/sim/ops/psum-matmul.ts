/**
 * nc_matmul's arithmetic on a float32 PSUM tile in one WebAssembly SIMD pass (psum-matmul.wat): the
 * stationary operand is read as stored and the tile is updated in place, instead of transposing the
 * stationary, multiplying into a fresh array and adding that into PSUM element by element. Results are
 * bit-identical to that path (each element: float32 products summed in k order from +0, then added to
 * the tile, or to 0 when overwriting) for contractions up to the shared kernel's 384-deep block.
 */

import type { View } from "../memory/tensor";
import { PSUM_MATMUL_WASM_BASE64 } from "./psum-matmul.wasm.generated";

interface PsumMatmulExports {
  memory: WebAssembly.Memory;
  matmul(s: number, b: number, c: number, k: number, mp: number, np: number, work: number): void;
}

/** Deepest contraction summed exactly like lib/numpy/kernels' matmul (one of its KC blocks). */
export const PSUM_MATMUL_MAX_K = 384;

const PAGE = 65536;
let instance: PsumMatmulExports | null | undefined;

function kernel(): PsumMatmulExports | null {
  if (instance === undefined) {
    try {
      const bytes = Uint8Array.from(atob(PSUM_MATMUL_WASM_BASE64), (c) => c.charCodeAt(0));
      instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports as unknown as PsumMatmulExports;
    } catch {
      instance = null; // no WebAssembly SIMD: the caller takes the general path
    }
  }
  return instance;
}

/** Copies n elements of `src` from `start`, `stride` apart, to `out` at `at`. */
function copyIn(src: Float32Array, start: number, stride: number, n: number, out: Float32Array, at: number): void {
  if (stride === 1) out.set(src.subarray(start, start + n), at);
  else for (let j = 0; j < n; j++) out[at + j] = src[start + j * stride];
}

/**
 * Copies `rows` rows of `n` elements (rows `rowStride` apart in `src`, elements `stride` apart) to `out`
 * at `at`, rows `outStride` apart: one block copy when both sides are dense.
 */
function copyRows(src: Float32Array, start: number, rowStride: number, stride: number, rows: number, n: number, out: Float32Array, at: number, outStride: number): void {
  if (stride === 1 && rowStride === n && outStride === n) out.set(src.subarray(start, start + rows * n), at);
  else for (let r = 0; r < rows; r++) copyIn(src, start + r * rowStride, stride, n, out, at + r * outStride);
}

/**
 * dst[M, N] = (accumulate ? dst : 0) + stationary[K, M]ᵀ · moving[K, N], float32. Returns false, having
 * written nothing, unless all three are 2-D views onto float32-held storage, dst is a float32 tile,
 * 0 < K ≤ PSUM_MATMUL_MAX_K and WebAssembly SIMD is available.
 */
export function matmulIntoPsum(dst: View, stationary: View, moving: View, accumulate: boolean): boolean {
  const d = dst.buffer.data;
  const s = stationary.buffer.data;
  const b = moving.buffer.data;
  if (!(d instanceof Float32Array) || !(s instanceof Float32Array) || !(b instanceof Float32Array)) return false;
  if (dst.buffer.dtype.name !== "float32" || dst.shape.length !== 2 || stationary.shape.length !== 2 || moving.shape.length !== 2) return false;
  const [K, M] = stationary.shape;
  const N = moving.shape[1];
  if (K === 0 || K > PSUM_MATMUL_MAX_K || moving.shape[0] !== K || dst.shape[0] !== M || dst.shape[1] !== N) return false;
  const ex = kernel();
  if (!ex) return false;
  if (M === 0 || N === 0) return true;
  const Mp = (M + 3) & ~3;
  const Np = (N + 7) & ~7;
  const sAt = 0;
  const bAt = K * Mp;
  const cAt = bAt + K * Np;
  const workAt = cAt + Mp * Np;
  const need = 4 * (workAt + K * (Mp + Np));
  const have = ex.memory.buffer.byteLength;
  if (need > have) ex.memory.grow(Math.ceil((need - have) / PAGE));
  const heap = new Float32Array(ex.memory.buffer);
  if (Mp !== M) heap.fill(0, sAt, bAt);
  if (Np !== N) heap.fill(0, bAt, cAt);
  if (!accumulate || Mp !== M || Np !== N) heap.fill(0, cAt, cAt + Mp * Np);
  const [ssk, ssm] = stationary.strides;
  const [bsk, bsn] = moving.strides;
  const [dsm, dsn] = dst.strides;
  copyRows(s, stationary.offset, ssk, ssm, K, M, heap, sAt, Mp);
  copyRows(b, moving.offset, bsk, bsn, K, N, heap, bAt, Np);
  if (accumulate) copyRows(d, dst.offset, dsm, dsn, M, N, heap, cAt, Np);
  ex.matmul(4 * sAt, 4 * bAt, 4 * cAt, K, Mp, Np, 4 * workAt);
  if (dsn === 1 && dsm === N && Np === N) {
    d.set(heap.subarray(cAt, cAt + M * N), dst.offset);
    return true;
  }
  for (let i = 0; i < M; i++) {
    const row = cAt + i * Np;
    const base = dst.offset + i * dsm;
    if (dsn === 1) d.set(heap.subarray(row, row + N), base);
    else for (let j = 0; j < N; j++) d[base + j * dsn] = heap[row + j];
  }
  return true;
}
