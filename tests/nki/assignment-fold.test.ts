/**
 * `buf[k] = nl.load(...)` is one DMA straight into `buf` (NKI's compiler makes the producing
 * instruction write the destination); other uses of a value keep materialising it; deferring an
 * instruction never changes program order or the line it is attributed to.
 */
import { describe, expect, it } from "vitest";
import { lastKernelMachine } from "../../lib/nki";
import type { Trace } from "../../lib/sim";
import { arrayValue, ok, session } from "./harness";

/** (line opcode reads->writes) of every recorded instruction, in order, tensors by name. */
function records(t: Trace): string[] {
  const out: string[] = [];
  for (let i = 0; i < t.length; i++) {
    const ops = t.operands(i);
    const names = (w: boolean): string => ops.filter((o) => (o.access === 2) === w).map((o) => t.tensor(o.tensor).name).join(",");
    out.push(`${t.line(i)} ${t.opcode(i)} ${names(false)}->${names(true)}`);
  }
  return out;
}

function run(kernel: string, call: string): { trace: string[]; s: ReturnType<typeof session>["s"] } {
  const { s } = session();
  ok(s.execute(kernel, { cellName: "<kernel>" }));
  ok(s.execute(`a = np.arange(256 * 64, dtype=np.float32).reshape(256, 64) - 5000.0\n${call}`, { cellName: "<run>" }));
  return { trace: records(lastKernelMachine(s.runtime)!.trace), s };
}

/** The Python expression (numpy checks of the kernel's result) is true in the session. */
function expectTrue(s: ReturnType<typeof session>["s"], expression: string): void {
  ok(s.execute(`same = bool(${expression})`));
  expect(s.get("same"), expression).toBe(true);
}

/** The host array equals `a` (the kernels below only move data, so the input is the oracle). */
function expectEqualsInput(s: ReturnType<typeof session>["s"], name: string, rows: [number, number] = [0, 256]): void {
  expectTrue(s, `np.array_equal(${name}, a[${rows[0]}:${rows[1]}])`);
}

describe("an assigned op result is written by the op itself", () => {
  it("buf[k] = nl.load(...) records one DMA into buf and no copy", () => {
    const { trace, s } = run(
      `@nki.jit
def k(a):
    out = nl.ndarray(a.shape, dtype=a.dtype, buffer=nl.shared_hbm)
    buf = nl.ndarray((2, nl.par_dim(128), 64), dtype=a.dtype, buffer=nl.sbuf)
    for i in nl.affine_range(2):
        buf[i] = nl.load(a[i * 128:(i + 1) * 128, :])
    for i in nl.affine_range(2):
        nl.store(out[i * 128:(i + 1) * 128, :], value=buf[i])
    return out
`,
      "r = k(a)",
    );
    expect(trace).toEqual([
      "6 dma_copy a->sbuf",
      "6 dma_copy a->sbuf",
      "8 dma_copy sbuf->output0",
      "8 dma_copy sbuf->output0",
    ]);
    expectEqualsInput(s, "r");
  });

  it("a call spread over several lines still writes the destination, attributed to the call", () => {
    const { trace, s } = run(
      `@nki.jit
def k(a):
    out = nl.ndarray((128, 64), dtype=a.dtype, buffer=nl.shared_hbm)
    buf = nl.ndarray((nl.par_dim(128), 64), dtype=a.dtype, buffer=nl.sbuf)
    buf[...] = nl.load(
        a[0:128, :])
    nl.store(out, value=buf)
    return out
`,
      "r = k(a)",
    );
    expect(trace).toEqual(["5 dma_copy a->sbuf", "7 dma_copy sbuf->output0"]);
    expectEqualsInput(s, "r", [0, 128]);
  });

  it("a masked load writes only the masked elements of the destination", () => {
    const { trace, s } = run(
      `@nki.jit
def k(a):
    out = nl.ndarray((128, 64), dtype=a.dtype, buffer=nl.shared_hbm)
    buf = nl.full((128, 64), 7.0, dtype=a.dtype, buffer=nl.sbuf)
    i_p = nl.arange(128)[:, None]
    i_f = nl.arange(64)[None, :]
    buf[i_p, i_f] = nl.load(a[i_p, i_f], mask=(i_p < 100))
    nl.store(out, value=buf)
    return out
`,
      "r = k(a)",
    );
    expect(trace).toEqual(["4 memset ->full", "7 dma_copy a->full", "8 dma_copy full->output0"]);
    expectTrue(s, "np.array_equal(r[:100], a[:100]) and np.all(r[100:] == 7.0)");
  });
});

