/**
 * Public API of the timing model: cost a functional trace on a target and schedule it.
 */

import { timingConfig, type TargetName, type TimingConstants } from "./config";
import { buildScheduleInput, rotationDependsOn, type BuildOptions, type CostedTrace } from "./from-trace";
import { sameScheduleInput } from "./schedule-input";
import { schedule, type Timeline } from "./scheduler";
import { projectTimeline, type SpillEvent } from "./projection";
import type { Trace } from "../trace";
import { psumBytesPerPartition, resolveTarget } from "../targets";

export interface TimedTrace {
  readonly target: TargetName;
  readonly config: TimingConstants;
  readonly trace: Trace;
  readonly costed: CostedTrace;
  /** Indexed like the trace. */
  readonly timeline: Timeline;
  /** Spill saves and reloads the model inserted (not trace records). */
  readonly spills: readonly SpillEvent[];
}

/** Deterministic: the same trace and target always give the same timeline. */
export function simulateTiming(trace: Trace, target: TargetName, options: BuildOptions = {}): TimedTrace {
  const config = timingConfig(target);
  const sim = resolveTarget(target);
  const capacity = { sbufBytesPerPartition: sim.sbufUsableBytesPerPartition, psumBytesPerPartition: psumBytesPerPartition(sim) };
  const costed = buildScheduleInput(config, trace, { capacity, ...options });
  const { timeline, spills } = projectTimeline(schedule(config, costed.input), costed);
  return { target, config, trace, costed, timeline, spills };
}

/**
 * What-if re-simulation of `timed` with other build options: reuses its per-record costs, and its
 * timeline too when the input would come out identical (scheduling is deterministic): without a
 * rebuild when only loops no tile rotates with change kind, else when the rebuilt input is equal.
 */
export function resimulateTiming(timed: TimedTrace, options: BuildOptions): TimedTrace {
  if (options.capacity === undefined && options.costsOf === undefined) {
    // Loops whose kind the two builds see differently; if no tile rotates with them, the build is the same.
    const before = timed.costed.treatAsAffine;
    const after = options.treatAsAffine ?? new Set<number>();
    const changed = new Set([...before].filter((l) => !after.has(l)).concat([...after].filter((l) => !before.has(l))));
    if (!rotationDependsOn(timed.trace, changed)) return { ...timed, costed: { ...timed.costed, treatAsAffine: after } };
  }
  const sim = resolveTarget(timed.target);
  const capacity = { sbufBytesPerPartition: sim.sbufUsableBytesPerPartition, psumBytesPerPartition: psumBytesPerPartition(sim) };
  const costed = buildScheduleInput(timed.config, timed.trace, { capacity, costsOf: timed.costed, ...options });
  if (sameScheduleInput(costed.input, timed.costed.input)) return { ...timed, costed };
  const { timeline, spills } = projectTimeline(schedule(timed.config, costed.input), costed);
  return { ...timed, costed, timeline, spills };
}

export { TARGETS, TIMING_CONFIGS, TIMING_SOURCES, timingConfig, describeConstant } from "./config";
export type { TargetName, TimingConstants, ConstantName, ConstantSource } from "./config";
export { engineCost, multiplyMovingCycles, loadStationaryCycles, clockGHz } from "./engine-cost";
export { dmaCost, DMA_QUEUE_NAMES } from "./dma-cost";
export { schedule, scheduleNext, step, initialState, finish, trackName, NO_WAIT } from "./scheduler";
export type { Timeline, SchedulerState } from "./scheduler";
export { ScheduleInputBuilder, DMA_ENGINE, COMPUTE_ENGINES, sameScheduleInput } from "./schedule-input";
export type { ScheduleInput } from "./schedule-input";
export { buildScheduleInput } from "./from-trace";
export type { CostedTrace, BuildOptions } from "./from-trace";
export { projectTimeline, WAIT_SPILL_RELOAD, WAIT_NAMES } from "./projection";
export type { SpillEvent } from "./projection";
export { InputKind } from "./schedule-input";
