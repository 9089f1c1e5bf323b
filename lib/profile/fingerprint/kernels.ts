/**
 * Kernels whose profiles are pinned bit for bit (fingerprint.test.ts), chosen to exercise every
 * path of the timing model and the profiler: Machine-recorded element-wise streams, blocked and
 * PE-tiled matmuls, fp32 and transposes, GpSimd work, few partitions, strided access, sequential
 * loops (what-if re-simulation) and SBUF pressure. None of them spills: the spill model has tests of
 * its own (lib/sim/timing), and pinning it here would tie this regression pin to its changes.
 */

import type { TargetName } from "../../sim/timing";
import { blockedMatmul } from "../../sim/timing/bench/blocked-matmul";
import { TraceKit, type Tile } from "../../sim/timing/trace-kit";
import type { Trace } from "../../sim/trace";
import { Access, Engine, InstrFlag, LoopKind, Memory } from "../../sim/trace/types";
import { streamTrace } from "../../sim/bench/stream-kernel";

function slice(t: Tile, k: number, rows: number, cols: number): Tile {
  return { ...t, addr: t.addr + k * rows * cols * 2, shape: [rows, cols] };
}

/** fp32 and PE-tiled matmuls, transposes, PSUM evacuation on both engines, GpSimd, few partitions, strides. */
function mixed(): Trace {
  const kit = new TraceKit("mixed.py");
  const x = kit.hbm("x", [16 * 128, 512]);
  const y = kit.hbm("y", [16 * 128, 512]);
  const w32 = kit.tile("w32", Memory.Sbuf, [128, 128], "float32");
  kit.at(4).dma(w32, { ...x, shape: [128, 128] });
  kit.loop(LoopKind.Affine, 16, (k) => {
    kit.at(6);
    const t = kit.tile(`x${k}`, Memory.Sbuf, [128, 512]);
    kit.dma(t, slice(x, k, 128, 512));
    const ps = kit.tile(`ps${k}`, Memory.Psum, [128, 512], "float32");
    kit.at(7).matmul(ps, { ...t, shape: [128] }, t);
    const p32 = kit.tile(`p${k}`, Memory.Psum, [128, 128], "float32");
    kit.at(8).matmul(p32, w32, w32, { accumulate: k % 4 !== 0 });
    const small = kit.tile(`s${k}`, Memory.Psum, [32, 128], "float32");
    kit.trace.append({
      engine: Engine.Tensor, opcode: "nc_matmul", variant: `tile:${(k % 4) * 32},${(k % 2) * 32},32,32`, flops: 2 * 32 * 32 * 128,
      operands: [kit.operand({ ...t, partCount: 32, shape: [32] }, Access.Read), kit.operand({ ...t, partCount: 32, shape: [128] }, Access.Read), kit.operand(small, Access.Write)],
    });
    const tr = kit.tile(`tr${k}`, Memory.Psum, [128, 128], "bfloat16");
    kit.at(9).matmul(tr, { ...t, shape: [128] }, { ...t, shape: [128] }, { flags: InstrFlag.Transpose });
    const o = kit.tile(`o${k}`, Memory.Sbuf, [128, 512]);
    kit.at(10).unary(k % 2 === 0 ? Engine.Vector : Engine.Scalar, k % 2 === 0 ? "tensor_copy" : "activation", o, ps, k % 2 === 0 ? "" : "copy");
    kit.at(11).binary(Engine.GpSimd, "tensor_tensor", o, o, t);
    const q = kit.tile(`q${k}`, Memory.Sbuf, [32, 256]);
    kit.at(12).unary(Engine.Vector, "tensor_scalar", q, { ...o, partCount: 32, shape: [256] }, "mult");
    kit.trace.append({
      engine: Engine.Scalar, opcode: "activation", variant: "exp", flops: 128 * 64,
      operands: [kit.operand(o, Access.Read, [8, 64]), kit.operand(q, Access.Write, [1, 64])],
    });
    kit.at(13).dma(slice(y, k, 128, 512), o);
  });
  return kit.trace;
}

/** A sequential load-exp-store loop without a carried dependency (re-simulated as affine_range). */
function sequential(): Trace {
  const kit = new TraceKit("seq.py");
  const input = kit.hbm("in", [8 * 128, 2048]);
  const output = kit.hbm("out", [8 * 128, 2048]);
  kit.at(60);
  kit.loop(LoopKind.Sequential, 8, (i) => {
    const t = kit.tile(`t${i}`, Memory.Sbuf, [128, 2048], "bfloat16", { at: 0 });
    const u = kit.tile(`u${i}`, Memory.Sbuf, [128, 2048], "bfloat16", { at: 8192 });
    kit.dma(t, slice(input, i, 128, 2048));
    kit.unary(Engine.Scalar, "activation", u, t, "exp");
    kit.dma(slice(output, i, 128, 2048), u);
  });
  return kit.trace;
}

/** Tiles live until a final reduction: 93% of trn1's SBUF (below capacity on every target). */
function pressure(): Trace {
  const [tiles, cols] = [3, 14000];
  const kit = new TraceKit("pressure.py");
  const src = kit.hbm("x", [tiles * 128, cols], "float32");
  const ts = Array.from({ length: tiles }, (_, k) => {
    const t = kit.tile(`t${k}`, Memory.Sbuf, [128, cols], "float32", { at: k * cols * 4 });
    kit.at(70).dma(t, { ...src, addr: src.addr + k * 128 * cols * 4, shape: [128, cols] });
    return t;
  });
  const sum = kit.tile("sum", Memory.Psum, [128, 512], "float32", { at: 0 });
  kit.at(71);
  for (const t of ts.reverse()) kit.binary(Engine.Vector, "tensor_tensor", sum, sum, { ...t, shape: [512] });
  return kit.trace;
}

export const FINGERPRINT_KERNELS: Readonly<Record<string, (target: TargetName) => Trace>> = {
  // The throughput bench's kernel, smaller: load, add, exp, store per [128, 512] tile.
  stream: (target) => streamTrace(target, { rowTiles: 6, colTiles: 5, reps: 2 }),
  mixed: () => mixed(),
  sequential: () => sequential(),
  pressure: () => pressure(),
  // The scheduler bench's blocked bf16 matmul at 512x8192x2048: 64 resident rhs tiles per column block,
  // PSUM accumulation over k, copy and store per output tile; 2,336 instructions.
  "blocked-matmul": () => blockedMatmul([512, 8192, 2048]).trace,
};
