import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { intervalUnion, unionLength, unionOfUnions, unionTotal } from "./interval-union";

/** Reference: sort (start, end) pairs by start and merge touching/overlapping ones. */
function referenceComponents(starts: readonly number[], ends: readonly number[]): [number, number][] {
  const pairs = starts.map((s, i) => [s, ends[i]] as [number, number]).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of pairs) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

const components = (u: ReturnType<typeof intervalUnion>) => Array.from({ length: u.count }, (_, k) => [u.starts[k], u.ends[k]]);

const intervals = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 40 })), { maxLength: 60 })
  .map((xs) => ({ starts: xs.map(([s]) => s / 4), ends: xs.map(([s, d]) => (s + d) / 4) }));

describe("intervalUnion", () => {
  it("merges overlapping and touching intervals into time-ordered components", () => {
    expect(components(intervalUnion([0, 5, 20, 30], [10, 15, 30, 31]))).toEqual([[0, 15], [20, 31]]);
    expect(unionLength([0, 5, 20], [10, 15, 30])).toBe(25);
    expect(unionLength([], [])).toBe(0);
  });

  it("gives the reference components whether or not the input is sorted by start", () => {
    fc.assert(
      fc.property(intervals, ({ starts, ends }) => {
        const expected = referenceComponents(starts, ends);
        expect(components(intervalUnion(starts, ends))).toEqual(expected);
        const order = starts.map((_, i) => i).sort((a, b) => starts[a] - starts[b] || a - b);
        expect(components(intervalUnion(order.map((i) => starts[i]), order.map((i) => ends[i])))).toEqual(expected);
      }),
    );
  });

  it("unites unions into the union of all their intervals, with the same total bit for bit", () => {
    fc.assert(
      fc.property(intervals, intervals, ({ starts: s1, ends: e1 }, { starts: s2, ends: e2 }) => {
        const all = intervalUnion([...s1, ...s2], [...e1, ...e2]);
        const merged = unionOfUnions([intervalUnion(s1, e1), intervalUnion(s2, e2)]);
        expect(components(merged)).toEqual(components(all));
        expect(unionTotal(merged)).toBe(unionTotal(all));
      }),
    );
  });

  it("unites any number of unions, touching components across them included", () => {
    fc.assert(
      fc.property(fc.array(intervals, { maxLength: 7 }), (lists) => {
        const all = intervalUnion(lists.flatMap((l) => l.starts), lists.flatMap((l) => l.ends));
        const merged = unionOfUnions(lists.map((l) => intervalUnion(l.starts, l.ends)));
        expect(components(merged)).toEqual(components(all));
        expect(unionTotal(merged)).toBe(unionTotal(all));
      }),
    );
    expect(components(unionOfUnions([intervalUnion([0, 4], [2, 6]), intervalUnion([2, 6], [4, 7])]))).toEqual([[0, 7]]);
  });
});
