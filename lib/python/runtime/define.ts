/*
 * Helpers to define native functions, methods, attributes and whole native types.
 * Used by the builtins here and by libraries binding themselves as Python modules (numpy, NKI).
 */

import { typeError } from "./errors";
import {
  PyBuiltin,
  PyGetSet,
  PyMethodDescr,
  PyObject,
  PyStaticMethod,
  PyType,
  objectType,
  typeOf,
  typesChanged,
  typeType,
  type Allocator,
  type Kwargs,
  type NativeImpl,
  type NativeMethodImpl,
  type PyValue,
} from "./objects";
import type { Runtime } from "./runtime";

export function nativeFunction(name: string, impl: NativeImpl, qualname?: string): PyBuiltin {
  return new PyBuiltin(name, impl, qualname);
}

const UNARY_SLOTS = ["__len__", "__iter__", "__repr__", "__str__", "__hash__", "__bool__", "__neg__", "__pos__", "__abs__",
  "__invert__", "__index__", "__int__", "__float__", "__trunc__", "__floor__", "__ceil__", "__reversed__", "__next__", "__enter__"];
const BINARY_SLOTS = ["__getitem__", "__delitem__", "__contains__", "__format__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__",
  "__ge__", "__divmod__", "__rdivmod__", "__getattr__"];
/** Fixed argument counts of the dunder slots (CPython's wrapper descriptors check them). */
const SLOT_ARITY = new Map<string, number>([
  ...UNARY_SLOTS.map((n): [string, number] => [n, 0]),
  ...BINARY_SLOTS.map((n): [string, number] => [n, 1]),
  ["__setitem__", 2],
]);
for (const op of ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "matmul", "lshift", "rshift", "and", "or", "xor"]) {
  for (const form of [`__${op}__`, `__r${op}__`, `__i${op}__`]) SLOT_ARITY.set(form, 1);
}

/** Install a native method on a builtin type; `self` is checked with `check` (default: isinstance). */
export function method<T extends PyValue = PyValue>(
  type: PyType,
  name: string,
  impl: NativeMethodImpl<T>,
  check?: (v: PyValue) => boolean,
): PyMethodDescr {
  const arity = SLOT_ARITY.get(name);
  const body = impl as NativeMethodImpl;
  const checked: NativeMethodImpl =
    arity === undefined
      ? body
      : (self, args, kw, rt) => {
          if (args.length !== arity || (kw !== null && kw.size > 0)) {
            throw typeError(`expected ${arity} argument${arity === 1 ? "" : "s"}, got ${args.length}`);
          }
          return body(self, args, kw, rt);
        };
  const d = new PyMethodDescr(name, type, checked, check ?? ((v) => typeOf(v).isSubtypeOf(type)));
  type.ns.set(name, d);
  typesChanged();
  return d;
}

export function getter<T extends PyValue = PyValue>(
  type: PyType,
  name: string,
  get: (self: T, rt: Runtime) => PyValue,
  set?: (self: T, value: PyValue, rt: Runtime) => void,
): void {
  typesChanged();
  type.ns.set(
    name,
    new PyGetSet(
      name,
      type,
      get as (self: PyValue, rt: Runtime) => PyValue,
      (set ?? null) as ((self: PyValue, value: PyValue, rt: Runtime) => void) | null,
    ),
  );
}

/** Reject any arguments (`f()` takes no arguments). */
export function noArgs(fname: string, args: readonly PyValue[], kw: Kwargs | null): void {
  if (args.length > 0) throw typeError(`${fname}() takes no arguments (${args.length} given)`);
  if (kw !== null && kw.size > 0) throw typeError(`${fname}() takes no keyword arguments`);
}

/** Exactly `n` positional args, no keywords (CPython's METH_O / fixed-arity builtins). */
export function exactArgs(fname: string, args: readonly PyValue[], kw: Kwargs | null, n: number): void {
  if (kw !== null && kw.size > 0) throw typeError(`${fname}() takes no keyword arguments`);
  if (args.length !== n) {
    if (n === 1) throw typeError(`${fname}() takes exactly one argument (${args.length} given)`);
    throw typeError(`${fname} expected ${n} argument${n === 1 ? "" : "s"}, got ${args.length}`);
  }
}

