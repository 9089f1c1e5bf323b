import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { strSortOrder } from "./str-sort";

/** The stable sort it must equal: indices by code unit order, ties in original order, also descending. */
function referenceOrder(keys: readonly string[], reverse: boolean): number[] {
  const idx = keys.map((_, i) => i);
  return idx.sort((i, j) => {
    const a = keys[i];
    const b = keys[j];
    if (a === b) return 0;
    return (a < b ? -1 : 1) * (reverse ? -1 : 1);
  });
}

// Few distinct characters, so long shared prefixes, equal windows and duplicates are common; U+0000
// packs like a missing character, and units above 0xFF switch to the wide window.
const unit = fc.constantFrom("", "\0", "a", "b", "z", "\u00e9", "\u00ff", "\u0100", "\u4e2d", "\uffff");
const word = (prefix: string) => fc.array(unit, { maxLength: 10 }).map((cs) => prefix + cs.join(""));
const keyLists = fc.oneof(
  fc.array(word(""), { minLength: 1, maxLength: 400 }),
  fc.array(word("tile_"), { minLength: 1, maxLength: 400 }),
  fc.array(fc.constantFrom("psum", "sbuf", "hbm", "dma", "psum\0", "ps", ""), { minLength: 1, maxLength: 600 }),
);

describe("strSortOrder", () => {
  it("equals a stable comparison sort, ascending and descending, for random keys", () => {
    fc.assert(
      fc.property(keyLists, fc.boolean(), (keys, reverse) => {
        expect(Array.from(strSortOrder(keys, reverse))).toEqual(referenceOrder(keys, reverse));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps equal keys in their original order when descending, as Python's reverse=True does", () => {
    const keys = ["b", "a", "b", "c", "a"];
    expect(Array.from(strSortOrder(keys, true))).toEqual([3, 0, 2, 1, 4]);
  });

  it("orders keys that differ only past the packed window or by a trailing U+0000", () => {
    const keys = ["tile_000000b", "tile_000000a", "tile_000000", "tile_000000\0", "tile_00000"];
    expect(Array.from(strSortOrder(keys, false), (i) => keys[i])).toEqual([...keys].sort());
  });

  it("orders 100k generated names like the native sort", () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `tile_${String((i * 7919) % 100_003).padStart(6, "0")}`);
    expect(Array.from(strSortOrder(keys, false), (i) => keys[i])).toEqual([...keys].sort());
  });
});
