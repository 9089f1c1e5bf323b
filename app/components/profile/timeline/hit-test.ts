/** Which instruction of a track is under a pixel (nearest within a tolerance). */

import { upperBound, type TrackIndex } from "./track-index";
import { nsAt, xOf, type Viewport } from "./viewport";

export function instructionAt(index: TrackIndex, track: number, v: Viewport, x: number, tolerancePx = 2): number {
  if (track < 0 || track >= index.members.length) return -1;
  const starts = index.starts[track];
  const ends = index.ends[track];
  const t = nsAt(v, x);
  // The last instruction starting at or before the cursor, then neighbours within the tolerance.
  const k = upperBound(starts, nsAt(v, x + tolerancePx)) - 1;
  let best = -1;
  let bestDistance = Infinity;
  for (let j = k; j >= 0; j--) {
    const x0 = xOf(v, starts[j]);
    const x1 = Math.max(xOf(v, ends[j]), x0 + 1);
    if (x1 < x - tolerancePx && index.maxEnds[track][j] < nsAt(v, x - tolerancePx)) break;
    const distance = x < x0 ? x0 - x : x > x1 ? x - x1 : 0;
    if (distance <= tolerancePx && (distance < bestDistance || (distance === bestDistance && t >= starts[j]))) {
      best = j;
      bestDistance = distance;
      if (distance === 0) break;
    }
  }
  return best < 0 ? -1 : index.members[track][best];
}
