/**
 * The scheduler works on schedule-input indices, which include the spill DMAs inserted between trace
 * records. This maps its timeline back onto trace indices and lists the spill transfers separately.
 */

import { InputKind } from "./schedule-input";
import type { CostedTrace } from "./from-trace";
import { NO_WAIT, type Timeline } from "./scheduler";

/** waitType of an instruction that waited for one of its operands to be reloaded from a spill. */
export const WAIT_SPILL_RELOAD = 3;
export const WAIT_NAMES = ["RAW", "WAR", "WAW", "spill reload"] as const;

export interface SpillEvent {
  readonly kind: "save" | "reload";
  /** The trace record the transfer serves (save: written by it; reload: read by it). */
  readonly origin: number;
  readonly startNs: number;
  readonly endNs: number;
  readonly bytes: number;
  readonly track: number;
}

export function projectTimeline(t: Timeline, costed: CostedTrace): { timeline: Timeline; spills: SpillEvent[] } {
  const { input, inputOf } = costed;
  const n = inputOf.length;
  // Without spill transfers the input is the trace, index for index: the timeline already is the projection.
  if (input.length === n) return { timeline: t, spills: [] };
  const out = {
    length: n,
    startNs: new Float64Array(n),
    endNs: new Float64Array(n),
    loadStartNs: new Float32Array(n),
    waitedOn: new Int32Array(n),
    waitType: new Uint8Array(n),
    waitNs: new Float32Array(n),
    track: new Uint8Array(n),
    totalNs: t.totalNs,
    throttleLossNs: t.throttleLossNs,
  };
  for (let i = 0; i < n; i++) {
    const j = inputOf[i];
    out.startNs[i] = t.startNs[j];
    out.endNs[i] = t.endNs[j];
    out.loadStartNs[i] = t.loadStartNs[j];
    out.track[i] = t.track[j];
    out.waitNs[i] = t.waitNs[j];
    const p = t.waitedOn[j];
    if (p < 0) {
      out.waitedOn[i] = -1;
      out.waitType[i] = NO_WAIT;
    } else if (input.kind[p] === InputKind.Trace) {
      out.waitedOn[i] = input.origin[p];
      out.waitType[i] = t.waitType[j];
    } else {
      out.waitedOn[i] = -1;
      out.waitType[i] = WAIT_SPILL_RELOAD;
    }
  }
  const spills: SpillEvent[] = [];
  for (let j = 0; j < input.length; j++) {
    const kind = input.kind[j];
    if (kind === InputKind.Trace) continue;
    spills.push({
      kind: kind === InputKind.SpillSave ? "save" : "reload",
      origin: input.origin[j],
      startNs: t.startNs[j],
      endNs: t.endNs[j],
      bytes: input.dmaHbmBytes[input.dmaRow[j]],
      track: t.track[j],
    });
  }
  return { timeline: out, spills };
}
