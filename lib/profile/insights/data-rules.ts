/**
 * Insight rules about data movement and scheduling: TensorE starved by DMA, small DMAs, sequential
 * loops without a carried dependency, and SBUF pressure (reference §4.3, §1.7, §6).
 */

import { dmaEngineBusyNs } from "../../sim/timing/dma-cost";
import { rotationDependsOn } from "../../sim/timing/from-trace";
import { resolveTarget } from "../../sim/targets";
import { DepType, Engine, InstrFlag, LoopKind, type Trace } from "../../sim/trace";
import { busyLines, criticality, formatLines, makeInsight, pct, sourceLines, us } from "./helpers";
import type { InsightContext, InsightRule } from "./types";

export const tensorWaitsOnDma: InsightRule = {
  id: "tensor-waits-on-dma",
  title: "TensorE idles waiting for DMA",
  evaluate(ctx) {
    const { trace, timeline } = ctx.timed;
    let wait = 0;
    let first = -1;
    const producers: number[] = [];
    const waitOf = new Map<number, number>();
    for (let i = 0; i < trace.length; i++) {
      const p = timeline.waitedOn[i];
      if (trace.engine(i) !== Engine.Tensor || p < 0 || trace.engine(p) !== Engine.Dma) continue;
      // The very first matmul must wait for its operands; only later waits are avoidable.
      if (first < 0) {
        first = i;
        continue;
      }
      wait += timeline.waitNs[i];
      producers.push(p);
      waitOf.set(p, (waitOf.get(p) ?? 0) + timeline.waitNs[i]);
    }
    const total = timeline.totalNs;
    if (pct(wait, total) < 5) return null;
    const lines = sourceLines(ctx, [...new Set(producers)], (p) => waitOf.get(p) ?? 0);
    return makeInsight(ctx, {
      id: this.id,
      title: this.title,
      estimatedGainNs: wait,
      summary: `TensorE waited ${us(wait)} (${pct(wait, total).toFixed(0)}% of total time) for ${producers.length} loads to land (${formatLines(lines)}).`,
      recommendation:
        "Overlap loads with compute: allocate the load's tile inside an affine_range body (buffers rotate, so iteration i+1 loads while i computes), hoist loads that do not change out of inner loops, and load bigger blocks.",
      sourceLines: lines,
      evidence: { waitNs: wait, waits: producers.length },
    });
  },
};

// Slots of smallDmaOverhead's totals.
const SMALL = 0;
const DMAS = 1;
const OVERHEAD_NS = 2;

/**
 * Descriptor overhead of the DMAs under 2 KiB per partition (DMA engine time beyond moving their
 * bytes on the busiest engine), their indices into `smallAt`, and the number of DMAs, into `totals`.
 * Locals, not object fields, carry the last shape: field writes in a hot loop cost V8 its optimised
 * code. The totals are kept current in the loop so that nothing runs after it: a function called
 * once per profile runs its loop in code compiled on the stack, which bails out on code after the
 * loop that had not run yet, and the cached loop code does so again in the next profiles.
 */
function smallDmaOverhead(ctx: InsightContext, smallAt: Int32Array, totals: Float64Array): void {
  const { trace, costed, config } = ctx.timed;
  const input = costed.input;
  const engines = trace.columnViews().engine;
  const bytesPerPartition = costed.dmaBytesPerPartition;
  let count = 0;
  let dmas = 0;
  let overheadNs = 0;
  let lastPartStart = -1;
  let lastPartCount = -1;
  let lastPartitionNs = NaN;
  let busiest = 0;
  let busiestParts = 0;
  for (let i = 0; i < engines.length; i++) {
    if (engines[i] !== Engine.Dma) continue;
    totals[DMAS] = ++dmas;
    const bpp = bytesPerPartition[i];
    // "≥ 2 KiB per partition minimum recommended" [DMA-BW].
    if (bpp >= 2048) continue;
    smallAt[count++] = i;
    totals[SMALL] = count;
    const row = input.dmaRow[costed.inputOf[i]];
    const partStart = input.dmaPartStart[row];
    const partCount = input.dmaPartCount[row];
    const partitionNs = input.dmaPartitionNs[row];
    // Consecutive transfers of a loop body usually share their shape: reuse the last busiest engine.
    if (partStart !== lastPartStart || partCount !== lastPartCount || !Object.is(partitionNs, lastPartitionNs)) {
      busiest = 0;
      busiestParts = 0;
      for (let e = 0; e < config.dmaEngines; e++) {
        const ns = dmaEngineBusyNs(config, partStart, partCount, partitionNs, e);
        if (ns > busiest) {
          busiest = ns;
          busiestParts = Math.max(0, Math.round((ns - config.dmaBufferCostNs) / partitionNs));
        }
      }
      lastPartStart = partStart;
      lastPartCount = partCount;
      lastPartitionNs = partitionNs;
    }
    const ideal = (busiestParts * bpp) / config.dmaEngineBytesPerNs;
    overheadNs += Math.max(0, busiest - ideal);
    totals[OVERHEAD_NS] = overheadNs;
  }
}

