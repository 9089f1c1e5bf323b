/**
 * numpy functions built from the core's primitives the way numpy's own Python implementations
 * build them (so results, dtypes and messages follow numpy's): array manipulation (append,
 * meshgrid, broadcast_arrays, rot90, hsplit/vsplit, diagonal, kron, tensordot), selection
 * (select, isin, flatnonzero, nanargmax/nanargmin, tri/tril_indices, indices), statistics
 * (average, ptp, interp), copyto, the real-array forms of conj/real/imag, and the printoptions
 * context manager.
 */
import { type DType, DTYPES, canCastSameKind, promoteWithScalar, resultType } from "../dtypes";
import { NDArray, type Operand, assign, astype, broadcastShapes, broadcastTo, fromStorage, isPyScalar, scalarArray } from "../ndarray";
import * as R from "../reductions";
import * as S from "../shape";
import { binary, unary, where } from "../ufuncs";
import { matmul } from "../linalg";
import { searchsorted } from "../sorting";
import * as E from "../../python/runtime/errors";
import { defineNativeType, nativeFunction } from "../../python/runtime/define";
import { None, PyFloat, PyList, PyModule, PyObject, PyTuple, typeOf, type Kwargs, type PyValue } from "../../python/runtime/objects";
import { PyNDArray, toArray, toAxis, toBool, toDtype, toOperand, toShape } from "./convert";
import { nonzeroIndices, printOptions, setPrintOptions, wrap, wrapArray } from "./types";
import { arr, def, optInt, seq } from "./define";
import type { PrintOptions } from "../printing";

const tuple = (xs: NDArray[]): PyTuple => new PyTuple(xs.map(wrapArray));

/** numpy.average: the mean, or with weights sum(a * w) / sum(w) in result_type(a, w) (float64 at least for integers). */
function average(a: NDArray, axis: number | null, w: NDArray | null, returned: boolean, keepdims: boolean): PyValue {
  if (w === null) {
    const avg = R.mean(a, { axis, keepdims });
    if (!returned) return wrap(avg);
    const count = axis === null ? a.size : a.shape[R.normalizeAxis(axis, a.ndim)];
    return new PyTuple([wrap(avg), wrap(astype(scalarArray(DTYPES.float64, count), avg.dtype))]);
  }
  const dtype = a.dtype.isInteger || a.dtype.kind === "b" ? resultType(a.dtype, w.dtype, DTYPES.float64) : resultType(a.dtype, w.dtype);
  let weights = w;
  const sameShape = a.ndim === w.ndim && a.shape.every((d, i) => d === w.shape[i]);
  if (!sameShape) {
    if (axis === null) throw E.typeError("Axis must be specified when shapes of a and weights differ.");
    if (w.ndim !== 1) throw E.typeError("1D weights expected when shapes of a and weights differ.");
    const ax = R.normalizeAxis(axis, a.ndim);
    if (w.shape[0] !== a.shape[ax]) throw E.valueError("Length of weights not compatible with specified axis.");
    const shape = a.shape.map((d, i) => (i === ax ? d : 1));
    weights = S.reshape(w, shape);
  }
  const scl = R.sum(astype(broadcastTo(weights, broadcastShapes(weights.shape, a.shape)), dtype), { axis, keepdims });
  if (R.any(binary("equal", scl, { kind: "int", value: 0 })).getFlat(0) !== 0) throw E.zeroDivisionError("Weights sum to zero, can't be normalized");
  const avg = binary("true_divide", R.sum(binary("multiply", astype(a, dtype), astype(weights, dtype)), { axis, keepdims }), scl);
  return returned ? new PyTuple([wrap(avg), wrap(astype(broadcastTo(scl, avg.shape), avg.dtype))]) : wrap(avg);
}

/** numpy.tensordot with axes as a count or a pair of axis lists. */
function tensordot(a: NDArray, b: NDArray, axesA: number[], axesB: number[]): NDArray {
  if (axesA.length !== axesB.length) throw E.valueError("shape-mismatch for sum");
  const na = axesA.map((x) => R.normalizeAxis(x, a.ndim));
  const nb = axesB.map((x) => R.normalizeAxis(x, b.ndim));
  for (let i = 0; i < na.length; i++) if (a.shape[na[i]] !== b.shape[nb[i]]) throw E.valueError("shape-mismatch for sum");
  const freeA = a.shape.map((_, d) => d).filter((d) => !na.includes(d));
  const freeB = b.shape.map((_, d) => d).filter((d) => !nb.includes(d));
  const k = na.reduce((p, d) => p * a.shape[d], 1);
  const at = S.reshape(S.transpose(a, [...freeA, ...na]), [freeA.reduce((p, d) => p * a.shape[d], 1), k]);
  const bt = S.reshape(S.transpose(b, [...nb, ...freeB]), [k, freeB.reduce((p, d) => p * b.shape[d], 1)]);
  return S.reshape(matmul(at, bt), [...freeA.map((d) => a.shape[d]), ...freeB.map((d) => b.shape[d])]);
}

