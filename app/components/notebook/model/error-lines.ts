/**
 * Lines to underline per cell: where each error output's own cell failed, and the frames its traceback
 * names in other cells (a function defined in the cell run second failing when a later cell calls it).
 */
import type { IError } from "@jupyterlab/nbformat";
import { cellFrames, errorLineInCell } from "../../outputs/error-location";
import type { EditorCell } from "./cells";

export function errorLinesByCell(cells: readonly Pick<EditorCell, "id" | "executionCount" | "outputs">[]): Map<string, number[]> {
  const result = new Map<string, number[]>();
  const add = (id: string, line: number) => {
    const lines = result.get(id) ?? [];
    if (!lines.includes(line)) result.set(id, [...lines, line]);
  };
  const byCount = new Map<number, string>();
  for (const cell of cells) if (cell.executionCount !== null) byCount.set(cell.executionCount, cell.id);
  for (const cell of cells) {
    for (const output of cell.outputs) {
      if (output.output_type !== "error") continue;
      const error = output as IError;
      const own = errorLineInCell(error);
      if (own !== null) add(cell.id, own);
      for (const frame of cellFrames(error)) {
        const other = frame.executionCount === null ? undefined : byCount.get(frame.executionCount);
        if (other && other !== cell.id) add(other, frame.line);
      }
    }
  }
  return result;
}

type ErrorInputs = readonly Pick<EditorCell, "id" | "executionCount" | "outputs">[];

/**
 * `errorLinesByCell` for a notebook being typed in: typing changes only sources, so the previous answer
 * stands (no traceback re-parsed per keystroke), and a cell whose lines did not change keeps the same
 * array, so its memoised view and editor decorations are left alone.
 */
export function memoizedErrorLines(): (cells: ErrorInputs) => ReadonlyMap<string, readonly number[]> {
  let lastCells: ErrorInputs | null = null;
  let last = new Map<string, number[]>();
  return (cells) => {
    if (lastCells && sameErrorInputs(lastCells, cells)) return last;
    const next = errorLinesByCell(cells);
    for (const [id, lines] of next) {
      const previous = last.get(id);
      if (previous && previous.length === lines.length && previous.every((line, i) => line === lines[i])) next.set(id, previous);
    }
    lastCells = cells;
    last = next;
    return next;
  };
}

function sameErrorInputs(a: ErrorInputs, b: ErrorInputs): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((cell, i) => cell.id === b[i].id && cell.outputs === b[i].outputs && cell.executionCount === b[i].executionCount);
}
