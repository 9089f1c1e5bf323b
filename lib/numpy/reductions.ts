/**
 * Reductions (sum, prod, max, argmax, mean, var, cumsum, ...) with numpy's axis/keepdims/dtype
 * semantics and numpy's summation order: pairwise summation (8 accumulators, 128-element blocks)
 * along a contiguous reduced block, sequential accumulation otherwise — so float32 sums match numpy
 * bit-for-bit.
 */
import { type DType, type Storage, DTYPES, allocate, castValue } from "./dtypes";
import { NumpyError, axisError, valueError } from "./errors";
import { collectFpErrors, recordWholeResult } from "./fp-errors";
import { roundArrayTo } from "./float-formats";
import { NDArray, astype, contiguousData, elementOffsets, flatView, fromStorage, pyInt } from "./ndarray";
import { exactAt, isWideInt, storeExact, wrapTo } from "./exact-int64";
import { bigintReader, holdsExact } from "./exact-int64-ops";
import { binary, unary } from "./ufuncs";
import { extremumColumnsWasm, extremumRowsWasm, extremumWasm, pairwiseRowsF32Wasm, pairwiseSumF32Wasm, sumRowsF32Wasm } from "./kernels/elementwise";

export type AxisArg = number | readonly number[] | null | undefined;

export function normalizeAxis(axis: number, ndim: number, argName?: string): number {
  if (!Number.isInteger(axis) || axis < -ndim || axis >= ndim) throw axisError(axis, ndim, argName);
  return axis < 0 ? axis + ndim : axis;
}

export function normalizeAxes(axis: AxisArg, ndim: number): number[] {
  if (axis === null || axis === undefined) return Array.from({ length: ndim }, (_, i) => i);
  const list = typeof axis === "number" ? [axis] : axis;
  const out = list.map((a) => normalizeAxis(a, ndim));
  if (new Set(out).size !== out.length) throw valueError("duplicate value in 'axis'");
  return out;
}

interface Plan {
  /** Shape of the result without keepdims. */
  outShape: number[];
  /** Shape of the result with keepdims. */
  keptShape: number[];
  /** Buffer offset of the first element of each reduced block, one per output element. */
  bases: Int32Array;
  /**
   * A reduced block is visited as numpy's iterator visits it: an outer sequence of chunk starts
   * (relative offsets, C order of the outer reduced axes) and, per chunk, `run` elements `runStride`
   * apart along the innermost reduced axis (coalesced with contiguous neighbours). numpy sums each
   * chunk pairwise and adds the chunk sums sequentially; `run` is 1 when the last axis is kept.
   */
  outer: Int32Array;
  run: number;
  runStride: number;
}

function plan(a: NDArray, axes: readonly number[]): Plan {
  const red = new Set(axes);
  const keptAxes = a.shape.map((_, i) => i).filter((i) => !red.has(i));
  let redAxes = a.shape.map((_, i) => i).filter((i) => red.has(i));
  const outShape = keptAxes.map((i) => a.shape[i]);
  const keptShape = a.shape.map((d, i) => (red.has(i) ? 1 : d));
  // A full reduction walks memory order (numpy's iterator picks K order), e.g. for a transposed array.
  if (keptAxes.length === 0 && redAxes.length > 1 && redAxes.every((i) => a.strides[i] >= 0)) {
    redAxes = redAxes.slice().sort((x, y) => a.strides[y] - a.strides[x]);
  }
  const lastIsReduced = keptAxes.length === 0 || red.has(a.ndim - 1);
  let run = 1;
  let runStride = 1;
  let outerAxes = redAxes;
  if (lastIsReduced && redAxes.length > 0) {
    let k = redAxes.length - 1;
    run = a.shape[redAxes[k]];
    runStride = a.strides[redAxes[k]];
    while (k > 0 && a.strides[redAxes[k - 1]] === runStride * run && (keptAxes.length === 0 || redAxes[k - 1] === redAxes[k] - 1)) {
      k--;
      run *= a.shape[redAxes[k]];
    }
    outerAxes = redAxes.slice(0, k);
  }
  const bases = elementOffsets(outShape, keptAxes.map((i) => a.strides[i]), a.offset);
  const outer = elementOffsets(outerAxes.map((i) => a.shape[i]), outerAxes.map((i) => a.strides[i]), 0);
  if (run === 0) return { outShape, keptShape, bases, outer: new Int32Array(0), run: 0, runStride };
  return { outShape, keptShape, bases, outer, run, runStride };
}

/** Number of elements in each reduced block. */
function blockSize(p: Plan): number {
  return p.outer.length * p.run;
}

