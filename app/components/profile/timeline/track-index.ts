/**
 * Instructions grouped per display track and sorted by start time, with a running maximum of end
 * times, so the instructions overlapping any time window are found by binary search. Bars on one
 * track never overlap (the document's lanes guarantee it), but the running maximum keeps the search
 * correct even if they did.
 */

export interface TrackIndex {
  /** Per track: instruction indices sorted by start time. */
  readonly members: readonly Uint32Array[];
  /** Per track: start time of members[k]. */
  readonly starts: readonly Float64Array[];
  /** Per track: end time of members[k]. */
  readonly ends: readonly Float64Array[];
  /** Per track: max(ends[0..k]). */
  readonly maxEnds: readonly Float64Array[];
  /** Per track: busyPrefix[k] = sum of durations of members[0..k) (length members + 1). */
  readonly busyPrefix: readonly Float64Array[];
}

/**
 * `track`, `startNs` and `endNs` are indexed by instruction. With `subset`, only those instructions
 * are indexed (e.g. the highlighted ones).
 */
export function buildTrackIndex(
  trackCount: number,
  track: ArrayLike<number>,
  startNs: ArrayLike<number>,
  endNs: ArrayLike<number>,
  subset?: ArrayLike<number>,
): TrackIndex {
  const count = subset ? subset.length : track.length;
  const id = (k: number) => (subset ? subset[k] : k);
  const counts = new Uint32Array(trackCount);
  for (let k = 0; k < count; k++) counts[track[id(k)]]++;
  const members = Array.from(counts, (c) => new Uint32Array(c));
  const fill = new Uint32Array(trackCount);
  for (let k = 0; k < count; k++) {
    const i = id(k);
    members[track[i]][fill[track[i]]++] = i;
  }
  const starts: Float64Array[] = [];
  const ends: Float64Array[] = [];
  const maxEnds: Float64Array[] = [];
  const busyPrefix: Float64Array[] = [];
  for (let t = 0; t < trackCount; t++) {
    const m = members[t];
    // In-order engines and queues usually list their instructions by start already.
    let sorted = true;
    for (let k = 1; k < m.length && sorted; k++) sorted = startNs[m[k - 1]] < startNs[m[k]] || (startNs[m[k - 1]] === startNs[m[k]] && m[k - 1] < m[k]);
    if (!sorted) m.sort((a, b) => startNs[a] - startNs[b] || a - b);
    const s = new Float64Array(m.length);
    const e = new Float64Array(m.length);
    const me = new Float64Array(m.length);
    const bp = new Float64Array(m.length + 1);
    let running = -Infinity;
    for (let k = 0; k < m.length; k++) {
      s[k] = startNs[m[k]];
      e[k] = endNs[m[k]];
      running = Math.max(running, e[k]);
      me[k] = running;
      bp[k + 1] = bp[k] + (e[k] - s[k]);
    }
    starts.push(s);
    ends.push(e);
    maxEnds.push(me);
    busyPrefix.push(bp);
  }
  return { members, starts, ends, maxEnds, busyPrefix };
}

/** First k with values[k] > x (values sorted ascending). */
export function upperBound(values: Float64Array, x: number, lo = 0, hi = values.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** First k with values[k] >= x (values sorted ascending). */
export function lowerBound(values: Float64Array, x: number, lo = 0, hi = values.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] >= x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Range [from, to) of a track's members that can overlap [t0, t1]. */
export function visibleRange(index: TrackIndex, track: number, t0: number, t1: number): [number, number] {
  const from = lowerBound(index.maxEnds[track], t0);
  const to = upperBound(index.starts[track], t1);
  return [from, Math.max(from, to)];
}
