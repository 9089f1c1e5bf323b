/** Numbers the summary pane charts, derived from a document's metrics and instruction table. */

import { ENGINE_METRIC_NAMES } from "../../../../lib/profile/metrics";
import type { ProfileDocument } from "../../../../lib/profile/document";
import type { ProfileModel } from "./profile-model";

export interface EngineBar {
  readonly name: string;
  readonly percent: number;
  readonly activeNs: number;
  readonly instructions: number;
}

export function engineBars(doc: ProfileDocument): EngineBar[] {
  const m = doc.metrics;
  const bars: EngineBar[] = ENGINE_METRIC_NAMES.map((name) => ({
    name,
    percent: m[`${name}_engine_active_time_percent`],
    activeNs: m[`${name}_engine_active_time`] * 1e9,
    instructions: m[`${name}_engine_instruction_count`],
  }));
  bars.push({ name: "dma", percent: m.dma_active_time_percent, activeNs: (m.dma_active_time_percent / 100) * m.total_time * 1e9, instructions: m.dma_transfer_count });
  return bars;
}

export interface Slice {
  readonly label: string;
  readonly percent: number;
  readonly bytes: number;
}

/**
 * Neuron Explorer's memory bandwidth breakdown: HBM read, HBM write, spill save/reload, and unused,
 * as shares of what the core's HBM bandwidth could have moved during the kernel.
 */
export function hbmBreakdown(doc: ProfileDocument): Slice[] {
  const m = doc.metrics;
  const capacity = m.sim_peak_hbm_bandwidth * m.total_time;
  const pct = (b: number) => (capacity > 0 ? (100 * b) / capacity : 0);
  const used: Slice[] = [
    { label: "HBM read", percent: pct(m.hbm_read_bytes), bytes: m.hbm_read_bytes },
    { label: "HBM write", percent: pct(m.hbm_write_bytes), bytes: m.hbm_write_bytes },
  ];
  if (m.spill_save_bytes > 0) used.push({ label: "SBUF spill save", percent: pct(m.spill_save_bytes), bytes: m.spill_save_bytes });
  if (m.spill_reload_bytes > 0) used.push({ label: "SBUF spill reload", percent: pct(m.spill_reload_bytes), bytes: m.spill_reload_bytes });
  const total = used.reduce((s, x) => s + x.percent, 0);
  used.push({ label: "idle", percent: Math.max(0, 100 - total), bytes: Math.max(0, capacity - used.reduce((s, x) => s + x.bytes, 0)) });
  return used;
}

export interface HistogramBin {
  /** Inclusive lower and exclusive upper bound in bytes (powers of two). */
  readonly lo: number;
  readonly hi: number;
  readonly count: number;
}

/** DMA transfer sizes (bytes moved: the larger of read and write) in power-of-two bins. */
export function dmaSizeHistogram(model: ProfileModel): HistogramBin[] {
  const { table, doc } = model;
  const dma = doc.engines.indexOf("dma");
  const counts = new Map<number, number>();
  for (let i = 0; i < table.length; i++) {
    if (table.engine[i] !== dma) continue;
    const bytes = Math.max(table.readBytes[i], table.writeBytes[i]);
    const bin = bytes > 0 ? Math.floor(Math.log2(bytes)) : 0;
    counts.set(bin, (counts.get(bin) ?? 0) + 1);
  }
  if (counts.size === 0) return [];
  const bins = [...counts.keys()];
  const out: HistogramBin[] = [];
  for (let b = Math.min(...bins); b <= Math.max(...bins); b++) out.push({ lo: 2 ** b, hi: 2 ** (b + 1), count: counts.get(b) ?? 0 });
  return out;
}

export function formatBytes(b: number): string {
  if (b >= 1 << 30) return `${(b / (1 << 30)).toFixed(2)} GiB`;
  if (b >= 1 << 20) return `${(b / (1 << 20)).toFixed(2)} MiB`;
  if (b >= 1024) return `${(b / 1024).toFixed(1)} KiB`;
  return `${Math.round(b)} B`;
}

