/**
 * The notebook's kernel, through `@jupyterlab/services`: one session per notebook path (reused if the
 * server already has one, as JupyterLab does), executes routed back to the cell that asked, and the
 * recoveries @jupyterlab/services leaves to the front end — a dead kernel is restarted over REST and
 * reconnected, and a session the server forgot (server restart) is replaced by a new one once the
 * server answers again.
 */
import { KernelManager, ServerConnection, SessionManager, type Kernel, type KernelMessage, type Session } from "@jupyterlab/services";
import type { IMimeBundle, OutputMetadata as PartialJSONObject } from "@jupyterlab/nbformat";
import { serverSettings } from "../../../lib/services";
import type { Target } from "../model/cells";
import type { RunStatus } from "../model/commands";
import type { OutputMessage } from "../model/outputs";

export const KERNEL_NAME = "nki";
const RECONNECT_POLL_MS = 2000;

type OkContent<T> = Extract<T, { status: "ok" }>;
export type CompleteReply = OkContent<KernelMessage.ICompleteReplyMsg["content"]>;
export type InspectReply = OkContent<KernelMessage.IInspectReplyMsg["content"]>;

export type KernelStatus = "connecting" | "starting" | "idle" | "busy" | "restarting" | "dead" | "disconnected";

export interface ExecuteHandlers {
  onStarted(executionCount: number | null): void;
  onOutput(msg: OutputMessage): void;
  onFinished(status: RunStatus, executionCount: number | null): void;
}

export interface NotebookKernelOptions {
  path: string;
  onStatus(status: KernelStatus): void;
  /** Called after every (re)connection, including a restart, so the page can re-apply its target. */
  onConnected(): void;
  /** `update_display_data` from an execution this tab did not start (another tab, or a finished cell). */
  onForeignDisplayUpdate(msg: Extract<OutputMessage, { type: "update_display_data" }>): void;
}

export class NotebookKernel {
  private readonly settings = serverSettings();
  private readonly kernels = new KernelManager({ serverSettings: this.settings });
  private readonly sessions = new SessionManager({ kernelManager: this.kernels, serverSettings: this.settings });
  private session: Session.ISessionConnection | null = null;
  private status: KernelStatus = "connecting";
  private disposed = false;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  /** A kernel the server reports dead: no reconnecting until `restart` revives it. */
  private deadKernelId: string | null = null;
  /** While a session is being found or started; runs requested meanwhile wait for it. */
  private connecting: Promise<void> | null = null;
  private readonly ownRequests = new Set<string>();
  /** Tells this tab's run groups from another tab's on the same kernel. */
  private readonly batchPrefix = Math.random().toString(36).slice(2, 10);
  private batchCount = 0;

  constructor(private readonly options: NotebookKernelOptions) {
    // Disposing the managers before their first poll finishes rejects `ready` ("Poll … is disposed"),
    // e.g. when React unmounts at once; nothing waits on it here, so the rejection is expected.
    this.kernels.ready.catch(() => undefined);
    this.sessions.ready.catch(() => undefined);
  }

  get kernelStatus(): KernelStatus {
    return this.status;
  }

  connect(): Promise<void> {
    this.connecting ??= this.findOrStartSession().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async findOrStartSession(): Promise<void> {
    if (this.session) return;
    this.setStatus("connecting");
    const path = this.options.path;
    const name = path.slice(path.lastIndexOf("/") + 1);
    try {
      const existing = await this.sessions.findByPath(path);
      if (existing?.kernel?.execution_state === "dead") {
        // The server still has this notebook's kernel, dead: wait for the person to restart it.
        this.deadKernelId = existing.kernel.id;
        this.setStatus("dead");
        return;
      }
      const session = existing
        ? this.sessions.connectTo({ model: existing })
        : await this.sessions.startNew({ path, name, type: "notebook", kernel: { name: KERNEL_NAME } });
      if (this.disposed) {
        session.dispose();
        return;
      }
      this.attach(session);
    } catch {
      this.lost();
    }
  }

  private attach(session: Session.ISessionConnection): void {
    this.session = session;
    const kernel = session.kernel;
    if (!kernel) return this.lost();
    kernel.statusChanged.connect((_, status) => this.onKernelStatus(status));
    kernel.connectionStatusChanged.connect((_, status) => {
      if (status === "connecting") this.setStatus("connecting");
      if (status === "connected") this.onKernelStatus(kernel.status);
      // The client gave up reconnecting: the server is gone or forgot the kernel.
      if (status === "disconnected" && this.session === session) this.lost();
    });
    kernel.iopubMessage.connect((_, msg) => this.onIopub(msg));
    kernel.disposed.connect(() => {
      if (this.session === session) this.lost();
    });
    this.onKernelStatus(kernel.status);
    void kernel.info.then(
      () => this.options.onConnected(),
      () => undefined,
    );
  }

  private onKernelStatus(status: Kernel.Status): void {
    switch (status) {
      case "idle":
      case "busy":
      case "starting":
      case "restarting":
      case "dead":
        return this.setStatus(status);
      case "autorestarting":
        return this.setStatus("restarting");
      case "terminating":
      case "unknown":
        return;
    }
  }

  private setStatus(status: KernelStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.options.onStatus(status);
  }

  /** The session is gone (server restarted, kernel culled): poll until the server answers, then start anew. */
  private lost(): void {
    if (this.disposed) return;
    const old = this.session;
    this.session = null;
    old?.dispose();
    this.setStatus("disconnected");
    if (this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.connect();
    }, RECONNECT_POLL_MS);
  }

