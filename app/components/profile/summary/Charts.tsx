"use client";

import { arcPath, decades, downsampleSteps, linearScale, logScale, rooflineRanges, stepPoints } from "../model/chart-geometry";
import { formatBytes, type EngineBar, type HistogramBin, type Slice } from "../model/summary-data";
import { formatNs } from "../timeline/ruler";
import styles from "../profile.module.css";

export function EngineBars({ bars }: { bars: readonly EngineBar[] }) {
  return (
    <ul className={styles.engineBars} aria-label="Active time per engine">
      {bars.map((b) => (
        <li key={b.name} data-engine={b.name} data-percent={b.percent}>
          <span className={styles.barLabel}>{b.name}</span>
          <span className={styles.barTrack}>
            <span className={styles.barFill} style={{ width: `${Math.min(100, b.percent)}%` }} />
          </span>
          <span className={styles.barValue}>
            {b.percent.toFixed(1)}% · {formatNs(b.activeNs)} · {b.instructions} instr.
          </span>
        </li>
      ))}
    </ul>
  );
}

const SLICE_COLORS = ["#4c78a8", "#e4572e", "#f2a541", "#b279a2", "#e8e8e8"];

export function Doughnut({ slices, title }: { slices: readonly Slice[]; title: string }) {
  let at = 0;
  return (
    <figure className={styles.chart}>
      <figcaption>{title}</figcaption>
      <div className={styles.doughnutRow}>
        <svg viewBox="0 0 120 120" width="120" height="120" role="img" aria-label={title}>
          {slices.map((s, k) => {
            const a = at;
            at += Math.max(0, s.percent) / 100;
            if (s.percent <= 0) return null;
            return <path key={s.label} d={arcPath(60, 60, 56, 34, a, Math.min(1, at))} fill={s.label === "idle" ? SLICE_COLORS[4] : SLICE_COLORS[k % 4]} />;
          })}
        </svg>
        <ul className={styles.legend}>
          {slices.map((s, k) => (
            <li key={s.label} data-slice={s.label} data-percent={s.percent}>
              <span className={styles.swatch} style={{ background: s.label === "idle" ? SLICE_COLORS[4] : SLICE_COLORS[k % 4] }} />
              {s.label}: {s.percent.toFixed(1)}% ({formatBytes(s.bytes)})
            </li>
          ))}
        </ul>
      </div>
    </figure>
  );
}

export function Histogram({ bins, title }: { bins: readonly HistogramBin[]; title: string }) {
  const w = 320;
  const h = 120;
  const max = Math.max(1, ...bins.map((b) => b.count));
  const bw = bins.length > 0 ? (w - 10) / bins.length : 0;
  return (
    <figure className={styles.chart}>
      <figcaption>{title}</figcaption>
      {bins.length === 0 ? (
        <p className={styles.muted}>No DMA transfers.</p>
      ) : (
        <svg viewBox={`0 0 ${w} ${h + 28}`} width={w} height={h + 28} role="img" aria-label={title}>
          {bins.map((b, k) => {
            const bh = (b.count / max) * h;
            return (
              <g key={b.lo}>
                <rect x={5 + k * bw + 1} y={h - bh} width={Math.max(1, bw - 2)} height={bh} fill="#4c78a8">
                  <title>{`${formatBytes(b.lo)}–${formatBytes(b.hi)}: ${b.count}`}</title>
                </rect>
                {b.count > 0 && (
                  <text x={5 + k * bw + bw / 2} y={Math.max(10, h - bh - 3)} textAnchor="middle" fontSize="9">
                    {b.count}
                  </text>
                )}
                <text x={5 + k * bw + bw / 2} y={h + 12} textAnchor="middle" fontSize="9" fill="currentColor">
                  {formatBytes(b.lo)}
                </text>
              </g>
            );
          })}
          <text x={w / 2} y={h + 26} textAnchor="middle" fontSize="9">
            bytes per transfer (bin lower bound)
          </text>
        </svg>
      )}
    </figure>
  );
}

