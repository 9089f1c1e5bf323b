import { describe, expect, it } from "vitest";
import { lastKernelMachine } from "../../lib/nki";
import { simulateTiming } from "../../lib/sim/timing";
import { None } from "../../lib/python/runtime/objects";
import { arrayValue, ok, session } from "./harness";

describe("nl randomness and read-modify-write", () => {
  it("nl.rand fills [0, 1) and nl.dropout with rate 0 keeps every element", () => {
    const { s } = session();
    ok(s.execute(`@nki.jit
def k(a):
    r_out = nl.ndarray((128, 64), dtype=nl.float32, buffer=nl.shared_hbm)
    d_out = nl.ndarray((128, 64), dtype=nl.float32, buffer=nl.shared_hbm)
    nl.random_seed(7)
    nl.store(r_out, value=nl.rand((128, 64), dtype=nl.float32))
    nl.store(d_out, value=nl.dropout(nl.load(a), 0.0))
    return r_out, d_out

r, d = k(np.full((128, 64), 3.0, dtype=np.float32))`));
    const r = arrayValue(s, "r").data;
    expect(r.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(r).size).toBeGreaterThan(1000);
    expect(arrayValue(s, "d").data.every((x) => x === 3)).toBe(true);
  });

  it("nl.atomic_rmw adds a tile into HBM in place", () => {
    const { s } = session();
    ok(s.execute(`@nki.jit
def k(a):
    out = nl.ndarray((4, 8), dtype=nl.float32, buffer=nl.shared_hbm)
    t = nl.load(a)
    nl.store(out, value=t)
    nl.atomic_rmw(out, value=t, op=np.add)
    return out

o = k(np.arange(32, dtype=np.float32).reshape(4, 8))`));
    expect(Array.from(arrayValue(s, "o").data)).toEqual(Array.from({ length: 32 }, (_, i) => 2 * i));
  });

  it("unsupported collectives raise NotImplementedError naming the function", () => {
    const { s } = session();
    const r = s.execute(`@nki.jit
def k(a):
    nl.all_reduce(nl.load(a), np.add, [0])
    return a

k(np.zeros((4, 4), dtype=np.float32))`);
    expect(r.status).toBe("error");
    if (r.status === "error") {
      expect(r.error.type).toBe("NotImplementedError");
      expect(r.error.message).toContain("nl.all_reduce");
    }
  });
});

describe("nki.benchmark", () => {
  it("times the kernel's instruction stream with the timing model and prints neuron-bench style percentiles", () => {
    const { s, out } = session();
    ok(s.execute(`import neuronxcc.nki.typing as nt
@nki.jit
def k(a, b):
    out = nl.ndarray(a.shape, dtype=a.dtype, buffer=nl.shared_hbm)
    nl.store(out, value=nl.load(a) + nl.load(b))
    return out

bk = nki.benchmark(warmup=2, iters=3)(k)
r = bk(nt.tensor[[128, 512], nl.float32], nt.tensor[[128, 512], nl.float32])
p50 = bk.benchmark_result.nc_latency.get_latency_percentile(50)`));
    const m = lastKernelMachine(s.runtime)!;
    expect(m.mode).toBe("timing-only");
    expect(s.get("r")).toBe(None);
    const us = simulateTiming(m.trace, "trn2").timeline.totalNs / 1000;
    expect(us).toBeGreaterThan(0);
    expect(s.get("p50")).toEqual(expect.objectContaining({ v: us }));
    const text = out.join("");
    expect(text).toContain("Latency results are:\nNCLatency:\np0 = ");
    expect(text).toContain(`p99 = ${Math.round(us)}us`);
  });
});

describe("tile operands", () => {
  it("numpy scalars combine with tiles like Python numbers", () => {
    const { s } = session();
    ok(s.execute(`@nki.jit
def k(a):
    out = nl.ndarray(a.shape, dtype=a.dtype, buffer=nl.shared_hbm)
    nl.store(out, value=nl.load(a) * np.float32(0.5) + np.int32(2))
    return out

o = k(np.arange(8, dtype=np.float32).reshape(2, 4))`));
    expect(Array.from(arrayValue(s, "o").data)).toEqual([2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5]);
  });
});

describe("nisa enums", () => {
  it("oob_mode.skip lets a DMA drop out-of-bounds elements, and engine enums select engines", () => {
    const { s } = session();
    ok(s.execute(`@nki.jit
def k(a):
    out = nl.ndarray((4, 8), dtype=nl.float32, buffer=nl.shared_hbm)
    t = nisa.memset((4, 8), 7.0, dtype=nl.float32, engine=nisa.engine.gpsimd)
    nl.store(out, value=t)
    src = nl.load(a)
    i_p = nl.arange(4)[:, None] + 2
    i_f = nl.arange(8)[None, :]
    nisa.dma_copy(dst=out[i_p, i_f], src=src, oob_mode=nisa.oob_mode.skip)
    return out

o = k(np.ones((4, 8), dtype=np.float32))
names = (nisa.vector_engine, nisa.reduce_cmd.reset_reduce, nisa.dge_mode.hwdge)`));
    const o = Array.from(arrayValue(s, "o").data);
    expect(o.slice(0, 16).every((x) => x === 7)).toBe(true);
    expect(o.slice(16).every((x) => x === 1)).toBe(true);
  });
});

describe("nl.finfo", () => {
  it("describes NKI float dtypes, bfloat16 included (numpy's finfo)", () => {
    const { s } = session();
    ok(s.execute("bf_max = float(nl.finfo(nl.bfloat16).max)\nf32_eps = float(nl.finfo(nl.float32).eps)"));
    // bfloat16 max = (2 - 2**-7) * 2**127; float32 eps = 2**-23.
    expect(s.get("bf_max")).toEqual(expect.objectContaining({ v: (2 - 2 ** -7) * 2 ** 127 }));
    expect(s.get("f32_eps")).toEqual(expect.objectContaining({ v: 2 ** -23 }));
  });
});
