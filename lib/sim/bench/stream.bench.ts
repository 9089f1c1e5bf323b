/**
 * Instruction-stream throughput in timing-only mode: a tiled element-wise kernel (load, add, exp,
 * store per tile, 4 instructions) over 1 GiB tensors, repeated REPS times (about 2.6·10^5 records). Prints records/s and
 * record bytes per instruction.
 *
 * Run: npx tsx lib/sim/bench/stream.bench.ts
 */

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

const m = new Machine({ target: "trn2", mode: "timing-only" });
const bf16 = dtype("bfloat16");
const a = fullView(m.allocHbm("a", [ROWS, COLS], bf16));
const out = fullView(m.allocHbm("out", [ROWS, COLS], bf16));
const t0 = performance.now();
const cpu0 = process.cpuUsage();
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
const ms = performance.now() - t0;
const used = process.cpuUsage(cpu0);
const cpuMs = (used.user + used.system) / 1000;
const n = m.trace.length;
console.log(`${n} instructions in ${ms.toFixed(0)} ms wall / ${cpuMs.toFixed(0)} ms CPU: ${((n / cpuMs) * 1000).toFixed(0)} instructions per CPU-second, ${(m.trace.recordBytes() / n).toFixed(1)} record bytes/instruction (${(m.trace.allocatedBytes() / n).toFixed(1)} allocated)`);
