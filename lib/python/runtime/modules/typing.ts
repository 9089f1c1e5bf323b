/*
 * typing: the names pasted host code annotates with (Optional, List, Dict, Tuple, Union, Callable,
 * Any, TypeVar, cast, TYPE_CHECKING, ...) and PEP 604's `int | None`. Annotations are evaluated, so
 * every form subscripts and prints as CPython's typing does (`typing.Optional[int]`); none of them
 * checks anything.
 */

import { defineNativeType, method, nativeFunction } from "../define";
import * as E from "../errors";
import { None, PyBuiltin, PyFunction, PyObject, PyTuple, PyType, typeOf, typeType, type PyValue } from "../objects";
import type { NativeModuleDef, Runtime } from "../runtime";

/** A typing form, subscripted (`args` not null) or bare. */
export class TypingForm extends PyObject {
  constructor(
    readonly name: string,
    readonly args: readonly PyValue[] | null,
  ) {
    super(typingFormType);
  }
}

/** A TypeVar: prints as `~T`. */
export class TypeVarObj extends PyObject {
  constructor(readonly name: string) {
    super(typeVarType);
  }
}

/** CPython's typing._type_repr. */
function typeRepr(rt: Runtime, v: PyValue): string {
  if (v instanceof PyType) return v.module === "builtins" ? v.qualname : `${v.module}.${v.qualname}`;
  if (v === None) return "None";
  if (v instanceof PyFunction || v instanceof PyBuiltin) return rt.str(rt.getattr(v, "__name__"));
  if (typeOf(v).name === "ellipsis") return "...";
  if (v instanceof PyTuple) return `[${v.items.map((x) => typeRepr(rt, x)).join(", ")}]`;
  return rt.repr(v);
}

function formRepr(rt: Runtime, f: TypingForm): string {
  if (f.args === null) return `typing.${f.name}`;
  if (f.name === "Union") {
    const rest = f.args.filter((a) => a !== None && a !== typeOf(None));
    if (rest.length === 1 && rest.length < f.args.length) return `typing.Optional[${typeRepr(rt, rest[0])}]`;
  }
  if (f.name === "Callable" && f.args.length === 2 && f.args[0] instanceof PyTuple) {
    return `typing.Callable[${typeRepr(rt, f.args[0])}, ${typeRepr(rt, f.args[1])}]`;
  }
  return `typing.${f.name}[${f.args.map((a) => (a === None ? "NoneType" : typeRepr(rt, a))).join(", ")}]`;
}

function subscript(rt: Runtime, f: TypingForm, key: PyValue): PyValue {
  if (f.args !== null) throw E.typeError(`${formRepr(rt, f)} is not a generic class`);
  const args = key instanceof PyTuple ? [...key.items] : [key];
  if (f.name === "Any") throw E.typeError("typing.Any is not subscriptable");
  if (f.name === "Optional") {
    if (args.length !== 1) throw E.typeError(`typing.Optional requires a single type.`);
    return new TypingForm("Union", [args[0], None]);
  }
  if (f.name === "Union" && args.length === 1) return args[0];
  if (f.name === "Callable" && args.length === 2 && !(args[0] instanceof PyTuple)) {
    const params = typeOf(args[0]).name === "list" ? new PyTuple(rt.toArray(args[0])) : args[0];
    return new TypingForm("Callable", [params, args[1]]);
  }
  return new TypingForm(f.name, args);
}

