import { describe, expect, it } from "vitest";
import { psumBytesPerPartition, resolveTarget, TARGETS } from "./targets";

describe("targets", () => {
  it("gives each generation its SBUF size and common tile limits", () => {
    expect([TARGETS.trn1, TARGETS.trn2, TARGETS.trn3].map((t) => t.sbufBytesPerPartition)).toEqual([196_608, 229_376, 262_144]);
    expect(TARGETS.trn1.sbufUsableBytesPerPartition).toBe(180_224);
    for (const t of Object.values(TARGETS)) {
      expect([t.partitions, t.psumFmax, t.gemmStationaryFmax, t.gemmMovingFmax]).toEqual([128, 512, 128, 512]);
      expect(psumBytesPerPartition(t)).toBe(16_384);
      expect(t.dmaEngines).toBe(16);
    }
    expect(TARGETS.trn3.gemmMovingFmaxNcV4Bf16).toBe(8192);
  });

  it("resolves NEURON_PLATFORM_TARGET_OVERRIDE spellings and defaults to trn2", () => {
    expect(resolveTarget(undefined).name).toBe("trn2");
    expect(resolveTarget("inf2").name).toBe("trn1");
    expect(resolveTarget("gen4").name).toBe("trn3");
    expect(() => resolveTarget("trn9")).toThrow(/unknown target/);
  });
});
