import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRuntime } from "./interpreter";
import { PyBaseException, PyFloat, PyList, PyTuple, type PyValue } from "./objects";
import * as E from "./errors";
import type { Runtime } from "./runtime";

// A small allocation budget: random repetition counts reach 2**31, and at the default 2 GiB budget a
// legal `[a, b, c, d] * 30_000_000` can exhaust the test process's heap, which crashes it outright.
const rt = createRuntime({ stdout: () => {}, stderr: () => {}, limits: { memoryBytes: 64 * 1024 * 1024 } });

/** Builds a random Python value inside a runtime. */
type Build = (rt: Runtime) => PyValue;

const leaf: fc.Arbitrary<Build> = fc.oneof(
  fc.integer().map((n) => () => n),
  fc.bigInt({ min: -(2n ** 200n), max: 2n ** 200n }).map((n) => (r: Runtime) => r.bigint(n.toString())),
  fc.double().map((x) => () => new PyFloat(x)),
  fc.boolean().map((b) => () => b),
  fc.string({ maxLength: 8 }).map((s) => () => s),
  fc.constant((r: Runtime) => r.None),
);

const value: fc.Arbitrary<Build> = fc.letrec<{ v: Build }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("v"), { maxLength: 4 }).map((xs) => (r: Runtime) => new PyList(xs.map((x) => x(r)))),
    fc.array(tie("v"), { maxLength: 4 }).map((xs) => (r: Runtime) => new PyTuple(xs.map((x) => x(r)))),
    fc.array(fc.tuple(leaf, tie("v")), { maxLength: 3 }).map((kvs) => (r: Runtime) => {
      const d = r.dict([], []);
      for (const [k, v] of kvs) {
        try {
          r.setitem(d, k(r), v(r));
        } catch (e) {
          if (!(e instanceof PyBaseException)) throw e;
        }
      }
      return d;
    }),
    fc.array(leaf, { maxLength: 4 }).map((xs) => (r: Runtime) => r.set(xs.map((x) => x(r)))),
  ),
})).v;

const BINARY = ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "and", "or", "xor", "eq", "ne", "lt", "le", "gt", "ge", "iadd", "imul", "getitem", "contains"] as const;
const UNARY = ["neg", "pos", "invert", "not", "truthy", "repr", "str", "hash", "len", "toArray", "ascii"] as const;
const METHODS = ["split", "join", "strip", "replace", "find", "index", "count", "upper", "format", "center", "zfill", "startswith",
  "append", "pop", "sort", "insert", "remove", "get", "items", "keys", "setdefault", "update", "union", "add", "discard",
  "bit_length", "is_integer", "as_integer_ratio", "__getitem__", "__len__", "__class__", "__dict__", "__bases__"] as const;
const BUILTINS = ["int", "float", "str", "round", "divmod", "abs", "min", "max", "sum", "sorted", "list", "tuple", "dict", "set",
  "range", "len", "hash", "repr", "format", "pow", "chr", "ord", "hex", "enumerate", "zip", "reversed", "any", "all", "isinstance",
  "getattr", "hasattr", "iter", "next", "bin", "bool", "frozenset", "slice"] as const;

/** Runs `f`; a thrown value must be a Python exception, and not the runtime's internal-error one. */
function pythonOnly(f: () => unknown): void {
  try {
    const r = f();
    if (r instanceof PyList || r instanceof PyTuple) rt.repr(r);
  } catch (e) {
    expect(e instanceof PyBaseException, `JS error escaped: ${e instanceof Error ? e.stack : String(e)}`).toBe(true);
    const x = e as PyBaseException;
    expect(x.cls === E.SystemError, `internal error: ${rt.str(x)}`).toBe(false);
  }
}

describe("the runtime raises only Python exceptions", () => {
  it("for binary operations on random values", () => {
    fc.assert(
      fc.property(fc.constantFrom(...BINARY), value, value, (op, a, b) => {
        pythonOnly(() => (rt[op] as (x: PyValue, y: PyValue) => unknown).call(rt, a(rt), b(rt)));
      }),
      { numRuns: 3000 },
    );
  });

  it("for unary operations and conversions", () => {
    fc.assert(
      fc.property(fc.constantFrom(...UNARY), value, (op, a) => {
        pythonOnly(() => (rt[op] as (x: PyValue) => unknown).call(rt, a(rt)));
      }),
      { numRuns: 2000 },
    );
  });

  it("for method calls and attribute lookups with random arguments", () => {
    fc.assert(
      fc.property(fc.constantFrom(...METHODS), value, fc.array(value, { maxLength: 3 }), (name, self, args) => {
        pythonOnly(() => rt.callMethodN(self(rt), name, args.map((a) => a(rt))));
        pythonOnly(() => rt.getattr(self(rt), name));
      }),
      { numRuns: 3000 },
    );
  });

  it("for builtin calls with random arguments", () => {
    fc.assert(
      fc.property(fc.constantFrom(...BUILTINS), fc.array(value, { maxLength: 3 }), (name, args) => {
        pythonOnly(() => rt.callN(rt.builtins.get(name) as PyValue, args.map((a) => a(rt))));
      }),
      { numRuns: 3000 },
    );
  });
});
