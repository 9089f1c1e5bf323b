/*
 * AST -> JavaScript source. The output is the body of `function ($rt, $g)`: every Python
 * operation is a method call on the runtime protocol object `$rt` (lib/python/runtime/protocol.ts,
 * whose header comment fixes the code shapes used here), module variables are cells from `$g`, and
 * Python locals are JS `let`s so V8 can optimise hot loops. User identifiers are mangled
 * (./names.ts) and user strings are emitted with JSON.stringify: nothing from the source is ever
 * spliced into the JS text raw.
 */

import type * as A from "../parser/ast";
import { PythonSyntaxError } from "../parser/syntaxError";
import { sourceLine } from "../parser/tokenizer";
import { fileBase, packLocation, POSITION_STRIDE } from "../runtime/locations";
import type { CodeInfo, ParamSpec } from "../runtime/protocol";
import { globalCellName, jsString, localName } from "./names";
import { containsGenerator, reachesNative, statementReachesNative, targetReachesNative } from "./native-reach";
import { isFutureImport, Scope, type ScopeNode, type ScopeTable } from "./scope";

export type CompileMode = "module" | "cell";

const binaryOps: Record<A.BinaryOperator, string> = {
  Add: "add", Sub: "sub", Mult: "mul", Div: "truediv", FloorDiv: "floordiv", Mod: "mod", Pow: "pow",
  MatMult: "matmul", LShift: "lshift", RShift: "rshift", BitAnd: "and", BitOr: "or", BitXor: "xor",
};

const compareOps: Record<"Eq" | "NotEq" | "Lt" | "LtE" | "Gt" | "GtE", string> = {
  Eq: "eq", NotEq: "ne", Lt: "lt", LtE: "le", Gt: "gt", GtE: "ge",
};

const unaryOps: Record<"USub" | "UAdd" | "Invert", string> = { USub: "neg", UAdd: "pos", Invert: "invert" };

interface LoopLabels {
  breakLabel: string;
  continueLabel: string;
}

/** Per-JS-function state: temporaries, loop labels, the scope whose names it resolves. */
class FunctionContext {
  readonly scope: Scope;
  readonly codeVar: string;
  private tempCount = 0;
  readonly temps: string[] = [];
  readonly loops: LoopLabels[] = [];
  /** For methods: the JS variable that will hold the class (zero-argument `super()`). */
  readonly classVar: string | null;
  /** The JS variable of the class namespace Map in class bodies. */
  readonly nsVar: string | null;
  /** Locals certainly assigned at the point being compiled: their reads skip the unbound check. */
  bound: ReadonlySet<string> = new Set();
  /**
   * Whether the frame publishes its line in the runtime's per-depth location table (./native-reach.ts).
   * Generator expressions do not: they have no fixed depth.
   */
  readonly publishes: boolean;
  /**
   * The function's position table (CodeInfo.positions): 6 numbers per entry, see `pos`. `$ln`
   * holds an index into it.
   */
  readonly positions: number[];
  private readonly positionIndex = new Map<string, number>();
  /** Position index of the statement being compiled (the default for operations CPython attributes to it). */
  stmtPos = 0;

  constructor(scope: Scope, codeVar: string, positions: number[], classVar: string | null, nsVar: string | null, generator = false) {
    this.scope = scope;
    this.codeVar = codeVar;
    this.positions = positions;
    this.classVar = classVar;
    this.nsVar = nsVar;
    this.publishes = !generator;
  }

  temp(): string {
    const t = `$t${++this.tempCount}`;
    this.temps.push(t);
    return t;
  }

  /** The index of `span` in the position table; `alt` is the `obj.name` part of a method call. */
  pos(span: A.Span, alt: A.Span | null = null): number {
    const entry = [span.line, span.col, span.endLine, span.endCol, alt === null ? -1 : alt.endLine, alt === null ? -1 : alt.endCol];
    const key = entry.join(",");
    let i = this.positionIndex.get(key);
    if (i === undefined) {
      i = this.positions.length / POSITION_STRIDE;
      this.positions.push(...entry);
      this.positionIndex.set(key, i);
    }
    return i;
  }

  /** Declare a uniquely named variable (one nested functions refer to, so it must not be shadowed). */
  declare(name: string): string {
    this.temps.push(name);
    return name;
  }
}

export class CodeGenerator {
  private readonly filename: string;
  private readonly fileBase: number;
  private readonly source: string;
  private readonly table: ScopeTable;
  /**
   * Hoisted module-level declarations: code infos, float constants, global cells. Code infos are
   * rendered at the end, once their functions' position tables are complete.
   */
  private readonly header: (string | (() => string))[] = [];
  private readonly globalCells = new Map<string, string>();
  private readonly floatConsts = new Map<string, string>();
  private codeCount = 0;
  private siteCount = 0;
  private labelCount = 0;
  private ctx!: FunctionContext;
  /**
   * Inside an expression spanning several lines: every operation that can raise first sets the
   * frame's line to its own line (after evaluating its operands), as CPython 3.11 reports the failing
   * sub-expression's line. Off for single-line code, which keeps the statement's line.
   */
  private trackLines = false;
  /** The line the code being generated runs at (the statement's, or the sub-expression's when tracking). */
  private lineNow = 1;

  constructor(filename: string, source: string, table: ScopeTable) {
    this.filename = filename;
    this.source = source;
    this.table = table;
    this.fileBase = fileBase(filename);
  }

  // -------------------------------------------------------------------------------------------
  // Entry

  compileModule(module: A.Module, mode: CompileMode): string {
    const scope = this.table.module;
    const positions: number[] = [];
    const codeVar = this.codeInfo("<module>", "<module>", 1, { positional: [], posonly: 0, varargs: null, kwonly: [], varkw: null }, positions);
    this.ctx = new FunctionContext(scope, codeVar, positions, null, null);
    let body = module.body;
    let result = "";
    if (mode === "cell" && body.length > 0 && body[body.length - 1].kind === "Expr" && !endsWithSemicolon(body[body.length - 1], this.source)) {
      const last = body[body.length - 1] as A.ExprStmt;
      body = body.slice(0, -1);
      result = `${this.setLine(last)};\n${this.publishIf(reachesNative(last.value))}return ${this.expr(last.value)};\n`;
    }
    const doc = docstring(module.body);
    const code = (doc === null ? "" : `${this.globalCell("__doc__")}.v = ${jsString(doc)};\n`) + this.block(body) + result;
    const temps = this.ctx.temps.length > 0 ? `let ${this.ctx.temps.join(", ")};\n` : "";
    const first = this.ctx.pos(module.body.length > 0 ? module.body[0] : { line: 1, col: 0, endLine: 1, endCol: 0 });
    const header = this.header.map((h) => (typeof h === "string" ? h : h())).join("\n");
    return (
      `"use strict";\n${header}\nconst $L = $rt.lines;\nconst $f = 0;\n` +
      `let $ln = ${first};\n${temps}` +
      `try {\n${code}} catch ($e) {\nthrow $rt.traceback($e, ${codeVar}, $ln, $f);\n}\n`
    );
  }

  // -------------------------------------------------------------------------------------------
  // Helpers

  private error(msg: string, at: A.Span): never {
    throw new PythonSyntaxError("SyntaxError", msg, this.filename, at, sourceLine(this.source, at.line));
  }

  private codeInfo(name: string, qualname: string, firstLine: number, params: ParamSpec, positions: number[], varnames?: string[]): string {
    const v = `$code${this.codeCount++}`;
    this.header.push(() => {
      const info: CodeInfo = { name, qualname, filename: this.filename, firstLine, params, positions, ...(varnames === undefined ? {} : { varnames }) };
      return `const ${v} = ${JSON.stringify(info)};`;
    });
    return v;
  }

  /** A module-level inline cache for one attribute access (see AttrSite in runtime/objects.ts). */
  private attrSite(): string {
    const v = `$s${this.siteCount++}`;
    this.header.push(`const ${v} = $rt.attrSite();`);
    return v;
  }

  private label(prefix: string): string {
    return `$${prefix}${++this.labelCount}`;
  }

  private globalCell(name: string): string {
    let v = this.globalCells.get(name);
    if (v === undefined) {
      v = globalCellName(name);
      this.globalCells.set(name, v);
      this.header.push(`const ${v} = $g.cell(${jsString(name)});`);
    }
    return v;
  }

  private readonly builtinCaches = new Map<string, string>();

  /**
   * A module-level slot caching what `globalMiss` found for an unbound global: a builtin such as
   * `len` or `range`. Builtins never change (Kernel Lab has no `builtins` module to patch), and a
   * later module-level binding of the same name wins because the cell is read first.
   */
  private builtinCache(name: string): string {
    let v = this.builtinCaches.get(name);
    if (v === undefined) {
      v = `$b_${globalCellName(name).slice(2)}`;
      this.builtinCaches.set(name, v);
      this.header.push(`let ${v};`);
    }
    return v;
  }

  private scopeOf(node: ScopeNode): Scope {
    const s = this.table.scopes.get(node);
    if (s === undefined) throw new Error(`internal: no scope for ${node.kind}`);
    return s;
  }

