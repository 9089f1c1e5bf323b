/**
 * Index-driven selection helpers host code uses around kernels: take, take_along_axis,
 * put_along_axis, diff, tril/triu, triu_indices, diag.
 */
import { DTYPES, castValue } from "./dtypes";
import { checkJsArrayLength, indexError, valueError } from "./errors";
import { getItem } from "./indexing";
import { NDArray, assign, broadcastShapes, broadcastTo, copyArray, emptyArray, fromStorage, offsetsOf } from "./ndarray";
import { normalizeAxis } from "./reductions";
import { moveaxis, ravel, sliceAxis } from "./shape";
import { binary } from "./ufuncs";

/** np.take(a, indices, axis=None). */
export function take(a: NDArray, indices: NDArray, axis: number | null = null): NDArray {
  const src = axis === null ? ravel(a) : a;
  const ax = axis === null ? 0 : normalizeAxis(axis, a.ndim);
  const items = src.shape.map((_, d) => (d === ax ? { kind: "array" as const, array: indices } : { kind: "slice" as const, start: null, stop: null, step: null }));
  return getItem(src, items);
}

/** Buffer offsets of arr's elements selected by `indices` along `axis` (both broadcast together). */
function alongAxisOffsets(arr: NDArray, indices: NDArray, axis: number): { offsets: Int32Array; shape: number[] } {
  if (indices.ndim !== arr.ndim) {
    throw valueError("`indices` and `arr` must have the same number of dimensions");
  }
  if (!indices.dtype.isInteger) throw indexError("`indices` must be an integer array");
  const shapeA = arr.shape.map((d, i) => (i === axis ? 1 : d));
  const shapeI = indices.shape.map((d, i) => (i === axis ? 1 : d));
  const outer = broadcastShapes(shapeA, shapeI);
  const shape = outer.map((d, i) => (i === axis ? indices.shape[axis] : d));
  const idx = broadcastTo(indices, shape);
  // Start of each selected run: the selection axis and arr's broadcast axes contribute no stride.
  const base = new NDArray(arr.data, arr.dtype, shape, arr.strides.map((s, i) => (i === axis || arr.shape[i] === 1 ? 0 : s)), arr.offset);
  const baseOff = offsetsOf(base);
  const idxOff = offsetsOf(idx);
  const n = arr.shape[axis];
  const offsets = new Int32Array(baseOff.length);
  for (let k = 0; k < offsets.length; k++) {
    let i = idx.data[idxOff[k]];
    if (i < -n || i >= n) throw indexError(`index ${i} is out of bounds for axis ${axis} with size ${n}`);
    if (i < 0) i += n;
    offsets[k] = baseOff[k] + i * arr.strides[axis];
  }
  return { offsets, shape };
}

export function takeAlongAxis(arr: NDArray, indices: NDArray, axis: number | null): NDArray {
  if (axis === null) return takeAlongAxis(ravel(arr), ravel(indices), 0);
  const ax = normalizeAxis(axis, arr.ndim);
  const { offsets, shape } = alongAxisOffsets(arr, indices, ax);
  const out = emptyArray(arr.dtype, shape);
  for (let k = 0; k < offsets.length; k++) out.data[k] = arr.data[offsets[k]];
  return out;
}

export function putAlongAxis(arr: NDArray, indices: NDArray, values: NDArray, axis: number): void {
  const ax = normalizeAxis(axis, arr.ndim);
  const { offsets, shape } = alongAxisOffsets(arr, indices, ax);
  const v = broadcastTo(values, shape);
  const vo = offsetsOf(v);
  for (let k = 0; k < offsets.length; k++) arr.data[offsets[k]] = castValue(arr.dtype, v.data[vo[k]]);
}

/** np.diff(a, n=1, axis=-1). */
export function diff(a: NDArray, n = 1, axis = -1): NDArray {
  if (n < 0) throw valueError(`order must be non-negative but got ${n}`);
  let r = a;
  const ax = normalizeAxis(axis, a.ndim);
  for (let k = 0; k < n; k++) {
    const len = r.shape[ax];
    const hi = sliceAxis(r, ax, 1, len);
    const lo = sliceAxis(r, ax, 0, Math.max(0, len - 1));
    r = r.dtype.kind === "b" ? binary("not_equal", hi, lo) : binary("subtract", hi, lo);
  }
  return r === a ? copyArray(a) : r;
}

