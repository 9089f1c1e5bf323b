/**
 * Chrome trace-event JSON (loadable by ui.perfetto.dev and chrome://tracing): a thread per engine,
 * TensorE weight loads and DMA queue lane; complete ("X") events per instruction; flow arrows from
 * the producer an instruction waited on (or from every producer); counters for SBUF/PSUM occupancy
 * and HBM bandwidth. Timestamps are microseconds, as the format requires.
 */

import { DEP_TYPE_NAMES, ENGINE_NAMES, type Trace } from "../../sim/trace";
import { NO_WAIT, WAIT_NAMES } from "../../sim/timing";
import type { Profile } from "../profile";
import { layoutTracks } from "./tracks";

export interface TraceEvent {
  readonly name: string;
  readonly ph: "X" | "M" | "C" | "s" | "f";
  readonly ts?: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid?: number;
  readonly cat?: string;
  readonly id?: number;
  readonly bp?: "e";
  readonly args?: Readonly<Record<string, string | number>>;
}

export interface PerfettoTrace {
  readonly traceEvents: TraceEvent[];
  readonly displayTimeUnit: "ns";
  readonly otherData: Readonly<Record<string, string>>;
}

export interface PerfettoOptions {
  /** Flow arrows for every dependency, not only the one each instruction waited on. */
  readonly allDependencies?: boolean;
  /** Buckets of the HBM bandwidth counter. */
  readonly bandwidthBuckets?: number;
}

const PID = 1;
const us = (ns: number) => ns / 1000;

/** "loop:iteration/loop:iteration" of a record's loop path, memoised per path node. */
export function loopPathTexter(trace: Trace): (i: number) => string {
  const cache = new Map<number, string>();
  return (i) => {
    const path = trace.pathId(i);
    let text = cache.get(path);
    if (text === undefined) {
      text = trace.pathFrames(path).map((f) => `${f.loop}:${f.iteration}`).join("/");
      cache.set(path, text);
    }
    return text;
  };
}

export function toPerfetto(profile: Profile, options: PerfettoOptions = {}): PerfettoTrace {
  const { trace, timeline, target, config } = profile.timed;
  const layout = layoutTracks(timeline, profile.timed.spills);
  const loopPathText = loopPathTexter(trace);
  const events: TraceEvent[] = [
    { name: "process_name", ph: "M", pid: PID, args: { name: `NeuronCore ${config.coreVersion} (${target}, simulated)` } },
  ];
  layout.names.forEach((name, tid) => {
    events.push({ name: "thread_name", ph: "M", pid: PID, tid, args: { name } });
    events.push({ name: "thread_sort_index", ph: "M", pid: PID, tid, args: { sort_index: tid } });
  });

  for (let i = 0; i < trace.length; i++) {
    const start = timeline.startNs[i];
    const end = timeline.endNs[i];
    const args: Record<string, string | number> = { index: i, nki_source_location: `${trace.file(i)}:${trace.line(i)}` };
    // Zero counts are left out: they are most fields of most events and would double the file.
    const counts: [string, number][] = [
      ["flops", trace.flops(i)],
      ["hbm_read_bytes", profile.facts.hbmRead[i]],
      ["hbm_write_bytes", profile.facts.hbmWrite[i]],
      ["spmd_instance", trace.spmdInstance(i)],
    ];
    for (const [k, v] of counts) if (v !== 0) args[k] = v;
    const variant = trace.variant(i);
    if (variant) args.variant = variant;
    const path = loopPathText(i);
    if (path) args.loop_path = path;
    if (timeline.waitType[i] !== NO_WAIT) {
      args.waited_on = timeline.waitedOn[i];
      args.wait_type = WAIT_NAMES[timeline.waitType[i]];
      args.wait_ns = timeline.waitNs[i];
    }
    events.push({ name: trace.opcode(i), ph: "X", ts: us(start), dur: us(end - start), pid: PID, tid: layout.trackOf[i], cat: ENGINE_NAMES[trace.engine(i)], args });
    const ls = timeline.loadStartNs[i];
    if (!Number.isNaN(ls) && profile.timed.costed.input.loadNs[i] > 0) {
      events.push({ name: "LoadStationary", ph: "X", ts: us(ls), dur: us(profile.timed.costed.input.loadNs[i]), pid: PID, tid: layout.loadTrack, cat: "tensor", args: { index: i } });
    }
  }

  profile.timed.spills.forEach((sp, k) => {
    events.push({
      name: sp.kind === "save" ? "spill_save" : "spill_reload", ph: "X", ts: us(sp.startNs), dur: us(sp.endNs - sp.startNs), pid: PID,
      tid: layout.spillTrackOf[k], cat: "dma", args: { for_index: sp.origin, bytes: sp.bytes, nki_source_location: `${trace.file(sp.origin)}:${trace.line(sp.origin)}` },
    });
  });

  let flowId = 0;
  const flow = (producer: number, consumer: number, type: number) => {
    const id = ++flowId;
    const cat = DEP_TYPE_NAMES[type] ?? "dependency";
    events.push({ name: "dependency", ph: "s", id, cat, ts: us(timeline.startNs[producer]), pid: PID, tid: layout.trackOf[producer] });
    events.push({ name: "dependency", ph: "f", bp: "e", id, cat, ts: us(timeline.startNs[consumer]), pid: PID, tid: layout.trackOf[consumer] });
  };
  for (let i = 0; i < trace.length; i++) {
    if (options.allDependencies) {
      for (let k = 0; k < trace.depCount(i); k++) flow(trace.depOn(i, k), i, trace.depType(i, k));
    } else if (timeline.waitedOn[i] >= 0) {
      flow(timeline.waitedOn[i], i, timeline.waitType[i]);
    }
  }

  for (const s of profile.memory.samples) {
    events.push({ name: "SBUF bytes per partition", ph: "C", ts: us(s.timeNs), pid: PID, args: { bytes: s.sbufBytes } });
    events.push({ name: "PSUM bytes per partition", ph: "C", ts: us(s.timeNs), pid: PID, args: { bytes: s.psumBytes } });
  }
  for (const b of hbmBandwidth(profile, options.bandwidthBuckets ?? 200)) {
    events.push({ name: "HBM bandwidth (GB/s)", ph: "C", ts: us(b.timeNs), pid: PID, args: { "GB/s": b.gbPerS } });
  }
  return { traceEvents: events, displayTimeUnit: "ns", otherData: { generator: "Kernel Lab timing model", target } };
}

/** HBM bytes of each DMA spread evenly over its duration, summed into equal time buckets. */
export function hbmBandwidth(profile: Profile, buckets: number): { timeNs: number; gbPerS: number }[] {
  const { trace, timeline } = profile.timed;
  const total = timeline.totalNs;
  if (total <= 0 || buckets <= 0) return [];
  const width = total / buckets;
  const bytes = new Float64Array(buckets);
  for (let i = 0; i < trace.length; i++) {
    const b = profile.facts.hbmRead[i] + profile.facts.hbmWrite[i];
    if (b === 0) continue;
    const s = timeline.startNs[i];
    const e = Math.max(timeline.endNs[i], s + 1e-9);
    const rate = b / (e - s);
    for (let k = Math.floor(s / width); k < buckets && k * width < e; k++) {
      const overlap = Math.min(e, (k + 1) * width) - Math.max(s, k * width);
      if (overlap > 0) bytes[k] += rate * overlap;
    }
  }
  return Array.from(bytes, (b, k) => ({ timeNs: k * width, gbPerS: b / width }));
}
