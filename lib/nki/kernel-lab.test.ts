import { describe, expect, it } from "vitest";
import { Session } from "../python";
import { nativeFunction } from "../python/runtime/define";
import { None, PyDict, PyFloat, type PyValue } from "../python/runtime/objects";
import { NUMPY_MODULES } from "../numpy/python";
import { PROFILE_MIME, type ProfileDocument } from "../profile";
import type { TargetName } from "../sim";
import { createNkiModules, TARGET_OVERRIDE_ENV, type TargetSource } from "./modules";
import { PLOTLY_MIME, PyProfile } from "./profile";

const KERNEL = `import numpy as np
import neuronxcc.nki as nki
import neuronxcc.nki.language as nl
import neuronxcc.nki.typing as nt
import kernel_lab

@nki.jit
def add(a, b):
    out = nl.ndarray(a.shape, dtype=a.dtype, buffer=nl.shared_hbm)
    x = nl.load(a)
    y = nl.load(b)
    nl.store(out, x + y)
    return out

a = np.arange(128 * 512, dtype=np.float32).reshape(128, 512)
b = np.ones((128, 512), dtype=np.float32)
`;

interface Run {
  s: Session;
  out: string[];
  displayed: PyValue[];
  exec(code: string): PyValue;
  error(code: string): { type: string; message: string };
}

function run(target: TargetSource = "trn2", withDisplay = false): Run {
  const out: string[] = [];
  const displayed: PyValue[] = [];
  const s = new Session({ stdout: (t) => out.push(t), stderr: (t) => out.push(t), modules: [...NUMPY_MODULES, ...createNkiModules({ target })] });
  if (withDisplay) {
    s.runtime.builtins.set("display", nativeFunction("display", (args) => {
      displayed.push(...args);
      return None;
    }));
  }
  let cell = 0;
  const exec = (code: string): PyValue => {
    const r = s.execute(code, { cellName: `<cell ${++cell}>` });
    if (r.status === "error") throw new Error(r.error.traceback);
    return r.value ?? None;
  };
  const error = (code: string) => {
    const r = s.execute(code, { cellName: `<cell ${++cell}>` });
    if (r.status !== "error") throw new Error(`expected an error from ${code}`);
    return { type: r.error.type, message: r.error.message };
  };
  exec(KERNEL);
  return { s, out, displayed, exec, error };
}

function bundle(r: Run, value: PyValue): Record<string, string> {
  const d = r.s.runtime.callMethod0(value, "_repr_mimebundle_");
  if (!(d instanceof PyDict)) throw new Error("no bundle");
  const out: Record<string, string> = {};
  for (const e of d.table.iterate()) out[e.k as string] = e.v as string;
  return out;
}

const text = (v: PyValue) => v as string;

