/**
 * The visible time window of a timeline and the pure transforms the mouse and keyboard apply to it:
 * zoom about a pixel, pan by pixels, W/A/S/D steps. Every transform keeps the window inside the
 * profile's time range and no narrower than `minSpanNs`.
 */

export interface Viewport {
  readonly startNs: number;
  readonly endNs: number;
  /** Width of the drawing area in CSS pixels. */
  readonly widthPx: number;
}

export interface Bounds {
  readonly minNs: number;
  readonly maxNs: number;
  readonly minSpanNs: number;
}

export function boundsFor(totalNs: number): Bounds {
  const maxNs = Math.max(totalNs, 1);
  return { minNs: 0, maxNs, minSpanNs: Math.min(maxNs, 1) };
}

export function fitAll(bounds: Bounds, widthPx: number): Viewport {
  return { startNs: bounds.minNs, endNs: bounds.maxNs, widthPx };
}

export function spanNs(v: Viewport): number {
  return v.endNs - v.startNs;
}

export function xOf(v: Viewport, ns: number): number {
  return ((ns - v.startNs) / (v.endNs - v.startNs)) * v.widthPx;
}

export function nsAt(v: Viewport, x: number): number {
  return v.startNs + (x / v.widthPx) * (v.endNs - v.startNs);
}

/** Shifts and, if needed, shrinks a window so it lies inside the bounds. */
export function clampView(v: Viewport, b: Bounds): Viewport {
  const full = b.maxNs - b.minNs;
  const span = Math.min(full, Math.max(b.minSpanNs, v.endNs - v.startNs));
  let start = v.startNs;
  if (start < b.minNs) start = b.minNs;
  if (start + span > b.maxNs) start = b.maxNs - span;
  return { startNs: start, endNs: start + span, widthPx: v.widthPx };
}

/** Scales the window by `factor` (< 1 zooms in) keeping the time under pixel `x` fixed. */
export function zoomAt(v: Viewport, x: number, factor: number, b: Bounds): Viewport {
  const anchor = nsAt(v, x);
  const span = Math.min(b.maxNs - b.minNs, Math.max(b.minSpanNs, spanNs(v) * factor));
  const frac = v.widthPx > 0 ? x / v.widthPx : 0.5;
  return clampView({ startNs: anchor - frac * span, endNs: anchor - frac * span + span, widthPx: v.widthPx }, b);
}

/** Moves the window so that content follows a drag of `dxPx` pixels (positive drags it right). */
export function panBy(v: Viewport, dxPx: number, b: Bounds): Viewport {
  const dt = (dxPx / v.widthPx) * spanNs(v);
  return clampView({ startNs: v.startNs - dt, endNs: v.endNs - dt, widthPx: v.widthPx }, b);
}

/** Neuron Explorer's keys: W/S zoom in/out about the centre, A/D pan a fifth of the window. */
export function keyStep(v: Viewport, key: string, b: Bounds): Viewport | null {
  switch (key.toLowerCase()) {
    case "w":
      return zoomAt(v, v.widthPx / 2, 0.8, b);
    case "s":
      return zoomAt(v, v.widthPx / 2, 1.25, b);
    case "a":
      return panBy(v, v.widthPx / 5, b);
    case "d":
      return panBy(v, -v.widthPx / 5, b);
    default:
      return null;
  }
}

/** Zoom factor for a wheel delta: a notch (100 px) scales by 1.2. */
export function wheelFactor(deltaY: number): number {
  return Math.pow(1.2, deltaY / 100);
}

export function withWidth(v: Viewport, widthPx: number): Viewport {
  return { ...v, widthPx };
}