/** numpy.kron: every a[i] * b block, laid out block by block. */
function kron(a: NDArray, b: NDArray): NDArray {
  const nd = Math.max(a.ndim, b.ndim);
  const as = [...new Array<number>(nd - a.ndim).fill(1), ...a.shape];
  const bs = [...new Array<number>(nd - b.ndim).fill(1), ...b.shape];
  const ax = S.reshape(a, as.flatMap((d) => [d, 1]));
  const bx = S.reshape(b, bs.flatMap((d) => [1, d]));
  return S.reshape(binary("multiply", ax, bx), as.map((d, i) => d * bs[i]));
}

/** numpy.interp for increasing xp: linear between the neighbours, left/right outside. */
function interp(x: NDArray, xp: NDArray, fp: NDArray, left: number | null, right: number | null): NDArray {
  if (xp.ndim !== 1 || fp.ndim !== 1) throw E.valueError("Data points must be 1D sequences");
  if (xp.size !== fp.size) throw E.valueError("fp and xp are not of the same length.");
  if (xp.size === 0) throw E.valueError("array of sample points is empty");
  const dx = astype(xp, DTYPES.float64);
  const dy = astype(fp, DTYPES.float64);
  const n = dx.size;
  const lo = left ?? dy.getFlat(0);
  const hi = right ?? dy.getFlat(n - 1);
  const xs = astype(x, DTYPES.float64);
  const idx = searchsorted(dx, xs, "right");
  const out = new Float64Array(xs.size);
  for (let i = 0; i < xs.size; i++) {
    const v = xs.getFlat(i);
    const j = idx.getFlat(i) - 1;
    if (Number.isNaN(v)) out[i] = v;
    else if (j < 0) out[i] = lo;
    else if (j >= n - 1) out[i] = v === dx.getFlat(n - 1) ? dy.getFlat(n - 1) : hi;
    else {
      const slope = (dy.getFlat(j + 1) - dy.getFlat(j)) / (dx.getFlat(j + 1) - dx.getFlat(j));
      // As numpy: from the left neighbour, else from the right one, else a flat segment's value.
      let r = slope * (v - dx.getFlat(j)) + dy.getFlat(j);
      if (Number.isNaN(r)) {
        r = slope * (v - dx.getFlat(j + 1)) + dy.getFlat(j + 1);
        if (Number.isNaN(r) && dy.getFlat(j) === dy.getFlat(j + 1)) r = dy.getFlat(j);
      }
      out[i] = r;
    }
  }
  return fromStorage(DTYPES.float64, xs.shape, out);
}

/** nanargmax/nanargmin: NaNs count as the losing extreme; an all-NaN slice is numpy's ValueError. */
function nanArgExtreme(a: NDArray, axis: number | null, isMax: boolean): NDArray {
  if (!a.dtype.isFloat) return isMax ? R.argmax(a, axis) : R.argmin(a, axis);
  const nan = unary("isnan", a);
  const allNan = axis === null ? R.all(nan) : R.all(nan, { axis });
  if (R.any(allNan).getFlat(0) !== 0) throw E.valueError("All-NaN slice encountered");
  const filled = where(nan, { kind: "float", value: isMax ? -Infinity : Infinity }, a);
  return isMax ? R.argmax(filled, axis) : R.argmin(filled, axis);
}

/** rot90: k quarter turns from axes[0] towards axes[1], as flips and a transpose (views). */
function rot90(m: NDArray, k0: number, axes: number[]): NDArray {
  if (axes.length !== 2) throw E.valueError("len(axes) must be 2.");
  const [a0, a1] = axes.map((x) => R.normalizeAxis(x, m.ndim));
  if (a0 === a1 || Math.abs(axes[0] - axes[1]) === m.ndim) throw E.valueError("Axes must be different.");
  const k = ((k0 % 4) + 4) % 4;
  if (k === 0) return m;
  if (k === 2) return S.flip(S.flip(m, a0), a1);
  const order = m.shape.map((_, d) => d);
  [order[a0], order[a1]] = [order[a1], order[a0]];
  return k === 1 ? S.transpose(S.flip(m, a1), order) : S.flip(S.transpose(m, order), a1);
}

