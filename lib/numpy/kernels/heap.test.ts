import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { DTYPES } from "../dtypes";
import { zeros } from "../creation";
import { FPE_OVERFLOW, collectFpErrors } from "../fp-errors";
import { NDArray, broadcastView, fromStorage, pyFloat } from "../ndarray";
import { max, min, sum } from "../reductions";
import { binary, binaryInto, unary, where } from "../ufuncs";
import { isResident, RESIDENT_MIN_BYTES, setResidentArrays } from "./heap";

const fixture = fileURLToPath(new URL("./heap-reclaim.fixture.ts", import.meta.url));

function runFixture(scenario: string, flags: readonly string[]): Record<string, unknown> {
  const r = spawnSync(process.execPath, [...flags, "--import", "tsx", fixture, scenario], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}
const RECLAIMING = ["--expose-gc", "--harmony-weak-refs-with-cleanup-some"];

afterEach(() => {
  setResidentArrays(true);
});

describe("resident arrays are reclaimed when garbage collected", () => {
  it("300 fresh 4 MiB results fit a 256 MiB heap: blocks of dropped results come back, every result right", () => {
    const r = runFixture("loop", RECLAIMING);
    expect(r).toMatchObject({ canCleanup: true, wrong: 0 });
    // The heap holds 63 such arrays unreclaimed; a slow collection (a loaded machine) can make the
    // collector back off for a while, so not every result need be resident.
    expect(r.resident as number).toBeGreaterThan(100);
    expect(r.peak as number).toBeLessThanOrEqual(r.capacity as number);
  });

  it("a view from contiguousData keeps its block alive after its array is dropped (a bare subarray would not)", () => {
    // The bare subarray's bytes are rewritten by later arrays: the hazard deriveView exists for.
    expect(runFixture("views", RECLAIMING)).toEqual({ canCleanup: true, derived: [7, 7, 7], bare: [9, 9, 9] });
  });

  it("np.zeros in a reused block is zero", () => {
    expect(runFixture("zeros", RECLAIMING)).toEqual({ canCleanup: true, resident: 20, nonzero: 0 });
  });

  it("without mid-run reclamation a full heap sends arrays to the JavaScript heap, results unchanged", () => {
    const r = runFixture("full", ["--expose-gc"]);
    expect(r).toMatchObject({ canCleanup: false, wrong: 0 });
    expect(r.resident as number).toBeGreaterThan(50);
    expect(r.resident as number).toBeLessThan(100);
  });
});

// Random float32/float64 data with the values that test NaN, infinity and signed-zero handling.
const EDGE = [NaN, Infinity, -Infinity, 0, -0, 1, -1, 0.5, 3e38, 1e-45];
function data(dtype: "float32" | "float64", n: number, seed: number): number[] {
  let s = seed >>> 0;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % 50 === 0 ? EDGE[s % EDGE.length] : (s / 2 ** 32 - 0.5) * (dtype === "float32" ? 100 : 1e6);
  });
}

/** The same values twice: in the JS heap, and resident (C-contiguous from `offset` elements into a resident block). */
function pair(dtype: "float32" | "float64", shape: number[], seed: number, offset = 0): [NDArray, NDArray] {
  const n = shape.reduce((p, q) => p * q, 1);
  const values = data(dtype, n, seed);
  const Ctor = dtype === "float32" ? Float32Array : Float64Array;
  const plain = fromStorage(DTYPES[dtype], shape, Ctor.from(values));
  const block = zeros([n + offset], DTYPES[dtype]).data as Float32Array | Float64Array;
  block.set(values, offset);
  return [plain, new NDArray(block, DTYPES[dtype], shape, plain.strides, offset)];
}

const bits = (x: NDArray): number[] => Array.from(x.data.subarray(x.offset, x.offset + x.size), (v) => (Object.is(v, -0) ? -0.5 : v));

