/**
 * Instruction-stream recording throughput in timing-only mode: a tiled element-wise kernel (load,
 * add, exp, store per tile, 4 instructions) over 1 GiB tensors, repeated REPS times (262,144
 * records), recorded through the Machine and the ops as a kernel does. Prints the first recording of
 * the process (cold: V8 still compiling) and the best of the next WARM_RUNS (warm), record bytes per
 * instruction, then the timing model + profile of the trace and the end-to-end timing-only
 * throughput, instructions / (record + profile) CPU time.
 *
 * Run: node --expose-gc --import tsx lib/sim/bench/stream.bench.ts [--record-only]
 */

import { profileTrace } from "../../profile/profile";
import { dtype } from "../dtypes";
import { Machine } from "../machine";
import { fullView, sliceView } from "../memory/tensor";
import { activation } from "../ops/activation";
import { dmaCopy } from "../ops/dma";
import { tensorTensor } from "../ops/elementwise";
import { LoopKind, Memory } from "../trace/types";

const ROWS = 128 * 128;
const COLS = 512 * 128;
const REPS = 4;
const TILE_F = 512;
const WARM_RUNS = 3;

function record(): Machine {
  const m = new Machine({ target: "trn2", mode: "timing-only" });
  const bf16 = dtype("bfloat16");
  const a = fullView(m.allocHbm("a", [ROWS, COLS], bf16));
  const out = fullView(m.allocHbm("out", [ROWS, COLS], bf16));
  m.setLocation("stream.py", 3);
  m.beginLoop(LoopKind.Sequential, REPS);
  for (let rep = 0; rep < REPS; rep++) {
    m.setIteration(rep);
    m.beginLoop(LoopKind.Affine, ROWS / 128);
    for (let r = 0; r < ROWS / 128; r++) {
      m.setIteration(r);
      m.beginLoop(LoopKind.Affine, COLS / TILE_F);
      for (let c = 0; c < COLS / TILE_F; c++) {
        m.setIteration(c);
        const win = sliceView(sliceView(a, 0, r * 128, (r + 1) * 128), 1, c * TILE_F, (c + 1) * TILE_F);
        const x = fullView(m.allocOnChip("x", Memory.Sbuf, [128, TILE_F], bf16));
        const y = fullView(m.allocOnChip("y", Memory.Sbuf, [128, TILE_F], bf16));
        dmaCopy(m, x, win);
        tensorTensor(m, y, x, x, "add");
        activation(m, x, y, { op: "exp" });
        dmaCopy(m, sliceView(sliceView(out, 0, r * 128, (r + 1) * 128), 1, c * TILE_F, (c + 1) * TILE_F), x);
      }
      m.endLoop();
    }
    m.endLoop();
  }
  m.endLoop();
  return m;
}

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
