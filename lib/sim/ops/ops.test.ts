import { describe, expect, it } from "vitest";
import { dtype } from "../dtypes";
import { arrayOf, emptyTile, expectValues, golden, hbmOf, read, tileOf, values } from "../golden/golden";
import { Machine } from "../machine";
import { fullView, sliceView } from "../memory/tensor";
import { InstrFlag, Memory } from "../trace/types";
import { activation, activationReduce } from "./activation";
import { dmaCopy, dmaTranspose } from "./dma";
import {
  memset, reciprocal, scalarTensorTensor, tensorCopy, tensorCopyPredicated, tensorScalar, tensorScalarReduce, tensorTensor,
} from "./elementwise";
import { bnAggr, bnStats, max8, ncFindIndex8, ncMatchReplace8, tensorPartitionReduce, tensorReduce, tensorTensorScan } from "./reduce";
import { affineSelect, gatherFlattened, iota, localGather, ncStreamShuffle, rangeSelect, selectReduce } from "./select";
import { ncMatmul, ncTranspose } from "./tensor-engine";

const machine = (target: "trn1" | "trn2" | "trn3" = "trn2") => new Machine({ target });

describe("tensor_tensor", () => {
  for (const op of ["add", "subtract", "multiply", "maximum", "divide", "power"]) {
    it(`computes ${op} in fp32 like numpy`, () => {
      const c = golden(`tensor_tensor_${op}`);
      const m = machine();
      const a = tileOf(m, arrayOf(c, "a"));
      const b = tileOf(m, arrayOf(c, "b"));
      const out = emptyTile(m, arrayOf(c, "a").shape, "float32");
      tensorTensor(m, out, a, b, op);
      expectValues(read(out), values(c.expected), op === "power" ? 2 ** -23 : 0);
    });
  }

  it("handles bf16 tiles on a partial partition range and rounds the output to bf16", () => {
    const c = golden("tensor_tensor_bf16_partial_partitions");
    const m = machine();
    const out = emptyTile(m, [37, 20], "bfloat16");
    tensorTensor(m, out, tileOf(m, arrayOf(c, "a")), tileOf(m, arrayOf(c, "b")), "multiply");
    expectValues(read(out), values(c.expected));
    expect(m.trace.operand(0, 2).partCount).toBe(37);
  });

  it("writes only masked elements, leaving uninitialised NaN elsewhere, and shrinks the record", () => {
    const c = golden("tensor_tensor_masked");
    const m = machine();
    const out = emptyTile(m, [64, 16], "float32");
    const mask = Uint8Array.from(values({ ...arrayOf(c, "a"), data: c.mask as string, wide: false }));
    tensorTensor(m, out, tileOf(m, arrayOf(c, "a")), tileOf(m, arrayOf(c, "b")), "add", { mask });
    expectValues(read(out), values(c.expected));
    const dst = m.trace.operand(0, 2);
    expect(dst.partCount).toBe(50);
    expect(dst.pattern).toEqual([1, 12]);
  });

  it("casts mixed fp16/bf16 inputs through fp32 to an fp8 output", () => {
    const c = golden("tensor_tensor_mixed_to_fp8");
    const m = machine();
    const out = emptyTile(m, [32, 8], "float8_e4m3");
    tensorTensor(m, out, tileOf(m, arrayOf(c, "a")), tileOf(m, arrayOf(c, "b")), "subtract");
    expectValues(read(out), values(c.expected));
  });

  it("applies bitwise operators to integer tiles", () => {
    const c = golden("tensor_tensor_bitwise_and");
    const m = machine();
    const out = emptyTile(m, [16, 8], "int32");
    tensorTensor(m, out, tileOf(m, arrayOf(c, "a")), tileOf(m, arrayOf(c, "b")), "bitwise_and");
    expectValues(read(out), values(c.expected));
  });
});

