/*
 * collections.namedtuple: a tuple subclass whose fields are also attributes, with CPython's
 * constructor errors, repr, _asdict/_replace/_make/_fields/_field_defaults. User classes may
 * subclass the result (to add methods); plain `tuple` stays closed to subclassing because the
 * runtime's tuple fast paths would bypass overridden __len__/__iter__/__eq__.
 */

import { isIdentifier } from "../unicode-classes";
import { listNames, parseArgs } from "../binding";
import { method, nativeFunction } from "../define";
import * as E from "../errors";
import { None, PyClassMethod, PyDict, PyGetSet, PyTuple, PyType, tupleType, typeOf, typeType, type Kwargs, type PyValue } from "../objects";
import type { Runtime } from "../runtime";

const KEYWORDS = new Set(
  ("False None True and as assert async await break class continue def del elif else except finally for from global " +
    "if import in is lambda nonlocal not or pass raise return try while with yield").split(" "),
);

interface Spec {
  readonly typename: string;
  readonly fields: readonly string[];
  readonly defaults: ReadonlyMap<string, PyValue>;
}

function fieldNames(rt: Runtime, names: PyValue): string[] {
  if (typeof names === "string") return names.replace(/,/g, " ").split(/\s+/).filter((s) => s !== "");
  return rt.toArray(names).map((v) => rt.str(v));
}

function validate(typename: string, fields: string[], rename: boolean): string[] {
  const seen = new Set<string>();
  const out = fields.map((name, i) => {
    if (rename && (!isIdentifier(name) || KEYWORDS.has(name) || name.startsWith("_") || seen.has(name))) name = `_${i}`;
    seen.add(name);
    return name;
  });
  for (const name of [typename, ...out]) {
    if (!isIdentifier(name)) throw E.valueError(`Type names and field names must be valid identifiers: '${name}'`);
    if (KEYWORDS.has(name)) throw E.valueError(`Type names and field names cannot be a keyword: '${name}'`);
  }
  const unique = new Set<string>();
  for (const name of out) {
    if (name.startsWith("_") && !rename) throw E.valueError(`Field names cannot start with an underscore: '${name}'`);
    if (unique.has(name)) throw E.valueError(`Encountered duplicate field name: '${name}'`);
    unique.add(name);
  }
  return out;
}

/** `Typename.__new__(cls, *args, **kw)` bound to the fields, with CPython's messages. */
function bindFields(spec: Spec, args: readonly PyValue[], kw: Kwargs | null): PyValue[] {
  const { typename, fields, defaults } = spec;
  const fname = `${typename}.__new__()`;
  if (args.length > fields.length) {
    const takes = defaults.size > 0 ? `from ${fields.length - defaults.size + 1} to ${fields.length + 1}` : `${fields.length + 1}`;
    throw E.typeError(`${fname} takes ${takes} positional arguments but ${args.length + 1} were given`);
  }
  const values: (PyValue | undefined)[] = [...args];
  for (const [k, v] of kw ?? []) {
    const i = fields.indexOf(k);
    if (i < 0) throw E.typeError(`${fname} got an unexpected keyword argument '${k}'`);
    if (i < args.length) throw E.typeError(`${fname} got multiple values for argument '${k}'`);
    values[i] = v;
  }
  const missing: string[] = [];
  for (let i = 0; i < fields.length; i++) {
    if (values[i] === undefined) values[i] = defaults.get(fields[i]);
    if (values[i] === undefined) missing.push(fields[i]);
  }
  if (missing.length > 0) {
    const s = missing.length === 1 ? "" : "s";
    throw E.typeError(`${fname} missing ${missing.length} required positional argument${s}: ${listNames(missing)}`);
  }
  return values as PyValue[];
}

function selfTuple(v: PyValue): PyTuple {
  if (!(v instanceof PyTuple)) throw E.typeError(`descriptor requires a tuple, not '${typeOf(v).name}'`);
  return v;
}

function makeFrom(rt: Runtime, cls: PyType, spec: Spec, iterable: PyValue): PyTuple {
  const items = rt.toArray(iterable);
  if (items.length !== spec.fields.length) throw E.typeError(`Expected ${spec.fields.length} arguments, got ${items.length}`);
  return new PyTuple(items, cls);
}

export function namedtuple(rt: Runtime, args: PyValue[], kw: Kwargs | null, module: string): PyType {
  const [typenameArg, namesArg, renameArg, defaultsArg] = parseArgs("namedtuple", args, kw, {
    names: ["typename", "field_names"],
    required: 2,
    kwonly: ["rename", "defaults", "module"],
  });
  const typename = rt.str(typenameArg as PyValue);
  const fields = validate(typename, fieldNames(rt, namesArg as PyValue), renameArg !== undefined && rt.truthy(renameArg));
  const defaultValues = defaultsArg === undefined || defaultsArg === None ? [] : rt.toArray(defaultsArg);
  if (defaultValues.length > fields.length) throw E.typeError("Got more default values than field names");
  const defaults = new Map<string, PyValue>();
  defaultValues.forEach((v, i) => defaults.set(fields[fields.length - defaultValues.length + i], v));
  const spec: Spec = { typename, fields, defaults };

  const cls = new PyType(typeType, typename, [tupleType], new Map(), (c, a, k) => new PyTuple(bindFields(spec, a, k), c), {
    module,
    subclassable: true,
  });
  fields.forEach((name, i) => cls.ns.set(name, new PyGetSet(name, cls, (self) => selfTuple(self).items[i], null)));
  const fieldTuple = new PyTuple(fields);
  cls.ns.set("_fields", fieldTuple);
  cls.ns.set("__match_args__", fieldTuple);
  cls.ns.set("__slots__", new PyTuple([]));
  const fieldDefaults = new PyDict();
  for (const [k, v] of defaults) fieldDefaults.table.set(k, v, rt);
  cls.ns.set("_field_defaults", fieldDefaults);
  method(cls, "__repr__", (self, _a, _k, r) => {
    const t = selfTuple(self);
    return `${t.cls.name}(${fields.map((f, i) => `${f}=${r.repr(t.items[i])}`).join(", ")})`;
  });
  method(cls, "_asdict", (self, _a, _k, r) => {
    const d = new PyDict();
    fields.forEach((f, i) => d.table.set(f, selfTuple(self).items[i], r));
    return d;
  });
  method(cls, "_replace", (self, a, k) => {
    if (a.length > 0) throw E.typeError(`${typename}._replace() takes 1 positional argument but ${a.length + 1} were given`);
    const t = selfTuple(self);
    const items = [...t.items];
    const unknown: string[] = [];
    for (const [name, v] of k ?? []) {
      const i = fields.indexOf(name);
      if (i < 0) unknown.push(name);
      else items[i] = v;
    }
    if (unknown.length > 0) throw E.valueError(`Got unexpected field names: [${unknown.map((n) => `'${n}'`).join(", ")}]`);
    return new PyTuple(items, t.cls);
  });
  method(cls, "__getnewargs__", (self) => new PyTuple(selfTuple(self).items));
  cls.ns.set(
    "_make",
    new PyClassMethod(nativeFunction("_make", (a) => makeFrom(rt, a[0] as PyType, spec, a[1]), `${typename}._make`)),
  );
  return cls;
}
