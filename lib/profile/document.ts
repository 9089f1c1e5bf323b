/**
 * The JSON document a notebook displays as `application/vnd.kernel-lab.profile+json` and the profile
 * viewer loads: summary metrics, roofline, insights, occupancy, and a columnar instruction table with
 * string tables. Plain data only, so it survives JSON.stringify unchanged.
 *
 * Wire size matters (a 200 000-instruction kernel must stay well under 60 bytes per instruction once
 * gzipped), so the table is built for compression rather than for reading:
 * - times are nanoseconds rounded to the picosecond (3 decimals), which removes the long binary
 *   fraction digits that defeat gzip;
 * - every string (opcode, variant, file, operand description) is interned in `strings`;
 * - dependencies are stored as CSR rows of producer *distances* (consumer − producer), which are
 *   small and repetitive where absolute indices are not; the row lengths are stored, not offsets.
 * `decodeInstructions` turns the table into typed arrays with CSR offsets for the viewer.
 */

import packageJson from "../../package.json" with { type: "json" };
import { dtypeByCode } from "../sim/dtypes";
import { Access, ENGINE_NAMES, LOOP_KIND_NAMES, MEMORY_NAMES, Memory, type Trace } from "../sim/trace";
import { NO_WAIT, TIMING_SOURCES, describeConstant, type ConstantName } from "../sim/timing";
import type { Insight } from "./insights";
import type { OccupancySample } from "./memory-usage";
import type { ProfileMetrics } from "./metrics";
import type { Profile } from "./profile";
import type { RooflinePoint } from "./roofline";
import { layoutTracks } from "./export/tracks";

export const PROFILE_MIME = "application/vnd.kernel-lab.profile+json";
/** 2: picosecond-rounded times, per-instruction bytes/FLOPs/SPMD/loop path/operands/waits, CSR dependencies. */
export const PROFILE_DOCUMENT_VERSION = 2;

/** `waitType` of an instruction that did not wait on a producer. */
export const DOC_NO_WAIT = -1;
/** Wait type names by code (RAW, WAR, WAW, spill reload). */
export const DOC_WAIT_NAMES = ["RAW", "WAR", "WAW", "spill reload"] as const;

export interface DocumentInstructions {
  readonly startNs: number[];
  readonly endNs: number[];
  /** Display track (index into `tracks`), lanes resolved so that bars on one track never overlap. */
  readonly track: number[];
  readonly engine: number[];
  /** Index into `strings`. */
  readonly opcode: number[];
  /** Index into `strings` ("" when the instruction has none). */
  readonly variant: number[];
  readonly file: number[];
  readonly line: number[];
  /** The producer whose completion set the start, or -1 when the engine/queue order did. */
  readonly waitedOn: number[];
  /** Index into DOC_WAIT_NAMES, or DOC_NO_WAIT. */
  readonly waitType: number[];
  /** Time spent waiting on producers after the engine was free (ns). */
  readonly waitNs: number[];
  readonly flops: number[];
  /** Bytes read / written across HBM, SBUF and PSUM. */
  readonly readBytes: number[];
  readonly writeBytes: number[];
  readonly spmd: number[];
  /** Index into `loopPaths` (0 = outside every loop). */
  readonly loopPath: number[];
  /** Index into `strings`: the operands, e.g. "a: hbm bf16[128,512] → t: sbuf bf16[128,512] p0:128". */
  readonly operands: number[];
}

/** Dependencies as CSR rows: instruction i's producers are the next `count[i]` entries. */
export interface DocumentDependencies {
  readonly count: number[];
  /** Consumer index − producer index (always ≥ 1). */
  readonly distance: number[];
  /** Index into DOC_WAIT_NAMES (RAW/WAR/WAW). */
  readonly type: number[];
}

/** A tree of (loop, iteration) nodes; node 0 is the root (outside every loop, parent −1). */
export interface DocumentLoopPaths {
  readonly parent: number[];
  /** Index into `loops` (−1 for the root). */
  readonly loop: number[];
  readonly iteration: number[];
}

export interface DocumentLoop {
  readonly kind: string;
  readonly file: string;
  readonly line: number;
  readonly tripCount: number;
}

export interface DocumentSpill {
  readonly kind: "save" | "reload";
  readonly origin: number;
  readonly startNs: number;
  readonly endNs: number;
  readonly bytes: number;
  readonly track: number;
}

