import { describe, expect, it } from "vitest";
import { Engine, LoopKind, Memory } from "../trace/types";
import { timingConfig } from "./config";
import { buildScheduleInput } from "./from-trace";
import { TraceKit } from "./trace-kit";

/** A sequential loop of loads, compute and stores, with one tile placed past SBUF capacity (spilled). */
function kernel(): { kit: TraceKit; loop: number } {
  const kit = new TraceKit();
  const a = kit.hbm("a", [512, 512]);
  const out = kit.hbm("out", [512, 512]);
  kit.loop(LoopKind.Sequential, 4, (i) => {
    const x = kit.tile(`x${i}`, Memory.Sbuf, [128, 512], "bfloat16");
    const y = kit.tile(`y${i}`, Memory.Sbuf, [128, 512], "bfloat16", { at: 200_000 });
    kit.dma(x, { ...a, addr: a.addr + i * 128 * 512 * 2, shape: [128, 512] });
    kit.unary(Engine.Scalar, "activation", y, x, "exp");
    kit.binary(Engine.Vector, "tensor_tensor", x, x, y);
    kit.dma({ ...out, addr: out.addr + i * 128 * 512 * 2, shape: [128, 512] }, x);
  });
  return { kit, loop: 0 };
}

describe("buildScheduleInput with costsOf", () => {
  it("reuses an earlier build's costs and gives the same input as costing afresh", () => {
    const cfg = timingConfig("trn2");
    const capacity = { sbufBytesPerPartition: 180_224, psumBytesPerPartition: 16_384 };
    const { kit, loop } = kernel();
    const base = buildScheduleInput(cfg, kit.trace, { capacity });
    const whatIf = { capacity, treatAsAffine: new Set([loop]) };
    const fresh = buildScheduleInput(cfg, kit.trace, whatIf);
    const reused = buildScheduleInput(cfg, kit.trace, { ...whatIf, costsOf: base });
    expect(fresh.spillSaveBytes).toBeGreaterThan(0);
    expect(fresh.rotatedDependencies).toBeGreaterThan(base.rotatedDependencies);
    expect(reused).toEqual(fresh);
  });
});
