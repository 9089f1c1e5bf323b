/*
 * list, tuple, dict (and its views), set/frozenset, range, slice and the iterator types.
 */

import { RADIX_MIN, strSortOrder } from "../str-sort";
import { parseArgs } from "../binding";
import { arities, exactArgs, getter, method, noArgs, rangeArgs } from "../define";
import { GeneratorExit, MAX_SEQUENCE_LENGTH, StopIteration, checkSequenceLength, indexError, keyError, memoryError, overflowError, pyException, runtimeError, stopIteration, typeError, valueError } from "../errors";
import {
  None,
  NotImplemented,
  PyBuiltin,
  PyClassMethod,
  PyDict,
  PyDictView,
  PyIterator,
  PyList,
  PyFloat,
  PyBaseException,
  PyGenerator,
  PyRange,
  PySet,
  PySlice,
  PyTuple,
  PyType,
  dictItemsType,
  dictKeysType,
  dictType,
  dictValuesType,
  floatType,
  frozensetType,
  generatorType,
  iteratorType,
  listType,
  rangeType,
  setType,
  sliceType,
  tupleType,
  typeOf,
  type BigRange,
  type Kwargs,
  type PyValue,
} from "../objects";
import * as N from "../numeric";
import { rangeContains, rangeItem, rangeIteratorType, rangeLength, type Runtime } from "../runtime";
import { frozensetHash, pythonHash } from "../tuple-hash";
import {
  addedKey,
  afterDiscards,
  currentLayout,
  discardedKey,
  forgetLayout,
  keyToPop,
  mergeLayout,
  modelledOrder,
  noteChange,
  poppedKey,
  reserveLayout,
  setKeys,
  symmetricLayout,
} from "../set-order";
import { allStrings, hasNoSurrogate, keyIndexComparator, nativeOrderHolds, withNativeOrder } from "../str-order";
import { asInt } from "./numbers";

const L = (v: PyValue): PyList => v as PyList;
const T = (v: PyValue): PyTuple => v as PyTuple;
const D = (v: PyValue): PyDict => v as PyDict;
const S = (v: PyValue): PySet => v as PySet;

function repeatCount(rt: Runtime, n: PyValue): number | undefined {
  const k = asInt(n);
  if (typeof k === "bigint") throw overflowError("cannot fit 'int' into an index-sized integer");
  if (k !== undefined) return k;
  if (typeof n === "object" && typeOf(n).lookup("__index__") !== undefined) return rt.asIndex(n, "");
  return undefined;
}

function repeatItems(rt: Runtime, items: readonly PyValue[], n: number): PyValue[] {
  if (n <= 0 || items.length === 0) return [];
  checkSequenceLength(items.length * n);
  rt.charge(items.length * n * 8);
  const out: PyValue[] = new Array(items.length * n);
  for (let r = 0, k = 0; r < n; r++) for (let i = 0; i < items.length; i++) out[k++] = items[i];
  return out;
}

/** Lexicographic comparison of two sequences (==, <, ...). */
function seqCompare(rt: Runtime, a: readonly PyValue[], b: readonly PyValue[], op: string): boolean {
  let i = 0;
  for (; i < a.length && i < b.length; i++) {
    if (a[i] === b[i] || rt.equal(a[i], b[i])) continue;
    break;
  }
  if (i >= a.length || i >= b.length) {
    switch (op) {
      case "__eq__":
        return a.length === b.length;
      case "__ne__":
        return a.length !== b.length;
      case "__lt__":
        return a.length < b.length;
      case "__le__":
        return a.length <= b.length;
      case "__gt__":
        return a.length > b.length;
      default:
        return a.length >= b.length;
    }
  }
  if (op === "__eq__") return false;
  if (op === "__ne__") return true;
  const x = a[i];
  const y = b[i];
  switch (op) {
    case "__lt__":
      return rt.truthy(rt.lt(x, y));
    case "__le__":
      return rt.truthy(rt.le(x, y));
    case "__gt__":
      return rt.truthy(rt.gt(x, y));
    default:
      return rt.truthy(rt.ge(x, y));
  }
}

function seqRepr(rt: Runtime, items: readonly PyValue[], open: string, close: string): string {
  let out = open;
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ", ";
    out += rt.repr(items[i]);
  }
  return out + close;
}

/**
 * Whether comparing this key with others like it runs no user code and meets only surrogate-free
 * strs (numbers, None, exact tuples of those): a sort of such keys may compare strs natively.
 */
function plainNativeOrder(v: PyValue, depth: number): boolean {
  switch (typeof v) {
    case "string":
      return hasNoSurrogate(v);
    case "number":
    case "bigint":
    case "boolean":
      return true;
  }
  if (v instanceof PyFloat) return v.cls === floatType;
  if (v instanceof PyTuple) return v.cls === tupleType && depth < 4 && v.items.every((x) => plainNativeOrder(x, depth + 1));
  return v === None;
}

/** Whether every value is an int held as a JS number other than -0 (equal values are then identical). */
function allPlainNumbers(values: readonly PyValue[]): values is readonly number[] {
  for (const v of values) if (typeof v !== "number" || Object.is(v, -0)) return false;
  return true;
}

/**
 * Ints held as JS numbers, sorted natively: already-ascending input is copied, a range not much
 * wider than the count is counted, int32 values go through Int32Array's sort (about twice as quick
 * as Float64Array's) and the rest through Float64Array's. Stability cannot be observed: equal ints
 * are the same value, and -0 (which orders before 0 in a typed-array sort) is excluded by
 * allPlainNumbers.
 */
function sortNumbers(values: readonly number[], reverse: boolean): PyValue[] {
  const n = values.length;
  let min = Infinity;
  let max = -Infinity;
  let ascending = true;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
    if (i > 0 && v < values[i - 1]) ascending = false;
  }
  let out: number[];
  if (ascending) {
    out = values.slice();
  } else if (max - min <= 2 * n) {
    const counts = new Int32Array(max - min + 1);
    for (let i = 0; i < n; i++) counts[values[i] - min]++;
    out = new Array<number>(n);
    let k = 0;
    for (let v = 0; v < counts.length; v++) for (let c = counts[v]; c > 0; c--) out[k++] = v + min;
  } else {
    const sorted = min >= -(2 ** 31) && max < 2 ** 31 ? new Int32Array(values).sort() : new Float64Array(values).sort();
    out = new Array<number>(n);
    for (let i = 0; i < n; i++) out[i] = sorted[i];
  }
  return reverse ? out.reverse() : out;
}

