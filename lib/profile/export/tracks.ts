/**
 * Display tracks for a timeline: one per compute engine, one for TensorE weight loads, and one or
 * more per DMA queue (transfers on one queue can overlap in time on different DMA engines, and a
 * trace viewer needs the slices of one track to nest, so overlapping transfers get extra lanes).
 */

import { COMPUTE_ENGINES, trackName, type Timeline } from "../../sim/timing";

export interface TrackLayout {
  /** Lane-resolved track id per instruction. */
  readonly trackOf: Uint16Array;
  readonly names: readonly string[];
  /** Track id of the TensorE LoadStationary lane. */
  readonly loadTrack: number;
}

export function layoutTracks(timeline: Timeline): TrackLayout {
  const names: string[] = ["tensor", "vector", "scalar", "gpsimd", "sync", "tensor (LoadStationary)"];
  const loadTrack = 5;
  const trackOf = new Uint16Array(timeline.length);
  const byQueue = new Map<number, number[]>();
  for (let i = 0; i < timeline.length; i++) {
    const t = timeline.track[i];
    if (t < COMPUTE_ENGINES) trackOf[i] = t;
    else byQueue.set(t, [...(byQueue.get(t) ?? []), i]);
  }
  for (const [queueTrack, members] of [...byQueue.entries()].sort((a, b) => a[0] - b[0])) {
    members.sort((a, b) => timeline.startNs[a] - timeline.startNs[b] || a - b);
    const laneEnds: number[] = [];
    const laneTracks: number[] = [];
    for (const i of members) {
      let lane = laneEnds.findIndex((end) => end <= timeline.startNs[i]);
      if (lane < 0) {
        lane = laneEnds.length;
        laneEnds.push(0);
        laneTracks.push(names.length);
        names.push(lane === 0 ? trackName(queueTrack) : `${trackName(queueTrack)} (${lane + 1})`);
      }
      laneEnds[lane] = timeline.endNs[i];
      trackOf[i] = laneTracks[lane];
    }
  }
  return { trackOf, names, loadTrack };
}
