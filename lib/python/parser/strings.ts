/*
 * Decoding of string literal tokens: prefixes, escape sequences and f-strings (CPython 3.11
 * semantics, where a whole f-string is one token and its replacement fields are parsed afterwards).
 */

import type * as A from "./ast";
import { parseEmbeddedExpression } from "./parser";
import { PythonSyntaxError } from "./syntaxError";
import { sourceLine, type Token } from "./tokenizer";
import { unicodeNameTable } from "./unicodeNames.generated";

let nameMap: Map<string, number> | null = null;

/** Character names for `\N{...}`, parsed on first use. */
function unicodeNames(): Map<string, number> {
  if (nameMap === null) {
    nameMap = new Map();
    for (const line of unicodeNameTable.split("\n")) {
      const tab = line.indexOf("\t");
      nameMap.set(line.slice(0, tab), parseInt(line.slice(tab + 1), 16));
    }
  }
  return nameMap;
}

export interface ParsedString {
  isFString: boolean;
  /** Literal pieces (str Constants) and, for f-strings, FormattedValues, in source order. */
  parts: (A.Constant | A.FormattedValue)[];
}

const simpleEscapes: ReadonlyMap<string, string> = new Map([
  ["\n", ""], ["\\", "\\"], ["'", "'"], ['"', '"'], ["a", "\x07"], ["b", "\b"], ["f", "\f"],
  ["n", "\n"], ["r", "\r"], ["t", "\t"], ["v", "\v"],
]);

interface Context {
  token: Token;
  filename: string;
  source: string;
  /** Offset of the body (after prefix and opening quotes) within the token text. */
  bodyOffset: number;
}

export function parseStringToken(token: Token, filename: string, source: string): ParsedString {
  const raw = token.value;
  let p = 0;
  while (raw[p] !== "'" && raw[p] !== '"') p++;
  const prefix = raw.slice(0, p).toLowerCase();
  const quote = raw[p];
  const quoteLen = raw.startsWith(quote.repeat(3), p) ? 3 : 1;
  const body = raw.slice(p + quoteLen, raw.length - quoteLen);
  const ctx: Context = { token, filename, source, bodyOffset: p + quoteLen };
  const span: A.Span = { line: token.line, col: token.col, endLine: token.endLine, endCol: token.endCol };
  if (prefix.includes("b")) {
    fail(ctx, "bytes literals are not supported in Kernel Lab; use str", 0, raw.length);
  }
  const isRaw = prefix.includes("r");
  if (!prefix.includes("f")) {
    const value = isRaw ? body.replace(/\r\n?/g, "\n") : decodeEscapes(body, ctx);
    return { isFString: false, parts: [{ kind: "Constant", value: { type: "str", value }, ...span }] };
  }
  return { isFString: true, parts: parseFStringBody(body, 0, body.length, isRaw, ctx, span, 0).parts };
}

/** Line/column of `offset` within the token's text. */
function positionIn(ctx: Context, offset: number): { line: number; col: number } {
  const text = ctx.token.value;
  let line = ctx.token.line;
  let col = ctx.token.col;
  for (let i = 0; i < offset; i++) {
    if (text[i] === "\n") {
      line++;
      col = 0;
    } else {
      col++;
    }
  }
  return { line, col };
}

function fail(ctx: Context, msg: string, tokenOffset: number, tokenEnd: number): never {
  const start = positionIn(ctx, tokenOffset);
  const end = positionIn(ctx, Math.max(tokenEnd, tokenOffset + 1));
  throw new PythonSyntaxError(
    "SyntaxError",
    msg,
    ctx.filename,
    { line: start.line, col: start.col, endLine: end.line, endCol: end.col },
    sourceLine(ctx.source, start.line),
  );
}

/** CPython reports f-string and escape-decoding errors just past the end of the whole literal. */
const CLOSING: Readonly<Record<string, string>> = { "(": ")", "[": "]", "{": "}" };

/**
 * An error in an f-string's fields. CPython 3.11 parses the fields once the parser has read the
 * token after the string, and reports that token's span: the next name or number on the line,
 * else one character (the end of the line included; not modelled: a string concatenated to this
 * one, a comment, a continuation line).
 */
function failAtEnd(ctx: Context, msg: string): never {
  const t = ctx.token;
  const text = sourceLine(ctx.source, t.endLine);
  let col = t.endCol;
  while (text[col] === " " || text[col] === "\t") col++;
  let end = col + 1;
  const word = /\d/.test(text[col] ?? "") ? /[\w.]/ : /\w/;
  if (/\w/.test(text[col] ?? "")) while (word.test(text[end] ?? "")) end++;
  throw new PythonSyntaxError("SyntaxError", msg, ctx.filename, { line: t.endLine, col, endLine: t.endLine, endCol: end }, text);
}

