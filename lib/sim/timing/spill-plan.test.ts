import { describe, expect, it } from "vitest";
import { dtype } from "../dtypes";
import { Machine } from "../machine";
import { fullView, selectView, sliceView, type View } from "../memory/tensor";
import { dmaCopy } from "../ops/dma";
import { memset, tensorCopy, tensorTensor } from "../ops/elementwise";
import { ncMatmul } from "../ops/tensor-engine";
import { Engine, LoopKind, Memory } from "../trace/types";
import { profileTimedTrace } from "../../profile";
import { simulateTiming, type TargetName, type TimedTrace } from "./index";
import { TraceKit } from "./trace-kit";
import golden from "./spill-plan.golden.json";

type Golden = Record<string, { spill_save_bytes: number; spill_reload_bytes: number }>;
const expected = (key: string) => {
  const g = (golden as Golden)[key];
  if (!g) throw new Error(`no golden value for ${key}`);
  return [g.spill_save_bytes, g.spill_reload_bytes];
};
const spillBytes = (timed: TimedTrace) => [timed.costed.spillSaveBytes, timed.costed.spillReloadBytes];

/**
 * `count` fp32 [128, 13000] tiles (52,000 B per partition each) loaded one after another and all live
 * until a final reduction reads them last-loaded first; the first-loaded tile is read three times.
 */
function residentTiles(count: number, target: TargetName): Machine {
  const m = new Machine({ target, mode: "timing-only" });
  const f32 = dtype("float32");
  const src = fullView(m.allocHbm("x", [count * 128, 13000], f32));
  m.setLocation("tiles.py", 5);
  const tiles = Array.from({ length: count }, (_, k) => {
    const t = fullView(m.allocOnChip(`t${k}`, Memory.Sbuf, [128, 13000], f32));
    dmaCopy(m, t, sliceView(src, 0, k * 128, (k + 1) * 128));
    return t;
  });
  m.setLocation("tiles.py", 9);
  const sum = fullView(m.allocOnChip("sum", Memory.Psum, [128, 512], f32));
  const head = (t: View) => sliceView(t, 1, 0, 512);
  for (const t of tiles.slice(1).reverse()) tensorTensor(m, sum, sum, head(t), "add");
  for (let r = 0; r < 3; r++) tensorTensor(m, sum, sum, head(tiles[0]), "add");
  return m;
}

/**
 * Notebook 04's blocked kernel: a [K, BM] block of lhsT and a [K, BN] block of rhs in SBUF as
 * block-dimension tiles filled block by block, [128, 512] PSUM accumulators over K, one copy to
 * SBUF and one store per output tile.
 */
function blockedMatmul(M: number, K: number, N: number, BM: number, BN: number, target: TargetName): Machine {
  const m = new Machine({ target, mode: "timing-only" });
  const bf16 = dtype("bfloat16");
  const f32 = dtype("float32");
  const lhsT = fullView(m.allocHbm("lhsT", [K, M], bf16));
  const rhs = fullView(m.allocHbm("rhs", [K, N], bf16));
  const result = fullView(m.allocHbm("result", [M, N], f32));
  const window = (v: View, r0: number, rows: number, c0: number, cols: number) => sliceView(sliceView(v, 0, r0, r0 + rows), 1, c0, c0 + cols);
  const kt = K / 128;
  m.setLocation("blocked.py", 8);
  m.beginLoop(LoopKind.Affine, M / BM);
  for (let mb = 0; mb < M / BM; mb++) {
    m.setIteration(mb);
    const lhsBlk = fullView(m.allocOnChip("lhs_blk", Memory.Sbuf, [kt, 128, BM], bf16, 1));
    m.beginLoop(LoopKind.Affine, kt);
    for (let k = 0; k < kt; k++) {
      m.setIteration(k);
      dmaCopy(m, selectView(lhsBlk, 0, k), window(lhsT, k * 128, 128, mb * BM, BM));
    }
    m.endLoop();
    m.beginLoop(LoopKind.Affine, N / BN);
    for (let nb = 0; nb < N / BN; nb++) {
      m.setIteration(nb);
      const rhsBlk = fullView(m.allocOnChip("rhs_blk", Memory.Sbuf, [kt, 128, BN], bf16, 1));
      m.beginLoop(LoopKind.Affine, kt);
      for (let k = 0; k < kt; k++) {
        m.setIteration(k);
        dmaCopy(m, selectView(rhsBlk, 0, k), window(rhs, k * 128, 128, nb * BN, BN));
      }
      m.endLoop();
      m.beginLoop(LoopKind.Affine, (BM / 128) * (BN / 512));
      for (let t = 0; t < (BM / 128) * (BN / 512); t++) {
        m.setIteration(t);
        const [mi, ni] = [Math.floor(t / (BN / 512)), t % (BN / 512)];
        const acc = fullView(m.allocOnChip("acc", Memory.Psum, [128, 512], f32));
        memset(m, acc, 0);
        for (let k = 0; k < kt; k++) {
          const stationary = sliceView(selectView(lhsBlk, 0, k), 1, mi * 128, (mi + 1) * 128);
          const moving = sliceView(selectView(rhsBlk, 0, k), 1, ni * 512, (ni + 1) * 512);
          ncMatmul(m, acc, stationary, moving, { accumulate: true });
        }
        const res = fullView(m.allocOnChip("res", Memory.Sbuf, [128, 512], f32));
        tensorCopy(m, res, acc);
        dmaCopy(m, window(result, mb * BM + mi * 128, 128, nb * BN + ni * 512, 512), res);
      }
      m.endLoop();
    }
    m.endLoop();
  }
  m.endLoop();
  return m;
}

