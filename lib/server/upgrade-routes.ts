import type { IncomingMessage } from "node:http";
import type { WebSocket } from "ws";

/** A WebSocket endpoint owned by the custom server (Next's route handlers cannot upgrade). */
export type UpgradeHandler = (socket: WebSocket, request: IncomingMessage) => void;

/**
 * `/api/ws/ping` answers each text message with a pong carrying the server time: the workbench uses it to
 * tell "online" from "offline" without polling HTTP.
 */
function ping(socket: WebSocket): void {
  socket.on("message", (data, isBinary) => {
    if (isBinary) {
      socket.close(1003, "text messages only");
      return;
    }
    socket.send(JSON.stringify({ type: "pong", echo: String(data).slice(0, 256), serverTime: new Date().toISOString() }));
  });
}

/** Exact paths only, so Next's own `/api/...` route handlers stay reachable. */
export const upgradeRoutes: ReadonlyMap<string, UpgradeHandler> = new Map([["/api/ws/ping", ping]]);