export interface ProfileDocument {
  readonly version: number;
  readonly target: string;
  /** The `@nki.jit` function's name, when the caller knows it. */
  readonly kernelName: string | null;
  /** Source text of the files instructions point at (`instructions.file`), for the source view. */
  readonly sources: readonly { readonly file: string; readonly text: string }[];
  readonly coreVersion: string;
  /** What simulated the run: "Kernel Lab <package version>". */
  readonly simulator: string;
  readonly metrics: ProfileMetrics;
  readonly roofline: RooflinePoint;
  readonly insights: readonly Insight[];
  /**
   * SBUF/PSUM bytes per partition over time, a step function of at most OCCUPANCY_SAMPLES samples:
   * when the kernel changed occupancy more often, each sample holds the highest value within its
   * equal slice of time (peaks survive; a 200 000-instruction kernel has ~100 000 changes).
   */
  readonly occupancy: { readonly timeNs: number[]; readonly sbufBytes: number[]; readonly psumBytes: number[] };
  readonly tracks: readonly string[];
  readonly instructions: DocumentInstructions;
  readonly dependencies: DocumentDependencies;
  readonly loopPaths: DocumentLoopPaths;
  readonly loops: readonly DocumentLoop[];
  /** SPMD launch grid (empty when the kernel was not launched on a grid). */
  readonly spmdGrid: readonly number[];
  /** Spill saves/reloads the model inserted; `track` indexes `tracks`, `origin` the instructions. */
  readonly spills: readonly DocumentSpill[];
  readonly strings: readonly string[];
  readonly engines: readonly string[];
  /** One line per timing constant with its provenance (for the "what is modelled" panel). */
  readonly constants: readonly string[];
}

export interface ProfileDocumentExtras {
  readonly kernelName?: string | null;
  readonly sources?: readonly { readonly file: string; readonly text: string }[];
}

export const OCCUPANCY_SAMPLES = 4096;

/** Nanoseconds rounded to the picosecond. */
export function roundNs(ns: number): number {
  return Math.round(ns * 1000) / 1000;
}

class Interner {
  readonly strings: string[] = [];
  private readonly ids = new Map<string, number>();

  intern(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.ids.set(s, id);
    }
    return id;
  }
}

export function profileDocument(profile: Profile, extras: ProfileDocumentExtras = {}): ProfileDocument {
  const { trace, timeline, target, config } = profile.timed;
  const layout = layoutTracks(timeline, profile.timed.spills);
  const interner = new Interner();
  const intern = (s: string) => interner.intern(s);
  intern("");
  const n = trace.length;
  const column = () => new Array<number>(n);
  const ins = {
    startNs: column(), endNs: column(), track: Array.from(layout.trackOf), engine: column(), opcode: column(), variant: column(),
    file: column(), line: column(), waitedOn: Array.from(timeline.waitedOn), waitType: column(), waitNs: column(), flops: column(),
    readBytes: column(), writeBytes: column(), spmd: column(), loopPath: column(), operands: column(),
  };
  const deps = { count: column(), distance: [] as number[], type: [] as number[] };
  const paths = new LoopPathTable(trace);
  const describe = operandDescriber(trace);
  const f = profile.facts;
  for (let i = 0; i < n; i++) {
    ins.startNs[i] = roundNs(timeline.startNs[i]);
    ins.endNs[i] = roundNs(timeline.endNs[i]);
    ins.engine[i] = trace.engine(i);
    ins.opcode[i] = intern(trace.opcode(i));
    ins.variant[i] = intern(trace.variant(i));
    ins.file[i] = intern(trace.file(i));
    ins.line[i] = trace.line(i);
    ins.waitType[i] = timeline.waitType[i] === NO_WAIT ? DOC_NO_WAIT : timeline.waitType[i];
    ins.waitNs[i] = roundNs(timeline.waitNs[i]);
    ins.flops[i] = trace.flops(i);
    ins.readBytes[i] = f.hbmRead[i] + f.sbufRead[i] + f.psumRead[i];
    ins.writeBytes[i] = f.hbmWrite[i] + f.sbufWrite[i] + f.psumWrite[i];
    ins.spmd[i] = trace.spmdInstance(i);
    ins.loopPath[i] = paths.idOf(trace.pathId(i));
    ins.operands[i] = intern(describe(i));
    const m = trace.depCount(i);
    deps.count[i] = m;
    for (let k = 0; k < m; k++) {
      deps.distance.push(i - trace.depOn(i, k));
      deps.type.push(trace.depType(i, k));
    }
  }
  const samples = profile.memory.samples;
  return {
    version: PROFILE_DOCUMENT_VERSION,
    target,
    kernelName: extras.kernelName ?? null,
    sources: extras.sources ?? [],
    coreVersion: config.coreVersion,
    simulator: `Kernel Lab ${packageJson.version}`,
    metrics: profile.metrics,
    roofline: profile.roofline,
    insights: profile.insights,
    occupancy: occupancySamples(samples, timeline.totalNs, OCCUPANCY_SAMPLES),
    tracks: layout.names,
    instructions: ins,
    dependencies: deps,
    loopPaths: paths.table,
    loops: paths.loops,
    spmdGrid: [...trace.spmdGrid],
    spills: profile.timed.spills.map((sp, k) => ({ kind: sp.kind, origin: sp.origin, startNs: roundNs(sp.startNs), endNs: roundNs(sp.endNs), bytes: sp.bytes, track: layout.spillTrackOf[k] })),
    strings: interner.strings,
    engines: ENGINE_NAMES,
    constants: (Object.keys(TIMING_SOURCES[target]) as ConstantName[]).map((name) => describeConstant(target, name)),
  };
}

