/**
 * The one instance of the elementwise SIMD module (elementwise.wat) and the layout of its memory:
 *
 *     [0, STAGING_BYTES)                  staging: operands of arrays that live in the JS heap are
 *                                         copied here a chunk at a time (elementwise.ts)
 *     [HEAP_START, HEAP_START+HEAP_BYTES) resident arrays: ndarray storage the loops read and write
 *                                         in place (heap.ts)
 *     SLACK_BYTES                         room for the unrolled loops' last vector step past an end
 *
 * The memory is grown to its full size once, when the module is instantiated, and never again:
 * growing a WebAssembly memory detaches its ArrayBuffer, which would empty every typed array that
 * resident ndarrays hold. Growing only maps address space; pages take physical memory when first
 * written.
 */
import { ELEMENTWISE_WASM_BASE64 } from "./elementwise.wasm.generated";

/** Binary loops; the `_checked` add/sub/mul/div return 1 when a result was NaN or infinite (0 otherwise). */
export type Kernel = (a: number, b: number, out: number, n: number) => number;
export type UnaryKernel = (a: number, out: number, n: number) => void;
export type WhereKernel = (c: number, a: number, b: number, out: number, n: number) => void;
export type RowsKernel = (p: number, rows: number, cols: number, out: number) => void;
export type Reduction = (p: number, n: number) => number;
/** `nonfinite_f32/f64`: 1 when any of n results from p is NaN or infinite. */
export type Scan = (p: number, n: number) => number;
export interface Exports {
  readonly memory: WebAssembly.Memory;
  readonly [name: string]: WebAssembly.Memory | Kernel | UnaryKernel | WhereKernel | RowsKernel | Reduction;
}

const PAGE = 65536;
export const STAGING_BYTES = 64 * 1024 * 1024;
export const HEAP_START = STAGING_BYTES;
/** Room for resident arrays; past it new arrays live in the JS heap (and are staged). */
export const HEAP_BYTES = 256 * 1024 * 1024;
/** Bytes past an operand or result that the unrolled loops (exp_f32, tanh_f32) may touch. */
export const SLACK_BYTES = 64;

let instance: Exports | null | undefined;

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const bin = atob(text);
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The instance with its memory at full size, or null (no WebAssembly SIMD, or no address space for the memory). */
export function kernelInstance(): Exports | null {
  if (instance === undefined) {
    try {
      const module = new WebAssembly.Module(decodeBase64(ELEMENTWISE_WASM_BASE64));
      // tanh_f32 calls Math.tanh for the rare lanes its double approximation cannot round with certainty.
      const ex = new WebAssembly.Instance(module, { js: { tanh: Math.tanh } }).exports as unknown as Exports;
      const want = Math.ceil((HEAP_START + HEAP_BYTES + SLACK_BYTES) / PAGE);
      ex.memory.grow(want - ex.memory.buffer.byteLength / PAGE);
      instance = ex;
    } catch {
      instance = null; // no WebAssembly, no SIMD support, or the memory cannot be mapped
    }
  }
  return instance;
}
