/**
 * What to underline per cell: where each error output's own cell failed, and the frames its traceback
 * names in other cells (a function defined in the cell run second failing when a later cell calls it).
 * A mark is a line, narrowed to the failing expression when the traceback's caret line gives it.
 */
import type { IError } from "@jupyterlab/nbformat";
import { cellFrames, errorFrameInCell, type CaretSpan, type CellFrame } from "../../outputs/error-location";
import type { EditorCell } from "./cells";

export interface ErrorMark {
  /** 1-based line in the cell. */
  readonly line: number;
  readonly span?: CaretSpan;
}

function markOf(frame: CellFrame): ErrorMark {
  return frame.span ? { line: frame.line, span: frame.span } : { line: frame.line };
}

function sameMark(a: ErrorMark, b: ErrorMark): boolean {
  return a.line === b.line && a.span?.from === b.span?.from && a.span?.to === b.span?.to && a.span?.code === b.span?.code;
}

export function errorLinesByCell(cells: readonly Pick<EditorCell, "id" | "executionCount" | "outputs">[]): Map<string, ErrorMark[]> {
  const result = new Map<string, ErrorMark[]>();
  const add = (id: string, mark: ErrorMark) => {
    const marks = result.get(id) ?? [];
    if (!marks.some((m) => sameMark(m, mark))) result.set(id, [...marks, mark]);
  };
  const byCount = new Map<number, string>();
  for (const cell of cells) if (cell.executionCount !== null) byCount.set(cell.executionCount, cell.id);
  for (const cell of cells) {
    for (const output of cell.outputs) {
      if (output.output_type !== "error") continue;
      const error = output as IError;
      const own = errorFrameInCell(error);
      if (own !== null) add(cell.id, markOf(own));
      for (const frame of cellFrames(error)) {
        const other = frame.executionCount === null ? undefined : byCount.get(frame.executionCount);
        if (other && other !== cell.id) add(other, markOf(frame));
      }
    }
  }
  return result;
}

type ErrorInputs = readonly Pick<EditorCell, "id" | "executionCount" | "outputs">[];

/**
 * `errorLinesByCell` for a notebook being typed in: typing changes only sources, so the previous answer
 * stands (no traceback re-parsed per keystroke), and a cell whose marks did not change keeps the same
 * array, so its memoised view and editor decorations are left alone.
 */
export function memoizedErrorLines(): (cells: ErrorInputs) => ReadonlyMap<string, readonly ErrorMark[]> {
  let lastCells: ErrorInputs | null = null;
  let last = new Map<string, ErrorMark[]>();
  return (cells) => {
    if (lastCells && sameErrorInputs(lastCells, cells)) return last;
    const next = errorLinesByCell(cells);
    for (const [id, marks] of next) {
      const previous = last.get(id);
      if (previous && previous.length === marks.length && previous.every((mark, i) => sameMark(mark, marks[i]))) next.set(id, previous);
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

/**
 * The 0-based [start, end) columns a mark underlines in `lineText`, the cell's line now: the caret span
 * placed after the line's own indentation, or null for the whole line — when there is no span, or the
 * line no longer reads as the traceback showed it (edited since the run).
 */
export function markColumns(mark: ErrorMark, lineText: string): [number, number] | null {
  const span = mark.span;
  if (!span || lineText.trim() !== span.code.trim()) return null;
  const indent = lineText.length - lineText.trimStart().length;
  return [indent + span.from, Math.min(lineText.length, indent + span.to)];
}
