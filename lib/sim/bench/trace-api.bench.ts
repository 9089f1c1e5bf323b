/**
 * The recorder alone: the stream bench's kernel (262,144 records: load, add, exp, store per
 * [128, 512] bf16 tile) written straight through the Trace API — registerTensor, begin / addOperand /
 * end, loop context — with the operands the ops would pass, so the time is the trace's own
 * (columns, pattern interning, dependency tracking) without views, checks or allocation. Prints
 * cold and warm (best of 3) M records per CPU-second.
 *
 * Run: node --expose-gc --import tsx lib/sim/bench/trace-api.bench.ts
 */

import { dtype } from "../dtypes";
import { Trace } from "../trace/trace";
import { Access, AllocKind, Engine, LoopKind, Memory } from "../trace/types";

const ROW_TILES = 128;
const COL_TILES = 128;
const REPS = 4;
const TILE_F = 512;
const WARM_RUNS = 6;

function record(): Trace {
  const t = new Trace();
  const bf16 = dtype("bfloat16").code;
  const cols = COL_TILES * TILE_F;
  const shape = [ROW_TILES * 128, cols];
  const hbmBytes = ROW_TILES * 128 * cols * 2;
  const a = t.registerTensor({ name: "a", memory: Memory.Hbm, dtype: bf16, alloc: AllocKind.Hbm, shape, partStart: 0, partCount: 0, addr: 0, bytes: hbmBytes });
  const out = t.registerTensor({ name: "out", memory: Memory.Hbm, dtype: bf16, alloc: AllocKind.Hbm, shape, partStart: 0, partCount: 0, addr: hbmBytes, bytes: hbmBytes });
  const tileShape = [128, TILE_F];
  const hbmPattern = [cols, 128, 1, TILE_F];
  const sbufPattern = [1, TILE_F];
  const tile = (name: string, addr: number): number =>
    t.registerTensor({ name, memory: Memory.Sbuf, dtype: bf16, alloc: AllocKind.Auto, shape: tileShape, partStart: 0, partCount: 128, addr, bytes: 2 * TILE_F });
  const sbuf = (access: Access, id: number, addr: number): void => t.addOperand(access, Memory.Sbuf, id, bf16, 0, 128, addr, sbufPattern);
  t.setLocation("stream.py", 3);
  t.beginLoop(LoopKind.Sequential, REPS, "stream.py", 3);
  for (let rep = 0; rep < REPS; rep++) {
    t.setIteration(rep);
    t.beginLoop(LoopKind.Affine, ROW_TILES, "stream.py", 3);
    for (let r = 0; r < ROW_TILES; r++) {
      t.setIteration(r);
      t.beginLoop(LoopKind.Affine, COL_TILES, "stream.py", 3);
      for (let c = 0; c < COL_TILES; c++) {
        t.setIteration(c);
        const x = tile("x", 0);
        const y = tile("y", 2 * TILE_F);
        const window = 2 * (r * 128 * cols + c * TILE_F);
        t.begin(Engine.Dma, "dma_copy", "", 32, 0);
        t.addOperand(Access.Read, Memory.Hbm, a, bf16, 0, 0, window, hbmPattern);
        sbuf(Access.Write, x, 0);
        t.end();
        t.begin(Engine.Vector, "tensor_tensor", "add", 32, 128 * TILE_F);
        sbuf(Access.Read, x, 0);
        sbuf(Access.Read, x, 0);
        sbuf(Access.Write, y, 2 * TILE_F);
        t.end();
        t.begin(Engine.Scalar, "activation", "exp", 32, 128 * TILE_F);
        sbuf(Access.Read, y, 2 * TILE_F);
        sbuf(Access.Write, x, 0);
        t.end();
        t.begin(Engine.Dma, "dma_copy", "", 32, 0);
        sbuf(Access.Read, x, 0);
        t.addOperand(Access.Write, Memory.Hbm, out, bf16, 0, 0, hbmBytes + window, hbmPattern);
        t.end();
      }
      t.endLoop();
    }
    t.endLoop();
  }
  t.endLoop();
  return t;
}

function timed<T>(f: () => T): { out: T; cpuMs: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const c0 = process.cpuUsage();
  const out = f();
  const used = process.cpuUsage(c0);
  return { out, cpuMs: (used.user + used.system) / 1000 };
}

const runs = Array.from({ length: 1 + WARM_RUNS }, () => timed(record));
const n = runs[0].out.length;
const warm = Math.min(...runs.slice(1).map((r) => r.cpuMs));
const rate = (ms: number): string => `${(n / ms / 1000).toFixed(2)} M records/CPU-s`;
console.log(`trace API, ${n} records: cold ${runs[0].cpuMs.toFixed(0)} ms CPU = ${rate(runs[0].cpuMs)}; warm ${warm.toFixed(0)} ms = ${rate(warm)} ` +
  `[${runs.map((r) => r.cpuMs.toFixed(0)).join(", ")}]; ${(runs[0].out.recordBytes() / n).toFixed(1)} B/record`);
