/**
 * numpy's Python-visible types: ndarray, the scalar types (np.float32, ...), dtype, ufunc, finfo and
 * iinfo, defined with the runtime's native-type API (lib/python/README.md). Arrays and numpy scalars
 * share one JS class (PyNDArray over a core NDArray; scalars hold a 0-d array) and one method table.
 */
import { copyExact, isWideInt } from "../exact-int64";
import { type DType, DTYPES, type DTypeName, allocate, castValue, intRange, pyFloatToInt } from "../dtypes";
import { FLOAT_FORMATS, type FloatFormatName } from "../float-formats";
import { FPE_OVERFLOW, recordFpError } from "../fp-errors";
import { type IndexItem, getItem, setItem } from "../indexing";
import { NDArray, assign, astype, cStrides, copyArray, fill, fromStorage, isPyScalar, item as itemOf, tolist, type NestedList, type Operand } from "../ndarray";
import * as R from "../reductions";
import * as S from "../shape";
import { around, binary, binaryInto, checkSameKind, clip, unary } from "../ufuncs";
import { dot, matmul, trace } from "../linalg";
import { argsort, searchsorted, sort } from "../sorting";
import { take } from "../selection";
import { DEFAULT_PRINT_OPTIONS, arrayRepr, arrayStr, scalarRepr, scalarStr, type PrintOptions } from "../printing";
import { formatFloat, formatInt } from "../../python/format";
import * as E from "../../python/runtime/errors";
import { defineNativeType } from "../../python/runtime/define";
import { registerNumericHashType } from "../../python/runtime/set-order";
import { parseArgs } from "../../python/runtime/binding";
import {
  NotImplemented,
  None,
  PyFloat,
  PyList,
  PyObject,
  PyTuple,
  type Kwargs,
  type NativeMethodImpl,
  type PyType,
  type PyValue,
} from "../../python/runtime/objects";
import type { Runtime } from "../../python/runtime/runtime";
import {
  PyDType,
  PyNDArray,
  guard,
  scalarTypeDtype,
  scalarTypes,
  toArray,
  toAxis,
  toBool,
  toDtype,
  toFloat,
  toIndex,
  toInt,
  toOperand,
  toShape,
  tryOperand,
} from "./convert";

// ---- print options (np.set_printoptions), kept per interpreter ---------------------------------

const printOptionsByRuntime = new WeakMap<Runtime, PrintOptions>();

export function printOptions(rt: Runtime): PrintOptions {
  return printOptionsByRuntime.get(rt) ?? DEFAULT_PRINT_OPTIONS;
}

export function setPrintOptions(rt: Runtime, options: PrintOptions): void {
  printOptionsByRuntime.set(rt, options);
}

// ---- wrapping results --------------------------------------------------------------------------

/** Wrap as ndarray, always. */
export function wrapArray(a: NDArray): PyNDArray {
  return new PyNDArray(a, ndarrayType);
}

/** Wrap like numpy returns results: 0-d results become numpy scalars. */
export function wrap(a: NDArray): PyNDArray {
  if (a.ndim !== 0) return new PyNDArray(a, ndarrayType);
  return new PyNDArray(a, scalarTypes.get(a.dtype.name) as PyType);
}

export function isScalarObject(v: PyNDArray): boolean {
  return v.cls !== ndarrayType;
}

/**
 * What numpy refuses when a value goes through basic indexing. A single element takes no array
 * (ValueError) and no list (an integer array's int() TypeError). A Python sequence is converted
 * with at most the destination's dimensions: it does not drop leading length-1 axes as an
 * ndarray value does, so deeper nesting is a ValueError.
 */
function checkSequenceDepth(target: NDArray, items: readonly IndexItem[], source: NDArray, isSequence: boolean): void {
  const depth = getItem(target, items).ndim;
  if (source.ndim <= depth || (!isSequence && depth > 0)) return;
  if (depth === 0 && isSequence && !target.dtype.isFloat) {
    throw E.typeError("int() argument must be a string, a bytes-like object or a real number, not 'list'");
  }
  if (depth === 0) throw E.valueError("setting an array element with a sequence.");
  throw E.valueError(`setting an array element with a sequence. The requested array would exceed the maximum number of dimension of ${depth}.`);
}

/** A result of `self`'s kind: a numpy scalar from a scalar, an ndarray (0-d ones too) from an ndarray. */
function sameKind(self: PyNDArray, a: NDArray): PyNDArray {
  return isScalarObject(self) ? wrap(a) : wrapArray(a);
}

/** A Python value for one stored element (int, float or bool), as .item()/.tolist() give. */
export function pyElement(dtype: DType, v: number | boolean | bigint): PyValue {
  if (typeof v === "boolean") return v;
  if (typeof v === "bigint") return Number.isSafeInteger(Number(v)) ? Number(v) : v;
  if (dtype.isFloat) return new PyFloat(v);
  // A 64-bit int past 2^53 not known exactly is held as a double; as a Python int it is that
  // double's exact value (a bigint: Python ints stored as JS numbers must be safe integers).
  return Number.isSafeInteger(v) ? v : BigInt(v);
}

function pyList(x: NestedList, dtype: DType): PyValue {
  if (Array.isArray(x)) return new PyList(x.map((y) => pyList(y, dtype)));
  return pyElement(dtype, x);
}

export function pyTuple(xs: readonly number[]): PyTuple {
  return new PyTuple(xs.slice());
}

// ---- argument helpers -------------------------------------------------------------------------

type Slots = (PyValue | undefined)[];

function args(name: string, a: readonly PyValue[], kw: Kwargs | null, names: string[], required = 0, kwonly?: string[]): Slots {
  return parseArgs(name, a, kw, { names, required, kwonly });
}

/** Shapes and axes passed either as one tuple or as separate ints: a.reshape(2, 3) / a.reshape((2, 3)). */
function varShape(a: readonly PyValue[], rt: Runtime): number[] {
  if (a.length === 1) return toShape(a[0], rt);
  return a.map((x) => toInt(x, rt));
}


