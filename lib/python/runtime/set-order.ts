/*
 * CPython's iteration order for sets of numbers and tuples of numbers.
 *
 * CPython iterates a set in hash-table slot order, and numbers hash to themselves, so
 * `print({3, 1, 2})` shows `{1, 2, 3}`. Programs print such sets, so Kernel Lab models CPython's
 * table (setobject.c: 8 initial slots, 10-slot linear probes then perturbed probing, growth to
 * 4x the used count when 3/5 filled, dummies where keys were discarded): a set's layout is
 * replayed from its insertion sequence, starting from a seed table where an operation laid keys
 * out otherwise (copies and merges, set algebra, a display of constants, discards), and one-key
 * changes (add, discard, remove, pop) update the cached layout in place. Sets holding only
 * numbers (numpy's scalars included) and tuples of them are modelled; others iterate in
 * insertion order (CPython's order for str keys is randomised per process anyway).
 */

import { PyFloat, PySet, PyTuple, type PyType, type PyValue } from "./objects";
import type { HashTable } from "./hashtable";
import { frozensetHash, tupleHash } from "./tuple-hash";
import type { Runtime } from "./runtime";

const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5n;
const MIN_SIZE = 8;
const U64 = (1n << 64n) - 1n;

interface Slot {
  key: PyValue;
  hash: number | bigint;
}

function insertClean(table: (Slot | null)[], mask: number, slot: Slot): void {
  // The first slot from the hash's low bits as a number; BigInts only once probing needs perturb.
  const h = slot.hash;
  let i = (typeof h === "number" ? h : Number(BigInt.asIntN(32, h))) & mask;
  if (table[i] === null) {
    table[i] = slot;
    return;
  }
  let perturb = BigInt(h) & U64;
  for (;;) {
    if (table[i] === null) {
      table[i] = slot;
      return;
    }
    if (i + LINEAR_PROBES <= mask) {
      for (let j = 1; j <= LINEAR_PROBES; j++) {
        if (table[i + j] === null) {
          table[i + j] = slot;
          return;
        }
      }
    }
    perturb >>= PERTURB_SHIFT;
    i = Number((BigInt(i) * 5n + 1n + perturb) & BigInt(mask));
  }
}

/** Types outside this module whose instances hash as the numbers they hold (numpy's scalars). */
const numericHashTypes = new Set<PyType>();

/** Registers a type whose instances hash as numbers, so sets of them iterate in CPython's order. */
export function registerNumericHashType(t: PyType): void {
  numericHashTypes.add(t);
}

/**
 * CPython's hash of v when it is the same on every run: numbers (and types registered as hashing
 * like them), and tuples and frozensets of such values. Else null (str hashes are salted per process, default
 * object hashes are addresses).
 */
function reproducibleHash(rt: Runtime, v: PyValue): number | bigint | null {
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean" || v instanceof PyFloat) return rt.hash(v);
  if (v instanceof PyTuple) {
    const items = reproducibleHashes(rt, v.items);
    return items === null ? null : tupleHash(items);
  }
  if (v instanceof PySet && v.frozen) {
    const items = reproducibleHashes(rt, v.table.keys());
    return items === null ? null : frozensetHash(items);
  }
  return typeof v === "object" && numericHashTypes.has(v.cls) ? rt.hash(v) : null;
}

function reproducibleHashes(rt: Runtime, values: readonly PyValue[]): (number | bigint)[] | null {
  const hashes: (number | bigint)[] = [];
  for (const x of values) {
    const h = reproducibleHash(rt, x);
    if (h === null) return null;
    hashes.push(h);
  }
  return hashes;
}

/** Each table's replayed layout and order, for the table version they were computed at (replaying costs a hash per key). */
const replays = new WeakMap<HashTable, Replay>();
interface Replay {
  version: number;
  layout: Table | null;
  /** Computed when first asked for (undefined until then). */
  order?: readonly PyValue[] | null;
}
/**
 * A set whose first keys were laid out by an operation other than adding them one by one (a copy,
 * a merge, discards): the table they made, and how many keys it holds. Later keys are added to it.
 */
const seeds = new WeakMap<PySet, { table: Table; keys: number }>();
/** Gives a set its seed; a cached replay of its table is stale even when no key changed (a merge that only grew it). */
function setSeed(s: PySet, seed: { table: Table; keys: number }): void {
  seeds.set(s, seed);
  replays.delete(s.table);
}

