/**
 * Shape manipulation: views where numpy returns views (reshape of contiguous data, transpose,
 * expand_dims, squeeze, flip, ravel of contiguous data), copies otherwise.
 */
import { type DType, type DTypeName, type Storage, resultType } from "./dtypes";
import { NumpyError, checkJsArrayLength, valueError } from "./errors";
import { reinterpretView } from "./kernels/heap";
import { NDArray, assign, cStrides, copyArray, emptyArray, fill, shapeSize } from "./ndarray";
import { normalizeAxis, normalizeAxes } from "./reductions";

export function reshape(a: NDArray, shape: readonly number[]): NDArray {
  const unknown = shape.filter((d) => d === -1).length;
  if (unknown > 1) throw valueError("can only specify one unknown dimension");
  if (shape.some((d) => d < -1 || !Number.isInteger(d))) throw valueError("negative dimensions not allowed");
  const known = shapeSize(shape.filter((d) => d !== -1));
  let resolved = shape.slice();
  if (unknown === 1) {
    if (known === 0 || a.size % known !== 0) {
      throw valueError(`cannot reshape array of size ${a.size} into shape ${fmtUnknown(shape)}`);
    }
    resolved = shape.map((d) => (d === -1 ? a.size / known : d));
  } else if (known !== a.size) {
    throw valueError(`cannot reshape array of size ${a.size} into shape ${fmt(shape, true)}`);
  }
  const src = a.isCContiguous ? a : copyArray(a);
  return new NDArray(src.data, src.dtype, resolved, cStrides(resolved), src.offset);
}

function fmt(shape: readonly number[], trailingComma: boolean): string {
  return shape.length === 1 && trailingComma ? `(${shape[0]},)` : `(${shape.join(",")})`;
}

/** numpy prints the unknown dimension as "newaxis", and drops it entirely when it comes first. */
function fmtUnknown(shape: readonly number[]): string {
  const parts = shape.flatMap((d, i) => (d !== -1 ? [String(d)] : i === 0 ? [] : ["newaxis"]));
  return `(${parts.join(",")})`;
}

export function ravel(a: NDArray): NDArray {
  return reshape(a, [a.size]);
}

export function flatten(a: NDArray): NDArray {
  return reshape(copyArray(a), [a.size]);
}

export function transpose(a: NDArray, axes?: readonly number[] | null): NDArray {
  // The count is checked first: numpy says "axes don't match array" before looking at each axis.
  if (axes !== undefined && axes !== null && axes.length !== a.ndim) throw valueError("axes don't match array");
  const perm = axes === undefined || axes === null ? a.shape.map((_, i) => a.ndim - 1 - i) : axes.map((ax) => normalizeAxis(ax, a.ndim));
  if (new Set(perm).size !== perm.length) throw valueError("repeated axis in transpose");
  return new NDArray(a.data, a.dtype, perm.map((p) => a.shape[p]), perm.map((p) => a.strides[p]), a.offset);
}

export function swapaxes(a: NDArray, axis1: number, axis2: number): NDArray {
  const i = normalizeAxis(axis1, a.ndim, "axis1");
  const j = normalizeAxis(axis2, a.ndim, "axis2");
  const perm = a.shape.map((_, k) => k);
  perm[i] = j;
  perm[j] = i;
  return transpose(a, perm);
}

export function moveaxis(a: NDArray, source: number, destination: number): NDArray {
  const s = normalizeAxis(source, a.ndim, "source");
  const d = normalizeAxis(destination, a.ndim, "destination");
  const order = a.shape.map((_, k) => k).filter((k) => k !== s);
  order.splice(d, 0, s);
  return transpose(a, order);
}

export function expandDims(a: NDArray, axis: number | readonly number[]): NDArray {
  const axes = typeof axis === "number" ? [axis] : axis;
  const outNd = a.ndim + axes.length;
  const norm = normalizeAxes(axes, outNd);
  const shape: number[] = [];
  const strides: number[] = [];
  let k = 0;
  for (let i = 0; i < outNd; i++) {
    if (norm.includes(i)) {
      shape.push(1);
      strides.push(0);
    } else {
      shape.push(a.shape[k]);
      strides.push(a.strides[k]);
      k++;
    }
  }
  return new NDArray(a.data, a.dtype, shape, strides, a.offset);
}

