import { describe, expect, it } from "vitest";
import type { INotebookContent } from "@jupyterlab/nbformat";
import { loadNotebook, notebookReducer, selectedCells, selectionRange, toNotebookContent, type Action, type NotebookState } from "@/app/components/notebook/model/commands";

function notebook(...cells: [type: "code" | "markdown", source: string][]): INotebookContent {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: cells.map(([type, source], i) =>
      type === "code"
        ? { id: `c${i}`, cell_type: "code", source, metadata: {}, outputs: [], execution_count: null }
        : { id: `c${i}`, cell_type: "markdown", source, metadata: {} },
    ),
  };
}

const run = (state: NotebookState, ...actions: Action[]) => actions.reduce(notebookReducer, state);
const sources = (s: NotebookState) => s.cells.map((c) => c.source);
const three = () => loadNotebook(notebook(["code", "a"], ["code", "b"], ["code", "c"]), "n");

describe("notebook commands", () => {
  it("A inserts an empty code cell above and selects it, staying in command mode", () => {
    const s = run(three(), { type: "select", index: 1 }, { type: "insert", where: "above" });
    expect(sources(s)).toEqual(["a", "", "b", "c"]);
    expect(s.active).toBe(1);
    expect(s.mode).toBe("command");
    expect(s.cells[1].type).toBe("code");
  });

  it("B inserts below with a fresh id that no other cell has", () => {
    const s = run(three(), { type: "insert", where: "below" }, { type: "insert", where: "below" });
    expect(sources(s)).toEqual(["a", "", "", "b", "c"]);
    expect(new Set(s.cells.map((c) => c.id)).size).toBe(5);
    expect(s.active).toBe(2);
  });

  it("DD deletes the selected cells and Z brings them back where they were", () => {
    const deleted = run(three(), { type: "select", index: 1 }, { type: "select", index: 2, extend: true }, { type: "delete" });
    expect(sources(deleted)).toEqual(["a"]);
    const restored = run(deleted, { type: "undo-delete" });
    expect(sources(restored)).toEqual(["a", "b", "c"]);
    expect(restored.cells.map((c) => c.id)).toEqual(three().cells.map((c) => c.id));
    expect(selectionRange(restored)).toEqual([1, 2]);
  });

  it("deleting every cell leaves one empty code cell, which undo removes again", () => {
    const s = run(three(), { type: "select-all" }, { type: "delete" });
    expect(sources(s)).toEqual([""]);
    expect(sources(run(s, { type: "undo-delete" }))).toEqual(["a", "b", "c"]);
  });

  it("Z with nothing deleted changes nothing", () => {
    const s = three();
    expect(run(s, { type: "undo-delete" })).toBe(s);
  });

  it("M and Y change the cell type, dropping outputs of a code cell", () => {
    let s = run(three(), { type: "run-started", id: "c0", at: 0, executionCount: 1 }, { type: "run-output", id: "c0", msg: { type: "stream", name: "stdout", text: "x" } });
    s = run(s, { type: "change-type", cellType: "markdown" });
    expect(s.cells[0]).toMatchObject({ type: "markdown", outputs: [], executionCount: null, rendered: false });
    expect(run(s, { type: "change-type", cellType: "code" }).cells[0].type).toBe("code");
  });

  it("C then V pastes copies below with new ids; Shift+V pastes above", () => {
    const s = run(three(), { type: "copy" }, { type: "select", index: 2 }, { type: "paste", where: "below" }, { type: "select", index: 0 }, { type: "paste", where: "above" });
    expect(sources(s)).toEqual(["a", "a", "b", "c", "a"]);
    expect(new Set(s.cells.map((c) => c.id)).size).toBe(5);
  });

  it("X cuts to the clipboard and is undoable", () => {
    const s = run(three(), { type: "select", index: 1 }, { type: "cut" });
    expect(sources(s)).toEqual(["a", "c"]);
    expect(sources(run(s, { type: "paste", where: "below" }))).toEqual(["a", "c", "b"]);
    expect(sources(run(s, { type: "undo-delete" }))).toEqual(["a", "b", "c"]);
  });

  it("arrows move the selection and Shift extends it, clamped to the notebook", () => {
    let s = run(three(), { type: "move-cursor", delta: 1, extend: false }, { type: "move-cursor", delta: 1, extend: true }, { type: "move-cursor", delta: 1, extend: true });
    expect(selectionRange(s)).toEqual([1, 2]);
    s = run(s, { type: "move-cursor", delta: -1, extend: false }, { type: "move-cursor", delta: -1, extend: false }, { type: "move-cursor", delta: -1, extend: false });
    expect(selectionRange(s)).toEqual([0, 0]);
  });

  it("Shift+M merges the selected cells into the first, or one cell with the next", () => {
    const merged = run(three(), { type: "select", index: 1 }, { type: "merge" });
    expect(sources(merged)).toEqual(["a", "b\n\nc"]);
    expect(merged.cells[1].id).toBe("c1");
    const all = run(three(), { type: "select-all" }, { type: "merge" });
    expect(sources(all)).toEqual(["a\n\nb\n\nc"]);
    const last = run(three(), { type: "select", index: 2 });
    expect(run(last, { type: "merge" })).toBe(last);
  });

  it("Ctrl+Shift+- splits at the cursor, keeping outputs with the last piece", () => {
    let s = loadNotebook(notebook(["code", "x = 1\ny = 2\nprint(y)"]), "n");
    s = run(s, { type: "run-started", id: "c0", at: 0, executionCount: 4 }, { type: "run-output", id: "c0", msg: { type: "stream", name: "stdout", text: "2\n" } });
    s = run(s, { type: "split", id: "c0", offsets: [6] });
    expect(sources(s)).toEqual(["x = 1", "y = 2\nprint(y)"]);
    expect(s.cells[0].outputs).toEqual([]);
    expect(s.cells[1].outputs).toHaveLength(1);
    expect(s.cells[1].executionCount).toBe(4);
    expect(s.active).toBe(1);
    expect(s.mode).toBe("edit");
  });

  it("splitting around a selection makes three cells, and a cut at the edge makes none", () => {
    const s = loadNotebook(notebook(["code", "a\nb\nc"]), "n");
    expect(sources(run(s, { type: "split", id: "c0", offsets: [2, 3] }))).toEqual(["a", "b", "c"]);
    expect(run(s, { type: "split", id: "c0", offsets: [0] })).toBe(s);
  });

  it("editing changes the source and the content version; selecting does not change the version", () => {
    const s = three();
    const edited = run(s, { type: "edit", id: "c1", source: "bb" });
    expect(sources(edited)).toEqual(["a", "bb", "c"]);
    expect(edited.version).toBe(s.version + 1);
    expect(run(s, { type: "select", index: 2 }).version).toBe(s.version);
    expect(run(s, { type: "edit", id: "c1", source: "b" })).toBe(s);
  });

  it("Shift+Enter advances to the next cell, or inserts one in edit mode after the last", () => {
    const s = run(three(), { type: "set-mode", mode: "edit" }, { type: "advance" });
    expect(s.active).toBe(1);
    expect(s.mode).toBe("command");
    const end = run(three(), { type: "select", index: 2 }, { type: "advance" });
    expect(sources(end)).toEqual(["a", "b", "c", ""]);
    expect(end.active).toBe(3);
    expect(end.mode).toBe("edit");
  });

  it("entering edit mode on a rendered markdown cell shows its source; running renders it", () => {
    let s = loadNotebook(notebook(["markdown", "# Title"]), "n");
    expect(s.cells[0].rendered).toBe(true);
    s = run(s, { type: "set-mode", mode: "edit" });
    expect(s.cells[0].rendered).toBe(false);
    s = run(s, { type: "run-queued", ids: ["c0"] });
    expect(s.cells[0].rendered).toBe(true);
  });

  it("a run goes queued → running → done with its execution count and elapsed time", () => {
    let s = run(three(), { type: "run-queued", ids: ["c0", "c1"] });
    expect(s.cells.map((c) => c.run.kind)).toEqual(["queued", "queued", "idle"]);
    s = run(s, { type: "run-started", id: "c0", at: 1000, executionCount: 7 }, { type: "run-finished", id: "c0", status: "ok", executionCount: 7, at: 1250 });
    expect(s.cells[0].run).toEqual({ kind: "done", status: "ok", durationMs: 250 });
    expect(s.cells[0].executionCount).toBe(7);
    s = run(s, { type: "run-finished", id: "c1", status: "aborted", executionCount: null, at: 1300 });
    expect(s.cells[1].run).toEqual({ kind: "done", status: "aborted", durationMs: null });
  });

  it("a new run keeps the previous outputs until its first output replaces them (no double layout jump)", () => {
    let s = run(three(), { type: "run-started", id: "c0", at: 0, executionCount: 1 }, { type: "run-output", id: "c0", msg: { type: "stream", name: "stdout", text: "one" } });
    s = run(s, { type: "run-finished", id: "c0", status: "ok", executionCount: 1, at: 1 }, { type: "run-started", id: "c0", at: 5, executionCount: 2 });
    expect(s.cells[0].outputs).toEqual([{ output_type: "stream", name: "stdout", text: "one" }]);
    s = run(s, { type: "run-output", id: "c0", msg: { type: "stream", name: "stdout", text: "two" } });
    expect(s.cells[0].outputs).toEqual([{ output_type: "stream", name: "stdout", text: "two" }]);
  });

  it("a run that prints nothing clears the previous outputs when it ends", () => {
    let s = run(three(), { type: "run-started", id: "c0", at: 0, executionCount: 1 }, { type: "run-output", id: "c0", msg: { type: "stream", name: "stdout", text: "one" } });
    s = run(s, { type: "run-finished", id: "c0", status: "ok", executionCount: 1, at: 1 }, { type: "run-started", id: "c0", at: 5, executionCount: 2 });
    s = run(s, { type: "run-finished", id: "c0", status: "ok", executionCount: 2, at: 6 });
    expect(s.cells[0].outputs).toEqual([]);
  });

  it("a restart marks queued and running cells aborted", () => {
    const s = run(three(), { type: "run-queued", ids: ["c0", "c1"] }, { type: "run-started", id: "c0", at: 0, executionCount: 1 }, { type: "runs-cancelled" });
    expect(s.cells.map((c) => c.run)).toEqual([
      { kind: "done", status: "aborted", durationMs: null },
      { kind: "done", status: "aborted", durationMs: null },
      { kind: "idle" },
    ]);
  });

  it("clear outputs empties outputs and counts of all or the given cells", () => {
    let s = run(three(), { type: "run-started", id: "c0", at: 0, executionCount: 1 }, { type: "run-output", id: "c0", msg: { type: "stream", name: "stdout", text: "x" } });
    s = run(s, { type: "run-started", id: "c1", at: 0, executionCount: 2 });
    expect(run(s, { type: "clear-outputs", ids: ["c1"] }).cells[0].outputs).toHaveLength(1);
    const cleared = run(s, { type: "clear-outputs" });
    expect(cleared.cells.map((c) => [c.outputs.length, c.executionCount])).toEqual([[0, null], [0, null], [0, null]]);
  });

  it("moves the selected cells up and down", () => {
    const s = run(three(), { type: "select", index: 1 }, { type: "move", delta: -1 });
    expect(sources(s)).toEqual(["b", "a", "c"]);
    expect(s.active).toBe(0);
    expect(run(s, { type: "move", delta: -1 })).toBe(s);
  });

  it("the target lives in notebook metadata and is saved", () => {
    const s = run(three(), { type: "set-target", target: "trn3" });
    expect(toNotebookContent(s).metadata).toEqual({ kernel_lab: { target: "trn3" } });
  });

  it("selectedCells lists the selection in notebook order", () => {
    const s = run(three(), { type: "select", index: 2 }, { type: "select", index: 1, extend: true });
    expect(selectedCells(s).map((c) => c.source)).toEqual(["b", "c"]);
  });
});
