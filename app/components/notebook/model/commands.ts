/**
 * The notebook command core: every change the editor makes to a notebook is an `Action` applied by the
 * pure `notebookReducer(state, action) → state`. Selection, command/edit mode, the cell clipboard, the
 * undo-delete stack, run states and outputs all live here; the React shell only dispatches and renders.
 * `version` counts content changes (what autosave and drafts watch); selection and mode changes leave it.
 */
import type { INotebookContent } from "@jupyterlab/nbformat";
import {
  documentFromNbformat,
  documentToNbformat,
  makeCell,
  withTarget,
  type CellType,
  type EditorCell,
  type NotebookDocumentShell,
  type Target,
} from "./cells";
import { applyOutput, type OutputMessage } from "./outputs";

export type Mode = "command" | "edit";

export interface NotebookState {
  readonly shell: NotebookDocumentShell;
  readonly cells: readonly EditorCell[];
  /** Index of the active cell (the one the cursor is on). */
  readonly active: number;
  /** Other end of a Shift+arrow selection; equal to `active` when one cell is selected. */
  readonly anchor: number;
  readonly mode: Mode;
  readonly clipboard: readonly EditorCell[] | null;
  /** Deleted cells, most recent last, for `Z`. */
  readonly deleted: readonly { index: number; cells: readonly EditorCell[] }[];
  readonly version: number;
  /** New cell ids are `<salt><counter>`: unique across tabs without randomness in the reducer. */
  readonly idSalt: string;
  readonly idCounter: number;
}

export type Placement = "above" | "below";
export type RunStatus = "ok" | "error" | "aborted";

export type Action =
  | { type: "load"; notebook: INotebookContent; salt: string }
  | { type: "select"; index: number; extend?: boolean }
  | { type: "move-cursor"; delta: -1 | 1; extend: boolean }
  | { type: "select-all" }
  | { type: "set-mode"; mode: Mode }
  | { type: "insert"; where: Placement; cellType?: CellType; edit?: boolean }
  | { type: "delete" }
  | { type: "undo-delete" }
  | { type: "change-type"; cellType: CellType }
  | { type: "copy" }
  | { type: "cut" }
  | { type: "paste"; where: Placement }
  | { type: "move"; delta: -1 | 1 }
  | { type: "merge" }
  | { type: "split"; id: string; offsets: readonly number[] }
  | { type: "edit"; id: string; source: string }
  | { type: "set-rendered"; id: string; rendered: boolean }
  | { type: "advance" }
  | { type: "clear-outputs"; ids?: readonly string[] }
  | { type: "run-queued"; ids: readonly string[] }
  | { type: "run-started"; id: string; at: number; executionCount: number | null }
  | { type: "run-output"; id: string; msg: OutputMessage }
  | { type: "run-finished"; id: string; status: RunStatus; executionCount: number | null; at: number }
  | { type: "runs-cancelled" }
  | { type: "set-target"; target: Target };

export const emptyState: NotebookState = {
  shell: { metadata: {}, nbformat: 4, nbformatMinor: 5, extra: {} },
  cells: [],
  active: 0,
  anchor: 0,
  mode: "command",
  clipboard: null,
  deleted: [],
  version: 0,
  idSalt: "",
  idCounter: 0,
};

export function loadNotebook(notebook: INotebookContent, salt: string): NotebookState {
  return notebookReducer(emptyState, { type: "load", notebook, salt });
}

/** The selected cells' index range, inclusive. */
export function selectionRange(state: NotebookState): [number, number] {
  return [Math.min(state.active, state.anchor), Math.max(state.active, state.anchor)];
}

export function selectedCells(state: NotebookState): readonly EditorCell[] {
  const [from, to] = selectionRange(state);
  return state.cells.slice(from, to + 1);
}

export function isSelected(state: NotebookState, index: number): boolean {
  const [from, to] = selectionRange(state);
  return index >= from && index <= to;
}

