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
import { argsortByKey } from "./argsort";
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
  // Tile lifetimes as acquisitions and releases, each kept in time order through a stable index sort.
  const live = countedTiles(trace, facts, capacity);
  const acquire = argsortByKey(live, facts.tensorFirstNs);
  const release = argsortByKey(live, facts.tensorLastNs);
  const o = occupancy(trace, facts, acquire, release);
  let samples: OccupancySample[] | undefined;
  return {
    sbufPeakBytesPerPartition: o.sbufPeak,
    psumPeakBytesPerPartition: o.psumPeak,
    sbufPeakTimeNs: o.sbufPeakTime,
    // The step function is kept as columns; the sample objects are built only if someone reads them.
    get samples(): readonly OccupancySample[] {
      samples ??= Array.from({ length: o.count }, (_, k) => ({ timeNs: o.times[k], sbufBytes: o.sbufAt[k], psumBytes: o.psumAt[k] }));
      return samples;
    },
  };
}

// Memory codes read per tensor, as module constants: where modules are loaded as CommonJS, every
// read of an imported binding is a getter call (see lib/sim/timing/from-trace.ts).
const HBM = Memory.Hbm;
const SBUF = Memory.Sbuf;

// Each whole-trace loop ends its function: a function called once per profile runs its loop in code
// compiled on the stack, which bails out on code after the loop that had not run yet when it was
// compiled, and the cached loop code does so again in the next profiles until V8 recompiles it.

/** On-chip tiles that were touched and placed below capacity, by id. */
function countedTiles(trace: Trace, facts: InstructionFacts, capacity: { sbuf: number; psum: number }): Uint32Array {
  const ids = new Uint32Array(trace.tensorCount);
  return ids.slice(0, collectTiles(trace, facts, capacity, ids));
}

/** Writes the counted tiles' ids to the front of `ids`; returns how many. */
function collectTiles(trace: Trace, facts: InstructionFacts, capacity: { sbuf: number; psum: number }, ids: Uint32Array): number {
  let count = 0;
  for (let id = 0; id < trace.tensorCount; id++) {
    if (Number.isNaN(facts.tensorFirstNs[id])) continue;
    const memory = trace.tensorMemory(id);
    if (memory === HBM) continue;
    if (trace.tensorAddr(id) >= (memory === SBUF ? capacity.sbuf : capacity.psum)) continue;
    ids[count++] = id;
  }
  return count;
}

// Slots of the sweep's scalar results.
const COUNT = 0;
const SBUF_PEAK = 1;
const PSUM_PEAK = 2;
const SBUF_PEAK_TIME = 3;

/** Sweep over acquisitions and releases in time order: the occupancy step function and its peaks. */
function occupancy(trace: Trace, facts: InstructionFacts, acquire: Uint32Array, release: Uint32Array) {
  const times = new Float64Array(acquire.length + release.length);
  const sbufAt = new Float64Array(times.length);
  const psumAt = new Float64Array(times.length);
  const scalars = new Float64Array(4);
  sweep(trace, facts, acquire, release, times, sbufAt, psumAt, scalars);
  return { times, sbufAt, psumAt, count: scalars[COUNT], sbufPeak: scalars[SBUF_PEAK], psumPeak: scalars[PSUM_PEAK], sbufPeakTime: scalars[SBUF_PEAK_TIME] };
}

/** The loop of occupancy; its scalars are kept current in `scalars` so that nothing runs after it. */
function sweep(
  trace: Trace,
  facts: InstructionFacts,
  acquire: Uint32Array,
  release: Uint32Array,
  times: Float64Array,
  sbufAt: Float64Array,
  psumAt: Float64Array,
  scalars: Float64Array,
): void {
  const first = facts.tensorFirstNs;
  const last = facts.tensorLastNs;
  let count = 0;
  let sbuf = 0;
  let psum = 0;
  // Releases before acquisitions at equal times: a tile freed as another is allocated does not overlap.
  for (let a = 0, r = 0; a < acquire.length || r < release.length; ) {
    const isRelease = r < release.length && (a === acquire.length || last[release[r]] <= first[acquire[a]]);
    const id = isRelease ? release[r++] : acquire[a++];
    const t = isRelease ? last[id] : first[id];
    const bytes = isRelease ? -trace.tensorBytes(id) : trace.tensorBytes(id);
    if (trace.tensorMemory(id) === SBUF) sbuf += bytes;
    else psum += bytes;
    if (sbuf > scalars[SBUF_PEAK]) {
      scalars[SBUF_PEAK] = sbuf;
      scalars[SBUF_PEAK_TIME] = t;
    }
    if (psum > scalars[PSUM_PEAK]) scalars[PSUM_PEAK] = psum;
    if (count === 0 || times[count - 1] !== t) count++;
    scalars[COUNT] = count;
    times[count - 1] = t;
    sbufAt[count - 1] = sbuf;
    psumAt[count - 1] = psum;
  }
}