describe("other uses of a value materialise it as before", () => {
  it("a value kept in a variable and assigned twice is loaded once and copied twice", () => {
    const { trace, s } = run(
      `@nki.jit
def k(a):
    out = nl.ndarray((256, 64), dtype=a.dtype, buffer=nl.shared_hbm)
    buf = nl.ndarray((2, nl.par_dim(128), 64), dtype=a.dtype, buffer=nl.sbuf)
    x = nl.load(a[0:128, :])
    buf[0] = x
    buf[1] = x
    nl.store(out[0:128, :], value=buf[0])
    nl.store(out[128:256, :], value=buf[1])
    return out
`,
      "r = k(a)",
    );
    expect(trace).toEqual([
      "5 dma_copy a->load",
      "6 tensor_copy load->sbuf",
      "7 tensor_copy load->sbuf",
      "8 dma_copy sbuf->output0",
      "9 dma_copy sbuf->output0",
    ]);
    expectTrue(s, "np.array_equal(r[:128], a[:128]) and np.array_equal(r[128:], a[:128])");
  });

  it("an assignment into a view the DMA cannot write (PSUM) or of another dtype than dtype= goes through a tile", () => {
    const { trace } = run(
      `@nki.jit
def k(a):
    out = nl.ndarray((128, 64), dtype=a.dtype, buffer=nl.shared_hbm)
    p = nl.ndarray((nl.par_dim(128), 64), dtype=nl.float32, buffer=nl.psum)
    p[...] = nl.load(a[0:128, :])
    h = nl.ndarray((nl.par_dim(128), 64), dtype=nl.float32, buffer=nl.sbuf)
    h[...] = nl.load(a[0:128, :], dtype=nl.bfloat16)
    nl.store(out, value=h)
    return out
`,
      "r = k(a)",
    );
    expect(trace).toEqual([
      "5 dma_copy a->load",
      "5 tensor_copy load->psum",
      "7 dma_copy a->load",
      "7 tensor_copy load->sbuf",
      "8 dma_copy sbuf->output0",
    ]);
  });

  it("a load used as an operand first is a tile of its own (the operation then writes the destination)", () => {
    const { trace } = run(
      `@nki.jit
def k(a):
    out = nl.ndarray((128, 64), dtype=a.dtype, buffer=nl.shared_hbm)
    buf = nl.ndarray((nl.par_dim(128), 64), dtype=a.dtype, buffer=nl.sbuf)
    buf[...] = nl.load(a[0:128, :]) + 1.0
    nl.store(out, value=buf)
    return out
`,
      "r = k(a)",
    );
    expect(trace).toEqual(["5 dma_copy a->load", "5 tensor_scalar load->sbuf", "6 dma_copy sbuf->output0"]);
  });
});

