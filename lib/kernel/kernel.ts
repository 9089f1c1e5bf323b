/*
 * One kernel on the main thread: a worker thread running the engine, the shell queue in front of
 * it, and the fan-out of its messages to connected clients. Shell requests run strictly one after
 * another (as in ipykernel), control requests (interrupt, shutdown, kernel_info) are answered at
 * once. Every request follows busy → side effects → reply → idle (lib/jupyter RequestCycle).
 *
 * The main thread owns everything that must survive or judge the worker: execution count, history,
 * the wall-time watchdog, and the decision that a worker that exited or ran out of memory is `dead`.
 */
import { Worker } from "node:worker_threads";
import { iopubMessage, newId, replyMessage, statusMessage } from "../jupyter/build";
import { IopubBuffer, IopubRateLimiter, rateLimitWarning, type IopubBufferLimits, type IopubRateLimits } from "../jupyter/iopub";
import {
  REPLY_TYPE,
  type ClientMessage,
  isRequestOf,
  type ExecuteRequestMsg,
  type RequestOf,
  type ExecutionState,
  type HistoryEntry,
  type HistoryRequest,
  type IopubMessage,
  type JsonObject,
  type ServerMessage,
} from "../jupyter/messages";
import { RequestCycle } from "../jupyter/request-cycle";
import type { ProtocolError } from "../jupyter/validate";
import { DEFAULT_TARGET, type TargetName } from "./engine";
import { allowFinalizationCleanup } from "./heap-collection";
import { kernelInfoReply } from "./kernel-info";
import type { WorkerSource } from "./worker-source";
import {
  INTERRUPT_FLAG,
  INTERRUPT_REASON,
  INTERRUPT_SLOTS,
  InterruptReason,
  type FromWorker,
  type ToWorker,
  type WorkerConfig,
  type WorkerResult,
} from "./worker-protocol";

export interface KernelLimits {
  /** V8 old-generation heap of the worker, MB (Worker resourceLimits). Exceeding it kills the kernel. */
  heapMb: number;
  /** Wall time of one execution; then the cell is interrupted with a TimeoutError. */
  wallTimeMs: number;
  /** After the wall-time interrupt, how long the code may ignore it before the worker is killed. */
  killGraceMs: number;
  /** Output (stdout, stderr, displays) one execution may produce before it is stopped. */
  maxOutputBytes: number;
}

/** Requests the main thread answers itself, even while the kernel is dead. */
const LOCAL_REQUESTS: ReadonlySet<string> = new Set(["kernel_info_request", "comm_info_request", "history_request"]);

/** Shell requests one kernel holds while busy; more are refused with an error reply. */
const MAX_QUEUED_REQUESTS = 1000;

/** Failed run groups remembered; a client has only a few groups in flight at once. */
const FAILED_BATCHES_KEPT = 16;

/** How long printed text may wait to be merged with the next print into one stream message. */
const STREAM_FLUSH_MS = 20;

export const DEFAULT_KERNEL_LIMITS: KernelLimits = {
  heapMb: 1024,
  wallTimeMs: 10 * 60_000,
  killGraceMs: 3000,
  maxOutputBytes: 8 * 1024 * 1024,
};

/** The REST model of a kernel (jupyter_server's KernelModel). */
export interface KernelModel {
  id: string;
  name: string;
  last_activity: string;
  execution_state: ExecutionState;
  connections: number;
}

export interface KernelOptions {
  id: string;
  /** Kernelspec name. */
  name: string;
  target: TargetName;
  /** The server's default target, which kernel_info's banner names (default trn2). */
  defaultTarget?: TargetName;
  /** file: URL of the engine module the worker loads. */
  engineModule: string;
  /** The worker's code (./worker-source.ts); shared by all kernels of a manager. */
  workerSource: Promise<WorkerSource>;
  limits: KernelLimits;
  iopubRateLimits?: IopubRateLimits;
  iopubBufferLimits?: IopubBufferLimits;
  /** Called once when the kernel has shut down for good (REST delete or shutdown_request). */
  onShutdown?: (kernel: Kernel) => void;
  /**
   * Called once per execute_request the kernel took: with its execute_reply, whether or not the
   * connection that asked is still open (a reply goes only to that connection, so a client that left
   * would otherwise take it along), or when a restart or shutdown dropped it unanswered (as Jupyter does).
   */
  onExecuteEnd?: (request: ExecuteRequestMsg, end: ExecuteEnd) => void;
}

