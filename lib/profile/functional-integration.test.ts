/**
 * The timing model and profiler over traces recorded by the functional machine (lib/sim) itself,
 * in timing-only mode: the real allocator's address reuse, the real operand layouts and opcodes.
 */
import { describe, expect, it } from "vitest";
import { Machine } from "../sim/machine";
import { dtype } from "../sim/dtypes";
import { fullView, sliceView } from "../sim/memory/tensor";
import { load, matmul, store, unary } from "../sim/lower/nl";
import { LoopKind } from "../sim/trace/types";
import { profileTrace } from "./profile";
import { toPerfetto } from "./export/perfetto";

function expKernel(kind: LoopKind, rows = 8 * 128, cols = 2048) {
  const m = new Machine({ target: "trn2", mode: "timing-only" });
  const bf16 = dtype("bfloat16");
  const x = fullView(m.allocHbm("x", [rows, cols], bf16));
  const y = fullView(m.allocHbm("y", [rows, cols], bf16));
  m.setLocation("exp.py", 5);
  m.beginLoop(kind, rows / 128);
  for (let i = 0; i < rows / 128; i++) {
    m.setIteration(i);
    m.setLocation("exp.py", 6);
    const t = load(m, sliceView(x, 0, i * 128, (i + 1) * 128));
    m.setLocation("exp.py", 7);
    const e = unary(m, "exp", t);
    m.setLocation("exp.py", 8);
    store(m, sliceView(y, 0, i * 128, (i + 1) * 128), e);
  }
  m.endLoop();
  return m.trace;
}

describe("profiles of functional-model traces", () => {
  it("lets affine_range iterations overlap where sequential_range serialises them", () => {
    const affine = profileTrace(expKernel(LoopKind.Affine), "trn2");
    const sequential = profileTrace(expKernel(LoopKind.Sequential), "trn2");
    expect(affine.timed.costed.rotatedDependencies).toBeGreaterThan(0);
    expect(affine.metrics.total_time).toBeLessThan(sequential.metrics.total_time);
    expect(sequential.insights.map((i) => i.id)).toContain("sequential-without-carried-dependency");
    expect(affine.metrics.hbm_read_bytes).toBe(8 * 128 * 2048 * 2);
    expect(affine.metrics.scalar_engine_instruction_count).toBe(8);
  });

  it("profiles an nl.matmul kernel and exports it", () => {
    const m = new Machine({ target: "trn3", mode: "timing-only" });
    const bf16 = dtype("bfloat16");
    const a = fullView(m.allocHbm("aT", [128, 128], bf16));
    const b = fullView(m.allocHbm("b", [128, 512], bf16));
    const c = fullView(m.allocHbm("c", [128, 512], dtype("float32")));
    m.setLocation("mm.py", 3);
    const at = load(m, a);
    const bt = load(m, b);
    m.setLocation("mm.py", 4);
    const r = matmul(m, at, bt, { transposeX: true });
    m.setLocation("mm.py", 5);
    store(m, c, r);
    const p = profileTrace(m.trace, "trn3");
    expect(p.metrics.model_flops).toBe(2 * 128 * 128 * 512);
    expect(p.metrics.matmul_instruction_count).toBe(1);
    expect(p.metrics.total_time).toBeGreaterThan(0);
    const events = toPerfetto(p).traceEvents;
    expect(events.some((e) => e.ph === "X" && e.name === "nc_matmul" && e.args?.nki_source_location === "mm.py:4")).toBe(true);
  });
});