const typingFormType = defineNativeType<TypingForm>({
  name: "_GenericAlias",
  module: "typing",
  instanceOf: TypingForm,
  methods: {
    __getitem__: (self, args, _k, rt) => subscript(rt, self, args[0]),
    __repr__: (self, _a, _k, rt) => formRepr(rt, self),
    __eq__: (self, args, _k, rt) => {
      const o = args[0];
      if (!(o instanceof TypingForm)) return rt.NotImplemented;
      if (o.name !== self.name || (o.args === null) !== (self.args === null)) return false;
      return self.args === null || rt.equal(new PyTuple(self.args), new PyTuple(o.args ?? []));
    },
    __hash__: (self) => self.name.length,
    __or__: (self, args) => new TypingForm("Union", [self, args[0]]),
    __ror__: (self, args) => new TypingForm("Union", [args[0], self]),
  },
  getters: {
    __origin__: (self) => (self.args === null ? None : new TypingForm(self.name, null)),
    __args__: (self) => new PyTuple(self.args ?? []),
  },
});

const typeVarType = defineNativeType<TypeVarObj>({
  name: "TypeVar",
  module: "typing",
  instanceOf: TypeVarObj,
  construct(args) {
    const name = args[0];
    if (typeof name !== "string") throw E.typeError("TypeVar name must be a string");
    return new TypeVarObj(name);
  },
  methods: { __repr__: (self) => `~${self.name}` },
  getters: { __name__: (self) => self.name },
});

/** `int | None`: types.UnionType. */
export class UnionTypeObj extends PyObject {
  constructor(readonly args: readonly PyValue[]) {
    super(unionTypeType);
  }
}

function unionMember(v: PyValue): boolean {
  return v === None || v instanceof PyType || v instanceof UnionTypeObj || v instanceof TypingForm || v instanceof TypeVarObj;
}

function union(rt: Runtime, a: PyValue, b: PyValue): PyValue {
  if (!unionMember(a) || !unionMember(b)) return rt.NotImplemented;
  if (a instanceof TypingForm || b instanceof TypingForm) return new TypingForm("Union", [a, b]);
  const args: PyValue[] = [];
  for (const v of [a, b]) {
    for (const x of v instanceof UnionTypeObj ? v.args : [v === None ? typeOf(None) : v]) if (!args.includes(x)) args.push(x);
  }
  return args.length === 1 ? args[0] : new UnionTypeObj(args);
}

const unionTypeType = defineNativeType<UnionTypeObj>({
  name: "UnionType",
  module: "types",
  instanceOf: UnionTypeObj,
  methods: {
    __repr__: (self, _a, _k, rt) => self.args.map((a) => (a === typeOf(None) ? "None" : typeRepr(rt, a))).join(" | "),
    __or__: (self, args, _k, rt) => union(rt, self, args[0]),
    __ror__: (self, args, _k, rt) => union(rt, args[0], self),
    __instancecheck__: (self, args) => self.args.some((t) => t instanceof PyType && typeOf(args[0]).isSubtypeOf(t)),
  },
  getters: { __args__: (self) => new PyTuple(self.args) },
});
method(typeType, "__or__", (self, args, _k, rt) => union(rt, self, args[0]));
method(typeType, "__ror__", (self, args, _k, rt) => union(rt, args[0], self));

const FORMS = ["Any", "Optional", "Union", "List", "Dict", "Tuple", "Set", "FrozenSet", "Type", "Callable", "Iterable",
  "Iterator", "Sequence", "Mapping", "MutableMapping", "MutableSequence", "Generator", "Literal", "Final", "ClassVar",
  "Annotated", "NoReturn", "Deque", "DefaultDict", "Counter", "OrderedDict", "Collection", "Hashable", "Sized"];

export const typingModule: NativeModuleDef = {
  name: "typing",
  init(mod) {
    for (const name of FORMS) mod.set(name, new TypingForm(name, null));
    mod.set("TypeVar", typeVarType);
    mod.set("TYPE_CHECKING", false);
    mod.set("cast", nativeFunction("cast", (args) => {
      if (args.length !== 2) throw E.typeError(`cast() takes 2 positional arguments but ${args.length} were given`);
      return args[1];
    }));
    for (const name of ["overload", "final", "no_type_check", "runtime_checkable"]) {
      mod.set(name, nativeFunction(name, (args) => args[0]));
    }
  },
};