describe("kernel_lab.profile", () => {
  const r = run();
  const p = r.exec("p = kernel_lab.profile(add, a, b)\np");

  it("runs the kernel with real values and keeps what it returned", () => {
    expect(r.exec("bool(np.array_equal(p.outputs, a + b)) and p.result is p.outputs")).toBe(true);
  });

  it("has the target, kernel name, total time, metrics and insights as Python values", () => {
    expect(p).toBeInstanceOf(PyProfile);
    expect(r.exec("p.target")).toBe("trn2");
    expect(r.exec("p.kernel_name")).toBe("add");
    expect(r.exec("isinstance(p.total_ns, float) and p.total_ns > 0")).toBe(true);
    expect(r.exec("abs(p.metrics['total_time'] * 1e9 - p.total_ns) < 1e-6")).toBe(true);
    expect(r.exec("p.metrics['hbm_read_bytes']")).toBe(2 * 128 * 512 * 4);
    expect(r.exec("p.hbm_write_bytes")).toBe(128 * 512 * 4);
    expect(r.exec("type(p.metrics['dma_transfer_count']).__name__")).toBe("int");
    expect(r.exec("type(p.metrics['sbuf_peak_bytes_per_partition']).__name__")).toBe("int");
    expect(r.exec("type(p.metrics['mbu_estimated_percent']).__name__")).toBe("float");
    expect(r.exec("isinstance(p.insights, list)")).toBe(true);
    expect(text(r.exec("repr(p)"))).toMatch(/^<kernel_lab\.Profile add on trn2: [\d.]+ µs>$/);
    expect(r.error("p.no_such_metric")).toEqual({ type: "AttributeError", message: "'Profile' object has no attribute 'no_such_metric'" });
  });

  it("gives insights as dicts with title, summary, recommendation, gain and the lines involved", () => {
    const q = run();
    q.exec("@nki.jit\ndef small(a):\n    out = nl.ndarray((128, 8), dtype=a.dtype, buffer=nl.shared_hbm)\n    for i in nl.sequential_range(64):\n        t = nl.load(a[:, i * 8:(i + 1) * 8])\n        nl.store(out, t)\n    return out\nins = kernel_lab.profile(small, a).insights");
    expect(q.exec("len(ins) > 0")).toBe(true);
    expect(q.exec("isinstance(ins, list) and ins() is ins")).toBe(true);
    expect(q.exec("all({'title', 'summary', 'recommendation', 'estimated_gain_percent', 'lines'} <= set(i) for i in ins)")).toBe(true);
    expect(q.exec("all(isinstance(l, int) for i in ins for l in i['lines'])")).toBe(true);
    expect(q.exec("ins[0]['estimated_gain_percent'] >= ins[-1]['estimated_gain_percent']")).toBe(true);
  });

  it("displays as the profile bundle: the full document, an HTML and a text summary", () => {
    const b = bundle(r, p);
    const doc = JSON.parse(b[PROFILE_MIME]) as ProfileDocument;
    expect(doc.target).toBe("trn2");
    expect(doc.kernelName).toBe("add");
    expect(doc.sources).toEqual([{ file: "<cell 1>", text: KERNEL }]);
    expect(new Set(doc.instructions.file.map((f) => doc.strings[f]))).toEqual(new Set(["<cell 1>"]));
    const kernelLines = [7, 8, 9, 10, 11, 12, 13];
    for (const line of doc.instructions.line) expect(kernelLines).toContain(line);
    expect([...new Set(doc.instructions.line)].sort()).toEqual([10, 11, 12]);
    expect(b["text/html"]).toContain("<table>");
    expect(b["text/plain"]).toContain("total_time");
    expect(r.exec("p.summary()")).toBe(b["text/plain"]);
  });

  it("has a Plotly timeline with a text fallback", () => {
    const b = bundle(r, r.exec("p.timeline()"));
    const fig = JSON.parse(b[PLOTLY_MIME]) as { data: { type: string; orientation: string }[]; layout: { title: { text: string } } };
    expect(fig.data.length).toBeGreaterThan(0);
    expect(fig.data.every((t) => t.type === "bar" && t.orientation === "h")).toBe(true);
    expect(fig.layout.title.text).toContain("trn2");
    expect(b["text/plain"]).toMatch(/^Simulated timeline \(trn2\)/);
  });

  it("draws at most 5000 instructions in a notebook timeline and says how many it left out", () => {
    r.exec("@nki.jit\ndef copies(a):\n    out = nl.ndarray((128, 8), dtype=a.dtype, buffer=nl.shared_hbm)\n    for i in nl.sequential_range(2600):\n        nl.store(out, nl.load(a[:, 0:8]))\n    return out\nlong = kernel_lab.profile(copies, a).timeline()");
    const b = bundle(r, r.exec("long"));
    const fig = JSON.parse(b[PLOTLY_MIME]) as { data: { x: number[] }[]; layout: { title: { text: string } } };
    expect(fig.data.reduce((n, t) => n + t.x.length, 0)).toBe(5000);
    expect(fig.layout.title.text).toMatch(/first 5000 of 5200 instructions$/);
    expect(b["text/plain"]).toContain("(200 later instructions not drawn)");
  });

  it("runs on the target it is given, and on the current one by default", () => {
    expect(r.exec("kernel_lab.profile(add, a, b, target='trn3').target")).toBe("trn3");
    expect(r.exec("kernel_lab.profile(add, a, b, target='gen2').target")).toBe("trn1");
    expect(r.exec("kernel_lab.profile(add, a, b, target=None).target")).toBe("trn2");
    expect(r.exec("kernel_lab.profile(add, a, b, target='trn3').total_ns != p.total_ns")).toBe(true);
  });

  it("profiles SPMD grids, plain functions and shape-only arguments (timing-only, no outputs)", () => {
    expect(r.exec("kernel_lab.profile(add[2], a, b).metrics['hbm_read_bytes']")).toBe(2 * 2 * 128 * 512 * 4);
    expect(r.exec("kernel_lab.profile(add.func, a, b).kernel_name")).toBe("add");
    expect(r.exec("kernel_lab.profile(nki.benchmark(add), a, b).kernel_name")).toBe("add");
    expect(r.exec("kernel_lab.profile(nki.profile(working_directory='/tmp')(add), a, b).kernel_name")).toBe("add");
    expect(r.exec("q = kernel_lab.profile(add, nt.tensor[[128, 512], nl.float32], nt.tensor[[128, 512], nl.float32])\nq.outputs is None and q.total_ns > 0")).toBe(true);
  });

  it("raises Python errors for bad arguments", () => {
    expect(r.error("kernel_lab.profile()")).toMatchObject({ type: "TypeError", message: "profile() missing required argument 'kernel' (pos 1)" });
    expect(r.error("kernel_lab.profile(3, a)")).toMatchObject({ type: "TypeError", message: "profile() argument 'kernel' must be an @nki.jit kernel or a function, not int" });
    expect(r.error("kernel_lab.profile(add, a, b, target='trn9')")).toMatchObject({ type: "ValueError", message: "profile(): unknown target 'trn9' (expected one of trn1, trn2, trn3)" });
    expect(r.error("kernel_lab.profile(add, a, b, target=2)")).toMatchObject({ type: "TypeError", message: "profile() argument 'target' must be str or None, not int" });
    expect(r.error("kernel_lab.compare(p, 1)")).toMatchObject({ type: "TypeError", message: "compare() arguments must be kernel_lab.Profile objects, not int" });
    expect(r.error("kernel_lab.compare(p)")).toMatchObject({ type: "TypeError", message: "compare() missing required argument 'b' (pos 2)" });
    expect(r.error("kernel_lab.compare(p, p, p)")).toMatchObject({ type: "TypeError", message: "compare() takes 2 positional arguments (3 given)" });
    expect(r.exec("kernel_lab.compare(b=p, a=p).a is p")).toBe(true);
  });
});

