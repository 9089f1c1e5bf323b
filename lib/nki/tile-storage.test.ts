import { describe, expect, it } from "vitest";
import { Session } from "../python";
import { NUMPY_MODULES } from "../numpy/python";
import { createNkiModules } from "./modules";

const PRELUDE = `import numpy as np
import neuronxcc.nki as nki
import neuronxcc.nki.language as nl

a = np.arange(4 * 8, dtype=np.float32).reshape(4, 8) + 1
`;

function session(): { s: Session; out: string[] } {
  const out: string[] = [];
  const s = new Session({ stdout: (t) => out.push(t), stderr: (t) => out.push(t), modules: [...NUMPY_MODULES, ...createNkiModules({ target: "trn2" })] });
  const r = s.execute(PRELUDE);
  if (r.status === "error") throw new Error(r.error.traceback);
  return { s, out };
}

function printed(code: string): string {
  const { s, out } = session();
  const r = s.execute(code);
  if (r.status === "error") throw new Error(r.error.traceback);
  return out.join("").trim();
}

// Tiles of a finished loop iteration hand their storage to later tiles of the same size (lib/sim's
// StoragePool); what a kernel can observe must not change.
describe("tile storage reused across loop iterations", () => {
  it("leaves the masked-off elements of a masked load uninitialised (NaN) in storage a full load filled before", () => {
    const text = printed(`
@nki.jit
def k(a):
    out = nl.ndarray((4, 8), dtype=nl.float32, buffer=nl.shared_hbm)
    for i in nl.affine_range(1):
        t = nl.load(a)
        nl.store(out, value=t)
    for i in nl.affine_range(1):
        i_p = nl.arange(4)[:, None]
        i_f = nl.arange(8)[None, :]
        u = nl.load(a[i_p, i_f], mask=(i_f < 3))
        nl.store(out, value=u)
    return out

r = k(a)
print(np.isnan(r).sum(axis=1).tolist(), r[:, :3].tolist() == a[:, :3].tolist())
`);
    expect(text).toBe("[5, 5, 5, 5] True");
  });

  it("loads every element of a full load into reused storage", () => {
    const text = printed(`
@nki.jit
def k(a):
    out = nl.ndarray((2, 4, 8), dtype=nl.float32, buffer=nl.shared_hbm)
    for i in nl.affine_range(2):
        t = nl.load(a)
        nl.store(out[i], value=t * (i + 1))
    return out

r = k(a)
print(r[0].tolist() == a.tolist(), r[1].tolist() == (a * 2).tolist())
`);
    expect(text).toBe("True True");
  });

  it("starts a relaunched kernel from uninitialised memory although it reuses the previous launch's storage", () => {
    const text = printed(`
@nki.jit
def k(a, half):
    out = nl.ndarray((4, 8), dtype=nl.float32, buffer=nl.shared_hbm)
    t = nl.load(a)
    if half:
        i_p = nl.arange(4)[:, None]
        i_f = nl.arange(8)[None, :]
        nl.store(out[i_p, i_f], value=t, mask=(i_f < 2))
    else:
        nl.store(out, value=t)
    return out

full = k(a, False)
part = k(a, True)
print(full.tolist() == a.tolist(), np.isnan(part).sum(), part[:, :2].tolist() == a[:, :2].tolist())
`);
    expect(text).toBe("True 24 True");
  });

  it("raises out-of-scope when a tile of a finished iteration is printed", () => {
    const { s } = session();
    const r = s.execute(`
@nki.jit
def k(a):
    out = nl.ndarray((4, 8), dtype=nl.float32, buffer=nl.shared_hbm)
    for i in nl.affine_range(1):
        t = nl.load(a)
        nl.store(out, value=t)
    nl.device_print("t", t)
    return out

k(a)
`);
    expect(r.status).toBe("error");
    if (r.status === "error") expect(r.error.traceback).toMatch(/err_local_variable_used_out_of_scope/);
  });
});
