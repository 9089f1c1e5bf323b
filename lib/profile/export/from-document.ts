/**
 * Perfetto (Chrome trace-event JSON) and CSV exports computed from a ProfileDocument, so the browser
 * can export a stored profile without the trace it came from. Same track names, event names and
 * source locations as `toPerfetto` / `toCsv`; times are the document's (picosecond-rounded).
 */

import { DOC_NO_WAIT, DOC_WAIT_NAMES, decodeInstructions, type ProfileDocument } from "../document";
import type { PerfettoTrace, TraceEvent } from "./perfetto";
import { csvField } from "./csv";

const PID = 1;
const us = (ns: number) => ns / 1000;

/** "loop-line:iteration/…" for a loop-path node (outermost first). */
function loopPathLabel(doc: ProfileDocument, node: number): string {
  const parts: string[] = [];
  for (let p = node; p > 0; p = doc.loopPaths.parent[p]) parts.unshift(`${doc.loops[doc.loopPaths.loop[p]].line}:${doc.loopPaths.iteration[p]}`);
  return parts.join("/");
}

export function perfettoFromDocument(doc: ProfileDocument): PerfettoTrace {
  const t = decodeInstructions(doc);
  const events: TraceEvent[] = [{ name: "process_name", ph: "M", pid: PID, args: { name: `NeuronCore ${doc.coreVersion} (${doc.target}, simulated)` } }];
  doc.tracks.forEach((name, tid) => {
    events.push({ name: "thread_name", ph: "M", pid: PID, tid, args: { name } });
    events.push({ name: "thread_sort_index", ph: "M", pid: PID, tid, args: { sort_index: tid } });
  });
  for (let i = 0; i < t.length; i++) {
    const args: Record<string, string | number> = { index: i, nki_source_location: `${doc.strings[t.file[i]]}:${t.line[i]}` };
    const counts: [string, number][] = [["flops", t.flops[i]], ["read_bytes", t.readBytes[i]], ["write_bytes", t.writeBytes[i]], ["spmd_instance", t.spmd[i]]];
    for (const [k, v] of counts) if (v !== 0) args[k] = v;
    const variant = doc.strings[t.variant[i]];
    if (variant) args.variant = variant;
    const operands = doc.strings[t.operands[i]];
    if (operands) args.operands = operands;
    const path = loopPathLabel(doc, t.loopPath[i]);
    if (path) args.loop_path = path;
    if (t.waitType[i] !== DOC_NO_WAIT) {
      args.waited_on = t.waitedOn[i];
      args.wait_type = DOC_WAIT_NAMES[t.waitType[i]];
      args.wait_ns = t.waitNs[i];
    }
    events.push({ name: doc.strings[t.opcode[i]], ph: "X", ts: us(t.startNs[i]), dur: us(t.endNs[i] - t.startNs[i]), pid: PID, tid: t.track[i], cat: doc.engines[t.engine[i]], args });
  }
  for (const sp of doc.spills) {
    events.push({
      name: sp.kind === "save" ? "spill_save" : "spill_reload", ph: "X", ts: us(sp.startNs), dur: us(sp.endNs - sp.startNs), pid: PID, tid: sp.track, cat: "dma",
      args: { for_index: sp.origin, bytes: sp.bytes, nki_source_location: `${doc.strings[t.file[sp.origin]]}:${t.line[sp.origin]}` },
    });
  }
  let flowId = 0;
  for (let i = 0; i < t.length; i++) {
    const p = t.waitedOn[i];
    if (p < 0) continue;
    const id = ++flowId;
    const cat = DOC_WAIT_NAMES[t.waitType[i]] ?? "dependency";
    events.push({ name: "dependency", ph: "s", id, cat, ts: us(t.startNs[p]), pid: PID, tid: t.track[p] });
    events.push({ name: "dependency", ph: "f", bp: "e", id, cat, ts: us(t.startNs[i]), pid: PID, tid: t.track[i] });
  }
  doc.occupancy.timeNs.forEach((ns, k) => {
    events.push({ name: "SBUF bytes per partition", ph: "C", ts: us(ns), pid: PID, args: { bytes: doc.occupancy.sbufBytes[k] } });
    events.push({ name: "PSUM bytes per partition", ph: "C", ts: us(ns), pid: PID, args: { bytes: doc.occupancy.psumBytes[k] } });
  });
  return { traceEvents: events, displayTimeUnit: "ns", otherData: { generator: "Kernel Lab timing model", target: doc.target } };
}

export const DOCUMENT_CSV_COLUMNS = [
  "index", "engine", "track", "opcode", "variant", "start_ns", "end_ns", "duration_ns", "nki_source_location", "spmd_instance",
  "loop_path", "flops", "read_bytes", "write_bytes", "operands", "waited_on", "wait_type", "wait_ns", "dependencies",
] as const;

/** One RFC 4180 row per instruction (CRLF line ends), program order. */
export function csvFromDocument(doc: ProfileDocument): string {
  const t = decodeInstructions(doc);
  const rows: string[] = [DOCUMENT_CSV_COLUMNS.join(",")];
  for (let i = 0; i < t.length; i++) {
    const deps: string[] = [];
    for (let k = t.depStart[i]; k < t.depStart[i + 1]; k++) deps.push(`${t.depOn[k]}:${DOC_WAIT_NAMES[t.depType[k]]}`);
    const waited = t.waitType[i] !== DOC_NO_WAIT;
    const row: (string | number)[] = [
      i, doc.engines[t.engine[i]], doc.tracks[t.track[i]], doc.strings[t.opcode[i]], doc.strings[t.variant[i]],
      t.startNs[i], t.endNs[i], t.endNs[i] - t.startNs[i], `${doc.strings[t.file[i]]}:${t.line[i]}`, t.spmd[i],
      loopPathLabel(doc, t.loopPath[i]), t.flops[i], t.readBytes[i], t.writeBytes[i], doc.strings[t.operands[i]],
      waited && t.waitedOn[i] >= 0 ? t.waitedOn[i] : "", waited ? DOC_WAIT_NAMES[t.waitType[i]] : "", waited ? t.waitNs[i] : "", deps.join(" "),
    ];
    rows.push(row.map(csvField).join(","));
  }
  return rows.join("\r\n") + "\r\n";
}
