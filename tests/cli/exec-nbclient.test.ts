/*
 * `kernel-lab exec` records outputs as nbclient does: the fixture notebook's golden copy was executed
 * by nbclient on CPython's IPython kernel (golden/nbclient_outputs.gen.py).
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main, type Io } from "../../lib/cli/main";
import { parseNotebook } from "../../lib/notebook/nbformat";

interface Output {
  output_type: string;
  ename?: string;
  evalue?: string;
  traceback?: string[];
}
interface Cell {
  cell_type: string;
  id: string;
  execution_count?: number | null;
  outputs?: Output[];
}

const fixture = new URL("./fixtures/outputs.ipynb", import.meta.url).pathname;
const golden = JSON.parse(readFileSync(new URL("./golden/outputs.nbclient.ipynb", import.meta.url), "utf8")) as { cells: Cell[] };

const quiet: Io = { stdout: () => undefined, stderr: () => undefined, env: {} };

describe("kernel-lab exec against nbclient", () => {
  it("records the same outputs and execution counts as nbclient, cell by cell", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "kernel-lab-exec-")), "out.ipynb");
    expect(await main(["exec", fixture, "--output", out], quiet)).toBe(0);
    const written = readFileSync(out, "utf8");
    expect(parseNotebook(written)).toMatchObject({ ok: true });
    const ours = JSON.parse(written) as { cells: Cell[]; nbformat_minor: number };
    expect(ours.nbformat_minor).toBe(5);
    expect(ours.cells.map((c) => c.id)).toEqual(golden.cells.map((c) => c.id));
    ours.cells.forEach((cell, i) => {
      const expected = golden.cells[i];
      if (cell.cell_type !== "code") return;
      expect({ id: cell.id, count: cell.execution_count }).toEqual({ id: expected.id, count: expected.execution_count });
      // IPython lays tracebacks out its own way (with colours); the exception itself must match, and
      // ours must end like CPython's.
      const withoutTraceback = (o: Output) => (o.output_type === "error" ? { ...o, traceback: undefined } : o);
      expect(cell.outputs?.map(withoutTraceback), `cell ${cell.id}`).toEqual(expected.outputs?.map(withoutTraceback));
      for (const o of cell.outputs ?? []) if (o.output_type === "error") expect(o.traceback?.at(-1)).toBe(`${o.ename}: ${o.evalue}`);
    });
  });
});
