/**
 * Calibration microbenchmarks: each isolates one documented effect (reference §4) and checks the
 * model reproduces it. The expected numbers are the published ones, never outputs of this model.
 */
import { describe, expect, it } from "vitest";
import { simulateTiming } from "./index";
import { TIMING_CONFIGS } from "./config";
import { TraceKit } from "./trace-kit";
import { dmaEngineBusyNs } from "./dma-cost";
import { Engine, Memory } from "../trace/types";

function matmulStream(target: "trn1" | "trn2" | "trn3", moving: number, dt: "bfloat16" | "float32", count = 40) {
  const kit = new TraceKit();
  const st = kit.tile("stat", Memory.Sbuf, [128, 128], dt);
  const mv = kit.tile("mov", Memory.Sbuf, [128, moving], dt);
  const outs = Array.from({ length: 8 }, (_, b) => kit.tile(`ps${b}`, Memory.Psum, [128, moving], "float32"));
  const ids: number[] = [];
  for (let i = 0; i < count; i++) ids.push(kit.matmul(outs[i % 8], st, mv, { accumulate: i >= 8 }));
  const t = simulateTiming(kit.trace, target).timeline;
  // Steady-state issue interval from the last half of the stream.
  const a = ids[count / 2];
  const b = ids[count - 1];
  return (t.startNs[b] - t.startNs[a]) / (count - 1 - count / 2);
}

describe("DMA calibration", () => {
  it("a [4,4096] bf16 HBM->SBUF load uses one DMA engine and takes 1416 ns on trn2 within 10% [DMA]", () => {
    const kit = new TraceKit();
    const src = kit.hbm("a", [4, 4096]);
    const dst = kit.tile("a_sb", Memory.Sbuf, [4, 4096]);
    kit.dma(dst, src);
    const { timeline, costed, config } = simulateTiming(kit.trace, "trn2");
    const duration = timeline.endNs[0] - timeline.startNs[0];
    expect(Math.abs(duration - 1416) / 1416).toBeLessThan(0.1);
    const { dmaPartStart, dmaPartCount, dmaPartitionNs } = costed.input;
    const busy = Array.from({ length: 16 }, (_, e) => dmaEngineBusyNs(config, dmaPartStart[0], dmaPartCount[0], dmaPartitionNs[0], e));
    expect(busy.filter((ns) => ns > config.dmaBufferCostNs)).toHaveLength(1);
  });

  it("a [128,128] bf16 load spreads over all 16 engines and finishes far sooner than [4,4096]", () => {
    const kit = new TraceKit();
    kit.dma(kit.tile("b_sb", Memory.Sbuf, [128, 128]), kit.hbm("b", [128, 128]));
    const { timeline, costed } = simulateTiming(kit.trace, "trn2");
    const cfg = TIMING_CONFIGS.trn2;
    const { dmaPartStart, dmaPartCount, dmaPartitionNs } = costed.input;
    for (let e = 0; e < 16; e++) {
      expect(dmaEngineBusyNs(cfg, dmaPartStart[0], dmaPartCount[0], dmaPartitionNs[0], e)).toBeGreaterThan(cfg.dmaBufferCostNs);
    }
    expect(timeline.endNs[0] - timeline.startNs[0]).toBeLessThan(1416 / 4);
  });

  it("efficiency rises with bytes per partition: < 50% below 256 B, >= 80% at 2 KiB, >= 90% at 4 KiB [DMA][DMA-BW]", () => {
    const cfg = TIMING_CONFIGS.trn2;
    const efficiency = (bytesPerPartition: number) => {
      const kit = new TraceKit();
      const elems = bytesPerPartition / 2;
      const n = 24;
      for (let i = 0; i < n; i++) kit.dma(kit.tile(`t${i}`, Memory.Sbuf, [128, elems]), kit.hbm(`h${i}`, [128, elems]));
      const { timeline } = simulateTiming(kit.trace, "trn2");
      const bytes = n * 128 * bytesPerPartition;
      const span = timeline.endNs[n - 1] - timeline.startNs[0];
      return bytes / span / (cfg.dmaEngines * cfg.dmaEngineBytesPerNs);
    };
    const sizes = [64, 128, 256, 512, 1024, 2048, 4096, 8192, 32768];
    const curve = sizes.map(efficiency);
    for (let k = 1; k < curve.length; k++) expect(curve[k]).toBeGreaterThan(curve[k - 1]);
    expect(curve[sizes.indexOf(256)]).toBeLessThan(0.5);
    expect(curve[sizes.indexOf(2048)]).toBeGreaterThanOrEqual(0.8);
    expect(curve[sizes.indexOf(4096)]).toBeGreaterThanOrEqual(0.9);
  });

  it("a DMA that waits on compute starts about 1.3 µs after its producer (semaphore-to-start) [DMA-BW]", () => {
    const kit = new TraceKit();
    const a = kit.tile("a", Memory.Sbuf, [128, 512]);
    const b = kit.tile("b", Memory.Sbuf, [128, 512]);
    const out = kit.hbm("out", [128, 512]);
    const producer = kit.unary(Engine.Vector, "tensor_copy", b, a);
    const store = kit.dma(out, b);
    const { timeline } = simulateTiming(kit.trace, "trn2");
    expect(timeline.waitedOn[store]).toBe(producer);
    const gap = timeline.startNs[store] - timeline.endNs[producer];
    expect(gap).toBeGreaterThanOrEqual(1300);
    expect(gap).toBeLessThan(1300 + 200);
  });
});

