/**
 * CPython numpy's float32 n×n×n matmul as the issues define the baseline: one OpenBLAS thread, with
 * OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE removed (some machines set them to slow values) and
 * OPENBLAS_VERBOSE=2 so OpenBLAS names the kernel it picked. Best of 10 by CPU and by wall time.
 */
import { spawnSync } from "node:child_process";

export interface NumpyMatmulBaseline {
  /** Best seconds per matmul; NaN when python3/numpy is missing. */
  cpuSeconds: number;
  wallSeconds: number;
  /** The OpenBLAS core it ran on, or "unknown". */
  core: string;
  /** Why there is no figure, when there is none. */
  failure: string;
}

export function numpyMatmulBaseline(n: number): NumpyMatmulBaseline {
  const env: NodeJS.ProcessEnv = { ...process.env, OPENBLAS_NUM_THREADS: "1", OPENBLAS_VERBOSE: "2" };
  delete env["OPENBLAS_CORETYPE"];
  delete env["OPENBLAS_L2_SIZE"];
  const py = spawnSync(
    "python3",
    [
      "-c",
      `import numpy as np, time
n=${n}; a=np.random.rand(n,n).astype(np.float32); b=np.random.rand(n,n).astype(np.float32); a@b
cpu=min((lambda t0: (a@b, time.process_time()-t0)[1])(time.process_time()) for _ in range(10))
wall=min((lambda t0: (a@b, time.perf_counter()-t0)[1])(time.perf_counter()) for _ in range(10)); print(cpu, wall)`,
    ],
    { env, encoding: "utf8" },
  );
  const stdout = py.stdout ?? "";
  const stderr = py.stderr ?? "";
  const [cpu, wall] = stdout.trim().split(" ").map(Number);
  const ok = cpu > 0 && wall > 0;
  return {
    cpuSeconds: ok ? cpu : NaN,
    wallSeconds: ok ? wall : NaN,
    core: /Core: (\S+)/.exec(stderr + stdout)?.[1] ?? "unknown",
    failure: ok ? "" : (stderr.trim().split("\n").pop() ?? py.error?.message ?? ""),
  };
}