/** np.tril / np.triu: zero the elements above (tril) or below (triu) the k-th diagonal of the last two axes. */
export function triangle(a: NDArray, k: number, lower: boolean): NDArray {
  if (a.ndim < 2) throw valueError("input must be at least 2-d");
  const out = copyArray(a);
  const [m, n] = out.shape.slice(-2);
  const batch = out.size / (m * n || 1);
  for (let t = 0; t < batch; t++) {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        const keep = lower ? j - i <= k : j - i >= k;
        if (!keep) out.data[t * m * n + i * n + j] = 0;
      }
    }
  }
  return out;
}

/** np.triu_indices(n, k=0, m=None) as (rows, cols). */
export function triuIndices(n: number, k = 0, m: number | null = null): [NDArray, NDArray] {
  const cols = m ?? n;
  checkJsArrayLength(n * cols);
  const r: number[] = [];
  const c: number[] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < cols; j++) if (j - i >= k) {
    r.push(i);
    c.push(j);
  }
  return [fromStorage(DTYPES.int64, [r.length], Float64Array.from(r)), fromStorage(DTYPES.int64, [c.length], Float64Array.from(c))];
}

/** np.diag: the k-th diagonal of a 2-D array, or a 2-D array with a 1-D array on its k-th diagonal. */
export function diag(a: NDArray, k = 0): NDArray {
  if (a.ndim === 1) {
    const n = a.shape[0] + Math.abs(k);
    const out = emptyArray(a.dtype, [n, n]);
    for (let i = 0; i < a.shape[0]; i++) {
      const row = k >= 0 ? i : i - k;
      const col = k >= 0 ? i + k : i;
      out.data[row * n + col] = a.getFlat(i);
    }
    return out;
  }
  if (a.ndim !== 2) throw valueError("Input must be 1- or 2-d.");
  const [m, n] = a.shape;
  const len = Math.max(0, k >= 0 ? Math.min(m, n - k) : Math.min(m + k, n));
  const start = k >= 0 ? k * a.strides[1] : -k * a.strides[0];
  const view = new NDArray(a.data, a.dtype, [len], [a.strides[0] + a.strides[1]], a.offset + (len > 0 ? start : 0));
  return copyArray(view);
}

/** np.apply_along_axis(func, axis, arr) for a func returning arrays of one fixed shape (or scalars). */
export function applyAlongAxis(func: (row: NDArray) => NDArray, axis: number, arr: NDArray): NDArray {
  const ax = normalizeAxis(axis, arr.ndim);
  const moved = moveaxis(arr, ax, arr.ndim - 1);
  const outerShape = moved.shape.slice(0, -1);
  const count = outerShape.reduce((p, d) => p * d, 1);
  const results: NDArray[] = [];
  for (let t = 0; t < count; t++) {
    let rem = t;
    const idx = new Array<number>(outerShape.length);
    for (let d = outerShape.length - 1; d >= 0; d--) {
      idx[d] = rem % outerShape[d];
      rem = Math.floor(rem / outerShape[d]);
    }
    results.push(func(getItem(moved, idx.map((value) => ({ kind: "int" as const, value })))));
  }
  if (results.length === 0) throw valueError("Cannot apply_along_axis when any iteration dimensions are 0");
  const resShape = results[0].shape;
  const out = emptyArray(results[0].dtype, [...outerShape, ...resShape]);
  const flat = fromStorage(out.dtype, [count, ...resShape], out.data);
  results.forEach((r, t) => assign(getItem(flat, [{ kind: "int", value: t }]), r));
  // numpy puts the function's output dimensions where the iterated axis was.
  let res = out;
  for (let i = 0; i < resShape.length; i++) res = moveaxis(res, outerShape.length + i, ax + i);
  return res;
}
