/*
 * The insertion-ordered hash table behind dict, set and frozenset.
 *
 * Python-equal keys must collide: 1 == 1.0 == True, so numeric keys are normalised to one JS
 * primitive (`number`, or `bigint` past 2**53) and strings stay strings; both go into one JS Map
 * (which compares them by value). Objects with identity equality (None, functions, plain
 * instances) key by the object itself. Only keys with structural equality (tuples, frozensets,
 * user classes defining __eq__/__hash__) take the slow path: a Python hash and `==` within a bucket.
 * Such a key can still equal a primitive one (numpy's int64(12) == 12 with equal hashes), so each
 * path falls back to the other: a structural key also tries the primitive entry its hash names, and
 * a primitive key also tries the bucket of its hash while any structural keys exist.
 * Order is kept in a compact entries array with tombstones, like CPython's compact dict.
 */

import type { PyValue } from "./objects";

export interface Entry {
  k: PyValue;
  v: PyValue;
  /** Position in `entries`. */
  i: number;
}

/** Marker returned by `primitiveKey` for keys that need the Python hash / == slow path. */
export const STRUCTURAL: unique symbol = Symbol("structural");

export type KeyClass = string | number | bigint | object | typeof STRUCTURAL;

export interface KeyOps {
  /** Normalised identity key, STRUCTURAL, or throws TypeError for unhashable keys. */
  primitiveKey(k: PyValue): KeyClass;
  hash(k: PyValue): number | bigint;
  /** For objects with __float__: the primitive key of that float, else undefined. */
  floatKey(k: PyValue): number | undefined;
  equal(a: PyValue, b: PyValue): boolean;
}

export class HashTable {
  private prim = new Map<unknown, Entry>();
  private buckets: Map<number | bigint, Entry[]> | null = null;
  entries: (Entry | undefined)[] = [];
  size = 0;
  /** Bumped on every insertion/removal so iterators can detect changes during iteration. */
  version = 0;
  /** Whether a key was ever removed (since the last clear). */
  deleted = false;

  private findStruct(k: PyValue, h: number | bigint, ops: KeyOps): Entry | undefined {
    const b = this.buckets?.get(h);
    if (b === undefined) return undefined;
    for (const e of b) if (e.k === k || ops.equal(e.k, k)) return e;
    return undefined;
  }

  /** A primitive-keyed entry equal to structural key `k` (whose hash is `h`). */
  private primEqual(k: PyValue, h: number | bigint, ops: KeyOps): Entry | undefined {
    const e = this.prim.get(h);
    if (e !== undefined && ops.equal(e.k, k)) return e;
    // A float-like object (numpy.float64(1.5)) equals the float key stored by value.
    const f = ops.floatKey(k);
    const g = f === undefined ? undefined : this.prim.get(f);
    return g !== undefined && ops.equal(g.k, k) ? g : undefined;
  }

  /** A structural entry equal to primitive key `k`. */
  private structEqual(k: PyValue, ops: KeyOps): Entry | undefined {
    return this.buckets === null ? undefined : this.findStruct(k, ops.hash(k), ops);
  }

  find(k: PyValue, ops: KeyOps): Entry | undefined {
    const pk = ops.primitiveKey(k);
    if (pk !== STRUCTURAL) return this.prim.get(pk) ?? this.structEqual(k, ops);
    const h = ops.hash(k);
    return (this.buckets === null ? undefined : this.findStruct(k, h, ops)) ?? this.primEqual(k, h, ops);
  }

  get(k: PyValue, ops: KeyOps): PyValue | undefined {
    return this.find(k, ops)?.v;
  }

  set(k: PyValue, v: PyValue, ops: KeyOps): void {
    const pk = ops.primitiveKey(k);
    if (pk !== STRUCTURAL) {
      const e = this.prim.get(pk) ?? this.structEqual(k, ops);
      if (e !== undefined) {
        e.v = v;
        return;
      }
      const ne: Entry = { k, v, i: this.entries.length };
      this.prim.set(pk, ne);
      this.push(ne);
      return;
    }
    const h = ops.hash(k);
    const e = this.findStruct(k, h, ops) ?? this.primEqual(k, h, ops);
    if (e !== undefined) {
      e.v = v;
      return;
    }
    const ne: Entry = { k, v, i: this.entries.length };
    if (this.buckets === null) this.buckets = new Map();
    const b = this.buckets.get(h);
    if (b === undefined) this.buckets.set(h, [ne]);
    else b.push(ne);
    this.push(ne);
  }

  private push(e: Entry): void {
    this.entries.push(e);
    this.size++;
    this.version++;
  }

  // String keys need no KeyOps (a str is its own primitive key): the instance-attribute paths.
  // A structural key equal to a str (a user class hashing like one) is not found by them.

  getStr(name: string): PyValue | undefined {
    return this.prim.get(name)?.v;
  }

  hasStr(name: string): boolean {
    return this.prim.has(name);
  }

  setStr(name: string, v: PyValue): void {
    const e = this.prim.get(name);
    if (e !== undefined) {
      e.v = v;
      return;
    }
    const ne: Entry = { k: name, v, i: this.entries.length };
    this.prim.set(name, ne);
    this.push(ne);
  }

  deleteStr(name: string): boolean {
    const e = this.prim.get(name);
    if (e === undefined) return false;
    this.prim.delete(name);
    this.removed(e);
    return true;
  }

  delete(k: PyValue, ops: KeyOps): Entry | undefined {
    const e = this.find(k, ops);
    if (e === undefined) return undefined;
    const pk = ops.primitiveKey(e.k);
    if (pk !== STRUCTURAL) {
      this.prim.delete(pk);
    } else {
      const h = ops.hash(e.k);
      const b = this.buckets?.get(h);
      if (b !== undefined) {
        b.splice(b.indexOf(e), 1);
        if (b.length === 0) this.buckets?.delete(h);
      }
    }
    this.removed(e);
    return e;
  }

  /** Drops a removed entry from the order, compacting when half the slots are tombstones. */
  private removed(e: Entry): void {
    this.entries[e.i] = undefined;
    this.deleted = true;
    this.size--;
    this.version++;
    if (this.entries.length > 16 && this.size * 2 < this.entries.length) this.compact();
  }

  private compact(): void {
    const live: Entry[] = [];
    for (const e of this.entries) {
      if (e !== undefined) {
        e.i = live.length;
        live.push(e);
      }
    }
    this.entries = live;
  }

  clear(): void {
    this.prim.clear();
    this.buckets = null;
    this.entries = [];
    this.size = 0;
    this.deleted = false;
    this.version++;
  }

  /** Last inserted entry (dict.popitem). */
  last(): Entry | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i];
      if (e !== undefined) return e;
    }
    return undefined;
  }

  *iterate(): IterableIterator<Entry> {
    const ents = this.entries;
    for (let i = 0; i < ents.length; i++) {
      const e = ents[i];
      if (e !== undefined) yield e;
    }
  }

  copyFrom(other: HashTable, ops: KeyOps): void {
    for (const e of other.iterate()) this.set(e.k, e.v, ops);
  }

  /** Keys in order, for callers that must not observe mutation. */
  keys(): PyValue[] {
    const out: PyValue[] = [];
    for (const e of this.entries) if (e !== undefined) out.push(e.k);
    return out;
  }
}