describe("spill planning, microbenchmark pair", () => {
  it("inserts no spill traffic when the live tiles fit (4 x 52,000 B in trn2's 212,984 B)", () => {
    const timed = simulateTiming(residentTiles(4, "trn2").trace, "trn2");
    expect(spillBytes(timed)).toEqual(expected("4 resident tiles of 52,000 B trn2"));
    expect(timed.spills).toEqual([]);
  });

  it("over-subscribed by 47,016 B: saves the tile used furthest ahead once and reloads it once for three reads", () => {
    const m = residentTiles(5, "trn2");
    const timed = simulateTiming(m.trace, "trn2");
    expect(spillBytes(timed)).toEqual(expected("5 resident tiles of 52,000 B trn2"));
    // The fifth load needs the room: the first tile (read last) is saved; its first read reloads it.
    const fifthLoad = 4;
    const firstReadOfT0 = 9;
    expect(timed.spills.map((s) => [s.kind, s.origin, s.bytes])).toEqual([
      ["save", fifthLoad, 128 * 52_000],
      ["reload", firstReadOfT0, 128 * 52_000],
    ]);
    const [save, reload] = timed.spills;
    expect(timed.timeline.startNs[fifthLoad]).toBeGreaterThanOrEqual(save.endNs);
    expect(reload.startNs).toBeGreaterThanOrEqual(save.endNs);
    expect(timed.timeline.startNs[firstReadOfT0]).toBeGreaterThanOrEqual(reload.endNs);
  });
});

describe("spill planning rules", () => {
  it("saves an evicted tile only if it changed since its last save, and reloads it at each next use", () => {
    // Three 100,000 B tiles where two fit on trn2; C crosses capacity as in the spill region.
    const kit = new TraceKit();
    const [a, b, c] = [0, 100_000, 200_000].map((at, k) => kit.tile(`t${k}`, Memory.Sbuf, [128, 25_000], "float32", { at }));
    const x = kit.hbm("x", [3 * 128, 25_000], "float32");
    const sink = kit.tile("sink", Memory.Psum, [128, 512], "float32");
    const read = (t: typeof a) => kit.binary(Engine.Vector, "tensor_tensor", sink, sink, { ...t, shape: [512] });
    [a, b, c].forEach((t, k) => kit.dma(t, { ...x, addr: x.addr + k * 128 * 100_000, shape: [128, 25_000] }));
    for (const t of [b, a, c, b, c, b, a]) read(t);
    const timed = simulateTiming(kit.trace, "trn2");
    expect(spillBytes(timed)).toEqual(expected("clean eviction trn2"));
    // A is saved when C arrives; B when A comes back; A's second eviction (for B) saves nothing.
    expect(timed.spills.map((s) => [s.kind, s.origin])).toEqual([
      ["save", 2],
      ["save", 4],
      ["reload", 4],
      ["reload", 6],
      ["reload", 9],
    ]);
  });

  it("shows the spill traffic in the profile and raises the sbuf-pressure insight", () => {
    const profile = profileTimedTrace(simulateTiming(residentTiles(5, "trn2").trace, "trn2"));
    expect([profile.metrics.spill_save_bytes, profile.metrics.spill_reload_bytes]).toEqual(expected("5 resident tiles of 52,000 B trn2"));
    expect(profile.insights.map((i) => i.id)).toContain("sbuf-pressure");
  });
});

describe("spill planning, notebook 04's blocked bf16 matmul 4096x8192x8192", () => {
  it("with 512-wide blocks (128 KiB per partition) spills nothing on trn1", () => {
    const timed = simulateTiming(blockedMatmul(4096, 8192, 8192, 512, 512, "trn1").trace, "trn1");
    expect(spillBytes(timed)).toEqual(expected("blocked 4096x8192x8192 BM=BN=512 trn1"));
  });

  // 1024-wide blocks hold 256 KiB per partition of lhsT and rhs blocks: more than any target's SBUF.
  for (const target of ["trn1", "trn2", "trn3"] as const) {
    it(`with 1024-wide blocks spills per 2 KiB block, not per whole tile and use, on ${target}`, () => {
      const timed = simulateTiming(blockedMatmul(4096, 8192, 8192, 1024, 1024, target).trace, target);
      expect(spillBytes(timed)).toEqual(expected(`blocked 4096x8192x8192 BM=BN=1024 ${target}`));
      // Every transfer moves one block (2 KiB per partition), never a whole 128 KiB tile.
      expect(timed.spills.every((s) => s.bytes === 128 * 2048)).toBe(true);
    });
  }
});
