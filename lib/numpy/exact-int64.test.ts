import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { array, zeros } from "./creation";
import { DTYPES } from "./dtypes";
import { exactAt, shadowOf, storeExact } from "./exact-int64";
import { NDArray, assign, astype, copyArray, pyBigInt, tolist } from "./ndarray";
import { argmax, cumsum, max, prod, sum } from "./reductions";
import { sort, unique } from "./sorting";
import { binary, unary } from "./ufuncs";

const I64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };
const int64 = fc.bigInt(I64);
const uint64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });
/** Values near 2^53 and the int64 ends as often as anywhere else. */
const edgy = fc.oneof(int64, fc.bigInt({ min: 2n ** 53n - 4n, max: 2n ** 53n + 4n }), fc.constantFrom(I64.min, I64.max, -1n, 0n, 1n));

const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);
const int64Array = (values: readonly bigint[]): NDArray => array(values.map(pyBigInt), DTYPES.int64);
const uint64Array = (values: readonly bigint[]): NDArray => array(values.map(pyBigInt), DTYPES.uint64);
const exactValues = (a: NDArray): bigint[] => {
  const list = tolist(a);
  return (Array.isArray(list) ? list : [list]).map((v) => BigInt(v as number | bigint));
};

describe("the exact-value shadow of (u)int64 storage", () => {
  it("is created only by a value past 2^53 and read back exactly", () => {
    const data = new Float64Array(3);
    storeExact(data, 0, 2n ** 53n - 1n, false);
    expect(shadowOf(data)).toBeUndefined();
    storeExact(data, 1, 2n ** 62n + 1n, false);
    expect(shadowOf(data)).toBeDefined();
    expect([exactAt(data, 0), exactAt(data, 1), exactAt(data, 2)]).toEqual([2n ** 53n - 1n, 2n ** 62n + 1n, 0n]);
    expect(data[1]).toBe(2 ** 62);
  });

  it("yields to a later write that did not go through it: the double written wins", () => {
    const data = new Float64Array(2);
    storeExact(data, 0, 2n ** 62n + 1n, false);
    data[0] = 2 ** 60;
    expect(exactAt(data, 0)).toBe(2n ** 60n);
  });

  it("is shared by views of the same storage", () => {
    const a = int64Array([5n, 2n ** 62n + 7n, 9n]);
    const view = new NDArray(a.data, a.dtype, [2], [1], 1);
    expect(exactValues(view)).toEqual([2n ** 62n + 7n, 9n]);
    expect(exactValues(copyArray(view))).toEqual([2n ** 62n + 7n, 9n]);
  });
});

describe("int64 arithmetic past 2^53 equals BigInt arithmetic wrapped to 64 bits (property)", () => {
  const floorDiv = (x: bigint, y: bigint): bigint => (y === 0n ? 0n : x / y - ((x % y !== 0n) && (x < 0n) !== (y < 0n) ? 1n : 0n));
  const cases: [string, (x: bigint, y: bigint) => bigint][] = [
    ["add", (x, y) => wrap(x + y)],
    ["subtract", (x, y) => wrap(x - y)],
    ["multiply", (x, y) => wrap(x * y)],
    ["floor_divide", (x, y) => wrap(floorDiv(x, y))],
    ["remainder", (x, y) => (y === 0n ? 0n : x - floorDiv(x, y) * y)],
    ["bitwise_xor", (x, y) => x ^ y],
    ["maximum", (x, y) => (x > y ? x : y)],
  ];
  it.each(cases)("%s", (name, reference) => {
    fc.assert(
      fc.property(fc.array(fc.tuple(edgy, edgy), { minLength: 1, maxLength: 12 }), (pairs) => {
        const r = binary(name, int64Array(pairs.map((p) => p[0])), int64Array(pairs.map((p) => p[1])));
        expect(exactValues(r)).toEqual(pairs.map(([x, y]) => reference(x, y)));
      }),
      { numRuns: 150 },
    );
  });

  it("comparisons tell apart values one apart past 2^53", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(edgy, fc.integer({ min: -2, max: 2 })), { minLength: 1, maxLength: 12 }), (pairs) => {
        const xs = pairs.map(([x]) => x);
        const ys = pairs.map(([x, d]) => (x + BigInt(d) > I64.max || x + BigInt(d) < I64.min ? x : x + BigInt(d)));
        const less = binary("less", int64Array(xs), int64Array(ys));
        expect(Array.from(less.data)).toEqual(xs.map((x, i) => (x < ys[i] ? 1 : 0)));
      }),
      { numRuns: 150 },
    );
  });

  it("uint64 subtraction and negation wrap modulo 2^64", () => {
    fc.assert(
      fc.property(uint64, uint64, (x, y) => {
        expect(exactValues(binary("subtract", uint64Array([x]), uint64Array([y])))).toEqual([BigInt.asUintN(64, x - y)]);
        expect(exactValues(unary("negative", uint64Array([x])))).toEqual([BigInt.asUintN(64, -x)]);
      }),
      { numRuns: 150 },
    );
  });
});

describe("int64 reductions, sorting and casts past 2^53 (property)", () => {
  it("sum, prod, cumsum, max, argmax, sort, unique, casts and assignment across signedness equal BigInt references", () => {
    fc.assert(
      fc.property(fc.array(edgy, { minLength: 1, maxLength: 20 }), (xs) => {
        const a = int64Array(xs);
        expect(exactValues(sum(a))).toEqual([wrap(xs.reduce((p, x) => p + x, 0n))]);
        expect(exactValues(prod(a))).toEqual([xs.reduce((p, x) => wrap(p * x), 1n)]);
        let running = 0n;
        expect(exactValues(cumsum(a))).toEqual(xs.map((x) => (running = wrap(running + x))));
        const top = xs.reduce((p, x) => (x > p ? x : p));
        expect(exactValues(max(a))).toEqual([top]);
        expect(Number(argmax(a).getFlat(0))).toBe(xs.indexOf(top));
        const sorted = [...xs].sort((p, q) => (p < q ? -1 : p > q ? 1 : 0));
        expect(exactValues(sort(a))).toEqual(sorted);
        expect(exactValues(unique(a).values)).toEqual([...new Set(sorted)]);
        expect(exactValues(astype(a, DTYPES.uint64))).toEqual(xs.map((x) => BigInt.asUintN(64, x)));
        expect(exactValues(astype(a, DTYPES.int32))).toEqual(xs.map((x) => BigInt.asIntN(32, x)));
        const u = zeros([xs.length], DTYPES.uint64);
        assign(u, a);
        expect(exactValues(u)).toEqual(xs.map((x) => BigInt.asUintN(64, x)));
        const back = zeros([xs.length], DTYPES.int64);
        assign(back, u);
        expect(exactValues(back)).toEqual(xs);
      }),
      { numRuns: 150 },
    );
  });
});
