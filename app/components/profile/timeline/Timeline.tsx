"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { lineColor, OPCODE_CLASSES, type ColorMode } from "../model/colors";
import { buildTrackIndex, type TrackIndex } from "./track-index";
import { forEachBar } from "./lod";
import { instructionAt } from "./hit-test";
import { formatNs, rulerTicks } from "./ruler";
import { clampView, keyStep, nsAt, panBy, wheelFactor, withWidth, xOf, zoomAt, type Bounds, type Viewport } from "./viewport";
import { isArrow, revealInView, stepSelection } from "./keyboard-select";
import type { ProfileModel } from "../model/profile-model";
import styles from "../profile.module.css";

export const LABEL_WIDTH = 150;
export const RULER_HEIGHT = 24;
export const ROW_HEIGHT = 20;

export interface TimelineProps {
  readonly model: ProfileModel;
  readonly view: Viewport | null;
  readonly bounds: Bounds;
  readonly onViewChange: (v: Viewport) => void;
  readonly colorMode: ColorMode;
  /** Instructions to emphasise (the others are dimmed); null emphasises nothing. */
  readonly emphasis: Uint32Array | null;
  readonly selected: number;
  readonly onSelect: (instruction: number) => void;
  readonly range: readonly [number, number] | null;
  readonly onRangeChange: (range: readonly [number, number] | null) => void;
  readonly label: string;
  /** Called once, after the first frame is drawn. */
  readonly onFirstDraw?: () => void;
}

interface Hover {
  readonly instruction: number;
  readonly x: number;
  readonly y: number;
}

type Drag = { kind: "pan"; x0: number; view: Viewport; moved: boolean } | { kind: "box"; t0: number; moved: boolean };

/**
 * The instruction timeline: a canvas row per engine/DMA-queue lane, bars by level of detail, a time
 * ruler. Wheel zooms about the cursor (shift+wheel pans), drag pans, shift+drag selects a range,
 * W/A/S/D zoom and pan, 0 fits, Escape clears the range; hover shows a card, click selects.
 */
