/*
 * enum: Enum, IntEnum, auto and unique. Kernel Lab has no metaclasses, so Enum's
 * __init_subclass__ turns the class body's plain attributes into members (instances of the class
 * carrying _name_ and _value_), and `type` itself answers iteration and `in` for enum
 * classes (raising CPython's TypeErrors for every other class; Runtime.len answers len()).
 */

import { attrGet } from "../attr-store";
import { defineNativeType, getter, method, nativeFunction } from "../define";
import * as E from "../errors";
import {
  None,
  PyBuiltin,
  PyClassMethod,
  PyDict,
  PyFunction,
  PyGetSet,
  PyList,
  PyMethodDescr,
  PyObject,
  PyProperty,
  PyStaticMethod,
  PyType,
  intType,
  objectType,
  typeOf,
  typeType,
  type PyValue,
} from "../objects";
import type { NativeModuleDef, Runtime } from "../runtime";

class Auto extends PyObject {
  constructor() {
    super(autoType);
  }
}
const autoType = defineNativeType<Auto>({ name: "auto", module: "enum", instanceOf: Auto, construct: () => new Auto() });

/** The members of an enum class, in definition order (aliases excluded); undefined for other classes. */
export function enumMembers(rt: Runtime, t: PyType): PyValue[] | undefined {
  const names = t.lookup("_member_names_");
  const map = t.lookup("_member_map_");
  if (!(names instanceof PyList) || !(map instanceof PyDict)) return undefined;
  return names.items.map((n) => map.table.get(n, rt) ?? None);
}

function memberField(v: PyValue, field: "_name_" | "_value_"): PyValue {
  if (!(v instanceof PyObject) || v.dict === null) throw E.attributeError(`'${typeOf(v).name}' object has no attribute '${field}'`);
  return attrGet(v.dict, field) ?? None;
}

function isMemberCandidate(name: string, v: PyValue): boolean {
  if (name.startsWith("__") && name.endsWith("__")) return false;
  if (name.startsWith("_") && name.endsWith("_")) return false;
  return !(
    v instanceof PyFunction ||
    v instanceof PyBuiltin ||
    v instanceof PyProperty ||
    v instanceof PyClassMethod ||
    v instanceof PyStaticMethod ||
    v instanceof PyType ||
    v instanceof PyGetSet ||
    v instanceof PyMethodDescr
  );
}

function makeMembers(rt: Runtime, cls: PyType): void {
  const map = new PyDict();
  const names: PyValue[] = [];
  const byValue: [PyValue, PyObject][] = [];
  let last: PyValue = 0;
  for (const [name, raw] of [...cls.ns]) {
    if (!isMemberCandidate(name, raw)) continue;
    let value = raw;
    if (raw instanceof Auto) value = typeof last === "number" ? last + 1 : 1;
    last = value;
    const existing = byValue.find(([v]) => rt.equal(v, value));
    if (existing !== undefined) {
      cls.ns.set(name, existing[1]);
      map.table.set(name, existing[1], rt);
      continue;
    }
    const member = new PyObject(cls, new Map<string, PyValue>([["_name_", name], ["_value_", value]]));
    cls.ns.set(name, member);
    map.table.set(name, member, rt);
    names.push(name);
    byValue.push([value, member]);
  }
  cls.ns.set("_member_map_", map);
  cls.ns.set("_member_names_", new PyList(names));
  cls.ns.set("__members__", map);
}

function lookupValue(rt: Runtime, cls: PyType, value: PyValue): PyValue {
  const map = cls.lookup("_member_map_");
  if (map instanceof PyDict) {
    for (const e of map.table.iterate()) if (rt.equal(memberField(e.v, "_value_"), value)) return e.v;
  }
  throw E.valueError(`${rt.repr(value)} is not a valid ${cls.qualname}`);
}

// EnumType, the metaclass of Enum and its subclasses (makeClass gives a class its bases' metaclass):
// `for m in Color` and `Color.RED in Color`. len(Color) is Runtime.len's: a __len__ on EnumType would
// make every enum class's truth value depend on it.
const enumMeta = new PyType(typeType, "EnumType", [typeType], new Map(), typeType.alloc, { module: "enum", subclassable: false, frozen: true });
const members = (rt: Runtime, t: PyValue, what: string): PyValue[] => {
  const m = t instanceof PyType ? enumMembers(rt, t) : undefined;
  if (m === undefined) throw E.typeError(what);
  return m;
};
method(enumMeta, "__iter__", (self, _a, _k, rt) => rt.iter(new PyList(members(rt, self, "'EnumType' object is not iterable"))));
method(enumMeta, "__contains__", (self, args, _k, rt) => members(rt, self, "argument of type 'EnumType' is not iterable").includes(args[0]));

