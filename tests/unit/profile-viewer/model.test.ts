import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureProfile, FIXTURE_SHAPES, FIXTURE_FILE } from "../../../app/dev/profile/fixture";
import { buildModel, instructionDetails, lineKey, matching, rangeSummary } from "../../../app/components/profile/model/profile-model";
import { childrenOf, rootNode } from "../../../app/components/profile/model/hierarchy";
import { parseFilter } from "../../../app/components/profile/model/filter";
import { dmaSizeHistogram, engineBars, hbmBreakdown, insightDiffs, metricDeltas } from "../../../app/components/profile/model/summary-data";
import { arcPath, downsampleSteps, logScale, stepPoints } from "../../../app/components/profile/model/chart-geometry";
import { notModelledFromMarkdown } from "../../../app/components/profile/model/timing-notes";
import { lineCosts, windowSummary } from "../../../lib/profile";

const { profile, document: doc } = fixtureProfile(FIXTURE_SHAPES.small, "trn2");
const model = buildModel(doc);
const trace = profile.timed.trace;

describe("profile model", () => {
  it("lists each source line's instructions and cost like the profiler's own line aggregation", () => {
    const reference = lineCosts(profile);
    expect(model.lineCosts.length).toBe(reference.length);
    for (const r of reference) {
      const mine = model.lineCosts.find((c) => c.file === r.file && c.line === r.line)!;
      expect(mine.instructions).toBe(r.instructions);
      // Document times are rounded to the picosecond: sums may differ by a picosecond per instruction.
      expect(Math.abs(mine.busyNs - Object.values(r.busyNs).reduce((s, x) => s + x, 0))).toBeLessThanOrEqual(0.001 * r.instructions);
      expect(Math.abs(mine.waitNs - r.waitNs)).toBeLessThanOrEqual(0.001 * r.instructions);
      expect(Array.from(model.byLine.get(lineKey(r.file, r.line))!)).toEqual(r.indices);
    }
    expect(model.mainFile).toBe(FIXTURE_FILE);
  });

  it("shows only tracks that carry work", () => {
    const used = new Set(doc.instructions.track);
    expect(model.rows.every((t) => used.has(t) || doc.spills.some((s) => s.track === t))).toBe(true);
    expect(model.rows.map((t) => doc.tracks[t])).toContain("tensor");
  });

  it("summarises a time range like the profiler's window summary", () => {
    const total = model.totalNs;
    for (const [t0, t1] of [[0, total], [total * 0.25, total * 0.6], [1000, 1500]]) {
      const mine = rangeSummary(model, t0, t1);
      const ref = windowSummary(profile, t0, t1);
      expect(mine.instructions).toBe(ref.instructions);
      for (const engine of doc.engines) expect(mine.activePercent[engine]).toBeCloseTo(ref.activePercent[engine], 3);
      expect(Math.abs(mine.flops - ref.flops)).toBeLessThanOrEqual(1e-6 * ref.flops + 1);
    }
  });

  it("describes an instruction with its dependencies, the wait each caused and its loop path", () => {
    const i = [...Array(trace.length).keys()].find((k) => profile.timed.timeline.waitedOn[k] >= 0 && profile.timed.timeline.waitNs[k] > 0)!;
    const d = instructionDetails(model, i);
    expect(d.opcode).toBe(trace.opcode(i));
    expect(d.line).toBe(trace.line(i));
    expect(d.dependencies.map((x) => x.on)).toEqual(trace.dependencies(i).map((x) => x.on));
    const waited = d.dependencies.find((x) => x.on === profile.timed.timeline.waitedOn[i])!;
    expect(waited.waitNs).toBeCloseTo(profile.timed.timeline.waitNs[i], 3);
    expect(d.dependencies.filter((x) => x !== waited).every((x) => x.waitNs === 0)).toBe(true);
    expect(d.loopPath).toMatch(/^line 11 affine_range iteration \d\/2/);
  });
});

describe("hierarchy", () => {
  const root = rootNode(model);

  it("splits the kernel into its outer loop's iterations, each covering its instructions exactly once", () => {
    const kids = childrenOf(model, root);
    const iterations = kids.filter((k) => k.kind === "iteration");
    expect(iterations.map((k) => k.label)).toEqual(["line 11 affine_range iteration 0 of 2", "line 11 affine_range iteration 1 of 2"]);
    const covered = kids.reduce((s, k) => s + k.instructions.length, 0);
    expect(covered).toBe(trace.length);
    expect(kids.reduce((s, k) => s + k.busyNs, 0)).toBeCloseTo(root.busyNs, 6);
  });

  it("ends in source lines whose children are single instructions", () => {
    let node = childrenOf(model, root)[0];
    while (node.kind === "iteration") node = childrenOf(model, node).find((k) => k.kind === "line") ?? childrenOf(model, node)[0];
    expect(node.kind).toBe("line");
    const leaves = childrenOf(model, node);
    expect(leaves.every((l) => l.kind === "instruction" && l.instructions.length === 1 && l.line === node.line)).toBe(true);
    expect(childrenOf(model, node, 1)).toHaveLength(1);
  });
});