describe("kernel_lab.compare and kernel_lab.targets", () => {
  const r = run();
  r.exec("p2 = kernel_lab.profile(add, a, b, target='trn2')\np3 = kernel_lab.profile(add, a, b, target='trn3')\nc = kernel_lab.compare(p2, p3)");

  it("compares two profiles: speedup, per-metric deltas, a text and an HTML table", () => {
    expect(r.exec("abs(c.speedup - p2.total_ns / p3.total_ns) < 1e-9")).toBe(true);
    expect(r.exec("c.deltas['hbm_read_bytes']")).toBeInstanceOf(PyDict);
    expect(r.exec("c.deltas['hbm_read_bytes']['delta']")).toBe(0);
    expect(r.exec("c.a is p2 and c.b is p3")).toBe(true);
    const b = bundle(r, r.exec("c"));
    expect(b["text/plain"].split("\n")[0]).toMatch(/^b: add \(trn3\) is [\d.]+× (faster|slower) than a: add \(trn2\)$/);
    expect(b["text/plain"]).toMatch(/total_time +[\d.]+ µs +[\d.]+ µs/);
    expect(b["text/html"]).toContain("<th>a: add (trn2)</th>");
  });

  it("lists the targets with a one-line description each", () => {
    expect(r.exec("[name for name, _ in kernel_lab.targets()] == ['trn1', 'trn2', 'trn3']")).toBe(true);
    expect(text(r.exec("kernel_lab.targets()[1][1]"))).toMatch(/^Trainium2 NeuronCore \(NC-v3\): 224 KiB SBUF/);
  });

  it("runs one kernel on every target side by side", () => {
    r.exec("t = kernel_lab.targets(add, a, b)");
    expect(r.exec("list(t.profiles) == ['trn1', 'trn2', 'trn3'] and t['trn3'].target == 'trn3'")).toBe(true);
    expect(r.exec("t.fastest == min(t.profiles.values(), key=lambda q: q.total_ns).target")).toBe(true);
    expect(bundle(r, r.exec("t"))["text/plain"]).toMatch(/^add on trn1, trn2, trn3: fastest on trn\d\nmetric +trn1 +trn2 +trn3/);
  });
});

