/**
 * WebAssembly SIMD loops for numpy's float32/float64 binary ufuncs on dense (or one broadcast scalar)
 * operands — the hot case of student host code (`a + b`, `a * 2.0`, `np.maximum(a, 0)`, `a > b`).
 *
 * Resident operands and results (heap.ts: storage in the kernels' own memory) are read and written
 * in place. Others are copied into the staging region of that memory a cache-sized chunk at a time,
 * the SIMD loop runs on the chunk while it is in cache, and each chunk's result is copied out.
 * The loops compute exactly what ufuncs.ts's JavaScript expressions compute (see
 * gen/elementwise.wat.gen.py), so callers may use either path; `null` means "not handled here, use
 * the JavaScript loop".
 */
import { fpErrorsWanted, resultFlags } from "../fp-errors";
import { isResident } from "./heap";
import { overwrittenArray } from "./uninitialised";
import { type BlocksKernel, type Exports, type Kernel, type Reduction, type RowsKernel, type Scan, type TableKernel, type UnaryKernel, type WhereKernel, STAGING_BYTES, TABLES_START, fmaKernels, kernelInstance } from "./wasm-instance";

export type WasmFloat = "f32" | "f64";
export type WasmUnaryOp = "sqrt" | "abs" | "neg" | "square" | "exp" | "tanh";
/** Unary loops that exist for float32 only (numpy's float32 exp and tanh algorithms). */
const F32_ONLY: ReadonlySet<WasmUnaryOp> = new Set(["exp", "tanh"]);
export type WasmBinaryOp = "add" | "sub" | "mul" | "div" | "max" | "min" | "eq" | "ne" | "lt" | "le" | "gt" | "ge";
/** How an operand is read: every element from its start offset, or its one element broadcast. */
export type WasmAccess = "dense" | "scalar";

const COMPARISONS: ReadonlySet<WasmBinaryOp> = new Set(["eq", "ne", "lt", "le", "gt", "ge"]);
/** Loops whose float results can hold a NaN or infinity that finite operands did not (fp-errors.ts). */
const RAISING: ReadonlySet<WasmBinaryOp | WasmUnaryOp> = new Set(["add", "sub", "mul", "div", "sqrt", "square", "exp"]);

/**
 * numpy's floating-point error bits (fp-errors.ts) of RAISING loops' results since the last
 * takeFpFlags(): each staged chunk is scanned for NaN and infinity while it is in cache, and a chunk
 * holding one is classified from the staged operands (still intact, even when the result goes back
 * into an operand). Only while errors are being collected.
 */
let seenFlags = 0;

/** Reads and clears the bits above. */
export function takeFpFlags(): number {
  const flags = seenFlags;
  seenFlags = 0;
  return flags;
}

/**
 * How a loop's staged results are checked: by the loop's own return value (the binary arithmetic
 * loops report non-finite results as they store them) or a separate scan, and the ufunc the
 * classification follows.
 */
interface Check {
  readonly scan: Scan | null;
  readonly ufunc: string;
  readonly unary: boolean;
}

/** The check of a loop's results when its errors are wanted, else null. */
function resultCheck(ex: Exports, op: WasmBinaryOp | WasmUnaryOp, type: WasmFloat, unary: boolean): Check | null {
  if (!RAISING.has(op) || !fpErrorsWanted()) return null;
  return { scan: unary ? (ex[`nonfinite_${type}`] as Scan) : null, ufunc: op === "div" ? "true_divide" : op, unary };
}

/** Classifies m staged results: `x(j)`/`y(j)` give result j's operands. */
function classify(check: Check, result: Staged, at: number, m: number, x: (j: number) => number, y: (j: number) => number): void {
  for (let j = 0; j < m; j++) {
    const r = result[at + j];
    if (r - r !== 0) seenFlags |= resultFlags(r, x(j), check.unary ? 0 : y(j), check.ufunc, check.unary);
  }
}

