/**
 * Moving the selected instruction with the arrow keys: ←/→ step along its track in time order,
 * ↑/↓ jump to the instruction nearest in time on the row above/below. With nothing selected, any
 * arrow picks the first instruction of the first row that starts in the visible window.
 */

import { lowerBound, type TrackIndex } from "./track-index";
import type { Viewport } from "./viewport";

export type Arrow = "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown";

export function isArrow(key: string): key is Arrow {
  return key === "ArrowLeft" || key === "ArrowRight" || key === "ArrowUp" || key === "ArrowDown";
}

/** Position of instruction i among its track's members (binary search on start, then a short scan). */
function positionOf(index: TrackIndex, track: number, i: number, startNs: number): number {
  const members = index.members[track];
  for (let k = lowerBound(index.starts[track], startNs); k < members.length; k++) if (members[k] === i) return k;
  return members.indexOf(i);
}

/** Member of `track` whose middle is nearest to time t, or -1 for an empty track. */
function nearest(index: TrackIndex, track: number, t: number): number {
  const starts = index.starts[track];
  if (starts.length === 0) return -1;
  const k = lowerBound(starts, t);
  let best = -1;
  let bestDistance = Infinity;
  for (const j of [k - 1, k]) {
    if (j < 0 || j >= starts.length) continue;
    const mid = (starts[j] + index.ends[track][j]) / 2;
    if (Math.abs(mid - t) < bestDistance) {
      best = j;
      bestDistance = Math.abs(mid - t);
    }
  }
  return index.members[track][best];
}

export function stepSelection(
  index: TrackIndex,
  rows: readonly number[],
  trackOf: ArrayLike<number>,
  startNs: ArrayLike<number>,
  endNs: ArrayLike<number>,
  selected: number,
  arrow: Arrow,
  view: Viewport,
): number {
  if (selected < 0) {
    for (const track of rows) {
      const k = lowerBound(index.starts[track], view.startNs);
      if (k < index.members[track].length) return index.members[track][k];
    }
    return -1;
  }
  const track = trackOf[selected];
  if (arrow === "ArrowLeft" || arrow === "ArrowRight") {
    const k = positionOf(index, track, selected, startNs[selected]) + (arrow === "ArrowRight" ? 1 : -1);
    return k >= 0 && k < index.members[track].length ? index.members[track][k] : selected;
  }
  const t = (startNs[selected] + endNs[selected]) / 2;
  const step = arrow === "ArrowDown" ? 1 : -1;
  for (let r = rows.indexOf(track) + step; r >= 0 && r < rows.length; r += step) {
    const found = nearest(index, rows[r], t);
    if (found >= 0) return found;
  }
  return selected;
}

/** The window moved just enough to show instruction [s, e] (unchanged when it is already visible). */
export function revealInView(view: Viewport, s: number, e: number): Viewport {
  const span = view.endNs - view.startNs;
  if (s >= view.startNs && e <= view.endNs) return view;
  const start = e - s > span ? s : s < view.startNs ? s - span * 0.1 : e - span * 0.9;
  return { ...view, startNs: start, endNs: start + span };
}
