/**
 * The scheduler alone on the stream trace (196,608 instructions, 98,304 DMAs over all 128 partitions):
 * the same ScheduleInput scheduled 12 times, printing the CPU ms of each run, so a scheduler change
 * can be compared without the noise of the rest of profileTrace. Steady state is the last runs.
 *
 *   node --expose-gc --import tsx lib/profile/bench/schedule.bench.ts [trn1|trn2|trn3]
 */

import { psumBytesPerPartition, resolveTarget } from "../../sim/targets";
import { timingConfig, type TargetName } from "../../sim/timing";
import { buildScheduleInput } from "../../sim/timing/from-trace";
import { schedule } from "../../sim/timing/scheduler";
import { streamTrace } from "../../sim/bench/stream-kernel";

const target = (process.argv[2] ?? "trn2") as TargetName;
const config = timingConfig(target);
const sim = resolveTarget(target);
const capacity = { sbufBytesPerPartition: sim.sbufUsableBytesPerPartition, psumBytesPerPartition: psumBytesPerPartition(sim) };
const trace = streamTrace(target);
const { input } = buildScheduleInput(config, trace, { capacity });

const runs: number[] = [];
let totalNs = 0;
for (let r = 0; r < 12; r++) {
  const c0 = process.cpuUsage();
  totalNs = schedule(config, input).totalNs;
  const c = process.cpuUsage(c0);
  runs.push((c.user + c.system) / 1000);
}
const best = Math.min(...runs);
console.log(`schedule on ${target}: ${input.length} instructions, best ${best.toFixed(0)} ms CPU = ${((input.length / best) / 1000).toFixed(2)} M instructions/s`);
console.log(`  CPU ms of runs 1-12: ${runs.map((ms) => ms.toFixed(0)).join(", ")}`);
console.log(`  totalNs ${totalNs}`);
