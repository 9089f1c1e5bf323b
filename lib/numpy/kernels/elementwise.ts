/**
 * WebAssembly SIMD loops for numpy's float32/float64 binary ufuncs on dense (or one broadcast scalar)
 * operands — the hot case of student host code (`a + b`, `a * 2.0`, `np.maximum(a, 0)`, `a > b`).
 *
 * Operands are copied into one shared instance's memory (a memcpy, a fraction of the loop's cost),
 * the SIMD loop runs there, and the result is copied out into a fresh typed array. The loops compute
 * exactly what ufuncs.ts's JavaScript expressions compute (see gen/elementwise.wat.gen.py), so
 * callers may use either path; `null` means "not handled here, use the JavaScript loop".
 */
import { ELEMENTWISE_WASM_BASE64 } from "./elementwise.wasm.generated";

export type WasmFloat = "f32" | "f64";
export type WasmUnaryOp = "sqrt" | "abs" | "neg" | "square" | "exp" | "tanh";
/** Unary loops that exist for float32 only (numpy's float32 exp, Math.tanh rounded to float32). */
const F32_ONLY: ReadonlySet<WasmUnaryOp> = new Set(["exp", "tanh"]);
export type WasmBinaryOp = "add" | "sub" | "mul" | "div" | "max" | "min" | "eq" | "ne" | "lt" | "le" | "gt" | "ge";
/** How an operand is read: every element from its start offset, or its one element broadcast. */
export type WasmAccess = "dense" | "scalar";

const COMPARISONS: ReadonlySet<WasmBinaryOp> = new Set(["eq", "ne", "lt", "le", "gt", "ge"]);

type Kernel = (a: number, b: number, out: number, n: number) => void;
type UnaryKernel = (a: number, out: number, n: number) => void;
type WhereKernel = (c: number, a: number, b: number, out: number, n: number) => void;
type RowsKernel = (p: number, rows: number, cols: number, out: number) => void;
type Reduction = (p: number, n: number) => number;
interface Exports {
  readonly memory: WebAssembly.Memory;
  readonly [name: string]: WebAssembly.Memory | Kernel | UnaryKernel | WhereKernel | RowsKernel | Reduction;
}

const PAGE = 65536;
/** The shared memory never shrinks; bigger problems take the JavaScript loop instead. */
const MEMORY_LIMIT = 64 * 1024 * 1024;
/** Below this many elements the call and copies cost more than the JavaScript loop. */
const MIN_ELEMENTS = 256;
/** Reductions: the JavaScript pairwise sum is already quick on short runs (rows of a 2-D sum). */
const MIN_REDUCE_ELEMENTS = 512;

let instance: Exports | null | undefined;

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const bin = atob(text);
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function kernels(): Exports | null {
  if (instance === undefined) {
    try {
      const module = new WebAssembly.Module(decodeBase64(ELEMENTWISE_WASM_BASE64));
      // tanh_f32 calls Math.tanh for the rare lanes its double approximation cannot round with certainty.
      instance = new WebAssembly.Instance(module, { js: { tanh: Math.tanh } }).exports as unknown as Exports;
    } catch {
      instance = null; // no WebAssembly, or no SIMD support
    }
  }
  return instance;
}

/** Bytes past the output that exp_f32/tanh_f32 may write (gen/elementwise.wat.gen.py's UNROLL vectors a step). */
const UNROLLED_SLACK = 64;

const align16 = (x: number): number => (x + 15) & ~15;

/**
 * Copies n elements of `data` from `start` to offset 0 of the kernels' memory (which is made at
 * least `need` bytes long), or returns null.
 */
function stage(data: Float32Array | Float64Array, start: number, n: number, need = n * data.BYTES_PER_ELEMENT): Exports | null {
  if (n < MIN_REDUCE_ELEMENTS || need > MEMORY_LIMIT) return null;
  const ex = kernels();
  if (ex === null) return null;
  const have = ex.memory.buffer.byteLength;
  if (need > have) ex.memory.grow(Math.ceil((need - have) / PAGE));
  const Heap = data instanceof Float32Array ? Float32Array : Float64Array;
  new Heap(ex.memory.buffer, 0, n).set(data.subarray(start, start + n));
  return ex;
}

