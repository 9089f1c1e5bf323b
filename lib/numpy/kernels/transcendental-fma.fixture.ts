/**
 * Run by transcendental.test.ts in a child process, `node [--experimental-wasm-relaxed-simd]
 * --import tsx transcendental-fma.fixture.ts`: the relaxed-SIMD flag must be set before numpy's
 * kernels compile, which a shared test worker cannot promise. Prints one JSON object: whether the
 * fused loops are in use, and for np.exp and np.tanh on float32 the inputs (as float32 bit
 * patterns) where results differ bit for bit from numpy's golden values or from npy-math.ts.
 */
import { DTYPES } from "../dtypes";
import { NDArray } from "../ndarray";
import { expF32, tanhF32 } from "../npy-math";
import { unary } from "../ufuncs";
import { fmaKernels } from "./wasm-instance";
import golden from "./transcendental.golden.json";

function floats(b64: string): Float32Array {
  return new Float32Array(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)).buffer);
}

/** Bit patterns of inputs whose results differ (NaNs equal whatever their payloads). */
function mismatches(input: Float32Array, got: Float32Array, want: ArrayLike<number>): number[] {
  const bits = new Uint32Array(input.buffer, input.byteOffset, input.length);
  const bad: number[] = [];
  for (let i = 0; i < got.length; i++) {
    if (!Object.is(got[i], want[i]) && !(Number.isNaN(got[i]) && Number.isNaN(want[i]))) bad.push(bits[i]);
  }
  return bad;
}

type Op = "exp" | "tanh";
const REFERENCE: Record<Op, (x: number) => number> = { exp: expF32, tanh: tanhF32 };
/** 2^16 consecutive float32 values from each start where results change fastest or branch. */
const STARTS: Record<Op, number[]> = {
  // Both overflow thresholds, where results turn subnormal, near 0.5 and 0, the infinities.
  exp: [0x42b17218 - 0x8000, 0xc2cff1b5 - 0x8000, 0xc2aeac50 - 0x8000, 0x3f000000, 0xbf000000, 0x00000000, 0x80000000, 0x7f800000, 0xff800000],
  // The first interval boundary (0.046875), 1, 9 (saturation), 2^127 * 1.25 (the huge threshold), NaN, negatives.
  tanh: [0x3d400000 - 0x8000, 0x3f800000 - 0x8000, 0x41100000 - 0x8000, 0x7f200000 - 0x8000, 0x7f800000, 0xbd400000 - 0x8000, 0xc1100000 - 0x8000, 0x00000000, 0x80000000],
};

const run = (op: Op, input: Float32Array, offset = 0): Float32Array =>
  unary(op, new NDArray(input, DTYPES.float32, [input.length - offset], [1], offset)).data as Float32Array;

const x = floats(golden.x);
const random = new Uint32Array(200_003);
let s = 0x9e3779b9;
for (let i = 0; i < random.length; i++) random[i] = s = (Math.imul(s, 1664525) + 1013904223) >>> 0;

function check(op: Op): object {
  const want = floats(golden[op]);
  const starts = STARTS[op];
  const dense = new Uint32Array(starts.length << 16);
  starts.forEach((start, j) => {
    for (let i = 0; i < 1 << 16; i++) dense[(j << 16) + i] = (start + i) >>> 0;
  });
  return {
    againstNumpy: mismatches(x, run(op, x), want),
    atOffsets: [1, 3, 7, 16, 5].flatMap((offset) => mismatches(x.subarray(offset), run(op, x, offset), want.subarray(offset))),
    againstJs: [dense, random].flatMap((bits) => {
      const input = new Float32Array(bits.buffer);
      return mismatches(input, run(op, input), input.map(REFERENCE[op]));
    }),
  };
}

console.log(JSON.stringify({ fused: fmaKernels() !== null, exp: check("exp"), tanh: check("tanh") }));