export function toNotebookContent(state: NotebookState): INotebookContent {
  return documentToNbformat(state.shell, state.cells);
}

export function notebookReducer(state: NotebookState, action: Action): NotebookState {
  switch (action.type) {
    case "load": {
      const { shell, cells } = documentFromNbformat(action.notebook);
      return { ...emptyState, shell, cells, idSalt: action.salt, clipboard: state.clipboard, version: state.version + 1 };
    }
    case "select": {
      const index = clamp(action.index, state.cells.length);
      return { ...state, active: index, anchor: action.extend ? state.anchor : index };
    }
    case "move-cursor": {
      const index = clamp(state.active + action.delta, state.cells.length);
      return { ...state, active: index, anchor: action.extend ? state.anchor : index, mode: "command" };
    }
    case "select-all":
      return { ...state, anchor: 0, active: Math.max(0, state.cells.length - 1), mode: "command" };
    case "set-mode": {
      if (action.mode === "edit") {
        const cell = state.cells[state.active];
        if (!cell) return state;
        const cells = cell.type === "markdown" && cell.rendered ? replaceAt(state.cells, state.active, { ...cell, rendered: false }) : state.cells;
        return { ...state, cells, anchor: state.active, mode: "edit" };
      }
      return { ...state, mode: "command" };
    }
    case "insert": {
      const [id, next] = freshId(state);
      const at = state.cells.length === 0 ? 0 : action.where === "above" ? state.active : state.active + 1;
      const cell = makeCell(action.cellType ?? "code", id);
      return content({ ...next, cells: insertAt(state.cells, at, [cell]), active: at, anchor: at, mode: action.edit ? "edit" : "command" });
    }
    case "delete":
      return deleteSelected(state, false);
    case "cut":
      return deleteSelected(state, true);
    case "undo-delete": {
      const last = state.deleted[state.deleted.length - 1];
      if (!last) return state;
      // A notebook emptied by the delete got a placeholder cell; an untouched placeholder goes away again.
      const placeholder = state.cells.length === 1 && state.cells[0].source === "" && state.cells[0].outputs.length === 0;
      const base = placeholder ? [] : state.cells;
      const at = Math.min(last.index, base.length);
      const cells = insertAt(base, at, last.cells);
      return content({ ...state, cells, deleted: state.deleted.slice(0, -1), active: at + last.cells.length - 1, anchor: at, mode: "command" });
    }
    case "change-type": {
      const [from, to] = selectionRange(state);
      let changed = false;
      const cells = state.cells.map((cell, i) => {
        if (i < from || i > to || cell.type === action.cellType) return cell;
        changed = true;
        return { ...cell, type: action.cellType, outputs: [], executionCount: null, displays: {}, run: { kind: "idle" as const }, rendered: false, extra: withoutOriginalType(cell) };
      });
      return changed ? content({ ...state, cells }) : state;
    }
    case "copy":
      return { ...state, clipboard: selectedCells(state) };
    case "paste": {
      if (!state.clipboard || state.clipboard.length === 0) return state;
      let next = state;
      const pasted = state.clipboard.map((cell) => {
        const [id, after] = freshId(next);
        next = after;
        return { ...cell, id, run: { kind: "idle" as const } };
      });
      const [from, to] = selectionRange(state);
      const at = state.cells.length === 0 ? 0 : action.where === "above" ? from : to + 1;
      return content({ ...next, cells: insertAt(state.cells, at, pasted), anchor: at, active: at + pasted.length - 1, mode: "command" });
    }
    case "move": {
      const [from, to] = selectionRange(state);
      if ((action.delta < 0 && from === 0) || (action.delta > 0 && to >= state.cells.length - 1)) return state;
      const cells = state.cells.slice();
      const moved = cells.splice(from, to - from + 1);
      cells.splice(from + action.delta, 0, ...moved);
      return content({ ...state, cells, active: state.active + action.delta, anchor: state.anchor + action.delta });
    }
    case "merge":
      return merge(state);
    case "split":
      return split(state, action.id, action.offsets);
    case "edit":
      return updateCell(state, action.id, (cell) => (cell.source === action.source ? cell : { ...cell, source: action.source }), true);
    case "set-rendered":
      return updateCell(state, action.id, (cell) => (cell.rendered === action.rendered ? cell : { ...cell, rendered: action.rendered }), false);
    case "advance": {
      const [, to] = selectionRange(state);
      if (to < state.cells.length - 1) return { ...state, active: to + 1, anchor: to + 1, mode: "command" };
      return notebookReducer({ ...state, active: to, anchor: to }, { type: "insert", where: "below", edit: true });
    }
    case "clear-outputs": {
      const ids = action.ids ? new Set(action.ids) : null;
      let changed = false;
      const cells = state.cells.map((cell) => {
        if ((ids && !ids.has(cell.id)) || (cell.outputs.length === 0 && cell.executionCount === null)) return cell;
        changed = true;
        return { ...cell, outputs: [], executionCount: null, displays: {}, clearPending: false };
      });
      return changed ? content({ ...state, cells }) : state;
    }
    case "run-queued": {
      const ids = new Set(action.ids);
      return {
        ...state,
        cells: state.cells.map((cell) => {
          if (!ids.has(cell.id)) return cell;
          return cell.type === "markdown" ? { ...cell, rendered: true } : cell.type === "code" ? { ...cell, run: { kind: "queued" } } : cell;
        }),
      };
    }
    case "run-started":
      // The previous run's outputs stay until this run's first output replaces them (or it ends with
      // none), so the page does not jump twice per run.
      return updateCell(
        state,
        action.id,
        (cell) => ({ ...cell, run: { kind: "running", startedAt: action.at }, executionCount: action.executionCount ?? cell.executionCount, clearPending: true }),
        true,
      );
    case "run-output":
      return updateCell(state, action.id, (cell) => ({ ...cell, ...applyOutput(cell, action.msg) }), true);
    case "run-finished":
      return updateCell(
        state,
        action.id,
        (cell) => ({
          ...cell,
          ...(cell.run.kind === "running" && cell.clearPending ? { outputs: [], displays: {}, clearPending: false } : {}),
          run: { kind: "done", status: action.status, durationMs: cell.run.kind === "running" ? action.at - cell.run.startedAt : null },
          executionCount: action.status === "aborted" ? cell.executionCount : action.executionCount ?? cell.executionCount,
        }),
        action.status !== "aborted",
      );
    case "runs-cancelled":
      return {
        ...state,
        cells: state.cells.map((cell) =>
          cell.run.kind === "queued" || cell.run.kind === "running" ? { ...cell, run: { kind: "done", status: "aborted", durationMs: null } } : cell,
        ),
      };
    case "set-target":
      return content({ ...state, shell: { ...state.shell, metadata: withTarget(state.shell.metadata, action.target) } });
  }
}

