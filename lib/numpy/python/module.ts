/**
 * The `numpy` module (and numpy.linalg, numpy.testing) for the Python engine. Register with
 * `runSource(src, { modules: NUMPY_MODULES })` or `new Session({ modules: NUMPY_MODULES })`.
 */
import { type DType, DTYPES, defaultDtypeFor, promoteTypes, promoteWithScalar, resultType } from "../dtypes";
import { FLOAT_FORMATS, type FloatFormatName } from "../float-formats";
import { array2string, arrayRepr, arrayStr, type FloatMode, type PrintOptions } from "../printing";
import { bincount } from "../counting";
import * as C from "../creation";
import { NDArray, broadcastTo, fromStorage, scalarArray, type PyScalar } from "../ndarray";
import * as R from "../reductions";
import * as S from "../shape";
import { BINARY_UFUNCS, UNARY_UFUNCS, around, clip, where } from "../ufuncs";
import { dot, einsum, inner, matmul, norm, outer, trace, type NormOrd } from "../linalg";
import { argsort, searchsorted, sort, unique } from "../sorting";
import { histogram } from "../histogram";
import { type NanAware, median, nanmedian, nanpercentile, nanquantile, percentile, quantile } from "../quantiles";
import * as Sel from "../selection";
import { allclose, arrayEqual, isclose } from "../comparison";
import { assertAllclose, assertArrayAlmostEqual, assertArrayEqual, assertionError, buildErrMsg } from "../testing";
import { NUMPY_TESTING_FORMAT } from "../testing-format";
import * as E from "../../python/runtime/errors";
import { nativeFunction } from "../../python/runtime/define";
import { parseArgs } from "../../python/runtime/binding";
import { None, PyFloat, PyList, PyModule, PyTuple, PyType, typeOf, type PyValue } from "../../python/runtime/objects";
import type { NativeModuleDef, Runtime } from "../../python/runtime/runtime";
import {
  AxisError,
  LinAlgError,
  PyNDArray,
  guard,
  scalarTypes,
  toArray,
  toArrayInput,
  toAxis,
  toBool,
  toDtype,
  toFloat,
  toInt,
  toOperand,
  toShape,
} from "./convert";
import { PyUFunc, abstractScalarTypes, dtypeObject, dtypeType, finfoType, iinfoType, ndarrayType, nonzeroIndices, printOptions, pyTuple, setPrintOptions, wrap, wrapArray } from "./types";
import { numpyRandomModule } from "./random";
import { arr, def, opnd, optInt, seq, wrapList } from "./define";
import { initExtraFunctions } from "./functions-extra";
import { initStatsFunctions } from "./functions-stats";
import { initElementwiseFunctions } from "./functions-elementwise";
import { installErrState, warnRuntime } from "./errstate";

const FLOAT_MODES: ReadonlySet<string> = new Set(["fixed", "unique", "maxprec", "maxprec_equal"]);

/** np.issubdtype's view of an argument: an abstract scalar class stays itself, anything dtype-like becomes its scalar type. */
function scalarClass(v: PyValue): PyType {
  if (v instanceof PyType && [...abstractScalarTypes.values()].includes(v)) return v;
  const d = toDtype(v);
  if (d === undefined) throw E.typeError(`Cannot interpret '${v === None ? "None" : "object"}' as a data type`);
  return scalarTypes.get(d.name) as PyType;
}

/** searchsorted's side: "left" or "right". */
function sideOf(v: PyValue | undefined, rt: Runtime): "left" | "right" {
  if (v === undefined || v === None) return "left";
  const s = rt.str(v);
  if (s !== "left" && s !== "right") throw E.valueError(`side must be 'left' or 'right' (got '${s}')`);
  return s;
}

/** histogram's range: a pair of numbers. */
function rangeOf(v: PyValue, rt: Runtime): [number, number] {
  const items = rt.toArray(v);
  if (items.length !== 2) throw E.valueError("too many values to unpack (expected 2)");
  return [toFloat(items[0], rt), toFloat(items[1], rt)];
}


function checkAlloc(rt: Runtime, shape: readonly number[], dtype: DType | undefined): void {
  const n = shape.reduce((p, d) => p * d, 1);
  rt.charge(n * (dtype ?? DTYPES.float64).itemsize);
}

function scalarOrArray(v: PyValue | undefined, rt: Runtime): number | PyScalar | NDArray {
  if (v === undefined) return 0;
  return toOperand(v, rt);
}