/** At most `max` samples; beyond that, the peak of each equal time slice at the slice's start. */
export function occupancySamples(samples: readonly OccupancySample[], totalNs: number, max: number): ProfileDocument["occupancy"] {
  const out = { timeNs: [] as number[], sbufBytes: [] as number[], psumBytes: [] as number[] };
  if (samples.length <= max || !(totalNs > 0)) {
    for (const s of samples) {
      out.timeNs.push(roundNs(s.timeNs));
      out.sbufBytes.push(s.sbufBytes);
      out.psumBytes.push(s.psumBytes);
    }
    return out;
  }
  const width = totalNs / max;
  // The value in force when a slice starts counts toward its peak, as do all changes inside it.
  let sbuf = 0;
  let psum = 0;
  let k = 0;
  for (let b = 0; b < max; b++) {
    const end = b + 1 === max ? Infinity : (b + 1) * width;
    let changed = false;
    while (k < samples.length && samples[k].timeNs <= b * width) {
      sbuf = samples[k].sbufBytes;
      psum = samples[k].psumBytes;
      changed = true;
      k++;
    }
    let sbufPeak = sbuf;
    let psumPeak = psum;
    while (k < samples.length && samples[k].timeNs < end) {
      sbuf = samples[k].sbufBytes;
      psum = samples[k].psumBytes;
      sbufPeak = Math.max(sbufPeak, sbuf);
      psumPeak = Math.max(psumPeak, psum);
      changed = true;
      k++;
    }
    if (!changed && out.timeNs.length > 0) continue;
    out.timeNs.push(roundNs(b * width));
    out.sbufBytes.push(sbufPeak);
    out.psumBytes.push(psumPeak);
  }
  return out;
}

/** The trace's loop-path tree restricted to the nodes instructions use (and their ancestors), renumbered densely. */
class LoopPathTable {
  readonly table: { parent: number[]; loop: number[]; iteration: number[] } = { parent: [-1], loop: [-1], iteration: [0] };
  readonly loops: DocumentLoop[] = [];
  private readonly nodeIds = new Map<number, number>([[0, 0]]);
  private readonly loopIds = new Map<number, number>();

  constructor(private readonly trace: Trace) {}

  idOf(node: number): number {
    const known = this.nodeIds.get(node);
    if (known !== undefined) return known;
    const parent = this.idOf(this.trace.pathParent(node));
    const frames = this.trace.pathFrames(node);
    const frame = frames[frames.length - 1];
    const id = this.table.parent.length;
    this.table.parent.push(parent);
    this.table.loop.push(this.loopIdOf(frame.loop));
    this.table.iteration.push(frame.iteration);
    this.nodeIds.set(node, id);
    return id;
  }

  private loopIdOf(loop: number): number {
    let id = this.loopIds.get(loop);
    if (id === undefined) {
      const l = this.trace.loop(loop);
      id = this.loops.length;
      this.loops.push({ kind: LOOP_KIND_NAMES[l.kind], file: l.file, line: l.line, tripCount: l.tripCount });
      this.loopIds.set(loop, id);
    }
    return id;
  }
}