  // -------------------------------------------------------------------------------------------
  // Names

  /** Read a variable; `at` is the Name node (NameError points at it), else the statement. */
  private load(name: string, at: A.Span | null = null): string {
    const scope = this.ctx.scope;
    const b = scope.binding(name);
    const local = localName(name);
    const store = (): string => (at === null ? this.atStmt() : this.opAt(at));
    switch (b) {
      case "local":
        if (this.ctx.bound.has(name)) return local;
        if (scope.params.includes(name) && !this.isDeleted(scope, name)) return local;
        return `(${local} === undefined ? (${store()}$rt.unboundLocal(${jsString(name)})) : ${local})`;
      case "free":
        return `(${local} === undefined ? (${store()}$rt.unboundFree(${jsString(name)})) : ${local})`;
      case "global": {
        const cell = this.globalCell(name);
        return `(${cell}.v ?? ${this.builtinCache(name)} ?? (${this.builtinCache(name)} = (${store()}$rt.globalMiss(${cell}, ${this.ctx.codeVar}, $g))))`;
      }
      case "classLocal":
      case "classGlobal":
        return `(${store()}$rt.classLoad(${this.ns()}, $g, ${this.attrName(name)}))`;
      case "classFree":
        return `(${this.ns()}.get(${this.attrName(name)}) ?? (${local} === undefined ? (${store()}$rt.unboundFree(${jsString(name)})) : ${local}))`;
    }
  }

  private readonly deletedCache = new Map<Scope, Set<string>>();

  /** Parameters are always bound unless the function deletes them. */
  private isDeleted(scope: Scope, name: string): boolean {
    let set = this.deletedCache.get(scope);
    if (set === undefined) {
      set = new Set();
      const node = scope.node;
      if (node.kind === "FunctionDef") collectDeleted(node.body, set);
      this.deletedCache.set(scope, set);
    }
    return set.has(name);
  }

  /**
   * The JS string literal for an attribute or class-namespace name, with CPython's private name
   * mangling: inside class `C`, `__x` (not ending in `__`) is `_C__x`.
   */
  private attrName(name: string): string {
    if (!name.startsWith("__") || name.endsWith("__")) return jsString(name);
    for (let sc: Scope | null = this.ctx.scope; sc !== null; sc = sc.parent) {
      if (sc.kind !== "class") continue;
      const owner = sc.name.replace(/^_+/, "");
      return jsString(owner === "" ? name : `_${owner}${name}`);
    }
    return jsString(name);
  }

  private ns(): string {
    if (this.ctx.nsVar === null) throw new Error("internal: class name outside a class body");
    return this.ctx.nsVar;
  }

  /** An expression assigning `value` (a JS expression) to a name; evaluates to the value. */
  private storeExpr(name: string, value: string): string {
    const b = this.ctx.scope.binding(name);
    switch (b) {
      case "local":
      case "free":
        return `(${localName(name)} = ${value})`;
      case "global":
        return `(${this.globalCell(name)}.v = ${value})`;
      default: {
        const t = this.ctx.temp();
        return `(${t} = ${value}, ${this.ns()}.set(${this.attrName(name)}, ${t}), ${t})`;
      }
    }
  }

  private storeStmt(name: string, value: string): string {
    const b = this.ctx.scope.binding(name);
    switch (b) {
      case "local":
      case "free":
        return `${localName(name)} = ${value};\n`;
      case "global":
        return `${this.globalCell(name)}.v = ${value};\n`;
      default:
        return `${this.ns()}.set(${this.attrName(name)}, ${value});\n`;
    }
  }

