/**
 * Instruction table as CSV (RFC 4180: comma-separated, CRLF line ends, fields with commas, quotes
 * or line breaks quoted with doubled quotes), one row per instruction in program order.
 */

import { DEP_TYPE_NAMES, ENGINE_NAMES } from "../../sim/trace";
import { NO_WAIT, WAIT_NAMES } from "../../sim/timing";
import type { Profile } from "../profile";
import { layoutTracks } from "./tracks";
import { loopPathTexter } from "./perfetto";

export const CSV_COLUMNS = [
  "index", "engine", "track", "opcode", "variant", "start_ns", "end_ns", "duration_ns",
  "nki_source_location", "spmd_instance", "loop_path", "flops",
  "hbm_read_bytes", "hbm_write_bytes", "sbuf_read_bytes", "sbuf_write_bytes", "psum_read_bytes", "psum_write_bytes",
  "partitions", "waited_on", "wait_type", "wait_ns", "dependencies",
] as const;

export function csvField(value: string | number): string {
  const s = typeof value === "number" ? (Number.isInteger(value) ? String(value) : value.toFixed(3)) : value;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(profile: Profile): string {
  const { trace, timeline } = profile.timed;
  const f = profile.facts;
  const layout = layoutTracks(timeline, profile.timed.spills);
  const loopPathText = loopPathTexter(trace);
  const rows: string[] = [CSV_COLUMNS.join(",")];
  for (let i = 0; i < trace.length; i++) {
    const deps: string[] = [];
    for (let k = 0; k < trace.depCount(i); k++) deps.push(`${trace.depOn(i, k)}:${DEP_TYPE_NAMES[trace.depType(i, k)]}`);
    const waited = timeline.waitType[i] !== NO_WAIT;
    const row: (string | number)[] = [
      i,
      ENGINE_NAMES[trace.engine(i)],
      layout.names[layout.trackOf[i]],
      trace.opcode(i),
      trace.variant(i),
      timeline.startNs[i],
      timeline.endNs[i],
      timeline.endNs[i] - timeline.startNs[i],
      `${trace.file(i)}:${trace.line(i)}`,
      trace.spmdInstance(i),
      loopPathText(i),
      trace.flops(i),
      f.hbmRead[i], f.hbmWrite[i], f.sbufRead[i], f.sbufWrite[i], f.psumRead[i], f.psumWrite[i],
      f.partitions[i],
      waited ? timeline.waitedOn[i] : "",
      waited ? WAIT_NAMES[timeline.waitType[i]] : "",
      waited ? timeline.waitNs[i] : "",
      deps.join(" "),
    ];
    rows.push(row.map(csvField).join(","));
  }
  return rows.join("\r\n") + "\r\n";
}
