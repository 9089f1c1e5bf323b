/**
 * Union of busy intervals [start, end), as disjoint components in time order (touching intervals
 * merge). An in-order engine's intervals already come sorted by start, so they merge in one linear
 * pass; other lists are swept over their natively sorted starts and ends. Either way every
 * component is (its earliest start, its latest end), so lengths summed in time order are bitwise
 * the same whichever path built them.
 */

export interface IntervalUnion {
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly count: number;
}

function sortedByStart(starts: ArrayLike<number>): boolean {
  for (let i = 1; i < starts.length; i++) if (!(starts[i - 1] <= starts[i])) return false;
  return true;
}

/** A Float64Array copy (slice is a block copy; `from` would walk a typed array's iterator). */
function copyOf(values: ArrayLike<number>): Float64Array {
  return values instanceof Float64Array ? values.slice() : Float64Array.from(values);
}

export function intervalUnion(starts: ArrayLike<number>, ends: ArrayLike<number>): IntervalUnion {
  const n = starts.length;
  const outStarts = new Float64Array(n);
  const outEnds = new Float64Array(n);
  let count = 0;
  if (n === 0) return { starts: outStarts, ends: outEnds, count };
  if (sortedByStart(starts)) {
    let from = starts[0];
    let to = ends[0];
    for (let i = 1; i < n; i++) {
      const s = starts[i];
      if (s <= to) {
        if (ends[i] > to) to = ends[i];
        continue;
      }
      outStarts[count] = from;
      outEnds[count++] = to;
      from = s;
      to = ends[i];
    }
    outStarts[count] = from;
    outEnds[count++] = to;
    return { starts: outStarts, ends: outEnds, count };
  }
  // Open intervals at t = #starts <= t minus #ends before t, whichever interval each belongs to.
  const s = copyOf(starts).sort();
  const e = copyOf(ends).sort();
  let open = 0;
  let from = 0;
  let j = 0;
  for (let i = 0; i < n; ) {
    if (s[i] <= e[j]) {
      if (open++ === 0) from = s[i];
      i++;
    } else {
      if (--open === 0) {
        outStarts[count] = from;
        outEnds[count++] = e[j];
      }
      j++;
    }
  }
  // Every interval has started: the last component runs on to the last end.
  if (open > 0) {
    outStarts[count] = from;
    outEnds[count++] = e[n - 1];
  }
  return { starts: outStarts, ends: outEnds, count };
}

/** Total length of a union, components summed in time order. */
export function unionTotal(u: IntervalUnion): number {
  let total = 0;
  for (let k = 0; k < u.count; k++) total += u.ends[k] - u.starts[k];
  return total;
}

/** Union of several unions (their components concatenated and merged again). */
export function unionOfUnions(parts: readonly IntervalUnion[]): IntervalUnion {
  let n = 0;
  for (const p of parts) n += p.count;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  let at = 0;
  for (const p of parts) {
    starts.set(p.starts.subarray(0, p.count), at);
    ends.set(p.ends.subarray(0, p.count), at);
    at += p.count;
  }
  return intervalUnion(starts, ends);
}

/** Length of the union of [start, end) intervals (need not be sorted). */
export function unionLength(starts: ArrayLike<number>, ends: ArrayLike<number>): number {
  return unionTotal(intervalUnion(starts, ends));
}
