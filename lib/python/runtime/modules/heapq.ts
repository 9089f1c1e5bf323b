/*
 * heapq and bisect: CPython's exact algorithms (the sift order decides what a printed heap list
 * looks like), comparing with Python's `<` (so strings order by code point).
 */

import { parseArgs } from "../binding";
import { nativeFunction } from "../define";
import * as E from "../errors";
import { None, PyList, type PyValue } from "../objects";
import type { NativeModuleDef, Runtime } from "../runtime";
import { sortValues } from "../types/containers";

function heapArg(v: PyValue): PyValue[] {
  if (!(v instanceof PyList)) throw E.typeError(`heap argument must be a list`);
  return v.items;
}

function siftdown(rt: Runtime, heap: PyValue[], start: number, pos0: number): void {
  let pos = pos0;
  const item = heap[pos];
  while (pos > start) {
    const parentPos = (pos - 1) >> 1;
    const parent = heap[parentPos];
    if (!rt.lessThan(item, parent)) break;
    heap[pos] = parent;
    pos = parentPos;
  }
  heap[pos] = item;
}

function siftup(rt: Runtime, heap: PyValue[], pos0: number): void {
  const end = heap.length;
  const start = pos0;
  let pos = pos0;
  const item = heap[pos];
  let child = 2 * pos + 1;
  while (child < end) {
    const right = child + 1;
    if (right < end && !rt.lessThan(heap[child], heap[right])) child = right;
    heap[pos] = heap[child];
    pos = child;
    child = 2 * pos + 1;
  }
  heap[pos] = item;
  siftdown(rt, heap, start, pos);
}

function topN(rt: Runtime, name: string, args: PyValue[], kw: Map<string, PyValue> | null, reverse: boolean): PyValue {
  const [n, iterable, key] = parseArgs(name, args, kw, { names: ["n", "iterable", "key"], required: 2 });
  const count = rt.asIndex(n as PyValue, "an integer is required");
  const items = rt.toArray(iterable as PyValue);
  if (count <= 0) return new PyList([]);
  return new PyList(sortValues(rt, items, key ?? None, reverse).slice(0, count));
}

export const heapqModule: NativeModuleDef = {
  name: "heapq",
  init(mod, rt) {
    mod.set("heappush", nativeFunction("heappush", (args) => {
      const heap = heapArg(args[0]);
      heap.push(args[1]);
      siftdown(rt, heap, 0, heap.length - 1);
      return None;
    }));
    mod.set("heappop", nativeFunction("heappop", (args) => {
      const heap = heapArg(args[0]);
      const last = heap.pop();
      if (last === undefined) throw E.indexError("index out of range");
      if (heap.length === 0) return last;
      const top = heap[0];
      heap[0] = last;
      siftup(rt, heap, 0);
      return top;
    }));
    mod.set("heapify", nativeFunction("heapify", (args) => {
      const heap = heapArg(args[0]);
      for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftup(rt, heap, i);
      return None;
    }));
    mod.set("heapreplace", nativeFunction("heapreplace", (args) => {
      const heap = heapArg(args[0]);
      if (heap.length === 0) throw E.indexError("index out of range");
      const top = heap[0];
      heap[0] = args[1];
      siftup(rt, heap, 0);
      return top;
    }));
    mod.set("heappushpop", nativeFunction("heappushpop", (args) => {
      const heap = heapArg(args[0]);
      let item = args[1];
      if (heap.length > 0 && rt.lessThan(heap[0], item)) {
        [item, heap[0]] = [heap[0], item];
        siftup(rt, heap, 0);
      }
      return item;
    }));
    // Documented as equivalent to sorted(iterable, key=key[, reverse=True])[:n], ties included.
    mod.set("nlargest", nativeFunction("nlargest", (args, kw) => topN(rt, "nlargest", args, kw, true)));
    mod.set("nsmallest", nativeFunction("nsmallest", (args, kw) => topN(rt, "nsmallest", args, kw, false)));
  },
};

function bisectBounds(rt: Runtime, name: string, args: PyValue[], kw: Map<string, PyValue> | null): { a: PyValue; x: PyValue; lo: number; hi: number; key: PyValue } {
  const [a, x, loArg, hiArg, key] = parseArgs(name, args, kw, { names: ["a", "x", "lo", "hi"], kwonly: ["key"], required: 2 });
  const lo = loArg === undefined ? 0 : rt.asIndex(loArg, "an integer is required");
  if (lo < 0) throw E.valueError("lo must be non-negative");
  const hi = hiArg === undefined || hiArg === None ? rt.len(a as PyValue) : rt.asIndex(hiArg, "an integer is required");
  return { a: a as PyValue, x: x as PyValue, lo, hi, key: key ?? None };
}

function bisect(rt: Runtime, a: PyValue, x: PyValue, lo0: number, hi0: number, key: PyValue, right: boolean): number {
  let lo = lo0;
  let hi = hi0;
  const at = (i: number): PyValue => {
    const v = a instanceof PyList ? a.items[i] : rt.getitem(a, i);
    return key === None ? v : rt.call1(key, v);
  };
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (right ? rt.lessThan(x, at(mid)) : !rt.lessThan(at(mid), x)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export const bisectModule: NativeModuleDef = {
  name: "bisect",
  init(mod, rt) {
    for (const [name, right] of [["bisect_left", false], ["bisect_right", true], ["bisect", true]] as const) {
      mod.set(name, nativeFunction(name, (args, kw) => {
        const b = bisectBounds(rt, name, args, kw);
        return bisect(rt, b.a, b.x, b.lo, b.hi, b.key, right);
      }));
    }
    for (const [name, right] of [["insort_left", false], ["insort_right", true], ["insort", true]] as const) {
      mod.set(name, nativeFunction(name, (args, kw) => {
        const b = bisectBounds(rt, name, args, kw);
        const pos = bisect(rt, b.a, b.key === None ? b.x : rt.call1(b.key, b.x), b.lo, b.hi, b.key, right);
        if (b.a instanceof PyList) b.a.items.splice(pos, 0, b.x);
        else rt.callMethodN(b.a, "insert", [pos, b.x]);
        return None;
      }));
    }
  },
};