/** Below this many elements the call and copies cost more than the JavaScript loop. */
const MIN_ELEMENTS = 256;
/** Reductions: the JavaScript pairwise sum is already quick on short runs (rows of a 2-D sum). */
const MIN_REDUCE_ELEMENTS = 512;

/**
 * Bytes of an operand the reductions stage at a time: copying cache-sized pieces and reducing each
 * while it is still in cache reads memory once instead of three times (copy out, copy in, reduce).
 */
const CHUNK_BYTES = 64 * 1024;

const align16 = (x: number): number => (x + 15) & ~15;

/** The kernels when `need` bytes of staging fit, or null (no SIMD, or a need past the staging region). */
function reserve(need: number): Exports | null {
  return need > STAGING_BYTES ? null : kernelInstance();
}

/**
 * The byte address in the kernels' memory of `count` elements of `d` from `from`: where they are,
 * for a resident array, else where they were just copied to (staging offset `at`).
 */
function addressOf(ex: Exports, d: Float32Array | Float64Array, from: number, count: number, at: number): number {
  if (isResident(d)) return d.byteOffset + from * d.BYTES_PER_ELEMENT;
  viewLike(d, ex.memory.buffer as ArrayBuffer, at, count).set(d.subarray(from, from + count));
  return at;
}

/** The address of n (>= MIN_REDUCE_ELEMENTS) elements of `data` from `start` in the kernels' memory (staged at 0 unless resident), or null. */
function stage(data: Float32Array | Float64Array, start: number, n: number): { ex: Exports; at: number } | null {
  if (n < MIN_REDUCE_ELEMENTS) return null;
  const ex = isResident(data) ? kernelInstance() : reserve(n * data.BYTES_PER_ELEMENT);
  return ex === null ? null : { ex, at: addressOf(ex, data, start, n, 0) };
}

// Fresh results of the loops below: every element is written (the chunks cover [0, n), the row
// loop every row), which is what overwrittenArray requires.
const freshLike = (a: Float32Array | Float64Array, n: number): Float32Array | Float64Array =>
  a instanceof Float32Array ? overwrittenArray(Float32Array, n) : overwrittenArray(Float64Array, n);

const freshResult = (compare: boolean, type: WasmFloat, n: number): Float32Array | Float64Array | Uint8Array =>
  compare ? overwrittenArray(Uint8Array, n) : type === "f32" ? overwrittenArray(Float32Array, n) : overwrittenArray(Float64Array, n);

/**
 * How an operand of a rows x cols result is read, row by row: the whole result's elements
 * ("full"), one row repeated ("row", shape (cols,)), one value per row ("col", shape (rows, 1)),
 * or one value ("scalar").
 */
export type WasmRowAccess = "full" | "row" | "col" | "scalar";

