/**
 * numpy's `Generator` (_generator.pyx + distributions.c) over any BitGenerator; `defaultRng(seed)` builds
 * it on PCG64 seeded through SeedSequence exactly like `np.random.default_rng(seed)`.
 */
import type { BitGenerator } from "./bit-generator";
import { PCG64 } from "./pcg64";
import { SeedSequence } from "./seed-sequence";
import { boundedFill, checkedRange, type IntDTypeName, lemireBounded, randomInterval } from "./bounded";
import * as zig from "./ziggurat-tables.generated";
import { checkProbabilities, cumulativeDistribution, searchSortedRight, uniqueWeightedDraws } from "./choice-support";
import { NumpyError, valueError } from "../errors";
import { doubles, fill, singles } from "./params";
import { Samplers, type Variates } from "./distributions";
import * as libm from "./libm";

// numpy's ziggurat_nor_r / ziggurat_nor_inv_r (3.6541528853610087963519472518, 0.27366123732975827203338247596)
const ZIGGURAT_NOR_R = 3.654152885361009;
const ZIGGURAT_NOR_INV_R = 0.2736612373297583;
const ZIGGURAT_NOR_R_F = Math.fround(ZIGGURAT_NOR_R);
const ZIGGURAT_NOR_INV_R_F = Math.fround(ZIGGURAT_NOR_INV_R);
// numpy's ziggurat_exp_r (7.69711747013104972): where the exponential ziggurat's base layer meets its tail.
const ZIGGURAT_EXP_R = 7.69711747013105;
const TWO_M24 = 1 / 16777216;
// Module-local table references (imported bindings compile to getters under transpiled ESM).
const { KI_DOUBLE, WI_DOUBLE, FI_DOUBLE, KI_FLOAT, WI_FLOAT, FI_FLOAT, KE_DOUBLE, WE_DOUBLE, FE_DOUBLE } = zig;
const { exp, log1p } = libm;

export class Generator {
  private readonly variates: Variates = {
    nextDouble: () => this.bits.nextDouble(),
    standardExponential: () => this.nextExponential(),
    standardNormal: () => this.nextNormal(),
  };

  /** exponential, gamma, beta, lognormal, laplace, poisson and binomial (distributions.ts). */
  readonly samplers: Samplers;

  constructor(readonly bits: BitGenerator) {
    this.samplers = new Samplers(this.variates, bits, false);
  }

  /** random(size): doubles on [0, 1) from the top 53 bits of a 64-bit draw. */
  random(n: number): Float64Array {
    const out = doubles(n);
    const bits = this.bits;
    if (bits.fillDoubles) bits.fillDoubles(out);
    else for (let i = 0; i < n; i++) out[i] = bits.nextDouble();
    return out;
  }

  /** random(size, dtype=float32): (next_uint32 >> 8) * 2^-24, using the buffered 32-bit halves. */
  randomFloat32(n: number): Float32Array {
    const out = singles(n);
    for (let i = 0; i < n; i++) out[i] = (this.bits.nextUint32() >>> 8) * TWO_M24;
    return out;
  }

  /** random_standard_normal: numpy's 256-layer ziggurat on 64-bit draws. */
  private nextNormal(): number {
    const bits = this.bits;
    for (;;) {
      bits.nextUint64();
      const hi = bits.hi;
      const lo = bits.lo;
      const idx = lo & 0xff;
      // r >>= 8; sign = r & 1; rabs = (r >> 1) & (2^52 - 1): bits 9..60 of the draw.
      const sign = (lo >>> 8) & 1;
      const rabs = (hi & 0x1fffffff) * 8388608 + (lo >>> 9);
      let x = rabs * WI_DOUBLE[idx];
      if (sign) x = -x;
      if (rabs < KI_DOUBLE[idx]) return x;
      if (idx === 0) {
        for (;;) {
          const xx = -ZIGGURAT_NOR_INV_R * Math.log1p(-bits.nextDouble());
          const yy = -Math.log1p(-bits.nextDouble());
          if (yy + yy > xx * xx) return (Math.floor(rabs / 256) & 1) ? -(ZIGGURAT_NOR_R + xx) : ZIGGURAT_NOR_R + xx;
        }
      }
      if ((FI_DOUBLE[idx - 1] - FI_DOUBLE[idx]) * bits.nextDouble() + FI_DOUBLE[idx] < Math.exp(-0.5 * x * x)) return x;
    }
  }