/**
 * np.select: the first choice whose condition holds, else default, in result_type of all of them
 * (a Python number as default takes part weakly, as in any numpy promotion).
 */
function select(conds: NDArray[], choices: NDArray[], dflt: Operand): NDArray {
  if (conds.length !== choices.length) throw E.valueError("list of cases must be same length as list of conditions");
  if (conds.length === 0) throw E.valueError("select with an empty condition list is not possible");
  conds.forEach((c, i) => {
    if (c.dtype.kind !== "b") throw E.typeError(`invalid entry ${i} in condlist: should be boolean ndarray`);
  });
  const common = resultType(...choices.map((c) => c.dtype));
  const dtype = isPyScalar(dflt) ? promoteWithScalar(common, dflt.kind, dflt.value) : resultType(common, dflt.dtype);
  const shape = broadcastShapes(...conds.map((c) => c.shape), ...choices.map((c) => c.shape));
  const base = isPyScalar(dflt) ? scalarArray(dtype, dflt.value) : dflt;
  let result = astype(broadcastTo(base, shape), dtype);
  for (let i = conds.length - 1; i >= 0; i--) result = astype(where(conds[i], choices[i], result), dtype);
  return result;
}

/** np.tri: ones at and below the k-th diagonal of an N x M matrix. */
function tri(n: number, m: number, k: number, dtype: DType): NDArray {
  const out = new Uint8Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) out[i * m + j] = j - i <= k ? 1 : 0;
  return astype(fromStorage(DTYPES.bool, [n, m], out), dtype);
}

/** np.indices: a grid of each dimension's index, shape (len(dims), *dims). */
function indices(dims: number[], dtype: DType): NDArray {
  const size = dims.reduce((p, d) => p * d, 1);
  const out = new Float64Array(dims.length * size);
  for (let d = 0; d < dims.length; d++) {
    const inner = dims.slice(d + 1).reduce((p, x) => p * x, 1);
    for (let i = 0; i < size; i++) out[d * size + i] = Math.floor(i / inner) % dims[d];
  }
  return astype(fromStorage(DTYPES.int64, [dims.length, ...dims], out), dtype);
}

/** np.isin: membership of each element in the flattened test elements (NaN is never a member). */
function isin(element: NDArray, test: NDArray, invert: boolean): NDArray {
  const members = new Set<number>();
  // NaN is never equal to itself, but a Set would find it.
  for (let i = 0; i < test.size; i++) if (!Number.isNaN(test.getFlat(i))) members.add(test.getFlat(i));
  const out = new Uint8Array(element.size);
  for (let i = 0; i < element.size; i++) out[i] = members.has(element.getFlat(i)) !== invert ? 1 : 0;
  return fromStorage(DTYPES.bool, element.shape, out);
}

class PrintOptionsContext extends PyObject {
  saved: PrintOptions | null = null;
  constructor(
    readonly kw: Kwargs | null,
    readonly setOptions: PyValue,
    readonly getOptions: PyValue,
  ) {
    super(printOptionsContextType);
  }
}

const printOptionsContextType = defineNativeType<PrintOptionsContext>({
  name: "_GeneratorContextManager",
  module: "contextlib",
  instanceOf: PrintOptionsContext,
  methods: {
    // Applies the options through np.set_printoptions (its validation and messages), yields get_printoptions().
    __enter__: (self, _a, _k, rt) => {
      self.saved = printOptions(rt);
      rt.call(self.setOptions, [], self.kw);
      return rt.call(self.getOptions, [], null);
    },
    __exit__: (self, _a, _k, rt) => {
      if (self.saved !== null) setPrintOptions(rt, self.saved);
      return false;
    },
  },
});

