/*
 * functools: reduce, partial, lru_cache/cache, wraps/update_wrapper, cmp_to_key, total_ordering.
 */

import { attrSet } from "../attr-store";
import { parseArgs } from "../binding";
import { defineNativeType, method, nativeFunction } from "../define";
import * as E from "../errors";
import { None, PyDict, PyFunction, PyObject, PyTuple, PyType, objectType, typeOf, type Kwargs, type PyValue } from "../objects";
import type { NativeModuleDef, Runtime } from "../runtime";
import { asInt } from "../types/numbers";

export class Partial extends PyObject {
  constructor(
    readonly func: PyValue,
    readonly args: PyValue[],
    readonly kw: Map<string, PyValue>,
  ) {
    super(partialType, new Map());
  }
}

const partialType = defineNativeType<Partial>({
  name: "partial",
  module: "functools",
  instanceOf: Partial,
  instanceDict: true,
  construct(args, kw) {
    if (args.length === 0) throw E.typeError("type 'partial' takes at least one argument");
    const [func, ...rest] = args;
    if (func instanceof Partial) return new Partial(func.func, [...func.args, ...rest], new Map([...func.kw, ...(kw ?? [])]));
    return new Partial(func, rest, new Map(kw ?? []));
  },
  methods: {
    __call__: (self, args, kw, rt) => rt.call(self.func, [...self.args, ...args], kw === null && self.kw.size === 0 ? null : new Map([...self.kw, ...(kw ?? [])])),
    __repr__: (self, _a, _k, rt) => {
      const parts = [rt.repr(self.func), ...self.args.map((a) => rt.repr(a)), ...[...self.kw].map(([k, v]) => `${k}=${rt.repr(v)}`)];
      return `functools.partial(${parts.join(", ")})`;
    },
  },
  getters: {
    func: (self) => self.func,
    args: (self) => new PyTuple(self.args),
    keywords: (self, rt) => {
      const d = new PyDict();
      for (const [k, v] of self.kw) d.table.set(k, v, rt);
      return d;
    },
  },
});

const CACHE_INFO_FIELDS = ["hits", "misses", "maxsize", "currsize"];

/** functools' CacheInfo named tuple: fields by name and by index, repr like a namedtuple. */
export class CacheInfo extends PyObject {
  constructor(readonly values: PyValue[]) {
    super(cacheInfoType);
  }
}

const cacheInfoType = defineNativeType<CacheInfo>({
  name: "CacheInfo",
  module: "functools",
  instanceOf: CacheInfo,
  methods: {
    __repr__: (self, _a, _k, rt) => `CacheInfo(${CACHE_INFO_FIELDS.map((f, i) => `${f}=${rt.repr(self.values[i])}`).join(", ")})`,
    __getitem__: (self, args, _k, rt) => rt.getitem(new PyTuple(self.values), args[0]),
    __len__: () => CACHE_INFO_FIELDS.length,
    __iter__: (self, _a, _k, rt) => rt.iter(new PyTuple(self.values)),
    __eq__: (self, args, _k, rt) => rt.eq(new PyTuple(self.values), args[0] instanceof CacheInfo ? new PyTuple(args[0].values) : args[0]),
  },
  getters: Object.fromEntries(CACHE_INFO_FIELDS.map((f, i) => [f, (self: CacheInfo) => self.values[i]])),
});

export class LruCache extends PyObject {
  readonly cache = new PyDict();
  hits = 0;
  misses = 0;
  constructor(
    readonly func: PyValue,
    readonly maxsize: number | null,
  ) {
    super(lruType, new Map());
  }
}

function cacheKey(args: PyValue[], kw: Kwargs | null): PyValue {
  if (kw === null || kw.size === 0) return args.length === 1 && (typeof args[0] === "number" || typeof args[0] === "string") ? args[0] : new PyTuple(args);
  return new PyTuple([...args, cacheKwMark, ...[...kw].flat()]);
}
const cacheKwMark = new PyObject(typeOf(None));

