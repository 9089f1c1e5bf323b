import { describe, expect, it } from "vitest";
import { Engine, LoopKind, Memory } from "../trace/types";
import { timingConfig } from "./config";
import { dmaCost } from "./dma-cost";
import { engineCost } from "./engine-cost";
import { buildScheduleInput } from "./from-trace";
import { TraceKit } from "./trace-kit";

/**
 * A sequential loop of loads, compute and stores, with one tile placed in the spill region. With
 * `table`, a tile loaded before the loop and read after it is live throughout.
 */
function kernel(table = false): { kit: TraceKit; loop: number } {
  const kit = new TraceKit();
  const a = kit.hbm("a", [512, 512]);
  const out = kit.hbm("out", [512, 512]);
  const t = kit.tile("table", Memory.Sbuf, [128, 512], "bfloat16", { at: 201_024 });
  if (table) kit.dma(t, { ...a, shape: [128, 512] });
  kit.loop(LoopKind.Sequential, 4, (i) => {
    const x = kit.tile(`x${i}`, Memory.Sbuf, [128, 512], "bfloat16");
    const y = kit.tile(`y${i}`, Memory.Sbuf, [128, 512], "bfloat16", { at: 200_000 });
    kit.dma(x, { ...a, addr: a.addr + i * 128 * 512 * 2, shape: [128, 512] });
    kit.unary(Engine.Scalar, "activation", y, x, "exp");
    kit.binary(Engine.Vector, "tensor_tensor", x, x, y);
    kit.dma({ ...out, addr: out.addr + i * 128 * 512 * 2, shape: [128, 512] }, x);
  });
  if (table) kit.dma({ ...out, shape: [128, 512] }, t);
  return { kit, loop: 0 };
}

describe("buildScheduleInput with costsOf", () => {
  it("reuses an earlier build's costs and gives the same input as costing afresh", () => {
    const cfg = timingConfig("trn2");
    // 2.5 KiB per partition cannot hold the table beside an iteration's two 1 KiB tiles: it spills.
    const capacity = { sbufBytesPerPartition: 2560, psumBytesPerPartition: 16_384 };
    const { kit, loop } = kernel(true);
    const base = buildScheduleInput(cfg, kit.trace, { capacity });
    const whatIf = { capacity, treatAsAffine: new Set([loop]) };
    const fresh = buildScheduleInput(cfg, kit.trace, whatIf);
    const reused = buildScheduleInput(cfg, kit.trace, { ...whatIf, costsOf: base });
    expect(fresh.spillSaveBytes).toBeGreaterThan(0);
    expect(fresh.rotatedDependencies).toBeGreaterThan(base.rotatedDependencies);
    expect(reused).toEqual(fresh);
  });
});

describe("buildScheduleInput costing", () => {
  it("costs every record as the cost formulas do, though repeated shapes are costed once", () => {
    const cfg = timingConfig("trn2");
    const { kit } = kernel();
    const trace = kit.trace;
    const costed = buildScheduleInput(cfg, trace);
    expect(trace.sameShape(0, 4)).toBe(true);
    for (let i = 0; i < trace.length; i++) {
      const instr = { engine: trace.engine(i), opcode: trace.opcode(i), variant: trace.variant(i), flags: trace.flags(i), operands: trace.operands(i) };
      const j = costed.inputOf[i];
      if (instr.engine === Engine.Dma) {
        const c = dmaCost(cfg, instr);
        const row = costed.input.dmaRow[j];
        expect([costed.input.dmaPartitionNs[row], costed.input.dmaPartCount[row], costed.input.dmaHbmBytes[row], costed.input.dmaQueue[row]]).toEqual([
          c.partitionNs,
          c.partCount,
          c.hbmBytes,
          c.queue,
        ]);
        expect(costed.dmaBytesPerPartition[i]).toBe(c.bytesPerPartition);
      } else {
        expect(costed.cycles[i]).toBe(engineCost(cfg, instr).cycles);
      }
    }
  });
});
