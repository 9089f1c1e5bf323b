/**
 * Pins the exact profiles (timeline, schedule input, costs, facts, memory, metrics, insights,
 * critical path) of kernels that cover the timing model and profiler on every target, so
 * optimisations provably change nothing. Golden: fingerprint.gen.ts.
 */
import { describe, expect, it } from "vitest";
import { TARGETS } from "../../sim/timing";
import { profileTrace } from "../profile";
import { fingerprint, type Fingerprint } from "./fingerprint";
import { FINGERPRINT_KERNELS } from "./kernels";
import golden from "./fingerprint.golden.json";

const expected = golden as Record<string, Fingerprint>;

describe("profile fingerprints", () => {
  for (const [name, build] of Object.entries(FINGERPRINT_KERNELS)) {
    for (const target of TARGETS) {
      it(`${name} on ${target} profiles bit-identically to the pinned run`, () => {
        expect(fingerprint(profileTrace(build(target), target))).toEqual(expected[`${name}/${target}`]);
      });
    }
  }
});
