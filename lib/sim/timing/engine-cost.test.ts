/**
 * The per-instruction formulas of reference §4.1 (NC-v2 numbers from the legacy ISA docs), one case
 * per documented rule; expected cycle counts are the formulas evaluated by hand.
 */
import { describe, expect, it } from "vitest";
import { engineCost } from "./engine-cost";
import { contiguousRun, dmaCost, dmaEngineBusyNs } from "./dma-cost";
import { TIMING_CONFIGS } from "./config";
import { dtype, type DTypeName } from "../dtypes";
import { Access, Engine, InstrFlag, Memory } from "../trace/types";
import type { CostInstruction, CostOperand } from "./operand-features";
import { Machine } from "../machine";
import { fullView } from "../memory/tensor";
import { tensorReduce } from "../ops/reduce";

const v2 = TIMING_CONFIGS.trn1;
const v3 = TIMING_CONFIGS.trn2;
const v4 = TIMING_CONFIGS.trn3;

function op(access: number, memory: number, dt: DTypeName, parts: number, pattern: number[]): CostOperand {
  return { access: access as CostOperand["access"], memory: memory as CostOperand["memory"], dtype: dtype(dt).code, partStart: 0, partCount: parts, pattern };
}
const sb = (dt: DTypeName, n: number, access: number = Access.Read, parts = 128) => op(access, Memory.Sbuf, dt, parts, [1, n]);
const ps = (dt: DTypeName, n: number, access: number = Access.Read, parts = 128) => op(access, Memory.Psum, dt, parts, [1, n]);
const instr = (engine: number, opcode: string, operands: CostOperand[], variant = "", flags = 0): CostInstruction => ({ engine, opcode, variant, flags, operands });
const cycles = (cfg: typeof v2, i: CostInstruction) => engineCost(cfg, i).cycles;