function initNumpy(mod: PyModule): void {
  mod.set("ndarray", ndarrayType);
  mod.set("dtype", dtypeType);
  mod.set("finfo", finfoType);
  mod.set("iinfo", iinfoType);
  for (const [name, t] of scalarTypes) mod.set(name === "bool" ? "bool_" : name, t);
  for (const [name, t] of abstractScalarTypes) mod.set(name, t);
  mod.set("issubdtype", nativeFunction("issubdtype", (args, kw) => {
    const [a, b] = parseArgs("issubdtype", args, kw, { names: ["arg1", "arg2"], required: 2 });
    return scalarClass(a as PyValue).isSubtypeOf(scalarClass(b as PyValue));
  }));
  mod.set("bool", scalarTypes.get("bool") as PyValue);
  mod.set("float_", scalarTypes.get("float64") as PyValue);
  mod.set("int_", scalarTypes.get("int64") as PyValue);
  mod.set("intp", scalarTypes.get("int64") as PyValue);
  mod.set("double", scalarTypes.get("float64") as PyValue);
  mod.set("single", scalarTypes.get("float32") as PyValue);
  mod.set("half", scalarTypes.get("float16") as PyValue);
  mod.set("pi", new PyFloat(Math.PI));
  mod.set("e", new PyFloat(Math.E));
  mod.set("inf", new PyFloat(Infinity));
  mod.set("nan", new PyFloat(NaN));
  mod.set("newaxis", None);
  mod.set("__version__", "2.4.0");
  const exceptions = new PyModule("numpy.exceptions");
  exceptions.set("AxisError", AxisError);
  mod.set("exceptions", exceptions);

  for (const name of [...UNARY_UFUNCS]) mod.set(name, new PyUFunc(name, 1));
  for (const name of [...BINARY_UFUNCS]) mod.set(name, new PyUFunc(name, 2));
  const aliases: Record<string, string> = {
    abs: "absolute",
    divide: "true_divide",
    mod: "remainder",
    bitwise_not: "invert",
    bitwise_invert: "invert",
    round_: "rint",
    pow: "power",
    acos: "arccos",
    asin: "arcsin",
    atan: "arctan",
    atan2: "arctan2",
    asinh: "arcsinh",
    acosh: "arccosh",
    atanh: "arctanh",
  };
  for (const [alias, target] of Object.entries(aliases)) mod.set(alias, new PyUFunc(target, UNARY_UFUNCS.includes(target) ? 1 : 2));

  // ---- creation ----
  def(mod, "array", ["object", "dtype"], 1, ([o, d], rt) => {
    const dt = toDtype(d);
    return guard(() => wrapArray(C.array(toArrayInput(o as PyValue, rt, dt), dt)), rt);
  }, ["copy", "order", "subok", "ndmin", "like"]);
  def(mod, "asarray", ["a", "dtype"], 1, ([o, d], rt) => {
    const dt = toDtype(d);
    if (o instanceof PyNDArray && !(o.cls !== ndarrayType) && (dt === undefined || dt === o.arr.dtype)) return o;
    return guard(() => wrapArray(C.array(toArrayInput(o as PyValue, rt, dt), dt)), rt);
  }, ["order", "like", "copy", "device"]);
  def(mod, "ascontiguousarray", ["a", "dtype"], 1, ([o, d], rt) => guard(() => wrapArray(S.ascontiguousarray(toArray(o as PyValue, rt, toDtype(d)))), rt));
  for (const [name, fn] of [["zeros", C.zeros], ["ones", C.ones], ["empty", C.empty]] as const) {
    def(mod, name, ["shape", "dtype", "order"], 1, ([s, d], rt) => {
      const shape = toShape(s as PyValue, rt);
      const dt = toDtype(d);
      checkAlloc(rt, shape, dt);
      return guard(() => wrapArray(fn(shape, dt)), rt);
    }, ["like", "device"]);
  }
  def(mod, "full", ["shape", "fill_value", "dtype", "order"], 2, ([s, v, d], rt) => {
    const shape = toShape(s as PyValue, rt);
    const dt = toDtype(d);
    checkAlloc(rt, shape, dt);
    return guard(() => wrapArray(C.full(shape, scalarOrArray(v, rt) as never, dt)), rt);
  });
  for (const [name, fn] of [["zeros_like", C.zerosLike], ["ones_like", C.onesLike], ["empty_like", C.emptyLike]] as const) {
    def(mod, name, ["a", "dtype", "order", "subok", "shape"], 1, ([a, d], rt) => guard(() => wrapArray(fn(arr(a, rt), toDtype(d))), rt));
  }
  def(mod, "full_like", ["a", "fill_value", "dtype"], 2, ([a, v, d], rt) => guard(() => wrapArray(C.fullLike(arr(a, rt), scalarOrArray(v, rt) as never, toDtype(d))), rt));
  def(mod, "arange", ["start", "stop", "step", "dtype"], 1, ([a, b, c, d], rt) => {
    const sc = (v: PyValue | undefined) => (v === undefined || v === None ? null : (opnd(v, rt) as never));
    return guard(() => {
      const r = C.arange(sc(a) as never, sc(b), sc(c), toDtype(d));
      rt.charge(r.nbytes);
      return wrapArray(r);
    }, rt);
  });
  def(mod, "linspace", ["start", "stop", "num", "endpoint", "retstep", "dtype", "axis"], 2, ([a, b, n, ep, rs, d], rt) =>
    guard(() => {
      // numpy computes in result_type(start, stop, 1.0): float32/float16 ends keep their type;
      // Python numbers and integer ends give float64.
      const typed = [a, b].filter((v): v is PyNDArray => v instanceof PyNDArray).map((v) => v.arr.dtype);
      const common = typed.length === 0 ? DTYPES.float64 : resultType(...typed);
      const compute = common.isFloat ? common : DTYPES.float64;
      const r = C.linspace(toFloat(a as PyValue, rt), toFloat(b as PyValue, rt), n === undefined ? 50 : toInt(n, rt), toBool(ep, rt, true), toDtype(d), compute);
      return toBool(rs, rt, false) ? new PyTuple([wrapArray(r.samples), wrap(scalarArray(compute, r.step))]) : wrapArray(r.samples);
    }, rt),
  );
  def(mod, "logspace", ["start", "stop", "num", "endpoint", "base", "dtype", "axis"], 2, ([a, b, n, ep, base, d], rt) =>
    guard(() => {
      const count = n === undefined ? 50 : toInt(n, rt);
      checkAlloc(rt, [Math.max(count, 0)], DTYPES.float64);
      const r = C.logspace(toFloat(a as PyValue, rt), toFloat(b as PyValue, rt), count, toBool(ep, rt, true), base === undefined ? 10 : toFloat(base, rt), toDtype(d));
      return wrapArray(r);
    }, rt),
  );
  def(mod, "geomspace", ["start", "stop", "num", "endpoint", "dtype", "axis"], 2, ([a, b, n, ep, d], rt) =>
    guard(() => {
      const count = n === undefined ? 50 : toInt(n, rt);
      checkAlloc(rt, [Math.max(count, 0)], DTYPES.float64);
      const r = C.geomspace(toFloat(a as PyValue, rt), toFloat(b as PyValue, rt), count, toBool(ep, rt, true), toDtype(d));
      return wrapArray(r);
    }, rt),
  );
  def(mod, "eye", ["N", "M", "k", "dtype", "order"], 1, ([n, m, k, d], rt) =>
    guard(() => wrapArray(C.eye(toInt(n as PyValue, rt), optInt(m, rt, null), optInt(k, rt, 0) as number, toDtype(d))), rt),
  );
  def(mod, "identity", ["n", "dtype"], 1, ([n, d], rt) => guard(() => wrapArray(C.identity(toInt(n as PyValue, rt), toDtype(d))), rt));
  def(mod, "fromfunction", ["function", "shape", "dtype"], 2, ([f, s, d], rt) =>
    guard(() =>
      wrap(
        C.fromfunction(
          (...grids) => toArray(rt.call(f as PyValue, grids.map(wrapArray), null), rt),
          toShape(s as PyValue, rt),
          toDtype(d),
        ),
      ),
    ),
  );
  def(mod, "copy", ["a", "order", "subok"], 1, ([a], rt) => guard(() => wrapArray(C.copy(arr(a, rt))), rt));

  // ---- shape ----
  def(mod, "reshape", ["a", "shape", "order"], 2, ([a, s], rt) => guard(() => wrapArray(S.reshape(arr(a, rt), toShape(s as PyValue, rt))), rt), ["newshape", "copy"]);
  def(mod, "transpose", ["a", "axes"], 1, ([a, ax], rt) => guard(() => wrapArray(S.transpose(arr(a, rt), ax === undefined || ax === None ? null : toShape(ax, rt))), rt));
  def(mod, "swapaxes", ["a", "axis1", "axis2"], 3, ([a, x, y], rt) => guard(() => wrapArray(S.swapaxes(arr(a, rt), toInt(x as PyValue, rt), toInt(y as PyValue, rt))), rt));
  def(mod, "moveaxis", ["a", "source", "destination"], 3, ([a, x, y], rt) => guard(() => wrapArray(S.moveaxis(arr(a, rt), toInt(x as PyValue, rt), toInt(y as PyValue, rt))), rt));
  def(mod, "expand_dims", ["a", "axis"], 2, ([a, ax], rt) => guard(() => wrapArray(S.expandDims(arr(a, rt), toAxis(ax, rt) as number | number[])), rt));
  def(mod, "squeeze", ["a", "axis"], 1, ([a, ax], rt) => guard(() => wrapArray(S.squeeze(arr(a, rt), toAxis(ax, rt))), rt));
  def(mod, "broadcast_to", ["array", "shape", "subok"], 2, ([a, s], rt) => guard(() => wrapArray(broadcastTo(arr(a, rt), toShape(s as PyValue, rt))), rt));
  def(mod, "concatenate", ["arrays", "axis", "out"], 1, ([xs, ax], rt) => guard(() => wrapArray(S.concatenate(seq(xs, rt), ax === None ? null : optInt(ax, rt, 0))), rt), ["dtype", "casting"]);
  def(mod, "stack", ["arrays", "axis", "out"], 1, ([xs, ax], rt) => guard(() => wrapArray(S.stack(seq(xs, rt), optInt(ax, rt, 0) as number)), rt), ["dtype", "casting"]);
  def(mod, "vstack", ["tup"], 1, ([xs], rt) => guard(() => wrapArray(S.vstack(seq(xs, rt))), rt), ["dtype", "casting"]);
  def(mod, "hstack", ["tup"], 1, ([xs], rt) => guard(() => wrapArray(S.hstack(seq(xs, rt))), rt), ["dtype", "casting"]);
  def(mod, "dstack", ["tup"], 1, ([xs], rt) => guard(() => wrapArray(S.dstack(seq(xs, rt))), rt));
  def(mod, "column_stack", ["tup"], 1, ([xs], rt) => guard(() => wrapArray(S.columnStack(seq(xs, rt))), rt));
  for (const [name, fn] of [["split", S.split], ["array_split", S.arraySplit]] as const) {
    def(mod, name, ["ary", "indices_or_sections", "axis"], 2, ([a, s, ax], rt) =>
      guard(() => wrapList(fn(arr(a, rt), s instanceof PyList || s instanceof PyTuple ? toShape(s, rt) : toInt(s as PyValue, rt), optInt(ax, rt, 0) as number)), rt),
    );
  }
  def(mod, "resize", ["a", "new_shape"], 2, ([a, s], rt) => guard(() => wrapArray(S.resize(arr(a, rt), toShape(s as PyValue, rt))), rt));
  def(mod, "tile", ["A", "reps"], 2, ([a, r], rt) => guard(() => wrapArray(S.tile(arr(a, rt), toShape(r as PyValue, rt))), rt));
  def(mod, "repeat", ["a", "repeats", "axis"], 2, ([a, r, ax], rt) => guard(() => wrapArray(S.repeat(arr(a, rt), toShape(r as PyValue, rt), optInt(ax, rt, null))), rt));
  def(mod, "flip", ["m", "axis"], 1, ([a, ax], rt) => guard(() => wrapArray(S.flip(arr(a, rt), toAxis(ax, rt))), rt));
  def(mod, "fliplr", ["m"], 1, ([a], rt) => guard(() => wrapArray(S.flip(arr(a, rt), 1)), rt));
  def(mod, "flipud", ["m"], 1, ([a], rt) => guard(() => wrapArray(S.flip(arr(a, rt), 0)), rt));
  def(mod, "pad", ["array", "pad_width", "mode"], 2, ([a, w, m, cv], rt) => {
    const mode = m === undefined ? "constant" : m;
    if (typeof mode !== "string" || !["constant", "edge", "reflect", "symmetric", "wrap"].includes(mode)) {
      throw E.notImplementedError(`np.pad mode '${rt.str(mode)}' is not supported in Kernel Lab`);
    }
    return guard(() => wrapArray(S.pad(arr(a, rt), padWidth(w as PyValue, rt), cv === undefined ? 0 : toFloat(cv, rt), mode as S.PadMode)), rt);
  }, ["constant_values"]);
  def(mod, "ravel", ["a", "order"], 1, ([a], rt) => guard(() => wrapArray(S.ravel(arr(a, rt))), rt));
  def(mod, "atleast_1d", ["a"], 1, ([a], rt) => guard(() => wrapArray(S.atleast1d(arr(a, rt))), rt));
  def(mod, "atleast_2d", ["a"], 1, ([a], rt) => guard(() => wrapArray(S.atleast2d(arr(a, rt))), rt));
  def(mod, "shape", ["a"], 1, ([a], rt) => pyTuple(arr(a, rt).shape));
  def(mod, "ndim", ["a"], 1, ([a], rt) => arr(a, rt).ndim);
  def(mod, "size", ["a", "axis"], 1, ([a, ax], rt) => (ax === undefined || ax === None ? arr(a, rt).size : arr(a, rt).shape[R.normalizeAxis(toInt(ax, rt), arr(a, rt).ndim)]));

  // ---- elementwise helpers ----
  def(mod, "where", ["condition", "x", "y"], 1, ([c, x, y], rt) => {
    if (x === undefined && y === undefined) return new PyTuple(nonzeroIndices(arr(c, rt)).map(wrapArray));
    if (x === undefined || y === undefined) throw E.valueError("either both or neither of x and y should be given");
    // Always an ndarray, 0-d ones included (np.where(True, 1.0, 0.0) is array(1.)).
    return guard(() => wrapArray(where(opnd(c, rt), opnd(x, rt), opnd(y, rt))), rt);
  });
  def(mod, "nonzero", ["a"], 1, ([a], rt) => new PyTuple(nonzeroIndices(arr(a, rt)).map(wrapArray)));
  def(mod, "clip", ["a", "a_min", "a_max", "out"], 1, ([a, lo, hi], rt) => {
    const o = (v: PyValue | undefined) => (v === undefined || v === None ? null : opnd(v, rt));
    return guard(() => wrap(clip(opnd(a, rt), o(lo), o(hi))), rt);
  }, ["min", "max"]);
  for (const name of ["round", "around"]) {
    def(mod, name, ["a", "decimals", "out"], 1, ([a, d], rt) => guard(() => wrap(around(arr(a, rt), optInt(d, rt, 0) as number)), rt));
  }

  // ---- reductions ----
  const red = (name: string, fn: (a: NDArray, o: R.ReduceOptions) => NDArray, withDtype: boolean): void => {
    def(mod, name, withDtype ? ["a", "axis", "dtype", "out", "keepdims"] : ["a", "axis", "out", "keepdims"], 1, (s, rt) => {
      const [a, axis] = s;
      const dtype = withDtype ? s[2] : undefined;
      const keepdims = withDtype ? s[4] : s[3];
      return guard(() => wrap(fn(arr(a, rt), { axis: toAxis(axis, rt), dtype: toDtype(dtype), keepdims: toBool(keepdims, rt, false) })), rt);
    }, ["initial", "where"]);
  };
  red("sum", R.sum, true);
  red("prod", R.prod, true);
  red("mean", R.mean, true);
  red("nansum", R.nansum, true);
  def(mod, "nanmean", ["a", "axis", "dtype", "out", "keepdims"], 1, ([a, axis, dtype, , keepdims], rt) => {
    const { result, emptySlice } = guard(() => R.nanmean(arr(a, rt), { axis: toAxis(axis, rt), dtype: toDtype(dtype), keepdims: toBool(keepdims, rt, false) }), rt);
    if (emptySlice) warnRuntime(rt, "Mean of empty slice");
    return wrap(result);
  }, ["initial", "where"]);
  red("max", R.max, false);
  red("amax", R.max, false);
  red("min", R.min, false);
  red("amin", R.min, false);
  red("nanmax", R.nanmax, false);
  red("nanmin", R.nanmin, false);
  red("all", R.all, false);
  red("any", R.any, false);
  for (const [name, fn] of [["var", R.variance], ["std", R.std]] as const) {
    def(mod, name, ["a", "axis", "dtype", "out", "ddof", "keepdims"], 1, ([a, axis, dtype, , ddof, keepdims], rt) =>
      guard(() => wrap(fn(arr(a, rt), { axis: toAxis(axis, rt), dtype: toDtype(dtype), ddof: ddof === undefined ? 0 : toFloat(ddof, rt), keepdims: toBool(keepdims, rt, false) })), rt),
    );
  }
  for (const [name, fn] of [["argmax", R.argmax], ["argmin", R.argmin]] as const) {
    def(mod, name, ["a", "axis", "out"], 1, ([a, axis, , keepdims], rt) => guard(() => wrap(fn(arr(a, rt), optInt(axis, rt, null), toBool(keepdims, rt, false))), rt), ["keepdims"]);
  }
  for (const [name, fn] of [["nanvar", R.nanvar], ["nanstd", R.nanstd]] as const) {
    def(mod, name, ["a", "axis", "dtype", "out", "ddof", "keepdims"], 1, ([a, axis, dtype, , ddof, keepdims], rt) =>
      guard(() => wrap(fn(arr(a, rt), { axis: toAxis(axis, rt), dtype: toDtype(dtype), ddof: ddof === undefined ? 0 : toFloat(ddof, rt), keepdims: toBool(keepdims, rt, false) })), rt),
    );
  }
  for (const [name, fn] of [["cumsum", R.cumsum], ["cumprod", R.cumprod]] as const) {
    def(mod, name, ["a", "axis", "dtype", "out"], 1, ([a, axis, d], rt) => guard(() => wrapArray(fn(arr(a, rt), optInt(axis, rt, null), toDtype(d))), rt));
  }
  def(mod, "count_nonzero", ["a", "axis"], 1, ([a, axis], rt) => guard(() => wrap(R.countNonzero(arr(a, rt), { axis: toAxis(axis, rt) })), rt), ["keepdims"]);

  // ---- order statistics ----
  const qArg = (v: PyValue | undefined, rt: Runtime): number | number[] => {
    const q = arr(v, rt);
    if (q.ndim > 1) throw E.notImplementedError("q with more than one dimension is not supported in Kernel Lab");
    const values = Array.from({ length: q.size }, (_, i) => q.getFlat(i));
    return q.ndim === 0 && !(v instanceof PyNDArray) ? values[0] : values;
  };
  const method = (m: PyValue | undefined, rt: Runtime): void => {
    if (m !== undefined && rt.str(m) !== "linear") throw E.notImplementedError(`method='${rt.str(m)}' is not supported in Kernel Lab (only 'linear')`);
  };
  def(mod, "median", ["a", "axis", "out", "overwrite_input", "keepdims"], 1, ([a, axis, , , keepdims], rt) =>
    guard(() => wrap(median(arr(a, rt), optInt(axis, rt, null), toBool(keepdims, rt, false))), rt),
  );
  // numpy warns (RuntimeWarning, from the calling line) when a lane held only NaNs.
  const nanAware = (r: NanAware, rt: Runtime): PyValue => {
    if (r.allNan) warnRuntime(rt, "All-NaN slice encountered");
    return wrap(r.result);
  };
  def(mod, "nanmedian", ["a", "axis", "out", "overwrite_input", "keepdims"], 1, ([a, axis, , , keepdims], rt) =>
    nanAware(nanmedian(arr(a, rt), optInt(axis, rt, null), toBool(keepdims, rt, false)), rt),
  );
  for (const [name, fn] of [["nanquantile", nanquantile], ["nanpercentile", nanpercentile]] as const) {
    def(mod, name, ["a", "q", "axis", "out", "overwrite_input", "method", "keepdims"], 2, ([a, q, axis, , , m, keepdims], rt) => {
      method(m, rt);
      return nanAware(fn(arr(a, rt), qArg(q, rt), optInt(axis, rt, null), toBool(keepdims, rt, false)), rt);
    }, ["weights", "interpolation"]);
  }
  for (const [name, fn] of [["quantile", quantile], ["percentile", percentile]] as const) {
    def(mod, name, ["a", "q", "axis", "out", "overwrite_input", "method", "keepdims"], 2, ([a, q, axis, , , m, keepdims], rt) => {
      method(m, rt);
      return guard(() => wrap(fn(arr(a, rt), qArg(q, rt), optInt(axis, rt, null), toBool(keepdims, rt, false))), rt);
    }, ["weights", "interpolation"]);
  }

  // ---- linear algebra ----
  def(mod, "matmul", ["x1", "x2"], 2, ([a, b], rt) => guard(() => wrap(matmul(arr(a, rt), arr(b, rt))), rt), ["out", "dtype"]);
  def(mod, "dot", ["a", "b", "out"], 2, ([a, b], rt) => guard(() => wrap(dot(arr(a, rt), arr(b, rt))), rt));
  def(mod, "inner", ["a", "b"], 2, ([a, b], rt) => guard(() => wrap(inner(arr(a, rt), arr(b, rt))), rt));
  def(mod, "outer", ["a", "b", "out"], 2, ([a, b], rt) => guard(() => wrap(outer(arr(a, rt), arr(b, rt))), rt));
  def(mod, "vdot", ["a", "b"], 2, ([a, b], rt) => guard(() => wrap(dot(S.ravel(arr(a, rt)), S.ravel(arr(b, rt)))), rt));
  def(mod, "trace", ["a", "offset", "axis1", "axis2"], 1, ([a, o, a1, a2], rt) =>
    guard(() => wrap(trace(arr(a, rt), optInt(o, rt, 0) as number, optInt(a1, rt, 0) as number, optInt(a2, rt, 1) as number)), rt),
  ["dtype", "out"]);
  def(mod, "einsum", ["subscripts"], 1, ([spec], rt, ops) => {
    if (typeof spec !== "string") throw E.typeError("einsum(): the first argument must be a subscripts string");
    return guard(() => wrap(einsum(spec, ops.map((o) => toArray(o, rt)))), rt);
  }, ["out", "dtype", "order", "casting", "optimize"], true);

  // ---- sorting, comparison ----
  def(mod, "sort", ["a", "axis", "kind", "order"], 1, ([a, axis], rt) => guard(() => wrapArray(sort(arr(a, rt), axis === None ? null : (optInt(axis, rt, -1) as number))), rt), ["stable"]);
  def(mod, "argsort", ["a", "axis", "kind", "order"], 1, ([a, axis], rt) => guard(() => wrapArray(argsort(arr(a, rt), axis === None ? null : (optInt(axis, rt, -1) as number))), rt), ["stable"]);
  def(mod, "unique", ["ar", "return_index", "return_inverse", "return_counts", "axis"], 1, ([a, ri, rinv, rc], rt) =>
    guard(() => {
      const r = unique(arr(a, rt), { returnIndex: toBool(ri, rt, false), returnInverse: toBool(rinv, rt, false), returnCounts: toBool(rc, rt, false) });
      const parts = [r.values, r.indices, r.inverse, r.counts].filter((x): x is NDArray => x !== undefined);
      return parts.length === 1 ? wrapArray(parts[0]) : new PyTuple(parts.map(wrapArray));
    }, rt),
  ["equal_nan", "sorted"]);
  def(mod, "bincount", ["x", "weights", "minlength"], 1, ([x, w, ml], rt) => {
    if (ml === None) throw E.typeError("use 0 instead of None for minlength");
    if ((x instanceof PyList || x instanceof PyTuple) && x.items.some((el) => el instanceof PyList || el instanceof PyTuple)) {
      throw E.valueError("setting an array element with a sequence. The requested array would exceed the maximum number of dimension of 1.");
    }
    return guard(() => wrapArray(bincount(arr(x, rt), w === undefined || w === None ? undefined : arr(w, rt), optInt(ml, rt, 0) as number, (bytes) => rt.charge(bytes))), rt);
  });
  def(mod, "allclose", ["a", "b", "rtol", "atol", "equal_nan"], 2, ([a, b, rtol, atol, en], rt) =>
    guard(() => allclose(arr(a, rt), arr(b, rt), rtol === undefined ? 1e-5 : toFloat(rtol, rt), atol === undefined ? 1e-8 : toFloat(atol, rt), toBool(en, rt, false)), rt),
  );
  def(mod, "isclose", ["a", "b", "rtol", "atol", "equal_nan"], 2, ([a, b, rtol, atol, en], rt) =>
    guard(() => wrap(isclose(arr(a, rt), arr(b, rt), rtol === undefined ? 1e-5 : toFloat(rtol, rt), atol === undefined ? 1e-8 : toFloat(atol, rt), toBool(en, rt, false))), rt),
  );
  def(mod, "array_equal", ["a1", "a2", "equal_nan"], 2, ([a, b, en], rt) => guard(() => arrayEqual(arr(a, rt), arr(b, rt), toBool(en, rt, false)), rt));
  def(mod, "promote_types", ["type1", "type2"], 2, ([a, b]) => dtypeObject(guard(() => promoteTypes(toDtype(a) as DType, toDtype(b) as DType))));
  def(mod, "take", ["a", "indices", "axis", "out", "mode"], 2, ([a, ix, ax], rt) => guard(() => wrap(Sel.take(arr(a, rt), arr(ix, rt), optInt(ax, rt, null))), rt));
  def(mod, "take_along_axis", ["arr", "indices", "axis"], 2, ([a, ix, ax], rt) =>
    guard(() => wrapArray(Sel.takeAlongAxis(arr(a, rt), arr(ix, rt), ax === undefined ? -1 : optInt(ax, rt, null))), rt),
  );
  def(mod, "put_along_axis", ["arr", "indices", "values", "axis"], 4, ([a, ix, v, ax], rt) => {
    if (!(a instanceof PyNDArray)) throw E.typeError("put_along_axis() requires an ndarray");
    guard(() => Sel.putAlongAxis(a.arr, arr(ix, rt), arr(v, rt), toInt(ax as PyValue, rt)), rt);
    return None;
  });
  def(mod, "searchsorted", ["a", "v", "side", "sorter"], 2, ([a, v, side, sorter], rt) =>
    guard(() => wrap(searchsorted(arr(a, rt), arr(v, rt), sideOf(side, rt), sorter === undefined || sorter === None ? null : arr(sorter, rt))), rt),
  );
  def(mod, "roll", ["a", "shift", "axis"], 2, ([a, sh, ax], rt) =>
    guard(() => wrapArray(S.roll(arr(a, rt), sh instanceof PyTuple || sh instanceof PyList ? sh.items.map((x) => toInt(x, rt)) : toInt(sh as PyValue, rt), toAxis(ax, rt))), rt),
  );
  def(mod, "histogram", ["a", "bins", "range", "density", "weights"], 1, ([a, bins, range, density, weights], rt) => {
    if (typeof bins === "string") throw E.notImplementedError(`np.histogram(bins='${bins}') is not supported in Kernel Lab; pass a number of bins or the edges`);
    const edges = bins === undefined ? 10 : typeof bins === "number" ? bins : arr(bins, rt);
    const r = range === undefined || range === None ? null : rangeOf(range, rt);
    return guard(() => {
      const [hist, binEdges] = histogram(arr(a, rt), { bins: edges, range: r, weights: weights === undefined || weights === None ? null : arr(weights, rt), density: density !== undefined && density !== None && rt.truthy(density) });
      return new PyTuple([wrapArray(hist), wrapArray(binEdges)]);
    }, rt);
  });
  def(mod, "diff", ["a", "n", "axis"], 1, ([a, n, ax], rt) => guard(() => wrapArray(Sel.diff(arr(a, rt), optInt(n, rt, 1) as number, optInt(ax, rt, -1) as number)), rt));
  def(mod, "tril", ["m", "k"], 1, ([a, k], rt) => guard(() => wrapArray(Sel.triangle(arr(a, rt), optInt(k, rt, 0) as number, true)), rt));
  def(mod, "triu", ["m", "k"], 1, ([a, k], rt) => guard(() => wrapArray(Sel.triangle(arr(a, rt), optInt(k, rt, 0) as number, false)), rt));
  def(mod, "triu_indices", ["n", "k", "m"], 1, ([n, k, m], rt) =>
    new PyTuple(Sel.triuIndices(toInt(n as PyValue, rt), optInt(k, rt, 0) as number, optInt(m, rt, null)).map(wrapArray)),
  );
  def(mod, "triu_indices_from", ["arr", "k"], 1, ([a, k], rt) => {
    const x = arr(a, rt);
    if (x.ndim !== 2) throw E.valueError("input array must be 2-d");
    return new PyTuple(Sel.triuIndices(x.shape[0], optInt(k, rt, 0) as number, x.shape[1]).map(wrapArray));
  });
  def(mod, "diag", ["v", "k"], 1, ([a, k], rt) => guard(() => wrapArray(Sel.diag(arr(a, rt), optInt(k, rt, 0) as number)), rt));
  def(mod, "apply_along_axis", ["func1d", "axis", "arr"], 3, ([f, ax, a], rt) =>
    guard(() => wrap(Sel.applyAlongAxis((row) => toArray(rt.call(f as PyValue, [wrap(row)], null), rt), toInt(ax as PyValue, rt), arr(a, rt))), rt),
  );
  def(mod, "set_printoptions", ["precision", "threshold", "edgeitems", "linewidth", "suppress", "nanstr", "infstr", "formatter", "sign", "floatmode"], 0, ([p, t, e, l, s, nan, inf, , sign, fm], rt) => {
    const cur = printOptions(rt);
    const intOr = (v: PyValue | undefined, d: number): number => (v === undefined || v === None ? d : toInt(v, rt));
    const strOr = (v: PyValue | undefined, d: string): string => (v === undefined || v === None ? d : rt.str(v));
    const floatmode = strOr(fm, cur.floatmode);
    if (!FLOAT_MODES.has(floatmode)) throw E.valueError('floatmode option must be one of "fixed", "unique", "maxprec", "maxprec_equal"');
    const signMode = strOr(sign, cur.sign);
    if (signMode !== "-" && signMode !== "+" && signMode !== " ") throw E.valueError("sign option must be one of ' ', '+', or '-'");
    setPrintOptions(rt, {
      precision: intOr(p, cur.precision),
      threshold: t instanceof PyFloat && t.v === Infinity ? Infinity : intOr(t, cur.threshold),
      edgeitems: intOr(e, cur.edgeitems),
      linewidth: intOr(l, cur.linewidth),
      suppress: s === undefined || s === None ? cur.suppress : rt.truthy(s),
      floatmode: floatmode as FloatMode,
      sign: signMode,
      nanstr: strOr(nan, cur.nanstr),
      infstr: strOr(inf, cur.infstr),
    });
    return None;
  }, ["legacy", "override_repr"]);
  def(mod, "get_printoptions", [], 0, (_s, rt) => {
    const o = printOptions(rt);
    return rt.dict(
      ["edgeitems", "threshold", "floatmode", "precision", "suppress", "linewidth", "nanstr", "infstr", "sign", "formatter", "legacy", "override_repr"],
      [o.edgeitems, o.threshold === Infinity ? new PyFloat(Infinity) : o.threshold, o.floatmode, o.precision, o.suppress, o.linewidth, o.nanstr, o.infstr, o.sign, None, false, None],
    );
  });
  mod.set("True_", wrap(scalarArray(DTYPES.bool, 1)));
  mod.set("False_", wrap(scalarArray(DTYPES.bool, 0)));
  def(mod, "nan_to_num", ["x", "copy", "nan", "posinf", "neginf"], 1, ([x, , nan, posinf, neginf], rt) =>
    guard(() => {
      const a = C.copy(arr(x, rt));
      if (!a.dtype.isFloat) return wrap(a);
      const big = a.dtype.name === "float64" ? Number.MAX_VALUE : FLOAT_FORMATS[a.dtype.name as FloatFormatName].maxFinite;
      const rep = (v: PyValue | undefined, d: number): number => (v === undefined || v === None ? d : toFloat(v, rt));
      const n0 = rep(nan, 0);
      const pinf = rep(posinf, big);
      const ninf = rep(neginf, -big);
      for (let i = 0; i < a.size; i++) {
        const v = a.data[i];
        if (v !== v) a.data[i] = n0;
        else if (v === Infinity) a.data[i] = pinf;
        else if (v === -Infinity) a.data[i] = ninf;
      }
      return wrap(a);
    }, rt),
  );
  def(mod, "unravel_index", ["indices", "shape", "order"], 2, ([ix, s], rt) =>
    guard(() => {
      const shape = toShape(s as PyValue, rt);
      const idx = arr(ix, rt);
      const size = shape.reduce((p, d) => p * d, 1);
      const cols = shape.map(() => new Float64Array(idx.size));
      for (let k = 0; k < idx.size; k++) {
        let rem = idx.getFlat(k);
        if (rem < 0 || rem >= size) throw E.valueError(`index ${rem} is out of bounds for array with size ${size}`);
        for (let d = shape.length - 1; d >= 0; d--) {
          cols[d][k] = rem % shape[d];
          rem = Math.floor(rem / shape[d]);
        }
      }
      return new PyTuple(cols.map((c) => wrap(fromStorage(DTYPES.int64, idx.shape, c))));
    }, rt),
  );
  def(mod, "argwhere", ["a"], 1, ([a], rt) =>
    guard(() => {
      const cols = nonzeroIndices(arr(a, rt));
      const n = cols.length === 0 ? 0 : cols[0].size;
      const out = new Float64Array(n * cols.length);
      cols.forEach((c, d) => {
        for (let i = 0; i < n; i++) out[i * cols.length + d] = c.getFlat(i);
      });
      return wrapArray(fromStorage(DTYPES.int64, [n, cols.length], out));
    }, rt),
  );
  def(mod, "result_type", [], 0, (_s, rt, xs) =>
    guard(() => {
      const strong: DType[] = [];
      const weak: PyScalar[] = [];
      for (const x of xs) {
        if (x instanceof PyNDArray) strong.push(x.arr.dtype);
        else if (typeof x === "number" || typeof x === "boolean" || typeof x === "bigint" || x instanceof PyFloat) weak.push(toOperand(x, rt) as PyScalar);
        else strong.push(toDtype(x) as DType);
      }
      if (strong.length === 0 && weak.length === 0) throw E.valueError("at least one array or dtype is required");
      let d = strong.length > 0 ? strong.reduce((p, q) => promoteTypes(p, q)) : defaultDtypeFor(weak[0].kind);
      for (const w of weak) d = promoteTypes(d, strong.length > 0 ? promoteWithScalar(d, w.kind, w.value) : defaultDtypeFor(w.kind));
      return dtypeObject(d);
    }, rt),
  [], true);
  // The current print options, with the ones given here in place of theirs (numpy's array2string).
  def(mod, "array2string", ["a", "max_line_width", "precision", "suppress_small", "separator", "prefix"], 1, ([a, mlw, prec, sup, sep, prefix], rt) => {
    return array2string(arr(a, rt), sep === undefined ? " " : rt.str(sep), prefix === undefined ? "" : rt.str(prefix), "", printArgs(mlw, prec, sup, rt));
  });
  // array_repr/array_str take an ndarray (numpy reads .shape/.size off the argument, so a list fails).
  const printArgs = (mlw: PyValue | undefined, prec: PyValue | undefined, sup: PyValue | undefined, rt: Runtime): PrintOptions => ({
    ...printOptions(rt),
    ...(mlw !== undefined && mlw !== None ? { linewidth: toInt(mlw, rt) } : {}),
    ...(prec !== undefined && prec !== None ? { precision: toInt(prec, rt) } : {}),
    ...(sup !== undefined && sup !== None ? { suppress: rt.truthy(sup) } : {}),
  });
  def(mod, "array_repr", ["arr", "max_line_width", "precision", "suppress_small"], 1, ([a, mlw, prec, sup], rt) => {
    if (!(a instanceof PyNDArray)) throw E.attributeError(`'${typeOf(a as PyValue).name}' object has no attribute 'size'`);
    const text = arrayRepr(a.arr, printArgs(mlw, prec, sup, rt));
    // A numpy scalar prints as a 0-d array under its own class name: array_repr(np.float64(2)) == 'float64(2.)'.
    return a.cls === ndarrayType ? text : `${a.cls.name}(${text.slice("array(".length)}`;
  });
  def(mod, "array_str", ["a", "max_line_width", "precision", "suppress_small"], 1, ([a, mlw, prec, sup], rt) => {
    if (!(a instanceof PyNDArray)) throw E.attributeError(`'${typeOf(a as PyValue).name}' object has no attribute 'shape'`);
    if (a.cls !== ndarrayType) {
      throw E.typeError(`descriptor '__getitem__' requires a 'numpy.ndarray' object but received a 'numpy.${a.arr.dtype.name}'`);
    }
    return arrayStr(a.arr, printArgs(mlw, prec, sup, rt));
  });
  def(mod, "isscalar", ["element"], 1, ([x]) => typeof x === "number" || typeof x === "boolean" || typeof x === "bigint" || x instanceof PyFloat || typeof x === "string" || (x instanceof PyNDArray && x.cls !== ndarrayType));
  initExtraFunctions(mod);
  initStatsFunctions(mod);
  initElementwiseFunctions(mod);
}

