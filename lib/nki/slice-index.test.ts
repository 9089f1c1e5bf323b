import { describe, expect, it } from "vitest";
import { Session } from "../python";
import { NUMPY_MODULES } from "../numpy/python";
import { createNkiModules } from "./modules";
import cases from "./golden/slice-index.json";

interface Case {
  readonly key: readonly (number | null)[];
  readonly rows: readonly number[];
  readonly cols: readonly number[];
}

const bound = (b: number | null): string => (b === null ? "" : String(b));

// Tile slices take a fast path past the interpreter's slice.indices; both must select what CPython
// selects (golden: slice-index.gen.py), negative and out-of-range bounds included.
describe("tensor slicing inside a kernel", () => {
  it("selects the rows and columns CPython's slice semantics select", () => {
    const all = cases as readonly Case[];
    const body = all.map((c, i) => {
      const [lo0, hi0, lo1, hi1] = c.key.map(bound);
      return `    o${i} = nl.ndarray((${c.rows.length}, ${c.cols.length}), dtype=nl.float32, buffer=nl.shared_hbm)\n` +
        `    nl.store(o${i}, value=nl.load(a[${lo0}:${hi0}, ${lo1}:${hi1}]))\n`;
    });
    const code = `import numpy as np
import neuronxcc.nki as nki
import neuronxcc.nki.language as nl

@nki.jit
def k(a):
${body.join("")}    return (${all.map((_, i) => `o${i}`).join(", ")},)

for r in k(np.arange(128, dtype=np.float32).reshape(8, 16)):
    print(r.astype(np.int32).tolist())
`;
    const out: string[] = [];
    const s = new Session({ stdout: (t) => out.push(t), stderr: (t) => out.push(t), modules: [...NUMPY_MODULES, ...createNkiModules({ target: "trn2" })] });
    const r = s.execute(code);
    if (r.status === "error") throw new Error(r.error.traceback);
    const lines = out.join("").trim().split("\n");
    expect(lines.length).toBe(all.length);
    all.forEach((c, i) => {
      const expected = c.rows.map((row) => c.cols.map((col) => row * 16 + col));
      expect(JSON.parse(lines[i]), `a[${bound(c.key[0])}:${bound(c.key[1])}, ${bound(c.key[2])}:${bound(c.key[3])}]`).toEqual(expected);
    });
  });
});
