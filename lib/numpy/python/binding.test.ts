import { describe, it, expect } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { createMainModule, createRuntime } from "../../python/runtime/interpreter";
import { compileModule } from "../../python/compiler";
import { NUMPY_MODULES } from "./module";

interface Expected {
  stdout: string;
  error: string;
  exitCode: number;
}

const dir = new URL("./programs/", import.meta.url);

function run(source: string, filename: string): { stdout: string; error: string } {
  let stdout = "";
  let stderr = "";
  const rt = createRuntime({ stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), modules: NUMPY_MODULES });
  const main = createMainModule(rt, filename);
  rt.beginExecution();
  try {
    compileModule(source, filename).run(rt, main.scope);
  } catch (e) {
    stderr += rt.formatException(rt.toPyException(e));
  } finally {
    rt.endExecution();
  }
  // The exception line follows the last frame's indented source line.
  const lines = stderr.split("\n");
  const at = lines.findIndex((l, i) => i > 0 && l !== "" && !l.startsWith(" ") && !l.startsWith("Traceback"));
  return { stdout, error: at < 0 ? "" : lines.slice(at).join("\n").replace(/\n+$/, "") };
}

/** numpy qualifies some exception names (numpy._core._exceptions._UFuncOutputCastingError); compare messages. */
function message(line: string): string {
  const i = line.indexOf(": ");
  return i < 0 ? line : line.slice(i + 2);
}

describe("numpy bound into the Python engine matches python3 + numpy", () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".py")).sort()) {
    it(file, () => {
      const source = readFileSync(new URL(file, dir), "utf8");
      const expected = JSON.parse(readFileSync(new URL(file.replace(/\.py$/, ".expected.json"), dir), "utf8")) as Expected;
      const got = run(source, file);
      expect(got.stdout).toBe(expected.stdout);
      expect(message(got.error)).toBe(message(expected.error));
    });
  }
});

describe("long numpy loops poll the runtime", () => {
  it("stops a float64 matmul at the wall-clock limit with a TimeoutError", () => {
    let stderr = "";
    const rt = createRuntime({ stdout: () => {}, stderr: (t) => (stderr += t), modules: NUMPY_MODULES, limits: { wallTimeMs: 100 } });
    const main = createMainModule(rt, "slow.py");
    rt.beginExecution();
    try {
      compileModule("import numpy as np\na = np.ones((1500, 1500))\nb = a @ a\n", "slow.py").run(rt, main.scope);
    } catch (e) {
      stderr += rt.formatException(rt.toPyException(e));
    } finally {
      rt.endExecution();
    }
    expect(stderr).toContain("TimeoutError: execution exceeded the time limit");
  });
});
