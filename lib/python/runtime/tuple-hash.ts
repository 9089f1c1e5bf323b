/*
 * CPython's hash of a tuple on 64-bit platforms (Objects/tupleobject.c, after xxHash64): what
 * hash((1, 2)) returns and what orders a set of tuples. The runtime's dict and set tables use a
 * faster 32-bit mix internally (runtime.ts hashTuple); Python code sees this one.
 */
import { PyTuple, type PyValue } from "./objects";
import type { Runtime } from "./runtime";

const MASK = (1n << 64n) - 1n;
const PRIME_1 = 11400714785074694791n;
const PRIME_2 = 14029467366897019727n;
const PRIME_5 = 2870177450012600261n;
/** The length term keeps hash(()) at its historical value. */
const LENGTH_MIX = PRIME_5 ^ 3527539n;

/** hash(tuple) from its items' hashes (each a Python hash: a signed 64-bit value). */
export function tupleHash(itemHashes: readonly (number | bigint)[]): number | bigint {
  let acc = PRIME_5;
  for (const h of itemHashes) {
    acc = (acc + BigInt.asUintN(64, BigInt(h)) * PRIME_2) & MASK;
    acc = ((acc << 31n) | (acc >> 33n)) & MASK;
    acc = (acc * PRIME_1) & MASK;
  }
  acc = (acc + (BigInt(itemHashes.length) ^ LENGTH_MIX)) & MASK;
  if (acc === MASK) return 1546275796;
  const signed = BigInt.asIntN(64, acc);
  return signed >= BigInt(Number.MIN_SAFE_INTEGER) && signed <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(signed) : signed;
}

/** hash(v) as Python code sees it: tuples (nested ones too) by CPython's algorithm, the rest as the runtime hashes them. */
export function pythonHash(rt: Runtime, v: PyValue): number | bigint {
  return v instanceof PyTuple ? tupleHash(v.items.map((x) => pythonHash(rt, x))) : rt.hash(v);
}
