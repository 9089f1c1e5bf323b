import { describe, expect, it } from "vitest";
import { floatRepr } from "./float-repr";
import { fromBits } from "./golden-values";
import cases from "./goldens/float-repr.json";

describe("floatRepr", () => {
  it("matches CPython repr() on every golden double (random bit patterns, powers, ties, subnormals)", () => {
    const wrong: string[] = [];
    for (const [bitsHex, expected] of cases as [string, string][]) {
      const got = floatRepr(fromBits(bitsHex));
      if (got !== expected) wrong.push(`${bitsHex}: got ${got}, CPython ${expected}`);
    }
    expect(wrong.slice(0, 20)).toEqual([]);
    expect((cases as unknown[]).length).toBeGreaterThan(5000);
  });

  it("uses exponent notation exactly where CPython switches (1e16 and 1e-5)", () => {
    expect([1e16, 1e-5, 0.0001, 1e20, 1e-7, 123456789012345.0, -0.0].map(floatRepr)).toEqual([
      "1e+16",
      "1e-05",
      "0.0001",
      "1e+20",
      "1e-07",
      "123456789012345.0",
      "-0.0",
    ]);
  });

  it("spells non-finite values as inf, -inf and nan", () => {
    expect([Infinity, -Infinity, NaN].map(floatRepr)).toEqual(["inf", "-inf", "nan"]);
  });
});
