/*
 * dataclasses: @dataclass (init, repr, eq, order, frozen), field(), fields(), asdict(), astuple(),
 * replace(), is_dataclass(), FrozenInstanceError, as CPython 3.11 generates them. Fields come from
 * the class body's `__annotations__` (recorded in order by the compiler) after those of dataclass
 * bases; `ClassVar[...]` annotations are not fields.
 */

import { listNames, parseArgs } from "../binding";
import { defineNativeType, method, nativeFunction } from "../define";
import * as E from "../errors";
import {
  None,
  PyDict,
  PyList,
  PyObject,
  PyTuple,
  PyType,
  typeOf,
  typesChanged,
  typeType,
  type Kwargs,
  type PyValue,
} from "../objects";
import type { NativeModuleDef, Runtime } from "../runtime";
import { TypingForm } from "./typing";

class Missing extends PyObject {
  constructor() {
    super(missingType);
  }
}
const missingType = defineNativeType<Missing>({
  name: "_MISSING_TYPE",
  module: "dataclasses",
  instanceOf: Missing,
  methods: { __repr__: () => "<dataclasses._MISSING_TYPE object>" },
});
const MISSING = new Missing();

export class Field extends PyObject {
  name = "";
  type: PyValue = None;
  constructor(
    readonly defaultValue: PyValue,
    readonly factory: PyValue,
    readonly init: boolean,
    readonly repr: boolean,
    readonly compare: boolean,
  ) {
    super(fieldType);
  }
}
const fieldType = defineNativeType<Field>({
  name: "Field",
  module: "dataclasses",
  instanceOf: Field,
  methods: {
    __repr__: (self, _a, _k, rt) =>
      `Field(name=${rt.repr(self.name)},type=${rt.repr(self.type)},default=${rt.repr(self.defaultValue)},` +
      `default_factory=${rt.repr(self.factory)},init=${self.init ? "True" : "False"},repr=${self.repr ? "True" : "False"},` +
      `compare=${self.compare ? "True" : "False"})`,
  },
  getters: {
    name: (self) => self.name,
    type: (self) => self.type,
    default: (self) => self.defaultValue,
    default_factory: (self) => self.factory,
    init: (self) => self.init,
    repr: (self) => self.repr,
    compare: (self) => self.compare,
  },
});

const FrozenInstanceError = new PyType(typeType, "FrozenInstanceError", [E.AttributeError], new Map(), E.AttributeError.alloc, {
  module: "dataclasses",
  instanceDict: true,
  frozen: true,
});

interface Options {
  readonly init: boolean;
  readonly repr: boolean;
  readonly eq: boolean;
  readonly order: boolean;
  readonly frozen: boolean;
}

/** The class's dataclass fields, in definition order (`__dataclass_fields__`). */
function fieldsOf(v: PyValue): Field[] | undefined {
  const cls = v instanceof PyType ? v : typeOf(v);
  const d = cls.lookup("__dataclass_fields__");
  if (!(d instanceof PyDict)) return undefined;
  return [...d.table.iterate()].map((e) => e.v as Field);
}

/** CPython 3.11 refuses unhashable defaults (list, dict, set, ...): they would be shared. */
function isMutableDefault(v: PyValue): boolean {
  return typeOf(v).lookup("__hash__") === None;
}

function collectFields(rt: Runtime, cls: PyType): Field[] {
  const byName = new Map<string, Field>();
  for (const base of [...cls.mro].reverse().slice(0, -1)) for (const f of fieldsOf(base) ?? []) byName.set(f.name, f);
  const annotations = cls.ns.get("__annotations__");
  if (annotations instanceof PyDict) {
    for (const e of annotations.table.iterate()) {
      const name = e.k as string;
      const type = e.v;
      if (type instanceof TypingForm && type.name === "ClassVar") continue;
      const value = cls.ns.get(name);
      let f: Field;
      if (value instanceof Field) {
        f = value;
        if (f.defaultValue === MISSING) cls.ns.delete(name);
        else cls.ns.set(name, f.defaultValue);
      } else {
        f = new Field(value === undefined ? MISSING : value, MISSING, true, true, true);
      }
      f.name = name;
      f.type = type;
      if (f.defaultValue !== MISSING && isMutableDefault(f.defaultValue)) {
        throw E.valueError(`mutable default ${rt.repr(typeOf(f.defaultValue))} for field ${name} is not allowed: use default_factory`);
      }
      byName.delete(name);
      byName.set(name, f);
    }
  }
  const fields = [...byName.values()];
  let seenDefault = false;
  for (const f of fields) {
    if (!f.init) continue;
    const hasDefault = f.defaultValue !== MISSING || f.factory !== MISSING;
    if (seenDefault && !hasDefault) throw E.typeError(`non-default argument '${f.name}' follows default argument`);
    seenDefault ||= hasDefault;
  }
  return fields;
}

