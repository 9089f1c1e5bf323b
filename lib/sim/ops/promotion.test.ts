import { describe, expect, it } from "vitest";
import { dtype, type DTypeName } from "../dtypes";
import { promote, scalarDtype } from "./promotion";

// Every row of the NKI type-promotion table [SHARED226] as quoted in reference §1.9.
const TABLE: [DTypeName, DTypeName, DTypeName][] = [
  ["float32", "tfloat32", "float32"],
  ["float32", "bfloat16", "float32"],
  ["float16", "bfloat16", "float32"],
  ["float8_e4m3", "float16", "float16"],
  ["float8_e4m3", "bfloat16", "bfloat16"],
  ["float8_e4m3", "float8_e5m2", "bfloat16"],
  ["int16", "int32", "int32"],
  ["uint8", "uint16", "uint16"],
  ["uint16", "int32", "int32"],
  ["int8", "uint8", "int16"],
  ["int8", "uint16", "int32"],
  ["int32", "uint32", "float32"],
  ["bfloat16", "int32", "bfloat16"],
];

describe("NKI type promotion", () => {
  for (const [a, b, r] of TABLE) {
    it(`promotes (${a}, ${b}) to ${r} in either order`, () => {
      expect(promote(dtype(a), dtype(b)).name).toBe(r);
      expect(promote(dtype(b), dtype(a)).name).toBe(r);
    });
  }

  it("treats Python scalars as uint8/int32/float32, so (fp16, 1.2) is fp32 and (int8, 2) is int32", () => {
    expect(promote(dtype("float16"), scalarDtype(1.2, false)).name).toBe("float32");
    expect(promote(dtype("int8"), scalarDtype(2, true)).name).toBe("int32");
    expect(scalarDtype(true, false).name).toBe("uint8");
  });
});