describe("tensor_scalar family", () => {
  it("chains a scalar multiply and a per-partition vector add, casting to bf16", () => {
    const c = golden("tensor_scalar_mult_add_vector");
    const m = machine();
    const out = emptyTile(m, [96, 40], "bfloat16");
    tensorScalar(m, out, tileOf(m, arrayOf(c, "x")), { op0: "multiply", operand0: 2.5, op1: "add", operand1: tileOf(m, arrayOf(c, "operand1")) });
    expectValues(read(out), values(c.expected));
    expect(m.trace.variant(0)).toBe("multiply,add");
  });

  it("swaps operand order with reverse0", () => {
    const c = golden("tensor_scalar_reverse_subtract");
    const m = machine();
    const out = emptyTile(m, [96, 40], "float32");
    tensorScalar(m, out, tileOf(m, arrayOf(c, "x")), { op0: "subtract", operand0: 3.0, reverse0: true });
    expectValues(read(out), values(c.expected));
  });

  it("scalar_tensor_tensor computes (data op0 vector) op1 tile", () => {
    const c = golden("scalar_tensor_tensor");
    const m = machine();
    const out = emptyTile(m, [96, 40], "float32");
    scalarTensorTensor(m, out, tileOf(m, arrayOf(c, "x")), {
      op0: "multiply", operand0: tileOf(m, arrayOf(c, "v")), op1: "add", operand1: tileOf(m, arrayOf(c, "y")),
    });
    expectValues(read(out), values(c.expected));
  });

  it("tensor_scalar_reduce also reduces each partition into reduce_res", () => {
    const c = golden("tensor_scalar_reduce_add");
    const m = machine();
    const out = emptyTile(m, [96, 40], "float32");
    const res = emptyTile(m, [96, 1], "float32");
    tensorScalarReduce(m, out, tileOf(m, arrayOf(c, "x")), { op0: "add", operand0: 1.0, reduceOp: "add", reduceRes: res });
    expectValues(read(out), values(c.expected));
    expectValues(read(res), values(c.expected_reduce));
  });
});

describe("copies, reciprocal and memset", () => {
  it("tensor_copy casts to bf16, int8 (truncate + saturate), uint16 and fp8", () => {
    const c = golden("tensor_copy_casts");
    const m = machine();
    const x = tileOf(m, arrayOf(c, "x"));
    for (const [name, key] of [["bfloat16", "expected_bf16"], ["int8", "expected_int8"], ["uint16", "expected_uint16"], ["float8_e5m2", "expected_fp8e5"]] as const) {
      const out = emptyTile(m, [64, 24], name);
      tensorCopy(m, out, x);
      expectValues(read(out), values(c[key]));
    }
  });

  it("tensor_copy_predicated copies where the predicate holds (or fails, reversed)", () => {
    const c = golden("tensor_copy_predicated");
    for (const [reversePred, key] of [[false, "expected"], [true, "expected_reverse"]] as const) {
      const m = machine();
      const dst = tileOf(m, arrayOf(c, "old"));
      tensorCopyPredicated(m, dst, tileOf(m, arrayOf(c, "src")), { predicate: tileOf(m, arrayOf(c, "pred")), reversePred });
      expectValues(read(dst), values(c[key]));
    }
  });

  it("reciprocal is exact fp32 division", () => {
    const c = golden("reciprocal");
    const m = machine();
    const out = emptyTile(m, [128, 32], "float32");
    reciprocal(m, out, tileOf(m, arrayOf(c, "x")));
    expectValues(read(out), values(c.expected));
  });

  it("memset stores the value rounded to the tile dtype", () => {
    const c = golden("memset_bf16");
    const m = machine();
    const out = emptyTile(m, [8, 4], "bfloat16");
    memset(m, out, c.value as number);
    expect(Array.from(new Set(read(out)))).toEqual([c.expected_value]);
  });
});

