/**
 * Writes fingerprint.golden.json: the fingerprints of the pinned kernels' profiles on every target,
 * as the code computes them now. A regression pin, not an oracle: regenerate only for an intended
 * change of the timing model or the profile, and say so in the commit.
 *
 *   npx tsx lib/profile/fingerprint/fingerprint.gen.ts
 */

import { writeFileSync } from "node:fs";
import { TARGETS } from "../../sim/timing";
import { profileTrace } from "../profile";
import { fingerprint, type Fingerprint } from "./fingerprint";
import { FINGERPRINT_KERNELS } from "./kernels";

const golden: Record<string, Fingerprint> = {};
for (const [name, build] of Object.entries(FINGERPRINT_KERNELS)) {
  for (const target of TARGETS) golden[`${name}/${target}`] = fingerprint(profileTrace(build(target), target));
}
writeFileSync(new URL("./fingerprint.golden.json", import.meta.url), JSON.stringify(golden, null, 2) + "\n");
console.log(`${Object.keys(golden).length} fingerprints written`);