/** Surrogate-free strs: equal strs are the same value, so any correct order will do. */
function sortStrings(values: readonly string[], reverse: boolean): PyValue[] {
  if (values.length >= RADIX_MIN) return Array.from(strSortOrder(values, reverse), (i) => values[i]);
  const sorted = values.slice().sort();
  return reverse ? sorted.reverse() : sorted;
}

/** Below this many items CPython's timsort is one natural run extended by binary insertion. */
const MIN_MERGE = 64;

/**
 * CPython's listsort for fewer than MIN_MERGE keys (count_run, then binarysort), calling `<` on
 * the same pairs in the same order, so a comparison that raises (mixed types) or has side effects
 * behaves as there. reverse=True reverses before and after a stable ascending sort, as CPython does.
 */
function sortSmall(rt: Runtime, keys: readonly PyValue[], reverse: boolean): number[] {
  const idx = keys.map((_, i) => i);
  if (reverse) idx.reverse();
  const n = idx.length;
  const lt = (a: number, b: number): boolean => rt.lessThan(keys[a], keys[b]);
  let run = 1;
  if (n > 1) {
    run = 2;
    if (lt(idx[1], idx[0])) {
      // A strictly descending run, reversed in place (stable: its elements are all distinct).
      while (run < n && lt(idx[run], idx[run - 1])) run++;
      const head = idx.slice(0, run).reverse();
      for (let i = 0; i < run; i++) idx[i] = head[i];
    } else {
      while (run < n && !lt(idx[run], idx[run - 1])) run++;
    }
  }
  for (let start = run; start < n; start++) {
    const pivot = idx[start];
    let l = 0;
    let r = start;
    while (l < r) {
      const p = l + ((r - l) >> 1);
      if (lt(pivot, idx[p])) r = p;
      else l = p + 1;
    }
    for (let p = start; p > l; p--) idx[p] = idx[p - 1];
    idx[l] = pivot;
  }
  if (reverse) idx.reverse();
  return idx;
}

/** Sort a JS array of Python values in place: stable, optional key and reverse, Python's `<`. */
export function sortValues(rt: Runtime, items: PyValue[], key: PyValue, reverse: boolean): PyValue[] {
  const keys = key === None ? items : items.map((v) => rt.call1(key, v));
  if (key === None && allPlainNumbers(keys)) return sortNumbers(keys, reverse);
  if (key === None && allStrings(keys) && nativeOrderHolds(keys)) return sortStrings(keys, reverse);
  const idx = items.map((_, i) => i);
  if (allStrings(keys)) {
    if (keys.length >= RADIX_MIN && nativeOrderHolds(keys)) return Array.from(strSortOrder(keys, reverse), (i) => items[i]);
    idx.sort(keyIndexComparator(keys, reverse));
    return idx.map((i) => items[i]);
  }
  if (keys.length < MIN_MERGE) {
    const order = keys.every((k) => plainNativeOrder(k, 0)) ? withNativeOrder(() => sortSmall(rt, keys, reverse)) : sortSmall(rt, keys, reverse);
    return order.map((i) => items[i]);
  }
  const sortIdx = (): void => {
    idx.sort(
      reverse
        ? (i, j) => (rt.lessThan(keys[j], keys[i]) ? -1 : rt.lessThan(keys[i], keys[j]) ? 1 : 0)
        : (i, j) => (rt.lessThan(keys[i], keys[j]) ? -1 : rt.lessThan(keys[j], keys[i]) ? 1 : 0),
    );
  };
  if (keys.every((k) => plainNativeOrder(k, 0))) withNativeOrder(sortIdx);
  else sortIdx();
  return idx.map((i) => items[i]);
}

// ---- list ----------------------------------------------------------------------------------------

