import { describe, expect, it } from "vitest";
import { dtype } from "../dtypes";
import { Machine, type SimMode } from "../machine";
import { fullView, sliceView } from "../memory/tensor";
import { activation } from "../ops/activation";
import { dmaCopy } from "../ops/dma";
import { tensorTensor } from "../ops/elementwise";
import { traceFingerprint } from "./fingerprint";
import { LoopKind, Memory } from "./types";

/** The stream bench's kernel at a small size: load, add, exp, store per tile, tiles re-used per iteration. */
function stream(mode: SimMode): Machine {
  const m = new Machine({ target: "trn2", mode });
  const bf16 = dtype("bfloat16");
  const rows = 384;
  const cols = 2048;
  const a = fullView(m.allocHbm("a", [rows, cols], bf16));
  const out = fullView(m.allocHbm("out", [rows, cols], bf16));
  m.setLocation("stream.py", 3);
  m.beginLoop(LoopKind.Sequential, 2);
  for (let rep = 0; rep < 2; rep++) {
    m.setIteration(rep);
    m.beginLoop(LoopKind.Affine, rows / 128);
    for (let r = 0; r < rows / 128; r++) {
      m.setIteration(r);
      m.beginLoop(LoopKind.Affine, cols / 512);
      for (let c = 0; c < cols / 512; c++) {
        m.setIteration(c);
        m.setLocation("stream.py", 4 + (c % 2));
        const win = sliceView(sliceView(a, 0, r * 128, (r + 1) * 128), 1, c * 512, (c + 1) * 512);
        const x = fullView(m.allocOnChip("x", Memory.Sbuf, [128, 512], bf16));
        const y = fullView(m.allocOnChip("y", Memory.Sbuf, [128, 512], bf16));
        dmaCopy(m, x, win);
        tensorTensor(m, y, x, x, "add");
        activation(m, x, y, { op: "exp" });
        dmaCopy(m, sliceView(sliceView(out, 0, r * 128, (r + 1) * 128), 1, c * 512, (c + 1) * 512), x);
      }
      m.endLoop();
    }
    m.endLoop();
  }
  m.endLoop();
  return m;
}

describe("traceFingerprint", () => {
  it("is the same for two runs of the same kernel and differs between modes", () => {
    expect(traceFingerprint(stream("timing-only").trace)).toBe(traceFingerprint(stream("timing-only").trace));
    expect(traceFingerprint(stream("timing-only").trace)).not.toBe(traceFingerprint(stream("functional").trace));
  });

  it("changes when one recorded field changes", () => {
    const m = stream("timing-only");
    const before = traceFingerprint(m.trace);
    m.setLocation("stream.py", 99);
    m.trace.append({ engine: 1, opcode: "memset", flops: 0, operands: [] });
    expect(traceFingerprint(m.trace)).not.toBe(before);
  });

  it("pins the stream kernel's recorded trace (regression record of the recorder)", () => {
    const m = stream("timing-only");
    expect(m.trace.length).toBe(96);
    expect(traceFingerprint(m.trace)).toBe(PINNED_STREAM);
  });
});

const PINNED_STREAM = "87744791847da93d";