/**
 * How an operand of a rows x cols result is read, row by row: the whole result's elements
 * ("full"), one row repeated ("row", shape (cols,)), one value per row ("col", shape (rows, 1)),
 * or one value ("scalar").
 */
export type WasmRowAccess = "full" | "row" | "col" | "scalar";

/**
 * a <op> b for a rows x cols result where an operand is broadcast along rows or columns (`x - m`
 * with m = x.max(axis=1, keepdims=True), `x + bias`): both operands are staged once and the dense
 * kernel runs per row. Null when not handled (same conditions as binaryFloatWasm).
 */
export function binaryRowsFloatWasm(
  op: WasmBinaryOp,
  type: WasmFloat,
  a: Float32Array | Float64Array,
  a0: number,
  accessA: WasmRowAccess,
  b: Float32Array | Float64Array,
  b0: number,
  accessB: WasmRowAccess,
  rows: number,
  cols: number,
): Float32Array | Float64Array | Uint8Array | null {
  const n = rows * cols;
  const perRowScalar = (x: WasmRowAccess): boolean => x === "col" || x === "scalar";
  if (n < MIN_ELEMENTS || (perRowScalar(accessA) && perRowScalar(accessB))) return null;
  const compare = COMPARISONS.has(op);
  if (compare && type !== "f32") return null;
  const ex = kernels();
  if (ex === null) return null;
  const size = type === "f32" ? 4 : 8;
  const length = (x: WasmRowAccess): number => (x === "full" ? n : x === "row" ? cols : x === "col" ? rows : 1);
  const aLen = length(accessA);
  const bLen = length(accessB);
  const aOff = 0;
  const bOff = align16(aOff + aLen * size);
  const outOff = align16(bOff + bLen * size);
  const outSize = compare ? 1 : size;
  const need = align16(outOff + n * outSize);
  if (need > MEMORY_LIMIT) return null;
  const have = ex.memory.buffer.byteLength;
  if (need > have) ex.memory.grow(Math.ceil((need - have) / PAGE));
  const buffer = ex.memory.buffer;
  const Heap = type === "f32" ? Float32Array : Float64Array;
  new Heap(buffer, aOff, aLen).set(a.subarray(a0, a0 + aLen));
  new Heap(buffer, bOff, bLen).set(b.subarray(b0, b0 + bLen));
  const mode = perRowScalar(accessA) ? "sv" : perRowScalar(accessB) ? "vs" : "vv";
  const kernel = ex[`${op}_${type}_${mode}`] as Kernel;
  // Byte step per row of each operand: full rows advance a row, columns one element, others stay.
  const step = (x: WasmRowAccess): number => (x === "full" ? cols * size : x === "col" ? size : 0);
  const sa = step(accessA);
  const sb = step(accessB);
  for (let r = 0; r < rows; r++) kernel(aOff + r * sa, bOff + r * sb, outOff + r * cols * outSize, cols);
  return compare ? new Uint8Array(buffer, outOff, n).slice() : new Heap(buffer, outOff, n).slice();
}

/**
 * np.where(cond, a, b) for n elements: `cond` dense bytes (numpy bool) from c0, a/b of one float
 * type, each dense from its offset or a single broadcast value. Returns the result or null.
 */