const lruType = defineNativeType<LruCache>({
  name: "_lru_cache_wrapper",
  module: "functools",
  instanceOf: LruCache,
  instanceDict: true,
  methods: {
    __call__(self, args, kw, rt) {
      const key = cacheKey(args, kw);
      const table = self.cache.table;
      const hit = table.get(key, rt);
      if (hit !== undefined) {
        self.hits++;
        if (self.maxsize !== null) {
          table.delete(key, rt);
          table.set(key, hit, rt);
        }
        return hit;
      }
      self.misses++;
      const v = rt.call(self.func, args, kw);
      if (self.maxsize === null || self.maxsize > 0) {
        table.set(key, v, rt);
        if (self.maxsize !== null && table.size > self.maxsize) {
          const first = table.iterate().next();
          if (!first.done) table.delete(first.value.k, rt);
        }
      }
      return v;
    },
    cache_info(self) {
      return new CacheInfo([self.hits, self.misses, self.maxsize ?? None, self.cache.table.size]);
    },
    cache_clear(self) {
      self.cache.table.clear();
      self.hits = 0;
      self.misses = 0;
      return None;
    },
    __repr__: (self, _a, _k, rt) => `<functools._lru_cache_wrapper object at 0x${rt.id(self).toString(16).padStart(12, "0")}>`,
  },
  getters: {
    __wrapped__: (self) => self.func,
    __name__: (self, rt) => rt.getattr(self.func, "__name__"),
    __qualname__: (self, rt) => rt.getattr(self.func, "__qualname__"),
    __doc__: (self, rt) => (rt.hasattr(self.func, "__doc__") ? rt.getattr(self.func, "__doc__") : None),
  },
});

const WRAPPER_ASSIGNMENTS = ["__module__", "__name__", "__qualname__", "__doc__"];

function updateWrapper(rt: Runtime, wrapper: PyValue, wrapped: PyValue): PyValue {
  for (const name of WRAPPER_ASSIGNMENTS) {
    let v: PyValue;
    try {
      v = rt.getattr(wrapped, name);
    } catch {
      continue;
    }
    try {
      rt.setattr(wrapper, name, v);
    } catch {
      // Native wrappers may not accept every attribute; CPython ignores missing ones the same way.
    }
  }
  if (wrapper instanceof PyObject && wrapper.dict !== null) attrSet(wrapper.dict, "__wrapped__", wrapped);
  return wrapper;
}

export class CmpKey extends PyObject {
  constructor(
    readonly cmp: PyValue,
    readonly obj: PyValue,
  ) {
    super(cmpKeyType);
  }
}

const cmpOp = (test: (c: number) => boolean) => (self: CmpKey, args: PyValue[], _kw: Kwargs | null, rt: Runtime): PyValue => {
  const other = args[0];
  if (!(other instanceof CmpKey)) return rt.NotImplemented;
  const r = rt.call2(self.cmp, self.obj, other.obj);
  const n = asInt(r);
  if (n === undefined) return test(rt.truthy(rt.lt(r, 0)) ? -1 : rt.truthy(rt.gt(r, 0)) ? 1 : 0);
  return test(Number(n));
};

const cmpKeyType = defineNativeType<CmpKey>({
  name: "KeyWrapper",
  module: "functools",
  instanceOf: CmpKey,
  methods: {
    __lt__: cmpOp((c) => c < 0),
    __gt__: cmpOp((c) => c > 0),
    __le__: cmpOp((c) => c <= 0),
    __ge__: cmpOp((c) => c >= 0),
    __eq__: cmpOp((c) => c === 0),
  },
});

type Ordering = "__lt__" | "__le__" | "__gt__" | "__ge__";
/** How to derive each missing comparison from the root one's result `r` (CPython's functools._convert). */
type Derivation = (r: boolean, eq: () => boolean, ne: () => boolean) => boolean;
const DERIVED: Record<Ordering, [Ordering, Derivation][]> = {
  __lt__: [["__gt__", (r, _eq, ne) => !r && ne()], ["__le__", (r, eq) => r || eq()], ["__ge__", (r) => !r]],
  __le__: [["__ge__", (r, eq) => !r || eq()], ["__lt__", (r, _eq, ne) => r && ne()], ["__gt__", (r) => !r]],
  __gt__: [["__lt__", (r, _eq, ne) => !r && ne()], ["__ge__", (r, eq) => r || eq()], ["__le__", (r) => !r]],
  __ge__: [["__le__", (r, eq) => !r || eq()], ["__gt__", (r, _eq, ne) => r && ne()], ["__lt__", (r) => !r]],
};

