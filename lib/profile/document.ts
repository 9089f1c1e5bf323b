/**
 * The JSON document a notebook displays as `application/vnd.kernel-lab.profile+json`: summary
 * metrics, roofline, insights, occupancy, and a columnar instruction timeline with string tables.
 * Plain data only, so it survives JSON.stringify unchanged.
 */

import { ENGINE_NAMES } from "../sim/trace";
import { TIMING_SOURCES, describeConstant, type ConstantName } from "../sim/timing";
import type { Insight } from "./insights";
import type { ProfileMetrics } from "./metrics";
import type { Profile } from "./profile";
import type { RooflinePoint } from "./roofline";
import { layoutTracks } from "./export/tracks";

export const PROFILE_MIME = "application/vnd.kernel-lab.profile+json";
export const PROFILE_DOCUMENT_VERSION = 1;

export interface ProfileDocument {
  readonly version: number;
  readonly target: string;
  /** The `@nki.jit` function's name, when the caller knows it. */
  readonly kernelName: string | null;
  /** Source text of the files instructions point at (`instructions.file`), for the source view. */
  readonly sources: readonly { readonly file: string; readonly text: string }[];
  readonly coreVersion: string;
  readonly metrics: ProfileMetrics;
  readonly roofline: RooflinePoint;
  readonly insights: readonly Insight[];
  readonly occupancy: { readonly timeNs: number[]; readonly sbufBytes: number[]; readonly psumBytes: number[] };
  readonly tracks: readonly string[];
  readonly instructions: {
    readonly startNs: number[];
    readonly endNs: number[];
    readonly track: number[];
    readonly engine: number[];
    /** Index into `strings`. */
    readonly opcode: number[];
    readonly file: number[];
    readonly line: number[];
    readonly waitedOn: number[];
  };
  /** Spill saves/reloads the model inserted; `track` indexes `tracks`, `origin` the instructions. */
  readonly spills: readonly { readonly kind: "save" | "reload"; readonly origin: number; readonly startNs: number; readonly endNs: number; readonly bytes: number; readonly track: number }[];
  readonly strings: readonly string[];
  readonly engines: readonly string[];
  /** One line per timing constant with its provenance (for the "what is modelled" panel). */
  readonly constants: readonly string[];
}

export interface ProfileDocumentExtras {
  readonly kernelName?: string | null;
  readonly sources?: readonly { readonly file: string; readonly text: string }[];
}

export function profileDocument(profile: Profile, extras: ProfileDocumentExtras = {}): ProfileDocument {
  const { trace, timeline, target, config } = profile.timed;
  const layout = layoutTracks(timeline, profile.timed.spills);
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const intern = (s: string) => {
    let id = ids.get(s);
    if (id === undefined) {
      id = strings.length;
      strings.push(s);
      ids.set(s, id);
    }
    return id;
  };
  const n = trace.length;
  const ins = {
    startNs: Array.from(timeline.startNs),
    endNs: Array.from(timeline.endNs),
    track: Array.from(layout.trackOf),
    engine: new Array<number>(n),
    opcode: new Array<number>(n),
    file: new Array<number>(n),
    line: new Array<number>(n),
    waitedOn: Array.from(timeline.waitedOn),
  };
  for (let i = 0; i < n; i++) {
    ins.engine[i] = trace.engine(i);
    ins.opcode[i] = intern(trace.opcode(i));
    ins.file[i] = intern(trace.file(i));
    ins.line[i] = trace.line(i);
  }
  const samples = profile.memory.samples;
  return {
    version: PROFILE_DOCUMENT_VERSION,
    target,
    kernelName: extras.kernelName ?? null,
    sources: extras.sources ?? [],
    coreVersion: config.coreVersion,
    metrics: profile.metrics,
    roofline: profile.roofline,
    insights: profile.insights,
    occupancy: { timeNs: samples.map((s) => s.timeNs), sbufBytes: samples.map((s) => s.sbufBytes), psumBytes: samples.map((s) => s.psumBytes) },
    tracks: layout.names,
    instructions: ins,
    spills: profile.timed.spills.map((sp, k) => ({ ...sp, track: layout.spillTrackOf[k] })),
    strings,
    engines: ENGINE_NAMES,
    constants: (Object.keys(TIMING_SOURCES[target]) as ConstantName[]).map((name) => describeConstant(target, name)),
  };
}
