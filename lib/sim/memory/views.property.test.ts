import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dtype } from "../dtypes";
import { Machine } from "../machine";
import { gather, scatter } from "../ops/common";
import { fullView, permuteView, sliceView, storageIndices } from "./tensor";

/** Row-major flat index of `idx` in `shape` (the independent oracle for HBM views). */
function flat(idx: number[], shape: number[]): number {
  return idx.reduce((acc, v, k) => acc * shape[k] + v, 0);
}

describe("strided views (property)", () => {
  it("slicing then permuting an HBM tensor addresses the same elements as index arithmetic", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }),
        fc.infiniteStream(fc.nat()),
        (shape, rnd) => {
          const m = new Machine({ mode: "functional" });
          const h = fullView(m.allocHbm("h", shape, dtype("float32")));
          const next = (n: number) => rnd.next().value % n;
          // Random slice per dim: start, stop, step.
          const starts = shape.map((s) => next(s));
          const steps = shape.map(() => 1 + next(2));
          const stops = shape.map((s, k) => starts[k] + 1 + next(s - starts[k]));
          let v = h;
          shape.forEach((_, k) => (v = sliceView(v, k, starts[k], stops[k], steps[k])));
          const perm = shape.map((_, k) => k).sort(() => (next(2) === 0 ? -1 : 1));
          v = permuteView(v, perm);
          const got = Array.from(storageIndices(v));
          // Oracle: enumerate the permuted index space in C order.
          const sizes = perm.map((k) => Math.ceil((stops[k] - starts[k]) / steps[k]));
          const want: number[] = [];
          const idx = sizes.map(() => 0);
          const total = sizes.reduce((a, b) => a * b, 1);
          for (let i = 0; i < total; i++) {
            const orig = new Array<number>(shape.length);
            perm.forEach((k, j) => (orig[k] = starts[k] + idx[j] * steps[k]));
            want.push(flat(orig, shape));
            for (let j = sizes.length - 1; j >= 0; j--) {
              if (++idx[j] < sizes[j]) break;
              idx[j] = 0;
            }
          }
          expect(got).toEqual(want);
          // gather/scatter round-trip through the same view.
          const values = want.map((_, i) => i + 0.5);
          scatter(v, values, null, "exact");
          expect(Array.from(gather(v))).toEqual(values);
        },
      ),
      { numRuns: 200 },
    );
  });
});