// ---- ndarray methods --------------------------------------------------------------------------

/** Whether `self <op> other` is numpy-scalar arithmetic (numpy then reports "scalar <op>" errors). */
function scalarOperation(self: PyNDArray, other: PyValue): boolean {
  return isScalarObject(self) && !(other instanceof PyNDArray && !isScalarObject(other));
}

/**
 * numpy's `**` on a float array with a Python scalar exponent of 2, -1 or 0.5 runs the square,
 * reciprocal or sqrt ufunc instead of power (so `[-inf] ** 0.5` is nan, and errors name that ufunc);
 * on an integer or bool array only 2 does (square).
 */
function fastPower(self: PyNDArray, exponent: Operand): string | null {
  if (isScalarObject(self) || !isPyScalar(exponent) || exponent.kind === "bool") return null;
  // Integer and bool arrays take the square shortcut only (bool ** 2 is int8, as square gives).
  if (!self.arr.dtype.isFloat) return exponent.kind === "int" && exponent.value === 2 && (self.arr.dtype.isInteger || self.arr.dtype.kind === "b") ? "square" : null;
  return exponent.value === 2 ? "square" : exponent.value === -1 ? "reciprocal" : exponent.value === 0.5 ? "sqrt" : null;
}

function binop(ufunc: string, reflected = false): NativeMethodImpl<PyNDArray> {
  return (self, a, _kw, rt) => {
    const other = tryOperand(a[0], rt);
    if (other === undefined) return NotImplemented;
    const fast = ufunc === "power" && !reflected ? fastPower(self, other) : null;
    const scalar = scalarOperation(self, a[0]);
    return guard(
      () => wrap(fast !== null ? unary(fast, self.arr) : reflected ? binary(ufunc, other, self.arr, scalar) : binary(ufunc, self.arr, other, scalar)),
      rt,
      scalar,
    );
  };
}

/** divmod(x, y): numpy's divmod ufunc is floor_divide and remainder of the same operands. */
function divmodMethod(reflected: boolean): NativeMethodImpl<PyNDArray> {
  return (self, a, _kw, rt) => {
    const other = tryOperand(a[0], rt);
    if (other === undefined) return NotImplemented;
    const [x, y] = reflected ? [other, self.arr] : [self.arr, other];
    return guard(() => new PyTuple([wrap(binary("floor_divide", x, y)), wrap(binary("remainder", x, y))]), rt, scalarOperation(self, a[0]), "divmod");
  };
}

function inplace(ufunc: string): NativeMethodImpl<PyNDArray> {
  return (self, a, _kw, rt) => {
    const other = tryOperand(a[0], rt);
    if (other === undefined) return NotImplemented;
    return guard(() => {
      // The SIMD loops can write into self directly (no temporary array) in the common cases.
      if (ufunc !== "matmul" && !isScalarObject(self) && binaryInto(ufunc, self.arr, other, self.arr)) return self;
      const r = ufunc === "matmul" ? matmul(self.arr, other instanceof NDArray ? other : toArray(a[0], rt)) : binary(ufunc, self.arr, other, scalarOperation(self, a[0]));
      if (isScalarObject(self)) return wrap(r);
      checkSameKind(ufunc, r.dtype, self.arr.dtype);
      if (r.ndim > self.arr.ndim || r.shape.some((d, i) => d !== self.arr.shape[self.arr.ndim - r.ndim + i] && d !== 1)) {
        throw E.valueError(
          `non-broadcastable output operand with shape ${tupleRepr(self.arr.shape)} doesn't match the broadcast shape ${tupleRepr(r.shape)}`,
        );
      }
      assign(self.arr, r);
      return self;
    }, rt, scalarOperation(self, a[0]));
  };
}

/**
 * A Python number as item assignment and fill store it in `dtype`: a float (or a numpy float
 * scalar, into a signed dtype) into an integer array converts as int() does and must then fit
 * (dtypes.ts pyFloatToInt), and a finite value that a float32 or float16 array cannot hold is
 * numpy's "overflow encountered in cast".
 */
function storedNumber(dtype: DType, value: PyValue, rt: Runtime): number {
  const x = toFloat(value, rt);
  if (dtype.isInteger && (value instanceof PyFloat || floatScalarIntoSigned(value, dtype))) guard(() => pyFloatToInt(dtype, x));
  const narrow = dtype.name === "float32" || dtype.name === "float16" ? castValue(dtype, x) : x;
  if (x - x === 0 && narrow - narrow !== 0) guard(() => recordFpError(FPE_OVERFLOW, "cast"), rt);
  return x;
}

/** A numpy float scalar stored into a signed integer array converts like a Python float; into an unsigned one it is cast. */
function floatScalarIntoSigned(value: PyValue, dtype: DType): value is PyNDArray {
  return value instanceof PyNDArray && isScalarObject(value) && value.arr.dtype.isFloat && dtype.kind === "i";
}

function tupleRepr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

function unop(ufunc: string): NativeMethodImpl<PyNDArray> {
  return (self, _a, _k, rt) => guard(() => wrap(unary(ufunc, self.arr)), rt, isScalarObject(self));
}

function reduction(name: string, fn: (a: NDArray, o: R.ReduceOptions) => NDArray): NativeMethodImpl<PyNDArray> {
  return (self, a, kw, rt) => {
    const [axis, dtype, out, keepdims] = args(name, a, kw, ["axis", "dtype", "out", "keepdims"]);
    if (out !== undefined && out !== None) throw E.notImplementedError(`${name}(out=...) is not supported in Kernel Lab`);
    return guard(() => wrap(fn(self.arr, { axis: toAxis(axis, rt), dtype: toDtype(dtype), keepdims: toBool(keepdims, rt, false) })), rt);
  };
}

function extremumMethod(name: string, fn: (a: NDArray, o: R.ReduceOptions) => NDArray): NativeMethodImpl<PyNDArray> {
  return (self, a, kw, rt) => {
    const [axis, out, keepdims] = args(name, a, kw, ["axis", "out", "keepdims"]);
    if (out !== undefined && out !== None) throw E.notImplementedError(`${name}(out=...) is not supported in Kernel Lab`);
    return guard(() => wrap(fn(self.arr, { axis: toAxis(axis, rt), keepdims: toBool(keepdims, rt, false) })), rt);
  };
}

