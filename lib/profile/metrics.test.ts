import { describe, expect, it } from "vitest";
import { profileTrace } from "./profile";
import { unionLength } from "./metrics";
import { TraceKit } from "../sim/timing/trace-kit";
import { Engine, InstrFlag, Memory } from "../sim/trace/types";

/** load x [128,512] and w [128,128] (bf16), one matmul, PSUM->SBUF copy, store [128,512] bf16. */
function tinyKernel() {
  const kit = new TraceKit();
  const x = kit.tile("x", Memory.Sbuf, [128, 512]);
  const w = kit.tile("w", Memory.Sbuf, [128, 128]);
  kit.dma(x, kit.hbm("X", [128, 512]));
  kit.dma(w, kit.hbm("W", [128, 128]));
  const ps = kit.tile("ps", Memory.Psum, [128, 512], "float32");
  kit.matmul(ps, w, x);
  const out = kit.tile("out", Memory.Sbuf, [128, 512]);
  kit.unary(Engine.Vector, "tensor_copy", out, ps);
  kit.dma(kit.hbm("OUT", [128, 512]), out);
  return kit;
}

describe("profile metrics", () => {
  const p = profileTrace(tinyKernel().trace, "trn2");
  const m = p.metrics;

  it("counts HBM traffic and DMA transfers from the operands", () => {
    expect(m.hbm_read_bytes).toBe(128 * 512 * 2 + 128 * 128 * 2);
    expect(m.hbm_write_bytes).toBe(128 * 512 * 2);
    expect(m.dma_transfer_count).toBe(3);
    expect(m.dma_transfer_average_bytes).toBe((2 * 128 * 512 * 2 + 128 * 128 * 2) / 3);
  });

  it("counts matmul FLOPs as 2*K*M*N and derives MFU from the bf16 peak", () => {
    const flops = 2 * 128 * 128 * 512;
    expect(m.model_flops).toBe(flops);
    expect(m.hardware_flops).toBe(flops);
    expect(m.transpose_flops).toBe(0);
    expect(m.matmul_instruction_count).toBe(1);
    expect(m.mfu_estimated_percent).toBeCloseTo((100 * flops) / (79e12 * m.total_time), 9);
    expect(m.mm_arithmetic_intensity).toBeCloseTo(flops / (m.hbm_read_bytes + m.hbm_write_bytes), 9);
  });

  it("reports instruction counts and active-time percentages per engine", () => {
    expect(m.tensor_engine_instruction_count).toBe(1);
    expect(m.vector_engine_instruction_count).toBe(1);
    expect(m.scalar_engine_instruction_count).toBe(0);
    expect(m.scalar_engine_active_time_percent).toBe(0);
    for (const v of [m.tensor_engine_active_time_percent, m.vector_engine_active_time_percent, m.dma_active_time_percent]) {
      expect(v).toBeGreaterThan(0);
      expect(v).toBeLessThanOrEqual(100);
    }
    expect(m.total_time).toBeCloseTo(p.timed.timeline.totalNs * 1e-9, 15);
  });

  it("measures SBUF and PSUM peaks from tile lifetimes (bytes per partition)", () => {
    // x, w and out may all be live: 1024 + 256 + 1024 bytes per partition at most.
    expect(m.sbuf_peak_bytes_per_partition).toBeGreaterThanOrEqual(1024 + 256);
    expect(m.sbuf_peak_bytes_per_partition).toBeLessThanOrEqual(1024 + 256 + 1024);
    expect(m.psum_peak_bytes_per_partition).toBe(2048);
    expect(m.psum_peak_percent).toBeCloseTo(100 * 2048 / 16384, 9);
  });

  it("places a tiny kernel on the memory side of the roofline", () => {
    expect(p.roofline.bound).toBe("memory");
    expect(p.roofline.ridgeIntensity).toBeCloseTo(79e12 / 362e9, 6);
    expect(p.roofline.attainableFlops).toBeCloseTo(m.mm_arithmetic_intensity * 362e9, 0);
  });

  it("measures how much of the PE array the matmuls use", () => {
    expect(m.sim_tensor_pe_utilization_percent).toBe(100);
    const kit = new TraceKit();
    kit.matmul(kit.tile("p", Memory.Psum, [64, 512], "float32"), kit.tile("w", Memory.Sbuf, [32, 64]), kit.tile("x", Memory.Sbuf, [32, 512]));
    // 32 of 128 rows x 64 of 128 columns.
    expect(profileTrace(kit.trace, "trn1").metrics.sim_tensor_pe_utilization_percent).toBe(12.5);
  });

  it("counts transposes as hardware but not model FLOPs", () => {
    const kit = new TraceKit();
    const a = kit.tile("a", Memory.Sbuf, [128, 128]);
    kit.matmul(kit.tile("t", Memory.Psum, [128, 128], "float32"), a, kit.tile("id", Memory.Sbuf, [128, 128]), { flags: InstrFlag.Transpose });
    const q = profileTrace(kit.trace, "trn1").metrics;
    expect(q.model_flops).toBe(0);
    expect(q.transpose_flops).toBe(2 * 128 * 128 * 128);
    expect(q.hfu_estimated_percent).toBeGreaterThan(q.mfu_estimated_percent);
  });
});

describe("unionLength", () => {
  it("merges overlapping intervals", () => {
    expect(unionLength([0, 5, 20], [10, 15, 30])).toBe(25);
    expect(unionLength([], [])).toBe(0);
  });
});
