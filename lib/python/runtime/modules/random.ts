/*
 * random: CPython's Mersenne Twister (MT19937) with CPython's seeding (init_by_array over the
 * seed's 32-bit words) and CPython 3.11's algorithms on top, so a seeded program draws exactly the
 * numbers python3 draws. String seeds are not supported (CPython hashes them with SHA-512).
 */

import { parseArgs } from "../binding";
import { defineNativeType, nativeFunction } from "../define";
import * as E from "../errors";
import { None, PyFloat, PyList, PyObject, PySet, PyTuple, typeOf, type Kwargs, type PyValue } from "../objects";
import * as N from "../numeric";
import type { NativeModuleDef, Runtime } from "../runtime";
import { sha512 } from "./sha512";
import { asFloat, asInt } from "../types/numbers";
import { MT19937 } from "../../../numpy/random/mt19937";

export class MersenneTwister {
  /** The MT19937 state machine shared with numpy's legacy RandomState. */
  private readonly core = new MT19937();
  /** gauss() caches the second normal deviate of each pair. */
  gaussNext: number | null = null;

  initByArray(key: number[]): void {
    this.core.initByArray(key);
    this.gaussNext = null;
  }

  /** Seed from a non-negative integer like CPython's random_seed (32-bit words, little end first). */
  seedInt(n: bigint): void {
    let a = n < 0n ? -n : n;
    const key: number[] = [];
    if (a === 0n) key.push(0);
    while (a > 0n) {
      key.push(Number(a & 0xffffffffn));
      a >>= 32n;
    }
    this.initByArray(key);
  }

  genrandUint32(): number {
    return this.core.nextUint32();
  }

  /** random(): 53 random bits as a float in [0, 1). */
  random(): number {
    return this.core.nextDouble();
  }

  getrandbits(k: number): N.Int {
    if (k < 0) throw E.valueError("number of bits must be non-negative");
    if (k === 0) return 0;
    if (k <= 32) return this.genrandUint32() >>> (32 - k);
    let result = 0n;
    let shift = 0n;
    let remaining = k;
    while (remaining > 0) {
      let r = this.genrandUint32();
      if (remaining < 32) r >>>= 32 - remaining;
      result |= BigInt(r) << shift;
      shift += 32n;
      remaining -= 32;
    }
    return N.norm(result);
  }

  /** _randbelow_with_getrandbits */
  randbelow(n: N.Int): N.Int {
    if (typeof n === "number" && n <= 0) return 0;
    const k = N.bitLength(n);
    let r = this.getrandbits(k);
    while (N.intCompare(r, n) >= 0) r = this.getrandbits(k);
    return r;
  }
}

function index(v: PyValue, rt: Runtime): N.Int {
  const i = asInt(v);
  if (i !== undefined) return i;
  if (v instanceof PyFloat) {
    throw E.typeError("'float' object cannot be interpreted as an integer");
  }
  return rt.asIndex(v, `'${typeOf(v).name}' object cannot be interpreted as an integer`);
}

