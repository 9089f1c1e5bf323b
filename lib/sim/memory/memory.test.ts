import { describe, expect, it } from "vitest";
import { dtype } from "../dtypes";
import { Machine } from "../machine";
import { tensorTensor } from "../ops/elementwise";
import { gather } from "../ops/common";
import { InstrFlag, LoopKind, Memory } from "../trace/types";
import { RegionAllocator } from "./allocator";
import { reinterpretView } from "./reinterpret";
import { castValue, StoragePool, UNINITIALISED_INT } from "./storage";
import { apView, broadcastView, fullView, permuteView, reshapeView, selectView, sliceView, storageIndices } from "./tensor";

describe("storage", () => {
  it("reads uninitialised float memory as NaN and integer memory as the sentinel", () => {
    const m = new Machine();
    const f = fullView(m.allocOnChip("f", Memory.Sbuf, [2, 3], dtype("bfloat16")));
    const i = fullView(m.allocOnChip("i", Memory.Sbuf, [2, 3], dtype("int16")));
    expect(Array.from(gather(f)).every(Number.isNaN)).toBe(true);
    expect(Array.from(gather(i))).toEqual(new Array(6).fill(UNINITIALISED_INT));
  });

  it("casts to integers by truncation with saturation and NaN to 0", () => {
    const i8 = dtype("int8");
    expect([castValue(i8, 3.9), castValue(i8, -3.9), castValue(i8, 300), castValue(i8, -300), castValue(i8, NaN)]).toEqual([3, -3, 127, -128, 0]);
    expect(castValue(dtype("uint8"), -5)).toBe(0);
    expect(castValue(dtype("int32"), 2 ** 31 + 5)).toBe(2 ** 31 - 1);
    expect(castValue(dtype("bool_"), -0.5)).toBe(1);
  });

  it("keeps 32-bit integers exact (wide storage)", () => {
    const m = new Machine();
    const b = m.allocOnChip("w", Memory.Sbuf, [1, 1], dtype("uint32"));
    expect(b.data).toBeInstanceOf(Float64Array);
  });
});

describe("storage reuse", () => {
  it("gives a released tile's storage to the next tile of its size, reading as uninitialised again", () => {
    const m = new Machine();
    m.beginLoop(LoopKind.Affine, 2);
    m.setIteration(0);
    const first = m.allocOnChip("a", Memory.Sbuf, [2, 3], dtype("bfloat16"));
    m.hostWrite(fullView(first), [1, 2, 3, 4, 5, 6]);
    m.setIteration(1);
    const second = m.allocOnChip("b", Memory.Sbuf, [2, 3], dtype("bfloat16"));
    const ints = m.allocOnChip("i", Memory.Sbuf, [3, 2], dtype("int8"));
    m.endLoop();
    expect(second.data).toBe(first.data);
    expect(Array.from(gather(fullView(second))).every(Number.isNaN)).toBe(true);
    expect(ints.data).not.toBe(first.data);
    expect(Array.from(gather(fullView(ints)))).toEqual(new Array(6).fill(UNINITIALISED_INT));
  });

  it("keeps the storage of a released tile that was viewed under another dtype", () => {
    const m = new Machine();
    m.beginLoop(LoopKind.Affine, 2);
    m.setIteration(0);
    const first = m.allocOnChip("a", Memory.Sbuf, [2, 4], dtype("float32"));
    reinterpretView(fullView(first), dtype("int32"), null);
    const store = first.data;
    m.setIteration(1);
    const second = m.allocOnChip("b", Memory.Sbuf, [2, 4], dtype("float32"));
    m.endLoop();
    expect(store).toBeInstanceOf(Float32Array);
    expect(second.data).not.toBe(store);
  });

  it("passes a retired machine's tensors' storage to the next machine sharing its pool; they read as uninitialised", () => {
    const pool = new StoragePool();
    const first = new Machine({ storage: pool });
    const x = first.allocHbm("x", [4, 8], dtype("float32"));
    const t = first.allocOnChip("t", Memory.Sbuf, [4, 8], dtype("float32"));
    first.hostWrite(fullView(x), new Float32Array(32).fill(7));
    first.retire();
    expect(() => first.hostRead(fullView(x))).toThrow(/err_local_variable_used_out_of_scope/);
    const second = new Machine({ storage: pool });
    const y = second.allocHbm("y", [4, 8], dtype("float32"));
    const u = second.allocOnChip("u", Memory.Sbuf, [4, 8], dtype("float32"));
    expect([x.data, t.data]).toContain(y.data);
    expect([x.data, t.data]).toContain(u.data);
    expect(Array.from(second.hostRead(fullView(y))).every(Number.isNaN)).toBe(true);
  });

  it("keeps at most its byte limit of storage", () => {
    const pool = new StoragePool(150);
    const f32 = dtype("float32");
    const small = new Float32Array(20);
    const big = new Float32Array(30);
    pool.give(big);
    pool.give(small);
    expect(pool.take(f32, 30)).toBe(big);
    expect(pool.take(f32, 20)).not.toBe(small);
  });

  it("raises out-of-scope on a host read of a released tile", () => {
    const m = new Machine();
    m.beginLoop(LoopKind.Affine, 1);
    m.setIteration(0);
    const t = m.allocOnChip("t", Memory.Sbuf, [2, 3], dtype("float32"));
    m.endLoop();
    expect(() => m.hostRead(fullView(t))).toThrow(/err_local_variable_used_out_of_scope/);
  });
});

