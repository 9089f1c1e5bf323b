/**
 * The public matmul tutorial's benchmark shape, 4096x8192x8192 bf16, as a blocked kernel built
 * directly against the trace API: B's [K, 512] column block is loaded once per output column block,
 * A^T tiles per (row block, k), PSUM accumulation over k, one copy and one store per output tile.
 * 32,768 nc_matmul and 67,584 instructions in all.
 */

import { TraceKit } from "../trace-kit";
import { Engine, LoopKind, Memory } from "../../trace/types";

export const M = 4096;
export const K = 8192;
export const N = 8192;

/** The kernel at `shape` [M, K, N] (multiples of 128, 128 and 512); the tutorial's shape by default. */
export function blockedMatmul(shape: readonly [number, number, number] = [M, K, N]): TraceKit {
  const [M, K, N] = shape;
  const kit = new TraceKit("matmul.py");
  const lhsT = kit.hbm("lhsT", [K, M]);
  const rhs = kit.hbm("rhs", [K, N]);
  const res = kit.hbm("result", [M, N]);
  const kTiles = K / 128;
  kit.loop(LoopKind.Affine, N / 512, (n) => {
    kit.at(10, "matmul.py");
    const rhsTiles = Array.from({ length: kTiles }, (_, k) => {
      const t = kit.tile(`rhs_${n}_${k}`, Memory.Sbuf, [128, 512], "bfloat16", { at: k * 1024 });
      kit.dma(t, { ...rhs, addr: rhs.addr + (k * 128 * N + n * 512) * 2, shape: [128, 512] });
      return t;
    });
    kit.loop(LoopKind.Affine, M / 128, (m) => {
      kit.at(14, "matmul.py");
      const ps = kit.tile(`ps_${n}_${m}`, Memory.Psum, [128, 512], "float32", { at: 0 });
      for (let k = 0; k < kTiles; k++) {
        const l = kit.tile(`lhsT_${n}_${m}_${k}`, Memory.Sbuf, [128, 128], "bfloat16", { at: 65536 + (k % 8) * 256 });
        kit.at(16, "matmul.py");
        kit.dma(l, { ...lhsT, addr: lhsT.addr + (k * 128 * M + m * 128) * 2, shape: [128, 128] });
        kit.at(17, "matmul.py");
        kit.matmul(ps, l, rhsTiles[k], { accumulate: k > 0 });
      }
      const out = kit.tile(`out_${n}_${m}`, Memory.Sbuf, [128, 512], "bfloat16", { at: 131072 });
      kit.at(19, "matmul.py");
      kit.unary(Engine.Vector, "tensor_copy", out, ps);
      kit.at(20, "matmul.py");
      kit.dma({ ...res, addr: res.addr + (m * 128 * N + n * 512) * 2, shape: [128, 512] }, out);
    });
  });
  return kit;
}
