/*
 * is_complete_request for consoles: is this code ready to run, does it need more lines (and how
 * far to indent the next one), or is it broken? Follows IPython's TransformerManager.check_complete
 * (what ipykernel answers) over Kernel Lab's own tokenizer and parser:
 * - an open bracket, an unterminated triple-quoted string or a trailing backslash: incomplete;
 * - a last line ending in ':' (or a block header without its body, or a lone decorator):
 *   incomplete, indented 4 more;
 * - code ending inside an indented block without a final newline: incomplete at that indent
 *   (a console user may want another line in the block); with the newline: complete;
 * - any other syntax error: invalid.
 */
import { parseModule, PythonSyntaxError, tokenize } from "../python/parser";
import type { IsCompleteReply } from "../jupyter/messages";

const BLOCK_STATEMENTS: ReadonlySet<string> = new Set(["FunctionDef", "ClassDef", "For", "While", "If", "With", "Try"]);

/** Indentation of a line as spaces, tabs counting 4 (as IPython's find_last_indent). */
function indentOf(line: string): string {
  const ws = /^[ \t]*/.exec(line)?.[0] ?? "";
  return ws.replace(/\t/g, "    ");
}

/** The line without a trailing comment, when it has no quotes that could hide a '#'. */
function codeOf(line: string): string {
  return /['"]/.test(line) ? line.trimEnd() : line.replace(/#.*$/, "").trimEnd();
}

/** IPython's leading-indent cleanup: a cell whose first line is indented is dedented by that much. */
function dedentCell(lines: string[]): string[] {
  const prefix = /^[ \t]+/.exec(lines[0])?.[0];
  if (!prefix) return lines;
  return lines.map((l) => (l.startsWith(prefix) ? l.slice(prefix.length) : l));
}

export function isComplete(code: string): IsCompleteReply {
  const endsWithNewline = /\n[ \t\r\f]*$/.test(code);
  let lines = code.replace(/\r\n?/g, "\n").split("\n");
  while (lines.length > 0 && lines[0].trim() === "") lines.shift();
  while (lines.length > 0 && lines[lines.length - 1].trim() === "") lines.pop();
  if (lines.length === 0) return { status: "complete" };
  lines = dedentCell(lines);
  const last = lines[lines.length - 1];
  const lastIndent = indentOf(last);
  if (last.endsWith("\\")) return { status: "incomplete", indent: endsWithNewline ? "" : lastIndent };
  const source = lines.join("\n") + "\n";

  try {
    if (tokenize(source, { filename: "<cell>" }).unclosedBracket) return { status: "incomplete", indent: lastIndent };
  } catch (e) {
    if (e instanceof PythonSyntaxError && e.msg.startsWith("unterminated triple-quoted string")) return { status: "incomplete", indent: lastIndent };
    if (e instanceof PythonSyntaxError) return { status: "invalid" };
    throw e;
  }
  if (codeOf(last).endsWith(":")) return { status: "incomplete", indent: lastIndent + "    " };
  if (codeOf(last).startsWith("@")) return { status: "incomplete", indent: lastIndent };

  let body;
  try {
    body = parseModule(source, "<cell>").body;
  } catch (e) {
    if (e instanceof PythonSyntaxError && e.msg.startsWith("expected an indented block")) {
      return { status: "incomplete", indent: lastIndent + "    " };
    }
    if (e instanceof PythonSyntaxError) return { status: "invalid" };
    throw e;
  }
  const final = body[body.length - 1];
  if (final && BLOCK_STATEMENTS.has(final.kind) && !endsWithNewline) return { status: "incomplete", indent: lastIndent };
  return { status: "complete" };
}
