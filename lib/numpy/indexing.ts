/**
 * numpy indexing: basic indices (ints, slices, Ellipsis, newaxis) produce views; integer and boolean
 * arrays (advanced indexing) produce copies, with numpy's placement rule for the broadcast index
 * dimensions (at the first advanced index when all advanced indices are adjacent, else in front).
 */
import { copyExact, isWideInt } from "./exact-int64";
import { DTYPES } from "./dtypes";
import { NumpyError, indexError, valueError } from "./errors";
import { deriveView } from "./kernels/heap";
import { NDArray, assign, astype, broadcastShapes, broadcastView, castInto, elementOffsets, fromStorage, offsetsOf, shapeSize } from "./ndarray";
import { allocate, castValue } from "./dtypes";

export type IndexItem =
  | { readonly kind: "int"; readonly value: number }
  | { readonly kind: "slice"; readonly start: number | null; readonly stop: number | null; readonly step: number | null }
  | { readonly kind: "newaxis" }
  | { readonly kind: "ellipsis" }
  | { readonly kind: "array"; readonly array: NDArray };

export const ELLIPSIS: IndexItem = { kind: "ellipsis" };
export const NEWAXIS: IndexItem = { kind: "newaxis" };
export const idx = (value: number): IndexItem => ({ kind: "int", value });
export const slice = (start: number | null = null, stop: number | null = null, step: number | null = null): IndexItem => ({
  kind: "slice",
  start,
  stop,
  step,
});
export const arrayIndex = (array: NDArray): IndexItem => ({ kind: "array", array });

/** Python's slice.indices(n): normalised start, step and the resulting length. */
export function sliceIndices(n: number, start: number | null, stop: number | null, step: number | null): [number, number, number] {
  const st = step ?? 1;
  if (st === 0) throw valueError("slice step cannot be zero");
  const lower = st < 0 ? -1 : 0;
  const upper = st < 0 ? n - 1 : n;
  const norm = (v: number | null, dflt: number): number => {
    if (v === null) return dflt;
    if (v < 0) {
      v += n;
      return v < lower ? lower : v;
    }
    return v > upper ? upper : v;
  };
  const s = norm(start, st < 0 ? upper : lower);
  const e = norm(stop, st < 0 ? lower : upper);
  const len = st > 0 ? (e > s ? Math.floor((e - s + st - 1) / st) : 0) : s > e ? Math.floor((s - e - st - 1) / -st) : 0;
  return [s, st, len];
}

function boundsError(index: number, axis: number, size: number): NumpyError {
  return indexError(`index ${index} is out of bounds for axis ${axis} with size ${size}`);
}

type Resolved =
  | { readonly kind: "view"; readonly view: NDArray }
  | { readonly kind: "gather"; readonly shape: number[]; readonly offsets: Int32Array };

interface Advanced {
  vdim: number;
  srcAxis: number;
  index: NDArray;
}

function nonzeroColumns(mask: NDArray): NDArray[] {
  const n = mask.size;
  const data = mask.isCContiguous ? deriveView(mask.data, mask.offset, mask.offset + n) : astype(mask, mask.dtype).data;
  let count = 0;
  for (let i = 0; i < n; i++) if (data[i] !== 0) count++;
  const cols = mask.shape.map(() => new Float64Array(count));
  let k = 0;
  const nd = mask.ndim;
  for (let i = 0; i < n; i++) {
    if (data[i] === 0) continue;
    let rem = i;
    for (let d = nd - 1; d >= 0; d--) {
      cols[d][k] = rem % mask.shape[d];
      rem = Math.floor(rem / mask.shape[d]);
    }
    k++;
  }
  return cols.map((c) => fromStorage(DTYPES.int64, [count], c));
}

