/**
 * Runs Kernel Lab's API, kernel channels and recording in the test process on a bare http server — no
 * Next.js, so no production build — against a fresh copy of the migrated, seeded template database.
 * Kernels load the same profile-capturing engine as `server.ts`.
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { PrismaClient } from "@prisma/client";
import { KernelManager } from "../../lib/kernel/manager";
import { createAccessControl } from "../../lib/server/auth";
import { createPrismaClient } from "../../lib/server/db";
import { createKernelLabCore, type KernelLabCore } from "../../lib/server/kernel-lab-core";
import { PROFILE_CAPTURING_ENGINE } from "../../lib/server/profile-capture/engine-module";

export interface RunningLabCore {
  url: string;
  token: string;
  prisma: PrismaClient;
  core: KernelLabCore;
  /** fetch against the server with the token (or without, `auth: false`) and an optional JSON body. */
  api(path: string, init?: RequestInit & { json?: unknown; auth?: boolean }): Promise<Response>;
  stop(): Promise<void>;
}

export async function startLabCore(): Promise<RunningLabCore> {
  const template = process.env.KERNEL_LAB_TEST_DB_TEMPLATE;
  if (!template) throw new Error("no database template: tests/support/database-template.ts must run as Vitest global setup");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kernel-lab-core-"));
  const dbFile = path.join(dataDir, "test.db");
  fs.copyFileSync(template, dbFile);
  const prisma = createPrismaClient(`file:${dbFile}`);
  const token = "lab-core-test-token-0123456789abcdef";
  const kernels = new KernelManager({ engineModule: PROFILE_CAPTURING_ENGINE, cullIdleMs: 0 });
  const core = createKernelLabCore({ kernels, prisma, access: createAccessControl(dataDir, token) });
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    if (!core.handles(pathname)) {
      res.writeHead(404).end();
      return;
    }
    core.handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ message: String(error), reason: null }));
    });
  });
  server.on("upgrade", (req, socket, head) => {
    if (!core.upgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const address = server.address();
  const url = `http://localhost:${typeof address === "object" && address ? address.port : 0}`;
  return {
    url,
    token,
    prisma,
    core,
    api(p, init = {}) {
      const headers = new Headers(init.headers);
      if (init.auth !== false) headers.set("authorization", `token ${token}`);
      if (init.json !== undefined) headers.set("content-type", "application/json");
      return fetch(`${url}${p}`, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
    },
    async stop() {
      await core.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await prisma.$disconnect();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
