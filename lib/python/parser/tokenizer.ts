/*
 * Tokenizer for Kernel Lab's Python subset, modelled on pyright's: lookup tables at module scope,
 * implied NEWLINE / INDENT / DEDENT / END tokens so the parser never counts whitespace, and a
 * line/column range on every token so errors can point at the exact characters.
 *
 * Indentation follows CPython's tokenizer: tabs advance to the next multiple of 8, and the same
 * comparison is repeated with tabs counted as one column; if the two disagree the indentation is
 * ambiguous and a TabError is raised.
 */

import { PythonSyntaxError, type SyntaxErrorType } from "./syntaxError";

export enum TokenType {
  Name,
  Keyword,
  Operator,
  Number,
  String,
  NewLine,
  Indent,
  Dedent,
  EndOfStream,
}

export interface Token {
  type: TokenType;
  /** Name/keyword/operator/number text; the raw literal (prefix and quotes included) for strings. */
  value: string;
  /** Offsets into the source text. */
  start: number;
  end: number;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

export interface TokenizerOutput {
  tokens: Token[];
  /**
   * The innermost bracket still open at the end of the source. CPython reports "'(' was never
   * closed" only when parsing fails at or after the line it opened on, so the parser decides.
   */
  unclosedBracket: { char: string; line: number; col: number } | null;
  /** Start offset of each line (index 0 is line 1), used to recover source lines for errors. */
  lineStarts: number[];
}

/** Where a tokenized fragment sits in its file: f-string expressions are tokenized in place. */
export interface TokenizeOrigin {
  filename: string;
  /** Line and column of the fragment's first character. */
  line: number;
  col: number;
  /** The full file text, for the source line shown in error messages. */
  fileText: string;
  /** Tokenize as the inside of brackets (no NEWLINE/INDENT), as CPython does for f-string fields. */
  inBrackets: boolean;
}

// A Map, not an object literal: `{}["constructor"]` would otherwise look like a keyword.
const keywords: ReadonlySet<string> = new Set([
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
  "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
  "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
]);

// Operators by length so the longest match wins.
const operators3: ReadonlySet<string> = new Set(["**=", "//=", ">>=", "<<=", "..."]);
const operators2: ReadonlySet<string> = new Set([
  "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "->", ":=",
  "+=", "-=", "*=", "/=", "%=", "@=", "&=", "|=", "^=",
]);
const operators1: ReadonlySet<string> = new Set([
  "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":",
  ".", ";", "=",
]);

// CPython's tokenizer limits (MAXLEVEL, MAXINDENT); they also bound the parser's recursion.
const MAX_BRACKET_DEPTH = 200;
const MAX_INDENT_DEPTH = 100;

const keywordsAfterNumber: readonly string[] = ["and", "else", "for", "if", "in", "is", "not", "or"];

const openBrackets: ReadonlyMap<string, string> = new Map([["(", ")"], ["[", "]"], ["{", "}"]]);
const closeBrackets: ReadonlySet<string> = new Set([")", "]", "}"]);

const enum Char {
  Tab = 9,
  LineFeed = 10,
  FormFeed = 12,
  CarriageReturn = 13,
  Space = 32,
  Hash = 35,
  Quote = 34,
  SingleQuote = 39,
  Period = 46,
  Zero = 48,
  Nine = 57,
  Backslash = 92,
  Underscore = 95,
}

// Character classes for the ASCII range; anything above 127 is classified with Unicode regexes.
const asciiIdentStart = new Uint8Array(128);
const asciiIdentPart = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const isLetter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === Char.Underscore;
  asciiIdentStart[c] = isLetter ? 1 : 0;
  asciiIdentPart[c] = isLetter || (c >= Char.Zero && c <= Char.Nine) ? 1 : 0;
}
const unicodeIdentStart = /[\p{ID_Start}_]/u;
const unicodeIdentPart = /[\p{ID_Continue}\u00B7\u0387\u1369-\u1371\u19DA]/u;

const stringPrefixes: ReadonlySet<string> = new Set([
  "r", "u", "b", "f", "br", "rb", "fr", "rf",
]);

interface BracketEntry {
  char: string;
  line: number;
  col: number;
  start: number;
}

export function tokenize(text: string, origin: Partial<TokenizeOrigin> = {}): TokenizerOutput {
  return new Tokenizer(text, origin).run();
}

