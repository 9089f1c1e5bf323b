import { describe, expect, it } from "vitest";
import { lastKernelMachine } from "../../lib/nki";
import { lineCosts, profileTrace } from "../../lib/profile";
import type { Trace } from "../../lib/sim";
import { ok, session } from "./harness";

/** (file:line opcode) of every recorded instruction, in order. */
function records(t: Trace): string[] {
  const out: string[] = [];
  for (let i = 0; i < t.length; i++) out.push(`${t.file(i)}:${t.line(i)} ${t.opcode(i)}`);
  return out;
}

const STRAIGHT = `@nki.jit
def k(a, b):
    out = nl.ndarray(a.shape, dtype=a.dtype, buffer=nl.shared_hbm)
    x = nl.load(a)
    y = nl.load(b)
    z = nl.multiply(x, y)
    w = z + x
    nl.store(out, value=w)
    return out
`;

describe("every instruction carries the Python line that issued it", () => {
  it("loads, compute and stores on distinct lines of the kernel", () => {
    const { s } = session();
    ok(s.execute(STRAIGHT, { cellName: "<kernel>" }));
    ok(s.execute("a = np.ones((128, 64), dtype=np.float32)\nr = k(a, a)", { cellName: "<run>" }));
    expect(records(lastKernelMachine(s.runtime)!.trace)).toEqual([
      "<kernel>:4 dma_copy",
      "<kernel>:5 dma_copy",
      "<kernel>:6 tensor_tensor",
      "<kernel>:7 tensor_tensor",
      "<kernel>:8 dma_copy",
    ]);
  });

  it("inside a helper function defined in another cell and called from an affine_range loop", () => {
    const { s } = session();
    ok(
      s.execute(
        `def scale_add(t, u):
    s = nl.multiply(t, u)
    return nl.add(s, u)
`,
        { cellName: "<helpers>" },
      ),
    );
    ok(
      s.execute(
        `@nki.jit
def k(a):
    out = nl.ndarray((256, 64), dtype=a.dtype, buffer=nl.shared_hbm)
    for i in nl.affine_range(2):
        t = nl.load(a[i * 128:(i + 1) * 128, :])
        r = scale_add(t, t)
        nl.store(out[i * 128:(i + 1) * 128, :], value=r)
    return out
`,
        { cellName: "<kernel>" },
      ),
    );
    ok(s.execute("r = k(np.ones((256, 64), dtype=np.float32))", { cellName: "<run>" }));
    const t = lastKernelMachine(s.runtime)!.trace;
    const iteration = ["<kernel>:5 dma_copy", "<helpers>:2 tensor_tensor", "<helpers>:3 tensor_tensor", "<kernel>:7 dma_copy"];
    expect(records(t)).toEqual([...iteration, ...iteration]);
    expect(t.loopPath(4)[0].iteration).toBe(1);
    const loop = t.loop(t.loopPath(0)[0].loop);
    expect([loop.file, loop.line]).toEqual(["<kernel>", 4]);
  });

  it("each line of a statement spanning several lines, as CPython reports it", () => {
    const { s } = session();
    ok(
      s.execute(
        `@nki.jit
def k(a):
    out = nl.ndarray(a.shape, dtype=a.dtype, buffer=nl.shared_hbm)
    nl.store(out,
             value=nl.exp(
                 nl.load(a)))
    return out
`,
        { cellName: "<kernel>" },
      ),
    );
    ok(s.execute("r = k(np.ones((128, 8), dtype=np.float32))"));
    expect(records(lastKernelMachine(s.runtime)!.trace)).toEqual(["<kernel>:6 dma_copy", "<kernel>:5 activation", "<kernel>:4 dma_copy"]);
  });

  it("lineCosts attributes time, FLOPs and HBM traffic to those lines", () => {
    const { s } = session();
    ok(s.execute(STRAIGHT, { cellName: "<kernel>" }));
    ok(s.execute("a = np.ones((128, 64), dtype=np.float32)\nr = k(a, a)", { cellName: "<run>" }));
    const costs = lineCosts(profileTrace(lastKernelMachine(s.runtime)!.trace, "trn2"));
    const byLine = new Map(costs.map((c) => [c.line, c]));
    expect([...byLine.keys()].sort((x, y) => x - y)).toEqual([4, 5, 6, 7, 8]);
    for (const c of costs) {
      expect(c.file).toBe("<kernel>");
      expect(c.instructions).toBe(1);
      expect(Object.values(c.busyNs).reduce((x, y) => x + y, 0)).toBeGreaterThan(0);
    }
    const tile = 128 * 64 * 4;
    expect(byLine.get(4)!.hbmBytes).toBe(tile);
    expect(byLine.get(8)!.hbmBytes).toBe(tile);
    expect(byLine.get(6)!.hbmBytes).toBe(0);
    expect(byLine.get(6)!.flops).toBe(128 * 64);
  });
});

describe("NKI errors name the executing line", () => {
  function failure(cells: [string, string][]): { message: string; frames: { filename: string; line: number }[] } {
    const { s } = session();
    for (let i = 0; i < cells.length - 1; i++) ok(s.execute(cells[i][1], { cellName: cells[i][0] }));
    const [name, src] = cells[cells.length - 1];
    const r = s.execute(src, { cellName: name });
    if (r.status !== "error") throw new Error("expected an error");
    expect(r.error.type).toBe("neuronxcc.nki.NkiError");
    return { message: r.error.message, frames: r.error.frames };
  }

  it("raised by the third line of a kernel", () => {
    const e = failure([
      [
        "<kernel>",
        `@nki.jit
def k(a):
    out = nl.ndarray((128, 64), dtype=a.dtype, buffer=nl.shared_hbm)
    t = nl.load(a)
    return out
k(np.zeros((256, 64), dtype=np.float32))
`,
      ],
    ]);
    expect(e.message).toMatch(/^err_num_partition_exceed_arch_limit: /);
    expect(e.frames.map((f) => `${f.filename}:${f.line}`)).toEqual(["<kernel>:6", "<kernel>:4"]);
  });

  it("raised inside a helper function: the helper's line, under the kernel line that called it", () => {
    const e = failure([
      ["<helpers>", "def bad(t):\n    x = nl.exp(t)\n    return nl.load(x)\n"],
      ["<kernel>", "@nki.jit\ndef k(a):\n    t = nl.load(a)\n    u = bad(t)\n    return a\nk(np.zeros((128, 8), dtype=np.float32))\n"],
    ]);
    expect(e.message).toMatch(/^err_unsupported_memory: /);
    expect(e.frames.map((f) => `${f.filename}:${f.line}`)).toEqual(["<kernel>:6", "<kernel>:4", "<helpers>:3"]);
  });

  it("a write race names the affine_range loop's line", () => {
    const e = failure([
      [
        "<kernel>",
        `@nki.jit
def k(a):
    out = nl.ndarray((128, 8), dtype=a.dtype, buffer=nl.shared_hbm)
    for i in nl.affine_range(2):
        t = nl.load(a)
        nl.store(out, value=t)
    return out
k(np.zeros((128, 8), dtype=np.float32))
`,
      ],
    ]);
    expect(e.message).toMatch(/^err_unexpected_output_dependencies: .*the affine_range loop at line 4 /);
    expect(e.frames[e.frames.length - 1].line).toBe(6);
  });
});