export function squeeze(a: NDArray, axis?: number | readonly number[] | null): NDArray {
  const axes =
    axis === undefined || axis === null ? a.shape.map((d, i) => (d === 1 ? i : -1)).filter((i) => i >= 0) : normalizeAxes(axis, a.ndim);
  for (const ax of axes) {
    if (a.shape[ax] !== 1) throw valueError("cannot select an axis to squeeze out which has size not equal to one");
  }
  const keep = a.shape.map((_, i) => i).filter((i) => !axes.includes(i));
  return new NDArray(a.data, a.dtype, keep.map((i) => a.shape[i]), keep.map((i) => a.strides[i]), a.offset);
}

export function flip(a: NDArray, axis?: number | readonly number[] | null): NDArray {
  const axes = normalizeAxes(axis, a.ndim);
  let offset = a.offset;
  const strides = a.strides.slice();
  for (const ax of axes) {
    if (a.shape[ax] > 0) offset += (a.shape[ax] - 1) * a.strides[ax];
    strides[ax] = -a.strides[ax];
  }
  return new NDArray(a.data, a.dtype, a.shape.slice(), strides, offset);
}

export function atleast1d(a: NDArray): NDArray {
  return a.ndim >= 1 ? a : reshape(a, [1]);
}

export function atleast2d(a: NDArray): NDArray {
  if (a.ndim >= 2) return a;
  return a.ndim === 0 ? reshape(a, [1, 1]) : expandDims(a, 0);
}

export function atleast3d(a: NDArray): NDArray {
  if (a.ndim >= 3) return a;
  if (a.ndim === 0) return reshape(a, [1, 1, 1]);
  if (a.ndim === 1) return expandDims(expandDims(a, 0), 2);
  return expandDims(a, 2);
}

/** A view of `a` restricted to [start, stop) along one axis. */
export function sliceAxis(a: NDArray, axis: number, start: number, stop: number): NDArray {
  const shape = a.shape.slice();
  shape[axis] = Math.max(0, stop - start);
  return new NDArray(a.data, a.dtype, shape, a.strides.slice(), a.offset + start * a.strides[axis]);
}

export function concatenate(arrays: readonly NDArray[], axis: number | null = 0, dtype?: DType): NDArray {
  if (arrays.length === 0) throw valueError("need at least one array to concatenate");
  if (axis === null) return concatenate(arrays.map(ravel), 0, dtype);
  const first = arrays[0];
  if (first.ndim === 0) throw valueError("zero-dimensional arrays cannot be concatenated");
  const ax = normalizeAxis(axis, first.ndim);
  arrays.forEach((arr, idx) => {
    if (arr.ndim !== first.ndim) {
      throw valueError(
        `all the input arrays must have same number of dimensions, but the array at index 0 has ${first.ndim} dimension(s) and the array at index ${idx} has ${arr.ndim} dimension(s)`,
      );
    }
    for (let d = 0; d < first.ndim; d++) {
      if (d !== ax && arr.shape[d] !== first.shape[d]) {
        throw valueError(
          `all the input array dimensions except for the concatenation axis must match exactly, but along dimension ${d}, the array at index 0 has size ${first.shape[d]} and the array at index ${idx} has size ${arr.shape[d]}`,
        );
      }
    }
  });
  const outType = dtype ?? resultType(...arrays.map((x) => x.dtype));
  const shape = first.shape.slice();
  shape[ax] = arrays.reduce((s, x) => s + x.shape[ax], 0);
  const out = emptyArray(outType, shape);
  let pos = 0;
  for (const arr of arrays) {
    assign(sliceAxis(out, ax, pos, pos + arr.shape[ax]), arr);
    pos += arr.shape[ax];
  }
  return out;
}

