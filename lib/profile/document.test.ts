import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { DOC_NO_WAIT, decodeInstructions, occupancySamples, profileDocument, PROFILE_MIME, roundNs } from "./document";
import { profileCard } from "./card";
import { profileTrace } from "./profile";
import { TraceKit } from "../sim/timing/trace-kit";
import { Engine, LoopKind, Memory } from "../sim/trace/types";
import { NO_WAIT } from "../sim/timing";

/** Loads, matmuls into PSUM, an exp and a store inside two nested affine loops, on a [2] SPMD grid. */
function kernelTrace(): TraceKit {
  const kit = new TraceKit("k.py");
  kit.trace.spmdGrid = [2];
  const a = kit.hbm("A", [256, 512]);
  const out = kit.hbm("OUT", [256, 512]);
  for (let spmd = 0; spmd < 2; spmd++) {
    kit.trace.setSpmdInstance(spmd);
    kit.loop(LoopKind.Affine, 2, (m) => {
      kit.at(5, "k.py");
      const x = kit.tile("x", Memory.Sbuf, [128, 512]);
      kit.dma(x, { ...a, addr: a.addr + m * 128 * 512 * 2, shape: [128, 512] });
      kit.loop(LoopKind.Sequential, 2, () => {
        kit.at(7, "k.py");
        const ps = kit.tile("ps", Memory.Psum, [128, 512], "float32");
        kit.matmul(ps, kit.tile("w", Memory.Sbuf, [128, 128]), x);
        kit.at(8, "k.py");
        const y = kit.tile("y", Memory.Sbuf, [128, 512]);
        kit.unary(Engine.Scalar, "activation", y, ps, "exp");
        kit.at(9, "k.py");
        kit.dma({ ...out, addr: out.addr + m * 128 * 512 * 2, shape: [128, 512] }, y);
      });
    });
  }
  return kit;
}

describe("profile document", () => {
  const kit = kernelTrace();
  const trace = kit.trace;
  const profile = profileTrace(trace, "trn2");
  const doc = profileDocument(profile, { kernelName: "k", sources: [{ file: "k.py", text: "def k():\n    pass\n" }] });
  const table = decodeInstructions(doc);
  const { timeline } = profile.timed;

  it("survives a JSON round trip unchanged", () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
    expect(PROFILE_MIME).toBe("application/vnd.kernel-lab.profile+json");
  });

  it("keeps every instruction's times to the picosecond", () => {
    expect(table.length).toBe(trace.length);
    for (let i = 0; i < trace.length; i++) {
      expect(Math.abs(table.startNs[i] - timeline.startNs[i])).toBeLessThanOrEqual(0.0005);
      expect(Math.abs(table.endNs[i] - timeline.endNs[i])).toBeLessThanOrEqual(0.0005);
      expect(Math.abs(table.waitNs[i] - timeline.waitNs[i])).toBeLessThanOrEqual(0.0005);
    }
    expect(roundNs(1764.1739130434783)).toBe(1764.174);
  });

  it("names each instruction's opcode, variant, source line, engine and track", () => {
    for (let i = 0; i < trace.length; i++) {
      expect(doc.strings[table.opcode[i]]).toBe(trace.opcode(i));
      expect(doc.strings[table.variant[i]]).toBe(trace.variant(i));
      expect(doc.strings[table.file[i]]).toBe(trace.file(i));
      expect(table.line[i]).toBe(trace.line(i));
      expect(table.engine[i]).toBe(trace.engine(i));
    }
    const exp = [...Array(trace.length).keys()].find((i) => trace.opcode(i) === "activation")!;
    expect(doc.tracks[table.track[exp]]).toBe("scalar");
    expect(doc.strings[table.variant[exp]]).toBe("exp");
  });

  it("carries bytes, FLOPs and the SPMD instance of every instruction", () => {
    const f = profile.facts;
    for (let i = 0; i < trace.length; i++) {
      expect(table.readBytes[i]).toBe(f.hbmRead[i] + f.sbufRead[i] + f.psumRead[i]);
      expect(table.writeBytes[i]).toBe(f.hbmWrite[i] + f.sbufWrite[i] + f.psumWrite[i]);
      expect(table.flops[i]).toBe(trace.flops(i));
      expect(table.spmd[i]).toBe(trace.spmdInstance(i));
    }
    // A [128,512] bf16 load reads and writes 128 KiB; a 128x128x512 matmul does 2*128*128*512 FLOPs.
    expect(table.readBytes[0]).toBe(128 * 512 * 2);
    expect(table.flops[1 + 0]).toBe(2 * 128 * 128 * 512);
    expect(doc.spmdGrid).toEqual([2]);
    expect(new Set(table.spmd)).toEqual(new Set([0, 1]));
  });

  it("describes operands by name, memory, dtype, accessed shape and partitions", () => {
    expect(doc.strings[table.operands[0]]).toBe("A: hbm bfloat16[128,512] → x: sbuf bfloat16[128,512] p0:128");
    const exp = [...Array(trace.length).keys()].find((i) => trace.opcode(i) === "activation")!;
    expect(doc.strings[table.operands[exp]]).toBe("ps: psum float32[128,512] p0:128 → y: sbuf bfloat16[128,512] p0:128");
  });

  it("rebuilds each instruction's loop path: loop line, kind and iteration from outermost to innermost", () => {
    const framesOf = (node: number) => {
      const frames: { line: number; kind: string; iteration: number }[] = [];
      for (let p = node; p > 0; p = doc.loopPaths.parent[p]) {
        const loop = doc.loops[doc.loopPaths.loop[p]];
        frames.unshift({ line: loop.line, kind: loop.kind, iteration: doc.loopPaths.iteration[p] });
      }
      return frames;
    };
    for (let i = 0; i < trace.length; i++) {
      const expected = trace.loopPath(i).map((f) => {
        const loop = trace.loop(f.loop);
        return { line: loop.line, kind: ["affine_range", "sequential_range", "static_range"][loop.kind], iteration: f.iteration };
      });
      expect(framesOf(table.loopPath[i])).toEqual(expected);
    }
    expect(doc.loops.map((l) => l.tripCount)).toEqual([2, 2, 2, 2, 2, 2]);
  });

  it("stores dependencies as CSR rows with their type and the wait each caused", () => {
    let waited = 0;
    for (let i = 0; i < trace.length; i++) {
      const row: { on: number; type: number }[] = [];
      for (let k = table.depStart[i]; k < table.depStart[i + 1]; k++) row.push({ on: table.depOn[k], type: table.depType[k] });
      expect(row).toEqual(trace.dependencies(i));
      for (let k = table.depStart[i]; k < table.depStart[i + 1]; k++) {
        const isWaitedOn = table.depOn[k] === timeline.waitedOn[i];
        expect(table.depWaitNs[k]).toBe(isWaitedOn ? table.waitNs[i] : 0);
        if (isWaitedOn && table.waitNs[i] > 0) waited++;
      }
      expect(table.waitType[i]).toBe(timeline.waitType[i] === NO_WAIT ? DOC_NO_WAIT : timeline.waitType[i]);
      expect(table.waitedOn[i]).toBe(timeline.waitedOn[i]);
    }
    expect(waited).toBeGreaterThan(0);
  });

  it("lists every timing constant with its provenance", () => {
    expect(doc.coreVersion).toBe("NC-v3");
    expect(doc.simulator).toMatch(/^Kernel Lab \d+\.\d+\.\d+/);
    expect(doc.constants.find((c) => c.startsWith("dmaEngineBytesPerNs = 23"))).toContain("[DMA-BW]");
  });

  it("keeps the card's numbers equal to the metrics", () => {
    const card = profileCard(doc, { profileId: "p1", url: "/profiles/p1" });
    expect(card.instructionCount).toBe(trace.length);
    expect(card.totalNs).toBeCloseTo(profile.timed.timeline.totalNs, 6);
    expect(card.url).toBe("/profiles/p1");
  });
});

