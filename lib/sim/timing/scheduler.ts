/**
 * The in-order scheduler (reference §4.6): one queue per compute engine (Tensor, Vector, Scalar,
 * GpSimd, Sync) plus 16 DMA engines with their queues. An instruction starts when its engine is free
 * and its producers are done; what it waited on is recorded.
 *
 * The core is `scheduleNext(state, input, i)`: it reads the state and instruction i and advances the
 * state. It mutates `state` in place because copying ~300 numbers per instruction would cap the
 * scheduler far below its 2 M instructions/s budget; `step` is the copying (pure) form for tests and
 * exploration, and `schedule` runs a whole input. Everything is deterministic: no clocks, no
 * randomness, iteration in index order.
 */

import type { TimingConstants } from "./config";
import { DepType, Engine } from "../trace/types";
import { COMPUTE_ENGINES, DMA_ENGINE, FULL_PE_ARRAY, type ScheduleInput } from "./schedule-input";
import { DMA_QUEUE_NAMES } from "./dma-cost";
import { clockGHz } from "./engine-cost";

/** Marker in `waitType` for an instruction that did not wait on any producer. */
export const NO_WAIT = 255;

/** Per-instruction output, appended to the trace's instruction indices. */
export interface Timeline {
  readonly length: number;
  /** Engine busy interval (TensorE: the MultiplyMoving). */
  readonly startNs: Float64Array;
  readonly endNs: Float64Array;
  /** TensorE LoadStationary start (NaN for other engines). */
  readonly loadStartNs: Float32Array;
  /** The producer whose completion set the start, or -1 when the engine/queue order did. */
  readonly waitedOn: Int32Array;
  /** DepType of that producer, or NO_WAIT. */
  readonly waitType: Uint8Array;
  /** Time spent waiting on producers after the engine was free (ns). */
  readonly waitNs: Float32Array;
  /** Track: compute engine code, or COMPUTE_ENGINES + DMA queue index. */
  readonly track: Uint8Array;
  readonly totalNs: number;
  /** Extra TensorE time caused by the throttle ramp (ns). */
  readonly throttleLossNs: number;
}

export function trackName(track: number): string {
  const names = ["tensor", "vector", "scalar", "gpsimd", "sync"];
  return track < COMPUTE_ENGINES ? names[track] : DMA_QUEUE_NAMES[track - COMPUTE_ENGINES] ?? `dma${track}`;
}

/**
 * Busy intervals of one DMA engine (or of HBM), sorted by start, in [0, count); old ones are pruned
 * to keep lookups short. Fixed-size typed columns: a plain array starts out holding small integers
 * and changes element kind at the first fractional time, which threw away the optimised code of
 * every function that books, in every profile.
 */
interface DmaEngineBusy {
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  count: number;
  prunedUntil: number;
}

const MAX_DMA_INTERVALS = 64;

function emptyBusy(): DmaEngineBusy {
  return { starts: new Float64Array(MAX_DMA_INTERVALS + 1), ends: new Float64Array(MAX_DMA_INTERVALS + 1), count: 0, prunedUntil: 0 };
}

function copyBusy(from: DmaEngineBusy, to: DmaEngineBusy): void {
  to.starts.set(from.starts);
  to.ends.set(from.ends);
  to.count = from.count;
  to.prunedUntil = from.prunedUntil;
}

function cloneBusy(b: DmaEngineBusy): DmaEngineBusy {
  const copy = emptyBusy();
  copyBusy(b, copy);
  return copy;
}

