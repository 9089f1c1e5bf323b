/**
 * Micro-benchmark: elementwise ops and reductions on 1 M float32 elements (plus a 512³ float32
 * matmul on the plain-TS fallback). Run: npx tsx lib/numpy/bench/elementwise.bench.ts
 * Compare with: python3 lib/numpy/bench/elementwise_numpy.py
 */
import { DTYPES } from "../dtypes";
import { fromStorage, pyFloat } from "../ndarray";
import { binary, unary } from "../ufuncs";
import { max, mean, sum } from "../reductions";
import { matmul } from "../linalg";

const N = 1_000_000;
function randomF32(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 32 - 0.5;
  }
  return out;
}
const a = fromStorage(DTYPES.float32, [N], randomF32(N, 1));
const b = fromStorage(DTYPES.float32, [N], randomF32(N, 2));
const a2 = fromStorage(DTYPES.float32, [1000, 1000], a.data);

function time(label: string, fn: () => unknown, reps = 30): number {
  for (let i = 0; i < 5; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((x, y) => x - y);
  const median = samples[Math.floor(samples.length / 2)];
  console.log(`${label.padEnd(28)} ${median.toFixed(3)} ms`);
  return median;
}

time("a + b", () => binary("add", a, b));
time("a * b", () => binary("multiply", a, b));
time("a * 2.0", () => binary("multiply", a, pyFloat(2)));
time("a / b", () => binary("true_divide", a, b));
time("maximum(a, 0)", () => binary("maximum", a, pyFloat(0)));
time("a > b", () => binary("greater", a, b));
time("exp(a)", () => unary("exp", a));
time("sqrt(abs(a))", () => unary("sqrt", unary("absolute", a)));
time("tanh(a)", () => unary("tanh", a));
time("a.sum()", () => sum(a));
time("a.mean()", () => mean(a));
time("a.max()", () => max(a));
time("a2.sum(axis=0)", () => sum(a2, { axis: 0 }));
time("a2.sum(axis=1)", () => sum(a2, { axis: 1 }));
time("a2 + a2[0] (broadcast)", () => binary("add", a2, fromStorage(DTYPES.float32, [1000], a.data.subarray(0, 1000))));
const m = 512;
const ma = fromStorage(DTYPES.float32, [m, m], randomF32(m * m, 3));
const mb = fromStorage(DTYPES.float32, [m, m], randomF32(m * m, 4));
const t = time("matmul 512^3 f32 (fallback)", () => matmul(ma, mb), 3);
console.log(`  -> ${((2 * m ** 3) / (t / 1000) / 1e9).toFixed(2)} GFLOP/s`);
