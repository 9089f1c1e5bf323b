/**
 * nisa.range_select / select_reduce / nc_match_replace8 / nc_stream_shuffle / local_gather /
 * get_nc_version beyond the numpy goldens (tests/nki/kernels.test.ts case isa_select): the target
 * query and the errors for bad arguments, each naming its code and the kernel line.
 */
import { describe, expect, it } from "vitest";
import type { TargetName } from "../../lib/sim";
import { ok, session } from "./harness";

function fail(src: string, target?: TargetName): { type: string; code: string; line: number; message: string } {
  const { s } = session(target);
  const r = s.execute(src, { cellName: "<kernel>" });
  if (r.status !== "error") throw new Error("expected an error");
  const frames = r.error.frames;
  return { type: r.error.type, code: r.error.message.split(":")[0], line: frames[frames.length - 1].line, message: r.error.message };
}

const CALL = "\nk(np.zeros((64, 32), dtype=np.float32))\n";

describe("nisa.get_nc_version", () => {
  for (const [target, version] of [["trn1", "gen2"], ["trn2", "gen3"], ["trn3", "gen4"]] as const) {
    it(`is nc_version.${version} on ${target}, in a kernel and in host code`, () => {
      const { s } = session(target);
      ok(s.execute(`@nki.jit
def k(a):
    out = nl.ndarray(a.shape, dtype=a.dtype, buffer=nl.shared_hbm)
    nl.store(out, value=nl.load(a))
    return out, nisa.get_nc_version()

_, inside = k(np.zeros((4, 4), dtype=np.float32))
outside = nisa.get_nc_version()
same = inside == nisa.nc_version.${version} and outside == nisa.nc_version.${version}`));
      expect(s.get("inside")).toBe(version);
      expect(s.get("same")).toBe(true);
    });
  }
});

