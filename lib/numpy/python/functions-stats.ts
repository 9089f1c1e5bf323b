/**
 * numpy's statistics and signal helpers and index-based editing, built as numpy's own Python builds
 * them: cov, corrcoef, convolve, correlate, digitize, cross, insert, delete, cumulative_sum and
 * cumulative_prod. Sums of products run in index order; numpy's BLAS-backed dot products may
 * differ from them in the last bit (as matmul does).
 */
import { type DType, DTYPES, resultType } from "../dtypes";
import { NDArray, astype, broadcastTo, fromStorage, scalarArray } from "../ndarray";
import * as R from "../reductions";
import * as S from "../shape";
import { binary, clip, unary } from "../ufuncs";
import { dot } from "../linalg";
import { diag, take } from "../selection";
import { searchsorted } from "../sorting";
import * as E from "../../python/runtime/errors";
import { None, PyModule, PySlice, type PyValue } from "../../python/runtime/objects";
import type { Runtime } from "../../python/runtime/runtime";
import { toBool, toDtype, toInt } from "./convert";
import { wrap, wrapArray } from "./types";
import { arr, def, optInt } from "./define";

/** np.cov(m, y=None, rowvar=True, bias=False, ddof=None): unweighted, as numpy computes it. */
function cov(m: NDArray, y: NDArray | null, rowvar: boolean, bias: boolean, ddof: number | null, dtype?: DType): NDArray {
  if (m.ndim > 2) throw E.valueError("m has more than 2 dimensions");
  const target = dtype ?? resultType(m.dtype, DTYPES.float64);
  const rows = (a: NDArray): NDArray => {
    const x = a.ndim < 2 ? S.reshape(a, [1, a.size]) : a;
    return !rowvar && x.shape[0] !== 1 ? S.transpose(x) : x;
  };
  let X = astype(rows(m), target);
  if (y !== null) {
    if (y.ndim > 2) throw E.valueError("y has more than 2 dimensions");
    X = S.concatenate([X, astype(rows(y), target)], 0);
  }
  const fact = Math.max(0, X.shape[1] - (ddof ?? (bias ? 0 : 1)));
  const centred = binary("subtract", X, S.reshape(R.mean(X, { axis: 1 }), [X.shape[0], 1]));
  const c = binary("multiply", dot(centred, S.transpose(centred)), scalarArray(DTYPES.float64, 1 / fact));
  return S.squeeze(astype(c, target));
}

/** np.corrcoef: cov normalised by the standard deviations, clipped to [-1, 1]. */
function corrcoef(x: NDArray, y: NDArray | null, rowvar: boolean): NDArray {
  const c = cov(x, y, rowvar, false, null);
  if (c.ndim === 0) return binary("true_divide", c, c);
  const d = unary("sqrt", diag(c, 0));
  const scaled = binary("true_divide", binary("true_divide", c, S.reshape(d, [d.size, 1])), S.reshape(d, [1, d.size]));
  return clip(scaled, { kind: "int", value: -1 }, { kind: "int", value: 1 });
}

/** np.correlate(a, v, mode): sliding sums of products with numpy's output length and alignment. */
function correlate(a0: NDArray, v0: NDArray, mode: string): NDArray {
  const a = S.ravel(a0);
  const v = S.ravel(v0);
  if (a.size === 0) throw E.valueError("a cannot be empty");
  if (v.size === 0) throw E.valueError("v cannot be empty");
  if (mode !== "valid" && mode !== "same" && mode !== "full") throw E.valueError(`mode must be one of 'valid', 'same', or 'full' (got '${mode}')`);
  const dtype = resultType(a.dtype, v.dtype);
  // numpy slides the shorter operand along the longer one and reverses the result when it swapped them.
  const swapped = v.size > a.size;
  const long = swapped ? v : a;
  const short = swapped ? a : v;
  const n = long.size;
  const k = short.size;
  const left = mode === "full" ? k - 1 : mode === "same" ? Math.floor(k / 2) : 0;
  const length = mode === "full" ? n + k - 1 : mode === "same" ? n : n - k + 1;
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    let s = 0;
    for (let j = 0; j < k; j++) {
      const p = i - left + j;
      if (p >= 0 && p < n) s += long.getFlat(p) * short.getFlat(j);
    }
    out[i] = s;
  }
  if (swapped) out.reverse();
  return astype(fromStorage(DTYPES.float64, [length], out), dtype);
}

