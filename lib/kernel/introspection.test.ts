import { describe, expect, it } from "vitest";
import { complete, cursorContext, enclosingCall, inspect, type Introspector, type MemberInfo } from "./introspection";

/** A table of objects standing in for a live session. */
const objects: Record<string, { members?: MemberInfo[]; params?: string[]; typeName: string; signature?: string; doc?: string; repr?: string; source?: string }> = {
  np: {
    typeName: "module",
    members: [
      { name: "zeros", type: "function" },
      { name: "zeros_like", type: "function" },
      { name: "random", type: "module" },
      { name: "float32", type: "class" },
      { name: "_private", type: "instance" },
    ],
  },
  "np.zeros": { typeName: "builtin_function_or_method", params: ["shape", "dtype"], signature: "(shape, dtype=float)", doc: "Return a new array of zeros." },
  "np.random": { typeName: "module", members: [{ name: "rand", type: "function" }] },
  softmax: { typeName: "function", params: ["x", "axis"], signature: "(x, axis=-1)", doc: "Row softmax.", source: "def softmax(x, axis=-1):\n    ..." },
  count: { typeName: "int", repr: "3" },
};

const intro: Introspector = {
  scopeNames: () => [
    { name: "np", type: "module" },
    { name: "softmax", type: "function" },
    { name: "count", type: "instance" },
    { name: "print", type: "function" },
    { name: "_hidden", type: "instance" },
  ],
  members: (path) => objects[path.join(".")]?.members ?? null,
  parameters: (path) => objects[path.join(".")]?.params ?? null,
  describe: (path) => objects[path.join(".")] ?? null,
  moduleNames: () => ["math", "numpy", "numpy.random", "random"],
  moduleMembers: (module) => (module === "numpy" ? (objects.np.members ?? []) : null),
};

describe("cursor analysis", () => {
  it("finds the dotted object and the partial name", () => {
    expect(cursorContext("x = np.random.ra", 16)).toEqual({ object: ["np", "random"], prefix: "ra", start: 14 });
    expect(cursorContext("so", 2)).toEqual({ object: [], prefix: "so", start: 0 });
    expect(cursorContext("print('np.ze", 12)).toBeNull();
    expect(cursorContext("x = 1  # np.ze", 14)).toBeNull();
    expect(cursorContext("x = 1.", 6)).toBeNull();
  });

  it("finds the enclosing call across nested brackets and lines", () => {
    expect(enclosingCall("np.zeros((2, 3), dt", 19)).toEqual(["np", "zeros"]);
    expect(enclosingCall("softmax(\n    x,\n    ax", 22)).toEqual(["softmax"]);
    expect(enclosingCall("[a, b", 5)).toBeNull();
    expect(enclosingCall("f(a)\nx", 6)).toBeNull();
  });
});

describe("complete", () => {
  it("completes module members with types for JupyterLab's icons", () => {
    const r = complete("np.ze", 5, intro);
    expect(r).toMatchObject({ matches: ["zeros", "zeros_like"], cursor_start: 3, cursor_end: 5 });
    expect(r.metadata._jupyter_types_experimental).toEqual([
      { start: 3, end: 5, text: "zeros", type: "function", signature: "" },
      { start: 3, end: 5, text: "zeros_like", type: "function", signature: "" },
    ]);
  });

  it("hides private members unless the prefix starts with _", () => {
    expect(complete("np.", 3, intro).matches).toEqual(["float32", "random", "zeros", "zeros_like"]);
    expect(complete("np._", 4, intro).matches).toEqual(["_private"]);
  });

  it("completes names in scope and keywords", () => {
    expect(complete("so", 2, intro).matches).toEqual(["softmax"]);
    expect(complete("wh", 2, intro).matches).toEqual(["while"]);
    expect(complete("x = c", 5, intro)).toMatchObject({ matches: ["class", "continue", "count"], cursor_start: 4 });
  });

  it("offers keyword arguments of the enclosing call first", () => {
    const r = complete("np.zeros((2, 3), dt", 19, intro);
    expect(r.matches[0]).toBe("dtype=");
    expect(r.metadata._jupyter_types_experimental?.[0]).toMatchObject({ text: "dtype=", type: "param" });
    expect(complete("softmax(a, ax", 13, intro).matches).toEqual(["axis="]);
  });

  it("completes module names after import and from, and module members after from … import", () => {
    expect(complete("import nu", 9, intro)).toMatchObject({ matches: ["numpy", "numpy.random"], cursor_start: 7 });
    expect(complete("import math, ra", 15, intro).matches).toEqual(["random"]);
    expect(complete("from numpy.r", 12, intro)).toMatchObject({ matches: ["numpy.random"], cursor_start: 5 });
    expect(complete("from numpy import ze", 20, intro)).toMatchObject({ matches: ["zeros", "zeros_like"], cursor_start: 18 });
    expect(complete("from numpy import float32, r", 28, intro).matches).toEqual(["random"]);
    expect(complete("from nothing import x", 21, intro).matches).toEqual([]);
  });

  it("counts cursor positions in code points", () => {
    // "é" is one code point and one UTF-16 unit, "𝑥" one code point and two units.
    const code = "s = '𝑥'; np.ze";
    const cursor = [...code].length;
    expect(complete(code, cursor, intro)).toMatchObject({ matches: ["zeros", "zeros_like"], cursor_start: cursor - 2, cursor_end: cursor });
  });

  it("returns nothing inside strings and for unknown objects", () => {
    expect(complete("'np.ze", 6, intro).matches).toEqual([]);
    expect(complete("nope.x", 6, intro).matches).toEqual([]);
  });
});

describe("inspect", () => {
  it("shows signature, type and docstring of the name at the cursor", () => {
    const r = inspect("np.zeros", 4, 0, intro);
    expect(r).toEqual({
      status: "ok",
      found: true,
      data: { "text/plain": "Signature: np.zeros(shape, dtype=float)\nType:      builtin_function_or_method\nDocstring:\nReturn a new array of zeros." },
      metadata: {},
    });
  });

  it("falls back to the enclosing call, and shows source at detail level 1", () => {
    expect(inspect("softmax(x, ", 11, 0, intro).data["text/plain"]).toContain("Signature: softmax(x, axis=-1)");
    expect(inspect("softmax", 7, 1, intro).data["text/plain"]).toContain("Source:\ndef softmax");
  });

  it("shows values, and reports unknown names as not found", () => {
    expect(inspect("count", 5, 0, intro).data["text/plain"]).toBe("Value:     3\nType:      int");
    expect(inspect("missing", 7, 0, intro)).toEqual({ status: "ok", found: false, data: {}, metadata: {} });
  });
});
