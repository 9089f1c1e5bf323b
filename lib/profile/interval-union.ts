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

/**
 * Union of several unions. Each is sorted and disjoint, so they merge pairwise in linear passes
 * (balanced, log2(parts) rounds) instead of being concatenated and sorted again.
 */
export function unionOfUnions(parts: readonly IntervalUnion[]): IntervalUnion {
  if (parts.length === 0) return { starts: new Float64Array(0), ends: new Float64Array(0), count: 0 };
  let round = [...parts];
  while (round.length > 1) {
    const next: IntervalUnion[] = [];
    for (let k = 0; k + 1 < round.length; k += 2) next.push(mergeTwo(round[k], round[k + 1]));
    if (round.length % 2 === 1) next.push(round[round.length - 1]);
    round = next;
  }
  return round[0];
}

/** Union of two unions: a two-pointer walk by start, merging overlapping or touching components. */
function mergeTwo(a: IntervalUnion, b: IntervalUnion): IntervalUnion {
  // A union's components neither overlap nor touch: with nothing to merge in, it is the result.
  if (b.count === 0) return a;
  if (a.count === 0) return b;
  const starts = new Float64Array(a.count + b.count);
  const ends = new Float64Array(a.count + b.count);
  let count = 0;
  let i = 0;
  let j = 0;
  let to = -Infinity;
  while (i < a.count || j < b.count) {
    let s: number;
    let e: number;
    if (j === b.count || (i < a.count && a.starts[i] <= b.starts[j])) {
      s = a.starts[i];
      e = a.ends[i++];
    } else {
      s = b.starts[j];
      e = b.ends[j++];
    }
    if (count > 0 && s <= to) {
      if (e > to) to = e;
      ends[count - 1] = to;
      continue;
    }
    to = e;
    starts[count] = s;
    ends[count++] = e;
  }
  return { starts, ends, count };
}

/** Length of the union of [start, end) intervals (need not be sorted). */
export function unionLength(starts: ArrayLike<number>, ends: ArrayLike<number>): number {
  return unionTotal(intervalUnion(starts, ends));
}
