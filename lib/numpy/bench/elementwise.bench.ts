/**
 * Micro-benchmark: elementwise ops and reductions on 1 M float32 elements (plus a 512³ float32
 * matmul), with numpy's times for the same operations measured in the same run by
 * elementwise_numpy.py when python3 + numpy are available (ratio column; skipped otherwise).
 * Run: node --expose-gc --import tsx lib/numpy/bench/elementwise.bench.ts [--zeroed] [--glibc-default]
 * Times are best and median of 30 runs in ms, wall clock and CPU time (process.cpuUsage; Python's
 * process_time), numpy's measured the same way; on a shared machine "best" is the stable figure and
 * the CPU ratio ("cpu rt") the least disturbed by other processes.
 * Like the kernel worker (lib/kernel/numpy-runtime.ts), the bench gives the SIMD loops Node's
 * uninitialised memory for the results they overwrite (kernels/uninitialised.ts); `--zeroed`
 * measures without it. Kernels run as threads of the server, which `npm start` runs with glibc
 * malloc thresholds that keep freed results mapped (scripts/start.mjs); unless GLIBC_TUNABLES is
 * already set or `--glibc-default` is given, the bench re-runs itself under the same setting (numpy
 * keeps glibc's defaults) and says so in its first line.
 * Operands are made the way numpy code makes them (np.zeros, np.random...), so the large ones are
 * resident arrays (kernels/heap.ts) and results are too; the bench reclaims a full heap the way the
 * kernel worker does (a forced GC plus FinalizationRegistry cleanupSome, whose V8 flag the re-run
 * passes). `--staged` measures with resident arrays off (every operand copied in, every result out).
 */
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DTYPES } from "../dtypes";
import { type NDArray, pyFloat } from "../ndarray";
import { zeros } from "../creation";
import { binary, binaryInto, unary, where } from "../ufuncs";
import { max, mean, min, sum } from "../reductions";
import { matmul } from "../linalg";
import { setUninitialisedAllocator } from "../kernels/uninitialised";
import { residentArray, setHeapCollector, setResidentArrays } from "../kernels/heap";

/** The malloc setting scripts/start.mjs gives the server (keep the two in step). */
const SERVER_MALLOC = "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=134217728";
/**
 * The V8 flags kernel workers run with: FinalizationRegistry.prototype.cleanupSome (lib/kernel/kernel.ts)
 * and relaxed SIMD for the fused multiply-add loops (lib/kernel/wasm-features.ts).
 */
const KERNEL_FLAGS = ["--harmony-weak-refs-with-cleanup-some", "--experimental-wasm-relaxed-simd"];
const useServerMalloc = process.env.GLIBC_TUNABLES === undefined && !process.argv.includes("--glibc-default");
if (process.env.KERNEL_LAB_BENCH_RERUN === undefined) {
  const rerun = spawnSync(process.execPath, [...process.execArgv, ...KERNEL_FLAGS, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, ...(useServerMalloc ? { GLIBC_TUNABLES: SERVER_MALLOC, KERNEL_LAB_BENCH_MALLOC: "server" } : {}), KERNEL_LAB_BENCH_RERUN: "1" },
  });
  process.exit(rerun.status ?? 1);
}
const serverMalloc = process.env.KERNEL_LAB_BENCH_MALLOC === "server";
console.log(`malloc: ${serverMalloc ? `GLIBC_TUNABLES=${SERVER_MALLOC} (as npm start runs the server; --glibc-default to measure without)` : `GLIBC_TUNABLES=${process.env.GLIBC_TUNABLES ?? "(glibc defaults)"}`}`);

const gc = (globalThis as { gc?: () => void }).gc;
if (process.argv.includes("--staged")) setResidentArrays(false);
else if (gc !== undefined) setHeapCollector(gc);
console.log(`resident arrays: ${process.argv.includes("--staged") ? "off (--staged)" : gc === undefined ? "on, no collector (run with --expose-gc)" : "on, reclaimed as in kernel workers"}`);
if (!process.argv.includes("--zeroed")) setUninitialisedAllocator((bytes) => Buffer.allocUnsafeSlow(bytes).buffer as ArrayBuffer);

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
/** A float32 array made as np.zeros makes one (resident when large), holding `values`. */
function array(shape: number[], values: Float32Array): NDArray {
  const x = zeros(shape, DTYPES.float32);
  (x.data as Float32Array).set(values);
  return x;
}
const a = array([N], randomF32(N, 1));
const b = array([N], randomF32(N, 2));
const a2 = array([1000, 1000], a.data as Float32Array);
const row = array([1000], (a.data as Float32Array).subarray(0, 1000));
// Targets of the in-place cases (they change every run; their values do not matter for timing).
const c = array([N], a.data as Float32Array);
const c2 = array([1000, 1000], a.data as Float32Array);
const m = 512;
const ma = array([m, m], randomF32(m * m, 3));
const mb = array([m, m], randomF32(m * m, 4));

