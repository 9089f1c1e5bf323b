import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ICell, INotebookContent } from "@jupyterlab/nbformat";
import { cellFromNbformat, cellToNbformat, documentFromNbformat, documentToNbformat, joinSource, newCellId, targetOf, withTarget } from "@/app/components/notebook/model/cells";

const notebooksDir = path.resolve(import.meta.dirname, "../../../notebooks");

/** nbformat allows a source as one string or a list of lines; the editor writes one string. */
function withJoinedSources(nb: INotebookContent): INotebookContent {
  return { ...nb, cells: nb.cells.map((c) => ({ ...c, source: joinSource(c.source) })) };
}

describe("notebook model ↔ nbformat", () => {
  for (const file of fs.readdirSync(notebooksDir).filter((f) => f.endsWith(".ipynb"))) {
    it(`round-trips the shipped tutorial ${file} without loss`, () => {
      const original = JSON.parse(fs.readFileSync(path.join(notebooksDir, file), "utf8")) as INotebookContent;
      const { shell, cells } = documentFromNbformat(original);
      expect(documentToNbformat(shell, cells)).toEqual(withJoinedSources(original));
    });
  }

  it("keeps unknown cell keys, attachments and metadata verbatim", () => {
    const cell = { id: "a1", cell_type: "markdown", source: ["x\n", "y"], metadata: { tags: ["t"], vendor: { k: 1 } }, attachments: { "p.png": { "image/png": "AAA" } }, custom: 3 } as ICell;
    expect(cellToNbformat(cellFromNbformat(cell, new Set()))).toEqual({ ...cell, source: "x\ny" });
  });

  it("keeps an unrecognised cell type's name when writing it back", () => {
    const cell = { id: "u1", cell_type: "heading", source: "h", metadata: {} } as ICell;
    const model = cellFromNbformat(cell, new Set());
    expect(model.type).toBe("raw");
    expect(cellToNbformat(model).cell_type).toBe("heading");
  });

  it("gives cells without ids, or with duplicate ids, fresh unique ids and upgrades to nbformat 4.5", () => {
    const nb = {
      nbformat: 4, nbformat_minor: 4, metadata: {},
      cells: [
        { cell_type: "code", source: "1", metadata: {}, outputs: [], execution_count: null },
        { id: "same", cell_type: "code", source: "2", metadata: {}, outputs: [], execution_count: 1 },
        { id: "same", cell_type: "code", source: "3", metadata: {}, outputs: [], execution_count: 2 },
      ],
    } as INotebookContent;
    const { shell, cells } = documentFromNbformat(nb);
    const ids = cells.map((c) => c.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids[1]).toBe("same");
    for (const id of ids) expect(id).toMatch(/^[a-zA-Z0-9-_]{1,64}$/);
    expect(shell.nbformatMinor).toBe(5);
  });

  it("makes new ids that avoid taken ones", () => {
    const values = [0, 0, 0.5];
    const id = newCellId(new Set(["00000000"]), () => values.shift() ?? 0.25);
    expect(id).toBe("80000000");
  });

  it("reads the target from metadata.kernel_lab, defaulting to trn2", () => {
    expect(targetOf({})).toBe("trn2");
    expect(targetOf({ kernel_lab: { target: "trn3" } })).toBe("trn3");
    expect(targetOf({ kernel_lab: { target: "gpu" } })).toBe("trn2");
    expect(withTarget({ kernel_lab: { other: 1 }, x: 2 }, "trn1")).toEqual({ kernel_lab: { other: 1, target: "trn1" }, x: 2 });
  });
});