  standardNormal(n: number): Float64Array {
    const out = doubles(n);
    for (let i = 0; i < n; i++) out[i] = this.nextNormal();
    return out;
  }

  /** random_standard_normal_f: the float32 ziggurat on 32-bit draws, float32 arithmetic throughout. */
  standardNormalFloat32(n: number): Float32Array {
    const out = singles(n);
    const f = Math.fround;
    const nextFloat = (): number => (this.bits.nextUint32() >>> 8) * TWO_M24;
    for (let i = 0; i < n; i++) {
      for (;;) {
        const r = this.bits.nextUint32();
        const idx = r & 0xff;
        const sign = (r >>> 8) & 1;
        const rabs = (r >>> 9) & 0x7fffff;
        let x = f(rabs * WI_FLOAT[idx]);
        if (sign) x = -x;
        if (rabs < KI_FLOAT[idx]) {
          out[i] = x;
          break;
        }
        if (idx === 0) {
          let v = 0;
          for (;;) {
            const xx = f(-ZIGGURAT_NOR_INV_R_F * f(Math.log1p(-nextFloat())));
            const yy = f(-f(Math.log1p(-nextFloat())));
            if (f(yy + yy) > f(xx * xx)) {
              v = (rabs >>> 8) & 1 ? -f(ZIGGURAT_NOR_R_F + xx) : f(ZIGGURAT_NOR_R_F + xx);
              break;
            }
          }
          out[i] = v;
          break;
        }
        if (f(f(f(FI_FLOAT[idx - 1] - FI_FLOAT[idx]) * nextFloat()) + FI_FLOAT[idx]) < f(Math.exp(f(f(-0.5 * x) * x)))) {
          out[i] = x;
          break;
        }
      }
    }
    return out;
  }

  /** random_standard_exponential: numpy's 256-layer exponential ziggurat on 64-bit draws. */
  private nextExponential(): number {
    const bits = this.bits;
    for (;;) {
      bits.nextUint64();
      // ri = r >> 3; idx = ri & 0xff; ri >>= 8: idx is bits 3..10 of the draw, ri its top 53 bits.
      const lo = bits.lo;
      const idx = (lo >>> 3) & 0xff;
      const ri = bits.hi * 2097152 + (lo >>> 11);
      const x = ri * WE_DOUBLE[idx];
      if (ri < KE_DOUBLE[idx]) return x;
      if (idx === 0) return ZIGGURAT_EXP_R - log1p(-bits.nextDouble());
      if ((FE_DOUBLE[idx - 1] - FE_DOUBLE[idx]) * bits.nextDouble() + FE_DOUBLE[idx] < exp(-x)) return x;
    }
  }

  /** standard_exponential(method='zig'), or method='inv': -log1p(-U). */
  standardExponential(n: number, inverse = false): Float64Array {
    const bits = this.bits;
    return fill(n, inverse ? () => -log1p(-bits.nextDouble()) : () => this.nextExponential());
  }









  normal(loc: number, scale: number, n: number): Float64Array {
    if (scale < 0) throw valueError("scale < 0");
    const out = doubles(n);
    for (let i = 0; i < n; i++) out[i] = loc + scale * this.nextNormal();
    return out;
  }

  uniform(low: number, high: number, n: number): Float64Array {
    const range = high - low;
    if (!Number.isFinite(range)) throw new NumpyError("OverflowError", "high - low range exceeds valid bounds");
    if (range < 0) throw valueError("high - low < 0");
    const out = doubles(n);
    for (let i = 0; i < n; i++) out[i] = low + range * this.bits.nextDouble();
    return out;
  }

