/*
 * Recursive-descent parser for Kernel Lab's Python subset, producing the CPython-shaped AST of
 * ./ast.ts with an exact span on every node. The grammar follows CPython 3.11's PEG grammar
 * (Grammar/python.gram) rule for rule where the subset needs it, and error messages copy CPython's
 * wording so a student sees the same SyntaxError they would get from `python3`.
 *
 * Constructs Kernel Lab does not execute (await, async, match, complex numbers, bytes) are
 * recognised and rejected with a SyntaxError that says so, rather than a bare "invalid syntax".
 */

import type * as A from "./ast";
import { parseStringToken } from "./strings";
import { PythonSyntaxError, type SyntaxErrorType } from "./syntaxError";
import { sourceLine, tokenize, TokenType, type Token, type TokenizerOutput } from "./tokenizer";

/** Parse a whole file or notebook cell. Throws PythonSyntaxError on invalid source. */
export function parseModule(source: string, filename = "<string>"): A.Module {
  const { tokens, unclosedBracket } = tokenize(source, { filename });
  const parser = new Parser(tokens, filename, source, unclosedBracket);
  return parser.parseModule();
}

/**
 * Parse an expression embedded in a larger file (an f-string replacement field), with positions
 * relative to the file. Used by the string parser.
 */
export function parseEmbeddedExpression(
  text: string,
  filename: string,
  fileText: string,
  line: number,
  col: number,
): A.Expr {
  try {
    const { tokens } = tokenize(text, { filename, fileText, line, col, inBrackets: true });
    return new Parser(tokens, filename, fileText, null).parseEmbeddedExpression();
  } catch (e) {
    if (!(e instanceof PythonSyntaxError)) throw e;
    // CPython 3.11 reports errors inside a replacement field against the field's text wrapped in
    // parentheses, on "line 1", with an "f-string: " prefix; do the same so messages match.
    const wrapped = `(${text})`;
    try {
      const { tokens } = tokenize(wrapped, { filename, inBrackets: false });
      new Parser(tokens, filename, wrapped, null).parseEmbeddedExpression();
    } catch (inner) {
      if (!(inner instanceof PythonSyntaxError)) throw inner;
      throw new PythonSyntaxError(inner.type, `f-string: ${inner.msg}`, filename, inner, inner.lineText);
    }
    throw e;
  }
}

// Token types as module constants: reading an imported enum goes through a getter per use.
const T_DEDENT = TokenType.Dedent;
const T_END_OF_STREAM = TokenType.EndOfStream;
const T_INDENT = TokenType.Indent;
const T_KEYWORD = TokenType.Keyword;
const T_NAME = TokenType.Name;
const T_NEW_LINE = TokenType.NewLine;
const T_NUMBER = TokenType.Number;
const T_OPERATOR = TokenType.Operator;
const T_STRING = TokenType.String;

// Nesting plus left-associative chain length (`a + b + ...`, `x[0][0]...`): the AST depth that
// scope analysis and code generation then recurse through.
const MAX_EXPRESSION_DEPTH = 1000;

const augAssignOps: ReadonlyMap<string, A.BinaryOperator> = new Map([
  ["+=", "Add"], ["-=", "Sub"], ["*=", "Mult"], ["@=", "MatMult"], ["/=", "Div"], ["%=", "Mod"],
  ["**=", "Pow"], ["<<=", "LShift"], [">>=", "RShift"], ["|=", "BitOr"], ["^=", "BitXor"],
  ["&=", "BitAnd"], ["//=", "FloorDiv"],
]);

const compareOps: ReadonlyMap<string, A.CompareOperator> = new Map([
  ["==", "Eq"], ["!=", "NotEq"], ["<", "Lt"], ["<=", "LtE"], [">", "Gt"], [">=", "GtE"],
]);

const termOps: ReadonlyMap<string, A.BinaryOperator> = new Map([
  ["*", "Mult"], ["/", "Div"], ["//", "FloorDiv"], ["%", "Mod"], ["@", "MatMult"],
]);

const blockNames: ReadonlyMap<string, string> = new Map([
  ["if", "'if' statement"], ["elif", "'elif' statement"], ["else", "'else' statement"],
  ["for", "'for' statement"], ["while", "'while' statement"], ["try", "'try' statement"],
  ["except", "'except' statement"], ["finally", "'finally' statement"], ["with", "'with' statement"],
  ["def", "function definition"], ["class", "class definition"],
]);

/** CPython's description of an expression that cannot be a target, e.g. "function call". */
export function describeExpression(e: A.Expr): string {
  switch (e.kind) {
    case "Call":
      return "function call";
    case "Constant":
      if (e.value.type === "None" || e.value.type === "bool") return e.value.type === "None" ? "None" : e.value.value ? "True" : "False";
      return e.value.type === "Ellipsis" ? "ellipsis" : "literal";
    case "Compare":
      return "comparison";
    case "Lambda":
      return "lambda";
    case "IfExp":
      return "conditional expression";
    case "ListComp":
      return "list comprehension";
    case "SetComp":
      return "set comprehension";
    case "DictComp":
      return "dict comprehension";
    case "GeneratorExp":
      return "generator expression";
    case "Dict":
      return "dict literal";
    case "Set":
      return "set display";
    case "JoinedStr":
    case "FormattedValue":
      return "f-string expression";
    case "NamedExpr":
      return "named expression";
    case "Yield":
    case "YieldFrom":
      return "yield expression";
    case "List":
      return "list";
    case "Tuple":
      return "tuple";
    case "Starred":
      return "starred";
    case "Name":
      return "name";
    case "Attribute":
      return "attribute";
    case "Subscript":
      return "subscript";
    case "Slice":
      return "slice";
    default:
      return "expression";
  }
}

/** Where a node starts: the token it starts at (no allocation per node). */
type Start = { readonly line: number; readonly col: number };

class Parser {
  private readonly _tokens: Token[];
  private readonly _filename: string;
  private readonly _source: string;
  private _index = 0;
  /** Expressions written in parentheses: `(a) = 1` is fine, but `(a): int` is not "simple". */
  private readonly _parenthesized = new Set<A.Expr>();
  private _functionDepth = 0;
  private _inLambda = false;
  /** Recursion depth of the expression rules, bounded so deep nesting is a SyntaxError, not a JS stack overflow. */
  private _exprDepth = 0;
  private readonly _unclosed: TokenizerOutput["unclosedBracket"];

  constructor(tokens: Token[], filename: string, source: string, unclosed: TokenizerOutput["unclosedBracket"]) {
    this._tokens = tokens;
    this._filename = filename;
    this._source = source;
    this._unclosed = unclosed;
  }

  // -------------------------------------------------------------------------------------------
  // Token helpers

  private _peek(offset = 0): Token {
    const i = Math.min(this._index + offset, this._tokens.length - 1);
    return this._tokens[i];
  }

  private _next(): Token {
    const t = this._tokens[this._index];
    if (this._index < this._tokens.length - 1) this._index++;
    return t;
  }

  private _prev(): Token {
    return this._tokens[this._index - 1];
  }

  private _isOp(value: string, offset = 0): boolean {
    const t = this._peek(offset);
    return t.type === T_OPERATOR && t.value === value;
  }

  private _isKw(value: string, offset = 0): boolean {
    const t = this._peek(offset);
    return t.type === T_KEYWORD && t.value === value;
  }