method(listType, "__init__", (self, args, kw, rt) => {
  const [it] = parseArgs("list", args, kw, { names: ["iterable"], posonly: 1 });
  L(self).items = it === undefined ? [] : rt.toArray(it);
  return None;
});
listType.ns.set("__hash__", None);
method(listType, "__len__", (self) => L(self).items.length);
method(listType, "__getitem__", (self, args, _k, rt) => {
  const k = args[0];
  if (k instanceof PySlice) return new PyList(rt.sliceArray(L(self).items, k));
  return L(self).items[rt.index(k, L(self).items.length, "list")];
});
method(listType, "__setitem__", (self, args, _k, rt) => {
  const [k, v] = args;
  if (k instanceof PySlice) rt.listSetSlice(L(self), k, v);
  else L(self).items[rt.index(k, L(self).items.length, "list assignment")] = v;
  return None;
});
method(listType, "__delitem__", (self, args, _k, rt) => {
  const k = args[0];
  const list = L(self);
  if (k instanceof PySlice) {
    const [start, , step, len] = rt.sliceIndices(k, list.items.length);
    const drop = new Set<number>();
    for (let i = 0, j = start; i < len; i++, j += step) drop.add(j);
    list.items = list.items.filter((_, i) => !drop.has(i));
  } else {
    list.items.splice(rt.index(k, list.items.length, "list assignment"), 1);
  }
  return None;
});
method(listType, "__contains__", (self, args, rt_k, rt) => {
  for (const v of L(self).items) if (v === args[0] || rt.equal(v, args[0])) return true;
  return false;
});
method(listType, "__iter__", (self) => {
  const list = L(self);
  let i = 0;
  return new PyIterator(() => (i < list.items.length ? list.items[i++] : undefined));
});
method(listType, "__reversed__", (self) => {
  const list = L(self);
  let i = list.items.length - 1;
  return new PyIterator(() => (i >= 0 && i < list.items.length ? list.items[i--] : undefined));
});
method(listType, "__add__", (self, args) => {
  const o = args[0];
  if (!(o instanceof PyList)) return NotImplemented;
  checkSequenceLength(L(self).items.length + o.items.length);
  return new PyList(L(self).items.concat(o.items));
});
method(listType, "__iadd__", (self, args, _k, rt) => {
  rt.extend(L(self).items, args[0]);
  return self;
});
method(listType, "__mul__", (self, args, _k, rt) => {
  const n = repeatCount(rt, args[0]);
  return n === undefined ? NotImplemented : new PyList(repeatItems(rt, L(self).items, n));
});
method(listType, "__rmul__", (self, args, _k, rt) => {
  const n = repeatCount(rt, args[0]);
  return n === undefined ? NotImplemented : new PyList(repeatItems(rt, L(self).items, n));
});
method(listType, "__imul__", (self, args, _k, rt) => {
  const n = repeatCount(rt, args[0]);
  if (n === undefined) return NotImplemented;
  L(self).items = repeatItems(rt, L(self).items, n);
  return self;
});
for (const op of ["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"]) {
  method(listType, op, (self, args, _k, rt) =>
    args[0] instanceof PyList ? seqCompare(rt, L(self).items, args[0].items, op) : NotImplemented,
  );
  method(tupleType, op, (self, args, _k, rt) =>
    args[0] instanceof PyTuple ? seqCompare(rt, T(self).items, args[0].items, op) : NotImplemented,
  );
}
method(listType, "__repr__", (self, _a, _k, rt) => rt.reprGuard(L(self), "[...]", () => seqRepr(rt, L(self).items, "[", "]")));
method(listType, "append", (self, args) => {
  exactArgs("list.append", args, null, 1);
  const items = L(self).items;
  if (items.length >= MAX_SEQUENCE_LENGTH) throw memoryError();
  items.push(args[0]);
  return None;
});
method(listType, "extend", (self, args, _k, rt) => {
  exactArgs("list.extend", args, null, 1);
  const items = args[0] === self ? L(self).items.slice() : rt.toArray(args[0]);
  checkSequenceLength(L(self).items.length + items.length);
  for (const v of items) L(self).items.push(v);
  return None;
});
method(listType, "insert", (self, args, _k, rt) => {
  exactArgs("insert", args, null, 2);
  const items = L(self).items;
  let i = rt.asIndex(args[0], `'${typeOf(args[0]).name}' object cannot be interpreted as an integer`);
  if (i < 0) i = Math.max(0, i + items.length);
  if (items.length >= MAX_SEQUENCE_LENGTH) throw memoryError();
  items.splice(Math.min(i, items.length), 0, args[1]);
  return None;
});
method(listType, "pop", (self, args, _k, rt) => {
  rangeArgs("pop", args, null, 0, 1);
  const items = L(self).items;
  if (items.length === 0) throw indexError("pop from empty list");
  if (args.length === 0) return items.pop() as PyValue;
  let i = rt.asIndex(args[0], `'${typeOf(args[0]).name}' object cannot be interpreted as an integer`);
  if (i < 0) i += items.length;
  if (i < 0 || i >= items.length) throw indexError("pop index out of range");
  return items.splice(i, 1)[0];
});
method(listType, "remove", (self, args, _k, rt) => {
  exactArgs("list.remove", args, null, 1);
  const items = L(self).items;
  const i = items.findIndex((v) => v === args[0] || rt.equal(v, args[0]));
  if (i < 0) throw valueError("list.remove(x): x not in list");
  items.splice(i, 1);
  return None;
});
method(listType, "clear", (self) => {
  L(self).items = [];
  return None;
});
method(listType, "copy", (self) => new PyList(L(self).items.slice()));
method(listType, "reverse", (self) => {
  L(self).items.reverse();
  return None;
});
method(listType, "count", (self, args, _k, rt) => {
  exactArgs("count", args, null, 1);
  return L(self).items.filter((v) => v === args[0] || rt.equal(v, args[0])).length;
});
method(listType, "index", (self, args, _k, rt) => seqIndex(rt, L(self).items, args, `${rt.repr(args[0])} is not in list`));
method(listType, "sort", (self, args, kw, rt) => {
  if (args.length > 0) throw typeError("sort() takes no positional arguments");
  const [key, reverse] = parseArgs("sort", [], kw, { names: [], kwonly: ["key", "reverse"] });
  const list = L(self);
  const items = list.items;
  list.items = [];
  try {
    list.items = sortValues(rt, items, key ?? None, reverse !== undefined && rt.truthy(reverse));
  } catch (e) {
    list.items = items;
    throw e;
  }
  return None;
});

function seqIndex(rt: Runtime, items: readonly PyValue[], args: PyValue[], msg: string): number {
  rangeArgs("index", args, null, 1, 3);
  const n = items.length;
  const norm = (v: PyValue | undefined, d: number): number => {
    if (v === undefined) return d;
    let i = rt.asIndex(v, "slice indices must be integers or have an __index__ method");
    if (i < 0) i = Math.max(0, i + n);
    return Math.min(i, n);
  };
  const start = norm(args[1], 0);
  const stop = norm(args[2], n);
  for (let i = start; i < stop; i++) if (items[i] === args[0] || rt.equal(items[i], args[0])) return i;
  throw valueError(msg);
}

// ---- tuple ---------------------------------------------------------------------------------------

tupleType.alloc = (_cls, args, kw, rt) => {
  const [it] = parseArgs("tuple", args, kw, { names: ["iterable"], posonly: 1 });
  if (it === undefined) return rt.tuple([]);
  if (it instanceof PyTuple && it.cls === tupleType) return it;
  return rt.tuple(rt.toArray(it));
};
method(tupleType, "__len__", (self) => T(self).items.length);
method(tupleType, "__getitem__", (self, args, _k, rt) => rt.getitem(self, args[0]));
method(tupleType, "__contains__", (self, args, _k, rt) => rt.contains(self, args[0]));
method(tupleType, "__iter__", (self, _a, _k, rt) => rt.iter(self));
method(tupleType, "__hash__", (self, _a, _k, rt) => pythonHash(rt, self));
method(tupleType, "__add__", (self, args) => {
  const o = args[0];
  if (!(o instanceof PyTuple)) return NotImplemented;
  checkSequenceLength(T(self).items.length + o.items.length);
  return new PyTuple(T(self).items.concat(o.items));
});
method(tupleType, "__mul__", (self, args, _k, rt) => {
  const n = repeatCount(rt, args[0]);
  return n === undefined ? NotImplemented : new PyTuple(repeatItems(rt, T(self).items, n));
});
method(tupleType, "__rmul__", (self, args, _k, rt) => {
  const n = repeatCount(rt, args[0]);
  return n === undefined ? NotImplemented : new PyTuple(repeatItems(rt, T(self).items, n));
});
method(tupleType, "__repr__", (self, _a, _k, rt) =>
  rt.reprGuard(T(self), "(...)", () => (T(self).items.length === 1 ? `(${rt.repr(T(self).items[0])},)` : seqRepr(rt, T(self).items, "(", ")"))),
);
method(tupleType, "count", (self, args, _k, rt) => T(self).items.filter((v) => v === args[0] || rt.equal(v, args[0])).length);
method(tupleType, "index", (self, args, _k, rt) => seqIndex(rt, T(self).items, args, "tuple.index(x): x not in tuple"));

