/*
 * The server's registry of live kernels: start/get/list/interrupt/restart/shutdown by id, a
 * server-wide cap on live kernels, idle culling, and `connect` for the WebSocket handler. The
 * server creates exactly one KernelManager; there is no module-level state.
 */
import { randomUUID } from "node:crypto";
import { DEFAULT_TARGET, TARGET_NAMES, type TargetName } from "./engine";
import { DEFAULT_KERNEL_LIMITS, type ExecuteEnd, Kernel, type KernelConnection, type KernelLimits, type KernelModel } from "./kernel";
import type { IopubBufferLimits, IopubRateLimits } from "../jupyter/iopub";
import type { ExecuteRequestMsg, ServerMessage } from "../jupyter/messages";
export type { ExecuteEnd };
import { prepareWorkerSource, type WorkerSource } from "./worker-source";

/** The one kernelspec Kernel Lab serves. */
export const KERNEL_NAME = "nki";

export interface KernelManagerOptions {
  /** Live kernels allowed at once (default 64). */
  maxKernels?: number;
  /** Cull kernels idle (not busy) with no connection for this long; 0 disables culling (default 1 h). */
  cullIdleMs?: number;
  /** How often to look for idle kernels (default 60 s). */
  cullIntervalMs?: number;
  limits?: Partial<KernelLimits>;
  iopubRateLimits?: IopubRateLimits;
  iopubBufferLimits?: IopubBufferLimits;
  /** file: URL of the engine module workers load (default: the Python engine). */
  engineModule?: string;
  /** Target of kernels started without one (default: KERNEL_LAB_DEFAULT_TARGET of the server process, else trn2). */
  defaultTarget?: TargetName;
}

export const DEFAULT_TARGET_ENV = "KERNEL_LAB_DEFAULT_TARGET";

/** The server-wide default target from its environment; a set but unknown value is a startup error. */
export function defaultTargetFromEnv(value: string | undefined): TargetName {
  const v = value?.trim().toLowerCase();
  if (v === undefined || v === "") return DEFAULT_TARGET;
  if (!(TARGET_NAMES as readonly string[]).includes(v)) throw new Error(`${DEFAULT_TARGET_ENV}='${value}' is not a target: expected one of ${TARGET_NAMES.join(", ")}`);
  return v as TargetName;
}

export interface StartOptions {
  /** Kernelspec name; only "nki" exists. */
  name?: string;
  /** Initial Trainium target, e.g. from the notebook's metadata (default: the manager's default target). */
  target?: TargetName;
}

/** Error codes the REST layer maps to statuses: not_found → 404, limit → 409 (or 503), unknown_spec → 404. */
export class KernelManagerError extends Error {
  constructor(
    readonly code: "not_found" | "limit" | "unknown_spec",
    message: string,
  ) {
    super(message);
    this.name = "KernelManagerError";
  }
}

/** Sees how every execute_request of every kernel ended, including replies whose requesting client has gone. */
export type ExecuteEndListener = (kernelId: string, request: ExecuteRequestMsg, end: ExecuteEnd) => void;

const DEFAULT_ENGINE = new URL("./python-engine.ts", import.meta.url).href;

export class KernelManager {
  readonly #kernels = new Map<string, Kernel>();
  readonly #options: Required<Omit<KernelManagerOptions, "iopubRateLimits" | "iopubBufferLimits" | "limits">> &
    Pick<KernelManagerOptions, "iopubRateLimits" | "iopubBufferLimits"> & { limits: KernelLimits };
  #cullTimer: NodeJS.Timeout | null = null;
  /** Prepared on the first start and shared by every kernel (see ./worker-source.ts). */
  #workerSource: Promise<WorkerSource> | null = null;
  readonly #endListeners = new Set<ExecuteEndListener>();