export interface SchedulerState {
  readonly cfg: TimingConstants;
  /** Clock of each compute engine (GHz), by engine code. */
  readonly clockGHz: Float64Array;
  readonly engineFree: Float64Array;
  lsPortFree: number;
  weightSlotFree: number;
  /**
   * When each 32x32 cell of the PE array is free (PE tiling lets small matmuls overlap): a cell is
   * free at max(peFree[cell], peAllFree); untiled matmuls only touch the two scalars.
   */
  readonly peFree: Float64Array;
  peAllFree: number;
  peMaxFree: number;
  /** Start of the last TensorE instruction: the queue still issues in order. */
  tensorIssued: number;
  rampStart: number;
  tensorLastEnd: number;
  throttleLossNs: number;
  readonly dmaBusy: DmaEngineBusy[];
  /**
   * While every DMA so far spanned all engines with the same partitions each (the usual 128-partition
   * transfer), every engine has the same bookings: only engine 0's (dmaBusy[0] and its
   * queueEngineLast entries) are kept, and such a transfer is booked once instead of once per
   * engine. The first other transfer copies engine 0's state to the others and clears the flag.
   */
  dmaShared: boolean;
  /** queue x engine: end of the last transfer of that queue on that engine (in-order queues). */
  readonly queueEngineLast: Float64Array;
  readonly queueTriggerLast: Float64Array;
  /** HBM bandwidth booked as exclusive slices of bytes / per-core cap (a fluid approximation). */
  readonly hbm: DmaEngineBusy;
  /** When each instruction's results are visible to consumers. */
  visible: Float64Array;
  readonly out: MutableTimeline;
  makespan: number;
}

interface MutableTimeline {
  startNs: Float64Array;
  endNs: Float64Array;
  loadStartNs: Float32Array;
  waitedOn: Int32Array;
  waitType: Uint8Array;
  waitNs: Float32Array;
  track: Uint8Array;
}

function allocTimeline(n: number): MutableTimeline {
  return {
    startNs: new Float64Array(n),
    endNs: new Float64Array(n),
    loadStartNs: new Float32Array(n).fill(NaN),
    waitedOn: new Int32Array(n).fill(-1),
    waitType: new Uint8Array(n).fill(NO_WAIT),
    waitNs: new Float32Array(n),
    track: new Uint8Array(n),
  };
}

export function initialState(cfg: TimingConstants, capacity: number): SchedulerState {
  // Queue indices are hardware queue ids (0..15 on every engine) [DMA].
  const queues = cfg.dmaQueuesPerEngine;
  if (DMA_QUEUE_NAMES.length > queues) throw new Error("more modelled DMA queues than hardware queues");
  return {
    cfg,
    clockGHz: Float64Array.from({ length: COMPUTE_ENGINES }, (_, engine) => clockGHz(cfg, engine)),
    engineFree: new Float64Array(COMPUTE_ENGINES),
    lsPortFree: 0,
    weightSlotFree: 0,
    peFree: new Float64Array(16),
    peAllFree: 0,
    peMaxFree: 0,
    tensorIssued: 0,
    rampStart: -Infinity,
    tensorLastEnd: -Infinity,
    throttleLossNs: 0,
    dmaBusy: Array.from({ length: cfg.dmaEngines }, emptyBusy),
    dmaShared: true,
    queueEngineLast: new Float64Array(queues * cfg.dmaEngines),
    queueTriggerLast: new Float64Array(queues),
    hbm: emptyBusy(),
    visible: new Float64Array(capacity),
    out: allocTimeline(capacity),
    makespan: 0,
  };
}

function cloneTimeline(t: MutableTimeline): MutableTimeline {
  return {
    startNs: t.startNs.slice(),
    endNs: t.endNs.slice(),
    loadStartNs: t.loadStartNs.slice(),
    waitedOn: t.waitedOn.slice(),
    waitType: t.waitType.slice(),
    waitNs: t.waitNs.slice(),
    track: t.track.slice(),
  };
}

export function cloneState(s: SchedulerState): SchedulerState {
  return {
    ...s,
    engineFree: s.engineFree.slice(),
    peFree: s.peFree.slice(),
    dmaBusy: s.dmaBusy.map(cloneBusy),
    queueEngineLast: s.queueEngineLast.slice(),
    queueTriggerLast: s.queueTriggerLast.slice(),
    hbm: cloneBusy(s.hbm),
    visible: s.visible.slice(),
    out: cloneTimeline(s.out),
  };
}

