/**
 * Summary metrics, named as Neuron Explorer's `Summary` table names them where a name exists
 * (reference §6.2 [EXPL-SCHEMA][EXPL-GLOSS]). Units follow Explorer: times in seconds
 * (`total_time`), percentages 0-100, bytes and FLOPs as plain counts.
 * Metrics without an Explorer counterpart are prefixed `sim_`.
 */

import { COMPUTE_ENGINES, type TimedTrace } from "../sim/timing";
import { resolveTarget } from "../sim/targets";
import { Engine, InstrFlag } from "../sim/trace/types";
import { FACT_MATMUL, FACT_TRANSPOSE, type InstructionFacts } from "./facts";
import { intervalUnion, unionOfUnions, unionTotal, type IntervalUnion } from "./interval-union";
import type { MemoryUsage } from "./memory-usage";

export { unionLength } from "./interval-union";

export const ENGINE_METRIC_NAMES = ["tensor", "vector", "scalar", "gpsimd", "sync"] as const;
export type EngineMetricName = (typeof ENGINE_METRIC_NAMES)[number];

type EngineMetrics = {
  [K in EngineMetricName as `${K}_engine_active_time`]: number;
} & {
  [K in EngineMetricName as `${K}_engine_active_time_percent`]: number;
} & {
  [K in EngineMetricName as `${K}_engine_instruction_count`]: number;
};

export type ProfileMetrics = EngineMetrics & {
  total_time: number;
  total_active_time_percent: number;
  dma_active_time_percent: number;
  matmul_instruction_count: number;
  model_flops: number;
  hardware_flops: number;
  transpose_flops: number;
  mfu_estimated_percent: number;
  hfu_estimated_percent: number;
  mm_arithmetic_intensity: number;
  peak_flops_bandwidth_ratio: number;
  hbm_read_bytes: number;
  hbm_write_bytes: number;
  sbuf_read_bytes: number;
  sbuf_write_bytes: number;
  psum_read_bytes: number;
  psum_write_bytes: number;
  mbu_estimated_percent: number;
  spill_save_bytes: number;
  spill_reload_bytes: number;
  dma_transfer_count: number;
  dma_transfer_average_bytes: number;
  sbuf_peak_bytes_per_partition: number;
  sbuf_peak_percent: number;
  psum_peak_bytes_per_partition: number;
  psum_peak_percent: number;
  sim_instruction_count: number;
  sim_tensor_throttle_time: number;
  /** Share of the 128x128 PE array the TensorE instructions used (rows K x columns M), time-weighted. */
  sim_tensor_pe_utilization_percent: number;
  sim_peak_flops: number;
  sim_peak_hbm_bandwidth: number;
};

/** Busy intervals grouped by track (engine or DMA queue) as one CSR table, trace records before spills. */
interface TrackIntervals {
  readonly tracks: number;
  readonly trackStart: Uint32Array;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
}

function trackIntervals(timeline: TimedTrace["timeline"], spills: TimedTrace["spills"]): TrackIntervals {
  const { track, startNs, endNs } = timeline;
  const n = timeline.length;
  let tracks = lastTrack(track, FIRST_QUEUE_TRACK - 1) + 1;
  for (const sp of spills) if (sp.track >= tracks) tracks = sp.track + 1;
  const trackStart = new Uint32Array(tracks + 1);
  countPerTrack(track, trackStart);
  for (const sp of spills) trackStart[sp.track + 1]++;
  for (let t = 0; t < tracks; t++) trackStart[t + 1] += trackStart[t];
  const fill = trackStart.slice(0, tracks);
  const starts = new Float64Array(n + spills.length);
  const ends = new Float64Array(n + spills.length);
  scatterByTrack(track, startNs, endNs, fill, starts, ends);
  for (const sp of spills) {
    const at = fill[sp.track]++;
    starts[at] = sp.startNs;
    ends[at] = sp.endNs;
  }
  return { tracks, trackStart, starts, ends };
}

// The whole-trace loops are functions that end with their loop. A function called once per profile
// runs its loop in code compiled on the stack; code after the loop has not run when that is
// compiled, so it bails out there, and the cached loop code does so again in the next profiles
// until V8 recompiles the function: a few profiles of recompiling instead of warm code.

/** The highest track any instruction is on, at least `least`. */
function lastTrack(track: Uint8Array, least: number): number {
  let last = least;
  for (let i = 0; i < track.length; i++) if (track[i] > last) last = track[i];
  return last;
}

/** counts[t + 1] += instructions on track t. */
function countPerTrack(track: Uint8Array, counts: Uint32Array): void {
  for (let i = 0; i < track.length; i++) counts[track[i] + 1]++;
}

