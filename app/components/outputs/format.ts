/** Number formats for the profile card: simulated times span nanoseconds to seconds. */

export function formatDuration(ns: number): string {
  if (!Number.isFinite(ns)) return "—";
  const abs = Math.abs(ns);
  if (abs < 1e3) return `${trim(ns)} ns`;
  if (abs < 1e6) return `${trim(ns / 1e3)} µs`;
  if (abs < 1e9) return `${trim(ns / 1e6)} ms`;
  return `${trim(ns / 1e9)} s`;
}

/** Three significant digits, at most two decimals: 1.23, 12.3, 123, 1234. */
function trim(v: number): string {
  const abs = Math.abs(v);
  const decimals = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return v.toFixed(decimals);
}

export function formatPercent(p: number): string {
  return Number.isFinite(p) ? `${p.toFixed(1)}%` : "—";
}

export function formatCount(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "—";
}
