import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DTYPES } from "../dtypes";
import { NDArray, fromStorage } from "../ndarray";
import { expF32, tanhF32 } from "../npy-math";
import { unary } from "../ufuncs";
import { unaryFloatWasm } from "./elementwise";
import golden from "./transcendental.golden.json";

function floats(b64: string): Float32Array {
  return new Float32Array(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)).buffer);
}

const x = floats(golden.x);

/** Indices where a and b differ as float32 bit patterns (NaNs equal). */
function bitMismatches(got: Float32Array, want: ArrayLike<number>): number[] {
  const bad: number[] = [];
  for (let i = 0; i < got.length; i++) {
    if (!Object.is(got[i], want[i]) && !(Number.isNaN(got[i]) && Number.isNaN(want[i]))) bad.push(i);
  }
  return bad;
}

const view = (data: Float32Array, length: number, offset: number): NDArray => new NDArray(data, DTYPES.float32, [length], [1], offset);

describe("np.exp on float32 (SIMD loop)", () => {
  it("equals numpy bit for bit on nan, inf, -0, subnormals and both overflow thresholds (1003 elements)", () => {
    expect(bitMismatches(unary("exp", fromStorage(DTYPES.float32, [x.length], x)).data as Float32Array, floats(golden.exp))).toEqual([]);
  });

  it("equals numpy for arrays starting inside their buffer, at every length remainder mod 16", () => {
    const want = floats(golden.exp);
    for (const [offset, length] of [[1, 256], [3, 257], [7, 270], [16, 271], [5, 998]]) {
      const got = unary("exp", view(x, length, offset)).data as Float32Array;
      expect(bitMismatches(got, want.subarray(offset, offset + length)), `offset ${offset} length ${length}`).toEqual([]);
    }
  });
});

describe("np.tanh on float32 (SIMD loop)", () => {
  it("equals numpy bit for bit (its interval polynomials, not a correctly rounded tanh) on edges and 1003 values", () => {
    const got = unary("tanh", fromStorage(DTYPES.float32, [x.length], x)).data as Float32Array;
    expect(bitMismatches(got, floats(golden.tanh))).toEqual([]);
  });

  it("gives numpy's positive quiet NaN for a NaN of either sign", () => {
    const nans = new Float32Array(new Uint32Array(300).map((_, i) => (i % 2 === 0 ? 0xffc00000 : 0x7fc00001)).buffer);
    const got = new Uint32Array((unary("tanh", fromStorage(DTYPES.float32, [300], nans)).data as Float32Array).buffer);
    expect(new Set(got)).toEqual(new Set([0x7fc00000]));
  });
});

describe("the SIMD exp/tanh loops equal the JavaScript path bit for bit", () => {
  const reference = { exp: expF32, tanh: tanhF32 };

  it.each(["exp", "tanh"] as const)("%s on 200 000 random float32 bit patterns", (op) => {
    const bits = new Uint32Array(200_003);
    let s = 0x9e3779b9;
    for (let i = 0; i < bits.length; i++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      bits[i] = s;
    }
    const input = new Float32Array(bits.buffer);
    const got = unaryFloatWasm(op, input, 0, input.length) as Float32Array;
    expect(bitMismatches(got, input.map((v) => reference[op](v)))).toEqual([]);
  });

  it.each(["exp", "tanh"] as const)("%s on dense ranges of consecutive float32 values where results change fastest", (op) => {
    // Every float32 in [0.5, 0.5 + 2^16 ulps) and in [-0.5 - 2^16 ulps, -0.5] and near tanh's saturation.
    const starts = [0x3f000000, 0xbf000000, 0x41100000, 0x3a800000];
    for (const start of starts) {
      const bits = Uint32Array.from({ length: 1 << 16 }, (_, i) => start + i);
      const input = new Float32Array(bits.buffer);
      const got = unaryFloatWasm(op, input, 0, input.length) as Float32Array;
      expect(bitMismatches(got, input.map((v) => reference[op](v))), `from 0x${start.toString(16)}`).toEqual([]);
    }
  });

  it.each(["exp", "tanh"] as const)("%s on arbitrary arrays and offsets (property)", (op) => {
    fc.assert(
      fc.property(fc.float32Array({ minLength: 256, maxLength: 700 }), fc.nat(40), (data, skip) => {
        const offset = Math.min(skip, data.length - 256);
        const length = data.length - offset;
        const got = unary(op, view(data, length, offset)).data as Float32Array;
        const want = data.subarray(offset).map((v) => reference[op](v));
        return bitMismatches(got, want).length === 0;
      }),
      { numRuns: 60 },
    );
  });

  it("leaves float64 exp and tanh to the JavaScript loop", () => {
    expect(unaryFloatWasm("exp", new Float64Array(1000), 0, 1000)).toBeNull();
    expect(unaryFloatWasm("tanh", new Float64Array(1000), 0, 1000)).toBeNull();
  });
});

describe("np.exp and np.tanh on float32 with fused multiply-adds (relaxed SIMD, elementwise-fma.wat)", () => {
  const fixture = fileURLToPath(new URL("./transcendental-fma.fixture.ts", import.meta.url));
  const run = (flags: readonly string[]): Record<string, unknown> => {
    const r = spawnSync(process.execPath, [...flags, "--import", "tsx", fixture], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout) as Record<string, unknown>;
  };
  const exact = { againstNumpy: [], atOffsets: [], againstJs: [] };

  it("equal numpy's goldens and the JavaScript path bit for bit (thresholds, interval edges, NaN, inf, 790 000 inputs each)", () => {
    expect(run(["--experimental-wasm-relaxed-simd"])).toEqual({ fused: true, exp: exact, tanh: exact });
  });

  it("are not used where relaxed SIMD is off; the double-lane loops give the same results", () => {
    expect(run([])).toEqual({ fused: false, exp: exact, tanh: exact });
  });
});