// Codes read per instruction, as module constants: where modules are loaded as CommonJS, every
// read of an imported binding is a getter call (see from-trace.ts).
const WAR = DepType.War;
const TENSOR = Engine.Tensor;
const DMA = DMA_ENGINE;
const FULL_ARRAY = FULL_PE_ARRAY;
const FIRST_QUEUE_TRACK = COMPUTE_ENGINES;

/** Earliest start >= `earliest` at which `dur` fits between the engine's busy intervals; books it. */
function bookInterval(b: DmaEngineBusy, earliest: number, dur: number): number {
  // The common, in-order case (after everything booked so far) is small enough to be inlined into
  // its callers: a call that is not passes and returns its doubles as new heap objects.
  const t = Math.max(earliest, b.prunedUntil);
  const n = b.count;
  if (n > 0 && t < b.ends[n - 1]) {
    gapBooking[0] = t;
    gapBooking[1] = dur;
    bookIntoGap(b);
    return gapBooking[0];
  }
  if (n > 0 && t === b.ends[n - 1]) b.ends[n - 1] = t + dur;
  else {
    b.starts[n] = t;
    b.ends[n] = t + dur;
    b.count = n + 1;
    if (n + 1 > MAX_DMA_INTERVALS) prune(b);
  }
  return t;
}

/** bookIntoGap's earliest start and duration in, its start out (typed cells: see bookInterval). */
const gapBooking = new Float64Array(2);

/** bookInterval when the earliest start falls before the end of the last booking: the first gap that fits. */
function bookIntoGap(b: DmaEngineBusy): void {
  let t = gapBooking[0];
  const dur = gapBooking[1];
  const { starts, ends } = b;
  const n = b.count;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  let j = lo;
  while (j < n && t + dur > starts[j]) {
    if (ends[j] > t) t = ends[j];
    j++;
  }
  const end = t + dur;
  // Merge with touching neighbours so back-to-back transfers stay one interval.
  const touchPrev = j > 0 && ends[j - 1] === t;
  const touchNext = j < n && starts[j] === end;
  if (touchPrev && touchNext) {
    ends[j - 1] = ends[j];
    starts.copyWithin(j, j + 1, n);
    ends.copyWithin(j, j + 1, n);
    b.count = n - 1;
  } else if (touchPrev) {
    ends[j - 1] = end;
  } else if (touchNext) {
    starts[j] = t;
  } else {
    starts.copyWithin(j + 1, j, n);
    ends.copyWithin(j + 1, j, n);
    starts[j] = t;
    ends[j] = end;
    b.count = n + 1;
    if (n + 1 > MAX_DMA_INTERVALS) prune(b);
  }
  gapBooking[0] = t;
}

/** Forgets the oldest intervals; later bookings may not start before the last forgotten one ends. */
function prune(b: DmaEngineBusy): void {
  const drop = b.count - MAX_DMA_INTERVALS / 2;
  b.prunedUntil = b.ends[drop - 1];
  b.starts.copyWithin(0, drop, b.count);
  b.ends.copyWithin(0, drop, b.count);
  b.count -= drop;
}

