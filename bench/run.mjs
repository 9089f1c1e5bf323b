#!/usr/bin/env node
// `npm run bench [filter]`: runs every benchmark (`**/bench/*.bench.ts`) in its own process, one after
// another so they do not compete for the CPU. Each prints its figures next to a baseline it measures in the
// same run (CPython, numpy, …); this runner adds a header per benchmark and a closing summary.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";
import { ensureBuild, ensureDependencies, ensurePrismaClient } from "../scripts/lib/setup.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const filter = process.argv[2] ?? "";

function findBenchmarks(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findBenchmarks(full));
    else if (entry.name.endsWith(".bench.ts") && path.basename(dir) === "bench") found.push(full);
  }
  return found;
}

const benchmarks = findBenchmarks(root)
  .map((file) => path.relative(root, file))
  .filter((file) => file.includes(filter))
  .sort();
if (benchmarks.length === 0) {
  console.error(`no benchmark matches "${filter}"`);
  process.exit(2);
}

// The browser benchmarks (bench/ at the root) drive the production server, as `npm test` does.
ensureDependencies();
if (benchmarks.some((file) => file.startsWith("bench/"))) {
  ensurePrismaClient();
  ensureBuild();
}

/**
 * Kernels run as an esbuild bundle (lib/kernel/worker-source.ts), not under tsx, whose transform keeps
 * function names by wrapping every named closure in a defineProperty call each time one is created (40%
 * of an NKI kernel's CPU in some loops). So each benchmark is measured the same way: bundled, with
 * packages left to node_modules, and written beside its source so paths relative to it still resolve.
 */
function bundle(file) {
  const out = path.join(root, path.dirname(file), `.${path.basename(file, ".ts")}.bundle.mjs`);
  buildSync({ entryPoints: [path.join(root, file)], bundle: true, platform: "node", format: "esm", target: "node20", packages: "external", outfile: out, logLevel: "warning" });
  return out;
}

const results = [];
for (const file of benchmarks) {
  console.log(`\n\u001b[1m━━ ${file}\u001b[0m`);
  const started = performance.now();
  const bundled = bundle(file);
  try {
    const run = spawnSync(process.execPath, ["--expose-gc", bundled], { cwd: root, stdio: "inherit" });
    results.push({ file, ok: run.status === 0, seconds: (performance.now() - started) / 1000 });
  } finally {
    fs.rmSync(bundled, { force: true });
  }
}

console.log("\n\u001b[1mBenchmarks\u001b[0m");
for (const r of results) console.log(`  ${r.ok ? "ok  " : "FAIL"} ${r.file} (${r.seconds.toFixed(1)} s)`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
