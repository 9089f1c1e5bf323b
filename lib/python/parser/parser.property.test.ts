import fc from "fast-check";
import { describe, expect, it } from "vitest";
import golden from "./golden/parser.golden.json";
import { parseModule } from "./parser";
import { PythonSyntaxError } from "./syntaxError";

/** Parsing either succeeds or raises PythonSyntaxError with a location inside the source. */
function parsesCleanly(source: string): void {
  try {
    parseModule(source, "fuzz.py");
  } catch (e) {
    if (!(e instanceof PythonSyntaxError)) throw e;
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.col).toBeGreaterThanOrEqual(0);
  }
}

const pythonish = fc.constantFrom(
  "def", "class", "if", "else", "elif", "for", "while", "in", "not", "and", "or", "is", "lambda",
  "return", "try", "except", "finally", "with", "as", "import", "from", "global", "nonlocal", "yield",
  "x", "y", "f", "(", ")", "[", "]", "{", "}", ":", ",", ".", "=", "==", "+", "-", "*", "**", "/", "//",
  "%", "@", "<", ">", "!=", ":=", "->", "1", "2.5", "0x1F", "'s'", '"t"', "f'{x}'", "f'{x!r:>{w}}'",
  "'''", "\\", "#c", "\n", "\n    ", "\n\t", " ", ";", "...", "*args", "**kw", "1_0", "1e-5", "0o", "1j",
);

const validSources = golden.valid.map((v) => v.source);

describe("the parser never throws a JavaScript error", () => {
  it("on random token soup", () => {
    fc.assert(
      fc.property(fc.array(pythonish, { maxLength: 40 }), (parts) => parsesCleanly(parts.join(" "))),
      { numRuns: 2000 },
    );
  });

  it("on random text", () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), parsesCleanly), { numRuns: 2000 });
  });

  it("on valid programs with a character deleted, duplicated or replaced", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...validSources),
        fc.nat(),
        fc.constantFrom("delete", "duplicate", "replace"),
        fc.constantFrom("(", ")", ":", "\n", " ", "'", '"', "{", "}", "\\", "\t", "=", ",", "[", "#"),
        (source, at, op, ch) => {
          const i = source.length === 0 ? 0 : at % source.length;
          const mutated =
            op === "delete"
              ? source.slice(0, i) + source.slice(i + 1)
              : op === "duplicate"
                ? source.slice(0, i + 1) + source.slice(i)
                : source.slice(0, i) + ch + source.slice(i + 1);
          parsesCleanly(mutated);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe("deeply nested source is a SyntaxError, never a JavaScript stack overflow", () => {
  const deep = [
    "-".repeat(100_000) + "1",
    "not ".repeat(50_000) + "x",
    "x" + "[0]".repeat(20_000),
    "x" + ".a".repeat(20_000),
    "f" + "()".repeat(20_000),
    "1" + " + 1".repeat(50_000),
    "2" + " ** 2".repeat(50_000),
    "x = " + "a if b else ".repeat(20_000) + "c",
    "x = " + "lambda: ".repeat(20_000) + "1",
    "[".repeat(300) + "]".repeat(300),
  ];
  for (const source of deep) {
    it(`rejects ${JSON.stringify(source.slice(0, 30))}... (${source.length} chars)`, () => {
      expect(() => parseModule(source, "deep.py")).toThrow(PythonSyntaxError);
    });
  }
});
