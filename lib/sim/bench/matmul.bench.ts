/**
 * Functional-simulation benchmark: a 1024×1024×1024 bf16 tiled matmul written directly against the
 * machine API (128×128 stationary tiles, 512-wide moving tiles, PSUM accumulation over K), the way the
 * NKI matmul tutorial's tiled kernel lowers. Prints wall time and emulated TensorE GFLOP/s.
 *
 * Run: npx tsx lib/sim/bench/matmul.bench.ts
 */

import { dtype } from "../dtypes";
import { Machine } from "../machine";
import { fullView, sliceView } from "../memory/tensor";
import { dmaCopy } from "../ops/dma";
import { tensorCopy } from "../ops/elementwise";
import { ncMatmul } from "../ops/tensor-engine";
import { LoopKind, Memory } from "../trace/types";

const SIZE = 1024;
const TILE_K = 128;
const TILE_M = 128;
const TILE_N = 512;

function run(mode: "functional" | "timing-only"): { ms: number; cpuMs: number; instructions: number; bytesPerInstr: number; check: number } {
  const m = new Machine({ target: "trn2", mode });
  const bf16 = dtype("bfloat16");
  const f32 = dtype("float32");
  const lhsT = fullView(m.allocHbm("lhsT", [SIZE, SIZE], bf16));
  const rhs = fullView(m.allocHbm("rhs", [SIZE, SIZE], bf16));
  const out = fullView(m.allocHbm("out", [SIZE, SIZE], f32));
  if (lhsT.buffer.data && rhs.buffer.data) {
    for (let i = 0; i < SIZE * SIZE; i++) {
      lhsT.buffer.data[i] = ((i * 7) % 13) / 8 - 0.75;
      rhs.buffer.data[i] = ((i * 5) % 11) / 8 - 0.625;
    }
  }
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  m.setLocation("matmul_bench.py", 10);
  m.beginLoop(LoopKind.Affine, SIZE / TILE_M);
  for (let mi = 0; mi < SIZE / TILE_M; mi++) {
    m.setIteration(mi);
    m.beginLoop(LoopKind.Affine, SIZE / TILE_N);
    for (let ni = 0; ni < SIZE / TILE_N; ni++) {
      m.setIteration(ni);
      const psum = fullView(m.allocOnChip("res_psum", Memory.Psum, [TILE_M, TILE_N], f32));
      m.beginLoop(LoopKind.Affine, SIZE / TILE_K);
      for (let ki = 0; ki < SIZE / TILE_K; ki++) {
        m.setIteration(ki);
        const a = fullView(m.allocOnChip("lhsT_tile", Memory.Sbuf, [TILE_K, TILE_M], bf16));
        const b = fullView(m.allocOnChip("rhs_tile", Memory.Sbuf, [TILE_K, TILE_N], bf16));
        dmaCopy(m, a, sliceView(sliceView(lhsT, 0, ki * TILE_K, (ki + 1) * TILE_K), 1, mi * TILE_M, (mi + 1) * TILE_M));
        dmaCopy(m, b, sliceView(sliceView(rhs, 0, ki * TILE_K, (ki + 1) * TILE_K), 1, ni * TILE_N, (ni + 1) * TILE_N));
        ncMatmul(m, psum, a, b, { accumulate: ki > 0 });
      }
      m.endLoop();
      const res = fullView(m.allocOnChip("res_sb", Memory.Sbuf, [TILE_M, TILE_N], f32));
      tensorCopy(m, res, psum);
      dmaCopy(m, sliceView(sliceView(out, 0, mi * TILE_M, (mi + 1) * TILE_M), 1, ni * TILE_N, (ni + 1) * TILE_N), res);
    }
    m.endLoop();
  }
  m.endLoop();
  const ms = performance.now() - t0;
  const used = process.cpuUsage(cpu0);
  const cpuMs = (used.user + used.system) / 1000;
  // Largest deviation from a float64 reference on a few sampled outputs.
  let check = 0;
  const o = out.buffer.data;
  const a = lhsT.buffer.data;
  const b = rhs.buffer.data;
  if (o && a && b) {
    for (const [r, c] of [[0, 0], [1000, 3], [77, 901], [511, 512], [1023, 1023]]) {
      let ref = 0;
      for (let k = 0; k < SIZE; k++) ref += a[k * SIZE + r] * b[k * SIZE + c];
      check = Math.max(check, Math.abs(o[r * SIZE + c] - ref));
    }
  }
  return { ms, cpuMs, instructions: m.trace.length, bytesPerInstr: m.trace.recordBytes() / m.trace.length, check };
}

const flops = 2 * SIZE ** 3;
run("functional"); // warm-up (JIT, WebAssembly instantiation)
const runs = Array.from({ length: 5 }, () => run("functional")).sort((a, b) => a.ms - b.ms);
const f = runs[2];
console.log(`functional runs (wall ms): ${runs.map((r) => r.ms.toFixed(0)).join(", ")}; CPU ms: ${runs.map((r) => r.cpuMs.toFixed(0)).join(", ")} (median reported)`);
const t = run("timing-only");
console.log(`functional : ${f.ms.toFixed(1)} ms wall (${(flops / f.ms / 1e6).toFixed(2)} GFLOP/s), ${f.cpuMs.toFixed(1)} ms CPU (${(flops / f.cpuMs / 1e6).toFixed(2)} GFLOP/s emulated TensorE), ${f.instructions} instructions, ${f.bytesPerInstr.toFixed(1)} B/instr max |err| vs float64 on samples ${f.check.toExponential(2)}`);
console.log(`timing-only: ${t.ms.toFixed(1)} ms, ${t.instructions} instructions`);
