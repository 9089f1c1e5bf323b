import { describe, it, expect } from "vitest";
import golden from "./golden/mt19937-cpython.json";
import { MT19937, initByArray, genrandInt32 } from "./mt19937";
import { seedWords } from "./seed-sequence";

describe("MT19937 core reproduces CPython's random module", () => {
  for (const c of golden) {
    it(`random.seed(${c.seed}): getrandbits(32) words and random() doubles`, () => {
      const mt = new MT19937();
      initByArray(mt, seedWords(BigInt(c.seed)));
      const words = Array.from({ length: c.words.length }, () => genrandInt32(mt));
      expect(words).toEqual(c.words);
      const doubles = Array.from({ length: c.doubles.length }, () => mt.nextDouble());
      expect(doubles).toEqual(c.doubles);
    });
  }
});

describe("MT19937 reference output", () => {
  it("init_genrand(5489) starts with the published first word 3499211612", () => {
    expect(new MT19937(5489).nextUint32()).toBe(3499211612);
  });
});
