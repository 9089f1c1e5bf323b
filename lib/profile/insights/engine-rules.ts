/**
 * Insight rules about compute engines: TensorE precision, transposes, throttling, the PSUM->SBUF
 * copy load on VectorE, the ScalarE exp bottleneck, GpSimd doing other engines' work, partition
 * under-use and strided access. Each quantifies its symptom and estimates the gain (reference §4).
 */

import { engineCost, clockGHz } from "../../sim/timing";
import { Engine } from "../../sim/trace/types";
import { FACT_FP32_MATMUL, FACT_MATMUL, FACT_READS_PSUM, FACT_TRANSPOSE, FACT_WRITES_SBUF } from "../facts";
import { activeNs, busyLines, busyNs, criticalities, criticality, formatLines, indicesOn, makeInsight, pct, sourceLines, us } from "./helpers";
import type { InsightRule } from "./types";
import { criticalPath } from "../critical-path";
import type { Trace } from "../../sim/trace";

// Engine codes read per instruction, as module constants (see lib/sim/timing/from-trace.ts).
const TENSOR = Engine.Tensor;
const SCALAR = Engine.Scalar;
const GPSIMD = Engine.GpSimd;
const SYNC = Engine.Sync;
const DMA = Engine.Dma;

// The rules' whole-trace scans are loops of their own over typed columns: with a predicate closure
// per rule, one shared scan called a different function per rule at one call site, once per
// instruction, and V8 could inline none of them.

/** Instructions on `engine` whose fact bits include every bit of `mask`, in trace order. */
function onEngineWithBits(engines: Uint8Array, bits: Uint8Array, engine: number, mask: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < engines.length; i++) if (engines[i] === engine && (bits[i] & mask) === mask) out.push(i);
  return out;
}

/** Instructions on any engine whose fact bits include every bit of `mask`, in trace order. */
function withBits(bits: Uint8Array, mask: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < bits.length; i++) if ((bits[i] & mask) === mask) out.push(i);
  return out;
}

/** ScalarE instructions whose variant computes exp. */
function scalarExps(engines: Uint8Array, trace: Trace): number[] {
  const expVariants = new ExpVariants();
  const out: number[] = [];
  for (let i = 0; i < engines.length; i++) if (engines[i] === SCALAR && expVariants.is(trace.variant(i))) out.push(i);
  return out;
}

/** GpSimd instructions another engine could run. */
function portableGpsimd(engines: Uint8Array, trace: Trace): number[] {
  const out: number[] = [];
  for (let i = 0; i < engines.length; i++) if (engines[i] === GPSIMD && GPSIMD_PORTABLE.has(trace.opcode(i))) out.push(i);
  return out;
}

/** Compute instructions (not DMA or Sync) on 1 to 64 partitions. */
function fewPartitions(engines: Uint8Array, parts: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < engines.length; i++) {
    const e = engines[i];
    if (e !== DMA && e !== SYNC && parts[i] > 0 && parts[i] <= 64) out.push(i);
  }
  return out;
}

/** Instructions other than DMA and TensorE with an innermost stride above 16 bytes. */
function strided(engines: Uint8Array, stride: Float32Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < engines.length; i++) if (engines[i] !== DMA && engines[i] !== TENSOR && stride[i] > 16) out.push(i);
  return out;
}

/** Whether a ScalarE activation variant computes exp, asked once per distinct variant string in a row. */
class ExpVariants {
  private last = "";
  private lastIsExp = false;
  is(variant: string): boolean {
    if (variant !== this.last) {
      this.last = variant;
      this.lastIsExp = /(^|,)exp($|,)/.test(variant);
    }
    return this.lastIsExp;
  }
}

function sumBusy(ctx: Parameters<InsightRule["evaluate"]>[0], idx: readonly number[]): number {
  let s = 0;
  for (const i of idx) s += busyNs(ctx, i);
  return s;
}