function content(state: NotebookState): NotebookState {
  return { ...state, version: state.version + 1 };
}

function clamp(index: number, length: number): number {
  return Math.max(0, Math.min(index, length - 1));
}

function replaceAt<T>(list: readonly T[], index: number, value: T): T[] {
  const copy = list.slice();
  copy[index] = value;
  return copy;
}

function insertAt<T>(list: readonly T[], index: number, values: readonly T[]): T[] {
  return [...list.slice(0, index), ...values, ...list.slice(index)];
}

function freshId(state: NotebookState): [string, NotebookState] {
  const taken = new Set(state.cells.map((c) => c.id));
  let counter = state.idCounter;
  let id: string;
  do {
    counter += 1;
    id = `${state.idSalt}${counter.toString(36)}`;
  } while (taken.has(id));
  return [id, { ...state, idCounter: counter }];
}

function updateCell(state: NotebookState, id: string, update: (cell: EditorCell) => EditorCell, isContent: boolean): NotebookState {
  const index = state.cells.findIndex((c) => c.id === id);
  if (index < 0) return state;
  const cell = state.cells[index];
  const next = update(cell);
  if (next === cell) return state;
  const updated = { ...state, cells: replaceAt(state.cells, index, next) };
  return isContent ? content(updated) : updated;
}