function varMethod(name: string, fn: (a: NDArray, o: R.VarOptions) => NDArray): NativeMethodImpl<PyNDArray> {
  return (self, a, kw, rt) => {
    const [axis, dtype, out, ddof, keepdims] = args(name, a, kw, ["axis", "dtype", "out", "ddof", "keepdims"]);
    if (out !== undefined && out !== None) throw E.notImplementedError(`${name}(out=...) is not supported in Kernel Lab`);
    return guard(() =>
      wrap(fn(self.arr, { axis: toAxis(axis, rt), dtype: toDtype(dtype), ddof: ddof === undefined ? 0 : toFloat(ddof, rt), keepdims: toBool(keepdims, rt, false) })),
    );
  };
}

function argMethod(name: string, fn: (a: NDArray, axis?: number | null, keepdims?: boolean) => NDArray): NativeMethodImpl<PyNDArray> {
  return (self, a, kw, rt) => {
    const [axis, , keepdims] = args(name, a, kw, ["axis", "out"], 0, ["keepdims"]);
    return guard(() => wrap(fn(self.arr, axis === undefined || axis === None ? null : toInt(axis, rt), toBool(keepdims, rt, false))), rt);
  };
}

function truthValue(a: NDArray): boolean {
  if (a.size === 1) return a.getFlat(0) !== 0;
  if (a.size === 0) throw E.valueError("The truth value of an empty array is ambiguous. Use `array.size > 0` to check that an array is not empty.");
  throw E.valueError("The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()");
}

function scalarValue(a: NDArray): number {
  // numpy 2.4 no longer converts size-1 arrays of higher rank (int(np.array([5])) raises).
  if (a.ndim !== 0) throw E.typeError("only 0-dimensional arrays can be converted to Python scalars");
  return a.getFlat(0);
}

