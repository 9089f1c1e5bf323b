/*
 * operator: the operators as functions, plus itemgetter / attrgetter / methodcaller.
 */

import { defineNativeType, nativeFunction } from "../define";
import * as E from "../errors";
import { None, PyObject, PyTuple, typeOf, type Kwargs, type PyValue } from "../objects";
import type { NativeModuleDef, Runtime } from "../runtime";

type Bin = (rt: Runtime, a: PyValue, b: PyValue) => PyValue;

const BINARY: [string[], Bin][] = [
  [["add", "__add__"], (rt, a, b) => rt.add(a, b)],
  [["sub", "__sub__"], (rt, a, b) => rt.sub(a, b)],
  [["mul", "__mul__"], (rt, a, b) => rt.mul(a, b)],
  [["truediv", "__truediv__"], (rt, a, b) => rt.truediv(a, b)],
  [["floordiv", "__floordiv__"], (rt, a, b) => rt.floordiv(a, b)],
  [["mod", "__mod__"], (rt, a, b) => rt.mod(a, b)],
  [["pow", "__pow__"], (rt, a, b) => rt.pow(a, b)],
  [["matmul", "__matmul__"], (rt, a, b) => rt.matmul(a, b)],
  [["lshift", "__lshift__"], (rt, a, b) => rt.lshift(a, b)],
  [["rshift", "__rshift__"], (rt, a, b) => rt.rshift(a, b)],
  [["and_", "__and__"], (rt, a, b) => rt.and(a, b)],
  [["or_", "__or__"], (rt, a, b) => rt.or(a, b)],
  [["xor", "__xor__"], (rt, a, b) => rt.xor(a, b)],
  [["iadd", "__iadd__"], (rt, a, b) => rt.iadd(a, b)],
  [["isub", "__isub__"], (rt, a, b) => rt.isub(a, b)],
  [["imul", "__imul__"], (rt, a, b) => rt.imul(a, b)],
  [["itruediv", "__itruediv__"], (rt, a, b) => rt.itruediv(a, b)],
  [["ifloordiv", "__ifloordiv__"], (rt, a, b) => rt.ifloordiv(a, b)],
  [["imod", "__imod__"], (rt, a, b) => rt.imod(a, b)],
  [["eq", "__eq__"], (rt, a, b) => rt.eq(a, b)],
  [["ne", "__ne__"], (rt, a, b) => rt.ne(a, b)],
  [["lt", "__lt__"], (rt, a, b) => rt.lt(a, b)],
  [["le", "__le__"], (rt, a, b) => rt.le(a, b)],
  [["gt", "__gt__"], (rt, a, b) => rt.gt(a, b)],
  [["ge", "__ge__"], (rt, a, b) => rt.ge(a, b)],
  [["is_"], (_rt, a, b) => a === b],
  [["is_not"], (_rt, a, b) => a !== b],
  [["contains", "__contains__"], (rt, a, b) => rt.contains(a, b)],
  [["getitem", "__getitem__"], (rt, a, b) => rt.getitem(a, b)],
  [["delitem", "__delitem__"], (rt, a, b) => {
    rt.delitem(a, b);
    return None;
  }],
  [["concat", "__concat__"], (rt, a, b) => {
    if (typeOf(a).lookup("__getitem__") === undefined) throw E.typeError(`'${typeOf(a).name}' object can't be concatenated`);
    return rt.add(a, b);
  }],
  [["countOf"], (rt, a, b) => [...rt.iterate(a)].filter((v) => rt.equal(v, b)).length],
  [["indexOf"], (rt, a, b) => {
    const i = [...rt.iterate(a)].findIndex((v) => rt.equal(v, b));
    if (i < 0) throw E.valueError("sequence.index(x): x not in sequence");
    return i;
  }],
];

