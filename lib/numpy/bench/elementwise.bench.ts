/**
 * Micro-benchmark: elementwise ops and reductions on 1 M float32 elements (plus a 512³ float32
 * matmul), with numpy's times for the same operations measured in the same run by
 * elementwise_numpy.py when python3 + numpy are available (ratio column; skipped otherwise).
 * Run: npx tsx lib/numpy/bench/elementwise.bench.ts
 * Times are best (and median) of 30 runs in ms; on a shared machine "best" is the stable figure.
 */
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DTYPES } from "../dtypes";
import { fromStorage, pyFloat } from "../ndarray";
import { binary, unary, where } from "../ufuncs";
import { max, mean, min, sum } from "../reductions";
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
const row = fromStorage(DTYPES.float32, [1000], a.data.subarray(0, 1000));
const m = 512;
const ma = fromStorage(DTYPES.float32, [m, m], randomF32(m * m, 3));
const mb = fromStorage(DTYPES.float32, [m, m], randomF32(m * m, 4));

const CASES: readonly [string, () => unknown, number?][] = [
  ["a + b", () => binary("add", a, b)],
  ["a * b", () => binary("multiply", a, b)],
  ["a * 2.0", () => binary("multiply", a, pyFloat(2))],
  ["a / b", () => binary("true_divide", a, b)],
  ["maximum(a, 0)", () => binary("maximum", a, pyFloat(0))],
  ["minimum(a, b)", () => binary("minimum", a, b)],
  ["a > b", () => binary("greater", a, b)],
  ["a == 0.5", () => binary("equal", a, pyFloat(0.5))],
  ["where(a > 0, a, b)", () => where(binary("greater", a, pyFloat(0)), a, b)],
  ["exp(a)", () => unary("exp", a)],
  ["sqrt(abs(a))", () => unary("sqrt", unary("absolute", a))],
  ["tanh(a)", () => unary("tanh", a)],
  ["a.sum()", () => sum(a)],
  ["a.mean()", () => mean(a)],
  ["a.max()", () => max(a)],
  ["a.min()", () => min(a)],
  ["a2.sum(axis=0)", () => sum(a2, { axis: 0 })],
  ["a2.sum(axis=1)", () => sum(a2, { axis: 1 })],
  ["a2 + a2[0] (broadcast)", () => binary("add", a2, row)],
  ["matmul 512^3 f32", () => matmul(ma, mb), 3],
];

function time(fn: () => unknown, reps: number): { best: number; median: number } {
  for (let i = 0; i < 5; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((x, y) => x - y);
  return { best: samples[0], median: samples[Math.floor(samples.length / 2)] };
}

/** numpy's best times by label, or null when python3/numpy cannot run here. */
function numpyTimes(): Map<string, number> | null {
  const script = join(dirname(fileURLToPath(import.meta.url)), "elementwise_numpy.py");
  const run = spawnSync("python3", [script], { encoding: "utf8", env: { ...process.env, OPENBLAS_NUM_THREADS: "1" } });
  if (run.status !== 0) return null;
  const times = new Map<string, number>();
  for (const line of run.stdout.split("\n")) {
    const [label, best] = line.split("\t");
    if (best !== undefined) times.set(label, Number(best));
  }
  return times;
}

const ours = CASES.map(([label, fn, reps]) => ({ label, ...time(fn, reps ?? 30) }));
const numpy = numpyTimes();
console.log(`${"op".padEnd(24)} ${"best ms".padStart(9)} ${"median".padStart(9)} ${"numpy".padStart(9)} ${"ratio".padStart(7)}`);
for (const { label, best, median } of ours) {
  const np = numpy?.get(label);
  const ratio = np === undefined ? "" : `${(best / np).toFixed(1)}x`;
  console.log(`${label.padEnd(24)} ${best.toFixed(3).padStart(9)} ${median.toFixed(3).padStart(9)} ${np === undefined ? "".padStart(9) : np.toFixed(3).padStart(9)} ${ratio.padStart(7)}`);
}
const mm = ours[ours.length - 1];
console.log(`matmul: ${((2 * m ** 3) / (mm.best / 1000) / 1e9).toFixed(1)} GFLOP/s`);