/**
 * a <op> b for a rows x cols result where an operand is broadcast along rows or columns (`x - m`
 * with m = x.max(axis=1, keepdims=True), `x + bias`): whole rows are read in place (resident arrays)
 * or staged a chunk at a time (broadcast rows and scalars once), and the dense kernel runs per row. Null when not handled (same
 * conditions as binaryFloatWasm). `into`/`into0` as for binaryFloatWasm; a "col" operand is staged
 * per chunk too, so it must not overlap `into` at all.
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
  into?: Float32Array | Float64Array | Uint8Array,
  into0 = 0,
): Float32Array | Float64Array | Uint8Array | null {
  const n = rows * cols;
  const perRowScalar = (x: WasmRowAccess): boolean => x === "col" || x === "scalar";
  if (n < MIN_ELEMENTS || (perRowScalar(accessA) && perRowScalar(accessB))) return null;
  const compare = COMPARISONS.has(op);
  if (compare && type !== "f32") return null;
  const size = type === "f32" ? 4 : 8;
  const per = Math.max(1, Math.min(rows, Math.floor(chunkElements(size) / cols)));
  // Staged elements of an operand per chunk of `per` rows.
  const length = (x: WasmRowAccess): number => (x === "full" ? per * cols : x === "row" ? cols : x === "col" ? per : 1);
  const aOff = 0;
  const bOff = align16(aOff + length(accessA) * size);
  const outOff = align16(bOff + length(accessB) * size);
  const ex = reserve(outOff + per * cols * (compare ? 1 : size));
  if (ex === null) return null;
  const buffer = ex.memory.buffer as ArrayBuffer;
  const heapA = viewLike(a, buffer, aOff, length(accessA));
  const heapB = viewLike(b, buffer, bOff, length(accessB));
  const out = into ?? freshResult(compare, type, n);
  const first = into === undefined ? 0 : into0;
  const outSize = out.BYTES_PER_ELEMENT;
  const mode = perRowScalar(accessA) ? "sv" : perRowScalar(accessB) ? "vs" : "vv";
  const check = resultCheck(ex, op, type, false);
  const kernel = ex[`${op}_${type}_${mode}${check === null ? "" : "_checked"}`] as Kernel;
  // Resident full operands and a resident result are used in place (as in `chunked`); broadcast
  // rows and scalars are staged once, the rest per chunk.
  const outInPlace = isResident(out);
  // A checked result over a resident full operand goes through overwriteRun rather than staging it.
  const overwrite = check !== null && overwritesResidentOperand([{ data: a, start: a0, dense: accessA === "full" }, { data: b, start: b0, dense: accessB === "full" }], out);
  const blocks = overwrite ? (ex[`${op}_${type}_${mode}_checked_blocks`] as BlocksKernel) : null;
  const inPlace = (x: WasmRowAccess, d: Staged): boolean => x === "full" && isResident(d) && !(check !== null && outInPlace && !overwrite && overlaps(d, out));
  const aInPlace = inPlace(accessA, a);
  const bInPlace = inPlace(accessB, b);
  const once = (x: WasmRowAccess): boolean => x === "row" || x === "scalar";
  if (once(accessA)) heapA.set(a.subarray(a0, a0 + length(accessA)));
  if (once(accessB)) heapB.set(b.subarray(b0, b0 + length(accessB)));
  // Byte step per row of each operand: full rows advance a row, columns one element, others stay.
  const step = (x: WasmRowAccess): number => (x === "full" ? cols * size : x === "col" ? size : 0);
  const sa = step(accessA);
  const sb = step(accessB);
  const perRow = (x: WasmRowAccess): number => (x === "full" ? cols : 1);
  for (let r0 = 0; r0 < rows; r0 += per) {
    const m = Math.min(per, rows - r0);
    if (!once(accessA) && !aInPlace) heapA.set(a.subarray(a0 + r0 * perRow(accessA), a0 + (r0 + m) * perRow(accessA)));
    if (!once(accessB) && !bInPlace) heapB.set(b.subarray(b0 + r0 * perRow(accessB), b0 + (r0 + m) * perRow(accessB)));
    const aAt = aInPlace ? a.byteOffset + (a0 + r0 * cols) * size : aOff;
    const bAt = bInPlace ? b.byteOffset + (b0 + r0 * cols) * size : bOff;
    const outAt = outInPlace ? out.byteOffset + (first + r0 * cols) * outSize : outOff;
    if (blocks !== null && check !== null) {
      // Each row is a run: full rows and a broadcast row advance along it, columns and scalars do not.
      const heap = heapLike(ex, a);
      const operand = (at: number, x: WasmRowAccess): Operand => ({ at, dense: x === "full" || x === "row" });
      for (let r = 0; r < m; r++) overwriteRun(heap, blocks, check, operand(aAt + r * sa, accessA), operand(bAt + r * sb, accessB), outAt + r * cols * outSize, cols, outOff);
      continue;
    }
    let seen = 0;
    for (let r = 0; r < m; r++) seen |= kernel(aAt + r * sa, bAt + r * sb, outAt + r * cols * outSize, cols);
    if (check !== null && seen !== 0) {
      // Element j of the chunk is row j / cols, column j % cols.
      const at = (x: WasmRowAccess, heap: Staged, base: number, j: number): number =>
        heap[base + (x === "full" ? j : x === "row" ? j % cols : x === "col" ? Math.floor(j / cols) : 0)];
      const ha = heapLike(ex, a);
      const hb = heapLike(ex, b);
      classify(check, heapLike(ex, out), outAt / outSize, m * cols, (j) => at(accessA, ha, aAt / size, j), (j) => at(accessB, hb, bAt / size, j));
    }
    if (!outInPlace) out.set(heapLike(ex, out).subarray(outOff / outSize, outOff / outSize + m * cols), first + r0 * cols);
  }
  return out;
}

/**
 * Bytes of each dense operand staged per kernel call: 32768 float32 or 16384 float64, so two
 * operands and the result (384-768 KiB) stay in the 1 MiB L2 while fewer, larger copies cost less
 * per call than 8192-element chunks did (1M float32 `a + b` into a reused output: 0.46 -> 0.43 ms).
 */