/** Schedules instruction i (all earlier instructions must be scheduled). Advances `s` in place. */
export function scheduleNext(s: SchedulerState, input: ScheduleInput, i: number): void {
  const cfg = s.cfg;
  const out = s.out;
  const engine = input.engine[i];
  const visible = s.visible;

  // Producers: RAW/WAW wait for results to be visible; WAR only for the reader to finish.
  let depReady = 0;
  let waitedOn = -1;
  let waitType: number = NO_WAIT;
  for (let k = input.depStart[i], e = input.depStart[i + 1]; k < e; k++) {
    const p = input.depOn[k];
    const t = input.depType[k];
    let ready = t === WAR ? out.endNs[p] : visible[p];
    if (engine !== input.engine[p] && engine !== DMA && input.engine[p] !== DMA) ready += cfg.crossEngineSemaphoreNs;
    if (ready > depReady) {
      depReady = ready;
      waitedOn = p;
      waitType = t;
    }
  }

  if (engine === DMA) {
    dmaDepReady[0] = depReady;
    scheduleDma(s, input, i, waitedOn, waitType);
    return;
  }

  const clock = s.clockGHz[engine];
  const gate = waitedOn >= 0 ? depReady + cfg.dependentOverheadCycles / clock : 0;
  let free = s.engineFree[engine];
  let start: number;
  let end: number;
  if (engine === TENSOR) {
    // In-order issue, but a PE-tiled matmul only needs its own cells of the array to be free.
    const mask = input.peMask[i];
    let cells = s.peMaxFree;
    if (mask !== FULL_ARRAY) {
      cells = s.peAllFree;
      for (let c = 0; c < 16; c++) if ((mask & (1 << c)) !== 0 && s.peFree[c] > cells) cells = s.peFree[c];
    }
    free = Math.max(s.tensorIssued, cells);
    // LoadStationary runs in the background of the previous MultiplyMoving: it needs the weight
    // port and the shadow weight slot, which frees when the previous MultiplyMoving starts.
    const lsStart = Math.max(s.lsPortFree, s.weightSlotFree, gate);
    const lsEnd = lsStart + input.loadNs[i];
    start = Math.max(free, lsEnd, gate);
    let dur = input.busyNs[i];
    if (cfg.throttleStartFraction < 1) {
      if (start - s.tensorLastEnd > cfg.throttleWindowNs / 2) s.rampStart = start;
      const ramp = cfg.throttleRampNs > 0 ? Math.min(1, (start - s.rampStart) / cfg.throttleRampNs) : 1;
      const rate = cfg.throttleStartFraction + (1 - cfg.throttleStartFraction) * ramp;
      const throttled = dur / rate;
      s.throttleLossNs += throttled - dur;
      dur = throttled;
    }
    end = start + dur;
    if (mask === FULL_ARRAY) s.peAllFree = end;
    else for (let c = 0; c < 16; c++) if ((mask & (1 << c)) !== 0) s.peFree[c] = end;
    if (end > s.peMaxFree) s.peMaxFree = end;
    s.tensorIssued = start;
    s.lsPortFree = lsEnd;
    s.weightSlotFree = start;
    if (end > s.tensorLastEnd) s.tensorLastEnd = end;
    out.loadStartNs[i] = lsStart;
  } else {
    start = Math.max(free, gate);
    end = start + input.busyNs[i];
  }
  if (end > s.engineFree[engine]) s.engineFree[engine] = end;
  visible[i] = end + cfg.pipelineLatencyCycles / clock;
  out.startNs[i] = start;
  out.endNs[i] = end;
  out.track[i] = engine;
  if (waitedOn >= 0 && gate > free) {
    out.waitedOn[i] = waitedOn;
    out.waitType[i] = waitType;
    out.waitNs[i] = gate - free;
  }
  if (end > s.makespan) s.makespan = end;
}

/** scheduleDma's producers-ready time, passed through a typed cell (see bookInterval). */
const dmaDepReady = new Float64Array(1);