export function initExtraFunctions(mod: PyModule): void {
  const existing = (name: string): PyValue => mod.scope.get(name) as PyValue;
  mod.set("asanyarray", existing("asarray"));
  mod.set("concat", existing("concatenate"));
  mod.set("permute_dims", existing("transpose"));
  def(mod, "matrix_transpose", ["x"], 1, ([x], rt) => {
    const a = arr(x, rt);
    if (a.ndim < 2) throw E.valueError(`Input array must be at least 2-dimensional, but it is ${a.ndim}`);
    return wrapArray(S.swapaxes(a, -1, -2));
  });
  mod.set("atleast_3d", nativeFunction("atleast_3d", (args, _kw, rt) => {
    const out = args.map((a) => wrapArray(S.atleast3d(toArray(a, rt))));
    return out.length === 1 ? out[0] : new PyTuple(out);
  }));
  def(mod, "append", ["arr", "values", "axis"], 2, ([a, v, ax], rt) => {
    if (ax === undefined || ax === None) return wrapArray(S.concatenate([S.ravel(arr(a, rt)), S.ravel(arr(v, rt))], 0));
    return wrapArray(S.concatenate([arr(a, rt), arr(v, rt)], optInt(ax, rt, 0)));
  });
  mod.set("broadcast_arrays", nativeFunction("broadcast_arrays", (args, _kw, rt) => {
    const xs = args.map((a) => toArray(a, rt));
    const shape = broadcastShapes(...xs.map((x) => x.shape));
    return tuple(xs.map((x) => broadcastTo(x, shape)));
  }));
  mod.set("broadcast_shapes", nativeFunction("broadcast_shapes", (args, _kw, rt) =>
    new PyTuple(broadcastShapes(...args.map((s) => toShape(s, rt))).slice()),
  ));
  mod.set("meshgrid", nativeFunction("meshgrid", (args, kw, rt) => {
    const indexing = kw?.get("indexing");
    const ij = indexing !== undefined && rt.str(indexing) === "ij";
    if (indexing !== undefined && !ij && rt.str(indexing) !== "xy") throw E.valueError("Valid values for `indexing` are 'xy' and 'ij'.");
    const sparse = toBool(kw?.get("sparse"), rt, false);
    const xs = args.map((a) => S.ravel(toArray(a, rt)));
    const nd = xs.length;
    const grids = xs.map((x, i) => {
      const shape = new Array<number>(nd).fill(1);
      // 'xy' puts the first two inputs' axes the other way round (Cartesian, not matrix, indexing).
      shape[!ij && nd > 1 && i < 2 ? 1 - i : i] = x.size;
      return S.reshape(x, shape);
    });
    if (sparse) return tuple(grids);
    const shape = broadcastShapes(...grids.map((g) => g.shape));
    return tuple(grids.map((g) => astype(broadcastTo(g, shape), g.dtype)));
  }));
  def(mod, "average", ["a", "axis", "weights", "returned", "keepdims"], 1, ([a, ax, w, ret, kd], rt) =>
    average(arr(a, rt), optInt(ax, rt, null), w === undefined || w === None ? null : arr(w, rt), toBool(ret, rt, false), toBool(kd, rt, false)),
  );
  def(mod, "ptp", ["a", "axis", "out", "keepdims"], 1, ([a, ax, , kd], rt) => {
    const x = arr(a, rt);
    const opts = { axis: toAxis(ax, rt), keepdims: toBool(kd, rt, false) };
    return wrap(binary("subtract", R.max(x, opts), R.min(x, opts)));
  });
  def(mod, "tensordot", ["a", "b", "axes"], 2, ([a, b, ax], rt) => {
    const x = arr(a, rt);
    const y = arr(b, rt);
    if (ax === undefined || typeof ax === "number" || typeof ax === "bigint") {
      const n = ax === undefined ? 2 : Number(ax);
      return wrap(tensordot(x, y, Array.from({ length: n }, (_, i) => x.ndim - n + i), Array.from({ length: n }, (_, i) => i)));
    }
    const [pa, pb] = rt.toArray(ax);
    const list = (v: PyValue): number[] => (typeof v === "number" ? [v] : toShape(v, rt));
    return wrap(tensordot(x, y, list(pa), list(pb)));
  });
  def(mod, "kron", ["a", "b"], 2, ([a, b], rt) => wrap(kron(arr(a, rt), arr(b, rt))));
  def(mod, "diagonal", ["a", "offset", "axis1", "axis2"], 1, ([a, o, a1, a2], rt) =>
    wrapArray(S.diagonal(arr(a, rt), optInt(o, rt, 0) as number, optInt(a1, rt, 0) as number, optInt(a2, rt, 1) as number)),
  );
  def(mod, "rot90", ["m", "k", "axes"], 1, ([m, k, ax], rt) => wrapArray(rot90(arr(m, rt), optInt(k, rt, 1) as number, ax === undefined ? [0, 1] : toShape(ax, rt))));
  for (const [name, axis, minDims] of [["vsplit", 0, 2], ["hsplit", 1, 1]] as const) {
    def(mod, name, ["ary", "indices_or_sections"], 2, ([a, s], rt) => {
      const x = arr(a, rt);
      if (x.ndim < minDims) throw E.valueError(`${name} only works on arrays of ${minDims} or more dimensions`);
      const sections = typeof s === "number" ? s : toShape(s as PyValue, rt);
      return new PyList(S.split(x, sections, x.ndim > 1 ? axis : 0).map(wrapArray));
    });
  }
  def(mod, "copyto", ["dst", "src", "casting", "where"], 2, ([d, s, , w], rt) => {
    if (!(d instanceof PyNDArray)) throw E.typeError(`copyto() argument 1 must be numpy.ndarray, not ${typeOf(d as PyValue).name}`);
    const src = arr(s, rt);
    if (s instanceof PyNDArray && !canCastSameKind(src.dtype, d.arr.dtype)) {
      throw E.typeError(`Cannot cast array data from dtype('${src.dtype.name}') to dtype('${d.arr.dtype.name}') according to the rule 'same_kind'`);
    }
    const value = w === undefined || w === None || w === true ? src : where(arr(w, rt), src, d.arr);
    assign(d.arr, broadcastTo(value, d.arr.shape));
    return None;
  });
  def(mod, "select", ["condlist", "choicelist", "default"], 2, ([c, ch, dflt], rt) =>
    wrapArray(select(seq(c, rt), seq(ch, rt), dflt === undefined ? { kind: "int", value: 0 } : toOperand(dflt, rt))),
  );
  def(mod, "tri", ["N", "M", "k", "dtype"], 1, ([n, m, k, d], rt) => {
    const rows = optInt(n, rt, 0) as number;
    return wrapArray(tri(rows, optInt(m, rt, rows) as number, optInt(k, rt, 0) as number, toDtype(d) ?? DTYPES.float64));
  });
  def(mod, "tril_indices", ["n", "k", "m"], 1, ([n, k, m], rt) => {
    const rows = optInt(n, rt, 0) as number;
    return tuple(nonzeroIndices(tri(rows, optInt(m, rt, rows) as number, optInt(k, rt, 0) as number, DTYPES.bool)));
  });
  def(mod, "tril_indices_from", ["arr", "k"], 1, ([a, k], rt) => {
    const x = arr(a, rt);
    if (x.ndim !== 2) throw E.valueError("input array must be 2-d");
    return tuple(nonzeroIndices(tri(x.shape[0], x.shape[1], optInt(k, rt, 0) as number, DTYPES.bool)));
  });
  def(mod, "indices", ["dimensions", "dtype", "sparse"], 1, ([dims, d], rt) => wrapArray(indices(toShape(dims as PyValue, rt), toDtype(d) ?? DTYPES.int64)));
  def(mod, "isin", ["element", "test_elements", "assume_unique", "invert"], 2, ([e, t, , inv], rt) => wrap(isin(arr(e, rt), arr(t, rt), toBool(inv, rt, false))), ["kind"]);
  def(mod, "interp", ["x", "xp", "fp", "left", "right", "period"], 3, ([x, xp, fp, l, r, period], rt) => {
    if (period !== undefined && period !== None) throw E.notImplementedError("np.interp(period=...) is not supported in Kernel Lab");
    const num = (v: PyValue | undefined): number | null => (v === undefined || v === None ? null : arr(v, rt).getFlat(0));
    return wrap(interp(arr(x, rt), arr(xp, rt), arr(fp, rt), num(l), num(r)));
  });
  def(mod, "flatnonzero", ["a"], 1, ([a], rt) => wrapArray(nonzeroIndices(S.ravel(arr(a, rt)))[0]));
  for (const [name, isMax] of [["nanargmax", true], ["nanargmin", false]] as const) {
    def(mod, name, ["a", "axis", "out", "keepdims"], 1, ([a, ax], rt) => wrap(nanArgExtreme(arr(a, rt), optInt(ax, rt, null), isMax)));
  }
  // Real arrays only (Kernel Lab has no complex dtypes): conj is a copy, real the array, imag zeros.
  for (const name of ["conj", "conjugate"]) def(mod, name, ["x"], 1, ([x], rt) => wrap(astype(arr(x, rt), arr(x, rt).dtype)));
  // A Python number is its own real part (numpy returns val.real).
  def(mod, "real", ["val"], 1, ([v], rt) => (v instanceof PyNDArray || typeof v === "number" || v instanceof PyFloat ? (v as PyValue) : typeof v === "boolean" ? Number(v) : wrap(arr(v, rt))));
  def(mod, "imag", ["val"], 1, ([v], rt) => {
    const a = arr(v, rt);
    return wrap(astype(fromStorage(DTYPES.bool, a.shape, new Uint8Array(a.size)), a.dtype));
  });
  mod.set("printoptions", nativeFunction("printoptions", (args, kw) => {
    if (args.length > 0) throw E.typeError("printoptions() takes 0 positional arguments");
    return new PrintOptionsContext(kw, existing("set_printoptions"), existing("get_printoptions"));
  }));
}