export function Occupancy({ timeNs, series, totalNs, title }: { timeNs: readonly number[]; series: readonly { label: string; bytes: readonly number[]; capacity: number; color: string }[]; totalNs: number; title: string }) {
  const w = 420;
  const h = 120;
  const x = linearScale(0, Math.max(totalNs, 1), 40, w - 10);
  // One step per pixel at most: a 200 000-instruction kernel has ~100 000 occupancy changes.
  const steps = downsampleSteps(timeNs, series.map((s) => s.bytes), totalNs, w);
  return (
    <figure className={styles.chart}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${w} ${h + 24}`} width={w} height={h + 24} role="img" aria-label={title}>
        <line x1={40} x2={w - 10} y1={h} y2={h} stroke="currentColor" strokeOpacity={0.3} />
        <text x={36} y={10} textAnchor="end" fontSize="9">100%</text>
        <text x={36} y={h} textAnchor="end" fontSize="9">0</text>
        <text x={w - 10} y={h + 14} textAnchor="end" fontSize="9">{formatNs(totalNs)}</text>
        {series.map((s, j) => {
          const y = linearScale(0, Math.max(1, s.capacity), h, 4);
          return <polyline key={s.label} fill="none" stroke={s.color} strokeWidth={1.5} points={stepPoints(steps.timeNs.map(x), steps.series[j].map(y), x(totalNs))} />;
        })}
      </svg>
      <ul className={styles.legend}>
        {series.map((s) => (
          <li key={s.label}>
            <span className={styles.swatch} style={{ background: s.color }} />
            {s.label} (per partition, of {formatBytes(s.capacity)})
          </li>
        ))}
      </ul>
    </figure>
  );
}

export function Roofline({ ai, achieved, peak, bandwidth, bound }: { ai: number; achieved: number; peak: number; bandwidth: number; bound: string }) {
  const w = 360;
  const h = 200;
  const ridge = peak / bandwidth;
  const r = rooflineRanges(ai, achieved, ridge, peak);
  const x = logScale(r.x[0], r.x[1], 46, w - 10);
  const y = logScale(r.y[0], r.y[1], h, 8);
  const roof = (v: number) => Math.min(peak, v * bandwidth);
  const pts = [r.x[0], ridge, r.x[1]].map((v) => `${x(v).toFixed(1)},${y(roof(v)).toFixed(1)}`).join(" ");
  const title = `Roofline: ${ai.toFixed(1)} FLOP/B, ${(achieved / 1e12).toFixed(2)} TFLOP/s (${bound}-bound)`;
  return (
    <figure className={styles.chart}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${w} ${h + 30}`} width={w} height={h + 30} role="img" aria-label={title}>
        {decades(r.x[0], r.x[1]).map((d) => (
          <g key={`x${d}`}>
            <line x1={x(d)} x2={x(d)} y1={8} y2={h} stroke="currentColor" strokeOpacity={0.12} />
            <text x={x(d)} y={h + 12} textAnchor="middle" fontSize="9">{d >= 1 ? d : d.toExponential(0)}</text>
          </g>
        ))}
        {decades(r.y[0], r.y[1]).map((d) => (
          <g key={`y${d}`}>
            <line x1={46} x2={w - 10} y1={y(d)} y2={y(d)} stroke="currentColor" strokeOpacity={0.12} />
            <text x={42} y={y(d) + 3} textAnchor="end" fontSize="9">{`${d / 1e12 >= 1 ? d / 1e12 : (d / 1e12).toPrecision(1)}T`}</text>
          </g>
        ))}
        <polyline points={pts} fill="none" stroke="#1d2330" strokeWidth={2} />
        {ai > 0 && achieved > 0 && (
          <circle cx={x(ai)} cy={y(achieved)} r={5} fill="#d9480f" data-testid="roofline-point">
            <title>{title}</title>
          </circle>
        )}
        <text x={w / 2} y={h + 26} textAnchor="middle" fontSize="10">arithmetic intensity (FLOP per HBM byte)</text>
      </svg>
    </figure>
  );
}
