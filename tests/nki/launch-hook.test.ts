import { describe, expect, it } from "vitest";
import { Session } from "../../lib/python";
import { NUMPY_MODULES } from "../../lib/numpy/python";
import { createNkiModules } from "../../lib/nki";
import { PRELUDE, ok } from "./harness";

function recordingSession(): { s: Session; launches: { name: string; target: string; instructions: number; functional: boolean }[] } {
  const launches: { name: string; target: string; instructions: number; functional: boolean }[] = [];
  const modules = createNkiModules({
    target: "trn3",
    onLaunch: (m, name) => launches.push({ name, target: m.target.name, instructions: m.trace.length, functional: m.functional }),
  });
  const s = new Session({ stdout: () => {}, stderr: () => {}, modules: [...NUMPY_MODULES, ...modules] });
  ok(s.execute(PRELUDE + "import kernel_lab\n"));
  return { s, launches };
}

const KERNELS = `@nki.jit
def copy(a):
    out = nl.ndarray(a.shape, dtype=a.dtype, buffer=nl.shared_hbm)
    nl.store(out, value=nl.load(a))
    return out

@nki.jit
def outer(a):
    return copy(a)

x = np.ones((8, 8), dtype=np.float32)
`;

describe("createNkiModules({ onLaunch })", () => {
  it("is told each completed top-level launch with its machine and kernel name, nested calls included in their caller", () => {
    const { s, launches } = recordingSession();
    ok(s.execute(KERNELS + "copy(x)\ncopy[2](x)\nouter(x)\n"));
    expect(launches.map((l) => l.name)).toEqual(["copy", "copy", "outer"]);
    expect(launches.every((l) => l.target === "trn3" && l.functional)).toBe(true);
    expect(launches[1].instructions).toBe(2 * launches[0].instructions);
    expect(launches[2].instructions).toBe(launches[0].instructions);
  });

  it("hears about benchmark and profiling runs (timing-only) and kernel_lab.profile's target", () => {
    const { s, launches } = recordingSession();
    ok(s.execute(KERNELS + "nki.benchmark(copy)(x)\np = kernel_lab.profile(copy, x, target='trn1')\n"));
    expect(launches.map((l) => [l.name, l.target, l.functional])).toEqual([["copy", "trn3", false], ["copy", "trn1", true]]);
  });

  it("is not told about a launch that raised", () => {
    const { s, launches } = recordingSession();
    const r = s.execute(KERNELS + "@nki.jit\ndef bad(a):\n    t = nl.load(a)\n    return t\n\nbad(x)\n");
    expect(r.status).toBe("error");
    expect(launches).toEqual([]);
  });
});