describe("occupancy samples", () => {
  const samples = [0, 10, 20, 30, 40, 50, 60, 70].map((t, k) => ({ timeNs: t, sbufBytes: [0, 5, 1, 9, 2, 2, 7, 0][k], psumBytes: k }));

  it("are kept as they are when there are few", () => {
    expect(occupancySamples(samples, 80, 8).sbufBytes).toEqual([0, 5, 1, 9, 2, 2, 7, 0]);
  });

  it("keep each time slice's peak, counting the value in force when the slice starts", () => {
    // Slices of 20 ns: [0,20) sees 0,5; [20,40) sees 1,9; [40,60) sees 2,2; [60,80) sees 7,0.
    expect(occupancySamples(samples, 80, 4)).toEqual({ timeNs: [0, 20, 40, 60], sbufBytes: [5, 9, 2, 7], psumBytes: [1, 3, 5, 7] });
    // A slice with no change repeats the value in force: [0,40) peaks at 9, [40,80) starts at 9 (set at 30).
    expect(occupancySamples(samples.slice(0, 4), 80, 2)).toEqual({ timeNs: [0], sbufBytes: [9], psumBytes: [3] });
  });
});

describe("profile document wire size", () => {
  it("stays far below 60 gzipped bytes per instruction on a 10 000-instruction kernel", () => {
    const kit = new TraceKit("big.py");
    const a = kit.hbm("A", [128, 512]);
    kit.loop(LoopKind.Affine, 2500, (m) => {
      kit.at(3 + (m % 3), "big.py");
      const x = kit.tile("x", Memory.Sbuf, [128, 512]);
      kit.dma(x, a);
      const ps = kit.tile("ps", Memory.Psum, [128, 512], "float32");
      kit.matmul(ps, kit.tile("w", Memory.Sbuf, [128, 128]), x);
      const y = kit.tile("y", Memory.Sbuf, [128, 512]);
      kit.unary(Engine.Scalar, "activation", y, ps, "exp");
      kit.dma(a, y);
    });
    const profile = profileTrace(kit.trace, "trn2");
    const doc = profileDocument(profile);
    expect(doc.occupancy.timeNs.length).toBeLessThanOrEqual(4096);
    expect(Math.max(...doc.occupancy.sbufBytes)).toBe(profile.metrics.sbuf_peak_bytes_per_partition);
    const perInstruction = gzipSync(JSON.stringify(doc)).length / kit.trace.length;
    expect(kit.trace.length).toBe(10_000);
    expect(perInstruction).toBeLessThan(60);
  });
});
