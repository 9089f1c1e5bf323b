/**
 * np.histogram, computed the way numpy's implementation computes it (so values on bin edges land in
 * the same bins): equal-width bins place each value by `(x - first) / (last - first) * bins` in the
 * edges' dtype, corrected against the edges; explicit edges count by binary search. Edges are
 * linspace(min, max, bins + 1) in the input's float type (float64 for integers).
 */
import { type DType, DTYPES, castValue, resultType } from "./dtypes";
import { valueError } from "./errors";
import { deriveView } from "./kernels/heap";
import { linspace } from "./creation";
import { NDArray, contiguousData, fromStorage } from "./ndarray";
import { searchsorted, sort } from "./sorting";

export interface HistogramOptions {
  /** Number of equal-width bins, or the edges (monotonically increasing). */
  bins?: number | NDArray;
  range?: readonly [number, number] | null;
  weights?: NDArray | null;
  density?: boolean;
}

/** The histogram counts (int64, or the weights' float type) and the bin edges. */
export function histogram(a: NDArray, opts: HistogramOptions = {}): [NDArray, NDArray] {
  const bins = opts.bins ?? 10;
  const values = contiguousData(a);
  const weights = opts.weights == null ? null : contiguousData(opts.weights);
  if (weights !== null && weights.length !== values.length) throw valueError("weights should have the same shape as a.");
  const countType: DType = opts.weights == null ? DTYPES.int64 : opts.weights.dtype.isFloat ? opts.weights.dtype : DTYPES.float64;
  let counts: Float64Array;
  let edges: NDArray;
  if (typeof bins === "number") {
    if (!Number.isInteger(bins) || bins < 1) throw valueError("`bins` must be positive, when an integer");
    const [first, last] = outerEdges(values, opts.range ?? null);
    const edgeType = a.dtype.isFloat ? a.dtype : resultType(a.dtype, DTYPES.float64);
    // numpy's edges come from linspace(a.min(), a.max(), ...), which computes in a's float type;
    // a given range is Python floats, computed in float64.
    const compute = opts.range == null && a.dtype.isFloat ? a.dtype : DTYPES.float64;
    edges = linspace(first, last, bins + 1, true, edgeType, compute).samples;
    counts = equalWidthCounts(values, weights, castValue(edgeType, first), castValue(edgeType, last), bins, contiguousData(edges), edgeType);
  } else {
    if (bins.ndim !== 1) throw valueError("`bins` must be 1d, when an array");
    edges = bins;
    const e = contiguousData(bins);
    for (let i = 1; i < e.length; i++) if (!(e[i] >= e[i - 1])) throw valueError("`bins` must increase monotonically, when an array");
    counts = edgeCounts(a, values, weights, bins);
  }
  let hist = fromStorage(countType, [counts.length], countType === DTYPES.int64 ? counts : castArray(counts, countType));
  if (opts.density === true) {
    const e = contiguousData(edges);
    const total = counts.reduce((s, x) => s + x, 0);
    const out = new Float64Array(counts.length);
    for (let i = 0; i < counts.length; i++) out[i] = counts[i] / (e[i + 1] - e[i]) / total;
    hist = fromStorage(DTYPES.float64, [out.length], out);
  }
  return [hist, edges];
}

function castArray(counts: Float64Array, t: DType): NDArray["data"] {
  const out = t === DTYPES.float32 ? new Float32Array(counts.length) : new Float64Array(counts.length);
  for (let i = 0; i < counts.length; i++) out[i] = castValue(t, counts[i]);
  return out;
}

/** numpy's _get_outer_edges: the range given, or the data's min and max (widened by 0.5 when equal). */
function outerEdges(values: ArrayLike<number>, range: readonly [number, number] | null): [number, number] {
  let first: number;
  let last: number;
  if (range !== null) {
    [first, last] = range;
    if (first > last) throw valueError("max must be larger than min in range parameter.");
    if (!Number.isFinite(first) || !Number.isFinite(last)) throw valueError(`supplied range of [${fmt(first)}, ${fmt(last)}] is not finite`);
  } else if (values.length === 0) {
    [first, last] = [0, 1];
  } else {
    first = Infinity;
    last = -Infinity;
    for (let i = 0; i < values.length; i++) {
      const x = values[i];
      if (x !== x) {
        first = last = NaN;
        break;
      }
      if (x < first) first = x;
      if (x > last) last = x;
    }
    if (!Number.isFinite(first) || !Number.isFinite(last)) throw valueError(`autodetected range of [${fmt(first)}, ${fmt(last)}] is not finite`);
  }
  if (first === last) return [first - 0.5, last + 0.5];
  return [first, last];
}

const fmt = (x: number): string => (x !== x ? "nan" : x === Infinity ? "inf" : x === -Infinity ? "-inf" : String(x));

/** numpy's equal-width path: values outside [first, last] are dropped, the rest placed arithmetically. */
function equalWidthCounts(
  values: ArrayLike<number>,
  weights: ArrayLike<number> | null,
  first: number,
  last: number,
  bins: number,
  edges: ArrayLike<number>,
  edgeType: DType,
): Float64Array {
  const r = (x: number): number => castValue(edgeType, x);
  const denom = r(last - first);
  const counts = new Float64Array(bins);
  for (let i = 0; i < values.length; i++) {
    const x = r(values[i]);
    if (!(x >= first && x <= last)) continue;
    let k = Math.trunc(r(r(r(x - first) / denom) * bins));
    if (k === bins) k--;
    if (x < edges[k]) k--;
    else if (x >= edges[k + 1] && k !== bins - 1) k++;
    counts[k] += weights === null ? 1 : weights[i];
  }
  return counts;
}

/** numpy's explicit-edges path: counts between consecutive edges by binary search, the last bin closed. */
function edgeCounts(a: NDArray, values: ArrayLike<number>, weights: ArrayLike<number> | null, bins: NDArray): Float64Array {
  const e = contiguousData(bins);
  const nb = e.length - 1;
  const counts = new Float64Array(Math.max(nb, 0));
  if (weights === null) {
    const sorted = sort(fromStorage(a.dtype, [values.length], contiguousData(a)), null);
    const left = contiguousData(searchsorted(sorted, bins, "left"));
    const right = contiguousData(searchsorted(sorted, fromStorage(bins.dtype, [1], deriveView(e, nb)), "right"));
    const cum = (i: number): number => (i === nb ? right[0] : left[i]);
    for (let i = 0; i < nb; i++) counts[i] = cum(i + 1) - cum(i);
    return counts;
  }
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (!(x >= e[0] && x <= e[nb])) continue;
    let lo = 0;
    let hi = nb;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (x >= e[mid]) lo = mid;
      else hi = mid;
    }
    counts[lo] += weights[i];
  }
  return counts;
}
