/**
 * A fingerprint of everything a profile holds, section by section (a 64-bit FNV-1a hash of
 * typed-array bytes and of JSON, which prints every double in its shortest round-trip form): equal
 * fingerprints mean bitwise-equal profiles up to hash collisions, and a difference names the section
 * that changed. Pure, like the rest of lib/profile.
 */

import type { Profile } from "../profile";
import { criticalPath } from "../critical-path";

type Bytes = { readonly buffer: ArrayBufferLike; readonly byteOffset: number; readonly byteLength: number };

/** FNV-1a over the bytes of each part (strings as UTF-16 code units), in two 32-bit lanes; 16 hex digits. */
export function digest(parts: readonly (Bytes | string)[]): string {
  let lo = 0x811c9dc5;
  let hi = 0xcbf29ce4;
  const mix = (byte: number) => {
    lo = Math.imul(lo ^ byte, 0x01000193) >>> 0;
    hi = Math.imul(hi ^ byte ^ (lo >>> 24), 0x01000193) >>> 0;
  };
  for (const p of parts) {
    if (typeof p === "string") {
      for (let k = 0; k < p.length; k++) {
        const c = p.charCodeAt(k);
        mix(c & 0xff);
        mix(c >>> 8);
      }
    } else {
      const bytes = new Uint8Array(p.buffer, p.byteOffset, p.byteLength);
      for (let k = 0; k < bytes.length; k++) mix(bytes[k]);
    }
    mix(0x7c);
  }
  return hi.toString(16).padStart(8, "0") + lo.toString(16).padStart(8, "0");
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