/**
 * Touches every page of the resident heap once, as a kernel that has been running a while has: the
 * first write to a page costs a page fault (fresh JS-heap memory pays the same), about ten times a
 * warm write here, which this bench reports on its own line instead of inside the first cases.
 */
function warmHeap(): string {
  const started = performance.now();
  const held: Float32Array[] = [];
  for (let x = residentArray(Float32Array, N, false); x !== null; x = residentArray(Float32Array, N, false)) held.push(x.fill(0));
  const ms = performance.now() - started;
  return `first touch of the resident heap: ${((held.length * 4 * N) / 2 ** 20).toFixed(0)} MiB in ${ms.toFixed(0)} ms (${((ms / held.length)).toFixed(2)} ms per 4 MiB)`;
}
if (!process.argv.includes("--staged")) {
  console.log(warmHeap());
  // Filling the heap with live arrays made a collection free nothing, so the collector backed off
  // (heap.ts); the cases start from a fresh collector, as a kernel's cells do after such a fill ends.
  if (gc !== undefined) setHeapCollector(gc);
}

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
  ["c += b (in place)", () => binaryInto("add", c, b, c)],
  ["c2 -= c2.max(1, keepdims)", () => binaryInto("subtract", c2, max(c2, { axis: 1, keepdims: true }), c2)],
  ["matmul 512^3 f32", () => matmul(ma, mb), 3],
];

interface Timing {
  best: number;
  median: number;
  cpuBest: number;
  cpuMedian: number;
}

/** Wall and CPU (process.cpuUsage: steadier on a shared machine) times in ms, best and median. */
function time(fn: () => unknown, reps: number): Timing {
  for (let i = 0; i < 5; i++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    wall.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  wall.sort((p, q) => p - q);
  cpu.sort((p, q) => p - q);
  const mid = Math.floor(reps / 2);
  return { best: wall[0], median: wall[mid], cpuBest: cpu[0], cpuMedian: cpu[mid] };
}

/** numpy's times by label (best and median wall, best and median CPU), or null when python3/numpy cannot run here. */
function numpyTimes(): Map<string, number[]> | null {
  const script = join(dirname(fileURLToPath(import.meta.url)), "elementwise_numpy.py");
  const env: NodeJS.ProcessEnv = { ...process.env, OPENBLAS_NUM_THREADS: "1" };
  // numpy runs with glibc's defaults, as it would for anyone, when the setting is ours.
  if (serverMalloc) delete env.GLIBC_TUNABLES;
  const run = spawnSync("python3", [script], { encoding: "utf8", env });
  if (run.status !== 0) return null;
  const times = new Map<string, number[]>();
  for (const line of run.stdout.split("\n")) {
    const [label, ...values] = line.split("\t");
    if (values.length === 4) times.set(label, values.map(Number));
  }
  return times;
}

const ours = CASES.map(([label, fn, reps]) => ({ label, ...time(fn, reps ?? 30) }));
const numpy = numpyTimes();
const col = (x: string | number, w = 9): string => (typeof x === "number" ? x.toFixed(3) : x).padStart(w);
console.log(
  `${"op".padEnd(24)}${col("best ms")}${col("median")}${col("cpu best")}${col("cpu med")}${col("numpy")}${col("np cpu")}${col("ratio", 7)}${col("cpu rt", 7)}`,
);
for (const { label, best, median, cpuBest, cpuMedian } of ours) {
  const np = numpy?.get(label);
  const ratio = (x: number, y: number | undefined): string => (y === undefined ? "" : `${(x / y).toFixed(1)}x`);
  console.log(
    `${label.padEnd(24)}${col(best)}${col(median)}${col(cpuBest)}${col(cpuMedian)}${col(np?.[0] ?? "")}${col(np?.[2] ?? "")}${col(ratio(best, np?.[0]), 7)}${col(ratio(cpuBest, np?.[2]), 7)}`,
  );
}
const mm = ours[ours.length - 1];
console.log(`matmul: ${((2 * m ** 3) / (mm.best / 1000) / 1e9).toFixed(1)} GFLOP/s`);
