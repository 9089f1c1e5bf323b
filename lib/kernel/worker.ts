/*
 * A kernel's worker thread: loads the engine, then runs one request at a time. Everything that is
 * about the protocol rather than the language lives here: line magics, the per-execution output
 * budget, and turning an interrupt into the right error for its reason (user, output limit, wall
 * time). The thread stays responsive to nothing while code runs, which is why interrupts arrive
 * through shared memory instead of messages.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { JsonObject } from "../jupyter/messages";
import type { CreateEngine, EngineError, ExecuteOutcome, KernelEngine, TargetName } from "./engine";
import { applyLineMagics } from "./magics";
import {
  INTERRUPT_FLAG,
  INTERRUPT_REASON,
  InterruptReason,
  INTERRUPT_SLOTS,
  type FromWorker,
  type ToWorker,
  type WorkerConfig,
} from "./worker-protocol";

if (!parentPort) throw new Error("lib/kernel/worker.ts must run in a worker thread");
const port = parentPort;
const config = workerData as WorkerConfig;
const shared = new Int32Array(config.interruptBuffer, 0, INTERRUPT_SLOTS);
const post = (msg: FromWorker) => port.postMessage(msg);

let target: TargetName = config.target;
/** Id of the execution whose output is being produced, for routing streams. */
let currentId = -1;
let outputBytes = 0;

function stopForOutputLimit(): void {
  Atomics.store(shared, INTERRUPT_REASON, InterruptReason.outputLimit);
  Atomics.store(shared, INTERRUPT_FLAG, 1);
}

/** Counts output against the budget; returns false once it is spent (the output is then dropped). */
function charge(bytes: number): boolean {
  if (outputBytes > config.maxOutputBytes) return false;
  outputBytes += bytes;
  if (outputBytes > config.maxOutputBytes) {
    stopForOutputLimit();
    return false;
  }
  return true;
}

function stream(name: "stdout" | "stderr", text: string): void {
  if (currentId < 0 || text === "" || !charge(text.length)) return;
  post({ type: "stream", id: currentId, name, text });
}

function limitError(reason: number, original: EngineError): EngineError {
  const frames = original.traceback.slice(0, -1);
  const make = (ename: string, evalue: string): EngineError => ({ ename, evalue, traceback: [...frames, `${ename}: ${evalue}`] });
  if (reason === InterruptReason.outputLimit) {
    const mb = (config.maxOutputBytes / (1024 * 1024)).toFixed(1);
    return make("OutputLimitError", `this cell produced more than ${mb} MB of output, so Kernel Lab stopped it (variables are kept)`);
  }
  if (reason === InterruptReason.wallTime) {
    return make("TimeoutError", `this cell ran longer than the ${Math.round(config.wallTimeMs / 1000)} s wall-time limit, so Kernel Lab stopped it (variables are kept)`);
  }
  return original;
}

function execute(engine: KernelEngine, code: string, cellName: string): ExecuteOutcome {
  const magic = applyLineMagics(code, target);
  if (!magic.ok) return { status: "error", ...magic.error };
  if (magic.target !== target) {
    target = magic.target;
    post({ type: "target", target });
  }
  stream("stdout", magic.output);
  const outcome = engine.execute(magic.code, cellName);
  const reason = Atomics.load(shared, INTERRUPT_REASON);
  if (outcome.status === "error" && outcome.ename === "KeyboardInterrupt" && reason !== InterruptReason.none) {
    return { status: "error", ...limitError(reason, outcome) };
  }
  if (outcome.status === "ok" && reason === InterruptReason.outputLimit) {
    // The code swallowed the KeyboardInterrupt (e.g. `except BaseException`); still report the limit.
    return { status: "error", ...limitError(reason, { ename: "", evalue: "", traceback: [""] }) };
  }
  if (outcome.status === "ok" && outcome.result && !charge(JSON.stringify(outcome.result).length)) {
    // A final value whose repr alone is over the budget (e.g. a huge list).
    return { status: "error", ...limitError(InterruptReason.outputLimit, { ename: "", evalue: "", traceback: [""] }) };
  }
  return outcome;
}

