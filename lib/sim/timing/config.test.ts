import { describe, expect, it } from "vitest";
import { TARGETS, TIMING_CONFIGS, TIMING_SOURCES, describeConstant, type ConstantName } from "./config";

// Source keys resolved in the §10 table of /work/shared/reference/nki.md.
const REFERENCE_KEYS = [
  "ARCH-V2", "ARCH-V3", "ARCH-V4", "ISA226", "ISA-HEAD", "PERF", "DMA", "DMA-BW", "DGE", "EXPL-SUM",
  "TRN1-CHIP", "TRN2-CHIP", "TRN3-CHIP", "CS149-24",
];

describe("timing configuration", () => {
  it("gives every constant of every target a source, a calibration note or an assumption with a reason", () => {
    for (const target of TARGETS) {
      const names = Object.keys(TIMING_CONFIGS[target]).filter((k) => k !== "coreVersion") as ConstantName[];
      for (const name of names) {
        const source = TIMING_SOURCES[target][name];
        expect(source, `${target}.${name}`).toBeDefined();
        if (source.kind === "source") expect(REFERENCE_KEYS).toContain(source.key);
        if (source.kind === "assumed") expect(source.reason.length).toBeGreaterThan(20);
        if (source.kind === "calibrated") expect(source.against.length).toBeGreaterThan(20);
      }
      expect(Object.keys(TIMING_SOURCES[target]).sort()).toEqual(names.sort());
    }
  });

  it("matches the documented engine clocks per generation [ARCH-V2][ARCH-V3][ARCH-V4]", () => {
    expect([TIMING_CONFIGS.trn1.tensorClockGHz, TIMING_CONFIGS.trn1.vectorClockGHz, TIMING_CONFIGS.trn1.scalarClockGHz]).toEqual([2.8, 1.12, 1.4]);
    expect([TIMING_CONFIGS.trn2.tensorClockGHz, TIMING_CONFIGS.trn2.vectorClockGHz, TIMING_CONFIGS.trn2.scalarClockGHz]).toEqual([2.4, 0.96, 1.2]);
    expect([TIMING_CONFIGS.trn3.tensorClockGHz, TIMING_CONFIGS.trn3.vectorClockGHz, TIMING_CONFIGS.trn3.scalarClockGHz]).toEqual([2.4, 1.2, 1.2]);
  });

  it("peak bf16 TensorE rate follows from 128x128 PEs x 2 FLOP x clock (§4.5)", () => {
    for (const target of TARGETS) {
      const c = TIMING_CONFIGS[target];
      expect(Math.abs((2 * 128 * 128 * c.tensorClockGHz) / 1000 - c.peakBf16Tflops) / c.peakBf16Tflops).toBeLessThan(0.01);
    }
  });

  it("describes a constant with its provenance", () => {
    expect(describeConstant("trn2", "dmaEngineBytesPerNs")).toBe("dmaEngineBytesPerNs = 23 — [DMA-BW] §4.3 practical per-engine 17 / 23 / 33 B/ns for TRN1/2/3");
    expect(describeConstant("trn1", "syncClockGHz")).toMatch(/^syncClockGHz = 1.4 — assumed: /);
  });
});
