import fc from "fast-check";
import { describe, expect, it } from "vitest";
import parserGolden from "../parser/golden/parser.golden.json";
import { compileCell, compileModule } from "./index";

// Everything generated code may name: its parameters and own `$` variables, mangled user names
// (`u_`, `g_`), JS keywords and literals, and `Map` for keyword-only defaults.
const allowedWords = new Set([
  "function", "const", "let", "return", "try", "catch", "finally", "throw", "if", "else", "for",
  "break", "continue", "new", "Map", "undefined", "true", "false", "null", "Infinity", "yield", "typeof",
  "instanceof",
]);

/** Identifiers in JS source that are not property names, with string literals removed. */
function freeWords(js: string): string[] {
  const code = js.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  return [...code.matchAll(/(?<![\w$.])[A-Za-z_$][\w$]*/g)].map((m) => m[0]);
}

function disallowed(js: string): string[] {
  return freeWords(js).filter((w) => !(w.startsWith("$") || w.startsWith("u_") || w.startsWith("g_") || allowedWords.has(w)));
}

const programs = [
  ...parserGolden.valid.map((v) => v.source),
  "def f(a, b=1, *c, d, e=2, **f):\n    global g\n    g = a\n    return [x for x in c if x], {k: v for k, v in f.items()}\n",
  "class C(Base, metaclass=M):\n    x = 1\n    def m(self):\n        return super().m() + self.x\n",
  "try:\n    pass\nexcept (A, B) as e:\n    raise C from e\nelse:\n    pass\nfinally:\n    pass\n",
  "with a as (b, c), d:\n    for i in range(3):\n        if i:\n            break\n        continue\n    else:\n        pass\n",
  "x = (y := 5) + sum(i for i in range(y))\n",
];

describe("generated JavaScript", () => {
  for (const source of programs) {
    it(`is valid and self-contained for ${JSON.stringify(source).slice(0, 60)}`, () => {
      let compiled;
      try {
        compiled = compileModule(source, "prog.py");
      } catch (e) {
        // Some parser-golden snippets are valid syntax but compile-time errors (e.g. 'return' at
        // module level); those must be Python SyntaxErrors, never JS errors.
        expect((e as Error).name).toBe("PythonSyntaxError");
        return;
      }
      expect(disallowed(compiled.js)).toEqual([]);
    });
  }

  it("never lets a user identifier or string reach the JS text raw", () => {
    const jsWords = fc.constantFrom(
      "constructor", "__proto__", "prototype", "process", "require", "globalThis", "Function", "eval",
      "this", "arguments", "import", "window", "Map", "undefined", "NaN", "Infinity", "rt", "g", "e",
    );
    const ident = fc.oneof(jsWords, fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/), fc.constantFrom("café", "ŝ", "π"));
    const text = fc.string({ maxLength: 20 });
    fc.assert(
      fc.property(ident, ident, text, (a, b, s) => {
        const src = `${a} = ${JSON.stringify(s)}\ndef ${b}(${a === b ? "p" : a}):\n    return ${a}.${b}\n${b}(${a})\n`;
        let compiled;
        try {
          compiled = compileCell(src, "<cell 1>");
        } catch (e) {
          expect((e as Error).name).toBe("PythonSyntaxError");
          return;
        }
        expect(disallowed(compiled.js)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it("returns the last expression statement's value in cell mode only", () => {
    expect(compileCell("x = 1\nf(x)\n", "<cell 1>").js).toMatch(/return \$rt\.call1\(/);
    expect(compileModule("x = 1\nf(x)\n", "prog.py").js).not.toMatch(/return \$rt\.call1\(/);
  });

  it("displays nothing for a cell ending in a semicolon, as IPython does", () => {
    expect(compileCell("f(1);\n", "<cell 1>").js).not.toMatch(/return \$rt\.call1\(/);
    expect(compileCell("f(1)  ;  # quiet\n", "<cell 1>").js).not.toMatch(/return \$rt\.call1\(/);
    expect(compileCell("f(1)  # no; semicolon\n", "<cell 1>").js).toMatch(/return \$rt\.call1\(/);
  });
});
