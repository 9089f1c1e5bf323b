import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Session } from "../../python";
import { NUMPY_MODULES } from "../../numpy/python";
import { createNkiModules } from "../../nki";
import { PyBuiltin, PyModule } from "../../python/runtime/objects";
import type { KernelEngine } from "../engine";
import { TestClient } from "../fixtures/test-client";
import { KernelManager } from "../manager";
import { createEngine, withoutSelf } from "../python-engine";
import { apiDoc, canonicalModule } from ".";
import pythonDocs from "./python-docs.json";

const GOLDEN: Record<string, { signature?: string; doc: string }> = pythonDocs;

let engine: KernelEngine;
beforeAll(async () => {
  engine = await createEngine({
    stdout: () => undefined,
    stderr: () => undefined,
    display: () => undefined,
    clearOutput: () => undefined,
    interruptFlag: new Int32Array(new SharedArrayBuffer(4)),
    target: () => "trn2",
    memoryBytes: 512 * 1024 * 1024,
  });
  const setup = engine.execute(
    "import numpy as np\nimport math\nimport neuronxcc.nki as nki\nimport neuronxcc.nki.language as nl\nimport neuronxcc.nki.isa as nisa\nimport nki.language as nl2\nimport kernel_lab\nfrom numpy import zeros\na = np.ones(3)",
    "<cell 1>",
  );
  expect(setup.status).toBe("ok");
});

const help = (code: string, cursor = code.length) => {
  const r = engine.inspect(code, cursor, 0);
  return r.found ? (r.data["text/plain"] as string) : null;
};

describe("inspect_request for native functions", () => {
  it("answers numpy functions with numpy's own signature and docstring", () => {
    const zeros = GOLDEN["numpy.zeros"];
    expect(help("np.zeros")).toBe(`Signature: np.zeros${zeros.signature}\nType:      builtin_function_or_method\nDocstring:\n${zeros.doc}`);
    expect(zeros.doc.split("\n")[0]).toBe("Return a new array of given shape and type, filled with zeros.");
    expect(help("np.add")).toContain(`Signature: np.add${GOLDEN["numpy.add"].signature}`);
    expect(help("np.linalg.norm")).toContain("Matrix or vector norm.");
  });

  it("finds a function under any name it is bound to: from-imports and the cursor inside a call", () => {
    expect(help("zeros")).toContain(`Signature: zeros${GOLDEN["numpy.zeros"].signature}`);
    expect(help("np.zeros((2, 3), ", 17)).toContain("Signature: np.zeros(shape");
  });

  it("shows ndarray methods unbound with self and bound without it", () => {
    expect(help("np.ndarray.reshape")).toContain(`Signature: np.ndarray.reshape${GOLDEN["numpy.ndarray.reshape"].signature}`);
    expect(help("a.reshape")).toContain(`Signature: a.reshape${withoutSelf(GOLDEN["numpy.ndarray.reshape"].signature ?? "")}`);
    expect(withoutSelf("(self, /, *shape, order='C')")).toBe("(*shape, order='C')");
    expect(withoutSelf("(self, object, /)")).toBe("(object, /)");
    expect(withoutSelf("(self, /)")).toBe("()");
    expect(withoutSelf("(x, y)")).toBe("(x, y)");
  });

  it("answers builtins and standard-library functions with CPython's docs", () => {
    expect(help("len")).toBe(`Signature: len${GOLDEN["builtins.len"].signature}\nType:      builtin_function_or_method\nDocstring:\n${GOLDEN["builtins.len"].doc}`);
    expect(help("math.sqrt")).toContain(GOLDEN["math.sqrt"].doc);
  });

  it("answers NKI functions under both package names, and kernel_lab", () => {
    expect(help("nl.load")).toBe(
      "Signature: nl.load(src, *, mask=None, dtype=None)\nType:      builtin_function_or_method\nDocstring:\nLoads a tile from HBM into a new SBUF tile (a DMA).",
    );
    expect(help("nisa.nc_matmul")).toContain("Signature: nisa.nc_matmul(stationary, moving, *, is_stationary_onezero=False");
    expect(help("nl2.exp")).toContain("Signature: nl2.exp(x, *, dtype=None, mask=None)");
    expect(help("nki.benchmark")).toContain("Signature: nki.benchmark(kernel=None, **kwargs)");
    expect(help("kernel_lab.profile")).toContain("Signature: kernel_lab.profile(kernel, *args, target=None, **kwargs)");
    expect(help("kernel_lab.Profile.timeline")).toContain("Signature: kernel_lab.Profile.timeline(self)");
    expect(help("kernel_lab.Profile")).toMatch(/^Type: {6}type\nDocstring:\nA kernel's simulated profile/);
    expect(canonicalModule("nki.isa")).toBe("neuronxcc.nki.isa");
  });

  it("answers an @nki.jit kernel with its function's signature, docstring and source", () => {
    expect(engine.execute('@nki.jit\ndef double(x, scale=2):\n    """Doubles x."""\n    return x\n', "<cell 2>").status).toBe("ok");
    expect(help("double")).toBe("Signature: double(x, scale=2)\nType:      neuronxcc.nki.Kernel\nDocstring:\nDoubles x.");
    expect(engine.inspect("double", 6, 1).data["text/plain"]).toContain('Source:\ndef double(x, scale=2):\n    """Doubles x."""');
    expect(engine.complete("double(1, sc", 12).matches).toEqual(["scale="]);
  });

  it("completes keyword arguments of native functions from their documented signature", () => {
    expect(engine.complete("np.zeros((2, 3), dt", 19).matches).toEqual(["dtype="]);
    expect(engine.complete("nl.matmul(x, y, tra", 19).matches).toEqual(["transpose_x="]);
  });
});

describe("api-docs coverage", () => {
  it("documents every NKI and kernel_lab function the modules export", () => {
    const s = new Session({ stdout: () => undefined, stderr: () => undefined, modules: [...NUMPY_MODULES, ...createNkiModules()] });
    const missing: string[] = [];
    for (const name of ["neuronxcc.nki", "neuronxcc.nki.language", "neuronxcc.nki.isa", "kernel_lab"]) {
      const mod = s.runtime.importModule(name, true) as PyModule;
      for (const member of mod.scope.names()) {
        if (mod.scope.get(member) instanceof PyBuiltin && !apiDoc(`${name}.${member}`)) missing.push(`${name}.${member}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe("inspect through a kernel (the bundled worker carries the docs)", () => {
  const km = new KernelManager({ cullIdleMs: 0 });
  afterAll(() => km.shutdownAll());

  it("answers nl.load's signature", async () => {
    const { id } = km.start();
    await km.whenReady(id);
    const client = new TestClient(km, id);
    await client.execute("import neuronxcc.nki.language as nl");
    const { reply } = await client.request("inspect_request", { code: "nl.load(", cursor_pos: 8, detail_level: 0 });
    expect(reply.content).toMatchObject({ status: "ok", found: true, data: { "text/plain": expect.stringContaining("Signature: nl.load(src, *, mask=None, dtype=None)") } });
    client.conn.close();
  });
});
