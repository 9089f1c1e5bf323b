/*
 * The slots every object inherits from `object` and `type`, and the safe dunder attributes.
 *
 * Only Python-level views are exposed: `__class__` is the Python type, `__dict__` a dict sharing
 * the instance's attribute table, `__bases__`/`__mro__` tuples of Python types. There is no `__subclasses__`,
 * `__globals__`, `__code__` or `__closure__`.
 */

import { attrGet, attrNames, attrSet, attrTable } from "./attr-store";
import { HashTable } from "./hashtable";
import { getter, method } from "./define";
import { attributeError, typeError } from "./errors";
import {
  PyGetSet,
  PyMethodDescr,
  getSetDescriptorType,
  methodDescriptorType,
  None,
  NotImplemented,
  PyBuiltin,
  PyDict,
  dictType,
  PyList,
  PyFunction,
  PyMethod,
  PyObject,
  PyStaticMethod,
  PyTuple,
  PyType,
  builtinFunctionType,
  functionType,
  methodType,
  objectType,
  plainAlloc,
  typeOf,
  typeType,
  type PyValue,
} from "./objects";
import type { Runtime } from "./runtime";
import { strCompare } from "./str-order";

objectType.alloc = (cls, args, kw) => {
  if ((args.length > 0 || (kw !== null && kw.size > 0)) && cls.lookup("__init__") === undefined) {
    throw typeError(`${cls.name}() takes no arguments`);
  }
  return plainAlloc(cls, args, kw, undefined as unknown as Runtime);
};

export const objectRepr = method(objectType, "__repr__", (self, _a, _k, rt) =>
  self instanceof PyObject ? rt.defaultRepr(self) : rt.repr(self),
);
export const objectStr = method(objectType, "__str__", (self, _a, _k, rt) => rt.repr(self));
export const objectEq = method(objectType, "__eq__", (self, args) => (self === args[0] ? true : NotImplemented));
method(objectType, "__ne__", (self, args, _k, rt) => {
  const eq = typeOf(self).lookup("__eq__");
  if (eq === undefined) return NotImplemented;
  const r = rt.callBound(eq, self, [args[0]]);
  return r === NotImplemented ? r : !rt.truthy(r);
});
export const objectHash = method(objectType, "__hash__", (self, _a, _k, rt) => rt.hash(self));
export const objectFormat = method(objectType, "__format__", (self, args, _k, rt) => {
  const spec = args[0];
  if (typeof spec !== "string") throw typeError(`format() argument 2 must be str, not ${typeOf(spec ?? None).name}`);
  if (spec !== "") throw typeError(`unsupported format string passed to ${typeOf(self).name}.__format__`);
  return rt.str(self);
});
export const objectNew = new PyStaticMethod(
    new PyBuiltin("__new__", (args, kw, rt) => {
      const cls = args[0];
      if (!(cls instanceof PyType)) throw typeError("object.__new__(X): X is not a type object");
      return cls.alloc === objectType.alloc ? plainAlloc(cls, [], null, rt) : cls.alloc(cls, args.slice(1), kw, rt);
    }),
);
objectType.ns.set("__new__", objectNew);
/** object.__setattr__/__delattr__: what `obj.x = v` does unless a class overrides them. */
export const objectSetattr = method(objectType, "__setattr__", (self, args, kw, rt) => {
  if (args.length !== 2 || (kw !== null && kw.size > 0)) throw typeError(`expected 2 arguments, got ${args.length}`);
  rt.genericSetattr(self, attrName(args[0]), args[1]);
  return None;
});
export const objectDelattr = method(objectType, "__delattr__", (self, args, kw, rt) => {
  if (args.length !== 1 || (kw !== null && kw.size > 0)) throw typeError(`expected 1 argument, got ${args.length}`);
  rt.genericDelattr(self, attrName(args[0]));
  return None;
});

function attrName(v: PyValue): string {
  if (typeof v !== "string") throw typeError(`attribute name must be string, not '${typeOf(v).name}'`);
  return v;
}
method(objectType, "__init_subclass__", () => None);
method(objectType, "__dir__", (self, _a, _k, rt) => rt.tuple(dirNames(self)));
getter(objectType, "__class__", (self) => typeOf(self));
getter(objectType, "__doc__", () => None);
getter(objectType, "__dict__", (self) => {
  const table = self instanceof PyObject ? attrTable(self) : null;
  if (table === null) throw attributeError(`'${typeOf(self).name}' object has no attribute '__dict__'`);
  return dictView(table);
});

/** The dict object of an attribute table: one per table, so `o.__dict__ is o.__dict__`. */
const dictViews = new WeakMap<HashTable, PyDict>();
function dictView(table: HashTable): PyDict {
  let d = dictViews.get(table);
  if (d === undefined) {
    d = new PyDict(dictType, table);
    dictViews.set(table, d);
  }
  return d;
}

/** Names `dir()` shows: instance attributes and everything along the type's MRO. */
export function dirNames(v: PyValue): string[] {
  const names = new Set<string>();
  if (v instanceof PyType) {
    for (const t of v.mro) for (const k of t.ns.keys()) names.add(k);
  } else {
    if (v instanceof PyObject && v.dict !== null) for (const k of attrNames(v.dict)) names.add(k);
    for (const t of typeOf(v).mro) for (const k of t.ns.keys()) names.add(k);
  }
  return [...names].sort(strCompare);
}

// ---- type ------------------------------------------------------------------------------------

