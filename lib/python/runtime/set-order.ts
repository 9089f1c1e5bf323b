/*
 * CPython's iteration order for sets of numbers.
 *
 * CPython iterates a set in hash-table slot order, and numbers hash to themselves, so
 * `print({3, 1, 2})` shows `{1, 2, 3}`. Programs print such sets, so Kernel Lab replays CPython's
 * table (setobject.c: 8 initial slots, 10-slot linear probes then perturbed probing, growth to
 * 4x the used count when 3/5 full) over the set's insertion sequence. Only sets that hold only
 * numbers (numpy's scalars included) and tuples of them, and never lost an element, are replayed
 * exactly; others iterate in insertion order (CPython's order for str keys is randomised per
 * process anyway).
 */

import { PyFloat, PySet, PyTuple, type PyType, type PyValue } from "./objects";
import type { HashTable } from "./hashtable";
import { tupleHash } from "./tuple-hash";
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
 * like them), and tuples of such values. Else null (str hashes are salted per process, default
 * object hashes are addresses).
 */
function reproducibleHash(rt: Runtime, v: PyValue): number | bigint | null {
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean" || v instanceof PyFloat) return rt.hash(v);
  if (v instanceof PyTuple) {
    const items: (number | bigint)[] = [];
    for (const x of v.items) {
      const h = reproducibleHash(rt, x);
      if (h === null) return null;
      items.push(h);
    }
    return tupleHash(items);
  }
  return typeof v === "object" && numericHashTypes.has(v.cls) ? rt.hash(v) : null;
}

/** Each table's replayed layout and order, for the table version they were computed at (replaying costs a hash per key). */
const replays = new WeakMap<HashTable, { version: number; layout: Table | null; order: readonly PyValue[] | null }>();
/**
 * A set whose first keys were laid out by an operation other than adding them one by one (a copy,
 * a merge): the table they made, and how many keys it holds. Later keys are added to it.
 */
const seeds = new WeakMap<PySet, { table: Table; keys: number; dummies: boolean }>();
/** Sets whose layout came from a set whose layout is not modelled. */
const unmodelled = new WeakSet<PySet>();

/** The set's keys in CPython's iteration order, or null when that order is not modelled. */
export function cpythonSetOrder(rt: Runtime, s: PySet): readonly PyValue[] | null {
  return replayed(rt, s).order;
}

function replayed(rt: Runtime, s: PySet): { layout: Table | null; order: readonly PyValue[] | null } {
  const cached = replays.get(s.table);
  if (cached !== undefined && cached.version === s.table.version) return cached;
  const layout = replay(rt, s);
  const order = layout === null || s.table.size < 2 ? null : layout.table.filter((e): e is Slot => e !== null).map((e) => e.key);
  const entry = { version: s.table.version, layout, order };
  replays.set(s.table, entry);
  return entry;
}

function replay(rt: Runtime, s: PySet): Table | null {
  if (s.table.deleted || unmodelled.has(s)) return null;
  const keys = s.table.keys();
  const slots: Slot[] = [];
  for (const key of keys) {
    const hash = reproducibleHash(rt, key);
    if (hash === null) return null;
    slots.push({ key, hash });
  }
  const seed = seeds.get(s);
  // Where keys were discarded CPython leaves dummies, which later insertions would probe past.
  if (seed !== undefined && seed.dummies && slots.length > seed.keys) return null;
  if (seed !== undefined && seed.keys <= slots.length) {
    const t = { mask: seed.table.mask, table: seed.table.table.slice(), used: seed.table.used };
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
    unmodelled.add(target);
    return;
  }
  if (target.table.size > 0) reserveLayout(rt, target, source.table.size);
  else seeds.set(target, { table: copied(from), keys: from.used, dummies: false });
}

