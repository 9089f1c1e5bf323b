/**
 * The DMA model (reference §4.3, §4.6 item 4). A transfer is split over the 16 DMA engines of the
 * core by SBUF partition (engine e serves partitions 8e..8e+7); each engine walks a list of
 * contiguous "DMA buffers" (descriptors), paying a fixed cost per buffer and then bytes at its
 * sustained bandwidth. Every engine, with data or without, ends the transfer with a 4-byte semaphore
 * write, so all 16 engines spend at least one descriptor on every transfer [DMA].
 */

import type { TimingConstants } from "./config";
import { Access, InstrFlag, Memory } from "../trace/types";
import { type CostInstruction, type CostOperand, dtypeSize, nthWith, patternElements } from "./operand-features";

/** Queues a transfer can sit on, named as Neuron profiles name them. */
export const DMA_QUEUE_NAMES = ["qSyncIO0", "qGpSimdIO0", "qSyncSpillReload0"] as const;
export const DmaQueue = { SyncIO: 0, GpSimdIO: 1, SpillReload: 2 } as const;

export interface DmaCost {
  /** First SBUF partition and partition count the transfer spans (HBM -> HBM: spread as 128). */
  readonly partStart: number;
  readonly partCount: number;
  /** Busy time one partition adds to its DMA engine: its descriptors plus its bytes (ns). */
  readonly partitionNs: number;
  /** Bytes read from or written to HBM (for the per-core HBM bandwidth cap). */
  readonly hbmBytes: number;
  /** Total payload bytes. */
  readonly bytes: number;
  /** Bytes per SBUF partition (the quantity the efficiency curve is drawn against). */
  readonly bytesPerPartition: number;
  readonly queue: number;
}

/**
 * Busy time of DMA engine `e` for a transfer: its partitions' descriptors and bytes plus the final
 * semaphore write, which every engine performs, with data or without.
 */
export function dmaEngineBusyNs(cfg: TimingConstants, partStart: number, partCount: number, partitionNs: number, e: number): number {
  const lo = Math.max(partStart, e * cfg.partitionsPerDmaEngine);
  const hi = Math.min(partStart + partCount, (e + 1) * cfg.partitionsPerDmaEngine);
  return Math.max(0, hi - lo) * partitionNs + cfg.dmaBufferCostNs;
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

function dmaQueueFor(src: CostOperand | undefined, dst: CostOperand | undefined): number {
  // CS149 trn1 profile: loads on qSyncIO0, stores on qGpSimdIO0 [CS149-24].
  if (dst && dst.memory === Memory.Hbm && src && src.memory !== Memory.Hbm) return DmaQueue.GpSimdIO;
  return DmaQueue.SyncIO;
}

/** The shape of one DMA instruction as the DMA engines see it. */
export function dmaCost(cfg: TimingConstants, instr: CostInstruction, queueOverride?: number): DmaCost {
  const src = nthWith(instr, Access.Read);
  const dst = nthWith(instr, Access.Write);
  const chip = onChipSide(src, dst);
  const dataOp = chip ?? dst ?? src;
  const elems = dataOp ? patternElements(dataOp.pattern) : 0;
  const size = dataOp ? dtypeSize(dataOp) : 1;
  const partitions = chip ? Math.max(1, chip.partCount) : 1;
  const bytes = chip ? elems * size * partitions : elems * size;

  // Descriptors: a DMA buffer must be contiguous on both sides.
  let run = chip ? elems : Infinity;
  if (src) run = Math.min(run, contiguousRun(src.pattern));
  if (dst) run = Math.min(run, contiguousRun(dst.pattern));
  run = Math.max(1, run);

  const flags = instr.flags ?? 0;
  let rate = cfg.dmaEngineBytesPerNs;
  if ((flags & InstrFlag.DmaTranspose) !== 0) {
    const fromHbm = src !== undefined && src.memory === Memory.Hbm;
    rate *= fromHbm ? cfg.dmaTransposeHbmFraction : cfg.dmaTransposeSbufFraction;
  }

  let hbmBytes = 0;
  if (src && src.memory === Memory.Hbm) hbmBytes += bytes;
  if (dst && dst.memory === Memory.Hbm) hbmBytes += bytes;
  const queue = queueOverride ?? dmaQueueFor(src, dst);

  if (chip) {
    // Engine e serves partitions [8e, 8e + 8): a [4, N] tile lands on engine 0 only [DMA].
    const buffers = Math.ceil(elems / run);
    const bytesPerPartition = elems * size;
    return {
      partStart: chip.partStart,
      partCount: partitions,
      partitionNs: buffers * cfg.dmaBufferCostNs + bytesPerPartition / rate,
      hbmBytes,
      bytes,
      bytesPerPartition,
      queue,
    };
  }
  // HBM -> HBM has no partitions: descriptors and bytes are spread evenly over all engines (assumed).
  const lanes = cfg.dmaEngines * cfg.partitionsPerDmaEngine;
  const buffers = Math.ceil(elems / run);
  return {
    partStart: 0,
    partCount: lanes,
    partitionNs: (buffers / lanes) * cfg.dmaBufferCostNs + bytes / lanes / rate,
    hbmBytes,
    bytes,
    bytesPerPartition: bytes / lanes,
    queue,
  };
}