function seed(mt: MersenneTwister, rt: Runtime, a: PyValue | undefined): void {
  if (a === undefined || a === None) {
    const words = [Date.now() >>> 0, Math.floor(Date.now() / 2 ** 32), (Math.random() * 2 ** 32) >>> 0, (Math.random() * 2 ** 32) >>> 0];
    mt.initByArray(words);
    return;
  }
  const i = asInt(a);
  if (i !== undefined) {
    mt.seedInt(N.big(i));
    return;
  }
  if (typeof a === "string") {
    // CPython (version 2 seeding): int.from_bytes(a.encode() + sha512(a.encode()).digest(), "big").
    const bytes = new TextEncoder().encode(a);
    const all = new Uint8Array(bytes.length + 64);
    all.set(bytes);
    all.set(sha512(bytes), bytes.length);
    let n = 0n;
    for (const b of all) n = (n << 8n) | BigInt(b);
    mt.seedInt(n);
    return;
  }
  if (a instanceof PyFloat) {
    // CPython seeds with the hash cast to size_t.
    mt.seedInt(BigInt.asUintN(64, BigInt(rt.hash(a))));
    return;
  }
  throw E.typeError("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
}

function randrange(mt: MersenneTwister, rt: Runtime, args: PyValue[], kw: Kwargs | null): N.Int {
  const [startA, stopA, stepA] = parseArgs("randrange", args, kw, { names: ["start", "stop", "step"], required: 1 });
  const istart = index(startA as PyValue, rt);
  if (stopA === undefined || stopA === None) {
    if (stepA !== undefined) throw E.typeError("Missing a non-None stop argument");
    if (N.intCompare(istart, 0) > 0) return mt.randbelow(istart);
    throw E.valueError("empty range for randrange()");
  }
  const istop = index(stopA, rt);
  const width = N.intSub(istop, istart);
  const istep = stepA === undefined ? 1 : index(stepA, rt);
  if (istep === 1) {
    if (N.intCompare(width, 0) > 0) return N.intAdd(istart, mt.randbelow(width));
    throw E.valueError(`empty range for randrange() (${istart}, ${istop}, ${width})`);
  }
  let n: N.Int;
  if (N.intCompare(istep, 0) > 0) n = N.intFloorDiv(N.intSub(N.intAdd(width, istep), 1), istep);
  else if (N.intCompare(istep, 0) < 0) n = N.intFloorDiv(N.intAdd(N.intAdd(width, istep), 1), istep);
  else throw E.valueError("zero step for randrange()");
  if (N.intCompare(n, 0) <= 0) throw E.valueError("empty range for randrange()");
  return N.intAdd(istart, N.intMul(istep, mt.randbelow(n)));
}

function seqItems(rt: Runtime, v: PyValue): PyValue[] {
  if (v instanceof PyList || v instanceof PyTuple) return v.items as PyValue[];
  if (typeof v === "string") return [...v];
  if (v instanceof PySet) throw E.typeError("Population must be a sequence.  For dicts or sets, use sorted(d).");
  return rt.toArray(v);
}

function numArg(v: PyValue | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  const f = asFloat(v);
  if (f === undefined) throw E.typeError(`must be real number, not ${typeOf(v).name}`);
  return f;
}

/** The functions of module `random`, bound to one generator. */
function randomFunctions(mt: MersenneTwister, rt: Runtime): Record<string, (args: PyValue[], kw: Kwargs | null) => PyValue> {
  const random = (): number => mt.random();
  return {
    seed: (args, kw) => {
      const [a] = parseArgs("seed", args, kw, { names: ["a", "version"] });
      seed(mt, rt, a);
      return None;
    },
    random: () => new PyFloat(random()),
    getrandbits: (args) => {
      const k = asInt(args[0] ?? None);
      if (k === undefined) throw E.typeError("getrandbits() requires an integer");
      return mt.getrandbits(Number(k));
    },
    randrange: (args, kw) => randrange(mt, rt, args, kw),
    randint: (args, kw) => {
      const [a, b] = parseArgs("randint", args, kw, { names: ["a", "b"], required: 2 });
      return randrange(mt, rt, [a as PyValue, N.intAdd(index(b as PyValue, rt), 1)], null);
    },
    choice: (args) => {
      const seq = args[0];
      const n = rt.len(seq);
      if (n === 0) throw E.indexError("Cannot choose from an empty sequence");
      return rt.getitem(seq, mt.randbelow(n));
    },
    shuffle: (args) => {
      const x = args[0];
      if (x instanceof PyList) {
        const items = x.items;
        for (let i = items.length - 1; i > 0; i--) {
          const j = Number(mt.randbelow(i + 1));
          [items[i], items[j]] = [items[j], items[i]];
        }
        return None;
      }
      const n = rt.len(x);
      for (let i = n - 1; i > 0; i--) {
        const j = Number(mt.randbelow(i + 1));
        const a = rt.getitem(x, i);
        rt.setitem(x, i, rt.getitem(x, j));
        rt.setitem(x, j, a);
      }
      return None;
    },
    sample: (args, kw) => {
      const [pop, kArg, counts] = parseArgs("sample", args, kw, { names: ["population", "k"], kwonly: ["counts"], required: 2 });
      if (counts !== undefined && counts !== None) throw E.notImplementedError("sample(counts=...) is not supported in Kernel Lab");
      const population = seqItems(rt, pop as PyValue);
      const n = population.length;
      const k = Number(index(kArg as PyValue, rt));
      if (k < 0 || k > n) throw E.valueError("Sample larger than population or is negative");
      const result: PyValue[] = new Array(k);
      let setsize = 21;
      if (k > 5) setsize += 4 ** Math.ceil(Math.log(k * 3) / Math.log(4));
      if (n <= setsize) {
        const pool = population.slice();
        for (let i = 0; i < k; i++) {
          const j = Number(mt.randbelow(n - i));
          result[i] = pool[j];
          pool[j] = pool[n - i - 1];
        }
      } else {
        const selected = new Set<number>();
        for (let i = 0; i < k; i++) {
          let j = Number(mt.randbelow(n));
          while (selected.has(j)) j = Number(mt.randbelow(n));
          selected.add(j);
          result[i] = population[j];
        }
      }
      return new PyList(result);
    },
    choices: (args, kw) => {
      const [pop, weights, cum, kArg] = parseArgs("choices", args, kw, { names: ["population", "weights"], kwonly: ["cum_weights", "k"], required: 1 });
      const population = seqItems(rt, pop as PyValue);
      const n = population.length;
      const k = kArg === undefined ? 1 : Number(index(kArg, rt));
      if ((cum === undefined || cum === None) && (weights === undefined || weights === None)) {
        const out: PyValue[] = [];
        for (let i = 0; i < k; i++) out.push(population[Math.floor(random() * n)]);
        return new PyList(out);
      }
      let cw: number[];
      if (cum !== undefined && cum !== None) {
        if (weights !== undefined && weights !== None) throw E.typeError("Cannot specify both weights and cumulative weights");
        cw = rt.toArray(cum).map((v) => numArg(v, 0));
      } else {
        let acc = 0;
        cw = rt.toArray(weights as PyValue).map((v) => (acc += numArg(v, 0)));
      }
      if (cw.length !== n) throw E.valueError("The number of weights does not match the population");
      const total = cw[cw.length - 1] + 0.0;
      if (total <= 0) throw E.valueError("Total of weights must be greater than zero");
      if (!Number.isFinite(total)) throw E.valueError("Total of weights must be finite");
      const hi = n - 1;
      const out: PyValue[] = [];
      for (let i = 0; i < k; i++) {
        const x = random() * total;
        let lo = 0;
        let h = hi;
        while (lo < h) {
          const mid = (lo + h) >> 1;
          if (x < cw[mid]) h = mid;
          else lo = mid + 1;
        }
        out.push(population[lo]);
      }
      return new PyList(out);
    },
    uniform: (args) => {
      const a = numArg(args[0], 0);
      const b = numArg(args[1], 0);
      return new PyFloat(a + (b - a) * random());
    },
    triangular: (args) => {
      const low = numArg(args[0], 0);
      const high = numArg(args[1], 1);
      const u = random();
      let c: number;
      try {
        c = args[2] === undefined || args[2] === None ? 0.5 : (numArg(args[2], 0) - low) / (high - low);
      } catch {
        return new PyFloat(low);
      }
      if (!Number.isFinite(c)) return new PyFloat(low);
      if (u > c) return new PyFloat(high + (low - high) * Math.sqrt((1.0 - u) * (1.0 - c)));
      return new PyFloat(low + (high - low) * Math.sqrt(u * c));
    },
    gauss: (args, kw) => {
      const [mu, sigma] = parseArgs("gauss", args, kw, { names: ["mu", "sigma"] });
      let z = mt.gaussNext;
      mt.gaussNext = null;
      if (z === null) {
        const x2pi = random() * 2 * Math.PI;
        const g2rad = Math.sqrt(-2.0 * Math.log(1.0 - random()));
        z = Math.cos(x2pi) * g2rad;
        mt.gaussNext = Math.sin(x2pi) * g2rad;
      }
      return new PyFloat(numArg(mu, 0) + z * numArg(sigma, 1));
    },
    normalvariate: (args, kw) => {
      const [mu, sigma] = parseArgs("normalvariate", args, kw, { names: ["mu", "sigma"] });
      const NV_MAGICCONST = (4 * Math.exp(-0.5)) / Math.sqrt(2.0);
      let z: number;
      for (;;) {
        const u1 = random();
        const u2 = 1.0 - random();
        z = (NV_MAGICCONST * (u1 - 0.5)) / u2;
        const zz = (z * z) / 4.0;
        if (zz <= -Math.log(u2)) break;
      }
      return new PyFloat(numArg(mu, 0) + z * numArg(sigma, 1));
    },
    expovariate: (args) => new PyFloat(-Math.log(1.0 - random()) / numArg(args[0], 1)),
  };
}

export class RandomObject extends PyObject {
  readonly mt = new MersenneTwister();
  constructor() {
    super(randomType);
  }
}

const randomType = defineNativeType<RandomObject>({
  name: "Random",
  module: "random",
  instanceOf: RandomObject,
  construct(args, kw, rt) {
    const r = new RandomObject();
    seed(r.mt, rt, parseArgs("Random", args, kw, { names: ["x"] })[0]);
    return r;
  },
  methods: Object.fromEntries(
    ["seed", "random", "getrandbits", "randrange", "randint", "choice", "shuffle", "sample", "choices", "uniform", "triangular", "gauss", "normalvariate", "expovariate"].map(
      (name) => [name, (self: RandomObject, args: PyValue[], kw: Kwargs | null, rt: Runtime) => randomFunctions(self.mt, rt)[name](args, kw)],
    ),
  ),
});

export const randomModule: NativeModuleDef = {
  name: "random",
  init(mod, rt) {
    const mt = new MersenneTwister();
    seed(mt, rt, undefined);
    for (const [name, impl] of Object.entries(randomFunctions(mt, rt))) mod.set(name, nativeFunction(name, impl));
    mod.set("Random", randomType);
  },
};