/** np.digitize: the bin of each x, for bins increasing or decreasing. */
function digitize(x: NDArray, bins: NDArray, right: boolean): NDArray {
  if (bins.ndim !== 1) throw E.valueError("object too deep for desired array");
  const b = bins;
  let increasing = true;
  let decreasing = true;
  for (let i = 1; i < b.size; i++) {
    if (b.getFlat(i) < b.getFlat(i - 1)) increasing = false;
    if (b.getFlat(i) > b.getFlat(i - 1)) decreasing = false;
  }
  if (!increasing && !decreasing) throw E.valueError("bins must be monotonically increasing or decreasing");
  const side = right ? "left" : "right";
  if (increasing) return searchsorted(b, x, side);
  return binary("subtract", { kind: "int", value: b.size }, searchsorted(S.flip(b, 0), x, side));
}

/** np.cross of 3-vectors (and numpy's deprecated 2-vectors) along the last axis, in numpy's operation order. */
function cross(a: NDArray, b: NDArray): NDArray {
  const la = a.shape[a.ndim - 1];
  const lb = b.shape[b.ndim - 1];
  if ((la !== 2 && la !== 3) || (lb !== 2 && lb !== 3)) throw E.valueError("incompatible dimensions for cross product\n(dimension must be 2 or 3)");
  const part = (x: NDArray, i: number, len: number): NDArray | { kind: "int"; value: number } =>
    i < len ? S.squeeze(S.sliceAxis(x, x.ndim - 1, i, i + 1), x.ndim - 1) : { kind: "int", value: 0 };
  const [a0, a1, a2] = [0, 1, 2].map((i) => part(a, i, la));
  const [b0, b1, b2] = [0, 1, 2].map((i) => part(b, i, lb));
  const term = (p: typeof a0, q: typeof a0, r: typeof a0, s: typeof a0): NDArray => binary("subtract", binary("multiply", p, q), binary("multiply", r, s));
  if (la === 2 && lb === 2) return term(a0, b1, a1, b0);
  return S.stack([term(a1, b2, a2, b1), term(a2, b0, a0, b2), term(a0, b1, a1, b0)], -1);
}

/**
 * `values` as np.insert places them at one index: at least `like`'s dimensions, the leading one
 * moved to `axis`, broadcast over the other axes, in `like`'s dtype.
 */
function insertBlock(values: NDArray, like: NDArray, axis: number): NDArray {
  let v = values;
  while (v.ndim < like.ndim) v = S.expandDims(v, 0);
  v = S.moveaxis(v, 0, axis);
  const shape = like.shape.slice();
  shape[axis] = v.shape[axis];
  return astype(broadcastTo(v, shape), like.dtype);
}

/** The positions np.insert/np.delete take: an int, a slice, or a sequence, along an axis of length n. */
function positions(v: PyValue, n: number, rt: Runtime, forInsert: boolean): number[] {
  if (v instanceof PySlice) {
    const [start, stop, step] = rt.sliceIndices(v, n);
    const out: number[] = [];
    for (let i = start; step > 0 ? i < stop : i > stop; i += step) out.push(i);
    return out;
  }
  const idx = arr(v, rt);
  if (idx.dtype.isFloat) throw E.indexError("arrays used as indices must be of integer (or boolean) type");
  const limit = forInsert ? n : n - 1;
  return Array.from({ length: idx.size }, (_, i) => {
    const p = idx.getFlat(i);
    if (p < -n || p > limit) {
      throw E.indexError(`index ${p} is out of bounds for axis 0 with size ${n}`);
    }
    return p < 0 ? p + n : p;
  });
}

