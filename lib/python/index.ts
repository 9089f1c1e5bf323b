/*
 * Kernel Lab's Python engine: run a file like `python3 FILE`, or keep a notebook session.
 * See lib/python/README.md for the value representation and the native-module API.
 */

import { compileCell, compileModule, formatSyntaxError, PythonSyntaxError, type CompiledModule } from "./compiler";
import * as E from "./runtime/errors";
import { createMainModule, createRuntime } from "./runtime/interpreter";
import { None, PyBaseException, PyDict, PyModule, typeOf, type PyValue } from "./runtime/objects";
import type { Limits, NativeModuleDef, Runtime } from "./runtime/runtime";
import { exceptionLine, frames, type FrameInfo } from "./runtime/traceback";

export type { Limits, NativeModuleDef, Runtime, FrameInfo, PyValue };
export { defaultLimits } from "./runtime/runtime";

export interface RunOptions {
  /** Shown in tracebacks: File "prog.py", line 3, in <module> */
  filename: string;
  /** Streamed as printed. */
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  limits?: Partial<Limits>;
  /** Extra native modules (numpy, NKI) importable by the program. */
  modules?: readonly NativeModuleDef[];
  interruptFlag?: Int32Array;
  /** Initial `os.environ` (default empty). */
  environ?: Readonly<Record<string, string>>;
}

export interface RunResult {
  /** 0, 1 after an uncaught exception, or a SystemExit's code (its low 8 bits). */
  exitCode: number;
}

/** Structured form of an uncaught Python exception (the UI underlines `frames`). */
export interface PyErrorInfo {
  /** "ZeroDivisionError", "numpy.linalg.LinAlgError" */
  type: string;
  message: string;
  /** The CPython-format traceback text, ending with a newline. */
  traceback: string;
  /** Outermost first; empty for a SyntaxError. */
  frames: FrameInfo[];
  /** For a SyntaxError: where the parser stopped. */
  syntax?: { filename: string; line: number; col: number; endLine: number; endCol: number };
}

/** A Jupyter mime bundle for a cell's result. Always has text/plain. */
export type DisplayBundle = Record<string, string>;

export type ExecuteResult =
  | { status: "ok"; value: PyValue | undefined; display: DisplayBundle | null }
  | { status: "error"; error: PyErrorInfo };

function syntaxErrorInfo(e: PythonSyntaxError): PyErrorInfo {
  return {
    type: e.type,
    message: e.msg,
    traceback: formatSyntaxError(e),
    frames: [],
    syntax: { filename: e.filename, line: e.line, col: e.col, endLine: e.endLine, endCol: e.endCol },
  };
}

function exceptionInfo(rt: Runtime, x: PyBaseException): PyErrorInfo {
  const t = x.cls;
  const line = exceptionLine(rt, x);
  const colon = line.indexOf(": ");
  return {
    type: t.module === "builtins" || t.module === "__main__" ? t.qualname : `${t.module}.${t.qualname}`,
    message: colon >= 0 ? line.slice(colon + 2) : "",
    traceback: rt.formatException(x),
    frames: frames(rt, x),
  };
}

function compileOrError(
  compile: (source: string, filename: string) => CompiledModule,
  source: string,
  filename: string,
): CompiledModule | PyErrorInfo {
  try {
    return compile(source, filename);
  } catch (e) {
    if (e instanceof PythonSyntaxError) return syntaxErrorInfo(e);
    const msg = e instanceof Error ? e.message : String(e);
    return { type: "SystemError", message: `internal compiler error in Kernel Lab: ${msg}`, traceback: `SystemError: internal compiler error in Kernel Lab: ${msg}\n`, frames: [] };
  }
}

/**
 * Exit status for an uncaught SystemExit, printing its message like CPython: an int code is the
 * status (its low 8 bits, as the OS keeps them: sys.exit(3) exits 3, sys.exit(-1) 255).
 */
function systemExitStatus(rt: Runtime, x: PyBaseException): number {
  const code = x.args.length === 0 ? None : x.args.length === 1 ? x.args[0] : rt.tuple(x.args);
  if (code === None) return 0;
  if (typeof code === "boolean") return code ? 1 : 0;
  if (typeof code === "number" || typeof code === "bigint") return Number(BigInt.asUintN(8, BigInt(code)));
  rt.stderr(rt.str(code) + "\n");
  return 1;
}

