/** np.bincount: occurrence counts (or weight sums) of non-negative integers. */
import { DTYPES } from "./dtypes";
import { valueError } from "./errors";
import { NDArray, astype, contiguousData, fromStorage } from "./ndarray";

/**
 * np.bincount(x, weights=None, minlength=0). Float input is truncated to intp the way numpy 2.4 still
 * accepts it (with a DeprecationWarning we do not emit); the result is int64, or float64 with weights.
 * `reserve(bytes)` runs before the result is allocated, so a caller with a memory budget can refuse a
 * result sized by one huge value before it exists.
 */
export function bincount(x: NDArray, weights?: NDArray, minlength = 0, reserve?: (bytes: number) => void): NDArray {
  if (minlength < 0) throw valueError("'minlength' must not be negative");
  if (x.ndim === 0) throw valueError("object of too small depth for desired array");
  if (x.ndim > 1) throw valueError("object too deep for desired array");
  const n = x.size;
  if (weights !== undefined && weights.ndim !== 1) {
    throw valueError(weights.ndim === 0 ? "object of too small depth for desired array" : "object too deep for desired array");
  }
  if (weights !== undefined && weights.size !== n) throw valueError("The weights and list don't have the same length.");
  if (n === 0) reserve?.(minlength * 8);
  if (n === 0) return fromStorage(DTYPES.int64, [minlength], new Float64Array(minlength));
  const raw = contiguousData(x);
  const idx = new Float64Array(n);
  let top = -1;
  for (let i = 0; i < n; i++) {
    const v = Math.trunc(Number(raw[i]));
    if (v < 0) throw valueError("'list' argument must have no negative elements");
    idx[i] = v;
    if (v > top) top = v;
  }
  const len = Math.max(top + 1, minlength);
  reserve?.(len * 8);
  if (weights === undefined) {
    const counts = new Float64Array(len);
    for (const v of idx) counts[v]++;
    return fromStorage(DTYPES.int64, [len], counts);
  }
  const w = contiguousData(astype(weights, DTYPES.float64)) as Float64Array;
  const sums = new Float64Array(len);
  for (let i = 0; i < n; i++) sums[idx[i]] += w[i];
  return fromStorage(DTYPES.float64, [len], sums);
}
