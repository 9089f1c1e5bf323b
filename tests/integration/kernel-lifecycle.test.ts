/**
 * Kernel lifecycle through the real REST API and channels WebSocket: execution records end even when the
 * asking client has gone, and a kernel whose worker dies publishes `dead` and comes back on a REST restart.
 * Kernels load the test engine (lib/kernel/fixtures/fake-engine.ts), whose `exit(<code>)` ends the worker
 * thread the way a crash would; user code in the production engine has no such statement.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { KernelManager } from "../../lib/kernel/manager";
import { createAccessControl } from "../../lib/server/auth";
import { createPrismaClient } from "../../lib/server/db";
import { createKernelLabCore, type KernelLabCore } from "../../lib/server/kernel-lab-core";

const TOKEN = "kernel-lifecycle-token-0123456789abcdef";
const FAKE_ENGINE = new URL("../../lib/kernel/fixtures/fake-engine.ts", import.meta.url).href;

let dataDir: string;
let prisma: PrismaClient;
let core: KernelLabCore;
let server: http.Server;
let url: string;

interface WireMessage {
  channel: string;
  header: { msg_id: string; msg_type: string };
  parent_header: { msg_id?: string };
  content: Record<string, unknown>;
}

beforeAll(async () => {
  const template = process.env.KERNEL_LAB_TEST_DB_TEMPLATE;
  if (!template) throw new Error("no database template: tests/support/database-template.ts must run as Vitest global setup");
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kernel-lifecycle-"));
  const dbFile = path.join(dataDir, "test.db");
  fs.copyFileSync(template, dbFile);
  prisma = createPrismaClient(`file:${dbFile}`);
  core = createKernelLabCore({ kernels: new KernelManager({ engineModule: FAKE_ENGINE, cullIdleMs: 0 }), prisma, access: createAccessControl(dataDir, TOKEN) });
  server = http.createServer((req, res) => {
    core.handle(req, res).catch(() => res.writeHead(500).end());
  });
  server.on("upgrade", (req, socket, head) => {
    if (!core.upgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const address = server.address();
  url = `http://localhost:${typeof address === "object" && address ? address.port : 0}`;
}, 60_000);

afterAll(async () => {
  await core?.close();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await prisma?.$disconnect();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

function api(p: string, method = "GET", body?: unknown): Promise<Response> {
  return fetch(`${url}${p}`, { method, headers: { authorization: `token ${TOKEN}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
}

async function startKernel(): Promise<string> {
  const started = await api("/api/kernels", "POST", { name: "nki" });
  expect(started.status).toBe(201);
  return ((await started.json()) as { id: string }).id;
}

/** A legacy-JSON channel client that keeps every message it receives. */
async function openChannel(kernelId: string): Promise<{ ws: WebSocket; received: WireMessage[] }> {
  const ws = new WebSocket(`${url.replace("http", "ws")}/api/kernels/${kernelId}/channels?session_id=${randomUUID()}&token=${TOKEN}`);
  const received: WireMessage[] = [];
  ws.on("message", (data) => received.push(JSON.parse(String(data)) as WireMessage));
  await new Promise<void>((resolve, reject) => {
    ws.on("open", () => resolve());
    ws.on("error", reject);
  });
  return { ws, received };
}

function sendExecute(ws: WebSocket, code: string): string {
  const msgId = randomUUID();
  ws.send(
    JSON.stringify({
      channel: "shell",
      header: { msg_id: msgId, msg_type: "execute_request", session: "s", username: "test", date: new Date().toISOString(), version: "5.3" },
      parent_header: {},
      metadata: { cellId: `cell-${msgId.slice(0, 8)}` },
      content: { code, silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true },
    }),
  );
  return msgId;
}

function closed(ws: WebSocket): Promise<void> {
  return new Promise((resolve) => {
    ws.once("close", () => resolve());
    ws.close();
  });
}

const statuses = (received: WireMessage[]) => received.filter((m) => m.header.msg_type === "status").map((m) => m.content.execution_state);

async function recordedExecution(msgId: string) {
  await expect.poll(async () => (await prisma.execution.findFirst({ where: { msgId } }))?.status, { timeout: 15_000 }).not.toBe("running");
  return prisma.execution.findFirstOrThrow({ where: { msgId } });
}

