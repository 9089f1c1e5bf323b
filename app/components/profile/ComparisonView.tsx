"use client";

import { useEffect, useMemo, useState } from "react";
import type { ProfileDocument } from "../../../lib/profile/document";
import { fetchProfile } from "./load";
import { buildModel } from "./model/profile-model";
import { insightDiffs, metricDeltas } from "./model/summary-data";
import { Timeline } from "./timeline/Timeline";
import { boundsFor, type Viewport } from "./timeline/viewport";
import { formatNs } from "./timeline/ruler";
import styles from "./profile.module.css";

function formatValue(v: number, unit: string): string {
  if (unit === "%") return `${v.toFixed(1)}%`;
  if (unit === "µs") return `${v.toFixed(2)} µs`;
  if (unit === "MiB") return `${v.toFixed(2)} MiB`;
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

/** Two profiles on one time axis (shared zoom and pan), metric deltas and insight differences. */
export function ComparisonView({ a, b, labels }: { a: ProfileDocument; b: ProfileDocument; labels: readonly [string, string] }) {
  const ma = useMemo(() => buildModel(a), [a]);
  const mb = useMemo(() => buildModel(b), [b]);
  const bounds = useMemo(() => boundsFor(Math.max(ma.totalNs, mb.totalNs)), [ma, mb]);
  const [view, setView] = useState<Viewport | null>(null);
  const [selA, setSelA] = useState(-1);
  const [selB, setSelB] = useState(-1);
  const deltas = useMemo(() => metricDeltas(a, b), [a, b]);
  const insights = useMemo(() => insightDiffs(a, b), [a, b]);
  const speedup = mb.totalNs > 0 ? ma.totalNs / mb.totalNs : 0;
  return (
    <div className={styles.viewer}>
      <header className={styles.header}>
        <div>
          <h1>Compare profiles</h1>
          <p className={styles.meta}>
            A: {labels[0]} ({formatNs(ma.totalNs)}) · B: {labels[1]} ({formatNs(mb.totalNs)}) ·{" "}
            <strong data-field="speedup">{speedup >= 1 ? `B is ${speedup.toFixed(2)}× faster` : `B is ${(1 / speedup).toFixed(2)}× slower`}</strong>
          </p>
        </div>
      </header>
      <h2 className={styles.compareLabel}>A: {labels[0]}</h2>
      <Timeline model={ma} view={view} bounds={bounds} onViewChange={setView} colorMode="opcode" emphasis={null} selected={selA} onSelect={setSelA} range={null} onRangeChange={() => {}} label={`Timeline A (${labels[0]})`} />
      <h2 className={styles.compareLabel}>B: {labels[1]}</h2>
      <Timeline model={mb} view={view} bounds={bounds} onViewChange={setView} colorMode="opcode" emphasis={null} selected={selB} onSelect={setSelB} range={null} onRangeChange={() => {}} label={`Timeline B (${labels[1]})`} />
      <div className={styles.panes}>
        <section className={styles.panel} aria-label="Metric deltas">
          <h3>Metrics</h3>
          <table className={styles.table}>
            <thead>
              <tr>
                <th>metric</th>
                <th>A</th>
                <th>B</th>
                <th>change</th>
              </tr>
            </thead>
            <tbody>
              {deltas.map((d) => (
                <tr key={d.label} data-metric={d.label}>
                  <th>{d.label}</th>
                  <td>{formatValue(d.a, d.unit)}</td>
                  <td>{formatValue(d.b, d.unit)}</td>
                  <td className={d.better === null ? undefined : d.better ? styles.better : styles.worse}>
                    {d.changePercent === null ? "—" : `${d.changePercent > 0 ? "+" : ""}${d.changePercent.toFixed(1)}%`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className={styles.panel} aria-label="Insight differences">
          <h3>Insights</h3>
          {insights.length === 0 ? (
            <p className={styles.muted}>No insight fires for either profile.</p>
          ) : (
            <table className={styles.table}>
              <thead>
                <tr>
                  <th>insight</th>
                  <th>A gain</th>
                  <th>B gain</th>
                </tr>
              </thead>
              <tbody>
                {insights.map((i) => (
                  <tr key={i.id} data-insight={i.id}>
                    <th>{i.title}</th>
                    <td>{i.a === null ? "—" : `~${i.a.toFixed(0)}%`}</td>
                    <td>{i.b === null ? "—" : `~${i.b.toFixed(0)}%`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </div>
  );
}

/** Loads two profiles by URL and compares them. */
export function ComparisonLoader({ urls, labels }: { urls: readonly [string, string]; labels?: readonly [string, string] }) {
  const [state, setState] = useState<{ a: ProfileDocument; b: ProfileDocument } | { error: string } | null>(null);
  useEffect(() => {
    let cancelled = false;
    Promise.all([fetchProfile(urls[0]), fetchProfile(urls[1])]).then(
      ([a, b]) => !cancelled && setState({ a, b }),
      (e: unknown) => !cancelled && setState({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      cancelled = true;
    };
  }, [urls]);
  if (!state) return <p role="status" className={styles.loading}>Loading profiles…</p>;
  if ("error" in state) return <p role="alert" className={styles.error}>{state.error}</p>;
  const name = (d: ProfileDocument) => `${d.kernelName ?? "kernel"} on ${d.target}`;
  return <ComparisonView a={state.a} b={state.b} labels={labels ?? [name(state.a), name(state.b)]} />;
}
