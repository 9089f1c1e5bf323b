/**
 * float32 matmul throughput: the WebAssembly SIMD kernel, the plain-TS fallback and numpy (OpenBLAS,
 * one thread) on the same machine. Run: npx tsx lib/numpy/bench/matmul.bench.ts [size]
 *
 * numpy runs with OPENBLAS_NUM_THREADS=1 and with OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE removed (some
 * machines set them to slow values); OPENBLAS_VERBOSE=2 makes OpenBLAS name the kernel it picked.
 */
import { spawnSync } from "node:child_process";
import { matmulF32, matmulF32Reference, hasWasmMatmul } from "../kernels/matmul";

const n = Number(process.argv[2] ?? 1024);
const flops = 2 * n ** 3;

function randomMatrix(len: number): Float32Array {
  const out = new Float32Array(len);
  for (let i = 0; i < len; i++) out[i] = Math.random();
  return out;
}

function best(runs: number, f: () => void): number {
  let t = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    t = Math.min(t, performance.now() - t0);
  }
  return t / 1000;
}

const a = randomMatrix(n * n);
const b = randomMatrix(n * n);
const out = new Float32Array(n * n);
const wasmSeconds = best(10, () => matmulF32(a, b, n, n, n, out));
const fallbackSeconds = best(1, () => matmulF32Reference(a, b, n, n, n, out));

const env: NodeJS.ProcessEnv = { ...process.env, OPENBLAS_NUM_THREADS: "1", OPENBLAS_VERBOSE: "2" };
delete env["OPENBLAS_CORETYPE"];
delete env["OPENBLAS_L2_SIZE"];
const py = spawnSync(
  "python3",
  [
    "-c",
    `import numpy as np, time
n=${n}; a=np.random.rand(n,n).astype(np.float32); b=np.random.rand(n,n).astype(np.float32); a@b
t=min((lambda t0: (a@b, time.perf_counter()-t0)[1])(time.perf_counter()) for _ in range(10)); print(t)`,
  ],
  { env, encoding: "utf8" },
);
const numpySeconds = Number(py.stdout.trim());
const core = /Core: (\S+)/.exec(py.stderr + py.stdout)?.[1] ?? "unknown";

const gflops = (s: number): string => (flops / s / 1e9).toFixed(1);
console.log(`float32 matmul ${n}x${n}x${n}`);
console.log(`  wasm SIMD kernel (${hasWasmMatmul() ? "active" : "UNAVAILABLE"}): ${gflops(wasmSeconds)} GFLOP/s (${(wasmSeconds * 1e3).toFixed(1)} ms)`);
console.log(`  plain-TS fallback:        ${gflops(fallbackSeconds)} GFLOP/s (${(fallbackSeconds * 1e3).toFixed(1)} ms)`);
if (Number.isFinite(numpySeconds) && numpySeconds > 0) {
  console.log(`  numpy, 1 thread (OpenBLAS core ${core}): ${gflops(numpySeconds)} GFLOP/s (${(numpySeconds * 1e3).toFixed(1)} ms)`);
  console.log(`  wasm / numpy: ${((100 * numpySeconds) / wasmSeconds).toFixed(0)}%`);
} else {
  console.log(`  numpy: not available (${py.stderr.trim().split("\n").pop() ?? ""})`);
}
