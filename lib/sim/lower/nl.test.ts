import { describe, expect, it } from "vitest";
import { dtype } from "../dtypes";
import { arrayOf, expectValues, golden, hbmOf, read, tileOf, values } from "../golden/golden";
import { Machine } from "../machine";
import { fullView, sliceView } from "../memory/tensor";
import { Engine, Memory } from "../trace/types";
import { binary, broadcastPartitions, copy, full, load, matmul, mean, reduce, rmsNorm, softmax, store, transpose, unary, variance, where } from "./nl";

const machine = () => new Machine({ target: "trn2" });
const opcodes = (m: Machine) => Array.from({ length: m.trace.length }, (_, i) => m.trace.opcode(i));

describe("nl memory and creation", () => {
  it("load, compute and store round-trip through HBM, with a PSUM value copied to SBUF first", () => {
    const m = machine();
    const h = fullView(m.allocHbm("in", [64, 8], dtype("float32")));
    h.buffer.data?.set(Array.from({ length: 512 }, (_, i) => i));
    const t = load(m, h);
    const ps = transpose(m, t);
    expect(ps.buffer.memory).toBe(Memory.Psum);
    const o = fullView(m.allocHbm("out", [8, 64], dtype("float32")));
    store(m, o, ps);
    expect(Array.from(read(o)).slice(0, 4)).toEqual([0, 8, 16, 24]);
    expect(opcodes(m)).toEqual(["dma_copy", "nc_transpose", "tensor_copy", "dma_copy"]);
  });

  it("zeros/full lower to memset and copy to tensor_copy with a cast", () => {
    const m = machine();
    const z = full(m, Memory.Sbuf, [8, 4], 1.1, dtype("bfloat16"));
    const c = copy(m, z, { dtype: dtype("float32") });
    expect(read(c)[0]).toBe(1.1015625);
    expect(opcodes(m)).toEqual(["memset", "tensor_copy"]);
  });

  it("fills every block of a par_dim block tensor", () => {
    const m = machine();
    const t = full(m, Memory.Sbuf, [3, 16, 4], 2, dtype("float32"), 1);
    expect(Array.from(new Set(read(t)))).toEqual([2]);
    expect(m.trace.length).toBe(3);
  });

  it("broadcast_to along partitions multiplies by a ones vector on TensorE", () => {
    const m = machine();
    const row = fullView(m.allocOnChip("r", Memory.Sbuf, [1, 5], dtype("float32")));
    row.buffer.data?.set([1, 2, 3, 4, 5]);
    const b = broadcastPartitions(m, row, 3);
    expect(Array.from(read(b))).toEqual([1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2, 3, 4, 5]);
    expect(opcodes(m)).toEqual(["memset", "nc_matmul", "tensor_copy"]);
  });

  it("a masked load leaves the rest of the tile uninitialised", () => {
    const c = golden("dma_load_cast_bf16");
    const m = machine();
    const h = hbmOf(m, arrayOf(c, "h"));
    const mask = new Uint8Array(200 * 96).map((_, i) => (Math.floor(i / 96) < 100 ? 1 : 0));
    const t = load(m, sliceView(h, 0, 0, 128), { mask: mask.subarray(0, 128 * 96) });
    const v = read(t);
    expect(Number.isNaN(v[100 * 96])).toBe(true);
    expect(v[99 * 96]).toBe(read(h)[99 * 96]);
    expect(m.trace.operand(0, 1).partCount).toBe(100);
  });
});