describe("host access", () => {
  it("writes kernel arguments rounded to the dtype and reads results back, without instructions", () => {
    const m = new Machine();
    const h = fullView(m.allocHbm("x", [2, 2], dtype("bfloat16")));
    m.hostWrite(h, [1.1, -2, 3.14159, 65536.5]);
    expect(Array.from(m.hostRead(h))).toEqual([1.1015625, -2, 3.140625, 65536]);
    const i = fullView(m.allocHbm("i", [3], dtype("int8")));
    m.hostWrite(i, [1.9, -200, 7]);
    expect(Array.from(m.hostRead(i))).toEqual([1, -128, 7]);
    expect(m.trace.length).toBe(0);
  });

  it("reads results into a caller's array, whole or through a strided window", () => {
    const m = new Machine();
    const h = fullView(m.allocHbm("x", [2, 3], dtype("float32")));
    m.hostWrite(h, [1, 2, 3, 4, 5, 6]);
    const whole = new Float32Array(6);
    m.hostReadInto(h, whole);
    expect(Array.from(whole)).toEqual([1, 2, 3, 4, 5, 6]);
    const column = new Uint8Array(2);
    m.hostReadInto(sliceView(h, 1, 1, 2), column);
    expect(Array.from(column)).toEqual([2, 5]);
  });
});

describe("views", () => {
  it("lays out block dims inside each partition and addresses a block as a tile", () => {
    const m = new Machine();
    const b = m.allocOnChip("blk", Memory.Sbuf, [3, 4, 5], dtype("float32"), 1);
    const v = fullView(b);
    expect(v.strides).toEqual([5, 15, 1]);
    const tile = selectView(v, 0, 2);
    expect(tile.partitionAxis).toBe(0);
    expect(Array.from(storageIndices(tile)).slice(0, 7)).toEqual([10, 11, 12, 13, 14, 25, 26]);
  });

  it("slices with steps, broadcasts with zero strides, permutes and reshapes contiguous views", () => {
    const m = new Machine();
    const h = fullView(m.allocHbm("h", [4, 6], dtype("float32")));
    const s = sliceView(h, 1, 1, 6, 2);
    expect(Array.from(storageIndices(s))).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23]);
    const row = selectView(h, 0, 1);
    expect(Array.from(storageIndices(broadcastView(row, [2, 6])))).toEqual([6, 7, 8, 9, 10, 11, 6, 7, 8, 9, 10, 11]);
    expect(Array.from(storageIndices(permuteView(h, [1, 0]))).slice(0, 4)).toEqual([0, 6, 12, 18]);
    expect(reshapeView(h, [2, 12])?.strides).toEqual([12, 1]);
    expect(reshapeView(s, [12])).toBeNull();
  });
});

