import fc from "fast-check";
import { describe, expect, it } from "vitest";
import golden from "./golden/str-order.golden.json";
import { keyIndexComparator, strCompare, strLess } from "./str-order";

const { less, sorted, sortedReverse } = golden as {
  strings: number[][];
  less: [number, number, boolean][];
  sorted: number[];
  sortedReverse: number[];
};
const strings = golden.strings.map((cps) => String.fromCodePoint(...cps));

/** Lexicographic order of the strings' code point sequences (a lone surrogate is one code point). */
function referenceLess(a: string, b: string): boolean {
  const x = Array.from(a, (c) => c.codePointAt(0) as number);
  const y = Array.from(b, (c) => c.codePointAt(0) as number);
  for (let i = 0; i < x.length && i < y.length; i++) if (x[i] !== y[i]) return x[i] < y[i];
  return x.length < y.length;
}

const unit = fc.constantFrom(0x61, 0x7a, 0xe9, 0x4e2d, 0xd7ff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000, 0xffff);
const astral = fc.constantFrom(0x10000, 0x1f600, 0x10ffff);
const text = fc
  .array(fc.oneof(unit, astral), { maxLength: 6 })
  .map((cps) => cps.map((c) => String.fromCodePoint(c)).join(""));

describe("str order is CPython's code point order", () => {
  it("agrees with python3 on < for strings mixing ASCII, BMP, lone surrogates, U+E000.. and astral characters", () => {
    const wrong = less.filter(([i, j, lt]) => strLess(strings[i], strings[j]) !== lt);
    expect(wrong).toEqual([]);
    expect(less.length).toBeGreaterThan(5000);
  });

  it("sorts as python3's sorted() does, ascending and with reverse=True (stable)", () => {
    const idx = strings.map((_, i) => i);
    expect([...idx].sort(keyIndexComparator(strings, false))).toEqual(sorted);
    expect([...idx].sort(keyIndexComparator(strings, true))).toEqual(sortedReverse);
    expect([...idx].sort((i, j) => strCompare(strings[i], strings[j]) || i - j)).toEqual(sorted);
  });

  it("puts an astral character after U+E000..U+FFFF, unlike UTF-16 order", () => {
    expect(strLess("\uffff", "😀")).toBe(true);
    expect(strLess("a\ue000", "a😀")).toBe(true);
    expect(strLess("😀", "\ue000")).toBe(false);
    // A lone surrogate is a code point below U+E000.
    expect(strLess("\udc00", "\ue000")).toBe(true);
    expect(strLess("😀", "\ud800x")).toBe(false);
  });

  it("agrees with code point sequence order on generated strings sharing prefixes", () => {
    fc.assert(
      fc.property(text, text, text, (p, a, b) => {
        const x = p + a;
        const y = p + b;
        // Joining can pair a lone high surrogate with a lone low one: the reference sees the pair too.
        expect(strLess(x, y)).toBe(referenceLess(x, y));
        expect(Math.sign(strCompare(x, y))).toBe(x === y ? 0 : referenceLess(x, y) ? -1 : 1);
      }),
      { numRuns: 2000 },
    );
  });
});
