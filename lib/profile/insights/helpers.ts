/** Shared arithmetic of the insight rules: severity, criticality, attribution to source lines. */

import { Engine } from "../../sim/trace/types";
import type { Insight, InsightContext, Severity, SourceRef } from "./types";

export function severityOf(gainPercent: number): Severity {
  if (gainPercent >= 10) return "high";
  if (gainPercent >= 3) return "medium";
  return "low";
}

/** Busy time per compute engine and the DMA union, in ns. */
export function activeNs(ctx: InsightContext): { engines: number[]; dma: number; busiest: number } {
  const m = ctx.metrics;
  const engines = [
    m.tensor_engine_active_time,
    m.vector_engine_active_time,
    m.scalar_engine_active_time,
    m.gpsimd_engine_active_time,
    m.sync_engine_active_time,
  ].map((s) => s * 1e9);
  const dma = (m.dma_active_time_percent / 100) * m.total_time * 1e9;
  return { engines, dma, busiest: Math.max(dma, ...engines) };
}

/** How much of an engine-local saving reaches total_time: its active time over the busiest resource's. */
export function criticality(ctx: InsightContext, engine: number): number {
  const a = activeNs(ctx);
  const mine = engine === Engine.Dma ? a.dma : a.engines[engine];
  return a.busiest > 0 ? mine / a.busiest : 0;
}

/** `criticality` of every engine code (DMA included), for rules that weigh many instructions. */
export function criticalities(ctx: InsightContext): number[] {
  return [Engine.Tensor, Engine.Vector, Engine.Scalar, Engine.GpSimd, Engine.Sync, Engine.Dma].map((e) => criticality(ctx, e));
}

export function busyNs(ctx: InsightContext, i: number): number {
  const t = ctx.timed.timeline;
  return t.endNs[i] - t.startNs[i];
}

/** Groups instructions by source line, weighting each by `weight(i)`; the heaviest `limit` lines. */
export function sourceLines(ctx: InsightContext, indices: ArrayLike<number>, weight: (i: number) => number, limit = 5): SourceRef[] {
  const weights = new Float64Array(indices.length);
  weighEach(indices, weight, weights);
  return linesByWeight(ctx, indices, weights, limit);
}

// The loops over an insight's instructions end their functions: a function called once per profile
// runs its loop in code compiled on the stack, which bails out on code after the loop that had not
// run when it was compiled, and the cached loop code does so again in the next profiles.

function weighEach(indices: ArrayLike<number>, weight: (i: number) => number, weights: Float64Array): void {
  for (let k = 0; k < indices.length; k++) weights[k] = weight(indices[k]);
}

function weighByBusyTime(indices: ArrayLike<number>, startNs: Float64Array, endNs: Float64Array, weights: Float64Array): void {
  for (let k = 0; k < indices.length; k++) weights[k] = endNs[indices[k]] - startNs[indices[k]];
}

/** `sourceLines` weighted by each instruction's busy time (end - start), the common case. */
export function busyLines(ctx: InsightContext, indices: ArrayLike<number>, limit = 5): SourceRef[] {
  const { startNs, endNs } = ctx.timed.timeline;
  const weights = new Float64Array(indices.length);
  weighByBusyTime(indices, startNs, endNs, weights);
  return linesByWeight(ctx, indices, weights, limit);
}

function linesByWeight(ctx: InsightContext, indices: ArrayLike<number>, weights: Float64Array, limit: number): SourceRef[] {
  // Keyed by file, then line: no key string built per instruction.
  const byFile = new Map<string, Map<number, LineTally>>();
  tallyLines(ctx.timed.trace, indices, weights, byFile);
  const all = [...byFile.values()].flatMap((lines) => [...lines.values()]);
  return all.sort((a, b) => b.timeNs - a.timeNs || a.line - b.line).slice(0, limit);
}

/** Adds each instruction and its weight to its line's tally. */
function tallyLines(trace: InsightContext["timed"]["trace"], indices: ArrayLike<number>, weights: Float64Array, byFile: Map<string, Map<number, LineTally>>): void {
  // Loop bodies alternate between a few lines, so a small cache by line number answers most
  // lookups without touching the maps.
  const cached: (LineTally | undefined)[] = new Array<LineTally | undefined>(LINE_CACHE).fill(undefined);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    const file = trace.file(i);
    const line = trace.line(i);
    let e = cached[line & (LINE_CACHE - 1)];
    if (e === undefined || e.line !== line || e.file !== file) {
      let lines = byFile.get(file);
      if (!lines) {
        lines = new Map();
        byFile.set(file, lines);
      }
      e = lines.get(line);
      if (!e) {
        e = { file, line, instructions: 0, timeNs: 0 };
        lines.set(line, e);
      }
      cached[line & (LINE_CACHE - 1)] = e;
    }
    e.instructions++;
    e.timeNs += weights[k];
  }
}

interface LineTally {
  readonly file: string;
  readonly line: number;
  instructions: number;
  timeNs: number;
}

const LINE_CACHE = 64;

/** Indices of the instructions on `engine`, in trace order. */
export function indicesOn(ctx: InsightContext, engine: number): number[] {
  const engines = ctx.timed.trace.columnViews().engine;
  const out: number[] = [];
  for (let i = 0; i < engines.length; i++) if (engines[i] === engine) out.push(i);
  return out;
}

export function formatLines(refs: readonly SourceRef[]): string {
  return refs.map((r) => `${r.file}:${r.line}`).join(", ");
}

export function us(ns: number): string {
  return `${(ns / 1000).toFixed(ns < 10_000 ? 2 : 1)} µs`;
}

export function pct(part: number, whole: number): number {
  return whole > 0 ? (100 * part) / whole : 0;
}

export function makeInsight(
  ctx: InsightContext,
  fields: Omit<Insight, "severity" | "estimatedGainPercent" | "estimatedGainNs"> & { estimatedGainNs: number },
): Insight {
  const totalNs = ctx.timed.timeline.totalNs;
  const gain = Math.max(0, Math.min(fields.estimatedGainNs, totalNs));
  const gainPercent = pct(gain, totalNs);
  return { ...fields, estimatedGainNs: gain, estimatedGainPercent: gainPercent, severity: severityOf(gainPercent) };
}
