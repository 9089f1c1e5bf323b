/**
 * The raw-bits interface numpy's samplers are written against (numpy's `bitgen_t`).
 *
 * 64-bit draws are returned through the `hi`/`lo` word registers rather than as a bigint so the hot
 * paths (doubles, ziggurat) stay in small-integer arithmetic.
 */
export interface BitGenerator {
  /** Next 32 random bits as an unsigned number. */
  nextUint32(): number;
  /** Draws 64 random bits into `hi` and `lo` (each an unsigned 32-bit number). */
  nextUint64(): void;
  hi: number;
  lo: number;
  /** numpy's `next_double` for this generator: a double uniform on [0, 1). */
  nextDouble(): number;
  /** Optional bulk form of `nextDouble` (same draws, same order) for generators with a faster loop. */
  fillDoubles?(out: Float64Array): void;
}

/** The 64-bit value in the `hi`/`lo` registers as a bigint (for the rare full-width paths). */
export function u64(bits: BitGenerator): bigint {
  return (BigInt(bits.hi) << 32n) | BigInt(bits.lo);
}
