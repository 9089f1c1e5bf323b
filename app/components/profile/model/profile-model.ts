/**
 * Everything the viewer derives once from a ProfileDocument: the decoded instruction table, the
 * per-track index for drawing and hit testing, per-line instruction lists and costs, and the
 * queries the panels run (instruction details, range summaries, filter matches).
 */

import { DOC_NO_WAIT, DOC_WAIT_NAMES, decodeInstructions, type InstructionTable, type ProfileDocument } from "../../../../lib/profile/document";
import { buildTrackIndex, type TrackIndex } from "../timeline/track-index";
import { opcodeClass } from "./colors";
import type { FilterFields } from "./filter";

export interface ProfileModel {
  readonly doc: ProfileDocument;
  readonly table: InstructionTable;
  readonly totalNs: number;
  readonly index: TrackIndex;
  /** Tracks that hold at least one instruction or spill, in display order. */
  readonly rows: readonly number[];
  readonly opcodeClassOf: Uint8Array;
  /** The source file most instructions point at (the kernel's file). */
  readonly mainFile: string;
  /** Instruction indices per "file:line", in program order. */
  readonly byLine: ReadonlyMap<string, Uint32Array>;
  readonly lineCosts: readonly LineCost[];
}

export interface LineCost {
  readonly file: string;
  readonly line: number;
  readonly instructions: number;
  readonly busyNs: number;
  readonly waitNs: number;
}

export const lineKey = (file: string, line: number) => `${file}:${line}`;

export function buildModel(doc: ProfileDocument): ProfileModel {
  const table = decodeInstructions(doc);
  const n = table.length;
  const index = buildTrackIndex(doc.tracks.length, table.track, table.startNs, table.endNs);
  const used = new Set<number>();
  for (let t = 0; t < doc.tracks.length; t++) if (index.members[t].length > 0) used.add(t);
  for (const s of doc.spills) used.add(s.track);
  // Numeric keys in the per-instruction loop: building a string per instruction costs more than the rest.
  const classOfOpcode = new Map<number, number>();
  const opcodeClassOf = new Uint8Array(n);
  const groups = new Map<number, { file: number; line: number; list: number[]; busyNs: number; waitNs: number }>();
  const fileCounts = new Uint32Array(doc.strings.length);
  for (let i = 0; i < n; i++) {
    const opKey = table.engine[i] * doc.strings.length + table.opcode[i];
    let cls = classOfOpcode.get(opKey);
    if (cls === undefined) {
      cls = opcodeClass(doc.engines[table.engine[i]], doc.strings[table.opcode[i]]);
      classOfOpcode.set(opKey, cls);
    }
    opcodeClassOf[i] = cls;
    fileCounts[table.file[i]]++;
    const lineId = table.file[i] * 0x100000000 + table.line[i];
    let g = groups.get(lineId);
    if (!g) groups.set(lineId, (g = { file: table.file[i], line: table.line[i], list: [], busyNs: 0, waitNs: 0 }));
    g.list.push(i);
    g.busyNs += table.endNs[i] - table.startNs[i];
    g.waitNs += table.waitNs[i];
  }
  let mainFileId = -1;
  fileCounts.forEach((count, id) => {
    if (count > 0 && (mainFileId < 0 || count > fileCounts[mainFileId])) mainFileId = id;
  });
  const mainFile = mainFileId >= 0 ? doc.strings[mainFileId] : (doc.sources[0]?.file ?? "");
  const byLine = new Map<string, Uint32Array>();
  const lineCosts: LineCost[] = [];
  for (const g of groups.values()) {
    const file = doc.strings[g.file];
    byLine.set(lineKey(file, g.line), Uint32Array.from(g.list));
    lineCosts.push({ file, line: g.line, instructions: g.list.length, busyNs: g.busyNs, waitNs: g.waitNs });
  }
  return {
    doc,
    table,
    totalNs: doc.metrics.total_time * 1e9,
    index,
    rows: [...used].sort((a, b) => a - b),
    opcodeClassOf,
    mainFile,
    byLine,
    lineCosts: lineCosts.sort((a, b) => b.busyNs - a.busyNs || a.line - b.line),
  };
}

export function filterFields(m: ProfileModel, i: number): FilterFields {
  const { doc, table } = m;
  return {
    opcode: doc.strings[table.opcode[i]],
    variant: doc.strings[table.variant[i]],
    engine: doc.engines[table.engine[i]],
    track: doc.tracks[table.track[i]],
    line: table.line[i],
  };
}

/** Instruction indices matching a predicate, in program order. */
export function matching(m: ProfileModel, predicate: (f: FilterFields) => boolean): Uint32Array {
  const out: number[] = [];
  for (let i = 0; i < m.table.length; i++) if (predicate(filterFields(m, i))) out.push(i);
  return Uint32Array.from(out);
}

export function loopPathText(doc: ProfileDocument, node: number): string {
  const parts: string[] = [];
  for (let p = node; p > 0; p = doc.loopPaths.parent[p]) {
    const loop = doc.loops[doc.loopPaths.loop[p]];
    parts.unshift(`line ${loop.line} ${loop.kind} iteration ${doc.loopPaths.iteration[p]}/${loop.tripCount}`);
  }
  return parts.join(" › ");
}

