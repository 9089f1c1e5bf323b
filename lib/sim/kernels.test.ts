/**
 * Tutorial kernels written directly against the machine API, checked end to end against numpy:
 * they exercise DMA windows, loops and scopes, PSUM accumulation, strided access patterns and the
 * nl lowerings together.
 */

import { describe, expect, it } from "vitest";
import { dtype } from "./dtypes";
import { arrayOf, emptyTile, expectValues, golden, hbmOf, read, tileOf, values } from "./golden/golden";
import { binary, softmax } from "./lower/nl";
import { Machine } from "./machine";
import { apView, fullView, sliceView, type View } from "./memory/tensor";
import { activation } from "./ops/activation";
import { dmaCopy } from "./ops/dma";
import { tensorCopy, tensorScalar } from "./ops/elementwise";
import { bnAggr, bnStats, tensorReduce } from "./ops/reduce";
import { ncMatmul, ncTranspose } from "./ops/tensor-engine";
import { LoopKind, Memory } from "./trace/types";

const window = (v: View, r0: number, r1: number, c0: number, c1: number): View => sliceView(sliceView(v, 0, r0, r1), 1, c0, c1);

describe("tutorial kernels on the machine", () => {
  it("tiled matmul: 128x128 stationary, 128-wide moving tiles, PSUM accumulation over K", () => {
    const c = golden("kernel_tiled_matmul");
    const m = new Machine({ target: "trn2" });
    const bf16 = dtype("bfloat16");
    const f32 = dtype("float32");
    const pattern = (mul: number) => Array.from({ length: 256 * 256 }, (_, i) => (((i * mul) % 29) - 14) / 16);
    const lhsT = fullView(m.allocHbm("lhsT", [256, 256], bf16));
    const rhs = fullView(m.allocHbm("rhs", [256, 256], bf16));
    lhsT.buffer.data?.set(pattern(c.a_mul as number));
    rhs.buffer.data?.set(pattern(c.b_mul as number));
    const out = fullView(m.allocHbm("out", [256, 256], f32));
    m.setLocation("matmul.py", 20);
    m.beginLoop(LoopKind.Affine, 2);
    for (let mi = 0; mi < 2; mi++) {
      m.setIteration(mi);
      m.beginLoop(LoopKind.Affine, 2);
      for (let ni = 0; ni < 2; ni++) {
        m.setIteration(ni);
        const psum = fullView(m.allocOnChip("res_psum", Memory.Psum, [128, 128], f32));
        m.beginLoop(LoopKind.Affine, 2);
        for (let ki = 0; ki < 2; ki++) {
          m.setIteration(ki);
          const a = fullView(m.allocOnChip("a", Memory.Sbuf, [128, 128], bf16));
          const b = fullView(m.allocOnChip("b", Memory.Sbuf, [128, 128], bf16));
          dmaCopy(m, a, window(lhsT, ki * 128, ki * 128 + 128, mi * 128, mi * 128 + 128));
          dmaCopy(m, b, window(rhs, ki * 128, ki * 128 + 128, ni * 128, ni * 128 + 128));
          ncMatmul(m, psum, a, b, { accumulate: ki > 0 });
        }
        m.endLoop();
        const res = fullView(m.allocOnChip("res", Memory.Sbuf, [128, 128], f32));
        tensorCopy(m, res, psum);
        dmaCopy(m, window(out, mi * 128, mi * 128 + 128, ni * 128, ni * 128 + 128), res);
      }
      m.endLoop();
    }
    m.endLoop();
    expectValues(read(out), values(c.expected));
    expect(m.trace.length).toBe(4 * (2 * 3 + 2));
    expect(m.sbuf.used).toBe(0);
  });

  it("LayerNorm with bn_stats/bn_aggr, rsqrt on ScalarE and partition-broadcast gamma/beta", () => {
    const c = golden("kernel_layernorm");
    const m = new Machine({ target: "trn2" });
    const f32 = dtype("float32");
    const x = tileOf(m, arrayOf(c, "x"));
    const stats = emptyTile(m, [32, 12], "float32");
    for (let k = 0; k < 2; k++) bnStats(m, sliceView(stats, 1, 6 * k, 6 * k + 6), sliceView(x, 1, 512 * k, 512 * k + 512));
    const mv = emptyTile(m, [32, 2], "float32");
    bnAggr(m, mv, stats);
    const varEps = emptyTile(m, [32, 1], "float32");
    tensorScalar(m, varEps, sliceView(mv, 1, 1, 2), { op0: "add", operand0: 1e-5 });
    const rstd = emptyTile(m, [32, 1], "float32");
    activation(m, rstd, varEps, { op: "rsqrt" });
    const norm = fullView(m.allocOnChip("norm", Memory.Sbuf, [32, 1024], f32));
    tensorScalar(m, norm, x, { op0: "subtract", operand0: sliceView(mv, 1, 0, 1), op1: "multiply", operand1: rstd });
    const scaled = binary(m, "multiply", norm, tileOf(m, arrayOf(c, "gamma")));
    const y = binary(m, "add", scaled, tileOf(m, arrayOf(c, "beta")));
    expectValues(read(y), values(c.expected), 1e-4, 1e-4);
  });

  it("average pool 2x2: a 5-D strided view of the tile reduced over two axes", () => {
    const c = golden("kernel_avgpool2d");
    const m = new Machine({ target: "trn2" });
    const img = hbmOf(m, arrayOf(c, "img"));
    const t = fullView(m.allocOnChip("in", Memory.Sbuf, [16, 32, 32], dtype("float32")));
    dmaCopy(m, t, img);
    const windows = apView(t.buffer, 0, [[64, 16], [32, 2], [2, 16], [1, 2]]);
    const sums = emptyTile(m, [16, 16, 16], "float32");
    tensorReduce(m, sums, windows, { op: "add", axes: [2, 4] });
    const out = emptyTile(m, [16, 256], "float32");
    tensorScalar(m, out, sums, { op0: "multiply", operand0: 0.25 });
    expectValues(read(out), values(c.expected), 1e-6, 1e-7);
  });

  it("transpose2d of free dims through access patterns (F1xF2 -> F2xF1)", () => {
    const c = golden("kernel_transpose2d");
    const m = new Machine({ target: "trn2" });
    const x = tileOf(m, arrayOf(c, "x"));
    const out = emptyTile(m, [8, 24], "float32");
    tensorCopy(m, apView(out.buffer, 0, [[4, 6], [1, 4]]), apView(x.buffer, 0, [[1, 6], [6, 4]]));
    expectValues(read(out), values(c.expected));
    expect(m.trace.operand(0, 0).pattern).toEqual([1, 6, 6, 4]);
  });

  it("fused self-attention on a 128-token sequence: QK^T, softmax, transpose, PV", () => {
    const c = golden("kernel_attention");
    const m = new Machine({ target: "trn2" });
    const f32 = dtype("float32");
    const q = tileOf(m, arrayOf(c, "q"));
    const k = tileOf(m, arrayOf(c, "k"));
    const v = tileOf(m, arrayOf(c, "v"));
    const scores = fullView(m.allocOnChip("scores", Memory.Psum, [128, 128], f32));
    ncMatmul(m, scores, q, k);
    const probs = softmax(m, scores);
    const probsTp = fullView(m.allocOnChip("probsT", Memory.Psum, [128, 128], f32));
    ncTranspose(m, probsTp, probs);
    const probsT = fullView(m.allocOnChip("probsT_sb", Memory.Sbuf, [128, 128], f32));
    tensorCopy(m, probsT, probsTp);
    const out = fullView(m.allocOnChip("out", Memory.Psum, [128, 64], f32));
    ncMatmul(m, out, probsT, v);
    expectValues(read(out), values(c.expected), 1e-4, 1e-5);
  });
});