function initValues(rt: Runtime, cls: PyType, fields: Field[], args: PyValue[], kw: Kwargs | null): Map<string, PyValue> {
  const params = fields.filter((f) => f.init);
  const fname = `${cls.qualname}.__init__()`;
  if (args.length > params.length) {
    const required = params.filter((f) => f.defaultValue === MISSING && f.factory === MISSING).length;
    const takes = required < params.length ? `from ${required + 1} to ${params.length + 1}` : `${params.length + 1}`;
    const noun = params.length === 0 ? "positional argument" : "positional arguments";
    throw E.typeError(`${fname} takes ${takes} ${noun} but ${args.length + 1} were given`);
  }
  const given = new Map<string, PyValue>();
  params.forEach((f, i) => {
    if (i < args.length) given.set(f.name, args[i]);
  });
  for (const [k, v] of kw ?? []) {
    if (!params.some((f) => f.name === k)) throw E.typeError(`${fname} got an unexpected keyword argument '${k}'`);
    if (given.has(k)) throw E.typeError(`${fname} got multiple values for argument '${k}'`);
    given.set(k, v);
  }
  const missing = params.filter((f) => !given.has(f.name) && f.defaultValue === MISSING && f.factory === MISSING).map((f) => f.name);
  if (missing.length > 0) {
    const s = missing.length === 1 ? "" : "s";
    throw E.typeError(`${fname} missing ${missing.length} required positional argument${s}: ${listNames(missing)}`);
  }
  const values = new Map<string, PyValue>();
  for (const f of fields) {
    const v = given.get(f.name);
    if (v !== undefined) values.set(f.name, v);
    else if (f.factory !== MISSING) values.set(f.name, rt.call(f.factory, [], null));
    else if (f.defaultValue !== MISSING && f.init) values.set(f.name, f.defaultValue);
  }
  return values;
}

function fieldTuple(rt: Runtime, obj: PyValue, fields: Field[]): PyTuple {
  return new PyTuple(fields.filter((f) => f.compare).map((f) => rt.getattr(obj, f.name)));
}

function setNew(cls: PyType, name: string, install: () => void): void {
  if (!cls.ns.has(name)) install();
}

function process(rt: Runtime, cls: PyValue, opts: Options): PyValue {
  if (!(cls instanceof PyType)) throw E.typeError("dataclass() should be called on a class");
  const fields = collectFields(rt, cls);
  const table = new PyDict();
  for (const f of fields) table.table.set(f.name, f, rt);
  cls.ns.set("__dataclass_fields__", table);
  cls.ns.set("__match_args__", new PyTuple(fields.filter((f) => f.init).map((f) => f.name)));
  if (opts.init) {
    setNew(cls, "__init__", () =>
      method(cls, "__init__", (self, args, kw) => {
        const values = initValues(rt, typeOf(self), fields, args, kw);
        for (const [name, v] of values) {
          if (opts.frozen) rt.genericSetattr(self, name, v);
          else rt.setattr(self, name, v);
        }
        const post = typeOf(self).lookup("__post_init__");
        if (post !== undefined) rt.callBound(post, self, []);
        return None;
      }),
    );
  }
  if (opts.repr) {
    setNew(cls, "__repr__", () =>
      method(cls, "__repr__", (self) =>
        rt.reprGuard(self as PyObject, "...", () => {
          const parts = fields.filter((f) => f.repr).map((f) => `${f.name}=${rt.repr(rt.getattr(self, f.name))}`);
          return `${typeOf(self).qualname}(${parts.join(", ")})`;
        }),
      ),
    );
  }
  const sameClass = (a: PyValue, b: PyValue): boolean => typeOf(a) === typeOf(b);
  if (opts.eq) {
    setNew(cls, "__eq__", () =>
      method(cls, "__eq__", (self, args) =>
        sameClass(self, args[0]) ? rt.equal(fieldTuple(rt, self, fields), fieldTuple(rt, args[0], fields)) : rt.NotImplemented,
      ),
    );
  }
  if (opts.order) {
    for (const [name, op] of [["__lt__", "lt"], ["__le__", "le"], ["__gt__", "gt"], ["__ge__", "ge"]] as const) {
      if (cls.ns.has(name)) throw E.typeError(`Cannot overwrite attribute ${name} in class ${cls.name}. Consider using functools.total_ordering`);
      method(cls, name, (self, args) =>
        sameClass(self, args[0]) ? rt[op](fieldTuple(rt, self, fields), fieldTuple(rt, args[0], fields)) : rt.NotImplemented,
      );
    }
  }
  const ownHash = cls.ns.get("__hash__");
  const explicitHash = ownHash !== undefined && ownHash !== None;
  if (opts.frozen) {
    // Subclass instances may still set attributes that are not fields (CPython: super().__setattr__).
    const refuse = (verb: string) => (self: PyValue, args: PyValue[]): PyValue => {
      const name = rt.str(args[0]);
      if (typeOf(self) === cls || fields.some((f) => f.name === name)) {
        throw E.pyException(FrozenInstanceError, `cannot ${verb} field '${name}'`);
      }
      if (verb === "assign to") rt.genericSetattr(self, name, args[1]);
      else rt.genericDelattr(self, name);
      return None;
    };
    method(cls, "__setattr__", refuse("assign to"));
    method(cls, "__delattr__", refuse("delete"));
    if (opts.eq && !explicitHash) method(cls, "__hash__", (self) => rt.hash(fieldTuple(rt, self, fields)));
  } else if (opts.eq && !explicitHash) {
    cls.ns.set("__hash__", None);
  }
  typesChanged();
  return cls;
}