export function Timeline(props: TimelineProps) {
  const { model, view, bounds, onViewChange, colorMode, emphasis, selected, onSelect, range, onRangeChange, label, onFirstDraw } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<Hover | null>(null);
  const drag = useRef<Drag | null>(null);
  const viewRef = useRef(view);
  viewRef.current = view;
  const rows = model.rows;
  const height = RULER_HEIGHT + rows.length * ROW_HEIGHT + 4;

  const emphasisIndex = useMemo<TrackIndex | null>(
    () => (emphasis ? buildTrackIndex(model.doc.tracks.length, model.table.track, model.table.startNs, model.table.endNs, emphasis) : null),
    [emphasis, model],
  );
  const colorOf = useMemo(() => {
    const classColors = OPCODE_CLASSES.map((c) => c.color);
    const lineColors = new Map<number, string>();
    return (i: number): string => {
      if (colorMode === "opcode") return classColors[model.opcodeClassOf[i]];
      const line = model.table.line[i];
      let c = lineColors.get(line);
      if (!c) lineColors.set(line, (c = lineColor(line)));
      return c;
    };
  }, [colorMode, model]);

  // Width follows the container. Compared with the last width reported, not with `view`: two resizes
  // in one frame (e.g. a transient layout) would otherwise compare against a stale view and keep the first.
  const reportedWidth = useRef(-1);
  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      const width = Math.max(100, el.clientWidth - LABEL_WIDTH);
      if (width === reportedWidth.current) return;
      reportedWidth.current = width;
      const v = viewRef.current;
      onViewChange(v ? withWidth(v, width) : { startNs: bounds.minNs, endNs: bounds.maxNs, widthPx: width });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [bounds, onViewChange]);

  // Draw (coalesced to one frame).
  useEffect(() => {
    const canvas = canvasRef.current;
    const container = containerRef.current;
    if (!canvas || !container || !view) return;
    const frame = requestAnimationFrame(() => {
      const started = performance.now();
      const bars = draw(canvas, { model, view, rows, height, colorOf, emphasisIndex, selected, range });
      const ms = performance.now() - started;
      container.dataset.drawMs = ms.toFixed(2);
      container.dataset.bars = String(bars);
      const frames = Number(container.dataset.frames ?? "0") + 1;
      container.dataset.frames = String(frames);
      if (frames === 1) {
        performance.mark("profile:drawn");
        onFirstDraw?.();
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [model, view, rows, height, colorOf, emphasisIndex, selected, range, onFirstDraw]);

  // Wheel needs a non-passive listener to keep the page from scrolling.
  useEffect(() => {
    const el = canvasRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      const v = viewRef.current;
      if (!v) return;
      e.preventDefault();
      const x = e.offsetX - LABEL_WIDTH;
      if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) onViewChange(panBy(v, -(e.shiftKey ? e.deltaY : e.deltaX), bounds));
      else onViewChange(zoomAt(v, Math.max(0, x), wheelFactor(e.deltaY), bounds));
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => el.removeEventListener("wheel", onWheel);
  }, [bounds, onViewChange]);

  const hitTest = useCallback(
    (x: number, y: number): number => {
      if (!view || x < LABEL_WIDTH || y < RULER_HEIGHT) return -1;
      const row = Math.floor((y - RULER_HEIGHT) / ROW_HEIGHT);
      if (row < 0 || row >= rows.length) return -1;
      return instructionAt(model.index, rows[row], view, x - LABEL_WIDTH);
    },
    [model, rows, view],
  );

  const onPointerDown = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!view || e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    containerRef.current?.focus();
    const x = e.nativeEvent.offsetX - LABEL_WIDTH;
    drag.current = e.shiftKey ? { kind: "box", t0: nsAt(view, Math.max(0, x)), moved: false } : { kind: "pan", x0: e.clientX, view, moved: false };
  };

  const onPointerMove = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    const x = e.nativeEvent.offsetX;
    const y = e.nativeEvent.offsetY;
    if (d && view) {
      if (d.kind === "pan") {
        const dx = e.clientX - d.x0;
        if (Math.abs(dx) > 2) d.moved = true;
        if (d.moved) onViewChange(panBy(d.view, dx, bounds));
      } else {
        d.moved = true;
        onRangeChange([d.t0, nsAt(view, Math.min(view.widthPx, Math.max(0, x - LABEL_WIDTH)))]);
      }
      return;
    }
    const i = hitTest(x, y);
    setHover(i >= 0 ? { instruction: i, x, y } : null);
  };

  const onPointerUp = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    drag.current = null;
    if (!d || d.moved) return;
    if (d.kind === "pan") onSelect(hitTest(e.nativeEvent.offsetX, e.nativeEvent.offsetY));
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (!view || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "Escape") {
      onRangeChange(null);
      return;
    }
    if (isArrow(e.key)) {
      e.preventDefault();
      const t = model.table;
      const next = stepSelection(model.index, rows, t.track, t.startNs, t.endNs, selected, e.key, view);
      if (next >= 0 && next !== selected) {
        onSelect(next);
        onViewChange(clampView(revealInView(view, t.startNs[next], t.endNs[next]), bounds));
      }
      return;
    }
    if (e.key === "0") {
      onViewChange({ startNs: bounds.minNs, endNs: bounds.maxNs, widthPx: view.widthPx });
      return;
    }
    const next = keyStep(view, e.key, bounds);
    if (next) {
      e.preventDefault();
      onViewChange(next);
    }
  };

  return (
    <div
      ref={containerRef}
      className={styles.timeline}
      tabIndex={0}
      role="group"
      aria-label={`${label}: W/S zoom, A/D pan, arrow keys move between instructions, drag to pan, shift+drag to select a range, click an instruction for details`}
      onKeyDown={onKeyDown}
      data-view-start={view?.startNs}
      data-view-end={view?.endNs}
      data-rows={rows.map((t) => model.doc.tracks[t]).join("|")}
      data-emphasized={emphasis ? emphasis.length : ""}
    >
      <canvas
        ref={canvasRef}
        className={styles.timelineCanvas}
        style={{ height }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerLeave={() => setHover(null)}
      />
      {hover && <HoverCard model={model} hover={hover} />}
    </div>
  );
}

