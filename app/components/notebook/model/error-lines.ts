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
