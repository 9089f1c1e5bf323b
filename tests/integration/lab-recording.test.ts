/**
 * Execution records and profile capture through a real kernel over the channels WebSocket: what the
 * recorder writes, what clients (live and replayed) receive, and the profile endpoints.
 */
import { randomUUID } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { isProfileCard, type ProfileCard } from "../../lib/profile/card";
import { profileDocument, PROFILE_MIME, type ProfileDocument } from "../../lib/profile/document";
import { profileTrace } from "../../lib/profile/profile";
import { TraceKit } from "../../lib/sim/timing/trace-kit";
import { Engine, Memory } from "../../lib/sim/trace/types";
import { startLabCore, type RunningLabCore } from "../support/lab-core";

let lab: RunningLabCore;
let kernelId: string;
let sessionId: string;
const NOTEBOOK = "recorded.ipynb";

interface WireMessage {
  channel: string;
  header: { msg_id: string; msg_type: string };
  parent_header: { msg_id?: string };
  metadata: Record<string, unknown>;
  content: Record<string, unknown>;
}

/** A legacy-JSON kernel channel client that keeps every message it receives. */
class ChannelClient {
  readonly received: WireMessage[] = [];
  private constructor(readonly ws: WebSocket) {
    ws.on("message", (data) => this.received.push(JSON.parse(String(data)) as WireMessage));
  }

  static open(session: string): Promise<ChannelClient> {
    const ws = new WebSocket(`${lab.url.replace("http", "ws")}/api/kernels/${kernelId}/channels?session_id=${session}&token=${lab.token}`);
    return new Promise((resolve, reject) => {
      const client = new ChannelClient(ws);
      ws.on("open", () => resolve(client));
      ws.on("error", reject);
    });
  }

  execute(code: string, metadata: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): string {
    const msgId = randomUUID();
    this.ws.send(
      JSON.stringify({
        channel: "shell",
        header: { msg_id: msgId, msg_type: "execute_request", session: "s", username: "test", date: new Date().toISOString(), version: "5.3" },
        parent_header: {},
        metadata,
        content: { code, silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true, ...extra },
      }),
    );
    return msgId;
  }

  /** The request's messages once its reply and its idle status have arrived. */
  async finished(msgId: string): Promise<WireMessage[]> {
    await expect
      .poll(() => this.of(msgId).some((m) => m.header.msg_type === "status" && m.content.execution_state === "idle") && this.of(msgId).some((m) => m.header.msg_type === "execute_reply"), { timeout: 30_000 })
      .toBe(true);
    return this.of(msgId);
  }

  of(msgId: string): WireMessage[] {
    return this.received.filter((m) => m.parent_header.msg_id === msgId);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.ws.once("close", () => resolve());
      this.ws.close();
    });
  }
}

/** A real profile document of a small simulated kernel, its one source padded to `padBytes`. */
function fakeProfile(padBytes: number): { doc: ProfileDocument; python: string } {
  const kit = new TraceKit();
  const x = kit.tile("x", Memory.Sbuf, [128, 512]);
  kit.at(3).dma(x, kit.hbm("X", [128, 512]));
  kit.at(4).unary(Engine.Scalar, "activation", kit.tile("y", Memory.Sbuf, [128, 512]), x, "exp");
  const marker = "@@PAD@@";
  const doc = profileDocument(profileTrace(kit.trace, "trn3"), { kernelName: "exp_kernel", sources: [{ file: "kernel.py", text: marker }] });
  const [before, after] = JSON.stringify(doc).split(marker);
  // The document reaches the kernel as Python builds it; a JSON str under a JSON MIME type is parsed as JSON.
  const python = [
    `DOC = ${JSON.stringify(before)} + "x" * ${padBytes} + ${JSON.stringify(after)}`,
    "class FakeProfile:",
    "    def _repr_mimebundle_(self, include=None, exclude=None):",
    `        return {${JSON.stringify(PROFILE_MIME)}: DOC, "text/plain": "profile of exp_kernel"}`,
  ].join("\n");
  return { doc: { ...doc, sources: [{ file: "kernel.py", text: "x".repeat(padBytes) }] }, python };
}

function cardOf(messages: WireMessage[]): ProfileCard {
  const display = messages.find((m) => m.header.msg_type === "display_data" || m.header.msg_type === "execute_result");
  const value = (display?.content.data as Record<string, unknown> | undefined)?.[PROFILE_MIME];
  if (!isProfileCard(value)) throw new Error(`no profile card in ${JSON.stringify(messages.map((m) => m.header.msg_type))}`);
  return value;
}