const methods: Record<string, NativeMethodImpl<PyNDArray>> = {
  __add__: binop("add"),
  __radd__: binop("add", true),
  __sub__: binop("subtract"),
  __rsub__: binop("subtract", true),
  __mul__: binop("multiply"),
  __rmul__: binop("multiply", true),
  __truediv__: binop("true_divide"),
  __rtruediv__: binop("true_divide", true),
  __floordiv__: binop("floor_divide"),
  __rfloordiv__: binop("floor_divide", true),
  __mod__: binop("remainder"),
  __rmod__: binop("remainder", true),
  __divmod__: divmodMethod(false),
  __rdivmod__: divmodMethod(true),
  __pow__: binop("power"),
  __rpow__: binop("power", true),
  __and__: binop("bitwise_and"),
  __rand__: binop("bitwise_and", true),
  __or__: binop("bitwise_or"),
  __ror__: binop("bitwise_or", true),
  __xor__: binop("bitwise_xor"),
  __rxor__: binop("bitwise_xor", true),
  __lshift__: binop("left_shift"),
  __rlshift__: binop("left_shift", true),
  __rshift__: binop("right_shift"),
  __rrshift__: binop("right_shift", true),
  __matmul__: (self, a, _kw, rt) => {
    const other = tryOperand(a[0], rt);
    if (other === undefined) return NotImplemented;
    return guard(() => wrap(matmul(self.arr, other instanceof NDArray ? other : toArray(a[0], rt))), rt);
  },
  __rmatmul__: (self, a, _kw, rt) => {
    const other = tryOperand(a[0], rt);
    if (other === undefined) return NotImplemented;
    return guard(() => wrap(matmul(other instanceof NDArray ? other : toArray(a[0], rt), self.arr)), rt);
  },
  __iadd__: inplace("add"),
  __isub__: inplace("subtract"),
  __imul__: inplace("multiply"),
  __itruediv__: inplace("true_divide"),
  __ifloordiv__: inplace("floor_divide"),
  __imod__: inplace("remainder"),
  __ipow__: inplace("power"),
  __iand__: inplace("bitwise_and"),
  __ior__: inplace("bitwise_or"),
  __ixor__: inplace("bitwise_xor"),
  __imatmul__: inplace("matmul"),
  __eq__: binop("equal"),
  __ne__: binop("not_equal"),
  __lt__: binop("less"),
  __le__: binop("less_equal"),
  __gt__: binop("greater"),
  __ge__: binop("greater_equal"),
  __neg__: unop("negative"),
  __pos__: unop("positive"),
  __abs__: unop("absolute"),
  __invert__: unop("invert"),
  __bool__: (self) => truthValue(self.arr),
  __float__: (self) => new PyFloat(scalarValue(self.arr)),
  __int__: (self) => {
    const v = scalarValue(self.arr);
    if (isWideInt(self.arr.dtype)) return pyElement(self.arr.dtype, itemOf(self.arr));
    if (!Number.isFinite(v)) throw v !== v ? E.valueError("cannot convert float NaN to integer") : E.overflowError("cannot convert float infinity to integer");
    const t = Math.trunc(v);
    return Number.isSafeInteger(t) ? t : BigInt(t);
  },
  __index__: (self) => {
    if (!(self.arr.dtype.isInteger || self.arr.dtype.kind === "b") || self.arr.size !== 1 || (self.arr.ndim !== 0 && !isScalarObject(self))) {
      throw E.typeError("only integer scalar arrays can be converted to a scalar index");
    }
    return pyElement(self.arr.dtype, itemOf(self.arr, 0));
  },
  __len__: (self) => {
    if (isScalarObject(self)) throw E.typeError(`object of type 'numpy.${self.arr.dtype.name}' has no len()`);
    if (self.arr.ndim === 0) throw E.typeError("len() of unsized object");
    return self.arr.shape[0];
  },
  __iter__: (self, _a, _kw, rt) => {
    const a = self.arr;
    if (a.ndim === 0) throw E.typeError("iteration over a 0-d array");
    let i = 0;
    return rt.makeIterator({
      [Symbol.iterator]: () => ({
        next: (): IteratorResult<PyValue> => {
          if (i >= a.shape[0]) return { done: true, value: undefined };
          return { done: false, value: wrap(getItem(a, [{ kind: "int", value: i++ }])) };
        },
      }),
    });
  },
  __contains__: (self, a, _kw, rt) => guard(() => R.any(binary("equal", self.arr, toOperand(a[0], rt))).getFlat(0) !== 0, rt),
  __getitem__: (self, a, _kw, rt) => {
    const off = elementOffset(self.arr, a[0]);
    if (off !== undefined) return scalarAt(self.arr, off);
    const items = toIndex(a[0], rt);
    return guard(() => {
      const r = getItem(self.arr, items);
      const basicOnly = items.every((it) => it.kind === "int");
      return r.ndim === 0 && (basicOnly || isScalarObject(self)) ? wrap(r) : wrapArray(r);
    }, rt);
  },
  __setitem__: (self, a, _kw, rt) => {
    if (isScalarObject(self)) throw E.typeError(`'numpy.${self.arr.dtype.name}' object does not support item assignment`);
    const value = a[1];
    const off = elementOffset(self.arr, a[0]);
    if (off !== undefined && (typeof value === "number" || typeof value === "boolean" || value instanceof PyFloat)) {
      self.arr.data[off] = castValue(self.arr.dtype, storedNumber(self.arr.dtype, value, rt));
      return None;
    }
    const items = toIndex(a[0], rt);
    guard(() => {
      if (typeof value === "number" || typeof value === "boolean" || value instanceof PyFloat) setItem(self.arr, items, storedNumber(self.arr.dtype, value, rt));
      else if (floatScalarIntoSigned(value, self.arr.dtype)) setItem(self.arr, items, storedNumber(self.arr.dtype, value, rt));
      else {
        const source = toArray(value, rt);
        if (items.every((it) => it.kind !== "array")) checkSequenceDepth(self.arr, items, source, value instanceof PyList || value instanceof PyTuple);
        setItem(self.arr, items, source);
      }
    }, rt);
    return None;
  },
  __repr__: (self, _a, _kw, rt) => (isScalarObject(self) ? scalarRepr(self.arr.dtype.name, self.arr.exactFlat(0)) : arrayRepr(self.arr, printOptions(rt))),
  __str__: (self, _a, _kw, rt) => (isScalarObject(self) ? scalarStr(self.arr.dtype.name, self.arr.exactFlat(0)) : arrayStr(self.arr, printOptions(rt))),
  __format__: (self, a, _kw, rt) => {
    const spec = typeof a[0] === "string" ? a[0] : "";
    const arr = self.arr;
    if (arr.ndim === 0 || isScalarObject(self)) {
      const v = arr.exactFlat(0);
      // A float scalar formats as the Python float it converts to (format(np.float32(1e-8), "") is
      // '9.99999993922529e-09', not its str '1e-08').
      if (spec === "" && !(isScalarObject(self) && arr.dtype.isFloat)) return isScalarObject(self) ? scalarStr(arr.dtype.name, v) : arrayStr(arr, printOptions(rt));
      return guardFormat(() => (typeof v === "number" && arr.dtype.isFloat ? formatFloat(v, spec) : formatInt(v, spec)));
    }
    if (spec !== "") throw E.typeError("unsupported format string passed to numpy.ndarray.__format__");
    return arrayStr(arr, printOptions(rt));
  },
  __hash__: (self, _a, _kw, rt) => {
    if (!isScalarObject(self)) throw E.typeError("unhashable type: 'numpy.ndarray'");
    if (self.arr.dtype.isFloat) return rt.hash(new PyFloat(self.arr.getFlat(0)));
    return rt.hash(pyElement(self.arr.dtype, itemOf(self.arr)));
  },
  reshape: (self, a, kw, rt) => {
    if (kw !== null && kw.size > 0 && !(kw.size === 1 && kw.has("order"))) throw E.typeError("reshape() got an unexpected keyword argument");
    return guard(() => wrapArray(S.reshape(self.arr, varShape(a, rt))), rt);
  },
  astype: (self, a, kw, rt) => {
    const [dtype] = args("astype", a, kw, ["dtype", "order", "casting", "subok", "copy"], 1);
    return guard(() => sameKind(self, astype(self.arr, toDtype(dtype) as DType)), rt);
  },
  copy: (self) => guard(() => sameKind(self, copyArray(self.arr))),
  diagonal: (self, a, kw, rt) => {
    const [o, a1, a2] = args("diagonal", a, kw, ["offset", "axis1", "axis2"]);
    const int = (v: PyValue | undefined, d: number): number => (v === undefined ? d : toInt(v, rt));
    return guard(() => wrapArray(S.diagonal(self.arr, int(o, 0), int(a1, 0), int(a2, 1))), rt);
  },
  trace: (self, a, kw, rt) => {
    const [o, a1, a2] = args("trace", a, kw, ["offset", "axis1", "axis2", "dtype", "out"]);
    const int = (v: PyValue | undefined, d: number): number => (v === undefined ? d : toInt(v, rt));
    return guard(() => wrap(trace(self.arr, int(o, 0), int(a1, 0), int(a2, 1))), rt);
  },
  // Real dtypes only: the conjugate is a copy.
  conj: (self) => guard(() => sameKind(self, copyArray(self.arr))),
  conjugate: (self) => guard(() => sameKind(self, copyArray(self.arr))),
  sum: reduction("sum", R.sum),
  prod: reduction("prod", R.prod),
  mean: reduction("mean", R.mean),
  max: extremumMethod("max", R.max),
  min: extremumMethod("min", R.min),
  std: varMethod("std", R.std),
  var: varMethod("var", R.variance),
  argmax: argMethod("argmax", R.argmax),
  argmin: argMethod("argmin", R.argmin),
  all: extremumMethod("all", R.all),
  any: extremumMethod("any", R.any),
  cumsum: (self, a, kw, rt) => {
    const [axis, dtype] = args("cumsum", a, kw, ["axis", "dtype", "out"]);
    return guard(() => wrapArray(R.cumsum(self.arr, axis === undefined || axis === None ? null : toInt(axis, rt), toDtype(dtype))), rt);
  },
  cumprod: (self, a, kw, rt) => {
    const [axis, dtype] = args("cumprod", a, kw, ["axis", "dtype", "out"]);
    return guard(() => wrapArray(R.cumprod(self.arr, axis === undefined || axis === None ? null : toInt(axis, rt), toDtype(dtype))), rt);
  },
  transpose: (self, a, _kw, rt) => guard(() => wrapArray(S.transpose(self.arr, a.length === 0 || (a.length === 1 && a[0] === None) ? null : varShape(a, rt))), rt),
  swapaxes: (self, a, kw, rt) => {
    const [x, y] = args("swapaxes", a, kw, ["axis1", "axis2"], 2);
    return guard(() => wrapArray(S.swapaxes(self.arr, toInt(x as PyValue, rt), toInt(y as PyValue, rt))), rt);
  },
  flatten: (self) => guard(() => wrapArray(S.flatten(self.arr))),
  ravel: (self) => guard(() => wrapArray(S.ravel(self.arr))),
  squeeze: (self, a, kw, rt) => {
    const [axis] = args("squeeze", a, kw, ["axis"]);
    return guard(() => wrapArray(S.squeeze(self.arr, toAxis(axis, rt))), rt);
  },
  tolist: (self) => guard(() => pyList(tolist(self.arr), self.arr.dtype)),
  item: (self, a, _kw, rt) =>
    guard(() => {
      if (a.length > 1) {
        const idx = a.map((x) => toInt(x, rt));
        const r = getItem(self.arr, idx.map((value) => ({ kind: "int" as const, value })));
        return pyElement(self.arr.dtype, itemOf(r));
      }
      return pyElement(self.arr.dtype, itemOf(self.arr, a.length === 1 ? toInt(a[0], rt) : undefined));
    }, rt),
  fill: (self, a, _kw, rt) => {
    // A str converts as float(str) does for numpy (a.fill("2.5") fills 2.5; "x" is float()'s ValueError).
    const v = typeof a[0] === "string" ? rt.call(rt.builtins.get("float") as PyValue, [a[0]], null) : a[0];
    guard(() => fill(self.arr, storedNumber(self.arr.dtype, v, rt), typeof v === "bigint" ? v : undefined), rt);
    return None;
  },
  view: (self, a, kw, rt) => {
    const [dtype] = args("view", a, kw, ["dtype", "type"]);
    const d = dtype === undefined || dtype === None ? self.arr.dtype : (toDtype(dtype) as DType);
    return guard(() => sameKind(self, S.viewAs(self.arr, d)), rt);
  },
  clip: (self, a, kw, rt) => {
    const [lo, hi] = args("clip", a, kw, ["min", "max", "out"]);
    const op = (v: PyValue | undefined) => (v === undefined || v === None ? null : toOperand(v, rt));
    return guard(() => wrap(clip(self.arr, op(lo), op(hi))), rt);
  },
  round: (self, a, kw, rt) => {
    const [decimals] = args("round", a, kw, ["decimals", "out"]);
    return guard(() => wrap(around(self.arr, decimals === undefined ? 0 : toInt(decimals, rt))), rt);
  },
  dot: (self, a, _kw, rt) => guard(() => wrap(dot(self.arr, toArray(a[0], rt))), rt),
  sort: (self, a, kw, rt) => {
    const [axis] = args("sort", a, kw, ["axis", "kind", "order"]);
    guard(() => assign(self.arr, sort(self.arr, axis === undefined ? -1 : toInt(axis, rt))), rt);
    return None;
  },
  argsort: (self, a, kw, rt) => {
    const [axis] = args("argsort", a, kw, ["axis", "kind", "order"]);
    return guard(() => wrapArray(argsort(self.arr, axis === undefined ? -1 : axis === None ? null : toInt(axis, rt))), rt);
  },
  take: (self, a, kw, rt) => {
    const [indices, axis] = args("take", a, kw, ["indices", "axis", "out", "mode"], 1);
    return guard(() => wrap(take(self.arr, toArray(indices as PyValue, rt), axis === undefined || axis === None ? null : toInt(axis, rt))), rt);
  },
  searchsorted: (self, a, kw, rt) => {
    const [v, side, sorter] = args("searchsorted", a, kw, ["v", "side", "sorter"], 1);
    const s = side === undefined || side === None ? "left" : rt.str(side);
    if (s !== "left" && s !== "right") throw E.valueError(`side must be 'left' or 'right' (got '${s}')`);
    return guard(() => wrap(searchsorted(self.arr, toArray(v as PyValue, rt), s, sorter === undefined || sorter === None ? null : toArray(sorter, rt))), rt);
  },
  repeat: (self, a, kw, rt) => {
    const [reps, axis] = args("repeat", a, kw, ["repeats", "axis"], 1);
    return guard(() => wrapArray(S.repeat(self.arr, toShape(reps as PyValue, rt), axis === undefined || axis === None ? null : toInt(axis, rt))), rt);
  },
  nonzero: (self) =>
    guard(() => {
      const idx = nonzeroIndices(self.arr);
      return new PyTuple(idx.map(wrapArray));
    }),
};