describe("TensorE calibration", () => {
  it.each([1, 32, 64, 128, 256, 512])(
    "back-to-back bf16 matmuls with moving free size %i issue every max(N, 64) cycles on trn1 [ARCH-V2][ISA226]",
    (n) => {
      const interval = matmulStream("trn1", n, "bfloat16");
      expect(interval).toBeCloseTo(Math.max(n, 64) / 2.8, 6);
    },
  );

  it("fp32 matmuls run at a quarter of the bf16 rate [ISA226]", () => {
    for (const target of ["trn1", "trn2", "trn3"] as const) {
      expect(matmulStream(target, 512, "float32", 200)).toBeCloseTo(4 * matmulStream(target, 512, "bfloat16", 200), 3);
    }
  });

  it("LoadStationary overlaps the previous MultiplyMoving: 128-column weights do not slow 64-cycle matmuls", () => {
    // LS of 128 columns = 32 cycles < MM of 64 cycles, so throughput stays at the MM rate [ARCH-V2][PERF].
    expect(matmulStream("trn1", 64, "bfloat16")).toBeCloseTo(64 / 2.8, 6);
  });

  it("trn2 throttles TensorE to half rate at the start and reaches full rate after ~3 µs [EXPL-SUM]", () => {
    const kit = new TraceKit();
    const st = kit.tile("s", Memory.Sbuf, [128, 128]);
    const mv = kit.tile("m", Memory.Sbuf, [128, 512]);
    const ps = kit.tile("p", Memory.Psum, [128, 512], "float32");
    const ids = Array.from({ length: 60 }, (_, i) => kit.matmul(ps, st, mv, { accumulate: i > 0 }));
    const { timeline } = simulateTiming(kit.trace, "trn2");
    const full = 512 / 2.4;
    const first = timeline.endNs[ids[0]] - timeline.startNs[ids[0]];
    const last = timeline.endNs[ids[59]] - timeline.startNs[ids[59]];
    expect(first).toBeCloseTo(full * 2, 3);
    expect(last).toBeCloseTo(full, 3);
    expect(timeline.throttleLossNs).toBeGreaterThan(0);
  });

  it("trn1 does not throttle", () => {
    const kit = new TraceKit();
    const st = kit.tile("s", Memory.Sbuf, [128, 128]);
    const mv = kit.tile("m", Memory.Sbuf, [128, 512]);
    const ps = kit.tile("p", Memory.Psum, [128, 512], "float32");
    kit.matmul(ps, st, mv);
    const { timeline } = simulateTiming(kit.trace, "trn1");
    expect(timeline.endNs[0] - timeline.startNs[0]).toBeCloseTo(512 / 2.8, 6);
    expect(timeline.throttleLossNs).toBe(0);
  });
});

