/**
 * The one instance of the elementwise SIMD module (elementwise.wat) and the layout of its memory:
 *
 *     [0, STAGING_BYTES)                  staging: operands of arrays that live in the JS heap are
 *                                         copied here a chunk at a time (elementwise.ts)
 *     [HEAP_START, HEAP_START+HEAP_BYTES) resident arrays: ndarray storage the loops read and write
 *                                         in place (heap.ts)
 *     SLACK_BYTES                         room for the unrolled loops' last vector step past an end
 *     TABLES_START: TANH_F32_TABLE        numpy's float32 tanh coefficients (the tanh loops' `table`)
 *
 * The memory is grown to its full size once, when the module is instantiated, and never again:
 * growing a WebAssembly memory detaches its ArrayBuffer, which would empty every typed array that
 * resident ndarrays hold. Growing only maps address space; pages take physical memory when first
 * written.
 */
import { ELEMENTWISE_FMA_WASM_BASE64 } from "./elementwise-fma.wasm.generated";
import { ELEMENTWISE_WASM_BASE64 } from "./elementwise.wasm.generated";
import { TANH_F32_TABLE } from "../npy-math";

/** Binary loops; the `_checked` add/sub/mul/div return 1 when a result was NaN or infinite (0 otherwise). */
export type Kernel = (a: number, b: number, out: number, n: number) => number;
export type UnaryKernel = (a: number, out: number, n: number) => void;
/**
 * `<op>_<type>_<mode>_checked_blocks(a, b, out, n, scratch)`: the checked loop a block at a time via
 * scratch (gen/elementwise.wat.gen.py); returns n, or the index of the first block not written to out.
 */
export type BlocksKernel = (a: number, b: number, out: number, n: number, scratch: number) => number;
/** tanh_f32(a, out, n, TABLES_START): a unary loop reading a coefficient table. */
export type TableKernel = (a: number, out: number, n: number, table: number) => void;
export type WhereKernel = (c: number, a: number, b: number, out: number, n: number) => void;
export type RowsKernel = (p: number, rows: number, cols: number, out: number) => void;
export type Reduction = (p: number, n: number) => number;
/** `nonfinite_f32/f64`: 1 when any of n results from p is NaN or infinite. */
export type Scan = (p: number, n: number) => number;
export interface Exports {
  readonly memory: WebAssembly.Memory;
  readonly [name: string]: WebAssembly.Memory | Kernel | UnaryKernel | TableKernel | WhereKernel | RowsKernel | Reduction;
}

const PAGE = 65536;
export const STAGING_BYTES = 64 * 1024 * 1024;
export const HEAP_START = STAGING_BYTES;
/** Room for resident arrays; past it new arrays live in the JS heap (and are staged). */
export const HEAP_BYTES = 256 * 1024 * 1024;
/** Bytes past an operand or result that the unrolled loops (exp_f32, tanh_f32) may touch. */
export const SLACK_BYTES = 64;
export const TABLES_START = HEAP_START + HEAP_BYTES + SLACK_BYTES;

/** elementwise-fma.wat: loops evaluated with fused multiply-adds, on the same memory. */
export interface FmaExports {
  readonly exp_f32: UnaryKernel;
  readonly tanh_f32: TableKernel;
}

let instance: Exports | null | undefined;
let fmaInstance: FmaExports | null | undefined;

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
      const ex = new WebAssembly.Instance(module).exports as unknown as Exports;
      const want = Math.ceil((TABLES_START + TANH_F32_TABLE.byteLength) / PAGE);
      ex.memory.grow(want - ex.memory.buffer.byteLength / PAGE);
      new Uint32Array(ex.memory.buffer, TABLES_START, TANH_F32_TABLE.length).set(TANH_F32_TABLE);
      instance = ex;
    } catch {
      instance = null; // no WebAssembly, no SIMD support, or the memory cannot be mapped
    }
  }
  return instance;
}

/** The operands of elementwise-fma.wat's probe: fused, a*b + c is 2^-26; rounded first, 0. */
const PROBE = [1 + 2 ** -13, 1 + 2 ** -13, -(1 + 2 ** -12)] as const;

/**
 * The fused multiply-add loops (elementwise-fma.wat) on the kernels' memory, or null where they
 * would not equal numpy's: relaxed SIMD not enabled in this runtime (the module does not compile;
 * hosts enable it, see lib/kernel/wasm-features.ts), or its multiply-add not fused on this hardware.
 */
export function fmaKernels(): FmaExports | null {
  if (fmaInstance === undefined) {
    fmaInstance = null;
    const main = kernelInstance();
    const bytes = decodeBase64(ELEMENTWISE_FMA_WASM_BASE64);
    if (main !== null && WebAssembly.validate(bytes)) {
      const ex = new WebAssembly.Instance(new WebAssembly.Module(bytes), { js: { memory: main.memory } }).exports as unknown as FmaExports & {
        madd_probe: (a: number, b: number, c: number) => number;
      };
      if (ex.madd_probe(...PROBE) === 2 ** -26) fmaInstance = ex;
    }
  }
  return fmaInstance;
}