/** Each instruction's interval into its track's next slot (fill[t], advanced). */
function scatterByTrack(track: Uint8Array, startNs: Float64Array, endNs: Float64Array, fill: Uint32Array, starts: Float64Array, ends: Float64Array): void {
  for (let i = 0; i < track.length; i++) {
    const at = fill[track[i]]++;
    starts[at] = startNs[i];
    ends[at] = endNs[i];
  }
}

/** Sum of a column in index order. */
function columnSum(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum;
}

// Slots of instructionTotals' running sums.
const MODEL_FLOPS = 0;
const HARDWARE_FLOPS = 1;
const TRANSPOSE_FLOPS = 2;
const MATMULS = 3;
const PE_BUSY = 4;
const PE_USED = 5;
const DMA_COUNT = 6;
const DMA_BYTES = 7;

/** Per-instruction tallies: counts per engine, DMA transfers and bytes, TensorE FLOPs and PE-array use. */
function instructionTotals(timed: TimedTrace, facts: InstructionFacts) {
  const counts = [0, 0, 0, 0, 0];
  const sums = new Float64Array(8);
  tally(timed, facts, counts, sums);
  return {
    counts,
    modelFlops: sums[MODEL_FLOPS],
    hardwareFlops: sums[HARDWARE_FLOPS],
    transposeFlops: sums[TRANSPOSE_FLOPS],
    matmuls: sums[MATMULS],
    peBusy: sums[PE_BUSY],
    peUsed: sums[PE_USED],
    dmaCount: sums[DMA_COUNT],
    dmaBytes: sums[DMA_BYTES],
  };
}

/**
 * The loop of instructionTotals. Its sums accumulate in `sums` (doubles, added in the same order as
 * locals would be: the same values) so that nothing runs after the loop (see lastTrack).
 */
function tally(timed: TimedTrace, facts: InstructionFacts, counts: number[], sums: Float64Array): void {
  const { trace, timeline, config } = timed;
  const engines = trace.columnViews().engine;
  const halveDoubleRow = config.fp8DoubleRowFactor > 1;
  for (let i = 0; i < engines.length; i++) {
    const engine = engines[i];
    if (engine === DMA) {
      sums[DMA_COUNT]++;
      sums[DMA_BYTES] += Math.max(facts.hbmRead[i] + facts.sbufRead[i] + facts.psumRead[i], facts.hbmWrite[i] + facts.sbufWrite[i] + facts.psumWrite[i]);
      continue;
    }
    counts[engine]++;
    if (engine !== TENSOR) continue;
    // Stationary [K, M]: K rows and M columns of the PE array are used (§4.2 [PERF]).
    const busy = timeline.endNs[i] - timeline.startNs[i];
    const rows = Math.min(1, facts.partitions[i] / 128);
    const cols = Math.min(1, facts.elements[i] / 128);
    sums[PE_BUSY] += busy;
    sums[PE_USED] += busy * rows * cols;
    const flops = trace.flops(i);
    sums[HARDWARE_FLOPS] += flops;
    if ((facts.bits[i] & FACT_TRANSPOSE) !== 0) sums[TRANSPOSE_FLOPS] += flops;
    else if ((facts.bits[i] & FACT_MATMUL) !== 0) {
      sums[MATMULS]++;
      // adjusted_flops: FP8 double-row work counts half (it runs at 2x) [EXPL-GLOSS].
      sums[MODEL_FLOPS] += (trace.flags(i) & DOUBLE_ROW) !== 0 && halveDoubleRow ? flops / 2 : flops;
    }
  }
}

// Codes read per instruction, as module constants: where modules are loaded as CommonJS, every
// read of an imported binding is a getter call (see lib/sim/timing/from-trace.ts).
const DMA = Engine.Dma;
const TENSOR = Engine.Tensor;
const DOUBLE_ROW = InstrFlag.DoubleRow;
const FIRST_QUEUE_TRACK = COMPUTE_ENGINES;

/**
 * The metrics of a timed trace. Each pass over the instructions is a function of its own: optimised
 * code for a whole-trace loop then ends with the loop, instead of running on into code that has not
 * run yet and being thrown away there at every call.
 */