const STAGE_BYTES = 128 * 1024;
const chunkElements = (size: number): number => STAGE_BYTES / size;

type Staged = Float32Array | Float64Array | Uint8Array;
/** An operand of a chunked loop: read densely from `start`, or its element at `start` broadcast. */
interface Stream {
  readonly data: Staged;
  readonly start: number;
  readonly dense: boolean;
}

function viewLike<T extends Staged>(like: T, buffer: ArrayBuffer, offset: number, length: number): T {
  if (like instanceof Float32Array) return new Float32Array(buffer, offset, length) as T;
  return (like instanceof Float64Array ? new Float64Array(buffer, offset, length) : new Uint8Array(buffer, offset, length)) as T;
}

/** Views of the whole kernel memory by element type (it never grows, so they stay valid). */
interface Heaps {
  readonly f32: Float32Array;
  readonly f64: Float64Array;
  readonly u8: Uint8Array;
}
let heaps: Heaps | null = null;

/** A whole-memory view of `like`'s element type (one per memory, not three new views per call). */
function heapLike<T extends Staged>(ex: Exports, like: T): T {
  if (heaps === null) {
    const buffer = ex.memory.buffer as ArrayBuffer;
    heaps = { f32: new Float32Array(buffer), f64: new Float64Array(buffer), u8: new Uint8Array(buffer) };
  }
  return (like instanceof Float32Array ? heaps.f32 : like instanceof Float64Array ? heaps.f64 : heaps.u8) as T;
}

/** Whether two arrays' byte ranges in one buffer intersect. */
function overlaps(x: Staged, y: Staged): boolean {
  return x.buffer === y.buffer && x.byteOffset < y.byteOffset + y.byteLength && y.byteOffset < x.byteOffset + x.byteLength;
}

/**
 * Runs `call(operandAddresses, outAddress, m)` over n elements a chunk at a time. Resident dense
 * operands are read in place; others have their next m elements copied to staging first (broadcast
 * ones once). A resident `out` is written in place from `out0`; otherwise the m results land in
 * staging and are copied into `out`. Each chunk is read before its results are written, so `out`
 * may be a dense operand itself at the same position (in-place operators). When results are
 * checked, an operand that overlaps a resident `out` is staged, so the chunk's operands are still
 * there to classify after the results overwrite it. The staged output region has SLACK_BYTES (wasm-instance.ts) of
 * room past a chunk, and a resident `out` must have it too (a fresh resident array does).
 */