function padWidth(v: PyValue, rt: Runtime): S.PadWidth {
  if (v instanceof PyList || v instanceof PyTuple) {
    return v.items.map((x) => (x instanceof PyList || x instanceof PyTuple ? x.items.map((y) => toInt(y, rt)) : toInt(x, rt))) as S.PadWidth;
  }
  return toInt(v, rt);
}

// ---- numpy.linalg --------------------------------------------------------------------------------

function initLinalg(mod: PyModule): void {
  mod.set("LinAlgError", LinAlgError);
  def(mod, "norm", ["x", "ord", "axis", "keepdims"], 1, ([x, o, ax, kd], rt) => {
    let ord: NormOrd = null;
    if (o !== undefined && o !== None) ord = typeof o === "string" ? (o as NormOrd) : toFloat(o, rt);
    return guard(() => wrap(norm(toArray(x as PyValue, rt), ord, toAxis(ax, rt), toBool(kd, rt, false))), rt);
  });
}

// ---- numpy.testing -------------------------------------------------------------------------------

function errMsgOf(v: PyValue | undefined, rt: Runtime): string {
  return v === undefined ? "" : rt.str(v);
}

function initTesting(mod: PyModule): void {
  const fmt = NUMPY_TESTING_FORMAT;
  def(mod, "assert_allclose", ["actual", "desired", "rtol", "atol", "equal_nan", "err_msg", "verbose"], 2, ([a, d, rtol, atol, en, em, vb], rt) => {
    guard(() =>
      assertAllclose(toArray(a as PyValue, rt), toArray(d as PyValue, rt), fmt, {
        rtol: rtol === undefined ? undefined : toFloat(rtol, rt),
        atol: atol === undefined ? undefined : toFloat(atol, rt),
        equalNan: toBool(en, rt, true),
        errMsg: errMsgOf(em, rt),
        verbose: toBool(vb, rt, true),
      }),
    );
    return None;
  }, ["strict"]);
  def(mod, "assert_array_equal", ["actual", "desired", "err_msg", "verbose"], 2, ([a, d, em, vb], rt) => {
    guard(() => assertArrayEqual(toArray(a as PyValue, rt), toArray(d as PyValue, rt), fmt, { errMsg: errMsgOf(em, rt), verbose: toBool(vb, rt, true) }), rt);
    return None;
  }, ["strict"]);
  def(mod, "assert_array_almost_equal", ["actual", "desired", "decimal", "err_msg", "verbose"], 2, ([a, d, dec, em, vb], rt) => {
    guard(() => assertArrayAlmostEqual(toArray(a as PyValue, rt), toArray(d as PyValue, rt), fmt, optInt(dec, rt, 6) as number, errMsgOf(em, rt), toBool(vb, rt, true)), rt);
    return None;
  });
  def(mod, "assert_equal", ["actual", "desired", "err_msg", "verbose"], 2, ([a, d, em], rt) => {
    if (a instanceof PyNDArray || d instanceof PyNDArray) {
      guard(() => assertArrayEqual(toArray(a as PyValue, rt), toArray(d as PyValue, rt), fmt, { errMsg: errMsgOf(em, rt) }), rt);
      return None;
    }
    if (!rt.equal(a as PyValue, d as PyValue)) {
      throw E.pyException(E.AssertionError, buildErrMsg([rt.repr(a as PyValue), rt.repr(d as PyValue)], errMsgOf(em, rt)));
    }
    return None;
  });
  def(mod, "assert_almost_equal", ["actual", "desired", "decimal", "err_msg", "verbose"], 2, ([a, d, dec, em], rt) => {
    const decimal = optInt(dec, rt, 7) as number;
    if (a instanceof PyNDArray || d instanceof PyNDArray) {
      guard(() => assertArrayAlmostEqual(toArray(a as PyValue, rt), toArray(d as PyValue, rt), fmt, decimal, errMsgOf(em, rt)), rt);
      return None;
    }
    const x = toFloat(a as PyValue, rt);
    const y = toFloat(d as PyValue, rt);
    if (!(Math.abs(y - x) < 1.5 * 10 ** -decimal)) {
      throw guard(() => {
        throw assertionError(buildErrMsg([rt.repr(a as PyValue), rt.repr(d as PyValue)], errMsgOf(em, rt), `Arrays are not almost equal to ${decimal} decimals`));
      }, rt);
    }
    return None;
  });
}

