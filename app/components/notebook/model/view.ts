/**
 * What the notebook shell renders besides the cells' text: typing changes only a cell's source (and the
 * version), which the cell being typed in reads for itself, so the shell and the 49 other cells need
 * not re-render per keystroke.
 */
import type { EditorCell } from "./cells";
import type { NotebookState } from "./commands";

const CELL_KEYS_BESIDES_SOURCE = ["id", "type", "metadata", "outputs", "executionCount", "extra", "run", "clearPending", "displays", "rendered"] as const satisfies readonly (keyof EditorCell)[];
const STATE_KEYS_BESIDES_CELLS = ["shell", "active", "anchor", "mode", "clipboard", "deleted", "idSalt", "idCounter"] as const satisfies readonly (keyof NotebookState)[];

/** True when `a` and `b` differ at most in cell sources and the version (fields compared by identity). */
export function sameBesideSources(a: NotebookState, b: NotebookState): boolean {
  if (a === b) return true;
  if (!STATE_KEYS_BESIDES_CELLS.every((key) => a[key] === b[key])) return false;
  if (a.cells === b.cells) return true;
  if (a.cells.length !== b.cells.length) return false;
  return a.cells.every((cell, i) => cell === b.cells[i] || CELL_KEYS_BESIDES_SOURCE.every((key) => cell[key] === b.cells[i][key]));
}
