/**
 * Scheduler throughput and timeline memory on a blocked bf16 matmul shaped like the public tutorial's
 * 4096x8192x8192 benchmark (32,768 nc_matmul + their DMAs), built directly against the trace API.
 *
 *   node --expose-gc --import tsx lib/sim/timing/bench/scheduler.bench.ts [trn1|trn2|trn3]
 *
 * Reports: trace construction (the functional side's cost, for context), costing (trace -> input),
 * scheduling, instructions per second, and the timeline's bytes per instruction.
 */

import { performance } from "node:perf_hooks";
import { timingConfig, type TargetName } from "../config";
import { buildScheduleInput } from "../from-trace";
import { schedule } from "../scheduler";
import { blockedMatmul, M, K, N } from "./blocked-matmul";

const target = (process.argv[2] ?? "trn1") as TargetName;

const cfg = timingConfig(target);
let t0 = performance.now();
const kit = blockedMatmul();
const traceMs = performance.now() - t0;
const n = kit.trace.length;

// Best of three, after a collection, so the trace builder's garbage is not billed to costing.
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
let costed = buildScheduleInput(cfg, kit.trace);
let costMs = Infinity;
let costCpuMs = Infinity;
for (let r = 0; r < 3; r++) {
  collect();
  const c0 = process.cpuUsage();
  t0 = performance.now();
  costed = buildScheduleInput(cfg, kit.trace);
  costMs = Math.min(costMs, performance.now() - t0);
  const c = process.cpuUsage(c0);
  costCpuMs = Math.min(costCpuMs, (c.user + c.system) / 1000);
}

// Warm up the scheduler once, then time the best of three runs.
schedule(cfg, costed.input);
// Wall time is noisy on a shared machine; process CPU time (user + system) is reported beside it.
let scheduleMs = Infinity;
let scheduleCpuMs = Infinity;
let timeline = schedule(cfg, costed.input);
for (let r = 0; r < 5; r++) {
  collect();
  const c0 = process.cpuUsage();
  t0 = performance.now();
  timeline = schedule(cfg, costed.input);
  scheduleMs = Math.min(scheduleMs, performance.now() - t0);
  const c = process.cpuUsage(c0);
  scheduleCpuMs = Math.min(scheduleCpuMs, (c.user + c.system) / 1000);
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
console.log(`  costing trace -> schedule input:     ${fmt(costMs)} ms wall, ${fmt(costCpuMs)} ms CPU (${fmt(n / costMs / 1000)} M instr/s wall)`);
console.log(`  scheduling:                          ${fmt(scheduleMs)} ms wall, ${fmt(scheduleCpuMs)} ms CPU (${fmt(n / scheduleMs / 1000)} M instr/s wall)`);
console.log(`  costing + scheduling:                ${fmt(n / (costMs + scheduleMs) / 1000)} M instr/s`);
console.log(`  timeline ${fmt(timelineBytes / n)} B/instr, schedule input ${fmt(inputBytes / n)} B/instr`);
console.log(`  simulated latency: ${fmt(timeline.totalNs / 1000)} µs`);