describe("activation", () => {
  const names = [
    "copy", "square", "sigmoid", "relu", "gelu", "gelu_dx", "gelu_apprx_tanh", "gelu_apprx_sigmoid", "silu", "silu_dx",
    "tanh", "softplus", "mish", "erf", "erf_dx", "exp", "log", "sin", "arctan", "sqrt", "rsqrt", "reciprocal", "sign", "abs",
  ];
  for (const name of names) {
    it(`evaluates ${name}(data * scale + bias) in fp32`, () => {
      const c = golden(`activation_${name}`);
      const m = machine();
      const out = emptyTile(m, [64, 20], "float32");
      activation(m, out, tileOf(m, arrayOf(c, "x")), { op: name, scale: tileOf(m, arrayOf(c, "scale")), bias: tileOf(m, arrayOf(c, "bias")) });
      // libm differences between JS and CPython may move a result by one fp32 ulp.
      expectValues(read(out), values(c.expected), 2 ** -22, 1e-30);
    });
  }

  it("activation_reduce sums the activated values per partition", () => {
    const c = golden("activation_exp_reduce_add");
    const m = machine();
    const out = emptyTile(m, [32, 50], "float32");
    const res = emptyTile(m, [32, 1], "float32");
    activationReduce(m, out, tileOf(m, arrayOf(c, "x")), { op: "exp", reduceOp: "add", reduceRes: res });
    expectValues(read(out), values(c.expected), 2 ** -22);
    expectValues(read(res), values(c.expected_reduce), 1e-6);
  });
});

describe("TensorE", () => {
  it("nc_matmul overwrites PSUM, then accumulates in fp32 with accumulate", () => {
    const c = golden("nc_matmul_bf16_accumulate");
    const m = machine();
    const psum = emptyTile(m, [64, 128], "float32", Memory.Psum);
    ncMatmul(m, psum, tileOf(m, arrayOf(c, "st")), tileOf(m, arrayOf(c, "mv")));
    expectValues(read(psum), values(c.expected_first), 1e-5, 1e-5);
    ncMatmul(m, psum, tileOf(m, arrayOf(c, "st2")), tileOf(m, arrayOf(c, "mv2")), { accumulate: true });
    expectValues(read(psum), values(c.expected), 1e-5, 1e-5);
    expect(m.trace.flops(0)).toBe(2 * 128 * 64 * 128);
    expect(m.trace.dependencies(1)).toContainEqual({ on: 0, type: 0 });
  });

  it("nc_matmul contracts over a partial partition range in fp32", () => {
    const c = golden("nc_matmul_fp32_partial");
    const m = machine();
    const psum = emptyTile(m, [32, 70], "float32", Memory.Psum);
    ncMatmul(m, psum, tileOf(m, arrayOf(c, "st")), tileOf(m, arrayOf(c, "mv")));
    expectValues(read(psum), values(c.expected), 1e-5, 1e-5);
  });

  it("nc_transpose moves [P, F] to [F, P] on TensorE and on VectorE", () => {
    let c = golden("nc_transpose_tensor");
    let m = machine();
    const out = emptyTile(m, [64, 128], "float32", Memory.Psum);
    ncTranspose(m, out, tileOf(m, arrayOf(c, "x")));
    expectValues(read(out), values(c.expected));
    c = golden("nc_transpose_vector");
    m = machine();
    const vout = emptyTile(m, [16, 32], "float32");
    ncTranspose(m, vout, tileOf(m, arrayOf(c, "x")), { engine: "vector" });
    expectValues(read(vout), values(c.expected));
    expect(m.trace.engine(0)).toBe(1);
  });

  it("a trn1 TensorE transpose spreads an Inf along its output row (identity matmul)", () => {
    for (const [target, spread] of [["trn1", true], ["trn2", false]] as const) {
      const m = machine(target);
      const x = emptyTile(m, [4, 3], "float32");
      x.buffer.data?.set([1, 2, 3, 4, Infinity, 6, 7, 8, 9, 10, 11, 12]);
      const out = emptyTile(m, [3, 4], "float32", Memory.Psum);
      ncTranspose(m, out, x);
      const row = Array.from(read(out)).slice(4, 8);
      expect(row).toEqual(spread ? [NaN, Infinity, NaN, NaN] : [2, Infinity, 8, 11]);
    }
  });
});

