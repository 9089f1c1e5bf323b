/*
 * The contract between compiled Python code and the runtime.
 *
 * The compiler turns a module into the body of a JS function run as
 *     new Function("$rt", "$g", body)(runtime, scope)
 * where `$rt` implements `Protocol` below and `$g` is the module's `ModuleScope`. Every Python
 * operation in the body is a call `$rt.op(...)` (always a method call on `$rt`: some operations use
 * interpreter state through `this`). User identifiers are mangled by the compiler so they can never
 * name `$rt`, `$g` or any JS global.
 *
 * Value representation (see objects.ts): int = number | bigint, float = PyFloat, bool = boolean,
 * str = string, None = the `None` singleton object, everything else a PyObject. Compiled code may
 * emit JS literals directly for ints (safe range: `5`; larger: `123n`), bools and strings, and must
 * create floats with `$rt.float(x)` (floats are immutable, so literal floats may be hoisted to
 * constants). `x is y` compiles to `x === y`.
 *
 * Module body result: in notebook-cell mode the body ends with `return <expr>` when its last
 * statement is an expression statement (the cell's `execute_result`); otherwise it returns nothing.
 *
 * Frames, line numbers, tracebacks (the pattern every compiled function body follows):
 *
 *     const $f = $rt.enter();              // recursion depth check; returns the frame depth
 *     let $ln = 0;                         // current position, updated before every statement
 *     try {
 *       $ln = 1; ...statement...
 *       $ln = 2; $L[$f] = 2097157; ...statement that may reach native code...
 *       $ln = 3; x = $rt.truediv(a, ($t1 = $rt.call1(f, b), $ln = 4, $t1));
 *     } catch ($e) {
 *       throw $rt.traceback($e, $code, $ln, $f);   // JS error -> Python exception + frame entry
 *     } finally {
 *       $rt.leave();
 *     }
 *
 * `$ln` is an index into `$code.positions` (CodeInfo below): the span of the statement being run,
 * or of the operation being run when that operation can raise (stored after its operands are
 * evaluated, so nested operations do not overwrite it). Tracebacks print it as CPython 3.11's
 * `~~~^^^` caret line. Operations that cannot raise (the inline small-int fast paths) store nothing.
 *
 * Module bodies use the same try/catch with `$f = 0` and no enter/leave, and first bind
 * `const $L = $rt.lines`. `$code` is the function's `CodeInfo` (a constant the compiler hoists).
 * `$L[$f] = <packed file and line>` (runtime/locations.ts) publishes the line to native code
 * (`Runtime.currentLocation`) before operations that may reach it (compiler/native-reach.ts);
 * generator expressions, which have no fixed depth, publish nothing and use frame -1. Loops call
 * `$rt.tick()` once per iteration (it counts down a budget and only then checks the interrupt flag
 * and wall clock).
 *
 * try/except compiles to:
 *
 *     try { ... } catch ($e) {
 *       const $x = $rt.caught($e, $code, $ln, $f);     // normalise + record frame + push "handling"
 *       try {
 *         if ($rt.excMatch($x, <type or tuple expr>)) { <name> = $x; ...handler...; }
 *         else if (...) { ... }
 *         else throw $x;
 *       } catch ($h) { throw $rt.fromHandler($h); }      // implicit __context__ of what the handler raises
 *       finally { $rt.endHandler(); }                    // pop "handling" (restores __context__ state)
 *     }
 *
 * `raise X from Y` -> `throw $rt.raise(X, Y)`; `raise X` -> `throw $rt.raise(X)`;
 * bare `raise` -> `throw $rt.reraise()`; `assert c, m` -> `if (!$rt.truthy(c)) throw $rt.assertFail(m)`.
 *
 * with:
 *     const $m = <expr>; const $v = $rt.withEnter($m); let $ok = true;
 *     try { ... } catch ($e) {
 *       $ok = false; const $x = $rt.caught($e, $code, $ln, $f);
 *       try { if (!$rt.withExit($m, $x)) throw $x; } finally { $rt.endHandler(); }
 *     } finally { if ($ok) $rt.withExit($m, null); }
 *
 * Globals: `const $c_x = $g.cell("x")` once per module body (cells persist across notebook cells),
 * then a read is `($c_x.v ?? $rt.globalMiss($c_x))` (builtins fallback, else NameError), a write is
 * `$c_x.v = value`, `del x` is `$rt.delGlobal($c_x)`.
 * Locals are JS `let`s; reading one that may be unassigned is
 * `(x === undefined ? $rt.unboundLocal("x") : x)` (throws UnboundLocalError / NameError for free vars).
 */