const identityCache = { n: -1, offsets: new Int32Array(0) };

/** 0..n-1 (cached: dense reductions only read its length and first entry). */
function identityOffsets(n: number): Int32Array {
  if (identityCache.n !== n) {
    const o = new Int32Array(n);
    for (let i = 0; i < n; i++) o[i] = i;
    identityCache.n = n;
    identityCache.offsets = o;
  }
  return identityCache.offsets;
}

/** Relative offsets of a reduced block's elements in C order (for the order-insensitive reductions). */
function blockOffsets(p: Plan): Int32Array {
  const out = new Int32Array(blockSize(p));
  let k = 0;
  for (let o = 0; o < p.outer.length; o++) for (let j = 0; j < p.run; j++) out[k++] = p.outer[o] + j * p.runStride;
  return out;
}

// ---- numpy's pairwise summation ---------------------------------------------------------------

function pairwise32(d: Storage, start: number, n: number, stride: number): number {
  if (stride !== 1) return pairwiseStrided(d, start, n, stride, true);
  const f = Math.fround;
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res = f(res + d[start + i]);
    return res;
  }
  if (n <= 128) {
    let r0 = f(d[start]), r1 = f(d[start + 1]), r2 = f(d[start + 2]), r3 = f(d[start + 3]);
    let r4 = f(d[start + 4]), r5 = f(d[start + 5]), r6 = f(d[start + 6]), r7 = f(d[start + 7]);
    const end = n - (n % 8);
    let i = 8;
    for (; i < end; i += 8) {
      const p = start + i;
      r0 = f(r0 + d[p]);
      r1 = f(r1 + d[p + 1]);
      r2 = f(r2 + d[p + 2]);
      r3 = f(r3 + d[p + 3]);
      r4 = f(r4 + d[p + 4]);
      r5 = f(r5 + d[p + 5]);
      r6 = f(r6 + d[p + 6]);
      r7 = f(r7 + d[p + 7]);
    }
    let res = f(f(f(r0 + r1) + f(r2 + r3)) + f(f(r4 + r5) + f(r6 + r7)));
    for (; i < n; i++) res = f(res + d[start + i]);
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return f(pairwise32(d, start, n2, 1) + pairwise32(d, start + n2, n - n2, 1));
}

/** pairwise32 over one run, in the SIMD kernel when the run is dense and long enough. */
function sumRun32(d: Storage, start: number, n: number, stride: number): number {
  if (stride === 1 && d instanceof Float32Array) {
    const fast = pairwiseSumF32Wasm(d, start, n);
    if (fast !== null) return fast;
  }
  return pairwise32(d, start, n, stride);
}

