/*
 * Scope analysis (CPython's symtable pass): decides for every name in every scope whether it is a
 * local, a global, a free variable of an enclosing function, or — in class bodies — a class
 * namespace entry. Also raises the SyntaxErrors CPython's symtable and compiler raise
 * ('return' outside function, nonlocal without a binding, ...).
 *
 * Functions compile to nested JS functions and locals to JS `let`s, so a free variable needs no
 * explicit cell: JS closures already share the binding. That only holds because class bodies never
 * declare JS variables (their names live in the class namespace Map), exactly as Python skips class
 * scopes when resolving free variables.
 */

import type * as A from "../parser/ast";
import { PythonSyntaxError } from "../parser/syntaxError";
import { sourceLine } from "../parser/tokenizer";

export type ScopeKind = "module" | "function" | "class" | "comprehension";

/** How a name is accessed from one scope. */
export type Binding =
  /** A JS `let` of this scope (or a parameter). */
  | "local"
  /** A JS `let` of an enclosing function, reached through the JS closure. */
  | "free"
  /** A module cell. */
  | "global"
  /** Class body: a name assigned in the class (namespace Map; reads fall back to globals). */
  | "classLocal"
  /** Class body: read the namespace Map, then an enclosing function's variable. */
  | "classFree"
  /** Class body: never assigned there; namespace Map, then globals, then builtins. */
  | "classGlobal";

export type ScopeNode = A.Module | A.FunctionDef | A.Lambda | A.ClassDef | A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp;

export class Scope {
  readonly kind: ScopeKind;
  readonly node: ScopeNode;
  readonly parent: Scope | null;
  readonly name: string;
  readonly qualname: string;
  readonly params: string[] = [];
  /** Names bound in this scope (assignment, def, import, for, with, except, walrus, del). */
  readonly assigned = new Set<string>();
  readonly globals = new Set<string>();
  readonly nonlocals = new Set<string>();
  readonly used = new Set<string>();
  readonly children: Scope[] = [];
  /** Resolution of every name used or bound here. */
  readonly bindings = new Map<string, Binding>();
  /** Uses `super` (methods get the class they are defined in, like CPython's `__class__` cell). */
  usesSuper = false;
  /** A function whose body yields: calling it returns a generator. */
  isGenerator = false;

  constructor(kind: ScopeKind, node: ScopeNode, parent: Scope | null, name: string) {
    this.kind = kind;
    this.node = node;
    this.parent = parent;
    this.name = name;
    this.qualname = qualnameOf(kind, name, parent);
  }

  /** JS `let`s this scope declares (locals that are not parameters), in first-binding order. */
  localNames(): string[] {
    const out: string[] = [];
    for (const [name, b] of this.bindings) if (b === "local" && !this.params.includes(name)) out.push(name);
    return out;
  }

  binding(name: string): Binding {
    const b = this.bindings.get(name);
    if (b === undefined) throw new Error(`internal: unresolved name ${name} in ${this.qualname}`);
    return b;
  }
}

function qualnameOf(kind: ScopeKind, name: string, parent: Scope | null): string {
  if (parent === null || parent.kind === "module") return name;
  if (parent.kind === "class") return `${parent.qualname}.${name}`;
  return `${parent.qualname}.<locals>.${name}`;
}

export interface ScopeTable {
  module: Scope;
  /** The scope each function, lambda, class or comprehension node opens. */
  scopes: Map<ScopeNode, Scope>;
}

export function analyzeScopes(module: A.Module, filename: string, source: string): ScopeTable {
  const builder = new ScopeBuilder(filename, source);
  const moduleScope = new Scope("module", module, null, "<module>");
  builder.scopes.set(module, moduleScope);
  builder.checkFutureImports(module.body);
  builder.visitBody(module.body, moduleScope);
  resolve(moduleScope, builder);
  return { module: moduleScope, scopes: builder.scopes };
}

class ScopeBuilder {
  readonly scopes = new Map<ScopeNode, Scope>();
  constructor(
    readonly filename: string,
    readonly source: string,
  ) {}

  error(msg: string, at: A.Span): never {
    throw new PythonSyntaxError("SyntaxError", msg, this.filename, at, sourceLine(this.source, at.line));
  }

