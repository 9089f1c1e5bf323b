/** Time ruler ticks at "nice" steps (1, 2, 5 × 10^k ns) about `targetPx` apart, with readable labels. */

import { xOf, type Viewport } from "./viewport";

export interface Tick {
  readonly ns: number;
  readonly x: number;
  readonly label: string;
}

export function niceStep(roughNs: number): number {
  if (!(roughNs > 0)) return 1;
  const power = Math.pow(10, Math.floor(Math.log10(roughNs)));
  const m = roughNs / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

/**
 * A time for people: with `step` (ruler ticks) as many decimals as the step needs; without, three
 * significant digits ("2.35 µs", "12.4 µs", "640 ns").
 */
export function formatNs(ns: number, step?: number): string {
  if (step === undefined) return formatDuration(ns);
  const abs = Math.abs(step);
  if (abs >= 1e6) return `${trim(ns / 1e6, abs / 1e6)} ms`;
  if (abs >= 1e3) return `${trim(ns / 1e3, abs / 1e3)} µs`;
  return `${trim(ns, abs)} ns`;
}

function formatDuration(ns: number): string {
  const abs = Math.abs(ns);
  if (abs === 0) return "0 ns";
  const [value, unit] = abs >= 1e6 ? [ns / 1e6, "ms"] : abs >= 1e3 ? [ns / 1e3, "µs"] : [ns, "ns"];
  const a = Math.abs(value);
  return `${value.toFixed(a >= 100 ? 0 : a >= 10 ? 1 : 2)} ${unit}`;
}

function trim(value: number, step: number): string {
  const decimals = step >= 1 ? 0 : Math.min(6, Math.ceil(-Math.log10(step)));
  return value.toFixed(decimals);
}

export function rulerTicks(v: Viewport, targetPx = 100): Tick[] {
  const span = v.endNs - v.startNs;
  if (!(span > 0) || v.widthPx <= 0) return [];
  const step = niceStep((span * targetPx) / v.widthPx);
  const ticks: Tick[] = [];
  for (let ns = Math.ceil(v.startNs / step) * step; ns <= v.endNs + step * 1e-9; ns += step) {
    const rounded = Math.round(ns / step) * step;
    ticks.push({ ns: rounded, x: xOf(v, rounded), label: formatNs(rounded, step) });
  }
  return ticks;
}
