/**
 * float32 matrix multiply for the numpy core (and, with bf16-rounded inputs held in Float32Array, the
 * simulator's bf16-in/fp32-accumulate matmul: the kernel is the same).
 *
 * The fast path is the WebAssembly SIMD kernel in matmul-f32.wat, instantiated synchronously once and
 * reused; its linear memory grows to fit the operands. Each output element is a float32 sum of float32
 * products, accumulated in k order within KC-sized blocks whose partial sums are then added in order
 * (numpy/OpenBLAS sum in a different order, so results agree to float32 rounding, not bit-for-bit).
 * Without WebAssembly SIMD, or past wasm32's address space, a blocked plain-TypeScript loop is used.
 */
import { MATMUL_F32_WASM_BASE64 } from "./matmul-f32.wasm.generated";

interface MatmulExports {
  memory: WebAssembly.Memory;
  matmul(a: number, b: number, c: number, m: number, k: number, n: number, work: number): void;
  workBytes(): number;
}

const PAGE = 65536;
/** Stay well inside wasm32's 4 GiB so byte offsets never overflow an i32 in the kernel. */
const MAX_WASM_BYTES = 2 ** 31 - PAGE;

let kernel: MatmulExports | null | undefined;

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const bin = atob(text);
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function loadKernel(): MatmulExports | null {
  if (kernel !== undefined) return kernel;
  try {
    const module = new WebAssembly.Module(decodeBase64(MATMUL_F32_WASM_BASE64));
    kernel = new WebAssembly.Instance(module, {}).exports as unknown as MatmulExports;
  } catch {
    kernel = null; // no WebAssembly, or no SIMD support
  }
  return kernel;
}

/** True when the WebAssembly SIMD kernel is available in this runtime. */
export function hasWasmMatmul(): boolean {
  return loadKernel() !== null;
}

function align16(x: number): number {
  return (x + 15) & ~15;
}

function matmulWasm(ex: MatmulExports, a: Float32Array, b: Float32Array, m: number, k: number, n: number, out: Float32Array): boolean {
  const aOff = 0;
  const bOff = align16(aOff + 4 * m * k);
  const cOff = align16(bOff + 4 * k * n);
  const work = align16(cOff + 4 * m * n);
  const need = work + ex.workBytes();
  if (need > MAX_WASM_BYTES) return false;
  const have = ex.memory.buffer.byteLength;
  if (need > have) ex.memory.grow(Math.ceil((need - have) / PAGE));
  const heap = new Float32Array(ex.memory.buffer);
  heap.set(a.subarray(0, m * k), aOff / 4);
  heap.set(b.subarray(0, k * n), bOff / 4);
  heap.fill(0, cOff / 4, cOff / 4 + m * n);
  ex.matmul(aOff, bOff, cOff, m, k, n, work);
  out.set(heap.subarray(cOff / 4, cOff / 4 + m * n));
  return true;
}

/** Plain-TS fallback (and test oracle): i-k-j order, every product and sum rounded to float32. */
export function matmulF32Reference(a: Float32Array, b: Float32Array, m: number, k: number, n: number, out: Float32Array): void {
  out.fill(0, 0, m * n);
  for (let i = 0; i < m; i++) {
    const row = i * n;
    for (let p = 0; p < k; p++) {
      const av = a[i * k + p];
      const brow = p * n;
      for (let j = 0; j < n; j++) out[row + j] = Math.fround(out[row + j] + Math.fround(av * b[brow + j]));
    }
  }
}

/**
 * C = A @ B for row-major contiguous float32 A (m x k) and B (k x n); returns C (m x n), written into
 * `out` when given.
 */
export function matmulF32(a: Float32Array, b: Float32Array, m: number, k: number, n: number, out?: Float32Array): Float32Array {
  if (a.length < m * k || b.length < k * n) throw new RangeError("matmulF32: operand smaller than its shape");
  const c = out ?? new Float32Array(m * n);
  if (c.length < m * n) throw new RangeError("matmulF32: output smaller than m * n");
  if (m === 0 || n === 0) return c;
  const ex = loadKernel();
  if (ex === null || !matmulWasm(ex, a, b, m, k, n, c)) matmulF32Reference(a, b, m, k, n, c);
  return c;
}
