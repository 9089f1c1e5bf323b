/**
 * Random numbers: the hardware PRNGs (LFSR before NC-v4, XORWOW on NC-v4 [ARCH-V4]) cannot be
 * reproduced bit-exactly from public documentation, so the model uses a seeded xorshift32 stream per
 * machine: uniform in [0, 1), deterministic for a given seed, not the hardware's sequence
 * (docs/nki-semantics.md).
 */

import { nkiError } from "../errors";
import type { Machine } from "../machine";
import { viewSize, type View } from "../memory/tensor";
import { Access, Engine, Memory, emit, gather, requireMemory, requireSameSize, requireTile, scatter, type Mask } from "./common";
import { perPartition, type ScalarOrVector } from "./operands";

const state = new WeakMap<Machine, { s: number }>();

function rng(m: Machine): { s: number } {
  let r = state.get(m);
  if (!r) {
    r = { s: 0x9e3779b9 };
    state.set(m, r);
  }
  return r;
}

function next(r: { s: number }): number {
  let x = r.s;
  x ^= x << 13;
  x ^= x >>> 17;
  x ^= x << 5;
  r.s = x >>> 0;
  return (r.s >>> 8) / 16777216;
}

/** nl.random_seed: reseeds the stream (seed 0 is mapped to a fixed non-zero state). */
export function randomSeed(m: Machine, seed: number): void {
  rng(m).s = seed >>> 0 || 0x9e3779b9;
}

/** nl.rand: fills dst with uniform [0, 1) values (VectorE, as NKI 0.3's `nisa.rng`). */
export function rand(m: Machine, dst: View, mask: Mask = null): void {
  const instr = "rand";
  requireTile(m, dst, "dst", instr);
  requireMemory(m, dst, [Memory.Sbuf, Memory.Psum], "dst", instr);
  if (!emit(m, Engine.Vector, instr, "", 0, viewSize(dst), [[Access.Write, dst]], mask, dst.shape)) return;
  if (!m.functional) return;
  const r = rng(m);
  const out = new Float64Array(viewSize(dst));
  for (let i = 0; i < out.length; i++) out[i] = next(r);
  scatter(dst, out, mask);
}

/** nisa.dropout / nl.dropout: zeroes each element with probability `prob` (no rescaling). */
export function dropout(m: Machine, dst: View, data: View, prob: ScalarOrVector, mask: Mask = null): void {
  const instr = "dropout";
  requireTile(m, data, "data", instr);
  requireTile(m, dst, "dst", instr);
  requireMemory(m, data, [Memory.Sbuf, Memory.Psum], "data", instr);
  requireSameSize(m, data, dst, instr, "input/output");
  if (typeof prob === "number" && !(prob >= 0 && prob <= 1)) {
    nkiError("err_shape_mismatch", `${instr}: probability must be in [0, 1], got ${prob}`, m.location);
  }
  const P = data.shape[0];
  const probs = perPartition(m, prob, P, instr, "prob");
  const reads: [Access, View][] = [[Access.Read, data]];
  if (typeof prob === "object") reads.push([Access.Read, prob]);
  if (!emit(m, Engine.Vector, instr, typeof prob === "number" ? String(prob) : "", 0, viewSize(dst), [...reads, [Access.Write, dst]], mask, dst.shape)) return;
  if (!m.functional) return;
  const r = rng(m);
  const x = gather(data);
  const F = x.length / Math.max(1, P);
  for (let i = 0; i < x.length; i++) if (next(r) < probs[Math.floor(i / F)]) x[i] = 0;
  scatter(dst, x, mask);
}
