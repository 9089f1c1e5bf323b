import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { simulateTiming } from "./index";
import { TIMING_CONFIGS } from "./config";
import { ScheduleInputBuilder } from "./schedule-input";
import { NO_WAIT, initialState, schedule, scheduleNext, step, trackName, type Timeline } from "./scheduler";
import { buildScheduleInput, peMaskOf } from "./from-trace";
import { WAIT_SPILL_RELOAD, projectTimeline } from "./projection";
import { profileTimedTrace } from "../../profile";
import { TraceKit } from "./trace-kit";
import { digest } from "../../profile/fingerprint/fingerprint";
import type { TimingConstants } from "./config";
import { DepType, Engine, InstrFlag, LoopKind, Memory } from "../trace/types";

/** load -> exp -> store per iteration, with the tiles reusing one address as the functional allocator does. */
function pipelineKernel(kind: LoopKind, iterations = 8) {
  const kit = new TraceKit();
  const input = kit.hbm("in", [iterations * 128, 2048]);
  const output = kit.hbm("out", [iterations * 128, 2048]);
  kit.loop(kind, iterations, (i) => {
    const t = kit.tile(`t${i}`, Memory.Sbuf, [128, 2048], "bfloat16", { at: 0 });
    const u = kit.tile(`u${i}`, Memory.Sbuf, [128, 2048], "bfloat16", { at: 8192 });
    const rows = { ...input, addr: input.addr + i * 128 * 2048 * 2, shape: [128, 2048] };
    const outRows = { ...output, addr: output.addr + i * 128 * 2048 * 2, shape: [128, 2048] };
    kit.dma(t, rows);
    kit.unary(Engine.Scalar, "activation", u, t, "exp");
    kit.dma(outRows, u);
  });
  return simulateTiming(kit.trace, "trn2");
}

describe("loop semantics", () => {
  it("affine_range iterations overlap: rotating buffers drop the WAR/WAW on the reused tile address", () => {
    const affine = pipelineKernel(LoopKind.Affine);
    const sequential = pipelineKernel(LoopKind.Sequential);
    expect(affine.costed.rotatedDependencies).toBeGreaterThan(0);
    expect(sequential.costed.rotatedDependencies).toBe(0);
    expect(affine.timeline.totalNs).toBeLessThan(0.7 * sequential.timeline.totalNs);
  });

  it("static_range unrolls and rotates like affine_range", () => {
    expect(pipelineKernel(LoopKind.Static).timeline.totalNs).toBe(pipelineKernel(LoopKind.Affine).timeline.totalNs);
  });

  it("keeps true (RAW) dependencies across iterations", () => {
    const kit = new TraceKit();
    const acc = kit.tile("acc", Memory.Sbuf, [128, 512], "float32");
    const x = kit.tile("x", Memory.Sbuf, [128, 512], "float32");
    const ids = kit.loop(LoopKind.Affine, 4, () => kit.binary(Engine.Vector, "tensor_tensor", acc, acc, x));
    const { timeline } = simulateTiming(kit.trace, "trn1");
    expect(timeline.waitedOn[ids[3]]).toBe(ids[2]);
    expect(timeline.waitType[ids[3]]).toBe(DepType.Raw);
  });
});

