/**
 * `/api/lab` notebook endpoints and the contents API's Kernel Lab behaviour (conflicts, soft delete,
 * target mirroring, revisions), against the real API core on a fresh database.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ContentsManager, ServerConnection, type Contents } from "@jupyterlab/services";
import { KernelManager } from "../../lib/kernel/manager";
import { createAccessControl } from "../../lib/server/auth";
import { createKernelLabCore } from "../../lib/server/kernel-lab-core";
import { startLabCore, type RunningLabCore } from "../support/lab-core";

let lab: RunningLabCore;

beforeAll(async () => {
  lab = await startLabCore();
});
afterAll(async () => {
  await lab?.stop();
});

const api = (p: string, init?: RequestInit & { json?: unknown; auth?: boolean }) => lab.api(p, init);

const notebook = (source: string, target?: unknown) => ({
  nbformat: 4,
  nbformat_minor: 5,
  metadata: { ...(target === undefined ? {} : { kernel_lab: { target } }), unknown_field: { kept: true } },
  cells: [{ cell_type: "code", id: "c1", metadata: {}, source, execution_count: null, outputs: [] }],
});

async function put(p: string, content: unknown, extra: Record<string, unknown> = {}): Promise<Response> {
  return api(`/api/contents/${p}`, { method: "PUT", json: { type: "notebook", format: "json", content, ...extra } });
}

async function otherOwnersNotebook(p: string): Promise<string> {
  const other = await lab.prisma.user.create({ data: { email: `other-${p}@example.invalid`, displayName: "Other" } });
  const row = await lab.prisma.notebook.create({
    data: { ownerId: other.id, path: p, title: "theirs", content: JSON.stringify(notebook("secret")), sourcePath: "tutorials/01-welcome-to-kernel-lab.ipynb" },
  });
  await lab.prisma.notebookRevision.create({ data: { notebookId: row.id, number: 1, content: row.content } });
  return row.id;
}

const TUTORIALS = fs.readdirSync(path.join(import.meta.dirname, "..", "..", "notebooks")).filter((n) => n.endsWith(".ipynb")).sort();

describe("GET /api/lab/notebooks", () => {
  it("lists the user's notebooks newest first with their target, and only theirs", async () => {
    await otherOwnersNotebook("list-theirs.ipynb");
    expect((await put("list-a.ipynb", notebook("a", "trn1"))).status).toBe(201);
    await new Promise((r) => setTimeout(r, 5));
    expect((await put("list-b.ipynb", notebook("b"))).status).toBe(201);
    const response = await api("/api/lab/notebooks");
    expect(response.status).toBe(200);
    const { notebooks } = await response.json();
    const paths = notebooks.map((n: { path: string }) => n.path);
    expect(paths.indexOf("list-b.ipynb")).toBeLessThan(paths.indexOf("list-a.ipynb"));
    expect(paths).not.toContain("list-theirs.ipynb");
    expect(notebooks.find((n: { path: string }) => n.path === "list-a.ipynb")).toEqual({
      path: "list-a.ipynb",
      title: expect.any(String),
      sourcePath: null,
      target: "trn1",
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      revisionCount: 0,
    });
  });

  it("titles a notebook without a heading by its file name, also after a rename", async () => {
    expect((await put("before-rename.ipynb", notebook("x = 1"))).status).toBe(201);
    expect((await api("/api/contents/before-rename.ipynb", { method: "PATCH", json: { path: "after-rename.ipynb" } })).status).toBe(200);
    const { notebooks } = await (await api("/api/lab/notebooks")).json();
    expect(notebooks.find((n: { path: string }) => n.path === "after-rename.ipynb")?.title).toBe("after-rename");
  });

  it("needs credentials", async () => {
    const response = await api("/api/lab/notebooks", { auth: false });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ message: expect.any(String), reason: null });
  });

  it("answers unknown lab paths and wrong methods with JSON 404 and 405", async () => {
    expect((await api("/api/lab/nope")).status).toBe(404);
    const wrong = await api("/api/lab/notebooks", { method: "DELETE" });
    expect(wrong.status).toBe(405);
    expect(await wrong.json()).toMatchObject({ message: expect.any(String) });
  });
});

describe("target mirroring", () => {
  it("mirrors metadata.kernel_lab.target into the notebook's target on every save, trn2 by default", async () => {
    await put("target.ipynb", notebook("x"));
    const target = async () => (await lab.prisma.notebook.findFirstOrThrow({ where: { path: "target.ipynb" } })).target;
    expect(await target()).toBe("trn2");
    await put("target.ipynb", notebook("x", "trn3"));
    expect(await target()).toBe("trn3");
  });

  it("refuses a target that does not exist, naming the field", async () => {
    const response = await put("target-bad.ipynb", notebook("x", "trn9"));
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/metadata\.kernel_lab\.target must be one of trn1, trn2, trn3/);
    expect((await api("/api/contents/target-bad.ipynb")).status).toBe(404);
  });
});

describe("conflict detection", () => {
  it("refuses a save whose expected_last_modified is not the stored one, writing nothing", async () => {
    const created = await (await put("conflict.ipynb", notebook("v1"))).json();
    const tabA = await put("conflict.ipynb", notebook("from tab A"), { expected_last_modified: created.last_modified });
    expect(tabA.status).toBe(200);
    const afterA = await tabA.json();
    expect(afterA.last_modified).not.toBe(created.last_modified);
    const tabB = await put("conflict.ipynb", notebook("from tab B"), { expected_last_modified: created.last_modified });
    expect(tabB.status).toBe(409);
    expect(await tabB.json()).toEqual({ reason: "conflict", message: expect.stringContaining("changed since"), last_modified: afterA.last_modified });
    expect((await (await api("/api/contents/conflict.ipynb")).json()).content.cells[0].source).toBe("from tab A");
    // Keeping "mine" after the conflict: save against the last_modified the 409 reported.
    expect((await put("conflict.ipynb", notebook("from tab B"), { expected_last_modified: afterA.last_modified })).status).toBe(200);
  });

  it("reaches @jupyterlab/services' ContentsManager.save, which rejects with the 409 and its message", async () => {
    const settings = ServerConnection.makeSettings({ baseUrl: `${lab.url}/`, token: lab.token, appendToken: true, fetch, Request, Headers });
    const contents = new ContentsManager({ serverSettings: settings });
    const first = await contents.save("services.ipynb", { type: "notebook", format: "json", content: notebook("one") });
    await put("services.ipynb", notebook("elsewhere"));
    const stale = { type: "notebook", format: "json", content: notebook("two"), expected_last_modified: first.last_modified } as Partial<Contents.IModel>;
    const error = await contents.save("services.ipynb", stale).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerConnection.ResponseError);
    // The client reads the body into the error's message; the stored last_modified comes from a fresh get.
    expect((error as ServerConnection.ResponseError).response.status).toBe(409);
    expect((error as ServerConnection.ResponseError).message).toMatch(/changed since you loaded it/);
    contents.dispose();
  });

  it("saves without the field as Jupyter clients do, and rejects a malformed one", async () => {
    expect((await put("conflict-plain.ipynb", notebook("a"))).status).toBe(201);
    expect((await put("conflict-plain.ipynb", notebook("b"))).status).toBe(200);
    const bad = await put("conflict-plain.ipynb", notebook("c"), { expected_last_modified: "yesterday" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toMatch(/expected_last_modified/);
  });
});

describe("notebook validation and round trips", () => {
  it.each(TUTORIALS)("round-trips %s through the contents API without loss", async (name) => {
    const original = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "..", "..", "notebooks", name), "utf8"));
    // Unknown metadata and outputs of every kind must survive too.
    original.metadata.x_unknown = { nested: [1, "two", null] };
    let code = original.cells.find((c: { cell_type: string }) => c.cell_type === "code");
    if (!code) {
      code = { cell_type: "code", id: "added-code", metadata: {}, source: "", execution_count: null, outputs: [] };
      original.cells.push(code);
    }
    code.metadata.x_cell_meta = { keep: true };
    code.outputs = [
      { output_type: "stream", name: "stdout", text: ["line 1\n", "line 2\n"] },
      { output_type: "display_data", data: { "application/vnd.kernel-lab.profile+json": { kind: "card", totalNs: 1 }, "text/plain": "x" }, metadata: { isolated: true } },
      { output_type: "execute_result", execution_count: 3, data: { "text/html": "<b>3</b>" }, metadata: {} },
      { output_type: "error", ename: "ValueError", evalue: "bad", traceback: ["ValueError: bad"], x_extra: 1 },
    ];
    const shipped = await (await api(`/api/contents/tutorials/${name}`)).json();
    expect(JSON.stringify(shipped.content)).toBe(JSON.stringify(JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "..", "..", "notebooks", name), "utf8"))));
    const target = `roundtrip-${name}`;
    expect((await put(target, original)).status).toBe(201);
    const back = await (await api(`/api/contents/${target}`)).json();
    expect(back.content).toEqual(original);
    expect(JSON.stringify(back.content)).toBe(JSON.stringify(original));
  });

  it("rejects an invalid notebook with the validation message", async () => {
    const broken = notebook("x");
    (broken.cells[0] as Record<string, unknown>).outputs = [{ output_type: "stream", name: "stdin", text: "" }];
    const response = await put("invalid.ipynb", broken);
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/^invalid notebook: cells\[0\]\.outputs\[0\]\.name: /);
  });
});

describe("tutorial copies", () => {
  const tutorial = "02-trainium-memory-hierarchy.ipynb";

  it("opens a personal copy under the tutorial's name once, then returns the same copy", async () => {
    const first = await api("/api/lab/tutorials/open", { method: "POST", json: { tutorial } });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ path: tutorial, created: true });
    expect(await (await api("/api/lab/tutorials/open", { method: "POST", json: { tutorial } })).json()).toEqual({ path: tutorial, created: false });
    const copy = await (await api(`/api/contents/${tutorial}`)).json();
    const shipped = await (await api(`/api/contents/tutorials/${tutorial}`)).json();
    expect(copy.content).toEqual(shipped.content);
    const listed = (await (await api("/api/lab/notebooks")).json()).notebooks.find((n: { path: string }) => n.path === tutorial);
    expect(listed.sourcePath).toBe(`tutorials/${tutorial}`);
  });

  it("makes the user's own copy even when another user has one under the same name", async () => {
    const name = "01-welcome-to-kernel-lab.ipynb";
    await otherOwnersNotebook(name);
    expect(await (await api("/api/lab/tutorials/open", { method: "POST", json: { tutorial: name } })).json()).toEqual({ path: name, created: true });
    const mine = await (await api(`/api/contents/${name}`)).json();
    expect(mine.content.cells[0].source).not.toBe("secret");
  });

  it("uses a free name when an unrelated notebook holds the tutorial's name", async () => {
    const name = "03-your-first-nki-kernel.ipynb";
    await put(name, notebook("mine, not the tutorial"));
    const opened = await (await api("/api/lab/tutorials/open", { method: "POST", json: { tutorial: name } })).json();
    expect(opened).toEqual({ path: "03-your-first-nki-kernel1.ipynb", created: true });
  });

  it("refuses unknown tutorials and bad bodies", async () => {
    expect((await api("/api/lab/tutorials/open", { method: "POST", json: { tutorial: "99-nope.ipynb" } })).status).toBe(404);
    expect((await api("/api/lab/tutorials/open", { method: "POST", json: { tutorial: "../etc/passwd" } })).status).toBe(404);
    const missing = await api("/api/lab/tutorials/open", { method: "POST", json: {} });
    expect(missing.status).toBe(400);
    expect((await missing.json()).message).toMatch(/tutorial/);
    expect((await api("/api/lab/tutorials/open", { method: "POST", body: "{not json" })).status).toBe(400);
  });

  it("resets a copy to the shipped original, keeping the edited content as a revision", async () => {
    const edited = notebook("my edits");
    await put(tutorial, edited);
    const reset = await api("/api/lab/notebooks/reset", { method: "POST", json: { path: tutorial } });
    expect(reset.status).toBe(200);
    const { revision } = await reset.json();
    expect(revision).toEqual(expect.any(Number));
    const shipped = await (await api(`/api/contents/tutorials/${tutorial}`)).json();
    expect((await (await api(`/api/contents/${tutorial}`)).json()).content).toEqual(shipped.content);
    const saved = await (await api(`/api/lab/notebooks/revision?path=${tutorial}&number=${revision}`)).json();
    expect(saved.content).toEqual(edited);
  });

  it("refuses to reset a notebook that is not a tutorial copy, a missing one and another user's", async () => {
    await put("plain.ipynb", notebook("x"));
    expect((await api("/api/lab/notebooks/reset", { method: "POST", json: { path: "plain.ipynb" } })).status).toBe(400);
    expect((await api("/api/lab/notebooks/reset", { method: "POST", json: { path: "missing.ipynb" } })).status).toBe(404);
    await otherOwnersNotebook("reset-theirs.ipynb");
    expect((await api("/api/lab/notebooks/reset", { method: "POST", json: { path: "reset-theirs.ipynb" } })).status).toBe(404);
    expect((await api("/api/lab/notebooks/reset", { method: "POST", json: { path: 7 } })).status).toBe(400);
  });
});

describe("revisions", () => {
  it("lists revisions newest first with cell count and size, and returns one's content", async () => {
    await put("rev.ipynb", notebook("v1"));
    await api("/api/contents/rev.ipynb/checkpoints", { method: "POST" });
    const two = notebook("v2");
    two.cells.push({ cell_type: "code", id: "c2", metadata: {}, source: "more", execution_count: null, outputs: [] });
    await put("rev.ipynb", two);
    await api("/api/contents/rev.ipynb/checkpoints", { method: "POST" });
    const { revisions } = await (await api("/api/lab/notebooks/revisions?path=rev.ipynb")).json();
    expect(revisions.map((r: { number: number }) => r.number)).toEqual([2, 1]);
    expect(revisions[0]).toEqual({ number: 2, createdAt: expect.any(String), cellCount: 2, bytes: Buffer.byteLength(JSON.stringify(two)) });
    const one = await (await api("/api/lab/notebooks/revision?path=rev.ipynb&number=1")).json();
    expect(one).toEqual({ number: 1, createdAt: revisions[1].createdAt, content: notebook("v1") });
  });

  it("snapshots the previous content when an autosaved notebook has no recent revision", async () => {
    await put("autorev.ipynb", notebook("first"));
    await put("autorev.ipynb", notebook("second"));
    await put("autorev.ipynb", notebook("third"));
    const { revisions } = await (await api("/api/lab/notebooks/revisions?path=autorev.ipynb")).json();
    expect(revisions).toHaveLength(1);
    expect((await (await api("/api/lab/notebooks/revision?path=autorev.ipynb&number=1")).json()).content).toEqual(notebook("first"));
  });

  it("restoring a revision keeps what it replaces as a new revision", async () => {
    await put("restore.ipynb", notebook("old"));
    await api("/api/contents/restore.ipynb/checkpoints", { method: "POST" });
    await put("restore.ipynb", notebook("new"));
    expect((await api("/api/contents/restore.ipynb/checkpoints/1", { method: "POST" })).status).toBe(204);
    expect((await (await api("/api/contents/restore.ipynb")).json()).content).toEqual(notebook("old"));
    const latest = await (await api("/api/lab/notebooks/revision?path=restore.ipynb&number=2")).json();
    expect(latest.content).toEqual(notebook("new"));
  });

  it("answers bad queries with 400 and unknown notebooks, revisions and other users' notebooks with 404", async () => {
    expect((await api("/api/lab/notebooks/revisions")).status).toBe(400);
    expect((await api("/api/lab/notebooks/revision?path=rev.ipynb&number=zero")).status).toBe(400);
    expect((await api("/api/lab/notebooks/revision?path=rev.ipynb&number=-1")).status).toBe(400);
    expect((await api("/api/lab/notebooks/revision?path=rev.ipynb&number=99")).status).toBe(404);
    expect((await api("/api/lab/notebooks/revisions?path=nothing.ipynb")).status).toBe(404);
    await otherOwnersNotebook("rev-theirs.ipynb");
    expect((await api("/api/lab/notebooks/revisions?path=rev-theirs.ipynb")).status).toBe(404);
    expect((await api("/api/lab/notebooks/revision?path=rev-theirs.ipynb&number=1")).status).toBe(404);
  });
});

describe("delete, undo and purge", () => {
  it("hides a deleted notebook from every listing at once and restores it on undelete", async () => {
    await put("gone.ipynb", notebook("keep me"));
    expect((await api("/api/contents/gone.ipynb", { method: "DELETE" })).status).toBe(204);
    expect((await api("/api/contents/gone.ipynb")).status).toBe(404);
    const root = await (await api("/api/contents")).json();
    expect(root.content.map((c: { path: string }) => c.path)).not.toContain("gone.ipynb");
    expect((await (await api("/api/lab/notebooks")).json()).notebooks.map((n: { path: string }) => n.path)).not.toContain("gone.ipynb");
    const undo = await api("/api/lab/notebooks/undelete", { method: "POST", json: { path: "gone.ipynb" } });
    expect(undo.status).toBe(200);
    expect(await undo.json()).toEqual({ path: "gone.ipynb", last_modified: expect.any(String) });
    expect((await (await api("/api/contents/gone.ipynb")).json()).content).toEqual(notebook("keep me"));
  });

  it("lets a new notebook take a deleted one's path, after which undo has nothing to restore", async () => {
    await put("reused.ipynb", notebook("old"));
    await api("/api/contents/reused.ipynb", { method: "DELETE" });
    expect((await put("reused.ipynb", notebook("new"))).status).toBe(201);
    expect((await api("/api/lab/notebooks/undelete", { method: "POST", json: { path: "reused.ipynb" } })).status).toBe(404);
  });

  it("refuses undelete of a live, unknown, expired or other user's notebook", async () => {
    await put("live.ipynb", notebook("x"));
    expect((await api("/api/lab/notebooks/undelete", { method: "POST", json: { path: "live.ipynb" } })).status).toBe(404);
    expect((await api("/api/lab/notebooks/undelete", { method: "POST", json: { path: "never.ipynb" } })).status).toBe(404);
    expect((await api("/api/lab/notebooks/undelete", { method: "POST", json: {} })).status).toBe(400);
    await put("expired.ipynb", notebook("x"));
    await api("/api/contents/expired.ipynb", { method: "DELETE" });
    await lab.prisma.notebook.updateMany({ where: { path: "expired.ipynb" }, data: { deletedAt: new Date(Date.now() - 11 * 60_000) } });
    expect((await api("/api/lab/notebooks/undelete", { method: "POST", json: { path: "expired.ipynb" } })).status).toBe(404);
    const theirs = await otherOwnersNotebook("undelete-theirs.ipynb");
    await lab.prisma.notebook.update({ where: { id: theirs }, data: { deletedAt: new Date() } });
    expect((await api("/api/lab/notebooks/undelete", { method: "POST", json: { path: "undelete-theirs.ipynb" } })).status).toBe(404);
  });

  it("purges notebooks deleted more than 10 minutes ago with their revisions, executions and profiles", async () => {
    await put("purged.ipynb", notebook("x"));
    await api("/api/contents/purged.ipynb/checkpoints", { method: "POST" });
    const row = await lab.prisma.notebook.findFirstOrThrow({ where: { path: "purged.ipynb" } });
    const execution = await lab.prisma.execution.create({
      data: { ownerId: row.ownerId, notebookId: row.id, codeHash: "h", status: "ok", startedAt: new Date(), msgId: "m", kernelId: "k" },
    });
    await lab.prisma.profile.create({
      data: {
        id: "purge-profile", ownerId: row.ownerId, notebookId: row.id, executionId: execution.id, target: "trn2", sources: "[]", metrics: "{}",
        insights: "[]", instructionCount: 0, totalNs: 0, document: Buffer.from([]),
      },
    });
    await api("/api/contents/purged.ipynb", { method: "DELETE" });
    await lab.prisma.notebook.update({ where: { id: row.id }, data: { deletedAt: new Date(Date.now() - 11 * 60_000) } });
    await put("recent.ipynb", notebook("x"));
    await api("/api/contents/recent.ipynb", { method: "DELETE" });
    // The delete above purged what had expired, and kept what can still be undone.
    expect(await lab.prisma.notebook.findUnique({ where: { id: row.id } })).toBeNull();
    expect(await lab.prisma.notebookRevision.count({ where: { notebookId: row.id } })).toBe(0);
    expect(await lab.prisma.execution.count({ where: { id: execution.id } })).toBe(0);
    expect(await lab.prisma.profile.count({ where: { id: "purge-profile" } })).toBe(0);
    expect(await lab.prisma.notebook.count({ where: { path: "recent.ipynb" } })).toBe(1);
  });

  it("purges at startup too", async () => {
    const row = await lab.prisma.notebook.findFirstOrThrow({ where: { path: "recent.ipynb" } });
    await lab.prisma.notebook.update({ where: { id: row.id }, data: { deletedAt: new Date(Date.now() - 11 * 60_000) } });
    const restarted = createKernelLabCore({ kernels: new KernelManager({ cullIdleMs: 0 }), prisma: lab.prisma, access: createAccessControl(os.tmpdir(), "t".repeat(32)) });
    await expect.poll(() => lab.prisma.notebook.count({ where: { id: row.id } })).toBe(0);
    await restarted.close();
  });
});