export const fp32Matmul: InsightRule = {
  id: "fp32-matmul",
  title: "fp32 matmuls run at a quarter of the TensorE rate",
  evaluate(ctx) {
    const idx = onEngineWithBits(ctx.timed.trace.columnViews().engine, ctx.facts.bits, TENSOR, FACT_FP32_MATMUL | FACT_MATMUL);
    if (idx.length === 0) return null;
    const time = sumBusy(ctx, idx);
    const factor = ctx.timed.config.fp32MatmulFactor;
    const saved = time * (1 - 1 / factor);
    const tensorTime = activeNs(ctx).engines[Engine.Tensor];
    if (pct(time, tensorTime) < 5) return null;
    const lines = busyLines(ctx, idx);
    return makeInsight(ctx, {
      id: this.id,
      title: this.title,
      estimatedGainNs: saved * criticality(ctx, Engine.Tensor),
      summary: `${idx.length} matmuls take fp32 inputs and use ${us(time)} (${pct(time, tensorTime).toFixed(0)}% of TensorE time) at 1/${factor} of the bf16 rate (${formatLines(lines)}).`,
      recommendation: "Cast matmul inputs to bfloat16 (accumulation in PSUM stays fp32), e.g. load with dtype=nl.bfloat16 or copy through nl.copy(..., dtype=nl.bfloat16).",
      sourceLines: lines,
      evidence: { instructions: idx.length, fp32TimeNs: time, tensorSavedNs: saved },
    });
  },
};

export const transposesOnTensorEngine: InsightRule = {
  id: "transposes-on-tensor-engine",
  title: "Transposes take a large share of TensorE work",
  evaluate(ctx) {
    const { timeline } = ctx.timed;
    const idx = withBits(ctx.facts.bits, FACT_TRANSPOSE);
    if (idx.length === 0) return null;
    const time = sumBusy(ctx, idx);
    const tensorTime = activeNs(ctx).engines[Engine.Tensor];
    const flopShare = pct(ctx.metrics.transpose_flops, ctx.metrics.hardware_flops);
    const timeShare = pct(time, tensorTime);
    let onPath = 0;
    for (const step of criticalPath(ctx)) if ((ctx.facts.bits[step.index] & FACT_TRANSPOSE) !== 0) onPath += busyNs(ctx, step.index);
    const pathShare = pct(onPath, timeline.totalNs);
    // Explorer flags transpose FLOPs above 10% of TensorE FLOPs [EXPL-SUM]; transposes on the
    // critical path delay the whole kernel by their full duration.
    if (flopShare <= 10 && timeShare <= 10 && pathShare < 5) return null;
    const lines = busyLines(ctx, idx);
    return makeInsight(ctx, {
      id: this.id,
      title: this.title,
      estimatedGainNs: Math.max(onPath, time * criticality(ctx, Engine.Tensor)),
      summary: `${idx.length} transposes use ${us(time)} of TensorE (${timeShare.toFixed(0)}% of its time, ${flopShare.toFixed(0)}% of its FLOPs); ${us(onPath)} of them lie on the critical path (${formatLines(lines)}).`,
      recommendation:
        "Produce data in the layout the matmul needs: load it transposed (nisa.dma_transpose runs at 90% of copy speed on trn2), pass transpose_x=True-friendly layouts, or hoist the transpose out of the loop. trn3 overlaps transposes with matmuls in the background.",
      sourceLines: lines,
      evidence: { instructions: idx.length, transposeTimeNs: time, transposeFlopPercent: flopShare, criticalPathTransposeNs: onPath },
    });
  },
};

export const tensorThrottle: InsightRule = {
  id: "tensor-throttle",
  title: "TensorE throttling ramp costs time",
  evaluate(ctx) {
    const loss = ctx.timed.timeline.throttleLossNs;
    if (pct(loss, ctx.timed.timeline.totalNs) < 3) return null;
    const idx = indicesOn(ctx, Engine.Tensor);
    const lines = busyLines(ctx, idx.slice(0, 64));
    return makeInsight(ctx, {
      id: this.id,
      title: this.title,
      estimatedGainNs: loss,
      summary: `TensorE ran below full rate for ${us(loss)} (${pct(loss, ctx.timed.timeline.totalNs).toFixed(1)}% of total) while the ${ctx.timed.target} throttle ramped up after idle gaps.`,
      recommendation:
        "Keep TensorE continuously fed: prefetch matmul operands so it never idles for more than ~1.5 µs (idle gaps re-engage the 50% limit, which then ramps back over ~3 µs).",
      sourceLines: lines,
      evidence: { throttleLossNs: loss },
    });
  },
};