describe("DMA", () => {
  it("loads a strided HBM window into SBUF with a bf16 cast", () => {
    const c = golden("dma_load_cast_bf16");
    const m = machine();
    const h = hbmOf(m, arrayOf(c, "h"));
    const win = sliceView(sliceView(h, 0, 128, 200), 1, 32, 96);
    const t = emptyTile(m, [72, 64], "bfloat16");
    dmaCopy(m, t, win);
    expectValues(read(t), values(c.expected));
    const src = m.trace.operand(0, 0);
    expect(src.pattern).toEqual([96, 72, 1, 64]);
    expect(src.addr).toBe(h.buffer.addr + (128 * 96 + 32) * 4);
  });

  it("accumulates into the destination with dst_rmw_op=add", () => {
    const c = golden("dma_copy_rmw_add");
    const m = machine();
    const acc = hbmOf(m, arrayOf(c, "acc"));
    dmaCopy(m, acc, tileOf(m, arrayOf(c, "h")), { dstRmwOp: "add" });
    expectValues(read(acc), values(c.expected));
  });

  it("dma_transpose writes the transposed HBM matrix into SBUF", () => {
    const c = golden("dma_transpose_2d");
    const m = machine();
    const t = emptyTile(m, [128, 64], "float32");
    dmaTranspose(m, t, hbmOf(m, arrayOf(c, "h")));
    expectValues(read(t), values(c.expected));
  });

  it("copies a 1-D HBM vector into an (n, 1) tile and back", () => {
    const m = machine();
    const h = fullView(m.allocHbm("v", [100], dtype("float32")));
    h.buffer.data?.set(Array.from({ length: 100 }, (_, i) => i * 0.5));
    const t = emptyTile(m, [100, 1], "float32");
    dmaCopy(m, t, h);
    const back = fullView(m.allocHbm("w", [100], dtype("float32")));
    dmaCopy(m, back, t);
    expect(Array.from(read(back))).toEqual(Array.from({ length: 100 }, (_, i) => i * 0.5));
  });
});