class Tokenizer {
  private readonly _text: string;
  private readonly _filename: string;
  private readonly _fileText: string;
  private readonly _inFragment: boolean;
  private _pos = 0;
  private _line: number;
  /** Offset (in `_text`) that column 0 of the current line corresponds to; negative for fragments. */
  private _lineStart: number;
  private readonly _tokens: Token[] = [];
  private readonly _lineStarts: number[] = [0];
  private readonly _brackets: BracketEntry[] = [];
  /** Indentation stack: columns with tabs to 8, and with tabs counted as 1 (CPython's altcol). */
  private readonly _indents: number[] = [0];
  private readonly _altIndents: number[] = [0];
  private _atLineStart = true;

  constructor(text: string, origin: Partial<TokenizeOrigin>) {
    this._text = text;
    this._filename = origin.filename ?? "<string>";
    this._fileText = origin.fileText ?? text;
    this._inFragment = origin.inBrackets ?? false;
    this._line = origin.line ?? 1;
    this._lineStart = -(origin.col ?? 0);
  }

  run(): TokenizerOutput {
    const text = this._text;
    const len = text.length;
    if (this._inFragment) this._atLineStart = false;
    while (this._pos < len) {
      if (this._atLineStart) {
        if (this._readIndentation()) continue;
      }
      const c = text.charCodeAt(this._pos);
      if (c === Char.Space || c === Char.Tab || c === Char.FormFeed) {
        this._pos++;
      } else if (c === Char.LineFeed || c === Char.CarriageReturn) {
        this._handleNewLine(c);
      } else if (c === Char.Hash) {
        this._skipComment();
      } else if (c === Char.Backslash) {
        this._handleBackslash();
      } else if (c < 128 && asciiIdentStart[c]) {
        this._readNameOrString();
      } else if ((c >= Char.Zero && c <= Char.Nine) || (c === Char.Period && this._isDigit(this._pos + 1))) {
        this._readNumber();
      } else if (c === Char.Quote || c === Char.SingleQuote) {
        this._readString(this._pos, this._pos);
      } else if (c >= 128 && unicodeIdentStart.test(this._charAt(this._pos))) {
        this._readNameOrString();
      } else {
        this._readOperator();
      }
    }
    this._finish();
    const open = this._brackets[this._brackets.length - 1];
    const unclosedBracket = open === undefined ? null : { char: open.char, line: open.line, col: open.col };
    return { tokens: this._tokens, lineStarts: this._lineStarts, unclosedBracket };
  }

  private _charAt(pos: number): string {
    const cp = this._text.codePointAt(pos) ?? 0;
    return String.fromCodePoint(cp);
  }

  private _isDigit(pos: number): boolean {
    const c = this._text.charCodeAt(pos);
    return c >= Char.Zero && c <= Char.Nine;
  }

  private _col(pos: number): number {
    return pos - this._lineStart;
  }

  private _push(type: TokenType, value: string, start: number, end: number, line = this._line, col = this._col(start)): void {
    this._tokens.push({ type, value, start, end, line, col, endLine: this._line, endCol: this._col(end) });
  }

  private _lastType(): TokenType | undefined {
    const last = this._tokens[this._tokens.length - 1];
    return last === undefined ? undefined : last.type;
  }

  private _advanceLine(pos: number): void {
    this._line++;
    this._lineStart = pos;
    if (!this._inFragment) this._lineStarts.push(pos);
  }