export function stack(arrays: readonly NDArray[], axis = 0): NDArray {
  if (arrays.length === 0) throw valueError("need at least one array to stack");
  const shape0 = arrays[0].shape;
  if (!arrays.every((x) => x.ndim === shape0.length && x.shape.every((d, i) => d === shape0[i]))) {
    throw valueError("all input arrays must have the same shape");
  }
  const ax = normalizeAxis(axis, shape0.length + 1);
  return concatenate(arrays.map((x) => expandDims(x, ax)), ax);
}

export function vstack(arrays: readonly NDArray[]): NDArray {
  return concatenate(arrays.map(atleast2d), 0);
}

export function hstack(arrays: readonly NDArray[]): NDArray {
  const arrs = arrays.map(atleast1d);
  return concatenate(arrs, arrs[0] !== undefined && arrs[0].ndim === 1 ? 0 : 1);
}

export function dstack(arrays: readonly NDArray[]): NDArray {
  return concatenate(arrays.map(atleast3d), 2);
}

export function columnStack(arrays: readonly NDArray[]): NDArray {
  return concatenate(arrays.map((x) => (x.ndim < 2 ? transpose(atleast2d(x)) : x)), 1);
}

/** np.array_split / np.split: an int (number of sections) or a list of split indices. */
export function arraySplit(a: NDArray, sections: number | readonly number[], axis = 0, strict = false): NDArray[] {
  const ax = normalizeAxis(axis, a.ndim);
  const n = a.shape[ax];
  let bounds: number[];
  if (typeof sections === "number") {
    if (sections <= 0 || !Number.isInteger(sections)) throw valueError("number sections must be larger than 0.");
    if (strict && n % sections !== 0) throw valueError("array split does not result in an equal division");
    checkJsArrayLength(sections);
    const each = Math.floor(n / sections);
    const extra = n % sections;
    bounds = [0];
    for (let i = 0; i < sections; i++) bounds.push(bounds[i] + each + (i < extra ? 1 : 0));
  } else {
    bounds = [0, ...sections.map((i) => Math.min(n, Math.max(0, i < 0 ? i + n : i))), n];
  }
  const out: NDArray[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) out.push(sliceAxis(a, ax, bounds[i], Math.max(bounds[i], bounds[i + 1])));
  return out;
}

export function split(a: NDArray, sections: number | readonly number[], axis = 0): NDArray[] {
  return arraySplit(a, sections, axis, true);
}

export function tile(a: NDArray, reps: number | readonly number[]): NDArray {
  const r = typeof reps === "number" ? [reps] : reps.slice();
  const nd = Math.max(a.ndim, r.length);
  const shape = [...new Array<number>(nd - a.ndim).fill(1), ...a.shape];
  const full = [...new Array<number>(nd - r.length).fill(1), ...r];
  const src = new NDArray(a.data, a.dtype, shape, [...new Array<number>(nd - a.ndim).fill(0), ...a.strides], a.offset);
  // Interleave a repeat axis before every axis, broadcast, then merge.
  const bShape: number[] = [];
  const bStrides: number[] = [];
  for (let d = 0; d < nd; d++) {
    bShape.push(full[d], shape[d]);
    bStrides.push(0, src.strides[d]);
  }
  const view = new NDArray(src.data, src.dtype, bShape, bStrides, src.offset);
  return reshape(copyArray(view), shape.map((d, i) => d * full[i]));
}

/** Typed arrays of the dtypes whose storage holds their raw bits (not int64, float16 & co.). */
const RAW_STORAGE: Partial<Record<DTypeName, new (buffer: ArrayBufferLike, byteOffset: number, length: number) => Storage>> = {
  float64: Float64Array,
  float32: Float32Array,
  int32: Int32Array,
  uint32: Uint32Array,
  int16: Int16Array,
  uint16: Uint16Array,
  int8: Int8Array,
  uint8: Uint8Array,
  bool: Uint8Array,
};

