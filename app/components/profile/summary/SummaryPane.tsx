"use client";

import { memo, useMemo } from "react";
import type { ProfileModel } from "../model/profile-model";
import { dmaSizeHistogram, engineBars, formatBytes, formatFlops, hbmBreakdown } from "../model/summary-data";
import { formatNs } from "../timeline/ruler";
import { Doughnut, EngineBars, Histogram, Occupancy, Roofline } from "./Charts";
import { InsightCards } from "./InsightCards";
import styles from "../profile.module.css";

/** Neuron-Explorer-style summary: key metrics, engine activity, memory, DMA, roofline, insights. */
export const SummaryPane = memo(function SummaryPane({ model, onSelectLines }: { model: ProfileModel; onSelectLines: (lines: readonly number[]) => void }) {
  const { doc } = model;
  const m = doc.metrics;
  const histogram = useMemo(() => dmaSizeHistogram(model), [model]);
  const sbufCapacity = m.sbuf_peak_percent > 0 ? (100 * m.sbuf_peak_bytes_per_partition) / m.sbuf_peak_percent : 0;
  const psumCapacity = m.psum_peak_percent > 0 ? (100 * m.psum_peak_bytes_per_partition) / m.psum_peak_percent : 0;
  const tiles: [string, string, string][] = [
    ["total_time", "total time", formatNs(m.total_time * 1e9)],
    ["mfu_estimated_percent", "MFU", `${m.mfu_estimated_percent.toFixed(1)}%`],
    ["hfu_estimated_percent", "HFU", `${m.hfu_estimated_percent.toFixed(1)}%`],
    ["mbu_estimated_percent", "MBU", `${m.mbu_estimated_percent.toFixed(1)}%`],
    ["model_flops", "model FLOPs", formatFlops(m.model_flops)],
    ["mm_arithmetic_intensity", "arithmetic intensity", `${m.mm_arithmetic_intensity.toFixed(1)} FLOP/B`],
    ["dma_transfer_count", "DMA transfers", `${m.dma_transfer_count} (avg ${formatBytes(m.dma_transfer_average_bytes)})`],
    ["sim_instruction_count", "instructions", String(m.sim_instruction_count)],
  ];
  return (
    <section className={styles.summary} aria-label="Summary">
      <dl className={styles.tiles}>
        {tiles.map(([name, label, value]) => (
          <div key={name} className={styles.tile} data-metric={name}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className={styles.chartGrid}>
        <figure className={styles.chart}>
          <figcaption>Active time per engine</figcaption>
          <EngineBars bars={engineBars(doc)} />
        </figure>
        <Doughnut slices={hbmBreakdown(doc)} title="Memory bandwidth breakdown (HBM)" />
        <Histogram bins={histogram} title={`DMA transfers: ${m.dma_transfer_count}, by size`} />
        <Occupancy
          title={`SBUF / PSUM occupancy (peaks ${m.sbuf_peak_percent.toFixed(0)}% / ${m.psum_peak_percent.toFixed(0)}%)`}
          timeNs={doc.occupancy.timeNs}
          totalNs={model.totalNs}
          series={[
            { label: "SBUF", bytes: doc.occupancy.sbufBytes, capacity: sbufCapacity, color: "#4c78a8" },
            { label: "PSUM", bytes: doc.occupancy.psumBytes, capacity: psumCapacity, color: "#e4572e" },
          ]}
        />
        <Roofline ai={doc.roofline.arithmeticIntensity} achieved={doc.roofline.achievedFlops} peak={doc.roofline.peakFlops} bandwidth={doc.roofline.peakBandwidth} bound={doc.roofline.bound} />
      </div>
      <h3>Insights</h3>
      <InsightCards insights={doc.insights} onSelectLines={onSelectLines} />
    </section>
  );
});
