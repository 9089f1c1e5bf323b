/**
 * End-to-end NKI benchmark: a bf16 1024×1024×1024 tiled matmul kernel written in Python (the NKI
 * tutorial's tiled form: 128×128 stationary, 512-wide moving tiles, PSUM accumulation over K), run
 * through the Python engine and the NKI binding on the functional simulator — interpretation included.
 * Prints wall/CPU time, emulated TensorE GFLOP/s, and CPython numpy's float32 matmul on this machine.
 *
 * Run: npx tsx lib/nki/bench/matmul.bench.ts
 */

import { execFileSync } from "node:child_process";
import { NUMPY_MODULES } from "../../numpy/python";
import { Session } from "../../python";
import { NKI_MODULES } from "../modules";

const SIZE = 1024;
const flops = 2 * SIZE ** 3;

const SETUP = `
import numpy as np
import neuronxcc.nki as nki
import neuronxcc.nki.language as nl

@nki.jit
def matmul_tiled(lhsT, rhs):
    K, M = lhsT.shape
    _, N = rhs.shape
    result = nl.ndarray((M, N), dtype=nl.float32, buffer=nl.shared_hbm)
    for m in nl.affine_range(M // 128):
        for n in nl.affine_range(N // 512):
            acc = nl.zeros((128, 512), dtype=nl.float32, buffer=nl.psum)
            for k in nl.affine_range(K // 128):
                a = nl.load(lhsT[k * 128:(k + 1) * 128, m * 128:(m + 1) * 128])
                b = nl.load(rhs[k * 128:(k + 1) * 128, n * 512:(n + 1) * 512])
                acc += nl.matmul(a, b, transpose_x=True)
            nl.store(result[m * 128:(m + 1) * 128, n * 512:(n + 1) * 512], value=acc)
    return result

i = np.arange(${SIZE * SIZE})
lhsT = (((i * 7) % 13) / 8 - 0.75).reshape(${SIZE}, ${SIZE}).astype(nl.bfloat16)
rhs = (((i * 5) % 11) / 8 - 0.625).reshape(${SIZE}, ${SIZE}).astype(nl.bfloat16)
ref = lhsT.astype(np.float32).T @ rhs.astype(np.float32)
`;

function main(): void {
  const out: string[] = [];
  const s = new Session({ stdout: (t) => out.push(t), stderr: (t) => out.push(t), modules: [...NUMPY_MODULES, ...NKI_MODULES] });
  const setup = s.execute(SETUP);
  if (setup.status === "error") throw new Error(setup.error.traceback);
  const times: { ms: number; cpuMs: number }[] = [];
  for (let r = 0; r < 4; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const res = s.execute("out = matmul_tiled(lhsT, rhs)");
    const used = process.cpuUsage(c0);
    if (res.status === "error") throw new Error(res.error.traceback);
    times.push({ ms: performance.now() - t0, cpuMs: (used.user + used.system) / 1000 });
  }
  const check = s.execute("err = float(np.abs(out - ref).max())\nprint(err)");
  if (check.status === "error") throw new Error(check.error.traceback);
  const warm = times.slice(1).sort((a, b) => a.ms - b.ms);
  const med = warm[1];
  // numpy by wall time (its BLAS may use every core) and by CPU time (all its threads' CPU seconds,
  // comparable with this single-threaded engine's CPU time).
  let numpyWall = NaN;
  let numpyCpu = NaN;
  try {
    const py = `import numpy as np, time
a = np.random.rand(${SIZE}, ${SIZE}).astype(np.float32); b = np.random.rand(${SIZE}, ${SIZE}).astype(np.float32)
a @ b
ws, cs = [], []
for _ in range(5):
    t, c = time.perf_counter(), time.process_time(); a @ b; ws.append(time.perf_counter() - t); cs.append(time.process_time() - c)
print(${flops} / sorted(ws)[2] / 1e9, ${flops} / sorted(cs)[2] / 1e9)`;
    [numpyWall, numpyCpu] = execFileSync("python3", ["-c", py], { encoding: "utf8" }).trim().split(" ").map(Number);
  } catch {
    // python3/numpy missing: the baseline is reported as NaN.
  }
  const gflops = flops / med.ms / 1e6;
  const gflopsCpu = flops / med.cpuMs / 1e6;
  console.log(`first run (cold) ${times[0].ms.toFixed(0)} ms; warm runs (wall ms): ${warm.map((t) => t.ms.toFixed(0)).join(", ")}`);
  console.log(`NKI bf16 1024^3 tiled matmul through Python: ${med.ms.toFixed(0)} ms wall, ${med.cpuMs.toFixed(0)} ms CPU (target <= 2000 ms)`);
  console.log(
    `emulated TensorE: ${gflops.toFixed(2)} GFLOP/s wall, ${gflopsCpu.toFixed(2)} GFLOP/s CPU; numpy float32 matmul: ${numpyWall.toFixed(1)} GFLOP/s wall, ` +
      `${numpyCpu.toFixed(1)} GFLOP/s CPU (${((gflops / numpyWall) * 100).toFixed(1)} % by wall, ${((gflopsCpu / numpyCpu) * 100).toFixed(1)} % by CPU; goal >= 25 %)`,
  );
  console.log(`max |out - ref| vs numpy-in-engine float32: ${out.join("").trim()}`);
}

main();