  /** `del name`; the NameError of an unbound name points at the Name node `at`. */
  private deleteName(name: string, at: A.Span): string {
    const b = this.ctx.scope.binding(name);
    const local = localName(name);
    const store = this.opAt(at);
    switch (b) {
      case "local":
        return `if (${local} === undefined) ${store}$rt.unboundLocal(${jsString(name)});\n${local} = undefined;\n`;
      case "free":
        return `if (${local} === undefined) ${store}$rt.unboundFree(${jsString(name)});\n${local} = undefined;\n`;
      case "global":
        return `${store}$rt.delGlobal(${this.globalCell(name)});\n`;
      default:
        return `if (!${this.ns()}.delete(${this.attrName(name)})) ${store}$rt.delGlobal({ v: undefined, name: ${jsString(name)} });\n`;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Statements

  /**
   * A function's top-level statements. After each one that certainly binds some locals (a plain
   * assignment, def, import, with-as), later code reads those locals without the unbound check,
   * unless the function deletes them somewhere (`del`, `except ... as`).
   */
  private functionBody(body: A.Stmt[], scope: Scope): string {
    let out = "";
    const bound = new Set<string>();
    for (const s of body) {
      out += this.stmt(s);
      for (const name of certainlyBinds(s)) {
        if (scope.bindings.get(name) === "local" && !this.isDeleted(scope, name)) bound.add(name);
      }
      this.ctx.bound = new Set(bound);
    }
    return out;
  }

  private block(body: A.Stmt[]): string {
    let out = "";
    for (const s of body) out += this.stmt(s);
    return out;
  }

  private stmt(s: A.Stmt): string {
    const simple = s.kind !== "If" && s.kind !== "While" && s.kind !== "For" && s.kind !== "Try" && s.kind !== "With" && s.kind !== "FunctionDef" && s.kind !== "ClassDef";
    if (!simple || s.line === s.endLine) return this.stmtBody(s);
    const saved = this.trackLines;
    this.trackLines = true;
    try {
      return this.stmtBody(s);
    } finally {
      this.trackLines = saved;
    }
  }

  /** Compile a compound statement's header expression, tracking lines if it spans several. */
  private headerExpr(e: A.Expr, compile: (e: A.Expr) => string): string {
    const saved = this.trackLines;
    this.trackLines = e.line !== e.endLine;
    try {
      return compile(e);
    } finally {
      this.trackLines = saved;
    }
  }

  /** The line number packed with this file's id (see runtime/locations.ts). */
  private packLine(line: number): number {
    return packLocation(this.fileBase, line);
  }

  /**
   * JS statement text setting the frame's current position (`$ln`, which tracebacks read) to a
   * statement's span; operations inside the statement that can raise store their own (`opAt`).
   */
  private setLine(s: A.Span): string {
    this.lineNow = s.line;
    this.ctx.stmtPos = this.ctx.pos(s);
    return `$ln = ${this.ctx.stmtPos}`;
  }

  /** `$L[$f] = <location>;` publishing the current line for native code, when `needed`. */
  private publishIf(needed: boolean): string {
    return needed && this.ctx.publishes ? `$L[$f] = ${this.packLine(this.lineNow)};\n` : "";
  }

  /** `$L[$f] = <location>, ` before an operator's slow path, which may reach native code. */
  private slowLine(): string {
    return this.ctx.publishes ? `$L[$f] = ${this.packLine(this.lineNow)}, ` : "";
  }

  /**
   * `$ln = <position>, ` before an operation that can raise, so the traceback can point at it as
   * CPython 3.11 does; in line-tracking mode also the operation's line and its publication.
   * `e` is the span CPython attributes the operation to; `alt` the `obj.name` part of a method call.
   */
  private opAt(e: A.Span, alt: A.Span | null = null): string {
    const store = `$ln = ${this.ctx.pos(e, alt)}, `;
    if (!this.trackLines) return store;
    this.lineNow = e.line;
    return `${store}${this.slowLine()}`;
  }

  /** `opAt(e)` and the line publication an operator's slow path needs (which may reach native code). */
  private slowAt(e: A.Span): string {
    return this.trackLines ? this.opAt(e) : `${this.opAt(e)}${this.slowLine()}`;
  }

  /** `$ln = <the current statement's position>, `. */
  private atStmt(): string {
    return `$ln = ${this.ctx.stmtPos}, `;
  }

  /**
   * `fn(args)` with `store` (an `opAt` text) executed after the arguments are evaluated and right
   * before the call. Arguments that run operations set `$ln` themselves, so the store follows the
   * last such argument (through a temporary); when every argument is a plain value it simply comes
   * first.
   */
  private callAt(store: string, fn: string, args: string[]): string {
    let last = -1;
    args.forEach((a, i) => {
      if (!isPlain(a)) last = i;
    });
    if (last < 0) return `(${store}${fn}(${args.join(", ")}))`;
    const t = this.ctx.temp();
    const held = args.map((a, i) => (i === last ? `(${t} = ${a}, ${store}${t})` : a));
    return `${fn}(${held.join(", ")})`;
  }

  private stmtBody(s: A.Stmt): string {
    const ln = `${this.setLine(s)};\n${this.publishIf(statementReachesNative(s))}`;
    switch (s.kind) {
      case "Expr":
        return `${ln}${this.expr(s.value)};\n`;
      case "Assign":
        return ln + this.assign(s);
      case "AugAssign":
        return ln + this.augAssign(s);
      case "AnnAssign": {
        let out = ln;
        if (s.value !== null) out += this.assignTarget(s.target, this.expr(s.value));
        if (this.ctx.scope.kind === "class" && s.simple && s.target.kind === "Name") {
          // Recorded in order in the class's __annotations__: dataclasses read their fields there.
          out += `$rt.annotate(${this.ctx.nsVar}, ${jsString(s.target.id)}, ${this.expr(s.annotation)});\n`;
        } else if (this.ctx.scope.kind !== "function" && s.simple) out += `${this.expr(s.annotation)};\n`;
        else if (this.ctx.scope.kind !== "function" && s.value === null) out += this.evaluateTargetParts(s.target);
        return out;
      }
      case "Pass":
      case "Global":
      case "Nonlocal":
        return "";
      case "Break": {
        const loop = this.ctx.loops[this.ctx.loops.length - 1];
        return `break ${loop.breakLabel};\n`;
      }
      case "Continue": {
        const loop = this.ctx.loops[this.ctx.loops.length - 1];
        return `continue ${loop.continueLabel};\n`;
      }
      case "Return":
        return `${ln}return ${s.value === null ? "$rt.None" : this.expr(s.value)};\n`;
      case "If":
        return this.ifStmt(s);
      case "While":
        return this.whileStmt(s);
      case "For":
        return this.forStmt(s);
      case "Raise":
        if (s.exc === null) return `${ln}throw $rt.reraise();\n`;
        if (s.cause === null) return `${ln}throw ${this.callAt(this.opAt(s), "$rt.raise", [this.expr(s.exc)])};\n`;
        return `${ln}throw ${this.callAt(this.opAt(s), "$rt.raise", [this.expr(s.exc), this.expr(s.cause)])};\n`;
      case "Assert":
        // CPython points the AssertionError at the asserted expression.
        return `${ln}if (!${this.test(s.test)}) throw ${this.callAt(this.opAt(s.test), "$rt.assertFail", s.msg === null ? [] : [this.expr(s.msg)])};\n`;
      case "Delete": {
        let out = ln;
        for (const t of s.targets) out += this.deleteTarget(t);
        return out;
      }
      case "Import":
        return ln + this.importStmt(s);
      case "ImportFrom":
        return ln + this.importFrom(s);
      case "Try":
        return ln + this.tryStmt(s);
      case "With":
        return ln + this.withStmt(s, 0);
      case "FunctionDef":
        return ln + this.functionDef(s);
      case "ClassDef":
        return ln + this.classDef(s);
    }
  }

  /** `x: T` without a value at module/class level still evaluates the target's sub-expressions. */
  private evaluateTargetParts(t: A.Expr): string {
    if (t.kind === "Attribute") return `${this.expr(t.value)};\n`;
    if (t.kind === "Subscript") return `${this.expr(t.value)};\n${this.expr(t.slice)};\n`;
    return "";
  }

  private assign(s: A.Assign): string {
    if (s.targets.length === 1) return this.assignTarget(s.targets[0], this.expr(s.value));
    const t = this.ctx.temp();
    let out = `${t} = ${this.expr(s.value)};\n`;
    for (const target of s.targets) out += this.assignTarget(target, t);
    return out;
  }

  /** Statements assigning the JS expression `value` (evaluated first, once) to a target. */
  private assignTarget(target: A.Expr, value: string): string {
    switch (target.kind) {
      case "Name":
        return this.storeStmt(target.id, value);
      case "Attribute": {
        const v = this.ctx.temp();
        return `${v} = ${value};\n${this.callAt(this.opAt(target), "$rt.setattr", [this.expr(target.value), this.attrName(target.attr), v, this.attrSite()])};\n`;
      }
      case "Subscript": {
        const v = this.ctx.temp();
        return `${v} = ${value};\n${this.callAt(this.opAt(target), "$rt.setitem", [this.expr(target.value), this.subscriptKey(target.slice), v])};\n`;
      }
      case "Tuple":
      case "List":
        return this.unpackTo(target.elts, value, target);
      case "Starred":
        this.error("starred assignment target must be in a list or tuple", target);
        break;
      default:
        this.error(`cannot assign to ${target.kind}`, target);
    }
  }

  private unpackTo(elts: A.Expr[], value: string, at: A.Span): string {
    const starIndex = elts.findIndex((e) => e.kind === "Starred");
    if (elts.filter((e) => e.kind === "Starred").length > 1) this.error("multiple starred expressions in assignment", at);
    const arr = this.ctx.temp();
    let out =
      starIndex < 0
        ? `${arr} = ${this.callAt(this.opAt(at), "$rt.unpack", [value, String(elts.length)])};\n`
        : `${arr} = ${this.callAt(this.opAt(at), "$rt.unpackStar", [value, String(starIndex), String(elts.length - starIndex - 1)])};\n`;
    // Copy every item out first: the array may alias a list that the assignments modify.
    const items = elts.map((_, i) => {
      const t = this.ctx.temp();
      out += `${t} = ${arr}[${i}];\n`;
      return t;
    });
    elts.forEach((e, i) => {
      out += this.assignTarget(e.kind === "Starred" ? e.value : e, items[i]);
    });
    return out;
  }

  private augAssign(s: A.AugAssign): string {
    const op = `$rt.i${binaryOps[s.op]}`;
    const t = s.target;
    if (t.kind === "Name") {
      return this.storeStmt(t.id, this.binOp(s.op, this.load(t.id, t), this.expr(s.value), "i", s));
    }
    if (t.kind === "Attribute") {
      const obj = this.ctx.temp();
      const attr = this.attrName(t.attr);
      const value = this.ctx.temp();
      // The target's load and store point at the target, the operator at the whole statement.
      return (
        `${obj} = ${this.expr(t.value)};\n${value} = ${this.callAt(this.opAt(s), op, [`(${this.opAt(t)}$rt.getattr(${obj}, ${attr}, ${this.attrSite()}))`, this.expr(s.value)])};\n` +
        `${this.opAt(t)}$rt.setattr(${obj}, ${attr}, ${value}, ${this.attrSite()});\n`
      );
    }
    if (t.kind === "Subscript") {
      const obj = this.ctx.temp();
      const key = this.ctx.temp();
      const value = this.ctx.temp();
      return (
        `${obj} = ${this.expr(t.value)};\n${key} = ${this.subscriptKey(t.slice)};\n` +
        `${value} = ${this.callAt(this.opAt(s), op, [`(${this.opAt(t)}$rt.getitem(${obj}, ${key}))`, this.expr(s.value)])};\n` +
        `${this.opAt(t)}$rt.setitem(${obj}, ${key}, ${value});\n`
      );
    }
    this.error(`'${t.kind}' is an illegal expression for augmented assignment`, t);
  }

  private deleteTarget(t: A.Expr): string {
    switch (t.kind) {
      case "Name":
        return this.deleteName(t.id, t);
      case "Attribute":
        return `${this.callAt(this.opAt(t), "$rt.delattr", [this.expr(t.value), this.attrName(t.attr)])};\n`;
      case "Subscript":
        return `${this.callAt(this.opAt(t), "$rt.delitem", [this.expr(t.value), this.subscriptKey(t.slice)])};\n`;
      case "Tuple":
      case "List": {
        let out = "";
        for (const e of t.elts) out += this.deleteTarget(e);
        return out;
      }
      default:
        this.error(`cannot delete ${t.kind}`, t);
    }
  }

  private ifStmt(s: A.If): string {
    let out = `${this.setLine(s)};\n${this.publishIf(reachesNative(s.test))}if (${this.headerExpr(s.test, (e) => this.test(e))}) {\n${this.block(s.body)}}`;
    if (s.orelse.length > 0) out += ` else {\n${this.block(s.orelse)}}`;
    return `${out}\n`;
  }

  private withLoop(hasElse: boolean, body: (labels: LoopLabels) => string): { labels: LoopLabels; code: string } {
    const loopLabel = this.label("L");
    const labels = { breakLabel: hasElse ? this.label("B") : loopLabel, continueLabel: loopLabel };
    this.ctx.loops.push(labels);
    const code = body(labels);
    this.ctx.loops.pop();
    return { labels, code };
  }

  private whileStmt(s: A.While): string {
    const hasElse = s.orelse.length > 0;
    const { labels, code } = this.withLoop(hasElse, () => this.block(s.body));
    const loop = `${labels.continueLabel}: for (;;) {\n$rt.tick();\n${this.setLine(s)};\n${this.publishIf(reachesNative(s.test))}if (!${this.headerExpr(s.test, (e) => this.test(e))}) break;\n${code}}\n`;
    if (!hasElse) return loop;
    return `${labels.breakLabel}: {\n${loop}${this.block(s.orelse)}}\n`;
  }

  private forStmt(s: A.For): string {
    const hasElse = s.orelse.length > 0;
    const it = this.ctx.temp();
    const v = this.ctx.temp();
    const head = `${this.setLine(s)};\n${this.publishIf(reachesNative(s.iter))}${it} = ${this.callAt(this.atStmt(), "$rt.iter", [this.headerExpr(s.iter, (e) => this.expr(e))])};\n`;
    // A generator expression's body runs when the loop advances it; a subscript target assigns natively.
    const advance = `${this.setLine(s)};\n${this.publishIf(containsGenerator(s.iter) || targetReachesNative(s.target))}${v} = ${it}.next();\n`;
    const assign = this.assignTarget(s.target, v);
    const { labels, code } = this.withLoop(hasElse, () => this.block(s.body));
    const loop = `${labels.continueLabel}: for (;;) {\n$rt.tick();\n${advance}if (${v} === undefined) break;\n${assign}${code}}\n`;
    if (!hasElse) return head + loop;
    return `${head}${labels.breakLabel}: {\n${loop}${this.block(s.orelse)}}\n`;
  }

  private tryStmt(s: A.Try): string {
    let inner: string;
    if (s.handlers.length === 0) {
      inner = `try {\n${this.block(s.body)}}`;
    } else {
      const e = this.label("e");
      const x = this.label("x");
      const h = this.label("h");
      let handlers = "";
      s.handlers.forEach((h, i) => {
        let body = this.block(h.body);
        if (h.name !== null) {
          // `except E as e:` unbinds e when the handler ends, however it ends.
          body = `${this.storeStmt(h.name, x)}try {\n${body}} finally {\n${this.unbindQuietly(h.name)}}\n`;
        }
        const lead = i === 0 ? "" : " else ";
        if (h.type === null) handlers += `${lead}{\n${body}}`;
        else handlers += `${lead}if ($rt.excMatch(${x}, ${this.expr(h.type)})) {\n${this.setLine(h)};\n${body}}`;
      });
      if (s.handlers[s.handlers.length - 1].type !== null) handlers += ` else {\nthrow ${x};\n}`;
      const caught = `const ${x} = $rt.caught(${e}, ${this.ctx.codeVar}, $ln, $f);\n`;
      if (s.orelse.length > 0) {
        const ok = this.ctx.temp();
        inner =
          `${ok} = false;\ntry {\n${this.block(s.body)}${ok} = true;\n} catch (${e}) {\n${caught}try {\n${handlers}\n} catch (${h}) {\nthrow $rt.fromHandler(${h});\n} finally {\n$rt.endHandler();\n}\n}\n` +
          `if (${ok}) {\n${this.block(s.orelse)}}`;
      } else {
        inner = `try {\n${this.block(s.body)}} catch (${e}) {\n${caught}try {\n${handlers}\n} catch (${h}) {\nthrow $rt.fromHandler(${h});\n} finally {\n$rt.endHandler();\n}\n}`;
      }
    }
    if (s.finalbody.length === 0) return `${inner}\n`;
    // An exception passing through `finally` keeps the line it was raised at.
    const ln = this.ctx.temp();
    const fin = `${ln} = $ln;\n${this.block(s.finalbody)}$ln = ${ln};\n`;
    if (s.handlers.length === 0) return `${inner} finally {\n${fin}}\n`;
    return `try {\n${inner}\n} finally {\n${fin}}\n`;
  }

  /** Unbind a name without raising if it is already unbound (end of an except-as block). */
  private unbindQuietly(name: string): string {
    const b = this.ctx.scope.binding(name);
    if (b === "local" || b === "free") return `${localName(name)} = undefined;\n`;
    if (b === "global") return `${this.globalCell(name)}.v = undefined;\n`;
    return `${this.ns()}.delete(${this.attrName(name)});\n`;
  }

  private withStmt(s: A.With, index: number): string {
    if (index === s.items.length) return this.block(s.body);
    const item = s.items[index];
    const m = this.ctx.temp();
    const v = this.ctx.temp();
    const ok = this.ctx.temp();
    const e = this.label("e");
    const x = this.label("x");
    const bind = item.optionalVars === null ? "" : this.assignTarget(item.optionalVars, v);
    // Entering and leaving the context belong to the `with` statement.
    const at = `$ln = ${this.ctx.pos(s)}`;
    return (
      `${m} = ${this.expr(item.contextExpr)};\n${at};\n${v} = $rt.withEnter(${m});\n${ok} = true;\n` +
      `try {\n${bind}${this.withStmt(s, index + 1)}} catch (${e}) {\n${ok} = false;\n` +
      `const ${x} = $rt.caught(${e}, ${this.ctx.codeVar}, $ln, $f);\n` +
      `try {\n${at};\nif (!$rt.withExit(${m}, ${x})) throw ${x};\n} finally {\n$rt.endHandler();\n}\n` +
      `} finally {\nif (${ok}) {\n${at};\n$rt.withExit(${m}, null);\n}\n}\n`
    );
  }

  private importStmt(s: A.Import): string {
    let out = "";
    for (const a of s.names) {
      if (a.asname !== null) out += this.storeStmt(a.asname, `$rt.importModule(${jsString(a.name)}, true)`);
      else out += this.storeStmt(a.name.split(".")[0], `$rt.importModule(${jsString(a.name)}, false)`);
    }
    return out;
  }

  private importFrom(s: A.ImportFrom): string {
    if (isFutureImport(s)) return "";
    const m = this.ctx.temp();
    let out = `${m} = $rt.importModule(${jsString(s.module ?? "")}, true);\n`;
    for (const a of s.names) {
      if (a.name === "*") out += `$rt.importStar(${m}, $g);\n`;
      else out += this.storeStmt(a.asname ?? a.name, `$rt.importFrom(${m}, ${jsString(a.name)})`);
    }
    return out;
  }

  // -------------------------------------------------------------------------------------------
  // Functions and classes

  private paramSpec(args: A.Arguments): ParamSpec {
    return {
      positional: [...args.posonlyargs, ...args.args].map((a) => a.arg),
      posonly: args.posonlyargs.length,
      varargs: args.vararg === null ? null : args.vararg.arg,
      kwonly: args.kwonlyargs.map((a) => a.arg),
      varkw: args.kwarg === null ? null : args.kwarg.arg,
    };
  }

  /** `$rt.makeFunction(...)` for a def or lambda; defaults are evaluated here, at definition time. */
  private makeFunction(node: A.FunctionDef | A.Lambda, name: string): string {
    const scope = this.scopeOf(node);
    const spec = this.paramSpec(node.args);
    const positions: number[] = [];
    const varnames = [...spec.positional, ...spec.kwonly, ...(spec.varargs === null ? [] : [spec.varargs]), ...(spec.varkw === null ? [] : [spec.varkw]), ...scope.localNames()];
    const codeVar = this.codeInfo(name, scope.qualname, node.line, spec, positions, varnames);
    const defaults = node.args.defaults.length === 0 ? "null" : `[${node.args.defaults.map((d) => this.expr(d)).join(", ")}]`;
    const kwPairs: string[] = [];
    node.args.kwonlyargs.forEach((a, i) => {
      const d = node.args.kwDefaults[i];
      if (d !== null) kwPairs.push(`[${jsString(a.arg)}, ${this.expr(d)}]`);
    });
    const kwDefaults = kwPairs.length === 0 ? "null" : `new Map([${kwPairs.join(", ")}])`;
    const parentCtx = this.ctx;
    const classVar = parentCtx.scope.kind === "class" ? parentCtx.classVar : null;
    this.ctx = new FunctionContext(scope, codeVar, positions, classVar, null, scope.isGenerator);
    const parentLine = this.lineNow;
    const savedTrack = this.trackLines;
    this.trackLines = node.kind === "Lambda" && node.body.line !== node.body.endLine;
    let body: string;
    try {
      body =
        node.kind === "Lambda"
          ? `${this.setLine(node.body)};\n${this.publishIf(reachesNative(node.body))}return ${this.expr(node.body)};\n`
          : `${this.functionBody(node.body, scope)}return $rt.None;\n`;
      const params = [...spec.positional];
      if (spec.varargs !== null) params.push(spec.varargs);
      params.push(...spec.kwonly);
      if (spec.varkw !== null) params.push(spec.varkw);
      const decls = [...scope.localNames().map(localName), ...this.ctx.temps];
      const declare = decls.length > 0 ? `let ${decls.join(", ")};\n` : "";
      body = scope.isGenerator
        ? // Calling a generator function binds its arguments and returns the suspended body; like a
          // generator expression it has no fixed frame depth while suspended ($f = -1).
          `function (${params.map(localName).join(", ")}) {\nreturn $rt.generator((function* () {\nconst $f = -1;\nlet $ln = ${this.ctx.pos(node)};\n` +
          declare +
          `try {\n${body}} catch ($e) {\nthrow $rt.traceback($e, ${codeVar}, $ln, $f);\n}\n})(), ${jsString(scope.qualname)});\n}`
        : `function (${params.map(localName).join(", ")}) {\nconst $f = $rt.enter();\nlet $ln = ${this.ctx.pos(node)};\n` +
          declare +
          `try {\n${body}} catch ($e) {\nthrow $rt.traceback($e, ${codeVar}, $ln, $f);\n} finally {\n$rt.leave();\n}\n}`;
    } finally {
      this.ctx = parentCtx;
      this.lineNow = parentLine;
      this.trackLines = savedTrack;
    }
    const make = `$rt.makeFunction(${codeVar}, ${body}, ${defaults}, ${kwDefaults}, $g)`;
    const doc = node.kind === "FunctionDef" ? docstring(node.body) : null;
    if (doc === null) return make;
    const fn = this.ctx.temp();
    return `(${fn} = ${make}, $rt.setattr(${fn}, "__doc__", ${jsString(doc)}), ${fn})`;
  }

  private functionDef(s: A.FunctionDef): string {
    const decorators = s.decorators.map((d) => {
      const t = this.ctx.temp();
      return { t, d, code: `${t} = ${this.expr(d)};\n` };
    });
    let value = this.makeFunction(s, s.name);
    for (let i = decorators.length - 1; i >= 0; i--) value = this.callAt(this.opAt(decorators[i].d), "$rt.call1", [decorators[i].t, value]);
    return decorators.map((d) => d.code).join("") + this.storeStmt(s.name, value);
  }

  private classDef(s: A.ClassDef): string {
    const scope = this.scopeOf(s);
    const decorators = s.decorators.map((d) => {
      const t = this.ctx.temp();
      return { t, d, code: `${t} = ${this.expr(d)};\n` };
    });
    for (const b of s.bases) if (b.kind === "Starred") this.error("Kernel Lab does not support *bases in class definitions", b);
    const bases = `[${s.bases.map((b) => this.expr(b)).join(", ")}]`;
    const kwNames: string[] = [];
    const kwValues: string[] = [];
    for (const k of s.keywords) {
      if (k.arg === null) this.error("Kernel Lab does not support **kwargs in class definitions", k);
      kwNames.push(jsString(k.arg));
      kwValues.push(this.expr(k.value));
    }
    const classVar = this.ctx.declare(this.label("cls"));
    const positions: number[] = [];
    const codeVar = this.codeInfo(s.name, scope.qualname, s.line, { positional: [], posonly: 0, varargs: null, kwonly: [], varkw: null }, positions);
    const parentCtx = this.ctx;
    const nsVar = "$ns";
    this.ctx = new FunctionContext(scope, codeVar, positions, classVar, nsVar);
    const parentLine = this.lineNow;
    let body: string;
    try {
      const doc = docstring(s.body);
      const code = (doc === null ? "" : `${nsVar}.set("__doc__", ${jsString(doc)});\n`) + this.block(s.body);
      const decls = this.ctx.temps;
      body =
        `function (${nsVar}) {\nconst $f = $rt.enter();\nlet $ln = ${this.ctx.pos(s)};\n` +
        (decls.length > 0 ? `let ${decls.join(", ")};\n` : "") +
        `try {\n${code}} catch ($e) {\nthrow $rt.traceback($e, ${codeVar}, $ln, $f);\n} finally {\n$rt.leave();\n}\n}`;
    } finally {
      this.ctx = parentCtx;
      this.lineNow = parentLine;
    }
    let value = `(${classVar} = ${this.callAt(this.opAt(s), "$rt.makeClass", [codeVar, bases, `[${kwNames.join(", ")}]`, `[${kwValues.join(", ")}]`, body, "$g"])})`;
    for (let i = decorators.length - 1; i >= 0; i--) value = this.callAt(this.opAt(decorators[i].d), "$rt.call1", [decorators[i].t, value]);
    return decorators.map((d) => d.code).join("") + this.storeStmt(s.name, value);
  }

  // -------------------------------------------------------------------------------------------
  // Expressions

  /** A JS boolean expression for Python truthiness of `e` (if/while/and/or/not contexts). */
  private test(e: A.Expr): string {
    switch (e.kind) {
      case "BoolOp":
        return `(${e.values.map((v) => this.test(v)).join(e.op === "And" ? " && " : " || ")})`;
      case "UnaryOp":
        if (e.op === "Not") return `!${this.test(e.operand)}`;
        break;
      case "Constant":
        if (e.value.type === "bool") return e.value.value ? "true" : "false";
        if (e.value.type === "None") return "false";
        break;
      case "Compare":
        if (e.ops.length === 1) {
          const op = e.ops[0];
          if (op === "Is" || op === "IsNot" || op === "In" || op === "NotIn") return this.expr(e);
          return this.intCompare(op, this.expr(e.left), this.expr(e.comparators[0]), true, e);
        }
        // CPython attributes the truth test of a comparison to the comparison.
        return this.callAt(this.opAt(e), "$rt.truthy", [this.expr(e)]);
    }
    // Other truth tests belong to the enclosing statement (an `if` or `while` header, say).
    return this.callAt(this.atStmt(), "$rt.truthy", [this.expr(e)]);
  }

  private expr(e: A.Expr): string {
    switch (e.kind) {
      case "Yield":
        // next() resumes a JS generator with undefined: `x = yield v` then binds None.
        return `((yield ${e.value === null ? "$rt.None" : this.expr(e.value)}) ?? $rt.None)`;
      case "YieldFrom":
        return `(yield* ${this.callAt(this.opAt(e), "$rt.yieldFrom", [this.expr(e.value)])})`;
      case "Constant":
        return this.constant(e.value);
      case "Name":
        return this.load(e.id, e);
      case "BinOp":
        if (isFusable(e) && (isFusable(e.left) || isFusable(e.right))) return this.floatTree(e);
        return this.binOp(e.op, this.expr(e.left), this.expr(e.right), "", e);
      case "UnaryOp": {
        const fn = e.op === "Not" ? "not" : unaryOps[e.op];
        return this.callAt(e.op === "Not" ? this.opAt(e) : this.slowAt(e), `$rt.${fn}`, [this.expr(e.operand)]);
      }
      case "BoolOp": {
        // Value semantics: `a or b` is a if a is truthy else b.
        let out = this.expr(e.values[e.values.length - 1]);
        for (let i = e.values.length - 2; i >= 0; i--) {
          const t = this.ctx.temp();
          const test = `(${t} = ${this.expr(e.values[i])}, ${this.opAt(e)}$rt.truthy(${t}))`;
          const cond = e.op === "And" ? test : `!${test}`;
          out = `(${cond} ? ${out} : ${t})`;
        }
        return out;
      }
      case "Compare":
        return this.compare(e);
      case "IfExp":
        return `(${this.test(e.test)} ? ${this.expr(e.body)} : ${this.expr(e.orelse)})`;
      case "NamedExpr":
        return this.storeExpr(e.target.id, this.expr(e.value));
      case "Lambda":
        return this.makeFunction(e, "<lambda>");
      case "Attribute":
        return this.callAt(this.opAt(e), "$rt.getattr", [this.expr(e.value), this.attrName(e.attr), this.attrSite()]);
      case "Subscript":
        return this.callAt(this.opAt(e), "$rt.getitem", [this.expr(e.value), this.subscriptKey(e.slice)]);
      case "Call":
        return this.call(e);
      case "List":
        return `$rt.list(${this.sequence(e.elts, e)})`;
      case "Tuple":
        return `$rt.tuple(${this.sequence(e.elts, e)})`;
      case "Set":
        if (e.elts.some((x) => x.kind === "Starred")) return this.starredSet(e);
        // CPython folds a display of 3+ constants into a frozenset constant it copies: its own iteration order.
        return this.callAt(this.opAt(e), e.elts.length > 2 && e.elts.every(isFoldedConstant) ? "$rt.constantSet" : "$rt.set", [this.sequence(e.elts, e)]);
      case "Dict":
        return this.dict(e);
      case "ListComp":
      case "SetComp":
      case "DictComp":
        return this.comprehension(e);
      case "GeneratorExp":
        return this.generator(e);
      case "JoinedStr":
        return this.joinedStr(e);
      case "FormattedValue":
        return this.formattedValue(e);
      case "Starred":
        this.error("can't use starred expression here", e);
        break;
      case "Slice":
        return this.sliceExpr(e);
    }
  }

  private constant(v: A.ConstantValue): string {
    switch (v.type) {
      case "int":
        return v.value <= BigInt(Number.MAX_SAFE_INTEGER) ? v.value.toString() : `${v.value.toString()}n`;
      case "float": {
        const key = Object.is(v.value, -0) ? "-0" : String(v.value);
        let name = this.floatConsts.get(key);
        if (name === undefined) {
          name = `$k${this.floatConsts.size}`;
          this.floatConsts.set(key, name);
          const literal = v.value === Infinity ? "Infinity" : key;
          this.header.push(`const ${name} = $rt.float(${literal});`);
        }
        return name;
      }
      case "str":
        return jsString(v.value);
      case "bool":
        return v.value ? "true" : "false";
      case "None":
        return "$rt.None";
      case "Ellipsis":
        return "$rt.Ellipsis";
    }
  }

  /**
   * `a op b` with an inline fast path for two small ints (JS numbers), the common case in loops,
   * falling back to the runtime's protocol call. Results outside the safe-integer range take the
   * slow path, which promotes to bigint; `+ 0` turns JS's -0 from `0 * -n` into Python's 0.
   * `prefix` is "i" for augmented assignment (ints are immutable, so `+=` is `+` for them).
   */
  private binOp(op: A.BinaryOperator, left: string, right: string, prefix: "" | "i", at: A.Span): string {
    const fn = `$rt.${prefix}${binaryOps[op]}`;
    const fast = smallIntFastPath(op);
    if (fast === null) return this.callAt(this.slowAt(at), fn, [left, right]);
    const [a, setA, checkA] = this.operand(left);
    const [b, setB, checkB] = this.operand(right);
    const r = this.ctx.temp();
    // The position store sits on the slow path only: the small-int fast path cannot raise.
    return `(${setA}${setB}${checkA}${checkB}${fast(a, b, r)} ? ${r} : (${this.slowAt(at)}${fn}(${a}, ${b})))`;
  }

  /**
   * A tree of `+ - *` (at least two operators, like `x * 0.999 + i * 0.5`) evaluated on raw doubles
   * wherever both operands are numbers and one is a float: only the tree's value is boxed as a
   * float object, not every intermediate. Each operator node yields its value in a temporary and
   * in a second one whether that value is a raw double (a Python float) rather than a Python
   * value; anything else (ints, bigints, bools, numpy values, user classes) takes the operator's
   * ordinary path, with any raw double operand boxed first. Python's float `+ - *` are IEEE double
   * operations and an int held as a JS number converts to float exactly, so results are the same.
   */
  private floatTree(e: A.BinOp): string {
    this.useFloatClass();
    const root = this.fusedNode(e);
    return `(${root.code}${root.raw} ? $rt.float(${root.v}) : ${root.v})`;
  }

  private fusedNode(e: A.BinOp): FusedValue {
    const side = (x: A.Expr): FusedValue => {
      if (isFusable(x)) return this.fusedNode(x);
      const t = this.ctx.temp();
      return { code: `${t} = ${this.expr(x)}, `, v: t, raw: null };
    };
    const l = side(e.left);
    const r = side(e.right);
    const v = this.ctx.temp();
    const raw = this.ctx.temp();
    const isFloat = (s: FusedValue): string => (s.raw === null ? `${s.v} instanceof $F` : `(${s.raw} || ${s.v} instanceof $F)`);
    const double = (s: FusedValue): string => (s.raw === null ? `${s.v}.v` : `(${s.raw} ? ${s.v} : ${s.v}.v)`);
    const boxed = (s: FusedValue): string => (s.raw === null ? s.v : `(${s.raw} ? $rt.float(${s.v}) : ${s.v})`);
    const jsOp = e.op === "Add" ? "+" : e.op === "Sub" ? "-" : "*";
    const float = (a: string, b: string): string => `(${v} = ${a} ${jsOp} ${b}, ${raw} = true)`;
    const generic = (a: string, b: string): string => `(${this.slowAt(e)}${v} = $rt.${binaryOps[e.op]}(${a}, ${b}), ${raw} = false)`;
    // Past the float tests neither side is a raw double, so both hold Python values.
    const fast = smallIntFastPath(e.op);
    if (fast === null) throw new Error(`internal: no small-int path for ${e.op}`);
    const t = this.ctx.temp();
    const ints = `(typeof ${l.v} === "number" && typeof ${r.v} === "number" && ${fast(l.v, r.v, t)} ? (${v} = ${t}, ${raw} = false) : ${generic(l.v, r.v)})`;
    const code =
      `${l.code}${r.code}(${isFloat(l)} ? (${isFloat(r)} ? ${float(double(l), double(r))} : typeof ${r.v} === "number" ? ${float(double(l), r.v)} : ${generic(boxed(l), r.v)}) : ` +
      `${isFloat(r)} ? (typeof ${l.v} === "number" ? ${float(l.v, double(r))} : ${generic(l.v, boxed(r))}) : ${ints}), `;
    return { code, v, raw };
  }

  private floatClassUsed = false;

  /** Declares `$F`, the float class, for the `instanceof` tests of fused float trees. */
  private useFloatClass(): void {
    if (this.floatClassUsed) return;
    this.floatClassUsed = true;
    this.header.push("const $F = $rt.floatClass;");
  }

  /**
   * An operand of an inline fast path: a temporary holding its value, the assignment (with a
   * trailing comma) and the "is a small int" test (with a trailing `&&`). Int literals need neither.
   */
  private operand(js: string): [string, string, string] {
    if (/^\d+$/.test(js)) return [js, "", ""];
    const t = this.ctx.temp();
    return [t, `${t} = ${js}, `, `typeof ${t} === "number" && `];
  }

  /** A single comparison with the small-int fast path; `asTest` yields a JS boolean. */
  private intCompare(op: A.CompareOperator, left: string, right: string, asTest: boolean, at: A.Span): string {
    const jsOps: Partial<Record<A.CompareOperator, string>> = { Eq: "===", NotEq: "!==", Lt: "<", LtE: "<=", Gt: ">", GtE: ">=" };
    const jsOp = jsOps[op];
    if (jsOp === undefined) throw new Error(`internal: no fast path for ${op}`);
    const [a, setA, checkA] = this.operand(left);
    const [b, setB, checkB] = this.operand(right);
    const check = `${checkA}${checkB}`.replace(/ && $/, "");
    if (check === "") return `(${setA}${setB}${a} ${jsOp} ${b})`;
    const slow = `${this.slowAt(at)}$rt.${compareOps[op as keyof typeof compareOps]}(${a}, ${b})`;
    return `(${setA}${setB}${check} ? ${a} ${jsOp} ${b} : ${asTest ? `$rt.truthy((${slow}))` : `(${slow})`})`;
  }

  private compare(e: A.Compare): string {
    const one = (op: A.CompareOperator, a: string, b: string): string => {
      switch (op) {
        case "Is":
          return `(${a} === ${b})`;
        case "IsNot":
          return `(${a} !== ${b})`;
        case "In":
          return this.callAt(this.opAt(e), "$rt.contains", [b, a]);
        case "NotIn":
          return `!${this.callAt(this.opAt(e), "$rt.contains", [b, a])}`;
        default:
          return `(${this.slowAt(e)}$rt.${compareOps[op]}(${a}, ${b}))`;
      }
    };
    if (e.ops.length === 1) {
      const op = e.ops[0];
      if (op === "In" || op === "NotIn") {
        // Python evaluates the item before the container.
        const a = this.ctx.temp();
        return `(${a} = ${this.expr(e.left)}, ${one(op, a, this.expr(e.comparators[0]))})`;
      }
      if (op === "Is" || op === "IsNot") return one(op, this.expr(e.left), this.expr(e.comparators[0]));
      return this.intCompare(op, this.expr(e.left), this.expr(e.comparators[0]), false, e);
    }
    // a < b < c: every operand evaluated at most once, stopping at the first false result.
    const parts: string[] = [];
    let left = this.ctx.temp();
    parts.push(`${left} = ${this.expr(e.left)}`);
    const result = this.ctx.temp();
    let chain = "";
    for (let i = 0; i < e.ops.length; i++) {
      const right = this.ctx.temp();
      const step = `(${right} = ${this.expr(e.comparators[i])}, ${result} = ${one(e.ops[i], left, right)})`;
      chain = i === 0 ? step : `(${chain}, (${this.opAt(e)}$rt.truthy(${result})) ? ${step} : ${result})`;
      left = right;
    }
    return `(${parts.join(", ")}, ${chain})`;
  }

  /** A JS array expression for list/tuple/set elements, expanding `*x`. */
  /** `at`: the display or call a failing `*x` expansion is attributed to. */
  private sequence(elts: A.Expr[], at: A.Span): string {
    if (!elts.some((e) => e.kind === "Starred")) return `[${elts.map((x) => this.expr(x)).join(", ")}]`;
    const arr = this.ctx.temp();
    const steps = [`${arr} = []`];
    for (const e of elts) {
      if (e.kind === "Starred") steps.push(this.callAt(this.opAt(at), "$rt.extend", [arr, this.expr(e.value)]));
      else steps.push(`${arr}.push(${this.expr(e)})`);
    }
    return `(${steps.join(", ")}, ${arr})`;
  }

  /** {x, *a, y}: the items before the first star, then set.update for each starred part (set_merge for sets), as CPython's bytecode does. */
  private starredSet(e: A.SetExpr): string {
    const first = e.elts.findIndex((x) => x.kind === "Starred");
    const set = this.ctx.temp();
    const steps = [`${set} = ${this.callAt(this.opAt(e), "$rt.set", [`[${e.elts.slice(0, first).map((x) => this.expr(x)).join(", ")}]`])}`];
    for (const x of e.elts.slice(first)) {
      if (x.kind === "Starred") steps.push(this.callAt(this.opAt(e), "$rt.setUpdate", [set, this.expr(x.value)]));
      else steps.push(this.callAt(this.opAt(e), "$rt.setAdd", [set, this.expr(x)]));
    }
    return `(${steps.join(", ")}, ${set})`;
  }

  private dict(e: A.Dict): string {
    const simpleKeys = e.keys.every((k) => k !== null && (k.kind === "Constant" || k.kind === "Name"));
    if (simpleKeys) {
      // Constant and name keys have no side effects, so evaluating all values after them keeps
      // Python's k1, v1, k2, v2 order for everything observable.
      return this.callAt(this.opAt(e), "$rt.dict", [`[${e.keys.map((k) => this.expr(k as A.Expr)).join(", ")}]`, `[${e.values.map((v) => this.expr(v)).join(", ")}]`]);
    }
    if (!e.keys.some((k) => k === null)) {
      const steps: string[] = [];
      const keys: string[] = [];
      const values: string[] = [];
      e.keys.forEach((k, i) => {
        const kt = this.ctx.temp();
        const vt = this.ctx.temp();
        steps.push(`${kt} = ${this.expr(k as A.Expr)}`, `${vt} = ${this.expr(e.values[i])}`);
        keys.push(kt);
        values.push(vt);
      });
      return `(${steps.join(", ")}, ${this.opAt(e)}$rt.dict([${keys.join(", ")}], [${values.join(", ")}]))`;
    }
    const d = this.ctx.temp();
    const steps = [`${d} = $rt.dict([], [])`];
    e.keys.forEach((k, i) => {
      if (k === null) steps.push(this.callAt(this.opAt(e), "$rt.dictUpdate", [d, this.expr(e.values[i])]));
      else steps.push(this.callAt(this.opAt(e), "$rt.setitem", [d, this.expr(k), this.expr(e.values[i])]));
    });
    return `(${steps.join(", ")}, ${d})`;
  }

  private subscriptKey(slice: A.Expr): string {
    if (slice.kind === "Slice") return this.sliceExpr(slice);
    if (slice.kind === "Tuple") return `$rt.tuple(${this.sequence(slice.elts, slice)})`;
    return this.expr(slice);
  }

  private sliceExpr(s: A.Slice): string {
    const part = (p: A.Expr | null): string => (p === null ? "$rt.None" : this.expr(p));
    return `$rt.slice(${part(s.lower)}, ${part(s.upper)}, ${part(s.step)})`;
  }

  private call(e: A.Call): string {
    // Zero-argument super() in a method: the class being defined and the method's first argument.
    if (
      e.func.kind === "Name" &&
      e.func.id === "super" &&
      e.args.length === 0 &&
      e.keywords.length === 0 &&
      this.ctx.classVar !== null &&
      this.ctx.scope.binding("super") === "global" &&
      this.ctx.scope.params.length > 0
    ) {
      return this.callAt(this.opAt(e), "$rt.superOf", [this.ctx.classVar, this.load(this.ctx.scope.params[0])]);
    }
    const method = e.func.kind === "Attribute" ? e.func : null;
    const hasStar = e.args.some((a) => a.kind === "Starred") || e.keywords.some((k) => k.arg === null);
    if (hasStar) {
      const f = this.expr(e.func);
      const args = this.sequence(e.args, e);
      let kw = "null";
      if (e.keywords.length > 0) {
        const d = this.ctx.temp();
        const steps = [`${d} = $rt.dict([], [])`];
        for (const k of e.keywords) {
          if (k.arg === null) steps.push(this.callAt(this.opAt(e), "$rt.dictUpdate", [d, this.expr(k.value)]));
          else steps.push(this.callAt(this.opAt(e), "$rt.dictUpdate", [d, `$rt.dict([${jsString(k.arg)}], [${this.expr(k.value)}])`]));
        }
        kw = `(${steps.join(", ")}, ${d})`;
      }
      return this.callAt(this.opAt(e), "$rt.callEx", [f, args, kw]);
    }
    // A method call's AttributeError points at `obj.name`, anything the call raises at the call;
    // when the name is on a later line than the call's start, both start at the name (CPython 3.11).
    let callSpan: A.Span = e;
    let lookupSpan: A.Span | null = method;
    if (method !== null && method.endLine !== e.line) {
      const col = method.endCol - method.attr.length;
      callSpan = { line: method.endLine, col, endLine: e.endLine, endCol: e.endCol };
      lookupSpan = { line: method.endLine, col, endLine: method.endLine, endCol: method.endCol };
    }
    const store = (): string => this.opAt(callSpan, lookupSpan);
    if (method !== null) {
      const obj = this.expr(method.value);
      const name = this.attrName(method.attr);
      const args = e.args.map((a) => this.expr(a));
      if (e.keywords.length > 0) {
        const { names, values } = this.keywords(e.keywords);
        return this.callAt(store(), "$rt.callMethodKw", [obj, name, `[${args.join(", ")}]`, names, values]);
      }
      if (args.length <= 2) return this.callAt(store(), `$rt.callMethod${args.length}`, [obj, name, ...args, this.attrSite()]);
      return this.callAt(store(), "$rt.callMethodN", [obj, name, `[${args.join(", ")}]`, this.attrSite()]);
    }
    const f = this.expr(e.func);
    const args = e.args.map((a) => this.expr(a));
    if (e.keywords.length > 0) {
      const { names, values } = this.keywords(e.keywords);
      return this.callAt(store(), "$rt.callKw", [f, `[${args.join(", ")}]`, names, values]);
    }
    if (args.length <= 3) return this.callAt(store(), `$rt.call${args.length}`, [f, ...args]);
    return this.callAt(store(), "$rt.callN", [f, `[${args.join(", ")}]`]);
  }

  private keywords(kws: A.Keyword[]): { names: string; values: string } {
    const seen = new Set<string>();
    for (const k of kws) {
      const name = k.arg as string;
      if (seen.has(name)) this.error(`keyword argument repeated: ${name}`, k);
      seen.add(name);
    }
    return {
      names: `[${kws.map((k) => jsString(k.arg as string)).join(", ")}]`,
      values: `[${kws.map((k) => this.expr(k.value)).join(", ")}]`,
    };
  }

  private joinedStr(e: A.JoinedStr): string {
    if (e.values.length === 0) return '""';
    const parts = e.values.map((v) => (v.kind === "Constant" ? this.constant(v.value) : this.formattedValue(v)));
    if (parts.length === 1 && e.values[0].kind === "Constant") return parts[0];
    return `(${e.values[0].kind === "Constant" ? "" : '"" + '}${parts.join(" + ")})`;
  }

  private formattedValue(v: A.FormattedValue): string {
    // CPython 3.11 gives every piece of an f-string the whole literal's span (so does the parser).
    let value = this.expr(v.value);
    if (v.conversion === "r") value = this.callAt(this.opAt(v), "$rt.repr", [value]);
    else if (v.conversion === "s") value = this.callAt(this.opAt(v), "$rt.str", [value]);
    else if (v.conversion === "a") value = this.callAt(this.opAt(v), "$rt.ascii", [value]);
    const spec = v.formatSpec === null ? '""' : this.joinedStr(v.formatSpec);
    return this.callAt(this.opAt(v), "$rt.format", [value, spec]);
  }

  // -------------------------------------------------------------------------------------------
  // Comprehensions

  /**
   * The loops of a comprehension, innermost last, around `inner`. The first iterator arrives as
   * the JS parameter `$it0` (Python evaluates the first iterable in the enclosing scope).
   */
  private comprehensionLoops(gens: A.Comprehension[], inner: string): string {
    let code = inner;
    for (let i = gens.length - 1; i >= 0; i--) {
      const g = gens[i];
      const it = i === 0 ? "$it0" : this.ctx.temp();
      const v = this.ctx.temp();
      // Conditions of clause i see the targets of clauses 0..i; its iterable those of 0..i-1.
      this.ctx.bound = comprehensionTargets(gens.slice(0, i + 1));
      const conds = g.ifs.map((c) => `if (!${this.test(c)}) continue;\n`).join("");
      this.ctx.bound = comprehensionTargets(gens.slice(0, i));
      const head = i === 0 ? "" : `${it} = ${this.callAt(this.opAt(g.iter), "$rt.iter", [this.expr(g.iter)])};\n`;
      code = `${head}for (;;) {\n$rt.tick();\n${v} = ${it}.next();\nif (${v} === undefined) break;\n${this.assignTarget(g.target, v)}${conds}${code}}\n`;
    }
    return code;
  }

  private comprehension(e: A.ListComp | A.SetComp | A.DictComp): string {
    const scope = this.scopeOf(e);
    const positions: number[] = [];
    const codeVar = this.codeInfo(scope.name, scope.qualname, e.line, { positional: [".0"], posonly: 0, varargs: null, kwonly: [], varkw: null }, positions);
    const outerIter = this.expr(e.generators[0].iter);
    const parentCtx = this.ctx;
    const parentLine = this.lineNow;
    this.ctx = new FunctionContext(scope, codeVar, positions, null, null);
    this.ctx.stmtPos = this.ctx.pos(e);
    this.lineNow = e.line;
    let fn: string;
    try {
      let inner: string;
      let init: string;
      let result: string;
      this.ctx.bound = comprehensionTargets(e.generators);
      if (e.kind === "DictComp") {
        init = "const $ks = [], $vs = [];\n";
        inner = `if (($ks.push(${this.expr(e.key)}) & 0xffff) === 0) $rt.checkLength($ks.length);\n$vs.push(${this.expr(e.value)});\n`;
        result = "$rt.dict($ks, $vs)";
      } else {
        init = "const $res = [];\n";
        // Every 65536 elements: MemoryError before V8's array limit (errors.ts MAX_SEQUENCE_LENGTH).
        inner = `if (($res.push(${this.expr(e.elt)}) & 0xffff) === 0) $rt.checkLength($res.length);\n`;
        result = e.kind === "ListComp" ? "$rt.list($res)" : "$rt.set($res)";
      }
      const loops = this.comprehensionLoops(e.generators, inner);
      const decls = [...scope.localNames().map(localName), ...this.ctx.temps];
      fn =
        `(function ($it0) {\nconst $f = $rt.enter();\nlet $ln = ${this.ctx.stmtPos};\n$L[$f] = ${this.packLine(e.line)};\n` +
        (decls.length > 0 ? `let ${decls.join(", ")};\n` : "") +
        `try {\n${init}${loops}return ${result};\n} catch ($e) {\nthrow $rt.traceback($e, ${codeVar}, $ln, $f);\n} finally {\n$rt.leave();\n}\n})`;
    } finally {
      this.ctx = parentCtx;
      this.lineNow = parentLine;
    }
    // The comprehension's frame is entered (and its first iterable iterated) at the comprehension.
    return this.callAt(this.opAt(e), fn, [this.callAt(this.opAt(e), "$rt.iter", [outerIter])]);
  }

  private generator(e: A.GeneratorExp): string {
    const scope = this.scopeOf(e);
    const positions: number[] = [];
    const codeVar = this.codeInfo(scope.name, scope.qualname, e.line, { positional: [".0"], posonly: 0, varargs: null, kwonly: [], varkw: null }, positions);
    const outerIter = this.expr(e.generators[0].iter);
    const parentCtx = this.ctx;
    const parentLine = this.lineNow;
    this.ctx = new FunctionContext(scope, codeVar, positions, null, null, true);
    this.ctx.stmtPos = this.ctx.pos(e);
    this.lineNow = e.line;
    let fn: string;
    try {
      this.ctx.bound = comprehensionTargets(e.generators);
      const loops = this.comprehensionLoops(e.generators, `yield ${this.expr(e.elt)};\n`);
      const decls = [...scope.localNames().map(localName), ...this.ctx.temps];
      // A suspended generator has no fixed frame depth; -1 keeps its traceback entry distinct.
      fn =
        `(function* ($it0) {\nconst $f = -1;\nlet $ln = ${this.ctx.stmtPos};\n` +
        (decls.length > 0 ? `let ${decls.join(", ")};\n` : "") +
        `try {\n${loops}} catch ($e) {\nthrow $rt.traceback($e, ${codeVar}, $ln, $f);\n}\n})`;
    } finally {
      this.ctx = parentCtx;
      this.lineNow = parentLine;
    }
    return `$rt.generator(${fn}(${this.callAt(this.opAt(e), "$rt.iter", [outerIter])}), ${jsString(scope.qualname)})`;
  }
}

function collectDeleted(body: A.Stmt[], out: Set<string>): void {
  const visitTarget = (t: A.Expr): void => {
    if (t.kind === "Name") out.add(t.id);
    else if (t.kind === "Tuple" || t.kind === "List") t.elts.forEach(visitTarget);
  };
  for (const s of body) {
    switch (s.kind) {
      case "Delete":
        s.targets.forEach(visitTarget);
        break;
      case "Try":
        // `except E as name` unbinds the name afterwards.
        for (const h of s.handlers) if (h.name !== null) out.add(h.name);
        collectDeleted(s.body, out);
        s.handlers.forEach((h) => collectDeleted(h.body, out));
        collectDeleted(s.orelse, out);
        collectDeleted(s.finalbody, out);
        break;
      case "If":
      case "For":
      case "While":
        collectDeleted(s.body, out);
        collectDeleted(s.orelse, out);
        break;
      case "With":
        collectDeleted(s.body, out);
        break;
      case "FunctionDef":
      case "ClassDef":
        // A nested function can unbind this one's variable through `nonlocal`.
        collectDeleted(s.body, out);
        break;
    }
  }
}

/**
 * Whether a JS expression the generator produced is a plain value that runs no Python operation
 * (so cannot move `$ln`): a literal, a local, a temporary or a runtime constant.
 */
/** An operator node of a fused float tree, see CodeGenerator.floatTree. */
interface FusedValue {
  /** Evaluates the node (ends in ", "). */
  code: string;
  /** Temporary holding the value. */
  v: string;
  /** Temporary saying whether `v` is a raw double; null for a leaf (always a Python value). */
  raw: string | null;
}

function isFusable(e: A.Expr): e is A.BinOp {
  return e.kind === "BinOp" && (e.op === "Add" || e.op === "Sub" || e.op === "Mult");
}

/** The inline small-int path of an operator: `(a, b, r) => test` storing the result in r, or null. */
function smallIntFastPath(op: A.BinaryOperator): ((a: string, b: string, r: string) => string) | null {
  const inRange = (r: string): string => `${r} <= ${Number.MAX_SAFE_INTEGER} && ${r} >= -${Number.MAX_SAFE_INTEGER}`;
  switch (op) {
    case "Add":
      return (a, b, r) => `(${r} = ${a} + ${b}, ${inRange(r)})`;
    case "Sub":
      return (a, b, r) => `(${r} = ${a} - ${b}, ${inRange(r)})`;
    case "Mult":
      return (a, b, r) => `(${r} = ${a} * ${b} + 0, ${inRange(r)})`;
    case "Mod":
      return (a, b, r) => `${a} >= 0 && ${b} > 0 && (${r} = ${a} % ${b}, true)`;
    case "FloorDiv":
      return (a, b, r) => `${a} >= 0 && ${b} > 0 && (${r} = (${a} - ${a} % ${b}) / ${b}, true)`;
    default:
      return null;
  }
}

function isPlain(js: string): boolean {
  return /^(?:[A-Za-z_$][\w$]*|-?\d+n?|"(?:[^"\\]|\\.)*"|\$rt\.(?:None|Ellipsis)|\[(?:"(?:[^"\\]|\\.)*"(?:, )?)*\])$/.test(js);
}