  constructor(options: KernelManagerOptions = {}) {
    this.#options = {
      maxKernels: options.maxKernels ?? 64,
      cullIdleMs: options.cullIdleMs ?? 60 * 60_000,
      cullIntervalMs: options.cullIntervalMs ?? 60_000,
      engineModule: options.engineModule ?? DEFAULT_ENGINE,
      defaultTarget: options.defaultTarget ?? defaultTargetFromEnv(process.env[DEFAULT_TARGET_ENV]),
      limits: { ...DEFAULT_KERNEL_LIMITS, ...options.limits },
      iopubRateLimits: options.iopubRateLimits,
      iopubBufferLimits: options.iopubBufferLimits,
    };
    if (this.#options.cullIdleMs > 0) {
      this.#cullTimer = setInterval(() => this.cullIdle(), this.#options.cullIntervalMs);
      this.#cullTimer.unref();
    }
  }

  /**
   * Start a kernel. Returns at once with execution_state "starting" (as jupyter_server's 201 does);
   * requests sent before the worker is ready wait in its queue. Await `whenReady(id)` if needed.
   */
  start(options: StartOptions = {}): KernelModel {
    const name = options.name ?? KERNEL_NAME;
    if (name !== KERNEL_NAME) throw new KernelManagerError("unknown_spec", `No such kernel named ${name}`);
    if (this.#kernels.size >= this.#options.maxKernels) {
      throw new KernelManagerError(
        "limit",
        `Kernel limit reached: this server runs at most ${this.#options.maxKernels} kernels at once. Shut down a kernel you no longer use and try again.`,
      );
    }
    const id = randomUUID();
    const kernel = new Kernel({
      id,
      name,
      target: options.target ?? this.#options.defaultTarget,
      defaultTarget: this.#options.defaultTarget,
      engineModule: this.#options.engineModule,
      workerSource: (this.#workerSource ??= prepareWorkerSource(this.#options.engineModule)),
      limits: this.#options.limits,
      iopubRateLimits: this.#options.iopubRateLimits,
      iopubBufferLimits: this.#options.iopubBufferLimits,
      onShutdown: (k) => this.#kernels.delete(k.id),
      onExecuteEnd: (request, end) => {
        for (const listener of this.#endListeners) listener(id, request, end);
      },
    });
    this.#kernels.set(kernel.id, kernel);
    return kernel.model();
  }

  /**
   * Subscribe to the end of every kernel's executions (the server's execution records): each
   * execute_reply, also one whose client has gone, and executions a restart or shutdown dropped.
   * Returns the unsubscribe.
   */
  onExecuteEnd(listener: ExecuteEndListener): () => void {
    this.#endListeners.add(listener);
    return () => {
      this.#endListeners.delete(listener);
    };
  }

  has(id: string): boolean {
    return this.#kernels.has(id);
  }

  get(id: string): KernelModel {
    return this.#kernel(id).model();
  }

  list(): KernelModel[] {
    return [...this.#kernels.values()].map((k) => k.model());
  }

  /** Resolves when the kernel's engine is loaded; rejects if it died first. */
  whenReady(id: string): Promise<void> {
    return this.#kernel(id).ready;
  }

  target(id: string): TargetName {
    return this.#kernel(id).target;
  }

  setTarget(id: string, target: TargetName): void {
    this.#kernel(id).setTarget(target);
  }

  interrupt(id: string): void {
    this.#kernel(id).interrupt();
  }

  /** Resolves with the model once the fresh worker is ready. */
  async restart(id: string): Promise<KernelModel> {
    const kernel = this.#kernel(id);
    await kernel.restart();
    return kernel.model();
  }

  async shutdown(id: string): Promise<void> {
    await this.#kernel(id).shutdown();
  }

  async shutdownAll(): Promise<void> {
    if (this.#cullTimer) clearInterval(this.#cullTimer);
    this.#cullTimer = null;
    await Promise.all([...this.#kernels.values()].map((k) => k.shutdown()));
  }

  /**
   * Attach a client (one WebSocket). `send` gets every message for it (replies to its requests and
   * all iopub, including buffered iopub replayed for a returning client session); `onKernelGone`
   * runs if the kernel shuts down while connected, so the server can close the socket.
   */
  connect(id: string, clientSessionId: string, send: (msg: ServerMessage) => void, onKernelGone?: () => void): KernelConnection {
    return this.#kernel(id).connect(clientSessionId, send, onKernelGone);
  }

  /** Shut down kernels idle longer than cullIdleMs with no client connected; returns their ids. */
  cullIdle(now: number = Date.now()): string[] {
    const culled: string[] = [];
    for (const k of this.#kernels.values()) {
      const idle = k.executionState === "idle" || k.executionState === "dead";
      if (idle && k.connectionCount === 0 && now - k.lastActivity.getTime() >= this.#options.cullIdleMs) {
        culled.push(k.id);
        void k.shutdown();
      }
    }
    return culled;
  }

  /** Target of kernels started without one. */
  get defaultTarget(): TargetName {
    return this.#options.defaultTarget;
  }

  /** Total live kernels (for /api/status). */
  get size(): number {
    return this.#kernels.size;
  }

  #kernel(id: string): Kernel {
    const k = this.#kernels.get(id);
    if (!k) throw new KernelManagerError("not_found", `Kernel does not exist: ${id}`);
    return k;
  }
}