export function whereFloatWasm(
  cond: Uint8Array,
  c0: number,
  a: Float32Array | Float64Array,
  a0: number,
  accessA: WasmAccess,
  b: Float32Array | Float64Array,
  b0: number,
  accessB: WasmAccess,
  n: number,
): Float32Array | Float64Array | null {
  if (n < MIN_ELEMENTS || a.BYTES_PER_ELEMENT !== b.BYTES_PER_ELEMENT) return null;
  const ex = kernels();
  if (ex === null) return null;
  const size = a.BYTES_PER_ELEMENT;
  const aLen = accessA === "dense" ? n : 1;
  const bLen = accessB === "dense" ? n : 1;
  const aOff = align16(n);
  const bOff = align16(aOff + aLen * size);
  const outOff = align16(bOff + bLen * size);
  const need = align16(outOff + n * size);
  if (need > MEMORY_LIMIT) return null;
  const have = ex.memory.buffer.byteLength;
  if (need > have) ex.memory.grow(Math.ceil((need - have) / PAGE));
  const buffer = ex.memory.buffer;
  const Heap = size === 4 ? Float32Array : Float64Array;
  new Uint8Array(buffer, 0, n).set(cond.subarray(c0, c0 + n));
  new Heap(buffer, aOff, aLen).set(a.subarray(a0, a0 + aLen));
  new Heap(buffer, bOff, bLen).set(b.subarray(b0, b0 + bLen));
  const mode = `${accessA === "dense" ? "v" : "s"}${accessB === "dense" ? "v" : "s"}`;
  (ex[`where_${size === 4 ? "f32" : "f64"}_${mode}`] as WhereKernel)(0, aOff, bOff, outOff, n);
  return new Heap(buffer, outOff, n).slice();
}

/**
 * out = op(a) over n dense elements from a0 (Float32Array/Float64Array like `a`), or null (also for
 * exp and tanh of float64). exp is npy-math.ts's expF32 and tanh is Math.fround(Math.tanh(x)), bit for bit.
 */
export function unaryFloatWasm(op: WasmUnaryOp, a: Float32Array | Float64Array, a0: number, n: number): Float32Array | Float64Array | null {
  if (n < MIN_ELEMENTS || 2 * n * a.BYTES_PER_ELEMENT + 16 + UNROLLED_SLACK > MEMORY_LIMIT) return null;
  if (F32_ONLY.has(op) && !(a instanceof Float32Array)) return null;
  const ex = kernels();
  if (ex === null) return null;
  const size = a.BYTES_PER_ELEMENT;
  const outOff = align16(n * size);
  // exp/tanh process four vectors a step: the last step may read and write up to 60 bytes past n
  // elements (reads past the input land in the output region; writes need this slack).
  const need = outOff + n * size + UNROLLED_SLACK;
  const have = ex.memory.buffer.byteLength;
  if (need > have) ex.memory.grow(Math.ceil((need - have) / PAGE));
  const Heap = a instanceof Float32Array ? Float32Array : Float64Array;
  new Heap(ex.memory.buffer, 0, n).set(a.subarray(a0, a0 + n));
  (ex[`${op}_${size === 4 ? "f32" : "f64"}`] as UnaryKernel)(0, outOff, n);
  return new Heap(ex.memory.buffer, outOff, n).slice();
}

/**
 * numpy's float32 pairwise sum of d[start .. start+n) (the same order and float32 rounding as
 * reductions.ts's pairwise32), or null when not handled here.
 */
export function pairwiseSumF32Wasm(d: Float32Array, start: number, n: number): number | null {
  const ex = stage(d, start, n);
  return ex === null ? null : (ex.pairwise_sum_f32 as Reduction)(0, n);
}

/**
 * Column sums of a rows x cols C-contiguous float32 block at d[start ..]: rows added elementwise in
 * order in float32 from +0 (numpy's axis-0 order), or null when not handled here.
 */
export function sumRowsF32Wasm(d: Float32Array, start: number, rows: number, cols: number): Float32Array | null {
  const n = rows * cols;
  if (n < MIN_REDUCE_ELEMENTS || cols < 4) return null;
  const outOff = align16(4 * n);
  const ex = stage(d, start, n, outOff + 4 * cols);
  if (ex === null) return null;
  (ex.sum_rows_f32 as RowsKernel)(0, rows, cols, outOff);
  return new Float32Array(ex.memory.buffer, outOff, cols).slice();
}

