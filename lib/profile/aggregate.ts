/**
 * Aggregations the UI needs beside the summary: per-source-line cost (for source decorations and
 * "click a line to see its instructions") and metrics recomputed for a time window (zoom or box
 * selection, as Neuron Explorer's Current/Box Selection summaries do).
 */

import { ENGINE_NAMES, Engine } from "../sim/trace";
import type { Profile } from "./profile";
import { unionLength } from "./metrics";

export interface LineCost {
  readonly file: string;
  readonly line: number;
  readonly instructions: number;
  /** Busy time of this line's instructions per engine name (ns). */
  readonly busyNs: Readonly<Record<string, number>>;
  /** Time this line's instructions spent waiting on producers (ns). */
  readonly waitNs: number;
  readonly flops: number;
  readonly hbmBytes: number;
  /** Instruction indices, in program order. */
  readonly indices: readonly number[];
}

/** Cost per source line, heaviest (total busy time) first. */
export function lineCosts(p: Profile): LineCost[] {
  const { trace, timeline } = p.timed;
  const byLine = new Map<string, { file: string; line: number; busy: Record<string, number>; wait: number; flops: number; hbm: number; indices: number[] }>();
  for (let i = 0; i < trace.length; i++) {
    const file = trace.file(i);
    const line = trace.line(i);
    const key = `${file}:${line}`;
    let e = byLine.get(key);
    if (!e) {
      e = { file, line, busy: {}, wait: 0, flops: 0, hbm: 0, indices: [] };
      byLine.set(key, e);
    }
    const engine = ENGINE_NAMES[trace.engine(i)];
    e.busy[engine] = (e.busy[engine] ?? 0) + timeline.endNs[i] - timeline.startNs[i];
    e.wait += timeline.waitNs[i];
    e.flops += trace.flops(i);
    e.hbm += p.facts.hbmRead[i] + p.facts.hbmWrite[i];
    e.indices.push(i);
  }
  const total = (b: Record<string, number>) => Object.values(b).reduce((s, x) => s + x, 0);
  return [...byLine.values()]
    .map((e) => ({ file: e.file, line: e.line, instructions: e.indices.length, busyNs: e.busy, waitNs: e.wait, flops: e.flops, hbmBytes: e.hbm, indices: e.indices }))
    .sort((a, b) => total(b.busyNs) - total(a.busyNs) || a.line - b.line);
}

export interface WindowSummary {
  readonly startNs: number;
  readonly endNs: number;
  /** Instructions overlapping the window. */
  readonly instructions: number;
  /** Busy share of the window per engine name and for DMA ("dma"), 0-100. */
  readonly activePercent: Readonly<Record<string, number>>;
  /** HBM bytes moved inside the window (DMAs prorated by overlap). */
  readonly hbmBytes: number;
  /** TensorE FLOPs inside the window (prorated by overlap). */
  readonly flops: number;
}

export function windowSummary(p: Profile, startNs: number, endNs: number): WindowSummary {
  const { trace, timeline } = p.timed;
  const width = Math.max(0, endNs - startNs);
  const starts: Record<string, number[]> = {};
  const ends: Record<string, number[]> = {};
  let instructions = 0;
  let hbm = 0;
  let flops = 0;
  for (let i = 0; i < trace.length; i++) {
    const s = Math.max(startNs, timeline.startNs[i]);
    const e = Math.min(endNs, timeline.endNs[i]);
    if (e < s || (e === s && timeline.endNs[i] > timeline.startNs[i])) continue;
    instructions++;
    const engine = ENGINE_NAMES[trace.engine(i)];
    (starts[engine] ??= []).push(s);
    (ends[engine] ??= []).push(e);
    const dur = timeline.endNs[i] - timeline.startNs[i];
    const share = dur > 0 ? (e - s) / dur : 1;
    hbm += (p.facts.hbmRead[i] + p.facts.hbmWrite[i]) * share;
    if (trace.engine(i) === Engine.Tensor) flops += trace.flops(i) * share;
  }
  const activePercent: Record<string, number> = {};
  for (const engine of ENGINE_NAMES) {
    activePercent[engine] = width > 0 ? (100 * unionLength(starts[engine] ?? [], ends[engine] ?? [])) / width : 0;
  }
  return { startNs, endNs, instructions, activePercent, hbmBytes: hbm, flops };
}
