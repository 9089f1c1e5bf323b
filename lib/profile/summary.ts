/**
 * Human-readable views of a profile: a plain-text summary (`.summary()` in notebooks), an HTML
 * summary (the text/html fallback of the profile MIME bundle), and a comparison of two profiles.
 */

import type { Profile } from "./profile";
import type { ProfileMetrics } from "./metrics";

const us = (s: number) => `${(s * 1e6).toFixed(2)} µs`;
const pct = (x: number) => `${x.toFixed(1)}%`;
const bytes = (b: number) => (b >= 1 << 20 ? `${(b / (1 << 20)).toFixed(2)} MiB` : b >= 1024 ? `${(b / 1024).toFixed(1)} KiB` : `${b} B`);

/** Rows shown in summaries: label and formatted value. */
export function summaryRows(p: Profile): [string, string][] {
  const m = p.metrics;
  return [
    ["target", `${p.timed.target} (${p.timed.config.coreVersion}, simulated)`],
    ["total_time", us(m.total_time)],
    ["tensor / vector / scalar / gpsimd active", [m.tensor_engine_active_time_percent, m.vector_engine_active_time_percent, m.scalar_engine_active_time_percent, m.gpsimd_engine_active_time_percent].map(pct).join(" / ")],
    ["dma_active_time_percent", pct(m.dma_active_time_percent)],
    ["mfu_estimated_percent / hfu_estimated_percent", `${pct(m.mfu_estimated_percent)} / ${pct(m.hfu_estimated_percent)}`],
    ["mbu_estimated_percent", pct(m.mbu_estimated_percent)],
    ["hbm_read_bytes / hbm_write_bytes", `${bytes(m.hbm_read_bytes)} / ${bytes(m.hbm_write_bytes)}`],
    ["dma_transfer_count (average bytes)", `${m.dma_transfer_count} (${bytes(Math.round(m.dma_transfer_average_bytes))})`],
    ["mm_arithmetic_intensity", `${m.mm_arithmetic_intensity.toFixed(1)} FLOP/B (${p.roofline.bound}-bound; ridge ${p.roofline.ridgeIntensity.toFixed(0)})`],
    ["SBUF / PSUM peak per partition", `${bytes(m.sbuf_peak_bytes_per_partition)} (${pct(m.sbuf_peak_percent)}) / ${bytes(m.psum_peak_bytes_per_partition)} (${pct(m.psum_peak_percent)})`],
    ["instructions", String(m.sim_instruction_count)],
  ];
}

export function summaryText(p: Profile, maxInsights = 5): string {
  const rows = summaryRows(p);
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`);
  const insights = p.insights.slice(0, maxInsights);
  if (insights.length > 0) {
    lines.push("", "Insights (by estimated gain):");
    insights.forEach((i, k) => lines.push(`${k + 1}. [${i.severity}] ${i.title} (~${i.estimatedGainPercent.toFixed(0)}%): ${i.summary}`, `   ${i.recommendation}`));
  }
  lines.push("", "Simulated latency is deterministic: there is no run-to-run noise.");
  return lines.join("\n");
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

export function summaryHtml(p: Profile, maxInsights = 5): string {
  const rows = summaryRows(p)
    .map(([k, v]) => `<tr><th style="text-align:left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
    .join("");
  const insights = p.insights
    .slice(0, maxInsights)
    .map((i) => `<li><b>${escapeHtml(i.title)}</b> (${i.severity}, ~${i.estimatedGainPercent.toFixed(0)}%): ${escapeHtml(i.summary)}<br><i>${escapeHtml(i.recommendation)}</i></li>`)
    .join("");
  return `<div class="kernel-lab-profile"><table>${rows}</table>${insights ? `<ol>${insights}</ol>` : ""}</div>`;
}

export interface MetricDelta {
  readonly name: keyof ProfileMetrics;
  readonly before: number;
  readonly after: number;
  /** after − before */
  readonly delta: number;
}

export interface ProfileComparison {
  /** before.total_time / after.total_time (> 1 means `after` is faster). */
  readonly speedup: number;
  readonly deltas: readonly MetricDelta[];
}

export function compareProfiles(before: Profile, after: Profile): ProfileComparison {
  const names = Object.keys(before.metrics) as (keyof ProfileMetrics)[];
  const deltas = names.map((name) => ({ name, before: before.metrics[name], after: after.metrics[name], delta: after.metrics[name] - before.metrics[name] }));
  return { speedup: after.metrics.total_time > 0 ? before.metrics.total_time / after.metrics.total_time : 0, deltas };
}
