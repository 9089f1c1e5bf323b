/*
 * collections: namedtuple, OrderedDict, defaultdict, Counter and deque, the parts host code commonly uses.
 * defaultdict and Counter are dict subclasses (so every dict operation applies); deque is a
 * list-backed sequence with appendleft/popleft and maxlen.
 */

import { parseArgs } from "../binding";
import { defineNativeType, getter, method, nativeFunction } from "../define";
import * as E from "../errors";
import { None, PyDict, PyList, PyObject, PyTuple, PyType, dictType, typeOf, typeType, type PyValue } from "../objects";
import type { NativeModuleDef, Runtime } from "../runtime";
import { dictUpdateFrom } from "../types/containers";
import { asInt } from "../types/numbers";
import { namedtuple } from "./namedtuple";

export class DefaultDict extends PyDict {
  factory: PyValue = None;
}

const defaultdictType = new PyType(typeType, "defaultdict", [dictType], new Map(), (cls) => new DefaultDict(cls), {
  module: "collections",
  instanceDict: true,
  frozen: true,
});

method<DefaultDict>(defaultdictType, "__init__", (self, args, kw, rt) => {
  const [factory, ...rest] = args;
  if (factory !== undefined && factory !== None && typeOf(factory).lookup("__call__") === undefined && !(factory instanceof PyType)) {
    throw E.typeError("first argument must be callable or None");
  }
  self.factory = factory ?? None;
  dictUpdateFrom(rt, self, "defaultdict", rest, kw);
  return None;
});
method<DefaultDict>(defaultdictType, "__missing__", (self, args, _kw, rt) => {
  if (self.factory === None) throw E.keyError(args[0]);
  const v = rt.call0(self.factory);
  self.table.set(args[0], v, rt);
  return v;
});
getter<DefaultDict>(
  defaultdictType,
  "default_factory",
  (self) => self.factory,
  (self, v) => {
    self.factory = v;
  },
);
method<DefaultDict>(defaultdictType, "__repr__", (self, _a, _k, rt) => {
  const body = rt.callBound(dictType.lookup("__repr__") as PyValue, self, []) as string;
  return `defaultdict(${rt.repr(self.factory)}, ${body})`;
});

const counterType = new PyType(typeType, "Counter", [dictType], new Map(), (cls) => new PyDict(cls), {
  module: "collections",
  instanceDict: true,
  frozen: true,
});

function counterUpdate(rt: Runtime, self: PyDict, src: PyValue | undefined, sign: number): void {
  if (src === undefined || src === None) return;
  if (src instanceof PyDict) {
    for (const e of src.table.iterate()) {
      const cur = self.table.get(e.k, rt) ?? 0;
      self.table.set(e.k, sign > 0 ? rt.add(cur, e.v) : rt.sub(cur, e.v), rt);
    }
    return;
  }
  for (const k of rt.iterate(src)) {
    const cur = self.table.get(k, rt) ?? 0;
    self.table.set(k, rt.add(cur, sign), rt);
  }
}

function mostCommon(rt: Runtime, self: PyDict): PyValue[] {
  const items = [...self.table.iterate()].map((e, i) => ({ e, i }));
  // Stable: equal counts keep insertion order, as CPython's sorted(..., reverse=True).
  items.sort((a, b) => (rt.lessThan(b.e.v, a.e.v) ? -1 : rt.lessThan(a.e.v, b.e.v) ? 1 : a.i - b.i));
  return items.map(({ e }) => new PyTuple([e.k, e.v]));
}