/** Mean of `values` at `indices`, summed in index order as value / count. */
function meanAt(values: Float64Array, indices: Int32Array): number {
  let mean = 0;
  for (let k = 0; k < indices.length; k++) mean += values[indices[k]] / indices.length;
  return mean;
}

export const smallDmas: InsightRule = {
  id: "small-dma",
  title: "Small DMA transfers are overhead-bound",
  evaluate(ctx) {
    const { trace, costed } = ctx.timed;
    // Typed, sized to the trace: a growing array of ~10^5 small DMAs would be copied a dozen times.
    const smallAt = new Int32Array(trace.length);
    const totals = new Float64Array(3);
    smallDmaOverhead(ctx, smallAt, totals);
    const dmas = totals[DMAS];
    const overhead = totals[OVERHEAD_NS];
    const small = smallAt.subarray(0, totals[SMALL]);
    if (small.length < 4 || pct(small.length, dmas) < 25) return null;
    const gain = overhead * criticality(ctx, Engine.Dma);
    if (pct(gain, ctx.timed.timeline.totalNs) < 1) return null;
    const lines = busyLines(ctx, small);
    const avg = meanAt(costed.dmaBytesPerPartition, small);
    return makeInsight(ctx, {
      id: this.id,
      title: this.title,
      estimatedGainNs: gain,
      summary: `${small.length} of ${dmas} DMAs move under 2 KiB per partition (average ${avg.toFixed(0)} B); descriptor overhead costs ${us(overhead)} of DMA engine time (${formatLines(lines)}).`,
      recommendation: "Move at least 2 KiB (ideally 4 KiB or more) per partition per DMA: load larger blocks with one nl.load/dma_copy and slice them on chip.",
      sourceLines: lines,
      evidence: { smallDmas: small.length, dmas, averageBytesPerPartition: avg, overheadNs: overhead },
    });
  },
};

/** Iteration of `loop` on loop path `path` (a node of the trace's path tree), or -1 if not inside it. */
function iterationOn(trace: Trace, path: number, loop: number): number {
  for (let p = path; p !== 0 && p !== NO_PATH_PARENT; p = trace.pathParent(p)) if (trace.pathLoop(p) === loop) return trace.pathIteration(p);
  return -1;
}

const NO_PATH_PARENT = 0xffffffff;

/** The sequential loops of two or more iterations. */
function sequentialLoops(trace: Trace): Set<number> {
  const loops = new Set<number>();
  for (let l = 0; l < trace.loopCount; l++) {
    const info = trace.loop(l);
    if (info.kind === LoopKind.Sequential && info.tripCount >= 2) loops.add(l);
  }
  return loops;
}

/** Loops (by source line) whose iterations have no true dependency on an earlier iteration. */
function independentSequentialLoops(trace: Trace): Map<string, number[]> {
  // Only sequential loops can be candidates, so only their iterations need comparing.
  const sequential = new Uint8Array(trace.loopCount);
  let any = false;
  for (let l = 0; l < trace.loopCount; l++) {
    const info = trace.loop(l);
    if (info.kind === LoopKind.Sequential && info.tripCount >= 2) sequential[l] = 1;
    any ||= sequential[l] === 1;
  }
  const carried = new Set<number>();
  const { engine, depStart, depOn, depType } = trace.columnViews();
  for (let i = 0; any && i < trace.length; i++) {
    const path = trace.pathId(i);
    if (path === 0) continue;
    for (let d = depStart[i], d1 = i + 1 < trace.length ? depStart[i + 1] : depOn.length; d < d1; d++) {
      if (depType[d] !== DepType.Raw) continue;
      const p = depOn[d];
      const other = trace.pathId(p);
      // Same loop path node: the same iteration of every enclosing loop.
      if (other === path) continue;
      // PSUM accumulation chains are associative reductions, not loop-carried [LANG226].
      if ((trace.flags(i) & InstrFlag.Accumulate) !== 0 && engine[i] === Engine.Tensor && engine[p] === Engine.Tensor) continue;
      for (let q = path; q !== 0 && q !== NO_PATH_PARENT; q = trace.pathParent(q)) {
        const loop = trace.pathLoop(q);
        if (sequential[loop] === 0 || carried.has(loop)) continue;
        const it = iterationOn(trace, other, loop);
        if (it >= 0 && it !== trace.pathIteration(q)) carried.add(loop);
      }
    }
  }
  const byLine = new Map<string, number[]>();
  const carriedLines = new Set<string>();
  for (let l = 0; l < trace.loopCount; l++) {
    const info = trace.loop(l);
    if (info.kind !== LoopKind.Sequential || info.tripCount < 2) continue;
    const key = `${info.file}:${info.line}`;
    if (carried.has(l)) carriedLines.add(key);
    const list = byLine.get(key);
    if (list) list.push(l);
    else byLine.set(key, [l]);
  }
  for (const key of carriedLines) byLine.delete(key);
  return byLine;
}