type Un = (rt: Runtime, a: PyValue) => PyValue;
const UNARY: [string[], Un][] = [
  [["neg", "__neg__"], (rt, a) => rt.neg(a)],
  [["pos", "__pos__"], (rt, a) => rt.pos(a)],
  [["invert", "inv", "__invert__", "__inv__"], (rt, a) => rt.invert(a)],
  [["not_", "__not__"], (rt, a) => rt.not(a)],
  [["truth"], (rt, a) => rt.truthy(a)],
  [["abs", "__abs__"], (rt, a) => rt.call1(rt.builtins.get("abs") as PyValue, a)],
  [["index", "__index__"], (rt, a) => rt.asIndex(a, `'${typeOf(a).name}' object cannot be interpreted as an integer`)],
];

/** itemgetter / attrgetter / methodcaller objects: callable, with CPython's repr. */
export class OperatorCallable extends PyObject {
  constructor(
    readonly describe: (rt: Runtime) => string,
    readonly fn: (args: PyValue[], kw: Kwargs | null) => PyValue,
  ) {
    super(operatorCallableType);
  }
}

const operatorCallableType = defineNativeType<OperatorCallable>({
  name: "itemgetter",
  module: "operator",
  instanceOf: OperatorCallable,
  methods: {
    __call__: (self, args, kw) => self.fn(args, kw),
    __repr__: (self, _a, _k, rt) => self.describe(rt),
  },
});

const reprArgs = (rt: Runtime, args: PyValue[]): string => args.map((a) => rt.repr(a)).join(", ");

function getter(rt: Runtime, path: string): (v: PyValue) => PyValue {
  const parts = path.split(".");
  return (v) => parts.reduce((o, p) => rt.getattr(o, p), v);
}

export const operatorModule: NativeModuleDef = {
  name: "operator",
  init(mod, rt) {
    for (const [names, f] of BINARY) {
      const fn = nativeFunction(names[0], (args) => {
        if (args.length !== 2) throw E.typeError(`${names[0]} expected 2 arguments, got ${args.length}`);
        return f(rt, args[0], args[1]);
      });
      for (const n of names) mod.set(n, fn);
    }
    for (const [names, f] of UNARY) {
      const fn = nativeFunction(names[0], (args) => {
        if (args.length !== 1) throw E.typeError(`${names[0]}() takes exactly one argument (${args.length} given)`);
        return f(rt, args[0]);
      });
      for (const n of names) mod.set(n, fn);
    }
    mod.set("setitem", nativeFunction("setitem", (args) => {
      rt.setitem(args[0], args[1], args[2]);
      return None;
    }));
    mod.set("itemgetter", nativeFunction("itemgetter", (keys) => {
      if (keys.length === 0) throw E.typeError("itemgetter expected 1 argument, got 0");
      return new OperatorCallable(
        (r) => `operator.itemgetter(${reprArgs(r, keys)})`,
        (args) => (keys.length === 1 ? rt.getitem(args[0], keys[0]) : new PyTuple(keys.map((k) => rt.getitem(args[0], k)))),
      );
    }));
    mod.set("attrgetter", nativeFunction("attrgetter", (names) => {
      const getters = names.map((n) => {
        if (typeof n !== "string") throw E.typeError("attribute name must be a string");
        return getter(rt, n);
      });
      return new OperatorCallable(
        (r) => `operator.attrgetter(${reprArgs(r, names)})`,
        (args) => (getters.length === 1 ? getters[0](args[0]) : new PyTuple(getters.map((g) => g(args[0])))),
      );
    }));
    mod.set("methodcaller", nativeFunction("methodcaller", (args, kw) => {
      const [name, ...rest] = args;
      if (typeof name !== "string") throw E.typeError("method name must be a string");
      return new OperatorCallable(
        (r) => `operator.methodcaller(${[r.repr(name), ...rest.map((a) => r.repr(a)), ...[...(kw ?? [])].map(([k, v]) => `${k}=${r.repr(v)}`)].join(", ")})`,
        (inner) => rt.call(rt.getattr(inner[0], name), rest, kw),
      );
    }));
  },
};
