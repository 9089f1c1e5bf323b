/**
 * A Plotly figure of the timeline (`.timeline()` in notebooks): one horizontal bar trace per track,
 * bars placed at their start (base) with their duration as length, hover text with opcode and line.
 */

import type { Profile } from "./profile";
import { layoutTracks } from "./export/tracks";

export interface PlotlyBarTrace {
  readonly type: "bar";
  readonly orientation: "h";
  readonly name: string;
  readonly y: string[];
  readonly base: number[];
  readonly x: number[];
  readonly hovertext: string[];
  readonly hoverinfo: "text";
}

export interface PlotlyFigure {
  readonly data: PlotlyBarTrace[];
  readonly layout: {
    readonly title: { readonly text: string };
    readonly barmode: "overlay";
    readonly xaxis: { readonly title: { readonly text: string } };
    readonly yaxis: { readonly autorange: "reversed"; readonly categoryorder: "array"; readonly categoryarray: string[] };
    readonly showlegend: boolean;
  };
  /** Instructions left out to keep the figure small (0 when all are drawn). */
  readonly omitted: number;
}

export function timelineFigure(p: Profile, maxInstructions = 20_000): PlotlyFigure {
  const { trace, timeline, target } = p.timed;
  const layout = layoutTracks(timeline);
  const n = Math.min(trace.length, maxInstructions);
  const traces = new Map<number, PlotlyBarTrace>();
  for (let i = 0; i < n; i++) {
    const track = layout.trackOf[i];
    let t = traces.get(track);
    if (!t) {
      t = { type: "bar", orientation: "h", name: layout.names[track], y: [], base: [], x: [], hovertext: [], hoverinfo: "text" };
      traces.set(track, t);
    }
    const start = timeline.startNs[i] / 1000;
    const dur = (timeline.endNs[i] - timeline.startNs[i]) / 1000;
    t.y.push(layout.names[track]);
    t.base.push(start);
    t.x.push(dur);
    t.hovertext.push(`${trace.opcode(i)} ${trace.variant(i)} @ ${trace.file(i)}:${trace.line(i)}<br>${start.toFixed(3)}–${(start + dur).toFixed(3)} µs`);
  }
  const used = [...traces.keys()].sort((a, b) => a - b);
  return {
    data: used.map((k) => traces.get(k)!),
    layout: {
      title: { text: `Simulated timeline (${target}), ${(timeline.totalNs / 1000).toFixed(2)} µs` },
      barmode: "overlay",
      xaxis: { title: { text: "time (µs)" } },
      yaxis: { autorange: "reversed", categoryorder: "array", categoryarray: used.map((k) => layout.names[k]) },
      showlegend: false,
    },
    omitted: trace.length - n,
  };
}