function chunked<T extends Staged>(
  ex: Exports,
  operands: readonly Stream[],
  n: number,
  out: T,
  out0: number,
  call: (addresses: readonly number[], outAddress: number, m: number) => number | void,
  check: Check | null = null,
): T {
  const outInPlace = isResident(out);
  const inPlace = operands.map((o) => o.dense && isResident(o.data) && !(check !== null && outInPlace && overlaps(o.data, out)));
  let widest = out.BYTES_PER_ELEMENT;
  for (const o of operands) widest = Math.max(widest, o.data.BYTES_PER_ELEMENT);
  const chunk = Math.min(chunkElements(widest), n);
  const offsets: number[] = [];
  let at = 0;
  for (let k = 0; k < operands.length; k++) {
    const o = operands[k];
    offsets.push(at);
    if (!inPlace[k]) at = align16(at + (o.dense ? chunk : 1) * o.data.BYTES_PER_ELEMENT);
  }
  const heapsIn = operands.map((o) => heapLike(ex, o.data));
  for (let k = 0; k < operands.length; k++) {
    const o = operands[k];
    if (!o.dense) heapsIn[k][offsets[k] / o.data.BYTES_PER_ELEMENT] = o.data[o.start];
  }
  const heapOut = heapLike(ex, out);
  const size = out.BYTES_PER_ELEMENT;
  const addresses = offsets.slice();
  for (let s = 0; s < n; s += chunk) {
    const m = Math.min(chunk, n - s);
    for (let k = 0; k < operands.length; k++) {
      const o = operands[k];
      if (!o.dense) continue;
      const from = o.start + s;
      const bytes = o.data.BYTES_PER_ELEMENT;
      if (inPlace[k]) addresses[k] = o.data.byteOffset + from * bytes;
      // A whole operand that fits one chunk is copied without a subarray view.
      else heapsIn[k].set(from === 0 && m === o.data.length ? o.data : o.data.subarray(from, from + m), offsets[k] / bytes);
    }
    const outAddress = outInPlace ? out.byteOffset + (out0 + s) * size : at;
    const seen = call(addresses, outAddress, m);
    if (check !== null && (check.scan === null ? seen : check.scan(outAddress, m)) !== 0) {
      const operand = (k: number) => {
        const base = addresses[k] / operands[k].data.BYTES_PER_ELEMENT;
        return operands[k].dense ? (j: number) => heapsIn[k][base + j] : () => heapsIn[k][base];
      };
      classify(check, heapOut, outAddress / size, m, operand(0), operands.length > 1 ? operand(1) : () => 0);
    }
    if (!outInPlace) out.set(heapOut.subarray(at / size, at / size + m), out0 + s);
  }
  return out;
}

/**
 * Elements per block of the _checked_blocks loops (gen/elementwise.wat.gen.py's
 * OVERWRITE_BLOCK_BYTES, which must equal this): the operands' and scratch's blocks stay in L1.
 */
const OVERWRITE_BLOCK_BYTES = 4096;

/** Whether `out` is resident and overwrites a dense operand, every dense operand being resident too. */
function overwritesResidentOperand(operands: readonly Stream[], out: Staged): boolean {
  if (!isResident(out)) return false;
  return operands.every((o) => !o.dense || isResident(o.data)) && operands.some((o) => o.dense && overlaps(o.data, out));
}

/** An operand of overwriteRun: its element address in the kernels' memory and whether it advances (else broadcast). */
interface Operand {
  readonly at: number;
  readonly dense: boolean;
}

/**
 * A checked binary loop over n elements whose results overwrite an operand (`c += b`, every address
 * in `heap`, the kernels' memory). The operands must stay intact until a non-finite result is classified
 * from them, so rather than staging the overwritten operand (copying all of it, out of cache), the
 * loop puts each L1-sized block of results in `scratch` and copies clean blocks to `out`; the rare
 * block holding a NaN or infinity comes back here to be classified, then copied.
 */
function overwriteRun(heap: Float32Array | Float64Array, blocks: BlocksKernel, check: Check, a: Operand, b: Operand, out: number, n: number, scratch: number): void {
  const size = heap.BYTES_PER_ELEMENT;
  const address = (x: Operand, from: number): number => x.at + (x.dense ? from * size : 0);
  const element = (x: Operand, from: number) => (j: number) => heap[address(x, x.dense ? from + j : 0) / size];
  const block = OVERWRITE_BLOCK_BYTES / size;
  for (let i = 0; i < n; ) {
    i += blocks(address(a, i), address(b, i), out + i * size, n - i, scratch);
    if (i >= n) break;
    const m = Math.min(block, n - i);
    classify(check, heap, scratch / size, m, element(a, i), element(b, i));
    heap.copyWithin((out + i * size) / size, scratch / size, scratch / size + m);
    i += m;
  }
}

