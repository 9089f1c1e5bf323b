import { describe, expect, it } from "vitest";
import golden from "./golden/scope.golden.json";
import { parseModule } from "../parser/parser";
import { PythonSyntaxError } from "../parser/syntaxError";
import { analyzeScopes, type Binding, type Scope } from "./scope";

const category: Record<Binding, string> = {
  local: "local",
  free: "free",
  global: "global",
  classLocal: "local",
  classFree: "free",
  classGlobal: "global",
};

interface ScopeSummary {
  name: string;
  line: number;
  symbols: Record<string, string>;
}

/** Every non-module scope in definition order, shaped like the symtable golden data. */
function summarize(scope: Scope, out: ScopeSummary[] = []): ScopeSummary[] {
  for (const child of scope.children) {
    const symbols: Record<string, string> = {};
    for (const [name, b] of child.bindings) symbols[name] = category[b];
    out.push({ name: child.name.replace(/^<(.*)>$/, "$1"), line: child.node.line, symbols });
    summarize(child, out);
  }
  return out;
}

describe("scope analysis resolves names like CPython's symtable", () => {
  for (const { source, scopes } of golden.valid) {
    it(`resolves ${JSON.stringify(source).slice(0, 80)}`, () => {
      const table = analyzeScopes(parseModule(source, "prog.py"), "prog.py", source);
      expect(summarize(table.module)).toEqual(scopes);
    });
  }
});

describe("scope analysis raises CPython's compile-time SyntaxErrors", () => {
  for (const { source, type, msg, line, offset } of golden.invalid) {
    it(`rejects ${JSON.stringify(source).slice(0, 80)}`, () => {
      let caught: unknown = null;
      try {
        analyzeScopes(parseModule(source, "prog.py"), "prog.py", source);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(PythonSyntaxError);
      const err = caught as PythonSyntaxError;
      expect({ type: err.type, msg: err.msg, line: err.line, offset: err.offset }).toEqual({ type, msg, line, offset });
    });
  }
});