describe("reductions and scans", () => {
  it("tensor_reduce adds along the last axis", () => {
    const c = golden("tensor_reduce_add_last");
    const m = machine();
    const out = emptyTile(m, [64, 6], "float32");
    tensorReduce(m, out, tileOf(m, arrayOf(c, "x")), { op: "add", axes: [2] });
    expectValues(read(out), values(c.expected));
  });

  it("tensor_reduce takes the max over two axes and negates", () => {
    const c = golden("tensor_reduce_max_two_axes_negate");
    const m = machine();
    const out = emptyTile(m, [64, 1], "float32");
    tensorReduce(m, out, tileOf(m, arrayOf(c, "x")), { op: "max", axes: [1, 2], negate: true });
    expectValues(read(out), values(c.expected));
  });

  it("tensor_reduce accepts a non-trailing free axis", () => {
    const c = golden("tensor_reduce_min_middle_axis");
    const m = machine();
    const out = emptyTile(m, [64, 10], "float32");
    tensorReduce(m, out, tileOf(m, arrayOf(c, "x")), { op: "minimum", axes: [1] });
    expectValues(read(out), values(c.expected));
  });

  it("tensor_partition_reduce reduces across partitions on GpSimd", () => {
    const c = golden("tensor_partition_reduce");
    const m = machine();
    const x = tileOf(m, arrayOf(c, "x"));
    for (const [op, key] of [["add", "expected_add"], ["maximum", "expected_max"]] as const) {
      const out = emptyTile(m, [1, 12], "float32");
      tensorPartitionReduce(m, out, x, op);
      expectValues(read(out), values(c[key]));
    }
    expect(m.trace.engine(0)).toBe(3);
  });

  it("tensor_tensor_scan runs the Mamba recurrence per partition", () => {
    const c = golden("tensor_tensor_scan_mamba");
    const m = machine();
    const out = emptyTile(m, [16, 30], "float32");
    tensorTensorScan(m, out, tileOf(m, arrayOf(c, "a")), tileOf(m, arrayOf(c, "b")), {
      initial: tileOf(m, arrayOf(c, "init")), op0: "multiply", op1: "add",
    });
    expectValues(read(out), values(c.expected));
  });

  it("bn_stats over two chunks then bn_aggr gives the mean and population variance", () => {
    const c = golden("bn_stats_aggr");
    const m = machine();
    const x = tileOf(m, arrayOf(c, "x"));
    const stats = emptyTile(m, [32, 12], "float32");
    bnStats(m, sliceView(stats, 1, 0, 6), sliceView(x, 1, 0, 64));
    bnStats(m, sliceView(stats, 1, 6, 12), sliceView(x, 1, 64, 128));
    const s = read(stats);
    expect(s[0]).toBe(32);
    expectValues(Array.from({ length: 32 }, (_, p) => s[p * 12 + 1]), values(c.expected_even_mean), 1e-6, 1e-6);
    const mv = emptyTile(m, [32, 2], "float32");
    bnAggr(m, mv, stats);
    const r = read(mv);
    expectValues(Array.from({ length: 32 }, (_, p) => r[p * 2]), values(c.expected_mean), 1e-5, 1e-6);
    expectValues(Array.from({ length: 32 }, (_, p) => r[p * 2 + 1]), values(c.expected_var), 1e-5, 1e-6);
  });

  it("max8 returns the 8 largest values per partition in descending order", () => {
    const c = golden("max8");
    const m = machine();
    const out = emptyTile(m, [8, 8], "float32");
    max8(m, out, tileOf(m, arrayOf(c, "x")));
    expectValues(read(out), values(c.expected));
  });

  it("nc_find_index8 and nc_match_replace8 locate and replace first occurrences", () => {
    const c = golden("find_index8_match_replace8");
    const m = machine();
    const x = tileOf(m, arrayOf(c, "x"));
    const vals = tileOf(m, arrayOf(c, "vals"));
    const idx = emptyTile(m, [4, 8], "uint32");
    ncFindIndex8(m, idx, x, vals);
    expectValues(read(idx), values(c.expected_idx));
    const rep = emptyTile(m, [4, 30], "float32");
    const repIdx = emptyTile(m, [4, 8], "uint32");
    ncMatchReplace8(m, rep, x, vals, -1, repIdx);
    expectValues(read(rep), values(c.expected_replaced));
    expectValues(read(repIdx), values(c.expected_replace_idx));
  });
});

