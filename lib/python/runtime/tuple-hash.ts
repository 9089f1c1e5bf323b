/*
 * CPython's hashes of tuples (Objects/tupleobject.c, after xxHash64) and frozensets
 * (Objects/setobject.c) on 64-bit platforms: what hash((1, 2)) returns and what orders a set of
 * tuples. The runtime's dict and set tables use a faster 32-bit mix for tuples internally
 * (runtime.ts hashTuple); Python code sees these.
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

const shuffleBits = (h: bigint): bigint => (((h ^ 89869747n) ^ (h << 16n)) * 3644798167n) & MASK;

/**
 * hash(frozenset) from its items' hashes: the xor of their shuffled bits (CPython's walk over the
 * table adds empty and dummy slots in pairs that cancel), mixed with the size.
 */
export function frozensetHash(itemHashes: readonly (number | bigint)[]): number | bigint {
  let h = 0n;
  for (const x of itemHashes) h ^= shuffleBits(BigInt.asUintN(64, BigInt(x)));
  h ^= (BigInt(itemHashes.length + 1) * 1927868237n) & MASK;
  h ^= (h >> 11n) ^ (h >> 25n);
  h = (h * 69069n + 907133923n) & MASK;
  if (h === MASK) return 590923713;
  const signed = BigInt.asIntN(64, h);
  return signed >= BigInt(Number.MIN_SAFE_INTEGER) && signed <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(signed) : signed;
}