/** ndarray.view(dtype): the same bytes read as another type of the same size (float32 <-> int32 bits). */
export function viewAs(a: NDArray, dtype: DType): NDArray {
  if (dtype === a.dtype) return new NDArray(a.data, a.dtype, a.shape.slice(), a.strides.slice(), a.offset);
  const Ctor = RAW_STORAGE[dtype.name];
  if (dtype.itemsize !== a.dtype.itemsize || Ctor === undefined || RAW_STORAGE[a.dtype.name] === undefined) {
    throw new NumpyError(
      "NotImplementedError",
      `ndarray.view from ${a.dtype.name} to ${dtype.name} is not supported in Kernel Lab (only reinterpreting bits between float32/int32/uint32, int16/uint16 and int8/uint8/bool)`,
    );
  }
  return new NDArray(reinterpretView(a.data, Ctor, a.data.length), dtype, a.shape.slice(), a.strides.slice(), a.offset);
}

/** np.diagonal as a view: the axes other than axis1/axis2 in order, then one stepping both at once. */
export function diagonal(a: NDArray, offset = 0, axis1 = 0, axis2 = 1): NDArray {
  if (a.ndim < 2) throw valueError("diag requires an array of at least two dimensions");
  const ax1 = normalizeAxis(axis1, a.ndim);
  const ax2 = normalizeAxis(axis2, a.ndim);
  if (ax1 === ax2) throw valueError("axis1 and axis2 cannot be the same");
  const rest = a.shape.map((_, d) => d).filter((d) => d !== ax1 && d !== ax2);
  const n = Math.max(0, Math.min(a.shape[ax1] + Math.min(offset, 0), a.shape[ax2] - Math.max(offset, 0)));
  const start = n === 0 ? a.offset : a.offset + Math.max(-offset, 0) * a.strides[ax1] + Math.max(offset, 0) * a.strides[ax2];
  return new NDArray(a.data, a.dtype, [...rest.map((d) => a.shape[d]), n], [...rest.map((d) => a.strides[d]), a.strides[ax1] + a.strides[ax2]], start);
}

/** np.resize: a's elements in C order, repeated cyclically (or cut short) to fill `shape`. */
export function resize(a: NDArray, shape: readonly number[]): NDArray {
  if (shape.some((d) => d < 0)) throw valueError("all elements of `new_shape` must be non-negative");
  const out = emptyArray(a.dtype, shape);
  if (a.size === 0 || out.size === 0) return out;
  const flat = copyArray(ravel(a));
  const n = flat.size;
  for (let i = 0; i < out.size; i++) out.data[i] = flat.data[i % n];
  return out;
}

export function repeat(a: NDArray, repeats: number | readonly number[], axis?: number | null): NDArray {
  const src = axis === undefined || axis === null ? ravel(a) : a;
  const ax = axis === undefined || axis === null ? 0 : normalizeAxis(axis, a.ndim);
  const n = src.shape[ax];
  checkJsArrayLength(n);
  const reps =
    typeof repeats === "number"
      ? new Array<number>(n).fill(repeats)
      : repeats.length === 1
        ? new Array<number>(n).fill(repeats[0])
        : repeats.slice();
  if (reps.length !== n) {
    throw valueError(`operands could not be broadcast together with shape (${n},) (${reps.length},)`);
  }
  if (reps.some((r) => r < 0)) throw valueError("repeats may not contain negative values.");
  const shape = src.shape.slice();
  shape[ax] = reps.reduce((s, r) => s + r, 0);
  const out = emptyArray(src.dtype, shape);
  let pos = 0;
  for (let i = 0; i < n; i++) {
    const piece = sliceAxis(src, ax, i, i + 1);
    for (let k = 0; k < reps[i]; k++) assign(sliceAxis(out, ax, pos + k, pos + k + 1), piece);
    pos += reps[i];
  }
  return out;
}

export type PadWidth = number | readonly number[] | readonly (readonly number[])[];

export type PadMode = "constant" | "edge" | "reflect" | "symmetric" | "wrap";

