/**
 * Sandbox-escape suite: every tests/sandbox/attempts/*.py is an attack on the engine (attribute walks to
 * host objects, JavaScript names, host modules, resource bombs). Each must end in a clean Python
 * exception or a harmless result within the limits, print nothing that proves an escape ("ESCAPED" is
 * printed only once a dangerous capability was obtained) or a JavaScript value, and leave its Session
 * usable with its globals intact.
 *
 * known-failures.json lists attempts the engine does not survive yet (name -> reason, the owner to fix it
 * in the reason); they must still fail, so the list only shrinks. Reasons starting with "slow:" are skipped
 * because running them would blow the suite's time budget.
 *
 * An attempt's first line states what it must end in:
 *   # expect: error                    any Python exception
 *   # expect: error NameError|...      one of these Python exception types
 *   # expect: any                      finishing normally is also acceptable
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

interface ExecuteError {
  type: string;
  message: string;
  traceback: string;
}
type ExecuteResult = { status: "ok" } | { status: "error"; error: ExecuteError };
interface SessionLike {
  execute(source: string, opts?: { cellName?: string }): ExecuteResult;
}
interface SessionOptions {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  limits?: { wallTimeMs?: number; memoryBytes?: number; maxRecursionDepth?: number };
  modules?: readonly unknown[];
}
interface Engine {
  Session: new (options: SessionOptions) => SessionLike;
}

const WALL_TIME_MS = 1000;
const MEMORY_BYTES = 256 * 1024 * 1024;

const knownFailures = JSON.parse(readFileSync(new URL("./known-failures.json", import.meta.url), "utf8")) as Record<string, string>;
const attemptsDir = fileURLToPath(new URL("./attempts/", import.meta.url));
const attempts = readdirSync(attemptsDir)
  .filter((f) => f.endsWith(".py"))
  .sort();

const enginePath = fileURLToPath(new URL("../../lib/python/index.ts", import.meta.url));
const engineModule: Partial<Engine> | undefined = existsSync(enginePath)
  ? ((await import(/* @vite-ignore */ enginePath)) as Partial<Engine>)
  : undefined;
// numpy is a native module the host passes in (as the kernel server does).
const numpyPath = fileURLToPath(new URL("../../lib/numpy/python/module.ts", import.meta.url));
const numpyModules: readonly unknown[] =
  (existsSync(numpyPath) ? ((await import(/* @vite-ignore */ numpyPath)) as { NUMPY_MODULES?: readonly unknown[] }).NUMPY_MODULES : undefined) ?? [];
const engine: Engine | undefined = typeof engineModule?.Session === "function" ? (engineModule as Engine) : undefined;

/** Text that only a JavaScript value, a JavaScript stack trace or a successful escape would produce. */
const LEAK_MARKERS = [
  "ESCAPED",
  "[object ",
  "[native code]",
  "function (",
  "=> {",
  "node:internal",
  "at Object.",
  "at new ",
  ".ts:",
  ".js:",
  "RangeError",
  "Maximum call stack",
  "Invalid string length",
  "Invalid array length",
  "root:x:0:0",
];

const PYTHON_EXCEPTION = /^[A-Z][A-Za-z]*(Error|Exception|Interrupt|Exit|Iteration)$/;

interface Expectation {
  mayFinish: boolean;
  types: string[] | null;
}

function expectationOf(source: string, name: string): Expectation {
  const m = /^# expect: (error|any)(?: ([\w|]+))?$/m.exec(source.split("\n")[0]);
  if (!m) throw new Error(`${name}: first line must be "# expect: error|any [Types]"`);
  return { mayFinish: m[1] === "any", types: m[2] ? m[2].split("|") : null };
}

function runAttempt(runner: Engine, name: string): string[] {
  const source = readFileSync(attemptsDir + name, "utf8");
  const expectation = expectationOf(source, name);
  let out = "";
  const session = new runner.Session({
    stdout: (t) => (out += t),
    stderr: (t) => (out += t),
    limits: { wallTimeMs: WALL_TIME_MS, memoryBytes: MEMORY_BYTES },
    modules: numpyModules,
  });
  const problems: string[] = [];
  const setup = session.execute("canary = 41", { cellName: "<setup>" });
  if (setup.status !== "ok") return ["setup cell failed"];

  const started = Date.now();
  let result: ExecuteResult;
  try {
    result = session.execute(source, { cellName: `<${name}>` });
  } catch (e) {
    return [`JavaScript exception escaped execute(): ${e instanceof Error ? e.message : String(e)}`];
  }
  const elapsed = Date.now() - started;
  if (elapsed > WALL_TIME_MS + 8000) problems.push(`took ${elapsed} ms (limit ${WALL_TIME_MS} ms)`);

  if (result.status === "ok") {
    if (!expectation.mayFinish) problems.push("finished normally; expected a Python exception");
  } else {
    const { type, message, traceback } = result.error;
    const shortType = type.split(".").pop() ?? type;
    if (!PYTHON_EXCEPTION.test(shortType)) problems.push(`not a Python exception type: ${type}`);
    if (expectation.types && !expectation.types.includes(shortType)) {
      problems.push(`raised ${type}: ${message}; expected ${expectation.types.join(" or ")}`);
    }
    // The traceback quotes the attempt's own source lines (which mention "ESCAPED"), so only its
    // message is searched for the escape canary; the whole traceback is searched for JavaScript leaks.
    out += "\n" + message;
    for (const marker of LEAK_MARKERS.slice(1)) {
      if (traceback.includes(marker)) problems.push(`traceback contains ${JSON.stringify(marker)}: ${JSON.stringify(traceback.slice(-400))}`);
    }
  }
  for (const marker of LEAK_MARKERS) {
    if (out.includes(marker)) problems.push(`output contains ${JSON.stringify(marker)}: ${JSON.stringify(out.slice(0, 400))}`);
  }

  out = "";
  const after = session.execute("print(1 + 1, canary + 1)", { cellName: "<after>" });
  if (after.status !== "ok" || out !== "2 42\n") {
    problems.push(`session unusable afterwards: ${after.status === "error" ? after.error.type + ": " + after.error.message : JSON.stringify(out)}`);
  }
  return problems;
}

describe("sandbox escape attempts", () => {
  it("has at least 40 attempts, each stating its expected outcome", () => {
    expect(attempts.length).toBeGreaterThanOrEqual(40);
    for (const name of attempts) expectationOf(readFileSync(attemptsDir + name, "utf8"), name);
  });

  it("lists only existing attempts as known failures", () => {
    expect(Object.keys(knownFailures).filter((n) => !attempts.includes(n))).toEqual([]);
  });

  for (const name of attempts) {
    const reason = knownFailures[name];
    if (!engine || reason?.startsWith("slow:")) {
      it.skip(`${name} (${engine ? reason : "engine not built"})`, () => {});
      continue;
    }
    it(reason === undefined ? name : `${name} (known failure: ${reason})`, () => {
      const problems = runAttempt(engine, name);
      if (reason === undefined) expect(problems).toEqual([]);
      else expect(problems, `${name} passes now: remove it from known-failures.json`).not.toEqual([]);
    });
  }
});
