/**
 * Profile and export cost on the 4096x8192x8192 bf16 blocked matmul trace (67,584 instructions):
 * timing + metrics + insights, then Perfetto JSON, CSV and the notebook profile document.
 *
 *   node --import tsx lib/profile/bench/profile.bench.ts [trn1|trn2|trn3]
 */

import { performance } from "node:perf_hooks";
import type { TargetName } from "../../sim/timing";
import { blockedMatmul } from "../../sim/timing/bench/blocked-matmul";
import { profileDocument, profileTrace, toCsv, toPerfetto } from "..";

const target = (process.argv[2] ?? "trn1") as TargetName;
const trace = blockedMatmul().trace;
const time = <T>(label: string, f: () => T): T => {
  const t0 = performance.now();
  const out = f();
  console.log(`  ${label.padEnd(34)} ${(performance.now() - t0).toFixed(0)} ms`);
  return out;
};
console.log(`target ${target}: ${trace.length} instructions`);
const p = time("profileTrace (timing+metrics+insights)", () => profileTrace(trace, target));
const perfetto = time("toPerfetto + JSON.stringify", () => JSON.stringify(toPerfetto(p)));
const csv = time("toCsv", () => toCsv(p));
const doc = time("profileDocument + JSON.stringify", () => JSON.stringify(profileDocument(p)));
console.log(`  sizes: Perfetto ${(perfetto.length / 1e6).toFixed(1)} MB, CSV ${(csv.length / 1e6).toFixed(1)} MB, document ${(doc.length / 1e6).toFixed(1)} MB`);
console.log(`  total_time ${(p.metrics.total_time * 1e6).toFixed(0)} µs, MFU ${p.metrics.mfu_estimated_percent.toFixed(1)}%, insights: ${p.insights.map((i) => i.id).join(", ")}`);