export const sequentialWithoutCarriedDependency: InsightRule = {
  id: "sequential-without-carried-dependency",
  title: "A sequential loop has no loop-carried dependency",
  evaluate(ctx: InsightContext) {
    const { trace, timeline, costed } = ctx.timed;
    // A loop's kind reaches the schedule only through the tiles that rotate with it: when no
    // sequential loop has any, re-simulating one as affine_range gains nothing, and the walk over
    // every dependency for carried ones can be skipped.
    if (costed.treatAsAffine.size === 0 && !rotationDependsOn(trace, sequentialLoops(trace))) return null;
    const candidates = independentSequentialLoops(trace);
    let best: { key: string; gain: number; loops: number[] } | null = null;
    // Re-simulate each candidate line as affine_range; the model measures the gain.
    for (const [key, loops] of [...candidates.entries()].slice(0, 4)) {
      const what = ctx.resimulate({ treatAsAffine: new Set(loops) });
      const gain = timeline.totalNs - what.timeline.totalNs;
      if (!best || gain > best.gain) best = { key, gain, loops };
    }
    if (!best || pct(best.gain, timeline.totalNs) < 1) return null;
    const info = trace.loop(best.loops[0]);
    return makeInsight(ctx, {
      id: this.id,
      title: this.title,
      estimatedGainNs: best.gain,
      summary: `The sequential loop at ${best.key} (${info.tripCount} iterations) has no true dependency between iterations; as affine_range the kernel would take ${us(timeline.totalNs - best.gain)} instead of ${us(timeline.totalNs)}.`,
      recommendation: "Use nl.affine_range for loops without a loop-carried dependency (Python range() becomes sequential_range), so tiles rotate and iterations overlap.",
      sourceLines: [{ file: info.file, line: info.line, instructions: best.loops.length, timeNs: best.gain }],
      evidence: { loopExecutions: best.loops.length, tripCount: info.tripCount, gainNs: best.gain },
    });
  },
};

export const sbufPressure: InsightRule = {
  id: "sbuf-pressure",
  title: "SBUF pressure",
  evaluate(ctx) {
    const { target, config, trace, spills, timeline } = ctx.timed;
    const capacity = resolveTarget(target).sbufUsableBytesPerPartition;
    const peak = ctx.memory.sbufPeakBytesPerPartition;
    const share = pct(peak, capacity);
    const { spill_save_bytes: saved, spill_reload_bytes: reloaded, hbm_read_bytes: hbmRead } = ctx.metrics;
    if (spills.length > 0) {
      // Tiles the allocator could not fit were spilled: their saves/reloads are on the timeline.
      let spillTime = 0;
      const served = new Map<number, number>();
      for (const sp of spills) {
        spillTime += sp.endNs - sp.startNs;
        served.set(sp.origin, (served.get(sp.origin) ?? 0) + sp.endNs - sp.startNs);
      }
      const lines = sourceLines(ctx, [...served.keys()], (i) => served.get(i) ?? 0);
      const reloadShare = pct(reloaded, hbmRead + reloaded);
      return makeInsight(ctx, {
        id: this.id,
        title: this.title,
        estimatedGainNs: Math.min(spillTime, timeline.totalNs) * criticality(ctx, Engine.Dma),
        summary: `Live tiles did not fit in SBUF: ${(saved / 1024).toFixed(0)} KiB were spilled to HBM and ${(reloaded / 1024).toFixed(0)} KiB reloaded (${reloadShare.toFixed(0)}% of HBM reads) in ${spills.length} transfers taking ${us(spillTime)} (${formatLines(lines)}).`,
        recommendation: "Shrink tiles or the number of buffers in flight, free tiles earlier (declare them inside the loop body), or keep intermediates in PSUM.",
        sourceLines: lines,
        evidence: { spillSaveBytes: saved, spillReloadBytes: reloaded, spillTransfers: spills.length, spillTimeNs: spillTime },
      });
    }
    if (share < 90) return null;
    // Live tiles near capacity: one more buffer or a larger tile would spill (save + reload, all 128 partitions).
    const headroom = Math.max(0, capacity - peak);
    const at = ctx.memory.sbufPeakTimeNs;
    const live: number[] = [];
    for (let i = 0; i < trace.length; i++) if (timeline.startNs[i] <= at && timeline.endNs[i] >= at) live.push(i);
    const lines = busyLines(ctx, live);
    return makeInsight(ctx, {
      id: this.id,
      title: this.title,
      estimatedGainNs: 0,
      summary: `Live tiles peak at ${share.toFixed(0)}% of SBUF (${peak} of ${capacity} B per partition, ${headroom} B left) at ${us(at)}; a larger tile or one more buffer would spill.`,
      recommendation: "Leave headroom: shrink tiles or buffers in flight, or free tiles earlier (declare them inside the loop body).",
      sourceLines: lines,
      evidence: { peakBytesPerPartition: peak, capacityBytesPerPartition: capacity, spillDmaNsPerKiB: 1024 / (config.dmaEngines * config.dmaEngineBytesPerNs) },
    });
  },
};