/** How an execute_request ended, for observers such as the server's execution records. */
export type ExecuteEnd = { kind: "reply"; reply: ServerMessage } | { kind: "dropped"; reason: "restart" | "shutdown" };

/** A client's view of the kernel; the server's WebSocket code frames what `send` receives. */
export interface KernelConnection {
  readonly clientSessionId: string;
  /** A validated message from the client (lib/jupyter decodeClientFrame). */
  receive(msg: ClientMessage): void;
  /**
   * A message that failed validation. When its header was readable and its type is known, the
   * client gets an error reply (so its request does not hang); returns whether one was sent.
   */
  receiveInvalid(error: ProtocolError): boolean;
  close(): void;
}

type Send = (msg: ServerMessage) => void;

class Connection implements KernelConnection {
  open = true;
  readonly limiter: IopubRateLimiter;

  constructor(
    readonly clientSessionId: string,
    readonly send: Send,
    readonly onKernelGone: (() => void) | undefined,
    private readonly kernel: Kernel,
    rateLimits: IopubRateLimits | undefined,
  ) {
    this.limiter = new IopubRateLimiter(rateLimits);
  }

  receive(msg: ClientMessage): void {
    if (this.open) this.kernel.handleRequest(msg, this);
  }

  receiveInvalid(error: ProtocolError): boolean {
    return this.open && this.kernel.handleInvalid(error, this);
  }

  close(): void {
    if (!this.open) return;
    this.open = false;
    this.kernel.disconnect(this);
  }
}

interface Pending {
  request: ClientMessage;
  conn: Connection | null;
}

interface InFlight extends Pending {
  cycle: RequestCycle;
  workerId: number;
  /** For executes: the count reported in execute_input/result/reply. */
  executionCount: number;
  silent: boolean;
  stopOnError: boolean;
  /** For executes: the client's run group (`metadata.kernel_lab.batch`), if it named one. */
  batch: string | null;
  pendingStream: { name: "stdout" | "stderr"; text: string } | null;
  flushScheduled: boolean;
  timers: NodeJS.Timeout[];
  /** For executes: the target the worker reported the code ran on (else the kernel's). */
  ranOn?: TargetName;
}

export class KernelShutDownError extends Error {}

export class Kernel {
  readonly id: string;
  readonly name: string;
  readonly #options: KernelOptions;
  readonly #interruptBuffer = new SharedArrayBuffer(4 * INTERRUPT_SLOTS);
  readonly #shared = new Int32Array(this.#interruptBuffer);
  readonly #connections = new Set<Connection>();
  readonly #buffer: IopubBuffer;

  #worker: Worker | null = null;
  /** Bumped whenever a worker is replaced, so events from a discarded worker are ignored. */
  #generation = 0;
  #session = newId();
  #state: ExecutionState = "starting";
  #target: TargetName;
  #languageVersion = "3.11";
  #lastActivity = new Date();
  #queue: Pending[] = [];
  #current: InFlight | null = null;
  #nextWorkerId = 1;
  #executionCount = 0;
  /**
   * Run groups with a failed stop_on_error execute, newest last. Jupyter aborts only the executes
   * already queued when one fails; a group's later requests can still be in flight on the network
   * then (ipykernel's stop_on_error_timeout exists for this race), so they are aborted on arrival.
   */
  #failedBatches: string[] = [];
  #history: { count: number; code: string }[] = [];
  #shutDown = false;
  #ready!: Promise<void>;
  #deathReason: string | null = null;