beforeAll(async () => {
  lab = await startLabCore();
  const cell = (id: string, source: string) => ({ cell_type: "code", id, metadata: {}, source, execution_count: null, outputs: [] });
  await lab.api(`/api/contents/${NOTEBOOK}`, {
    method: "PUT",
    json: { type: "notebook", content: { nbformat: 4, nbformat_minor: 5, metadata: { kernel_lab: { target: "trn3" } }, cells: [cell("c-ok", "x = 1"), cell("c-err", "1/0")] } },
  });
  const session = await (await lab.api("/api/sessions", { method: "POST", json: { path: NOTEBOOK, type: "notebook", kernel: { name: "nki" } } })).json();
  kernelId = session.kernel.id;
  sessionId = session.id;
}, 120_000);
afterAll(async () => {
  await lab?.stop();
});

describe("execution records", () => {
  it("records each execute_request/execute_reply pair with cell, code hash, status, duration and count", async () => {
    const client = await ChannelClient.open("exec-client");
    await client.finished(client.execute("x = 1\nprint(x)", { cellId: "c-ok" }));
    await client.finished(client.execute("1/0", { cellId: "c-err" }));
    await client.finished(client.execute("%target trn1", {}, { silent: true, store_history: false }));
    await client.close();
    await lab.core.recorder.drained();
    const response = await lab.api(`/api/lab/executions?path=${NOTEBOOK}`);
    expect(response.status).toBe(200);
    const { executions } = await response.json();
    expect(executions).toHaveLength(2);
    const [failed, ok] = executions;
    expect(ok).toEqual({
      id: expect.any(String),
      cellId: "c-ok",
      // sha256("x = 1\nprint(x)"), computed independently with `printf 'x = 1\nprint(x)' | sha256sum`.
      codeHash: "f28cab597c94b129088a4e844d5883465a7de6cc94cc069188fb894ca2da8d79",
      // The session's kernel started on the notebook's stored target.
      target: "trn3",
      status: "ok",
      startedAt: expect.any(String),
      durationMs: expect.any(Number),
      executionCount: 1,
      profileId: null,
    });
    expect(failed).toMatchObject({ cellId: "c-err", status: "error", executionCount: 2 });
    expect(Date.parse(failed.startedAt)).toBeGreaterThanOrEqual(Date.parse(ok.startedAt));
    const oneCell = (await (await lab.api(`/api/lab/executions?path=${NOTEBOOK}&cellId=c-err`)).json()).executions;
    expect(oneCell).toEqual([failed]);
  });

  it("answers bad queries with 400 and unknown or other users' notebooks with 404", async () => {
    expect((await lab.api("/api/lab/executions")).status).toBe(400);
    expect((await lab.api("/api/lab/executions?path=missing.ipynb")).status).toBe(404);
    const other = await lab.prisma.user.create({ data: { email: "exec-other@example.invalid", displayName: "Other" } });
    await lab.prisma.notebook.create({ data: { ownerId: other.id, path: "exec-theirs.ipynb", title: "t", content: "{}" } });
    expect((await lab.api("/api/lab/executions?path=exec-theirs.ipynb")).status).toBe(404);
  });
});

describe("tutorial progress", () => {
  it("counts code cells of an opened tutorial that ran without error, and the last run", async () => {
    const tutorial = "01-welcome-to-kernel-lab.ipynb";
    const { path } = await (await lab.api("/api/lab/tutorials/open", { method: "POST", json: { tutorial } })).json();
    const before = (await (await lab.api("/api/lab/progress")).json()).tutorials[tutorial];
    expect(before).toEqual({ path, codeCells: 1, cellsRunOk: 0, lastRunAt: null });
    // The notebook's session moves to the tutorial copy (a rename does the same), and back afterwards.
    await lab.api(`/api/sessions/${sessionId}`, { method: "PATCH", json: { path } });
    const client = await ChannelClient.open("progress-client");
    await client.finished(client.execute("y = 2", { cellId: "intro-first-code" }));
    await client.close();
    await lab.core.recorder.drained();
    await lab.api(`/api/sessions/${sessionId}`, { method: "PATCH", json: { path: NOTEBOOK } });
    const after = (await (await lab.api("/api/lab/progress")).json()).tutorials[tutorial];
    expect(after).toEqual({ path, codeCells: 1, cellsRunOk: 1, lastRunAt: expect.any(String) });
  });
});

