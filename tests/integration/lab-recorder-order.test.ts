/**
 * The recorder against a real database when a profile's card reaches a channel before its document
 * reaches the main thread (they travel on different threads' channels, so either may come first).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import type { ClientMessage, ServerMessage } from "../../lib/jupyter/messages";
import { profileCard } from "../../lib/profile/card";
import { profileDocument, PROFILE_MIME } from "../../lib/profile/document";
import { profileTrace } from "../../lib/profile/profile";
import { createPrismaClient } from "../../lib/server/db";
import { LabRecorder } from "../../lib/server/recording/lab-recorder";
import { TraceKit } from "../../lib/sim/timing/trace-kit";
import { Engine, Memory } from "../../lib/sim/trace/types";

let prisma: PrismaClient;
let dir: string;
let ownerId: string;
let notebookId: string;
const errors: unknown[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kernel-lab-recorder-"));
  fs.copyFileSync(process.env.KERNEL_LAB_TEST_DB_TEMPLATE ?? "", path.join(dir, "test.db"));
  prisma = createPrismaClient(`file:${path.join(dir, "test.db")}`);
  ownerId = (await prisma.user.findFirstOrThrow()).id;
  notebookId = (await prisma.notebook.create({ data: { ownerId, path: "order.ipynb", title: "order", content: "{}" } })).id;
});
afterAll(async () => {
  await prisma?.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
});

const kit = new TraceKit();
const t = kit.tile("t", Memory.Sbuf, [128, 16]);
kit.at(1).dma(t, kit.hbm("T", [128, 16]));
kit.at(2).unary(Engine.Vector, "tensor_copy", kit.tile("u", Memory.Sbuf, [128, 16]), t);
const doc = profileDocument(profileTrace(kit.trace, "trn2"), { kernelName: "copy", sources: [] });

const header = (msgType: string, msgId: string) => ({ msg_id: msgId, msg_type: msgType, session: "s", username: "u", date: new Date().toISOString(), version: "5.3" });

function request(msgId: string): ClientMessage {
  return {
    channel: "shell",
    header: header("execute_request", msgId),
    parent_header: {},
    metadata: { cellId: "cell-1" },
    content: { code: "profile()", silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true },
    buffers: [],
  } as ClientMessage;
}

function cardMessage(profileId: string, parentMsgId: string): ServerMessage {
  return {
    channel: "iopub",
    header: header("display_data", `out-${profileId}`),
    parent_header: header("execute_request", parentMsgId),
    metadata: {},
    content: { data: { [PROFILE_MIME]: JSON.parse(JSON.stringify(profileCard(doc, { profileId, url: `/profiles/${profileId}` }))) }, metadata: {}, transient: {} },
    buffers: [],
  } as ServerMessage;
}

function recorder(): LabRecorder {
  return new LabRecorder({
    prisma,
    ownerId: async () => ownerId,
    sessionPath: () => "order.ipynb",
    kernelTarget: () => "trn2",
    onError: (e) => errors.push(e),
  });
}

describe("profile linking order", () => {
  it("links a profile whose card was seen before its document arrived", async () => {
    const r = recorder();
    const channel = r.observe("kernel-1");
    channel.fromClient(request("req-1"));
    channel.toClient(cardMessage("p-card-first", "req-1"));
    r.profileCaptured({ profileId: "p-card-first", document: doc });
    await r.drained();
    const row = await prisma.profile.findUniqueOrThrow({ where: { id: "p-card-first" }, include: { execution: true } });
    expect(row).toMatchObject({ notebookId, cellId: "cell-1", kernelName: "copy", target: "trn2" });
    expect(row.execution?.msgId).toBe("req-1");
    expect(errors).toEqual([]);
  });

  it("links a profile whose document arrived first, once, however many times its card is seen", async () => {
    const r = recorder();
    const channel = r.observe("kernel-2");
    channel.fromClient(request("req-2"));
    r.profileCaptured({ profileId: "p-doc-first", document: doc });
    channel.toClient(cardMessage("p-doc-first", "req-2"));
    r.observe("kernel-2").toClient(cardMessage("p-doc-first", "req-2"));
    await r.drained();
    const row = await prisma.profile.findUniqueOrThrow({ where: { id: "p-doc-first" }, include: { execution: true } });
    expect(row).toMatchObject({ notebookId, cellId: "cell-1" });
    expect(row.execution?.msgId).toBe("req-2");
    expect(errors).toEqual([]);
  });

  it("lets a reader wait for a profile whose card a client holds until its document is stored", async () => {
    const r = recorder();
    const channel = r.observe("kernel-4");
    channel.fromClient(request("req-4"));
    channel.toClient(cardMessage("p-awaited", "req-4"));
    let stored: boolean | null = null;
    const waiting = r.whenProfileStored("p-awaited").then((ok) => (stored = ok));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stored).toBeNull();
    r.profileCaptured({ profileId: "p-awaited", document: doc });
    await waiting;
    expect(stored).toBe(true);
    expect(await prisma.profile.findUnique({ where: { id: "p-awaited" } })).not.toBeNull();
    expect(await r.whenProfileStored("p-awaited")).toBe(true);
  });

  it("does not make readers wait for profiles it was never told of, and gives up on lost ones", async () => {
    const r = recorder();
    expect(await r.whenProfileStored("p-unknown")).toBe(false);
    r.observe("kernel-5").toClient(cardMessage("p-lost", "req-5"));
    expect(await r.whenProfileStored("p-lost", 20)).toBe(false);
  });

  it("aborts executions a previous server left running, but not the ones it records afterwards", async () => {
    const stale = await prisma.execution.create({
      data: { ownerId, notebookId, cellId: "c", codeHash: "h", status: "running", startedAt: new Date(), msgId: "stale-1", kernelId: "gone" },
    });
    const r = recorder();
    r.abortInterrupted();
    r.observe("kernel-6").fromClient(request("req-6"));
    await r.drained();
    expect((await prisma.execution.findUniqueOrThrow({ where: { id: stale.id } })).status).toBe("aborted");
    expect((await prisma.execution.findFirstOrThrow({ where: { msgId: "req-6" } })).status).toBe("running");
    expect(errors).toEqual([]);
  });

  it("keeps a profile whose card no client saw, owned but in no notebook", async () => {
    const r = recorder();
    r.profileCaptured({ profileId: "p-unseen", document: doc });
    await r.drained();
    expect(await prisma.profile.findUniqueOrThrow({ where: { id: "p-unseen" } })).toMatchObject({ ownerId, notebookId: null, executionId: null });
  });
});