describe("an assigned engine operation writes the destination", () => {
  it("nl.add, a tile operator, nl.copy and activations each record one instruction writing the destination", () => {
    const { trace, s } = run(
      `@nki.jit
def k(a):
    out = nl.ndarray((128, 64), dtype=nl.float32, buffer=nl.shared_hbm)
    x = nl.load(a[0:128, :])
    y = nl.load(a[128:256, :])
    p = nl.ndarray((nl.par_dim(128), 64), dtype=nl.float32, buffer=nl.psum)
    p[...] = nl.add(x, y)
    q = nl.ndarray((nl.par_dim(128), 64), dtype=nl.float32, buffer=nl.sbuf)
    q[...] = x * 2.0
    q[...] = nl.copy(p) - q
    p[...] = nl.exp(q * 0.0001)
    q[...] = nl.log(p)
    nl.store(out, value=q)
    return out
`,
      "r = k(a)",
    );
    expect(trace).toEqual([
      "4 dma_copy a->load",
      "5 dma_copy a->load",
      "7 tensor_tensor load,load->psum",
      "9 tensor_scalar load->sbuf",
      "10 tensor_copy psum->copy",
      "10 tensor_tensor copy,sbuf->sbuf",
      "11 tensor_scalar sbuf->multiply",
      "11 activation multiply->psum",
      "12 activation psum->sbuf",
      "13 dma_copy sbuf->output0",
    ]);
    expectTrue(s, "np.allclose(r, np.log(np.exp((a[128:256] - a[:128]) * 0.0001)), rtol=1e-5, atol=1e-5) and abs(float(r[0, 0]) - 0.8192) < 1e-5");
  });

  it("nisa.tensor_tensor and nisa.tensor_copy results assigned into a tile are written there", () => {
    const { trace, s } = run(
      `@nki.jit
def k(a):
    out = nl.ndarray((128, 64), dtype=nl.float32, buffer=nl.shared_hbm)
    x = nl.load(a[0:128, :])
    y = nl.load(a[128:256, :])
    q = nl.ndarray((nl.par_dim(128), 64), dtype=nl.float32, buffer=nl.sbuf)
    q[...] = nisa.tensor_tensor(y, x, op=nl.subtract)
    p = nl.ndarray((nl.par_dim(128), 64), dtype=nl.float32, buffer=nl.psum)
    p[...] = nisa.tensor_copy(q)
    q[...] = nisa.tensor_copy(p, engine=nisa.vector_engine)
    nl.store(out, value=q)
    return out
`,
      "r = k(a)",
    );
    expect(trace).toEqual([
      "4 dma_copy a->load",
      "5 dma_copy a->load",
      "7 tensor_tensor load,load->sbuf",
      "9 tensor_copy sbuf->psum",
      "10 tensor_copy psum->tensor_copy",
      "10 tensor_copy tensor_copy->sbuf",
      "11 dma_copy sbuf->output0",
    ]);
    expectTrue(s, "np.array_equal(r, a[128:256] - a[:128])");
  });

  it("an engine result assigned into a tile of another shape, kept and reused, or of another dtype than dtype= is copied", () => {
    const { trace } = run(
      `@nki.jit
def k(a):
    out = nl.ndarray((128, 64), dtype=a.dtype, buffer=nl.shared_hbm)
    x = nl.load(a[0:128, :])
    w = nl.ndarray((nl.par_dim(128), 1, 64), dtype=a.dtype, buffer=nl.sbuf)
    w[...] = x + 1.0
    h = nl.ndarray((nl.par_dim(128), 64), dtype=nl.float32, buffer=nl.sbuf)
    h[...] = nl.add(x, x, dtype=nl.bfloat16)
    nl.store(out, value=h)
    return out
`,
      "r = k(a)",
    );
    expect(trace).toEqual([
      "4 dma_copy a->load",
      "6 tensor_scalar load->add",
      "6 tensor_copy add->sbuf",
      "8 tensor_tensor load,load->add",
      "8 tensor_copy add->sbuf",
      "9 dma_copy sbuf->output0",
    ]);
  });
});

describe("deferring an instruction never reorders the program", () => {
  it("a load whose value is assigned after a store to its source on the same line reads the old values", () => {
    const { trace, s } = run(
      `@nki.jit
def k(a, z):
    out = nl.ndarray((128, 64), dtype=a.dtype, buffer=nl.shared_hbm)
    buf = nl.ndarray((nl.par_dim(128), 64), dtype=a.dtype, buffer=nl.sbuf)
    zt = nl.load(z)
    t = nl.load(a[0:128, :]); nl.store(a[0:128, :], value=zt); buf[...] = t
    nl.store(out, value=buf)
    return out
`,
      "r = k(a.copy(), np.zeros((128, 64), dtype=np.float32))",
    );
    expect(trace).toEqual([
      "5 dma_copy z->load",
      "6 dma_copy a->load",
      "6 dma_copy load->a",
      "6 tensor_copy load->sbuf",
      "7 dma_copy sbuf->output0",
    ]);
    expectEqualsInput(s, "r", [0, 128]);
  });

  it("a matmul used after another instruction on its line is issued before that instruction", () => {
    const { trace } = run(
      `@nki.jit
def k(a):
    out = nl.ndarray((128, 64), dtype=nl.float32, buffer=nl.shared_hbm)
    x = nl.load(a[0:128, :])
    acc = nl.zeros((64, 64), dtype=nl.float32, buffer=nl.sbuf)
    r = nl.matmul(x, x, transpose_x=True); nl.store(out, value=x); acc += r
    return out
`,
      "r = k(a)",
    );
    expect(trace).toEqual([
      "4 dma_copy a->load",
      "5 memset ->full",
      "6 nc_matmul load,load->matmul",
      "6 dma_copy load->output0",
      "6 tensor_tensor full,matmul->full",
    ]);
  });

  it("a matmul used on a later line keeps the line of its call", () => {
    const { trace } = run(
      `@nki.jit
def k(a):
    out = nl.ndarray((64, 64), dtype=nl.float32, buffer=nl.shared_hbm)
    x = nl.load(a[0:128, :])
    r = nl.matmul(x, x, transpose_x=True)
    nl.store(out, value=r)
    return out
`,
      "r = k(a)",
    );
    expect(trace[1]).toBe("5 nc_matmul load,load->matmul");
  });
});