  private _eatOp(value: string): boolean {
    if (this._isOp(value)) {
      this._next();
      return true;
    }
    return false;
  }

  private _eatKw(value: string): boolean {
    if (this._isKw(value)) {
      this._next();
      return true;
    }
    return false;
  }

  private _expectOp(value: string, msg = "invalid syntax"): Token {
    if (!this._isOp(value)) this._genericError(this._peek(), msg);
    return this._next();
  }

  private _expectName(): string {
    const t = this._peek();
    if (t.type !== T_NAME) this._invalidAtToken(t);
    this._next();
    return t.value;
  }

  private _start(): Start {
    return this._peek();
  }

  /** A span from `start` to the end of the last consumed token. */
  private _span(start: Start): A.Span {
    const p = this._prev();
    return { line: start.line, col: start.col, endLine: p.endLine, endCol: p.endCol };
  }

  private _spanOf(from: A.Span, to: A.Span): A.Span {
    return { line: from.line, col: from.col, endLine: to.endLine, endCol: to.endCol };
  }

  private _error(msg: string, loc: A.Span, type: SyntaxErrorType = "SyntaxError"): never {
    throw new PythonSyntaxError(type, msg, this._filename, loc, sourceLine(this._source, loc.line));
  }

  private _errorAtToken(t: Token, msg: string, type: SyntaxErrorType = "SyntaxError"): never {
    const endCol = t.endLine === t.line && t.endCol > t.col ? t.endCol : t.col;
    this._error(msg, { line: t.line, col: t.col, endLine: t.line, endCol }, type);
  }

  private _invalidAtToken(t: Token): never {
    if (t.type === T_INDENT) this._unexpectedIndent(t);
    if (t.type === T_KEYWORD) this._rejectUnsupportedKeyword(t);
    this._genericError(t, "invalid syntax");
  }

  /**
   * A syntax error with no more specific explanation. Like CPython, blame a bracket left open on
   * an earlier line instead: the real mistake is usually there.
   */
  private _genericError(t: Token, msg: string): never {
    const open = this._unclosed;
    if (open !== null && (t.type === T_END_OF_STREAM || t.line > open.line || this._atLastToken(t))) {
      this._error(`'${open.char}' was never closed`, { line: open.line, col: open.col, endLine: open.line, endCol: open.col + 1 });
    }
    this._errorAtToken(t, msg);
  }

  private _atLastToken(t: Token): boolean {
    const n = this._tokens.length;
    return n >= 2 && (t === this._tokens[n - 1] || (t === this._tokens[n - 2] && t.type === T_NEW_LINE));
  }

  /** CPython points at the last character of the unexpected indentation. */
  private _unexpectedIndent(t: Token): never {
    const col = Math.max(0, t.endCol - 1);
    this._error("unexpected indent", { line: t.line, col, endLine: t.line, endCol: col + 1 }, "IndentationError");
  }

