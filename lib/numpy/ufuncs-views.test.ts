import { describe, expect, it } from "vitest";
import { DTYPES } from "./dtypes";
import { NDArray } from "./ndarray";
import { binary, binaryInto } from "./ufuncs";

describe("binary ufuncs on views that start inside their buffer", () => {
  it("reads each operand's own element when the result has one element and an operand is broadcast", () => {
    // x = np.arange(7.); y = np.array([10., 20, 30, 40, 50]); x[5:6].reshape(1, 1) + y[3:4] -> [[45.]] (numpy 2.4)
    const x = new NDArray(Float64Array.from([0, 1, 2, 3, 4, 5, 6]), DTYPES.float64, [1, 1], [1, 1], 5);
    const y = new NDArray(Float64Array.from([10, 20, 30, 40, 50]), DTYPES.float64, [1], [1], 3);
    const sum = binary("add", x, y);
    expect(sum.shape).toEqual([1, 1]);
    expect(Array.from(sum.data)).toEqual([45]);
  });
});

describe("binaryInto writes SIMD results straight into the target only when that is safe", () => {
  const n = 20011;
  const values = (seed: number): Float32Array => Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.37 + seed) * 1000);
  const vec = (data: Float32Array, length = data.length, offset = 0): NDArray => new NDArray(data, DTYPES.float32, [length], [1], offset);

  it("a += b and a += a write into a, equal to the out-of-place result", () => {
    const a = values(1);
    const b = values(2);
    const want = binary("add", vec(a.slice()), vec(b)).data;
    expect(binaryInto("add", vec(a), vec(b), vec(a))).toBe(true);
    expect(Array.from(a)).toEqual(Array.from(want));
    const twice = binary("add", vec(a.slice()), vec(a.slice())).data;
    expect(binaryInto("add", vec(a), vec(a), vec(a))).toBe(true);
    expect(Array.from(a)).toEqual(Array.from(twice));
  });

  it("declines, writing nothing, when an operand overlaps the target at another position", () => {
    const a = values(3);
    const before = a.slice();
    expect(binaryInto("add", vec(a, n - 1, 1), vec(a, n - 1, 0), vec(a, n - 1, 1))).toBe(false);
    expect(binaryInto("add", vec(a, n - 1, 0), vec(a, n - 1, 1), vec(a, n - 1, 0))).toBe(false);
    expect(Array.from(a)).toEqual(Array.from(before));
  });

  it("declines for a non-contiguous target, another dtype or shape, and small arrays", () => {
    const a = values(4);
    const strided = new NDArray(a, DTYPES.float32, [10000], [2], 0);
    expect(binaryInto("add", strided, strided, strided)).toBe(false);
    const f64 = new NDArray(new Float64Array(n), DTYPES.float64, [n], [1], 0);
    expect(binaryInto("add", vec(a), vec(a), f64)).toBe(false);
    const small = vec(new Float32Array(100));
    expect(binaryInto("add", small, small, small)).toBe(false);
  });

  it("writes a row broadcast from the target's own first row (staged before any write, as numpy buffers it)", () => {
    const x = values(5).subarray(0, 40 * 500);
    const grid = new NDArray(x, DTYPES.float32, [40, 500], [500, 1], 0);
    const row0 = x.slice(0, 500);
    const want = Float32Array.from(x, (v, i) => v - row0[i % 500]);
    expect(binaryInto("subtract", grid, new NDArray(x, DTYPES.float32, [500], [1], 0), grid)).toBe(true);
    expect(Array.from(x)).toEqual(Array.from(want));
  });

  it("raises the ufunc's errors like binary()", () => {
    const bools = new NDArray(new Uint8Array(1000), DTYPES.bool, [1000], [1], 0);
    expect(() => binaryInto("subtract", bools, bools, bools)).toThrow(/numpy boolean subtract/);
    expect(() => binaryInto("nope", bools, bools, bools)).toThrow(/unknown ufunc/);
  });
});