describe("execution records without their client", () => {
  it("ends the record of an execution whose client closed its socket right after asking", async () => {
    const kernelId = await startKernel();
    const { ws } = await openChannel(kernelId);
    const failing = sendExecute(ws, "sleep(300)\nraise ValueError('late')");
    const passing = sendExecute(ws, "sleep(100)\nprint(2)");
    await closed(ws);
    const failed = await recordedExecution(failing);
    expect(failed).toMatchObject({ kernelId, status: "error", executionCount: 1, target: "trn2" });
    expect(failed.durationMs).toBeGreaterThanOrEqual(250);
    // stop_on_error: the execute queued behind the failure is aborted without running.
    expect(await recordedExecution(passing)).toMatchObject({ kernelId, status: "aborted" });
    await api(`/api/kernels/${kernelId}`, "DELETE");
  });

  it("ends the record with `ok` when a client that left never comes back", async () => {
    const kernelId = await startKernel();
    const { ws } = await openChannel(kernelId);
    const msgId = sendExecute(ws, "sleep(200)\nx = 5\nx");
    await closed(ws);
    const row = await recordedExecution(msgId);
    expect(row).toMatchObject({ status: "ok", executionCount: 1, cellId: `cell-${msgId.slice(0, 8)}` });
    expect(row.durationMs).toBeGreaterThanOrEqual(150);
    await api(`/api/kernels/${kernelId}`, "DELETE");
  });

  it("ends the records of executions a restart dropped as aborted", async () => {
    const kernelId = await startKernel();
    const { ws, received } = await openChannel(kernelId);
    const running = sendExecute(ws, "sleep(10000)");
    const queued = sendExecute(ws, "print(1)");
    await expect.poll(() => received.some((m) => m.header.msg_type === "execute_input" && m.parent_header.msg_id === running), { timeout: 15_000 }).toBe(true);
    await closed(ws);
    expect((await api(`/api/kernels/${kernelId}/restart`, "POST")).status).toBe(200);
    expect(await recordedExecution(running)).toMatchObject({ status: "aborted", executionCount: null });
    expect(await recordedExecution(queued)).toMatchObject({ status: "aborted" });
    await api(`/api/kernels/${kernelId}`, "DELETE");
  });
});

describe("a kernel whose worker dies", () => {
  it("publishes dead, answers the cell it was running, and comes back on a REST restart", async () => {
    const kernelId = await startKernel();
    const { ws, received } = await openChannel(kernelId);
    await expect.poll(() => statuses(received).includes("idle"), { timeout: 15_000 }).toBe(true);
    const doomed = sendExecute(ws, "y = 1\nexit(7)");
    await expect.poll(() => statuses(received).at(-1), { timeout: 15_000 }).toBe("dead");
    const reply = received.find((m) => m.header.msg_type === "execute_reply" && m.parent_header.msg_id === doomed);
    expect(reply?.content).toMatchObject({ status: "error", ename: "DeadKernelError", evalue: expect.stringContaining("code 7") });
    const model = (await (await api(`/api/kernels/${kernelId}`)).json()) as { execution_state: string };
    expect(model.execution_state).toBe("dead");
    expect(await recordedExecution(doomed)).toMatchObject({ status: "error" });

    const before = received.length;
    const restarted = await api(`/api/kernels/${kernelId}/restart`, "POST");
    expect(restarted.status).toBe(200);
    expect(((await restarted.json()) as { execution_state: string }).execution_state).toBe("idle");
    await expect.poll(() => statuses(received.slice(before)), { timeout: 15_000 }).toEqual(["restarting", "idle"]);

    const again = sendExecute(ws, "print(y)\nz = 4\nprint(z)");
    await expect.poll(() => received.some((m) => m.header.msg_type === "execute_reply" && m.parent_header.msg_id === again), { timeout: 15_000 }).toBe(true);
    const outputs = received.filter((m) => m.parent_header.msg_id === again);
    // Variables died with the worker: `y` is gone, the fresh kernel runs the next line.
    expect(outputs.find((m) => m.header.msg_type === "execute_reply")?.content).toMatchObject({ status: "error", execution_count: 1 });
    const okRun = sendExecute(ws, "z = 4\nprint(z)");
    await expect.poll(() => received.find((m) => m.header.msg_type === "execute_reply" && m.parent_header.msg_id === okRun)?.content.status, { timeout: 15_000 }).toBe("ok");
    const stream = received.find((m) => m.header.msg_type === "stream" && m.parent_header.msg_id === okRun);
    expect(stream?.content).toMatchObject({ name: "stdout", text: "4\n" });
    await closed(ws);
    await api(`/api/kernels/${kernelId}`, "DELETE");
  });
});