function scheduleDma(s: SchedulerState, input: ScheduleInput, i: number, waitedOn: number, waitType: number): void {
  const depReady = dmaDepReady[0];
  const cfg = s.cfg;
  const out = s.out;
  const row = input.dmaRow[i];
  const queue = input.dmaQueue[row];
  const engines = input.dmaEngines;
  // Triggers on one queue issue in program order; data moves dmaStartLatencyNs after the trigger.
  const queueFree = s.queueTriggerLast[queue];
  const trigger = Math.max(depReady, queueFree);
  s.queueTriggerLast[queue] = trigger;
  const dataStart = trigger + cfg.dmaStartLatencyNs;
  // Engines without data only write the completion semaphore: too short to book.
  const per = cfg.partitionsPerDmaEngine;
  const p0 = input.dmaPartStart[row];
  const p1 = p0 + input.dmaPartCount[row];
  const partitionNs = input.dmaPartitionNs[row];
  let first = Infinity;
  let last = dataStart + cfg.dmaBufferCostNs;
  const spansAll = p0 === 0 && p1 === engines * per;
  if (s.dmaShared && !spansAll) unshareDmaEngines(s, engines);
  if (s.dmaShared) {
    // Every engine moves `per` partitions from the same bookings: the same interval on each.
    const dur = per * partitionNs + cfg.dmaBufferCostNs;
    const qe = queue * engines;
    first = bookInterval(s.dmaBusy[0], Math.max(dataStart, s.queueEngineLast[qe]), dur);
    const en = first + dur;
    s.queueEngineLast[qe] = en;
    if (en > last) last = en;
  } else {
    for (let e = Math.floor(p0 / per), eEnd = Math.ceil(p1 / per); e < eEnd; e++) {
      const parts = Math.min(p1, (e + 1) * per) - Math.max(p0, e * per);
      const dur = parts * partitionNs + cfg.dmaBufferCostNs;
      const qe = queue * engines + e;
      const st = bookInterval(s.dmaBusy[e], Math.max(dataStart, s.queueEngineLast[qe]), dur);
      const en = st + dur;
      s.queueEngineLast[qe] = en;
      if (st < first) first = st;
      if (en > last) last = en;
    }
  }
  const hbmBytes = input.dmaHbmBytes[row];
  if (hbmBytes > 0) {
    const dur = hbmBytes / cfg.hbmBytesPerNs;
    const hbmEnd = bookInterval(s.hbm, dataStart, dur) + dur;
    if (hbmEnd > last) last = hbmEnd;
  }
  const start = first === Infinity ? dataStart : first;
  out.startNs[i] = start;
  out.endNs[i] = last;
  out.track[i] = FIRST_QUEUE_TRACK + queue;
  s.visible[i] = last;
  if (waitedOn >= 0 && depReady > queueFree) {
    out.waitedOn[i] = waitedOn;
    out.waitType[i] = waitType;
    out.waitNs[i] = depReady - queueFree;
  }
  if (last > s.makespan) s.makespan = last;
}

/** Gives every DMA engine its own copy of engine 0's bookings (see SchedulerState.dmaShared). */
function unshareDmaEngines(s: SchedulerState, engines: number): void {
  for (let e = 1; e < s.dmaBusy.length; e++) copyBusy(s.dmaBusy[0], s.dmaBusy[e]);
  for (let q = 0; q < s.queueTriggerLast.length; q++) {
    for (let e = 1; e < engines; e++) s.queueEngineLast[q * engines + e] = s.queueEngineLast[q * engines];
  }
  s.dmaShared = false;
}

/** Pure form of scheduleNext: returns a new state, leaving `s` untouched. */
export function step(s: SchedulerState, input: ScheduleInput, i: number): SchedulerState {
  const next = cloneState(s);
  scheduleNext(next, input, i);
  return next;
}

export function finish(s: SchedulerState, length: number): Timeline {
  const o = s.out;
  return {
    length,
    startNs: o.startNs.subarray(0, length),
    endNs: o.endNs.subarray(0, length),
    loadStartNs: o.loadStartNs.subarray(0, length),
    waitedOn: o.waitedOn.subarray(0, length),
    waitType: o.waitType.subarray(0, length),
    waitNs: o.waitNs.subarray(0, length),
    track: o.track.subarray(0, length),
    totalNs: s.makespan,
    throttleLossNs: s.throttleLossNs,
  };
}

/** Schedules every instruction of `input` in program order. */
export function schedule(cfg: TimingConstants, input: ScheduleInput): Timeline {
  const s = initialState(cfg, input.length);
  for (let from = 0; from < input.length; from += SCHEDULE_CHUNK) scheduleRange(s, input, from, Math.min(input.length, from + SCHEDULE_CHUNK));
  return finish(s, input.length);
}

/**
 * Instructions per scheduleRange call. A loop over a whole input runs once per profile, so V8
 * compiles it on the stack mid-loop and then again as a function a profile or two later (each a
 * ~15 ms compile of the inlined scheduler); a range function called every few thousand
 * instructions is compiled once, as a function, in the first large profile.
 */
const SCHEDULE_CHUNK = 4096;

function scheduleRange(s: SchedulerState, input: ScheduleInput, from: number, to: number): void {
  for (let i = from; i < to; i++) scheduleNext(s, input, i);
}
