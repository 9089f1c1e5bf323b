import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { astralOffsets, codePointArray, codePointIndex, codePointLength, unitOffset } from "./codepoints";

// Code points from the ASCII, BMP and astral planes, and lone surrogates (one character each in Python).
const char = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }),
  fc.integer({ min: 0xa0, max: 0xd7ff }),
  fc.integer({ min: 0xd800, max: 0xdfff }),
  fc.integer({ min: 0x10000, max: 0x10ffff }),
);
const text = fc.array(char, { maxLength: 40 }).map((cps) => cps.map((c) => String.fromCodePoint(c)).join(""));

describe("code point indexing of JS strings", () => {
  it("agrees with the string's own code point iteration", () => {
    fc.assert(
      fc.property(text, (s) => {
        const cps = Array.from(s);
        expect(codePointLength(s)).toBe(cps.length);
        expect(codePointArray(s)).toEqual(cps);
        const offsets = astralOffsets(s);
        let u = 0;
        cps.forEach((c, i) => {
          expect(unitOffset(offsets, i)).toBe(u);
          expect(codePointIndex(offsets, u)).toBe(i);
          u += c.length;
        });
        expect(unitOffset(offsets, cps.length)).toBe(s.length);
      }),
    );
  });

  it("needs no offsets for strings whose UTF-16 units are their code points", () => {
    expect(astralOffsets("日本語 café")).toBeNull();
    expect(astralOffsets("\ud800x\udfff")).toBeNull();
    expect(astralOffsets("a😀")).toEqual(new Uint32Array([0, 1, 3]));
  });
});