describe("kernel outputs read after a deferred instruction", () => {
  it("a load deferred at the kernel's last line is issued before the outputs are read", () => {
    const { s } = run(
      `@nki.jit
def k(a):
    out = nl.ndarray((128, 64), dtype=a.dtype, buffer=nl.shared_hbm)
    nl.store(out, value=nl.load(a[0:128, :]))
    return out
`,
      "r = k(a)",
    );
    expectEqualsInput(s, "r", [0, 128]);
    expect(arrayValue(s, "r").shape).toEqual([128, 64]);
  });
});

describe("assigned reductions, broadcasting operations and nisa results write the destination", () => {
  it("softmax with nl reductions and [P, F] op [P, 1] operators records no copy", () => {
    const { trace, s } = run(
      `@nki.jit
def k(a):
    out = nl.ndarray((128, 64), dtype=nl.float32, buffer=nl.shared_hbm)
    x = nl.load(a[0:128, :])
    mx = nl.ndarray((nl.par_dim(128), 1), dtype=nl.float32, buffer=nl.sbuf, name="mx")
    mx[...] = nl.max(x, axis=1, keepdims=True)
    e = nl.ndarray((nl.par_dim(128), 64), dtype=nl.float32, buffer=nl.sbuf, name="e")
    e[...] = nl.exp(x - mx)
    sm = nl.ndarray((nl.par_dim(128), 1), dtype=nl.float32, buffer=nl.sbuf, name="sm")
    sm[...] = nl.sum(e, axis=1, keepdims=True)
    e[...] = e / sm
    mu = nl.ndarray((nl.par_dim(128), 1), dtype=nl.float32, buffer=nl.sbuf, name="mu")
    mu[...] = nl.mean(e, axis=1)
    e[...] = mu * e
    nl.store(out, value=e)
    return out
`,
      "r = k(a)",
    );
    expect(trace).toEqual([
      "4 dma_copy a->load",
      "6 tensor_reduce load->mx",
      "8 tensor_scalar load,mx->subtract",
      "8 activation subtract->e",
      "10 tensor_reduce e->sm",
      "11 tensor_scalar e,sm->e",
      "13 tensor_reduce e->sum",
      "13 tensor_scalar sum->mu",
      "14 tensor_scalar e,mu->e",
      "15 dma_copy e->output0",
    ]);
    ok(s.execute(`x = a[:128]
ex = np.exp(x - x.max(axis=1, keepdims=True))
sm = ex / ex.sum(axis=1, keepdims=True)`));
    expectTrue(s, "np.allclose(r, sm.mean(axis=1, keepdims=True) * sm, rtol=1e-5, atol=1e-9)");
  });

  it("nisa.tensor_reduce, nisa.activation with bias and scale vectors, nisa.reciprocal and nisa.tensor_scalar write the destination", () => {
    const { trace, s } = run(
      `@nki.jit
def k(a):
    out = nl.ndarray((128, 64), dtype=nl.float32, buffer=nl.shared_hbm)
    x = nl.load(a[0:128, :])
    nmx = nl.ndarray((nl.par_dim(128), 1), dtype=nl.float32, buffer=nl.sbuf, name="nmx")
    nmx[...] = nisa.tensor_reduce(op=np.max, data=x, axis=(1,), negate=True, keepdims=True)
    one = nl.full((128, 1), 1.0, dtype=nl.float32, buffer=nl.sbuf, name="one")
    e = nl.ndarray((nl.par_dim(128), 64), dtype=nl.float32, buffer=nl.sbuf, name="e")
    e[...] = nisa.activation(op=np.exp, data=x, bias=nmx, scale=one)
    sm = nl.ndarray((nl.par_dim(128), 1), dtype=nl.float32, buffer=nl.sbuf, name="sm")
    sm[...] = nisa.tensor_reduce(op=np.add, data=e, axis=1)
    sm[...] = nisa.reciprocal(sm)
    e[...] = nisa.tensor_scalar(data=e, op0=np.multiply, operand0=sm, op1=np.multiply, operand1=2.0)
    nl.store(out, value=e)
    return out
`,
      "r = k(a)",
    );
    expect(trace).toEqual([
      "4 dma_copy a->load",
      "6 tensor_reduce load->nmx",
      "7 memset ->full",
      "9 activation load,nmx,full->e",
      "11 tensor_reduce e->sm",
      "12 reciprocal sm->sm",
      "13 tensor_scalar e,sm->e",
      "14 dma_copy e->output0",
    ]);
    ok(s.execute("ex = np.exp(a[:128] - a[:128].max(axis=1, keepdims=True))"));
    expectTrue(s, "np.allclose(r, ex / ex.sum(axis=1, keepdims=True) * 2.0, rtol=1e-5, atol=1e-9)");
  });

  it("integer reductions, an activation's reduction, an explicit engine, another shape and a matmul into SBUF are copied", () => {
    const { trace, s } = run(
      `@nki.jit
def k(a):
    out = nl.ndarray((128, 64), dtype=nl.float32, buffer=nl.shared_hbm)
    x = nl.load(a[0:128, :])
    xi = nl.load(a[0:128, :], dtype=nl.int32)
    si = nl.ndarray((nl.par_dim(128), 1), dtype=nl.int32, buffer=nl.sbuf, name="si")
    si[...] = nl.sum(xi, axis=1, keepdims=True)
    acc = nl.ndarray((nl.par_dim(128), 1), dtype=nl.float32, buffer=nl.sbuf, name="acc")
    e = nl.ndarray((nl.par_dim(128), 64), dtype=nl.float32, buffer=nl.sbuf, name="e")
    e[...] = nisa.activation(op=np.exp, data=x, scale=0.0, reduce_op=np.add, reduce_res=acc)
    e[...] = nisa.tensor_scalar(data=x, op0=np.add, operand0=1.0, engine=nisa.gpsimd_engine)
    w = nl.ndarray((nl.par_dim(128), 1, 1), dtype=nl.float32, buffer=nl.sbuf, name="w")
    w[...] = nl.max(x, axis=1, keepdims=True)
    g = nl.ndarray((nl.par_dim(64), 64), dtype=nl.float32, buffer=nl.sbuf, name="g")
    g[...] = nl.matmul(x[:, 0:64], x[:, 0:64], transpose_x=True)
    nl.store(out, value=e)
    return out
`,
      "r = k(a)",
    );
    expect(trace).toEqual([
      "4 dma_copy a->load",
      "5 dma_copy a->load",
      "7 tensor_reduce load->sum",
      "7 tensor_copy sum->si",
      "10 activation load->activation,acc",
      "10 tensor_copy activation->e",
      "11 tensor_scalar load->tensor_scalar",
      "11 tensor_copy tensor_scalar->e",
      "13 tensor_reduce load->max",
      "13 tensor_copy max->w",
      "15 nc_matmul load,load->matmul",
      "15 tensor_copy matmul->g",
      "16 dma_copy e->output0",
    ]);
    expectTrue(s, "np.array_equal(r, a[:128] + 1.0)");
  });
});