export interface DependencyDetail {
  readonly on: number;
  readonly type: string;
  readonly waitNs: number;
  readonly opcode: string;
  readonly line: number;
  /** Consumer start − producer end (ns): how long before it was needed the producer finished. */
  readonly slackNs: number;
}

export interface InstructionDetails {
  readonly index: number;
  readonly opcode: string;
  readonly variant: string;
  readonly engine: string;
  readonly track: string;
  readonly operands: string;
  readonly file: string;
  readonly line: number;
  readonly startNs: number;
  readonly endNs: number;
  readonly durationNs: number;
  readonly readBytes: number;
  readonly writeBytes: number;
  readonly flops: number;
  readonly spmd: number;
  readonly loopPath: string;
  readonly waitNs: number;
  /** What set the start: a dependency type, "spill reload", or null (engine/queue order). */
  readonly waitReason: string | null;
  readonly dependencies: readonly DependencyDetail[];
}

export function instructionDetails(m: ProfileModel, i: number): InstructionDetails {
  const { doc, table } = m;
  const deps: DependencyDetail[] = [];
  for (let k = table.depStart[i]; k < table.depStart[i + 1]; k++) {
    const on = table.depOn[k];
    deps.push({
      on,
      type: DOC_WAIT_NAMES[table.depType[k]] ?? "?",
      waitNs: table.depWaitNs[k],
      opcode: doc.strings[table.opcode[on]],
      line: table.line[on],
      slackNs: table.startNs[i] - table.endNs[on],
    });
  }
  return {
    index: i,
    opcode: doc.strings[table.opcode[i]],
    variant: doc.strings[table.variant[i]],
    engine: doc.engines[table.engine[i]],
    track: doc.tracks[table.track[i]],
    operands: doc.strings[table.operands[i]],
    file: doc.strings[table.file[i]],
    line: table.line[i],
    startNs: table.startNs[i],
    endNs: table.endNs[i],
    durationNs: table.endNs[i] - table.startNs[i],
    readBytes: table.readBytes[i],
    writeBytes: table.writeBytes[i],
    flops: table.flops[i],
    spmd: table.spmd[i],
    loopPath: loopPathText(doc, table.loopPath[i]),
    waitNs: table.waitNs[i],
    waitReason: table.waitType[i] === DOC_NO_WAIT ? null : (DOC_WAIT_NAMES[table.waitType[i]] ?? null),
    dependencies: deps,
  };
}

export interface RangeSummary {
  readonly startNs: number;
  readonly endNs: number;
  /** Instructions overlapping the range. */
  readonly instructions: number;
  /** Busy share of the range per engine name, 0–100 (lanes of one engine merged). */
  readonly activePercent: Readonly<Record<string, number>>;
  /** Bytes read + written inside the range (prorated by overlap). */
  readonly bytes: number;
  /** TensorE FLOPs inside the range (prorated by overlap), the work MFU counts. */
  readonly flops: number;
  /** Most frequent opcodes in the range. */
  readonly topOpcodes: readonly { readonly opcode: string; readonly count: number }[];
}

/** Neuron Explorer's box-selection summary for [t0, t1]. */
export function rangeSummary(m: ProfileModel, t0: number, t1: number): RangeSummary {
  const { doc, table } = m;
  const lo = Math.min(t0, t1);
  const hi = Math.max(t0, t1);
  const width = hi - lo;
  const intervals = new Map<string, [number, number][]>();
  const opcodes = new Map<string, number>();
  const tensor = doc.engines.indexOf("tensor");
  let count = 0;
  let bytes = 0;
  let flops = 0;
  for (let i = 0; i < table.length; i++) {
    const s = table.startNs[i];
    const e = table.endNs[i];
    if (e < lo || s > hi || (e === lo && e > s)) continue;
    count++;
    const cs = Math.max(s, lo);
    const ce = Math.min(e, hi);
    const share = e > s ? (ce - cs) / (e - s) : 1;
    bytes += (table.readBytes[i] + table.writeBytes[i]) * share;
    if (table.engine[i] === tensor) flops += table.flops[i] * share;
    const engine = doc.engines[table.engine[i]];
    let list = intervals.get(engine);
    if (!list) intervals.set(engine, (list = []));
    list.push([cs, ce]);
    const op = doc.strings[table.opcode[i]];
    opcodes.set(op, (opcodes.get(op) ?? 0) + 1);
  }
  const activePercent: Record<string, number> = {};
  for (const engine of doc.engines) {
    const list = intervals.get(engine) ?? [];
    activePercent[engine] = width > 0 ? (100 * union(list)) / width : 0;
  }
  const topOpcodes = [...opcodes].map(([opcode, c]) => ({ opcode, count: c })).sort((a, b) => b.count - a.count || a.opcode.localeCompare(b.opcode)).slice(0, 5);
  return { startNs: lo, endNs: hi, instructions: count, activePercent, bytes, flops, topOpcodes };
}

function union(list: [number, number][]): number {
  list.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let cs = -Infinity;
  let ce = -Infinity;
  for (const [s, e] of list) {
    if (s > ce) {
      if (ce > cs) total += ce - cs;
      cs = s;
      ce = e;
    } else if (e > ce) ce = e;
  }
  if (ce > cs) total += ce - cs;
  return total;
}
