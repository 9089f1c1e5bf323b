import { describe, expect, it } from "vitest";
import { z } from "zod";
import { profileTrace } from "../profile";
import { toPerfetto, hbmBandwidth } from "./perfetto";
import { CSV_COLUMNS, csvField, toCsv } from "./csv";
import { TraceKit } from "../../sim/timing/trace-kit";
import { Engine, LoopKind, Memory } from "../../sim/trace/types";

function kernel() {
  const kit = new TraceKit();
  const src = kit.hbm("x", [8 * 128, 1024]);
  const dst = kit.hbm("y", [8 * 128, 1024]);
  const w = kit.tile("w", Memory.Sbuf, [128, 128]);
  kit.at(2).dma(w, kit.hbm("W", [128, 128]));
  kit.loop(LoopKind.Affine, 8, (i) => {
    const t = kit.tile(`t${i}`, Memory.Sbuf, [128, 1024], "bfloat16", { at: 4096 });
    kit.at(5).dma(t, { ...src, addr: src.addr + i * 128 * 1024 * 2, shape: [128, 1024] });
    const ps = kit.tile(`ps${i}`, Memory.Psum, [128, 512], "float32", { at: 0 });
    kit.at(6).matmul(ps, w, { ...t, shape: [512] });
    const o = kit.tile(`o${i}`, Memory.Sbuf, [128, 512], "bfloat16", { at: 8192 });
    kit.at(7).unary(Engine.Scalar, "activation", o, ps, "exp");
    kit.at(8).dma({ ...dst, addr: dst.addr + i * 128 * 1024 * 2, shape: [128, 512] }, o);
  });
  return profileTrace(kit.trace, "trn2");
}

const eventSchema = z.discriminatedUnion("ph", [
  z.object({ ph: z.literal("M"), name: z.enum(["process_name", "thread_name", "thread_sort_index"]), pid: z.number().int(), tid: z.number().int().optional(), args: z.record(z.string(), z.union([z.string(), z.number()])) }),
  z.object({ ph: z.literal("X"), name: z.string().min(1), ts: z.number().nonnegative(), dur: z.number().nonnegative(), pid: z.number().int(), tid: z.number().int().nonnegative(), cat: z.string(), args: z.record(z.string(), z.union([z.string(), z.number()])) }),
  z.object({ ph: z.literal("C"), name: z.string(), ts: z.number().nonnegative(), pid: z.number().int(), args: z.record(z.string(), z.number()) }),
  z.object({ ph: z.literal("s"), name: z.string(), id: z.number().int(), ts: z.number().nonnegative(), pid: z.number().int(), tid: z.number().int(), cat: z.string() }),
  z.object({ ph: z.literal("f"), name: z.string(), id: z.number().int(), bp: z.literal("e"), ts: z.number().nonnegative(), pid: z.number().int(), tid: z.number().int(), cat: z.string() }),
]);
const traceSchema = z.object({ traceEvents: z.array(eventSchema), displayTimeUnit: z.literal("ns"), otherData: z.record(z.string(), z.string()) });

