/**
 * Every insight rule against a synthetic kernel that should trigger it and one that should not.
 */
import { describe, expect, it } from "vitest";
import { profileTrace } from "../profile";
import { TraceKit, type Tile } from "../../sim/timing/trace-kit";
import { Access, Engine, InstrFlag, LoopKind, Memory } from "../../sim/trace/types";
import type { TargetName } from "../../sim/timing";

function insightsOf(kit: TraceKit, target: TargetName = "trn2") {
  return profileTrace(kit.trace, target).insights;
}
function find(kit: TraceKit, id: string, target: TargetName = "trn2") {
  return insightsOf(kit, target).find((i) => i.id === id);
}

function slice(t: Tile, k: number, rows: number, cols: number): Tile {
  return { ...t, addr: t.addr + k * rows * cols * 2, shape: [rows, cols] };
}

describe("tensor-waits-on-dma", () => {
  it("fires when every matmul waits for its own freshly loaded operand", () => {
    const kit = new TraceKit();
    const src = kit.hbm("x", [16 * 128, 512]);
    const st = kit.tile("w", Memory.Sbuf, [128, 128]);
    const ps = kit.tile("ps", Memory.Psum, [128, 512], "float32");
    kit.loop(LoopKind.Affine, 16, (k) => {
      kit.at(5);
      const t = kit.tile(`x${k}`, Memory.Sbuf, [128, 512]);
      kit.dma(t, slice(src, k, 128, 512));
      kit.at(6);
      kit.matmul(ps, st, t, { accumulate: k > 0 });
    });
    const hit = find(kit, "tensor-waits-on-dma");
    expect(hit).toBeDefined();
    expect(hit?.sourceLines[0]).toMatchObject({ file: "kernel.py", line: 5 });
    expect(hit?.estimatedGainPercent).toBeGreaterThan(5);
  });

  it("stays quiet for a compute-bound kernel whose operands are loaded once", () => {
    const kit = new TraceKit();
    const st = kit.tile("w", Memory.Sbuf, [128, 128]);
    const mv = kit.tile("x", Memory.Sbuf, [128, 512]);
    kit.dma(st, kit.hbm("W", [128, 128]));
    kit.dma(mv, kit.hbm("X", [128, 512]));
    const ps = kit.tile("ps", Memory.Psum, [128, 512], "float32");
    for (let k = 0; k < 64; k++) kit.matmul(ps, st, mv, { accumulate: k > 0 });
    expect(find(kit, "tensor-waits-on-dma")).toBeUndefined();
  });
});

describe("small-dma", () => {
  const kernel = (cols: number) => {
    const kit = new TraceKit();
    const src = kit.hbm("x", [16 * 128, cols]);
    kit.at(3);
    for (let k = 0; k < 16; k++) kit.dma(kit.tile(`t${k}`, Memory.Sbuf, [128, cols]), slice(src, k, 128, cols));
    return kit;
  };
  it("fires for 128-byte-per-partition loads", () => {
    const hit = find(kernel(64), "small-dma");
    expect(hit?.evidence.averageBytesPerPartition).toBe(128);
    expect(hit?.sourceLines[0].line).toBe(3);
  });
  it("stays quiet for 4 KiB-per-partition loads", () => {
    expect(find(kernel(2048), "small-dma")).toBeUndefined();
  });
});

describe("fp32-matmul", () => {
  const kernel = (dt: "float32" | "bfloat16") => {
    const kit = new TraceKit();
    const st = kit.tile("w", Memory.Sbuf, [128, 128], dt);
    const mv = kit.tile("x", Memory.Sbuf, [128, 512], dt);
    const ps = kit.tile("ps", Memory.Psum, [128, 512], "float32");
    kit.at(9);
    for (let k = 0; k < 8; k++) kit.matmul(ps, st, mv, { accumulate: k > 0 });
    return kit;
  };
  it("fires for fp32 inputs and estimates the 3/4 of TensorE time bf16 would save", () => {
    const hit = find(kernel("float32"), "fp32-matmul");
    expect(hit).toBeDefined();
    expect(hit?.evidence.tensorSavedNs).toBeCloseTo(hit!.evidence.fp32TimeNs * 0.75, 6);
    expect(hit?.sourceLines[0].line).toBe(9);
  });
  it("stays quiet for bf16 inputs", () => {
    expect(find(kernel("bfloat16"), "fp32-matmul")).toBeUndefined();
  });
});