/** set_merge into an empty set: sized for twice the keys once they fill 3/5 of 8 slots; the same table when sizes agree. */
function copied(from: Table): Table {
  const n = from.used;
  let size = MIN_SIZE;
  if (n * 5 >= (MIN_SIZE - 1) * 3) while (size <= n * 2) size <<= 1;
  if (size - 1 === from.mask) return { mask: from.mask, table: from.table.slice(), used: n };
  const t: Table = { mask: size - 1, table: new Array<Slot | null>(size).fill(null), used: n };
  for (const e of from.table) if (e !== null) insertClean(t.table, t.mask, e);
  return t;
}

/** The layout a set has now, to pass to afterDiscards once keys are removed. */
export function currentLayout(rt: Runtime, s: PySet): Table | null {
  return s.table.size === 0 ? emptyTable() : replayed(rt, s).layout;
}

/**
 * `target` now holds some of the keys laid out in `before` (s -= t discarding in place, or s - t
 * as a copy of s that then discards, `copy` set): the survivors keep their slots.
 */
export function afterDiscards(rt: Runtime, target: PySet, before: Table | null, copy: boolean): void {
  if (before === null) {
    unmodelled.add(target);
    return;
  }
  const t = copy ? copied(before) : { mask: before.mask, table: before.table.slice(), used: before.used };
  t.table = t.table.map((e) => (e !== null && target.table.find(e.key, rt) !== undefined ? e : null));
  seeds.set(target, { table: t, keys: target.table.size, dummies: true });
}

/** A set whose layout is not modelled (s ^ t): it iterates in insertion order. */
export function unmodelledLayout(target: PySet): void {
  unmodelled.add(target);
}

/** set_update_internal's growth before `incoming` keys arrive from a set or dict: to twice the total once 3/5 full. */
export function reserveLayout(rt: Runtime, target: PySet, incoming: number): void {
  const current = target.table.size === 0 ? emptyTable() : replayed(rt, target).layout;
  if (current === null) {
    unmodelled.add(target);
    return;
  }
  const t: Table = { mask: current.mask, table: current.table.slice(), used: current.used };
  if ((t.used + incoming) * 5 >= t.mask * 3) {
    let size = MIN_SIZE;
    while (size <= (t.used + incoming) * 2) size <<= 1;
    const old = t.table;
    t.mask = size - 1;
    t.table = new Array<Slot | null>(size).fill(null);
    for (const e of old) if (e !== null) insertClean(t.table, t.mask, e);
  }
  seeds.set(target, { table: t, keys: target.table.size, dummies: false });
}

export interface Table {
  mask: number;
  table: (Slot | null)[];
  used: number;
}

function emptyTable(): Table {
  return { mask: MIN_SIZE - 1, table: new Array<Slot | null>(MIN_SIZE).fill(null), used: 0 };
}

/** set_add_entry: insert, then grow to 4x the used count (2x past 50000) once 3/5 full. */
function add(t: Table, slot: Slot): void {
  insertClean(t.table, t.mask, slot);
  t.used++;
  if (t.used * 5 < t.mask * 3) return;
  const minused = t.used > 50000 ? t.used * 2 : t.used * 4;
  let size = MIN_SIZE;
  while (size <= minused) size <<= 1;
  const old = t.table;
  t.mask = size - 1;
  t.table = new Array<Slot | null>(size).fill(null);
  for (const e of old) if (e !== null) insertClean(t.table, t.mask, e);
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
  for (const slot of first.table) if (slot !== null) add(frozen, slot);
  let size = MIN_SIZE;
  if (slots.length * 5 >= (MIN_SIZE - 1) * 3) while (size <= slots.length * 2) size <<= 1;
  if (size - 1 === frozen.mask) return { mask: frozen.mask, table: frozen.table.slice(), used: slots.length };
  const t: Table = { mask: size - 1, table: new Array<Slot | null>(size).fill(null), used: slots.length };
  for (const e of frozen.table) if (e !== null) insertClean(t.table, t.mask, e);
  return t;
}

/** The keys of a set in the order Python code observes them. */
export function setKeys(rt: Runtime, s: PySet): readonly PyValue[] {
  return cpythonSetOrder(rt, s) ?? s.table.keys();
}
