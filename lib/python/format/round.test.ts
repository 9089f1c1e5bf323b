import { describe, expect, it } from "vitest";
import { FormatError } from "./errors";
import { fromBits, toBits, type Outcome } from "./golden-values";
import { roundFloat, roundFloatToInt, roundInt } from "./round";
import cases from "./goldens/round.json";

function outcomeOf(fn: () => string): Outcome<string> {
  try {
    return { ok: fn() };
  } catch (e) {
    if (e instanceof FormatError) return { error: e.pyType, message: e.message };
    throw e;
  }
}

describe("round", () => {
  it("round(float) and round(float, ndigits) match CPython bit for bit", () => {
    const wrong: string[] = [];
    for (const [bitsHex, ndigits, expected] of cases.float as [string, number | string | null, Outcome<string>][]) {
      const x = fromBits(bitsHex);
      const got = outcomeOf(() => {
        if (ndigits === null) return roundFloatToInt(x).toString();
        return toBits(roundFloat(x, typeof ndigits === "string" ? BigInt(ndigits) : ndigits));
      });
      if (JSON.stringify(got) !== JSON.stringify(expected)) {
        wrong.push(`round(${bitsHex}, ${ndigits}): got ${JSON.stringify(got)}, CPython ${JSON.stringify(expected)}`);
      }
    }
    expect(wrong.slice(0, 20)).toEqual([]);
  });

  it("round(int, ndigits) rounds half to even like CPython", () => {
    const wrong: string[] = [];
    for (const [n, ndigits, expected] of cases.int as [string, number, string][]) {
      const got = roundInt(BigInt(n), ndigits).toString();
      if (got !== expected) wrong.push(`round(${n}, ${ndigits}): got ${got}, CPython ${expected}`);
    }
    expect(wrong.slice(0, 20)).toEqual([]);
  });

  it("returns safe integers as numbers and larger results as bigints", () => {
    expect(typeof roundFloatToInt(2.5)).toBe("number");
    expect(typeof roundFloatToInt(1e300)).toBe("bigint");
  });
});