/** The docstring of a module, class or function body: a leading string-literal statement. */
function docstring(body: A.Stmt[]): string | null {
  const first = body[0];
  if (first === undefined || first.kind !== "Expr" || first.value.kind !== "Constant" || first.value.value.type !== "str") return null;
  return first.value.value.value;
}

/** IPython convention: a cell whose last expression ends in `;` displays nothing. */
function endsWithSemicolon(s: A.Stmt, source: string): boolean {
  return sourceLine(source, s.endLine).slice(s.endCol).trimStart().startsWith(";");
}

/** Names the targets of these comprehension clauses bind. */
function comprehensionTargets(gens: A.Comprehension[]): Set<string> {
  const out = new Set<string>();
  const visit = (t: A.Expr): void => {
    if (t.kind === "Name") out.add(t.id);
    else if (t.kind === "Tuple" || t.kind === "List") t.elts.forEach(visit);
    else if (t.kind === "Starred") visit(t.value);
  };
  for (const g of gens) visit(g.target);
  return out;
}

/** Names a statement binds whenever it completes normally. */
function certainlyBinds(s: A.Stmt): string[] {
  const out: string[] = [];
  const visit = (t: A.Expr): void => {
    if (t.kind === "Name") out.push(t.id);
    else if (t.kind === "Tuple" || t.kind === "List") t.elts.forEach(visit);
    else if (t.kind === "Starred") visit(t.value);
  };
  switch (s.kind) {
    case "Assign":
      s.targets.forEach(visit);
      break;
    case "AnnAssign":
      if (s.value !== null) visit(s.target);
      break;
    case "AugAssign":
      visit(s.target);
      break;
    case "FunctionDef":
    case "ClassDef":
      out.push(s.name);
      break;
    case "Import":
      for (const a of s.names) out.push(a.asname ?? a.name.split(".")[0]);
      break;
    case "ImportFrom":
      for (const a of s.names) if (a.name !== "*") out.push(a.asname ?? a.name);
      break;
    case "With":
      for (const item of s.items) if (item.optionalVars !== null) visit(item.optionalVars);
      break;
  }
  return out;
}

/**
 * An expression CPython 3.11's AST optimizer folds to a constant: literals, tuples of them, and
 * arithmetic on numbers (-(2**62), 1 << 40) short of its size limits and of raising (1/0).
 */
function isFoldedConstant(e: A.Expr): boolean {
  if (e.kind === "Constant") return true;
  return e.kind === "Tuple" ? e.elts.every(isFoldedConstant) : isFoldedNumber(e);
}

function isFoldedNumber(e: A.Expr): boolean {
  if (e.kind === "Constant") return e.value.type === "int" || e.value.type === "float";
  if (e.kind === "UnaryOp") return e.op !== "Not" && isFoldedNumber(e.operand);
  if (e.kind !== "BinOp" || e.op === "MatMult" || !isFoldedNumber(e.left) || !isFoldedNumber(e.right)) return false;
  const r = e.right.kind === "Constant" && (e.right.value.type === "int" || e.right.value.type === "float") ? Number(e.right.value.value) : null;
  if (e.op === "Div" || e.op === "FloorDiv" || e.op === "Mod") return r !== null && r !== 0;
  // Powers and shifts fold only while the result stays within 128 bits.
  if (e.op === "Pow" || e.op === "LShift") return r !== null && r >= 0 && r <= 64;
  return true;
}
