import { describe, expect, it } from "vitest";
import { dtype } from "../dtypes";
import { NkiError } from "../errors";
import { Machine } from "../machine";
import { fullView } from "../memory/tensor";
import { DepType, LoopKind, Memory } from "../trace/types";
import { memset } from "./elementwise";

const f32 = dtype("float32");

function tile(m: Machine, name: string) {
  return fullView(m.allocOnChip(name, Memory.Sbuf, [128, 64], f32));
}

function raceCode(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof NkiError) return e.code;
    throw e;
  }
}

describe("affine_range write races", () => {
  it("lets each iteration's fresh tile reuse the previous iteration's bytes (a WAW dependency, no race)", () => {
    const m = new Machine({ target: "trn2", mode: "timing-only" });
    m.beginLoop(LoopKind.Affine, 3);
    for (let i = 0; i < 3; i++) {
      m.setIteration(i);
      memset(m, tile(m, "t"), i);
    }
    m.endLoop();
    const t = m.trace;
    const last = t.length - 1;
    expect(t.dependencies(last)).toContainEqual({ on: last - 1, type: DepType.Waw });
    expect(t.operandTensor(last, 0)).not.toBe(t.operandTensor(last - 1, 0));
  });

  it("lets one iteration overwrite its own tile", () => {
    const m = new Machine({ target: "trn2", mode: "timing-only" });
    m.beginLoop(LoopKind.Affine, 2);
    for (let i = 0; i < 2; i++) {
      m.setIteration(i);
      const x = tile(m, "x");
      memset(m, x, 0);
      memset(m, x, 1);
    }
    m.endLoop();
    expect(m.trace.length).toBe(4);
  });

  it("raises when two inner iterations overwrite a tile of the enclosing iteration", () => {
    const m = new Machine({ target: "trn2", mode: "timing-only" });
    m.beginLoop(LoopKind.Affine, 2);
    m.setIteration(0);
    const acc = tile(m, "acc");
    m.beginLoop(LoopKind.Affine, 2);
    m.setIteration(0);
    memset(m, acc, 0);
    m.setIteration(1);
    expect(raceCode(() => memset(m, acc, 1))).toBe("err_unexpected_output_dependencies");
  });

  it("raises for a tile created before the loop once an earlier iteration's tile reused other bytes", () => {
    const m = new Machine({ target: "trn2", mode: "timing-only" });
    const out = tile(m, "out");
    m.beginLoop(LoopKind.Affine, 2);
    m.setIteration(0);
    memset(m, tile(m, "scratch"), 0);
    memset(m, out, 0);
    m.setIteration(1);
    memset(m, tile(m, "scratch"), 0);
    expect(raceCode(() => memset(m, out, 1))).toBe("err_unexpected_output_dependencies");
  });
});
