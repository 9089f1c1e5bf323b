import { describe, expect, it } from "vitest";
import { lastKernelMachine } from "../../lib/nki";
import { DTYPES, type DTypeName } from "../../lib/numpy/dtypes";
import { emptyArray } from "../../lib/numpy/ndarray";
import { wrapArray } from "../../lib/numpy/python/types";
import type { Session } from "../../lib/python";
import { dtype as simDtype } from "../../lib/sim";
import { Access, Memory } from "../../lib/sim/trace/types";
import { arrayValue, ok, session } from "./harness";
import golden from "./view-dtype.golden.json";

/** Golden values: numbers, or "nan" / "inf" / "-inf" (JSON has no non-finite numbers). */
type GoldenValue = number | string;

function num(x: GoldenValue): number {
  if (typeof x === "number") return x;
  return x === "nan" ? NaN : x === "inf" ? Infinity : -Infinity;
}

function nums(xs: readonly GoldenValue[]): number[] {
  return xs.map(num);
}

function setTyped(s: Session, name: string, dt: string, shape: readonly number[], values: readonly GoldenValue[]): void {
  const a = emptyArray(DTYPES[dt as DTypeName], shape);
  values.forEach((x, i) => (a.data[i] = num(x)));
  s.main.scope.set(name, wrapArray(a));
}

function result(s: Session, name: string): number[] {
  return Array.from(arrayValue(s, name).data);
}

/** Runs `src` and returns the NKI error's code and the innermost frame's line. */
function fail(s: Session, src: string): { code: string; line: number; message: string } {
  const r = s.execute(src, { cellName: "<kernel>" });
  if (r.status !== "error") throw new Error("expected an error");
  expect(r.error.type).toBe("neuronxcc.nki.NkiError");
  const frames = r.error.frames;
  return { code: r.error.message.split(":")[0], line: frames[frames.length - 1].line, message: r.error.message };
}

describe("tensor.view(dtype) between dtypes of one itemsize (numpy goldens)", () => {
  const { s } = session();
  it.each(golden.equal.map((c) => [`${c.from} -> ${c.to}`, c] as const))("%s, of an SBUF tile and of an HBM input", (_, c) => {
    setTyped(s, "a", c.from, c.shape, c.input);
    ok(s.execute(`@nki.jit
def k(a):
    tile_out = nl.ndarray(a.shape, dtype=nl.${c.to}, buffer=nl.shared_hbm)
    hbm_out = nl.ndarray(a.shape, dtype=nl.${c.to}, buffer=nl.shared_hbm)
    t = nl.load(a)
    nl.store(tile_out, value=t.view(nl.${c.to}))
    nl.store(hbm_out, value=nl.load(a.view(nl.${c.to})))
    return tile_out, hbm_out

r_tile, r_hbm = k(a)`));
    expect(result(s, "r_tile")).toEqual(nums(c.expected));
    expect(result(s, "r_hbm")).toEqual(nums(c.expected));
  });
});

describe("tensor.view(dtype) to another itemsize rescales the last dimension (numpy goldens)", () => {
  const { s } = session();
  it.each(golden.resize.map((c) => [`${c.from} ${c.shape.join("x")} -> ${c.to} ${c.outShape.join("x")}`, c] as const))("%s", (_, c) => {
    setTyped(s, "a", c.from, c.shape, c.input);
    ok(s.execute(`@nki.jit
def k(a):
    v = nl.load(a).view(nl.${c.to})
    out = nl.ndarray(v.shape, dtype=v.dtype, buffer=nl.shared_hbm)
    nl.store(out, value=v)
    return out, a.view(nl.${c.to}).shape == v.shape

r, same_shape = k(a)`));
    expect(arrayValue(s, "r").shape).toEqual(c.outShape);
    expect(result(s, "r")).toEqual(nums(c.expected));
    expect(s.get("same_shape")).toBe(true);
  });

  it("bf16 [128, 512] viewed as float32 is [128, 256]", () => {
    const { s: t } = session();
    ok(t.execute(`@nki.jit
def k(a):
    out = nl.ndarray((1,), dtype=nl.int32, buffer=nl.shared_hbm)
    v = nl.load(a).view(nl.float32)
    return out, v.shape == (128, 256) and a.view(nl.float32).shape == (128, 256), str(v.dtype)

_, shapes_ok, dt = k(np.zeros((128, 512), dtype=nl.bfloat16))`));
    expect(t.get("shapes_ok")).toBe(true);
    expect(String(t.get("dt"))).toBe("float32");
  });
});

