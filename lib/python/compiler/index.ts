/*
 * Public entry of the compiler: Python source -> a runnable module body.
 *
 *   const code = compileModule(source, "prog.py");        // `python3 prog.py` semantics
 *   const cell = compileCell(source, "<cell 3>");          // returns the last expression's value
 *   const value = code.run(runtime, moduleScope);
 *
 * Both throw PythonSyntaxError (lib/python/parser/syntaxError.ts) for invalid source, which the
 * runtime reports as SyntaxError / IndentationError / TabError.
 */

import { type CompileWarning, syntaxWarnings } from "./syntax-warnings";
import { parseModule } from "../parser/parser";
import type { ModuleScope, Protocol, PyValue } from "../runtime/protocol";
import { CodeGenerator, type CompileMode } from "./codegen";
import { analyzeScopes } from "./scope";

export interface CompiledModule {
  readonly filename: string;
  /** The Python source, for the source lines tracebacks show. */
  readonly source: string;
  /** The generated JS function body (for debugging and tests). */
  readonly js: string;
  /**
   * Execute the module body with `rt` against the module's global scope. In cell mode, returns
   * the value of a final expression statement (undefined when the cell ends otherwise).
   */
  run(rt: Protocol, scope: ModuleScope): PyValue | undefined;
  /** CPython's compile-time SyntaxWarnings ("is" with a literal, "perhaps you missed a comma?"). */
  readonly warnings: readonly CompileWarning[];
}

type ModuleBody = (rt: Protocol, scope: ModuleScope) => PyValue | undefined;

function compile(source: string, filename: string, mode: CompileMode): CompiledModule {
  const module = parseModule(source, filename);
  const scopes = analyzeScopes(module, filename, source);
  const js = new CodeGenerator(filename, source, scopes).compileModule(module, mode);
  // The body sees only its two parameters: everything else it names is its own declaration.
  const body = new Function("$rt", "$g", js) as ModuleBody;
  return {
    filename,
    source,
    js,
    run: (rt, scope) => body(rt, scope),
    warnings: syntaxWarnings(module),
  };
}

/** Compile a file run as `python3 FILE` (`__name__ == "__main__"` is the runtime's business). */
export function compileModule(source: string, filename: string): CompiledModule {
  return compile(source, filename, "module");
}

/** Compile a notebook cell: like a module, but the last expression statement's value is returned. */
export function compileCell(source: string, filename: string): CompiledModule {
  return compile(source, filename, "cell");
}

export { PythonSyntaxError, formatSyntaxError } from "../parser/syntaxError";
