/**
 * Kernel Lab's HTTP server: serves the Next.js app and owns WebSocket upgrades on the same port (the
 * Jupyter kernel channels need them, and App Router route handlers cannot upgrade).
 * Run with `node --import tsx server.ts`; `npm start` does that after preparing the database and build.
 */
import http from "node:http";
import type { Duplex } from "node:stream";
import next from "next";
import { WebSocketServer } from "ws";
import { newRequestId } from "./lib/server/request-id";
import { logLine } from "./lib/server/request-log";
import { isSameOrigin } from "./lib/server/origin";
import { upgradeRoutes } from "./lib/server/upgrade-routes";

const dev = process.env.NODE_ENV !== "production";
const port = parsePort(process.env.PORT);
const host = process.env.HOST || undefined;

function parsePort(value: string | undefined): number {
  if (value === undefined || value === "") return 3000;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    console.error(`PORT must be an integer from 0 to 65535, got "${value}"`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const app = next({ dev, dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();
  const nextUpgrade = app.getUpgradeHandler();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });

  const server = http.createServer((req, res) => {
    const requestId = newRequestId();
    const started = performance.now();
    req.headers["x-request-id"] = requestId;
    res.setHeader("x-request-id", requestId);
    res.on("finish", () => {
      if (res.statusCode >= 500) {
        const ms = Math.round(performance.now() - started);
        logLine("error", requestId, `${req.method} ${req.url} -> ${res.statusCode} in ${ms} ms`);
      }
    });
    handle(req, res).catch((error: unknown) => {
      logLine("error", requestId, `${req.method} ${req.url} failed: ${describe(error)}`);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end("Internal Server Error");
      }
    });
  });

  server.on("upgrade", (req, socket: Duplex, head) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const route = upgradeRoutes.get(path);
    if (route) {
      if (!isSameOrigin(req)) {
        socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n");
        return;
      }
      sockets.handleUpgrade(req, socket, head, (ws) => route(ws, req));
    } else if (dev && path.startsWith("/_next/")) {
      nextUpgrade(req, socket, head).catch(() => socket.destroy());
    } else {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
    }
  });

  server.listen(port, host, () => {
    const address = server.address();
    const actualPort = typeof address === "object" && address ? address.port : port;
    console.log(`Kernel Lab ${dev ? "(development) " : ""}ready on http://localhost:${actualPort}`);
  });

  const shutdown = () => {
    sockets.clients.forEach((ws) => ws.terminate());
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

main().catch((error: unknown) => {
  logLine("error", null, `server failed to start: ${describe(error)}`);
  process.exit(1);
});