describe("VectorE formulas (NC-v2)", () => {
  it("tensor_tensor: N with one input in PSUM, N for bf16 add in SBUF, 2N otherwise", () => {
    expect(cycles(v2, instr(Engine.Vector, "tensor_tensor", [ps("float32", 512), sb("float32", 512), sb("float32", 512, Access.Write)], "multiply"))).toBe(512);
    expect(cycles(v2, instr(Engine.Vector, "tensor_tensor", [sb("bfloat16", 512), sb("bfloat16", 512), sb("bfloat16", 512, Access.Write)], "add"))).toBe(512);
    expect(cycles(v2, instr(Engine.Vector, "tensor_tensor", [sb("bfloat16", 512), sb("bfloat16", 512), sb("bfloat16", 512, Access.Write)], "maximum"))).toBe(1024);
    expect(cycles(v2, instr(Engine.Vector, "tensor_tensor", [sb("float32", 512), sb("float32", 512), sb("float32", 512, Access.Write)], "add"))).toBe(1024);
    expect(cycles(v2, instr(Engine.Vector, "tensor_tensor", [sb("float32", 8), sb("float32", 8), sb("float32", 8, Access.Write)], "add"))).toBe(64);
  });
  it("tensor_reduce: N/2 for bf16 add/max, N otherwise", () => {
    expect(cycles(v2, instr(Engine.Vector, "tensor_reduce", [sb("bfloat16", 1024), sb("bfloat16", 1, Access.Write)], "add"))).toBe(512);
    expect(cycles(v2, instr(Engine.Vector, "tensor_reduce", [sb("bfloat16", 1024), sb("bfloat16", 1, Access.Write)], "maximum"))).toBe(512);
    expect(cycles(v2, instr(Engine.Vector, "tensor_reduce", [sb("bfloat16", 1024), sb("bfloat16", 1, Access.Write)], "minimum"))).toBe(1024);
    expect(cycles(v2, instr(Engine.Vector, "tensor_reduce", [sb("float32", 1024), sb("float32", 1, Access.Write)], "add"))).toBe(1024);
  });
  it("tensor_reduce with op max, as the machine records it, takes the bf16 fast path", () => {
    const m = new Machine({ target: "trn1", mode: "timing-only" });
    const bf16 = dtype("bfloat16");
    const data = fullView(m.allocOnChip("x", Memory.Sbuf, [128, 1024], bf16));
    const out = fullView(m.allocOnChip("y", Memory.Sbuf, [128, 1], bf16));
    tensorReduce(m, out, data, { op: "max", axes: [1] });
    const t = m.trace;
    const recorded = { engine: t.engine(0), opcode: t.opcode(0), variant: t.variant(0), flags: t.flags(0), operands: t.operands(0) };
    expect(cycles(v2, recorded)).toBe(512);
  });
  it("tensor_scalar_reduce: max(MIN_II, N) + MIN_II; tensor_tensor_scan: 2N; reciprocal: 8N", () => {
    expect(cycles(v2, instr(Engine.Vector, "tensor_scalar_reduce", [sb("float32", 256), sb("float32", 256, Access.Write)]))).toBe(320);
    expect(cycles(v2, instr(Engine.Vector, "tensor_tensor_scan", [sb("float32", 256), sb("float32", 256), sb("float32", 256, Access.Write)]))).toBe(512);
    expect(cycles(v2, instr(Engine.Vector, "reciprocal", [sb("float32", 256), sb("float32", 256, Access.Write)]))).toBe(2048);
  });
  it("memset: N/2 for zero into bf16, N otherwise; bn_aggr: 13*(N/3)", () => {
    expect(cycles(v2, instr(Engine.Vector, "memset", [sb("bfloat16", 1024, Access.Write)], "0"))).toBe(512);
    expect(cycles(v2, instr(Engine.Vector, "memset", [sb("float32", 1024, Access.Write)], "0"))).toBe(1024);
    expect(cycles(v2, instr(Engine.Vector, "bn_aggr", [sb("float32", 300), sb("float32", 2, Access.Write)]))).toBe(1300);
  });
  it("tensor_copy_dynamic: max(MIN_II_DYNAMIC, N); scalar_tensor_tensor: N for bf16 subtract-multiply", () => {
    expect(cycles(v2, instr(Engine.Vector, "tensor_copy_dynamic_src", [sb("float32", 100), sb("float32", 100, Access.Write)]))).toBe(600);
    const stt = (a: DTypeName, ops: string) => cycles(v2, instr(Engine.Vector, "scalar_tensor_tensor", [sb(a, 512), sb("float32", 1), sb(a, 512), sb(a, 512, Access.Write)], ops));
    expect(stt("bfloat16", "subtract,multiply")).toBe(512);
    expect(stt("float32", "subtract,multiply")).toBe(1024);
  });
  it("an innermost stride above 16 bytes doubles the cost [ARCH-V2]", () => {
    const strided = op(Access.Read, Memory.Sbuf, "float32", 128, [8, 512]);
    expect(cycles(v2, instr(Engine.Vector, "tensor_scalar", [strided, sb("float32", 512, Access.Write)]))).toBe(1024);
  });
});

describe("NC-v3/v4 speed-ups", () => {
  it("VectorE performance modes: 4x bf16 SBUF copies, 2x with PSUM, none for fp32 [ARCH-V3]", () => {
    expect(cycles(v3, instr(Engine.Vector, "tensor_copy", [sb("bfloat16", 2048), sb("bfloat16", 2048, Access.Write)]))).toBe(512);
    expect(cycles(v3, instr(Engine.Vector, "tensor_copy", [ps("bfloat16", 2048), sb("bfloat16", 2048, Access.Write)]))).toBe(1024);
    expect(cycles(v3, instr(Engine.Vector, "tensor_copy", [sb("float32", 2048), sb("float32", 2048, Access.Write)]))).toBe(2048);
    expect(cycles(v2, instr(Engine.Vector, "tensor_copy", [sb("bfloat16", 2048), sb("bfloat16", 2048, Access.Write)]))).toBe(2048);
  });
  it("NC-v4 VectorE exponential is 4x, ScalarE 16-bit is 2x [ARCH-V4]", () => {
    expect(cycles(v4, instr(Engine.Vector, "exponential", [sb("float32", 2048), sb("float32", 2048, Access.Write)]))).toBe(512);
    expect(cycles(v4, instr(Engine.Scalar, "activation", [sb("bfloat16", 2048), sb("bfloat16", 2048, Access.Write)], "exp"))).toBe(1024);
    expect(cycles(v3, instr(Engine.Scalar, "activation", [sb("bfloat16", 2048), sb("bfloat16", 2048, Access.Write)], "exp"))).toBe(2048);
  });
});

