/**
 * Conversions between Python values (lib/python's representation) and the numpy core: array-likes,
 * operands (NEP 50 weak Python scalars), dtypes, axes, shapes, index tuples, and the translation of
 * numpy-core errors into Python exceptions.
 */
import { type DType, DTYPES, dtypeFromString } from "../dtypes";
import { NumpyError } from "../errors";
import { collectFpErrors } from "../fp-errors";
import { withProgress } from "../progress";
import { reportFpErrors } from "./errstate";
import { type ArrayInput, array } from "../creation";
import type { IndexItem } from "../indexing";
import { NDArray, type Operand, type PyScalar, pyBigInt, pyBool, pyFloat, pyInt } from "../ndarray";
import * as E from "../../python/runtime/errors";
import {
  Ellipsis,
  None,
  PyBaseException,
  PyFloat,
  PyList,
  PyObject,
  PyRange,
  PySlice,
  PyTuple,
  PyType,
  boolType,
  floatType,
  intType,
  typeOf,
  type PyValue,
} from "../../python/runtime/objects";
import type { Runtime } from "../../python/runtime/runtime";

/** A numpy array or numpy scalar as a Python object; `cls` tells which (ndarray or a scalar type). */
export class PyNDArray extends PyObject {
  constructor(
    readonly arr: NDArray,
    cls: PyType,
  ) {
    super(cls);
  }
}

/** A numpy dtype object (np.dtype('float32')). */
export class PyDType extends PyObject {
  constructor(
    readonly dtype: DType,
    cls: PyType,
  ) {
    super(cls);
  }
}

/** Registry filled by types.ts: the Python types standing for each dtype's scalars. */
export const scalarTypes = new Map<string, PyType>();
export const scalarTypeDtype = new Map<PyType, DType>();

// numpy's own exception classes that are not builtins.
function subclass(name: string, module: string, ...bases: PyType[]): PyType {
  const base = bases[0];
  return new PyType(base.cls, name, bases, new Map(), base.alloc, { module, instanceDict: true, frozen: true });
}
export const AxisError = subclass("AxisError", "numpy.exceptions", E.ValueError, E.IndexError);
export const LinAlgError = subclass("LinAlgError", "numpy.linalg", E.ValueError);
export const UFuncTypeError = subclass("UFuncTypeError", "numpy._core._exceptions", E.TypeError);

/**
 * Run numpy-core code, turning NumpyError into the matching Python exception. With `rt`, long
 * loops inside also poll the runtime (interrupt flag, wall-clock limit).
 */
/**
 * Runs a numpy-core call for Python: its NumpyErrors become Python exceptions, and with `rt` long
 * loops check the interrupt flag and the floating-point errors it records are reported as
 * np.errstate says (warning, FloatingPointError, printed line), named `scalar <op>` when the
 * operands were numpy scalars, as numpy does, and `as` when given (several ufuncs making one).
 */
export function guard<T>(fn: () => T, rt?: Runtime, scalar = false, as?: string): T {
  try {
    if (rt === undefined) return fn();
    const { value, errors } = collectFpErrors(() => withProgress(() => rt.tick(), fn));
    // divmod is one ufunc in numpy: its floor_divide and remainder report as one "divmod".
    const reported = as === undefined || errors.length === 0 ? errors : [{ flags: errors.reduce((f, e) => f | e.flags, 0), op: as, scalarOnly: errors.every((e) => e.scalarOnly) }];
    if (reported.length > 0) reportFpErrors(rt, reported, scalar);
    return value;
  } catch (e) {
    if (e instanceof NumpyError) throw toPyError(e);
    if (e instanceof RangeError && /Array buffer allocation failed|Invalid typed array length|Array length/.test(e.message)) {
      throw E.memoryError();
    }
    throw e;
  }
}

export function toPyError(e: NumpyError): PyBaseException {
  switch (e.pyType) {
    case "ValueError":
      return E.valueError(e.message);
    case "TypeError":
      return E.typeError(e.message);
    case "UFuncTypeError":
      return E.pyException(UFuncTypeError, e.message);
    case "IndexError":
      return E.indexError(e.message);
    case "AxisError":
      return E.pyException(AxisError, e.message);
    case "OverflowError":
      return E.overflowError(e.message);
    case "ZeroDivisionError":
      return E.zeroDivisionError(e.message);
    case "AssertionError":
      return E.pyException(E.AssertionError, e.message);
    case "NotImplementedError":
      return E.notImplementedError(e.message);
    case "MemoryError":
      return E.memoryError(e.message);
    case "LinAlgError":
      return E.pyException(LinAlgError, e.message);
  }
}

export function isNumpy(v: PyValue): v is PyNDArray {
  return v instanceof PyNDArray;
}

