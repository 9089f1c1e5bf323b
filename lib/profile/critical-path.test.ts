import { describe, expect, it } from "vitest";
import { criticalPath } from "./critical-path";
import { profileTrace } from "./profile";
import { TraceKit } from "../sim/timing/trace-kit";
import { Engine, Memory } from "../sim/trace/types";

describe("critical path", () => {
  it("follows producers and engine order back from the last instruction", () => {
    const kit = new TraceKit();
    const x = kit.tile("x", Memory.Sbuf, [128, 2048], "float32");
    const load = kit.dma(x, kit.hbm("X", [128, 2048], "float32"));
    const a = kit.unary(Engine.Scalar, "activation", kit.tile("a", Memory.Sbuf, [128, 2048], "float32"), x, "exp");
    const b = kit.unary(Engine.Scalar, "activation", kit.tile("b", Memory.Sbuf, [128, 2048], "float32"), x, "exp");
    // An independent short VectorE op is not on the path.
    kit.unary(Engine.Vector, "tensor_copy", kit.tile("c", Memory.Sbuf, [128, 8], "float32"), kit.tile("d", Memory.Sbuf, [128, 8], "float32"));
    const path = criticalPath(profileTrace(kit.trace, "trn1"));
    expect(path.map((s) => s.index)).toEqual([load, a, b]);
    expect(path.map((s) => s.link)).toEqual(["dependency", "engine", "end"]);
  });
});