describe("Perfetto / Chrome trace-event export", () => {
  const p = kernel();
  const json = JSON.parse(JSON.stringify(toPerfetto(p)));

  it("matches the trace-event schema (metadata, complete, counter and flow events)", () => {
    const parsed = traceSchema.parse(json);
    const phases = new Set(parsed.traceEvents.map((e) => e.ph));
    expect([...phases].sort()).toEqual(["C", "M", "X", "f", "s"]);
  });

  it("names a track per engine and per DMA queue", () => {
    const names = json.traceEvents.filter((e: { name: string }) => e.name === "thread_name").map((e: { args: { name: string } }) => e.args.name);
    expect(names).toEqual(expect.arrayContaining(["tensor", "vector", "scalar", "gpsimd", "sync", "tensor (LoadStationary)", "qSyncIO0", "qGpSimdIO0"]));
  });

  it("emits one complete event per instruction plus the weight loads, never overlapping within a track", () => {
    const xs = json.traceEvents.filter((e: { ph: string }) => e.ph === "X") as { tid: number; ts: number; dur: number; name: string }[];
    expect(xs.filter((e) => e.name !== "LoadStationary")).toHaveLength(p.timed.trace.length);
    const byTid = new Map<number, { ts: number; dur: number }[]>();
    for (const e of xs) byTid.set(e.tid, [...(byTid.get(e.tid) ?? []), e]);
    for (const list of byTid.values()) {
      list.sort((a, b) => a.ts - b.ts);
      for (let k = 1; k < list.length; k++) expect(list[k].ts).toBeGreaterThanOrEqual(list[k - 1].ts + list[k - 1].dur - 1e-9);
    }
  });

  it("pairs every flow start with a flow end on the consumer", () => {
    const starts = json.traceEvents.filter((e: { ph: string }) => e.ph === "s").map((e: { id: number }) => e.id);
    const ends = json.traceEvents.filter((e: { ph: string }) => e.ph === "f").map((e: { id: number }) => e.id);
    expect(starts.length).toBeGreaterThan(0);
    expect(ends).toEqual(starts);
    const all = toPerfetto(p, { allDependencies: true }).traceEvents.filter((e) => e.ph === "s").length;
    expect(all).toBeGreaterThanOrEqual(starts.length);
  });

  it("carries the source location and wait reason in the event args", () => {
    const matmul = json.traceEvents.find((e: { ph: string; name: string }) => e.ph === "X" && e.name === "nc_matmul");
    expect(matmul.args.nki_source_location).toBe("kernel.py:6");
    expect(matmul.args.wait_type).toBe("RAW");
  });

  it("conserves HBM bytes in the bandwidth counter", () => {
    const buckets = hbmBandwidth(p, 50);
    const width = p.timed.timeline.totalNs / 50;
    const bytes = buckets.reduce((s, b) => s + b.gbPerS * width, 0);
    expect(bytes).toBeCloseTo(p.metrics.hbm_read_bytes + p.metrics.hbm_write_bytes, 0);
  });
});

describe("track lanes", () => {
  it("puts concurrent PE-tiled matmuls on extra TensorE lanes so slices still nest", () => {
    const kit = new TraceKit();
    for (let q = 0; q < 4; q++) {
      kit.trace.append({
        engine: Engine.Tensor, opcode: "nc_matmul", variant: `tile:${32 * q},${32 * q},32,32`, flops: 0,
        operands: [kit.operand(kit.tile(`s${q}`, Memory.Sbuf, [32, 32]), 1), kit.operand(kit.tile(`m${q}`, Memory.Sbuf, [32, 512]), 1), kit.operand(kit.tile(`p${q}`, Memory.Psum, [32, 512], "float32"), 2)],
      });
    }
    const events = toPerfetto(profileTrace(kit.trace, "trn2")).traceEvents;
    const names = events.filter((e) => e.name === "thread_name").map((e) => e.args?.name);
    expect(names).toEqual(expect.arrayContaining(["tensor", "tensor (2)", "tensor (3)", "tensor (4)"]));
    const tids = new Set(events.filter((e) => e.ph === "X" && e.name === "nc_matmul").map((e) => e.tid));
    expect(tids.size).toBe(4);
  });
});

describe("CSV export", () => {
  const p = kernel();
  const csv = toCsv(p);
  const lines = csv.split("\r\n");

  it("has the documented header and one row per instruction", () => {
    expect(lines[0]).toBe(CSV_COLUMNS.join(","));
    expect(lines.filter((l) => l.length > 0)).toHaveLength(p.timed.trace.length + 1);
    for (const line of lines.slice(1, -1)) expect(line.split(",")).toHaveLength(CSV_COLUMNS.length);
  });

  it("writes times, source lines and dependencies", () => {
    const row = lines[3].split(",");
    const col = (name: (typeof CSV_COLUMNS)[number]) => row[CSV_COLUMNS.indexOf(name)];
    expect(col("opcode")).toBe("nc_matmul");
    expect(col("nki_source_location")).toBe("kernel.py:6");
    expect(col("dependencies")).toMatch(/\d+:RAW/);
    expect(Number(col("end_ns")) - Number(col("start_ns"))).toBeCloseTo(Number(col("duration_ns")), 3);
  });

  it("quotes fields with commas and quotes (RFC 4180)", () => {
    expect(csvField("add,multiply")).toBe('"add,multiply"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(12)).toBe("12");
  });
});
