import { describe, it, expect } from "vitest";
import { createHash } from "node:crypto";
import golden from "./golden/random-streams.json";
import fuzz from "./golden/random-fuzz.json";
import { LegacyRandomState } from "./legacy";
import { defaultRng, Generator } from "./generator";
import { PCG64 } from "./pcg64";
import { SeedSequence } from "./seed-sequence";
import type { IntDTypeName } from "./bounded";

type Encoded = { values: number[] } | { big: string[] } | { n: number; sha256: string; head: number[] };
type Arg = number | string | boolean | null | number[];
interface Op {
  op: string;
  args: Arg[];
  result: Encoded;
}
interface Case {
  kind: string;
  seed: string | string[];
  ops: Op[];
}

const num = (a: Arg): number => a as number;
const int = (a: Arg): bigint => BigInt(a as number | string);
const probs = (a: Arg): number[] | undefined => (a === null ? undefined : (a as number[]));

function legacyCall(rs: LegacyRandomState, { op, args }: Op): Float64Array {
  switch (op) {
    case "rand":
    case "random_sample":
      return rs.randomSample(num(args[0]));
    case "randn":
      return rs.standardNormal(num(args[0]));
    case "normal":
      return rs.normal(num(args[0]), num(args[1]), num(args[2]));
    case "uniform":
      return rs.uniform(num(args[0]), num(args[1]), num(args[2]));
    case "randint":
      return rs.randint(int(args[0]), int(args[1]), num(args[2]), args[3] as IntDTypeName);
    case "choice":
      return rs.choice(num(args[0]), num(args[1]), args[2] as boolean, probs(args[3]));
    case "permutation":
      return rs.permutation(num(args[0]));
    case "shuffle": {
      const x = new Float64Array(num(args[0])).map((_, i) => i);
      rs.shuffle(x);
      return x;
    }
  }
  throw new Error(op);
}

function generatorCall(g: Generator, { op, args }: Op): Float64Array | Float32Array {
  switch (op) {
    case "random":
      return g.random(num(args[0]));
    case "random_f32":
      return g.randomFloat32(num(args[0]));
    case "standard_normal":
      return g.standardNormal(num(args[0]));
    case "standard_normal_f32":
      return g.standardNormalFloat32(num(args[0]));
    case "normal":
      return g.normal(num(args[0]), num(args[1]), num(args[2]));
    case "uniform":
      return g.uniform(num(args[0]), num(args[1]), num(args[2]));
    case "integers":
      return g.integers(int(args[0]), int(args[1]), num(args[2]), args[3] as IntDTypeName, args[4] as boolean);
    case "choice":
      return g.choice(num(args[0]), num(args[1]), args[2] as boolean, probs(args[3]), args[4] as boolean);
    case "permutation":
      return g.permutation(num(args[0]));
    case "shuffle": {
      const x = new Float64Array(num(args[0])).map((_, i) => i);
      g.shuffle(x);
      return x;
    }
  }
  throw new Error(op);
}

function expectMatches(actual: Float64Array | Float32Array, expected: Encoded, where: string): void {
  const got = Float64Array.from(actual);
  if ("values" in expected) {
    expect(Array.from(got), where).toEqual(expected.values);
  } else if ("big" in expected) {
    // int64 results beyond 2^53 are held as the nearest double by the numpy core's int64 storage.
    expect(Array.from(got), where).toEqual(expected.big.map((s) => Number(BigInt(s))));
  } else {
    expect(Array.from(got.subarray(0, expected.head.length)), where).toEqual(expected.head);
    expect(got.length, where).toBe(expected.n);
    const digest = createHash("sha256").update(new Uint8Array(got.buffer, got.byteOffset, got.byteLength)).digest("hex");
    expect(digest, where).toBe(expected.sha256);
  }
}

const cases = (golden as { cases: Case[] }).cases;
const fuzzCases = (fuzz as { cases: Case[] }).cases;
const seedOf = (s: string | string[]): bigint | bigint[] => (Array.isArray(s) ? s.map((x) => BigInt(x)) : BigInt(s));

describe("legacy RandomState streams equal numpy 2.4's", () => {
  for (const c of cases.filter((k) => k.kind === "legacy")) {
    it(`seed ${JSON.stringify(c.seed)}`, () => {
      const rs = new LegacyRandomState();
      const seed = seedOf(c.seed);
      rs.seed(seed);
      for (const [i, op] of c.ops.entries()) expectMatches(legacyCall(rs, op), op.result, `op ${i} ${op.op}(${JSON.stringify(op.args)})`);
    });
  }
});

describe("default_rng (PCG64) Generator streams equal numpy 2.4's", () => {
  for (const c of cases.filter((k) => k.kind === "generator")) {
    it(`seed ${JSON.stringify(c.seed)}`, () => {
      const g = defaultRng(seedOf(c.seed));
      for (const [i, op] of c.ops.entries()) expectMatches(generatorCall(g, op), op.result, `op ${i} ${op.op}(${JSON.stringify(op.args)})`);
    });
  }
});

describe("randomised call scripts (gen/random-fuzz.gen.py) equal numpy 2.4's", () => {
  for (const [n, c] of fuzzCases.entries()) {
    it(`#${n} ${c.kind} seed ${JSON.stringify(c.seed)}`, () => {
      const seed = seedOf(c.seed);
      if (c.kind === "legacy") {
        const rs = new LegacyRandomState();
        rs.seed(seed);
        for (const [i, op] of c.ops.entries()) expectMatches(legacyCall(rs, op), op.result, `op ${i} ${op.op}(${JSON.stringify(op.args)})`);
      } else {
        const g = defaultRng(seed);
        for (const [i, op] of c.ops.entries()) expectMatches(generatorCall(g, op), op.result, `op ${i} ${op.op}(${JSON.stringify(op.args)})`);
      }
    });
  }
});

describe("the plain-JS PCG64 stepper (used without WebAssembly) gives the same streams", () => {
  for (const c of cases.filter((k) => k.kind === "generator").slice(0, 3)) {
    it(`seed ${JSON.stringify(c.seed)}`, () => {
      const [s0, s1, i0, i1] = new SeedSequence(seedOf(c.seed)).generateState64(4);
      const g = new Generator(new PCG64((s0 << 64n) | s1, (i0 << 64n) | i1, false));
      for (const [i, op] of c.ops.entries()) expectMatches(generatorCall(g, op), op.result, `op ${i} ${op.op}(${JSON.stringify(op.args)})`);
    });
  }
});
