import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lastKernelMachine } from "../../lib/nki";
import { ok, session } from "./harness";

const kernel = (name: string): string => readFileSync(join(__dirname, "kernels", `${name}.py`), "utf8");

describe("kernel runs record the instruction stream", () => {
  it("records every SPMD instance of kernel[2, 2] with its instructions and the lines that issued them", () => {
    const { s } = session();
    ok(s.execute(kernel("tensor_add_grid"), { cellName: "grid.py" }));
    ok(s.execute("a = np.ones((256, 128), dtype=np.float32)\nc = tensor_add_grid[2, 2](a, a)"));
    const m = lastKernelMachine(s.runtime);
    expect(m).toBeDefined();
    const t = m!.trace;
    expect(t.spmdGrid).toEqual([2, 2]);
    const perInstance = new Map<number, string[]>();
    for (let i = 0; i < t.length; i++) {
      const list = perInstance.get(t.spmdInstance(i)) ?? [];
      list.push(`${t.line(i)} ${t.opcode(i)}`);
      perInstance.set(t.spmdInstance(i), list);
      expect(t.file(i)).toBe("grid.py");
    }
    expect([...perInstance.keys()]).toEqual([0, 1, 2, 3]);
    for (const ops of perInstance.values()) expect(ops).toEqual(["8 dma_copy", "9 dma_copy", "10 tensor_tensor", "10 dma_copy"]);
  });

  it("records the affine_range iteration path of each instruction", () => {
    const { s } = session();
    ok(s.execute(kernel("tensor_add_ragged")));
    ok(s.execute("a = np.ones((300, 8), dtype=np.float32)\nc = tensor_add_ragged(a, a)"));
    const t = lastKernelMachine(s.runtime)!.trace;
    const iterations = new Set<number>();
    for (let i = 0; i < t.length; i++) {
      const path = t.loopPath(i);
      expect(path).toHaveLength(1);
      iterations.add(path[0].iteration);
    }
    expect([...iterations]).toEqual([0, 1, 2]);
    expect(t.loop(t.loopPath(0)[0].loop).tripCount).toBe(3);
  });
});

describe("DMA records", () => {
  it("carry the dge_mode a dma_copy asked for, next to dst_rmw_op", () => {
    const { s } = session();
    ok(
      s.execute(`@nki.jit
def k(a):
    out = nl.ndarray((128, 8), dtype=a.dtype, buffer=nl.shared_hbm)
    t = nl.ndarray((128, 8), dtype=a.dtype, buffer=nl.sbuf)
    nisa.dma_copy(dst=t, src=a, dge_mode=nisa.dge_mode.hwdge)
    nisa.dma_copy(dst=out, src=t)
    nisa.dma_copy(dst=out, src=t, dst_rmw_op=np.add, dge_mode=nisa.dge_mode.swdge)
    return out

r = k(np.ones((128, 8), dtype=np.float32))`),
    );
    const t = lastKernelMachine(s.runtime)!.trace;
    expect([0, 1, 2].map((i) => t.variant(i))).toEqual(["dge:hwdge", "", "rmw:add,dge:swdge"]);
  });

  it("reject a dge_mode that is not a nisa.dge_mode member", () => {
    const { s } = session();
    const r = s.execute(`@nki.jit
def k(a):
    t = nl.ndarray((128, 8), dtype=a.dtype, buffer=nl.sbuf)
    nisa.dma_copy(dst=t, src=a, dge_mode="fast")
    return a

k(np.ones((128, 8), dtype=np.float32))`);
    expect(r.status === "error" && r.error.type).toBe("ValueError");
  });
});

describe("loops left by break", () => {
  it("are closed at the end of the SPMD instance, so the next instance starts at the top level", () => {
    const { s } = session();
    ok(s.execute(`@nki.jit
def k(a):
    out = nl.ndarray((128, 8), dtype=a.dtype, buffer=nl.shared_hbm)
    for i in nl.affine_range(4):
        t = nl.load(a)
        if i == 1:
            break
    nl.store(out, value=nl.load(a))
    return out

r = k[2](np.ones((128, 8), dtype=np.float32))
total = float(r.sum())`));
    expect(s.get("total")).toEqual(expect.objectContaining({ v: 1024 }));
    const t = lastKernelMachine(s.runtime)!.trace;
    expect(t.loopCount).toBe(2);
  });
});

describe("targets", () => {
  const big = `@nki.jit
def k(a):
    t = nl.ndarray((128, 50000), dtype=nl.float32, buffer=nl.sbuf)
    return a

r = k(np.zeros((2, 2), dtype=np.float32))
`;
  it("a 200 000-byte-per-partition tile fits trn2's SBUF", () => {
    const { s } = session("trn2");
    ok(s.execute(big));
  });

  it("the same tile exceeds trn1's SBUF, with the sizes in the message", () => {
    const { s } = session("trn1");
    const r = s.execute(big);
    expect(r.status).toBe("error");
    if (r.status === "error") {
      expect(r.error.message).toMatch(/^err_allocation_exceeds_capacity: /);
      expect(r.error.message).toContain("200000");
      expect(r.error.message).toContain("180224");
    }
  });
});