/** overwriteRun for binaryFloatWasm's operands: broadcast scalars are staged, the scratch block after them. */
function overwriteChecked<T extends Float32Array | Float64Array>(ex: Exports, blocks: BlocksKernel, check: Check, operands: readonly [Stream, Stream], n: number, out: T, out0: number): T {
  const size = out.BYTES_PER_ELEMENT;
  const heap = heapLike(ex, out);
  const [a, b] = operands.map((o, k): Operand => {
    if (o.dense) return { at: o.data.byteOffset + o.start * size, dense: true };
    heap[(16 * k) / size] = o.data[o.start];
    return { at: 16 * k, dense: false };
  });
  overwriteRun(heap, blocks, check, a, b, out.byteOffset + out0 * size, n, 32);
  return out;
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
  const ex = kernelInstance();
  if (ex === null) return null;
  const kernel = ex[`where_${a instanceof Float32Array ? "f32" : "f64"}_${accessA === "dense" ? "v" : "s"}${accessB === "dense" ? "v" : "s"}`] as WhereKernel;
  const streams = [
    { data: cond, start: c0, dense: true },
    { data: a, start: a0, dense: accessA === "dense" },
    { data: b, start: b0, dense: accessB === "dense" },
  ];
  return chunked(ex, streams, n, freshLike(a, n), 0, ([c, x, y], out, m) => kernel(c, x, y, out, m));
}

/**
 * out = op(a) over n dense elements from a0 (Float32Array/Float64Array like `a`), or null (also for
 * exp and tanh of float64). exp and tanh are npy-math.ts's expF32 and tanhF32, bit for bit.
 */
export function unaryFloatWasm(op: WasmUnaryOp, a: Float32Array | Float64Array, a0: number, n: number): Float32Array | Float64Array | null {
  if (n < MIN_ELEMENTS || (F32_ONLY.has(op) && !(a instanceof Float32Array))) return null;
  const ex = kernelInstance();
  if (ex === null) return null;
  const type = a instanceof Float32Array ? "f32" : "f64";
  // With fused multiply-adds numpy's float32 exp and tanh run on four float32 lanes instead of two doubles.
  const fused = op === "exp" || op === "tanh" ? fmaKernels() : null;
  const tanh = fused?.tanh_f32 ?? (ex.tanh_f32 as TableKernel);
  const kernel: UnaryKernel = op === "tanh" ? (x, out, m) => tanh(x, out, m, TABLES_START) : (fused?.exp_f32 ?? (ex[`${op}_${type}`] as UnaryKernel));
  return chunked(ex, [{ data: a, start: a0, dense: true }], n, freshLike(a, n), 0, ([x], out, m) => kernel(x, out, m), resultCheck(ex, op, type, true));
}

/**
 * numpy's float32 pairwise sum of d[start .. start+n) (the same order and float32 rounding as
 * reductions.ts's pairwise32), or null when not handled here.
 */
export function pairwiseSumF32Wasm(d: Float32Array, start: number, n: number): number | null {
  const staged = stage(d, start, n);
  return staged === null ? null : (staged.ex.pairwise_sum_f32 as Reduction)(staged.at, n);
}

/**
 * Column sums of a rows x cols C-contiguous float32 block at d[start ..]: rows added elementwise in
 * order in float32 from +0 (numpy's axis-0 order), or null when not handled here. Rows are read in
 * place or staged a cache-sized chunk at a time, and added to sums kept in the kernels' memory.
 */