/** A Python scalar as a NEP 50 weak operand, or undefined when v is not one. */
export function pyScalarOf(v: PyValue): PyScalar | undefined {
  if (typeof v === "boolean") return pyBool(v);
  if (typeof v === "number") return pyInt(v);
  // Any size: where it meets an array, that array's dtype decides (float arrays take any int;
  // integer ones check numpy's ranges, dtypes.ts checkIntInRange).
  if (typeof v === "bigint") return pyBigInt(v);
  if (v instanceof PyFloat) return pyFloat(v.v);
  return undefined;
}

function unsupportedElement(v: PyValue): PyBaseException {
  return E.typeError(`Kernel Lab's numpy supports numeric arrays only, not elements of type '${typeOf(v).name}'`);
}

/** Whether nested lists/tuples hold a Python float or a float array anywhere (the result is then float). */
function holdsFloat(v: PyValue): boolean {
  if (v instanceof PyFloat) return true;
  if (v instanceof PyNDArray) return v.arr.dtype.isFloat;
  return (v instanceof PyList || v instanceof PyTuple) && v.items.some(holdsFloat);
}

/** Nested Python lists/tuples of numbers, bools and arrays -> the core's ArrayInput, for an array of `dtype` if given. */
export function toArrayInput(v: PyValue, rt: Runtime, dtype?: DType): ArrayInput {
  // Among floats, an int past int64 is just a large float: np.array([1.5, 2**63]) is float64. An
  // integer dtype still converts each int itself (np.array([1.5, 2**63], dtype=np.int32) overflows).
  const intTarget = dtype !== undefined && (dtype.isInteger || dtype.kind === "b");
  if (v instanceof PyNDArray) return v.arr;
  return arrayInput(v, rt, !intTarget && (v instanceof PyList || v instanceof PyTuple) && holdsFloat(v), dtype?.kind === "i");
}

/**
 * `signedTarget`: numpy float scalars (not 0-d arrays) inside the input's lists convert like Python
 * floats (np.array([np.float64(300.0)], dtype=np.int8) overflows; np.array(np.float64(300.0),
 * dtype=np.int8) and np.array([np.array(300.0)], dtype=np.int8) cast).
 */
function arrayInput(v: PyValue, rt: Runtime, floats: boolean, signedTarget: boolean): ArrayInput {
  if (v instanceof PyNDArray) return signedTarget && v.arr.dtype.isFloat && v.cls === scalarTypes.get(v.arr.dtype.name) ? pyFloat(v.arr.getFlat(0)) : v.arr;
  if (floats && typeof v === "bigint" && (v > 2n ** 63n - 1n || v < -(2n ** 63n))) return pyFloat(Number(v));
  const s = pyScalarOf(v);
  if (s !== undefined) return s;
  if (v instanceof PyList || v instanceof PyTuple) {
    rt.tick();
    return v.items.map((x) => arrayInput(x, rt, floats, signedTarget));
  }
  if (v instanceof PyRange) {
    rt.charge(v.length * 8);
    return Array.from({ length: v.length }, (_, i) => pyInt(v.start + i * v.step));
  }
  if (typeof v === "object" && typeOf(v).lookup("__float__") !== undefined && !(v instanceof PyType)) {
    const f = rt.callBound(typeOf(v).lookup("__float__") as PyValue, v, []);
    if (f instanceof PyFloat) return pyFloat(f.v);
  }
  throw unsupportedElement(v);
}

/** np.asarray(v) for a Python value (no copy for arrays). */
export function toArray(v: PyValue, rt: Runtime, dtype?: DType): NDArray {
  if (v instanceof PyNDArray && (dtype === undefined || v.arr.dtype === dtype)) return v.arr;
  return guard(() => array(toArrayInput(v, rt, dtype), dtype));
}

/** A ufunc operand: arrays stay arrays, Python scalars stay weak, lists become arrays. */
export function toOperand(v: PyValue, rt: Runtime): Operand {
  if (v instanceof PyNDArray) return v.arr;
  const s = pyScalarOf(v);
  if (s !== undefined) return s;
  return toArray(v, rt);
}

/** Like toOperand, but undefined for values numpy's operators would not accept (NotImplemented). */
export function tryOperand(v: PyValue, rt: Runtime): Operand | undefined {
  if (v instanceof PyNDArray) return v.arr;
  const s = pyScalarOf(v);
  if (s !== undefined) return s;
  if (v instanceof PyList || v instanceof PyTuple || v instanceof PyRange) return toArray(v, rt);
  return undefined;
}