  /**
   * `from __future__ import ...` is a compiler directive: only at the top of the module (after the
   * docstring), only known features. All of them are already the behaviour of Python 3.11.
   */
  checkFutureImports(body: A.Stmt[]): void {
    let atTop = true;
    body.forEach((s, i) => {
      if (s.kind === "ImportFrom" && s.module === "__future__" && s.level === 0) {
        if (!atTop) this.error("from __future__ imports must occur at the beginning of the file", s);
        for (const a of s.names) {
          if (a.name === "braces") this.error("not a chance", s);
          if (!futureFeatures.has(a.name)) this.error(`future feature ${a.name} is not defined`, s);
        }
        return;
      }
      const docstring = i === 0 && s.kind === "Expr" && s.value.kind === "Constant" && s.value.value.type === "str";
      if (!docstring) atTop = false;
    });
  }

  visitBody(body: A.Stmt[], scope: Scope): void {
    for (const s of body) this.visitStmt(s, scope);
  }

  private bind(name: string, scope: Scope): void {
    scope.assigned.add(name);
  }

  private declare(s: A.Global | A.Nonlocal, scope: Scope): void {
    const isGlobal = s.kind === "Global";
    if (!isGlobal && scope.kind === "module") this.error("nonlocal declaration not allowed at module level", s);
    for (const name of s.names) {
      if (scope.params.includes(name)) {
        this.error(`name '${name}' is parameter and ${isGlobal ? "global" : "nonlocal"}`, s);
      }
      // CPython reports the conflict at the first of the two declarations.
      const earlier = this.declarations.get(scope)?.get(name);
      if (earlier !== undefined && earlier.kind !== s.kind) this.error(`name '${name}' is nonlocal and global`, earlier);
      if (scope.assigned.has(name)) {
        this.error(`name '${name}' is assigned to before ${isGlobal ? "global" : "nonlocal"} declaration`, s);
      }
      if (scope.used.has(name)) {
        this.error(`name '${name}' is used prior to ${isGlobal ? "global" : "nonlocal"} declaration`, s);
      }
      (isGlobal ? scope.globals : scope.nonlocals).add(name);
      let decls = this.declarations.get(scope);
      if (decls === undefined) {
        decls = new Map();
        this.declarations.set(scope, decls);
      }
      if (!decls.has(name)) decls.set(name, s);
    }
  }

  private readonly declarations = new Map<Scope, Map<string, A.Global | A.Nonlocal>>();

  private visitStmt(s: A.Stmt, scope: Scope): void {
    switch (s.kind) {
      case "FunctionDef":
        for (const d of s.decorators) this.visitExpr(d, scope);
        this.visitArgumentsOuter(s.args, scope);
        if (s.returns !== null) this.visitExpr(s.returns, scope);
        this.bind(s.name, scope);
        this.visitFunction(s, s.name, s.args, scope, () => this.visitBody(s.body, this.scopes.get(s) as Scope));
        return;
      case "ClassDef": {
        for (const d of s.decorators) this.visitExpr(d, scope);
        for (const b of s.bases) this.visitExpr(b, scope);
        for (const k of s.keywords) this.visitExpr(k.value, scope);
        this.bind(s.name, scope);
        const cls = new Scope("class", s, scope, s.name);
        scope.children.push(cls);
        this.scopes.set(s, cls);
        this.visitBody(s.body, cls);
        return;
      }
      case "Return":
        if (scope.kind !== "function") this.error("'return' outside function", s);
        if (s.value !== null) this.visitExpr(s.value, scope);
        return;
      case "Delete":
        for (const t of s.targets) this.visitTarget(t, scope);
        return;
      case "Assign":
        this.visitExpr(s.value, scope);
        for (const t of s.targets) this.visitTarget(t, scope);
        return;
      case "AugAssign":
        this.visitExpr(s.value, scope);
        if (s.target.kind === "Name") {
          this.use(s.target.id, scope);
          this.bind(s.target.id, scope);
        } else {
          this.visitTarget(s.target, scope);
        }
        return;
      case "AnnAssign":
        if (s.value !== null) this.visitExpr(s.value, scope);
        // Only module and class scopes evaluate annotations, but CPython records the names anyway.
        this.visitExpr(s.annotation, scope);
        if (s.target.kind === "Name") {
          if (scope.globals.has(s.target.id) || scope.nonlocals.has(s.target.id)) {
            if (s.simple) this.error(`annotated name '${s.target.id}' can't be ${scope.globals.has(s.target.id) ? "global" : "nonlocal"}`, s);
          }
          this.bind(s.target.id, scope);
        } else {
          this.visitTarget(s.target, scope);
        }
        return;
      case "For":
        this.visitExpr(s.iter, scope);
        this.visitTarget(s.target, scope);
        this.visitLoopBody(s.body, scope);
        this.visitBody(s.orelse, scope);
        return;
      case "While":
        this.visitExpr(s.test, scope);
        this.visitLoopBody(s.body, scope);
        this.visitBody(s.orelse, scope);
        return;
      case "If":
        this.visitExpr(s.test, scope);
        this.visitBody(s.body, scope);
        this.visitBody(s.orelse, scope);
        return;
      case "With":
        for (const item of s.items) {
          this.visitExpr(item.contextExpr, scope);
          if (item.optionalVars !== null) this.visitTarget(item.optionalVars, scope);
        }
        this.visitBody(s.body, scope);
        return;
      case "Raise":
        if (s.exc !== null) this.visitExpr(s.exc, scope);
        if (s.cause !== null) this.visitExpr(s.cause, scope);
        return;
      case "Try":
        this.visitBody(s.body, scope);
        for (const h of s.handlers) {
          if (h.type !== null) this.visitExpr(h.type, scope);
          if (h.name !== null) this.bind(h.name, scope);
          this.visitBody(h.body, scope);
        }
        this.visitBody(s.orelse, scope);
        this.visitBody(s.finalbody, scope);
        return;
      case "Assert":
        this.visitExpr(s.test, scope);
        if (s.msg !== null) this.visitExpr(s.msg, scope);
        return;
      case "Import":
        for (const a of s.names) this.bind(a.asname ?? a.name.split(".")[0], scope);
        return;
      case "ImportFrom":
        if (isFutureImport(s)) {
          if (scope.kind !== "module") this.error("from __future__ imports must occur at the beginning of the file", s);
          return;
        }
        if (s.level > 0) {
          this.error("relative imports are not supported in Kernel Lab (a notebook cell has no package)", s);
        }
        for (const a of s.names) {
          if (a.name === "*") {
            if (scope.kind !== "module") this.error("import * only allowed at module level", a);
            continue;
          }
          this.bind(a.asname ?? a.name, scope);
        }
        return;
      case "Global":
      case "Nonlocal":
        this.declare(s, scope);
        return;
      case "Expr":
        this.visitExpr(s.value, scope);
        return;
      case "Pass":
        return;
      case "Break":
      case "Continue":
        if (this.loopDepth(scope) === 0) {
          this.error(s.kind === "Break" ? "'break' outside loop" : "'continue' not properly in loop", s);
        }
        return;
    }
  }

