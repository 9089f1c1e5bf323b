/**
 * numpy's legacy `RandomState` (mtrand.pyx + legacy-distributions.c) over MT19937: the `np.random.*`
 * module functions. Every method consumes the MT19937 stream exactly as numpy does, so the same seed
 * gives the same numbers.
 */
import { MT19937, MT_N } from "./mt19937";
import { boundedFill, checkedRange, type IntDTypeName, randomInterval } from "./bounded";
import { glibcLog as glibcLogImport } from "./glibc-log";
import { valueError, NumpyError } from "../errors";
import { cumulativeDistribution, searchSortedRight, checkProbabilities, uniqueWeightedDraws } from "./choice-support";
import { doubles, fill } from "./params";
import { Samplers, type Variates } from "./distributions";

const MAX_SEED = 0xffffffff;
// A module-local alias: transpiled ESM turns every call through an imported binding into a getter call.
const glibcLog = glibcLogImport;

/** RandomState.get_state()'s fields: MT19937's key and position, and the cached second normal. */
export interface LegacyState {
  key: Uint32Array;
  pos: number;
  hasGauss: boolean;
  gauss: number;
}

export class LegacyRandomState {
  readonly mt = new MT19937();
  private hasGauss = false;
  private gauss = 0;
  private readonly variates: Variates = {
    nextDouble: () => this.mt.nextDouble(),
    standardExponential: () => this.nextExponential(),
    standardNormal: () => this.nextGauss(),
  };
  /** exponential, gamma, beta, lognormal, laplace, poisson and binomial (distributions.ts). */
  readonly samplers = new Samplers(this.variates, this.mt, true);

  constructor(seed?: number | readonly number[]) {
    this.seed(seed ?? 0);
  }

  /**
   * np.random.seed: an int seeds through init_genrand (numpy's mt19937_seed), an array of ints through
   * init_by_array. (Seeding from OS entropy is not offered: Kernel Lab runs must be reproducible.)
   */
  seed(seed: number | bigint | readonly (number | bigint)[]): void {
    if (typeof seed === "number" || typeof seed === "bigint") {
      if (!(seed >= 0 && seed <= MAX_SEED) || (typeof seed === "number" && !Number.isInteger(seed))) {
        throw valueError("Seed must be between 0 and 2**32 - 1");
      }
      this.mt.initGenrand(Number(seed));
    } else {
      if (seed.length === 0) throw valueError("Seed must be non-empty");
      if (seed.some((s) => !(s >= 0 && s <= MAX_SEED))) throw valueError("Seed must be between 0 and 2**32 - 1");
      this.mt.initByArray(seed.map(Number));
    }
    this.hasGauss = false;
    this.gauss = 0;
  }

  getState(): LegacyState {
    return { key: this.mt.mt.slice(), pos: this.mt.pos, hasGauss: this.hasGauss, gauss: this.gauss };
  }

  /** set_state: the 624 key words and pos, which must be in [0, 624] (numpy's C would index out of bounds). */
  setState(state: LegacyState): void {
    if (!(Number.isInteger(state.pos) && state.pos >= 0 && state.pos <= MT_N)) throw valueError(`pos must be in [0, ${MT_N}]`);
    this.mt.mt.set(state.key.subarray(0, MT_N));
    this.mt.pos = state.pos;
    this.hasGauss = state.hasGauss;
    this.gauss = state.gauss;
  }

  /** random_sample / rand / random: doubles on [0, 1). */
  randomSample(n: number): Float64Array {
    const out = doubles(n);
    const mt = this.mt;
    for (let i = 0; i < n; i++) out[i] = mt.nextDouble();
    return out;
  }

  /** legacy_gauss: Marsaglia's polar method, caching the second value of each pair. */
  private nextGauss(): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      const g = this.gauss;
      this.gauss = 0;
      return g;
    }
    const mt = this.mt;
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * mt.nextDouble() - 1;
      x2 = 2 * mt.nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * glibcLog(r2)) / r2);
    this.gauss = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  /** randn / standard_normal. */
  standardNormal(n: number): Float64Array {
    const out = doubles(n);
    for (let i = 0; i < n; i++) out[i] = this.nextGauss();
    return out;
  }

  /** legacy_standard_exponential: -log(1 - U), not the ziggurat Generator uses. */
  private nextExponential(): number {
    return -glibcLog(1 - this.mt.nextDouble());
  }

  standardExponential(n: number): Float64Array {
    return fill(n, () => this.nextExponential());
  }









  normal(loc: number, scale: number, n: number): Float64Array {
    if (scale < 0) throw valueError("scale < 0");
    const out = doubles(n);
    for (let i = 0; i < n; i++) out[i] = loc + scale * this.nextGauss();
    return out;
  }

  uniform(low: number, high: number, n: number): Float64Array {
    const range = high - low;
    if (!Number.isFinite(range)) throw new NumpyError("OverflowError", "Range exceeds valid bounds");
    const out = doubles(n);
    for (let i = 0; i < n; i++) out[i] = low + range * this.mt.nextDouble();
    return out;
  }

  /** randint(low, high) on [low, high) with numpy's masked rejection; `high` undefined means [0, low). */
  randint(low: number | bigint, high: number | bigint | undefined, n: number, dtype: IntDTypeName = "int64"): Float64Array {
    if (n === 0) return new Float64Array(0); // numpy validates no bounds when nothing is drawn
    const lo = high === undefined ? 0n : BigInt(low);
    const hi = high === undefined ? BigInt(low) : BigInt(high);
    const { off, rng } = checkedRange(lo, hi, dtype, false, high === undefined);
    return boundedFill(this.mt, off, rng, n, dtype, true);
  }

  /** Fisher-Yates with random_interval, reporting each swap (rows of a multi-dim array swap the same way). */
  shuffleSwaps(n: number, swap: (i: number, j: number) => void): void {
    for (let i = n - 1; i >= 1; i--) swap(i, randomInterval(this.mt, i));
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

  /** choice(a, size, replace, p) as indices into a population of `popSize`. */
  choice(popSize: number, size: number, replace = true, p?: ArrayLike<number>): Float64Array {
    if (popSize <= 0 && size > 0) throw valueError("a must be greater than 0 unless no samples are taken");
    if (p !== undefined) checkProbabilities(p, popSize, "legacy");
    if (replace) {
      if (p !== undefined) {
        const cdf = cumulativeDistribution(p);
        const u = this.randomSample(size);
        const out = new Float64Array(size);
        for (let i = 0; i < size; i++) out[i] = searchSortedRight(cdf, u[i]);
        return out;
      }
      return this.randint(0, popSize, size);
    }
    if (size > popSize) throw valueError("Cannot take a larger sample than population when 'replace=False'");
    if (p === undefined) return this.permutation(popSize).slice(0, size);
    return uniqueWeightedDraws(p, size, (k) => this.randomSample(k));
  }
}
