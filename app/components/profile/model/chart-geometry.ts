/** Geometry for the summary's SVG charts: doughnut arcs, log scales, step lines, the roofline. */

/** SVG path of a doughnut segment from fraction a to b of the circle (0 = 12 o'clock, clockwise). */
export function arcPath(cx: number, cy: number, r: number, inner: number, a: number, b: number): string {
  const span = Math.min(b - a, 0.999999);
  const point = (f: number, radius: number) => {
    const angle = 2 * Math.PI * f - Math.PI / 2;
    return `${(cx + radius * Math.cos(angle)).toFixed(2)} ${(cy + radius * Math.sin(angle)).toFixed(2)}`;
  };
  const end = a + span;
  const large = span > 0.5 ? 1 : 0;
  return `M ${point(a, r)} A ${r} ${r} 0 ${large} 1 ${point(end, r)} L ${point(end, inner)} A ${inner} ${inner} 0 ${large} 0 ${point(a, inner)} Z`;
}

/** Maps [lo, hi] (positive) logarithmically onto [p0, p1]. */
export function logScale(lo: number, hi: number, p0: number, p1: number): (v: number) => number {
  const l0 = Math.log10(lo);
  const l1 = Math.log10(hi);
  return (v) => p0 + ((Math.log10(Math.max(v, lo)) - l0) / (l1 - l0)) * (p1 - p0);
}

export function linearScale(lo: number, hi: number, p0: number, p1: number): (v: number) => number {
  return (v) => (hi === lo ? p0 : p0 + ((v - lo) / (hi - lo)) * (p1 - p0));
}

/** Step-function polyline (value holds until the next sample), ending at `endX`. */
export function stepPoints(xs: readonly number[], ys: readonly number[], endX: number): string {
  const pts: string[] = [];
  for (let k = 0; k < xs.length; k++) {
    if (k > 0) pts.push(`${xs[k].toFixed(1)},${ys[k - 1].toFixed(1)}`);
    pts.push(`${xs[k].toFixed(1)},${ys[k].toFixed(1)}`);
  }
  if (xs.length > 0) pts.push(`${endX.toFixed(1)},${ys[ys.length - 1].toFixed(1)}`);
  return pts.join(" ");
}

/** Powers of ten covering [lo, hi], for log-axis ticks. */
export function decades(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) out.push(10 ** e);
  return out;
}

/** Axis ranges for a roofline that shows the ridge, the kernel's point and a decade around them. */
export function rooflineRanges(ai: number, achieved: number, ridge: number, peak: number): { x: [number, number]; y: [number, number] } {
  const xs = [ai > 0 ? ai : ridge, ridge];
  const x: [number, number] = [10 ** Math.floor(Math.log10(Math.min(...xs)) - 1), 10 ** Math.ceil(Math.log10(Math.max(...xs)) + 1)];
  const ys = [achieved > 0 ? achieved : peak / 1000, peak];
  const y: [number, number] = [10 ** Math.floor(Math.log10(Math.min(...ys, (peak * x[0]) / ridge))), 10 ** Math.ceil(Math.log10(peak) + 0.3)];
  return { x, y };
}

/**
 * A step series reduced to at most `buckets` steps for drawing: each bucket of time keeps the highest
 * value any series reaches in it (so peaks survive), placed at the bucket's start.
 */
export function downsampleSteps(timeNs: readonly number[], series: readonly (readonly number[])[], totalNs: number, buckets: number): { timeNs: number[]; series: number[][] } {
  if (timeNs.length <= buckets || !(totalNs > 0)) return { timeNs: [...timeNs], series: series.map((s) => [...s]) };
  const width = totalNs / buckets;
  const times: number[] = [];
  const out: number[][] = series.map(() => []);
  let k = 0;
  let carry = series.map(() => 0);
  for (let b = 0; b < buckets && k < timeNs.length; b++) {
    const end = (b + 1) * width;
    const peak = [...carry];
    let any = false;
    while (k < timeNs.length && timeNs[k] < end) {
      series.forEach((s, j) => (peak[j] = Math.max(peak[j], s[k])));
      carry = series.map((s) => s[k]);
      k++;
      any = true;
    }
    if (!any && times.length > 0) continue;
    times.push(b * width);
    peak.forEach((v, j) => out[j].push(v));
  }
  return { timeNs: times, series: out };
}
