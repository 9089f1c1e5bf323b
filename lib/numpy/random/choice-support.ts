/** The probability-vector helpers both choice() implementations share (numpy's cumsum/searchsorted path). */
import { valueError } from "../errors";

/** p.cumsum() / cdf[-1], summed left to right like numpy's cumsum. */
export function cumulativeDistribution(p: ArrayLike<number>): Float64Array {
  const cdf = new Float64Array(p.length);
  let acc = 0;
  for (let i = 0; i < p.length; i++) {
    acc += p[i];
    cdf[i] = acc;
  }
  const last = cdf[cdf.length - 1];
  for (let i = 0; i < cdf.length; i++) cdf[i] /= last;
  return cdf;
}

/** searchsorted(side='right'): the first index whose value is greater than x. */
export function searchSortedRight(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function kahanSum(p: ArrayLike<number>): number {
  if (p.length === 0) return 0;
  let sum = p[0];
  let c = 0;
  for (let i = 1; i < p.length; i++) {
    const y = p[i] - c;
    const t = sum + y;
    c = t - sum - y;
    sum = t;
  }
  return sum;
}

/** numpy's validation of `p` (float64 p; the tolerance is sqrt(float64 eps)). Messages differ by API. */
export function checkProbabilities(p: ArrayLike<number>, popSize: number, api: "legacy" | "generator"): void {
  const legacy = api === "legacy";
  if (p.length !== popSize) throw valueError(legacy ? "'a' and 'p' must have same size" : "a and p must have same size");
  const sum = kahanSum(p);
  if (Number.isNaN(sum)) throw valueError(legacy ? "probabilities contain NaN" : "Probabilities contain NaN");
  for (let i = 0; i < p.length; i++) {
    if (p[i] < 0) throw valueError(legacy ? "probabilities are not non-negative" : "Probabilities are not non-negative");
  }
  if (Math.abs(sum - 1) > Math.sqrt(2.220446049250313e-16)) {
    throw valueError(
      legacy
        ? "probabilities do not sum to 1"
        : "Probabilities do not sum to 1. See Notes section of docstring for more information.",
    );
  }
}

/** numpy's weighted sampling without replacement: redraw, zeroing found entries, keep first occurrences. */
export function uniqueWeightedDraws(p: ArrayLike<number>, size: number, uniform: (k: number) => Float64Array): Float64Array {
  let positive = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) positive++;
  if (positive < size) throw valueError("Fewer non-zero entries in p than size");
  const weights = Float64Array.from(p);
  const found = new Float64Array(size);
  let nUniq = 0;
  while (nUniq < size) {
    const x = uniform(size - nUniq);
    for (let i = 0; i < nUniq; i++) weights[found[i]] = 0;
    const cdf = cumulativeDistribution(weights);
    const seen = new Set<number>();
    for (let i = 0; i < x.length; i++) {
      const idx = searchSortedRight(cdf, x[i]);
      if (!seen.has(idx)) {
        seen.add(idx);
        found[nUniq++] = idx;
      }
    }
  }
  return found;
}