export function sumRowsF32Wasm(d: Float32Array, start: number, rows: number, cols: number): Float32Array | null {
  const n = rows * cols;
  if (n < MIN_REDUCE_ELEMENTS || cols < 4) return null;
  const per = Math.max(1, Math.min(rows, Math.floor(CHUNK_BYTES / 4 / cols)));
  const outOff = align16(4 * per * cols);
  const ex = reserve(outOff + 4 * cols);
  if (ex === null) return null;
  const sums = new Float32Array(ex.memory.buffer, outOff, cols).fill(0);
  const kernel = ex.sum_rows_f32 as RowsKernel;
  for (let r = 0; r < rows; r += per) {
    const m = Math.min(per, rows - r);
    kernel(addressOf(ex, d, start + r * cols, m * cols, 0), m, cols, outOff);
  }
  return sums.slice();
}

/**
 * numpy's float32 pairwise sum of each of `rows` dense rows of `cols` elements, row r starting at
 * d[start + r*cols] (a sum along the last axis), or null when not handled here (short or single
 * rows, rows longer than a staging chunk).
 */
export function pairwiseRowsF32Wasm(d: Float32Array, start: number, rows: number, cols: number): Float32Array | null {
  const per = Math.min(rows, Math.floor(CHUNK_BYTES / 4 / cols));
  if (rows < 2 || per < 1 || rows * cols < MIN_REDUCE_ELEMENTS) return null;
  const outOff = align16(4 * per * cols);
  const ex = reserve(outOff + 4 * per);
  if (ex === null) return null;
  const results = new Float32Array(ex.memory.buffer, outOff, per);
  const kernel = ex.pairwise_rows_f32 as RowsKernel;
  const out = new Float32Array(rows);
  for (let r = 0; r < rows; r += per) {
    const m = Math.min(per, rows - r);
    kernel(addressOf(ex, d, start + r * cols, m * cols, 0), m, cols, outOff);
    out.set(m === per ? results : results.subarray(0, m), r);
  }
  return out;
}

/** Math.max / Math.min over d[start .. start+n) (NaN propagates, +0 beats -0), or null. */
export function extremumWasm(d: Float32Array | Float64Array, start: number, n: number, isMax: boolean): number | null {
  if (n < MIN_REDUCE_ELEMENTS) return null;
  const ex = reserve(CHUNK_BYTES);
  if (ex === null) return null;
  const name = `${isMax ? "max" : "min"}_%_${d instanceof Float32Array ? "f32" : "f64"}`;
  const fast = ex[name.replace("%", "fast")] as Reduction;
  const exact = ex[name.replace("%", "reduce")] as Reduction;
  // A resident run is reduced in one call; others a staged chunk at a time.
  const chunk = isResident(d) ? n : CHUNK_BYTES / d.BYTES_PER_ELEMENT;
  let r = 0;
  for (let s = 0; s < n; s += chunk) {
    const m = Math.min(chunk, n - s);
    const at = addressOf(ex, d, start + s, m, 0);
    let part = fast(at, m);
    // The fast loop may return either zero when both signs occur; the exact one orders -0 < +0.
    if (part === 0) part = exact(at, m);
    if (part !== part) return part;
    r = s === 0 ? part : isMax ? Math.max(r, part) : Math.min(r, part);
  }
  return r;
}

/**
 * Column-wise max/min of a rows x cols C-contiguous block at d[start ..] (a reduction over leading
 * axes that keeps the last): starting from row 0, each later row r replaces a column's value v when
 * `r > v || r != r` (`<` for min), reductions.ts's strided rule (so of equal values the first is
 * kept and NaN sticks). That is the maximum/minimum ufunc loop with the row as first operand, run
 * on chunks of rows read in place or staged. Null when not handled here.
 */
export function extremumColumnsWasm(d: Float32Array | Float64Array, start: number, rows: number, cols: number, isMax: boolean): Float32Array | Float64Array | null {
  if (rows < 2 || cols < 4 || rows * cols < MIN_REDUCE_ELEMENTS) return null;
  const size = d.BYTES_PER_ELEMENT;
  const per = Math.max(1, Math.min(rows - 1, Math.floor(chunkElements(size) / cols)));
  const accOff = align16(per * cols * size);
  const ex = reserve(accOff + cols * size);
  if (ex === null) return null;
  const acc = viewLike(d, ex.memory.buffer as ArrayBuffer, accOff, cols);
  acc.set(d.subarray(start, start + cols));
  const kernel = ex[`${isMax ? "max" : "min"}_${d instanceof Float32Array ? "f32" : "f64"}_vv`] as Kernel;
  for (let r0 = 1; r0 < rows; r0 += per) {
    const m = Math.min(per, rows - r0);
    const at = addressOf(ex, d, start + r0 * cols, m * cols, 0);
    for (let r = 0; r < m; r++) kernel(at + r * cols * size, accOff, accOff, cols);
  }
  return acc.slice();
}