export const psumCopiesOnVector: InsightRule = {
  id: "psum-copies-on-vector",
  title: "Many PSUM->SBUF copies load the Vector engine",
  evaluate(ctx) {
    const a = activeNs(ctx);
    const vector = a.engines[Engine.Vector];
    const busiestCompute = Math.max(...a.engines);
    // Only a load on the busiest compute engine matters: the copies are not looked for otherwise.
    if (vector < busiestCompute) return null;
    const idx = onEngineWithBits(ctx.timed.trace.columnViews().engine, ctx.facts.bits, Engine.Vector, FACT_READS_PSUM | FACT_WRITES_SBUF);
    if (idx.length < 4) return null;
    const time = sumBusy(ctx, idx);
    if (pct(time, vector) < 25) return null;
    const lines = busyLines(ctx, idx);
    // Moving half of the copies to ScalarE halves their Vector load, bounded by ScalarE's slack.
    const scalarSlack = Math.max(0, vector - a.engines[Engine.Scalar]);
    const gain = Math.min(time / 2, scalarSlack / 2) * criticality(ctx, Engine.Vector);
    return makeInsight(ctx, {
      id: this.id,
      title: this.title,
      estimatedGainNs: gain,
      summary: `VectorE is the busiest compute engine and ${idx.length} PSUM->SBUF copies take ${us(time)} (${pct(time, vector).toFixed(0)}% of its time) (${formatLines(lines)}).`,
      recommendation:
        "Split the PSUM evacuation between engines (e.g. nisa.activation(op=nl.copy) on ScalarE for half of the tiles) and copy whole 2 KiB banks at once instead of many small slices.",
      sourceLines: lines,
      evidence: { copies: idx.length, copyTimeNs: time, vectorActiveNs: vector },
    });
  },
};

export const scalarExpBottleneck: InsightRule = {
  id: "scalar-exp-bottleneck",
  title: "ScalarE exponentials are the bottleneck",
  evaluate(ctx) {
    const { trace, config, target } = ctx.timed;
    const a = activeNs(ctx);
    const scalar = a.engines[Engine.Scalar];
    // Only the busiest resource can be the bottleneck: the exponentials are not looked for otherwise.
    if (scalar < a.busiest) return null;
    const idx = scalarExps(trace.columnViews().engine, trace);
    if (idx.length === 0) return null;
    const exp = sumBusy(ctx, idx);
    if (pct(exp, scalar) < 50) return null;
    const others = [...a.engines.filter((_, k) => k !== Engine.Scalar), a.dma];
    const nextBusiest = Math.max(...others);
    const vectorExp = config.vectorExpSpeedup > 0;
    const gain = vectorExp ? exp * (1 - 1 / config.vectorExpSpeedup) : (scalar - nextBusiest) / 2;
    const lines = busyLines(ctx, idx);
    return makeInsight(ctx, {
      id: this.id,
      title: this.title,
      estimatedGainNs: Math.min(gain, scalar - nextBusiest),
      summary: `ScalarE is the busiest resource (${us(scalar)}) and ${idx.length} exp activations take ${pct(exp, scalar).toFixed(0)}% of it (${formatLines(lines)}).`,
      recommendation: vectorExp
        ? `On ${target}, VectorE's exponential instruction runs exp 4x faster than ScalarE (with the max-subtract and sum fused): move the exponentials there.`
        : "Fuse the scale, bias and reduction into the activation (activation(exp, data, bias, scale) is 3x faster than separate ops) and move non-exp element-wise work off ScalarE. trn3 adds a VectorE exponential 4x faster than ScalarE exp.",
      sourceLines: lines,
      evidence: { expInstructions: idx.length, expTimeNs: exp, scalarActiveNs: scalar, nextBusiestNs: nextBusiest },
    });
  },
};

const GPSIMD_PORTABLE = new Set(["tensor_tensor", "tensor_scalar", "tensor_copy", "activation", "tensor_reduce", "memset"]);