function deleteSelected(state: NotebookState, toClipboard: boolean): NotebookState {
  if (state.cells.length === 0) return state;
  const [from, to] = selectionRange(state);
  const removed = state.cells.slice(from, to + 1);
  let rest = [...state.cells.slice(0, from), ...state.cells.slice(to + 1)];
  let next: NotebookState = state;
  if (rest.length === 0) {
    // A notebook always keeps one cell to type into, as in JupyterLab.
    const [id, after] = freshId(state);
    next = after;
    rest = [makeCell("code", id)];
  }
  const index = Math.min(from, rest.length - 1);
  return content({
    ...next,
    cells: rest,
    active: index,
    anchor: index,
    mode: "command",
    deleted: [...state.deleted, { index: from, cells: removed }],
    clipboard: toClipboard ? removed : state.clipboard,
  });
}

function merge(state: NotebookState): NotebookState {
  const [from, last] = selectionRange(state);
  // One selected cell merges with the one below it (JupyterLab's Shift+M).
  const to = from === last ? from + 1 : last;
  if (to >= state.cells.length) return state;
  const group = state.cells.slice(from, to + 1);
  const first = group[0];
  const merged: EditorCell = {
    ...first,
    source: group.map((c) => c.source).join("\n\n"),
    outputs: [],
    executionCount: null,
    displays: {},
    run: { kind: "idle" },
    rendered: false,
  };
  const cells = [...state.cells.slice(0, from), merged, ...state.cells.slice(to + 1)];
  return content({ ...state, cells, active: from, anchor: from });
}

function split(state: NotebookState, id: string, offsets: readonly number[]): NotebookState {
  const index = state.cells.findIndex((c) => c.id === id);
  if (index < 0) return state;
  const cell = state.cells[index];
  const cuts = [...new Set(offsets.map((o) => Math.max(0, Math.min(o, cell.source.length))))].sort((a, b) => a - b);
  const bounds = [0, ...cuts, cell.source.length];
  const pieces: string[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    let piece = cell.source.slice(bounds[i], bounds[i + 1]);
    if (i > 0) piece = piece.replace(/^\n/, "");
    if (i + 2 < bounds.length) piece = piece.replace(/\n$/, "");
    pieces.push(piece);
  }
  // Cuts at the very start or end would leave an empty cell that the user did not ask for.
  const kept = pieces.filter((p, i) => p !== "" || (i > 0 && i < pieces.length - 1));
  if (kept.length < 2) return state;
  let next = state;
  const cells: EditorCell[] = kept.map((source, i) => {
    if (i === 0) return { ...cell, source, outputs: [], executionCount: null, displays: {}, run: { kind: "idle" } };
    const [newId, after] = freshId(next);
    next = after;
    const fresh = { ...makeCell(cell.type, newId, source), metadata: cell.metadata, rendered: false };
    // The code that produced the outputs ends the original cell, so its outputs stay with the last piece.
    return i === kept.length - 1 ? { ...fresh, outputs: cell.outputs, executionCount: cell.executionCount } : fresh;
  });
  const all = [...state.cells.slice(0, index), ...cells, ...state.cells.slice(index + 1)];
  return content({ ...next, cells: all, active: index + 1, anchor: index + 1, mode: "edit" });
}

function withoutOriginalType(cell: EditorCell): EditorCell["extra"] {
  if (!("cell_type" in cell.extra)) return cell.extra;
  const { cell_type: _dropped, ...rest } = cell.extra;
  return rest;
}