// ---- dict ----------------------------------------------------------------------------------------

/** dict(...) / dict.update(...) argument handling: a mapping or an iterable of pairs, then kwargs. */
export function dictUpdateFrom(rt: Runtime, d: PyDict, fname: string, args: PyValue[], kw: Kwargs | null): void {
  if (args.length > 1) throw typeError(`${fname} expected at most 1 argument, got ${args.length}`);
  if (args.length === 1) {
    const src = args[0];
    if (src instanceof PyDict || typeOf(src).lookup("keys") !== undefined) {
      rt.mergeMapping(d, src, false);
    } else {
      let i = 0;
      for (const pair of rt.iterate(src)) {
        let kv: PyValue[];
        try {
          kv = rt.toArray(pair);
        } catch {
          throw typeError(`cannot convert dictionary update sequence element #${i} to a sequence`);
        }
        if (kv.length !== 2) {
          throw valueError(`dictionary update sequence element #${i} has length ${kv.length}; 2 is required`);
        }
        d.table.set(kv[0], kv[1], rt);
        i++;
      }
    }
  }
  if (kw !== null) for (const [k, v] of kw) d.table.set(k, v, rt);
}

method(dictType, "__init__", (self, args, kw, rt) => {
  dictUpdateFrom(rt, D(self), "dict", args, kw);
  return None;
});
dictType.ns.set("__hash__", None);
method(dictType, "__len__", (self) => D(self).table.size);
method(dictType, "__getitem__", (self, args, _k, rt) => {
  const d = D(self);
  const v = d.table.get(args[0], rt);
  if (v !== undefined) return v;
  if (d.cls !== dictType) {
    const missing = d.cls.lookup("__missing__");
    if (missing !== undefined) return rt.callBound(missing, d, [args[0]]);
  }
  throw keyError(args[0]);
});
method(dictType, "__setitem__", (self, args, _k, rt) => {
  D(self).table.set(args[0], args[1], rt);
  return None;
});
method(dictType, "__delitem__", (self, args, _k, rt) => {
  if (D(self).table.delete(args[0], rt) === undefined) throw keyError(args[0]);
  return None;
});
method(dictType, "__contains__", (self, args, _k, rt) => D(self).table.find(args[0], rt) !== undefined);
method(dictType, "__iter__", (self, _a, _k, rt) => rt.iter(new PyDictView(D(self), "keys")));
method(dictType, "__reversed__", (self) => {
  const keys = D(self).table.keys().reverse();
  let i = 0;
  return new PyIterator(() => (i < keys.length ? keys[i++] : undefined));
});
method(dictType, "__repr__", (self, _a, _k, rt) =>
  rt.reprGuard(D(self), "{...}", () => {
    const parts: string[] = [];
    for (const e of D(self).table.iterate()) parts.push(`${rt.repr(e.k)}: ${rt.repr(e.v)}`);
    return `{${parts.join(", ")}}`;
  }),
);
method(dictType, "__eq__", (self, args, _k, rt) => {
  const o = args[0];
  if (!(o instanceof PyDict)) return NotImplemented;
  const a = D(self);
  if (a.table.size !== o.table.size) return false;
  for (const e of a.table.iterate()) {
    const v = o.table.get(e.k, rt);
    if (v === undefined || !(v === e.v || rt.equal(e.v, v))) return false;
  }
  return true;
});
method(dictType, "__or__", (self, args, _k, rt) => {
  if (!(args[0] instanceof PyDict)) return NotImplemented;
  const d = new PyDict();
  d.table.copyFrom(D(self).table, rt);
  d.table.copyFrom(args[0].table, rt);
  return d;
});
method(dictType, "__ior__", (self, args, _k, rt) => {
  dictUpdateFrom(rt, D(self), "dict.update", [args[0]], null);
  return self;
});
method(dictType, "get", (self, args, _k, rt) => {
  rangeArgs("get", args, null, 1, 2);
  return D(self).table.get(args[0], rt) ?? args[1] ?? None;
});
method(dictType, "setdefault", (self, args, _k, rt) => {
  rangeArgs("setdefault", args, null, 1, 2);
  const d = D(self);
  const v = d.table.get(args[0], rt);
  if (v !== undefined) return v;
  const dflt = args[1] ?? None;
  d.table.set(args[0], dflt, rt);
  return dflt;
});
method(dictType, "pop", (self, args, _k, rt) => {
  rangeArgs("pop", args, null, 1, 2);
  const e = D(self).table.delete(args[0], rt);
  if (e !== undefined) return e.v;
  if (args.length > 1) return args[1];
  throw keyError(args[0]);
});
method(dictType, "popitem", (self, _a, _k, rt) => {
  const d = D(self);
  const e = d.table.last();
  if (e === undefined) throw keyError("popitem(): dictionary is empty");
  d.table.delete(e.k, rt);
  return new PyTuple([e.k, e.v]);
});
method(dictType, "update", (self, args, kw, rt) => {
  dictUpdateFrom(rt, D(self), "update", args, kw);
  return None;
});
method(dictType, "keys", (self) => new PyDictView(D(self), "keys"));
method(dictType, "values", (self) => new PyDictView(D(self), "values"));
method(dictType, "items", (self) => new PyDictView(D(self), "items"));
method(dictType, "copy", (self, _a, _k, rt) => {
  const d = new PyDict();
  d.table.copyFrom(D(self).table, rt);
  return d;
});
method(dictType, "clear", (self) => {
  D(self).table.clear();
  return None;
});
dictType.ns.set(
  "fromkeys",
  new PyClassMethod(
    new PyBuiltin("fromkeys", (args, _kw, rt) => {
      const cls = args[0] as PyType;
      const d = rt.construct(cls, [], null);
      const value = args[2] ?? None;
      for (const k of rt.iterate(args[1])) rt.setitem(d, k, value);
      return d;
    }),
  ),
);