describe("psum-copies-on-vector", () => {
  const kernel = (evacuateOn: Engine) => {
    const kit = new TraceKit();
    const st = kit.tile("w", Memory.Sbuf, [128, 128]);
    const mv = kit.tile("x", Memory.Sbuf, [128, 512]);
    for (let k = 0; k < 8; k++) {
      const ps = kit.tile(`ps${k}`, Memory.Psum, [128, 512], "float32");
      kit.at(10).matmul(ps, st, mv);
      kit.at(11).unary(evacuateOn, evacuateOn === Engine.Scalar ? "activation" : "tensor_copy", kit.tile(`o${k}`, Memory.Sbuf, [128, 512]), ps, evacuateOn === Engine.Scalar ? "copy" : "");
    }
    return kit;
  };
  it("fires when VectorE is the busiest engine because of PSUM evacuation", () => {
    const hit = find(kernel(Engine.Vector), "psum-copies-on-vector", "trn1");
    expect(hit?.evidence.copies).toBe(8);
    expect(hit?.sourceLines[0].line).toBe(11);
  });
  it("stays quiet when the copies run on ScalarE", () => {
    expect(find(kernel(Engine.Scalar), "psum-copies-on-vector", "trn1")).toBeUndefined();
  });
});

describe("scalar-exp-bottleneck", () => {
  const kernel = (vectorWork: number) => {
    const kit = new TraceKit();
    const x = kit.tile("x", Memory.Sbuf, [128, 2048], "float32");
    kit.at(20);
    for (let k = 0; k < 8; k++) kit.unary(Engine.Scalar, "activation", kit.tile(`e${k}`, Memory.Sbuf, [128, 2048], "float32"), x, "exp");
    kit.at(21);
    for (let k = 0; k < vectorWork; k++) kit.binary(Engine.Vector, "tensor_tensor", kit.tile(`v${k}`, Memory.Sbuf, [128, 2048], "float32"), x, x, "maximum");
    return kit;
  };
  it("fires when exp dominates the busiest engine, and on trn3 points at the VectorE exponential", () => {
    expect(find(kernel(1), "scalar-exp-bottleneck", "trn2")).toBeDefined();
    const trn3 = find(kernel(1), "scalar-exp-bottleneck", "trn3");
    expect(trn3?.recommendation).toMatch(/VectorE's exponential/);
    expect(trn3?.sourceLines[0].line).toBe(20);
  });
  it("stays quiet when another engine is busier", () => {
    expect(find(kernel(16), "scalar-exp-bottleneck", "trn2")).toBeUndefined();
  });
});

describe("partitions-underused", () => {
  const kernel = (parts: number) => {
    const kit = new TraceKit();
    const x = kit.tile("x", Memory.Sbuf, [parts, 2048], "float32");
    kit.at(30);
    for (let k = 0; k < 8; k++) kit.unary(Engine.Vector, "tensor_scalar", kit.tile(`y${k}`, Memory.Sbuf, [parts, 2048], "float32"), x, "multiply");
    return kit;
  };
  it("fires for 32-partition tiles and estimates the 3/4 of their time that is wasted", () => {
    const hit = find(kernel(32), "partitions-underused");
    expect(hit?.evidence.averagePartitions).toBe(32);
    expect(hit?.estimatedGainPercent).toBeGreaterThan(50);
  });
  it("stays quiet for 128-partition tiles", () => {
    expect(find(kernel(128), "partitions-underused")).toBeUndefined();
  });
});

describe("gpsimd-does-vector-work", () => {
  it("fires for element-wise tensor_tensor on GpSimd", () => {
    const kit = new TraceKit();
    const x = kit.tile("x", Memory.Sbuf, [128, 2048]);
    kit.at(40);
    for (let k = 0; k < 8; k++) kit.binary(Engine.GpSimd, "tensor_tensor", kit.tile(`y${k}`, Memory.Sbuf, [128, 2048]), x, x, "add");
    const hit = find(kit, "gpsimd-does-vector-work");
    expect(hit?.evidence.instructions).toBe(8);
    expect(hit?.sourceLines[0].line).toBe(40);
  });
  it("stays quiet for iota, which belongs on GpSimd", () => {
    const kit = new TraceKit();
    for (let k = 0; k < 8; k++) {
      const y = kit.tile(`y${k}`, Memory.Sbuf, [128, 2048], "int32");
      kit.trace.append({ engine: Engine.GpSimd, opcode: "iota", flops: 0, operands: [kit.operand(y, Access.Write)] });
    }
    expect(find(kit, "gpsimd-does-vector-work")).toBeUndefined();
  });
});

describe("transposes-on-tensor-engine", () => {
  const kernel = (transposes: number) => {
    const kit = new TraceKit();
    const st = kit.tile("w", Memory.Sbuf, [128, 128]);
    const mv = kit.tile("x", Memory.Sbuf, [128, 512]);
    const ps = kit.tile("ps", Memory.Psum, [128, 512], "float32");
    kit.at(50);
    for (let k = 0; k < transposes; k++) kit.matmul(kit.tile(`t${k}`, Memory.Psum, [128, 128], "float32"), st, kit.tile("id", Memory.Sbuf, [128, 128]), { flags: InstrFlag.Transpose });
    kit.at(51);
    for (let k = 0; k < 8; k++) kit.matmul(ps, st, mv, { accumulate: k > 0 });
    return kit;
  };
  it("fires when transposes are more than 10% of TensorE work", () => {
    const hit = find(kernel(8), "transposes-on-tensor-engine");
    expect(hit?.sourceLines[0].line).toBe(50);
    expect(hit?.evidence.criticalPathTransposeNs).toBeGreaterThan(0);
  });
  it("stays quiet without transposes", () => {
    expect(find(kernel(0), "transposes-on-tensor-engine")).toBeUndefined();
  });
});

describe("sequential-without-carried-dependency", () => {
  it("fires for a sequential load-compute-store loop and measures the affine_range gain by re-simulation", () => {
    const kit = new TraceKit();
    const input = kit.hbm("in", [8 * 128, 2048]);
    const output = kit.hbm("out", [8 * 128, 2048]);
    kit.at(60);
    kit.loop(LoopKind.Sequential, 8, (i) => {
      const t = kit.tile(`t${i}`, Memory.Sbuf, [128, 2048], "bfloat16", { at: 0 });
      const u = kit.tile(`u${i}`, Memory.Sbuf, [128, 2048], "bfloat16", { at: 8192 });
      kit.dma(t, slice(input, i, 128, 2048));
      kit.unary(Engine.Scalar, "activation", u, t, "exp");
      kit.dma(slice(output, i, 128, 2048), u);
    });
    const hit = find(kit, "sequential-without-carried-dependency");
    expect(hit?.sourceLines[0]).toMatchObject({ file: "kernel.py", line: 1 });
    expect(hit?.estimatedGainPercent).toBeGreaterThan(10);
  });

  it("stays quiet when each iteration reads the previous one's result", () => {
    const kit = new TraceKit();
    const acc = kit.tile("acc", Memory.Sbuf, [128, 2048], "float32");
    const x = kit.tile("x", Memory.Sbuf, [128, 2048], "float32");
    kit.loop(LoopKind.Sequential, 8, () => kit.binary(Engine.Vector, "tensor_tensor", acc, acc, x));
    expect(find(kit, "sequential-without-carried-dependency")).toBeUndefined();
  });
});

describe("sbuf-pressure", () => {
  /** Loads `tiles` [128, cols] fp32 tiles, all live until a final reduction; tiles from `spillFrom` on go beyond capacity. */
  const kernel = (tiles: number, cols: number, spillFrom = Infinity) => {
    const kit = new TraceKit();
    const src = kit.hbm("x", [tiles * 128, cols], "float32");
    const ts = Array.from({ length: tiles }, (_, k) => {
      const at = k >= spillFrom ? 212_984 + (k - spillFrom) * cols * 4 : k * cols * 4;
      const t = kit.tile(`t${k}`, Memory.Sbuf, [128, cols], "float32", { at });
      kit.at(70).dma(t, { ...src, addr: src.addr + k * 128 * cols * 4, shape: [128, cols] });
      return t;
    });
    const sum = kit.tile("sum", Memory.Psum, [128, 512], "float32", { at: 0 });
    kit.at(71);
    // Consume the last-loaded tile first, so every tile stays live until all have landed.
    for (const t of ts.reverse()) kit.binary(Engine.Vector, "tensor_tensor", sum, sum, { ...t, shape: [512] });
    return kit;
  };
  it("fires with the measured spill traffic when tiles were spilled", () => {
    // Five 52,000 B tiles exceed trn2's 212,984 B: loading the fifth evicts the tile read last,
    // which is saved once and reloaded once.
    const hit = find(kernel(5, 13000, 4), "sbuf-pressure");
    expect(hit?.evidence.spillSaveBytes).toBe(128 * 13000 * 4);
    expect(hit?.evidence.spillReloadBytes).toBe(128 * 13000 * 4);
    expect(hit?.sourceLines.map((l) => l.line).sort()).toEqual([70, 71]);
    expect(hit?.estimatedGainNs).toBeGreaterThan(0);
  });
  it("warns without a gain when live tiles fill more than 90% of SBUF", () => {
    const hit = find(kernel(4, 13000), "sbuf-pressure");
    expect(hit?.evidence.peakBytesPerPartition).toBeGreaterThan(0.9 * 212_984);
    expect(hit?.estimatedGainNs).toBe(0);
  });
  it("stays quiet when live tiles fit comfortably", () => {
    expect(find(kernel(2, 13000), "sbuf-pressure")).toBeUndefined();
  });
});

describe("tensor-throttle", () => {
  const kernel = () => {
    const kit = new TraceKit();
    const st = kit.tile("w", Memory.Sbuf, [128, 128]);
    const mv = kit.tile("x", Memory.Sbuf, [128, 512]);
    const ps = kit.tile("ps", Memory.Psum, [128, 512], "float32");
    for (let k = 0; k < 20; k++) kit.matmul(ps, st, mv, { accumulate: k > 0 });
    return kit;
  };
  it("fires on trn2, where TensorE starts at half rate", () => {
    expect(find(kernel(), "tensor-throttle", "trn2")?.evidence.throttleLossNs).toBeGreaterThan(0);
  });
  it("stays quiet on trn1, which does not throttle", () => {
    expect(find(kernel(), "tensor-throttle", "trn1")).toBeUndefined();
  });
});

describe("strided-access", () => {
  const kernel = (stride: number) => {
    const kit = new TraceKit();
    const x = kit.tile("x", Memory.Sbuf, [128, 8 * 512], "float32");
    kit.at(80);
    for (let k = 0; k < 8; k++) {
      const y = kit.tile(`y${k}`, Memory.Sbuf, [128, 512], "float32");
      kit.trace.append({
        engine: Engine.Vector, opcode: "tensor_scalar", variant: "multiply", flops: 128 * 512,
        operands: [kit.operand(x, Access.Read, [stride, 512]), kit.operand(y, Access.Write)],
      });
    }
    return kit;
  };
  it("fires for a 32-byte innermost stride", () => {
    expect(find(kernel(8), "strided-access")?.evidence.maxStrideBytes).toBe(32);
  });
  it("stays quiet for unit stride", () => {
    expect(find(kernel(1), "strided-access")).toBeUndefined();
  });
});

describe("ranking", () => {
  it("orders findings by estimated gain and names source lines in each", () => {
    const kit = new TraceKit();
    const x = kit.tile("x", Memory.Sbuf, [32, 2048]);
    kit.at(90);
    for (let k = 0; k < 8; k++) kit.binary(Engine.GpSimd, "tensor_tensor", kit.tile(`y${k}`, Memory.Sbuf, [32, 2048]), x, x, "add");
    const found = insightsOf(kit);
    expect(found.length).toBeGreaterThanOrEqual(2);
    for (let k = 1; k < found.length; k++) expect(found[k - 1].estimatedGainNs).toBeGreaterThanOrEqual(found[k].estimatedGainNs);
    for (const f of found) expect(f.sourceLines.length).toBeGreaterThan(0);
  });
});