describe("the SIMD loops on resident arrays compute what they compute on staged copies", () => {
  it("arrays of at least 64 KiB are resident, smaller ones are not", () => {
    expect(isResident(zeros([RESIDENT_MIN_BYTES / 4], DTYPES.float32).data)).toBe(true);
    expect(isResident(zeros([RESIDENT_MIN_BYTES / 4 - 1], DTYPES.float32).data)).toBe(false);
    expect(isResident(zeros([100_000], DTYPES.int32).data)).toBe(false);
    setResidentArrays(false);
    expect(isResident(zeros([100_000], DTYPES.float32).data)).toBe(false);
  });

  it("binary ops (dense, scalar, row and column broadcasts, comparisons), unary ops, where and reductions", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("float32" as const, "float64" as const),
        fc.integer({ min: 8, max: 40 }),
        fc.integer({ min: 2100, max: 3000 }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 0, max: 1000 }),
        (dtype, rows, cols, offset, seed) => {
          const [a, ra] = pair(dtype, [rows, cols], seed, offset);
          const [b, rb] = pair(dtype, [rows, cols], seed + 1);
          const [row, rrow] = pair(dtype, [cols], seed + 2, offset);
          const [col, rcol] = pair(dtype, [rows, 1], seed + 3);
          expect(isResident(ra.data) && isResident(rb.data)).toBe(true);
          const ops: [string, (x: NDArray, y: NDArray, r: NDArray, c: NDArray) => NDArray][] = [
            ["add", (x, y) => binary("add", x, y)],
            ["divide", (x, y) => binary("true_divide", x, y)],
            ["maximum", (x, y) => binary("maximum", x, y)],
            ["scalar", (x) => binary("multiply", x, pyFloat(-0.75))],
            ["row", (x, _y, r) => binary("subtract", x, r)],
            ["col", (x, _y, _r, c) => binary("minimum", c, x)],
            ["greater", (x, y) => binary("greater", x, y)],
            ["sqrt", (x) => unary("sqrt", x)],
            ["exp", (x) => unary("exp", x)],
            ["where", (x, y) => where(binary("greater", x, pyFloat(0)), x, y)],
            ["sum", (x) => sum(x)],
            ["sum0", (x) => sum(x, { axis: 0 })],
            ["sum1", (x) => sum(x, { axis: 1 })],
            ["max", (x) => max(x)],
            ["min0", (x) => min(x, { axis: 0 })],
            ["max1", (x) => max(x, { axis: 1 })],
          ];
          for (const [name, op] of ops) {
            const want = op(a, b, row, col);
            const got = op(ra, rb, rrow, rcol);
            expect(bits(got), `${name} ${dtype} ${rows}x${cols}+${offset}`).toEqual(bits(want));
            if (got.size === a.size && got.data.byteLength >= RESIDENT_MIN_BYTES) expect(isResident(got.data), name).toBe(true);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it("in-place operators write resident targets in place, including from operands that are the target", () => {
    const [c, rc] = pair("float32", [300, 700], 5);
    const [b, rb] = pair("float32", [300, 700], 6);
    const rcData = rc.data;
    binaryInto("add", c, b, c);
    binaryInto("add", rc, rb, rc);
    expect(rc.data).toBe(rcData);
    expect(bits(rc)).toEqual(bits(c));
    binaryInto("subtract", c, max(c, { axis: 1, keepdims: true }), c);
    binaryInto("subtract", rc, max(rc, { axis: 1, keepdims: true }), rc);
    expect(bits(rc)).toEqual(bits(c));
    // A broadcast view of a resident row as the second operand.
    const [r, rr] = pair("float32", [700], 7);
    binaryInto("multiply", c, broadcastView(r, [300, 700]), c);
    binaryInto("multiply", rc, broadcastView(rr, [300, 700]), rc);
    expect(bits(rc)).toEqual(bits(c));
  });

  it("a checked result overwriting a resident operand equals the fresh result, with its errors, wherever non-finite values fall", () => {
    // Non-finite results near the 4 KiB blocks of the overwriting loops (1024 float32, 512 float64),
    // the rows (5 x 4000) and the ragged tails.
    const n = 20_000;
    const places = fc.uniqueArray(fc.constantFrom(0, 1, 511, 512, 1023, 1024, 1025, 2047, 3999, 4000, 4096, 19_455, 19_456, 19_999), { maxLength: 4 });
    const ops = ["add", "subtract", "multiply", "true_divide"] as const;
    fc.assert(
      fc.property(
        fc.constantFrom("float32" as const, "float64" as const),
        fc.constantFrom(...ops),
        fc.constantFrom("vv", "vs", "sv", "rows+row", "rows+col"),
        places,
        places,
        fc.integer({ min: 0, max: 5 }),
        (dtype, op, mode, xAt, yAt, offset) => {
          const big = dtype === "float32" ? 3e38 : 1.7e308;
          const specials = [big, -big, Infinity, NaN, 0];
          const rows = mode.startsWith("rows") ? 5 : 1;
          const [, x] = pair(dtype, rows === 1 ? [n] : [rows, n / rows], 11, offset);
          const xd = x.data as Float32Array | Float64Array;
          xAt.forEach((j, k) => (xd[x.offset + j] = specials[k]));
          const [, y] = pair(dtype, mode === "rows+row" ? [n / rows] : mode === "rows+col" ? [rows, 1] : [n], 12, 3);
          const yd = y.data as Float32Array | Float64Array;
          yAt.forEach((j, k) => (yd[y.offset + (j % y.size)] = specials[(k + 2) % specials.length]));
          const scalar = pyFloat(specials[xAt.length + yAt.length] ?? 2.5);
          const [p, q] = mode === "vs" ? [x, scalar] : mode === "sv" ? [scalar, x] : [x, y];
          expect(isResident(x.data) && (mode !== "vv" || isResident(y.data))).toBe(true);
          const fresh = collectFpErrors(() => binary(op, p, q));
          const before = x.data;
          const inPlace = collectFpErrors(() => binaryInto(op, p, q, x));
          expect(inPlace.value).toBe(true);
          expect(x.data).toBe(before);
          expect(bits(x)).toEqual(bits(fresh.value));
          expect(inPlace.errors).toEqual(fresh.errors);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("floating-point errors are classified from the operands even when the result overwrites one in place", () => {
    const big = (resident: boolean): NDArray => {
      const x = pair("float32", [100_000], 1)[resident ? 1 : 0];
      (x.data as Float32Array).fill(3e38, x.offset, x.offset + 10);
      (x.data as Float32Array)[x.offset + 20] = Infinity;
      return x;
    };
    const flags = (fn: () => unknown): number[] => collectFpErrors(fn).errors.map((e) => e.flags);
    for (const resident of [false, true]) {
      const x = big(resident);
      const y = big(resident);
      expect(flags(() => binaryInto("add", x, y, x)), `resident ${resident}`).toEqual([FPE_OVERFLOW]);
      // Infinite operands alone raise nothing: only a finite sum that overflows does.
      const z = big(resident);
      (z.data as Float32Array).fill(1, z.offset, z.offset + 10);
      expect(flags(() => binaryInto("add", z, z, z)), `resident ${resident}`).toEqual([]);
    }
  });
});
