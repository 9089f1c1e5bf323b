import fc from "fast-check";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DTYPES } from "../dtypes";
import { copy, empty, ones, zeros } from "../creation";
import { NDArray, astype, fromStorage, pyFloat } from "../ndarray";
import { max, sum } from "../reductions";
import { binary, binaryInto, unary, where } from "../ufuncs";
import { UNINITIALISED_MIN_BYTES, setUninitialisedAllocator } from "./uninitialised";
import { setResidentArrays } from "./heap";

/** An allocator whose memory is full of `byte` (0xff reads as NaN / 255, 0x5a as finite junk), counting what it hands out. */
function junkAllocator(byte: number): { handedOut: Set<ArrayBuffer>; install: (fromBytes?: number) => void } {
  const handedOut = new Set<ArrayBuffer>();
  return {
    handedOut,
    install: (fromBytes = SMALL_ENOUGH) => {
      setUninitialisedAllocator((bytes) => {
        const buffer = new Uint8Array(bytes).fill(byte).buffer;
        handedOut.add(buffer);
        return buffer;
      }, fromBytes);
    },
  };
}

// The host's allocator serves results that are not resident arrays (heap.ts covers those).
let residentBefore = true;
beforeAll(() => {
  residentBefore = setResidentArrays(false);
});
afterAll(() => {
  setResidentArrays(residentBefore);
});
afterEach(() => {
  setUninitialisedAllocator(null);
});

// Results past 64 KiB even as bytes (bool results), over several 128 KiB staging chunks with ragged
// tails; the allocator is installed from 64 KiB so that these sizes take it.
const N = 70_001;
const SMALL_ENOUGH = 64 * 1024;
const EDGE = [NaN, Infinity, -Infinity, 0, -0, 1, -1, 0.5, -2.75, 1e-45, 3e38, 0.1];
const values = (salt: number): number[] => Array.from({ length: N }, (_, i) => EDGE[(i * 7 + salt) % EDGE.length] * (1 + ((i + salt) % 11) / 8));

function operands(dtype: "float32" | "float64"): { a: NDArray; b: NDArray; a2: NDArray; row: NDArray; col: NDArray } {
  const Ctor = dtype === "float32" ? Float32Array : Float64Array;
  const rows = 73;
  const cols = 959; // 73 * 959 = 70007
  return {
    a: fromStorage(DTYPES[dtype], [N], Ctor.from(values(0))),
    b: fromStorage(DTYPES[dtype], [N], Ctor.from(values(5))),
    a2: fromStorage(DTYPES[dtype], [rows, cols], Ctor.from(values(3).concat([1, 2, 3, 4, 5, 6]))),
    row: fromStorage(DTYPES[dtype], [cols], Ctor.from(values(1).slice(0, cols))),
    col: fromStorage(DTYPES[dtype], [rows, 1], Ctor.from(values(2).slice(0, rows))),
  };
}

/** Every result the SIMD loops allocate fresh: binary (dense, scalar, row and column broadcasts), unary, where. */
function simdResults(): [string, () => NDArray][] {
  const cases: [string, () => NDArray][] = [];
  for (const dtype of ["float32", "float64"] as const) {
    const { a, b, a2, row, col } = operands(dtype);
    for (const op of ["add", "subtract", "multiply", "true_divide", "maximum", "minimum"]) {
      cases.push([`${op} ${dtype} vv`, () => binary(op, a, b)]);
      cases.push([`${op} ${dtype} vs`, () => binary(op, a, pyFloat(0.75))]);
      cases.push([`${op} ${dtype} sv`, () => binary(op, pyFloat(-3), b)]);
      cases.push([`${op} ${dtype} rows`, () => binary(op, a2, row)]);
      cases.push([`${op} ${dtype} cols`, () => binary(op, col, a2)]);
    }
    for (const op of ["sqrt", "absolute", "negative", "square"]) cases.push([`${op} ${dtype}`, () => unary(op, a)]);
    const cond = binary("greater", a, b);
    cases.push([`where ${dtype}`, () => where(cond, a, b)]);
    cases.push([`where ${dtype} scalar`, () => where(cond, pyFloat(2), b)]);
  }
  const { a, b, a2, row } = operands("float32");
  for (const op of ["equal", "not_equal", "less", "less_equal", "greater", "greater_equal"]) {
    cases.push([`${op} vv`, () => binary(op, a, b)]);
    cases.push([`${op} vs`, () => binary(op, a, pyFloat(0.5))]);
    cases.push([`${op} rows`, () => binary(op, a2, row)]);
  }
  cases.push(["exp", () => unary("exp", a)], ["tanh", () => unary("tanh", a)]);
  return cases;
}

const bytesOf = (x: NDArray): Uint8Array => new Uint8Array(x.data.buffer, x.data.byteOffset, x.data.byteLength);

/** The first byte at which two results differ, or -1 (vitest's toEqual is far too slow on 100 KB arrays). */
function firstDifference(x: Uint8Array, y: Uint8Array): number {
  if (x.length !== y.length) return Math.min(x.length, y.length);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return i;
  return -1;
}