export function formatFlops(f: number): string {
  if (f >= 1e12) return `${(f / 1e12).toFixed(2)} TFLOP`;
  if (f >= 1e9) return `${(f / 1e9).toFixed(2)} GFLOP`;
  if (f >= 1e6) return `${(f / 1e6).toFixed(2)} MFLOP`;
  return `${Math.round(f)} FLOP`;
}

/**
 * Metric rows compared between two profiles. `better` says which direction is an improvement; null
 * where it depends (a faster kernel may well keep an engine busy for a smaller share of the time).
 */
export const COMPARED_METRICS = [
  { name: "total_time", label: "total time", unit: "µs", scale: 1e6, better: "lower" },
  { name: "mfu_estimated_percent", label: "MFU", unit: "%", scale: 1, better: "higher" },
  { name: "hfu_estimated_percent", label: "HFU", unit: "%", scale: 1, better: "higher" },
  { name: "mbu_estimated_percent", label: "MBU", unit: "%", scale: 1, better: null },
  { name: "tensor_engine_active_time_percent", label: "TensorE active", unit: "%", scale: 1, better: null },
  { name: "vector_engine_active_time_percent", label: "VectorE active", unit: "%", scale: 1, better: null },
  { name: "scalar_engine_active_time_percent", label: "ScalarE active", unit: "%", scale: 1, better: null },
  { name: "gpsimd_engine_active_time_percent", label: "GpSimd active", unit: "%", scale: 1, better: null },
  { name: "dma_active_time_percent", label: "DMA active", unit: "%", scale: 1, better: null },
  { name: "hbm_read_bytes", label: "HBM read", unit: "MiB", scale: 1 / (1 << 20), better: "lower" },
  { name: "hbm_write_bytes", label: "HBM write", unit: "MiB", scale: 1 / (1 << 20), better: "lower" },
  { name: "dma_transfer_count", label: "DMA transfers", unit: "", scale: 1, better: null },
  { name: "sim_instruction_count", label: "instructions", unit: "", scale: 1, better: null },
  { name: "sbuf_peak_percent", label: "SBUF peak", unit: "%", scale: 1, better: null },
] as const;

export interface MetricDeltaRow {
  readonly label: string;
  readonly unit: string;
  readonly a: number;
  readonly b: number;
  /** (b − a) / a in percent; null when a is 0. */
  readonly changePercent: number | null;
  /** Whether B improves on A; null when equal or when the metric has no better direction. */
  readonly better: boolean | null;
}

export function metricDeltas(a: ProfileDocument, b: ProfileDocument): MetricDeltaRow[] {
  return COMPARED_METRICS.map((c) => {
    const va = a.metrics[c.name] * c.scale;
    const vb = b.metrics[c.name] * c.scale;
    const change = va !== 0 ? (100 * (vb - va)) / Math.abs(va) : null;
    const direction: "lower" | "higher" | null = c.better;
    const better = vb === va || direction === null ? null : direction === "lower" ? vb < va : vb > va;
    return { label: c.label, unit: c.unit, a: va, b: vb, changePercent: change, better };
  });
}

export interface InsightDiff {
  readonly id: string;
  readonly title: string;
  /** Estimated gain in percent in each profile, null when the insight does not fire there. */
  readonly a: number | null;
  readonly b: number | null;
}

export function insightDiffs(a: ProfileDocument, b: ProfileDocument): InsightDiff[] {
  const ids = new Map<string, string>();
  for (const i of [...a.insights, ...b.insights]) ids.set(i.id, i.title);
  const gain = (doc: ProfileDocument, id: string) => doc.insights.find((i) => i.id === id)?.estimatedGainPercent ?? null;
  return [...ids].map(([id, title]) => ({ id, title, a: gain(a, id), b: gain(b, id) }));
}