/** messaging.rst: each user expression's result is a display bundle or an error, keyed by name. */
function evaluateUserExpressions(engine: KernelEngine, expressions: Record<string, string>): JsonObject {
  const out: JsonObject = {};
  for (const [name, expression] of Object.entries(expressions)) {
    let r: ReturnType<NonNullable<KernelEngine["evaluate"]>>;
    try {
      r = engine.evaluate
        ? engine.evaluate(expression)
        : { status: "error", ename: "NotImplementedError", evalue: "user_expressions are not supported", traceback: [] };
    } catch (e) {
      r = { status: "error", ename: "SystemError", evalue: e instanceof Error ? e.message : String(e), traceback: [] };
    }
    out[name] = r.status === "ok" ? { status: "ok", data: r.data, metadata: r.metadata } : { status: "error", ename: r.ename, evalue: r.evalue, traceback: r.traceback };
  }
  return out;
}

function handle(engine: KernelEngine, msg: ToWorker): void {
  switch (msg.type) {
    case "execute": {
      currentId = msg.id;
      outputBytes = 0;
      let outcome: ExecuteOutcome;
      try {
        outcome = execute(engine, msg.code, msg.cellName);
        if (outcome.status === "ok" && Object.keys(msg.userExpressions).length > 0) {
          outcome = { ...outcome, userExpressions: evaluateUserExpressions(engine, msg.userExpressions) };
        }
      } catch (e) {
        outcome = internalError(e);
      }
      currentId = -1;
      post({ type: "done", id: msg.id, result: { kind: "execute", outcome } });
      return;
    }
    case "complete":
      post({ type: "done", id: msg.id, result: { kind: "complete", reply: guard(() => engine.complete(msg.code, msg.cursorPos), emptyCompletion(msg.cursorPos)) } });
      return;
    case "inspect":
      post({ type: "done", id: msg.id, result: { kind: "inspect", reply: guard(() => engine.inspect(msg.code, msg.cursorPos, msg.detailLevel), { status: "ok", found: false, data: {}, metadata: {} }) } });
      return;
    case "is_complete":
      post({ type: "done", id: msg.id, result: { kind: "is_complete", reply: guard(() => engine.isComplete(msg.code), { status: "unknown" }) } });
      return;
    case "set_target":
      target = msg.target;
      return;
  }
}

/** Introspection must never take the kernel down: a failure answers "nothing found". */
function guard<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

function emptyCompletion(cursorPos: number) {
  return { status: "ok" as const, matches: [], cursor_start: cursorPos, cursor_end: cursorPos, metadata: {} };
}

function internalError(e: unknown): ExecuteOutcome {
  const message = e instanceof Error ? e.message : String(e);
  return {
    status: "error",
    ename: "SystemError",
    evalue: `internal error in Kernel Lab's engine: ${message}`,
    traceback: [`SystemError: internal error in Kernel Lab's engine: ${message}`],
  };
}

/**
 * Start serving requests with the engine `loadEngine` provides (a static import in the bundled
 * worker, a dynamic one in the tsx fallback; see ./worker-source.ts).
 */
export async function runWorker(loadEngine: () => Promise<CreateEngine>): Promise<void> {
  let engine: KernelEngine;
  try {
    const createEngine = await loadEngine();
    engine = await createEngine({
      stdout: (text) => stream("stdout", text),
      stderr: (text) => stream("stderr", text),
      display: (request) => {
        if (currentId < 0 || !charge(JSON.stringify(request.data).length)) return;
        post({ type: "display", id: currentId, ...request });
      },
      interruptFlag: new Int32Array(config.interruptBuffer, 0, 1),
      target: () => target,
      memoryBytes: config.memoryBytes,
    });
  } catch (e) {
    post({ type: "fatal", message: `could not start the engine: ${e instanceof Error ? e.message : String(e)}` });
    return;
  }
  port.on("message", (msg: ToWorker) => handle(engine, msg));
  post({ type: "ready", languageVersion: engine.languageVersion });
}