describe("tensor.view(dtype) aliases the tensor's bytes", () => {
  it("a write through an int32 view changes the float32 tile it views", () => {
    const { s } = session();
    const g = golden.writeViaView;
    setTyped(s, "a", "float32", [4, 8], g.a);
    setTyped(s, "b", "int32", [4, 4], g.b);
    ok(s.execute(`@nki.jit
def k(a, b):
    out = nl.ndarray(a.shape, dtype=a.dtype, buffer=nl.shared_hbm)
    t = nl.ndarray((4, 8), dtype=nl.float32, buffer=nl.sbuf)
    t[...] = nl.load(a)
    v = t.view(nl.int32)
    v[:, 0:4] = nl.load(b)
    nl.store(out, value=t)
    return out

r = k(a, b)`));
    expect(result(s, "r")).toEqual(nums(g.expected));
  });

  it("a write to the tile after the views were taken shows through them (same and other itemsize)", () => {
    const { s } = session();
    const g = golden.writeOriginal;
    setTyped(s, "a", "bfloat16", [4, 8], g.a);
    ok(s.execute(`@nki.jit
def k(a):
    o16 = nl.ndarray((4, 8), dtype=nl.uint16, buffer=nl.shared_hbm)
    o8 = nl.ndarray((4, 16), dtype=nl.uint8, buffer=nl.shared_hbm)
    t = nl.ndarray((4, 8), dtype=nl.bfloat16, buffer=nl.sbuf)
    v = t.view(nl.uint16)
    w = t.view(nl.uint8)
    t[...] = nl.load(a)
    nl.store(o16, value=v)
    nl.store(o8, value=w)
    return o16, o8

r16, r8 = k(a)`));
    expect(result(s, "r16")).toEqual(g.expectedU16);
    expect(result(s, "r8")).toEqual(g.expectedU8);
  });

  it("a write into some bytes of a uint8 view changes only the float32 elements holding them", () => {
    const { s } = session();
    const g = golden.resizedWrite;
    setTyped(s, "a", "float32", [4, 4], g.a);
    setTyped(s, "b", "uint8", [4, 4], g.b);
    ok(s.execute(`@nki.jit
def k(a, b):
    out = nl.ndarray(a.shape, dtype=a.dtype, buffer=nl.shared_hbm)
    t = nl.load(a)
    w = t.view(nl.uint8)
    w[:, 4:8] = nl.load(b)
    nl.store(out, value=t)
    return out

r = k(a, b)`));
    expect(result(s, "r")).toEqual(nums(g.expected));
  });

  it("a kernel output written through an int32 view returns the float32 values of those bits", () => {
    const { s } = session();
    const g = golden.hbmOutputViaView;
    setTyped(s, "b", "int32", [4, 8], g.b);
    ok(s.execute(`@nki.jit
def k(b):
    out = nl.ndarray((4, 8), dtype=nl.float32, buffer=nl.shared_hbm)
    nl.store(out.view(nl.int32), value=nl.load(b))
    return out

r = k(b)`));
    expect(result(s, "r")).toEqual(nums(g.expected));
  });

  it("a PSUM tile viewed as int32 gives its float32 bit patterns", () => {
    const { s } = session();
    const c = golden.equal.find((e) => e.from === "float32" && e.to === "int32");
    if (!c) throw new Error("golden case float32 -> int32 missing");
    setTyped(s, "a", "float32", c.shape, c.input);
    ok(s.execute(`@nki.jit
def k(a):
    out = nl.ndarray(a.shape, dtype=nl.int32, buffer=nl.shared_hbm)
    p = nl.ndarray(a.shape, dtype=nl.float32, buffer=nl.psum)
    p[...] = nl.load(a)
    nl.store(out, value=nl.copy(p.view(nl.int32)))
    return out

r = k(a)`));
    expect(result(s, "r")).toEqual(nums(c.expected));
  });

  it("a kernel can return the view of an output", () => {
    const { s } = session();
    const g = golden.hbmOutputViaView;
    setTyped(s, "b", "int32", [4, 8], g.b);
    ok(s.execute(`@nki.jit
def k(b):
    out = nl.ndarray((4, 8), dtype=nl.int32, buffer=nl.shared_hbm)
    nl.store(out, value=nl.load(b))
    return out.view(nl.float32)

r = k(b)
dt = str(r.dtype)`));
    expect(String(s.get("dt"))).toBe("float32");
    expect(result(s, "r")).toEqual(nums(g.expected));
  });

  it("reading bits as bfloat16 NaNs leaves the bits unchanged", () => {
    const { s } = session();
    const g = golden.nanPayloads;
    setTyped(s, "a", "uint16", [1, g.bits.length], g.bits);
    ok(s.execute(`@nki.jit
def k(a):
    as_bf16 = nl.ndarray(a.shape, dtype=nl.bfloat16, buffer=nl.shared_hbm)
    again = nl.ndarray(a.shape, dtype=a.dtype, buffer=nl.shared_hbm)
    t = nl.load(a)
    nl.store(as_bf16, value=t.view(nl.bfloat16))
    nl.store(again, value=t)
    return as_bf16, again

r_bf16, r_again = k(a)`));
    expect(result(s, "r_bf16")).toEqual(nums(g.asBf16));
    expect(result(s, "r_again")).toEqual(g.bits);
  });

  it("clears bfloat16 sign bits with an integer AND through a uint16 view (|x|)", () => {
    const { s } = session();
    const g = golden.absViaBits;
    setTyped(s, "a", "bfloat16", [4, 8], g.a);
    ok(s.execute(`@nki.jit
def k(a):
    out = nl.ndarray(a.shape, dtype=a.dtype, buffer=nl.shared_hbm)
    bits = nl.bitwise_and(nl.load(a).view(nl.uint16), 0x7FFF, dtype=nl.uint16)
    nl.store(out, value=bits.view(nl.bfloat16))
    return out

r = k(a)`));
    expect(result(s, "r")).toEqual(nums(g.expected));
  });
});

