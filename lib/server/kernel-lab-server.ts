/**
 * Kernel Lab's HTTP server: Jupyter's REST API and kernel channels (served here, since kernels are worker
 * threads of this process and App Router route handlers cannot upgrade), and the Next.js app for
 * everything else.
 */
import http from "node:http";
import path from "node:path";
import type { Duplex } from "node:stream";
import next from "next";
import { createAccessControl } from "./auth";
import { databaseFile } from "./database-url";
import { db } from "./db";
import type { KernelManager } from "../kernel/manager";
import { createKernelLabCore, refuse } from "./kernel-lab-core";
import { newRequestId } from "./request-id";
import { logLine } from "./request-log";

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
  const core = createKernelLabCore({ kernels: options.kernels, prisma, access });

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
    const handled = core.handles(pathname)
      ? core.handle(req, res)
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
    if (core.upgrade(req, socket, head)) return;
    if (options.dev && pathOf(req.url).startsWith("/_next/")) nextUpgrade(req, socket, head).catch(() => socket.destroy());
    else refuse(socket, 404, "Not Found");
  });

  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    url: `http://localhost:${port}`,
    token: access.token,
    close: async () => {
      await core.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await prisma.$disconnect();
    },
  };
}

function pathOf(url: string | undefined): string {
  return new URL(url ?? "/", "http://localhost").pathname;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
