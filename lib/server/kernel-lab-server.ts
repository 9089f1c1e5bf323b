/**
 * Kernel Lab's HTTP server: Jupyter's REST API and kernel channels (served here, since kernels are worker
 * threads of this process and App Router route handlers cannot upgrade), and the Next.js app for
 * everything else.
 */
import http from "node:http";
import path from "node:path";
import type { Duplex } from "node:stream";
import next from "next";
import { WebSocketServer } from "ws";
import { createAccessControl } from "./auth";
import { databaseFile } from "./database-url";
import { db } from "./db";
import { ContentsStore } from "./jupyter-api/contents";
import type { KernelManager } from "../kernel/manager";
import { createJupyterApi } from "./jupyter-api/router";
import { SessionRegistry } from "./jupyter-api/sessions";
import { attachKernelChannel, CHANNELS_PATH, selectSubprotocol } from "./kernel-channels";
import { LOCAL_USER } from "./local-user";
import { isSameOrigin } from "./origin";
import { newRequestId } from "./request-id";
import { logLine } from "./request-log";
import { upgradeRoutes } from "./upgrade-routes";

export interface ServerOptions {
  dev: boolean;
  port: number;
  host: string | undefined;
  kernels: KernelManager;
}

export interface RunningKernelLab {
  url: string;
  token: string;
  close(): Promise<void>;
}

export async function startKernelLabServer(options: ServerOptions): Promise<RunningKernelLab> {
  const app = next({ dev: options.dev, dir: process.cwd() });
  await app.prepare();
  const handleNext = app.getRequestHandler();
  const nextUpgrade = app.getUpgradeHandler();

  const access = createAccessControl(path.dirname(databaseFile()));
  const prisma = db();
  let localUserId: Promise<string> | undefined;
  const ownerId = () =>
    (localUserId ??= prisma.user
      .upsert({ where: { email: LOCAL_USER.email }, update: {}, create: { ...LOCAL_USER } })
      .then((u) => u.id));
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024, handleProtocols: selectSubprotocol });
  const api = createJupyterApi({
    kernels: options.kernels,
    sessions: new SessionRegistry(options.kernels),
    contents: new ContentsStore(prisma, ownerId),
    access,
    connectionCount: () => sockets.clients.size,
  });

  const server = http.createServer((req, res) => {
    const requestId = newRequestId();
    const started = performance.now();
    req.headers["x-request-id"] = requestId;
    res.setHeader("x-request-id", requestId);
    res.on("finish", () => {
      if (res.statusCode >= 500) {
        logLine("error", requestId, `${req.method} ${pathOf(req.url)} -> ${res.statusCode} in ${Math.round(performance.now() - started)} ms`);
      }
    });
    const pathname = pathOf(req.url);
    const handled = api.handles(pathname)
      ? api.handle(req, res)
      : (() => {
          // Pages hand the local user's browser its session cookie; the API and kernel channels accept it.
          if (req.method === "GET" && !pathname.startsWith("/_next/") && !pathname.startsWith("/api/")) {
            res.setHeader("set-cookie", access.sessionCookieHeader());
          }
          return handleNext(req, res);
        })();
    handled.catch((error: unknown) => {
      logLine("error", requestId, `${req.method} ${pathname} failed: ${describe(error)}`);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ message: "Internal server error", reason: null }));
    });
  });

  server.on("upgrade", (req, socket: Duplex, head) => {
    const pathname = pathOf(req.url);
    // Kernel channels need no token: Jupyter's own gateway client (nbclient with GatewayKernelManager) opens
    // them without credentials. The kernel id is the credential — a random UUIDv4 that only authenticated
    // REST calls reveal — and the origin check keeps other sites' pages out.
    const channel = CHANNELS_PATH.exec(pathname);
    const route = upgradeRoutes.get(pathname);
    if (channel || route) {
      if (!isSameOrigin(req)) return refuse(socket, 403, "Forbidden");
      if (channel && !options.kernels.has(channel[1])) return refuse(socket, 404, "Not Found");
      sockets.handleUpgrade(req, socket, head, (ws) => {
        if (channel) attachKernelChannel(ws, req, channel[1], options.kernels);
        else route?.(ws, req);
      });
    } else if (options.dev && pathname.startsWith("/_next/")) {
      nextUpgrade(req, socket, head).catch(() => socket.destroy());
    } else {
      refuse(socket, 404, "Not Found");
    }
  });

  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    url: `http://localhost:${port}`,
    token: access.token,
    close: async () => {
      sockets.clients.forEach((ws) => ws.terminate());
      await options.kernels.shutdownAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await prisma.$disconnect();
    },
  };
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function pathOf(url: string | undefined): string {
  return new URL(url ?? "/", "http://localhost").pathname;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
