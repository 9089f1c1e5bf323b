/**
 * median, quantile and percentile (numpy's default "linear" method) along one axis or the whole
 * array, with numpy's arithmetic: the virtual index (n - 1) * q, and numpy's _lerp, which for a
 * gamma of 0.5 or more interpolates down from the upper neighbour. A float input with a scalar q
 * keeps its dtype (float32 arithmetic throughout, as numpy 2 does for a weak q); an array-like q
 * or an integer input gives float64. NaN anywhere in a lane makes its result NaN; the nan-variants
 * (nanmedian, nanquantile, nanpercentile) use each lane's other values, and an all-NaN lane gives
 * NaN and sets `allNan` (numpy's "All-NaN slice encountered" warning).
 */
import { type DType, DTYPES, allocate, castValue } from "./dtypes";
import { typeError, valueError } from "./errors";
import { NDArray, contiguousData, fromStorage, scalarArray } from "./ndarray";
import { normalizeAxis } from "./reductions";
import { moveaxis, ravel } from "./shape";
import { sort } from "./sorting";

/** The lanes to reduce: sorted, contiguous, each of length n; and the shape left after removing the axis. */
function lanes(a: NDArray, axis: number | null): { data: ArrayLike<number>; n: number; count: number; shape: number[]; axis: number | null } {
  if (axis === null) {
    const flat = sort(ravel(a), -1);
    return { data: contiguousData(flat), n: flat.size, count: 1, shape: [], axis: null };
  }
  const ax = normalizeAxis(axis, a.ndim);
  const moved = sort(moveaxis(a, ax, a.ndim - 1), -1);
  const n = moved.shape[moved.ndim - 1];
  const shape = moved.shape.slice(0, -1);
  return { data: contiguousData(moved), n, count: n === 0 ? 0 : moved.size / n, shape, axis: ax };
}

/** How many of a sorted lane's values are not NaN (NaNs sort last). */
function validCount(data: ArrayLike<number>, base: number, n: number): number {
  let m = n;
  while (m > 0 && Number.isNaN(data[base + m - 1])) m--;
  return m;
}

/** A result, and whether some lane held only NaNs (nan-variants only). */
export interface NanAware {
  readonly result: NDArray;
  readonly allNan: boolean;
}

function keepShape(a: NDArray, axis: number | null, shape: number[]): number[] {
  if (axis === null) return a.shape.map(() => 1);
  const out = [...shape];
  out.splice(axis, 0, 1);
  return out;
}

/** np.quantile(a, q, axis, keepdims); `q` is a number (scalar q) or a list (array-like q, leading result axis). */
export function quantile(a: NDArray, q: number | readonly number[], axis: number | null, keepdims: boolean): NDArray {
  return quantileOf(a, q, axis, keepdims, false).result;
}

/** np.nanquantile: quantile over each lane's non-NaN values. */
export function nanquantile(a: NDArray, q: number | readonly number[], axis: number | null, keepdims: boolean): NanAware {
  return quantileOf(a, q, axis, keepdims, true);
}

function quantileOf(a: NDArray, q: number | readonly number[], axis: number | null, keepdims: boolean, skipNan: boolean): NanAware {
  const qs = typeof q === "number" ? [q] : q;
  if (qs.some((x) => !(x >= 0 && x <= 1))) throw valueError("Quantiles must be in the range [0, 1]");
  // The linear method interpolates with subtract, which numpy refuses for bools (median does not).
  if (a.dtype.kind === "b") throw typeError("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.");
  const { data, n, count, shape } = lanes(a, axis);
  if (n === 0) throw valueError("cannot do a non-empty take from an empty axes.");
  const f32 = typeof q === "number" && a.dtype.isFloat && a.dtype.itemsize <= 4;
  const outDtype = f32 ? a.dtype : DTYPES.float64;
  const out = new Float64Array(qs.length * count);
  const zero = signedZero(a.dtype);
  let allNan = false;
  for (let k = 0; k < qs.length; k++) {
    for (let l = 0; l < count; l++) {
      const base = l * n;
      const m = skipNan ? validCount(data, base, n) : n;
      if (m === 0 || Number.isNaN(data[base + m - 1])) {
        allNan ||= m === 0;
        out[k * count + l] = NaN;
        continue;
      }
      const vi = (m - 1) * qs[k];
      const lo = Math.min(Math.max(Math.floor(vi), 0), m - 1);
      const hi = Math.min(lo + 1, m - 1);
      const x = data[base + lo] + zero;
      const y = data[base + hi] + zero;
      out[k * count + l] = f32 ? lerp32(x, y, vi - lo) : lerp64(x, y, vi - lo, a.dtype.isFloat && a.dtype.itemsize <= 4);
    }
  }
  const resultShape = keepdims ? keepShape(a, axis, shape) : shape;
  return { result: store(outDtype, typeof q === "number" ? resultShape : [qs.length, ...resultShape], out), allNan };
}