describe("access-pattern views", () => {
  it("builds on-chip views from partitions plus [stride, size] pairs and HBM views from pairs alone", () => {
    const m = new Machine();
    const t = m.allocOnChip("t", Memory.Sbuf, [8, 12], dtype("float32"));
    const v = apView(t, 1, [[3, 4]], { start: 2, count: 3 });
    expect(v.shape).toEqual([3, 4]);
    expect(Array.from(storageIndices(v))).toEqual([25, 28, 31, 34, 37, 40, 43, 46, 49, 52, 55, 58]);
    const h = m.allocHbm("h", [4, 6], dtype("float32"));
    expect(Array.from(storageIndices(apView(h, 2, [[6, 2], [2, 2]])))).toEqual([2, 4, 8, 10]);
  });
});

describe("allocators", () => {
  it("reuses freed ranges first-fit", () => {
    const a = new RegionAllocator(1000, 4);
    const x = a.allocate(100);
    const y = a.allocate(100);
    a.release(x.addr);
    expect(a.allocate(50).addr).toBe(0);
    expect(a.allocate(60).addr).toBe(200);
    expect(y.addr).toBe(100);
  });

  it("keeps PSUM tiles inside one 2 KiB bank when they fit one", () => {
    const m = new Machine();
    const a = m.allocOnChip("a", Memory.Psum, [128, 384], dtype("float32"));
    const b = m.allocOnChip("b", Memory.Psum, [128, 512], dtype("float32"));
    expect(a.addr).toBe(0);
    expect(b.addr).toBe(2048);
  });

  it("frees an SPMD instance's top-level tiles when the next instance starts", () => {
    const m = new Machine();
    m.setSpmdInstance(0);
    const a = m.allocOnChip("t", Memory.Sbuf, [128, 1024], dtype("float32"));
    m.setSpmdInstance(1);
    const b = m.allocOnChip("t", Memory.Sbuf, [128, 1024], dtype("float32"));
    expect(a.released).toBe(true);
    expect(b.addr).toBe(a.addr);
    expect(m.trace.tensor(b.id).alloc).toBe(0);
  });

  it("frees a loop iteration's tiles when the next iteration starts", () => {
    const m = new Machine();
    m.beginLoop(0, 2);
    m.setIteration(0);
    const first = m.allocOnChip("t", Memory.Sbuf, [128, 1024], dtype("float32"));
    m.setIteration(1);
    const second = m.allocOnChip("t", Memory.Sbuf, [128, 1024], dtype("float32"));
    m.endLoop();
    expect(first.released).toBe(true);
    expect(second.addr).toBe(first.addr);
    expect(m.sbuf.used).toBe(0);
    expect(m.sbuf.peakUsed).toBe(4096);
  });
});

describe("timing-only mode", () => {
  it("records the same instructions without storage or values", () => {
    const run = (mode: "functional" | "timing-only") => {
      const m = new Machine({ mode });
      const a = fullView(m.allocOnChip("a", Memory.Sbuf, [128, 64], dtype("float32")));
      const out = fullView(m.allocOnChip("o", Memory.Sbuf, [128, 64], dtype("float32")));
      tensorTensor(m, out, a, a, "add");
      return m;
    };
    const f = run("functional");
    const t = run("timing-only");
    expect(t.trace.length).toBe(f.trace.length);
    expect(t.trace.operands(0)).toEqual(f.trace.operands(0));
    expect(t.trace.flags(0) & InstrFlag.TimingOnly).toBe(InstrFlag.TimingOnly);
    expect(fullView(t.allocOnChip("x", Memory.Sbuf, [1, 1], dtype("float32"))).buffer.data).toBeNull();
  });
});
