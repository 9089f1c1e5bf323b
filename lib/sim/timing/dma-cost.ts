/**
 * The DMA model (reference §4.3, §4.6 item 4). A transfer is split over the 16 DMA engines of the
 * core by SBUF partition (engine e serves partitions 8e..8e+7); each engine walks a list of
 * contiguous "DMA buffers" (descriptors), paying a fixed cost per buffer and then bytes at its
 * sustained bandwidth. Every engine, with data or without, ends the transfer with a 4-byte semaphore
 * write, so all 16 engines spend at least one descriptor on every transfer [DMA].
 */

import type { TimingConstants } from "./config";
import { InstrFlag, Memory } from "../trace/types";
import { type CostInstruction, type CostOperand, dtypeSize, patternElements, reads, writes } from "./operand-features";

/** Queues a transfer can sit on, named as Neuron profiles name them. */
export const DMA_QUEUE_NAMES = ["qSyncIO0", "qGpSimdIO0", "qSyncSpillReload0"] as const;
export const DmaQueue = { SyncIO: 0, GpSimdIO: 1, SpillReload: 2 } as const;

export interface DmaCost {
  /** Busy time of each DMA engine for this transfer (ns), length = cfg.dmaEngines. */
  readonly engineNs: Float64Array;
  /** Engines that move data (the others only write the completion semaphore). */
  readonly enginesWithData: number;
  /** Bytes read from or written to HBM (for the per-core HBM bandwidth cap). */
  readonly hbmBytes: number;
  /** Total payload bytes. */
  readonly bytes: number;
  /** Bytes per SBUF partition (the quantity the efficiency curve is drawn against). */
  readonly bytesPerPartition: number;
  readonly queue: number;
}

/**
 * Length (in elements) of the contiguous runs of an access pattern: the innermost unit-stride dim,
 * extended outwards while each outer stride equals the run so far.
 */
export function contiguousRun(pattern: readonly number[]): number {
  let run = 1;
  for (let k = pattern.length - 2; k >= 0; k -= 2) {
    const stride = pattern[k];
    const size = pattern[k + 1];
    if (size <= 1) continue;
    if (stride !== run) break;
    run *= size;
  }
  return run;
}

function onChipSide(src: CostOperand | undefined, dst: CostOperand | undefined): CostOperand | undefined {
  if (dst && dst.memory !== Memory.Hbm) return dst;
  if (src && src.memory !== Memory.Hbm) return src;
  return undefined;
}

export function dmaQueueFor(src: CostOperand | undefined, dst: CostOperand | undefined): number {
  // CS149 trn1 profile: loads on qSyncIO0, stores on qGpSimdIO0 [CS149-24].
  if (dst && dst.memory === Memory.Hbm && src && src.memory !== Memory.Hbm) return DmaQueue.GpSimdIO;
  return DmaQueue.SyncIO;
}

/** Per-engine busy times of one DMA instruction. */
export function dmaCost(cfg: TimingConstants, instr: CostInstruction, queueOverride?: number): DmaCost {
  const src = reads(instr)[0];
  const dst = writes(instr)[0];
  const chip = onChipSide(src, dst);
  const engines = cfg.dmaEngines;
  const engineNs = new Float64Array(engines);
  const dataOp = chip ?? dst ?? src;
  const elems = dataOp ? patternElements(dataOp.pattern) : 0;
  const size = dataOp ? dtypeSize(dataOp) : 1;
  const partitions = chip ? Math.max(1, chip.partCount) : 1;
  const bytes = chip ? elems * size * partitions : elems * size;
  const bytesPerPartition = chip ? elems * size : bytes;

  // Descriptors: a DMA buffer must be contiguous on both sides.
  const runs: number[] = [];
  for (const op of [src, dst]) if (op) runs.push(contiguousRun(op.pattern));
  const run = Math.max(1, Math.min(...runs, chip ? elems : Infinity));
  const buffersPerPartition = Math.max(1, Math.ceil((chip ? elems : bytes / size) / run));

  const flags = instr.flags ?? 0;
  let rate = cfg.dmaEngineBytesPerNs;
  if ((flags & InstrFlag.DmaTranspose) !== 0) {
    const fromHbm = src !== undefined && src.memory === Memory.Hbm;
    rate *= fromHbm ? cfg.dmaTransposeHbmFraction : cfg.dmaTransposeSbufFraction;
  }

  let enginesWithData = 0;
  if (chip) {
    // Engine e serves partitions [8e, 8e + 8): a [4, N] tile lands on engine 0 only [DMA].
    const first = chip.partStart;
    const last = chip.partStart + partitions;
    for (let e = 0; e < engines; e++) {
      const lo = Math.max(first, e * cfg.partitionsPerDmaEngine);
      const hi = Math.min(last, (e + 1) * cfg.partitionsPerDmaEngine);
      const parts = Math.max(0, hi - lo);
      if (parts > 0) enginesWithData++;
      engineNs[e] = (parts * buffersPerPartition + 1) * cfg.dmaBufferCostNs + (parts * bytesPerPartition) / rate;
    }
  } else {
    // HBM -> HBM has no partition split; spread descriptors evenly (assumed).
    const totalBuffers = buffersPerPartition;
    for (let e = 0; e < engines; e++) {
      const share = Math.floor(totalBuffers / engines) + (e < totalBuffers % engines ? 1 : 0);
      if (share > 0) enginesWithData++;
      engineNs[e] = (share + 1) * cfg.dmaBufferCostNs + (bytes * share) / totalBuffers / rate;
    }
  }

  let hbmBytes = 0;
  if (src && src.memory === Memory.Hbm) hbmBytes += bytes;
  if (dst && dst.memory === Memory.Hbm) hbmBytes += bytes;

  return {
    engineNs,
    enginesWithData,
    hbmBytes,
    bytes,
    bytesPerPartition,
    queue: queueOverride ?? dmaQueueFor(src, dst),
  };
}
