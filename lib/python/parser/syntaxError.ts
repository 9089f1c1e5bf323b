/*
 * The error the tokenizer, parser and compiler raise for invalid source, shaped like CPython's
 * SyntaxError (and its IndentationError / TabError subclasses) so the runtime can turn it into the
 * Python exception and print it exactly as `python3` does.
 */

export type SyntaxErrorType = "SyntaxError" | "IndentationError" | "TabError";

export interface SyntaxErrorLocation {
  /** 1-based line of the offending token. */
  line: number;
  /** 0-based column of its first character. */
  col: number;
  endLine: number;
  endCol: number;
}

export class PythonSyntaxError extends Error {
  readonly type: SyntaxErrorType;
  /** The message alone, e.g. `'(' was never closed`. */
  readonly msg: string;
  readonly filename: string;
  readonly line: number;
  readonly col: number;
  readonly endLine: number;
  readonly endCol: number;
  /** The full source line `line` (without its newline), or "" when past the end of the source. */
  readonly lineText: string;

  constructor(type: SyntaxErrorType, msg: string, filename: string, loc: SyntaxErrorLocation, lineText: string) {
    super(`${msg} (${filename}, line ${loc.line})`);
    this.name = "PythonSyntaxError";
    this.type = type;
    this.msg = msg;
    this.filename = filename;
    this.line = loc.line;
    this.col = loc.col;
    this.endLine = loc.endLine;
    this.endCol = loc.endCol;
    this.lineText = lineText;
  }

  /** CPython's 1-based `offset` attribute. */
  get offset(): number {
    return this.col + 1;
  }
}

/**
 * The text CPython prints for an uncaught SyntaxError raised while compiling a file:
 *
 *       File "prog.py", line 3
 *         x = (1,
 *             ^
 *     SyntaxError: '(' was never closed
 *
 * The source line is shown with its indentation stripped and the caret row shifted to match; the
 * carets cover the error range when it lies on one line.
 */
export function formatSyntaxError(err: PythonSyntaxError): string {
  let out = `  File "${err.filename}", line ${err.line}\n`;
  const raw = err.lineText.replace(/\s+$/, "");
  if (raw.length > 0) {
    const stripped = raw.replace(/^[ \t\f]+/, "");
    const removed = raw.length - stripped.length;
    const start = Math.max(0, Math.min(err.col - removed, stripped.length));
    let width = 1;
    if (err.endLine === err.line && err.endCol > err.col) {
      width = Math.max(1, Math.min(err.endCol, raw.length + 1) - err.col);
    }
    out += `    ${stripped}\n    ${" ".repeat(start)}${"^".repeat(width)}\n`;
  }
  return `${out}${err.type}: ${err.msg}\n`;
}
