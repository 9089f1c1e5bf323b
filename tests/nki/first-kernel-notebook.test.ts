import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Session } from "../../lib/python";
import { NUMPY_MODULES } from "../../lib/numpy/python";
import { NKI_MODULES } from "../../lib/nki";

interface Cell {
  cell_type: string;
  source: string | string[];
  metadata: { tags?: string[] };
}

describe("notebooks/03-your-first-nki-kernel.ipynb", () => {
  it("runs top to bottom: every check prints True and only the tagged cell raises, with the NKI code", () => {
    const nb = JSON.parse(readFileSync(join(__dirname, "../../notebooks/03-your-first-nki-kernel.ipynb"), "utf8")) as { cells: Cell[] };
    const out: string[] = [];
    const s = new Session({ stdout: (t) => out.push(t), stderr: (t) => out.push(t), modules: [...NUMPY_MODULES, ...NKI_MODULES] });
    let raised = 0;
    for (const cell of nb.cells.filter((c) => c.cell_type === "code")) {
      const src = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
      const r = s.execute(src);
      const expectError = cell.metadata.tags?.includes("raises-exception") ?? false;
      if (r.status === "error") {
        expect(expectError, r.error.traceback).toBe(true);
        expect(r.error.message).toMatch(/^err_num_partition_exceed_arch_limit: /);
        expect(r.error.frames.at(-1)?.line).toBe(4);
        raised++;
      } else {
        expect(expectError).toBe(false);
      }
    }
    expect(raised).toBe(1);
    const text = out.join("");
    expect(text).toContain("(128, 512) float32");
    expect(text.match(/matches numpy: True/g)?.length).toBe(3);
    expect(text).not.toContain("False");
  });
});
