import { describe, expect, it } from "vitest";
import { dtype } from "../dtypes";
import { NkiError } from "../errors";
import { Machine } from "../machine";
import { gather } from "../ops/common";
import { dmaCopy } from "../ops/dma";
import { memset, tensorCopy } from "../ops/elementwise";
import { Access, DepType, Memory } from "../trace/types";
import { reinterpretView } from "./reinterpret";
import { fullView, selectView, sliceView } from "./tensor";

const f32 = dtype("float32");
const i32 = dtype("int32");
const u8 = dtype("uint8");
const bf16 = dtype("bfloat16");

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof NkiError) return e.code;
    throw e;
  }
  throw new Error("expected an NkiError");
}

describe("reinterpretView", () => {
  it("reads float32 values as their IEEE bit patterns and keeps the allocation's id and address", () => {
    const m = new Machine();
    const b = m.allocOnChip("t", Memory.Sbuf, [2, 2], f32);
    const v = fullView(b);
    m.hostWrite(v, [1, -2, 0.5, -0]);
    const bits = reinterpretView(v, i32, null);
    // 0x3F800000, 0xC0000000, 0x3F000000, 0x80000000 as int32.
    expect(Array.from(gather(bits))).toEqual([1065353216, -1073741824, 1056964608, -2147483648]);
    expect(bits.buffer.id).toBe(b.id);
    expect(bits.buffer.addr).toBe(b.addr);
    expect(bits.buffer.data).toBeInstanceOf(Float64Array);
  });

  it("gives one buffer per dtype: viewing back yields the allocation itself", () => {
    const m = new Machine();
    const b = m.allocOnChip("t", Memory.Sbuf, [2, 4], f32);
    const once = reinterpretView(fullView(b), i32, null);
    expect(reinterpretView(fullView(b), i32, null).buffer).toBe(once.buffer);
    expect(reinterpretView(once, f32, null).buffer).toBe(b);
  });

  it("rescales the last dimension and the per-partition element count with the itemsize", () => {
    const m = new Machine();
    const b = m.allocOnChip("t", Memory.Sbuf, [3, 4, 6], bf16, 1);
    const v = reinterpretView(fullView(b), f32, null);
    expect(v.shape).toEqual([3, 4, 3]);
    expect(v.strides).toEqual([3, 9, 1]);
    expect(v.buffer.shape).toEqual([3, 4, 3]);
    expect(v.buffer.freeElems).toBe(9);
    const bytes = reinterpretView(sliceView(fullView(b), 2, 2, 6), u8, null);
    expect(bytes.shape).toEqual([3, 4, 8]);
    expect(bytes.offset).toBe(4);
  });

  it("makes writes through either buffer visible through the other, in both directions", () => {
    const m = new Machine();
    const b = m.allocOnChip("t", Memory.Sbuf, [1, 4], f32);
    const v = fullView(b);
    const bytes = reinterpretView(v, u8, null);
    m.hostWrite(v, [1, 1, 1, 1]);
    memset(m, sliceView(bytes, 1, 4, 8), 0);
    expect(Array.from(gather(v))).toEqual([1, 0, 1, 1]);
    memset(m, sliceView(v, 1, 3, 4), 2);
    // 2.0f = 0x40000000: little-endian bytes 00 00 00 40.
    expect(Array.from(gather(bytes)).slice(12)).toEqual([0, 0, 0, 64]);
    expect(Array.from(gather(v))).toEqual([1, 0, 1, 2]);
  });

  it("maps block dimensions byte for byte inside each partition", () => {
    const m = new Machine();
    const b = m.allocOnChip("blk", Memory.Sbuf, [2, 2, 2], f32, 1);
    const v = fullView(b);
    m.hostWrite(v, [1, 2, 3, 4, 5, 6, 7, 8]);
    const bytes = reinterpretView(v, u8, null);
    memset(m, sliceView(selectView(bytes, 0, 1), 1, 4, 8), 0);
    // Block 1, second element of each partition ([1, p, 1] = 6 and 8) cleared byte by byte.
    expect(Array.from(gather(v))).toEqual([1, 2, 3, 4, 5, 0, 7, 0]);
  });

  it("runs an instruction whose source and destination are one allocation under two dtypes", () => {
    const m = new Machine();
    const b = m.allocOnChip("t", Memory.Sbuf, [1, 2], f32);
    const v = fullView(b);
    m.hostWrite(v, [1.5, -2.25]);
    const ints = reinterpretView(v, i32, null);
    tensorCopy(m, ints, v);
    expect(Array.from(gather(ints))).toEqual([1, -2]);
    // Bits 0x00000001 read as float32 are 2^-149; 0xFFFFFFFE is a NaN.
    const back = Array.from(gather(v));
    expect(back[0]).toBe(2 ** -149);
    expect(back[1]).toBeNaN();
  });

  it("keeps NaN bit patterns that were only read through a float view", () => {
    const m = new Machine();
    const b = m.allocOnChip("t", Memory.Sbuf, [1, 3], i32);
    const v = fullView(b);
    const payloads = [0x7f800001, -0x3fffff, 0x7fc12345];
    m.hostWrite(v, payloads);
    expect(Array.from(gather(reinterpretView(v, f32, null))).every(Number.isNaN)).toBe(true);
    expect(Array.from(gather(v))).toEqual(payloads);
  });

  it("records the same bytes in the trace, so dependencies cross the reinterpretation", () => {
    const m = new Machine();
    const src = fullView(m.allocOnChip("src", Memory.Sbuf, [4, 8], u8));
    const b = m.allocOnChip("t", Memory.Sbuf, [4, 2], f32);
    tensorCopy(m, reinterpretView(fullView(b), u8, null), src);
    const h = fullView(m.allocHbm("out", [4, 2], f32));
    dmaCopy(m, h, fullView(b));
    const t = m.trace;
    const last = t.length - 1;
    const written = t.operands(0).find((o) => o.access === Access.Write);
    expect(written).toEqual(expect.objectContaining({ tensor: b.id, dtype: u8.code, addr: b.addr }));
    const deps = Array.from({ length: t.depCount(last) }, (_, k) => [t.depOn(last, k), t.depType(last, k)]);
    expect(deps).toContainEqual([0, DepType.Raw]);
  });

  it("shares the allocation's scope: the view is released with it", () => {
    const m = new Machine();
    const b = m.allocOnChip("t", Memory.Sbuf, [2, 4], f32);
    const v = reinterpretView(fullView(b), i32, null);
    m.release(b);
    expect(v.buffer.released).toBe(true);
  });

  it("works without values in timing-only mode", () => {
    const m = new Machine({ mode: "timing-only" });
    const b = m.allocHbm("x", [4, 8], bf16);
    const v = reinterpretView(fullView(b), f32, null);
    expect(v.shape).toEqual([4, 4]);
    expect(v.buffer.data).toBeNull();
    dmaCopy(m, fullView(m.allocOnChip("t", Memory.Sbuf, [4, 4], f32)), v);
    expect(m.trace.bytes(0, Memory.Hbm, Access.Read)).toBe(64);
    expect(m.trace.operands(0).find((o) => o.memory === Memory.Hbm)).toEqual(expect.objectContaining({ tensor: b.id, dtype: f32.code }));
  });

  it("refuses views whose bytes do not split into whole elements", () => {
    const m = new Machine();
    const odd = fullView(m.allocOnChip("odd", Memory.Sbuf, [4, 5], dtype("int16")));
    expect(codeOf(() => reinterpretView(odd, f32, null))).toBe("err_shape_mismatch");
    const t = fullView(m.allocOnChip("t", Memory.Sbuf, [4, 8], f32));
    expect(codeOf(() => reinterpretView(sliceView(t, 1, 0, 8, 2), bf16, null))).toBe("err_shape_mismatch");
    const bytes = fullView(m.allocOnChip("b", Memory.Sbuf, [4, 16], u8));
    expect(codeOf(() => reinterpretView(sliceView(bytes, 1, 1, 5), i32, null))).toBe("err_shape_mismatch");
    const column = fullView(m.allocOnChip("c", Memory.Sbuf, [128], f32));
    expect(codeOf(() => reinterpretView(column, bf16, null))).toBe("err_shape_mismatch");
    expect(codeOf(() => reinterpretView(t, dtype("bool_"), null))).toBe("err_unsupported_dtype");
    expect(codeOf(() => reinterpretView(t, dtype("tfloat32"), null))).toBe("err_unsupported_dtype");
  });
});