describe("profile capture", () => {
  it("stores a profile a cell displays and sends clients only its card, even past the output budget", async () => {
    // 9 MB of source: more than the kernel's 8 MB output budget, so only a card can get through.
    const { doc, python } = fakeProfile(9 * 1024 * 1024);
    const client = await ChannelClient.open("profile-client");
    const messages = await client.finished(client.execute(`${python}\ndisplay(FakeProfile())`, { cellId: "c-ok" }));
    await client.close();
    expect(messages.find((m) => m.header.msg_type === "execute_reply")?.content.status).toBe("ok");
    const card = cardOf(messages);
    expect(card).toMatchObject({ kind: "card", target: "trn3", kernelName: "exp_kernel", instructionCount: 2, url: `/profiles/${card.profileId}` });
    expect(JSON.stringify(messages).length).toBeLessThan(100_000);
    await lab.core.recorder.drained();

    const row = await lab.prisma.profile.findUniqueOrThrow({ where: { id: card.profileId ?? "" }, include: { execution: true } });
    expect(row).toMatchObject({ target: "trn3", kernelName: "exp_kernel", cellId: "c-ok", instructionCount: 2, totalNs: doc.metrics.total_time * 1e9 });
    expect(row.execution?.cellId).toBe("c-ok");
    expect(JSON.parse(row.metrics)).toEqual(doc.metrics);
    expect(JSON.parse(row.insights)).toEqual(doc.insights);
    expect(JSON.parse(row.sources)).toEqual(doc.sources);
    expect(row.document.byteLength).toBeLessThan(200_000);
    expect(JSON.parse(gunzipSync(row.document).toString("utf8"))).toEqual(doc);

    const { executions } = await (await lab.api(`/api/lab/executions?path=${NOTEBOOK}`)).json();
    expect(executions[0]).toMatchObject({ cellId: "c-ok", status: "ok", profileId: card.profileId });
    const { profiles } = await (await lab.api(`/api/lab/profiles?path=${NOTEBOOK}`)).json();
    const listed = { id: card.profileId, path: NOTEBOOK, kernelName: "exp_kernel", target: "trn3", cellId: "c-ok", createdAt: expect.any(String), totalNs: row.totalNs };
    expect(profiles[0]).toEqual(listed);
    const all = (await (await lab.api("/api/lab/profiles")).json()).profiles;
    expect(all).toContainEqual(listed);
    const info = await lab.api(`/api/lab/profiles/${card.profileId}/info`);
    expect(info.status).toBe(200);
    expect(await info.json()).toEqual({ ...listed, executionId: row.execution?.id, instructionCount: 2 });
  });

  it("stores what kernel_lab.profile produces on the notebook's target, with the kernel's source", async () => {
    const kernel = [
      "import numpy as np",
      "import neuronxcc.nki as nki",
      "import neuronxcc.nki.language as nl",
      "import kernel_lab",
      "",
      "@nki.jit",
      "def add(a, b):",
      "    out = nl.ndarray(a.shape, dtype=a.dtype, buffer=nl.shared_hbm)",
      "    nl.store(out, nl.load(a) + nl.load(b))",
      "    return out",
      "",
      "a = np.ones((128, 512), dtype=np.float32)",
    ].join("\n");
    const client = await ChannelClient.open("real-profile-client");
    await client.finished(client.execute("%target trn3", {}, { silent: true, store_history: false }));
    await client.finished(client.execute(kernel, { cellId: "c-kernel" }));
    const messages = await client.finished(client.execute("kernel_lab.profile(add, a, a)", { cellId: "c-profile" }));
    await client.close();
    const card = cardOf(messages);
    expect(card).toMatchObject({ kind: "card", target: "trn3", kernelName: "add" });
    expect(messages.find((m) => m.header.msg_type === "execute_reply")?.metadata).toEqual({ kernel_lab: { target: "trn3" } });
    await lab.core.recorder.drained();
    const row = await lab.prisma.profile.findUniqueOrThrow({ where: { id: card.profileId ?? "" }, include: { execution: true } });
    expect(row).toMatchObject({ target: "trn3", kernelName: "add", cellId: "c-profile" });
    expect(row.execution).toMatchObject({ target: "trn3", status: "ok", cellId: "c-profile" });
    const sources = JSON.parse(row.sources) as { file: string; text: string }[];
    expect(sources.map((s) => s.text).join("")).toContain("def add(a, b):");
    expect(row.instructionCount).toBeGreaterThan(0);
  });

  it("captures a profile that is a cell's result, and replays its card to a returning client", async () => {
    const { python } = fakeProfile(16);
    const client = await ChannelClient.open("replay-client");
    // The client leaves before the cell produces anything; its output is buffered for it.
    // Busy-wait (time.sleep does not block here) so the result comes well after the client has gone.
    const wait = "import time\nt0 = time.perf_counter()\nwhile time.perf_counter() - t0 < 1.0:\n    pass";
    const msgId = client.execute(`${python}\n${wait}\nFakeProfile()`, { cellId: "c-ok" });
    const sentAt = Date.now();
    await client.close();
    await expect
      .poll(async () => (await (await lab.api(`/api/kernels/${kernelId}`)).json()).execution_state === "idle" && Date.now() - sentAt > 1500, { timeout: 30_000 })
      .toBe(true);
    const back = await ChannelClient.open("replay-client");
    await expect.poll(() => back.of(msgId).some((m) => m.header.msg_type === "execute_result"), { timeout: 10_000 }).toBe(true);
    const card = cardOf(back.of(msgId));
    await back.close();
    await lab.core.recorder.drained();
    const row = await lab.prisma.profile.findUniqueOrThrow({ where: { id: card.profileId ?? "" }, include: { execution: true } });
    expect(row).toMatchObject({ kernelName: "exp_kernel", cellId: "c-ok" });
    // The reply went to the client that left; the replayed idle ended the record, timed by the kernel's clock.
    expect(row.execution).toMatchObject({ msgId, status: "ok", executionCount: expect.any(Number) });
    expect(row.execution?.durationMs).toBeGreaterThanOrEqual(1000);
    expect(row.execution?.durationMs).toBeLessThan(Date.now() - sentAt);
  });

  it("keeps only the card when the client saves the output in the notebook", async () => {
    const { python } = fakeProfile(1024);
    const client = await ChannelClient.open("save-client");
    const messages = await client.finished(client.execute(`${python}\ndisplay(FakeProfile())`, { cellId: "c-ok" }));
    await client.close();
    const display = messages.find((m) => m.header.msg_type === "display_data");
    const saved = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {},
      cells: [{ cell_type: "code", id: "c-ok", metadata: {}, source: "", execution_count: 1, outputs: [{ output_type: "display_data", data: display?.content.data, metadata: {} }] }],
    };
    expect((await lab.api("/api/contents/with-card.ipynb", { method: "PUT", json: { type: "notebook", content: saved } })).status).toBe(201);
    const stored = (await (await lab.api("/api/contents/with-card.ipynb")).json()).content.cells[0].outputs[0].data[PROFILE_MIME];
    expect(isProfileCard(stored)).toBe(true);
    expect(stored).not.toHaveProperty("instructions");
  });

  it("serves the stored document gzip-compressed, or plain to clients that do not accept gzip", async () => {
    const { profiles } = await (await lab.api(`/api/lab/profiles?path=${NOTEBOOK}`)).json();
    const id = profiles[0].id;
    const row = await lab.prisma.profile.findUniqueOrThrow({ where: { id } });
    const gzipped = await lab.api(`/api/lab/profiles/${id}`, { headers: { "accept-encoding": "gzip, deflate" } });
    expect(gzipped.status).toBe(200);
    expect(gzipped.headers.get("content-encoding")).toBe("gzip");
    expect(gzipped.headers.get("content-type")).toBe("application/json");
    const fromGzip = await gzipped.json();
    expect(fromGzip).toEqual(JSON.parse(gunzipSync(row.document).toString("utf8")));
    const plain = await lab.api(`/api/lab/profiles/${id}`, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.json()).toEqual(fromGzip);
  });

  it("deletes a profile for its owner only, and answers unknown ids and bad queries", async () => {
    const { profiles } = await (await lab.api(`/api/lab/profiles?path=${NOTEBOOK}`)).json();
    const id = profiles[profiles.length - 1].id;
    const other = await lab.prisma.user.create({ data: { email: "profile-other@example.invalid", displayName: "Other" } });
    await lab.prisma.profile.create({
      data: { id: "theirs", ownerId: other.id, target: "trn2", sources: "[]", metrics: "{}", insights: "[]", instructionCount: 0, totalNs: 0, document: Buffer.from([]) },
    });
    expect((await lab.api("/api/lab/profiles/theirs")).status).toBe(404);
    expect((await lab.api("/api/lab/profiles/theirs", { method: "DELETE" })).status).toBe(404);
    expect((await lab.api(`/api/lab/profiles/${id}`, { method: "DELETE" })).status).toBe(204);
    expect((await lab.api(`/api/lab/profiles/${id}`)).status).toBe(404);
    expect((await lab.api(`/api/lab/profiles/${id}`, { method: "DELETE" })).status).toBe(404);
    expect((await lab.api("/api/lab/profiles?path=")).status).toBe(400);
    expect((await lab.api("/api/lab/profiles/theirs/info")).status).toBe(404);
    await expect((await lab.api("/api/lab/profiles")).json()).resolves.toMatchObject({ profiles: expect.not.arrayContaining([expect.objectContaining({ id: "theirs" })]) });
    expect((await lab.api("/api/lab/profiles?path=missing.ipynb")).status).toBe(404);
    expect((await lab.api("/api/lab/profiles?path=exec-theirs.ipynb")).status).toBe(404);
    expect((await lab.api("/api/lab/profiles/not%20an%20id")).status).toBe(404);
    expect((await lab.api(`/api/lab/profiles/${id}`, { auth: false })).status).toBe(403);
  });
});
