/**
 * float32 matmul throughput: the WebAssembly SIMD kernel, the plain-TS fallback and numpy (OpenBLAS,
 * one thread) on the same machine. Run: npx tsx lib/numpy/bench/matmul.bench.ts [size]
 *
 * numpy runs single-threaded (see ./numpy-matmul-baseline.ts).
 * Times are the best of several runs, in CPU time (both sides single-threaded), which keeps the ratio
 * meaningful on a machine shared with other work; wall-clock bests are printed too.
 */
import { matmulF32, matmulF32Reference, hasWasmMatmul } from "../kernels/matmul";
import { numpyMatmulBaseline } from "./numpy-matmul-baseline";

const n = Number(process.argv[2] ?? 1024);
const flops = 2 * n ** 3;

function randomMatrix(len: number): Float32Array {
  const out = new Float32Array(len);
  for (let i = 0; i < len; i++) out[i] = Math.random();
  return out;
}

/** Best [cpu, wall] seconds over `runs`. */
function best(runs: number, f: () => void): [number, number] {
  let cpu = Infinity;
  let wall = Infinity;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    wall = Math.min(wall, (performance.now() - t0) / 1000);
    const c = process.cpuUsage(c0);
    cpu = Math.min(cpu, (c.user + c.system) / 1e6);
  }
  return [cpu, wall];
}

const a = randomMatrix(n * n);
const b = randomMatrix(n * n);
const out = new Float32Array(n * n);
const [wasmSeconds, wasmWall] = best(10, () => matmulF32(a, b, n, n, n, out));
const [fallbackSeconds] = best(1, () => matmulF32Reference(a, b, n, n, n, out));

const { cpuSeconds: numpySeconds, wallSeconds: numpyWall, core, failure } = numpyMatmulBaseline(n);

const gflops = (s: number): string => (flops / s / 1e9).toFixed(1);
console.log(`float32 matmul ${n}x${n}x${n}, GFLOP/s by best CPU time (by best wall time)`);
console.log(`  wasm SIMD kernel (${hasWasmMatmul() ? "active" : "UNAVAILABLE"}): ${gflops(wasmSeconds)} (${gflops(wasmWall)})`);
console.log(`  plain-TS fallback: ${gflops(fallbackSeconds)}`);
if (numpySeconds > 0 && numpyWall > 0) {
  console.log(`  numpy, 1 thread (OpenBLAS core ${core}): ${gflops(numpySeconds)} (${gflops(numpyWall)})`);
  console.log(`  wasm / numpy: ${((100 * numpySeconds) / wasmSeconds).toFixed(0)}% by CPU time`);
} else {
  console.log(`  numpy: not available (${failure})`);
}
