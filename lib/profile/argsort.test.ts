import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { argsortByKey } from "./argsort";

describe("argsortByKey", () => {
  it("orders ids by key, keeping equal keys in their given order", () => {
    const keys = new Float64Array([5, 1.5, 5, 0, 1e12, 1.5]);
    expect(Array.from(argsortByKey(Uint32Array.from([0, 1, 2, 3, 4, 5]), keys))).toEqual([3, 1, 5, 0, 2, 4]);
    expect(Array.from(argsortByKey(Uint32Array.from([5, 2, 1, 0]), keys))).toEqual([5, 1, 2, 0]);
    expect(argsortByKey(new Uint32Array(0), keys).length).toBe(0);
  });

  it("agrees with a stable comparator sort on any finite keys, negatives and -0 included", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -3, max: 3 }).map((x) => x / 2), fc.constant(-0)), { maxLength: 80 }), (values) => {
        const keys = Float64Array.from(values);
        const ids = Uint32Array.from(values.map((_, i) => values.length - 1 - i));
        const expected = Array.from(ids).sort((a, b) => keys[a] - keys[b]);
        expect(Array.from(argsortByKey(ids, keys))).toEqual(expected);
      }),
    );
  });
});

describe("argsortByKey on large inputs", () => {
  const comparatorOrder = (keys: Float64Array) => Array.from(keys.keys()).sort((a, b) => keys[a] - keys[b]);
  it("sorts nearly ordered keys (each a few places out of order) like a stable comparator sort", () => {
    const keys = Float64Array.from({ length: 5000 }, (_, i) => Math.floor(i / 3) + ((i * 7919) % 5) * 0.5);
    expect(Array.from(argsortByKey(Uint32Array.from(keys.keys()), keys))).toEqual(comparatorOrder(keys));
  });
  it("sorts keys far out of order (reversed, with ties) like a stable comparator sort", () => {
    const keys = Float64Array.from({ length: 5000 }, (_, i) => Math.floor((5000 - i) / 2));
    expect(Array.from(argsortByKey(Uint32Array.from(keys.keys()), keys))).toEqual(comparatorOrder(keys));
  });
});