/** Sets whose layout came from a set whose layout is not modelled. */
const unmodelled = new WeakSet<PySet>();

function markUnmodelled(s: PySet): void {
  unmodelled.add(s);
  replays.delete(s.table);
}

/** The set's keys in CPython's iteration order, or null when that order is not modelled. */
export function cpythonSetOrder(rt: Runtime, s: PySet): readonly PyValue[] | null {
  const r = replayed(rt, s);
  if (r.order === undefined) r.order = r.layout === null || s.table.size < 2 ? null : r.layout.table.filter(isActive).map((e) => e.key);
  return r.order;
}

function replayed(rt: Runtime, s: PySet): Replay {
  const cached = replays.get(s.table);
  if (cached !== undefined && cached.version === s.table.version) return cached;
  const entry: Replay = { version: s.table.version, layout: replay(rt, s) };
  replays.set(s.table, entry);
  return entry;
}

/**
 * One key added to or discarded from a set (set.add, discard, remove, pop), applied to its cached
 * layout in place rather than replaying the set: `versionBefore` is the table's version before the
 * change, `layoutBefore` its layout then (currentLayout).
 */
export function noteChange(rt: Runtime, s: PySet, layoutBefore: Table | null, versionBefore: number, change: (t: Table) => boolean): void {
  if (s.table.version === versionBefore) return;
  // A key whose hash differs from run to run (a str) ends the modelling until the set is cleared.
  if (layoutBefore === null || !change(layoutBefore)) {
    markUnmodelled(s);
    return;
  }
  // Hot in loops of adds: update the seed and cache entries in place when they already hold this table.
  const seed = seeds.get(s);
  if (seed !== undefined && seed.table === layoutBefore) seed.keys = s.table.size;
  else seeds.set(s, { table: layoutBefore, keys: s.table.size });
  const cached = replays.get(s.table);
  if (cached !== undefined && cached.layout === layoutBefore) {
    cached.version = s.table.version;
    cached.order = undefined;
  } else replays.set(s.table, { version: s.table.version, layout: layoutBefore });
}

/** noteChange's change for set.add of a key that was not there. */
export function addedKey(rt: Runtime, key: PyValue): (t: Table) => boolean {
  return (t) => {
    const hash = reproducibleHash(rt, key);
    if (hash !== null) add(t, { key, hash });
    return hash !== null;
  };
}

/** noteChange's change for discarding a key that was there. */
export function discardedKey(rt: Runtime, key: PyValue): (t: Table) => boolean {
  return (t) => {
    const hash = reproducibleHash(rt, key);
    if (hash !== null) discard(rt, t, key, hash);
    return hash !== null;
  };
}

/**
 * set.pop's key under CPython's rule: the first key at or after the table's finger (where the last
 * pop stopped), or undefined when the layout is not modelled.
 */
export function keyToPop(layout: Table | null): PyValue | undefined {
  return layout === null || layout.used === 0 ? undefined : (layout.table[slotToPop(layout)] as Slot).key;
}

/** The first used slot at or after the finger (the table has one). */
function slotToPop(t: Table): number {
  let i = t.finger & t.mask;
  while (!isActive(t.table[i])) i = (i + 1) & t.mask;
  return i;
}

/** noteChange's change for set.pop: the popped slot becomes a dummy and the finger moves past it. */
export function poppedKey(): (t: Table) => boolean {
  return (t) => {
    const i = slotToPop(t);
    t.table[i] = DUMMY;
    t.used--;
    t.finger = i + 1;
    return true;
  };
}

function replay(rt: Runtime, s: PySet): Table | null {
  if (unmodelled.has(s)) return null;
  const seed = seeds.get(s);
  // Keys removed other than through noteChange leave dummies this cannot place.
  if (s.table.deleted && seed === undefined) return null;
  const keys = s.table.keys();
  const hashes = reproducibleHashes(rt, keys);
  if (hashes === null) return null;
  const slots = keys.map((key, k): Slot => ({ key, hash: hashes[k] }));
  if (seed !== undefined && seed.keys <= slots.length) {
    const t = cloneTable(seed.table);
    for (const slot of slots.slice(seed.keys)) add(t, slot);
    return t;
  }
  const n = s.fromConstants;
  const t = n > 2 ? copiedFrozenset(slots.slice(0, n)) : emptyTable();
  for (const slot of n > 2 ? slots.slice(n) : slots) add(t, slot);
  return t;
}

