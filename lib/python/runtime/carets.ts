/*
 * The caret line CPython 3.11 prints under a traceback's source line to mark the failing
 * expression (`~~~^~~~` for binary operators and subscripts, `^^^^` otherwise): a transcription of
 * tb_displayline and extract_anchors_from_line in CPython's Python/traceback.c, which prints
 * uncaught exceptions (traceback.py's Python version differs on lines with trailing whitespace).
 * Quirks kept: the segment is re-parsed to find the anchors, working in UTF-8 byte offsets; carets
 * are elided when the span covers the whole line (indentation excluded, trailing blanks included);
 * wide characters (East Asian Width W/F) take two columns, as in 3.11.7's output.
 */

import type * as A from "../parser/ast";
import { parseModule } from "../parser/parser";
import type { SourceSpan } from "./locations";
import { inRanges } from "./unicode-classes";
import { WIDE } from "./unicode-classes.generated";

/** IS_WHITESPACE in traceback.c. */
function isBlank(ch: string | number | undefined): boolean {
  return ch === " " || ch === "\t" || ch === "\f" || ch === 0x20 || ch === 0x09 || ch === 0x0c;
}

const isWide = (cp: number): boolean => inRanges(WIDE, cp);

/** traceback._display_width: columns the first `offset` characters of `chars` take on a terminal. */
function displayWidth(chars: readonly string[], offset: number): number {
  if (chars.every((c) => c.charCodeAt(0) < 128)) return offset;
  let w = 0;
  for (const c of chars.slice(0, Math.max(0, offset))) w += isWide(c.codePointAt(0) ?? 0) ? 2 : 1;
  return w;
}

function utf8Length(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** The UTF-8 byte offset (CPython's AST column) of a UTF-16 column (ours) in `text`. */
function byteColumn(text: string, col: number): number {
  let bytes = 0;
  for (const ch of text.slice(0, col)) bytes += utf8Length(ch);
  return bytes;
}

/** traceback._byte_offset_to_character_offset: a truncated character decodes as one U+FFFD. */
function charOffset(chars: readonly string[], byteOffset: number): number {
  let bytes = 0;
  for (let i = 0; i < chars.length; i++) {
    if (bytes >= byteOffset) return i;
    bytes += utf8Length(chars[i]);
    if (bytes > byteOffset) return i + 1;
  }
  return chars.length;
}

interface Anchors {
  /** Character offsets into the source line: `^` marks [leftEnd, rightStart). */
  leftEnd: number;
  rightStart: number;
  /** False when a binary operator's scan ended on a `)` (every mark is then `^`). */
  tilde: boolean;
}

/** extract_anchors_from_line: the anchors of a segment [start, end) of `line` (characters). */
function anchorsOf(line: readonly string[], start: number, end: number): Anchors | null {
  const segment = line.slice(start, end).join("");
  let module: A.Module;
  try {
    module = parseModule(segment, "<segment>");
  } catch {
    return null;
  }
  if (module.body.length !== 1) return null;
  const stmt = module.body[0];
  if (stmt.kind !== "Expr") return null;
  const expr = stmt.value;
  const bytes = new TextEncoder().encode(segment);
  const segmentChars = [...segment];
  const toLine = (byteOffset: number): number => charOffset(segmentChars, byteOffset) + start;
  if (expr.kind === "BinOp") {
    const from = byteColumn(segment, expr.left.endCol);
    const to = byteColumn(segment, expr.right.col);
    let left = -1;
    let right = -1;
    let tilde = false;
    for (let i = from; i < to; i++) {
      if (isBlank(bytes[i])) continue;
      left = i;
      right = i + 1;
      // Two-character operators (`//`, `**`, `<<`, ...).
      if (i + 1 < to && !isBlank(bytes[i + 1])) right++;
      // Closing parentheses of the left operand are skipped.
      if (i + 1 < to && bytes[i] === 0x29) continue;
      tilde = true;
      break;
    }
    if (left < 0) return null;
    return { leftEnd: toLine(left), rightStart: toLine(right), tilde };
  }
  if (expr.kind === "Subscript") {
    let left = byteColumn(segment, expr.value.endCol);
    let right = byteColumn(segment, expr.slice.endCol) + 1;
    while (left < bytes.length && bytes[left] !== 0x5b) left++;
    while (right < bytes.length && bytes[right] !== 0x5d) right++;
    if (right < bytes.length) right++;
    return { leftEnd: toLine(left), rightStart: toLine(right), tilde: true };
  }
  return null;
}

/** The source line as a traceback prints it, after its 4-space indent: indentation removed. */
export function tracebackSourceLine(lineText: string): string {
  return lineText.replace(/^[ \t\f]+/, "");
}

/**
 * The caret line (without its newline) CPython 3.11 prints under `lineText`, the source line of
 * `span.line`, or null when it prints none: no columns, or a span covering the whole line.
 */
export function caretLine(lineText: string, span: SourceSpan): string | null {
  if (span.col < 0 || span.endCol < 0) return null;
  const line = [...lineText];
  let indent = 0;
  while (indent < line.length && isBlank(line[indent])) indent++;
  const start = [...lineText.slice(0, span.col)].length;
  let end = [...lineText.slice(0, span.endCol)].length;
  let anchors: Anchors | null = null;
  if (span.line === span.endLine) {
    anchors = anchorsOf(line, start, end);
  } else {
    // A multi-line span is marked to the end of its first line.
    end = line.length;
    while (end > 0 && isBlank(line[end - 1])) end--;
  }
  if (end - start === line.length - indent && anchors === null) return null;
  const width = (offset: number): number => displayWidth(line, offset);
  const [from, wStart, wEnd] = [indent, width(start), width(end)];
  const [wLeft, wRight] = anchors === null ? [-1, -1] : [width(anchors.leftEnd), width(anchors.rightStart)];
  const primary = anchors?.tilde ? "~" : "^";
  let out = "    ";
  for (let offset = from + 1; offset <= wEnd; offset++) {
    if (offset <= wStart) out += " ";
    else if (anchors !== null && wLeft < offset && offset <= wRight) out += "^";
    else out += primary;
  }
  return out;
}