describe("ScalarE, GpSimd and TensorE formulas", () => {
  it("activation: max(MIN_II, N), plus MIN_II with a reduce", () => {
    expect(cycles(v2, instr(Engine.Scalar, "activation", [sb("float32", 16), sb("float32", 16, Access.Write)], "exp"))).toBe(64);
    expect(cycles(v2, instr(Engine.Scalar, "activation_reduce", [sb("float32", 512), sb("float32", 512, Access.Write)], "exp"))).toBe(576);
  });
  it("iota / affine_select: 150 + N", () => {
    expect(cycles(v2, instr(Engine.GpSimd, "iota", [sb("int32", 512, Access.Write)]))).toBe(662);
    expect(cycles(v2, instr(Engine.GpSimd, "affine_select", [sb("float32", 100), sb("float32", 100, Access.Write)]))).toBe(250);
  });
  it("nc_matmul: MultiplyMoving max(N, 64), LoadStationary columns/4, fp32 x4, one-zero fp32 x2", () => {
    const mm = (dt: DTypeName, n: number, m = 128, flags = 0) =>
      engineCost(v2, instr(Engine.Tensor, "nc_matmul", [sb(dt, m), sb(dt, n), ps("float32", n, Access.Write)], "", flags));
    expect(mm("bfloat16", 512)).toMatchObject({ cycles: 512, loadCycles: 32 });
    expect(mm("bfloat16", 16)).toMatchObject({ cycles: 64, loadCycles: 32 });
    expect(mm("float32", 512)).toMatchObject({ cycles: 2048, loadCycles: 128 });
    expect(mm("float32", 512, 128, InstrFlag.StationaryOneZero).cycles).toBe(1024);
  });
  it("nc_transpose on TensorE: max(P, 64)", () => {
    expect(cycles(v2, instr(Engine.Tensor, "nc_transpose", [sb("bfloat16", 128, Access.Read, 32), ps("bfloat16", 32, Access.Write)]))).toBe(64);
    expect(cycles(v2, instr(Engine.Tensor, "nc_transpose", [sb("bfloat16", 64, Access.Read, 128), ps("bfloat16", 128, Access.Write, 64)]))).toBe(128);
  });
});

describe("DMA cost", () => {
  it("finds contiguous runs in access patterns", () => {
    expect(contiguousRun([4096, 4, 1, 4096])).toBe(16384);
    expect(contiguousRun([8192, 128, 1, 512])).toBe(512);
    expect(contiguousRun([2, 512])).toBe(1);
    expect(contiguousRun([1, 1, 7, 1])).toBe(1);
  });

  it("splits by partitions: 8 per engine, one descriptor per contiguous partition row", () => {
    const c = dmaCost(v3, instr(Engine.Dma, "dma_copy", [op(Access.Read, Memory.Hbm, "bfloat16", 0, [512, 20, 1, 512]), { ...sb("bfloat16", 512, Access.Write, 20), partStart: 4 }]));
    expect([c.partStart, c.partCount, c.bytesPerPartition, c.bytes, c.hbmBytes]).toEqual([4, 20, 1024, 20 * 1024, 20 * 1024]);
    expect(c.partitionNs).toBeCloseTo(12 + 1024 / 23, 9);
    const busy = Array.from({ length: 16 }, (_, e) => dmaEngineBusyNs(v3, c.partStart, c.partCount, c.partitionNs, e));
    // partitions 4..23: engine 0 has 4, engine 1 has 8, engine 2 has 8, the rest only the semaphore write.
    expect(busy.slice(0, 4)).toEqual([4 * c.partitionNs + 12, 8 * c.partitionNs + 12, 8 * c.partitionNs + 12, 12]);
  });

  it("counts a descriptor per strided run and slows DMA transposes [ARCH-V3]", () => {
    const strided = dmaCost(v3, instr(Engine.Dma, "dma_copy", [op(Access.Read, Memory.Hbm, "float32", 0, [4096, 128, 2, 256]), sb("float32", 256, Access.Write)]));
    expect(strided.partitionNs).toBeCloseTo(256 * 12 + 1024 / 23, 9);
    const t = dmaCost(v3, instr(Engine.Dma, "dma_transpose", [op(Access.Read, Memory.Hbm, "bfloat16", 0, [512, 128, 1, 512]), sb("bfloat16", 512, Access.Write)], "", InstrFlag.DmaTranspose));
    expect(t.partitionNs).toBeCloseTo(12 + 1024 / (23 * 0.9), 9);
  });
});
