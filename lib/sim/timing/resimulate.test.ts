import { describe, expect, it } from "vitest";
import { psumBytesPerPartition, resolveTarget } from "../targets";
import { Engine, LoopKind, Memory } from "../trace/types";
import { resimulateTiming, sameScheduleInput, simulateTiming } from "./index";
import { rotationDependsOn } from "./from-trace";
import { TraceKit } from "./trace-kit";

/** Two sequential loops: the first carries nothing and reuses its tiles' addresses, the second touches no tile. */
function kernel(): TraceKit {
  const kit = new TraceKit();
  const a = kit.hbm("a", [512, 512]);
  const out = kit.hbm("out", [512, 512]);
  kit.loop(LoopKind.Sequential, 4, (i) => {
    const x = kit.tile(`x${i}`, Memory.Sbuf, [128, 512], "bfloat16", { at: 0 });
    kit.dma(x, { ...a, addr: a.addr + i * 128 * 512 * 2, shape: [128, 512] });
    kit.unary(Engine.Scalar, "activation", x, x, "exp");
    kit.dma({ ...out, addr: out.addr + i * 128 * 512 * 2, shape: [128, 512] }, x);
  });
  kit.loop(LoopKind.Sequential, 2, () => undefined);
  return kit;
}

const trn2 = resolveTarget("trn2");
const trn2Capacity = { sbufBytesPerPartition: trn2.sbufUsableBytesPerPartition, psumBytesPerPartition: psumBytesPerPartition(trn2) };

describe("resimulateTiming", () => {
  const trace = kernel().trace;
  const timed = simulateTiming(trace, "trn2");

  it("gives what simulating afresh with the same options gives", () => {
    for (const loops of [[0], [1], []]) {
      const options = { treatAsAffine: new Set(loops) };
      const what = resimulateTiming(timed, options);
      const fresh = simulateTiming(trace, "trn2", options);
      expect(what.timeline).toEqual(fresh.timeline);
      expect(what.spills).toEqual(fresh.spills);
      expect(what.costed.input).toEqual(fresh.costed.input);
    }
  });

  it("keeps the timeline when the rebuilt input is identical, and reschedules when it is not", () => {
    expect(rotationDependsOn(trace, new Set([0]))).toBe(true);
    expect(rotationDependsOn(trace, new Set([1]))).toBe(false);
    // Loop 1 rotates no tile: no rebuild at all; with capacity given, rebuilt and found equal.
    expect(resimulateTiming(timed, { treatAsAffine: new Set([1]) }).timeline).toBe(timed.timeline);
    expect(resimulateTiming(timed, { treatAsAffine: new Set([1]), capacity: trn2Capacity }).timeline).toBe(
      timed.timeline,
    );
    const overlapped = resimulateTiming(timed, { treatAsAffine: new Set([0]) });
    expect(sameScheduleInput(overlapped.costed.input, timed.costed.input)).toBe(false);
    expect(overlapped.timeline.totalNs).toBeLessThan(timed.timeline.totalNs);
  });
});