const V = (v: PyValue): PyDictView => v as PyDictView;
for (const type of [dictKeysType, dictValuesType, dictItemsType]) {
  method(type, "__len__", (self) => V(self).owner.table.size);
  method(type, "__iter__", (self, _a, _k, rt) => rt.iter(self));
  method(type, "__repr__", (self, _a, _k, rt) => {
    const items = [...rt.iterate(self)];
    return `${type.name}(${seqRepr(rt, items, "[", "]")})`;
  });
  method(type, "__contains__", (self, args, _k, rt) => {
    const view = V(self);
    if (view.kind === "keys") return view.owner.table.find(args[0], rt) !== undefined;
    for (const v of rt.iterate(self)) if (v === args[0] || rt.equal(v, args[0])) return true;
    return false;
  });
  method(type, "__reversed__", (self, _a, _k, rt) => {
    const items = [...rt.iterate(self)].reverse();
    let i = 0;
    return new PyIterator(() => (i < items.length ? items[i++] : undefined));
  });
}
for (const type of [dictKeysType, dictItemsType]) {
  for (const [name, op] of [["__and__", "&"], ["__or__", "|"], ["__sub__", "-"], ["__xor__", "^"]] as const) {
    method(type, name, (self, args, _k, rt) => setOp(rt, toSet(rt, self), toSet(rt, args[0]), op, setType));
  }
  method(type, "__eq__", (self, args, _k, rt) => {
    if (!(args[0] instanceof PyDictView) && !(args[0] instanceof PySet)) return NotImplemented;
    const a = toSet(rt, self);
    const b = toSet(rt, args[0]);
    return a.table.size === b.table.size && isSubset(rt, a, b);
  });
}

// ---- set / frozenset -----------------------------------------------------------------------------

function toSet(rt: Runtime, v: PyValue): PySet {
  if (v instanceof PySet) return v;
  const s = new PySet();
  for (const x of rt.iterate(v)) s.table.set(x, None, rt);
  return s;
}

function isSubset(rt: Runtime, a: PySet, b: PySet): boolean {
  for (const e of a.table.iterate()) if (b.table.find(e.k, rt) === undefined) return false;
  return true;
}

/** Adds source's keys to target as CPython's set_merge does (layout included). */
function mergeInto(rt: Runtime, target: PySet, source: PySet): void {
  mergeLayout(rt, target, source);
  for (const k of setKeys(rt, source)) target.table.set(k, None, rt);
}

/**
 * a <op> b as CPython's setobject.c computes it, keys visited in its order so that the result's
 * layout follows (set-order.ts): a union copies a and merges b; an intersection walks the smaller
 * set; a difference walks a, or copies a and discards when b is under a quarter of a's size; a
 * symmetric difference copies b, then discards or adds each key of a.
 */
function setOp(rt: Runtime, a: PySet, b: PySet, op: "&" | "|" | "-" | "^", type: PyType): PySet {
  const out = new PySet(type === frozensetType ? frozensetType : setType);
  switch (op) {
    case "|":
      mergeInto(rt, out, a);
      mergeInto(rt, out, b);
      break;
    case "&": {
      const [walked, other] = b.table.size > a.table.size ? [a, b] : [b, a];
      for (const k of setKeys(rt, walked)) if (other.table.find(k, rt) !== undefined) out.table.set(k, None, rt);
      break;
    }
    case "-": {
      const copies = a.table.size >> 2 > b.table.size;
      for (const k of setKeys(rt, a)) if (b.table.find(k, rt) === undefined) out.table.set(k, None, rt);
      if (copies) afterDiscards(rt, out, currentLayout(rt, a), true);
      break;
    }
    case "^":
      for (const e of a.table.iterate()) if (b.table.find(e.k, rt) === undefined) out.table.set(e.k, None, rt);
      for (const e of b.table.iterate()) if (a.table.find(e.k, rt) === undefined) out.table.set(e.k, None, rt);
      symmetricLayout(rt, out, currentLayout(rt, b), modelledOrder(rt, a), true);
      break;
  }
  return out;
}

/**
 * a.union/intersection/difference(iterable) for an iterable that is not a set, as CPython walks it:
 * a copy of a gets its items added (a dict's space reserved first); the intersection adds the
 * items a holds, in the iterable's order; the difference copies a and discards the items.
 */
function withIterable(rt: Runtime, a: PySet, other: PyValue, op: "&" | "|" | "-", type: PyType): PySet {
  const out = new PySet(type === frozensetType ? frozensetType : setType);
  if (op === "&") {
    for (const x of rt.iterate(other)) if (a.table.find(rt.setKey(x), rt) !== undefined) out.table.set(x, None, rt);
    return out;
  }
  if (op === "|") {
    mergeInto(rt, out, a);
    fillSet(out, other, rt);
    return out;
  }
  const removed = toSet(rt, other);
  for (const k of setKeys(rt, a)) if (removed.table.find(k, rt) === undefined) out.table.set(k, None, rt);
  afterDiscards(rt, out, currentLayout(rt, a), true);
  return out;
}

setType.alloc = (cls) => new PySet(cls);

/** A set table entry is at least a hash and a key pointer, as in CPython. */
const SET_ENTRY_BYTES = 16;

/**
 * CPython's set_update_internal: add every item of `src` (a range too large for the memory budget
 * is refused before looping), merging a set's table and growing first for a dict's keys.
 */
function fillSet(s: PySet, src: PyValue, rt: Runtime): void {
  if (src instanceof PyRange) rt.charge(src.length * SET_ENTRY_BYTES);
  if (src instanceof PySet) {
    mergeInto(rt, s, src);
    return;
  }
  if (src instanceof PyDict && src.cls === dictType) reserveLayout(rt, s, src.table.size);
  for (const x of rt.iterate(src)) {
    rt.tick();
    s.table.set(x, None, rt);
  }
}
method(setType, "__init__", (self, args, kw, rt) => {
  if (kw !== null && kw.size > 0) throw typeError("set() takes no keyword arguments");
  rangeArgs("set", args, null, 0, 1);
  S(self).table.clear();
  forgetLayout(S(self));
  if (args.length === 1) fillSet(S(self), args[0], rt);
  return None;
});
frozensetType.alloc = (_cls, args, kw, rt) => {
  if (kw !== null && kw.size > 0) throw typeError("frozenset() takes no keyword arguments");
  rangeArgs("frozenset", args, null, 0, 1);
  if (args[0] instanceof PySet && args[0].frozen) return args[0];
  const s = new PySet(frozensetType);
  if (args.length === 1) fillSet(s, args[0], rt);
  return s;
};
setType.ns.set("__hash__", None);