/** The results as an array of `dtype` (each value rounded to it). */
function store(dtype: DType, shape: readonly number[], values: Float64Array): NDArray {
  const data = allocate(dtype, values.length);
  for (let i = 0; i < values.length; i++) data[i] = castValue(dtype, values[i]);
  const res = fromStorage(dtype, shape, data);
  return shape.length === 0 ? scalarArray(dtype, res.getFlat(0)) : res;
}

/**
 * Added to every value read: integer storage (a double) can hold -0, which numpy's integers cannot,
 * so `+ 0` clears it; float data keeps its -0 under `+ -0`.
 */
function signedZero(dtype: DType): number {
  return dtype.isFloat ? -0 : 0;
}

/** numpy's _lerp in float32 arithmetic (float32 data, weak scalar q). */
function lerp32(a: number, b: number, g: number): number {
  const d = Math.fround(b - a);
  return g < 0.5 ? Math.fround(a + Math.fround(d * Math.fround(g))) : Math.fround(b - Math.fround(d * Math.fround(1 - g)));
}

/** numpy's _lerp in float64; a float32 input's difference is still rounded to float32 first. */
function lerp64(a: number, b: number, g: number, f32Diff: boolean): number {
  const d = f32Diff ? Math.fround(b - a) : b - a;
  return g < 0.5 ? a + d * g : b - d * (1 - g);
}

/** np.percentile: q in [0, 100]. */
export function percentile(a: NDArray, q: number | readonly number[], axis: number | null, keepdims: boolean): NDArray {
  return quantile(a, fractionsOf(q), axis, keepdims);
}

/** np.nanpercentile: nanquantile with q in [0, 100]. */
export function nanpercentile(a: NDArray, q: number | readonly number[], axis: number | null, keepdims: boolean): NanAware {
  return nanquantile(a, fractionsOf(q), axis, keepdims);
}

/** Percentiles checked against [0, 100] and turned into quantiles. */
function fractionsOf(q: number | readonly number[]): number | number[] {
  const qs = typeof q === "number" ? [q] : q;
  if (qs.some((x) => !(x >= 0 && x <= 100))) throw valueError("Percentiles must be in the range [0, 100]");
  return typeof q === "number" ? q / 100 : q.map((x) => x / 100);
}

/** np.median: the middle value, or the mean of the two middle values (in the dtype numpy's mean uses). */
export function median(a: NDArray, axis: number | null, keepdims: boolean): NDArray {
  return medianOf(a, axis, keepdims, false).result;
}

/** np.nanmedian: the median of each lane's non-NaN values. */
export function nanmedian(a: NDArray, axis: number | null, keepdims: boolean): NanAware {
  return medianOf(a, axis, keepdims, true);
}

function medianOf(a: NDArray, axis: number | null, keepdims: boolean, skipNan: boolean): NanAware {
  const { data, n, count, shape } = lanes(a, axis);
  const f32 = a.dtype.isFloat && a.dtype.itemsize <= 4;
  const outDtype = a.dtype.isFloat ? a.dtype : DTYPES.float64;
  const out = new Float64Array(count);
  let allNan = false;
  for (let l = 0; l < count; l++) {
    const base = l * n;
    const m = skipNan ? validCount(data, base, n) : n;
    if (m === 0 || Number.isNaN(data[base + m - 1])) {
      allNan ||= skipNan && m === 0;
      out[l] = NaN;
      continue;
    }
    // numpy takes the mean of the middle value(s); its sum starts from +0, so no median is -0.
    const hi = data[base + (m >> 1)];
    if (m % 2 === 1) out[l] = hi + 0;
    else {
      const lo = data[base + (m >> 1) - 1];
      out[l] = f32 ? Math.fround(Math.fround(0 + lo + hi) / 2) : (0 + lo + hi) / 2;
    }
  }
  return { result: store(outDtype, keepdims ? keepShape(a, axis, shape) : shape, out), allNan };
}
