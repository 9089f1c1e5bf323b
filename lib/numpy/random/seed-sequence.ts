/**
 * numpy's SeedSequence (bit_generator.pyx): the entropy pool mixing that turns a user seed into
 * well-spread state words for PCG64. All arithmetic is on uint32.
 */
const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;
const POOL_SIZE = 4;

/** An int seed as little-endian 32-bit words (numpy's _coerce_to_uint32_array); 0 gives [0]. */
export function seedWords(seed: bigint | number): number[] {
  let v = BigInt(seed);
  if (v < 0n) throw new RangeError("expected non-negative integer");
  const words: number[] = [];
  do {
    words.push(Number(v & 0xffffffffn));
    v >>= 32n;
  } while (v > 0n);
  return words;
}

export class SeedSequence {
  readonly pool: Uint32Array;

  /** `entropy` is an int or a sequence of ints (each coerced to its 32-bit words, concatenated). */
  constructor(entropy: bigint | number | readonly (bigint | number)[], spawnKey: readonly (bigint | number)[] = []) {
    let run = Array.isArray(entropy) ? entropy.flatMap((e) => seedWords(e)) : seedWords(entropy as bigint | number);
    const spawn = spawnKey.flatMap((e) => seedWords(e));
    if (spawn.length > 0 && run.length < POOL_SIZE) run = run.concat(new Array<number>(POOL_SIZE - run.length).fill(0));
    this.pool = mixEntropy(run.concat(spawn));
  }

  /** generate_state(nWords, uint32). */
  generateState(nWords: number): Uint32Array {
    const out = new Uint32Array(nWords);
    let hashConst = INIT_B;
    for (let i = 0; i < nWords; i++) {
      let v = this.pool[i % POOL_SIZE];
      v = (v ^ hashConst) >>> 0;
      hashConst = Math.imul(hashConst, MULT_B) >>> 0;
      v = Math.imul(v, hashConst) >>> 0;
      v = (v ^ (v >>> 16)) >>> 0;
      out[i] = v;
    }
    return out;
  }

  /** generate_state(n, uint64) as bigints: word pairs read little-endian. */
  generateState64(n: number): bigint[] {
    const w = this.generateState(2 * n);
    const out: bigint[] = [];
    for (let i = 0; i < n; i++) out.push((BigInt(w[2 * i + 1]) << 32n) | BigInt(w[2 * i]));
    return out;
  }
}

function mixEntropy(entropy: readonly number[]): Uint32Array {
  const mixer = new Uint32Array(POOL_SIZE);
  let hashConst = INIT_A;
  const hashmix = (value: number): number => {
    value = (value ^ hashConst) >>> 0;
    hashConst = Math.imul(hashConst, MULT_A) >>> 0;
    value = Math.imul(value, hashConst) >>> 0;
    return (value ^ (value >>> 16)) >>> 0;
  };
  const mix = (x: number, y: number): number => {
    const r = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
    return (r ^ (r >>> 16)) >>> 0;
  };
  for (let i = 0; i < POOL_SIZE; i++) mixer[i] = hashmix(i < entropy.length ? entropy[i] : 0);
  for (let src = 0; src < POOL_SIZE; src++) {
    for (let dst = 0; dst < POOL_SIZE; dst++) {
      if (src !== dst) mixer[dst] = mix(mixer[dst], hashmix(mixer[src]));
    }
  }
  for (let src = POOL_SIZE; src < entropy.length; src++) {
    for (let dst = 0; dst < POOL_SIZE; dst++) mixer[dst] = mix(mixer[dst], hashmix(entropy[src]));
  }
  return mixer;
}