for (const type of [setType, frozensetType]) {
  method(type, "__len__", (self) => S(self).table.size);
  method(type, "__contains__", (self, args, _k, rt) => S(self).table.find(rt.setKey(args[0]), rt) !== undefined);
  method(type, "__iter__", (self, _a, _k, rt) => rt.iter(self));
  method(type, "__repr__", (self, _a, _k, rt) =>
    rt.reprGuard(S(self), `${typeOf(self).name}(...)`, () => {
      const s = S(self);
      if (s.table.size === 0) return `${typeOf(self).name}()`;
      const body = seqRepr(rt, setKeys(rt, s), "{", "}");
      return s.frozen ? `frozenset(${body})` : body;
    }),
  );
  for (const [name, op] of [["__and__", "&"], ["__or__", "|"], ["__sub__", "-"], ["__xor__", "^"]] as const) {
    method(type, name, (self, args, _k, rt) =>
      args[0] instanceof PySet ? setOp(rt, S(self), args[0], op, typeOf(self)) : NotImplemented,
    );
    method(type, `__r${name.slice(2)}`, (self, args, _k, rt) =>
      args[0] instanceof PySet ? setOp(rt, args[0], S(self), op, typeOf(args[0])) : NotImplemented,
    );
  }
  method(type, "__eq__", (self, args, _k, rt) =>
    args[0] instanceof PySet ? S(self).table.size === args[0].table.size && isSubset(rt, S(self), args[0]) : NotImplemented,
  );
  method(type, "__ne__", (self, args, _k, rt) =>
    args[0] instanceof PySet ? !(S(self).table.size === args[0].table.size && isSubset(rt, S(self), args[0])) : NotImplemented,
  );
  method(type, "__le__", (self, args, _k, rt) => (args[0] instanceof PySet ? isSubset(rt, S(self), args[0]) : NotImplemented));
  method(type, "__ge__", (self, args, _k, rt) => (args[0] instanceof PySet ? isSubset(rt, args[0], S(self)) : NotImplemented));
  method(type, "__lt__", (self, args, _k, rt) =>
    args[0] instanceof PySet ? S(self).table.size < args[0].table.size && isSubset(rt, S(self), args[0]) : NotImplemented,
  );
  method(type, "__gt__", (self, args, _k, rt) =>
    args[0] instanceof PySet ? S(self).table.size > args[0].table.size && isSubset(rt, args[0], S(self)) : NotImplemented,
  );
  const multi = (name: string, op: "&" | "|" | "-"): void => {
    method(type, name, (self, args, _k, rt) => {
      let acc = S(self);
      if (args.length === 0) return setOp(rt, acc, new PySet(), "|", typeOf(self));
      for (const a of args) {
        // set_difference weighs a dict's size like a set's.
        const asSet = a instanceof PySet || (op === "-" && a instanceof PyDict && a.cls === dictType);
        acc = asSet ? setOp(rt, acc, toSet(rt, a), op, typeOf(self)) : withIterable(rt, acc, a, op, typeOf(self));
      }
      return acc;
    });
  };
  multi("union", "|");
  multi("intersection", "&");
  multi("difference", "-");
  method(type, "symmetric_difference", (self, args, _k, rt) => {
    exactArgs("symmetric_difference", args, null, 1);
    return setOp(rt, S(self), toSet(rt, args[0]), "^", typeOf(self));
  });
  method(type, "issubset", (self, args, _k, rt) => isSubset(rt, S(self), toSet(rt, args[0])));
  method(type, "issuperset", (self, args, _k, rt) => isSubset(rt, toSet(rt, args[0]), S(self)));
  method(type, "isdisjoint", (self, args, _k, rt) => setOp(rt, S(self), toSet(rt, args[0]), "&", setType).table.size === 0);
  method(type, "copy", (self, _a, _k, rt) => {
    if (S(self).frozen) return self;
    return setOp(rt, S(self), new PySet(), "|", setType);
  });
}
method(frozensetType, "__hash__", (self, _a, _k, rt) => {
  const s = S(self);
  if (s.hashCache === undefined) s.hashCache = frozensetHash(s.table.keys().map((k) => pythonHash(rt, k)));
  return s.hashCache;
});

// One-key changes keep the set's CPython layout current in place (set-order.ts noteChange).
method(setType, "add", (self, args, _k, rt) => {
  exactArgs("set.add", args, null, 1);
  const s = S(self);
  const version = s.table.version;
  const before = currentLayout(rt, s);
  s.table.set(args[0], None, rt);
  noteChange(rt, s, before, version, addedKey(rt, args[0]));
  return None;
});
/** Removes `key` from s, its slot becoming a dummy; the removed entry, or undefined. */
function discardKey(rt: Runtime, s: PySet, key: PyValue): { k: PyValue } | undefined {
  const version = s.table.version;
  const before = currentLayout(rt, s);
  const removed = s.table.delete(rt.setKey(key), rt);
  if (removed !== undefined) noteChange(rt, s, before, version, discardedKey(rt, removed.k));
  return removed;
}
method(setType, "discard", (self, args, _k, rt) => {
  discardKey(rt, S(self), args[0]);
  return None;
});
method(setType, "remove", (self, args, _k, rt) => {
  if (discardKey(rt, S(self), args[0]) === undefined) throw keyError(args[0]);
  return None;
});
method(setType, "pop", (self, _a, _k, rt) => {
  const s = S(self);
  if (s.table.size === 0) throw keyError("pop from an empty set");
  const version = s.table.version;
  const before = currentLayout(rt, s);
  const key = keyToPop(before) ?? setKeys(rt, s)[0];
  s.table.delete(key, rt);
  noteChange(rt, s, before, version, poppedKey());
  return key;
});
method(setType, "clear", (self) => {
  S(self).table.clear();
  forgetLayout(S(self));
  return None;
});
/**
 * In-place set operators, with CPython's layouts: update merges each set (and grows for a dict)
 * then adds; intersection_update takes the intersection's table; difference_update and
 * symmetric_difference_update discard (and add) in place.
 */