  private onIopub(msg: KernelMessage.IIOPubMessage): void {
    if (msg.header.msg_type !== "update_display_data") return;
    const parent = (msg.parent_header as Partial<KernelMessage.IHeader>).msg_id;
    if (parent && this.ownRequests.has(parent)) return;
    const converted = toOutputMessage(msg);
    if (converted?.type === "update_display_data") this.options.onForeignDisplayUpdate(converted);
  }

  /** A fresh run group: cells run together (run all, run below…) share one, so an error stops the rest. */
  newBatch(): string {
    return `${this.batchPrefix}-${++this.batchCount}`;
  }

  /**
   * Queues `code` on the kernel; the kernel runs requests in order and aborts the rest of `batch`
   * once one of its cells fails, even those still on their way.
   */
  execute(cellId: string, code: string, batch: string, handlers: ExecuteHandlers): void {
    const kernel = this.session?.kernel;
    if (!kernel) {
      if (this.connecting) void this.connecting.then(() => (this.session?.kernel ? this.execute(cellId, code, batch, handlers) : handlers.onFinished("aborted", null)));
      else handlers.onFinished("aborted", null);
      return;
    }
    const future = kernel.requestExecute(
      { code, silent: false, store_history: true, allow_stdin: false, stop_on_error: true },
      true,
      { cellId, kernel_lab: { batch } },
    );
    const msgId = future.msg.header.msg_id;
    this.ownRequests.add(msgId);
    future.onIOPub = (msg) => {
      if (msg.header.msg_type === "execute_input") {
        handlers.onStarted((msg as KernelMessage.IExecuteInputMsg).content.execution_count);
        return;
      }
      const converted = toOutputMessage(msg);
      if (converted) handlers.onOutput(converted);
    };
    future.done.then(
      (reply) => {
        const content = reply.content as { status: string; execution_count?: number | null };
        const status: RunStatus = content.status === "ok" ? "ok" : content.status === "error" ? "error" : "aborted";
        handlers.onFinished(status, content.execution_count ?? null);
      },
      () => handlers.onFinished("aborted", null),
    ).finally(() => this.ownRequests.delete(msgId));
  }

  /** `%target trnN`, silently: no output, no history, no execution count. */
  setTarget(target: Target): void {
    const kernel = this.session?.kernel;
    if (!kernel) return;
    kernel.requestExecute({ code: `%target ${target}`, silent: true, store_history: false, allow_stdin: false, stop_on_error: false }, true);
  }

  async interrupt(): Promise<void> {
    await this.session?.kernel?.interrupt();
  }

  /**
   * Restarts the kernel. A dead one is restarted over REST (the client library refuses to), then
   * reconnected; if the server no longer knows it, a new session starts.
   */
  async restart(): Promise<void> {
    const kernel = this.session?.kernel;
    if (kernel && kernel.status !== "dead") {
      await kernel.restart();
      // A fresh kernel process: apply the notebook's target again.
      this.options.onConnected();
      return;
    }
    const deadId = this.deadKernelId ?? kernel?.id ?? null;
    if (!deadId) return this.connect();
    this.setStatus("restarting");
    const url = `${this.settings.baseUrl}api/kernels/${encodeURIComponent(deadId)}/restart`;
    const response = await ServerConnection.makeRequest(url, { method: "POST" }, this.settings);
    if (!response.ok && response.status !== 404) {
      this.setStatus("dead");
      throw await ServerConnection.ResponseError.create(response);
    }
    this.deadKernelId = null;
    const old = this.session;
    this.session = null;
    old?.dispose();
    return this.connect();
  }

  async complete(code: string, cursorPos: number): Promise<CompleteReply | null> {
    const kernel = this.session?.kernel;
    if (!kernel || this.status === "dead") return null;
    const content = (await kernel.requestComplete({ code, cursor_pos: cursorPos })).content;
    return content.status === "ok" ? (content as CompleteReply) : null;
  }

  async inspect(code: string, cursorPos: number): Promise<InspectReply | null> {
    const kernel = this.session?.kernel;
    if (!kernel || this.status === "dead") return null;
    const content = (await kernel.requestInspect({ code, cursor_pos: cursorPos, detail_level: 0 })).content;
    return content.status === "ok" ? (content as InspectReply) : null;
  }

  /** Leaves the kernel running on the server (reopening the notebook reuses it) and stops polling. */
  dispose(): void {
    this.disposed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.session?.dispose();
    this.sessions.dispose();
    this.kernels.dispose();
  }
}

function toOutputMessage(msg: KernelMessage.IIOPubMessage): OutputMessage | null {
  const content = msg.content as PartialJSONObject;
  const transient = content.transient as { display_id?: string } | undefined;
  switch (msg.header.msg_type) {
    case "stream":
      return { type: "stream", name: content.name === "stderr" ? "stderr" : "stdout", text: String(content.text ?? "") };
    case "display_data":
      return { type: "display_data", data: content.data as IMimeBundle, metadata: (content.metadata ?? {}) as PartialJSONObject, displayId: transient?.display_id };
    case "update_display_data":
      return transient?.display_id
        ? { type: "update_display_data", data: content.data as IMimeBundle, metadata: (content.metadata ?? {}) as PartialJSONObject, displayId: transient.display_id }
        : null;
    case "execute_result":
      return {
        type: "execute_result",
        data: content.data as IMimeBundle,
        metadata: (content.metadata ?? {}) as PartialJSONObject,
        executionCount: typeof content.execution_count === "number" ? content.execution_count : null,
        displayId: transient?.display_id,
      };
    case "error":
      return { type: "error", ename: String(content.ename ?? ""), evalue: String(content.evalue ?? ""), traceback: (content.traceback ?? []) as string[] };
    case "clear_output":
      return { type: "clear_output", wait: content.wait === true };
    default:
      return null;
  }
}