describe("iota and selects", () => {
  it("iota materialises offset + cm*p + sum(step*i)", () => {
    const c = golden("iota_affine");
    const m = machine();
    const out = emptyTile(m, [16, 24], "int32");
    iota(m, out, { offset: 7, channelMultiplier: 3, pattern: [[10, 4], [-2, 6]] });
    expectValues(read(out), values(c.expected));
  });

  it("affine_select keeps on_true where p - f >= 0 (a causal mask)", () => {
    const c = golden("affine_select_causal");
    const m = machine();
    const out = emptyTile(m, [32, 32], "float32");
    affineSelect(m, out, { offset: 0, channelMultiplier: 1, pattern: [[-1, 32]] }, "greater_equal", tileOf(m, arrayOf(c, "x")), -9984.0);
    expectValues(read(out), values(c.expected));
  });

  it("range_select keeps indices inside per-partition bounds and max-reduces", () => {
    const c = golden("range_select_max");
    const m = machine();
    const out = emptyTile(m, [20, 24], "float32");
    const res = emptyTile(m, [20, 1], "float32");
    rangeSelect(m, out, {
      onTrue: tileOf(m, arrayOf(c, "x")), compOp0: "greater_equal", compOp1: "less",
      bound0: tileOf(m, arrayOf(c, "b0")), bound1: tileOf(m, arrayOf(c, "b1")), rangeStart: 2, reduceRes: res,
    });
    expectValues(read(out), values(c.expected));
    expectValues(read(res), values(c.expected_reduce));
  });

  it("select_reduce picks on_true/on_false by an integer predicate and max-reduces", () => {
    const c = golden("select_reduce_max");
    const m = machine();
    const out = emptyTile(m, [24, 16], "float32");
    const res = emptyTile(m, [24, 1], "float32");
    selectReduce(m, out, {
      predicate: tileOf(m, arrayOf(c, "pred")), onTrue: tileOf(m, arrayOf(c, "x")), onFalse: tileOf(m, arrayOf(c, "onf")), reduceRes: res,
    });
    expectValues(read(out), values(c.expected));
    expectValues(read(res), values(c.expected_reduce));
  });

  it("nc_stream_shuffle permutes partitions within each quadrant", () => {
    const c = golden("nc_stream_shuffle");
    const m = machine();
    const dst = tileOf(m, arrayOf(c, "old"));
    ncStreamShuffle(m, dst, tileOf(m, arrayOf(c, "x")), c.shuffle as number[]);
    expectValues(read(dst), values(c.expected));
  });

  it("local_gather follows the documented numpy reference (column-major indices per 16-partition core)", () => {
    const c = golden("local_gather");
    const m = machine();
    const out = emptyTile(m, [32, 160], "float32");
    localGather(m, out, tileOf(m, arrayOf(c, "src")), tileOf(m, arrayOf(c, "index")), c.num_elem as number, c.num_valid as number);
    expectValues(read(out), values(c.expected));
  });
});

describe("integer and read-modify-write details", () => {
  it("int32 add runs exactly (wrapping) on GpSimd by default; forced onto VectorE it goes through fp32", () => {
    const m = machine();
    const a = emptyTile(m, [1, 2], "int32");
    a.buffer.data?.set([2 ** 30 + 1, 2 ** 31 - 1]);
    const g = emptyTile(m, [1, 2], "int32");
    tensorTensor(m, g, a, a, "add");
    expect(Array.from(read(g))).toEqual([-(2 ** 31) + 2, -2]);
    const v = emptyTile(m, [1, 2], "int32");
    tensorTensor(m, v, a, a, "add", { engine: "vector" });
    expect(Array.from(read(v))).toEqual([2 ** 31 - 1, 2 ** 31 - 1]);
    expect([m.trace.engine(0), m.trace.engine(1)]).toEqual([3, 1]);
  });

  it("dma_copy's dst_rmw_op applies any ALU op (atomic_rmw max)", () => {
    const m = machine();
    const h = fullView(m.allocHbm("h", [2, 2], dtype("float32")));
    h.buffer.data?.set([1, 5, -3, 0]);
    const t = emptyTile(m, [2, 2], "float32");
    t.buffer.data?.set([2, 2, 2, 2]);
    dmaCopy(m, h, t, { dstRmwOp: "maximum" });
    expect(Array.from(read(h))).toEqual([2, 5, 2, 2]);
    expect(m.trace.variant(0)).toBe("rmw:maximum");
  });
});