  /** Loop nesting depth per scope, for 'break' outside loop. */
  private readonly loops = new Map<Scope, number>();

  private loopDepth(scope: Scope): number {
    return this.loops.get(scope) ?? 0;
  }

  private visitLoopBody(body: A.Stmt[], scope: Scope): void {
    this.loops.set(scope, this.loopDepth(scope) + 1);
    this.visitBody(body, scope);
    this.loops.set(scope, this.loopDepth(scope) - 1);
  }

  /** Defaults and annotations are evaluated in the enclosing scope. */
  private visitArgumentsOuter(args: A.Arguments, scope: Scope): void {
    for (const d of args.defaults) this.visitExpr(d, scope);
    for (const d of args.kwDefaults) if (d !== null) this.visitExpr(d, scope);
    const all = [...args.posonlyargs, ...args.args, ...args.kwonlyargs];
    if (args.vararg !== null) all.push(args.vararg);
    if (args.kwarg !== null) all.push(args.kwarg);
    for (const a of all) if (a.annotation !== null) this.visitExpr(a.annotation, scope);
  }

  private visitFunction(node: A.FunctionDef | A.Lambda, name: string, args: A.Arguments, parent: Scope, body: () => void): void {
    const fn = new Scope("function", node, parent, name);
    parent.children.push(fn);
    this.scopes.set(node, fn);
    const params = [...args.posonlyargs, ...args.args];
    if (args.vararg !== null) params.push(args.vararg);
    params.push(...args.kwonlyargs);
    if (args.kwarg !== null) params.push(args.kwarg);
    for (const p of params) {
      fn.params.push(p.arg);
      fn.assigned.add(p.arg);
    }
    body();
  }

  private use(name: string, scope: Scope): void {
    scope.used.add(name);
  }

  private visitTarget(t: A.Expr, scope: Scope): void {
    switch (t.kind) {
      case "Name":
        this.bind(t.id, scope);
        return;
      case "Tuple":
      case "List":
        for (const e of t.elts) this.visitTarget(e, scope);
        return;
      case "Starred":
        this.visitTarget(t.value, scope);
        return;
      default:
        this.visitExpr(t, scope);
    }
  }