function pairwise64(d: Storage, start: number, n: number, stride: number): number {
  if (stride !== 1) return pairwiseStrided(d, start, n, stride, false);
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += d[start + i];
    return res;
  }
  if (n <= 128) {
    let r0 = d[start], r1 = d[start + 1], r2 = d[start + 2], r3 = d[start + 3];
    let r4 = d[start + 4], r5 = d[start + 5], r6 = d[start + 6], r7 = d[start + 7];
    const end = n - (n % 8);
    let i = 8;
    for (; i < end; i += 8) {
      const p = start + i;
      r0 += d[p];
      r1 += d[p + 1];
      r2 += d[p + 2];
      r3 += d[p + 3];
      r4 += d[p + 4];
      r5 += d[p + 5];
      r6 += d[p + 6];
      r7 += d[p + 7];
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += d[start + i];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwise64(d, start, n2, 1) + pairwise64(d, start + n2, n - n2, 1);
}

/** The same summation order over a strided run (gathered first; strided runs are the slow path). */
function pairwiseStrided(d: Storage, start: number, n: number, stride: number, f32: boolean): number {
  const tmp = new Float64Array(n);
  for (let i = 0; i < n; i++) tmp[i] = d[start + i * stride];
  return f32 ? pairwise32(tmp, 0, n, 1) : pairwise64(tmp, 0, n, 1);
}

/** The accumulator dtype numpy's sum/prod use: bool and signed ints go to int64, unsigned ints to uint64. */
function sumDtype(d: DType): DType {
  if (d.kind === "u") return DTYPES.uint64;
  if (d.kind === "b" || d.isInteger) return DTYPES.int64;
  return d;
}

function finish(out: Storage, dtype: DType, p: Plan, keepdims: boolean): NDArray {
  if (dtype.narrow !== undefined) roundArrayTo(dtype.narrow, out as Float32Array, out as Float32Array);
  return fromStorage(dtype, keepdims ? p.keptShape : p.outShape, out);
}

export interface ReduceOptions {
  axis?: AxisArg;
  keepdims?: boolean;
  dtype?: DType;
}

/** Rounds an accumulator to the dtype it is stored in between numpy's inner-loop calls. */
function stepRounder(dtype: DType): (x: number) => number {
  if (dtype.narrow !== undefined) return (x) => castValue(dtype, x);
  if (dtype.name === "float32") return Math.fround;
  return (x) => x;
}

/** True when run k starts at bases[0] + k * step for every k (consecutive rows of one buffer). */
function evenlySpaced(bases: Int32Array, step: number): boolean {
  for (let o = 1; o < bases.length; o++) if (bases[o] !== bases[0] + o * step) return false;
  return true;
}

/** True when the output elements are consecutive and the reduced steps are whole consecutive rows. */
function denseRows(bases: Int32Array, outer: Int32Array): boolean {
  const cols = bases.length;
  for (let o = 1; o < cols; o++) if (bases[o] !== bases[0] + o) return false;
  for (let c = 0; c < outer.length; c++) if (outer[c] !== c * cols) return false;
  return true;
}

export function sum(a: NDArray, opts: ReduceOptions = {}): NDArray {
  return checkReduce(a, sumOf(a, opts));
}

/** Records numpy's "overflow/invalid value encountered in reduce" of a float reduction (fp-errors.ts). */
function checkReduce(a: NDArray, r: NDArray, op = "reduce"): NDArray {
  recordWholeResult(op, [a], r);
  return r;
}

function sumOf(a: NDArray, opts: ReduceOptions): NDArray {
  const dtype = opts.dtype ?? sumDtype(a.dtype);
  const src = dtype === a.dtype ? a : astype(a, dtype);
  const p = plan(src, normalizeAxes(opts.axis, a.ndim));
  // (u)int64 sums are added in doubles while every partial sum stays below 2^53, else exactly.
  if (isWideInt(dtype)) return holdsExact(src) ? exactReduce(src, p, dtype, false, opts.keepdims === true) : wideSum(src, p, dtype, opts.keepdims === true);
  const out = allocate(dtype, p.bases.length);
  const d = src.data;
  // float32 and the narrow floats accumulate in float32 arithmetic; everything else in double.
  const f32 = src.data instanceof Float32Array;
  const round = stepRounder(dtype);
  const { outer, run, runStride, bases } = p;
  if (run === 1 && bases.length > 1) {
    // The last axis is kept: numpy adds whole rows elementwise, so walk memory row by row.
    const fast = dtype.name === "float32" && d instanceof Float32Array && denseRows(bases, outer)
      ? sumRowsF32Wasm(d, bases[0], outer.length, bases.length)
      : null;
    if (fast !== null) return finish(fast, dtype, p, opts.keepdims === true);
    const acc = new Float64Array(bases.length);
    for (let c = 0; c < outer.length; c++) {
      const off = outer[c];
      for (let o = 0; o < bases.length; o++) acc[o] = round(acc[o] + d[bases[o] + off]);
    }
    for (let o = 0; o < bases.length; o++) out[o] = dtype.isFloat ? acc[o] : castValue(dtype, acc[o]);
    return finish(out, dtype, p, opts.keepdims === true);
  }
  const rowSums = f32 && outer.length === 1 && runStride === 1 ? lastAxisSums(d, bases, run) : null;
  if (rowSums !== null) {
    for (let o = 0; o < bases.length; o++) out[o] = round(0 + rowSums[o]);
    return finish(out, dtype, p, opts.keepdims === true);
  }
  for (let o = 0; o < p.bases.length; o++) {
    const base = p.bases[o];
    let s = 0;
    for (let c = 0; c < outer.length; c++) {
      const start = base + outer[c];
      s = round(s + (f32 ? sumRun32(d, start, run, runStride) : pairwise64(d, start, run, runStride)));
    }
    out[o] = dtype.isFloat ? s : castValue(dtype, s);
  }
  return finish(out, dtype, p, opts.keepdims === true);
}

/** pairwise32 of each run when the runs are consecutive rows of one float32 buffer (SIMD, one call per chunk of rows), else null. */
function lastAxisSums(d: Storage, bases: Int32Array, run: number): Float32Array | null {
  return d instanceof Float32Array && evenlySpaced(bases, run) ? pairwiseRowsF32Wasm(d, bases[0], bases.length, run) : null;
}

/** Exact (u)int64 product, wrapping modulo 2^64 like numpy once it leaves the double-exact range. */
function mul64(x: number, y: number, unsigned: boolean): number {
  const r = x * y;
  if (Number.isSafeInteger(r)) return r + 0; // 0 * -5 is -0, which an integer never is
  const p = BigInt(x) * BigInt(y);
  return Number(unsigned ? BigInt.asUintN(64, p) : BigInt.asIntN(64, p));
}

export function prod(a: NDArray, opts: ReduceOptions = {}): NDArray {
  return checkReduce(a, prodOf(a, opts));
}

function prodOf(a: NDArray, opts: ReduceOptions): NDArray {
  const dtype = opts.dtype ?? sumDtype(a.dtype);
  const src = dtype === a.dtype ? a : astype(a, dtype);
  const p = plan(src, normalizeAxes(opts.axis, a.ndim));
  const out = allocate(dtype, p.bases.length);
  const d = src.data;
  const f32 = src.data instanceof Float32Array;
  const is64 = dtype.isInteger && dtype.itemsize === 8;
  const unsigned = dtype.kind === "u";
  const round = stepRounder(dtype);
  const { outer, run, runStride } = p;
  if (is64 && holdsExact(src)) return exactReduce(src, p, dtype, true, opts.keepdims === true);
  let inexact = false;
  for (let o = 0; o < p.bases.length; o++) {
    let s = 1;
    for (let c = 0; c < outer.length; c++) {
      const start = p.bases[o] + outer[c];
      for (let j = 0; j < run; j++) {
        const v = d[start + j * runStride];
        s = is64 ? mul64(s, v, unsigned) : f32 ? Math.fround(s * v) : s * v;
        if (is64 && !Number.isSafeInteger(s)) inexact = true;
      }
      s = round(s);
    }
    out[o] = dtype.isFloat ? s : castValue(dtype, s);
  }
  // A product that passed 2^53 is redone exactly: later factors multiplied a rounded value.
  if (inexact) return exactReduce(src, p, dtype, true, opts.keepdims === true);
  return finish(out, dtype, p, opts.keepdims === true);
}

const SAFE = 2 ** 53;

/**
 * A run of integers summed in doubles, or null once a partial sum may have reached 2^53, past which
 * a double addition can round. Integer addition is associative while exact, so any order gives
 * numpy's result. Eight accumulators each take one element per step; after each step the sum of
 * their magnitudes (>= each one, and rounding never takes it below 2^53) must stay under 2^53.
 */
function safeIntSum(d: Storage, start: number, n: number, stride: number): number | null {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let s5 = 0;
  let s6 = 0;
  let s7 = 0;
  let i = 0;
  for (let at = start; i + 7 < n; i += 8, at += 8 * stride) {
    s0 += d[at];
    s1 += d[at + stride];
    s2 += d[at + 2 * stride];
    s3 += d[at + 3 * stride];
    s4 += d[at + 4 * stride];
    s5 += d[at + 5 * stride];
    s6 += d[at + 6 * stride];
    s7 += d[at + 7 * stride];
    if (Math.abs(s0) + Math.abs(s1) + Math.abs(s2) + Math.abs(s3) + Math.abs(s4) + Math.abs(s5) + Math.abs(s6) + Math.abs(s7) >= SAFE) return null;
  }
  let t = s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7;
  for (; i < n; i++) {
    t += d[start + i * stride];
    if (!(Math.abs(t) < SAFE)) return null;
  }
  return t;
}

/** A (u)int64 sum over plan p: in doubles while exact, else with BigInts (exactReduce). */
function wideSum(src: NDArray, p: Plan, dtype: DType, keepdims: boolean): NDArray {
  const out = allocate(dtype, p.bases.length);
  const { outer, run, runStride, bases } = p;
  const d = src.data;
  if (run === 1 && bases.length > 1) {
    // The last axis is kept: whole rows are added elementwise, with each column's sum of magnitudes
    // bounding its partial sums.
    const acc = new Float64Array(bases.length);
    const magnitude = new Float64Array(bases.length);
    for (let c = 0; c < outer.length; c++) {
      const off = outer[c];
      for (let o = 0; o < bases.length; o++) {
        const v = d[bases[o] + off];
        acc[o] += v;
        magnitude[o] += Math.abs(v);
      }
    }
    for (let o = 0; o < bases.length; o++) {
      if (magnitude[o] >= SAFE) return exactReduce(src, p, dtype, false, keepdims);
      out[o] = castValue(dtype, acc[o]);
    }
    return finish(out, dtype, p, keepdims);
  }
  for (let o = 0; o < bases.length; o++) {
    let s = 0;
    for (let c = 0; c < outer.length; c++) {
      const part = safeIntSum(d, bases[o] + outer[c], run, runStride);
      s += part ?? SAFE;
      if (!(s < SAFE && s > -SAFE)) return exactReduce(src, p, dtype, false, keepdims);
    }
    out[o] = castValue(dtype, s);
  }
  return finish(out, dtype, p, keepdims);
}

/** An (u)int64 sum or product over plan p, exactly with BigInts and wrapping like numpy. */
function exactReduce(src: NDArray, p: Plan, dtype: DType, isProd: boolean, keepdims: boolean): NDArray {
  const out = allocate(dtype, p.bases.length);
  const read = bigintReader(src);
  const { outer, run, runStride } = p;
  for (let o = 0; o < p.bases.length; o++) {
    let s = isProd ? 1n : 0n;
    for (let c = 0; c < outer.length; c++) {
      const start = p.bases[o] + outer[c];
      for (let j = 0; j < run; j++) {
        const v = read(start + j * runStride);
        s = wrapTo(dtype, isProd ? s * v : s + v);
      }
    }
    storeExact(out, o, s, dtype.kind === "u");
  }
  return finish(out, dtype, p, keepdims);
}

/** Math.max/Math.min over a dense run: NaN propagates exactly as numpy's maximum reduction does. */
function denseExtremum(d: Storage, base: number, m: number, isMax: boolean): number {
  if (d instanceof Float32Array || d instanceof Float64Array) {
    const fast = extremumWasm(d, base, m, isMax);
    if (fast !== null) return fast;
  }
  let r = d[base];
  if (isMax) for (let j = 1; j < m; j++) r = Math.max(r, d[base + j]);
  else for (let j = 1; j < m; j++) r = Math.min(r, d[base + j]);
  return r;
}

function extremum(a: NDArray, opts: ReduceOptions, isMax: boolean, skipNaN: boolean, name: string): NDArray {
  const p = plan(a, normalizeAxes(opts.axis, a.ndim));
  const dense = p.outer.length === 1 && p.runStride === 1;
  const m = dense ? p.run : p.outer.length * p.run;
  if (m === 0 && p.bases.length > 0) {
    throw valueError(`zero-size array to reduction operation ${name} which has no identity`);
  }
  const out = allocate(a.dtype, p.bases.length);
  const shape = opts.keepdims === true ? p.keptShape : p.outShape;
  const d = a.data;
  if (holdsExact(a)) {
    const block = blockOffsets(p);
    for (let o = 0; o < p.bases.length; o++) {
      let r = exactAt(d, p.bases[o] + block[0]);
      for (let j = 1; j < block.length; j++) {
        const v = exactAt(d, p.bases[o] + block[j]);
        if (isMax ? v > r : v < r) r = v;
      }
      storeExact(out, o, r, a.dtype.kind === "u");
    }
    return fromStorage(a.dtype, shape, out);
  }
  const floats = d instanceof Float32Array || d instanceof Float64Array;
  if (dense && !skipNaN) {
    const rows = floats && evenlySpaced(p.bases, m) ? extremumRowsWasm(d, p.bases[0], p.bases.length, m, isMax) : null;
    if (rows !== null) return fromStorage(a.dtype, shape, rows);
    for (let o = 0; o < p.bases.length; o++) out[o] = denseExtremum(d, p.bases[o], m, isMax);
    return fromStorage(a.dtype, shape, out);
  }
  if (!skipNaN && floats && p.run === 1 && p.bases.length > 1 && denseRows(p.bases, p.outer)) {
    const columns = extremumColumnsWasm(d, p.bases[0], p.outer.length, p.bases.length, isMax);
    if (columns !== null) return fromStorage(a.dtype, shape, columns);
  }
  // Dense blocks index directly; strided blocks go through the offset table.
  const block = dense ? identityOffsets(p.run) : blockOffsets(p);
  for (let o = 0; o < p.bases.length; o++) {
    const base = p.bases[o];
    let r = d[base + block[0]];
    let j = 1;
    if (skipNaN) {
      // nanmax/nanmin: start from the first non-NaN element; an all-NaN block stays NaN.
      j = 0;
      r = NaN;
      for (; j < m; j++) {
        const v = d[base + block[j]];
        if (v === v) {
          r = v;
          j++;
          break;
        }
      }
      for (; j < m; j++) {
        const v = d[base + block[j]];
        if (isMax ? v > r : v < r) r = v;
      }
    } else {
      for (; j < m; j++) {
        const v = d[base + block[j]];
        if ((isMax ? v > r : v < r) || v !== v) {
          r = v;
          if (v !== v) break;
        }
      }
    }
    out[o] = r;
  }
  return fromStorage(a.dtype, shape, out);
}

export const max = (a: NDArray, opts: ReduceOptions = {}): NDArray => extremum(a, opts, true, false, "maximum");
export const min = (a: NDArray, opts: ReduceOptions = {}): NDArray => extremum(a, opts, false, false, "minimum");
export const nanmax = (a: NDArray, opts: ReduceOptions = {}): NDArray => extremum(a, opts, true, true, "fmax");
export const nanmin = (a: NDArray, opts: ReduceOptions = {}): NDArray => extremum(a, opts, false, true, "fmin");

function argExtremum(a: NDArray, axis: number | null | undefined, keepdims: boolean, isMax: boolean): NDArray {
  const name = isMax ? "argmax" : "argmin";
  const axes = axis === null || axis === undefined ? null : [normalizeAxis(axis, a.ndim)];
  if (a.size === 0) throw valueError(`attempt to get ${name} of an empty sequence`);
  const src = axes === null ? flatView(a) : a;
  const p = plan(src, axes ?? [0]);
  const block = blockOffsets(p);
  const out = new Float64Array(p.bases.length);
  const d = src.data;
  const exact = holdsExact(src);
  for (let o = 0; o < p.bases.length && exact; o++) {
    let best = exactAt(d, p.bases[o] + block[0]);
    let bi = 0;
    for (let j = 1; j < block.length; j++) {
      const v = exactAt(d, p.bases[o] + block[j]);
      if (isMax ? v > best : v < best) {
        best = v;
        bi = j;
      }
    }
    out[o] = bi;
  }
  for (let o = 0; o < p.bases.length && !exact; o++) {
    const base = p.bases[o];
    let best = d[base + block[0]];
    let bi = 0;
    if (best === best) {
      for (let j = 1; j < block.length; j++) {
        const v = d[base + block[j]];
        if (v !== v) {
          bi = j;
          break;
        }
        if (isMax ? v > best : v < best) {
          best = v;
          bi = j;
        }
      }
    }
    out[o] = bi;
  }
  const shape = axes === null ? (keepdims ? a.shape.map(() => 1) : []) : keepdims ? p.keptShape : p.outShape;
  return fromStorage(DTYPES.int64, shape, out);
}

export const argmax = (a: NDArray, axis?: number | null, keepdims = false): NDArray => argExtremum(a, axis, keepdims, true);
export const argmin = (a: NDArray, axis?: number | null, keepdims = false): NDArray => argExtremum(a, axis, keepdims, false);

function truthReduce(a: NDArray, opts: ReduceOptions, isAll: boolean): NDArray {
  const p = plan(a, normalizeAxes(opts.axis, a.ndim));
  const block = blockOffsets(p);
  const out = new Uint8Array(p.bases.length);
  const d = a.data;
  for (let o = 0; o < p.bases.length; o++) {
    const base = p.bases[o];
    let r = isAll ? 1 : 0;
    for (let j = 0; j < block.length; j++) {
      const nz = d[base + block[j]] !== 0;
      if (isAll && !nz) {
        r = 0;
        break;
      }
      if (!isAll && nz) {
        r = 1;
        break;
      }
    }
    out[o] = r;
  }
  return fromStorage(DTYPES.bool, opts.keepdims === true ? p.keptShape : p.outShape, out);
}

export const all = (a: NDArray, opts: ReduceOptions = {}): NDArray => truthReduce(a, opts, true);
export const any = (a: NDArray, opts: ReduceOptions = {}): NDArray => truthReduce(a, opts, false);

export function countNonzero(a: NDArray, opts: ReduceOptions = {}): NDArray {
  return sum(astype(a, DTYPES.bool), { ...opts, dtype: DTYPES.int64 });
}

/** Number of elements each output of a reduction over `axes` combines. */
function reducedCount(a: NDArray, axis: AxisArg): number {
  return normalizeAxes(axis, a.ndim).reduce((n, ax) => n * a.shape[ax], 1);
}

/** The dtype numpy's mean/var accumulate in, and whether the result goes back to float16. */
function meanDtypes(a: NDArray, dtype: DType | undefined): { acc: DType; result: DType } {
  if (dtype !== undefined) return { acc: dtype, result: dtype };
  if (a.dtype.kind === "b" || a.dtype.isInteger) return { acc: DTYPES.float64, result: DTYPES.float64 };
  if (a.dtype.narrow !== undefined) return { acc: DTYPES.float32, result: a.dtype };
  return { acc: a.dtype, result: a.dtype };
}

export function mean(a: NDArray, opts: ReduceOptions = {}): NDArray {
  const { acc, result } = meanDtypes(a, opts.dtype);
  const n = reducedCount(a, opts.axis);
  const s = sum(a, { ...opts, dtype: acc });
  const m = binary("true_divide", s, pyInt(n));
  return m.dtype === result ? m : astype(m, result);
}

export interface VarOptions extends ReduceOptions {
  ddof?: number;
}

export function variance(a: NDArray, opts: VarOptions = {}): NDArray {
  // Unlike mean, numpy's _var keeps float16 in float16; only bool/int go to float64.
  const acc = opts.dtype ?? (a.dtype.isFloat ? a.dtype : DTYPES.float64);
  const result = acc;
  const n = reducedCount(a, opts.axis);
  const arrmean = binary("true_divide", sum(a, { axis: opts.axis, keepdims: true, dtype: acc }), pyInt(n));
  const x = binary("subtract", a, arrmean);
  const sq = unary("square", x);
  const s = sum(sq, { axis: opts.axis, keepdims: opts.keepdims, dtype: acc });
  const v = binary("true_divide", s, pyInt(Math.max(n - (opts.ddof ?? 0), 0)));
  return v.dtype === result ? v : astype(v, result);
}

export function std(a: NDArray, opts: VarOptions = {}): NDArray {
  const v = variance(a, opts);
  return unary("sqrt", v);
}

/** Replace NaN by `fill` (a copy); used by nansum/nanmean. */
function replaceNaN(a: NDArray, fill: number): NDArray {
  const data = contiguousData(a).slice();
  for (let i = 0; i < data.length; i++) if (data[i] !== data[i]) data[i] = fill;
  return fromStorage(a.dtype, a.shape, data);
}

export function nansum(a: NDArray, opts: ReduceOptions = {}): NDArray {
  return sum(a.dtype.isFloat ? replaceNaN(a, 0) : a, opts);
}

/**
 * np.nanmean, and whether a slice held no number: numpy then warns "Mean of empty slice" (the
 * caller's part) and its nan raises nothing else, the division by a zero count being quiet.
 */
export function nanmean(a: NDArray, opts: ReduceOptions = {}): { result: NDArray; emptySlice: boolean } {
  if (!a.dtype.isFloat) return { result: mean(a, opts), emptySlice: false };
  const notNan = unary("logical_not", unary("isnan", a));
  const cnt = sum(notNan, { axis: opts.axis, keepdims: opts.keepdims, dtype: DTYPES.int64 });
  const tot = sum(replaceNaN(a, 0), opts);
  const r = collectFpErrors(() => binary("true_divide", tot, cnt)).value;
  let emptySlice = false;
  for (let i = 0; i < cnt.size && !emptySlice; i++) emptySlice = cnt.getFlat(i) === 0;
  return { result: r.dtype === a.dtype ? r : astype(r, opts.dtype ?? a.dtype), emptySlice };
}

function accumulate(a: NDArray, axis: number | null | undefined, dtype: DType | undefined, isSum: boolean): NDArray {
  const src0 = axis === null || axis === undefined ? flatView(a) : a;
  const ax = normalizeAxis(axis ?? 0, src0.ndim);
  const outType = dtype ?? sumDtype(a.dtype);
  const src = outType === src0.dtype ? src0 : astype(src0, outType);
  const out = allocate(outType, src.size);
  const res = fromStorage(outType, src.shape, out);
  const p = plan(src, [ax]);
  const block = blockOffsets(p);
  const pOut = plan(res, [ax]);
  const blockOut = blockOffsets(pOut);
  const d = src.data;
  const round = stepRounder(outType);
  const is64 = outType.isInteger && outType.itemsize === 8;
  const unsigned = outType.kind === "u";
  let inexact = false;
  for (let o = 0; o < p.bases.length; o++) {
    // The first element is taken as it is (numpy's accumulate starts from it, keeping -0.0).
    let s = 0;
    for (let j = 0; j < block.length; j++) {
      const v = d[p.bases[o] + block[j]];
      s = j === 0 ? round(v) : round(isSum ? s + v : is64 ? mul64(s, v, unsigned) : s * v);
      if (is64 && !(s > -(2 ** 53) && s < 2 ** 53)) inexact = true;
      out[pOut.bases[o] + blockOut[j]] = s;
    }
  }
  // Running (u)int64 values that passed 2^53 are redone exactly (exact-int64.ts).
  if (is64 && (inexact || holdsExact(src))) {
    const read = (i: number): bigint => exactAt(d, i);
    for (let o = 0; o < p.bases.length; o++) {
      let s = 0n;
      for (let j = 0; j < block.length; j++) {
        const v = read(p.bases[o] + block[j]);
        s = j === 0 ? v : wrapTo(outType, isSum ? s + v : s * v);
        storeExact(out, pOut.bases[o] + blockOut[j], s, unsigned);
      }
    }
  }
  return res;
}

export const cumsum = (a: NDArray, axis?: number | null, dtype?: DType): NDArray => checkReduce(a, accumulate(a, axis, dtype, true), "accumulate");
export const cumprod = (a: NDArray, axis?: number | null, dtype?: DType): NDArray => checkReduce(a, accumulate(a, axis, dtype, false), "accumulate");

/** ufunc.reduce for add/multiply/maximum/minimum (axis defaults to 0 as in numpy). */
export function ufuncReduce(name: string, a: NDArray, axis: AxisArg = 0, keepdims = false): NDArray {
  const opts = { axis, keepdims };
  switch (name) {
    case "add":
      return sum(a, opts);
    case "multiply":
      return prod(a, opts);
    case "maximum":
      return max(a, opts);
    case "minimum":
      return min(a, opts);
    default:
      throw new NumpyError("NotImplementedError", `${name}.reduce is not supported in Kernel Lab`);
  }
}

/** ufunc.accumulate for add/multiply/maximum/minimum along one axis. */
export function ufuncAccumulate(name: string, a: NDArray, axis = 0): NDArray {
  if (name === "add") return cumsum(a, axis);
  if (name === "multiply") return cumprod(a, axis);
  if (name !== "maximum" && name !== "minimum") {
    throw new NumpyError("NotImplementedError", `${name}.accumulate is not supported in Kernel Lab`);
  }
  const ax = normalizeAxis(axis, a.ndim);
  const out = allocate(a.dtype, a.size);
  const res = fromStorage(a.dtype, a.shape, out);
  const p = plan(a, [ax]);
  const block = blockOffsets(p);
  const pOut = plan(res, [ax]);
  const blockOut = blockOffsets(pOut);
  const isMax = name === "maximum";
  for (let o = 0; o < p.bases.length; o++) {
    let r = NaN;
    for (let j = 0; j < block.length; j++) {
      const v = a.data[p.bases[o] + block[j]];
      if (j === 0) r = v;
      else if (r === r && ((isMax ? v > r : v < r) || v !== v)) r = v;
      out[pOut.bases[o] + blockOut[j]] = r;
    }
  }
  return res;
}

/** ufunc.outer: op(a[..., None...], b) over the flattened-shape product. */
export function ufuncOuter(name: string, a: NDArray, b: NDArray): NDArray {
  const av = new NDArray(a.data, a.dtype, [...a.shape, ...b.shape.map(() => 1)], [...a.strides, ...b.shape.map(() => 0)], a.offset);
  return binary(name, av, b);
}

/** np.nanvar with numpy's algorithm (NaNs replaced by 0 and excluded from the counts). */
export function nanvar(a: NDArray, opts: VarOptions = {}): NDArray {
  if (!a.dtype.isFloat) return variance(a, opts);
  const isnan = unary("isnan", a);
  const arr = replaceNaN(a, 0);
  const cnt = sum(unary("logical_not", isnan), { axis: opts.axis, keepdims: true, dtype: DTYPES.int64 });
  const avg = astype(binary("true_divide", sum(arr, { axis: opts.axis, keepdims: true, dtype: opts.dtype }), cnt), opts.dtype ?? a.dtype);
  const dev = astype(binary("subtract", arr, avg), a.dtype);
  const devMasked = fromStorage(dev.dtype, dev.shape, contiguousData(dev).slice());
  for (let i = 0; i < devMasked.size; i++) if (isnan.getFlat(i) !== 0) devMasked.data[i] = 0;
  const sq = binary("multiply", devMasked, devMasked);
  const v = sum(sq, { axis: opts.axis, keepdims: opts.keepdims, dtype: opts.dtype });
  const dof = binary("subtract", sum(unary("logical_not", isnan), { axis: opts.axis, keepdims: opts.keepdims, dtype: DTYPES.int64 }), pyInt(opts.ddof ?? 0));
  return astype(binary("true_divide", v, dof), v.dtype);
}

export function nanstd(a: NDArray, opts: VarOptions = {}): NDArray {
  return unary("sqrt", nanvar(a, opts));
}