/** Forgets how a set was laid out (it was cleared or rebuilt: its keys are added anew). */
export function forgetLayout(s: PySet): void {
  seeds.delete(s);
  unmodelled.delete(s);
}

/**
 * set_merge(target, source), before source's keys are added to target in source's iteration
 * order: an empty target of the source's size copies its table slot for slot, else gets its keys
 * re-inserted in that order; a non-empty one first grows for both (reserveLayout).
 */
export function mergeLayout(rt: Runtime, target: PySet, source: PySet): void {
  if (source.table.size === 0) return;
  const from = replayed(rt, source).layout;
  if (from === null) {
    markUnmodelled(target);
    return;
  }
  if (target.table.size > 0) reserveLayout(rt, target, source.table.size);
  else setSeed(target, { table: copied(from), keys: from.used });
}

/** set_merge into an empty set: sized for twice the keys once they fill 3/5 of 8 slots; the same table when sizes agree and it has no dummies. */
function copied(from: Table): Table {
  const n = from.used;
  let size = MIN_SIZE;
  if (n * 5 >= (MIN_SIZE - 1) * 3) while (size <= n * 2) size <<= 1;
  if (size - 1 === from.mask && from.fill === from.used) return { ...cloneTable(from), finger: 0 };
  return tableOf(size, from.table.filter(isActive));
}

/**
 * The layout a set has now (replayed if its cache is stale), to pass to noteChange or afterDiscards
 * once keys are added or removed; a set never filled has the empty table.
 */
export function currentLayout(rt: Runtime, s: PySet): Table | null {
  return s.table.size === 0 && !unmodelled.has(s) && seeds.get(s) === undefined ? emptyTable() : replayed(rt, s).layout;
}

/**
 * `target` now holds some of the keys laid out in `before` (s -= t discarding in place, or s - t
 * as a copy of s that then discards, `copy` set): the others' slots hold dummies, unless there are
 * enough of them for the table to be rebuilt.
 */
export function afterDiscards(rt: Runtime, target: PySet, before: Table | null, copy: boolean): void {
  if (before === null) {
    markUnmodelled(target);
    return;
  }
  const t = copy ? copied(before) : cloneTable(before);
  for (let i = 0; i < t.table.length; i++) {
    const e = t.table[i];
    if (isActive(e) && target.table.find(e.key, rt) === undefined) {
      t.table[i] = DUMMY;
      t.used--;
    }
  }
  // set_difference_update_internal resizes the dummies away once they are over a quarter of the table.
  if (t.fill - t.used > Math.floor(t.mask / 4)) resize(t, t.used > 50000 ? t.used * 2 : t.used * 4);
  setSeed(target, { table: t, keys: target.table.size });
}

/** The set's keys in CPython's order, or null when not modelled (a set of 0 or 1 keys has only one). */
export function modelledOrder(rt: Runtime, s: PySet): readonly PyValue[] | null {
  return s.table.size < 2 && !s.table.deleted && !unmodelled.has(s) ? s.table.keys() : cpythonSetOrder(rt, s);
}

/**
 * Symmetric difference, once `target` holds the result's keys: starting from `base` (a ^ b: b's
 * table copied into a new set, `copy`; a ^= b: a's own), each key of the other set, in its order,
 * is discarded when there and added when not (set_symmetric_difference_update).
 */
export function symmetricLayout(rt: Runtime, target: PySet, base: Table | null, walked: readonly PyValue[] | null, copy: boolean): void {
  if (base === null || walked === null) {
    markUnmodelled(target);
    return;
  }
  const t = copy ? copied(base) : cloneTable(base);
  for (const key of walked) {
    const hash = reproducibleHash(rt, key);
    if (hash === null) {
      markUnmodelled(target);
      return;
    }
    if (!discard(rt, t, key, hash)) add(t, { key, hash });
  }
  setSeed(target, { table: t, keys: target.table.size });
}

/** set_update_internal's growth before `incoming` keys arrive from a set or dict: to twice the total once 3/5 full. */
export function reserveLayout(rt: Runtime, target: PySet, incoming: number): void {
  const current = currentLayout(rt, target);
  if (current === null) {
    markUnmodelled(target);
    return;
  }
  const t = cloneTable(current);
  if ((t.fill + incoming) * 5 >= t.mask * 3) resize(t, (t.used + incoming) * 2);
  setSeed(target, { table: t, keys: target.table.size });
}