describe("errors of the selecting instructions", () => {
  it("range_select does not exist on NeuronCore-v2 (trn1)", () => {
    const e = fail(`@nki.jit
def k(a):
    t = nl.load(a)
    b = nl.load(a[:, 0:1])
    r = nisa.range_select(on_true_tile=t, comp_op0=nl.greater_equal, comp_op1=nl.less, bound0=b, bound1=b)
    return a
${CALL}`, "trn1");
    expect(e.code).toBe("err_unsupported_dtype");
    expect(e.line).toBe(5);
  });

  it("range_select bounds must be [P, 1]", () => {
    const e = fail(`@nki.jit
def k(a):
    t = nl.load(a)
    r = nisa.range_select(on_true_tile=t, comp_op0=nl.greater_equal, comp_op1=nl.less, bound0=t, bound1=t)
    return a
${CALL}`);
    expect(e.code).toBe("err_shape_mismatch");
    expect(e.line).toBe(4);
    expect(e.message).toContain("bound0");
  });

  it("range_select rejects an operator that is not a comparison", () => {
    const e = fail(`@nki.jit
def k(a):
    t = nl.load(a)
    b = nl.load(a[:, 0:1])
    r = nisa.range_select(on_true_tile=t, comp_op0=nl.add, comp_op1=nl.less, bound0=b, bound1=b)
    return a
${CALL}`);
    expect(e.code).toBe("err_unsupported_dtype");
    expect(e.line).toBe(5);
  });

  it("an unknown reduce_cmd is a ValueError", () => {
    const e = fail(`@nki.jit
def k(a):
    t = nl.load(a)
    b = nl.load(a[:, 0:1])
    r = nisa.range_select(on_true_tile=t, comp_op0=nl.greater_equal, comp_op1=nl.less, bound0=b, bound1=b, reduce_cmd="often")
    return a
${CALL}`);
    expect(e.type).toBe("ValueError");
    expect(e.message).toContain("nisa.reduce_cmd.reset_reduce");
  });

  it("select_reduce needs an integer predicate", () => {
    const e = fail(`@nki.jit
def k(a):
    t = nl.load(a)
    d = nl.ndarray(t.shape, dtype=nl.float32, buffer=nl.sbuf)
    nisa.select_reduce(dst=d, predicate=t, on_true=t, on_false=0.0)
    return a
${CALL}`);
    expect(e.code).toBe("err_unsupported_dtype");
    expect(e.line).toBe(5);
  });

  it("select_reduce needs on_true shaped like dst", () => {
    const e = fail(`@nki.jit
def k(a):
    t = nl.load(a)
    p = nisa.tensor_copy(t, dtype=nl.uint8)
    d = nl.ndarray((64, 16), dtype=nl.float32, buffer=nl.sbuf)
    nisa.select_reduce(dst=d, predicate=p, on_true=t, on_false=0.0)
    return a
${CALL}`);
    expect(e.code).toBe("err_shape_mismatch");
    expect(e.line).toBe(6);
  });

  it("nc_match_replace8 needs [P, 8] values", () => {
    const e = fail(`@nki.jit
def k(a):
    t = nl.load(a)
    r = nisa.nc_match_replace8(data=t, vals=t, imm=0.0)
    return a
${CALL}`);
    expect(e.code).toBe("err_shape_mismatch");
    expect(e.line).toBe(4);
  });

  it("nc_stream_shuffle needs 32 source partitions in its mask", () => {
    const e = fail(`@nki.jit
def k(a):
    t = nl.load(a)
    d = nisa.tensor_copy(t)
    nisa.nc_stream_shuffle(src=t, dst=d, shuffle_mask=[0, 1, 2])
    return a
${CALL}`);
    expect(e.code).toBe("err_shape_mismatch");
    expect(e.line).toBe(5);
    expect(e.message).toContain("32");
  });

  it("nc_stream_shuffle's mask must be a list", () => {
    const e = fail(`@nki.jit
def k(a):
    t = nl.load(a)
    nisa.nc_stream_shuffle(src=t, dst=t, shuffle_mask=7)
    return a
${CALL}`);
    expect(e.type).toBe("TypeError");
  });

  it("local_gather works on whole 16-partition groups", () => {
    const e = fail(`@nki.jit
def k(a):
    t = nl.load(a[0:24, :])
    i = nisa.iota(nl.arange(24)[:, None] * 0 + nl.arange(2)[None, :], dtype=nl.uint16)
    g = nisa.local_gather(t, i)
    return a
${CALL}`);
    expect(e.code).toBe("err_num_partition_mismatch");
    expect(e.line).toBe(5);
  });

  it("local_gather rejects more valid indices than a group holds", () => {
    const e = fail(`@nki.jit
def k(a):
    t = nl.load(a[0:32, :])
    i = nisa.iota(nl.arange(32)[:, None] * 0 + nl.arange(2)[None, :], dtype=nl.uint16)
    g = nisa.local_gather(t, i, num_valid_indices=33)
    return a
${CALL}`);
    expect(e.code).toBe("err_shape_mismatch");
    expect(e.line).toBe(5);
  });

  it("local_gather reports an index past the end of a row", () => {
    const e = fail(`@nki.jit
def k(a):
    t = nl.load(a[0:32, :])
    i = nisa.iota(nl.arange(32)[:, None] * 0 + 31 + nl.arange(2)[None, :], dtype=nl.uint16)
    g = nisa.local_gather(t, i, num_elem_per_idx=2)
    return a
${CALL}`);
    expect(e.code).toBe("err_tensor_access_out_of_bound");
    expect(e.line).toBe(5);
  });

  it("local_gather index must be an integer tile", () => {
    const e = fail(`@nki.jit
def k(a):
    t = nl.load(a[0:32, :])
    g = nisa.local_gather(t, t)
    return a
${CALL}`);
    expect(e.code).toBe("err_unsupported_dtype");
    expect(e.line).toBe(4);
  });
});