function HoverCard({ model, hover }: { model: ProfileModel; hover: Hover }) {
  const { doc, table } = model;
  const i = hover.instruction;
  const dur = table.endNs[i] - table.startNs[i];
  return (
    <div className={styles.hoverCard} style={{ left: hover.x + 14, top: hover.y + 14 }} role="tooltip">
      <strong>{doc.strings[table.opcode[i]]}</strong> {doc.strings[table.variant[i]]}
      <div>
        {doc.strings[table.file[i]]}:{table.line[i]} · #{i}
      </div>
      <div>
        {formatNs(table.startNs[i])} → {formatNs(table.endNs[i])} ({formatNs(dur)})
      </div>
      {table.waitNs[i] > 0 && <div>waited {formatNs(table.waitNs[i])}</div>}
    </div>
  );
}

interface DrawInput {
  readonly model: ProfileModel;
  readonly view: Viewport;
  readonly rows: readonly number[];
  readonly height: number;
  readonly colorOf: (i: number) => string;
  readonly emphasisIndex: TrackIndex | null;
  readonly selected: number;
  readonly range: readonly [number, number] | null;
}

function readVar(el: Element, name: string, fallback: string): string {
  return getComputedStyle(el).getPropertyValue(name).trim() || fallback;
}

/** Draws one frame; returns how many bars it drew. */
function draw(canvas: HTMLCanvasElement, d: DrawInput): number {
  const { model, view, rows, height } = d;
  const dpr = window.devicePixelRatio || 1;
  const width = view.widthPx + LABEL_WIDTH;
  if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    canvas.style.width = `${width}px`;
  }
  const ctx = canvas.getContext("2d");
  if (!ctx) return 0;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const text = readVar(canvas, "--text", "#1d2330");
  const muted = readVar(canvas, "--muted", "#5b6474");
  const border = readVar(canvas, "--border", "#dfe2e8");
  const surface = readVar(canvas, "--surface", "#ffffff");
  const accent = readVar(canvas, "--accent", "#d9480f");
  ctx.fillStyle = surface;
  ctx.fillRect(0, 0, width, height);
  ctx.font = "11px system-ui, sans-serif";
  ctx.textBaseline = "middle";

  // Ruler and grid.
  const ticks = rulerTicks(view, 110);
  ctx.strokeStyle = border;
  ctx.lineWidth = 1;
  for (const t of ticks) {
    const x = Math.round(LABEL_WIDTH + t.x) + 0.5;
    ctx.beginPath();
    ctx.moveTo(x, RULER_HEIGHT - 6);
    ctx.lineTo(x, height);
    ctx.stroke();
    ctx.fillStyle = muted;
    ctx.fillText(t.label, x + 3, RULER_HEIGHT / 2 - 2);
  }
  ctx.beginPath();
  ctx.moveTo(0, RULER_HEIGHT - 0.5);
  ctx.lineTo(width, RULER_HEIGHT - 0.5);
  ctx.stroke();

  // Bars, clipped to the plotting area.
  let bars = 0;
  ctx.save();
  ctx.beginPath();
  ctx.rect(LABEL_WIDTH, RULER_HEIGHT, view.widthPx, height - RULER_HEIGHT);
  ctx.clip();
  let lastStyle = "";
  // A merged (sub-pixel) bar is as tall as the share of its column the track was busy.
  const fill = (style: string, x0: number, x1: number, y: number, coverage = 1) => {
    if (style !== lastStyle) {
      ctx.fillStyle = style;
      lastStyle = style;
    }
    const h = coverage >= 1 ? ROW_HEIGHT - 6 : Math.max(2, Math.round(coverage * (ROW_HEIGHT - 6)));
    ctx.fillRect(LABEL_WIDTH + x0, y + ROW_HEIGHT - 3 - h, Math.max(1, x1 - x0), h);
  };
  rows.forEach((track, r) => {
    const y = RULER_HEIGHT + r * ROW_HEIGHT;
    ctx.globalAlpha = d.emphasisIndex ? 0.18 : 1;
    bars += forEachBar(model.index, track, view, (x0, x1, i, _n, coverage) => fill(d.colorOf(i), x0, x1, y, coverage));
    if (d.emphasisIndex) {
      ctx.globalAlpha = 1;
      bars += forEachBar(d.emphasisIndex, track, view, (x0, x1, i, _n, coverage) => fill(d.colorOf(i), x0, x1, y, coverage));
    }
    ctx.globalAlpha = 1;
    for (const s of model.doc.spills) {
      if (s.track !== track || s.endNs < view.startNs || s.startNs > view.endNs) continue;
      fill(OPCODE_CLASSES[OPCODE_CLASSES.length - 1].color, xOf(view, s.startNs), xOf(view, s.endNs), y);
    }
  });

  // Selected instruction: outline, and arrows from its producers.
  if (d.selected >= 0 && d.selected < model.table.length) {
    const t = model.table;
    const rowOf = (i: number) => rows.indexOf(t.track[i]);
    const r = rowOf(d.selected);
    const x0 = xOf(view, t.startNs[d.selected]);
    const x1 = Math.max(x0 + 3, xOf(view, t.endNs[d.selected]));
    ctx.strokeStyle = text;
    ctx.lineWidth = 2;
    ctx.strokeRect(LABEL_WIDTH + x0 - 1, RULER_HEIGHT + r * ROW_HEIGHT + 1, x1 - x0 + 2, ROW_HEIGHT - 2);
    ctx.lineWidth = 1;
    ctx.strokeStyle = accent;
    for (let k = t.depStart[d.selected]; k < t.depStart[d.selected + 1]; k++) {
      const p = t.depOn[k];
      const pr = rowOf(p);
      ctx.beginPath();
      ctx.moveTo(LABEL_WIDTH + xOf(view, t.endNs[p]), RULER_HEIGHT + pr * ROW_HEIGHT + ROW_HEIGHT / 2);
      ctx.lineTo(LABEL_WIDTH + x0, RULER_HEIGHT + r * ROW_HEIGHT + ROW_HEIGHT / 2);
      ctx.stroke();
    }
  }

  // Box-selected range.
  if (d.range) {
    const a = xOf(view, Math.min(d.range[0], d.range[1]));
    const b = xOf(view, Math.max(d.range[0], d.range[1]));
    ctx.globalAlpha = 0.15;
    ctx.fillStyle = accent;
    ctx.fillRect(LABEL_WIDTH + a, RULER_HEIGHT, Math.max(1, b - a), height - RULER_HEIGHT);
    ctx.globalAlpha = 1;
  }
  ctx.restore();

  // Track labels over a solid gutter.
  ctx.fillStyle = surface;
  ctx.fillRect(0, RULER_HEIGHT, LABEL_WIDTH, height - RULER_HEIGHT);
  ctx.fillStyle = text;
  rows.forEach((track, r) => {
    ctx.fillText(model.doc.tracks[track], 8, RULER_HEIGHT + r * ROW_HEIGHT + ROW_HEIGHT / 2, LABEL_WIDTH - 12);
  });
  ctx.strokeStyle = border;
  ctx.beginPath();
  ctx.moveTo(LABEL_WIDTH - 0.5, 0);
  ctx.lineTo(LABEL_WIDTH - 0.5, height);
  ctx.stroke();
  return bars;
}