describe("rotating buffers", () => {
  /** Compute-bound loop: each iteration loads 32 KiB/partition and runs slow ScalarE work on it. */
  function computeBound() {
    const kit = new TraceKit();
    const src = kit.hbm("x", [16 * 128, 16384]);
    kit.loop(LoopKind.Affine, 16, (i) => {
      const t = kit.tile(`t${i}`, Memory.Sbuf, [128, 16384], "bfloat16", { at: 0 });
      const u = kit.tile(`u${i}`, Memory.Sbuf, [128, 16384], "bfloat16", { at: 32768 });
      kit.dma(t, { ...src, addr: src.addr + i * 128 * 16384 * 2, shape: [128, 16384] });
      for (let k = 0; k < 4; k++) kit.unary(Engine.Scalar, "activation", u, t, "exp");
    });
    return kit;
  }

  it("gives a loop only as many buffers as fit in SBUF, so loads run at most that far ahead", () => {
    const kit = computeBound();
    const bounded = profileTimedTrace(simulateTiming(kit.trace, "trn2"));
    const cfg = TIMING_CONFIGS.trn2;
    const costed = buildScheduleInput(cfg, kit.trace);
    const unbounded = profileTimedTrace({ target: "trn2", config: cfg, trace: kit.trace, costed, ...projectTimeline(schedule(cfg, costed.input), costed) });
    // 64 KiB of tiles per iteration: floor(212984 / 65536) = 3 buffers on trn2.
    expect(bounded.memory.sbufPeakBytesPerPartition).toBeLessThanOrEqual(3 * 65536);
    expect(unbounded.memory.sbufPeakBytesPerPartition).toBeGreaterThan(212_984);
    // Compute-bound either way: bounding the prefetch distance costs (almost) nothing.
    expect(bounded.timed.timeline.totalNs).toBeLessThan(unbounded.timed.timeline.totalNs * 1.05);
  });
});

describe("spilling", () => {
  it("saves the evicted tile after its write and reloads it before its read, on the spill queue", () => {
    const kit = new TraceKit();
    // Two 120,000 B tiles live at once exceed trn2's 212,984 usable bytes per partition; the second
    // crosses capacity, as the functional allocator would place it in its spill region.
    const t = kit.tile("t", Memory.Sbuf, [128, 30_000], "float32", { at: 0 });
    const u = kit.tile("u", Memory.Sbuf, [128, 30_000], "float32", { at: 120_000 });
    const x = kit.hbm("x", [256, 30_000], "float32");
    const load = kit.dma(t, { ...x, shape: [128, 30_000] });
    const loadU = kit.dma(u, { ...x, addr: x.addr + 128 * 120_000, shape: [128, 30_000] });
    const sink = kit.tile("s", Memory.Psum, [128, 512], "float32");
    kit.binary(Engine.Vector, "tensor_tensor", sink, sink, { ...u, shape: [512] });
    const use = kit.binary(Engine.Vector, "tensor_tensor", sink, sink, { ...t, shape: [512] });
    const timed = simulateTiming(kit.trace, "trn2");
    expect(timed.spills.map((s) => [s.kind, s.origin, s.bytes])).toEqual([
      ["save", loadU, 128 * 120_000],
      ["reload", use, 128 * 120_000],
    ]);
    const [save, reload] = timed.spills;
    expect(save.startNs).toBeGreaterThanOrEqual(timed.timeline.endNs[load]);
    expect(timed.timeline.startNs[loadU]).toBeGreaterThanOrEqual(save.endNs);
    expect(reload.startNs).toBeGreaterThanOrEqual(save.endNs);
    expect(timed.timeline.startNs[use]).toBeGreaterThanOrEqual(reload.endNs);
    expect(timed.timeline.waitType[use]).toBe(WAIT_SPILL_RELOAD);
    expect(trackName(save.track)).toBe("qSyncSpillReload0");
    expect(timed.costed.spillSaveBytes).toBe(128 * 120_000);
  });

  it("inserts nothing for tiles that fit", () => {
    const kit = new TraceKit();
    const t = kit.tile("t", Memory.Sbuf, [128, 1024], "float32");
    kit.dma(t, kit.hbm("x", [128, 1024], "float32"));
    expect(simulateTiming(kit.trace, "trn2").spills).toEqual([]);
  });
});