export function toDtype(v: PyValue | undefined): DType | undefined {
  if (v === undefined || v === None) return undefined;
  if (v instanceof PyDType) return v.dtype;
  if (typeof v === "string") return guard(() => dtypeFromString(v));
  if (v instanceof PyType) {
    const d = scalarTypeDtype.get(v);
    if (d !== undefined) return d;
    if (v === floatType) return DTYPES.float64;
    if (v === intType) return DTYPES.int64;
    if (v === boolType) return DTYPES.bool;
  }
  throw E.typeError(`Cannot interpret '${reprLite(v)}' as a data type`);
}

function reprLite(v: PyValue): string {
  if (v instanceof PyType) return `<class '${v.name}'>`;
  return typeOf(v).name;
}

export function toInt(v: PyValue, rt: Runtime, what = "an integer"): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "bigint") return Number(v);
  if (v instanceof PyNDArray && v.arr.size === 1 && (v.arr.dtype.isInteger || v.arr.dtype.kind === "b")) return v.arr.getFlat(0);
  if (typeof v === "object" && typeOf(v).lookup("__index__") !== undefined) return rt.asIndex(v, "");
  throw E.typeError(`'${typeOf(v).name}' object cannot be interpreted as ${what}`);
}

export function toFloat(v: PyValue, rt: Runtime): number {
  if (v instanceof PyFloat) return v.v;
  if (typeof v === "number" || typeof v === "boolean") return Number(v);
  if (typeof v === "bigint") return Number(v);
  if (v instanceof PyNDArray && v.arr.size === 1) return v.arr.getFlat(0);
  if (typeof v === "object") {
    const f = typeOf(v).lookup("__float__");
    if (f !== undefined) {
      const r = rt.callBound(f, v, []);
      if (r instanceof PyFloat) return r.v;
    }
  }
  throw E.typeError(`must be real number, not ${typeOf(v).name}`);
}

/** A shape argument: an int or a sequence of ints. */
export function toShape(v: PyValue, rt: Runtime): number[] {
  if (v instanceof PyList || v instanceof PyTuple) return v.items.map((x) => toInt(x, rt));
  if (v instanceof PyRange) return Array.from({ length: v.length }, (_, i) => v.start + i * v.step);
  if (v instanceof PyNDArray && v.arr.ndim === 1) return Array.from({ length: v.arr.size }, (_, i) => v.arr.getFlat(i));
  return [toInt(v, rt)];
}

/** An axis argument: None, an int or a tuple of ints. */
export function toAxis(v: PyValue | undefined, rt: Runtime): number | number[] | null {
  if (v === undefined || v === None) return null;
  if (v instanceof PyTuple || v instanceof PyList) return v.items.map((x) => toInt(x, rt));
  return toInt(v, rt);
}

export function toBool(v: PyValue | undefined, rt: Runtime, dflt: boolean): boolean {
  if (v === undefined) return dflt;
  return rt.truthy(v);
}

function sliceBound(v: PyValue, rt: Runtime): number | null {
  if (v === None) return null;
  return toInt(v, rt, "an integer");
}

const INDEX_ERROR =
  "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices";

function indexItem(v: PyValue, rt: Runtime): IndexItem {
  if (typeof v === "number") return { kind: "int", value: v };
  if (typeof v === "bigint") return { kind: "int", value: Number(v) };
  if (typeof v === "boolean") return { kind: "array", array: array(v) };
  if (v === None) return { kind: "newaxis" };
  if (v === Ellipsis) return { kind: "ellipsis" };
  if (v instanceof PySlice) {
    return { kind: "slice", start: sliceBound(v.start, rt), stop: sliceBound(v.stop, rt), step: sliceBound(v.step, rt) };
  }
  if (v instanceof PyNDArray) {
    const a = v.arr;
    if (a.ndim === 0 && a.dtype.isInteger) return { kind: "int", value: a.getFlat(0) };
    // A numpy float scalar is refused like a Python float; only a float *array* gets the array message.
    if (a.dtype.isFloat && scalarTypeDtype.has(v.cls)) throw E.indexError(INDEX_ERROR);
    return { kind: "array", array: a };
  }
  if (v instanceof PyList) {
    const a = guard(() => array(toArrayInput(v, rt)));
    if (a.size === 0) return { kind: "array", array: array([], DTYPES.int64) };
    return { kind: "array", array: a };
  }
  if (typeof v === "object" && typeOf(v).lookup("__index__") !== undefined) return { kind: "int", value: rt.asIndex(v, "") };
  throw E.indexError(INDEX_ERROR);
}

/** A Python subscript (int, slice, None, Ellipsis, list, array or a tuple of those) -> index items. */
export function toIndex(key: PyValue, rt: Runtime): IndexItem[] {
  if (key instanceof PyTuple) return key.items.map((x) => indexItem(x, rt));
  return [indexItem(key, rt)];
}