/**
 * Fast path for a[i] / a[i, j] with plain ints addressing one element (the common case in Python
 * loops): the buffer offset, or undefined to take the general indexing path.
 */
function elementOffset(a: NDArray, key: PyValue): number | undefined {
  let off = a.offset;
  if (typeof key === "number") {
    if (a.ndim !== 1) return undefined;
    const n = a.shape[0];
    const i = key < 0 ? key + n : key;
    if (!(i >= 0 && i < n)) return undefined;
    return off + i * a.strides[0];
  }
  if (!(key instanceof PyTuple) || key.items.length !== a.ndim) return undefined;
  for (let d = 0; d < a.ndim; d++) {
    const k = key.items[d];
    if (typeof k !== "number") return undefined;
    const n = a.shape[d];
    const i = k < 0 ? k + n : k;
    if (!(i >= 0 && i < n)) return undefined;
    off += i * a.strides[d];
  }
  return off;
}

function scalarAt(a: NDArray, off: number): PyNDArray {
  const data = allocate(a.dtype, 1);
  data[0] = a.data[off];
  if (isWideInt(a.dtype)) copyExact(a.data, data, 1, () => off, () => 0, a.dtype.kind === "u");
  return new PyNDArray(new NDArray(data, a.dtype, [], [], 0), scalarTypes.get(a.dtype.name) as PyType);
}

