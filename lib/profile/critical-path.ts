/**
 * The critical path: from the instruction that finishes last, follow what each instruction waited
 * for — the producer it waited on, or else the instruction before it on its engine/queue — back to
 * the start. Its length is the kernel's latency; what lies on it is what to speed up.
 */

import { COMPUTE_ENGINES, type TimedTrace } from "../sim/timing";

export interface CriticalStep {
  readonly index: number;
  /** Why the next step (later in time) waited for this one. */
  readonly link: "dependency" | "engine" | "end";
}

export function criticalPath(p: { readonly timed: TimedTrace }): CriticalStep[] {
  const { timeline, trace } = p.timed;
  const n = trace.length;
  if (n === 0) return [];
  // Per track, instructions by end time, to find the one that kept the engine/queue busy.
  const byTrack = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const list = byTrack.get(timeline.track[i]);
    if (list) list.push(i);
    else byTrack.set(timeline.track[i], [i]);
  }
  for (const list of byTrack.values()) list.sort((a, b) => timeline.endNs[a] - timeline.endNs[b] || a - b);
  const previousOnTrack = (i: number): number => {
    const list = byTrack.get(timeline.track[i]) ?? [];
    const start = timeline.startNs[i];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (timeline.endNs[list[mid]] <= start + 1e-9) lo = mid + 1;
      else hi = mid;
    }
    // In-order compute engines: only an earlier instruction can have held the engine.
    for (let k = lo - 1; k >= 0; k--) {
      const j = list[k];
      if (j !== i && (timeline.track[i] >= COMPUTE_ENGINES || j < i)) return j;
    }
    return -1;
  };
  let last = 0;
  for (let i = 1; i < n; i++) if (timeline.endNs[i] > timeline.endNs[last]) last = i;
  const path: CriticalStep[] = [{ index: last, link: "end" }];
  const seen = new Set<number>([last]);
  let cur = last;
  for (;;) {
    const producer = timeline.waitedOn[cur];
    const next = producer >= 0 ? producer : timeline.startNs[cur] > 0 ? previousOnTrack(cur) : -1;
    if (next < 0 || seen.has(next)) break;
    path.push({ index: next, link: producer >= 0 ? "dependency" : "engine" });
    seen.add(next);
    cur = next;
  }
  return path.reverse();
}
