/*
 * CPython's iteration order for sets of numbers.
 *
 * CPython iterates a set in hash-table slot order, and numbers hash to themselves, so
 * `print({3, 1, 2})` shows `{1, 2, 3}`. Programs print such sets, so Kernel Lab replays CPython's
 * table (setobject.c: 8 initial slots, 10-slot linear probes then perturbed probing, growth to
 * 4x the used count when 3/5 full) over the set's insertion sequence. Only sets that hold only
 * ints/floats/bools and never lost an element are replayed exactly; others iterate in insertion
 * order (CPython's order for str keys is randomised per process anyway).
 */

import { PyFloat, PySet, type PyValue } from "./objects";
import type { Runtime } from "./runtime";

const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5n;
const MIN_SIZE = 8;
const U64 = (1n << 64n) - 1n;

interface Slot {
  key: PyValue;
  hash: bigint;
}

function insertClean(table: (Slot | null)[], mask: number, slot: Slot): void {
  let perturb = slot.hash & U64;
  let i = Number(perturb & BigInt(mask));
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

function isNumber(v: PyValue): boolean {
  return typeof v === "number" || typeof v === "bigint" || typeof v === "boolean" || v instanceof PyFloat;
}

/** The set's keys in CPython's iteration order, or null when that order is not modelled. */
export function cpythonSetOrder(rt: Runtime, s: PySet): PyValue[] | null {
  const keys = s.table.keys();
  if (s.table.deleted || keys.length < 2 || !keys.every(isNumber)) return null;
  let mask = MIN_SIZE - 1;
  let table: (Slot | null)[] = new Array(MIN_SIZE).fill(null);
  let used = 0;
  for (const key of keys) {
    const h = rt.hash(key);
    insertClean(table, mask, { key, hash: BigInt(h) });
    used++;
    if (used * 5 >= mask * 3) {
      const minused = used > 50000 ? used * 2 : used * 4;
      let size = MIN_SIZE;
      while (size <= minused) size <<= 1;
      const old = table;
      mask = size - 1;
      table = new Array(size).fill(null);
      for (const e of old) if (e !== null) insertClean(table, mask, e);
    }
  }
  return table.filter((e): e is Slot => e !== null).map((e) => e.key);
}

/** The keys of a set in the order Python code observes them. */
export function setKeys(rt: Runtime, s: PySet): PyValue[] {
  return cpythonSetOrder(rt, s) ?? s.table.keys();
}