export function nonzeroIndices(a: NDArray): NDArray[] {
  const arr = a.ndim === 0 ? S.reshape(a, [1]) : a;
  const mask = arr.dtype.kind === "b" ? arr : binary("not_equal", arr, { kind: "int", value: 0 });
  const n = arr.size;
  const cols: number[][] = arr.shape.map(() => []);
  for (let i = 0; i < n; i++) {
    if (mask.getFlat(i) === 0) continue;
    let rem = i;
    for (let d = arr.ndim - 1; d >= 0; d--) {
      cols[d].push(rem % arr.shape[d]);
      rem = Math.floor(rem / arr.shape[d]);
    }
  }
  return cols.map((c) => fromNumbers(c));
}

function fromNumbers(c: number[]): NDArray {
  return new NDArray(Float64Array.from(c), DTYPES.int64, [c.length], [1], 0);
}

function guardFormat(fn: () => string): string {
  try {
    return fn();
  } catch (e) {
    if (e instanceof Error && "pyType" in e) throw E.valueError(e.message);
    throw e;
  }
}

const getters: Record<string, (self: PyNDArray, rt: Runtime) => PyValue> = {
  shape: (self) => pyTuple(self.arr.shape),
  dtype: (self) => dtypeObject(self.arr.dtype),
  ndim: (self) => self.arr.ndim,
  size: (self) => self.arr.size,
  itemsize: (self) => self.arr.itemsize,
  nbytes: (self) => self.arr.nbytes,
  strides: (self) => pyTuple(self.arr.strides.map((s) => s * self.arr.itemsize)),
  T: (self) => guard(() => wrapArray(S.transpose(self.arr))),
  mT: (self) => {
    if (self.arr.ndim < 2) throw E.valueError(`matrix transpose with ndim < 2 is undefined`);
    return guard(() => wrapArray(S.swapaxes(self.arr, -1, -2)));
  },
  // Real dtypes only: the real part is the array itself, the imaginary part zeros.
  real: (self) => self,
  imag: (self) => guard(() => sameKind(self, fromStorage(self.arr.dtype, self.arr.shape, allocate(self.arr.dtype, self.arr.size)))),
  flat: (self) => guard(() => wrapArray(S.flatten(self.arr))),
  base: (self) => {
    const a = self.arr;
    if (a.offset === 0 && a.size === a.data.length && a.isCContiguous) return None;
    return wrapArray(new NDArray(a.data, a.dtype, [a.data.length], [1], 0));
  },
  flags: (self, rt) => {
    const a = self.arr;
    const c = a.isCContiguous;
    const f = S.transpose(a).isCContiguous;
    return rt.dict(["C_CONTIGUOUS", "F_CONTIGUOUS", "WRITEABLE", "OWNDATA"], [c, f, true, a.offset === 0 && a.size === a.data.length]);
  },
};

export const ndarrayType: PyType = defineNativeType<PyNDArray>({
  name: "ndarray",
  module: "numpy",
  instanceOf: PyNDArray,
  // np.ndarray(shape, dtype=float): Kernel Lab's uninitialised memory is zeros.
  construct: (a, kw, rt) => {
    const [shape, dtype] = parseArgs("ndarray", a, kw, { names: ["shape", "dtype", "buffer", "offset", "strides", "order"], required: 1 });
    const s = toShape(shape as PyValue, rt);
    const d = toDtype(dtype) ?? DTYPES.float64;
    rt.charge(s.reduce((p, x) => p * x, 1) * d.itemsize);
    return guard(() => wrapArray(new NDArray(allocate(d, s.reduce((p, x) => p * x, 1)), d, s, cStrides(s), 0)), rt);
  },
  methods,
  getters,
});

// ---- dtype ------------------------------------------------------------------------------------

const dtypeObjects = new Map<DTypeName, PyDType>();

export function dtypeObject(d: DType): PyDType {
  let o = dtypeObjects.get(d.name);
  if (o === undefined) {
    o = new PyDType(d, dtypeType);
    dtypeObjects.set(d.name, o);
  }
  return o;
}

function dtypeLike(v: PyValue): DType | undefined {
  try {
    return toDtype(v);
  } catch {
    return undefined;
  }
}

export const dtypeType: PyType = defineNativeType<PyDType>({
  name: "dtype",
  module: "numpy",
  instanceOf: PyDType,
  construct: (a, kw) => {
    const [spec] = parseArgs("dtype", a, kw, { names: ["dtype", "align", "copy"], required: 1 });
    return dtypeObject(toDtype(spec) as DType);
  },
  methods: {
    __repr__: (self) => (self.dtype.narrow !== undefined && self.dtype.name !== "float16" ? `dtype(${self.dtype.name})` : `dtype('${self.dtype.name}')`),
    __str__: (self) => self.dtype.name,
    __eq__: (self, a) => {
      const d = dtypeLike(a[0]);
      return d !== undefined && d === self.dtype;
    },
    __ne__: (self, a) => {
      const d = dtypeLike(a[0]);
      return !(d !== undefined && d === self.dtype);
    },
    __hash__: (self, _a, _kw, rt) => rt.hash(self.dtype.name),
  },
  getters: {
    name: (self) => self.dtype.name,
    itemsize: (self) => self.dtype.itemsize,
    kind: (self) => self.dtype.kind,
    char: (self) => self.dtype.char,
    str: (self) => (self.dtype.itemsize === 1 ? "|" : "<") + self.dtype.kind + self.dtype.itemsize,
    type: (self) => scalarTypes.get(self.dtype.name) as PyType,
    alignment: (self) => self.dtype.itemsize,
  },
});