/**
 * "reads → writes", each operand as `name: memory dtype[shape]` plus `pS:C` partitions on chip.
 * Shapes are the access pattern's sizes (partitions first on chip), not the whole tensor's.
 */
function operandDescriber(trace: Trace): (i: number) => string {
  const nameOf = new Map<number, string>();
  const tensorName = (t: number) => {
    let name = nameOf.get(t);
    if (name === undefined) {
      name = t < trace.tensorCount ? trace.tensor(t).name : "?";
      nameOf.set(t, name);
    }
    return name;
  };
  return (i) => {
    const reads: string[] = [];
    const writes: string[] = [];
    for (let k = 0, m = trace.operandCount(i); k < m; k++) {
      const o = trace.operand(i, k);
      const sizes: number[] = [];
      for (let d = 1; d < o.pattern.length; d += 2) sizes.push(o.pattern[d]);
      const onChip = o.memory !== Memory.Hbm;
      const shape = onChip ? [o.partCount, ...sizes] : sizes;
      const parts = onChip ? ` p${o.partStart}:${o.partCount}` : "";
      const text = `${tensorName(o.tensor)}: ${MEMORY_NAMES[o.memory]} ${dtypeByCode(o.dtype).name}[${shape.join(",")}]${parts}`;
      if ((o.access & Access.Read) !== 0) reads.push(text);
      if ((o.access & Access.Write) !== 0) writes.push(text);
    }
    return `${reads.join(", ")} → ${writes.join(", ")}`;
  };
}

/** The instruction table decoded for random access: typed arrays and CSR dependency offsets. */
export interface InstructionTable {
  readonly length: number;
  readonly startNs: Float64Array;
  readonly endNs: Float64Array;
  readonly track: Uint16Array;
  readonly engine: Uint8Array;
  readonly opcode: Uint32Array;
  readonly variant: Uint32Array;
  readonly file: Uint32Array;
  readonly line: Uint32Array;
  readonly waitedOn: Int32Array;
  readonly waitType: Int8Array;
  readonly waitNs: Float64Array;
  readonly flops: Float64Array;
  readonly readBytes: Float64Array;
  readonly writeBytes: Float64Array;
  readonly spmd: Uint32Array;
  readonly loopPath: Uint32Array;
  readonly operands: Uint32Array;
  /** Producers of instruction i are depOn[depStart[i] .. depStart[i + 1]). */
  readonly depStart: Uint32Array;
  readonly depOn: Uint32Array;
  readonly depType: Uint8Array;
  /** The wait each dependency caused: the instruction's wait for the producer it waited on, 0 for the others. */
  readonly depWaitNs: Float64Array;
}

export function decodeInstructions(doc: ProfileDocument): InstructionTable {
  const ins = doc.instructions;
  const n = ins.startNs.length;
  const deps = doc.dependencies;
  const depStart = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) depStart[i + 1] = depStart[i] + deps.count[i];
  const total = depStart[n];
  const depOn = new Uint32Array(total);
  const depWaitNs = new Float64Array(total);
  for (let i = 0; i < n; i++) {
    for (let k = depStart[i]; k < depStart[i + 1]; k++) {
      depOn[k] = i - deps.distance[k];
      if (depOn[k] === ins.waitedOn[i]) depWaitNs[k] = ins.waitNs[i];
    }
  }
  return {
    length: n,
    startNs: Float64Array.from(ins.startNs),
    endNs: Float64Array.from(ins.endNs),
    track: Uint16Array.from(ins.track),
    engine: Uint8Array.from(ins.engine),
    opcode: Uint32Array.from(ins.opcode),
    variant: Uint32Array.from(ins.variant),
    file: Uint32Array.from(ins.file),
    line: Uint32Array.from(ins.line),
    waitedOn: Int32Array.from(ins.waitedOn),
    waitType: Int8Array.from(ins.waitType),
    waitNs: Float64Array.from(ins.waitNs),
    flops: Float64Array.from(ins.flops),
    readBytes: Float64Array.from(ins.readBytes),
    writeBytes: Float64Array.from(ins.writeBytes),
    spmd: Uint32Array.from(ins.spmd),
    loopPath: Uint32Array.from(ins.loopPath),
    operands: Uint32Array.from(ins.operands),
    depStart,
    depOn,
    depType: Uint8Array.from(deps.type),
    depWaitNs,
  };
}

/** Total simulated time (ns) of a document. */
export function documentTotalNs(doc: ProfileDocument): number {
  return doc.metrics.total_time * 1e9;
}
