import { describe, expect, it } from "vitest";
import { emptyTile, read } from "../golden/golden";
import { Machine } from "../machine";
import { dropout, rand, randomSeed } from "./random";

describe("random numbers", () => {
  it("nl.rand is uniform in [0, 1) and reproducible for a seed", () => {
    const draw = (seed: number) => {
      const m = new Machine();
      randomSeed(m, seed);
      const t = emptyTile(m, [128, 256], "float32");
      rand(m, t);
      return Array.from(read(t));
    };
    const a = draw(7);
    expect(a).toEqual(draw(7));
    expect(a).not.toEqual(draw(8));
    expect(a.every((v) => v >= 0 && v < 1)).toBe(true);
    const mean = a.reduce((s, v) => s + v, 0) / a.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
  });

  it("dropout zeroes about `prob` of the elements and keeps the rest unscaled", () => {
    const m = new Machine();
    const x = emptyTile(m, [128, 256], "float32");
    m.hostWrite(x, new Array(128 * 256).fill(3));
    const y = emptyTile(m, [128, 256], "float32");
    dropout(m, y, x, 0.25);
    const v = Array.from(read(y));
    expect(new Set(v)).toEqual(new Set([0, 3]));
    expect(Math.abs(v.filter((e) => e === 0).length / v.length - 0.25)).toBeLessThan(0.01);
  });
});
