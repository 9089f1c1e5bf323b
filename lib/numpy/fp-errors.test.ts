import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileModule } from "../python/compiler";
import { createMainModule, createRuntime } from "../python/runtime/interpreter";
import { DTYPES } from "./dtypes";
import { FPE_DIVIDEBYZERO, FPE_INVALID, FPE_OVERFLOW, collectFpErrors, resultFlags } from "./fp-errors";
import { fromStorage, pyFloat } from "./ndarray";
import { NUMPY_MODULES } from "./python/module";
import { binary, binaryInto, unary } from "./ufuncs";

describe("resultFlags classifies a non-finite result from its operands", () => {
  it.each([
    ["NaN from finite operands is invalid", NaN, 0, 0, "true_divide", FPE_INVALID],
    ["NaN from inf - inf is invalid", NaN, Infinity, Infinity, "subtract", FPE_INVALID],
    ["NaN from a NaN operand is nothing", NaN, NaN, 1, "add", 0],
    ["inf from x / 0 is a division by zero", Infinity, 1, 0, "true_divide", FPE_DIVIDEBYZERO],
    ["inf from a huge quotient is an overflow", Infinity, 1e308, 1e-10, "true_divide", FPE_OVERFLOW],
    ["inf from finite products is an overflow", Infinity, 1e200, 1e200, "multiply", FPE_OVERFLOW],
    ["inf from an inf operand is nothing", Infinity, Infinity, 1, "add", 0],
    ["-inf from log(0) is a division by zero", -Infinity, 0, 0, "log", FPE_DIVIDEBYZERO],
    ["inf from 0 ** -2 is a division by zero", Infinity, 0, -2, "power", FPE_DIVIDEBYZERO],
    ["inf from 10 ** 400 is an overflow", Infinity, 10, 400, "power", FPE_OVERFLOW],
  ] as const)("%s", (_label, r, x, y, ufunc, flags) => {
    expect(resultFlags(r, x, y, ufunc, ufunc === "log")).toBe(flags);
  });
});

/** A float32 or float64 array of n ones with `value` at each of `at`. */
function withValues(type: "float32" | "float64", n: number, value: number, at: readonly number[]) {
  const data = type === "float32" ? new Float32Array(n).fill(1) : new Float64Array(n).fill(1);
  for (const i of at) data[i] = value;
  return fromStorage(DTYPES[type], [n], data);
}

describe("the SIMD loops report non-finite results wherever they fall", () => {
  // 70001 float32 elements span three staging chunks of 32768 plus a ragged SIMD tail.
  const n = 70001;
  const places = fc.constantFrom(0, 3, 32767, 32768, 65535, 65536, 69999, 70000);

  it("for divisions by zero anywhere in a dense divisor, fresh and in place", () => {
    fc.assert(
      fc.property(places, fc.constantFrom<"float32" | "float64">("float32", "float64"), (at, type) => {
        const a = withValues(type, n, 1, []);
        const b = withValues(type, n, 0, [at]);
        expect(collectFpErrors(() => binary("true_divide", a, b)).errors).toEqual([{ flags: FPE_DIVIDEBYZERO, op: "divide", scalarOnly: false }]);
        const into = withValues(type, n, 1, []);
        const { value, errors } = collectFpErrors(() => binaryInto("true_divide", into, b, into));
        expect(value).toBe(true);
        expect(errors.map((e) => e.flags)).toEqual([FPE_DIVIDEBYZERO]);
      }),
      { numRuns: 24 },
    );
  });

  it("classifies from the operands as staged, even when the result overwrites one of them", () => {
    const c = withValues("float32", n, 3e38, [69999]);
    const { errors } = collectFpErrors(() => binaryInto("multiply", c, pyFloat(10), c));
    expect(errors.map((e) => e.flags)).toEqual([FPE_OVERFLOW]);
    expect(c.data[0]).toBe(10);
    expect(c.data[69999]).toBe(Infinity);
  });

  it("for broadcast rows and columns", () => {
    const rows = 300;
    const cols = 64;
    const x = fromStorage(DTYPES.float32, [rows, cols], new Float32Array(rows * cols).fill(2));
    const row = withValues("float32", cols, 0, [cols - 1]);
    expect(collectFpErrors(() => binary("true_divide", x, row)).errors.map((e) => e.flags)).toEqual([FPE_DIVIDEBYZERO]);
    const zeros = fromStorage(DTYPES.float32, [rows, cols], new Float32Array(rows * cols));
    const col = fromStorage(DTYPES.float32, [rows, 1], new Float32Array(rows));
    expect(collectFpErrors(() => binary("true_divide", zeros, col)).errors.map((e) => e.flags)).toEqual([FPE_INVALID]);
  });

  it("and stay silent for non-finite operands that produce nothing new", () => {
    const inf = withValues("float32", n, Infinity, [5, 40000]);
    expect(collectFpErrors(() => binary("add", inf, inf)).errors).toEqual([]);
    expect(collectFpErrors(() => unary("exp", withValues("float32", n, NaN, [7]))).errors).toEqual([]);
    expect(collectFpErrors(() => unary("exp", withValues("float32", n, 100, [n - 1]))).errors.map((e) => e.op)).toEqual(["exp"]);
  });

  it("record nothing outside a collection", () => {
    const b = withValues("float32", n, 0, [10]);
    binary("true_divide", withValues("float32", n, 1, []), b);
    expect(collectFpErrors(() => binary("add", b, b)).errors).toEqual([]);
  });
});

describe("np.errstate modes through the interpreter", () => {
  function run(source: string): { stdout: string; stderr: string } {
    let stdout = "";
    let stderr = "";
    const rt = createRuntime({ stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), modules: NUMPY_MODULES });
    const main = createMainModule(rt, "<cell 1>");
    rt.beginExecution();
    try {
      compileModule(source, "<cell 1>").run(rt, main.scope);
    } catch (e) {
      stderr += rt.formatException(rt.toPyException(e));
    } finally {
      rt.endExecution();
    }
    return { stdout, stderr };
  }

  it("print writes numpy's Warning line to stdout in order with other output", () => {
    const { stdout, stderr } = run('import numpy as np\nprint("a")\nwith np.errstate(all="print"):\n    np.array([1.0]) / 0\nprint("b")\n');
    expect(stdout).toBe("a\nWarning: divide by zero encountered in divide\nb\n");
    expect(stderr).toBe("");
  });

  it("warn shows a warning once per line, pointing at the user's line", () => {
    const { stderr } = run("import numpy as np\nfor i in range(3):\n    np.array([1e308]) * 10\n");
    expect(stderr).toBe("<cell 1>:3: RuntimeWarning: overflow encountered in multiply\n");
  });

  it("call and log are refused with a clear error", () => {
    const { stderr } = run('import numpy as np\nnp.seterr(over="call")\n');
    expect(stderr).toContain("NotImplementedError: np.seterr(over='call') is not supported in Kernel Lab");
  });

  it("each interpreter keeps its own settings", () => {
    const quiet = run('import numpy as np\nnp.seterr(all="ignore")\nnp.array([1.0]) / 0\n');
    const loud = run("import numpy as np\nnp.array([1.0]) / 0\n");
    expect(quiet.stderr).toBe("");
    expect(loud.stderr).toContain("RuntimeWarning: divide by zero encountered in divide");
  });
});
