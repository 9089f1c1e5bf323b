#!/usr/bin/env node
// `npm start`: install what is missing, prepare the database, build if needed, then serve.
import { spawn } from "node:child_process";
import { ensureBuild, ensureDependencies, ensurePrismaClient, prepareDatabase, root, step } from "./lib/setup.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
try {
  ensureDependencies();
  ensurePrismaClient();
  prepareDatabase();
  ensureBuild();
} catch (error) {
  console.error(`npm start: ${error.message}`);
  process.exit(1);
}

step("Starting Kernel Lab");
const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
  cwd: root,
  stdio: "inherit",
  // Kernels run as threads of this process, and glibc hands a freed multi-MB numpy result back to the
  // OS once twice its size lies free at an arena's top, so the next result page-faults all of it in
  // again (1M-float32 `a + b` in a kernel thread: 3.1 ms median instead of 0.9-1.1). Arrays under
  // 32 MB (glibc's own ceiling for its dynamic threshold) stay in the heap and each arena keeps up to
  // 128 MB free instead: resident memory stays near its peak, at most that much more per arena
  // (measured after a 1M-element churn and a GC: ~117 MB with, 73-134 MB without). lib/numpy/kernels/README.md.
  env: {
    ...process.env,
    NODE_ENV: "production",
    GLIBC_TUNABLES: process.env.GLIBC_TUNABLES ?? "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=134217728",
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