function decodeEscapes(s: string, ctx: Context): string {
  if (!s.includes("\\")) return s.includes("\r") ? s.replace(/\r\n?/g, "\n") : s;
  let out = "";
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === "\r") {
      out += "\n";
      i += s[i + 1] === "\n" ? 2 : 1;
      continue;
    }
    if (ch !== "\\") {
      out += ch;
      i++;
      continue;
    }
    let next = s[i + 1];
    if (next === "\r") {
      i += s[i + 2] === "\n" ? 3 : 2;
      continue;
    }
    if (next === undefined) next = "";
    const simple = simpleEscapes.get(next);
    if (simple !== undefined) {
      out += simple;
      i += 2;
      continue;
    }
    if (next >= "0" && next <= "7") {
      let j = i + 1;
      while (j < s.length && j < i + 4 && s[j] >= "0" && s[j] <= "7") j++;
      out += String.fromCodePoint(parseInt(s.slice(i + 1, j), 8));
      i = j;
      continue;
    }
    const hexLen = next === "x" ? 2 : next === "u" ? 4 : next === "U" ? 8 : 0;
    if (hexLen > 0) {
      const hex = s.slice(i + 2, i + 2 + hexLen);
      if (hex.length < hexLen || !/^[0-9a-fA-F]+$/.test(hex)) {
        const escName = next === "x" ? "\\xXX" : next === "u" ? "\\uXXXX" : "\\UXXXXXXXX";
        failAtEnd(ctx, `(unicode error) 'unicodeescape' codec can't decode bytes in position ${i}-${i + 1 + hex.length}: truncated ${escName} escape`);
      }
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff) {
        failAtEnd(ctx, `(unicode error) 'unicodeescape' codec can't decode bytes in position ${i}-${i + 9}: illegal Unicode character`);
      }
      out += String.fromCodePoint(cp);
      i += 2 + hexLen;
      continue;
    }
    if (next === "N") {
      const close = s[i + 2] === "{" ? s.indexOf("}", i + 3) : -1;
      const cp = close < 0 ? undefined : unicodeNames().get(s.slice(i + 3, close).toUpperCase());
      if (cp === undefined) {
        const end = close < 0 ? i + 1 : close;
        const what = close < 0 ? "malformed \\N character escape" : "unknown Unicode character name";
        failAtEnd(ctx, `(unicode error) 'unicodeescape' codec can't decode bytes in position ${i}-${end}: ${what}`);
      }
      out += String.fromCodePoint(cp);
      i = close + 1;
      continue;
    }
    // Unknown escapes keep the backslash (CPython only warns).
    out += "\\";
    i++;
  }
  return out;
}

interface FieldResult {
  parts: (A.Constant | A.FormattedValue)[];
  /** Offset just past what was consumed (for format specs: the closing `}` position). */
  end: number;
}

/**
 * Parse f-string text `body[from, to)` into literal pieces and replacement fields. `depth` is 0 for
 * the f-string itself and 1 inside a format spec, where a `}` ends the spec.
 */
function parseFStringBody(
  body: string,
  from: number,
  to: number,
  isRaw: boolean,
  ctx: Context,
  span: A.Span,
  depth: number,
): FieldResult {
  const parts: (A.Constant | A.FormattedValue)[] = [];
  let literal = "";
  let litStart = from;
  let i = from;
  const flushLiteral = (end: number): void => {
    literal += isRaw ? body.slice(litStart, end) : decodeEscapes(body.slice(litStart, end), ctx);
    litStart = end;
  };
  while (i < to) {
    const ch = body[i];
    if (!isRaw && ch === "\\" && body[i + 1] === "N" && body[i + 2] === "{") {
      const close = body.indexOf("}", i);
      i = close < 0 ? to : close + 1;
      continue;
    }
    if (ch === "{") {
      if (depth === 0 && body[i + 1] === "{") {
        flushLiteral(i + 1);
        i += 2;
        litStart = i;
        continue;
      }
      if (depth > 1) failAtEnd(ctx, "f-string: expressions nested too deeply");
      flushLiteral(i);
      if (literal !== "") parts.push({ kind: "Constant", value: { type: "str", value: literal }, ...span });
      literal = "";
      const field = parseReplacementField(body, i + 1, to, isRaw, ctx, span, depth);
      for (const p of field.parts) parts.push(p);
      i = field.end;
      litStart = i;
      continue;
    }
    if (ch === "}") {
      if (depth > 0) {
        flushLiteral(i);
        if (literal !== "") parts.push({ kind: "Constant", value: { type: "str", value: literal }, ...span });
        return { parts, end: i };
      }
      if (body[i + 1] === "}") {
        flushLiteral(i + 1);
        i += 2;
        litStart = i;
        continue;
      }
      failAtEnd(ctx, "f-string: single '}' is not allowed");
    }
    i++;
  }
  if (depth > 0) failAtEnd(ctx, "f-string: expecting '}'");
  flushLiteral(to);
  if (literal !== "") parts.push({ kind: "Constant", value: { type: "str", value: literal }, ...span });
  return { parts, end: to };
}