function dataclass(rt: Runtime, args: PyValue[], kw: Kwargs | null): PyValue {
  const [cls, init, repr, eq, order, , frozen] = parseArgs("dataclass", args, kw, {
    names: ["cls"],
    kwonly: ["init", "repr", "eq", "order", "unsafe_hash", "frozen", "match_args", "kw_only", "slots", "weakref_slot"],
  });
  const flag = (v: PyValue | undefined, dflt: boolean): boolean => (v === undefined ? dflt : rt.truthy(v));
  const opts: Options = { init: flag(init, true), repr: flag(repr, true), eq: flag(eq, true), order: flag(order, false), frozen: flag(frozen, false) };
  if (opts.order && !opts.eq) throw E.valueError("eq must be true if order is true");
  if (cls === undefined || cls === None) return nativeFunction("wrap", (a) => process(rt, a[0], opts));
  return process(rt, cls, opts);
}

function toBuiltin(rt: Runtime, v: PyValue, asDict: boolean): PyValue {
  const fields = v instanceof PyType ? undefined : fieldsOf(v);
  if (fields !== undefined) {
    if (!asDict) return new PyTuple(fields.map((f) => toBuiltin(rt, rt.getattr(v, f.name), asDict)));
    const d = new PyDict();
    for (const f of fields) d.table.set(f.name, toBuiltin(rt, rt.getattr(v, f.name), asDict), rt);
    return d;
  }
  if (v instanceof PyTuple) {
    const items = v.items.map((x) => toBuiltin(rt, x, asDict));
    return v.cls.lookup("_fields") !== undefined ? rt.call(v.cls, items, null) : new PyTuple(items, v.cls);
  }
  if (v instanceof PyList) return new PyList(v.items.map((x) => toBuiltin(rt, x, asDict)));
  if (v instanceof PyDict) {
    const d = new PyDict(v.cls);
    for (const e of v.table.iterate()) d.table.set(toBuiltin(rt, e.k, asDict), toBuiltin(rt, e.v, asDict), rt);
    return d;
  }
  return v;
}

function requireInstance(v: PyValue, fname: string): Field[] {
  const fields = v instanceof PyType ? undefined : fieldsOf(v);
  if (fields === undefined) throw E.typeError(`${fname}() should be called on dataclass instances`);
  return fields;
}

export const dataclassesModule: NativeModuleDef = {
  name: "dataclasses",
  init(mod, rt) {
    mod.set("dataclass", nativeFunction("dataclass", (args, kw) => dataclass(rt, args, kw)));
    mod.set(
      "field",
      nativeFunction("field", (args, kw) => {
        const [dflt, factory, init, repr, , compare] = parseArgs("field", args, kw, {
          names: [],
          kwonly: ["default", "default_factory", "init", "repr", "hash", "compare", "metadata", "kw_only"],
        });
        if (dflt !== undefined && factory !== undefined) throw E.valueError("cannot specify both default and default_factory");
        const flag = (v: PyValue | undefined): boolean => v === undefined || rt.truthy(v);
        return new Field(dflt ?? MISSING, factory ?? MISSING, flag(init), flag(repr), flag(compare));
      }),
    );
    mod.set(
      "fields",
      nativeFunction("fields", (args) => {
        const fields = fieldsOf(args[0]);
        if (fields === undefined) throw E.typeError("must be called with a dataclass type or instance");
        return new PyTuple(fields);
      }),
    );
    mod.set("asdict", nativeFunction("asdict", (args) => (requireInstance(args[0], "asdict"), toBuiltin(rt, args[0], true))));
    mod.set("astuple", nativeFunction("astuple", (args) => (requireInstance(args[0], "astuple"), toBuiltin(rt, args[0], false))));
    mod.set(
      "replace",
      nativeFunction("replace", (args, kw) => {
        const obj = args[0];
        const fields = requireInstance(obj, "replace");
        const changes = new Map(kw ?? []);
        for (const f of fields) if (f.init && !changes.has(f.name)) changes.set(f.name, rt.getattr(obj, f.name));
        return rt.call(typeOf(obj), [], changes);
      }),
    );
    mod.set("is_dataclass", nativeFunction("is_dataclass", (args) => fieldsOf(args[0]) !== undefined));
    mod.set("FrozenInstanceError", FrozenInstanceError);
    mod.set("MISSING", MISSING);
  },
};
