import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { capture, scratchDir } from "./fixtures/io";
import { main } from "./main";

const scratch = scratchDir();

interface TestCell {
  source: string;
  tags?: string[];
  id?: string;
}

function notebookJson(cells: TestCell[], metadata: Record<string, unknown> = {}, minor = 5): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: minor,
    metadata,
    cells: cells.map((c, i) => ({
      cell_type: "code",
      ...(minor >= 5 ? { id: c.id ?? `c${i}` } : {}),
      metadata: c.tags ? { tags: c.tags } : {},
      execution_count: null,
      outputs: [],
      source: c.source,
    })),
  });
}

let counter = 0;
function notebook(cells: TestCell[], metadata: Record<string, unknown> = {}, minor = 5): string {
  return scratch.file(`nb${++counter}.ipynb`, notebookJson(cells, metadata, minor));
}

interface OutCell {
  id: string;
  execution_count: number | null;
  outputs: { output_type: string; text?: string[]; ename?: string }[];
}
function readNotebook(path: string): { nbformat_minor: number; cells: OutCell[] } {
  return JSON.parse(readFileSync(path, "utf8")) as { nbformat_minor: number; cells: OutCell[] };
}

describe("kernel-lab exec", () => {
  it("runs the cells in one session and prints a summary when there is no --output", async () => {
    const io = capture();
    const nb = notebook([{ source: "x = 2", id: "define" }, { source: "print(x * 21)", id: "use" }]);
    expect(await main(["exec", nb], io)).toBe(0);
    expect(io.out).toMatch(/\[1\] define\s+trn2 .* ok\n/);
    expect(io.out).toMatch(/\[2\] use\s+trn2 .* ok\n/);
    expect(io.out).toMatch(/2 code cells ran in .*: 2 ok\n$/);
  });

  it("stops at the first unexpected error: exit 1, traceback on stderr, later cells left empty", async () => {
    const io = capture();
    const nb = notebook([{ source: "print('one')" }, { source: "1 / 0" }, { source: "print('never')" }]);
    const out = scratch.path("stopped.ipynb");
    expect(await main(["exec", nb, "--output", out], io)).toBe(1);
    expect(io.err).toContain('Traceback (most recent call last):\n  File "<cell 2>", line 1, in <module>\n    1 / 0\n    ~~^~~\nZeroDivisionError: division by zero');
    expect(io.err).toContain("cell [2] (id c1) of");
    expect(io.err).toContain("raised ZeroDivisionError; 1 later code cell was not run");
    const cells = readNotebook(out).cells;
    expect(cells.map((c) => c.execution_count)).toEqual([1, 2, null]);
    expect(cells[1].outputs).toMatchObject([{ output_type: "error", ename: "ZeroDivisionError" }]);
    expect(cells[2].outputs).toEqual([]);
  });

  it("runs on past errors with --allow-errors and exits 0", async () => {
    const io = capture();
    const nb = notebook([{ source: "raise ValueError('x')" }, { source: "print('still here')" }]);
    expect(await main(["exec", nb, "--allow-errors"], io)).toBe(0);
    expect(io.out).toMatch(/\[1\] c0 .* error {2}ValueError: x\n/);
    expect(io.out).toMatch(/2 code cells ran in .*: 1 ok, 1 error\n$/);
  });

  it("lets a cell tagged raises-exception fail without stopping the run", async () => {
    const io = capture();
    const nb = notebook([{ source: "[][1]", tags: ["raises-exception"] }, { source: "print('next')" }]);
    expect(await main(["exec", nb], io)).toBe(0);
    expect(io.out).toContain("expected error  IndexError: list index out of range");
    expect(io.out).toMatch(/1 ok, 1 expected error\n$/);
  });

  it("runs on the notebook's metadata.kernel_lab.target unless --target says otherwise", async () => {
    // `%target` with no argument prints the current target, as in the notebook kernel.
    const nb = notebook([{ source: "%target" }], { kernel_lab: { target: "trn1" } });
    const fromMetadata = scratch.path("meta.ipynb");
    expect(await main(["exec", nb, "--output", fromMetadata], capture())).toBe(0);
    expect(readNotebook(fromMetadata).cells[0].outputs).toEqual([{ output_type: "stream", name: "stdout", text: ["trn1\n"] }]);
    const fromFlag = scratch.path("flag.ipynb");
    expect(await main(["exec", nb, "--target", "trn3", "--output", fromFlag], capture())).toBe(0);
    expect(readNotebook(fromFlag).cells[0].outputs).toEqual([{ output_type: "stream", name: "stdout", text: ["trn3\n"] }]);
  });

  it("launches NKI kernels on the notebook's target", async () => {
    const kernel = [
      "import numpy as np",
      "import neuronxcc.nki as nki",
      "import neuronxcc.nki.language as nl",
      "import kernel_lab",
      "@nki.jit",
      "def copy(a):",
      "    out = nl.ndarray(a.shape, dtype=a.dtype, buffer=nl.shared_hbm)",
      "    nl.store(out, value=nl.load(a))",
      "    return out",
      "print(kernel_lab.profile(copy, np.ones((128, 4), dtype=np.float32)).target)",
    ].join("\n");
    for (const [metadata, flags, expected] of [[{ kernel_lab: { target: "trn1" } }, [], "trn1"], [{ kernel_lab: { target: "trn1" } }, ["--target", "trn3"], "trn3"]] as const) {
      const out = scratch.path(`kernel-${expected}.ipynb`);
      expect(await main(["exec", notebook([{ source: kernel }], metadata), ...flags, "--output", out], capture())).toBe(0);
      expect(readNotebook(out).cells[0].outputs).toEqual([{ output_type: "stream", name: "stdout", text: [`${expected}\n`] }]);
    }
  });

  it("follows %target lines from the cell that sets them on", async () => {
    const io = capture();
    const nb = notebook([{ source: "%target trn3\nprint('switched')" }, { source: "%target" }]);
    expect(await main(["exec", nb], io)).toBe(0);
    expect(io.out).toMatch(/\[1\] c0\s+trn3 /);
    expect(io.out).toMatch(/\[2\] c1\s+trn3 /);
  });

  it("stops a cell that runs past --timeout with a TimeoutError and keeps the session for later cells", async () => {
    const io = capture();
    const nb = notebook([{ source: "x = 1" }, { source: "while True:\n    x += 1" }, { source: "print(x > 1)" }]);
    const out = scratch.path("timeout.ipynb");
    expect(await main(["exec", nb, "--timeout", "0.3", "--allow-errors", "--output", out], io)).toBe(0);
    const cells = readNotebook(out).cells;
    expect(cells[1].outputs).toMatchObject([{ output_type: "error", ename: "TimeoutError", evalue: "this cell ran longer than the 0.3 s limit (--timeout), so Kernel Lab stopped it" }]);
    expect(cells[2].outputs).toEqual([{ output_type: "stream", name: "stdout", text: ["True\n"] }]);
  });

  it("upgrades an nbformat 4.4 notebook to 4.5 with cell ids", async () => {
    const out = scratch.path("upgraded.ipynb");
    expect(await main(["exec", notebook([{ source: "1" }, { source: "2" }], {}, 4), "--output", out], capture())).toBe(0);
    const nb = readNotebook(out);
    expect(nb.nbformat_minor).toBe(5);
    expect(nb.cells.map((c) => c.id)).toEqual(["cell-0", "cell-1"]);
  });

  it("rejects an invalid notebook with the validation error (exit 2) and runs nothing", async () => {
    const io = capture();
    const bad = scratch.file("bad.ipynb", JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: "code", metadata: {}, source: "print(1)", outputs: [], execution_count: null }] }));
    expect(await main(["exec", bad], io)).toBe(2);
    expect(io.err).toContain("is not a valid notebook: cells[0].id: nbformat 4.5 requires a cell id");
    expect(io.out).toBe("");
    const notJson = capture();
    expect(await main(["exec", scratch.file("text.ipynb", "{ not json")], notJson)).toBe(2);
    expect(notJson.err).toContain("is not a valid notebook: not valid JSON");
  });

  it("rejects a bad metadata target, a bad --target, unknown options and a missing file (exit 2)", async () => {
    const cases: [string[], string][] = [
      [[notebook([{ source: "1" }], { kernel_lab: { target: "trn7" } })], 'metadata.kernel_lab.target must be one of trn1, trn2, trn3, not "trn7"'],
      [[notebook([{ source: "1" }]), "--target", "gpu"], "--target must be one of trn1, trn2, trn3, not 'gpu'"],
      [[notebook([{ source: "1" }]), "--inplace"], "unknown option '--inplace'"],
      [[notebook([{ source: "1" }]), "--timeout", "soon"], "--timeout needs a positive number of seconds"],
      [[scratch.path("missing.ipynb")], "can't open file"],
      [[], "missing NOTEBOOK.ipynb"],
    ];
    for (const [args, message] of cases) {
      const io = capture();
      expect(await main(["exec", ...args], io), args.join(" ")).toBe(2);
      expect(io.err).toContain(message);
    }
  });

  it("shows its options with --help", async () => {
    const io = capture();
    expect(await main(["exec", "--help"], io)).toBe(0);
    for (const flag of ["--output", "--target", "--allow-errors", "raises-exception"]) expect(io.out).toContain(flag);
  });
});