  /**
   * At the start of a physical line outside brackets: measure its indentation. Returns true when the
   * line is blank or a comment (nothing emitted, loop continues).
   */
  private _readIndentation(): boolean {
    const text = this._text;
    let col = 0;
    let altCol = 0;
    let pos = this._pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === Char.Space) {
        col++;
        altCol++;
      } else if (c === Char.Tab) {
        col = (Math.floor(col / 8) + 1) * 8;
        altCol++;
      } else if (c === Char.FormFeed) {
        col = 0;
        altCol = 0;
      } else break;
      pos++;
    }
    this._pos = pos;
    const c = text.charCodeAt(pos);
    if (pos >= text.length || c === Char.LineFeed || c === Char.CarriageReturn || c === Char.Hash) {
      // Blank and comment-only lines do not affect indentation.
      if (c === Char.Hash) this._skipComment();
      if (this._pos < text.length) {
        const nl = text.charCodeAt(this._pos);
        this._pos += nl === Char.CarriageReturn && text.charCodeAt(this._pos + 1) === Char.LineFeed ? 2 : 1;
        this._advanceLine(this._pos);
      }
      return true;
    }
    this._atLineStart = false;
    const top = this._indents[this._indents.length - 1];
    const altTop = this._altIndents[this._altIndents.length - 1];
    if (col === top) {
      if (altCol !== altTop) this._indentError("TabError", "inconsistent use of tabs and spaces in indentation", pos);
    } else if (col > top) {
      if (this._indents.length >= MAX_INDENT_DEPTH) {
        this._errorAt("IndentationError", "too many levels of indentation", this._line, 0, this._line, 1);
      }
      if (altCol <= altTop) this._indentError("TabError", "inconsistent use of tabs and spaces in indentation", pos);
      this._indents.push(col);
      this._altIndents.push(altCol);
      this._push(TokenType.Indent, "", this._lineStart, pos);
    } else {
      while (this._indents.length > 1 && col < this._indents[this._indents.length - 1]) {
        this._indents.pop();
        this._altIndents.pop();
        this._push(TokenType.Dedent, "", pos, pos);
      }
      if (col !== this._indents[this._indents.length - 1]) {
        // CPython points just past the end of the offending line.
        let end = pos;
        while (end < text.length && text.charCodeAt(end) !== Char.LineFeed && text.charCodeAt(end) !== Char.CarriageReturn) end++;
        const endCol = this._col(end);
        this._errorAt("IndentationError", "unindent does not match any outer indentation level", this._line, endCol, this._line, endCol + 1);
      }
      if (altCol !== this._altIndents[this._altIndents.length - 1]) {
        this._indentError("TabError", "inconsistent use of tabs and spaces in indentation", pos);
      }
    }
    return false;
  }

  private _handleNewLine(c: number): void {
    const start = this._pos;
    this._pos += c === Char.CarriageReturn && this._text.charCodeAt(this._pos + 1) === Char.LineFeed ? 2 : 1;
    if (this._brackets.length === 0 && !this._inFragment) {
      const last = this._lastType();
      if (last !== undefined && last !== TokenType.NewLine && last !== TokenType.Indent && last !== TokenType.Dedent) {
        this._push(TokenType.NewLine, "\n", start, start);
      }
      this._atLineStart = true;
    }
    this._advanceLine(this._pos);
  }

  private _skipComment(): void {
    const text = this._text;
    let pos = this._pos;
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === Char.LineFeed || c === Char.CarriageReturn) break;
      pos++;
    }
    this._pos = pos;
  }

  private _handleBackslash(): void {
    const next = this._text.charCodeAt(this._pos + 1);
    if (next === Char.LineFeed || next === Char.CarriageReturn) {
      this._pos += next === Char.CarriageReturn && this._text.charCodeAt(this._pos + 2) === Char.LineFeed ? 3 : 2;
      this._advanceLine(this._pos);
      if (this._pos >= this._text.length) {
        this._error("SyntaxError", "unexpected EOF while parsing", this._pos, this._pos);
      }
      return;
    }
    this._error("SyntaxError", "unexpected character after line continuation character", this._pos, this._pos + 1);
  }

  private _readNameOrString(): void {
    const text = this._text;
    const start = this._pos;
    let pos = start;
    let ascii = true;
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c < 128) {
        if (!asciiIdentPart[c]) break;
        pos++;
      } else {
        const ch = this._charAt(pos);
        if (!unicodeIdentPart.test(ch) && !unicodeIdentStart.test(ch)) break;
        ascii = false;
        pos += ch.length;
      }
    }
    const c = text.charCodeAt(pos);
    if ((c === Char.Quote || c === Char.SingleQuote) && pos - start <= 2) {
      const prefix = text.slice(start, pos).toLowerCase();
      if (stringPrefixes.has(prefix)) {
        this._readString(start, pos);
        return;
      }
    }
    this._pos = pos;
    let word = text.slice(start, pos);
    if (!ascii) word = word.normalize("NFKC");
    this._push(keywords.has(word) ? TokenType.Keyword : TokenType.Name, word, start, pos);
  }

  private _readString(start: number, quotePos: number): void {
    const text = this._text;
    const quote = text.charCodeAt(quotePos);
    const triple = text.charCodeAt(quotePos + 1) === quote && text.charCodeAt(quotePos + 2) === quote;
    const startLine = this._line;
    const startCol = this._col(start);
    let pos = quotePos + (triple ? 3 : 1);
    for (;;) {
      if (pos >= text.length) {
        const what = triple ? "unterminated triple-quoted string literal" : "unterminated string literal";
        // The last line of the file, not the empty one after a final newline.
        const lastLine = this._lineStart === text.length && this._line > startLine ? this._line - 1 : this._line;
        this._errorAt("SyntaxError", `${what} (detected at line ${lastLine})`, startLine, startCol, startLine, startCol + 1);
      }
      const c = text.charCodeAt(pos);
      if (c === Char.Backslash) {
        const n = text.charCodeAt(pos + 1);
        if (n === Char.LineFeed || n === Char.CarriageReturn) {
          pos += n === Char.CarriageReturn && text.charCodeAt(pos + 2) === Char.LineFeed ? 3 : 2;
          this._advanceLine(pos);
        } else {
          pos += 2;
        }
        continue;
      }
      if (c === quote) {
        if (!triple) {
          pos++;
          break;
        }
        if (text.charCodeAt(pos + 1) === quote && text.charCodeAt(pos + 2) === quote) {
          pos += 3;
          break;
        }
        pos++;
        continue;
      }
      if (c === Char.LineFeed || c === Char.CarriageReturn) {
        if (!triple) {
          this._errorAt("SyntaxError", `unterminated string literal (detected at line ${this._line})`, startLine, startCol, startLine, startCol + 1);
        }
        pos += c === Char.CarriageReturn && text.charCodeAt(pos + 1) === Char.LineFeed ? 2 : 1;
        this._advanceLine(pos);
        continue;
      }
      pos++;
    }
    this._pos = pos;
    this._push(TokenType.String, text.slice(start, pos), start, pos, startLine, startCol);
  }

  private _readNumber(): void {
    const text = this._text;
    const start = this._pos;
    let pos = start;
    const c0 = text.charCodeAt(pos);
    const c1 = text.charCodeAt(pos + 1) | 0x20;
    let isFloat = false;
    if (c0 === Char.Zero && (c1 === 0x78 || c1 === 0x6f || c1 === 0x62)) {
      // 0x / 0o / 0b
      const digit = c1 === 0x78 ? /[0-9a-fA-F]/ : c1 === 0x6f ? /[0-7]/ : /[01]/;
      const kind = c1 === 0x78 ? "hexadecimal" : c1 === 0x6f ? "octal" : "binary";
      pos += 2;
      const invalidDigitAt = (p: number): void => {
        if (!this._isDigit(p) || digit.test(text[p])) return;
        const col = this._col(p);
        this._errorAt("SyntaxError", `invalid digit '${text[p]}' in ${kind} literal`, this._line, col, this._line, col + 1);
      };
      invalidDigitAt(text[pos] === "_" ? pos + 1 : pos);
      pos = this._readDigits(pos, digit, kind, true);
      invalidDigitAt(pos);
    } else {
      if (c0 !== Char.Period) pos = this._readDigits(pos, /[0-9]/, "decimal", false);
      if (text.charCodeAt(pos) === Char.Period) {
        isFloat = true;
        pos++;
        if (this._isDigit(pos)) pos = this._readDigits(pos, /[0-9]/, "decimal", false);
      }
      const e = text.charCodeAt(pos) | 0x20;
      if (e === 0x65) {
        let p = pos + 1;
        const sign = text.charCodeAt(p);
        const signed = sign === 43 || sign === 45;
        if (signed) p++;
        if (this._isDigit(p)) {
          isFloat = true;
          pos = this._readDigits(p, /[0-9]/, "decimal", false);
        } else if (signed) {
          this._numberError("decimal", p);
        }
        // Otherwise the literal ends before the `e` (as in `1else`), checked below.
      }
      if (!isFloat) {
        const digits = text.slice(start, pos);
        if (digits.length > 1 && digits.charCodeAt(0) === Char.Zero && /[1-9]/.test(digits)) {
          this._error(
            "SyntaxError",
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            start,
            pos,
          );
        }
      }
    }
    const after = text.charCodeAt(pos);
    if ((after | 0x20) === 0x6a) {
      this._error("SyntaxError", "complex numbers (the 'j' suffix) are not supported in Kernel Lab", start, pos + 1);
    }
    const identFollows = after < 128 ? asciiIdentPart[after] : pos < text.length && unicodeIdentPart.test(this._charAt(pos));
    // CPython 3.11 still accepts a keyword glued to a number (`1if x else 2`), with a warning.
    if (identFollows && !keywordsAfterNumber.some((kw) => text.startsWith(kw, pos))) {
      const kind = c0 === Char.Zero && c1 === 0x78 ? "hexadecimal" : c0 === Char.Zero && c1 === 0x6f ? "octal" : c0 === Char.Zero && c1 === 0x62 ? "binary" : "decimal";
      this._numberError(kind, pos);
    }
    this._pos = pos;
    this._push(TokenType.Number, text.slice(start, pos), start, pos);
  }

  /** Digits with single underscores between them; returns the end offset. */
  private _readDigits(pos: number, digit: RegExp, kind: string, prefixed: boolean): number {
    const text = this._text;
    let sawDigit = false;
    for (;;) {
      const ch = text[pos];
      if (ch !== undefined && digit.test(ch)) {
        sawDigit = true;
        pos++;
      } else if (ch === "_" && (sawDigit || prefixed) && pos + 1 < text.length && digit.test(text[pos + 1])) {
        pos++;
      } else break;
    }
    if (!sawDigit) this._numberError(kind, pos);
    if (text[pos] === "_") this._numberError(kind, pos + 1);
    return pos;
  }

  /** CPython's tokenizer reports bad literals one character before where scanning stopped. */
  private _numberError(kind: string, stopPos: number): never {
    const col = this._col(stopPos) - 1;
    this._errorAt("SyntaxError", `invalid ${kind} literal`, this._line, col, this._line, col + 1);
  }

  private _readOperator(): void {
    const text = this._text;
    const start = this._pos;
    // Every multi-character operator has one of `* / < > =` (or `.` for `...`) second: only then
    // is a slice worth allocating.
    const c1 = text.charCodeAt(start + 1);
    let op = text[start];
    if (c1 === 42 || c1 === 47 || c1 === 60 || c1 === 62 || c1 === 61 || c1 === Char.Period) {
      const op3 = text.substr(start, 3);
      const op2 = op3.slice(0, 2);
      if (operators3.has(op3)) op = op3;
      else if (operators2.has(op2)) op = op2;
    }
    if (op.length === 1 && !operators1.has(op)) this._invalidCharacter(start);
    if (openBrackets.has(op)) {
      if (this._brackets.length >= MAX_BRACKET_DEPTH) this._error("SyntaxError", "too many nested parentheses", start, start + 1);
      this._brackets.push({ char: op, line: this._line, col: this._col(start), start });
    } else if (closeBrackets.has(op)) {
      const open = this._brackets.pop();
      if (open === undefined) {
        this._error("SyntaxError", `unmatched '${op}'`, start, start + 1);
      } else if (openBrackets.get(open.char) !== op) {
        if (open.line !== this._line) {
          this._error(
            "SyntaxError",
            `closing parenthesis '${op}' does not match opening parenthesis '${open.char}' on line ${open.line}`,
            start,
            start + 1,
          );
        }
        this._error("SyntaxError", `closing parenthesis '${op}' does not match opening parenthesis '${open.char}'`, start, start + 1);
      }
    }
    this._pos = start + op.length;
    this._push(TokenType.Operator, op, start, this._pos);
  }

  private _invalidCharacter(pos: number): never {
    const ch = this._charAt(pos);
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === "!") this._error("SyntaxError", "invalid syntax", pos, pos + 1);
    if (ch === "$" || ch === "?" || ch === "`") this._error("SyntaxError", "invalid syntax", pos, pos + 1);
    if (cp < 32 || cp === 127) {
      this._error("SyntaxError", `invalid non-printable character U+${cp.toString(16).toUpperCase().padStart(4, "0")}`, pos, pos + 1);
    }
    this._error("SyntaxError", `invalid character '${ch}' (U+${cp.toString(16).toUpperCase().padStart(4, "0")})`, pos, pos + ch.length);
  }

  private _finish(): void {
    const end = this._text.length;
    if (!this._inFragment) {
      const last = this._lastType();
      if (last !== undefined && last !== TokenType.NewLine && last !== TokenType.Dedent && last !== TokenType.Indent) {
        this._push(TokenType.NewLine, "", end, end);
      }
      while (this._indents.length > 1) {
        this._indents.pop();
        this._push(TokenType.Dedent, "", end, end);
      }
    }
    this._push(TokenType.EndOfStream, "", end, end);
  }

  /** CPython reports TabError at column 0 and a bad dedent one past the indentation. */
  private _indentError(type: SyntaxErrorType, msg: string, pos: number): never {
    const col = type === "TabError" ? 0 : this._col(pos) + 1;
    this._errorAt(type, msg, this._line, col, this._line, col + 1);
  }

  private _error(type: SyntaxErrorType, msg: string, start: number, end: number): never {
    const col = this._col(start);
    this._errorAt(type, msg, this._line, col, this._line, Math.max(col + 1, this._col(end)));
  }

  private _errorAt(type: SyntaxErrorType, msg: string, line: number, col: number, endLine: number, endCol: number): never {
    throw new PythonSyntaxError(type, msg, this._filename, { line, col, endLine, endCol }, sourceLine(this._fileText, line));
  }
}

/** Line `line` (1-based) of `text` without its line terminator; "" past the end. */
export function sourceLine(text: string, line: number): string {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf("\n", start);
    if (nl < 0) return "";
    start = nl + 1;
  }
  let end = text.indexOf("\n", start);
  if (end < 0) end = text.length;
  return text.slice(start, end).replace(/\r$/, "");
}
