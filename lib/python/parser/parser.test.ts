import { describe, expect, it } from "vitest";
import golden from "./golden/parser.golden.json";
import type * as A from "./ast";
import { parseModule } from "./parser";
import { PythonSyntaxError } from "./syntaxError";

// Field and kind renames from this AST to CPython's `ast` (see ast.ts).
const kindNames: Record<string, string> = {
  Arg: "arg",
  Keyword: "keyword",
  Alias: "alias",
  Comprehension: "comprehension",
  WithItem: "withitem",
};
const fieldNames: Record<string, string> = {
  decorators: "decorator_list",
  kwDefaults: "kw_defaults",
  formatSpec: "format_spec",
  contextExpr: "context_expr",
  optionalVars: "optional_vars",
};
const conversionCodes: Record<string, number> = { s: 115, r: 114, a: 97 };
// CPython nodes without positions.
const positionless = new Set(["Module", "Comprehension", "WithItem"]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function normValue(v: A.ConstantValue): Json {
  switch (v.type) {
    case "None":
    case "Ellipsis":
      return { [v.type]: null };
    case "bool":
      return { bool: v.value };
    case "int":
      return { int: v.value.toString() };
    case "float":
      return { float: Number.isFinite(v.value) ? v.value : v.value > 0 ? "inf" : "nan" };
    case "str":
      return { str: v.value };
  }
}

function norm(node: unknown): Json {
  if (Array.isArray(node)) return node.map(norm);
  if (node === null || typeof node !== "object") return node as Json;
  const n = node as Record<string, unknown>;
  const kind = typeof n.kind === "string" ? n.kind : "arguments";
  const out: { [key: string]: Json } = { _: kindNames[kind] ?? kind };
  for (const [key, value] of Object.entries(n)) {
    if (key === "kind" || key === "line" || key === "col" || key === "endLine" || key === "endCol") continue;
    if (kind === "Constant" && key === "value") out.value = normValue(value as A.ConstantValue);
    else if (key === "simple") out.simple = value ? 1 : 0;
    else if (key === "op") out.op = { _: value as string };
    else if (key === "ops") out.ops = (value as string[]).map((op) => ({ _: op }));
    else if (kind === "FormattedValue" && key === "conversion") out.conversion = value === null ? -1 : conversionCodes[value as string];
    else out[fieldNames[key] ?? key] = norm(value);
  }
  if (kind !== "arguments" && !positionless.has(kind)) {
    out.pos = [n.line as number, n.col as number, n.endLine as number, n.endCol as number];
  }
  return out;
}

/** CPython 3.11 gives every piece of an f-string the literal's span; format specs are looser still. */
function dropFStringPiecePositions(j: Json, inside = false): Json {
  if (Array.isArray(j)) return j.map((x) => dropFStringPiecePositions(x, inside));
  if (j === null || typeof j !== "object") return j;
  const out: { [key: string]: Json } = {};
  const isJoined = j._ === "JoinedStr";
  for (const [k, v] of Object.entries(j)) {
    if (k === "pos" && inside && (j._ === "JoinedStr" || j._ === "FormattedValue" || j._ === "Constant")) continue;
    out[k] = dropFStringPiecePositions(v, inside || isJoined);
  }
  return out;
}

describe("parser matches CPython 3.11's ast for valid source", () => {
  for (const { source, ast } of golden.valid) {
    it(`parses ${JSON.stringify(source).slice(0, 70)}`, () => {
      const mine = norm(parseModule(source, "prog.py"));
      expect(dropFStringPiecePositions(mine)).toEqual(dropFStringPiecePositions(ast as Json));
    });
  }
});

describe("parser raises CPython's SyntaxError for invalid source", () => {
  for (const { source, type, msg, line, offset } of golden.invalid) {
    it(`rejects ${JSON.stringify(source).slice(0, 70)}`, () => {
      let caught: unknown = null;
      try {
        parseModule(source, "prog.py");
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(PythonSyntaxError);
      const err = caught as PythonSyntaxError;
      expect({ type: err.type, msg: err.msg, line: err.line, offset: err.offset }).toEqual({ type, msg, line, offset });
    });
  }
});

describe("parser rejects valid Python that Kernel Lab does not run, saying so", () => {
  const unsupported: [string, RegExp][] = [
    ["x = b'abc'\n", /bytes literals are not supported in Kernel Lab/],
    ["x = 1j\n", /complex numbers .* not supported in Kernel Lab/],
    ["x = 1.5J + 2\n", /complex numbers .* not supported in Kernel Lab/],
    ["async def f():\n    pass\n", /Kernel Lab does not support async/],
    ["def f():\n    await g()\n", /Kernel Lab does not support async/],
    ["f = lambda: (yield 1)\n", /Kernel Lab does not support 'yield' inside a lambda/],
    ["match x:\n    case 1:\n        pass\n", /Kernel Lab does not support 'match'/],
    ["try:\n    pass\nexcept* ValueError:\n    pass\n", /Kernel Lab does not support 'except\*'/],
  ];
  for (const [source, message] of unsupported) {
    it(`rejects ${JSON.stringify(source)}`, () => {
      expect(() => parseModule(source, "prog.py")).toThrow(message);
    });
  }

  it("still treats match as an ordinary name", () => {
    const tree = parseModule("match = [1]\nmatch[0] = 2\nprint(match)\n", "prog.py");
    expect(tree.body.map((s) => s.kind)).toEqual(["Assign", "Assign", "Expr"]);
  });
});