describe("Vector/Scalar calibration", () => {
  it("independent 1-element VectorE ops issue every MIN_II = 64 cycles [ISA226]", () => {
    const kit = new TraceKit();
    const src = kit.tile("x", Memory.Sbuf, [128, 1], "float32");
    const ids = Array.from({ length: 10 }, (_, i) => kit.unary(Engine.Vector, "tensor_scalar", kit.tile(`y${i}`, Memory.Sbuf, [128, 1], "float32"), src, "multiply"));
    const { timeline } = simulateTiming(kit.trace, "trn1");
    expect(timeline.startNs[ids[9]] - timeline.startNs[ids[8]]).toBeCloseTo(64 / 1.12, 6);
  });

  it("dependent 1-element ScalarE activations issue every ~189 ns on trn1 (264 cycles) [PERF]", () => {
    const kit = new TraceKit();
    let prev = kit.tile("x0", Memory.Sbuf, [128, 1], "float32");
    const ids: number[] = [];
    for (let i = 1; i <= 10; i++) {
      const next = kit.tile(`x${i}`, Memory.Sbuf, [128, 1], "float32");
      ids.push(kit.unary(Engine.Scalar, "activation", next, prev, "exp"));
      prev = next;
    }
    const { timeline } = simulateTiming(kit.trace, "trn1");
    const interval = timeline.startNs[ids[9]] - timeline.startNs[ids[8]];
    expect(Math.abs(interval - 189) / 189).toBeLessThan(0.02);
    expect(timeline.waitedOn[ids[9]]).toBe(ids[8]);
  });

  it("a large VectorE op costs N cycles regardless of the partitions used [ARCH-V2]", () => {
    const time = (parts: number) => {
      const kit = new TraceKit();
      kit.unary(Engine.Vector, "tensor_scalar", kit.tile("y", Memory.Sbuf, [parts, 2048], "float32"), kit.tile("x", Memory.Sbuf, [parts, 2048], "float32"), "multiply");
      const { timeline } = simulateTiming(kit.trace, "trn1");
      return timeline.endNs[0] - timeline.startNs[0];
    };
    expect(time(32)).toBeCloseTo(2048 / 1.12, 6);
    expect(time(128)).toBeCloseTo(time(32), 9);
  });

  it("trn2 performance mode makes a bf16 SBUF tensor_copy 4x faster than the NC-v2 formula [ARCH-V3]", () => {
    const kit = new TraceKit();
    kit.unary(Engine.Vector, "tensor_copy", kit.tile("y", Memory.Sbuf, [128, 4096]), kit.tile("x", Memory.Sbuf, [128, 4096]));
    const { timeline } = simulateTiming(kit.trace, "trn2");
    expect(timeline.endNs[0] - timeline.startNs[0]).toBeCloseTo(4096 / 4 / 0.96, 6);
  });
});

describe("determinism", () => {
  it("the same trace and target always give the same timeline", () => {
    const build = () => {
      const kit = new TraceKit();
      const a = kit.hbm("a", [128, 1024]);
      for (let i = 0; i < 20; i++) {
        const t = kit.tile(`t${i}`, Memory.Sbuf, [128, 1024]);
        kit.dma(t, a);
        kit.unary(Engine.Scalar, "activation", kit.tile(`u${i}`, Memory.Sbuf, [128, 1024]), t, "exp");
      }
      return simulateTiming(kit.trace, "trn2").timeline;
    };
    const x = build();
    const y = build();
    expect(Array.from(x.startNs)).toEqual(Array.from(y.startNs));
    expect(Array.from(x.endNs)).toEqual(Array.from(y.endNs));
    expect(Array.from(x.waitedOn)).toEqual(Array.from(y.waitedOn));
  });
});