import type {
  AttrSite,
  GlobalCell,
  Kwargs,
  ModuleScope,
  PyFloat,
  PyObject,
  PyType,
  PyValue,
} from "./objects";

export type { GlobalCell, Kwargs, ModuleScope, PyFloat, PyObject, PyType, PyValue };

/** Static facts about one function (or the module body / a class body / a lambda). */
export interface CodeInfo {
  /** `f`, `<lambda>`, `<module>`, `<listcomp>`, class name for class bodies. */
  name: string;
  /** `C.method`, `outer.<locals>.inner`. */
  qualname: string;
  /** As shown in tracebacks: "prog.py", "<cell 3>". */
  filename: string;
  firstLine: number;
  params: ParamSpec;
  /** A function's parameter and local variable names (CPython's co_varnames), for NameError suggestions. */
  varnames?: string[];
  /**
   * Source spans `$ln` indexes, 6 numbers each: line, col, endLine, endCol (CPython's lineno,
   * col_offset, end_lineno, end_col_offset, columns in UTF-16 units), then for a method call the
   * endLine and endCol of its `obj.name` part, which an AttributeError looking the method up points
   * at (else -1, -1). Without a table, `$ln` is the line itself.
   */
  positions?: readonly number[];
}

/**
 * The parameter list. The JS implementation receives one argument per parameter in this order:
 * positional (`posonly` first, then the rest of `positional`), then the `*args` tuple if `varargs`,
 * then keyword-only in `kwonly` order, then the `**kwargs` dict if `varkw`. The runtime binds call
 * arguments to this order (defaults, CPython's TypeErrors) before calling the implementation.
 */
export interface ParamSpec {
  positional: string[];
  /** How many leading `positional` names are positional-only (before `/`). */
  posonly: number;
  varargs: string | null;
  kwonly: string[];
  varkw: string | null;
}

/** The JS function the compiler emits for a Python function body (one arg per parameter). */
export type FunctionImpl = (...args: PyValue[]) => PyValue;

/** A JS-side iterator over a Python iterable: `next()` returns undefined when exhausted. */
export interface PyIter {
  next(): PyValue | undefined;
}

/** The exception object compiled code receives from `caught()` and throws. */
export type PyException = PyObject;

export interface Protocol {
  // ---- constants and literals ------------------------------------------------------------------
  readonly None: PyObject;
  readonly NotImplemented: PyObject;
  readonly Ellipsis: PyObject;
  /** A float literal / float result. */
  float(v: number): PyFloat;
  /** The float class, for compiled code's inline `instanceof` tests (see CodeGenerator.floatTree). */
  readonly floatClass: typeof PyFloat;
  /** An int literal too large for a safe JS number, from its decimal text. */
  bigint(text: string): PyValue;
  list(items: PyValue[]): PyObject;
  tuple(items: PyValue[]): PyObject;
  set(items: PyValue[]): PyObject;
  /** `{k0: v0, k1: v1}`; later keys win, as in Python. */
  dict(keys: PyValue[], values: PyValue[]): PyObject;
  /** `{**a, ...}` piece: merge a mapping into a dict being built. */
  dictUpdate(target: PyObject, mapping: PyValue): void;
  /** `[*a, ...]` piece: append everything from an iterable to a JS array being built. */
  extend(target: PyValue[], iterable: PyValue): void;
  slice(start: PyValue, stop: PyValue, step: PyValue): PyObject;

  // ---- frames, limits, names -------------------------------------------------------------------
  /** Per-depth published locations, written by compiled code (see the frame pattern above). */
  readonly lines: Float64Array;
  /** Function prologue: bump recursion depth (RecursionError past the limit); returns the depth. */
  enter(): number;
  /** Function epilogue (in `finally`). */
  leave(): void;
  /** Loop back-edge / long operation: interrupt flag and wall clock, cheaply amortised. */
  tick(): void;
  /** A global cell was unbound: look in builtins, else throw NameError. */
  globalMiss(cell: GlobalCell): PyValue;
  /** `del x` at module level (NameError if unbound). */
  delGlobal(cell: GlobalCell): void;
  /** Throws UnboundLocalError("cannot access local variable 'x' where it is not associated with a value"). */
  unboundLocal(name: string): never;
  /** Throws NameError for a free variable of an enclosing function that is not yet bound. */
  unboundFree(name: string): never;

