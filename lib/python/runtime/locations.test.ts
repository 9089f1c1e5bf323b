import { describe, expect, it } from "vitest";
import { Session } from "../index";
import { defineNativeType, nativeFunction } from "./define";
import { PyObject, type PyValue } from "./objects";
import type { NativeModuleDef, Runtime } from "./runtime";

/**
 * A native module whose every entry point records `rt.currentLocation()` as "file:line what":
 * `probe.here()`, and a `Probe` object whose operators, items, attributes and iteration do too.
 */
function probeSession(): { s: Session; seen: string[] } {
  const seen: string[] = [];
  const note = (rt: Runtime, what: string): void => {
    const at = rt.currentLocation();
    seen.push(`${at.file}:${at.line} ${what}`);
  };
  class Probe extends PyObject {
    constructor() {
      super(probeType);
    }
  }
  const probeType = defineNativeType<Probe>({
    name: "Probe",
    module: "probe",
    instanceOf: Probe,
    methods: {
      __add__: (_self, _args, _kw, rt) => (note(rt, "add"), new Probe()),
      __lt__: (_self, _args, _kw, rt) => (note(rt, "lt"), true),
      __neg__: (_self, _args, _kw, rt) => (note(rt, "neg"), new Probe()),
      __getitem__: (_self, _args, _kw, rt) => (note(rt, "getitem"), new Probe()),
      __setitem__: (_self, _args, _kw, rt) => (note(rt, "setitem"), rt.None),
    },
    getters: { attr: (_self, rt) => (note(rt, "attr"), 1) },
  });
  const probe: NativeModuleDef = {
    name: "probe",
    init(mod) {
      mod.set("here", nativeFunction("here", (_a: PyValue[], _k, rt) => (note(rt, "here"), rt.None)));
      mod.set("Probe", nativeFunction("Probe", () => new Probe()));
    },
  };
  const s = new Session({ stdout: () => {}, stderr: () => {}, modules: [probe] });
  const r = s.execute("import probe\np = probe.Probe()\n", { cellName: "<setup>" });
  if (r.status !== "ok") throw new Error(r.error.traceback);
  seen.length = 0;
  return { s, seen };
}

function run(s: Session, source: string, cellName: string): void {
  const r = s.execute(source, { cellName });
  if (r.status !== "ok") throw new Error(r.error.traceback);
}

describe("Runtime.currentLocation names the Python line calling native code", () => {
  it("at module level and inside functions defined in other cells", () => {
    const { s, seen } = probeSession();
    run(s, "def f():\n    x = 1\n    probe.here()\n    return x\n", "<a>");
    run(s, "probe.here()\ny = f()\nprobe.here()\n", "<b>");
    expect(seen).toEqual(["<b>:1 here", "<a>:3 here", "<b>:3 here"]);
  });

  it("for operators on their slow path, subscripts, attributes and item assignment", () => {
    const { s, seen } = probeSession();
    run(s, "q = p + p\ni = 1 + 2\nr = -p\nif p < p:\n    t = p[0]\np[1] = p.attr\n", "<c>");
    expect(seen).toEqual(["<c>:1 add", "<c>:3 neg", "<c>:4 lt", "<c>:5 getitem", "<c>:6 attr", "<c>:6 setitem"]);
  });

  it("in loops, comprehensions and lambdas, every iteration", () => {
    const { s, seen } = probeSession();
    run(s, "for i in range(2):\n    probe.here()\n    j = i + 1\n    q = p + p\nxs = [p + p for _ in range(2)]\ng = lambda: probe.here()\ng()\n", "<d>");
    expect(seen).toEqual(["<d>:2 here", "<d>:4 add", "<d>:2 here", "<d>:4 add", "<d>:5 add", "<d>:5 add", "<d>:6 here"]);
  });

  it("for each sub-expression of a statement spanning several lines", () => {
    const { s, seen } = probeSession();
    run(s, "q = (p +\n     p[\n       0])\n", "<e>");
    expect(seen).toEqual(["<e>:2 getitem", "<e>:1 add"]);
  });

  it("for a generator expression's body: the line of the statement advancing it", () => {
    const { s, seen } = probeSession();
    run(s, "xs = list(p + p\n          for _ in range(2))\nfor q in (p + p for _ in range(1)):\n    probe.here()\n", "<f>");
    expect(seen).toEqual(["<f>:1 add", "<f>:1 add", "<f>:3 add", "<f>:4 here"]);
  });
});