/**
 * Math.max/Math.min of each of `rows` dense rows of `cols` elements from d[start] (a reduction along
 * the last axis), rows read in place or staged a chunk at a time; null when not handled here (single
 * rows, rows longer than a chunk: extremumWasm takes those).
 */
export function extremumRowsWasm(d: Float32Array | Float64Array, start: number, rows: number, cols: number, isMax: boolean): Float32Array | Float64Array | null {
  const per = Math.min(rows, Math.floor(CHUNK_BYTES / d.BYTES_PER_ELEMENT / cols));
  if (rows < 2 || per < 1 || rows * cols < MIN_REDUCE_ELEMENTS) return null;
  const ex = reserve(CHUNK_BYTES);
  if (ex === null) return null;
  const size = d.BYTES_PER_ELEMENT;
  const name = `${isMax ? "max" : "min"}_%_${d instanceof Float32Array ? "f32" : "f64"}`;
  const fast = ex[name.replace("%", "fast")] as Reduction;
  const exact = ex[name.replace("%", "reduce")] as Reduction;
  const out = d instanceof Float32Array ? new Float32Array(rows) : new Float64Array(rows);
  for (let r0 = 0; r0 < rows; r0 += per) {
    const m = Math.min(per, rows - r0);
    const at = addressOf(ex, d, start + r0 * cols, m * cols, 0);
    for (let r = 0; r < m; r++) {
      const v = fast(at + r * cols * size, cols);
      // As in extremumWasm: the fast loop may return either zero; the exact one orders -0 < +0.
      out[r0 + r] = v === 0 ? exact(at + r * cols * size, cols) : v;
    }
  }
  return out;
}

/**
 * out = a <op> b over n elements of float type `type`; `a0`/`b0` are element offsets into the
 * operands' storage. Returns the result (Float32Array/Float64Array, or Uint8Array of 0/1 for
 * comparisons), or null when the case is not handled (too small, no SIMD, no such loop).
 * With `into` (storage of the result type) the result is written there from `into0` and `into`
 * returned; it may be a dense operand at the same position, but must not otherwise overlap one.
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
  into?: Float32Array | Float64Array | Uint8Array,
  into0 = 0,
): Float32Array | Float64Array | Uint8Array | null {
  if (n < MIN_ELEMENTS || (accessA === "scalar" && accessB === "scalar")) return null;
  const compare = COMPARISONS.has(op);
  if (compare && type !== "f32") return null;
  const ex = kernelInstance();
  if (ex === null) return null;
  const mode = accessA === "scalar" ? "sv" : accessB === "scalar" ? "vs" : "vv";
  const check = resultCheck(ex, op, type, false);
  const kernel = ex[`${op}_${type}_${mode}${check === null ? "" : "_checked"}`] as Kernel;
  const out = into ?? freshResult(compare, type, n);
  const streams = [
    { data: a, start: a0, dense: accessA === "dense" },
    { data: b, start: b0, dense: accessB === "dense" },
  ];
  if (check !== null && into !== undefined && overwritesResidentOperand(streams, out)) {
    const blocks = ex[`${op}_${type}_${mode}_checked_blocks`] as BlocksKernel;
    return overwriteChecked(ex, blocks, check, streams as [Stream, Stream], n, out as Float32Array | Float64Array, into0);
  }
  return chunked(ex, streams, n, out, into === undefined ? 0 : into0, ([x, y], o, m) => kernel(x, y, o, m), check);
}
