/**
 * A kernel profile: the timed trace plus everything derived from it (metrics, roofline, memory
 * occupancy, insights). Built once per kernel run; exports read it.
 */

import { resimulateTiming, simulateTiming, type TargetName, type TimedTrace } from "../sim/timing";
import type { Trace } from "../sim/trace";
import { psumBytesPerPartition, resolveTarget } from "../sim/targets";
import { collectFacts, type InstructionFacts } from "./facts";
import { runInsights, type Insight } from "./insights";
import { memoryUsage, type MemoryUsage } from "./memory-usage";
import { computeMetrics, type ProfileMetrics } from "./metrics";
import { rooflinePoint, type RooflinePoint } from "./roofline";
import { REHEARSALS, rehearsalKernel } from "./rehearsal";

export interface Profile {
  readonly timed: TimedTrace;
  readonly facts: InstructionFacts;
  readonly memory: MemoryUsage;
  readonly metrics: ProfileMetrics;
  readonly roofline: RooflinePoint;
  readonly insights: readonly Insight[];
}

export function profileTimedTrace(timed: TimedTrace): Profile {
  rehearseOnce(timed.target);
  return profileOf(timed);
}

function profileOf(timed: TimedTrace): Profile {
  const facts = collectFacts(timed);
  const sim = resolveTarget(timed.target);
  const memory = memoryUsage(timed.trace, facts, { sbuf: sim.sbufUsableBytesPerPartition, psum: psumBytesPerPartition(sim) });
  const metrics = computeMetrics(timed, facts, memory);
  const insights = runInsights({
    timed,
    facts,
    metrics,
    memory,
    resimulate: (options) => resimulateTiming(timed, options),
  });
  return { timed, facts, memory, metrics, roofline: rooflinePoint(metrics), insights };
}

/** Times a functional trace on `target` and profiles it. Deterministic. */
export function profileTrace(trace: Trace, target: TargetName): Profile {
  rehearseOnce(target);
  return profileOf(simulateTiming(trace, target));
}

let rehearsed = false;

/** Before the first profile in the process: see ./rehearsal. Results do not depend on it. */
function rehearseOnce(target: TargetName): void {
  if (rehearsed) return;
  rehearsed = true;
  const kernel = rehearsalKernel();
  for (let k = 0; k < REHEARSALS; k++) profileOf(simulateTiming(kernel, target));
}