/**
 * The compiler's SyntaxWarnings, shown through the warnings module before the code runs, as
 * CPython's compiler shows them (so warning filters apply, and "error" makes them raise).
 */
function showCompileWarnings(rt: Runtime, code: CompiledModule): void {
  if (code.warnings.length === 0) return;
  const warnExplicit = rt.getattr(rt.importModule("warnings", true), "warn_explicit");
  for (const w of code.warnings) rt.call(warnExplicit, [w.message, E.SyntaxWarning, code.filename, w.line], null);
}

/** Run `source` as `python3 FILE` would: stdout streamed, traceback on stderr, exit status. */
export function runSource(source: string, options: RunOptions): RunResult {
  const rt = createRuntime(options);
  const main = createMainModule(rt, options.filename);
  rt.sources.set(options.filename, source.split(/\r?\n/));
  const code = compileOrError(compileModule, source, options.filename);
  if (!("run" in code)) {
    options.stderr(code.traceback);
    return { exitCode: 1 };
  }
  rt.beginExecution();
  try {
    showCompileWarnings(rt, code);
    code.run(rt, main.scope);
    return { exitCode: 0 };
  } catch (e) {
    const x = rt.toPyException(e);
    if (x.cls.isSubtypeOf(E.SystemExit)) return { exitCode: systemExitStatus(rt, x) };
    options.stderr(rt.formatException(x));
    return { exitCode: 1 };
  } finally {
    rt.endExecution();
  }
}

export interface SessionOptions {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  limits?: Partial<Limits>;
  modules?: readonly NativeModuleDef[];
  /** Element 0 set non-zero by the host raises KeyboardInterrupt in the running cell. */
  interruptFlag?: Int32Array;
  /** Initial `os.environ` (default empty). */
  environ?: Readonly<Record<string, string>>;
}

/** A notebook kernel's interpreter: globals persist across `execute` calls. */
export class Session {
  readonly runtime: Runtime;
  readonly main: PyModule;
  private count = 0;

  constructor(options: SessionOptions) {
    this.runtime = createRuntime(options);
    this.main = createMainModule(this.runtime, "<stdin>");
  }

  /** Run one cell. The value of a final expression statement comes back as `value` / `display`. */
  execute(source: string, opts: { cellName?: string } = {}): ExecuteResult {
    const rt = this.runtime;
    const filename = opts.cellName ?? `<cell ${++this.count}>`;
    rt.sources.set(filename, source.split(/\r?\n/));
    const code = compileOrError(compileCell, source, filename);
    if (!("run" in code)) return { status: "error", error: code };
    rt.beginExecution();
    try {
      showCompileWarnings(rt, code);
      const value = code.run(rt, this.main.scope);
      if (value !== undefined && value !== None) this.main.scope.set("_", value);
      const display = value === undefined || value === None ? null : this.displayBundle(value);
      return { status: "ok", value, display };
    } catch (e) {
      return { status: "error", error: exceptionInfo(rt, rt.toPyException(e)) };
    } finally {
      rt.endExecution();
    }
  }

  /** text/plain (the repr) plus whatever `_repr_html_` / `_repr_mimebundle_` provide. */
  displayBundle(value: PyValue): DisplayBundle {
    const rt = this.runtime;
    const bundle: DisplayBundle = { "text/plain": rt.repr(value) };
    const t = typeOf(value);
    if (t.lookup("_repr_mimebundle_") !== undefined) {
      const b = rt.callMethod0(value, "_repr_mimebundle_");
      if (b instanceof PyDict) {
        for (const e of b.table.iterate()) if (typeof e.k === "string" && typeof e.v === "string") bundle[e.k] = e.v;
      }
    }
    if (t.lookup("_repr_html_") !== undefined) {
      const html = rt.callMethod0(value, "_repr_html_");
      if (typeof html === "string") bundle["text/html"] = html;
    }
    return bundle;
  }

  /** A global's value (undefined when unbound), for hosts and tests. */
  get(name: string): PyValue | undefined {
    return this.main.scope.get(name);
  }
}
