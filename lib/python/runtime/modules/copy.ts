/*
 * copy: copy() and deepcopy() for the values host code copies: containers (keeping subclasses such
 * as defaultdict and namedtuples), instances of user classes (a new object, no __init__, with its
 * attributes copied), numpy arrays (their .copy()), and anything defining __copy__/__deepcopy__.
 * Immutable atoms, functions, classes and modules are returned as they are, as CPython does.
 */

import { attrCopy } from "../attr-store";
import { nativeFunction } from "../define";
import * as E from "../errors";
import {
  None,
  PyBaseException,
  PyDict,
  PyList,
  PyObject,
  PySet,
  PyTuple,
  PyType,
  frozensetType,
  tupleType,
  typeOf,
  type PyValue,
} from "../objects";
import type { NativeModuleDef, Runtime } from "../runtime";
import { DefaultDict } from "./collections";

const copyError = (name: string): PyBaseException => E.typeError(`cannot pickle '${name}' object`);

/** numpy arrays and scalars (this library cannot import numpy's types): copied with their own .copy(). */
function isNumpyArray(v: PyObject): boolean {
  return v.cls.module === "numpy" && v.cls.lookup("copy") !== undefined;
}

/** A user-class instance: allocated like object.__new__(cls), with its attribute dict filled by `fill`. */
function newInstanceLike(v: PyObject, fill: (x: PyValue) => PyValue, rt: Runtime): PyObject {
  const made = v.cls.alloc(v.cls, [], null, rt);
  if (!(made instanceof PyObject)) throw copyError(typeOf(v).name);
  const out = made;
  if (v.dict !== null && out.dict !== null) attrCopy(out, v.dict, fill, rt);
  return out;
}

function shallow(rt: Runtime, v: PyValue): PyValue {
  if (typeof v !== "object" || v === None || v instanceof PyType) return v;
  const hook = v.cls.lookup("__copy__");
  if (hook !== undefined) return rt.callBound(hook, v, []);
  if (v instanceof PyTuple) return v.cls === tupleType ? v : new PyTuple([...v.items], v.cls);
  if (v instanceof PySet && v.cls === frozensetType) return v;
  return structural(rt, v, (x) => x) ?? opaque(rt, v, (x) => x);
}

/** Containers rebuilt around converted items; undefined for anything else. */
function structural(rt: Runtime, v: PyObject, item: (x: PyValue) => PyValue): PyValue | undefined {
  if (v instanceof PyList) {
    const out = new PyList(v.items.map(item), v.cls);
    if (v.dict !== null && out.dict !== null) attrCopy(out, v.dict, (x) => x, rt);
    return out;
  }
  if (v instanceof PyDict) {
    const out = v instanceof DefaultDict ? new DefaultDict(v.cls) : new PyDict(v.cls);
    if (v instanceof DefaultDict && out instanceof DefaultDict) out.factory = v.factory;
    for (const e of v.table.iterate()) out.table.set(item(e.k), item(e.v), rt);
    return out;
  }
  if (v instanceof PySet) {
    const out = new PySet(v.cls);
    for (const e of v.table.iterate()) out.table.set(item(e.k), None, rt);
    return out;
  }
  if (isNumpyArray(v)) return rt.callMethod0(v, "copy");
  return undefined;
}

function opaque(rt: Runtime, v: PyObject, fill: (x: PyValue) => PyValue): PyValue {
  const kind = typeOf(v).name;
  if (v.dict === null) {
    // Native values without state we could copy (functions, iterators, NKI handles, ...).
    if (["function", "builtin_function_or_method", "method", "module", "property"].includes(kind)) return v;
    throw copyError(kind);
  }
  return newInstanceLike(v, fill, rt);
}

function deep(rt: Runtime, v: PyValue, memo: Map<PyValue, PyValue>): PyValue {
  if (typeof v !== "object" || v === None || v instanceof PyType) return v;
  const seen = memo.get(v);
  if (seen !== undefined) return seen;
  rt.tick();
  const hook = v.cls.lookup("__deepcopy__");
  if (hook !== undefined) {
    const r = rt.callBound(hook, v, [new PyDict()]);
    memo.set(v, r);
    return r;
  }
  if (v instanceof PyTuple) {
    const items = v.items.map((x) => deep(rt, x, memo));
    const same = items.every((x, i) => x === v.items[i]);
    const out = same ? v : v.cls === tupleType ? new PyTuple(items) : rt.call(v.cls, items, null);
    memo.set(v, out);
    return out;
  }
  if (v instanceof PySet && v.cls === frozensetType) return v;
  // Register the (empty) copy first so cycles resolve to it.
  if (v instanceof PyList) {
    const out = new PyList([], v.cls);
    memo.set(v, out);
    out.items = v.items.map((x) => deep(rt, x, memo));
    if (v.dict !== null && out.dict !== null) attrCopy(out, v.dict, (x) => deep(rt, x, memo), rt);
    return out;
  }
  if (v instanceof PyDict) {
    const out = v instanceof DefaultDict ? new DefaultDict(v.cls) : new PyDict(v.cls);
    if (v instanceof DefaultDict && out instanceof DefaultDict) out.factory = v.factory;
    memo.set(v, out);
    for (const e of v.table.iterate()) out.table.set(deep(rt, e.k, memo), deep(rt, e.v, memo), rt);
    return out;
  }
  const rebuilt = structural(rt, v, (x) => deep(rt, x, memo));
  if (rebuilt !== undefined) {
    memo.set(v, rebuilt);
    return rebuilt;
  }
  if (v.dict === null) return opaque(rt, v, (x) => x);
  const out = newInstanceLike(v, () => None, rt);
  memo.set(v, out);
  if (out.dict !== null && v.dict !== null) attrCopy(out, v.dict, (x) => deep(rt, x, memo), rt);
  return out;
}

export const copyModule: NativeModuleDef = {
  name: "copy",
  init(mod, rt) {
    mod.set("copy", nativeFunction("copy", (args) => {
      if (args.length !== 1) throw E.typeError(`copy() takes 1 positional argument but ${args.length} were given`);
      return shallow(rt, args[0]);
    }));
    mod.set("deepcopy", nativeFunction("deepcopy", (args) => {
      if (args.length < 1 || args.length > 2) throw E.typeError(`deepcopy() takes from 1 to 2 positional arguments but ${args.length} were given`);
      return deep(rt, args[0], new Map());
    }));
  },
};