  // ---- exceptions ------------------------------------------------------------------------------
  /** In a function's outermost catch: normalise `e` and append this frame to its traceback. */
  traceback(e: unknown, code: CodeInfo, position: number, frame: number): PyException;
  /** In an except/with catch: like `traceback`, and mark the exception as being handled. */
  caught(e: unknown, code: CodeInfo, position: number, frame: number): PyException;
  /** An exception leaving an except block (its `catch`): sets its implicit `__context__`. */
  fromHandler(e: unknown): PyException;
  /** End of an except block (in `finally`). */
  endHandler(): void;
  /** `except T:` test; `T` may be a class or a tuple of classes (TypeError otherwise). */
  excMatch(exc: PyException, type: PyValue): boolean;
  /** `raise X [from Y]`: instantiates classes, sets __context__/__cause__; returns what to throw. */
  raise(exc: PyValue, cause?: PyValue): PyException;
  /** Bare `raise`. */
  reraise(): PyException;
  /** AssertionError with an optional message. */
  assertFail(msg?: PyValue): PyException;
  /** `with m:` entry: calls `type(m).__enter__(m)` and returns its value. */
  withEnter(m: PyValue): PyValue;
  /** `with` exit: `__exit__(type, value, None)` or `(None, None, None)`; true means "suppress". */
  withExit(m: PyValue, exc: PyException | null): boolean;

  // ---- attributes and items --------------------------------------------------------------------
  /** `site`: the compiled access's inline cache (see AttrSite), from `attrSite()`. */
  getattr(obj: PyValue, name: string, site?: AttrSite | null): PyValue;
  setattr(obj: PyValue, name: string, value: PyValue, site?: AttrSite | null): void;
  /** MemoryError once a sequence being built reaches `length` elements past the limit. */
  checkLength(length: number): void;
  /** A fresh inline cache for one attribute access site of compiled code. */
  attrSite(): AttrSite;
  delattr(obj: PyValue, name: string): void;
  getitem(obj: PyValue, key: PyValue): PyValue;
  setitem(obj: PyValue, key: PyValue, value: PyValue): void;
  delitem(obj: PyValue, key: PyValue): void;

  // ---- operators -------------------------------------------------------------------------------
  add(a: PyValue, b: PyValue): PyValue;
  sub(a: PyValue, b: PyValue): PyValue;
  mul(a: PyValue, b: PyValue): PyValue;
  truediv(a: PyValue, b: PyValue): PyValue;
  floordiv(a: PyValue, b: PyValue): PyValue;
  mod(a: PyValue, b: PyValue): PyValue;
  pow(a: PyValue, b: PyValue): PyValue;
  matmul(a: PyValue, b: PyValue): PyValue;
  lshift(a: PyValue, b: PyValue): PyValue;
  rshift(a: PyValue, b: PyValue): PyValue;
  and(a: PyValue, b: PyValue): PyValue;
  or(a: PyValue, b: PyValue): PyValue;
  xor(a: PyValue, b: PyValue): PyValue;
  /** `a op= b`: tries `__iop__` first (lists extend in place), then the binary operator. */
  iadd(a: PyValue, b: PyValue): PyValue;
  isub(a: PyValue, b: PyValue): PyValue;
  imul(a: PyValue, b: PyValue): PyValue;
  itruediv(a: PyValue, b: PyValue): PyValue;
  ifloordiv(a: PyValue, b: PyValue): PyValue;
  imod(a: PyValue, b: PyValue): PyValue;
  ipow(a: PyValue, b: PyValue): PyValue;
  imatmul(a: PyValue, b: PyValue): PyValue;
  ilshift(a: PyValue, b: PyValue): PyValue;
  irshift(a: PyValue, b: PyValue): PyValue;
  iand(a: PyValue, b: PyValue): PyValue;
  ior(a: PyValue, b: PyValue): PyValue;
  ixor(a: PyValue, b: PyValue): PyValue;
  neg(a: PyValue): PyValue;
  pos(a: PyValue): PyValue;
  invert(a: PyValue): PyValue;
  /** `not a` (always a bool). */
  not(a: PyValue): boolean;
  /** Rich comparisons return whatever `__eq__` & co. return (numpy returns arrays). */
  eq(a: PyValue, b: PyValue): PyValue;
  ne(a: PyValue, b: PyValue): PyValue;
  lt(a: PyValue, b: PyValue): PyValue;
  le(a: PyValue, b: PyValue): PyValue;
  gt(a: PyValue, b: PyValue): PyValue;
  ge(a: PyValue, b: PyValue): PyValue;
  /** `item in container` (always a bool). `not in` is `!$rt.contains(...)`. */
  contains(container: PyValue, item: PyValue): boolean;
  /** Truth value for `if`, `while`, `and`/`or`, `not`, conditional expressions. */
  truthy(v: PyValue): boolean;