describe("engine queues", () => {
  it("runs independent instructions on different engines in parallel and records no wait", () => {
    const kit = new TraceKit();
    const a = kit.tile("a", Memory.Sbuf, [128, 1024], "float32");
    const v = kit.unary(Engine.Vector, "tensor_scalar", kit.tile("b", Memory.Sbuf, [128, 1024], "float32"), a, "multiply");
    const s = kit.unary(Engine.Scalar, "activation", kit.tile("c", Memory.Sbuf, [128, 1024], "float32"), a, "exp");
    const { timeline } = simulateTiming(kit.trace, "trn1");
    expect(timeline.startNs[v]).toBe(0);
    expect(timeline.startNs[s]).toBe(0);
    expect(timeline.waitType[v]).toBe(NO_WAIT);
  });

  it("a store waiting on compute does not hold back a later independent load on another queue", () => {
    const kit = new TraceKit();
    const x = kit.tile("x", Memory.Sbuf, [128, 4096]);
    const y = kit.tile("y", Memory.Sbuf, [128, 4096]);
    const slow = kit.unary(Engine.Scalar, "activation", y, x, "exp");
    const store = kit.dma(kit.hbm("out", [128, 4096]), y);
    const load = kit.dma(kit.tile("z", Memory.Sbuf, [128, 4096]), kit.hbm("in", [128, 4096]));
    const { timeline } = simulateTiming(kit.trace, "trn2");
    expect(timeline.startNs[store]).toBeGreaterThan(timeline.endNs[slow]);
    expect(timeline.endNs[load]).toBeLessThan(timeline.startNs[store]);
  });

  it("caps aggregate DMA traffic at the per-core HBM bandwidth", () => {
    const cfg = TIMING_CONFIGS.trn2;
    const kit = new TraceKit();
    const n = 16;
    for (let i = 0; i < n; i++) kit.dma(kit.tile(`t${i}`, Memory.Sbuf, [128, 16384]), kit.hbm(`h${i}`, [128, 16384]));
    const { timeline } = simulateTiming(kit.trace, "trn2");
    const bytes = n * 128 * 16384 * 2;
    const rate = bytes / (timeline.endNs[n - 1] - timeline.startNs[0]);
    expect(rate).toBeLessThanOrEqual(cfg.hbmBytesPerNs * 1.001);
  });

  it("step is pure: the input state is left untouched", () => {
    const cfg = TIMING_CONFIGS.trn1;
    const b = new ScheduleInputBuilder(cfg.dmaEngines);
    b.compute(Engine.Vector, 100);
    b.compute(Engine.Vector, 50);
    b.dependOn(0, DepType.Raw);
    const input = b.build();
    const s0 = initialState(cfg, input.length);
    const s1 = step(s0, input, 0);
    const s2 = step(s1, input, 1);
    expect(s0.engineFree[Engine.Vector]).toBe(0);
    expect(s1.engineFree[Engine.Vector]).toBe(100);
    expect(s2.out.waitedOn[1]).toBe(0);
    expect(s1.out.waitedOn[1]).toBe(-1);
    // Dependent: waits for the pipeline latency plus the static overhead (100 + 100 VectorE cycles).
    expect(s2.out.startNs[1]).toBeCloseTo(100 + 200 / cfg.vectorClockGHz, 9);
  });
});

