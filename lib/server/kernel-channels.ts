/**
 * `/api/kernels/{id}/channels`: one WebSocket per client session, carrying all Jupyter channels. This
 * module only frames bytes — the v1 binary subprotocol when the client offers it, legacy JSON otherwise —
 * and hands validated messages to the kernel runtime.
 */
import type { IncomingMessage } from "node:http";
import type { WebSocket } from "ws";
import { decodeClientFrame, encodeFrame, negotiateFraming, V1_PROTOCOL, type ClientMessage, type Framing, type Message } from "../jupyter";
import { logLine } from "./request-log";

export const CHANNELS_PATH = /^\/api\/kernels\/([^/]+)\/channels$/;

/** What the WebSocket layer needs from the kernel runtime. */
export interface KernelConnector {
  /** Undefined when the kernel does not exist. Messages the kernel sends go to `send` until `close()`. */
  connect(kernelId: string, clientSessionId: string, send: (msg: Message) => void): KernelConnection | undefined;
}

export interface KernelConnection {
  receive(msg: ClientMessage): void;
  close(): void;
}

/** `ws` accepts the first offered subprotocol unless told otherwise: pick v1 when offered, else none (legacy). */
export function selectSubprotocol(offered: Set<string>): string | false {
  return offered.has(V1_PROTOCOL) ? V1_PROTOCOL : false;
}

export function attachKernelChannel(ws: WebSocket, request: IncomingMessage, kernelId: string, connector: KernelConnector): void {
  const framing: Framing = negotiateFraming(ws.protocol ? [ws.protocol] : []);
  const url = new URL(request.url ?? "/", "http://localhost");
  const clientSessionId = url.searchParams.get("session_id") ?? "";
  const connection = connector.connect(kernelId, clientSessionId, (msg) => {
    if (ws.readyState !== ws.OPEN) return;
    const frame = encodeFrame(msg, framing);
    ws.send(frame.data, { binary: frame.binary });
  });
  if (!connection) {
    ws.close(4004, "kernel does not exist");
    return;
  }
  ws.on("message", (data, isBinary) => {
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    const decoded = decodeClientFrame(isBinary ? new Uint8Array(bytes) : bytes.toString("utf8"), framing);
    if (decoded.ok) {
      connection.receive(decoded.value);
    } else {
      // A bad frame is the client's problem: say so once in the log and keep the channel open.
      logLine("error", null, `kernel ${kernelId}: dropped a client message (${decoded.error.reason}): ${decoded.error.message}`);
    }
  });
  ws.on("close", () => connection.close());
  ws.on("error", () => connection.close());
}
