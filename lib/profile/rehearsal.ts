/**
 * A small kernel the profiler rehearses on before its first real profile in a process.
 *
 * The profile pipeline is a few dozen whole-trace loops, most in functions called once per
 * profile. V8 allocates a function's type feedback only after it has run a while, optimises it
 * from what was recorded by then, and throws that code away when a path it never saw runs: a
 * function's entry on its first call, the code after its loop, a second kind of value in a field.
 * With one call per profile that took four profiles to settle, each recompiling what the last
 * threw away (the stream bench's second to fourth profiles cost 1.5-2x the warm ones). Ten profiles
 * of this kernel (tens of instructions, ~20 ms in all) run every path of the real ones first.
 */

import { TraceKit, type Tile } from "../sim/timing/trace-kit";
import type { Trace } from "../sim/trace";
import { Engine, LoopKind, Memory } from "../sim/trace/types";

/** Profiles of the rehearsal kernel run before the first real one. */
export const REHEARSALS = 10;

/**
 * Load, matmul, PSUM evacuation on VectorE, exp on ScalarE, GpSimd work and store in an affine_range
 * (rotating tiles), then a sequential_range without a carried dependency (the what-if re-simulation).
 */
export function rehearsalKernel(): Trace {
  const kit = new TraceKit("rehearsal.py");
  const x = kit.hbm("x", [4 * 128, 512]);
  const y = kit.hbm("y", [8 * 128, 512]);
  const rows = (t: Tile, k: number): Tile => ({ ...t, addr: t.addr + k * 128 * 512 * 2, shape: [128, 512] });
  const w = kit.tile("w", Memory.Sbuf, [128, 128]);
  kit.at(3).dma(w, { ...x, shape: [128, 128] });
  kit.loop(LoopKind.Affine, 4, (k) => {
    const t = kit.tile("t", Memory.Sbuf, [128, 512]);
    kit.at(5).dma(t, rows(x, k));
    const ps = kit.tile("ps", Memory.Psum, [128, 512], "float32");
    kit.at(6).matmul(ps, w, t);
    const o = kit.tile("o", Memory.Sbuf, [128, 512]);
    kit.at(7).unary(Engine.Vector, "tensor_copy", o, ps);
    kit.at(8).unary(Engine.Scalar, "activation", o, o, "exp");
    kit.at(9).binary(Engine.GpSimd, "tensor_tensor", o, o, t);
    kit.at(10).dma(rows(y, k), o);
  });
  kit.loop(LoopKind.Sequential, 4, (k) => {
    const t = kit.tile("s", Memory.Sbuf, [128, 512], "bfloat16", { at: 100_000 });
    kit.at(13).dma(t, rows(x, k));
    kit.at(14).unary(Engine.Scalar, "activation", t, t, "exp");
    kit.at(15).dma(rows(y, 4 + k), t);
  });
  return kit.trace;
}
