/**
 * "Open in Perfetto", the documented postMessage handshake: open ui.perfetto.dev in a new window,
 * send "PING" until it answers "PONG" (its message listener is up), then post
 * `{perfetto: {buffer, title, fileName}}`. When the window cannot be opened or never answers (offline,
 * blocked), the caller falls back to a download. The environment is injected so tests drive it.
 */

export const PERFETTO_ORIGIN = "https://ui.perfetto.dev";

export interface PerfettoWindow {
  postMessage(message: unknown, targetOrigin: string): void;
  close?(): void;
}

export interface HandshakeEnv {
  open(url: string): PerfettoWindow | null;
  /** Subscribes to window messages; returns the unsubscribe function. */
  onMessage(listener: (e: { source: unknown; origin: string; data: unknown }) => void): () => void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface PerfettoPayload {
  readonly buffer: ArrayBuffer;
  readonly title: string;
  readonly fileName: string;
}

export function openInPerfetto(payload: PerfettoPayload, env: HandshakeEnv, options: { timeoutMs?: number; pingMs?: number } = {}): Promise<"opened" | "unreachable"> {
  const win = env.open(PERFETTO_ORIGIN);
  if (!win) return Promise.resolve("unreachable");
  return new Promise((resolve) => {
    let done = false;
    const finish = (result: "opened" | "unreachable") => {
      if (done) return;
      done = true;
      env.clearInterval(ping);
      env.clearTimeout(timer);
      unsubscribe();
      resolve(result);
    };
    const unsubscribe = env.onMessage((e) => {
      if (e.source !== win || e.origin !== PERFETTO_ORIGIN || e.data !== "PONG") return;
      win.postMessage({ perfetto: { buffer: payload.buffer, title: payload.title, fileName: payload.fileName } }, PERFETTO_ORIGIN);
      finish("opened");
    });
    const ping = env.setInterval(() => win.postMessage("PING", PERFETTO_ORIGIN), options.pingMs ?? 50);
    const timer = env.setTimeout(() => {
      win.close?.();
      finish("unreachable");
    }, options.timeoutMs ?? 8000);
  });
}

export function browserHandshakeEnv(): HandshakeEnv {
  return {
    open: (url) => window.open(url, "_blank"),
    onMessage: (listener) => {
      const handler = (e: MessageEvent) => listener({ source: e.source, origin: e.origin, data: e.data });
      window.addEventListener("message", handler);
      return () => window.removeEventListener("message", handler);
    },
    setInterval: (fn, ms) => window.setInterval(fn, ms),
    clearInterval: (h) => window.clearInterval(h as number),
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (h) => window.clearTimeout(h as number),
  };
}