export const gpsimdDoesVectorWork: InsightRule = {
  id: "gpsimd-does-vector-work",
  title: "GpSimd runs element-wise work a faster engine could do",
  evaluate(ctx) {
    const { trace, config } = ctx.timed;
    const idx = portableGpsimd(trace.columnViews().engine, trace);
    if (idx.length === 0) return null;
    let saved = 0;
    const savedOf = new Map<number, number>();
    for (const i of idx) {
      const asVector = { engine: Engine.Vector, opcode: trace.opcode(i), variant: trace.variant(i), flags: trace.flags(i), operands: trace.operands(i) };
      const vectorNs = engineCost(config, asVector).cycles / clockGHz(config, Engine.Vector);
      const s = Math.max(0, busyNs(ctx, i) - vectorNs);
      savedOf.set(i, s);
      saved += s;
    }
    const gain = saved * criticality(ctx, Engine.GpSimd);
    if (pct(gain, ctx.timed.timeline.totalNs) < 1) return null;
    const lines = sourceLines(ctx, idx, (i) => savedOf.get(i) ?? 0);
    return makeInsight(ctx, {
      id: this.id,
      title: this.title,
      estimatedGainNs: gain,
      summary: `${idx.length} element-wise instructions run on GpSimd; on VectorE they would take ${us(saved)} less (${formatLines(lines)}).`,
      recommendation: "Issue these on VectorE (or ScalarE for tensor_scalar/activation); keep GpSimd for iota, affine_select, gathers and custom ops.",
      sourceLines: lines,
      evidence: { instructions: idx.length, savedEngineNs: saved },
    });
  },
};

export const partitionsUnderused: InsightRule = {
  id: "partitions-underused",
  title: "Instructions use few partitions",
  evaluate(ctx) {
    const { trace } = ctx.timed;
    const parts = ctx.facts.partitions;
    const engines = trace.columnViews().engine;
    const idx = fewPartitions(engines, parts);
    if (idx.length < 2) return null;
    let gain = 0;
    const wasted = new Map<number, number>();
    const critical = criticalities(ctx);
    for (const i of idx) {
      const w = busyNs(ctx, i) * (1 - parts[i] / 128);
      wasted.set(i, w);
      gain += w * critical[engines[i]];
    }
    if (pct(gain, ctx.timed.timeline.totalNs) < 2) return null;
    const lines = sourceLines(ctx, idx, (i) => wasted.get(i) ?? 0);
    let avg = 0;
    for (const i of idx) avg += parts[i] / idx.length;
    return makeInsight(ctx, {
      id: this.id,
      title: this.title,
      estimatedGainNs: gain,
      summary: `${idx.length} compute instructions use on average ${avg.toFixed(0)} of 128 partitions; an instruction costs the same with 128 (${formatLines(lines)}).`,
      recommendation:
        "Vectorise across partitions: put 128 rows on the partition axis (e.g. fuse two 64-partition tiles into one 128-partition op, which runs 2x faster).",
      sourceLines: lines,
      evidence: { instructions: idx.length, averagePartitions: avg, wastedEngineNs: gain },
    });
  },
};

export const stridedAccess: InsightRule = {
  id: "strided-access",
  title: "Strided on-chip access halves engine bandwidth",
  evaluate(ctx) {
    const { trace } = ctx.timed;
    const stride = ctx.facts.innerStrideBytes;
    const engines = trace.columnViews().engine;
    const idx = strided(engines, stride);
    if (idx.length === 0) return null;
    let gain = 0;
    const critical = criticalities(ctx);
    for (const i of idx) gain += (busyNs(ctx, i) / 2) * critical[engines[i]];
    if (pct(gain, ctx.timed.timeline.totalNs) < 1) return null;
    const lines = sourceLines(ctx, idx, (i) => busyNs(ctx, i) / 2);
    return makeInsight(ctx, {
      id: this.id,
      title: this.title,
      estimatedGainNs: gain,
      summary: `${idx.length} instructions read or write with an innermost stride above 16 bytes, which halves SBUF/PSUM bandwidth (${formatLines(lines)}).`,
      recommendation: "Make the innermost free dimension contiguous: reorder the loop/index so the fastest-varying index has stride 1, or transpose once up front.",
      sourceLines: lines,
      evidence: { instructions: idx.length, maxStrideBytes: Math.max(...idx.map((i) => stride[i])) },
    });
  },
};