method<PyDict>(counterType, "__init__", (self, args, kw, rt) => {
  if (args.length > 1) throw E.typeError(`expected at most 1 argument, got ${args.length}`);
  counterUpdate(rt, self, args[0], 1);
  if (kw !== null) for (const [k, v] of kw) self.table.set(k, rt.add(self.table.get(k, rt) ?? 0, v), rt);
  return None;
});
method(counterType, "__missing__", () => 0);
method<PyDict>(counterType, "update", (self, args, _kw, rt) => {
  counterUpdate(rt, self, args[0], 1);
  return None;
});
method<PyDict>(counterType, "subtract", (self, args, _kw, rt) => {
  counterUpdate(rt, self, args[0], -1);
  return None;
});
method<PyDict>(counterType, "most_common", (self, args, _kw, rt) => {
  const all = mostCommon(rt, self);
  const n = args[0] === undefined || args[0] === None ? all.length : Number(asInt(args[0]) ?? all.length);
  return new PyList(all.slice(0, Math.max(0, n)));
});
method<PyDict>(counterType, "total", (self, _a, _k, rt) => {
  let acc: PyValue = 0;
  for (const e of self.table.iterate()) acc = rt.add(acc, e.v);
  return acc;
});
method<PyDict>(counterType, "elements", (self, _a, _k, rt) => {
  const out: PyValue[] = [];
  for (const e of self.table.iterate()) {
    const n = Number(asInt(e.v) ?? 0);
    for (let i = 0; i < n; i++) out.push(e.k);
  }
  return rt.iter(new PyList(out));
});
method<PyDict>(counterType, "__repr__", (self, _a, _k, rt) => {
  if (self.table.size === 0) return "Counter()";
  const parts = mostCommon(rt, self).map((t) => {
    const [k, v] = (t as PyTuple).items;
    return `${rt.repr(k)}: ${rt.repr(v)}`;
  });
  return `Counter({${parts.join(", ")}})`;
});
for (const [name, sign] of [["__add__", 1], ["__sub__", -1]] as const) {
  method<PyDict>(counterType, name, (self, args, _kw, rt) => {
    const other = args[0];
    if (!(other instanceof PyDict)) return rt.NotImplemented;
    const out = new PyDict(counterType);
    counterUpdate(rt, out, self, 1);
    counterUpdate(rt, out, other, sign);
    for (const e of [...out.table.iterate()]) if (!rt.truthy(rt.gt(e.v, 0))) out.table.delete(e.k, rt);
    return out;
  });
}

export class Deque extends PyObject {
  items: PyValue[] = [];
  maxlen: number | null = null;
  constructor() {
    super(dequeType);
  }
  trim(fromLeft: boolean): void {
    if (this.maxlen === null) return;
    while (this.items.length > this.maxlen) {
      if (fromLeft) this.items.shift();
      else this.items.pop();
    }
  }
}

const dequeType = defineNativeType<Deque>({
  name: "deque",
  module: "collections",
  instanceOf: Deque,
  construct(args, kw, rt) {
    const [it, maxlen] = parseArgs("deque", args, kw, { names: ["iterable", "maxlen"] });
    const d = new Deque();
    if (maxlen !== undefined && maxlen !== None) {
      const n = asInt(maxlen);
      if (n === undefined) throw E.typeError("an integer is required");
      if (Number(n) < 0) throw E.valueError("maxlen must be non-negative");
      d.maxlen = Number(n);
    }
    if (it !== undefined) d.items = rt.toArray(it);
    d.trim(true);
    return d;
  },
  methods: {
    append(self, args) {
      if (self.items.length >= E.MAX_SEQUENCE_LENGTH) throw E.memoryError();
      self.items.push(args[0]);
      self.trim(true);
      return None;
    },
    appendleft(self, args) {
      if (self.items.length >= E.MAX_SEQUENCE_LENGTH) throw E.memoryError();
      self.items.unshift(args[0]);
      self.trim(false);
      return None;
    },
    extend(self, args, _kw, rt) {
      const more = rt.toArray(args[0]);
      E.checkSequenceLength(self.items.length + more.length);
      for (const v of more) self.items.push(v);
      self.trim(true);
      return None;
    },
    pop(self) {
      if (self.items.length === 0) throw E.indexError("pop from an empty deque");
      return self.items.pop() as PyValue;
    },
    popleft(self) {
      if (self.items.length === 0) throw E.indexError("pop from an empty deque");
      return self.items.shift() as PyValue;
    },
    clear(self) {
      self.items = [];
      return None;
    },
    rotate(self, args) {
      const n = self.items.length;
      if (n === 0) return None;
      const k = ((Number(asInt(args[0] ?? 1) ?? 1) % n) + n) % n;
      self.items = [...self.items.slice(n - k), ...self.items.slice(0, n - k)];
      return None;
    },
    __len__: (self) => self.items.length,
    __iter__: (self, _a, _k, rt) => rt.iter(new PyList(self.items.slice())),
    __getitem__: (self, args, _k, rt) => self.items[rt.index(args[0], self.items.length, "deque")],
    __setitem__(self, args, _k, rt) {
      self.items[rt.index(args[0], self.items.length, "deque")] = args[1];
      return None;
    },
    __contains__: (self, args, _k, rt) => self.items.some((v) => v === args[0] || rt.equal(v, args[0])),
    __bool__: (self) => self.items.length > 0,
    __eq__: (self, args, _k, rt) =>
      args[0] instanceof Deque ? rt.eq(new PyList(self.items), new PyList(args[0].items)) : rt.NotImplemented,
    __repr__(self, _a, _k, rt) {
      const body = rt.repr(new PyList(self.items));
      return self.maxlen === null ? `deque(${body})` : `deque(${body}, maxlen=${self.maxlen})`;
    },
  },
  getters: { maxlen: (self) => self.maxlen ?? None },
});

