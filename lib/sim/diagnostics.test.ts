import { describe, expect, it } from "vitest";
import { dtype, type DTypeName } from "./dtypes";
import { NkiError, type NkiErrorCode } from "./errors";
import { Machine } from "./machine";
import { fullView, selectView, sliceView, type View } from "./memory/tensor";
import { activation } from "./ops/activation";
import { dmaCopy } from "./ops/dma";
import { tensorCopy, tensorScalar, tensorTensor } from "./ops/elementwise";
import { tensorPartitionReduce } from "./ops/reduce";
import { ncMatmul } from "./ops/tensor-engine";
import { LoopKind, Memory } from "./trace/types";

function machine(target: "trn1" | "trn2" | "trn3" = "trn2"): Machine {
  const m = new Machine({ target });
  m.setLocation("kernel.py", 42);
  return m;
}

const sbuf = (m: Machine, shape: number[], d: DTypeName = "float32"): View => fullView(m.allocOnChip("s", Memory.Sbuf, shape, dtype(d)));
const psum = (m: Machine, shape: number[], d: DTypeName = "float32"): View => fullView(m.allocOnChip("p", Memory.Psum, shape, dtype(d)));
const hbm = (m: Machine, shape: number[], d: DTypeName = "float32"): View => fullView(m.allocHbm("h", shape, dtype(d)));

/** Runs fn, expecting an NkiError with `code` located at kernel.py:42; returns its explanation. */
function expectNkiError(fn: () => void, code: NkiErrorCode): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(NkiError);
    const err = e as NkiError;
    expect(err.code).toBe(code);
    expect(err.location).toEqual({ file: "kernel.py", line: 42 });
    expect(err.message).toContain(`[${code}]`);
    expect(err.message).toContain("kernel.py:42");
    return err.explanation;
  }
  throw new Error(`expected ${code}`);
}