describe("TensorE modes", () => {
  function oneMatmul(target: "trn1" | "trn2" | "trn3", dt: "bfloat16" | "float8_e4m3", flags: number, opcode = "nc_matmul") {
    const kit = new TraceKit();
    const st = kit.tile("s", Memory.Sbuf, [128, 2, 128], dt);
    const mv = kit.tile("m", Memory.Sbuf, [128, 2, 512], dt);
    const ps = kit.tile("p", Memory.Psum, [128, 512], "float32");
    kit.trace.append({
      engine: Engine.Tensor, opcode, flags, flops: 2 * 256 * 128 * 512,
      operands: [kit.operand(st, 1), kit.operand(mv, 1), kit.operand(ps, 2)],
    });
    return simulateTiming(kit.trace, target).costed.cycles[0];
  }

  it("an MX matmul (K = 4 x 128 packed) takes one pass on trn3 and four elsewhere [ARCH-V4]", () => {
    const mx = (target: "trn2" | "trn3") => {
      const kit = new TraceKit();
      const st = kit.tile("s", Memory.Sbuf, [128, 128], "uint8");
      const mv = kit.tile("m", Memory.Sbuf, [128, 512], "uint8");
      const ps = kit.tile("p", Memory.Psum, [128, 512], "float32");
      kit.trace.append({ engine: Engine.Tensor, opcode: "nc_matmul_mx", flops: 2 * 512 * 128 * 512, operands: [kit.operand(st, 1), kit.operand(mv, 1), kit.operand(ps, 2)] });
      return simulateTiming(kit.trace, target).costed.cycles[0];
    };
    expect(mx("trn3")).toBe(512);
    expect(mx("trn2")).toBe(2048);
  });

  it("PE-tiled matmuls on disjoint 32x32 tiles run concurrently; untiled ones queue [ISA-HEAD]", () => {
    const run = (tiled: boolean) => {
      const kit = new TraceKit();
      const ids = [0, 1, 2, 3].map((q) => {
        const st = kit.tile(`s${q}`, Memory.Sbuf, [32, 32]);
        const mv = kit.tile(`m${q}`, Memory.Sbuf, [32, 512]);
        const ps = kit.tile(`p${q}`, Memory.Psum, [32, 512], "float32");
        return kit.trace.append({
          engine: Engine.Tensor, opcode: "nc_matmul", variant: tiled ? `tile:${32 * q},${32 * q},32,32` : "", flops: 2 * 32 * 32 * 512,
          operands: [kit.operand(st, 1), kit.operand(mv, 1), kit.operand(ps, 2)],
        });
      });
      return { ids, t: simulateTiming(kit.trace, "trn1").timeline };
    };
    const mm = 512 / 2.8;
    const tiled = run(true);
    expect(tiled.t.endNs[tiled.ids[3]] - tiled.t.startNs[tiled.ids[0]]).toBeLessThan(1.5 * mm);
    const untiled = run(false);
    expect(untiled.t.endNs[untiled.ids[3]] - untiled.t.startNs[untiled.ids[0]]).toBeCloseTo(4 * mm, 6);
    expect(peMaskOf("tile:32,96,32,32")).toBe(1 << (4 * 1 + 3));
    expect(peMaskOf("tile:0,0,64,128")).toBe(0xff);
  });

  it("fp8 double-row takes the time of one bf16 K=128 pass on trn2 and two passes on trn1 [ARCH-V3]", () => {
    expect(oneMatmul("trn2", "float8_e4m3", InstrFlag.DoubleRow)).toBe(512);
    expect(oneMatmul("trn1", "float8_e4m3", InstrFlag.DoubleRow)).toBe(1024);
  });
});

