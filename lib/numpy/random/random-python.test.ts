import { describe, it, expect } from "vitest";
import golden from "./golden/random-python.json";
import { createMainModule, createRuntime } from "../../python/runtime/interpreter";
import { compileModule } from "../../python/compiler";
import { NUMPY_MODULES } from "../python/module";

/** Runs a snippet as gen/random-python.gen.py does: stdout, then the exception as `Type: message`. */
function run(source: string): string {
  let out = "";
  const rt = createRuntime({ stdout: (t) => (out += t), stderr: () => undefined, modules: NUMPY_MODULES });
  const main = createMainModule(rt, "<snippet>");
  rt.beginExecution();
  try {
    compileModule(`import numpy as np\n${source}\n`, "<snippet>").run(rt, main.scope);
  } catch (e) {
    const exc = rt.toPyException(e);
    out += `${rt.formatException(exc).trimEnd().split("\n").pop()}\n`;
  } finally {
    rt.endExecution();
  }
  return out;
}

describe("numpy.random from Python prints what python3 + numpy 2.4 print (gen/random-python.gen.py)", () => {
  for (const { source, output } of golden as { source: string; output: string }[]) {
    it(source.split("\n")[0], () => {
      expect(run(source)).toBe(output);
    });
  }
});
