import { describe, it, expect } from "vitest";
import { NDArray, fromStorage, DTYPES } from "../ndarray";
import { arrayRepr, arrayStr, DEFAULT_PRINT_OPTIONS } from "./arrayprint";
import { scalarRepr } from "./scalar";

// Expected strings are numpy 2.4's output for the same arrays (python3 -c "import numpy as np; ...").
describe("printing the numpy core's NDArray", () => {
  it("prints a float32 matrix with its dtype suffix", () => {
    const a = fromStorage(DTYPES.float32, [2, 3], Float32Array.from([0.1, 2, -3.5, 1e-3, 5, 6]));
    expect(arrayRepr(a)).toBe("array([[ 1.0e-01,  2.0e+00, -3.5e+00],\n       [ 1.0e-03,  5.0e+00,  6.0e+00]], dtype=float32)");
  });

  it("walks a non-contiguous (transposed) view in C order", () => {
    const base = Float64Array.from([1, 2, 3, 4, 5, 6]);
    const t = new NDArray(base, DTYPES.float64, [3, 2], [1, 3], 0);
    expect(arrayStr(t)).toBe("[[1. 4.]\n [2. 5.]\n [3. 6.]]");
  });

  it("prints int64 and bool arrays without a dtype suffix and 0-d arrays as numpy does", () => {
    expect(arrayRepr(fromStorage(DTYPES.int64, [3], Float64Array.from([1, -20, 300])))).toBe("array([  1, -20, 300])");
    expect(arrayRepr(fromStorage(DTYPES.bool, [2], Uint8Array.from([1, 0])))).toBe("array([ True, False])");
    expect(arrayRepr(fromStorage(DTYPES.float64, [], Float64Array.from([2.5])))).toBe("array(2.5)");
    expect(arrayStr(fromStorage(DTYPES.float32, [], Float32Array.from([0.1])))).toBe("0.1");
  });

  it("prints big arrays in full when the threshold allows it (numpy: set_printoptions(threshold=sys.maxsize))", () => {
    const n = 20_000;
    const a = fromStorage(DTYPES.float64, [n], Float64Array.from({ length: n }, (_, i) => i / 4));
    const s = arrayStr(a, { ...DEFAULT_PRINT_OPTIONS, threshold: Infinity });
    expect(s.startsWith("[0.00000e+00 2.50000e-01 5.00000e-01 7.5")).toBe(true);
    expect(s.endsWith("e+03\n 4.99950e+03 4.99975e+03]")).toBe(true);
  });

  it("prints scalars in numpy 2 style", () => {
    expect(scalarRepr("float32", Math.fround(0.1))).toBe("np.float32(0.1)");
    expect(scalarRepr("int64", 3)).toBe("np.int64(3)");
    expect(scalarRepr("bool", true)).toBe("np.True_");
  });
});