  private _rejectUnsupportedKeyword(t: Token): void {
    if (t.value === "await" || t.value === "async") {
      this._errorAtToken(t, `Kernel Lab does not support async code ('${t.value}')`);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Module and statements

  parseModule(): A.Module {
    const body: A.Stmt[] = [];
    while (this._peek().type !== T_END_OF_STREAM) {
      const t = this._peek();
      if (t.type === T_INDENT) this._unexpectedIndent(t);
      if (t.type === T_NEW_LINE || t.type === T_DEDENT) {
        this._next();
        continue;
      }
      this._parseStatementInto(body);
    }
    if (body.length === 0) return { kind: "Module", body, line: 1, col: 0, endLine: 1, endCol: 0 };
    const last = body[body.length - 1];
    return { kind: "Module", body, line: 1, col: 0, endLine: last.endLine, endCol: last.endCol };
  }

  parseEmbeddedExpression(): A.Expr {
    if (this._peek().type === T_END_OF_STREAM) this._errorAtToken(this._peek(), "f-string: empty expression not allowed");
    const e = this._parseStarExpressions(true);
    if (this._peek().type !== T_END_OF_STREAM) this._invalidAtToken(this._peek());
    return e;
  }

  private _parseStatementInto(out: A.Stmt[]): void {
    // Both sets only matter within one statement; clearing keeps them small on big files.
    if (this._parenthesized.size > 0) this._parenthesized.clear();
    if (this._soleGenerators.size > 0) this._soleGenerators.clear();
    const t = this._peek();
    if (t.type === T_KEYWORD) {
      switch (t.value) {
        case "if":
          out.push(this._parseIf());
          return;
        case "while":
          out.push(this._parseWhile());
          return;
        case "for":
          out.push(this._parseFor());
          return;
        case "try":
          out.push(this._parseTry());
          return;
        case "with":
          out.push(this._parseWith());
          return;
        case "def":
          out.push(this._parseFunctionDef([]));
          return;
        case "class":
          out.push(this._parseClassDef([]));
          return;
        case "async":
          this._rejectUnsupportedKeyword(t);
          break;
      }
    } else if (t.type === T_OPERATOR && t.value === "@") {
      out.push(this._parseDecorated());
      return;
    } else if (t.type === T_NAME && t.value === "match" && this._looksLikeMatchStatement()) {
      this._errorAtToken(t, "Kernel Lab does not support 'match' statements; use if/elif instead");
    }
    this._parseSimpleStatements(out);
  }

  /** `match` is a soft keyword: it starts a match statement only when its logical line ends in ':'. */
  private _looksLikeMatchStatement(): boolean {
    const next = this._peek(1);
    if (next.type === T_NEW_LINE || (next.type === T_OPERATOR && (next.value === "=" || next.value === "." || next.value === ":" || augAssignOps.has(next.value)))) {
      return false;
    }
    let i = this._index + 1;
    while (i < this._tokens.length && this._tokens[i].type !== T_NEW_LINE && this._tokens[i].type !== T_END_OF_STREAM) i++;
    const last = this._tokens[i - 1];
    return last.type === T_OPERATOR && last.value === ":";
  }

  private _parseSimpleStatements(out: A.Stmt[]): void {
    for (;;) {
      out.push(this._parseSimpleStatement());
      if (this._eatOp(";")) {
        if (this._peek().type === T_NEW_LINE) break;
        continue;
      }
      break;
    }
    const t = this._peek();
    if (t.type !== T_NEW_LINE) {
      this._invalidAtToken(t);
    }
    this._next();
  }

  private _parseSimpleStatement(): A.Stmt {
    const t = this._peek();
    const start = this._start();
    if (t.type === T_KEYWORD) {
      switch (t.value) {
        case "pass":
          this._next();
          return { kind: "Pass", line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
        case "break":
          this._next();
          return { kind: "Break", line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
        case "continue":
          this._next();
          return { kind: "Continue", line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
        case "return": {
          this._next();
          const value = this._atExpressionStart() ? this._parseStarExpressions(false) : null;
          return { kind: "Return", value, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
        }
        case "raise": {
          this._next();
          let exc: A.Expr | null = null;
          let cause: A.Expr | null = null;
          if (this._atExpressionStart()) {
            exc = this._parseTest();
            if (this._eatKw("from")) cause = this._parseTest();
          }
          return { kind: "Raise", exc, cause, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
        }
        case "global":
        case "nonlocal": {
          this._next();
          const names = [this._expectName()];
          while (this._eatOp(",")) names.push(this._expectName());
          return { kind: t.value === "global" ? "Global" : "Nonlocal", names, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
        }
        case "del": {
          this._next();
          const targets: A.Expr[] = [];
          do {
            if (!this._atExpressionStart()) break;
            const target = this._parseStarOrBitOr();
            this._checkTarget(target, "del");
            targets.push(target);
          } while (this._eatOp(","));
          if (targets.length === 0) this._invalidAtToken(this._peek());
          return { kind: "Delete", targets, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
        }
        case "assert": {
          this._next();
          const test = this._parseTest();
          const msg = this._eatOp(",") ? this._parseTest() : null;
          return { kind: "Assert", test, msg, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
        }
        case "import":
          return this._parseImport();
        case "from":
          return this._parseFromImport();
      }
    }
    return this._parseExpressionStatement();
  }

  private _parseExpressionStatement(): A.Stmt {
    const start = this._start();
    const first = this._parseStarExpressions(false);
    const t = this._peek();
    if (t.type === T_OPERATOR) {
      if (t.value === "=") {
        const targets = [first];
        let value: A.Expr = first;
        while (this._eatOp("=")) {
          value = this._parseStarExpressions(false);
          targets.push(value);
        }
        targets.pop();
        for (const target of targets) {
          if (target.kind === "Starred") this._error("starred assignment target must be in a list or tuple", target);
          this._checkTarget(target, targets.length === 1 ? "assign" : "for");
        }
        return { kind: "Assign", targets, value, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
      }
      const aug = augAssignOps.get(t.value);
      if (aug !== undefined) {
        if (first.kind !== "Name" && first.kind !== "Attribute" && first.kind !== "Subscript") {
          this._error(`'${describeExpression(first)}' is an illegal expression for augmented assignment`, first);
        }
        this._next();
        const value = this._parseStarExpressions(false);
        return { kind: "AugAssign", target: first, op: aug, value, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
      }
      if (t.value === ":") {
        if (first.kind === "Tuple" && !this._parenthesized.has(first)) {
          this._error("only single target (not tuple) can be annotated", first.elts[0] ?? first);
        }
        if (first.kind === "List" || first.kind === "Tuple") {
          this._error(`only single target (not ${first.kind.toLowerCase()}) can be annotated`, first);
        }
        if (first.kind !== "Name" && first.kind !== "Attribute" && first.kind !== "Subscript") {
          this._error("illegal target for annotation", first);
        }
        this._next();
        const annotation = this._parseTest();
        const value = this._eatOp("=") ? this._parseStarExpressions(false) : null;
        const simple = first.kind === "Name" && !this._parenthesized.has(first);
        return { kind: "AnnAssign", target: first, annotation, value, simple, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
      }
    }
    if (first.kind === "Name" && (first.id === "print" || first.id === "exec") && this._atExpressionStart() && t.type !== T_OPERATOR) {
      const endTok = this._skipToLineEnd();
      this._error(`Missing parentheses in call to '${first.id}'. Did you mean ${first.id}(...)?`, {
        line: first.line,
        col: first.col,
        endLine: endTok.endLine,
        endCol: endTok.endCol,
      });
    }
    return { kind: "Expr", value: first, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
  }

  private _skipToLineEnd(): Token {
    let last = this._peek();
    while (this._peek().type !== T_NEW_LINE && this._peek().type !== T_END_OF_STREAM) last = this._next();
    return last;
  }

  /**
   * Validate an assignment, for-loop or del target the way CPython's grammar does. "assign" is the
   * single target of `target = value`, where CPython suggests `==`; "for" covers every other store.
   */
  private _checkTarget(e: A.Expr, use: "assign" | "del" | "for"): void {
    switch (e.kind) {
      case "Name":
        if (e.id === "__debug__") this._error("cannot assign to __debug__", e);
        return;
      case "Attribute":
      case "Subscript":
        return;
      case "Starred":
        if (use === "del") this._error("cannot delete starred", e);
        this._checkTarget(e.value, "for");
        return;
      case "Tuple":
      case "List":
        if (use !== "del" && e.elts.filter((x) => x.kind === "Starred").length > 1) {
          this._error("multiple starred expressions in assignment", e);
        }
        for (const elt of e.elts) this._checkTarget(elt, use === "del" ? "del" : "for");
        return;
    }
    const what = describeExpression(e);
    if (use === "del") this._error(`cannot delete ${what}`, e);
    const keywordLiteral = startsWithDisplay(e);
    const bitwiseLevel = !(e.kind === "Compare" || e.kind === "BoolOp" || e.kind === "Lambda" || e.kind === "IfExp" || e.kind === "NamedExpr" || e.kind === "GeneratorExp" || (e.kind === "UnaryOp" && e.op === "Not"));
    if (use === "assign" && !keywordLiteral && bitwiseLevel && !this._parenthesized.has(e)) {
      this._error(`cannot assign to ${what} here. Maybe you meant '==' instead of '='?`, e);
    }
    this._error(`cannot assign to ${what}`, e);
  }

  private _parseImport(): A.Import {
    const start = this._start();
    this._next();
    const names: A.Alias[] = [];
    do {
      const aStart = this._start();
      let name = this._expectName();
      while (this._eatOp(".")) name += "." + this._expectName();
      const asname = this._eatKw("as") ? this._expectName() : null;
      names.push({ kind: "Alias", name, asname, line: aStart.line, col: aStart.col, endLine: this._prev().endLine, endCol: this._prev().endCol });
    } while (this._eatOp(","));
    return { kind: "Import", names, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
  }

  private _parseFromImport(): A.ImportFrom {
    const start = this._start();
    this._next();
    let level = 0;
    for (;;) {
      if (this._eatOp(".")) level++;
      else if (this._eatOp("...")) level += 3;
      else break;
    }
    let module: string | null = null;
    if (this._peek().type === T_NAME) {
      module = this._expectName();
      while (this._eatOp(".")) module += "." + this._expectName();
    } else if (level === 0) {
      this._invalidAtToken(this._peek());
    }
    if (!this._eatKw("import")) this._invalidAtToken(this._peek());
    const names: A.Alias[] = [];
    if (this._isOp("*")) {
      const t = this._next();
      names.push({ kind: "Alias", name: "*", asname: null, line: t.line, col: t.col, endLine: t.endLine, endCol: t.endCol });
    } else {
      const paren = this._eatOp("(");
      do {
        if (paren && this._isOp(")")) break;
        const aStart = this._start();
        const name = this._expectName();
        const asname = this._eatKw("as") ? this._expectName() : null;
        names.push({ kind: "Alias", name, asname, line: aStart.line, col: aStart.col, endLine: this._prev().endLine, endCol: this._prev().endCol });
      } while (this._eatOp(","));
      if (paren) this._expectOp(")");
      else if (this._prev().type === T_OPERATOR && this._prev().value === ",") {
        this._error("trailing comma not allowed without surrounding parentheses", this._tokSpan(this._prev()));
      }
    }
    return { kind: "ImportFrom", module, names, level, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
  }

  private _tokSpan(t: Token): A.Span {
    return { line: t.line, col: t.col, endLine: t.endLine, endCol: t.endCol };
  }

  // -------------------------------------------------------------------------------------------
  // Compound statements

  /** `:` then an indented block or simple statements on the same line. */
  private _parseSuite(keyword: Token): A.Stmt[] {
    this._expectOp(":", "expected ':'");
    return this._parseBlock(keyword);
  }

  private _parseBlock(keyword: Token): A.Stmt[] {
    const body: A.Stmt[] = [];
    if (this._peek().type !== T_NEW_LINE) {
      this._parseSimpleStatements(body);
      return body;
    }
    this._next();
    const t = this._peek();
    if (t.type !== T_INDENT) {
      const what = blockNames.get(keyword.value) ?? `'${keyword.value}' statement`;
      this._errorAtToken(t, `expected an indented block after ${what} on line ${keyword.line}`, "IndentationError");
    }
    this._next();
    while (this._peek().type !== T_DEDENT && this._peek().type !== T_END_OF_STREAM) {
      const s = this._peek();
      if (s.type === T_INDENT) this._unexpectedIndent(s);
      this._parseStatementInto(body);
    }
    this._next();
    return body;
  }

  private _endOf(stmts: A.Stmt[], fallback: A.Span): A.Span {
    return stmts.length > 0 ? stmts[stmts.length - 1] : fallback;
  }

  /** `if x = 1:` — CPython's hint for `=` where a condition's `==` was meant. */
  private _checkConditionAssign(test: A.Expr): void {
    if (!this._isOp("=")) return;
    if (test.kind === "Name") this._error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", test);
    if (test.kind !== "Compare" && test.kind !== "BoolOp" && test.kind !== "Lambda" && test.kind !== "IfExp") {
      this._error(`cannot assign to ${describeExpression(test)} here. Maybe you meant '==' instead of '='?`, test);
    }
  }

  private _parseIf(): A.If {
    const kw = this._next();
    const test = this._parseNamedExpression();
    this._checkConditionAssign(test);
    const body = this._parseSuite(kw);
    let orelse: A.Stmt[] = [];
    if (this._isKw("elif")) {
      orelse = [this._parseIf()];
    } else if (this._isKw("else")) {
      const elseKw = this._next();
      orelse = this._parseSuite(elseKw);
    }
    const end = this._endOf(orelse, this._endOf(body, test));
    return { kind: "If", test, body, orelse, ...this._spanOf(this._tokSpan(kw), end) };
  }

  private _parseWhile(): A.While {
    const kw = this._next();
    const test = this._parseNamedExpression();
    this._checkConditionAssign(test);
    const body = this._parseSuite(kw);
    const orelse = this._parseOptionalElse();
    const end = this._endOf(orelse, this._endOf(body, test));
    return { kind: "While", test, body, orelse, ...this._spanOf(this._tokSpan(kw), end) };
  }

  private _parseOptionalElse(): A.Stmt[] {
    if (!this._isKw("else")) return [];
    const elseKw = this._next();
    return this._parseSuite(elseKw);
  }

  private _parseFor(): A.For {
    const kw = this._next();
    const target = this._parseTargetList();
    this._checkTarget(target, "for");
    if (!this._eatKw("in")) this._invalidAtToken(this._peek());
    const iter = this._parseStarExpressions(false);
    const body = this._parseSuite(kw);
    const orelse = this._parseOptionalElse();
    const end = this._endOf(orelse, this._endOf(body, iter));
    return { kind: "For", target, iter, body, orelse, ...this._spanOf(this._tokSpan(kw), end) };
  }

  /** `a, *b` style targets of `for` and comprehensions: stops before `in`. */
  private _parseTargetList(): A.Expr {
    const start = this._start();
    const first = this._parseStarOrBitOr();
    if (!this._isOp(",")) return first;
    const elts = [first];
    while (this._eatOp(",")) {
      if (this._isKw("in") || this._isOp("=")) break;
      elts.push(this._parseStarOrBitOr());
    }
    return { kind: "Tuple", elts, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
  }

  private _parseTry(): A.Try {
    const kw = this._next();
    const body = this._parseSuite(kw);
    const handlers: A.ExceptHandler[] = [];
    while (this._isKw("except")) {
      const exceptKw = this._next();
      if (this._isOp("*")) this._errorAtToken(this._peek(), "Kernel Lab does not support 'except*' (exception groups)");
      let type: A.Expr | null = null;
      let name: string | null = null;
      if (!this._isOp(":")) {
        type = this._parseTest();
        if (this._isOp(",")) {
          const tStart = type;
          const elts = [type];
          while (this._eatOp(",")) elts.push(this._parseTest());
          this._error("multiple exception types must be parenthesized", this._spanOf(tStart, elts[elts.length - 1]));
        }
        if (this._eatKw("as")) name = this._expectName();
      }
      const hBody = this._parseSuite(exceptKw);
      handlers.push({ kind: "ExceptHandler", type, name, body: hBody, ...this._spanOf(this._tokSpan(exceptKw), this._endOf(hBody, this._tokSpan(exceptKw))) });
    }
    for (let i = 0; i < handlers.length - 1; i++) {
      if (handlers[i].type === null) this._error("default 'except:' must be last", handlers[i]);
    }
    const orelse = handlers.length > 0 ? this._parseOptionalElse() : [];
    let finalbody: A.Stmt[] = [];
    if (this._isKw("finally")) {
      const finKw = this._next();
      finalbody = this._parseSuite(finKw);
    }
    if (handlers.length === 0 && finalbody.length === 0) {
      this._errorAtToken(this._peek(), "expected 'except' or 'finally' block");
    }
    let end: A.Span = this._endOf(body, this._tokSpan(kw));
    if (handlers.length > 0) end = handlers[handlers.length - 1];
    end = this._endOf(finalbody, this._endOf(orelse, end));
    return { kind: "Try", body, handlers, orelse, finalbody, ...this._spanOf(this._tokSpan(kw), end) };
  }

  private _parseWith(): A.With {
    const kw = this._next();
    let items: A.WithItem[] | null = null;
    if (this._isOp("(")) {
      // `with (a as b, c as d):` — try the parenthesised form first, fall back to an expression.
      const save = this._index;
      try {
        this._next();
        const parsed: A.WithItem[] = [];
        do {
          if (this._isOp(")")) break;
          parsed.push(this._parseWithItem());
        } while (this._eatOp(","));
        this._expectOp(")");
        if (!this._isOp(":")) throw new Error("not the parenthesised form");
        items = parsed;
      } catch (e) {
        if (!(e instanceof Error)) throw e;
        this._index = save;
        items = null;
      }
    }
    if (items === null) {
      items = [];
      do items.push(this._parseWithItem());
      while (this._eatOp(","));
    }
    const body = this._parseSuite(kw);
    return { kind: "With", items, body, ...this._spanOf(this._tokSpan(kw), this._endOf(body, kw)) };
  }

  private _parseWithItem(): A.WithItem {
    const start = this._start();
    const contextExpr = this._parseTest();
    let optionalVars: A.Expr | null = null;
    if (this._eatKw("as")) {
      optionalVars = this._parseStarOrBitOr();
      this._checkTarget(optionalVars, "for");
    }
    return { kind: "WithItem", contextExpr, optionalVars, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
  }

  private _parseDecorated(): A.Stmt {
    const decorators: A.Expr[] = [];
    while (this._eatOp("@")) {
      decorators.push(this._parseNamedExpression());
      const t = this._peek();
      if (t.type !== T_NEW_LINE) this._invalidAtToken(t);
      this._next();
    }
    if (this._isKw("def")) return this._parseFunctionDef(decorators);
    if (this._isKw("class")) return this._parseClassDef(decorators);
    const t = this._peek();
    if (t.type === T_KEYWORD) this._rejectUnsupportedKeyword(t);
    this._invalidAtToken(t);
  }

  private _parseFunctionDef(decorators: A.Expr[]): A.FunctionDef {
    const kw = this._next();
    const name = this._expectName();
    this._expectOp("(", "expected '('");
    const args = this._parseParameters(")", true);
    this._expectOp(")");
    let returns: A.Expr | null = null;
    if (this._eatOp("->")) returns = this._parseTest();
    this._functionDepth++;
    const body = this._parseSuite(kw);
    this._functionDepth--;
    return { kind: "FunctionDef", name, args, body, decorators, returns, ...this._spanOf(this._tokSpan(kw), this._endOf(body, kw)) };
  }

  private _parseClassDef(decorators: A.Expr[]): A.ClassDef {
    const kw = this._next();
    const name = this._expectName();
    let bases: A.Expr[] = [];
    let keywords: A.Keyword[] = [];
    if (this._eatOp("(")) {
      const parsed = this._parseCallArguments();
      bases = parsed.args;
      keywords = parsed.keywords;
    }
    const saved = this._functionDepth;
    this._functionDepth = 0;
    const body = this._parseSuite(kw);
    this._functionDepth = saved;
    return { kind: "ClassDef", name, bases, keywords, body, decorators, ...this._spanOf(this._tokSpan(kw), this._endOf(body, kw)) };
  }

  /** Parameter list up to (not including) `closer`: `)` for def, `:` for lambda. */
  private _parseParameters(closer: string, allowAnnotations: boolean): A.Arguments {
    const result: A.Arguments = { posonlyargs: [], args: [], vararg: null, kwonlyargs: [], kwDefaults: [], kwarg: null, defaults: [] };
    let sawStar = false;
    let sawSlash = false;
    let starTok: Token | null = null;
    const seen = new Set<string>();
    const parseArg = (): A.Arg => {
      const start = this._start();
      const t = this._peek();
      const arg = this._expectName();
      if (seen.has(arg)) this._error(`duplicate argument '${arg}' in function definition`, this._tokSpan(t));
      seen.add(arg);
      let annotation: A.Expr | null = null;
      if (allowAnnotations && this._eatOp(":")) annotation = this._parseTest();
      return { kind: "Arg", arg, annotation, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
    };
    while (!this._isOp(closer)) {
      if (result.kwarg !== null) this._errorAtToken(this._peek(), "arguments cannot follow var-keyword argument");
      if (this._isOp("**")) {
        this._next();
        result.kwarg = parseArg();
      } else if (this._isOp("*")) {
        if (sawStar) this._errorAtToken(this._peek(), "* argument may appear only once");
        starTok = this._next();
        sawStar = true;
        if (this._peek().type === T_NAME) result.vararg = parseArg();
      } else if (this._isOp("/")) {
        const slash = this._next();
        if (sawSlash) this._errorAtToken(slash, "/ may appear only once");
        if (sawStar) this._errorAtToken(slash, "/ must be ahead of *");
        if (result.args.length === 0) this._errorAtToken(slash, "at least one argument must precede /");
        sawSlash = true;
        result.posonlyargs = result.args;
        result.args = [];
      } else {
        const arg = parseArg();
        let def: A.Expr | null = null;
        if (this._eatOp("=")) def = this._parseTest();
        if (sawStar) {
          result.kwonlyargs.push(arg);
          result.kwDefaults.push(def);
        } else {
          if (def !== null) result.defaults.push(def);
          else if (result.defaults.length > 0) this._error("non-default argument follows default argument", arg);
          result.args.push(arg);
        }
      }
      if (!this._eatOp(",")) break;
    }
    if (sawStar && result.vararg === null && result.kwonlyargs.length === 0 && starTok !== null) {
      this._errorAtToken(starTok, "named arguments must follow bare *");
    }
    if (!this._isOp(closer)) this._invalidAtToken(this._peek());
    return result;
  }

  // -------------------------------------------------------------------------------------------
  // Expressions

  /** True when the next token can begin an expression. */
  private _atExpressionStart(): boolean {
    const t = this._peek();
    switch (t.type) {
      case T_NAME:
      case T_NUMBER:
      case T_STRING:
        return true;
      case T_KEYWORD:
        return t.value === "None" || t.value === "True" || t.value === "False" || t.value === "not" || t.value === "lambda" || t.value === "await" || t.value === "yield";
      case T_OPERATOR:
        return t.value === "(" || t.value === "[" || t.value === "{" || t.value === "-" || t.value === "+" || t.value === "~" || t.value === "*" || t.value === "..." || t.value === "**";
      default:
        return false;
    }
  }

  /** `star_expressions`: one expression, or an unparenthesised tuple when commas follow. */
  private _parseStarExpressions(allowNamed: boolean): A.Expr {
    const start = this._start();
    const first = this._parseStarOrTest(allowNamed);
    if (!this._isOp(",")) return first;
    const elts = [first];
    while (this._eatOp(",")) {
      if (!this._atExpressionStart()) break;
      elts.push(this._parseStarOrTest(allowNamed));
    }
    return { kind: "Tuple", elts, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
  }

  private _parseStarOrTest(allowNamed: boolean): A.Expr {
    if (this._isOp("*")) {
      const start = this._start();
      this._next();
      const value = this._parseBitOr();
      return { kind: "Starred", value, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
    }
    return allowNamed ? this._parseNamedExpression() : this._parseTest();
  }

  private _parseStarOrBitOr(): A.Expr {
    if (this._isOp("*")) {
      const start = this._start();
      this._next();
      const value = this._parseBitOr();
      return { kind: "Starred", value, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
    }
    return this._parseBitOr();
  }

  /** `name := value` or a plain test. */
  private _parseNamedExpression(): A.Expr {
    if (this._peek().type === T_NAME && this._isOp(":=", 1)) {
      const start = this._start();
      const nameTok = this._next();
      this._next();
      const value = this._parseTest();
      const target: A.Name = { kind: "Name", id: nameTok.value, line: nameTok.line, col: nameTok.col, endLine: nameTok.endLine, endCol: nameTok.endCol };
      return { kind: "NamedExpr", target, value, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
    }
    const e = this._parseTest();
    if (this._isOp(":=")) {
      this._error(`cannot use assignment expressions with ${describeExpression(e)}`, e);
    }
    return e;
  }

  /** `test`: lambda, or a disjunction optionally followed by `if ... else ...`. */
  /** Enter a recursive expression rule; errors abort the parse, so no matching exit on throw is needed. */
  private _deeper(): void {
    if (++this._exprDepth > MAX_EXPRESSION_DEPTH) {
      this._errorAtToken(this._peek(), `expression nested too deeply (Kernel Lab allows ${MAX_EXPRESSION_DEPTH} levels)`);
    }
  }

  private _parseTest(): A.Expr {
    this._deeper();
    const e = this._parseTestInner();
    this._exprDepth--;
    return e;
  }

  private _parseTestInner(): A.Expr {
    if (this._isKw("lambda")) return this._parseLambda();
    const start = this._start();
    const body = this._parseOr();
    if (this._isKw("if")) {
      this._next();
      const test = this._parseOr();
      if (!this._eatKw("else")) {
        this._error("expected 'else' after 'if' expression", this._span(start));
      }
      const orelse = this._parseTest();
      return { kind: "IfExp", test, body, orelse, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
    }
    return body;
  }

  private _parseTestNoCond(): A.Expr {
    if (this._isKw("lambda")) return this._parseLambda();
    return this._parseOr();
  }

  /** `yield`, `yield expr[, expr...]` or `yield from expr` (the keyword is the next token). */
  private _parseYield(): A.Yield | A.YieldFrom {
    const start = this._start();
    this._next();
    if (this._eatKw("from")) {
      const value = this._parseTest();
      return { kind: "YieldFrom", value, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
    }
    const value = this._atExpressionStart() ? this._parseStarExpressions(false) : null;
    return { kind: "Yield", value, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
  }

  private _parseLambda(): A.Lambda {
    const start = this._start();
    this._next();
    const args = this._parseParameters(":", false);
    this._expectOp(":");
    const savedDepth = this._functionDepth;
    const savedLambda = this._inLambda;
    this._functionDepth = 1;
    this._inLambda = true;
    const body = this._parseTest();
    this._functionDepth = savedDepth;
    this._inLambda = savedLambda;
    return { kind: "Lambda", args, body, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
  }

  private _parseOr(): A.Expr {
    const start = this._start();
    const first = this._parseAnd();
    if (!this._isKw("or")) return first;
    const values = [first];
    while (this._eatKw("or")) values.push(this._parseAnd());
    return { kind: "BoolOp", op: "Or", values, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
  }

  private _parseAnd(): A.Expr {
    const start = this._start();
    const first = this._parseNot();
    if (!this._isKw("and")) return first;
    const values = [first];
    while (this._eatKw("and")) values.push(this._parseNot());
    return { kind: "BoolOp", op: "And", values, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
  }

  private _parseNot(): A.Expr {
    if (this._isKw("not")) {
      const start = this._start();
      this._next();
      this._deeper();
      const operand = this._parseNot();
      this._exprDepth--;
      return { kind: "UnaryOp", op: "Not", operand, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
    }
    return this._parseComparison();
  }

  private _parseComparison(): A.Expr {
    const start = this._start();
    const left = this._parseBitOr();
    const ops: A.CompareOperator[] = [];
    const comparators: A.Expr[] = [];
    for (;;) {
      const t = this._peek();
      let op: A.CompareOperator | undefined;
      if (t.type === T_OPERATOR) {
        op = compareOps.get(t.value);
        if (op !== undefined) this._next();
      } else if (t.type === T_KEYWORD) {
        if (t.value === "in") {
          this._next();
          op = "In";
        } else if (t.value === "not" && this._isKw("in", 1)) {
          this._next();
          this._next();
          op = "NotIn";
        } else if (t.value === "is") {
          this._next();
          op = this._eatKw("not") ? "IsNot" : "Is";
        }
      }
      if (op === undefined) break;
      ops.push(op);
      comparators.push(this._parseBitOr());
    }
    if (ops.length === 0) return left;
    return { kind: "Compare", left, ops, comparators, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
  }

  private _parseBitOr(): A.Expr {
    const start = this._start();
    let left = this._parseBitXor();
    let links = 0;
    while (this._eatOp("|")) {
      this._deeper();
      links++;
      const right = this._parseBitXor();
      left = { kind: "BinOp", left, op: "BitOr", right, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
    }
    this._exprDepth -= links;
    return left;
  }

  private _parseBitXor(): A.Expr {
    const start = this._start();
    let left = this._parseBitAnd();
    let links = 0;
    while (this._eatOp("^")) {
      this._deeper();
      links++;
      const right = this._parseBitAnd();
      left = { kind: "BinOp", left, op: "BitXor", right, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
    }
    this._exprDepth -= links;
    return left;
  }

  private _parseBitAnd(): A.Expr {
    const start = this._start();
    let left = this._parseShift();
    let links = 0;
    while (this._eatOp("&")) {
      this._deeper();
      links++;
      const right = this._parseShift();
      left = { kind: "BinOp", left, op: "BitAnd", right, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
    }
    this._exprDepth -= links;
    return left;
  }

  private _parseShift(): A.Expr {
    const start = this._start();
    let left = this._parseArith();
    let links = 0;
    for (;;) {
      const op: A.BinaryOperator | null = this._isOp("<<") ? "LShift" : this._isOp(">>") ? "RShift" : null;
      if (op === null) {
        this._exprDepth -= links;
        return left;
      }
      this._next();
      this._deeper();
      links++;
      const right = this._parseArith();
      left = { kind: "BinOp", left, op, right, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
    }
  }

  private _parseArith(): A.Expr {
    const start = this._start();
    let left = this._parseTerm();
    let links = 0;
    for (;;) {
      const op: A.BinaryOperator | null = this._isOp("+") ? "Add" : this._isOp("-") ? "Sub" : null;
      if (op === null) {
        this._exprDepth -= links;
        return left;
      }
      this._next();
      this._deeper();
      links++;
      const right = this._parseTerm();
      left = { kind: "BinOp", left, op, right, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
    }
  }

  private _parseTerm(): A.Expr {
    const start = this._start();
    let left = this._parseFactor();
    let links = 0;
    for (;;) {
      const t = this._peek();
      const op = t.type === T_OPERATOR ? termOps.get(t.value) : undefined;
      if (op === undefined) {
        this._exprDepth -= links;
        return left;
      }
      this._next();
      this._deeper();
      links++;
      const right = this._parseFactor();
      left = { kind: "BinOp", left, op, right, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
    }
  }

  private _parseFactor(): A.Expr {
    const t = this._peek();
    if (t.type === T_OPERATOR && (t.value === "-" || t.value === "+" || t.value === "~")) {
      const start = this._start();
      this._next();
      this._deeper();
      const operand = this._parseFactor();
      this._exprDepth--;
      const op: A.UnaryOperator = t.value === "-" ? "USub" : t.value === "+" ? "UAdd" : "Invert";
      return { kind: "UnaryOp", op, operand, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
    }
    return this._parsePower();
  }

  private _parsePower(): A.Expr {
    const start = this._start();
    if (this._isKw("await")) this._rejectUnsupportedKeyword(this._peek());
    const base = this._parsePrimary();
    if (this._eatOp("**")) {
      this._deeper();
      const exponent = this._parseFactor();
      this._exprDepth--;
      return { kind: "BinOp", left: base, op: "Pow", right: exponent, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
    }
    return base;
  }

  private _parsePrimary(): A.Expr {
    const start = this._start();
    let e = this._parseAtom();
    let links = 0;
    for (;;) {
      const t = this._peek();
      if (t.type !== T_OPERATOR || (t.value !== "." && t.value !== "(" && t.value !== "[")) {
        this._exprDepth -= links;
        return e;
      }
      this._deeper();
      links++;
      if (t.value === ".") {
        this._next();
        const attr = this._expectName();
        e = { kind: "Attribute", value: e, attr, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
      } else if (t.value === "(") {
        this._next();
        const { args, keywords } = this._parseCallArguments();
        e = { kind: "Call", func: e, args, keywords, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
        this._fixSoleGeneratorSpan(e);
      } else if (t.value === "[") {
        this._next();
        const slice = this._parseSubscriptList();
        this._expectOp("]");
        e = { kind: "Subscript", value: e, slice, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
      }
    }
  }

  /** CPython gives `f(x for x in y)`'s generator the span of the call's parentheses. */
  private _fixSoleGeneratorSpan(call: A.Call): void {
    if (call.args.length !== 1 || call.keywords.length !== 0) return;
    const g = call.args[0];
    if (g.kind !== "GeneratorExp" || this._parenthesized.has(g) || !this._soleGenerators.has(g)) return;
    g.line = call.func.endLine;
    g.col = call.func.endCol;
    g.endLine = call.endLine;
    g.endCol = call.endCol;
  }

  private readonly _soleGenerators = new Set<A.Expr>();

  /** Arguments after `(` up to and including `)`. */
  private _parseCallArguments(): { args: A.Expr[]; keywords: A.Keyword[] } {
    const args: A.Expr[] = [];
    const keywords: A.Keyword[] = [];
    let sawKeyword = false;
    let sawDoubleStar = false;
    while (!this._isOp(")")) {
      const start = this._start();
      if (this._isOp("**")) {
        this._next();
        const value = this._parseTest();
        keywords.push({ kind: "Keyword", arg: null, value, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol });
        sawDoubleStar = true;
      } else if (this._isOp("*")) {
        this._next();
        const value = this._parseTest();
        const starred: A.Starred = { kind: "Starred", value, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
        if (sawDoubleStar) this._error("iterable argument unpacking follows keyword argument unpacking", starred);
        args.push(starred);
      } else if (this._peek().type === T_NAME && this._isOp("=", 1)) {
        const nameTok = this._next();
        this._next();
        const value = this._parseTest();
        keywords.push({ kind: "Keyword", arg: nameTok.value, value, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol });
        sawKeyword = true;
      } else {
        const value = this._parseNamedExpression();
        if (this._isOp("=")) {
          this._error('expression cannot contain assignment, perhaps you meant "=="?', this._spanOf(value, this._tokSpan(this._peek())));
        }
        if (this._isKw("for")) {
          const gen = this._parseComprehensionTail("GeneratorExp", value, start);
          if (args.length > 0 || keywords.length > 0 || !this._isOp(")")) {
            if (this._isOp(",") && !(args.length === 0 && keywords.length === 0 && this._isOp(")", 1))) {
              this._error("Generator expression must be parenthesized", gen);
            }
          }
          this._soleGenerators.add(gen);
          args.push(gen);
        } else {
          // CPython locates these at the token after the offending argument.
          const after = this._tokSpan(this._peek());
          if (sawDoubleStar) this._error("positional argument follows keyword argument unpacking", after);
          if (sawKeyword) this._error("positional argument follows keyword argument", after);
          args.push(value);
        }
      }
      if (!this._eatOp(",")) {
        if (!this._isOp(")") && this._atExpressionStart() && args.length + keywords.length > 0) {
          const prev = args.length > 0 ? args[args.length - 1] : keywords[keywords.length - 1];
          const nextExpr = this._parseTest();
          this._forgotComma(prev, nextExpr);
        }
        break;
      }
    }
    this._expectOp(")");
    return { args, keywords };
  }

  /** The inside of `[...]` after a primary: one index, a slice, or a tuple of them. */
  private _parseSubscriptList(): A.Expr {
    const start = this._start();
    const first = this._parseSubscriptItem();
    if (!this._isOp(",")) {
      // `a[*b]` indexes with a tuple even without a comma.
      return first.kind === "Starred" ? { kind: "Tuple", elts: [first], line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol } : first;
    }
    const elts = [first];
    while (this._eatOp(",")) {
      if (this._isOp("]")) break;
      elts.push(this._parseSubscriptItem());
    }
    return { kind: "Tuple", elts, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
  }

  private _parseSubscriptItem(): A.Expr {
    const start = this._start();
    if (this._isOp("*")) return this._parseStarOrTest(false);
    let lower: A.Expr | null = null;
    if (!this._isOp(":")) {
      lower = this._parseNamedExpression();
      if (!this._isOp(":")) return lower;
    }
    this._next();
    let upper: A.Expr | null = null;
    let step: A.Expr | null = null;
    if (!this._isOp(":") && !this._isOp(",") && !this._isOp("]")) upper = this._parseTest();
    if (this._eatOp(":")) {
      if (!this._isOp(",") && !this._isOp("]")) step = this._parseTest();
    }
    return { kind: "Slice", lower, upper, step, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
  }

  private _parseAtom(): A.Expr {
    const t = this._peek();
    const start = this._start();
    switch (t.type) {
      case T_NAME:
        this._next();
        return { kind: "Name", id: t.value, line: t.line, col: t.col, endLine: t.endLine, endCol: t.endCol };
      case T_NUMBER:
        this._next();
        return { kind: "Constant", value: numberValue(t.value), line: t.line, col: t.col, endLine: t.endLine, endCol: t.endCol };
      case T_STRING:
        return this._parseStrings();
      case T_KEYWORD:
        switch (t.value) {
          case "None":
            this._next();
            return { kind: "Constant", value: { type: "None" }, line: t.line, col: t.col, endLine: t.endLine, endCol: t.endCol };
          case "True":
          case "False":
            this._next();
            return { kind: "Constant", value: { type: "bool", value: t.value === "True" }, line: t.line, col: t.col, endLine: t.endLine, endCol: t.endCol };
          case "yield":
            // "'yield' outside function" and "inside list comprehension" come from scope analysis.
            if (this._inLambda) this._errorAtToken(t, "Kernel Lab does not support 'yield' inside a lambda");
            return this._parseYield();
          default:
            this._rejectUnsupportedKeyword(t);
        }
        break;
      case T_OPERATOR:
        switch (t.value) {
          case "(":
            return this._parseParenthesized();
          case "[":
            return this._parseListDisplay();
          case "{":
            return this._parseBraceDisplay();
          case "...":
            this._next();
            return { kind: "Constant", value: { type: "Ellipsis" }, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
        }
        break;
    }
    this._invalidAtToken(t);
  }

  private _parseParenthesized(): A.Expr {
    const start = this._start();
    this._next();
    if (this._eatOp(")")) return { kind: "Tuple", elts: [], line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
    if (this._isKw("yield")) {
      const y = this._parseAtom();
      this._expectOp(")");
      this._parenthesized.add(y);
      return y;
    }
    const first = this._parseStarOrTest(true);
    if (this._isKw("for")) {
      const gen = this._parseComprehensionTail("GeneratorExp", first, start);
      this._expectOp(")");
      const spanned = { ...gen, ...this._span(start) };
      this._parenthesized.add(spanned);
      return spanned;
    }
    if (this._eatOp(")")) {
      if (first.kind === "Starred") this._error("cannot use starred expression here", first);
      this._parenthesized.add(first);
      return first;
    }
    if (!this._isOp(",")) this._expectCommaOrClose(first, ")");
    const elts = [first];
    while (this._eatOp(",")) {
      if (this._isOp(")")) break;
      elts.push(this._parseStarOrTest(true));
      if (!this._isOp(",") && !this._isOp(")")) this._expectCommaOrClose(elts[elts.length - 1], ")");
    }
    this._expectOp(")");
    const tuple: A.Tuple = { kind: "Tuple", elts, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
    this._parenthesized.add(tuple);
    return tuple;
  }

  /**
   * Two expressions side by side in brackets. When the bracket is never closed and the second
   * expression is on a later line, the missing bracket is the likelier mistake (CPython agrees).
   */
  private _forgotComma(prev: A.Span, next: A.Span): never {
    const open = this._unclosed;
    if (open !== null && next.line > open.line) {
      this._error(`'${open.char}' was never closed`, { line: open.line, col: open.col, endLine: open.line, endCol: open.col + 1 });
    }
    this._error("invalid syntax. Perhaps you forgot a comma?", this._spanOf(prev, next));
  }

  /** After an element inside brackets: anything but `,` or the closer is an error. */
  private _expectCommaOrClose(prev: A.Expr, closer: string): void {
    if (this._isOp(closer) || this._isOp(",")) return;
    if (this._atExpressionStart()) {
      const next = this._parseTest();
      this._forgotComma(prev, next);
    }
    this._invalidAtToken(this._peek());
  }

  private _parseListDisplay(): A.Expr {
    const start = this._start();
    this._next();
    if (this._eatOp("]")) return { kind: "List", elts: [], line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
    const first = this._parseStarOrTest(true);
    if (this._isKw("for")) {
      const comp = this._parseComprehensionTail("ListComp", first, start);
      this._expectOp("]");
      return { ...comp, ...this._span(start) };
    }
    const elts = [first];
    this._expectCommaOrClose(first, "]");
    while (this._eatOp(",")) {
      if (this._isOp("]")) break;
      elts.push(this._parseStarOrTest(true));
      this._expectCommaOrClose(elts[elts.length - 1], "]");
    }
    this._expectOp("]");
    return { kind: "List", elts, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
  }

  private _parseBraceDisplay(): A.Expr {
    const start = this._start();
    this._next();
    if (this._eatOp("}")) return { kind: "Dict", keys: [], values: [], line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
    // Dict: `k: v`, `**m`; set: anything else.
    if (this._isOp("**")) return this._parseDictRest(start, null, null);
    const first = this._parseStarOrTest(true);
    if (this._eatOp(":")) {
      const value = this._parseTest();
      if (this._isKw("for")) {
        const generators = this._parseComprehensionClauses();
        this._expectOp("}");
        return { kind: "DictComp", key: first, value, generators, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
      }
      return this._parseDictRest(start, first, value);
    }
    if (this._isKw("for")) {
      const comp = this._parseComprehensionTail("SetComp", first, start);
      this._expectOp("}");
      return { ...comp, ...this._span(start) };
    }
    const elts = [first];
    this._expectCommaOrClose(first, "}");
    while (this._eatOp(",")) {
      if (this._isOp("}")) break;
      elts.push(this._parseStarOrTest(true));
      this._expectCommaOrClose(elts[elts.length - 1], "}");
    }
    this._expectOp("}");
    return { kind: "Set", elts, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
  }

  private _parseDictRest(start: Start, firstKey: A.Expr | null, firstValue: A.Expr | null): A.Dict {
    const keys: (A.Expr | null)[] = [];
    const values: A.Expr[] = [];
    if (firstValue !== null) {
      keys.push(firstKey);
      values.push(firstValue);
      if (!this._eatOp(",")) {
        this._expectCommaOrClose(firstValue, "}");
        this._expectOp("}");
        return { kind: "Dict", keys, values, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
      }
    }
    while (!this._isOp("}")) {
      if (this._eatOp("**")) {
        keys.push(null);
        values.push(this._parseBitOr());
      } else {
        const key = this._parseTest();
        if (!this._isOp(":")) {
          if (this._isOp(",") || this._isOp("}")) this._error("':' expected after dictionary key", key);
          this._invalidAtToken(this._peek());
        }
        this._next();
        keys.push(key);
        values.push(this._parseTest());
      }
      if (!this._eatOp(",")) break;
    }
    this._expectOp("}");
    return { kind: "Dict", keys, values, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol };
  }

  private _parseComprehensionTail<K extends "ListComp" | "SetComp" | "GeneratorExp">(
    kind: K,
    elt: A.Expr,
    start: Start,
  ): A.ListComp | A.SetComp | A.GeneratorExp {
    if (elt.kind === "Starred") this._error("iterable unpacking cannot be used in comprehension", elt);
    const generators = this._parseComprehensionClauses();
    return { kind, elt, generators, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol } as A.ListComp | A.SetComp | A.GeneratorExp;
  }

  private _parseComprehensionClauses(): A.Comprehension[] {
    const generators: A.Comprehension[] = [];
    while (this._isKw("for") || this._isKw("async")) {
      if (this._isKw("async")) this._rejectUnsupportedKeyword(this._peek());
      const start = this._start();
      this._next();
      const target = this._parseTargetList();
      this._checkTarget(target, "for");
      if (!this._eatKw("in")) this._invalidAtToken(this._peek());
      const iter = this._parseTestNoCond();
      const ifs: A.Expr[] = [];
      while (this._eatKw("if")) ifs.push(this._parseTestNoCond());
      generators.push({ kind: "Comprehension", target, iter, ifs, line: start.line, col: start.col, endLine: this._prev().endLine, endCol: this._prev().endCol });
    }
    return generators;
  }

  /** Adjacent string literals are one expression; any f-string makes the result a JoinedStr. */
  private _parseStrings(): A.Expr {
    const first = this._peek();
    const parts: (A.Constant | A.FormattedValue)[] = [];
    let isJoined = false;
    let last = first;
    while (this._peek().type === T_STRING) {
      last = this._next();
      const parsed = parseStringToken(last, this._filename, this._source);
      if (parsed.isFString) isJoined = true;
      for (const p of parsed.parts) parts.push(p);
    }
    const span: A.Span = { line: first.line, col: first.col, endLine: last.endLine, endCol: last.endCol };
    if (!isJoined) {
      let text = "";
      for (const p of parts) if (p.kind === "Constant" && p.value.type === "str") text += p.value.value;
      return { kind: "Constant", value: { type: "str", value: text }, ...span };
    }
    // Merge adjacent literal pieces; CPython gives every piece the span of the whole literal.
    const values: (A.Constant | A.FormattedValue)[] = [];
    let pending: string | null = null;
    for (const p of parts) {
      if (p.kind === "Constant" && p.value.type === "str") {
        pending = (pending ?? "") + p.value.value;
        continue;
      }
      if (pending !== null && pending !== "") values.push({ kind: "Constant", value: { type: "str", value: pending }, ...span });
      pending = null;
      values.push({ ...p, ...span });
    }
    if (pending !== null && pending !== "") values.push({ kind: "Constant", value: { type: "str", value: pending }, ...span });
    return { kind: "JoinedStr", values, ...span };
  }
}

function numberValue(text: string): A.ConstantValue {
  const clean = text.includes("_") ? text.replace(/_/g, "") : text;
  const c1 = clean.length > 1 ? clean[1].toLowerCase() : "";
  if (clean[0] === "0" && (c1 === "x" || c1 === "o" || c1 === "b")) {
    return { type: "int", value: BigInt(clean[0] + c1 + clean.slice(2)) };
  }
  if (/[.eE]/.test(clean)) return { type: "float", value: Number(clean) };
  return { type: "int", value: BigInt(clean) };
}

/**
 * CPython only suggests `==` for `target = value` when the target does not begin with a list,
 * tuple, generator or None/True/False atom (its invalid_named_expression rule).
 */
function startsWithDisplay(e: A.Expr): boolean {
  let cur: A.Expr = e;
  for (;;) {
    switch (cur.kind) {
      case "Call":
        cur = cur.func;
        continue;
      case "Attribute":
      case "Subscript":
        cur = cur.value;
        continue;
      case "BinOp":
        cur = cur.left;
        continue;
      case "List":
      case "Tuple":
      case "GeneratorExp":
        return true;
      case "Constant":
        return cur.value.type === "None" || cur.value.type === "bool";
      default:
        return false;
    }
  }
}