  visitExpr(e: A.Expr, scope: Scope): void {
    switch (e.kind) {
      case "Name":
        this.use(e.id, scope);
        if (e.id === "super") scope.usesSuper = true;
        return;
      case "Constant":
        return;
      case "BoolOp":
        for (const v of e.values) this.visitExpr(v, scope);
        return;
      case "NamedExpr": {
        this.visitExpr(e.value, scope);
        // PEP 572: the target binds in the nearest enclosing non-comprehension scope.
        let target = scope;
        while (target.kind === "comprehension") {
          if (target.assigned.has(e.target.id) && (target.node as A.ListComp).generators.some((g) => targetBinds(g.target, e.target.id))) {
            this.error(`assignment expression cannot rebind comprehension iteration variable '${e.target.id}'`, e.target);
          }
          target = target.parent as Scope;
        }
        if (target.kind === "class" && target !== scope) {
          this.error("assignment expression within a comprehension cannot be used in a class body", e);
        }
        this.bind(e.target.id, target);
        if (target !== scope) {
          // Intermediate comprehensions reach it as a free variable.
          for (let s: Scope = scope; s !== target; s = s.parent as Scope) s.used.add(e.target.id);
        }
        return;
      }
      case "BinOp":
        this.visitExpr(e.left, scope);
        this.visitExpr(e.right, scope);
        return;
      case "UnaryOp":
        this.visitExpr(e.operand, scope);
        return;
      case "Lambda":
        this.visitArgumentsOuter(e.args, scope);
        this.visitFunction(e, "<lambda>", e.args, scope, () => this.visitExpr(e.body, this.scopes.get(e) as Scope));
        return;
      case "IfExp":
        this.visitExpr(e.test, scope);
        this.visitExpr(e.body, scope);
        this.visitExpr(e.orelse, scope);
        return;
      case "Dict":
        for (const k of e.keys) if (k !== null) this.visitExpr(k, scope);
        for (const v of e.values) this.visitExpr(v, scope);
        return;
      case "Set":
      case "List":
      case "Tuple":
        for (const v of e.elts) this.visitExpr(v, scope);
        return;
      case "ListComp":
      case "SetComp":
      case "GeneratorExp":
      case "DictComp":
        this.visitComprehension(e, scope);
        return;
      case "Yield":
      case "YieldFrom":
        if (scope.kind === "comprehension") {
          const what = { ListComp: "list comprehension", SetComp: "set comprehension", DictComp: "dict comprehension", GeneratorExp: "generator expression" };
          this.error(`'yield' inside ${what[(scope.node as A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp).kind]}`, e);
        }
        if (scope.kind === "module" || scope.kind === "class") this.error("'yield' outside function", e);
        scope.isGenerator = true;
        if (e.value !== null) this.visitExpr(e.value, scope);
        return;
      case "Compare":
        this.visitExpr(e.left, scope);
        for (const c of e.comparators) this.visitExpr(c, scope);
        return;
      case "Call":
        this.visitExpr(e.func, scope);
        for (const a of e.args) this.visitExpr(a, scope);
        for (const k of e.keywords) this.visitExpr(k.value, scope);
        return;
      case "FormattedValue":
        this.visitExpr(e.value, scope);
        if (e.formatSpec !== null) this.visitExpr(e.formatSpec, scope);
        return;
      case "JoinedStr":
        for (const v of e.values) this.visitExpr(v, scope);
        return;
      case "Attribute":
        this.visitExpr(e.value, scope);
        return;
      case "Subscript":
        this.visitExpr(e.value, scope);
        this.visitExpr(e.slice, scope);
        return;
      case "Starred":
        this.visitExpr(e.value, scope);
        return;
      case "Slice":
        if (e.lower !== null) this.visitExpr(e.lower, scope);
        if (e.upper !== null) this.visitExpr(e.upper, scope);
        if (e.step !== null) this.visitExpr(e.step, scope);
        return;
    }
  }

  private visitComprehension(e: A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp, scope: Scope): void {
    // The first iterable is evaluated in the enclosing scope; everything else in the new one.
    this.visitExpr(e.generators[0].iter, scope);
    const names: Record<string, string> = { ListComp: "<listcomp>", SetComp: "<setcomp>", DictComp: "<dictcomp>", GeneratorExp: "<genexpr>" };
    const comp = new Scope("comprehension", e, scope, names[e.kind]);
    scope.children.push(comp);
    this.scopes.set(e, comp);
    e.generators.forEach((g, i) => {
      if (i > 0) this.visitExpr(g.iter, comp);
      this.visitTarget(g.target, comp);
      for (const cond of g.ifs) this.visitExpr(cond, comp);
    });
    if (e.kind === "DictComp") {
      this.visitExpr(e.key, comp);
      this.visitExpr(e.value, comp);
    } else {
      this.visitExpr(e.elt, comp);
    }
  }
}

