/*
 * The two iopub behaviours a kernel server owes its clients beyond forwarding messages
 * (jupyter_server docs/source/developers/websocket-protocols.rst and serverapp.py):
 *
 * - Buffering: while no client is connected, iopub messages are kept and replayed to the next
 *   connection that uses the same client session id (a reload of the same page), so output printed
 *   during a reconnect is not lost. A different client gets no replay: the output belongs to
 *   requests it never made. The buffer is bounded; when full, the oldest messages go.
 * - Rate limits, like jupyter_server's iopub_msg_rate_limit / iopub_data_rate_limit over
 *   rate_limit_window: output beyond them is dropped and the client gets ONE stderr stream message
 *   saying so per limited stretch. Status, execute_input, execute_result and error are never dropped:
 *   there is one of each per request, and clients need them to finish the request.
 *
 * Both are plain classes over data with time passed in, so tests drive them deterministically.
 */
import type { IopubMessage, IopubMsgType } from "./messages";

export interface IopubBufferLimits {
  maxMessages: number;
  maxBytes: number;
}

export const DEFAULT_IOPUB_BUFFER_LIMITS: IopubBufferLimits = { maxMessages: 10_000, maxBytes: 8 * 1024 * 1024 };

/** Rough wire size of a message, for byte budgets (content dominates). */
export function approximateSize(msg: IopubMessage): number {
  return JSON.stringify(msg.content).length + 400 + msg.buffers.reduce((n, b) => n + b.byteLength, 0);
}

export class IopubBuffer {
  readonly #limits: IopubBufferLimits;
  #entries: { msg: IopubMessage; size: number }[] = [];
  #bytes = 0;
  #droppedCount = 0;
  /** The client session whose disconnect started this buffer, or null if nobody connected yet. */
  #owner: string | null = null;
  #buffering = true;

  constructor(limits: IopubBufferLimits = DEFAULT_IOPUB_BUFFER_LIMITS) {
    this.#limits = limits;
  }

  get buffering(): boolean {
    return this.#buffering;
  }

  /** Messages dropped from the front because the buffer was full. */
  get dropped(): number {
    return this.#droppedCount;
  }

  get length(): number {
    return this.#entries.length;
  }

  /** The last client left: keep iopub for it until someone connects. */
  startBuffering(ownerSession: string): void {
    this.#buffering = true;
    this.#owner = ownerSession;
    this.#clear();
  }

  /** Returns false when not buffering (a client is connected and the caller should send directly). */
  push(msg: IopubMessage): boolean {
    if (!this.#buffering) return false;
    const size = approximateSize(msg);
    this.#entries.push({ msg, size });
    this.#bytes += size;
    while (this.#entries.length > this.#limits.maxMessages || (this.#bytes > this.#limits.maxBytes && this.#entries.length > 1)) {
      const first = this.#entries.shift();
      if (first) this.#bytes -= first.size;
      this.#droppedCount++;
    }
    return true;
  }

  /**
   * A client connected: stop buffering and return what it should be replayed. Only the session that
   * left (or, before any client ever connected, the first one) gets the buffered messages.
   */
  connect(clientSession: string): IopubMessage[] {
    const replay = this.#owner === null || this.#owner === clientSession ? this.#entries.map((e) => e.msg) : [];
    this.#buffering = false;
    this.#owner = null;
    this.#clear();
    return replay;
  }

  #clear(): void {
    this.#entries = [];
    this.#bytes = 0;
    this.#droppedCount = 0;
  }
}

export interface IopubRateLimits {
  /** Messages per second averaged over the window (jupyter_server default 1000). */
  msgRate: number;
  /** Bytes per second averaged over the window (jupyter_server default 1e6). */
  dataRate: number;
  /** Seconds (jupyter_server default 3). */
  windowSeconds: number;
}

export const DEFAULT_IOPUB_RATE_LIMITS: IopubRateLimits = { msgRate: 1000, dataRate: 1_000_000, windowSeconds: 3 };

/** Output messages a flood consists of; everything else always passes. */
const LIMITED_TYPES: ReadonlySet<IopubMsgType> = new Set(["stream", "display_data", "update_display_data", "clear_output"]);

export type RateVerdict = "send" | "drop" | "drop_and_warn";

export class IopubRateLimiter {
  readonly #limits: IopubRateLimits;
  /** Admitted limited messages inside the window: [time ms, bytes]. */
  #window: [number, number][] = [];
  #windowBytes = 0;
  #limited = false;

  constructor(limits: IopubRateLimits = DEFAULT_IOPUB_RATE_LIMITS) {
    this.#limits = limits;
  }

  get limited(): boolean {
    return this.#limited;
  }

  admit(msg: IopubMessage, nowMs: number): RateVerdict {
    if (!LIMITED_TYPES.has(msg.header.msg_type)) return "send";
    const windowMs = this.#limits.windowSeconds * 1000;
    while (this.#window.length > 0 && this.#window[0][0] <= nowMs - windowMs) {
      const first = this.#window.shift();
      if (first) this.#windowBytes -= first[1];
    }
    const size = approximateSize(msg);
    const maxMessages = this.#limits.msgRate * this.#limits.windowSeconds;
    const maxBytes = this.#limits.dataRate * this.#limits.windowSeconds;
    // Once limited, resume only when the window has drained to half its budget, so a flood of
    // mixed sizes yields one warning rather than one per small message that happens to fit.
    const headroom = this.#limited ? 0.5 : 1;
    if (this.#window.length + 1 > maxMessages * headroom || this.#windowBytes + size > maxBytes * headroom) {
      if (this.#limited) return "drop";
      this.#limited = true;
      return "drop_and_warn";
    }
    this.#limited = false;
    this.#window.push([nowMs, size]);
    this.#windowBytes += size;
    return "send";
  }
}

/** The text of the one stderr message a client gets when output starts being dropped. */
export function rateLimitWarning(limits: IopubRateLimits = DEFAULT_IOPUB_RATE_LIMITS): string {
  return (
    "Output rate limit exceeded: Kernel Lab stopped sending output for a while to protect the browser " +
    `(limits: ${limits.msgRate} messages/s and ${limits.dataRate} bytes/s averaged over ${limits.windowSeconds} s). ` +
    "Print less, or print a summary at the end.\n"
  );
}