describe("results in uninitialised memory are written in full before anyone sees them", () => {
  it.each([0xff, 0x5a])("every SIMD loop's result is bit-identical whatever the allocator's memory held (byte %i)", (byte) => {
    const cases = simdResults();
    const zeroed = cases.map(([, run]) => bytesOf(run()).slice());
    const junk = junkAllocator(byte);
    junk.install();
    cases.forEach(([label, run], k) => {
      const result = run();
      // The result really lives in the allocator's memory, and none of that memory's old contents survive.
      expect(junk.handedOut.has(result.data.buffer as ArrayBuffer), label).toBe(true);
      expect(result.data.byteLength, label).toBe(result.data.buffer.byteLength);
      expect(firstDifference(bytesOf(result), zeroed[k]), label).toBe(-1);
    });
  });

  it("holds for random sizes, offsets, operand layouts and ops (every result taken from junk memory)", () => {
    const ops = ["add", "subtract", "multiply", "true_divide", "maximum", "minimum", "less", "greater_equal", "not_equal"];
    fc.assert(
      fc.property(
        fc.constantFrom(...ops),
        fc.constantFrom("float32" as const, "float64" as const),
        fc.integer({ min: 256, max: 3 * 32768 + 50 }),
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom("vv", "vs", "sv"),
        fc.constantFrom(0x00, 0xff, 0x7f),
        (op, dtype, n, offset, mode, byte) => {
          if (dtype === "float64" && ["less", "greater_equal", "not_equal"].includes(op)) dtype = "float32";
          const Ctor = dtype === "float32" ? Float32Array : Float64Array;
          const data = Ctor.from(Array.from({ length: n + offset }, (_, i) => EDGE[(i * 5 + n) % EDGE.length] * (1 + (i % 7) / 4)));
          const x = new NDArray(data, DTYPES[dtype], [n], [1], offset);
          const y = new NDArray(Ctor.from(data).reverse(), DTYPES[dtype], [n], [1], offset);
          const run = (): NDArray => (mode === "vv" ? binary(op, x, y) : mode === "vs" ? binary(op, x, pyFloat(1.25)) : binary(op, pyFloat(-0.5), y));
          setUninitialisedAllocator(null);
          const want = bytesOf(run()).slice();
          const junk = junkAllocator(byte);
          junk.install(0);
          const got = run();
          expect(junk.handedOut.has(got.data.buffer as ArrayBuffer)).toBe(true);
          expect(firstDifference(bytesOf(got), want)).toBe(-1);
        },
      ),
      { numRuns: 60, seed: 20261126 },
    );
  });

  it("np.empty, zeros, copies, casts, reductions, in-place operators and JavaScript loops never take it", () => {
    const junk = junkAllocator(0xff);
    const { a, b } = operands("float32");
    const ints = astype(a, DTYPES.int32);
    const c = copy(a);
    junk.install();
    const made: NDArray[] = [
      empty([N], DTYPES.float32),
      zeros([N], DTYPES.float32),
      ones([N], DTYPES.float64),
      copy(a),
      astype(a, DTYPES.float64),
      binary("add", ints, ints), // int32: the JavaScript loop
      unary("sin", a), // no SIMD loop
      binary("add", a, ints), // needs a cast first
      sum(fromStorage(DTYPES.float32, [N / 7 | 0, 7], a.data.slice(0, (N / 7 | 0) * 7)), { axis: 1 }),
      max(a),
    ].filter((x): x is NDArray => typeof x === "object");
    expect(binaryInto("add", c, b, c)).toBe(true);
    expect(junk.handedOut.size).toBe(0);
    expect(made.every((x) => !junk.handedOut.has(x.data.buffer as ArrayBuffer))).toBe(true);
    expect(Array.from(empty([4], DTYPES.float32).data)).toEqual([0, 0, 0, 0]);
  });

  it("results under the installed size (by default 2 MiB) are allocated zeroed without asking the host", () => {
    const junk = junkAllocator(0xff);
    junk.install(UNINITIALISED_MIN_BYTES);
    const n = UNINITIALISED_MIN_BYTES / 4 - 1;
    const a = fromStorage(DTYPES.float32, [n], new Float32Array(n).fill(1));
    expect(Array.from(binary("add", a, a).data.subarray(0, 3))).toEqual([2, 2, 2]);
    expect(junk.handedOut.size).toBe(0);
    const big = fromStorage(DTYPES.float32, [n + 1], new Float32Array(n + 1).fill(1));
    expect(junk.handedOut.has(binary("add", big, big).data.buffer as ArrayBuffer)).toBe(true);
  });

  it("an allocator answering with the wrong size or kind of buffer is not used", () => {
    const { a, b } = operands("float32");
    const want = bytesOf(binary("multiply", a, b)).slice();
    for (const wrong of [(bytes: number) => new ArrayBuffer(bytes + 8), (bytes: number) => new ArrayBuffer(bytes - 4), (bytes: number) => new SharedArrayBuffer(bytes) as unknown as ArrayBuffer]) {
      setUninitialisedAllocator(wrong, SMALL_ENOUGH);
      const got = binary("multiply", a, b);
      expect(got.data.buffer.byteLength).toBe(4 * N);
      expect(got.data.buffer instanceof ArrayBuffer).toBe(true);
      expect(firstDifference(bytesOf(got), want)).toBe(-1);
    }
  });
});