  /** integers(low, high, size, dtype, endpoint) with Lemire's method; `high` undefined means [0, low). */
  integers(
    low: number | bigint,
    high: number | bigint | undefined,
    n: number,
    dtype: IntDTypeName = "int64",
    endpoint = false,
  ): Float64Array {
    if (n === 0) return new Float64Array(0); // numpy validates no bounds when nothing is drawn
    const lo = high === undefined ? 0n : BigInt(low);
    const hi = high === undefined ? BigInt(low) : BigInt(high);
    const { off, rng } = checkedRange(lo, hi, dtype, endpoint, high === undefined);
    return boundedFill(this.bits, off, rng, n, dtype, false);
  }

  /** Fisher-Yates with random_interval (Generator.shuffle's raw path), reporting each swap. */
  shuffleSwaps(n: number, swap: (i: number, j: number) => void): void {
    for (let i = n - 1; i >= 1; i--) swap(i, randomInterval(this.bits, i));
  }

  shuffle<T>(items: { [index: number]: T; length: number }): void {
    this.shuffleSwaps(items.length, (i, j) => {
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    });
  }

  /** permutation(n): a shuffled arange(n), empty for n <= 0. */
  permutation(n: number): Float64Array {
    const out = new Float64Array(Math.max(n, 0));
    for (let i = 0; i < n; i++) out[i] = i;
    this.shuffle(out);
    return out;
  }

  /** _shuffle_int: the int64 fast path (Lemire draws), shuffling positions n-1 down to `first`. */
  private shuffleInt(data: Float64Array, first: number): void {
    for (let i = data.length - 1; i >= first; i--) {
      const j = lemireBounded(this.bits, i);
      const t = data[j];
      data[j] = data[i];
      data[i] = t;
    }
  }

  /** choice(a, size, replace, p, shuffle) as indices into a population of `popSize`. */
  choice(popSize: number, size: number, replace = true, p?: ArrayLike<number>, shuffle = true): Float64Array {
    if (popSize <= 0 && size > 0) throw valueError("a must be a positive integer unless no samples are taken");
    if (p !== undefined) checkProbabilities(p, popSize, "generator");
    if (replace) {
      if (p !== undefined) {
        const cdf = cumulativeDistribution(p);
        const u = this.random(size);
        const out = new Float64Array(size);
        for (let i = 0; i < size; i++) out[i] = searchSortedRight(cdf, u[i]);
        return out;
      }
      return this.integers(0, popSize, size);
    }
    if (size > popSize) throw valueError("Cannot take a larger sample than population when replace is False");
    if (p !== undefined) return uniqueWeightedDraws(p, size, (k) => this.random(k));
    const cutoff = shuffle ? 50 : 20;
    if (popSize > 10000 && size > Math.floor(popSize / cutoff)) {
      const idx = new Float64Array(popSize);
      for (let i = 0; i < popSize; i++) idx[i] = i;
      this.shuffleInt(idx, Math.max(popSize - size, 1));
      return idx.slice(popSize - size);
    }
    // Floyd's algorithm; numpy's open-addressing set only decides membership, so a Set is equivalent.
    const out = new Float64Array(size);
    const chosen = new Set<number>();
    for (let j = popSize - size; j < popSize; j++) {
      const val = lemireBounded(this.bits, j);
      const pick = chosen.has(val) ? j : val;
      chosen.add(pick);
      out[j - popSize + size] = pick;
    }
    if (shuffle) this.shuffleInt(out, 1);
    return out;
  }
}

/** np.random.default_rng(seed): PCG64 seeded from SeedSequence(seed). */
export function defaultRng(seed: number | bigint | readonly (number | bigint)[]): Generator {
  const [s0, s1, i0, i1] = new SeedSequence(seed).generateState64(4);
  return new Generator(new PCG64((s0 << 64n) | s1, (i0 << 64n) | i1));
}