export function computeMetrics(timed: TimedTrace, facts: InstructionFacts, memory: MemoryUsage): ProfileMetrics {
  const { timeline, config, target } = timed;
  const n = timeline.length;
  const totalNs = timeline.totalNs;
  const totalS = totalNs * 1e-9;
  const spills = timed.spills;
  // Each in-order engine's and each DMA queue's list comes out sorted by start: its union is one linear pass.
  const { tracks, trackStart, starts, ends } = trackIntervals(timeline, spills);
  const unionOfTrack = (t: number) => intervalUnion(starts.subarray(trackStart[t], trackStart[t + 1]), ends.subarray(trackStart[t], trackStart[t + 1]));
  const { counts, modelFlops, hardwareFlops, transposeFlops, matmuls, peBusy, peUsed, dmaCount, dmaBytes } = instructionTotals(timed, facts);
  const sums = {
    hbmR: columnSum(facts.hbmRead),
    hbmW: columnSum(facts.hbmWrite),
    sbR: columnSum(facts.sbufRead),
    sbW: columnSum(facts.sbufWrite),
    psR: columnSum(facts.psumRead),
    psW: columnSum(facts.psumWrite),
  };
  // Spill transfers are DMA activity and HBM traffic of their own (Explorer's "SBUF Spill Save/Reload").
  let spillSave = 0;
  let spillReload = 0;
  for (const sp of spills) {
    if (sp.kind === "save") spillSave += sp.bytes;
    else spillReload += sp.bytes;
  }
  const peakFlops = config.peakBf16Tflops * 1e12;
  const peakBw = config.hbmBytesPerNs * 1e9;
  const pct = (ns: number) => (totalNs > 0 ? (100 * ns) / totalNs : 0);
  const sim = resolveTarget(target);
  const engineMetrics = {} as Record<string, number>;
  // Every trace record and spill is on an engine or a DMA queue: the union of all activity is the
  // union of those unions (in-order engines' lists arrive sorted and merge in one pass).
  const unions: IntervalUnion[] = [];
  ENGINE_METRIC_NAMES.forEach((name, k) => {
    const union = unionOfTrack(k);
    unions.push(union);
    const active = unionTotal(union);
    engineMetrics[`${name}_engine_active_time`] = active * 1e-9;
    engineMetrics[`${name}_engine_active_time_percent`] = pct(active);
    engineMetrics[`${name}_engine_instruction_count`] = counts[k];
  });
  const queueUnions: IntervalUnion[] = [];
  for (let t = COMPUTE_ENGINES; t < tracks; t++) queueUnions.push(unionOfTrack(t));
  const dmaUnion = unionOfUnions(queueUnions);
  unions.push(dmaUnion);
  const hbmBytes = sums.hbmR + sums.hbmW;
  const hbmTraffic = hbmBytes + spillSave + spillReload;
  return {
    ...(engineMetrics as EngineMetrics),
    total_time: totalS,
    total_active_time_percent: pct(unionTotal(unionOfUnions(unions))),
    dma_active_time_percent: pct(unionTotal(dmaUnion)),
    matmul_instruction_count: matmuls,
    model_flops: modelFlops,
    hardware_flops: hardwareFlops,
    transpose_flops: transposeFlops,
    mfu_estimated_percent: totalS > 0 ? (100 * modelFlops) / (peakFlops * totalS) : 0,
    hfu_estimated_percent: totalS > 0 ? (100 * hardwareFlops) / (peakFlops * totalS) : 0,
    mm_arithmetic_intensity: hbmBytes > 0 ? modelFlops / hbmBytes : 0,
    peak_flops_bandwidth_ratio: peakFlops / peakBw,
    hbm_read_bytes: sums.hbmR,
    hbm_write_bytes: sums.hbmW,
    sbuf_read_bytes: sums.sbR,
    sbuf_write_bytes: sums.sbW,
    psum_read_bytes: sums.psR,
    psum_write_bytes: sums.psW,
    mbu_estimated_percent: totalS > 0 ? (100 * hbmTraffic) / totalS / peakBw : 0,
    spill_save_bytes: spillSave,
    spill_reload_bytes: spillReload,
    dma_transfer_count: dmaCount,
    dma_transfer_average_bytes: dmaCount > 0 ? dmaBytes / dmaCount : 0,
    sbuf_peak_bytes_per_partition: memory.sbufPeakBytesPerPartition,
    sbuf_peak_percent: (100 * memory.sbufPeakBytesPerPartition) / sim.sbufUsableBytesPerPartition,
    psum_peak_bytes_per_partition: memory.psumPeakBytesPerPartition,
    psum_peak_percent: (100 * memory.psumPeakBytesPerPartition) / (sim.psumBanks * sim.psumBankBytes),
    sim_instruction_count: n,
    sim_tensor_throttle_time: timeline.throttleLossNs * 1e-9,
    sim_tensor_pe_utilization_percent: peBusy > 0 ? (100 * peUsed) / peBusy : 0,
    sim_peak_flops: peakFlops,
    sim_peak_hbm_bandwidth: peakBw,
  };
}
