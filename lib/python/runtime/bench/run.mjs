// Bundle the pure-Python benchmark with esbuild and run it on plain node (see pure-python.bench.ts).
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = fileURLToPath(new URL(".", import.meta.url));
const out = join(mkdtempSync(join(tmpdir(), "kl-bench-")), "bench.mjs");
await build({ entryPoints: [join(here, "pure-python.bench.ts")], bundle: true, platform: "node", format: "esm", outfile: out, logLevel: "warning" });
execFileSync(process.execPath, [out], { stdio: "inherit", env: { ...process.env, KL_BENCH_PROGRAMS: join(here, "programs/") } });