export function resolveIndex(a: NDArray, items: readonly IndexItem[]): Resolved {
  const consumed = (it: IndexItem): number =>
    it.kind === "int" || it.kind === "slice" ? 1 : it.kind === "array" ? (it.array.dtype.kind === "b" ? it.array.ndim : 1) : 0;
  const ellipses = items.filter((it) => it.kind === "ellipsis").length;
  if (ellipses > 1) throw indexError("an index can only have a single ellipsis ('...')");
  const used = items.reduce((s, it) => s + consumed(it), 0);
  if (used > a.ndim) {
    throw indexError(`too many indices for array: array is ${a.ndim}-dimensional, but ${used} were indexed`);
  }
  const hasAdvanced = items.some((it) => it.kind === "array");
  const full: IndexItem[] = [];
  for (const it of items) {
    if (it.kind === "ellipsis") for (let i = 0; i < a.ndim - used; i++) full.push(slice());
    else full.push(it);
  }
  if (ellipses === 0) for (let i = used; i < a.ndim; i++) full.push(slice());

  const shape: number[] = [];
  const strides: number[] = [];
  let offset = a.offset;
  let axis = 0;
  const adv: Advanced[] = [];
  for (const it of full) {
    switch (it.kind) {
      case "newaxis":
        shape.push(1);
        strides.push(0);
        break;
      case "int": {
        const n = a.shape[axis];
        const i = it.value < 0 ? it.value + n : it.value;
        if (i < 0 || i >= n) throw boundsError(it.value, axis, n);
        if (hasAdvanced) {
          adv.push({ vdim: shape.length, srcAxis: axis, index: fromStorage(DTYPES.int64, [], Float64Array.of(i)) });
          shape.push(n);
          strides.push(a.strides[axis]);
        } else offset += i * a.strides[axis];
        axis++;
        break;
      }
      case "slice": {
        const [s, st, len] = sliceIndices(a.shape[axis], it.start, it.stop, it.step);
        offset += len > 0 ? s * a.strides[axis] : 0;
        shape.push(len);
        strides.push(st * a.strides[axis]);
        axis++;
        break;
      }
      case "array": {
        const arr = it.array;
        if (arr.dtype.kind === "b") {
          for (let d = 0; d < arr.ndim; d++) {
            if (arr.shape[d] !== a.shape[axis + d]) {
              throw indexError(
                `boolean index did not match indexed array along axis ${axis + d}; size of axis is ${a.shape[axis + d]} but size of corresponding boolean axis is ${arr.shape[d]}`,
              );
            }
          }
          if (arr.ndim === 0) {
            // a[True] adds a length-1 axis, a[False] a length-0 one.
            adv.push({ vdim: shape.length, srcAxis: -1, index: fromStorage(DTYPES.int64, [arr.getFlat(0) !== 0 ? 1 : 0], new Float64Array(arr.getFlat(0) !== 0 ? 1 : 0)) });
            shape.push(1);
            strides.push(0);
            break;
          }
          for (const col of nonzeroColumns(arr)) {
            adv.push({ vdim: shape.length, srcAxis: axis, index: col });
            shape.push(a.shape[axis]);
            strides.push(a.strides[axis]);
            axis++;
          }
        } else {
          if (arr.dtype.isFloat) {
            throw indexError("arrays used as indices must be of integer (or boolean) type");
          }
          adv.push({ vdim: shape.length, srcAxis: axis, index: arr });
          shape.push(a.shape[axis]);
          strides.push(a.strides[axis]);
          axis++;
        }
        break;
      }
      case "ellipsis":
        break;
    }
  }
  if (adv.length === 0) return { kind: "view", view: new NDArray(a.data, a.dtype, shape, strides, offset) };

  let bshape: number[];
  try {
    bshape = broadcastShapes(...adv.map((x) => x.index.shape));
  } catch {
    throw indexError(
      `shape mismatch: indexing arrays could not be broadcast together with shapes ${adv.map((x) => fmtShape(x.index.shape)).join(" ")} `,
    );
  }
  const bsize = shapeSize(bshape);
  // Advanced contribution to the offset of each broadcast index position.
  const advOff = new Float64Array(bsize);
  for (const x of adv) {
    const n = shape[x.vdim];
    const s = strides[x.vdim];
    const ix = broadcastView(x.index, bshape);
    const offs = offsetsOf(ix);
    for (let i = 0; i < bsize; i++) {
      let v = ix.data[offs[i]];
      if (x.srcAxis >= 0) {
        if (v < -n || v >= n) throw boundsError(v, x.srcAxis, n);
        if (v < 0) v += n;
      }
      advOff[i] += v * s;
    }
  }
  const vdims = adv.map((x) => x.vdim);
  const adjacent = vdims.every((d, i) => i === 0 || d === vdims[i - 1] + 1);
  const advSet = new Set(vdims);
  const rest = shape.map((_, d) => d).filter((d) => !advSet.has(d));
  const p = adjacent ? rest.filter((d) => d < vdims[0]).length : 0;
  const pre = rest.slice(0, p);
  const post = rest.slice(p);
  const preOff = elementOffsets(pre.map((d) => shape[d]), pre.map((d) => strides[d]), 0);
  const postOff = elementOffsets(post.map((d) => shape[d]), post.map((d) => strides[d]), 0);
  const outShape = [...pre.map((d) => shape[d]), ...bshape, ...post.map((d) => shape[d])];
  const total = preOff.length * bsize * postOff.length;
  const offsets = new Int32Array(total);
  let k = 0;
  for (let i = 0; i < preOff.length; i++) {
    for (let b = 0; b < bsize; b++) {
      const base = offset + preOff[i] + advOff[b];
      for (let j = 0; j < postOff.length; j++) offsets[k++] = base + postOff[j];
    }
  }
  return { kind: "gather", shape: outShape, offsets };
}

function fmtShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(",")})`;
}

export function getItem(a: NDArray, items: readonly IndexItem[]): NDArray {
  const r = resolveIndex(a, items);
  if (r.kind === "view") return r.view;
  const out = allocate(a.dtype, r.offsets.length);
  const src = a.data;
  const offs = r.offsets;
  for (let i = 0; i < offs.length; i++) out[i] = src[offs[i]];
  if (isWideInt(a.dtype)) copyExact(src, out, offs.length, (k) => offs[k], (k) => k, a.dtype.kind === "u");
  return fromStorage(a.dtype, r.shape, out);
}

export function setItem(a: NDArray, items: readonly IndexItem[], value: NDArray | number): void {
  const r = resolveIndex(a, items);
  if (r.kind === "view") {
    if (typeof value === "number") {
      const v = castValue(a.dtype, value);
      if (r.view.isCContiguous) r.view.data.fill(v, r.view.offset, r.view.offset + r.view.size);
      else {
        const offs = offsetsOf(r.view);
        for (let i = 0; i < offs.length; i++) a.data[offs[i]] = v;
      }
    } else assign(r.view, value);
    return;
  }
  const n = r.offsets.length;
  const vals = allocate(a.dtype, n);
  if (typeof value === "number") vals.fill(castValue(a.dtype, value));
  else {
    let src = value;
    if (src.ndim > r.shape.length) {
      const extra = src.ndim - r.shape.length;
      if (src.shape.slice(0, extra).some((d) => d !== 1)) {
        throw valueError(
          `shape mismatch: value array of shape ${fmtShape(src.shape)} could not be broadcast to indexing result of shape ${fmtShape(r.shape)}`,
        );
      }
      src = new NDArray(src.data, src.dtype, src.shape.slice(extra), src.strides.slice(extra), src.offset);
    }
    let view: NDArray;
    try {
      view = broadcastView(src, r.shape);
    } catch {
      throw valueError(
        `shape mismatch: value array of shape ${fmtShape(value.shape)} could not be broadcast to indexing result of shape ${fmtShape(r.shape)}`,
      );
    }
    const offs = offsetsOf(view);
    const tmp = allocate(view.dtype, n);
    for (let i = 0; i < n; i++) tmp[i] = view.data[offs[i]];
    castInto(tmp, view.dtype, vals, a.dtype);
    if (isWideInt(a.dtype) && isWideInt(view.dtype)) copyExact(view.data, vals, n, (k) => offs[k], (k) => k, a.dtype.kind === "u");
  }
  for (let i = 0; i < n; i++) a.data[r.offsets[i]] = vals[i];
  if (isWideInt(a.dtype)) copyExact(vals, a.data, n, (k) => k, (k) => r.offsets[k], a.dtype.kind === "u");
}