getter<PyType>(typeType, "__name__", (t) => t.name);
getter<PyType>(typeType, "__qualname__", (t) => t.qualname);
getter<PyType>(typeType, "__module__", (t) => t.module);
getter<PyType>(typeType, "__bases__", (t) => new PyTuple(t.bases));
getter<PyType>(typeType, "__base__", (t) => t.bases[0] ?? None);
getter<PyType>(typeType, "__mro__", (t) => new PyTuple(t.mro));
getter<PyType>(typeType, "__doc__", (t) => t.ns.get("__doc__") ?? None);
getter<PyType>(typeType, "__dict__", (t, rt) => {
  const d = new PyDict();
  for (const [k, v] of t.ns) d.table.set(k, v, rt);
  return d;
});
method<PyType>(typeType, "mro", (t, _a, _k, rt) => rt.list([...t.mro]));
method<PyType>(typeType, "__repr__", (t) => {
  // Enum classes print as EnumType's repr does (see modules/enum.ts).
  if (t.lookup("_member_map_") instanceof PyDict && t.lookup("_member_names_") instanceof PyList) return `<enum '${t.name}'>`;
  const mod = t.module === "builtins" ? "" : `${t.module}.`;
  return `<class '${mod}${t.qualname}'>`;
});
method<PyType>(typeType, "__instancecheck__", (t, args) => typeOf(args[0]).isSubtypeOf(t));
method<PyType>(typeType, "__subclasscheck__", (t, args) => args[0] instanceof PyType && args[0].isSubtypeOf(t));
method(typeType, "__call__", (t, args, kw, rt) => rt.construct(t as PyType, args, kw));
typeType.ns.set("__hash__", objectHash);

// ---- functions and methods -------------------------------------------------------------------

getter<PyFunction>(functionType, "__name__", (f) => f.name, (f, v) => {
  if (typeof v !== "string") throw typeError("__name__ must be set to a string object");
  f.name = v;
});
getter<PyFunction>(functionType, "__qualname__", (f) => f.qualname, (f, v) => {
  if (typeof v !== "string") throw typeError("__qualname__ must be set to a string object");
  f.qualname = v;
});
getter<PyFunction>(functionType, "__module__", (f) => (f.dict === null ? undefined : attrGet(f.dict, "__module__")) ?? f.module.get("__name__") ?? None, (f, v) => {
  if (f.dict !== null) attrSet(f.dict, "__module__", v);
});
getter<PyFunction>(functionType, "__doc__", (f) => (f.dict === null ? undefined : attrGet(f.dict, "__doc__")) ?? None, (f, v) => {
  if (f.dict !== null) attrSet(f.dict, "__doc__", v);
});
getter<PyFunction>(functionType, "__defaults__", (f) => (f.defaults === null ? None : new PyTuple(f.defaults)));
getter<PyFunction>(functionType, "__dict__", (f) => dictView(attrTable(f) ?? new HashTable()));
method<PyFunction>(functionType, "__repr__", (f, _a, _k, rt) => `<function ${f.qualname} at 0x${rt.id(f).toString(16).padStart(12, "0")}>`);
method(functionType, "__get__", (f, args) => (args[0] === None || args[0] === undefined ? f : new PyMethod(args[0], f)));

getter<PyBuiltin>(builtinFunctionType, "__name__", (f) => f.name);
getter<PyBuiltin>(builtinFunctionType, "__qualname__", (f) => f.qualname);
method<PyBuiltin>(builtinFunctionType, "__repr__", (f) => `<built-in function ${f.name}>`);

getter<PyMethod>(methodType, "__self__", (m) => m.self);
getter<PyMethod>(methodType, "__func__", (m) => m.func);
getter<PyMethod>(methodType, "__name__", (m, rt) => rt.getattr(m.func, "__name__"));
getter<PyMethod>(methodType, "__qualname__", (m, rt) => rt.getattr(m.func, "__qualname__"));
getter<PyMethod>(methodType, "__doc__", (m, rt) => rt.getattr(m.func, "__doc__"));
method<PyMethod>(methodType, "__getattr__", (m, args, _k, rt) => rt.getattr(m.func, args[0] as string));
method<PyMethod>(methodType, "__repr__", (m, _a, _k, rt) => {
  const fname = m.func instanceof PyFunction ? m.func.qualname : rt.str(rt.getattr(m.func, "__name__"));
  const kind = m.func instanceof PyFunction ? "bound method" : "built-in method";
  if (kind === "built-in method") return `<built-in method ${fname} of ${typeOf(m.self).name} object at 0x${rt.id(m.self).toString(16).padStart(12, "0")}>`;
  return `<bound method ${fname} of ${rt.repr(m.self)}>`;
});
method<PyMethod>(methodType, "__eq__", (m, args) => {
  const o = args[0];
  return o instanceof PyMethod ? o.self === m.self && o.func === m.func : NotImplemented;
});
methodType.ns.set("__hash__", objectHash);

// Native descriptors read as CPython's: <method 'upper' of 'str' objects>, <slot wrapper '__add__' of
// 'int' objects> (dunder methods), <attribute 'real' of 'int' objects>.
method<PyMethodDescr>(methodDescriptorType, "__repr__", (d) =>
  `<${d.name.startsWith("__") && d.name.endsWith("__") ? "slot wrapper" : "method"} '${d.name}' of '${d.owner.name}' objects>`,
);
method<PyGetSet>(getSetDescriptorType, "__repr__", (d) => `<attribute '${d.name}' of '${d.owner.name}' objects>`);