describe("tensor.view(dtype) in timing-only runs", () => {
  it("records the reinterpreted dtype and the same bytes for shape-only arguments", () => {
    const { s } = session();
    ok(s.execute(`import neuronxcc.nki.typing as nt
@nki.jit
def k(a):
    out = nl.ndarray((128, 256), dtype=nl.float32, buffer=nl.shared_hbm)
    t = nl.load(a.view(nl.float32))
    u = t.view(nl.bfloat16)
    nl.store(out.view(nl.bfloat16), value=u)
    return out

nki.benchmark(warmup=1, iters=1)(k)(nt.tensor[[128, 512], nl.bfloat16])`));
    const m = lastKernelMachine(s.runtime);
    expect(m?.mode).toBe("timing-only");
    const t = m!.trace;
    const hbm = (i: number, access: Access) => t.operands(i).find((o) => o.memory === Memory.Hbm && (o.access & access) !== 0);
    expect(t.length).toBe(2);
    expect(hbm(0, Access.Read)?.dtype).toBe(simDtype("float32").code);
    expect(t.bytes(0, Memory.Hbm, Access.Read)).toBe(128 * 512 * 2);
    expect(hbm(1, Access.Write)?.dtype).toBe(simDtype("bfloat16").code);
    expect(t.bytes(1, Memory.Hbm, Access.Write)).toBe(128 * 512 * 2);
  });
});

describe("tensor.view(dtype) diagnostics", () => {
  const { s } = session();
  const kernel = (body: string): string => `@nki.jit
def k(a):
    out = nl.ndarray((1,), dtype=nl.int32, buffer=nl.shared_hbm)
${body}
    return out

k(np.zeros((4, 5), dtype=np.int16))
`;

  it("returns the tensor itself for its own dtype", () => {
    ok(s.execute(`@nki.jit
def k(a):
    out = nl.ndarray((1,), dtype=nl.int32, buffer=nl.shared_hbm)
    t = nl.load(a)
    return out, t.view(nl.int16) is t

_, same = k(np.zeros((4, 5), dtype=np.int16))`));
    expect(s.get("same")).toBe(true);
  });

  it("a last dimension whose bytes do not divide into the new itemsize", () => {
    const e = fail(s, kernel("    t = nl.load(a)\n    v = t.view(nl.float32)"));
    expect(e.code).toBe("err_shape_mismatch");
    expect(e.line).toBe(5);
    expect(e.message).toContain("tensor.view(float32) of a (4, 5) int16 tensor");
    expect(e.message).toContain("10 bytes");
  });

  it("an HBM tensor whose rows do not divide", () => {
    const e = fail(s, kernel("    v = a.view(nl.int32)"));
    expect(e.code).toBe("err_shape_mismatch");
    expect(e.line).toBe(4);
  });

  it("a strided last dimension with another itemsize", () => {
    const e = fail(s, kernel("    t = nl.load(a)\n    v = t[:, 0:4:2].view(nl.int8)"));
    expect(e.code).toBe("err_shape_mismatch");
    expect(e.line).toBe(5);
    expect(e.message).toContain("contiguous");
  });

  it("bool_ cannot be reinterpreted", () => {
    const e = fail(s, kernel("    t = nl.load(a)\n    v = t.view(nl.uint8).view(nl.bool_)"));
    expect(e.code).toBe("err_unsupported_dtype");
    expect(e.line).toBe(5);
    expect(e.message).toContain("tensor.view(bool_)");
  });

  it("a 64-bit numpy dtype", () => {
    const e = fail(s, kernel("    v = a.view(np.float64)"));
    expect(e.code).toBe("err_unsupported_dtype");
    expect(e.line).toBe(4);
  });
});