// ---- scalar types -----------------------------------------------------------------------------

/** numpy's abstract scalar classes, for isinstance(x, np.floating) and issubclass checks. */
function abstractScalar(name: string, base?: PyType): PyType {
  return defineNativeType<PyNDArray>({ name, module: "numpy", instanceOf: PyNDArray, base });
}
const genericType = abstractScalar("generic");
const numberType = abstractScalar("number", genericType);
const integerType = abstractScalar("integer", numberType);
const inexactType = abstractScalar("inexact", numberType);
export const abstractScalarTypes: ReadonlyMap<string, PyType> = new Map([
  ["generic", genericType],
  ["number", numberType],
  ["integer", integerType],
  ["signedinteger", abstractScalar("signedinteger", integerType)],
  ["unsignedinteger", abstractScalar("unsignedinteger", integerType)],
  ["inexact", inexactType],
  ["floating", abstractScalar("floating", inexactType)],
]);

/** Where a dtype's scalar type sits: ml_dtypes' narrow floats (kind "V") are direct np.generic subclasses. */
function scalarBase(dtype: DType): PyType {
  const key = dtype.kind === "f" ? "floating" : dtype.kind === "i" ? "signedinteger" : dtype.kind === "u" ? "unsignedinteger" : "generic";
  return abstractScalarTypes.get(key) as PyType;
}

/** Number scalars' own methods (numpy 2); np.bool_ has none of them. */
const scalarMethods: typeof methods = {
  ...methods,
  // numpy 2's ndarray has no __round__ (round() of an array is a TypeError); its number scalars do.
  __round__: (self, a, _kw, rt) => {
    const nd = a[0];
    if (nd === undefined || nd === None) {
      // round(x) gives a Python int (half to even) for numpy scalars, exactly.
      if (self.arr.dtype.isInteger) return pyElement(self.arr.dtype, itemOf(self.arr));
      const v = guard(() => around(self.arr, 0), rt).getFlat(0);
      if (!Number.isFinite(v)) throw v !== v ? E.valueError("cannot convert float NaN to integer") : E.overflowError("cannot convert float infinity to integer");
      return Number.isSafeInteger(v) ? v + 0 : BigInt(v);
    }
    return guard(() => wrap(around(self.arr, toInt(nd, rt))), rt);
  },
  is_integer: (self) => {
    const x = self.arr.getFlat(0);
    return self.arr.dtype.isInteger || (Number.isFinite(x) && Math.trunc(x) === x);
  },
};

for (const name of Object.keys(DTYPES) as DTypeName[]) {
  const dtype = DTYPES[name];
  const t = defineNativeType<PyNDArray>({
    name: name === "bool" ? "bool" : name,
    module: "numpy",
    instanceOf: PyNDArray,
    base: scalarBase(dtype),
    construct: (a, kw, rt) => {
      const [x] = parseArgs(name, a, kw, { names: ["value"] });
      return guard(() => {
        const arr = x === undefined ? toArray(0, rt, dtype) : toArray(typeof x === "string" ? parseNumber(x, dtype) : x, rt, dtype);
        return wrap(arr.dtype === dtype ? copyArray(arr) : astype(arr, dtype));
      }, rt);
    },
    methods: dtype.kind === "b" ? methods : scalarMethods,
    getters,
  });
  scalarTypes.set(name, t);
  scalarTypeDtype.set(t, dtype);
  registerNumericHashType(t);
}

/** np.float32("1.5") / np.int32("42"): numbers spelled as Python would parse them. */
function parseNumber(text: string, dtype: DType): PyValue {
  const t = text.trim();
  if (dtype.isFloat) {
    const v = /^[+-]?(inf(inity)?|nan)$/i.test(t) ? Number(t.replace(/inf(inity)?/i, "Infinity").replace(/nan/i, "NaN")) : Number(t);
    if (t === "" || Number.isNaN(v) && !/nan/i.test(t)) throw E.valueError(`could not convert string to float: '${text}'`);
    return new PyFloat(v);
  }
  if (!/^[+-]?\d+$/.test(t)) throw E.valueError(`invalid literal for int() with base 10: '${text}'`);
  return Number(t);
}

// ---- ufunc --------------------------------------------------------------------------------------

export class PyUFunc extends PyObject {
  constructor(
    readonly name: string,
    readonly nin: 1 | 2,
  ) {
    super(ufuncType);
  }
}

function callUfunc(self: PyUFunc, a: PyValue[], kw: Kwargs | null, rt: Runtime): PyValue {
  const names = self.nin === 1 ? ["x"] : ["x1", "x2"];
  const slots = parseArgs(self.name, a, kw, { names: [...names, "out"], required: self.nin, kwonly: ["where", "dtype", "casting", "order", "subok"] });
  const out = slots[self.nin];
  const dtype = toDtype(slots[self.nin + 3]);
  return guard(() => {
    const target = out instanceof PyTuple ? out.items[0] : out;
    const x = toOperand(slots[0] as PyValue, rt);
    const y = self.nin === 2 ? toOperand(slots[1] as PyValue, rt) : null;
    // The SIMD loops can write into out= directly (no temporary array) in the common cases.
    if (y !== null && dtype === undefined && target instanceof PyNDArray && binaryInto(self.name, x, y, target.arr)) return target;
    let r = y === null ? unary(self.name, x) : binary(self.name, x, y);
    if (dtype !== undefined && dtype !== r.dtype) r = astype(r, dtype);
    if (out !== undefined && out !== None) {
      if (!(target instanceof PyNDArray)) throw E.typeError("return arrays must be of ArrayType");
      checkSameKind(self.name, r.dtype, target.arr.dtype);
      assign(target.arr, r);
      return target;
    }
    return wrap(r);
  }, rt);
}

