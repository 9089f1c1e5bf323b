import { describe, expect, it } from "vitest";
import { session } from "./harness";

/** Runs `src` (kernel + call) and returns the NKI error's code and the innermost frame's line. */
function fail(src: string): { code: string; line: number; message: string } {
  const { s } = session();
  const r = s.execute(src, { cellName: "<kernel>" });
  if (r.status !== "error") throw new Error("expected an error");
  expect(r.error.type).toBe("neuronxcc.nki.NkiError");
  const frames = r.error.frames;
  return { code: r.error.message.split(":")[0], line: frames[frames.length - 1].line, message: r.error.message };
}

const CALL_1 = "\nk(np.zeros((256, 64), dtype=np.float32))\n";

describe("NKI diagnostics name the error code and the kernel line", () => {
  it("a tile with more than 128 partitions", () => {
    const e = fail(`@nki.jit
def k(a):
    out = nl.ndarray(a.shape, dtype=a.dtype, buffer=nl.shared_hbm)
    t = nl.load(a)
    nl.store(out, value=t)
    return out
${CALL_1}`);
    expect(e.code).toBe("err_num_partition_exceed_arch_limit");
    expect(e.line).toBe(4);
    expect(e.message).toContain("256");
  });

  it("an index expression reaching past the tensor without a mask", () => {
    const e = fail(`@nki.jit
def k(a):
    out = nl.ndarray((128, 64), dtype=a.dtype, buffer=nl.shared_hbm)
    i_p = 200 + nl.arange(128)[:, None]
    i_f = nl.arange(64)[None, :]
    t = nl.load(a[i_p, i_f])
    nl.store(out, value=t)
    return out
${CALL_1}`);
    expect(e.code).toBe("err_tensor_access_out_of_bound");
    expect(e.line).toBe(6);
  });

  it("a mask that still lets out-of-bounds rows through", () => {
    const e = fail(`@nki.jit
def k(a):
    out = nl.ndarray((128, 64), dtype=a.dtype, buffer=nl.shared_hbm)
    i_p = 200 + nl.arange(128)[:, None]
    i_f = nl.arange(64)[None, :]
    t = nl.load(a[i_p, i_f], mask=(i_p < 300))
    return out
${CALL_1}`);
    expect(e.code).toBe("err_tensor_access_out_of_bound");
    expect(e.line).toBe(6);
  });

  it("an NKI call outside a kernel", () => {
    const e = fail(`x = 1\nt = nl.ndarray((128, 4), dtype=nl.float32, buffer=nl.sbuf)\n`);
    expect(e.code).toBe("err_nki_api_outside_of_nki_kernel");
    expect(e.line).toBe(2);
  });

  it("a tensor value steering Python control flow", () => {
    const e = fail(`@nki.jit
def k(a):
    out = nl.ndarray((128, 64), dtype=a.dtype, buffer=nl.shared_hbm)
    t = nl.load(a[0:128, 0:64])
    if t:
        nl.store(out, value=t)
    return out
${CALL_1}`);
    expect(e.code).toBe("err_ambiguous_tensor_truth_value");
    expect(e.line).toBe(5);
  });

  it("a tile used after the loop iteration that created it", () => {
    const e = fail(`@nki.jit
def k(a):
    out = nl.ndarray((128, 64), dtype=a.dtype, buffer=nl.shared_hbm)
    for i in nl.affine_range(2):
        t = nl.load(a[i * 128:(i + 1) * 128, 0:64])
    nl.store(out, value=t)
    return out
${CALL_1}`);
    expect(e.code).toBe("err_local_variable_used_out_of_scope");
    expect(e.line).toBe(6);
  });

  it("loading from a PSUM tile", () => {
    const e = fail(`@nki.jit
def k(a):
    acc = nl.zeros((128, 64), dtype=nl.float32, buffer=nl.psum)
    t = nl.load(acc)
    return a
${CALL_1}`);
    expect(e.code).toBe("err_unsupported_memory");
    expect(e.line).toBe(4);
  });

  it("mixing slices with index expressions", () => {
    const e = fail(`@nki.jit
def k(a):
    i_f = nl.arange(64)[None, :]
    t = nl.load(a[0:128, i_f])
    return a
${CALL_1}`);
    expect(e.code).toBe("err_unsupported_mixing_basic_advanced_tensor_indexing");
    expect(e.line).toBe(4);
  });

  it("an explicit tile larger than a partition of SBUF, with the sizes", () => {
    const e = fail(`@nki.jit
def k(a):
    big = nl.ndarray((128, 100000), dtype=nl.float32, buffer=nl.sbuf)
    return a
${CALL_1}`);
    expect(e.code).toBe("err_allocation_exceeds_capacity");
    expect(e.line).toBe(3);
    expect(e.message).toContain("400000");
  });

  it("a float64 kernel argument", () => {
    const e = fail(`@nki.jit
def k(a):
    return a

k(np.zeros((4, 4)))
`);
    expect(e.code).toBe("err_unsupported_dtype");
    expect(e.line).toBe(5);
  });

  it("a uint64 kernel argument and a uint64 tile dtype", () => {
    const arg = fail(`@nki.jit
def k(a):
    return a

k(np.zeros((4, 4), dtype=np.uint64))
`);
    expect(arg.code).toBe("err_unsupported_dtype");
    expect(arg.line).toBe(5);
    const tile = fail(`@nki.jit
def k(a):
    t = nl.zeros((4, 4), dtype=np.uint64, buffer=nl.sbuf)
    return a

k(np.zeros((4, 4), dtype=np.float32))
`);
    expect(tile.code).toBe("err_unsupported_dtype");
    expect(tile.line).toBe(3);
  });

  it("nc_matmul with a moving tile wider than 512", () => {
    const e = fail(`import neuronxcc.nki.isa as nisa
@nki.jit
def k(a, b):
    x = nl.load(a)
    y = nl.load(b)
    r = nisa.tensor_copy(nisa.nc_matmul(x, y))
    return a

k(np.zeros((128, 128), dtype=np.float32), np.zeros((128, 1024), dtype=np.float32))
`);
    expect(e.code).toBe("err_size_of_dimension_exceed_arch_limit");
    expect(e.line).toBe(6);
  });

  it("nc_matmul with a stationary tile wider than 128", () => {
    const e = fail(`import neuronxcc.nki.isa as nisa
@nki.jit
def k(a, b):
    x = nl.load(a)
    y = nl.load(b)
    r = nisa.tensor_copy(nisa.nc_matmul(x, y))
    return a

k(np.zeros((128, 256), dtype=np.float32), np.zeros((128, 64), dtype=np.float32))
`);
    expect(e.code).toBe("err_size_of_dimension_exceed_arch_limit");
    expect(e.line).toBe(6);
  });

  it("a DMA from a PSUM tile", () => {
    const e = fail(`import neuronxcc.nki.isa as nisa
@nki.jit
def k(a):
    out = nl.ndarray((128, 64), dtype=nl.float32, buffer=nl.shared_hbm)
    acc = nl.zeros((128, 64), dtype=nl.float32, buffer=nl.psum)
    nisa.dma_copy(src=acc, dst=out)
    return out

k(np.zeros((128, 64), dtype=np.float32))
`);
    expect(e.code).toBe("err_unsupported_memory");
    expect(e.line).toBe(6);
  });

  it("tiles whose shapes do not broadcast", () => {
    const e = fail(`@nki.jit
def k(a, b):
    c = nl.load(a) + nl.load(b)
    return a

k(np.zeros((128, 64), dtype=np.float32), np.zeros((128, 32), dtype=np.float32))
`);
    expect(e.code).toBe("err_shape_mismatch");
    expect(e.line).toBe(3);
  });

  it("a write race across affine_range iterations (and none with sequential_range)", () => {
    const src = (range: string): string => `@nki.jit
def k(a):
    out = nl.ndarray((128, 64), dtype=a.dtype, buffer=nl.shared_hbm)
    for i in nl.${range}(2):
        nl.store(out, value=nl.load(a))
    return out

r = k(np.zeros((128, 64), dtype=np.float32))
`;
    const e = fail(src("affine_range"));
    expect(e.code).toBe("err_unexpected_output_dependencies");
    expect(e.line).toBe(5);
    const { s } = session();
    expect(s.execute(src("sequential_range")).status).toBe("ok");
  });
});