export const numpyModule: NativeModuleDef = {
  name: "numpy",
  init(mod, rt) {
    initNumpy(mod);
    installErrState(mod, rt);
    mod.set("linalg", rt.importModule("numpy.linalg", true));
    mod.set("testing", rt.importModule("numpy.testing", true));
    mod.set("random", rt.importModule("numpy.random", true));
  },
};

/** ml_dtypes' float types (the MX tutorial imports them), the same objects as numpy's. */
export const mlDtypesModule: NativeModuleDef = {
  name: "ml_dtypes",
  init(mod) {
    for (const name of ["bfloat16", "float8_e4m3", "float8_e4m3fn", "float8_e5m2"]) mod.set(name, scalarTypes.get(name) as PyValue);
    mod.set("finfo", finfoType);
    mod.set("iinfo", iinfoType);
  },
};

export const numpyLinalgModule: NativeModuleDef = { name: "numpy.linalg", init: (mod) => initLinalg(mod) };
export const numpyTestingModule: NativeModuleDef = { name: "numpy.testing", init: (mod) => initTesting(mod) };

/** Every module definition the numpy binding provides. */
export const NUMPY_MODULES: readonly NativeModuleDef[] = [numpyModule, numpyLinalgModule, numpyTestingModule, numpyRandomModule, mlDtypesModule];
