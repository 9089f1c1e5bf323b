/**
 * Scheduler throughput and timeline memory on a blocked bf16 matmul shaped like the public tutorial's
 * 4096x8192x8192 benchmark (32,768 nc_matmul + their DMAs), built directly against the trace API.
 *
 *   node --expose-gc --import tsx lib/sim/timing/bench/scheduler-bench.ts [trn1|trn2|trn3]
 *
 * Reports: trace construction (the functional side's cost, for context), costing (trace -> input),
 * scheduling, instructions per second, and the timeline's bytes per instruction.
 */

import { performance } from "node:perf_hooks";
import { timingConfig, type TargetName } from "../config";
import { buildScheduleInput } from "../from-trace";
import { schedule } from "../scheduler";
import { TraceKit } from "../trace-kit";
import { Engine, LoopKind, Memory } from "../../trace/types";

const target = (process.argv[2] ?? "trn1") as TargetName;
const M = 4096;
const K = 8192;
const N = 8192;

function blockedMatmul(): TraceKit {
  const kit = new TraceKit("matmul.py");
  const lhsT = kit.hbm("lhsT", [K, M]);
  const rhs = kit.hbm("rhs", [K, N]);
  const res = kit.hbm("result", [M, N]);
  const kTiles = K / 128;
  kit.loop(LoopKind.Affine, N / 512, (n) => {
    kit.at(10, "matmul.py");
    const rhsTiles = Array.from({ length: kTiles }, (_, k) => {
      const t = kit.tile(`rhs_${n}_${k}`, Memory.Sbuf, [128, 512], "bfloat16", { at: k * 1024 });
      kit.dma(t, { ...rhs, addr: rhs.addr + (k * 128 * N + n * 512) * 2, shape: [128, 512] });
      return t;
    });
    kit.loop(LoopKind.Affine, M / 128, (m) => {
      kit.at(14, "matmul.py");
      const ps = kit.tile(`ps_${n}_${m}`, Memory.Psum, [128, 512], "float32", { at: 0 });
      for (let k = 0; k < kTiles; k++) {
        const l = kit.tile(`lhsT_${n}_${m}_${k}`, Memory.Sbuf, [128, 128], "bfloat16", { at: 65536 + (k % 8) * 256 });
        kit.at(16, "matmul.py");
        kit.dma(l, { ...lhsT, addr: lhsT.addr + (k * 128 * M + m * 128) * 2, shape: [128, 128] });
        kit.at(17, "matmul.py");
        kit.matmul(ps, l, rhsTiles[k], { accumulate: k > 0 });
      }
      const out = kit.tile(`out_${n}_${m}`, Memory.Sbuf, [128, 512], "bfloat16", { at: 131072 });
      kit.at(19, "matmul.py");
      kit.unary(Engine.Vector, "tensor_copy", out, ps);
      kit.at(20, "matmul.py");
      kit.dma({ ...res, addr: res.addr + (m * 128 * N + n * 512) * 2, shape: [128, 512] }, out);
    });
  });
  return kit;
}

const cfg = timingConfig(target);
let t0 = performance.now();
const kit = blockedMatmul();
const traceMs = performance.now() - t0;
const n = kit.trace.length;

// Best of three, after a collection, so the trace builder's garbage is not billed to costing.
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
let costed = buildScheduleInput(cfg, kit.trace);
let costMs = Infinity;
for (let r = 0; r < 3; r++) {
  collect();
  t0 = performance.now();
  costed = buildScheduleInput(cfg, kit.trace);
  costMs = Math.min(costMs, performance.now() - t0);
}

// Warm up the scheduler once, then time the best of three runs.
schedule(cfg, costed.input);
let scheduleMs = Infinity;
let timeline = schedule(cfg, costed.input);
for (let r = 0; r < 3; r++) {
  collect();
  t0 = performance.now();
  timeline = schedule(cfg, costed.input);
  scheduleMs = Math.min(scheduleMs, performance.now() - t0);
}

const timelineBytes =
  timeline.startNs.byteLength + timeline.endNs.byteLength + timeline.loadStartNs.byteLength + timeline.waitedOn.byteLength +
  timeline.waitType.byteLength + timeline.waitNs.byteLength + timeline.track.byteLength;
const inputBytes =
  costed.input.engine.byteLength + costed.input.busyNs.byteLength + costed.input.loadNs.byteLength + costed.input.dmaRow.byteLength +
  costed.input.dmaPartStart.byteLength + costed.input.dmaPartCount.byteLength + costed.input.dmaPartitionNs.byteLength + costed.input.dmaHbmBytes.byteLength + costed.input.dmaQueue.byteLength +
  costed.input.depStart.byteLength + costed.input.depOn.byteLength + costed.input.depType.byteLength;

const fmt = (x: number) => x.toFixed(1);
console.log(`target ${target}: ${n} instructions (${M}x${K}x${N} bf16 blocked matmul)`);
console.log(`  trace construction (functional side): ${fmt(traceMs)} ms, trace records ${fmt(kit.trace.recordBytes() / n)} B/instr`);
console.log(`  costing trace -> schedule input:     ${fmt(costMs)} ms (${fmt(n / costMs / 1000)} M instr/s)`);
console.log(`  scheduling:                          ${fmt(scheduleMs)} ms (${fmt(n / scheduleMs / 1000)} M instr/s)`);
console.log(`  costing + scheduling:                ${fmt(n / (costMs + scheduleMs) / 1000)} M instr/s`);
console.log(`  timeline ${fmt(timelineBytes / n)} B/instr, schedule input ${fmt(inputBytes / n)} B/instr`);
console.log(`  simulated latency: ${fmt(timeline.totalNs / 1000)} µs`);