function makeEnum(rt: Runtime): PyType {
  const enumType = new PyType(enumMeta, "Enum", [objectType], new Map(), objectType.alloc, { module: "enum", instanceDict: true });
  enumType.ns.set("__init_subclass__", new PyClassMethod(nativeFunction("__init_subclass__", (args) => {
    const cls = args[0];
    if (cls instanceof PyType) makeMembers(rt, cls);
    return None;
  })));
  enumType.ns.set("__new__", new PyStaticMethod(nativeFunction("__new__", (args) => {
    const cls = args[0];
    if (!(cls instanceof PyType)) throw E.typeError("Enum.__new__(X): X is not a type object");
    if (args.length !== 2) throw E.typeError(`${cls.qualname}() takes exactly one argument (${args.length - 1} given)`);
    return lookupValue(rt, cls, args[1]);
  })));
  enumType.ns.set("__class_getitem__", new PyClassMethod(nativeFunction("__class_getitem__", (args) => {
    const cls = args[0] as PyType;
    const map = cls.lookup("_member_map_");
    const found = map instanceof PyDict ? map.table.get(args[1], rt) : undefined;
    if (found === undefined) throw E.keyError(args[1]);
    return found;
  })));
  method(enumType, "__init__", () => None);
  method(enumType, "__repr__", (self, _a, _k, r) => `<${typeOf(self).qualname}.${r.str(memberField(self, "_name_"))}: ${r.repr(memberField(self, "_value_"))}>`);
  method(enumType, "__str__", (self, _a, _k, r) => `${typeOf(self).qualname}.${r.str(memberField(self, "_name_"))}`);
  method(enumType, "__format__", (self, args, _k, r) => r.format(r.str(self), r.str(args[0])));
  method(enumType, "__hash__", (self, _a, _k, r) => r.hash(memberField(self, "_name_")));
  method(enumType, "__reduce_ex__", (self) => self);
  getter(enumType, "name", (self) => memberField(self, "_name_"));
  getter(enumType, "value", (self) => memberField(self, "_value_"));
  enumType.ns.set("_member_map_", new PyDict());
  enumType.ns.set("_member_names_", new PyList([]));
  return enumType;
}

/**
 * IntEnum, an int subclass as in CPython (`isinstance(m, int)`, int's MRO entry): members are
 * objects carrying their int in _value_, so every int method and getter is re-installed here
 * running int's implementation on the value; repr stays Enum's, str and format are the int's.
 */
function makeIntEnum(enumType: PyType, reprEnum: PyType): PyType {
  const t = new PyType(enumMeta, "IntEnum", [intType, reprEnum], new Map(), objectType.alloc, { module: "enum", instanceDict: true });
  t.ns.set("_member_map_", new PyDict());
  t.ns.set("_member_names_", new PyList([]));
  const v = (x: PyValue): PyValue => (x instanceof PyObject && x.cls.isSubtypeOf(t) ? memberField(x, "_value_") : x);
  for (const [name, d] of intType.ns) {
    if (d instanceof PyMethodDescr) method(t, name, (self, args, kw, r) => d.impl(v(self), args.map(v), kw, r));
    else if (d instanceof PyGetSet) getter(t, name, (self, r) => d.get(v(self), r));
  }
  // int comes before Enum in the MRO: what Enum provides and int also defines is taken from Enum.
  for (const name of ["__repr__", "__new__", "__init__", "__init_subclass__", "__class_getitem__", "__reduce_ex__"]) {
    const own = enumType.ns.get(name);
    if (own !== undefined) t.ns.set(name, own);
  }
  method(t, "__str__", (self, _a, _k, r) => r.str(v(self)));
  return t;
}

export const enumModule: NativeModuleDef = {
  name: "enum",
  init(mod, rt) {
    const enumType = makeEnum(rt);
    mod.set("Enum", enumType);
    // ReprEnum only names the base whose subclasses keep the mixed-in type's str() and format().
    const reprEnum = new PyType(enumMeta, "ReprEnum", [enumType], new Map(), objectType.alloc, { module: "enum", instanceDict: true });
    reprEnum.ns.set("_member_map_", new PyDict());
    reprEnum.ns.set("_member_names_", new PyList([]));
    mod.set("ReprEnum", reprEnum);
    mod.set("IntEnum", makeIntEnum(enumType, reprEnum));
    mod.set("auto", autoType);
    mod.set("unique", nativeFunction("unique", (args) => {
      const cls = args[0];
      if (cls instanceof PyType) {
        const map = cls.lookup("_member_map_");
        if (map instanceof PyDict) {
          const dups = [...map.table.iterate()].filter((e) => memberField(e.v, "_name_") !== e.k).map((e) => `${rt.str(e.k)} -> ${rt.str(memberField(e.v, "_name_"))}`);
          if (dups.length > 0) throw E.valueError(`duplicate values found in ${rt.repr(cls)}: ${dups.join(", ")}`);
        }
      }
      return cls;
    }));
  },
};
