import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FormatError } from "./errors";
import { formatBool, formatFloat, formatInt, formatStr } from "./format-spec";
import { percentFormat, type PercentHooks, type PercentValue } from "./percent";
import { roundFloat, roundInt } from "./round";

/** User code controls specs and templates: whatever they are, only FormatError may come out. */
function onlyFormatErrors(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch (e) {
    return e instanceof FormatError;
  }
}

// Specs built from the mini-language's own characters hit deep paths far more often than random text.
const specChars = fc.constantFrom(..."<>^=+- z#0123456789,_.bcdeEfFgGnosxX%*é😀\u0000");
// Widths/precisions of 7+ digits would build 100 MB strings (legitimately); format-spec.test.ts covers those limits.
const specs = fc.oneof(fc.string({ unit: specChars, maxLength: 12 }), fc.string({ maxLength: 12 })).filter((s) => !/\d{7,}/.test(s));
const ints = fc.oneof(fc.integer(), fc.bigInt({ min: -(2n ** 300n), max: 2n ** 300n }));

type V = number | string | bigint | boolean | V[];
const hooks: PercentHooks<V> = {
  classify(v): PercentValue {
    if (typeof v === "bigint") return { kind: "int", value: v };
    if (typeof v === "number") return { kind: "float", value: v };
    if (typeof v === "string") return { kind: "str", value: v };
    if (typeof v === "boolean") return { kind: "bool", value: v };
    return { kind: "other" };
  },
  typeName: (v) => (Array.isArray(v) ? "tuple" : typeof v),
  str: String,
  repr: String,
  ascii: String,
  index: () => undefined,
  int: () => undefined,
  float: () => undefined,
  tupleItems: (v) => (Array.isArray(v) ? v : undefined),
  isMapping: () => false,
  getItem: () => 0n,
};
const templateChars = fc.constantFrom(..."%()-+ #0123456789.*hlLsdiuoxXeEfFgGcra%y");
const args: fc.Arbitrary<V> = fc.oneof(
  fc.double(),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }),
  fc.string({ maxLength: 3 }),
  fc.boolean(),
  fc.array(fc.oneof(fc.double(), fc.bigInt({ min: -1000n, max: 1000n }), fc.string({ maxLength: 2 })), { maxLength: 4 }),
);

describe("formatting never throws anything but FormatError", () => {
  it("for any spec applied to ints, floats, strs and bools", () => {
    fc.assert(
      fc.property(specs, ints, fc.double(), fc.string({ maxLength: 5 }), fc.boolean(), (spec, n, x, s, b) =>
        [() => formatInt(n, spec), () => formatFloat(x, spec), () => formatStr(s, spec), () => formatBool(b, spec)].every(onlyFormatErrors),
      ),
      { numRuns: 4000 },
    );
  });

  it("for any %-template and arguments", () => {
    fc.assert(
      fc.property(fc.string({ unit: templateChars, maxLength: 10 }).filter((s) => !/\d{7,}/.test(s)), args, (template, a) => onlyFormatErrors(() => percentFormat(template, a, hooks))),
      { numRuns: 4000 },
    );
  });

  it("for round() with any ndigits", () => {
    fc.assert(
      fc.property(fc.double(), fc.integer({ min: -400, max: 400 }), ints, (x, nd, n) =>
        [() => roundFloat(x, nd), () => roundInt(BigInt(n), nd)].every(onlyFormatErrors),
      ),
      { numRuns: 3000 },
    );
    expect(roundInt(5n, -(10n ** 30n))).toBe(0n);
  });
});