describe("nl element-wise math", () => {
  it("broadcasts a [1, F] row over partitions, uses tensor_scalar for [P, 1] and scalars, and compares to bool", () => {
    const c = golden("nl_binary_broadcast");
    const m = machine();
    const a = tileOf(m, arrayOf(c, "a"));
    const row = tileOf(m, arrayOf(c, "row"));
    const col = tileOf(m, arrayOf(c, "col"));
    expectValues(read(binary(m, "add", a, row)), values(c.expected_row));
    expectValues(read(binary(m, "multiply", a, col)), values(c.expected_col));
    expectValues(read(binary(m, "subtract", col, a)), values(c.expected_col_first));
    expectValues(read(binary(m, "multiply", a, { value: 0.5, isInt: false })), values(c.expected_scalar));
    const gt = binary(m, "greater", a, row);
    expect(gt.buffer.dtype.name).toBe("bool_");
    expectValues(read(gt), values(c.expected_gt));
    expect(opcodes(m).slice(0, 4)).toEqual(["memset", "nc_matmul", "tensor_copy", "tensor_tensor"]);
  });

  it("promotes dtypes: (bf16 tile, python float) gives float32", () => {
    const m = machine();
    const t = fullView(m.allocOnChip("t", Memory.Sbuf, [2, 2], dtype("bfloat16")));
    expect(binary(m, "add", t, { value: 1.5, isInt: false }).buffer.dtype.name).toBe("float32");
    expect(binary(m, "add", t, t, { dtype: dtype("float16") }).buffer.dtype.name).toBe("float16");
  });

  it("unary math runs on ScalarE; invert and logical_not on VectorE", () => {
    const m = machine();
    const t = fullView(m.allocOnChip("t", Memory.Sbuf, [2, 2], dtype("float32")));
    t.buffer.data?.set([0, 1, -1, 2]);
    expect(Array.from(read(unary(m, "exp", t)))).toEqual([1, Math.fround(Math.E), Math.fround(1 / Math.E), Math.fround(Math.exp(2))]);
    expect(Array.from(read(unary(m, "logical_not", t)))).toEqual([1, 0, 0, 0]);
    expect([m.trace.engine(0), m.trace.engine(1)]).toEqual([Engine.Scalar, Engine.Vector]);
  });

  it("where selects x where cond holds, else y (tile or scalar)", () => {
    const c = golden("nl_where");
    const m = machine();
    const cond = tileOf(m, arrayOf(c, "cond"));
    const x = tileOf(m, arrayOf(c, "x"));
    expectValues(read(where(m, cond, x, tileOf(m, arrayOf(c, "y")))), values(c.expected));
    expectValues(read(where(m, cond, x, { value: -1, isInt: true })), values(c.expected_scalar));
  });
});

describe("nl reductions and composites", () => {
  it("mean and var over free axes match numpy", () => {
    const c = golden("nl_mean_var");
    const m = machine();
    const x = tileOf(m, arrayOf(c, "x"));
    expectValues(read(mean(m, x, 2)), values(c.expected_mean), 1e-5, 1e-6);
    expectValues(read(mean(m, x, [1, 2])), values(c.expected_mean_12), 1e-5, 1e-6);
    expectValues(read(variance(m, x, -1)), values(c.expected_var), 1e-5, 1e-6);
    expect(reduce(m, "sum", x, [1, 2], { keepdims: true }).shape).toEqual([48, 1, 1]);
  });

  it("softmax is max, exp(x - max) with fused sum, reciprocal, scale — and matches numpy", () => {
    const c = golden("nl_softmax");
    const m = machine();
    const out = softmax(m, tileOf(m, arrayOf(c, "x")));
    expectValues(read(out), values(c.expected), 2 ** -22);
    expectValues(read(out), values(c.numpy_softmax), 1e-6, 1e-7);
    expect(opcodes(m)).toEqual(["tensor_reduce", "activation", "reciprocal", "tensor_scalar"]);
    // Only the input and the result stay allocated: the lowering's temporaries are released.
    expect(m.sbuf.used).toBe(2 * 96 * 4);
  });

  it("rms_norm matches numpy", () => {
    const c = golden("nl_rms_norm");
    const m = machine();
    const out = rmsNorm(m, tileOf(m, arrayOf(c, "x")), tileOf(m, arrayOf(c, "w")), 64);
    expectValues(read(out), values(c.expected), 1e-5, 1e-6);
  });

  it("matmul transposes x on TensorE unless transpose_x, then accumulates into PSUM", () => {
    const c = golden("nl_matmul");
    const m = machine();
    const x = tileOf(m, arrayOf(c, "x"));
    const y = tileOf(m, arrayOf(c, "y"));
    const r = matmul(m, x, y);
    expectValues(read(r), values(c.expected), 1e-5, 1e-4);
    expect(opcodes(m)).toEqual(["nc_transpose", "tensor_copy", "nc_matmul"]);
    const xT = transpose(m, x);
    const xTs = copy(m, xT, { dtype: dtype("bfloat16") });
    matmul(m, xTs, y, { transposeX: true, accumulateInto: r });
    const twice = values(c.expected).map((v) => 2 * v);
    expectValues(read(r), twice, 1e-5, 1e-4);
  });
});