describe("DMA engine bookings", () => {
  /**
   * DMAs over random partition spans (most of them all 128) on a few queues, some waiting for
   * VectorE work of uneven length (so engines get gaps that later transfers fill), enough of them
   * to prune old bookings.
   */
  interface Transfer {
    readonly span: readonly [number, number];
    readonly partitionNs: number;
    readonly hbmBytes: number;
    readonly queue: number;
    /** Waits for the VectorE instruction this many back (0: none). */
    readonly after: number;
    /** VectorE work after the transfer that reads it (0: none). */
    readonly computeNs: number;
  }
  const fullSpan: readonly [number, number] = [0, 128];
  const transfers: fc.Arbitrary<Transfer[]> = fc.array(
    fc.record({
      span: fc.oneof(fc.constant(fullSpan), fc.constant(fullSpan), fc.tuple(fc.integer({ min: 0, max: 127 }), fc.integer({ min: 1, max: 128 }))),
      partitionNs: fc.integer({ min: 0, max: 400 }),
      hbmBytes: fc.constantFrom(0, 4096, 1 << 20),
      queue: fc.integer({ min: 0, max: 3 }),
      after: fc.integer({ min: 0, max: 6 }),
      computeNs: fc.constantFrom(0, 50, 700, 5000),
    }),
    { minLength: 1, maxLength: 400, size: "max" },
  );
  const full: Transfer = { span: fullSpan, partitionNs: 0, hbmBytes: 0, queue: 0, after: 0, computeNs: 0 };
  const columns = (t: Timeline) => [t.startNs, t.endNs, t.waitedOn, t.waitType, t.waitNs, t.track].map((c) => Array.from(c));

  it("booking a transfer over all engines once while they share their history gives the timeline of booking every engine", () => {
    const cfg = TIMING_CONFIGS.trn2;
    fc.assert(
      fc.property(transfers, (list) => {
        const b = new ScheduleInputBuilder(cfg.dmaEngines);
        const computes: number[] = [];
        for (const d of list) {
          const [p0, count] = d.span;
          const dma = b.dma(p0, Math.min(count, 128 - p0), d.partitionNs, d.hbmBytes, d.queue);
          if (d.after > 0 && computes.length >= d.after) b.dependOn(computes[computes.length - d.after], DepType.Raw);
          if (d.computeNs > 0) {
            computes.push(b.compute(Engine.Vector, d.computeNs));
            b.dependOn(dma, DepType.Raw);
          }
        }
        const input = b.build();
        const perEngine = initialState(cfg, input.length);
        perEngine.dmaShared = false;
        for (let i = 0; i < input.length; i++) scheduleNext(perEngine, input, i);
        const shared = schedule(cfg, input);
        expect(columns(shared)).toEqual(columns({ ...shared, ...perEngine.out }));
        expect(shared.totalNs).toBe(perEngine.makespan);
      }),
      {
        numRuns: 100,
        examples: [
          // Shared bookings pruned, then a partial transfer on an idle queue: the copies keep the pruning bound.
          [[...Array.from({ length: 70 }, () => ({ ...full, after: 1, computeNs: 5000 })), { ...full, span: [0, 16], queue: 1 }]],
          // The copies keep each queue's last end per engine (in-order queues).
          [[{ ...full, computeNs: 50 }, { ...full, after: 1 }, { ...full, partitionNs: 194, queue: 2 }, { ...full, span: [0, 9], queue: 2 }]],
        ],
      },
    );
  });

  /**
   * 2,000 DMAs (70% over all partitions, on six queues) waiting on uneven TensorE/VectorE/ScalarE
   * work: engines get gaps, later transfers fill them, and old bookings are pruned.
   */
  function dmaHeavyInput(cfg: TimingConstants) {
    let seed = 12345;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const b = new ScheduleInputBuilder(cfg.dmaEngines);
    const computes: number[] = [];
    for (let k = 0; k < 2000; k++) {
      const full = next() < 0.7;
      const p0 = full ? 0 : Math.floor(next() * 128);
      const count = full ? 128 : 1 + Math.floor(next() * (128 - p0));
      const partitionNs = next() < 0.5 ? Math.floor(next() * 400) : next() * 400;
      const dma = b.dma(p0, count, partitionNs, [0, 4096, 1 << 20][Math.floor(next() * 3)], Math.floor(next() * 6));
      const after = Math.floor(next() * 9);
      if (after > 0 && computes.length >= after) b.dependOn(computes[computes.length - after], after % 3 === 0 ? DepType.War : DepType.Raw);
      if (next() < 0.6) {
        const engine = [Engine.Vector, Engine.Scalar, Engine.Tensor][Math.floor(next() * 3)];
        computes.push(b.compute(engine, next() < 0.5 ? 5000 * next() : 50, engine === Engine.Tensor ? 30 : 0));
        b.dependOn(dma, DepType.Raw);
      }
    }
    return b.build();
  }

  it("a DMA-heavy input schedules as pinned (timelines of the scheduler before DMA bookings were shared and typed)", () => {
    const pinned = { trn1: "89c49a87a1bd6617", trn2: "f9b8511b7799f8b7", trn3: "baafffb10277675f" };
    for (const target of ["trn1", "trn2", "trn3"] as const) {
      const t = schedule(TIMING_CONFIGS[target], dmaHeavyInput(TIMING_CONFIGS[target]));
      expect(digest([t.startNs, t.endNs, t.loadStartNs, t.waitedOn, t.waitType, t.waitNs, t.track, JSON.stringify([t.totalNs, t.throttleLossNs])])).toBe(pinned[target]);
    }
  });
});