const inplace = (name: string, op: "&" | "|" | "-" | "^", multiArg: boolean): void => {
  method(setType, name, (self, args, _k, rt) => {
    const s = S(self);
    const others = multiArg ? args : [args[0]];
    if (op === "|") {
      for (const o of others) fillSet(s, o, rt);
      return name.startsWith("__") ? self : None;
    }
    const before = op === "-" || op === "^" ? currentLayout(rt, s) : null;
    const walked = op === "^" && others[0] instanceof PySet ? modelledOrder(rt, others[0]) : null;
    let acc = s;
    for (const o of others) acc = setOp(rt, acc, toSet(rt, o), op, setType);
    const items = acc.table.keys();
    s.table.clear();
    forgetLayout(s);
    for (const k of items) s.table.set(k, None, rt);
    if (op === "-") afterDiscards(rt, s, before, false);
    // A non-set operand is made a set first, in its own order (not modelled here).
    if (op === "^") symmetricLayout(rt, s, before, walked, false);
    return name.startsWith("__") ? self : None;
  });
};
inplace("update", "|", true);
inplace("intersection_update", "&", true);
inplace("difference_update", "-", true);
inplace("symmetric_difference_update", "^", false);
inplace("__ior__", "|", false);
inplace("__iand__", "&", false);
inplace("__isub__", "-", false);
inplace("__ixor__", "^", false);

// ---- range ----------------------------------------------------------------------------------------

const R = (v: PyValue): PyRange => v as PyRange;

/** Any range's bounds and length as exact bigints. */
function exactRange(r: PyRange): BigRange {
  return r.big ?? { start: BigInt(r.start), stop: BigInt(r.stop), step: BigInt(r.step), length: BigInt(r.length) };
}

/** An index or slice bound as a bigint (ints, bools, `__index__` objects). */
function bigIndex(rt: Runtime, v: PyValue, msg: string): bigint {
  if (typeof v === "bigint") return v;
  return BigInt(rt.asIndex(v, msg));
}

rangeType.alloc = (_cls, args, kw, rt) => {
  if (kw !== null && kw.size > 0) throw typeError("range() takes no keyword arguments");
  if (args.length === 0) throw typeError("range expected at least 1 argument, got 0");
  if (args.length > 3) throw typeError(`range expected at most 3 arguments, got ${args.length}`);
  const ints = args.map((a) => asInt(a) ?? rt.asIndex(a, `'${typeOf(a).name}' object cannot be interpreted as an integer`));
  if (args.length === 1) return new PyRange(0, ints[0], 1);
  const step = ints[2] ?? 1;
  if (step === 0 || step === 0n) throw valueError("range() arg 3 must not be zero");
  return new PyRange(ints[0], ints[1], step);
};
method(rangeType, "__len__", (self) => rangeLength(R(self)));
method(rangeType, "__bool__", (self) => {
  const r = R(self);
  return r.big === null ? r.length !== 0 : r.big.length !== 0n;
});
method(rangeType, "__iter__", (self, _a, _k, rt) => rt.iter(self));
method(rangeType, "__contains__", (self, args) => rangeContains(R(self), args[0]));
method(rangeType, "__getitem__", (self, args, _k, rt) => {
  const r = R(self);
  const k = args[0];
  if (k instanceof PySlice) {
    if (r.big === null) {
      const [start, stop, step] = rt.sliceIndices(k, r.length);
      return new PyRange(r.start + start * r.step, r.start + stop * r.step, r.step * step);
    }
    return sliceBigRange(rt, r.big, k);
  }
  if (r.big === null) {
    // An int beyond any index is simply out of range for a range (lists say it cannot fit instead).
    if (typeof k === "bigint") throw indexError("range object index out of range");
    return rangeItem(r, rt.index(k, r.length, "range object", "range"));
  }
  let i = bigIndex(rt, k, `range indices must be integers or slices, not ${typeOf(k).name}`);
  if (i < 0n) i += r.big.length;
  if (i < 0n || i >= r.big.length) throw indexError("range object index out of range");
  return rangeItem(r, i);
});

/** CPython's slice of a range, computed on exact bounds. */
function sliceBigRange(rt: Runtime, r: BigRange, k: PySlice): PyRange {
  const msg = "slice indices must be integers or None or have an __index__ method";
  const step = k.step === None ? 1n : bigIndex(rt, k.step, msg);
  if (step === 0n) throw valueError("slice step cannot be zero");
  const [lower, upper] = step < 0n ? [-1n, r.length - 1n] : [0n, r.length];
  const bound = (v: PyValue, dflt: bigint): bigint => {
    if (v === None) return dflt;
    const x = bigIndex(rt, v, msg);
    if (x < 0n) return x + r.length < lower ? lower : x + r.length;
    return x > upper ? upper : x;
  };
  const start = bound(k.start, step < 0n ? upper : lower);
  const stop = bound(k.stop, step < 0n ? lower : upper);
  return new PyRange(N.norm(r.start + start * r.step), N.norm(r.start + stop * r.step), N.norm(r.step * step));
}

method(rangeType, "__reversed__", (self) => {
  const r = R(self);
  if (r.big === null) {
    let i = r.length - 1;
    return new PyIterator(() => (i >= 0 ? r.start + r.step * i-- : undefined), rangeIteratorType);
  }
  const b = r.big;
  let i = b.length - 1n;
  return new PyIterator(() => (i >= 0n ? N.norm(b.start + b.step * i--) : undefined), rangeIteratorType);
});
method(rangeType, "__repr__", (self) => {
  const { start, stop, step } = exactRange(R(self));
  return step === 1n ? `range(${start}, ${stop})` : `range(${start}, ${stop}, ${step})`;
});
method(rangeType, "__eq__", (self, args) => {
  const o = args[0];
  if (!(o instanceof PyRange)) return NotImplemented;
  const a = exactRange(R(self));
  const b = exactRange(o);
  if (a.length !== b.length) return false;
  if (a.length === 0n) return true;
  return a.start === b.start && (a.length === 1n || a.step === b.step);
});
// CPython hashes (len, start, step), with None for what equality ignores.
method(rangeType, "__hash__", (self, _a, _k, rt) => {
  const r = exactRange(R(self));
  const [len, start, step] = [N.norm(r.length), N.norm(r.start), N.norm(r.step)];
  if (r.length === 0n) return rt.hash(new PyTuple([len, None, None]));
  return rt.hash(new PyTuple([len, start, r.length === 1n ? None : step]));
});
method(rangeType, "index", (self, args, _k, rt) => {
  const r = R(self);
  const x = args[0];
  if (!rangeContains(r, x)) throw valueError(`${rt.repr(x)} is not in range`);
  const b = exactRange(r);
  const n = typeof x === "boolean" ? (x ? 1n : 0n) : x instanceof PyFloat ? BigInt(x.v) : BigInt(x as number | bigint);
  return N.norm((n - b.start) / b.step);
});
method(rangeType, "count", (self, args) => (rangeContains(R(self), args[0]) ? 1 : 0));
getter(rangeType, "start", (self) => N.norm(exactRange(R(self)).start));
getter(rangeType, "stop", (self) => N.norm(exactRange(R(self)).stop));
getter(rangeType, "step", (self) => N.norm(exactRange(R(self)).step));

