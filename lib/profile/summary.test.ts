import { describe, expect, it } from "vitest";
import { compareProfiles, summaryHtml, summaryText } from "./summary";
import { timelineFigure } from "./timeline-figure";
import { profileTrace } from "./profile";
import { TraceKit } from "../sim/timing/trace-kit";
import { Engine, Memory } from "../sim/trace/types";

function kernel(parts: number) {
  const kit = new TraceKit();
  const x = kit.tile("x", Memory.Sbuf, [parts, 2048], "float32");
  kit.at(3).dma(x, kit.hbm("X", [parts, 2048], "float32"));
  kit.at(4);
  for (let k = 0; k < 4; k++) kit.unary(Engine.Vector, "tensor_scalar", kit.tile(`y${k}`, Memory.Sbuf, [parts, 2048], "float32"), x, "multiply");
  return profileTrace(kit.trace, "trn1");
}

describe("summaries", () => {
  const p = kernel(32);

  it("prints the key metrics, the insights and the no-noise note", () => {
    const text = summaryText(p);
    expect(text).toMatch(/^target +trn1 \(NC-v2, simulated\)/);
    expect(text).toContain("total_time");
    expect(text).toContain("Instructions use few partitions");
    expect(text).toContain("no run-to-run noise");
  });

  it("renders escaped HTML", () => {
    const html = summaryHtml(p);
    expect(html.startsWith('<div class="kernel-lab-profile"><table>')).toBe(true);
    expect(html).toContain("<ol><li><b>");
    expect(html).not.toContain("<script");
  });

  it("compares two profiles metric by metric", () => {
    const c = compareProfiles(kernel(32), kernel(128));
    const total = c.deltas.find((d) => d.name === "total_time")!;
    expect(total.delta).toBeCloseTo(total.after - total.before, 15);
    expect(c.speedup).toBeCloseTo(total.before / total.after, 12);
  });

  it("builds a Plotly timeline with a bar trace per track", () => {
    const fig = timelineFigure(p);
    expect(fig.data.map((t) => t.name)).toEqual(["vector", "qSyncIO0"]);
    expect(fig.data[0].x).toHaveLength(4);
    expect(fig.data[0].hovertext[0]).toContain("kernel.py:4");
    expect(fig.omitted).toBe(0);
    expect(timelineFigure(p, 2).omitted).toBe(3);
  });
});
