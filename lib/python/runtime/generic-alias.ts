/**
 * types.GenericAlias: what `list[int]`, `dict[str, float]` and `tuple[int, ...]` evaluate to in
 * annotations. It prints as written, calls and subclasses as its origin class (`list[int]()` is a
 * list, `class Rows(list[int])` subclasses list, CPython's __mro_entries__), and refuses isinstance
 * as CPython does.
 */
import { defineNativeType } from "./define";
import * as E from "./errors";
import { PyObject, PyTuple, PyType, type PyValue } from "./objects";
import type { Runtime } from "./runtime";

export class GenericAlias extends PyObject {
  constructor(
    readonly origin: PyType,
    readonly args: readonly PyValue[],
  ) {
    super(genericAliasType);
  }
}

/** An argument as CPython's GenericAlias repr writes it: classes by qualified name, ... as is. */
function argRepr(rt: Runtime, v: PyValue): string {
  if (v instanceof PyType) return v.module === "builtins" ? v.name : `${v.module}.${v.name}`;
  if (v === rt.Ellipsis) return "...";
  return rt.repr(v);
}

export const genericAliasType: PyType = defineNativeType<GenericAlias>({
  name: "GenericAlias",
  module: "types",
  instanceOf: GenericAlias,
  methods: {
    __repr__: (self, _a, _k, rt) => `${argRepr(rt, self.origin)}[${self.args.length === 0 ? "()" : self.args.map((a) => argRepr(rt, a)).join(", ")}]`,
    __call__: (self, args, kw, rt) => rt.call(self.origin, args, kw),
    __eq__: (self, args, _k, rt) => {
      const o = args[0];
      if (!(o instanceof GenericAlias)) return rt.NotImplemented;
      return o.origin === self.origin && rt.equal(new PyTuple(self.args.slice()), new PyTuple(o.args.slice()));
    },
    __hash__: (self, _a, _k, rt) => rt.hash(new PyTuple([self.origin, ...self.args])),
    __instancecheck__: () => {
      throw E.typeError("isinstance() argument 2 cannot be a parameterized generic");
    },
    __mro_entries__: (self) => new PyTuple([self.origin]),
  },
  getters: {
    __origin__: (self) => self.origin,
    __args__: (self) => new PyTuple(self.args.slice()),
  },
});

/** `origin[key]`: a tuple key gives several arguments. */
export function genericAlias(origin: PyType, key: PyValue): GenericAlias {
  return new GenericAlias(origin, key instanceof PyTuple ? key.items.slice() : [key]);
}
