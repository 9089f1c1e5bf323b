/*
 * An object's attribute storage. Instances keep a Map of str -> value, the cheapest thing to
 * allocate and probe; the first `obj.__dict__` converts it, in place, to the HashTable that the
 * returned dict shares, so writes through either side are seen by the other (CPython's
 * `self.__dict__.update(kwargs)`). Non-str keys, which only `__dict__` can insert, also need the
 * HashTable form.
 */

import { HashTable, type KeyOps } from "./hashtable";
import type { PyValue } from "./objects";

export type AttrStore = Map<string, PyValue> | HashTable;

export function attrGet(s: AttrStore, name: string): PyValue | undefined {
  return s instanceof Map ? s.get(name) : s.getStr(name);
}

export function attrHas(s: AttrStore, name: string): boolean {
  return s instanceof Map ? s.has(name) : s.hasStr(name);
}

export function attrSet(s: AttrStore, name: string, v: PyValue): void {
  if (s instanceof Map) s.set(name, v);
  else s.setStr(name, v);
}

export function attrDelete(s: AttrStore, name: string): boolean {
  return s instanceof Map ? s.delete(name) : s.deleteStr(name);
}

/** The str keys, in insertion order. */
export function attrNames(s: AttrStore): string[] {
  if (s instanceof Map) return [...s.keys()];
  const names: string[] = [];
  for (const k of s.keys()) if (typeof k === "string") names.push(k);
  return names;
}

/** Every key and value, in insertion order (keys other than str only in the HashTable form). */
export function attrEntries(s: AttrStore): [PyValue, PyValue][] {
  if (s instanceof Map) return [...s];
  const out: [PyValue, PyValue][] = [];
  for (const e of s.iterate()) out.push([e.k, e.v]);
  return out;
}

/** The HashTable form of an object's attributes, converting the Map form in place. */
export function attrTable(obj: { dict: AttrStore | null }): HashTable | null {
  const s = obj.dict;
  if (s === null || s instanceof HashTable) return s;
  const table = new HashTable();
  for (const [k, v] of s) table.setStr(k, v);
  obj.dict = table;
  return table;
}

/** Copies `src`'s entries into `dst`'s attributes, each value through `map`. */
export function attrCopy(dst: { dict: AttrStore | null }, src: AttrStore, map: (v: PyValue) => PyValue, ops: KeyOps): void {
  for (const [k, v] of attrEntries(src)) {
    if (typeof k === "string" && dst.dict !== null) attrSet(dst.dict, k, map(v));
    else attrTable(dst)?.set(k, map(v), ops);
  }
}
