/**
 * An optimisation ladder of matmul kernels (C[M,N] = A^T[K,M]^T @ B[K,N], bf16), each step a
 * known improvement; their simulated latencies must decrease in order on every target.
 */
import { describe, expect, it } from "vitest";
import { simulateTiming, TARGETS } from "./index";
import { TraceKit, type Tile } from "./trace-kit";
import { Engine, LoopKind, Memory } from "../trace/types";

const M = 512;
const K = 1024;
const N = 1024;

function hbmBlock(t: Tile, row: number, col: number, rows: number, cols: number, rowLength: number): Tile {
  return { ...t, addr: t.addr + (row * rowLength + col) * 2, shape: [rows, cols] };
}

/** Row-strided HBM block [rows, cols] inside a [*, rowLength] tensor (what the DMA really reads). */
function dmaBlock(kit: TraceKit, dst: Tile, src: Tile, row: number, col: number, rowLength: number) {
  const [rows, cols] = [dst.partCount, dst.shape.reduce((a, b) => a * b, 1)];
  return kit.trace.append({
    engine: Engine.Dma, opcode: "dma_copy", flops: 0,
    operands: [kit.operand(hbmBlock(src, row, col, rows, cols, rowLength), 1, [rowLength, rows, 1, cols]), kit.operand(dst, 2)],
  });
}

function storeBlock(kit: TraceKit, dst: Tile, src: Tile, row: number, col: number, rowLength: number) {
  const [rows, cols] = [src.partCount, src.shape.reduce((a, b) => a * b, 1)];
  return kit.trace.append({
    engine: Engine.Dma, opcode: "dma_copy", flops: 0,
    operands: [kit.operand(src, 1), kit.operand(hbmBlock(dst, row, col, rows, cols, rowLength), 2, [rowLength, rows, 1, cols])],
  });
}

type Step = "naive-sequential" | "affine" | "hoisted-rhs" | "hoisted-both";

function matmulKernel(step: Step): TraceKit {
  const kit = new TraceKit("matmul.py");
  const aT = kit.hbm("lhsT", [K, M]);
  const b = kit.hbm("rhs", [K, N]);
  const c = kit.hbm("result", [M, N]);
  const kind = step === "naive-sequential" ? LoopKind.Sequential : LoopKind.Affine;
  const kTiles = K / 128;
  // hoisted-both loads all of A^T once, as [128, M] row blocks (1 KiB contiguous per partition).
  const lhsAll =
    step === "hoisted-both"
      ? Array.from({ length: kTiles }, (_, k) => {
          const t = kit.tile(`lhsT${k}`, Memory.Sbuf, [128, M]);
          dmaBlock(kit, t, aT, k * 128, 0, M);
          return t;
        })
      : [];
  kit.loop(kind, N / 512, (n) => {
    // hoisted-rhs and big-blocks load the [K, 512] column block of B once per n.
    let rhs: Tile[] = [];
    if (step === "hoisted-rhs" || step === "hoisted-both") {
      rhs = Array.from({ length: kTiles }, (_, k) => {
        const t = kit.tile(`rhs${k}`, Memory.Sbuf, [128, 512]);
        dmaBlock(kit, t, b, k * 128, n * 512, N);
        return t;
      });
    }
    kit.loop(kind, M / 128, (m) => {
      const ps = kit.tile("ps", Memory.Psum, [128, 512], "float32", { at: 0 });
      kit.loop(kind, kTiles, (k) => {
        let l: Tile;
        let r: Tile;
        if (step === "hoisted-both") l = { ...lhsAll[k], addr: lhsAll[k].addr + m * 128 * 2, shape: [128] };
        else {
          l = kit.tile("lhs", Memory.Sbuf, [128, 128], "bfloat16", { at: 16384 });
          dmaBlock(kit, l, aT, k * 128, m * 128, M);
        }
        if (step === "hoisted-rhs" || step === "hoisted-both") r = rhs[k];
        else {
          r = kit.tile("rhs", Memory.Sbuf, [128, 512], "bfloat16", { at: 20480 });
          dmaBlock(kit, r, b, k * 128, n * 512, N);
        }
        kit.matmul(ps, l, r, { accumulate: k > 0 });
      });
      const out = kit.tile("out", Memory.Sbuf, [128, 512], "bfloat16", { at: 24576 });
      kit.unary(Engine.Vector, "tensor_copy", out, ps);
      storeBlock(kit, c, out, m * 128, n * 512, N);
    });
  });
  return kit;
}

describe("matmul optimisation ladder", () => {
  const steps: Step[] = ["naive-sequential", "affine", "hoisted-rhs", "hoisted-both"];
  it.each(TARGETS)("each step is faster than the previous one on %s", (target) => {
    const latencies = steps.map((s) => simulateTiming(matmulKernel(s).trace, target).timeline.totalNs);
    for (let k = 1; k < latencies.length; k++) expect(latencies[k]).toBeLessThan(latencies[k - 1]);
  });

  it("newer targets run the best kernel faster (trn1 > trn2 > trn3)", () => {
    const [t1, t2, t3] = TARGETS.map((t) => simulateTiming(matmulKernel("hoisted-both").trace, t).timeline.totalNs);
    expect(t2).toBeLessThan(t1);
    expect(t3).toBeLessThan(t2);
  });
});