describe("operations outside the folding domain still raise at their call", () => {
  /** The NKI error code and innermost line of running a kernel whose line 6 is `line6`. */
  function failAt(line6: string): { code: string; line: number } {
    const { s } = session();
    const r = s.execute(
      `@nki.jit
def k(a):
    x = nl.load(a[0:128, :])
    c = nl.ndarray((nl.par_dim(128), 1), dtype=nl.int32, buffer=nl.sbuf)
    e = nl.ndarray((nl.par_dim(128), 64), dtype=nl.float32, buffer=nl.sbuf)
${line6}
    return x
k(np.zeros((128, 64), dtype=np.float32))
`,
      { cellName: "<kernel>" },
    );
    if (r.status !== "error") throw new Error("expected an error");
    return { code: r.error.message.split(":")[0], line: r.error.frames[r.error.frames.length - 1].line };
  }

  it.each([
    ["a reduction over the partition axis", "    c[...] = nl.max(x, axis=0, keepdims=True)", "err_shape_mismatch"],
    ["an activation with an int32 scale vector", "    e[...] = nisa.activation(op=np.exp, data=x, scale=c)", "err_activation_scale_invalid_type"],
    ["a tensor_scalar whose operand is not a column", "    e[...] = nisa.tensor_scalar(data=x, op0=np.add, operand0=x)", "err_shape_mismatch"],
    ["a tile and a column of another partition count", "    e[...] = x - c[0:64, :]", "err_shape_mismatch"],
  ])("%s", (_what, line6, code) => {
    expect(failAt(line6)).toEqual({ code, line: 6 });
  });
});
