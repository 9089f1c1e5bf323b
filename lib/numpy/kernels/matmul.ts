/**
 * float32 matrix multiply for the numpy core (and, with bf16-rounded inputs held in Float32Array, the
 * simulator's bf16-in/fp32-accumulate matmul: the kernel is the same).
 *
 * The fast path is the WebAssembly SIMD kernel in matmul-f32.wat, compiled synchronously once; one
 * shared instance, whose linear memory grows to fit, serves every multiply up to SHARED_LIMIT bytes. Each output element is a float32 sum of float32
 * products, accumulated in k order within KC-sized blocks whose partial sums are then added in order
 * (numpy/OpenBLAS sum in a different order, so results agree to float32 rounding, not bit-for-bit).
 * Without WebAssembly SIMD, or past wasm32's address space, a plain-TypeScript loop is used.
 *
 * Long multiplies can be interrupted: `onProgress` is called every few hundred thousand multiply-adds
 * (before each packed block in the kernel, each row in the fallback), and an exception it throws
 * unwinds the multiply. Problems needing more than SHARED_LIMIT bytes run in a one-off instance so
 * the shared one never keeps a huge memory alive.
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
const SHARED_LIMIT = 64 * 1024 * 1024;

let compiled: WebAssembly.Module | null | undefined;
let shared: MatmulExports | null | undefined;
/** The callback of the multiply in progress (the kernel's `env.tick` import calls it). */
let currentTick: (() => void) | undefined;
const imports = { env: { tick: (): void => currentTick?.() } };

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const bin = atob(text);
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function compiledKernel(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(decodeBase64(MATMUL_F32_WASM_BASE64));
    } catch {
      compiled = null; // no WebAssembly, or no SIMD support
    }
  }
  return compiled;
}

function instantiate(module: WebAssembly.Module): MatmulExports {
  return new WebAssembly.Instance(module, imports).exports as unknown as MatmulExports;
}

/** True when the WebAssembly SIMD kernel is available in this runtime. */
export function hasWasmMatmul(): boolean {
  return compiledKernel() !== null;
}

function align16(x: number): number {
  return (x + 15) & ~15;
}

function matmulWasm(module: WebAssembly.Module, a: Float32Array, b: Float32Array, m: number, k: number, n: number, out: Float32Array): boolean {
  const aOff = 0;
  const bOff = align16(aOff + 4 * m * k);
  const cOff = align16(bOff + 4 * k * n);
  const work = align16(cOff + 4 * m * n);
  // workBytes is a constant of the compiled kernel; ask any instance (the shared one is created lazily).
  shared ??= instantiate(module);
  const need = work + shared.workBytes();
  if (need > MAX_WASM_BYTES) return false;
  const ex = need > SHARED_LIMIT ? instantiate(module) : shared;
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
export function matmulF32Reference(
  a: Float32Array,
  b: Float32Array,
  m: number,
  k: number,
  n: number,
  out: Float32Array,
  onProgress?: () => void,
): void {
  out.fill(0, 0, m * n);
  for (let i = 0; i < m; i++) {
    onProgress?.();
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
 * `out` when given. `onProgress` (see above) may throw to abandon the multiply.
 */
export function matmulF32(
  a: Float32Array,
  b: Float32Array,
  m: number,
  k: number,
  n: number,
  out?: Float32Array,
  onProgress?: () => void,
): Float32Array {
  if (a.length < m * k || b.length < k * n) throw new RangeError("matmulF32: operand smaller than its shape");
  const c = out ?? new Float32Array(m * n);
  if (c.length < m * n) throw new RangeError("matmulF32: output smaller than m * n");
  if (m === 0 || n === 0) return c;
  const module = compiledKernel();
  const previous = currentTick;
  currentTick = onProgress;
  try {
    if (module === null || !matmulWasm(module, a, b, m, k, n, c)) matmulF32Reference(a, b, m, k, n, c, onProgress);
  } finally {
    currentTick = previous;
  }
  return c;
}