/** `@functools.total_ordering`: fills in the comparisons a class leaves to object from its richest one. */
function totalOrdering(rt: Runtime, cls: PyValue): PyValue {
  if (!(cls instanceof PyType)) throw E.attributeError(`'${typeOf(cls).name}' object has no attribute '__lt__'`);
  const roots = (["__lt__", "__le__", "__gt__", "__ge__"] as const).filter((op) => cls.lookup(op) !== objectType.lookup(op));
  if (roots.length === 0) throw E.valueError("must define at least one ordering operation: < > <= >=");
  // CPython picks max(roots) by name: __lt__ > __le__ > __gt__ > __ge__.
  const root = [...roots].sort()[roots.length - 1];
  for (const [name, derive] of DERIVED[root]) {
    if (roots.includes(name)) continue;
    method(cls, name, (self, args) => {
      const other = args[0];
      const r = rt.callBound(typeOf(self).lookup(root) as PyValue, self, [other]);
      if (r === rt.NotImplemented) return r;
      return derive(rt.truthy(r), () => rt.truthy(rt.eq(self, other)), () => rt.truthy(rt.ne(self, other)));
    });
  }
  return cls;
}

export const functoolsModule: NativeModuleDef = {
  name: "functools",
  init(mod, rt) {
    mod.set(
      "reduce",
      nativeFunction("reduce", (args) => {
        if (args.length < 2 || args.length > 3) throw E.typeError(`reduce expected at least 2 arguments, got ${args.length}`);
        const [f, seq] = args;
        const it = rt.iter(seq);
        let acc = args.length === 3 ? args[2] : it.next();
        if (acc === undefined) throw E.typeError("reduce() of empty iterable with no initial value");
        for (let v = it.next(); v !== undefined; v = it.next()) acc = rt.call2(f, acc, v);
        return acc;
      }),
    );
    mod.set("partial", partialType);
    const makeCache = (maxsize: number | null) => nativeFunction("decorating_function", (args) => {
      const f = args[0];
      return updateWrapper(rt, new LruCache(f, maxsize), f);
    });
    mod.set(
      "lru_cache",
      nativeFunction("lru_cache", (args, kw) => {
        const [first] = parseArgs("lru_cache", args, kw, { names: ["maxsize", "typed"] });
        if (first !== undefined && first !== None && asInt(first) === undefined) {
          if (first instanceof PyFunction || typeOf(first).lookup("__call__") !== undefined) {
            return updateWrapper(rt, new LruCache(first, 128), first);
          }
          throw E.typeError("Expected first argument to be an integer, a callable, or None");
        }
        const n = first === undefined ? 128 : first === None ? null : Math.max(0, Number(asInt(first)));
        return makeCache(n);
      }),
    );
    mod.set("cache", nativeFunction("cache", (args) => updateWrapper(rt, new LruCache(args[0], null), args[0])));
    mod.set(
      "update_wrapper",
      nativeFunction("update_wrapper", (args) => updateWrapper(rt, args[0], args[1])),
    );
    mod.set(
      "wraps",
      nativeFunction("wraps", (args) => {
        const wrapped = args[0];
        return nativeFunction("decorator", (inner) => updateWrapper(rt, inner[0], wrapped));
      }),
    );
    mod.set("total_ordering", nativeFunction("total_ordering", (args) => totalOrdering(rt, args[0])));
    mod.set(
      "cmp_to_key",
      nativeFunction("cmp_to_key", (args) => {
        const cmp = args[0];
        return nativeFunction("K", (inner) => new CmpKey(cmp, inner[0]));
      }),
    );
  },
};
