import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runSource, Session, type ExecuteResult } from "../index";

interface Golden {
  name: string;
  source: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

const goldens = JSON.parse(readFileSync(new URL("./golden/tracebacks.golden.json", import.meta.url), "utf8")) as Golden[];

function run(source: string, limits = {}) {
  let stdout = "";
  let stderr = "";
  const r = runSource(source, { filename: "prog.py", stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), limits });
  return { stdout, stderr, exitCode: r.exitCode };
}

describe("runSource matches python3 prog.py", () => {
  for (const g of goldens) {
    it(g.name, () => {
      const r = run(g.source);
      expect(r.stdout).toBe(g.stdout);
      expect(r.stderr).toBe(g.stderr);
      expect(r.exitCode).toBe(g.exitCode);
    });
  }
});

function session(opts: Partial<ConstructorParameters<typeof Session>[0]> = {}) {
  const out = { stdout: "", stderr: "" };
  const s = new Session({ stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t), ...opts });
  return { s, out };
}

function errorOf(r: ExecuteResult) {
  if (r.status !== "error") throw new Error(`expected an error, got ${JSON.stringify(r)}`);
  return r.error;
}

describe("Session", () => {
  it("keeps globals across cells and returns the last expression's value", () => {
    const { s, out } = session();
    expect(s.execute("x = 40\nprint('set')", { cellName: "<cell 1>" }).status).toBe("ok");
    const r = s.execute("def f(y):\n    return x + y\nf(2)", { cellName: "<cell 2>" });
    expect(r.status).toBe("ok");
    if (r.status === "ok") expect(r.display).toEqual({ "text/plain": "42" });
    expect(out.stdout).toBe("set\n");
    const none = s.execute("x = 1");
    expect(none.status === "ok" && none.display).toBe(null);
  });

  it("reports errors with the cell name, line and CPython traceback, keeping variables", () => {
    const { s } = session();
    s.execute("a = [1, 2, 3]", { cellName: "<cell 1>" });
    const err = errorOf(s.execute("def softmax(v):\n    return v[10]\n\nsoftmax(a)", { cellName: "<cell 3>" }));
    expect(err.type).toBe("IndexError");
    expect(err.message).toBe("list index out of range");
    expect(err.frames).toEqual([
      { filename: "<cell 3>", line: 4, col: 0, name: "<module>" },
      { filename: "<cell 3>", line: 2, col: 4, name: "softmax" },
    ]);
    expect(err.traceback).toBe(
      'Traceback (most recent call last):\n  File "<cell 3>", line 4, in <module>\n    softmax(a)\n  File "<cell 3>", line 2, in softmax\n    return v[10]\n           ~^^^^\nIndexError: list index out of range\n',
    );
    const r = s.execute("len(a)");
    expect(r.status === "ok" && r.display?.["text/plain"]).toBe("3");
  });

  it("reports SyntaxError with its location", () => {
    const { s } = session();
    const err = errorOf(s.execute("x = (1,\n", { cellName: "<cell 1>" }));
    expect(err.type).toBe("SyntaxError");
    expect(err.syntax?.line).toBe(1);
  });

  it("raises RecursionError at depth 1000 and stays usable", () => {
    const { s } = session();
    const err = errorOf(s.execute("def f(n):\n    return f(n + 1)\nf(0)"));
    expect(err.type).toBe("RecursionError");
    expect(err.message).toBe("maximum recursion depth exceeded");
    const ok = s.execute("def depth(n):\n    return 0 if n == 0 else 1 + depth(n - 1)\ndepth(990)");
    expect(ok.status === "ok" && ok.display?.["text/plain"]).toBe("990");
  });

  it("refuses huge allocations with MemoryError before allocating", () => {
    const { s } = session();
    for (const src of ["'a' * 10**10", "[0] * 10**10", "(1, 2) * 10**10", "'ab'.center(10**11)"]) {
      expect(errorOf(s.execute(src)).type, src).toBe("MemoryError");
    }
    const small = session({ limits: { memoryBytes: 1000 } }).s;
    expect(errorOf(small.execute("[0] * 1000")).type).toBe("MemoryError");
    expect(small.execute("x = [0] * 10").status).toBe("ok");
  });

  it("counts big string slices against the budget (V8 shares slice memory, CPython copies)", () => {
    const { s } = session({ limits: { memoryBytes: 256 * 1024 * 1024 } });
    const err = errorOf(s.execute('base = "abc" * 10**7\nparts = []\nfor i in range(10**6):\n    parts.append(base[i:])'));
    expect(err.type).toBe("MemoryError");
    const ok = s.execute('t = ""\nfor i in range(3000):\n    t += "x" * 1000\nlen(t)');
    expect(ok.status === "ok" && ok.display?.["text/plain"]).toBe("3000000");
  });

  it("stops runaway loops at the wall-time limit, even when user code catches the error", () => {
    const { s } = session({ limits: { wallTimeMs: 100 } });
    const t0 = Date.now();
    const err = errorOf(s.execute("n = 0\nwhile True:\n    try:\n        while True:\n            n += 1\n    except Exception:\n        pass"));
    expect(err.type).toBe("TimeoutError");
    expect(Date.now() - t0).toBeLessThan(5000);
    const r = s.execute("n > 0");
    expect(r.status === "ok" && r.display?.["text/plain"]).toBe("True");
  });

  it("applies the time limit inside long builtin loops too", () => {
    const { s } = session({ limits: { wallTimeMs: 100 } });
    for (const src of ["sum(range(10**12))", "any(x < 0 for x in range(10**12))", "len(list(range(10**7))) + sum(x for x in range(10**12))"]) {
      expect(errorOf(s.execute(src)).type, src).toBe("TimeoutError");
    }
  });

  it("raises KeyboardInterrupt when the host sets the interrupt flag, keeping variables", () => {
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const { s } = session({ interruptFlag: flag });
    s.execute("total = 0");
    Atomics.store(flag, 0, 1);
    const err = errorOf(s.execute("for i in range(10**9):\n    total += 1"));
    expect(err.type).toBe("KeyboardInterrupt");
    expect(Atomics.load(flag, 0)).toBe(0);
    const r = s.execute("total > 0");
    expect(r.status === "ok" && r.display?.["text/plain"]).toBe("True");
  });

  it("offers a rich display bundle when the value has _repr_html_", () => {
    const { s } = session();
    const r = s.execute("class T:\n    def __repr__(self):\n        return 'T()'\n    def _repr_html_(self):\n        return '<b>T</b>'\nT()");
    expect(r.status === "ok" && r.display).toEqual({ "text/plain": "T()", "text/html": "<b>T</b>" });
  });

  it("says which modules and builtins Kernel Lab does not offer", () => {
    const { s } = session();
    expect(errorOf(s.execute("import subprocess")).message).toBe("No module named 'subprocess' (not available in Kernel Lab)");
    expect(errorOf(s.execute("import socket")).type).toBe("ModuleNotFoundError");
    expect(errorOf(s.execute("open('x')")).message).toBe("name 'open' is not defined (open() is not available in Kernel Lab)");
    expect(errorOf(s.execute("eval('1')")).type).toBe("NameError");
  });

  it("gives os.environ only what the host passes in, per session", () => {
    const seeded = new Session({ stdout: () => {}, stderr: () => {}, environ: { NEURON_PLATFORM_TARGET_OVERRIDE: "trn3" } });
    const r = seeded.execute("import os\nos.environ['NEURON_PLATFORM_TARGET_OVERRIDE'], os.getenv('PATH'), len(os.environ)");
    expect(r.status === "ok" && r.display?.["text/plain"]).toBe("('trn3', None, 1)");
    seeded.execute("os.environ['X'] = 'set in cell 2'");
    expect(seeded.execute("os.environ['X']").status).toBe("ok");
    const { s: fresh } = session();
    const empty = fresh.execute("import os\nos.environ");
    expect(empty.status === "ok" && empty.display?.["text/plain"]).toBe("environ({})");
  });

  it("has no filesystem behind os", () => {
    const { s } = session();
    expect(errorOf(s.execute("import os\nos.listdir('.')")).message).toBe("module 'os' has no attribute 'listdir'");
    expect(errorOf(s.execute("os.path.exists('/etc/passwd')")).message).toBe("module 'os.path' has no attribute 'exists'");
  });
});