// ---- slice ------------------------------------------------------------------------------------------

sliceType.alloc = (_cls, args, kw) => {
  if (kw !== null && kw.size > 0) throw typeError("slice() takes no keyword arguments");
  rangeArgs("slice", args, null, 1, 3);
  if (args.length === 1) return new PySlice(None, args[0], None);
  return new PySlice(args[0], args[1], args[2] ?? None);
};
const SL = (v: PyValue): PySlice => v as PySlice;
getter(sliceType, "start", (self) => SL(self).start);
getter(sliceType, "stop", (self) => SL(self).stop);
getter(sliceType, "step", (self) => SL(self).step);
method(sliceType, "__repr__", (self, _a, _k, rt) => `slice(${rt.repr(SL(self).start)}, ${rt.repr(SL(self).stop)}, ${rt.repr(SL(self).step)})`);
method(sliceType, "indices", (self, args, _k, rt) => {
  exactArgs("indices", args, null, 1);
  const n = rt.asIndex(args[0], `'${typeOf(args[0]).name}' object cannot be interpreted as an integer`);
  if (n < 0) throw valueError("length should not be negative");
  const [start, stop, step] = rt.sliceIndices(SL(self), n);
  return new PyTuple([start, stop, step]);
});
method(sliceType, "__eq__", (self, args, _k, rt) => {
  const o = args[0];
  if (!(o instanceof PySlice)) return NotImplemented;
  const a = SL(self);
  return rt.equal(a.start, o.start) && rt.equal(a.stop, o.stop) && rt.equal(a.step, o.step);
});
sliceType.ns.set("__hash__", None);

// ---- iterators ------------------------------------------------------------------------------------

method(iteratorType, "__iter__", (self) => self);
method(iteratorType, "__next__", (self, args, kw) => {
  noArgs("__next__", args, kw);
  const v = (self as PyIterator).next();
  if (v === undefined) throw exhausted(self);
  return v;
});

/** The StopIteration ending an iterator: a generator's carries what its body returned. */
export function exhausted(it: PyValue): PyBaseException {
  if (it instanceof PyGenerator && it.returned !== undefined && it.returned !== None) {
    const v = it.returned;
    it.returned = undefined;
    return pyException(StopIteration, v);
  }
  return stopIteration();
}
method(iteratorType, "__repr__", (self, _a, _k, rt) => `<${typeOf(self).name} object at 0x${rt.id(self).toString(16).padStart(12, "0")}>`);
/** A resumed generator's step: its next value, or StopIteration carrying its return value. */
function resume(g: PyGenerator, step: () => IteratorResult<PyValue, PyValue | undefined>): PyValue {
  if (g.done) throw exhausted(g);
  g.started = true;
  let r: IteratorResult<PyValue, PyValue | undefined>;
  try {
    r = step();
  } catch (e) {
    g.done = true;
    throw e;
  }
  if (!r.done) return r.value;
  g.done = true;
  g.returned = r.value;
  throw exhausted(g);
}

function asGenerator(self: PyValue): PyGenerator {
  if (!(self instanceof PyGenerator)) throw typeError(`descriptor requires a 'generator' object but received '${typeOf(self).name}'`);
  return self;
}

method(generatorType, "send", (self, args) => {
  const g = asGenerator(self);
  const v = args[0] ?? None;
  if (!g.started && v !== None) throw typeError("can't send non-None value to a just-started generator");
  return resume(g, () => g.it.next(v));
});
method(generatorType, "throw", (self, args, _k, rt) => {
  const g = asGenerator(self);
  const t = args[0];
  const exc = t instanceof PyType ? rt.call(t, args[1] === undefined || args[1] === None ? [] : [args[1]], null) : t;
  if (!(exc instanceof PyBaseException)) throw typeError("exceptions must be classes or instances deriving from BaseException, not " + typeOf(exc).name);
  if (!g.started || g.done) {
    g.done = true;
    throw exc;
  }
  return resume(g, () => {
    const thrower = g.it.throw;
    if (thrower === undefined) throw exc;
    return thrower.call(g.it, exc);
  });
});
method(generatorType, "close", (self) => {
  const g = asGenerator(self);
  // A body that never started has no paused yield to raise GeneratorExit at.
  if (!g.started || g.done) {
    g.done = true;
    return None;
  }
  const exit = pyException(GeneratorExit);
  let r: IteratorResult<PyValue, PyValue | undefined>;
  try {
    const thrower = g.it.throw;
    if (thrower === undefined) r = g.it.return?.(None) ?? { done: true, value: undefined };
    else r = thrower.call(g.it, exit);
  } catch (e) {
    g.done = true;
    if (e instanceof PyBaseException && e.cls.isSubtypeOf(GeneratorExit)) return None;
    throw e;
  }
  if (!r.done) {
    // CPython leaves the generator suspended at the new yield (a later close() raises again).
    throw runtimeError("generator ignored GeneratorExit");
  }
  g.done = true;
  return None;
});
method(generatorType, "__repr__", (self, _a, _k, rt) => {
  const name = self instanceof PyGenerator ? self.qualname : "<genexpr>";
  return `<generator object ${name} at 0x${rt.id(self).toString(16).padStart(12, "0")}>`;
});

arities(listType, { index: [1, 3], count: [1, 1], remove: [1, 1], append: [1, 1], extend: [1, 1], insert: [2, 2], pop: [0, 1], copy: [0, 0], clear: [0, 0], reverse: [0, 0] });
arities(tupleType, { index: [1, 3], count: [1, 1] });
arities(dictType, { get: [1, 2], setdefault: [1, 2], pop: [1, 2], popitem: [0, 0], keys: [0, 0], values: [0, 0], items: [0, 0], copy: [0, 0], clear: [0, 0] });
for (const t of [setType, frozensetType]) {
  arities(t, { symmetric_difference: [1, 1], issubset: [1, 1], issuperset: [1, 1], isdisjoint: [1, 1], copy: [0, 0] });
}
arities(setType, { add: [1, 1], discard: [1, 1], remove: [1, 1], pop: [0, 0], clear: [0, 0], symmetric_difference_update: [1, 1] });
arities(rangeType, { index: [1, 1], count: [1, 1] });
arities(sliceType, { indices: [1, 1] });
