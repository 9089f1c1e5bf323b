/**
 * Level of detail: a track's visible instructions become at most about one bar per pixel column.
 * An instruction at least a pixel wide is its own bar; narrower ones that start in the same pixel
 * column merge into one bar (coloured like the longest of them), found by jumping with a binary search
 * to the first instruction of the next column, so a frame costs O(pixels × log n), not O(n).
 * A merged bar carries its busy coverage (busy time / the column's time, from prefix sums), so an
 * engine that is busy 2% of the time does not look solid when zoomed out.
 */

import { lowerBound, visibleRange, type TrackIndex } from "./track-index";
import { nsAt, xOf, type Viewport } from "./viewport";

/**
 * x0/x1 in pixels; `instruction` is the representative; `count` how many it stands for; `coverage`
 * the share of the bar's time the track was busy (1 for a single instruction).
 */
export type BarSink = (x0: number, x1: number, instruction: number, count: number, coverage: number) => void;

/** A merged bucket scans at most this many members to pick its representative. */
const REPRESENTATIVE_SCAN = 16;

export function forEachBar(index: TrackIndex, track: number, v: Viewport, emit: BarSink): number {
  const starts = index.starts[track];
  const ends = index.ends[track];
  const members = index.members[track];
  const [from, to] = visibleRange(index, track, v.startNs, v.endNs);
  let bars = 0;
  let k = from;
  while (k < to) {
    const x0 = xOf(v, starts[k]);
    const x1 = xOf(v, ends[k]);
    if (x1 - x0 >= 1) {
      emit(x0, x1, members[k], 1, 1);
      bars++;
      k++;
      continue;
    }
    const column = Math.floor(x0);
    const next = Math.max(k + 1, lowerBound(starts, nsAt(v, column + 1), k, to));
    let best = k;
    for (let j = k; j < next; j++) {
      if (j - k < REPRESENTATIVE_SCAN && ends[j] - starts[j] > ends[best] - starts[best]) best = j;
    }
    const nsPerPixel = (v.endNs - v.startNs) / v.widthPx;
    const busy = index.busyPrefix[track][next] - index.busyPrefix[track][k];
    emit(column, column + 1, members[best], next - k, Math.min(1, busy / nsPerPixel));
    bars++;
    k = next;
  }
  return bars;
}