export const ufuncType: PyType = defineNativeType<PyUFunc>({
  name: "ufunc",
  module: "numpy",
  instanceOf: PyUFunc,
  methods: {
    __call__: callUfunc,
    __repr__: (self) => `<ufunc '${self.name}'>`,
    reduce: (self, a, kw, rt) => {
      const [arr, axis, , , keepdims] = parseArgs("reduce", a, kw, { names: ["array", "axis", "dtype", "out", "keepdims"], required: 1 });
      return guard(() => wrap(R.ufuncReduce(self.name, toArray(arr as PyValue, rt), axis === undefined ? 0 : toAxis(axis, rt), toBool(keepdims, rt, false))), rt);
    },
    accumulate: (self, a, kw, rt) => {
      const [arr, axis] = parseArgs("accumulate", a, kw, { names: ["array", "axis", "dtype", "out"], required: 1 });
      return guard(() => wrapArray(R.ufuncAccumulate(self.name, toArray(arr as PyValue, rt), axis === undefined ? 0 : toInt(axis, rt))), rt);
    },
    outer: (self, a, kw, rt) => {
      const [x, y] = parseArgs("outer", a, kw, { names: ["A", "B"], required: 2 });
      return guard(() => wrap(R.ufuncOuter(self.name, toArray(x as PyValue, rt), toArray(y as PyValue, rt))), rt);
    },
  },
  getters: {
    __name__: (self) => self.name,
    nin: (self) => self.nin,
    nout: () => 1,
  },
});

// ---- finfo / iinfo ------------------------------------------------------------------------------

export class PyTypeInfo extends PyObject {
  constructor(
    readonly dtype: DType,
    cls: PyType,
  ) {
    super(cls);
  }
}

function floatInfo(d: DType): { bits: number; eps: number; max: number; tiny: number; precision: number; resolution: number } {
  const fmtName: FloatFormatName = d.name === "float64" ? "float32" : (d.name as FloatFormatName);
  if (d.name === "float64") {
    return { bits: 64, eps: 2 ** -52, max: Number.MAX_VALUE, tiny: 2 ** -1022, precision: 15, resolution: 1e-15 };
  }
  const f = FLOAT_FORMATS[fmtName];
  const eps = 2 ** -f.mantissaBits;
  const precision = Math.floor(f.mantissaBits * Math.log10(2));
  return { bits: f.width === 19 ? 32 : f.width, eps, max: f.maxFinite, tiny: f.minNormal, precision, resolution: 10 ** -precision };
}

/** A numpy scalar of dtype d holding v (finfo's eps/max/... are scalars of the inspected type). */
function scalarOf(d: DType, v: number): PyNDArray {
  return guard(() => wrap(astype(new NDArray(Float64Array.of(v), DTYPES.float64, [], [], 0), d)));
}

export const finfoType: PyType = defineNativeType<PyTypeInfo>({
  name: "finfo",
  module: "numpy",
  instanceOf: PyTypeInfo,
  construct: (a) => {
    const d = toDtype(a[0] instanceof PyNDArray ? dtypeObject(a[0].arr.dtype) : (a[0] as PyValue)) ?? DTYPES.float64;
    if (!d.isFloat) throw E.valueError(`data type ${scalarTypeRepr(d)} not inexact`);
    return new PyTypeInfo(d, finfoType);
  },
  methods: {
    __repr__: (self) => {
      const i = floatInfo(self.dtype);
      return `finfo(resolution=${fmtG(i.resolution)}, min=${fmtE(-i.max, self.dtype)}, max=${fmtE(i.max, self.dtype)}, dtype=${self.dtype.name})`;
    },
  },
  getters: {
    bits: (self) => floatInfo(self.dtype).bits,
    eps: (self) => scalarOf(self.dtype, floatInfo(self.dtype).eps),
    max: (self) => scalarOf(self.dtype, floatInfo(self.dtype).max),
    min: (self) => scalarOf(self.dtype, -floatInfo(self.dtype).max),
    tiny: (self) => scalarOf(self.dtype, floatInfo(self.dtype).tiny),
    smallest_normal: (self) => scalarOf(self.dtype, floatInfo(self.dtype).tiny),
    precision: (self) => floatInfo(self.dtype).precision,
    resolution: (self) => scalarOf(self.dtype, floatInfo(self.dtype).resolution),
    dtype: (self) => dtypeObject(self.dtype),
  },
});

function scalarTypeRepr(d: DType): string {
  return `<class 'numpy.${d.name}'>`;
}
function fmtG(x: number): string {
  return formatFloat(x, "g");
}
function fmtE(x: number, d: DType): string {
  return scalarStr(d.name, x);
}

export const iinfoType: PyType = defineNativeType<PyTypeInfo>({
  name: "iinfo",
  module: "numpy",
  instanceOf: PyTypeInfo,
  construct: (a) => {
    const d = toDtype(a[0] instanceof PyNDArray ? dtypeObject(a[0].arr.dtype) : (a[0] as PyValue)) as DType;
    if (!d.isInteger) throw E.valueError(`Invalid integer data type '${d.kind}'.`);
    return new PyTypeInfo(d, iinfoType);
  },
  methods: {
    __repr__: (self) => `iinfo(min=${intRange(self.dtype)[0]}, max=${bigMax(self.dtype)}, dtype=${self.dtype.name})`,
  },
  getters: {
    bits: (self) => self.dtype.itemsize * 8,
    min: (self) => (self.dtype.name === "int64" ? -(2n ** 63n) : intRange(self.dtype)[0]),
    max: (self) => bigMaxValue(self.dtype),
    dtype: (self) => dtypeObject(self.dtype),
  },
});

/** The largest value as a Python int: int64's and uint64's are beyond a double's exact range. */
function bigMaxValue(d: DType): number | bigint {
  if (d.name === "int64") return 2n ** 63n - 1n;
  if (d.name === "uint64") return 2n ** 64n - 1n;
  return intRange(d)[1];
}

function bigMax(d: DType): string {
  return String(bigMaxValue(d));
}
