import { describe, expect, it } from "vitest";
import { affineMask } from "./mask";

describe("affine masks", () => {
  it("builds the ragged-tile mask i_p < 3 & i_f < 2", () => {
    const m = affineMask([4, 3], [
      { offset: -3, coeffs: [1, 0], cmp: "less" },
      { offset: -2, coeffs: [0, 1], cmp: "less" },
    ]);
    expect(Array.from(m)).toEqual([1, 1, 0, 1, 1, 0, 1, 1, 0, 0, 0, 0]);
  });

  it("builds a causal mask i_p - i_f >= 0", () => {
    const m = affineMask([3, 3], [{ offset: 0, coeffs: [1, -1], cmp: "greater_equal" }]);
    expect(Array.from(m)).toEqual([1, 0, 0, 1, 1, 0, 1, 1, 1]);
  });
});
