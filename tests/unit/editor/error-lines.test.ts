import { describe, expect, it } from "vitest";
import type { IOutput } from "@jupyterlab/nbformat";
import { errorLinesByCell, markColumns, memoizedErrorLines } from "@/app/components/notebook/model/error-lines";

const error = (traceback: string[]): IOutput => ({ output_type: "error", ename: "ZeroDivisionError", evalue: "division by zero", traceback });

describe("error lines to underline", () => {
  it("underlines the failing line in the cell that raised", () => {
    const cells = [{ id: "a", executionCount: 1, outputs: [error(["Traceback (most recent call last):", '  File "<cell 1>", line 3, in <module>', "ZeroDivisionError: division by zero"])] }];
    expect(errorLinesByCell(cells)).toEqual(new Map([["a", [{ line: 3 }]]]));
  });

  it("also underlines the line in the earlier cell whose function the traceback names", () => {
    const cells = [
      { id: "def", executionCount: 1, outputs: [] },
      {
        id: "call",
        executionCount: 2,
        outputs: [error(["Traceback (most recent call last):", '  File "<cell 2>", line 1, in <module>', '  File "<cell 1>", line 2, in f', "ZeroDivisionError: division by zero"])],
      },
    ];
    expect(errorLinesByCell(cells)).toEqual(new Map([["call", [{ line: 1 }]], ["def", [{ line: 2 }]]]));
  });

  it("underlines nothing for outputs without errors", () => {
    expect(errorLinesByCell([{ id: "a", executionCount: 1, outputs: [{ output_type: "stream", name: "stdout", text: "x" }] }]).size).toBe(0);
  });

  it("keeps the answer, and each cell's array, while only sources change (typing)", () => {
    const failing = { id: "a", executionCount: 1, outputs: [error(["Traceback (most recent call last):", '  File "<cell 1>", line 3, in <module>', "ZeroDivisionError: division by zero"])] };
    const other = { id: "b", executionCount: 2, outputs: [] };
    const linesOf = memoizedErrorLines();
    const first = linesOf([failing, other]);
    // A keystroke: new cell objects (new sources), the same outputs.
    expect(linesOf([{ ...failing }, { ...other }])).toBe(first);
    // Cell b produces output: a new map, but cell a's unchanged lines are the same array.
    const next = linesOf([failing, { ...other, outputs: [{ output_type: "stream", name: "stdout", text: "ok" }] }]);
    expect(next).not.toBe(first);
    expect(next.get("a")).toBe(first.get("a"));
    // Cell a is re-run and fails elsewhere: its lines change.
    const moved = { ...failing, outputs: [error(["Traceback (most recent call last):", '  File "<cell 1>", line 5, in <module>', "ZeroDivisionError: division by zero"])] };
    expect(linesOf([moved, other]).get("a")).toEqual([{ line: 5 }]);
  });

  it("narrows a mark to the failing expression on the cell's own (indented) line, and to the whole line once it was edited", () => {
    const cells = [
      {
        id: "a",
        executionCount: 1,
        outputs: [error(["Traceback (most recent call last):", '  File "<cell 1>", line 2, in f', "    return total / n", "           ~~~~~~^~~", "ZeroDivisionError: division by zero"])],
      },
    ];
    const [mark] = errorLinesByCell(cells).get("a") ?? [];
    expect(mark).toEqual({ line: 2, span: { code: "return total / n", from: 7, to: 16 } });
    // Columns are placed after the cell line's own indentation: `total / n` in "        return total / n".
    expect(markColumns(mark, "        return total / n")).toEqual([15, 24]);
    expect(markColumns(mark, "        return total / m  # edited")).toBeNull();
    expect(markColumns({ line: 2 }, "anything")).toBeNull();
  });
});