/** Between `min` and `max` positional args, no keywords. */
export function rangeArgs(fname: string, args: readonly PyValue[], kw: Kwargs | null, min: number, max: number): void {
  if (kw !== null && kw.size > 0) throw typeError(`${fname}() takes no keyword arguments`);
  if (args.length < min) {
    throw typeError(`${fname} expected at least ${min} argument${min === 1 ? "" : "s"}, got ${args.length}`);
  }
  if (args.length > max) {
    throw typeError(`${fname} expected at most ${max} argument${max === 1 ? "" : "s"}, got ${args.length}`);
  }
}

export interface NativeTypeSpec<T extends PyObject> {
  name: string;
  module: string;
  /** The JS class of instances; methods only run on instances of it. */
  instanceOf: abstract new (...args: never[]) => T;
  /** Base Python type (default object). */
  base?: PyType;
  /** What calling the type does; omitted: "cannot create 'mod.name' instances". */
  construct?: (args: PyValue[], kw: Kwargs | null, rt: Runtime) => PyValue;
  methods?: Record<string, NativeMethodImpl<T>>;
  getters?: Record<string, (self: T, rt: Runtime) => PyValue>;
  setters?: Record<string, (self: T, value: PyValue, rt: Runtime) => void>;
  staticMethods?: Record<string, NativeImpl>;
  classAttrs?: Record<string, PyValue>;
  /** Instances carry an attribute dict (default false). */
  instanceDict?: boolean;
  /** User classes may subclass it (default false). */
  subclassable?: boolean;
}

/** Define a native (TypeScript-implemented) Python type. See lib/python/README.md. */
export function defineNativeType<T extends PyObject>(spec: NativeTypeSpec<T>): PyType {
  const qual = `${spec.module}.${spec.name}`;
  const construct = spec.construct;
  const alloc: Allocator = construct
    ? (_cls, args, kw, rt) => construct(args, kw, rt)
    : () => {
        throw typeError(`cannot create '${qual}' instances`);
      };
  const type = new PyType(typeType, spec.name, [spec.base ?? objectType], new Map(), alloc, {
    module: spec.module,
    instanceDict: spec.instanceDict ?? false,
    subclassable: spec.subclassable ?? false,
    frozen: true,
  });
  const cls = spec.instanceOf;
  const check = (v: PyValue): boolean => v instanceof cls;
  for (const [name, impl] of Object.entries(spec.methods ?? {})) method<T>(type, name, impl, check);
  const setters = spec.setters ?? {};
  for (const [name, get] of Object.entries(spec.getters ?? {})) getter<T>(type, name, get, setters[name]);
  for (const [name, impl] of Object.entries(spec.staticMethods ?? {})) {
    type.ns.set(name, new PyStaticMethod(new PyBuiltin(name, impl, `${spec.name}.${name}`)));
  }
  for (const [name, v] of Object.entries(spec.classAttrs ?? {})) type.ns.set(name, v);
  typesChanged();
  return type;
}

/**
 * Declare positional-argument counts for already-installed methods: `{ name: [min, max] }`.
 * The check runs before the implementation, with CPython's wording.
 */
export function arities(type: PyType, table: Record<string, [number, number]>): void {
  for (const [name, [min, max]] of Object.entries(table)) {
    const d = type.ns.get(name);
    if (!(d instanceof PyMethodDescr)) continue;
    const body = d.impl;
    const qual = `${type.name}.${name}`;
    const wrapped = new PyMethodDescr(
      name,
      type,
      (self, args, kw, rt) => {
        if (args.length < min || args.length > max) {
          if (min === max) {
            throw typeError(min === 1 ? `${qual}() takes exactly one argument (${args.length} given)` : min === 0 ? `${qual}() takes no arguments (${args.length} given)` : `${name} expected ${min} arguments, got ${args.length}`);
          }
          throw typeError(args.length < min ? `${name} expected at least ${min} argument${min === 1 ? "" : "s"}, got ${args.length}` : `${name} expected at most ${max} argument${max === 1 ? "" : "s"}, got ${args.length}`);
        }
        return body(self, args, kw, rt);
      },
      d.check,
    );
    type.ns.set(name, wrapped);
  }
  typesChanged();
}
