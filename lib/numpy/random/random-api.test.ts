import { describe, it, expect } from "vitest";
import { LegacyRandomState, defaultRng, SeedSequence } from "./index";

describe("seeding", () => {
  it("rejects legacy seeds outside [0, 2**32 - 1] with numpy's ValueError", () => {
    const rs = new LegacyRandomState();
    expect(() => rs.seed(-1)).toThrow("Seed must be between 0 and 2**32 - 1");
    expect(() => rs.seed(2 ** 32)).toThrow("Seed must be between 0 and 2**32 - 1");
    expect(() => rs.seed([])).toThrow("Seed must be non-empty");
  });

  it("restarts the stream, including the cached normal, on reseed", () => {
    const rs = new LegacyRandomState(3);
    const first = rs.standardNormal(3);
    rs.seed(3);
    expect(rs.standardNormal(3)).toEqual(first);
  });

  it("SeedSequence refuses negative entropy like numpy", () => {
    expect(() => new SeedSequence(-1)).toThrow("expected non-negative integer");
  });

  it("default_rng with equal seeds gives equal streams", () => {
    expect(defaultRng(7).random(4)).toEqual(defaultRng(7).random(4));
  });

  it("keeps interleaved generators independent (they share one wasm stepper)", () => {
    const a = defaultRng(9);
    const b = defaultRng(9);
    const c = defaultRng(10);
    const fromA = [a.random(3), a.standardNormal(700), a.random(5000)];
    c.random(999);
    const fromB = [b.random(3), b.standardNormal(700), b.random(5000)];
    expect(fromB).toEqual(fromA);
  });

  it("creates thousands of generators without exhausting memory", () => {
    let sum = 0;
    for (let seed = 0; seed < 3000; seed++) sum += defaultRng(seed).random(1)[0];
    expect(sum).toBeGreaterThan(0);
  });
});

describe("argument errors carry numpy's messages and Python exception types", () => {
  const rs = new LegacyRandomState(0);
  const g = defaultRng(0);
  it.each([
    ["randint low >= high", () => rs.randint(5, 5, 1), "ValueError", "low >= high"],
    ["integers low >= high", () => g.integers(5, 5, 1), "ValueError", "low >= high"],
    ["int8 high out of range", () => rs.randint(0, 300, 1, "int8"), "ValueError", "high is out of bounds for int8"],
    ["uint8 low out of range", () => g.integers(-1, 3, 1, "uint8"), "ValueError", "low is out of bounds for uint8"],
    ["legacy normal scale < 0", () => rs.normal(0, -1, 1), "ValueError", "scale < 0"],
    ["infinite uniform range", () => rs.uniform(0, Infinity, 1), "OverflowError", "Range exceeds valid bounds"],
    ["choice without replacement", () => rs.choice(5, 6, false), "ValueError", "Cannot take a larger sample than population when 'replace=False'"],
    ["choice p not summing to 1", () => rs.choice(5, 3, true, [0.5, 0.5, 0, 0, 0.1]), "ValueError", "probabilities do not sum to 1"],
    ["legacy choice from 0", () => rs.choice(0, 3), "ValueError", "a must be greater than 0 unless no samples are taken"],
    ["Generator choice from 0", () => g.choice(0, 3), "ValueError", "a must be a positive integer unless no samples are taken"],
  ])("%s", (_name, call, pyType, message) => {
    expect(call).toThrow(message);
    try {
      call();
    } catch (e) {
      expect((e as { pyType: string }).pyType).toBe(pyType);
    }
  });
});

describe("empty draws", () => {
  it("skip bound validation like numpy when size has no elements", () => {
    expect(new LegacyRandomState(0).randint(5, 3, 0)).toEqual(new Float64Array(0));
    expect(defaultRng(0).integers(0, 300, 0, "int8")).toEqual(new Float64Array(0));
    expect(new LegacyRandomState(0).choice(0, 0)).toEqual(new Float64Array(0));
    expect(defaultRng(0).choice(0, 0, false)).toEqual(new Float64Array(0));
  });
});

describe("bounded integers stay in range for every dtype", () => {
  it("never leaves [low, high) and hits both ends of a small range", () => {
    const g = defaultRng(11);
    const v = g.integers(-3, 4, 5000, "int8");
    expect(Math.min(...v)).toBe(-3);
    expect(Math.max(...v)).toBe(3);
    const u = new LegacyRandomState(11).randint(250, 256, 5000, "uint8");
    expect(Math.min(...u)).toBe(250);
    expect(Math.max(...u)).toBe(255);
  });
});