/** A CPython set table: `fill` counts used slots and the dummies discarded keys leave. */
export interface Table {
  mask: number;
  table: (Slot | null)[];
  used: number;
  fill: number;
  /** Where set.pop looks first. */
  finger: number;
}

/** What a discarded key leaves in its slot: probes pass it, an insertion may take it. */
const DUMMY: Slot = { key: null as unknown as PyValue, hash: -1 };
const isActive = (e: Slot | null): e is Slot => e !== null && e !== DUMMY;

function emptyTable(): Table {
  return tableOf(MIN_SIZE, []);
}

/** A fresh table of `size` slots holding `slots` inserted in order (set_table_resize, set_merge into an empty set). */
function tableOf(size: number, slots: readonly Slot[]): Table {
  const t: Table = { mask: size - 1, table: new Array<Slot | null>(size).fill(null), used: slots.length, fill: slots.length, finger: 0 };
  for (const e of slots) insertClean(t.table, t.mask, e);
  return t;
}

function cloneTable(t: Table): Table {
  return { mask: t.mask, table: t.table.slice(), used: t.used, fill: t.fill, finger: t.finger };
}

/** The probe sequence of `hash` (set_add_entry, set_lookkey): calls `visit` with each index until it returns true. */
function probe(mask: number, hash: number | bigint, visit: (i: number) => boolean): void {
  let i = (typeof hash === "number" ? hash : Number(BigInt.asIntN(32, hash))) & mask;
  let perturb = BigInt(hash) & U64;
  for (;;) {
    const probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
    for (let j = 0; j <= probes; j++) if (visit(i + j)) return;
    perturb >>= PERTURB_SHIFT;
    i = Number((BigInt(i) * 5n + 1n + perturb) & BigInt(mask));
  }
}

/**
 * set_add_entry for a key not in the table: CPython 3.11 takes the last dummy its probe passed
 * before the free slot that ends the search (as observed against CPython), else that free slot;
 * grow to 4x the used count (2x past 50000) once 3/5 filled.
 */
function add(t: Table, slot: Slot): void {
  let reused = false;
  if (t.fill === t.used) insertClean(t.table, t.mask, slot);
  else {
    let dummy = -1;
    probe(t.mask, slot.hash, (i) => {
      const e = t.table[i];
      if (e === DUMMY) dummy = i;
      if (e !== null) return false;
      reused = dummy >= 0;
      t.table[reused ? dummy : i] = slot;
      return true;
    });
  }
  t.used++;
  if (reused) return;
  t.fill++;
  if (t.fill * 5 < t.mask * 3) return;
  resize(t, t.used > 50000 ? t.used * 2 : t.used * 4);
}

/** set_table_resize: the smallest power of two above `minused`, keys re-inserted in slot order, dummies dropped. */
function resize(t: Table, minused: number): void {
  let size = MIN_SIZE;
  while (size <= minused) size <<= 1;
  const next = tableOf(size, t.table.filter(isActive));
  Object.assign(t, { ...next, finger: t.finger });
}

/** set_discard_entry: the key's slot becomes a dummy; false when it is not there. */
function discard(rt: Runtime, t: Table, key: PyValue, hash: number | bigint): boolean {
  let found = false;
  probe(t.mask, hash, (i) => {
    const e = t.table[i];
    if (e === null) return true;
    if (e === DUMMY || BigInt(e.hash) !== BigInt(hash) || !(e.key === key || rt.truthy(rt.eq(e.key, key)))) return false;
    t.table[i] = DUMMY;
    t.used--;
    found = true;
    return true;
  });
  return found;
}

/**
 * A display of constants: CPython's compiler builds a frozenset from them (added in order), and
 * its constant merging rebuilds that frozenset from its own iteration order; at run time
 * set_merge copies it into an empty set, sized for twice the keys once they fill 3/5 of 8 slots:
 * slot for slot when both tables have one size, else re-inserted in the frozenset's slot order.
 */
function copiedFrozenset(slots: readonly Slot[]): Table {
  const first = emptyTable();
  for (const slot of slots) add(first, slot);
  const frozen = emptyTable();
  for (const slot of first.table) if (isActive(slot)) add(frozen, slot);
  return copied(frozen);
}

/** The keys of a set in the order Python code observes them. */
export function setKeys(rt: Runtime, s: PySet): readonly PyValue[] {
  return cpythonSetOrder(rt, s) ?? s.table.keys();
}
