/*
 * A kernel's worker thread: loads the engine, then runs one request at a time. Everything that is
 * about the protocol rather than the language lives here: line magics, the per-execution output
 * budget, and turning an interrupt into the right error for its reason (user, output limit, wall
 * time). The thread stays responsive to nothing while code runs, which is why interrupts arrive
 * through shared memory instead of messages.
 */
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import type { JsonObject, MimeBundle } from "../jupyter/messages";
import { PROFILE_MIME } from "../profile/document";
import type { CreateEngine, EngineError, EngineHost, ExecuteOutcome, KernelEngine, TargetName } from "./engine";
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

/** One worker's state: the engine's host side and the request loop. */
class KernelWorker {
  readonly #port: MessagePort;
  readonly #config: WorkerConfig;
  readonly #shared: Int32Array;
  #target: TargetName;
  /** Id of the execution whose output is being produced, for routing streams. */
  #currentId = -1;
  #outputBytes = 0;

  constructor(port: MessagePort, config: WorkerConfig) {
    this.#port = port;
    this.#config = config;
    this.#shared = new Int32Array(config.interruptBuffer, 0, INTERRUPT_SLOTS);
    this.#target = config.target;
  }

  post(msg: FromWorker): void {
    this.#port.postMessage(msg);
  }

  host(): EngineHost {
    return {
      stdout: (text) => this.#stream("stdout", text),
      stderr: (text) => this.#stream("stderr", text),
      display: (request) => {
        if (this.#currentId < 0 || !this.#charge(chargedBytes(request.data))) return;
        this.post({ type: "display", id: this.#currentId, ...request });
      },
      clearOutput: (wait) => {
        if (this.#currentId >= 0) this.post({ type: "clear_output", id: this.#currentId, wait });
      },
      interruptFlag: new Int32Array(this.#config.interruptBuffer, 0, 1),
      target: () => this.#target,
      memoryBytes: this.#config.memoryBytes,
    };
  }

  /** Counts output against the budget; returns false once it is spent (the output is then dropped). */
  #charge(bytes: number): boolean {
    const max = this.#config.maxOutputBytes;
    if (this.#outputBytes > max) return false;
    this.#outputBytes += bytes;
    if (this.#outputBytes > max) {
      Atomics.store(this.#shared, INTERRUPT_REASON, InterruptReason.outputLimit);
      Atomics.store(this.#shared, INTERRUPT_FLAG, 1);
      return false;
    }
    return true;
  }

  #stream(name: "stdout" | "stderr", text: string): void {
    if (this.#currentId < 0 || text === "" || !this.#charge(text.length)) return;
    this.post({ type: "stream", id: this.#currentId, name, text });
  }

  #limitError(reason: number, original: EngineError): EngineError {
    const frames = original.traceback.slice(0, -1);
    const make = (ename: string, evalue: string): EngineError => ({ ename, evalue, traceback: [...frames, `${ename}: ${evalue}`] });
    if (reason === InterruptReason.outputLimit) {
      const mb = (this.#config.maxOutputBytes / (1024 * 1024)).toFixed(1);
      return make("OutputLimitError", `this cell produced more than ${mb} MB of output, so Kernel Lab stopped it (variables are kept)`);
    }
    if (reason === InterruptReason.wallTime) {
      const s = Math.round(this.#config.wallTimeMs / 1000);
      return make("TimeoutError", `this cell ran longer than the ${s} s wall-time limit, so Kernel Lab stopped it (variables are kept)`);
    }
    return original;
  }

  #execute(engine: KernelEngine, code: string, cellName: string): ExecuteOutcome {
    const magic = applyLineMagics(code, this.#target);
    if (!magic.ok) return { status: "error", ...magic.error };
    if (magic.target !== this.#target) {
      this.#target = magic.target;
      this.post({ type: "target", target: magic.target });
    }
    this.#stream("stdout", magic.output);
    const outcome = engine.execute(magic.code, cellName);
    const reason = Atomics.load(this.#shared, INTERRUPT_REASON);
    const noFrames: EngineError = { ename: "", evalue: "", traceback: [""] };
    if (outcome.status === "error" && outcome.ename === "KeyboardInterrupt" && reason !== InterruptReason.none) {
      return { status: "error", ...this.#limitError(reason, outcome) };
    }
    if (outcome.status === "ok" && reason === InterruptReason.outputLimit) {
      // The code swallowed the KeyboardInterrupt (e.g. `except BaseException`); still report the limit.
      return { status: "error", ...this.#limitError(reason, noFrames) };
    }
    if (outcome.status === "ok" && outcome.result && !this.#charge(chargedBytes(outcome.result))) {
      // A final value whose repr alone is over the budget (e.g. a huge list).
      return { status: "error", ...this.#limitError(InterruptReason.outputLimit, noFrames) };
    }
    return outcome;
  }

  /** The engine's target (which code may override), or the kernel's if the engine cannot say. */
  #effectiveTarget(engine: KernelEngine): TargetName {
    return guard(() => engine.target?.() ?? this.#target, this.#target);
  }

  handle(engine: KernelEngine, msg: ToWorker): void {
    switch (msg.type) {
      case "execute": {
        this.#currentId = msg.id;
        this.#outputBytes = 0;
        let outcome: ExecuteOutcome;
        try {
          outcome = this.#execute(engine, msg.code, msg.cellName);
          if (outcome.status === "ok" && Object.keys(msg.userExpressions).length > 0) {
            outcome = { ...outcome, userExpressions: evaluateUserExpressions(engine, msg.userExpressions) };
          }
        } catch (e) {
          outcome = internalError(e);
        }
        this.#currentId = -1;
        this.post({ type: "done", id: msg.id, result: { kind: "execute", outcome, target: this.#effectiveTarget(engine) } });
        return;
      }
      case "complete": {
        const reply = guard(() => engine.complete(msg.code, msg.cursorPos), emptyCompletion(msg.cursorPos));
        this.post({ type: "done", id: msg.id, result: { kind: "complete", reply } });
        return;
      }
      case "inspect": {
        const reply = guard(() => engine.inspect(msg.code, msg.cursorPos, msg.detailLevel), { status: "ok" as const, found: false, data: {}, metadata: {} });
        this.post({ type: "done", id: msg.id, result: { kind: "inspect", reply } });
        return;
      }
      case "is_complete": {
        // Magic lines are the worker's, not Python: a console's `%target trn3` is complete.
        const code = msg.code.replace(/^%(?!%).*$/gm, "");
        const reply = guard(() => engine.isComplete(code), { status: "unknown" as const });
        this.post({ type: "done", id: msg.id, result: { kind: "is_complete", reply } });
        return;
      }
      case "set_target":
        this.#target = msg.target;
        return;
    }
  }
}

/**
 * Bytes of a display bundle counted against the output budget. A profile document is exempt: it
 * grows with the kernel's instruction count, and the server stores it and swaps in a small card
 * before any client or notebook sees it (the contract's profile flow).
 */
function chargedBytes(bundle: MimeBundle): number {
  let bytes = 0;
  for (const [mime, value] of Object.entries(bundle)) if (mime !== PROFILE_MIME) bytes += mime.length + JSON.stringify(value).length;
  return bytes;
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
  if (!parentPort) throw new Error("lib/kernel/worker.ts must run in a worker thread");
  const port = parentPort;
  const worker = new KernelWorker(port, workerData as WorkerConfig);
  let engine: KernelEngine;
  try {
    const createEngine = await loadEngine();
    engine = await createEngine(worker.host());
  } catch (e) {
    worker.post({ type: "fatal", message: `could not start the engine: ${e instanceof Error ? e.message : String(e)}` });
    return;
  }
  port.on("message", (msg: ToWorker) => worker.handle(engine, msg));
  worker.post({ type: "ready", languageVersion: engine.languageVersion });
}
