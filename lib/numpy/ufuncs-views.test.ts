import { describe, expect, it } from "vitest";
import { DTYPES } from "./dtypes";
import { NDArray } from "./ndarray";
import { binary } from "./ufuncs";

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
