/**
 * Display tracks for a timeline: one per compute engine, one for TensorE weight loads, and one or
 * more per DMA queue (transfers on one queue can overlap in time on different DMA engines, and a
 * trace viewer needs the slices of one track to nest, so overlapping transfers get extra lanes;
 * so do PE-tiled matmuls that share the array).
 */

import { COMPUTE_ENGINES, trackName, type SpillEvent, type Timeline } from "../../sim/timing";

export interface TrackLayout {
  /** Lane-resolved track id per instruction. */
  readonly trackOf: Uint16Array;
  /** Lane-resolved track id per spill transfer. */
  readonly spillTrackOf: Uint16Array;
  readonly names: readonly string[];
  /** Track id of the TensorE LoadStationary lane. */
  readonly loadTrack: number;
}

export function layoutTracks(timeline: Timeline, spills: readonly SpillEvent[] = []): TrackLayout {
  const names: string[] = ["tensor", "vector", "scalar", "gpsimd", "sync", "tensor (LoadStationary)"];
  const loadTrack = 5;
  const trackOf = new Uint16Array(timeline.length);
  const spillTrackOf = new Uint16Array(spills.length);
  // Items on DMA queues: instructions (k >= 0) and spill transfers (k < 0, spill index -k - 1).
  const byQueue = new Map<number, number[]>();
  const add = (track: number, k: number) => {
    const list = byQueue.get(track);
    if (list) list.push(k);
    else byQueue.set(track, [k]);
  };
  // Compute engines issue in order; only PE-tiled matmuls overlap, and they get extra TensorE lanes.
  const engineEnd = new Float64Array(COMPUTE_ENGINES).fill(-Infinity);
  const extraLanes: { end: number; track: number }[][] = Array.from({ length: COMPUTE_ENGINES }, () => []);
  for (let i = 0; i < timeline.length; i++) {
    const t = timeline.track[i];
    if (t >= COMPUTE_ENGINES) {
      add(t, i);
      continue;
    }
    if (timeline.startNs[i] >= engineEnd[t]) {
      trackOf[i] = t;
      engineEnd[t] = timeline.endNs[i];
      continue;
    }
    let lane = extraLanes[t].find((l) => l.end <= timeline.startNs[i]);
    if (!lane) {
      lane = { end: 0, track: names.length };
      names.push(`${names[t]} (${extraLanes[t].length + 2})`);
      extraLanes[t].push(lane);
    }
    lane.end = timeline.endNs[i];
    trackOf[i] = lane.track;
  }
  spills.forEach((s, k) => add(s.track, -k - 1));
  const start = (k: number) => (k >= 0 ? timeline.startNs[k] : spills[-k - 1].startNs);
  const end = (k: number) => (k >= 0 ? timeline.endNs[k] : spills[-k - 1].endNs);
  for (const [queueTrack, members] of [...byQueue.entries()].sort((a, b) => a[0] - b[0])) {
    members.sort((a, b) => start(a) - start(b) || a - b);
    const laneEnds: number[] = [];
    const laneTracks: number[] = [];
    for (const k of members) {
      let lane = laneEnds.findIndex((e) => e <= start(k));
      if (lane < 0) {
        lane = laneEnds.length;
        laneEnds.push(0);
        laneTracks.push(names.length);
        names.push(lane === 0 ? trackName(queueTrack) : `${trackName(queueTrack)} (${lane + 1})`);
      }
      laneEnds[lane] = end(k);
      if (k >= 0) trackOf[k] = laneTracks[lane];
      else spillTrackOf[-k - 1] = laneTracks[lane];
    }
  }
  return { trackOf, spillTrackOf, names, loadTrack };
}
