/**
 * End-to-end profiling throughput on a ~200,000-instruction trace: a timing-only element-wise
 * kernel (load, add, exp, store per tile) recorded through the Machine, then profileTrace (timing
 * model, facts, memory occupancy, metrics, insights). Prints instructions per CPU-second overall
 * and the CPU time of each phase (best of 3), so a regression shows where it is.
 *
 *   node --import tsx lib/profile/bench/throughput.bench.ts [trn1|trn2|trn3]
 */

import { psumBytesPerPartition, resolveTarget } from "../../sim/targets";
import { resimulateTiming, simulateTiming, timingConfig, type TargetName } from "../../sim/timing";
import { buildScheduleInput } from "../../sim/timing/from-trace";
import { projectTimeline } from "../../sim/timing/projection";
import { schedule } from "../../sim/timing/scheduler";
import { collectFacts } from "../facts";
import { runInsights } from "../insights";
import { memoryUsage } from "../memory-usage";
import { computeMetrics } from "../metrics";
import { profileTrace } from "../profile";
import { streamTrace } from "../../sim/bench/stream-kernel";

const target = (process.argv[2] ?? "trn2") as TargetName;

function cpu<T>(f: () => T): [T, number] {
  const c0 = process.cpuUsage();
  const out = f();
  const c = process.cpuUsage(c0);
  return [out, (c.user + c.system) / 1000];
}

const trace = streamTrace(target);
const n = trace.length;
// Best of 3 after a warm-up run: steady-state code, as in a kernel worker that has profiled before.
// Each call's CPU time is printed too: the first calls of a process pay V8's compiler threads.
const [, warmUpMs] = cpu(() => profileTrace(trace, target));
let [p, totalMs] = cpu(() => profileTrace(trace, target));
const perCall = [warmUpMs, totalMs];
for (let r = 0; r < 2; r++) {
  const [again, ms] = cpu(() => profileTrace(trace, target));
  perCall.push(ms);
  if (ms < totalMs) [p, totalMs] = [again, ms];
}
console.log(`profileTrace on ${target}: ${n} instructions in ${totalMs.toFixed(0)} ms CPU = ${((n / totalMs) / 1000).toFixed(2)} M instructions/s`);
console.log(`  CPU ms of calls 1-4: ${perCall.map((ms) => ms.toFixed(0)).join(", ")}`);

// Each phase alone, best of 3: a phase's first call from here runs code that profileTrace's calls
// optimised for their own call sites, and costs up to several times its warm time.
const config = timingConfig(target);
const sim = resolveTarget(target);
const capacity = { sbufBytesPerPartition: sim.sbufUsableBytesPerPartition, psumBytesPerPartition: psumBytesPerPartition(sim) };
const phases: Record<string, number> = {};
const phase = <T>(name: string, f: () => T): T => {
  const [out, ms] = cpu(f);
  phases[name] = Math.min(phases[name] ?? Infinity, ms);
  return out;
};
for (let r = 0; r < 3; r++) {
  const costed = phase("buildScheduleInput", () => buildScheduleInput(config, trace, { capacity }));
  const sched = phase("schedule", () => schedule(config, costed.input));
  phase("projectTimeline", () => projectTimeline(sched, costed));
  const timed = simulateTiming(trace, target);
  const facts = phase("collectFacts", () => collectFacts(timed));
  const memory = phase("memoryUsage", () => memoryUsage(trace, facts, { sbuf: sim.sbufUsableBytesPerPartition, psum: psumBytesPerPartition(sim) }));
  const metrics = phase("computeMetrics", () => computeMetrics(timed, facts, memory));
  phase("runInsights", () => runInsights({ timed, facts, metrics, memory, resimulate: (options) => resimulateTiming(timed, options) }));
}
for (const [name, ms] of Object.entries(phases)) console.log(`  ${name.padEnd(20)} ${ms.toFixed(0).padStart(6)} ms`);
console.log(`  total_time ${(p.metrics.total_time * 1e6).toFixed(0)} µs, insights: ${p.insights.map((i) => i.id).join(", ")}`);