describe("diagnostics", () => {
  it("rejects a partition dimension over 128", () => {
    const m = machine();
    const why = expectNkiError(() => sbuf(m, [256, 4]), "err_num_partition_exceed_arch_limit");
    expect(why).toBe("Size of partition dimension 256 exceeds architecture limitation of 128.");
  });

  it("rejects matmul stationary free size over 128 and moving free size over 512", () => {
    const m = machine();
    expectNkiError(() => ncMatmul(m, psum(m, [128, 8]), sbuf(m, [128, 129], "bfloat16"), sbuf(m, [128, 8], "bfloat16")), "err_size_of_dimension_exceed_arch_limit");
    const why = expectNkiError(() => ncMatmul(m, psum(m, [128, 1024]), sbuf(m, [128, 128], "bfloat16"), sbuf(m, [128, 1024], "bfloat16")), "err_size_of_dimension_exceed_arch_limit");
    expect(why).toContain("gemm_moving_fmax 512");
  });

  it("allows trn3's wider moving tile (4096 for an fp32 destination)", () => {
    const m = machine("trn3");
    ncMatmul(m, psum(m, [128, 1024]), sbuf(m, [128, 128], "bfloat16"), sbuf(m, [128, 1024], "bfloat16"));
    expect(m.trace.opcode(0)).toBe("nc_matmul");
  });

  it("rejects a matmul whose contraction partitions differ", () => {
    const m = machine();
    expectNkiError(() => ncMatmul(m, psum(m, [64, 8]), sbuf(m, [128, 64]), sbuf(m, [64, 8])), "err_num_partition_mismatch");
  });

  it("rejects operands in the wrong memory", () => {
    const m = machine();
    const why = expectNkiError(() => ncMatmul(m, sbuf(m, [64, 8]), sbuf(m, [128, 64]), sbuf(m, [128, 8])), "err_unsupported_memory");
    expect(why).toContain("must be in PSUM, got SBUF");
    expect(expectNkiError(() => dmaCopy(m, hbm(m, [8, 8]), psum(m, [8, 8])), "err_unsupported_memory")).toContain("DMA cannot access PSUM");
    expectNkiError(() => tensorTensor(m, sbuf(m, [8, 8]), hbm(m, [8, 8]), sbuf(m, [8, 8]), "add"), "err_unsupported_memory");
    expectNkiError(() => tensorTensor(m, sbuf(m, [8, 8]), psum(m, [8, 8]), psum(m, [8, 8]), "add"), "err_unsupported_memory");
    expectNkiError(() => tensorCopy(m, sbuf(m, [8, 8]), psum(m, [8, 8]), { engine: "gpsimd" }), "err_unsupported_memory");
    expectNkiError(() => tensorPartitionReduce(m, sbuf(m, [1, 8]), psum(m, [8, 8]), "add"), "err_unsupported_memory");
  });

  it("rejects shape mismatches between element-wise operands", () => {
    const m = machine();
    expectNkiError(() => tensorTensor(m, sbuf(m, [8, 8]), sbuf(m, [8, 8]), sbuf(m, [8, 4]), "add"), "err_shape_mismatch");
    expectNkiError(() => dmaCopy(m, sbuf(m, [8, 8]), hbm(m, [8, 9])), "err_shape_mismatch");
  });

  it("rejects accesses outside a tensor, in HBM and inside a partition", () => {
    const m = machine();
    const h = hbm(m, [16, 16]);
    const win = sliceView(h, 0, 8, 24);
    expectNkiError(() => dmaCopy(m, sbuf(m, [16, 16]), win), "err_tensor_access_out_of_bound");
    const t = sbuf(m, [8, 16]);
    const spill = sliceView(t, 1, 8, 24);
    expectNkiError(() => tensorCopy(m, sbuf(m, [8, 16]), spill), "err_tensor_access_out_of_bound");
  });

  it("rejects a single tile larger than SBUF, reporting requested and available bytes", () => {
    const m = machine("trn1");
    const why = expectNkiError(() => sbuf(m, [128, 50_000]), "err_allocation_exceeds_capacity");
    expect(why).toBe("SBUF tile 's' needs 200000 bytes per partition but SBUF has only 180224 bytes per partition");
    expect(expectNkiError(() => psum(m, [128, 4097]), "err_allocation_exceeds_capacity")).toContain("16388 bytes per partition");
  });

  it("rejects an explicit allocation outside the memory", () => {
    const m = machine("trn1");
    const why = expectNkiError(
      () => m.allocOnChip("x", Memory.Sbuf, [128, 1024], dtype("float32"), 0, { addr: 180_224 - 1024 }),
      "err_allocation_exceeds_capacity",
    );
    expect(why).toContain("needs bytes [179200, 183296) in partitions [0, 128) but SBUF has 180224 bytes per partition");
  });

  it("does not reject live auto-allocated tiles beyond capacity: they go to the spill region", () => {
    const m = machine("trn1");
    const tiles = Array.from({ length: 3 }, () => sbuf(m, [128, 20_000]));
    expect(tiles.map((t) => t.buffer.addr)).toEqual([0, 80_000, 180_224]);
    expect(m.trace.tensor(tiles[2].buffer.id).addr).toBeGreaterThanOrEqual(m.target.sbufUsableBytesPerPartition);
  });

  it("rejects dtype combinations the engines do not support", () => {
    const m = machine();
    expectNkiError(() => ncMatmul(m, psum(m, [8, 8]), sbuf(m, [8, 8], "int32"), sbuf(m, [8, 8], "int32")), "err_unsupported_dtype");
    expectNkiError(() => ncMatmul(m, psum(m, [8, 8]), sbuf(m, [8, 8], "float8_e4m3"), sbuf(m, [8, 8], "float8_e4m3fn")), "err_unsupported_dtype");
    expectNkiError(() => tensorTensor(m, sbuf(m, [8, 8]), sbuf(m, [8, 8]), sbuf(m, [8, 8]), "bitwise_or"), "err_unsupported_dtype");
  });

  it("checks activation bias and scale types", () => {
    const m = machine();
    const x = sbuf(m, [8, 8]);
    expectNkiError(() => activation(m, sbuf(m, [8, 8]), x, { op: "exp", bias: sbuf(m, [8, 1], "int32") }), "err_activation_bias_invalid_type");
    expectNkiError(() => activation(m, sbuf(m, [8, 8]), x, { op: "exp", scale: sbuf(m, [8, 1], "bfloat16") }), "err_activation_scale_invalid_type");
    expectNkiError(() => activation(m, sbuf(m, [8, 8]), x, { op: "exp", scale: sbuf(m, [8, 2]) }), "err_activation_scale_scalar_or_vector");
  });

  it("rejects a tile used after the loop iteration that created it ended", () => {
    const m = machine();
    m.beginLoop(LoopKind.Affine, 2);
    m.setIteration(0);
    const t = sbuf(m, [8, 8]);
    m.setIteration(1);
    expectNkiError(() => tensorCopy(m, sbuf(m, [8, 8]), t), "err_local_variable_used_out_of_scope");
    m.endLoop();
  });

  it("requires the partition dimension first in instruction operands", () => {
    const m = machine();
    const blocks = fullView(m.allocOnChip("b", Memory.Sbuf, [4, 128, 16], dtype("float32"), 1));
    expectNkiError(() => tensorCopy(m, sbuf(m, [4, 128, 16]), blocks), "err_leading_dimension_of_tensor_must_be_partition");
    tensorCopy(m, sbuf(m, [128, 16]), selectView(blocks, 0, 2));
    expect(m.trace.operand(0, 0).addr).toBe(blocks.buffer.addr + 2 * 16 * 4);
  });

  it("rejects writes to the same elements from different affine_range iterations, but not accumulation", () => {
    const m = machine();
    const a = sbuf(m, [128, 8]);
    const p = psum(m, [8, 8]);
    const x = sbuf(m, [128, 8], "bfloat16");
    m.beginLoop(LoopKind.Affine, 4);
    for (let i = 0; i < 2; i++) {
      m.setIteration(i);
      ncMatmul(m, p, x, x, { accumulate: i > 0 });
      tensorCopy(m, sliceView(a, 1, i, i + 1), sliceView(x, 1, 0, 1));
    }
    m.setIteration(2);
    const why = expectNkiError(() => tensorCopy(m, sliceView(a, 1, 0, 1), sliceView(x, 1, 0, 1)), "err_unexpected_output_dependencies");
    expect(why).toContain("iterations 0 and 2 of the affine_range loop");
    m.endLoop();
    m.beginLoop(LoopKind.Sequential, 2);
    m.setIteration(0);
    tensorCopy(m, sliceView(a, 1, 0, 1), sliceView(x, 1, 0, 1));
    m.setIteration(1);
    tensorCopy(m, sliceView(a, 1, 0, 1), sliceView(x, 1, 0, 1));
    m.endLoop();
  });
});

describe("engine restrictions", () => {
  it("runs tensor_scalar on ScalarE only as add or multiply(+add), and only from trn2", () => {
    const m = machine("trn2");
    tensorScalar(m, sbuf(m, [4, 4]), sbuf(m, [4, 4]), { op0: "multiply", operand0: 2, op1: "add", operand1: 1 }, { engine: "scalar" });
    expectNkiError(() => tensorScalar(m, sbuf(m, [4, 4]), sbuf(m, [4, 4]), { op0: "maximum", operand0: 0 }, { engine: "scalar" }), "err_unsupported_dtype");
    const m1 = machine("trn1");
    expectNkiError(() => tensorScalar(m1, sbuf(m1, [4, 4]), sbuf(m1, [4, 4]), { op0: "add", operand0: 1 }, { engine: "scalar" }), "err_unsupported_dtype");
  });
});
