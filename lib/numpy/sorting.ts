/**
 * sort, argsort (stable: equal keys keep their order, which numpy's default quicksort does not
 * promise but gives for small arrays), unique. NaN sorts last, as in numpy.
 */
import { DTYPES, allocate } from "./dtypes";
import { NDArray, contiguousData, copyArray, flatView, fromStorage } from "./ndarray";
import { exactAt, storeExact } from "./exact-int64";
import { holdsExact } from "./exact-int64-ops";
import { checkJsArrayLength, valueError } from "./errors";
import { normalizeAxis } from "./reductions";
import { moveaxis, ravel } from "./shape";

/** A sort key: a number, or a bigint for an exact (u)int64 value past 2^53 (exact-int64.ts). */
type Key = number | bigint;

function compare(x: Key, y: Key): number {
  if (x < y) return -1;
  if (x > y) return 1;
  if (x === y) return 0;
  // At least one NaN: NaNs go last.
  return x !== x ? (y !== y ? 0 : 1) : -1;
}

/** Element i of `data` as a key: exact when the array holds exact (u)int64 values. */
function keyReader(a: NDArray): (i: number) => Key {
  const data = a.data;
  return holdsExact(a) ? (i) => exactAt(data, i) : (i) => data[i];
}

function alongAxis(a: NDArray, axis: number | null, each: (key: (i: number) => Key, base: number, n: number, out: Key[]) => void, outDtype = a.dtype): NDArray {
  const src = axis === null ? ravel(a) : a;
  const ax = axis === null ? 0 : normalizeAxis(axis, src.ndim);
  const moved = copyArray(moveaxis(src, ax, src.ndim - 1));
  const n = moved.shape[moved.ndim - 1] ?? 1;
  checkJsArrayLength(n);
  const key = keyReader(moved);
  const out = allocate(outDtype, moved.size);
  const tmp: Key[] = [];
  for (let base = 0; base < moved.size; base += n) {
    tmp.length = 0;
    each(key, base, n, tmp);
    for (let j = 0; j < n; j++) {
      const v = tmp[j];
      if (typeof v === "bigint") storeExact(out, base + j, v, outDtype.kind === "u");
      else out[base + j] = v;
    }
  }
  const res = fromStorage(outDtype, moved.shape, out);
  return moveaxis(res, res.ndim - 1, ax);
}

export function sort(a: NDArray, axis: number | null = -1): NDArray {
  if (a.ndim === 0 && axis !== null) normalizeAxis(axis, 0);
  return copyArray(
    alongAxis(a, axis, (key, base, n, out) => {
      for (let j = 0; j < n; j++) out.push(key(base + j));
      out.sort(compare);
    }),
  );
}

export function argsort(a: NDArray, axis: number | null = -1): NDArray {
  return copyArray(
    alongAxis(
      a,
      axis,
      (key, base, n, out) => {
        const keys = Array.from({ length: n }, (_, j) => key(base + j));
        for (let j = 0; j < n; j++) out.push(j);
        out.sort((i, j) => compare(keys[i as number], keys[j as number]) || (i as number) - (j as number));
      },
      DTYPES.int64,
    ),
  );
}

export interface UniqueResult {
  values: NDArray;
  indices?: NDArray;
  inverse?: NDArray;
  counts?: NDArray;
}

export function unique(a: NDArray, opts: { returnIndex?: boolean; returnInverse?: boolean; returnCounts?: boolean } = {}): UniqueResult {
  const fv = flatView(a);
  checkJsArrayLength(fv.size);
  const read = keyReader(fv);
  const flat = Array.from({ length: fv.size }, (_, i) => read(fv.offset + i));
  const order = Array.from({ length: flat.length }, (_, i) => i).sort((i, j) => compare(flat[i], flat[j]) || i - j);
  const vals: Key[] = [];
  const first: number[] = [];
  const counts: number[] = [];
  const inverse = new Float64Array(flat.length);
  for (const i of order) {
    const v = flat[i];
    const last = vals.length - 1;
    const same = last >= 0 && (vals[last] === v || (v !== v && vals[last] !== vals[last]));
    if (!same) {
      vals.push(v);
      first.push(i);
      counts.push(0);
    }
    counts[vals.length - 1]++;
    inverse[i] = vals.length - 1;
  }
  const values = allocate(a.dtype, vals.length);
  vals.forEach((v, i) => (typeof v === "bigint" ? storeExact(values, i, v, a.dtype.kind === "u") : (values[i] = v)));
  const res: UniqueResult = { values: fromStorage(a.dtype, [vals.length], values) };
  if (opts.returnIndex) res.indices = fromStorage(DTYPES.int64, [first.length], Float64Array.from(first));
  if (opts.returnInverse) res.inverse = fromStorage(DTYPES.int64, a.ndim <= 1 ? [flat.length] : a.shape, inverse);
  if (opts.returnCounts) res.counts = fromStorage(DTYPES.int64, [counts.length], Float64Array.from(counts));
  return res;
}

/**
 * np.searchsorted(a, v, side, sorter): for each value of v, the index at which inserting it keeps
 * the 1-D array a (ascending, NaN last; through `sorter` when given) sorted: before equal values
 * for "left", after them for "right". The result has v's shape, int64.
 */
export function searchsorted(a: NDArray, v: NDArray, side: "left" | "right" = "left", sorter: NDArray | null = null): NDArray {
  if (a.ndim !== 1) throw valueError("object too deep for desired array");
  const data = contiguousData(a);
  const order = sorter === null ? null : contiguousData(sorter);
  if (order !== null && order.length !== data.length) throw valueError("sorter.size must equal a.size");
  const at = (i: number): number => data[order === null ? i : order[i]];
  const values = contiguousData(v);
  const out = new Float64Array(values.length);
  for (let k = 0; k < values.length; k++) {
    const x = values[k];
    let lo = 0;
    let hi = data.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = compare(at(mid), x);
      if (c < 0 || (side === "right" && c === 0)) lo = mid + 1;
      else hi = mid;
    }
    out[k] = lo;
  }
  return fromStorage(DTYPES.int64, v.shape, out);
}
