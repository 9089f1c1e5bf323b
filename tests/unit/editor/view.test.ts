import { describe, expect, it } from "vitest";
import type { INotebookContent } from "@jupyterlab/nbformat";
import { sameBesideSources } from "@/app/components/notebook/model/view";
import { loadNotebook, notebookReducer } from "@/app/components/notebook/model/commands";
import { NotebookStore } from "@/app/components/notebook/store";

const notebook: INotebookContent = {
  nbformat: 4,
  nbformat_minor: 5,
  metadata: {},
  cells: ["a = 1", "b = 2"].map((source, i) => ({ id: `c${i}`, cell_type: "code", source, metadata: {}, outputs: [], execution_count: null })),
};

describe("the view the notebook shell renders", () => {
  it("is unchanged by typing: only a source and the version differ", () => {
    const before = loadNotebook(notebook, "n");
    const after = notebookReducer(before, { type: "edit", id: "c1", source: "b = 3" });
    expect(after.version).toBeGreaterThan(before.version);
    expect(sameBesideSources(before, after)).toBe(true);
  });

  it("changes with selection, mode, outputs, cell type and the cell list", () => {
    const s = loadNotebook(notebook, "n");
    expect(sameBesideSources(s, notebookReducer(s, { type: "select", index: 1 }))).toBe(false);
    expect(sameBesideSources(s, notebookReducer(s, { type: "set-mode", mode: "edit" }))).toBe(false);
    expect(sameBesideSources(s, notebookReducer(s, { type: "run-queued", ids: ["c0"] }))).toBe(false);
    expect(sameBesideSources(s, notebookReducer(s, { type: "change-type", cellType: "markdown" }))).toBe(false);
    expect(sameBesideSources(s, notebookReducer(s, { type: "insert", where: "below" }))).toBe(false);
  });

  it("is what the store's view keeps while the cell reads its new source from the store", () => {
    const store = new NotebookStore();
    store.dispatch({ type: "load", notebook, salt: "n" });
    const view = store.getView();
    store.dispatch({ type: "edit", id: "c0", source: "a = 10" });
    expect(store.getView()).toBe(view);
    expect(store.sourceAt(0, "c0")).toBe("a = 10");
    expect(store.sourceAt(1, "c0")).toBeUndefined();
    store.dispatch({ type: "select", index: 1 });
    expect(store.getView()).not.toBe(view);
    expect(store.getView().cells[0].source).toBe("a = 10");
  });
});
