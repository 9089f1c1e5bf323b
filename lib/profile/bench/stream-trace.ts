/** The benchmarks' stream kernel: a timing-only element-wise kernel recorded through the Machine. */

import { dtype } from "../../sim/dtypes";
import { Machine } from "../../sim/machine";
import { fullView, sliceView } from "../../sim/memory/tensor";
import { activation } from "../../sim/ops/activation";
import { dmaCopy } from "../../sim/ops/dma";
import { tensorTensor } from "../../sim/ops/elementwise";
import type { TargetName } from "../../sim/timing";
import type { Trace } from "../../sim/trace";
import { LoopKind, Memory } from "../../sim/trace/types";

/**
 * 4 instructions per [128, 512] bf16 tile, over `rowTiles` x `colTiles` tiles `reps` times; the
 * benchmarks' default is 128 x 96 tiles, 4 repetitions = 196,608 instructions (the fingerprint pins a
 * smaller one).
 */
export function streamTrace(target: TargetName, { rowTiles = 128, colTiles = 96, reps = 4 } = {}): Trace {
  const rows = 128 * rowTiles;
  const cols = 512 * colTiles;
  const m = new Machine({ target, mode: "timing-only" });
  const bf16 = dtype("bfloat16");
  const a = fullView(m.allocHbm("a", [rows, cols], bf16));
  const out = fullView(m.allocHbm("out", [rows, cols], bf16));
  m.setLocation("stream.py", 3);
  m.beginLoop(LoopKind.Sequential, reps);
  for (let rep = 0; rep < reps; rep++) {
    m.setIteration(rep);
    m.beginLoop(LoopKind.Affine, rows / 128);
    for (let r = 0; r < rows / 128; r++) {
      m.setIteration(r);
      m.beginLoop(LoopKind.Affine, cols / 512);
      for (let c = 0; c < cols / 512; c++) {
        m.setIteration(c);
        const win = (v: typeof a) => sliceView(sliceView(v, 0, r * 128, (r + 1) * 128), 1, c * 512, (c + 1) * 512);
        const x = fullView(m.allocOnChip("x", Memory.Sbuf, [128, 512], bf16));
        const y = fullView(m.allocOnChip("y", Memory.Sbuf, [128, 512], bf16));
        m.setLocation("stream.py", 8);
        dmaCopy(m, x, win(a));
        m.setLocation("stream.py", 9);
        tensorTensor(m, y, x, x, "add");
        m.setLocation("stream.py", 10);
        activation(m, x, y, { op: "exp" });
        m.setLocation("stream.py", 11);
        dmaCopy(m, win(out), x);
      }
      m.endLoop();
    }
    m.endLoop();
  }
  m.endLoop();
  m.trace.compact();
  return m.trace;
}