  constructor(options: KernelOptions) {
    this.#options = options;
    this.id = options.id;
    this.name = options.name;
    this.#target = options.target;
    this.#buffer = new IopubBuffer(options.iopubBufferLimits);
    this.#startWorker();
  }

  /** Resolves when the worker has loaded the engine (rejects if it could not). */
  get ready(): Promise<void> {
    return this.#ready;
  }

  get executionState(): ExecutionState {
    return this.#state;
  }

  get target(): TargetName {
    return this.#target;
  }

  get lastActivity(): Date {
    return this.#lastActivity;
  }

  get connectionCount(): number {
    return this.#connections.size;
  }

  get isShutDown(): boolean {
    return this.#shutDown;
  }

  /** Why the kernel died, when its state is `dead`. */
  get deathReason(): string | null {
    return this.#deathReason;
  }

  model(): KernelModel {
    return {
      id: this.id,
      name: this.name,
      last_activity: this.#lastActivity.toISOString(),
      execution_state: this.#state,
      connections: this.#connections.size,
    };
  }

  /** Change the target (e.g. from notebook metadata); `%target` in a cell does the same. */
  setTarget(target: TargetName): void {
    this.#target = target;
    this.#post({ type: "set_target", target });
  }

  connect(clientSessionId: string, send: Send, onKernelGone?: () => void): KernelConnection {
    if (this.#shutDown) throw new KernelShutDownError(`kernel ${this.id} has been shut down`);
    const conn = new Connection(clientSessionId, send, onKernelGone, this, this.#options.iopubRateLimits);
    const replay = this.#connections.size === 0 ? this.#buffer.connect(clientSessionId) : [];
    this.#connections.add(conn);
    for (const msg of replay) send(msg);
    return conn;
  }

  /** @internal (Connection.close) */
  disconnect(conn: Connection): void {
    this.#connections.delete(conn);
    if (this.#connections.size === 0 && !this.#shutDown) this.#buffer.startBuffering(conn.clientSessionId);
  }

  /** Interrupt the running execution, if any (REST interrupt and interrupt_request). */
  interrupt(): void {
    const current = this.#current;
    if (!current || current.request.header.msg_type !== "execute_request") return;
    Atomics.store(this.#shared, INTERRUPT_REASON, InterruptReason.user);
    Atomics.store(this.#shared, INTERRUPT_FLAG, 1);
  }

  /** A fresh worker: variables, execution count and history are gone; clients see restarting → idle. */
  async restart(): Promise<void> {
    if (this.#shutDown) throw new KernelShutDownError(`kernel ${this.id} has been shut down`);
    this.#setState("restarting");
    this.#publish(statusMessage("restarting", this.#session));
    this.#discardWorkerAndRequests("restart");
    this.#session = newId();
    this.#executionCount = 0;
    this.#history = [];
    this.#failedBatches = [];
    this.#deathReason = null;
    this.#startWorker();
    await this.#ready;
  }

  async shutdown(): Promise<void> {
    if (this.#shutDown) return;
    this.#shutDown = true;
    const worker = this.#worker;
    this.#worker = null;
    this.#discardWorkerAndRequests("shutdown");
    this.#state = "dead";
    for (const conn of [...this.#connections]) {
      conn.open = false;
      conn.onKernelGone?.();
    }
    this.#connections.clear();
    this.#options.onShutdown?.(this);
    if (worker) await worker.terminate().catch(() => undefined);
  }

  // ---- worker lifecycle ----------------------------------------------------------------------------

  #startWorker(): void {
    const generation = ++this.#generation;
    this.#state = this.#state === "restarting" ? "restarting" : "starting";
    if (this.#state === "starting") this.#publish(statusMessage("starting", this.#session));
    this.#ready = this.#options.workerSource.then((source) => {
      // Shut down or restarted again while the source was being prepared.
      if (generation !== this.#generation) return;
      return this.#spawn(source, generation);
    });
    // Callers that never await `ready` must not see an unhandled rejection; failures surface as `dead`.
    this.#ready.catch(() => undefined);
  }

  #spawn(source: WorkerSource, generation: number): Promise<void> {
    const config: WorkerConfig = {
      engineModule: this.#options.engineModule,
      target: this.#target,
      interruptBuffer: this.#interruptBuffer,
      maxOutputBytes: this.#options.limits.maxOutputBytes,
      memoryBytes: Math.floor(this.#options.limits.heapMb * 0.75 * 1024 * 1024),
      wallTimeMs: this.#options.limits.wallTimeMs,
    };
    // Lets the engine reclaim resident numpy arrays within a cell (heap-collection.ts).
    allowFinalizationCleanup();
    const worker = new Worker(source.url, {
      workerData: config,
      resourceLimits: { maxOldGenerationSizeMb: this.#options.limits.heapMb },
      // A bundle is plain JavaScript: do not inherit the server's `--import tsx`, whose loader
      // thread would cost every worker ~0.5 s and several MB.
      ...(source.bundled ? { execArgv: [] } : {}),
      stdout: false,
      stderr: false,
    });
    this.#worker = worker;
    return new Promise<void>((resolve, reject) => {
      worker.on("message", (msg: FromWorker) => {
        if (generation !== this.#generation) return;
        if (msg.type === "ready") {
          this.#languageVersion = msg.languageVersion;
          this.#setState("idle");
          this.#publish(statusMessage("idle", this.#session));
          resolve();
          this.#pump();
        } else if (msg.type === "fatal") {
          reject(new Error(msg.message));
          this.#die(msg.message);
        } else {
          this.#onWorkerMessage(msg);
        }
      });
      const onDeath = (reason: string) => {
        if (generation !== this.#generation) return;
        reject(new Error(reason));
        this.#die(reason);
      };
      worker.on("error", (err) => {
        const code = (err as { code?: string }).code;
        onDeath(code === "ERR_WORKER_OUT_OF_MEMORY" ? `it ran out of memory (heap limit ${this.#options.limits.heapMb} MB)` : `its worker failed: ${err.message}`);
      });
      worker.on("exit", (code) => onDeath(`its worker exited (code ${code})`));
    });
  }

  /** Stop the current worker without treating it as a crash, and forget every request. */
  #discardWorkerAndRequests(reason: "restart" | "shutdown"): void {
    this.#generation++;
    const current = this.#current;
    if (current) for (const t of current.timers) clearTimeout(t);
    for (const p of current ? [current, ...this.#queue] : this.#queue) this.#executeEnded(p.request, { kind: "dropped", reason });
    this.#current = null;
    this.#queue = [];
    void this.#worker?.terminate().catch(() => undefined);
    this.#worker = null;
  }

  #die(reason: string): void {
    if (this.#state === "dead") return;
    this.#generation++;
    this.#deathReason = reason;
    void this.#worker?.terminate().catch(() => undefined);
    this.#worker = null;
    this.#state = "dead";
    const current = this.#current;
    this.#current = null;
    if (current) {
      for (const t of current.timers) clearTimeout(t);
      this.#flushStream(current);
      this.#finishWithDeath(current);
    }
    const queued = this.#queue;
    this.#queue = [];
    for (const p of queued) this.#finishWithDeath(this.#begin(p));
    this.#publish(statusMessage("dead", this.#session));
  }

  #deadError() {
    const evalue = `the kernel died: ${this.#deathReason ?? "unknown reason"}. Restart the kernel to continue (variables are lost).`;
    return { ename: "DeadKernelError", evalue, traceback: [`DeadKernelError: ${evalue}`] };
  }

  /** Answer a request with the dead-kernel error (used while dead and for requests a death cut short). */
  #finishWithDeath(f: InFlight): void {
    const err = this.#deadError();
    const type = f.request.header.msg_type;
    if (type === "execute_request") {
      if (!f.silent) this.#publish(f.cycle.output("error", err));
      this.#reply(f, { status: "error", execution_count: f.executionCount, user_expressions: {}, payload: [], ...err });
    } else if (type === "is_complete_request") {
      this.#reply(f, { status: "unknown" });
    } else {
      // complete/inspect replies have an error form; kernel_info/comm_info/history never get here.
      this.#reply(f, { status: "error", ...err } as Parameters<RequestCycle["reply"]>[0]);
    }
    this.#publish(f.cycle.idle());
  }

  #executeEnded(request: ClientMessage, end: ExecuteEnd): void {
    if (request.header.msg_type !== "execute_request") return;
    try {
      this.#options.onExecuteEnd?.(request as ExecuteRequestMsg, end);
    } catch {
      // An observer's failure must not cost the client its reply or stop a restart.
    }
  }

  #post(msg: ToWorker): void {
    this.#worker?.postMessage(msg);
  }

  #setState(state: ExecutionState): void {
    this.#state = state;
  }

  // ---- requests --------------------------------------------------------------------------------------

  /** @internal (Connection.receive) */
  handleRequest(request: ClientMessage, conn: Connection): void {
    this.#lastActivity = new Date();
    const type = request.header.msg_type;
    if (type === "interrupt_request" || type === "shutdown_request" || (type === "kernel_info_request" && request.channel === "control")) {
      this.#runControl({ request, conn });
      return;
    }
    if (this.#queue.length >= MAX_QUEUED_REQUESTS) {
      // A client flooding the kernel must not grow the server's memory without bound.
      const f = this.#begin({ request, conn });
      const evalue = `the kernel already has ${MAX_QUEUED_REQUESTS} requests waiting; wait for them to finish`;
      this.#reply(f, { status: "error", ename: "KernelBusyError", evalue, traceback: [`KernelBusyError: ${evalue}`] } as never);
      this.#publish(f.cycle.idle());
      return;
    }
    this.#queue.push({ request, conn });
    this.#pump();
  }

  /** @internal (Connection.receiveInvalid) */
  handleInvalid(error: ProtocolError, conn: Connection): boolean {
    const req = error.request;
    if (!req || !(req.header.msg_type in REPLY_TYPE)) return false;
    const replyType = REPLY_TYPE[req.header.msg_type as keyof typeof REPLY_TYPE];
    const evalue = `invalid ${req.header.msg_type}: ${error.message}`;
    const parent = { ...req.header };
    this.#deliver(conn, statusMessage("busy", this.#session, parent));
    this.#deliver(conn, replyMessage(replyType, { status: "error", ename: "ProtocolError", evalue, traceback: [`ProtocolError: ${evalue}`] } as never, this.#session, { header: req.header, channel: req.channel } as Pick<ClientMessage, "header" | "channel">));
    this.#deliver(conn, statusMessage("idle", this.#session, parent));
    return true;
  }

  #begin(p: Pending): InFlight {
    const cycle = new RequestCycle(p.request, this.#session);
    const exec = p.request.header.msg_type === "execute_request" ? (p.request as ExecuteRequestMsg).content : null;
    const f: InFlight = {
      ...p,
      cycle,
      workerId: 0,
      executionCount: this.#executionCount,
      silent: exec?.silent ?? false,
      stopOnError: exec?.stop_on_error ?? false,
      batch: exec ? batchOf(p.request) : null,
      pendingStream: null,
      flushScheduled: false,
      timers: [],
    };
    this.#publish(cycle.busy());
    return f;
  }

  #reply(f: InFlight, content: Parameters<RequestCycle["reply"]>[0]): void {
    const msg = f.cycle.reply(content);
    // The contract: every execute_reply names the target, so the server can record it per execution.
    if (f.request.header.msg_type === "execute_request") {
      msg.metadata = { kernel_lab: { target: f.ranOn ?? this.#target } };
      this.#executeEnded(f.request, { kind: "reply", reply: msg });
    }
    if (f.conn) this.#deliver(f.conn, msg);
  }

  #runControl(p: Pending): void {
    this.#answerControl(this.#begin(p));
  }

  #answerControl(f: InFlight): void {
    const req = f.request;
    switch (req.header.msg_type) {
      case "interrupt_request":
        this.interrupt();
        this.#reply(f, { status: "ok" });
        this.#publish(f.cycle.idle());
        return;
      case "shutdown_request": {
        const restart = isRequestOf(req, "shutdown_request") && req.content.restart;
        this.#reply(f, { status: "ok", restart });
        this.#publish(f.cycle.idle());
        if (restart) void this.restart().catch(() => undefined);
        else void this.shutdown();
        return;
      }
      default:
        this.#answerLocally(f);
    }
  }

  /** Requests the main thread answers without the worker. */
  #answerLocally(f: InFlight): void {
    const req = f.request;
    switch (req.header.msg_type) {
      case "kernel_info_request":
        this.#reply(f, kernelInfoReply(this.#target, this.#options.defaultTarget ?? DEFAULT_TARGET, this.#languageVersion));
        break;
      case "comm_info_request":
        this.#reply(f, { status: "ok", comms: {} });
        break;
      case "history_request":
        if (isRequestOf(req, "history_request")) this.#reply(f, { status: "ok", history: this.#historyEntries(req.content) });
        break;
      default:
        throw new Error(`${req.header.msg_type} is not answered locally`);
    }
    this.#publish(f.cycle.idle());
  }

  #historyEntries(req: HistoryRequest): HistoryEntry[] {
    let items = this.#history;
    if (req.hist_access_type === "tail") {
      items = items.slice(Math.max(0, items.length - (req.n ?? 10)));
    } else if (req.hist_access_type === "range") {
      const start = req.start ?? 0;
      const stop = req.stop ?? Number.POSITIVE_INFINITY;
      items = items.filter((h) => h.count >= start && h.count < stop);
    } else {
      const pattern = globToRegExp(req.pattern ?? "*");
      items = items.filter((h) => pattern.test(h.code));
      if (req.unique) items = items.filter((h, i) => items.findIndex((o) => o.code === h.code) === i);
      if (req.n !== undefined) items = items.slice(Math.max(0, items.length - req.n));
    }
    return items.map((h): HistoryEntry => (req.output ? [0, h.count, [h.code, null]] : [0, h.count, h.code]));
  }

  /** Start the next queued shell request when the worker is free. */
  #pump(): void {
    while (!this.#current && this.#queue.length > 0) {
      if (this.#state === "dead") {
        const p = this.#queue.shift() as Pending;
        const f = this.#begin(p);
        if (LOCAL_REQUESTS.has(p.request.header.msg_type)) this.#answerLocally(f);
        else this.#finishWithDeath(f);
        // Each request's idle must not make clients think the kernel came back.
        this.#publish(statusMessage("dead", this.#session));
        continue;
      }
      if (this.#state === "starting" || this.#state === "restarting") return;
      const p = this.#queue.shift() as Pending;
      const f = this.#begin(p);
      const req = p.request;
      switch (req.header.msg_type) {
        case "kernel_info_request":
        case "comm_info_request":
        case "history_request":
          this.#answerLocally(f);
          continue;
        case "execute_request":
          this.#startExecute(f, req as RequestOf<"execute_request">);
          continue;
        case "complete_request":
        {
          const { code, cursor_pos } = (req as RequestOf<"complete_request">).content;
          this.#dispatch(f, { type: "complete", id: 0, code, cursorPos: cursor_pos });
        }
          continue;
        case "inspect_request":
        {
          const { code, cursor_pos, detail_level } = (req as RequestOf<"inspect_request">).content;
          this.#dispatch(f, { type: "inspect", id: 0, code, cursorPos: cursor_pos, detailLevel: detail_level });
        }
          continue;
        case "is_complete_request":
          this.#dispatch(f, { type: "is_complete", id: 0, code: (req as RequestOf<"is_complete_request">).content.code });
          continue;
        case "interrupt_request":
        case "shutdown_request":
          // handleRequest never queues these; kept so the switch stays exhaustive.
          this.#answerControl(f);
          continue;
      }
    }
  }

  #dispatch(f: InFlight, msg: Exclude<ToWorker, { type: "set_target" }>): void {
    f.workerId = this.#nextWorkerId++;
    this.#current = f;
    this.#setState("busy");
    this.#post({ ...msg, id: f.workerId });
  }

  #startExecute(f: InFlight, req: ExecuteRequestMsg): void {
    if (f.batch !== null && this.#failedBatches.includes(f.batch)) {
      this.#abort(f);
      return;
    }
    const { code, store_history: storeHistory, silent } = req.content;
    if (storeHistory) {
      this.#executionCount++;
      this.#history.push({ count: this.#executionCount, code });
    }
    f.executionCount = this.#executionCount;
    if (!silent) this.#publish(f.cycle.output("execute_input", { code, execution_count: f.executionCount }));
    if (code.trim() === "") {
      // Frontends send empty silent executes to learn the execution count; no need to wake the worker.
      this.#reply(f, { status: "ok", execution_count: f.executionCount, user_expressions: {}, payload: [] });
      this.#publish(f.cycle.idle());
      return;
    }
    Atomics.store(this.#shared, INTERRUPT_REASON, InterruptReason.none);
    Atomics.store(this.#shared, INTERRUPT_FLAG, 0);
    const { wallTimeMs, killGraceMs } = this.#options.limits;
    const wall = setTimeout(() => {
      if (this.#current !== f) return;
      Atomics.store(this.#shared, INTERRUPT_REASON, InterruptReason.wallTime);
      Atomics.store(this.#shared, INTERRUPT_FLAG, 1);
      const kill = setTimeout(() => {
        if (this.#current === f) this.#die(`a cell ignored the ${Math.round(wallTimeMs / 1000)} s wall-time limit and was killed`);
      }, killGraceMs);
      kill.unref();
      f.timers.push(kill);
    }, wallTimeMs);
    wall.unref();
    f.timers.push(wall);
    const cellName = storeHistory ? `<cell ${f.executionCount}>` : "<cell>";
    const userExpressions = Object.fromEntries(Object.entries(req.content.user_expressions).filter((e): e is [string, string] => typeof e[1] === "string"));
    this.#dispatch(f, { type: "execute", id: 0, code, cellName, userExpressions });
  }

  #onWorkerMessage(msg: Exclude<FromWorker, { type: "ready" | "fatal" }>): void {
    if (msg.type === "target") {
      this.#target = msg.target;
      return;
    }
    const f = this.#current;
    if (!f || msg.id !== f.workerId) return;
    switch (msg.type) {
      case "stream":
        if (f.silent) return;
        if (f.pendingStream && f.pendingStream.name !== msg.name) this.#flushStream(f);
        if (f.pendingStream) f.pendingStream.text += msg.text;
        else f.pendingStream = { name: msg.name, text: msg.text };
        if (!f.flushScheduled) {
          // Coalesce a burst of prints into one stream message (ipykernel flushes every 200 ms;
          // a shorter delay keeps progress output live). The end of the request flushes at once.
          f.flushScheduled = true;
          setTimeout(() => {
            f.flushScheduled = false;
            if (this.#current === f) this.#flushStream(f);
          }, STREAM_FLUSH_MS).unref();
        }
        return;
      case "display":
        if (f.silent) return;
        this.#flushStream(f);
        if (msg.update && msg.displayId !== undefined) {
          this.#publish(f.cycle.output("update_display_data", { data: msg.data, metadata: msg.metadata, transient: { display_id: msg.displayId } }));
        } else {
          this.#publish(f.cycle.output("display_data", { data: msg.data, metadata: msg.metadata, transient: msg.displayId === undefined ? {} : { display_id: msg.displayId } }));
        }
        return;
      case "clear_output":
        if (f.silent) return;
        this.#flushStream(f);
        this.#publish(f.cycle.output("clear_output", { wait: msg.wait }));
        return;
      case "done":
        this.#flushStream(f);
        for (const t of f.timers) clearTimeout(t);
        this.#current = null;
        this.#setState("idle");
        this.#finish(f, msg.result);
        this.#pump();
        return;
    }
  }

  #flushStream(f: InFlight): void {
    const s = f.pendingStream;
    if (!s) return;
    f.pendingStream = null;
    this.#publish(f.cycle.output("stream", { name: s.name, text: s.text }));
  }

  #finish(f: InFlight, result: WorkerResult): void {
    switch (result.kind) {
      case "execute": {
        const o = result.outcome;
        f.ranOn = result.target;
        const count = f.executionCount;
        if (o.status === "ok") {
          if (o.result && !f.silent) this.#publish(f.cycle.output("execute_result", { data: o.result, metadata: {}, execution_count: count }));
          this.#reply(f, { status: "ok", execution_count: count, user_expressions: o.userExpressions ?? {}, payload: [] });
        } else {
          const err = { ename: o.ename, evalue: o.evalue, traceback: o.traceback };
          // The location rides in the message metadata: nbformat's error output allows no extra fields.
          const metadata = o.location ? { kernel_lab: { location: o.location as unknown as JsonObject } } : undefined;
          if (!f.silent) this.#publish(f.cycle.output("error", err, metadata));
          this.#reply(f, { status: "error", execution_count: count, user_expressions: {}, payload: [], ...err });
        }
        this.#publish(f.cycle.idle());
        if (o.status === "error" && f.stopOnError) {
          if (f.batch !== null) this.#failedBatches = [...this.#failedBatches.slice(1 - FAILED_BATCHES_KEPT), f.batch];
          this.#abortQueuedExecutes();
        }
        return;
      }
      case "complete":
      case "inspect":
      case "is_complete":
        this.#reply(f, result.reply);
        this.#publish(f.cycle.idle());
        return;
    }
  }

  /** stop_on_error: executes queued behind a failed one are answered `aborted` without running. */
  #abortQueuedExecutes(): void {
    const keep: Pending[] = [];
    for (const p of this.#queue) {
      if (p.request.header.msg_type !== "execute_request") {
        keep.push(p);
        continue;
      }
      this.#abort(this.#begin(p));
    }
    this.#queue = keep;
  }

  #abort(f: InFlight): void {
    this.#reply(f, { status: "aborted", execution_count: this.#executionCount });
    this.#publish(f.cycle.idle());
  }

  // ---- delivery ----------------------------------------------------------------------------------------

  #publish(msg: IopubMessage): void {
    this.#lastActivity = new Date();
    if (this.#connections.size === 0) {
      this.#buffer.push(msg);
      return;
    }
    const now = performance.now();
    for (const conn of this.#connections) {
      const verdict = conn.limiter.admit(msg, now);
      if (verdict === "send") this.#deliver(conn, msg);
      else if (verdict === "drop_and_warn") {
        this.#deliver(conn, iopubMessage("stream", { name: "stderr", text: rateLimitWarning(this.#options.iopubRateLimits) }, this.#session, msg.parent_header));
      }
    }
  }

  #deliver(conn: Connection, msg: ServerMessage): void {
    if (!conn.open) return;
    try {
      conn.send(msg);
    } catch {
      // A failing socket must not break the kernel; the server closes the connection.
    }
  }
}

/** The run group an execute names in `metadata.kernel_lab.batch`: a Kernel Lab extension, ignored if malformed. */
function batchOf(request: ClientMessage): string | null {
  const ext = request.metadata.kernel_lab;
  if (typeof ext !== "object" || ext === null || Array.isArray(ext)) return null;
  const batch = ext.batch;
  return typeof batch === "string" && batch.length > 0 && batch.length <= 128 ? batch : null;
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${escaped}$`, "s");
}