describe("filter", () => {
  const f = (opcode: string, engine: string, line: number) => ({ opcode, variant: "", engine, track: engine, line });

  it("matches opcode, engine and line terms, all of which must hold", () => {
    const p = parseFilter("engine:dma line:15-16")!;
    expect(p(f("dma_copy", "dma", 15))).toBe(true);
    expect(p(f("dma_copy", "dma", 17))).toBe(false);
    expect(p(f("nc_matmul", "tensor", 15))).toBe(false);
    expect(parseFilter("MATMUL")!(f("nc_matmul", "tensor", 3))).toBe(true);
    expect(parseFilter("17")!(f("nc_matmul", "tensor", 17))).toBe(true);
    expect(parseFilter("   ")).toBeNull();
  });

  it("selects the matching instructions of a profile", () => {
    const matmuls = matching(model, parseFilter("opcode:nc_matmul")!);
    expect(matmuls.length).toBe(doc.metrics.matmul_instruction_count);
  });
});

describe("summary numbers", () => {
  it("takes engine activity from the metrics", () => {
    const bars = engineBars(doc);
    expect(bars.find((b) => b.name === "tensor")!.percent).toBe(doc.metrics.tensor_engine_active_time_percent);
    expect(bars.find((b) => b.name === "dma")!.instructions).toBe(doc.metrics.dma_transfer_count);
  });

  it("splits HBM bandwidth into read, write and idle shares that add up to 100%", () => {
    const slices = hbmBreakdown(doc);
    const m = doc.metrics;
    expect(slices.reduce((s, x) => s + x.percent, 0)).toBeCloseTo(100, 9);
    expect(slices[0].percent).toBeCloseTo((100 * m.hbm_read_bytes) / (m.sim_peak_hbm_bandwidth * m.total_time), 9);
  });

  it("bins every DMA transfer by size", () => {
    const bins = dmaSizeHistogram(model);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(doc.metrics.dma_transfer_count);
    // 128x128 bf16 loads (32 KiB) and 128x512 bf16 loads (128 KiB).
    expect(bins.find((b) => b.lo === 32768)!.count).toBeGreaterThan(0);
  });

  it("compares two targets: trn3 is faster on this kernel and the deltas say so", () => {
    const trn3 = fixtureProfile(FIXTURE_SHAPES.small, "trn3").document;
    const rows = metricDeltas(doc, trn3);
    const total = rows.find((r) => r.label === "total time")!;
    expect(total.a).toBeCloseTo(doc.metrics.total_time * 1e6, 9);
    expect(total.b).toBeLessThan(total.a);
    expect(total.better).toBe(true);
    const ids = insightDiffs(doc, trn3).map((d) => d.id);
    expect(new Set(ids)).toEqual(new Set([...doc.insights, ...trn3.insights].map((i) => i.id)));
  });
});

describe("chart geometry and notes", () => {
  it("draws a half doughnut from 12 to 6 o'clock", () => {
    expect(arcPath(50, 50, 40, 20, 0, 0.5)).toBe("M 50.00 10.00 A 40 40 0 0 1 50.00 90.00 L 50.00 70.00 A 20 20 0 0 0 50.00 30.00 Z");
  });

  it("maps decades evenly on a log scale and draws steps", () => {
    const s = logScale(1, 1000, 0, 300);
    expect(s(10)).toBeCloseTo(100, 9);
    expect(s(100)).toBeCloseTo(200, 9);
    expect(stepPoints([0, 10], [5, 7], 20)).toBe("0.0,5.0 10.0,5.0 10.0,7.0 20.0,7.0");
  });

  it("reduces a long step series to one step per bucket, keeping each bucket's peak", () => {
    const times = Array.from({ length: 1000 }, (_, k) => k);
    const values = times.map((t) => (t === 501 ? 99 : t % 7));
    const d = downsampleSteps(times, [values], 1000, 10);
    expect(d.timeNs).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
    expect(d.series[0][5]).toBe(99);
    expect(d.series[0][0]).toBe(6);
    const short = downsampleSteps([0, 5], [[1, 2]], 10, 10);
    expect(short).toEqual({ timeNs: [0, 5], series: [[1, 2]] });
  });

  it("reads what the timing model does not model from its documentation", () => {
    const notes = notModelledFromMarkdown(readFileSync(join(import.meta.dirname, "../../../docs/timing-model.md"), "utf8"));
    expect(notes.length).toBeGreaterThanOrEqual(5);
    expect(notes[0]).toMatch(/^No comparison against hardware/);
    expect(notes.some((n) => n.includes("Multiple NeuronCores"))).toBe(true);
    expect(notes.every((n) => !n.includes("`"))).toBe(true);
  });
});
