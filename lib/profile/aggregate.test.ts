import { describe, expect, it } from "vitest";
import { lineCosts, windowSummary } from "./aggregate";
import { profileTrace } from "./profile";
import { TraceKit } from "../sim/timing/trace-kit";
import { Engine, Memory } from "../sim/trace/types";

function kernel() {
  const kit = new TraceKit();
  const x = kit.tile("x", Memory.Sbuf, [128, 2048], "float32");
  kit.at(10).dma(x, kit.hbm("X", [128, 2048], "float32"));
  kit.at(11);
  for (let k = 0; k < 3; k++) kit.unary(Engine.Scalar, "activation", kit.tile(`y${k}`, Memory.Sbuf, [128, 2048], "float32"), x, "exp");
  return profileTrace(kit.trace, "trn1");
}

describe("line costs", () => {
  it("groups instructions by source line with busy time per engine", () => {
    const p = kernel();
    const lines = lineCosts(p);
    expect(lines.map((l) => [l.line, l.instructions])).toEqual([[11, 3], [10, 1]]);
    expect(lines[0].busyNs.scalar).toBeCloseTo(3 * (2048 / 1.4), 6);
    expect(lines[0].indices).toEqual([1, 2, 3]);
    expect(lines[1].hbmBytes).toBe(128 * 2048 * 4);
    expect(lines[0].waitNs).toBeGreaterThan(0);
  });
});

describe("window summary", () => {
  it("recomputes engine activity and traffic for a time window", () => {
    const p = kernel();
    const t = p.timed.timeline;
    const whole = windowSummary(p, 0, t.totalNs);
    expect(whole.instructions).toBe(4);
    expect(whole.hbmBytes).toBeCloseTo(128 * 2048 * 4, 3);
    expect(whole.activePercent.scalar).toBeCloseTo(p.metrics.scalar_engine_active_time_percent, 6);
    // Only the exps run after the load has finished.
    const late = windowSummary(p, t.endNs[0] + 1e-3, t.totalNs);
    expect(late.activePercent.dma).toBe(0);
    expect(late.instructions).toBe(3);
    expect(late.activePercent.scalar).toBeGreaterThan(90);
  });
});