/** np.pad(a, pad_width, mode, constant_values=c) for the constant, edge, reflect, symmetric and wrap modes. */
export function pad(a: NDArray, padWidth: PadWidth, constantValue = 0, mode: PadMode = "constant"): NDArray {
  const widths: [number, number][] = [];
  for (let d = 0; d < a.ndim; d++) {
    if (typeof padWidth === "number") widths.push([padWidth, padWidth]);
    else if (padWidth.length > 0 && typeof padWidth[0] === "number") {
      const flat = padWidth as readonly number[];
      widths.push(flat.length === 1 ? [flat[0], flat[0]] : [flat[0], flat[1]]);
    } else {
      const nested = padWidth as readonly (readonly number[])[];
      const row = nested.length === 1 ? nested[0] : nested[d];
      if (row === undefined) throw valueError(`unable to broadcast pad_width to the array shape`);
      widths.push(row.length === 1 ? [row[0], row[0]] : [row[0], row[1]]);
    }
  }
  if (widths.some(([x, y]) => x < 0 || y < 0)) throw valueError("index can't contain negative values");
  const shape = a.shape.map((d, i) => d + widths[i][0] + widths[i][1]);
  const out = emptyArray(a.dtype, shape);
  fill(out, constantValue);
  let inner = out;
  for (let d = 0; d < a.ndim; d++) inner = sliceAxis(inner, d, widths[d][0], widths[d][0] + a.shape[d]);
  assign(inner, a);
  if (mode === "constant") return out;
  // Fill the borders axis by axis from the already-filled interior, as numpy does.
  for (let d = 0; d < a.ndim; d++) {
    const [before, after] = widths[d];
    const n = a.shape[d];
    if ((before > 0 || after > 0) && n === 0) throw valueError(`can't extend empty axis ${d} using modes other than 'constant' or 'empty'`);
    for (let k = 0; k < before + after; k++) {
      const pos = k < before ? before - 1 - k : before + n + (k - before);
      const src = before + sourceIndex(pos - before, n, mode);
      assign(sliceAxis(out, d, pos, pos + 1), copyArray(sliceAxis(out, d, src, src + 1)));
    }
  }
  return out;
}

/** The interior index (0..n-1) a padded position i (< 0 or >= n) copies from. */
function sourceIndex(i: number, n: number, mode: PadMode): number {
  if (mode === "edge") return i < 0 ? 0 : n - 1;
  if (mode === "wrap") return ((i % n) + n) % n;
  if (n === 1) return 0;
  // reflect mirrors about the edge element, symmetric repeats it.
  const period = mode === "reflect" ? 2 * (n - 1) : 2 * n;
  const j = ((i % period) + period) % period;
  if (mode === "reflect") return j < n ? j : period - j;
  return j < n ? j : period - 1 - j;
}

export function ascontiguousarray(a: NDArray): NDArray {
  const r = a.isCContiguous ? a : copyArray(a);
  return r.ndim === 0 ? reshape(r, [1]) : r;
}

/**
 * np.roll(a, shift, axis): elements shifted along each axis (wrapping around); with axis None the
 * flattened array is rolled and the shape restored. shift and axis broadcast against each other,
 * shifts of a repeated axis adding up.
 */
export function roll(a: NDArray, shift: number | readonly number[], axis: number | readonly number[] | null = null): NDArray {
  if (axis === null) {
    const total = typeof shift === "number" ? shift : shift.reduce((s, x) => s + x, 0);
    return reshape(roll(ravel(a), total, 0), a.shape);
  }
  const shifts = typeof shift === "number" ? [shift] : shift;
  const axes = typeof axis === "number" ? [axis] : axis;
  if (shifts.length !== axes.length && shifts.length !== 1 && axes.length !== 1) {
    throw valueError("'shift' and 'axis' should be scalars or 1D sequences");
  }
  const n = Math.max(shifts.length, axes.length);
  const byAxis = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const ax = normalizeAxis(axes[axes.length === 1 ? 0 : i], a.ndim);
    byAxis.set(ax, (byAxis.get(ax) ?? 0) + shifts[shifts.length === 1 ? 0 : i]);
  }
  let out = a;
  for (const [ax, s] of byAxis) {
    const len = a.shape[ax];
    const k = len === 0 ? 0 : ((s % len) + len) % len;
    if (k !== 0) out = concatenate([sliceAxis(out, ax, len - k, len), sliceAxis(out, ax, 0, len - k)], ax);
  }
  return out === a ? copyArray(a) : out;
}