/**
 * Bytes of an operand staged at a time by extremumWasm: copying cache-sized pieces and reducing each
 * while it is still in cache reads memory once instead of three times (copy out, copy in, reduce).
 */
const CHUNK_BYTES = 64 * 1024;

/** Math.max / Math.min over d[start .. start+n) (NaN propagates, +0 beats -0), or null. */
export function extremumWasm(d: Float32Array | Float64Array, start: number, n: number, isMax: boolean): number | null {
  if (n < MIN_REDUCE_ELEMENTS) return null;
  const ex = kernels();
  if (ex === null) return null;
  if (ex.memory.buffer.byteLength < CHUNK_BYTES) ex.memory.grow(CHUNK_BYTES / PAGE);
  const f32 = d instanceof Float32Array;
  const chunk = CHUNK_BYTES / d.BYTES_PER_ELEMENT;
  const heap = f32 ? new Float32Array(ex.memory.buffer, 0, chunk) : new Float64Array(ex.memory.buffer, 0, chunk);
  const name = `${isMax ? "max" : "min"}_%_${f32 ? "f32" : "f64"}`;
  const fast = ex[name.replace("%", "fast")] as Reduction;
  const exact = ex[name.replace("%", "reduce")] as Reduction;
  let r = 0;
  for (let s = 0; s < n; s += chunk) {
    const m = Math.min(chunk, n - s);
    heap.set(d.subarray(start + s, start + s + m));
    let part = fast(0, m);
    // The fast loop may return either zero when both signs occur; the exact one orders -0 < +0.
    if (part === 0) part = exact(0, m);
    if (part !== part) return part;
    r = s === 0 ? part : isMax ? Math.max(r, part) : Math.min(r, part);
  }
  return r;
}

/**
 * out = a <op> b over n elements of float type `type`; `a0`/`b0` are element offsets into the
 * operands' storage. Returns the result (Float32Array/Float64Array, or Uint8Array of 0/1 for
 * comparisons), or null when the case is not handled (too small, too large, no SIMD, no such loop).
 */
export function binaryFloatWasm(
  op: WasmBinaryOp,
  type: WasmFloat,
  a: Float32Array | Float64Array,
  a0: number,
  accessA: WasmAccess,
  b: Float32Array | Float64Array,
  b0: number,
  accessB: WasmAccess,
  n: number,
): Float32Array | Float64Array | Uint8Array | null {
  if (n < MIN_ELEMENTS || (accessA === "scalar" && accessB === "scalar")) return null;
  const compare = COMPARISONS.has(op);
  if (compare && type !== "f32") return null;
  const ex = kernels();
  if (ex === null) return null;
  const size = type === "f32" ? 4 : 8;
  const aLen = accessA === "dense" ? n : 1;
  const bLen = accessB === "dense" ? n : 1;
  const aOff = 0;
  const bOff = align16(aOff + aLen * size);
  const outOff = align16(bOff + bLen * size);
  const need = align16(outOff + n * (compare ? 1 : size));
  if (need > MEMORY_LIMIT) return null;
  const have = ex.memory.buffer.byteLength;
  if (need > have) ex.memory.grow(Math.ceil((need - have) / PAGE));
  const buffer = ex.memory.buffer;
  const Heap = type === "f32" ? Float32Array : Float64Array;
  new Heap(buffer, aOff, aLen).set(a.subarray(a0, a0 + aLen));
  new Heap(buffer, bOff, bLen).set(b.subarray(b0, b0 + bLen));
  const mode = accessA === "scalar" ? "sv" : accessB === "scalar" ? "vs" : "vv";
  (ex[`${op}_${type}_${mode}`] as Kernel)(aOff, bOff, outOff, n);
  return compare ? new Uint8Array(buffer, outOff, n).slice() : new Heap(buffer, outOff, n).slice();
}