// OrderedDict: a dict (insertion-ordered already) with move_to_end, popitem(last=) and an
// order-sensitive == between two OrderedDicts.
const orderedDictType = new PyType(typeType, "OrderedDict", [dictType], new Map(), (cls) => new PyDict(cls), {
  module: "collections",
  instanceDict: true,
  frozen: true,
});

function isOrderedDict(v: PyValue): v is PyDict {
  return v instanceof PyDict && v.cls.isSubtypeOf(orderedDictType);
}

method<PyDict>(orderedDictType, "move_to_end", (self, args, kw, rt) => {
  const [key, last] = parseArgs("move_to_end", args, kw, { names: ["key", "last"], required: 1 });
  const k = key as PyValue;
  const v = self.table.get(k, rt);
  if (v === undefined) throw E.keyError(k);
  self.table.delete(k, rt);
  if (last === undefined || rt.truthy(last)) {
    self.table.set(k, v, rt);
    return None;
  }
  const rest = [...self.table.iterate()].map((e) => [e.k, e.v] as const);
  self.table.clear();
  self.table.set(k, v, rt);
  for (const [rk, rv] of rest) self.table.set(rk, rv, rt);
  return None;
});
method<PyDict>(orderedDictType, "popitem", (self, args, kw, rt) => {
  const [last] = parseArgs("popitem", args, kw, { names: ["last"] });
  const entries = [...self.table.iterate()];
  if (entries.length === 0) throw E.keyError("dictionary is empty");
  const e = last === undefined || rt.truthy(last) ? entries[entries.length - 1] : entries[0];
  self.table.delete(e.k, rt);
  return new PyTuple([e.k, e.v]);
});
method<PyDict>(orderedDictType, "__repr__", (self, _a, _k, rt) => {
  const name = self.cls.name;
  if (self.table.size === 0) return `${name}()`;
  return rt.reprGuard(self, "...", () => `${name}(${rt.repr(new PyList([...self.table.iterate()].map((e) => new PyTuple([e.k, e.v]))))})`);
});
method<PyDict>(orderedDictType, "__eq__", (self, args, _k, rt) => {
  const other = args[0];
  if (!(other instanceof PyDict)) return rt.NotImplemented;
  if (!rt.truthy(rt.callBound(dictType.lookup("__eq__") as PyValue, self, [other]))) return false;
  if (!isOrderedDict(other)) return true;
  const a = self.table.keys();
  const b = other.table.keys();
  return a.every((k, i) => rt.equal(k, b[i]));
});

export const collectionsModule: NativeModuleDef = {
  name: "collections",
  init(mod, rt) {
    mod.set("namedtuple", nativeFunction("namedtuple", (args, kw) => namedtuple(rt, args, kw, "__main__")));
    mod.set("OrderedDict", orderedDictType);
    mod.set("defaultdict", defaultdictType);
    mod.set("Counter", counterType);
    mod.set("deque", dequeType);
  },
};
