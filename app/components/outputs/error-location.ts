/**
 * Where in the cell an error happened, read from the traceback the kernel sent. Kernel Lab's engine
 * names cells `<cell N>` (N = execution count) in CPython's format:
 *
 *   Traceback (most recent call last):
 *     File "<cell 2>", line 2, in <module>
 *     File "<cell 1>", line 2, in f
 *   ZeroDivisionError: division by zero
 *
 * and a SyntaxError has only the `File "<cell N>", line L` header. Notebooks from IPython kernels say
 * `Cell In[N], line L` (with ANSI colours), which is read the same way.
 */
import type { IError } from "@jupyterlab/nbformat";
import { stripAnsi } from "./ansi";

export interface CellFrame {
  /** The cell's name as the traceback gives it, e.g. `<cell 3>` or `In[3]`. */
  readonly cell: string;
  /** The execution count in the name, null for an unnumbered cell (`<cell>`). */
  readonly executionCount: number | null;
  /** 1-based line within that cell. */
  readonly line: number;
  /** The failing expression, when a CPython 3.11 caret line marks it under the frame's source line. */
  readonly span?: CaretSpan;
}

/**
 * Where the carets sit: offsets into `code`, the source line as the traceback shows it (without its
 * indentation), so an editor can place them on the cell's own line, and tell when it was edited since.
 */
export interface CaretSpan {
  readonly code: string;
  readonly from: number;
  readonly to: number;
}

/** CPython prints each frame's source line indented by 4 and the carets aligned under it. */
const SOURCE_INDENT = 4;
const CARET_LINE = /^\s*[~^]+\s*$/;

function caretSpan(sourceLine: string | undefined, caretLine: string | undefined): CaretSpan | undefined {
  if (sourceLine === undefined || caretLine === undefined || !CARET_LINE.test(caretLine)) return undefined;
  if (!sourceLine.startsWith(" ".repeat(SOURCE_INDENT))) return undefined;
  const code = sourceLine.slice(SOURCE_INDENT);
  const from = caretLine.search(/[~^]/) - SOURCE_INDENT;
  const to = caretLine.trimEnd().length - SOURCE_INDENT;
  if (from < 0 || to > code.length || to <= from) return undefined;
  return { code, from, to };
}

const FRAME_PATTERNS: readonly RegExp[] = [
  /^\s*File "(<cell(?: (\d+))?>)", line (\d+)/,
  /^\s*Cell (In\s?\[(\d+)\]), line (\d+)/,
  /^\s*File (?:"|)(<ipython-input-(\d+)-[0-9a-f]+>)(?:"|), line (\d+)/,
];

/** Every traceback frame that points into a notebook cell, outermost first. */
export function cellFrames(output: Pick<IError, "traceback">): CellFrame[] {
  const frames: CellFrame[] = [];
  if (!Array.isArray(output.traceback)) return frames;
  // IPython sends multi-line strings as single traceback entries.
  const lines = output.traceback.flatMap((entry) => (typeof entry === "string" ? stripAnsi(entry).split("\n") : []));
  lines.forEach((line, i) => {
    for (const pattern of FRAME_PATTERNS) {
      const m = pattern.exec(line);
      if (m) {
        const span = caretSpan(lines[i + 1], lines[i + 2]);
        frames.push({ cell: m[1], executionCount: m[2] === undefined ? null : Number(m[2]), line: Number(m[3]), ...(span ? { span } : {}) });
        break;
      }
    }
  });
  return frames;
}

/**
 * The 1-based line in the cell that raised: the outermost cell frame names the executing cell, and of
 * its frames the innermost is the most specific (a function defined and called in the same cell
 * failed inside the function). Null when the traceback names no cell.
 */
export function errorLineInCell(output: IError): number | null {
  return errorFrameInCell(output)?.line ?? null;
}

/** The frame `errorLineInCell` reads its line from, with the failing expression's span when known. */
export function errorFrameInCell(output: IError): CellFrame | null {
  const frames = cellFrames(output);
  if (frames.length === 0) return null;
  const cell = frames[0].cell;
  const own = frames.filter((f) => f.cell === cell);
  return own[own.length - 1];
}