const futureFeatures: ReadonlySet<string> = new Set([
  "nested_scopes", "generators", "division", "absolute_import", "with_statement", "print_function",
  "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations",
]);

export function isFutureImport(s: A.ImportFrom): boolean {
  return s.module === "__future__" && s.level === 0;
}

function targetBinds(t: A.Expr, name: string): boolean {
  switch (t.kind) {
    case "Name":
      return t.id === name;
    case "Tuple":
    case "List":
      return t.elts.some((e) => targetBinds(e, name));
    case "Starred":
      return targetBinds(t.value, name);
    default:
      return false;
  }
}

/** Whether a function-like scope (function or comprehension) binds `name` as its own local. */
function bindsLocally(s: Scope, name: string): boolean {
  return (s.assigned.has(name) || s.params.includes(name)) && !s.globals.has(name) && !s.nonlocals.has(name);
}

/**
 * Resolve a free name from `scope` outward through enclosing function scopes (classes skipped):
 * "free" when some function binds it (or declares it nonlocal, i.e. passes it through), "global"
 * when a function on the way declares it global or nothing binds it.
 */
function resolveOutward(scope: Scope, name: string): "free" | "global" {
  for (let s = scope.parent; s !== null; s = s.parent) {
    if (s.kind === "class") continue;
    if (s.kind === "module") return "global";
    if (s.globals.has(name)) return "global";
    if (s.nonlocals.has(name) || bindsLocally(s, name)) return "free";
  }
  return "global";
}

function resolve(scope: Scope, builder: ScopeBuilder): void {
  const names = new Set<string>([...scope.params, ...scope.assigned, ...scope.used, ...scope.globals, ...scope.nonlocals]);
  for (const name of names) {
    let b: Binding;
    if (scope.kind === "module") {
      b = "global";
    } else if (scope.globals.has(name)) {
      b = "global";
    } else if (scope.nonlocals.has(name)) {
      if (resolveOutward(scope, name) !== "free" || !hasFunctionBinding(scope, name)) {
        builder.error(`no binding for nonlocal '${name}' found`, nonlocalStatement(scope, name));
      }
      b = scope.kind === "class" ? "classFree" : "free";
    } else if (scope.kind === "class") {
      if (scope.assigned.has(name)) b = "classLocal";
      else b = resolveOutward(scope, name) === "free" ? "classFree" : "classGlobal";
    } else if (bindsLocally(scope, name)) {
      b = "local";
    } else {
      b = resolveOutward(scope, name);
    }
    scope.bindings.set(name, b);
    if (b === "free" || b === "classFree") passThrough(scope, name);
  }
  for (const c of scope.children) resolve(c, builder);
}

/** Functions between a free variable's use and its binding carry it too (as CPython records). */
function passThrough(scope: Scope, name: string): void {
  for (let s = scope.parent; s !== null && s.kind !== "module"; s = s.parent) {
    if (s.kind === "class") continue;
    if (bindsLocally(s, name) || s.nonlocals.has(name)) return;
    if (!s.bindings.has(name)) s.bindings.set(name, "free");
  }
}

/** `nonlocal x` needs a real binding of x in an enclosing function (not just pass-throughs). */
function hasFunctionBinding(scope: Scope, name: string): boolean {
  for (let s = scope.parent; s !== null; s = s.parent) {
    if (s.kind === "class") continue;
    if (s.kind === "module" || s.globals.has(name)) return false;
    if (bindsLocally(s, name)) return true;
  }
  return false;
}

function nonlocalStatement(scope: Scope, name: string): A.Span {
  const body = scope.node.kind === "FunctionDef" || scope.node.kind === "ClassDef" ? scope.node.body : [];
  const found = findNonlocal(body, name);
  return found ?? scope.node;
}

function findNonlocal(body: A.Stmt[], name: string): A.Nonlocal | null {
  for (const s of body) {
    if (s.kind === "Nonlocal" && s.names.includes(name)) return s;
    const nested: A.Stmt[][] = [];
    if (s.kind === "If" || s.kind === "For" || s.kind === "While") nested.push(s.body, s.orelse);
    if (s.kind === "With") nested.push(s.body);
    if (s.kind === "Try") nested.push(s.body, s.orelse, s.finalbody, ...s.handlers.map((h) => h.body));
    for (const b of nested) {
      const f = findNonlocal(b, name);
      if (f !== null) return f;
    }
  }
  return null;
}
