/**
 * SBUF/PSUM occupancy over simulated time from tile lifetimes (first access start to last access
 * end). With loop-buffer rotation, iterations overlap and several instances of a loop-body tile are
 * live at once, so this can exceed the functional allocator's high-water mark — that excess is what
 * a compiler would have to spill.
 *
 * Bytes are per partition (a tile occupies the same byte range in every partition it spans), i.e.
 * the fullest partition when tiles start at partition 0. Spilled tiles are not counted.
 */

import type { Trace } from "../sim/trace";
import { Memory } from "../sim/trace/types";
import type { InstructionFacts } from "./facts";

export interface OccupancySample {
  readonly timeNs: number;
  readonly sbufBytes: number;
  readonly psumBytes: number;
}

export interface MemoryUsage {
  readonly sbufPeakBytesPerPartition: number;
  readonly psumPeakBytesPerPartition: number;
  readonly sbufPeakTimeNs: number;
  /** Step function: occupancy from each sample's time until the next sample. */
  readonly samples: readonly OccupancySample[];
}

/**
 * `capacity` (bytes per partition): tiles the functional allocator placed at or beyond it live in
 * HBM (spilled) and are not counted.
 */
export function memoryUsage(trace: Trace, facts: InstructionFacts, capacity: { sbuf: number; psum: number }): MemoryUsage {
  const events: { t: number; sbuf: number; psum: number }[] = [];
  for (let id = 0; id < trace.tensorCount; id++) {
    const first = facts.tensorFirstNs[id];
    if (Number.isNaN(first)) continue;
    const memory = trace.tensorMemory(id);
    if (memory === Memory.Hbm) continue;
    if (trace.tensorAddr(id) >= (memory === Memory.Sbuf ? capacity.sbuf : capacity.psum)) continue;
    const sbuf = memory === Memory.Sbuf ? trace.tensorBytes(id) : 0;
    const psum = memory === Memory.Psum ? trace.tensorBytes(id) : 0;
    events.push({ t: first, sbuf, psum });
    events.push({ t: facts.tensorLastNs[id], sbuf: -sbuf, psum: -psum });
  }
  // Releases before acquisitions at equal times: a tile freed as another is allocated does not overlap.
  events.sort((a, b) => a.t - b.t || a.sbuf + a.psum - (b.sbuf + b.psum));
  const samples: OccupancySample[] = [];
  let sbuf = 0;
  let psum = 0;
  let sbufPeak = 0;
  let psumPeak = 0;
  let sbufPeakTime = 0;
  for (let k = 0; k < events.length; k++) {
    const e = events[k];
    sbuf += e.sbuf;
    psum += e.psum;
    if (sbuf > sbufPeak) {
      sbufPeak = sbuf;
      sbufPeakTime = e.t;
    }
    if (psum > psumPeak) psumPeak = psum;
    const last = samples[samples.length - 1];
    if (last && last.timeNs === e.t) samples[samples.length - 1] = { timeNs: e.t, sbufBytes: sbuf, psumBytes: psum };
    else samples.push({ timeNs: e.t, sbufBytes: sbuf, psumBytes: psum });
  }
  return { sbufPeakBytesPerPartition: sbufPeak, psumPeakBytesPerPartition: psumPeak, sbufPeakTimeNs: sbufPeakTime, samples };
}