/** A field starting just after `{`; returns the parts it produces and the offset after its `}`. */
function parseReplacementField(
  body: string,
  start: number,
  to: number,
  isRaw: boolean,
  ctx: Context,
  span: A.Span,
  depth: number,
): FieldResult {
  // Find the end of the expression: first `!`, `:`, `=` or `}` outside brackets and strings.
  let i = start;
  const brackets: string[] = [];
  let quote: string | null = null;
  let quoteLen = 0;
  for (; i < to; i++) {
    const ch = body[i];
    if (ch === "\\") failAtEnd(ctx, "f-string expression part cannot include a backslash");
    if (quote !== null) {
      if (ch === quote && (quoteLen === 1 || body.startsWith(quote.repeat(3), i))) {
        i += quoteLen - 1;
        quote = null;
      }
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      quoteLen = body.startsWith(ch.repeat(3), i) ? 3 : 1;
      i += quoteLen - 1;
      continue;
    }
    if (ch === "[" || ch === "(" || ch === "{") {
      brackets.push(ch);
      continue;
    }
    if (ch === "#") failAtEnd(ctx, "f-string expression part cannot include '#'");
    if (brackets.length > 0) {
      if (ch === "]" || ch === ")" || ch === "}") {
        const opening = brackets.pop() as string;
        if (CLOSING[opening] !== ch) failAtEnd(ctx, `f-string: closing parenthesis '${ch}' does not match opening parenthesis '${opening}'`);
      }
      continue;
    }
    const next = body[i + 1];
    if ((ch === "=" || ch === "!" || ch === "<" || ch === ">") && next === "=") {
      i++;
      continue;
    }
    if (ch === "!" || ch === ":" || ch === "}" || ch === "=") break;
    if (ch === "]" || ch === ")") failAtEnd(ctx, `f-string: unmatched '${ch}'`);
  }
  if (quote !== null) failAtEnd(ctx, "f-string: unterminated string");
  if (brackets.length > 0) failAtEnd(ctx, `f-string: unmatched '${brackets[brackets.length - 1]}'`);
  if (i >= to) failAtEnd(ctx, "f-string: expecting '}'");
  const exprText = body.slice(start, i);
  if (exprText.trim() === "") failAtEnd(ctx, "f-string: empty expression not allowed");
  const pos = positionIn(ctx, ctx.bodyOffset + start);
  const value = parseEmbeddedExpression(exprText, ctx.filename, ctx.source, pos.line, pos.col);
  const parts: (A.Constant | A.FormattedValue)[] = [];
  let conversion: A.FormatConversion = null;
  let selfDocumenting = false;
  if (body[i] === "=") {
    selfDocumenting = true;
    i++;
    // The literal text includes the expression exactly as written, whitespace and all.
    let j = i;
    while (j < to && (body[j] === " " || body[j] === "\t")) j++;
    parts.push({ kind: "Constant", value: { type: "str", value: body.slice(start, j) }, ...span });
    i = j;
  }
  if (body[i] === "!") {
    const c = body[i + 1];
    if (c !== "s" && c !== "r" && c !== "a") {
      failAtEnd(ctx, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
    }
    conversion = c;
    i += 2;
    if (body[i] !== ":" && body[i] !== "}") failAtEnd(ctx, "f-string: expecting '}'");
  }
  let formatSpec: A.JoinedStr | null = null;
  if (body[i] === ":") {
    const spec = parseFStringBody(body, i + 1, to, isRaw, ctx, span, depth + 1);
    formatSpec = { kind: "JoinedStr", values: spec.parts, ...span };
    i = spec.end;
  }
  if (body[i] !== "}") failAtEnd(ctx, "f-string: expecting '}'");
  if (selfDocumenting && conversion === null && formatSpec === null) conversion = "r";
  parts.push({ kind: "FormattedValue", value, conversion, formatSpec, ...span });
  return { parts, end: i + 1 };
}
