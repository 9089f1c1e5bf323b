import { describe, it, expect } from "vitest";
import golden from "./counting.golden.json";
import { bincount } from "./counting";
import { array } from "./creation";
import { DTYPES } from "./dtypes";
import { contiguousData } from "./ndarray";

interface BincountCase {
  x: number[];
  weights: number[] | null;
  minlength: number;
  dtype: string;
  expected: string[];
}

interface BincountError {
  x: number[];
  weights?: number[];
  minlength?: number;
  message: string;
}

const ints = (xs: number[]) => (xs.length === 0 ? array([], DTYPES.int64) : array(xs, DTYPES.int64));
const floats = (xs: number[]) => array(xs, DTYPES.float64);

describe("bincount matches numpy 2.4", () => {
  it("counts (int64) or sums weights (float64) per value, padded to minlength", () => {
    for (const c of golden.cases as BincountCase[]) {
      const got = bincount(ints(c.x), c.weights === null ? undefined : floats(c.weights), c.minlength);
      expect(got.dtype.name, JSON.stringify(c)).toBe(c.dtype);
      expect(Array.from(contiguousData(got)), JSON.stringify(c)).toEqual(c.expected.map(Number));
    }
  });

  it("rejects negative values, negative minlength and mismatched weights with numpy's messages", () => {
    for (const e of golden.errors as BincountError[]) {
      expect(() => bincount(ints(e.x), e.weights === undefined ? undefined : floats(e.weights), e.minlength ?? 0)).toThrow(e.message);
    }
  });

  it("refuses 0-d and 2-D input the way numpy words it", () => {
    expect(() => bincount(array(3, DTYPES.int64))).toThrow("object of too small depth for desired array");
    expect(() => bincount(array([[1, 2]], DTYPES.int64))).toThrow("object too deep for desired array");
  });

  it("asks the caller's budget for the result's bytes before allocating it", () => {
    const asked: number[] = [];
    expect(bincount(ints([1, 3]), undefined, 0, (b) => asked.push(b)).shape).toEqual([4]);
    expect(asked).toEqual([32]);
    const refuse = (): void => {
      throw new Error("over budget");
    };
    expect(() => bincount(ints([1e12]), undefined, 0, refuse)).toThrow("over budget");
    expect(() => bincount(ints([]), undefined, 1e12, refuse)).toThrow("over budget");
  });
});
