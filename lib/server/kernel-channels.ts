/**
 * `/api/kernels/{id}/channels`: one WebSocket per client session, carrying all Jupyter channels. This
 * module only frames bytes — the v1 binary subprotocol when the client offers it, legacy JSON otherwise —
 * and hands validated messages to the kernel runtime.
 */
import type { IncomingMessage } from "node:http";
import type { WebSocket } from "ws";
import { decodeClientFrame, encodeFrame, negotiateFraming, V1_PROTOCOL, type Framing, type Message } from "../jupyter";
import type { KernelManager } from "../kernel/manager";
import type { ChannelObserver } from "./recording/lab-recorder";
import { logLine } from "./request-log";

export const CHANNELS_PATH = /^\/api\/kernels\/([^/]+)\/channels$/;

/** `ws` accepts the first offered subprotocol unless told otherwise: pick v1 when offered, else none (legacy). */
export function selectSubprotocol(offered: Set<string>): string | false {
  return offered.has(V1_PROTOCOL) ? V1_PROTOCOL : false;
}

/** `observer` sees every validated client message and every message sent to the client, in order. */
export function attachKernelChannel(ws: WebSocket, request: IncomingMessage, kernelId: string, kernels: KernelManager, observer?: ChannelObserver): void {
  const framing: Framing = negotiateFraming(ws.protocol ? [ws.protocol] : []);
  const clientSessionId = new URL(request.url ?? "/", "http://localhost").searchParams.get("session_id") ?? "";
  if (!kernels.has(kernelId)) {
    ws.close(4004, "kernel does not exist");
    return;
  }
  const connection = kernels.connect(
    kernelId,
    clientSessionId,
    (msg) => {
      observer?.toClient(msg);
      if (ws.readyState !== ws.OPEN) return;
      const frame = encodeFrame(msg as Message, framing);
      ws.send(frame.data, { binary: frame.binary });
    },
    () => ws.close(1001, "kernel shut down"),
  );
  ws.on("message", (data, isBinary) => {
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    const decoded = decodeClientFrame(isBinary ? new Uint8Array(bytes) : bytes.toString("utf8"), framing);
    if (decoded.ok) {
      observer?.fromClient(decoded.value);
      connection.receive(decoded.value);
    } else if (!connection.receiveInvalid(decoded.error)) {
      // Not even a header to reply to: note it once and keep the channel open.
      logLine("error", null, `kernel ${kernelId}: dropped a client message (${decoded.error.reason}): ${decoded.error.message}`);
    }
  });
  ws.on("close", () => connection.close());
  ws.on("error", () => connection.close());
}
