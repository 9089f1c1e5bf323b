/**
 * The benchmarks' stream kernel: a timing-only element-wise kernel (load, add, exp, store per
 * [128, 512] bf16 tile) recorded through the Machine and the ops as a kernel's calls record it.
 */

import { dtype } from "../dtypes";
import { Machine } from "../machine";
import { fullView, sliceView } from "../memory/tensor";
import { activation } from "../ops/activation";
import { dmaCopy } from "../ops/dma";
import { tensorTensor } from "../ops/elementwise";
import type { TargetName } from "../targets";
import type { Trace } from "../trace";
import { LoopKind, Memory } from "../trace/types";

export interface StreamShape {
  rowTiles?: number;
  colTiles?: number;
  reps?: number;
  /** Whether each op gets its own source line (8-11), as a kernel's calls do; else all stay on line 3. */
  locations?: boolean;
}

/**
 * 4 instructions per tile over `rowTiles` x `colTiles` tiles, `reps` times, into a new Machine; the
 * default is 128 x 96 tiles, 4 repetitions = 196,608 instructions.
 */
export function recordStream(target: TargetName, { rowTiles = 128, colTiles = 96, reps = 4, locations = true }: StreamShape = {}): Machine {
  const rows = 128 * rowTiles;
  const cols = 512 * colTiles;
  const m = new Machine({ target, mode: "timing-only" });
  const bf16 = dtype("bfloat16");
  const a = fullView(m.allocHbm("a", [rows, cols], bf16));
  const out = fullView(m.allocHbm("out", [rows, cols], bf16));
  const at = (line: number): void => {
    if (locations) m.setLocation("stream.py", line);
  };
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
        at(8);
        dmaCopy(m, x, win(a));
        at(9);
        tensorTensor(m, y, x, x, "add");
        at(10);
        activation(m, x, y, { op: "exp" });
        at(11);
        dmaCopy(m, win(out), x);
      }
      m.endLoop();
    }
    m.endLoop();
  }
  m.endLoop();
  return m;
}

/** The stream kernel's compacted trace (the profile benches and fingerprints). */
export function streamTrace(target: TargetName, shape: StreamShape = {}): Trace {
  const { trace } = recordStream(target, shape);
  trace.compact();
  return trace;
}