export function initStatsFunctions(mod: PyModule): void {
  def(mod, "cov", ["m", "y", "rowvar", "bias", "ddof", "fweights", "aweights", "dtype"], 1, ([m, y, rv, b, dd, fw, aw, d], rt) => {
    if ((fw !== undefined && fw !== None) || (aw !== undefined && aw !== None)) throw E.notImplementedError("np.cov weights are not supported in Kernel Lab");
    // Always an ndarray (numpy squeezes a 1x1 result to a 0-d array, not a scalar).
    return wrapArray(cov(arr(m, rt), y === undefined || y === None ? null : arr(y, rt), toBool(rv, rt, true), toBool(b, rt, false), optInt(dd, rt, null), toDtype(d)));
  });
  def(mod, "corrcoef", ["x", "y", "rowvar"], 1, ([x, y, rv], rt) => wrap(corrcoef(arr(x, rt), y === undefined || y === None ? null : arr(y, rt), toBool(rv, rt, true))), ["dtype"]);
  def(mod, "correlate", ["a", "v", "mode"], 2, ([a, v, m], rt) => wrapArray(correlate(arr(a, rt), arr(v, rt), m === undefined ? "valid" : rt.str(m))));
  def(mod, "convolve", ["a", "v", "mode"], 2, ([a, v, m], rt) => {
    const x = S.ravel(arr(a, rt));
    const y = S.ravel(arr(v, rt));
    // numpy convolves by correlating with the reversed shorter operand (after swapping if v is longer).
    const [long, short] = y.size > x.size ? [y, x] : [x, y];
    return wrapArray(correlate(long, S.flip(short, 0), m === undefined ? "full" : rt.str(m)));
  });
  def(mod, "digitize", ["x", "bins", "right"], 2, ([x, b, r], rt) => wrap(digitize(arr(x, rt), arr(b, rt), toBool(r, rt, false))));
  def(mod, "cross", ["a", "b"], 2, ([a, b], rt) => wrap(cross(arr(a, rt), arr(b, rt))), ["axisa", "axisb", "axisc", "axis"]);
  def(mod, "insert", ["arr", "obj", "values", "axis"], 3, ([a, o, v, ax], rt) => {
    const x0 = arr(a, rt);
    const axis = ax === undefined || ax === None ? null : toInt(ax, rt);
    const x = axis === null ? S.ravel(x0) : x0;
    const ax1 = axis === null ? 0 : R.normalizeAxis(axis, x.ndim);
    const n = x.shape[ax1];
    const scalarIndex = typeof o === "number" || typeof o === "bigint";
    const at = positions(o as PyValue, n, rt, true);
    const values = astype(arr(v, rt), x.dtype);
    if (scalarIndex) {
      // A single index inserts all of values there, broadcast to the other axes.
      return wrapArray(S.concatenate([S.sliceAxis(x, ax1, 0, at[0]), insertBlock(values, x, ax1), S.sliceAxis(x, ax1, at[0], n)], ax1));
    }
    // Several indices: each gets one value, all placed relative to the original positions.
    const order = at.map((p, i) => [p, i]).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    const pieces: NDArray[] = [];
    let prev = 0;
    const flatValues = S.ravel(values);
    for (const [p, i] of order) {
      pieces.push(S.sliceAxis(x, ax1, prev, p));
      pieces.push(insertBlock(scalarArray(x.dtype, flatValues.getFlat(flatValues.size === 1 ? 0 : i)), x, ax1));
      prev = p;
    }
    pieces.push(S.sliceAxis(x, ax1, prev, n));
    return wrapArray(S.concatenate(pieces, ax1));
  });
  def(mod, "delete", ["arr", "obj", "axis"], 2, ([a, o, ax], rt) => {
    const x0 = arr(a, rt);
    const axis = ax === undefined || ax === None ? null : toInt(ax, rt);
    const x = axis === null ? S.ravel(x0) : x0;
    const ax1 = axis === null ? 0 : R.normalizeAxis(axis, x.ndim);
    const n = x.shape[ax1];
    const drop = new Set(positions(o as PyValue, n, rt, false));
    const keep = Array.from({ length: n }, (_, i) => i).filter((i) => !drop.has(i));
    return wrapArray(take(x, fromStorage(DTYPES.int64, [keep.length], Float64Array.from(keep)), ax1));
  });
  for (const [name, isSum] of [["cumulative_sum", true], ["cumulative_prod", false]] as const) {
    def(mod, name, ["x", "axis", "dtype", "out", "include_initial"], 1, ([x, ax, d, , init], rt) => {
      const a = arr(x, rt);
      if ((ax === undefined || ax === None) && a.ndim > 1) throw E.valueError("For arrays which have more than one dimension ``axis`` argument is required.");
      const axis = ax === undefined || ax === None ? 0 : R.normalizeAxis(toInt(ax, rt), a.ndim);
      const dtype = toDtype(d);
      const r = isSum ? R.cumsum(a, axis, dtype) : R.cumprod(a, axis, dtype);
      if (!toBool(init, rt, false)) return wrapArray(r);
      const first = S.sliceAxis(r, axis, 0, 1);
      return wrapArray(S.concatenate([insertBlock(scalarArray(r.dtype, isSum ? 0 : 1), first, axis), r], axis));
    });
  }
}
