/**
 * MT19937 (Matsumoto & Nishimura) exactly as numpy's `mt19937.c` and CPython's `_randommodule.c` run it.
 *
 * Exported for two users: numpy's legacy RandomState (seeded with `initGenrand` for an int seed and
 * `initByArray` for an array seed) and the Python `random` module (CPython seeds every int through
 * `initByArray` of its 32-bit words).
 */
import type { BitGenerator } from "./bit-generator";

export const MT_N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;

export class MT19937 implements BitGenerator {
  readonly mt = new Uint32Array(MT_N);
  /** Index of the next word to temper; MT_N means "regenerate first". */
  pos = MT_N;
  hi = 0;
  lo = 0;

  constructor(seed = 5489) {
    this.initGenrand(seed);
  }

  /** init_genrand / numpy's mt19937_seed: the whole state from one 32-bit seed. */
  initGenrand(seed: number): void {
    const mt = this.mt;
    mt[0] = seed >>> 0;
    for (let i = 1; i < MT_N; i++) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.pos = MT_N;
  }

  /** init_by_array: the state from a key of 32-bit words. */
  initByArray(key: ArrayLike<number>): void {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    const keyLength = key.length;
    for (let k = Math.max(MT_N, keyLength); k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1664525)) + (key[j] >>> 0) + j) >>> 0;
      i++;
      j++;
      if (i >= MT_N) {
        mt[0] = mt[MT_N - 1];
        i = 1;
      }
      if (j >= keyLength) j = 0;
    }
    for (let k = MT_N - 1; k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= MT_N) {
        mt[0] = mt[MT_N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
    this.pos = MT_N;
  }

  private twist(): void {
    const mt = this.mt;
    let kk = 0;
    for (; kk < MT_N - M; kk++) {
      const y = (mt[kk] & UPPER) | (mt[kk + 1] & LOWER);
      mt[kk] = mt[kk + M] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; kk < MT_N - 1; kk++) {
      const y = (mt[kk] & UPPER) | (mt[kk + 1] & LOWER);
      mt[kk] = mt[kk + (M - MT_N)] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    const y = (mt[MT_N - 1] & UPPER) | (mt[0] & LOWER);
    mt[MT_N - 1] = mt[M - 1] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    this.pos = 0;
  }

  /** genrand_int32. */
  nextUint32(): number {
    if (this.pos >= MT_N) this.twist();
    let y = this.mt[this.pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** numpy's mt19937_next64: the first 32-bit draw is the high word. */
  nextUint64(): void {
    this.hi = this.nextUint32();
    this.lo = this.nextUint32();
  }

  /** genrand_res53 (numpy's mt19937_next_double, CPython's random.random). */
  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }
}

/** Convenience names matching the C reference, for the Python `random` module. */
export function initGenrand(state: MT19937, seed: number): void {
  state.initGenrand(seed);
}
export function initByArray(state: MT19937, key: ArrayLike<number>): void {
  state.initByArray(key);
}
export function genrandInt32(state: MT19937): number {
  return state.nextUint32();
}