  // ---- iteration -------------------------------------------------------------------------------
  iter(iterable: PyValue): PyIter;
  /** `a, b = x`: exactly `n` items or ValueError ("too many values to unpack (expected 2)"). */
  unpack(iterable: PyValue, n: number): PyValue[];
  /** `a, *b, c = x`: `before` items, a list of the middle, `after` items. */
  unpackStar(iterable: PyValue, before: number, after: number): PyValue[];
  /** A generator expression: wraps a JS iterator (the compiler emits a `function*`) lazily. */
  generator(it: Iterator<PyValue>, qualname: string): PyObject;

  // ---- calls ---------------------------------------------------------------------------------
  call0(f: PyValue): PyValue;
  call1(f: PyValue, a: PyValue): PyValue;
  call2(f: PyValue, a: PyValue, b: PyValue): PyValue;
  call3(f: PyValue, a: PyValue, b: PyValue, c: PyValue): PyValue;
  callN(f: PyValue, args: PyValue[]): PyValue;
  /** Keyword arguments: `kwNames[i]` goes with `kwValues[i]`. */
  callKw(f: PyValue, args: PyValue[], kwNames: string[], kwValues: PyValue[]): PyValue;
  /**
   * Calls with `*it` / `**m`: `args` is built with `extend()`; `kw` is a dict built with
   * `dict()`/`dictUpdate()` (non-string keys -> TypeError, duplicates -> "got multiple values").
   */
  callEx(f: PyValue, args: PyValue[], kw: PyObject | null): PyValue;
  /** `obj.name(args)` without allocating a bound method when `name` is a plain method. */
  callMethod0(obj: PyValue, name: string, site?: AttrSite | null): PyValue;
  callMethod1(obj: PyValue, name: string, a: PyValue, site?: AttrSite | null): PyValue;
  callMethod2(obj: PyValue, name: string, a: PyValue, b: PyValue, site?: AttrSite | null): PyValue;
  callMethodN(obj: PyValue, name: string, args: PyValue[], site?: AttrSite | null): PyValue;
  callMethodKw(obj: PyValue, name: string, args: PyValue[], kwNames: string[], kwValues: PyValue[]): PyValue;

  // ---- definitions ---------------------------------------------------------------------------
  /**
   * `def` / `lambda`: `defaults` are the values for the last `defaults.length` positional params,
   * `kwDefaults` maps keyword-only names to defaults. `module` is the defining module's `$g`.
   */
  makeFunction(
    code: CodeInfo,
    impl: FunctionImpl,
    defaults: PyValue[] | null,
    kwDefaults: Map<string, PyValue> | null,
    module: ModuleScope,
  ): PyObject;
  /**
   * `class Name(bases, **kw): body`. `body(ns)` runs the class body: the compiler makes class-level
   * names reads/writes of the `ns` Map (reads falling back to globals). Returns the class.
   */
  makeClass(
    code: CodeInfo,
    bases: PyValue[],
    kwNames: string[],
    kwValues: PyValue[],
    body: (ns: Map<string, PyValue>) => void,
    module: ModuleScope,
  ): PyValue;
  /** A class-body name read: `ns` first, then globals, then builtins (NameError otherwise). */
  classLoad(ns: Map<string, PyValue>, module: ModuleScope, name: string): PyValue;
  /** Zero-argument `super()` inside a method of `cls` whose first parameter holds `self`. */
  superOf(cls: PyValue, self: PyValue): PyValue;

  // ---- strings -------------------------------------------------------------------------------
  str(v: PyValue): string;
  repr(v: PyValue): string;
  ascii(v: PyValue): string;
  /** f-string field `{v:spec}` (after the `!r`/`!s`/`!a` conversion the compiler applies). */
  format(v: PyValue, spec: string): string;

  // ---- imports -------------------------------------------------------------------------------
  /** `import a.b.c` binds the result of `importModule("a.b.c", false)` (the top package `a`);
   *  `import a.b.c as x` and `from a.b import ...` use `importModule(name, true)` (the leaf). */
  importModule(name: string, leaf: boolean): PyValue;
  /** `from m import name` (ImportError "cannot import name ..." when absent). */
  importFrom(module: PyValue, name: string): PyValue;
  /** `from m import *` into a module scope. */
  importStar(module: PyValue, into: ModuleScope): void;
}