describe("TensorE modes", () => {
  it("fp8 double-row matmul contracts over partitions and the size-2 dim (trn2+)", () => {
    const c = golden("nc_matmul_fp8_double_row");
    const m = machine("trn2");
    const out = emptyTile(m, [16, 24], "float32", Memory.Psum);
    ncMatmul(m, out, tileOf(m, arrayOf(c, "st")), tileOf(m, arrayOf(c, "mv")), { doubleRow: true });
    expectValues(read(out), values(c.expected), 1e-6, 1e-6);
    expect(m.trace.flags(0) & InstrFlag.DoubleRow).toBe(InstrFlag.DoubleRow);
    expect(m.trace.flops(0)).toBe(2 * 64 * 16 * 24);
    const m1 = machine("trn1");
    expect(() => ncMatmul(m1, emptyTile(m1, [16, 24], "float32", Memory.Psum), tileOf(m1, arrayOf(c, "st")), tileOf(m1, arrayOf(c, "mv")), { doubleRow: true })).toThrow(/NC-v3/);
  });

  it("records PE tiling and rejects tiles the generation does not support", () => {
    const m = machine("trn2");
    const st = emptyTile(m, [32, 32], "bfloat16");
    memset(m, st, 1);
    const out = emptyTile(m, [32, 8], "float32", Memory.Psum);
    ncMatmul(m, out, st, sliceView(st, 1, 0, 8), { tilePosition: [32, 96], tileSize: [32, 32] });
    expect(m.trace.variant(1)).toBe("tile:32,96,32,32");
    expect(Array.from(new Set(read(out)))).toEqual([32]);
    const m1 = machine("trn1");
    const st1 = emptyTile(m1, [32, 32], "bfloat16");
    expect(() => ncMatmul(m1, emptyTile(m1, [32, 8], "float32", Memory.Psum), st1, sliceView(st1, 1, 0, 8), { tilePosition: [0, 0], tileSize: [32, 32] })).toThrow(/tile_size must be one of 64\/128/);
  });
});

describe("DMA out-of-bounds mode", () => {
  it("oob_mode skip copies the in-bounds elements and leaves the rest", () => {
    const m = machine();
    const h = fullView(m.allocHbm("h", [4, 3], dtype("float32")));
    m.hostWrite(h, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const t = emptyTile(m, [2, 3], "float32");
    const tail = sliceView(h, 0, 3, 5);
    expect(() => dmaCopy(m, t, tail)).toThrow(/err_tensor_access_out_of_bound/);
    dmaCopy(m, t, tail, { oobMode: "skip" });
    const v = Array.from(read(t));
    expect(v.slice(0, 3)).toEqual([9, 10, 11]);
    expect(v.slice(3).every(Number.isNaN)).toBe(true);
  });
});

describe("gather_flattened", () => {
  it("gathers per partition from the flattened free dims, like numpy take_along_axis", () => {
    const c = golden("gather_flattened");
    const m = machine();
    const out = emptyTile(m, [24, 12], "float32");
    gatherFlattened(m, out, tileOf(m, arrayOf(c, "data")), tileOf(m, arrayOf(c, "idx")));
    expectValues(read(out), values(c.expected));
    const bad = emptyTile(m, [24, 12], "int32");
    m.hostWrite(bad, new Array(24 * 12).fill(40));
    expect(() => gatherFlattened(m, out, tileOf(m, arrayOf(c, "data")), bad)).toThrow(/err_tensor_access_out_of_bound/);
  });
});

describe("tensor_copy_predicated with a scalar source", () => {
  it("writes the scalar where the predicate holds and keeps dst elsewhere", () => {
    const m = machine();
    const dst = emptyTile(m, [2, 3], "float32");
    m.hostWrite(dst, [1, 2, 3, 4, 5, 6]);
    const pred = emptyTile(m, [2, 3], "uint8");
    m.hostWrite(pred, [1, 0, 1, 0, 0, 1]);
    tensorCopyPredicated(m, dst, -7, { predicate: pred });
    expect(Array.from(read(dst))).toEqual([-7, 2, -7, 4, 5, -7]);
    expect(() => tensorCopyPredicated(m, dst, 0, { predicate: dst })).toThrow(/err_unsupported_dtype/);
  });
});