describe("display of nki.benchmark and nki.profile", () => {
  it("nki.benchmark prints the latency and displays the profile when there is a display host", () => {
    const r = run("trn2", true);
    r.exec("bench = nki.benchmark(warmup=2, iters=5)(add)\nbench(a, b)");
    expect(r.out.join("")).toMatch(/Latency results are:\nNCLatency:\np0 = \d+us/);
    expect(r.displayed).toHaveLength(1);
    const doc = JSON.parse(bundle(r, r.displayed[0])[PROFILE_MIME]) as ProfileDocument;
    expect(doc.kernelName).toBe("add");
    const us = r.exec("bench.benchmark_result.nc_latency.get_latency_percentile(50)");
    expect(us).toBeInstanceOf(PyFloat);
    expect(Math.abs(doc.metrics.total_time * 1e6 - (us as PyFloat).v)).toBeLessThan(1e-9);
  });

  it("nki.benchmark without a display host only prints", () => {
    const r = run();
    r.exec("nki.benchmark(add)(a, b)");
    expect(r.out.join("")).toContain("NCLatency:");
    expect(r.displayed).toHaveLength(0);
  });

  it("nki.profile accepts the legacy options, writes nothing and displays the profile", () => {
    const r = run("trn3", true);
    r.exec("f = nki.profile(working_directory='/tmp/prof', save_neff_name='k.neff', save_trace_name='k.ntff', profile_nth=2)(add)\nf(a, b)");
    expect(r.displayed).toHaveLength(1);
    expect(r.exec("f.profile_result.target")).toBe("trn3");
    r.exec("@nki.profile(working_directory='/tmp')\ndef k2(a):\n    t = nl.load(a)\n    out = nl.ndarray(a.shape, dtype=a.dtype, buffer=nl.shared_hbm)\n    nl.store(out, t)\n    return out\nk2(a)");
    expect(r.displayed).toHaveLength(2);
    expect(r.error("nki.profile(working_dir='/tmp')")).toEqual({ type: "TypeError", message: "profile() got an unexpected keyword argument 'working_dir'" });
    expect(r.error("nki.profile(profile_nth=0)")).toEqual({ type: "ValueError", message: "profile() argument 'profile_nth' must be a positive int" });
  });

  it("nki.profile without a display host prints the summary", () => {
    const r = run();
    r.exec("nki.profile(func=add, working_directory='/tmp')(a, b)");
    expect(r.out.join("")).toContain("total_time");
  });
});

describe("the target of kernel launches", () => {
  it("is asked of the host at each launch, so a kernel defined earlier follows a target change", () => {
    let current: TargetName = "trn2";
    const r = run(() => current);
    expect(r.exec("kernel_lab.profile(add, a, b).target")).toBe("trn2");
    current = "trn3";
    expect(r.exec("kernel_lab.profile(add, a, b).target")).toBe("trn3");
  });

  it(`follows os.environ['${TARGET_OVERRIDE_ENV}'] when the interpreter has an os module`, () => {
    const r = run("trn2");
    // Kernel Lab's Python has no `os` module yet; stand one in the way a future one would look.
    r.s.runtime.registerModule({ name: "os", init: (mod, rt) => mod.set("environ", rt.dict([], [])) });
    r.exec("import os");
    expect(r.exec("kernel_lab.profile(add, a, b).target")).toBe("trn2");
    r.exec(`os.environ['${TARGET_OVERRIDE_ENV}'] = 'trn3'`);
    expect(r.exec("kernel_lab.profile(add, a, b).target")).toBe("trn3");
    r.exec(`os.environ['${TARGET_OVERRIDE_ENV}'] = 'gen2'`);
    expect(r.exec("kernel_lab.profile(add, a, b).target")).toBe("trn1");
    r.exec(`os.environ['${TARGET_OVERRIDE_ENV}'] = 'tpu'`);
    expect(r.error("add(a, b)")).toMatchObject({ type: "ValueError", message: expect.stringContaining("unknown target 'tpu'") });
  });
});
