/**
 * A fingerprint of everything a profile holds, section by section (SHA-256 of typed-array bytes and
 * of JSON, which prints every double in its shortest round-trip form): two profiles with equal
 * fingerprints are bitwise the same, and a difference names the section that changed.
 */

import { createHash } from "node:crypto";
import type { Profile } from "../profile";
import { criticalPath } from "../critical-path";

type Bytes = { readonly buffer: ArrayBufferLike; readonly byteOffset: number; readonly byteLength: number };

function digest(parts: readonly (Bytes | string)[]): string {
  const h = createHash("sha256");
  for (const p of parts) {
    if (typeof p === "string") h.update(p);
    else h.update(new Uint8Array(p.buffer, p.byteOffset, p.byteLength));
    h.update("|");
  }
  return h.digest("hex").slice(0, 24);
}

export type Fingerprint = Record<string, string>;

export function fingerprint(p: Profile): Fingerprint {
  const { timeline, costed, spills } = p.timed;
  const input = costed.input;
  const s = costed.operandSummary;
  const f = p.facts;
  return {
    timeline: digest([
      timeline.startNs, timeline.endNs, timeline.loadStartNs, timeline.waitedOn, timeline.waitType, timeline.waitNs, timeline.track,
      JSON.stringify([timeline.length, timeline.totalNs, timeline.throttleLossNs]),
    ]),
    spills: digest([JSON.stringify(spills)]),
    input: digest([
      input.kind, input.origin, input.engine, input.busyNs, input.loadNs, input.peMask, input.dmaRow, input.dmaPartStart,
      input.dmaPartCount, input.dmaPartitionNs, input.dmaHbmBytes, input.dmaQueue, input.depStart, input.depOn, input.depType,
      JSON.stringify([input.length, input.dmaEngines]),
    ]),
    costs: digest([
      costed.inputOf, costed.cycles, costed.dmaBytesPerPartition, s.partitions, s.elements, s.innerStrideBytes, s.bits,
      JSON.stringify([costed.spillSaveBytes, costed.spillReloadBytes, costed.rotatedDependencies, [...costed.treatAsAffine]]),
    ]),
    facts: digest([f.hbmRead, f.hbmWrite, f.sbufRead, f.sbufWrite, f.psumRead, f.psumWrite, f.partitions, f.elements, f.innerStrideBytes, f.bits, f.tensorFirstNs, f.tensorLastNs]),
    memory: digest([JSON.stringify(p.memory)]),
    metrics: digest([JSON.stringify(p.metrics)]),
    roofline: digest([JSON.stringify(p.roofline)]),
    insights: digest([JSON.stringify(p.insights)]),
    criticalPath: digest([JSON.stringify(criticalPath(p))]),
  };
}
