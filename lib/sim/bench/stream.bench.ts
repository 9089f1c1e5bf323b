/**
 * Instruction-stream recording throughput in timing-only mode: a tiled element-wise kernel (load,
 * add, exp, store per tile, 4 instructions) over 2 GiB tensors, repeated 4 times (262,144
 * records), recorded through the Machine and the ops as a kernel does. Prints the first recording of
 * the process (cold: V8 still compiling) and the best of the next WARM_RUNS (warm), record bytes per
 * instruction, then the timing model + profile of the trace and the end-to-end timing-only
 * throughput, instructions / (record + profile) CPU time.
 *
 * Run: node --expose-gc --import tsx lib/sim/bench/stream.bench.ts [--record-only]
 */

import { profileTrace } from "../../profile/profile";
import type { Machine } from "../machine";
import { recordStream } from "./stream-kernel";

const WARM_RUNS = 3;

/** Every op on one source line: this measures recording, not the per-call location updates. */
const record = (): Machine => recordStream("trn2", { rowTiles: 128, colTiles: 128, reps: 4, locations: false });

function timed<T>(f: () => T): { out: T; wallMs: number; cpuMs: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const out = f();
  const used = process.cpuUsage(c0);
  return { out, wallMs: performance.now() - t0, cpuMs: (used.user + used.system) / 1000 };
}

const rate = (n: number, cpuMs: number): string => `${(n / cpuMs / 1000).toFixed(2)} M instr/CPU-s`;

const runs = Array.from({ length: 1 + WARM_RUNS }, () => timed(record));
const m = runs[0].out;
const n = m.trace.length;
const cold = runs[0];
const warm = runs.slice(1).reduce((best, r) => (r.cpuMs < best.cpuMs ? r : best));
console.log(`record ${n} instructions: cold ${cold.cpuMs.toFixed(0)} ms CPU (${cold.wallMs.toFixed(0)} wall) = ${rate(n, cold.cpuMs)}; ` +
  `warm best of ${WARM_RUNS} ${warm.cpuMs.toFixed(0)} ms CPU (${warm.wallMs.toFixed(0)} wall) = ${rate(n, warm.cpuMs)} ` +
  `[CPU ms per run: ${runs.map((r) => r.cpuMs.toFixed(0)).join(", ")}]`);
console.log(`trace memory: ${(m.trace.recordBytes() / n).toFixed(1)} record bytes/instruction (${(m.trace.allocatedBytes() / n).toFixed(1)} allocated before compact)`);

if (!process.argv.includes("--record-only")) {
  const trace = warm.out.trace;
  trace.compact();
  const profiles = Array.from({ length: 3 }, () => timed(() => profileTrace(trace, "trn2")));
  const prof = profiles.reduce((best, r) => (r.cpuMs < best.cpuMs ? r : best));
  console.log(`profileTrace (timing model + profile): best of 3 ${prof.cpuMs.toFixed(0)} ms CPU [${profiles.map((r) => r.cpuMs.toFixed(0)).join(", ")}]`);
  console.log(`end to end (record + profile): cold ${rate(n, cold.cpuMs + profiles[0].cpuMs)}, warm ${rate(n, warm.cpuMs + prof.cpuMs)}`);
}
