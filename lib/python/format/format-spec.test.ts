import { describe, expect, it } from "vitest";
import { FormatError } from "./errors";
import { formatBool, formatFloat, formatInt, formatStr } from "./format-spec";
import { fromBits, type Outcome } from "./golden-values";
import cases from "./goldens/format-spec.json";

type Encoded = { int: string } | { float: string } | { str: string } | { bool: boolean };

function run(value: Encoded, spec: string): string {
  if ("int" in value) {
    const big = BigInt(value.int);
    // The runtime passes small ints as numbers and large ones as bigints; exercise both.
    return formatInt(Number.isSafeInteger(Number(big)) ? Number(big) : big, spec);
  }
  if ("float" in value) return formatFloat(fromBits(value.float), spec);
  if ("str" in value) return formatStr(value.str, spec);
  return formatBool(value.bool, spec);
}

function outcomeOf(value: Encoded, spec: string): Outcome<string> {
  try {
    return { ok: run(value, spec) };
  } catch (e) {
    if (e instanceof FormatError) return { error: e.pyType, message: e.message };
    throw e;
  }
}

describe("format-spec mini-language", () => {
  it("matches CPython format(value, spec) for int, float, str and bool, errors included", () => {
    const wrong: string[] = [];
    for (const [value, spec, expected] of cases as [Encoded, string, Outcome<string>][]) {
      const got = outcomeOf(value, spec);
      if (JSON.stringify(got) !== JSON.stringify(expected)) {
        wrong.push(`format(${JSON.stringify(value)}, ${JSON.stringify(spec)}): got ${JSON.stringify(got)}, CPython ${JSON.stringify(expected)}`);
      }
    }
    expect(wrong.slice(0, 20)).toEqual([]);
    expect((cases as unknown[]).length).toBeGreaterThan(10000);
  });

  it("formats ints given as bigint and as number identically", () => {
    for (const spec of ["", "d", ",", "_x", "#b", "+08", "^9", "e", ".3%"]) {
      expect(formatInt(123456789n, spec)).toBe(formatInt(123456789, spec));
    }
  });

  it("reports the caller's type name in errors, as float subclasses do", () => {
    expect(() => formatFloat(1.5, "d", "numpy.float64")).toThrow("Unknown format code 'd' for object of type 'numpy.float64'");
  });

  it("turns absurd widths into a Python MemoryError instead of a JavaScript RangeError", () => {
    const attempt = (): string => formatStr("a", "2000000000");
    expect(attempt).toThrow(FormatError);
    try {
      attempt();
    } catch (e) {
      expect((e as FormatError).pyType).toBe("MemoryError");
    }
    expect(() => formatFloat(1, ".1000000000f")).toThrow(FormatError);
  });
});
