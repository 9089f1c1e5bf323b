import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../support/server";

const TOKEN = "integration-test-token-0123456789abcdef";
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ KERNEL_LAB_TOKEN: TOKEN });
});
afterAll(async () => {
  await server?.stop();
});

function api(path: string, init: RequestInit & { json?: unknown; auth?: boolean } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.auth !== false) headers.set("authorization", `token ${TOKEN}`);
  if (init.json !== undefined) headers.set("content-type", "application/json");
  return fetch(`${server.url}${path}`, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
}

const notebook = (source: string) => ({
  nbformat: 4,
  nbformat_minor: 5,
  metadata: { kernel_lab: { target: "trn3" }, unknown_field: { kept: true } },
  cells: [{ cell_type: "code", id: "c1", metadata: {}, source, execution_count: null, outputs: [] }],
});

describe("access", () => {
  it("answers /api without credentials, as Jupyter Server does", async () => {
    const response = await api("/api", { auth: false });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ version: expect.any(String) });
  });

  it("refuses requests without a token or session with 403 and a JSON error", async () => {
    const response = await api("/api/kernels", { auth: false });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ message: expect.stringContaining("token"), reason: null });
    expect((await api("/api/kernels?token=wrong", { auth: false })).status).toBe(403);
  });

  it("accepts the token as a header or a query parameter, and ignores unknown query strings", async () => {
    expect((await api("/api/kernelspecs?1795627537126")).status).toBe(200);
    expect((await api(`/api/kernelspecs?token=${TOKEN}`, { auth: false })).status).toBe(200);
  });

  it("accepts the browser session cookie that pages hand out", async () => {
    const page = await fetch(server.url);
    const cookie = page.headers.get("set-cookie")?.split(";")[0];
    expect(cookie).toMatch(/^kernel_lab_session=/);
    expect(page.headers.get("set-cookie")).toMatch(/HttpOnly; SameSite=Strict/);
    expect((await api("/api/sessions", { auth: false, headers: { cookie: cookie ?? "" } })).status).toBe(200);
  });

  it("refuses cross-origin requests", async () => {
    const response = await api("/api/kernels", { headers: { origin: "http://evil.example" } });
    expect(response.status).toBe(403);
  });
});

describe("kernelspecs", () => {
  it("lists the one NKI kernelspec with message-mode interrupts and a logo", async () => {
    const body = await (await api("/api/kernelspecs")).json();
    expect(body.default).toBe("nki");
    expect(body.kernelspecs.nki.spec).toMatchObject({ display_name: "NKI (Trainium simulator)", language: "python", interrupt_mode: "message" });
    expect(body.kernelspecs.nki.spec.metadata.kernel_lab.default_target).toBe("trn2");
    const logo = await api(body.kernelspecs.nki.resources["logo-svg"], { auth: false });
    expect(logo.status).toBe(200);
    expect(logo.headers.get("content-type")).toBe("image/svg+xml");
    expect((await api("/api/kernelspecs/python3")).status).toBe(404);
  });
});

describe("kernels", () => {
  it("starts (201 with a UUIDv4 id), lists, gets, interrupts, restarts and deletes a kernel", async () => {
    const started = await api("/api/kernels", { method: "POST", json: { name: "nki", env: { SECRET: "never logged" } } });
    expect(started.status).toBe(201);
    const kernel = await started.json();
    expect(kernel.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(started.headers.get("location")).toBe(`/api/kernels/${kernel.id}`);
    expect(kernel).toMatchObject({ name: "nki", connections: 0 });
    expect((await (await api("/api/kernels")).json()).map((k: { id: string }) => k.id)).toContain(kernel.id);
    expect((await api(`/api/kernels/${kernel.id}`)).status).toBe(200);
    expect((await api(`/api/kernels/${kernel.id}/interrupt`, { method: "POST" })).status).toBe(204);
    const restarted = await api(`/api/kernels/${kernel.id}/restart`, { method: "POST" });
    expect(restarted.status).toBe(200);
    expect((await restarted.json()).id).toBe(kernel.id);
    expect((await api(`/api/kernels/${kernel.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await api(`/api/kernels/${kernel.id}`)).status).toBe(404);
    expect(server.logs()).not.toContain("never logged");
  });

  it("answers bad input with 4xx JSON errors, never a 500", async () => {
    const cases: [string, RequestInit & { json?: unknown }, number][] = [
      ["/api/kernels", { method: "POST", json: { name: "python3" } }, 404],
      ["/api/kernels", { method: "POST", body: "{not json", headers: { "content-type": "application/json" } }, 400],
      ["/api/kernels", { method: "POST", json: [1, 2] }, 400],
      ["/api/kernels/not-a-uuid", {}, 404],
      ["/api/kernels/00000000-0000-4000-8000-000000000000/interrupt", { method: "POST" }, 404],
      ["/api/kernels", { method: "PUT" }, 405],
      ["/api/sessions/nope", {}, 404],
      ["/api/sessions", { method: "POST", json: { kernel: { id: "00000000-0000-4000-8000-000000000000" } } }, 404],
    ];
    for (const [path, init, status] of cases) {
      const response = await api(path, init);
      expect(response.status, `${init.method ?? "GET"} ${path}`).toBe(status);
      expect(await response.json()).toMatchObject({ message: expect.any(String) });
    }
  });
});

describe("sessions", () => {
  it("creates a session with a kernel, reuses it for the same path, renames it and deletes it with its kernel", async () => {
    const created = await api("/api/sessions", { method: "POST", json: { path: "a.ipynb", name: "a.ipynb", type: "notebook", kernel: { name: "nki" } } });
    expect(created.status).toBe(201);
    const session = await created.json();
    expect(session).toMatchObject({ path: "a.ipynb", type: "notebook", kernel: { name: "nki" }, notebook: { path: "a.ipynb" } });
    const again = await api("/api/sessions", { method: "POST", json: { path: "a.ipynb", kernel: { name: "nki" } } });
    expect(again.status).toBe(201);
    expect((await again.json()).kernel.id).toBe(session.kernel.id);
    const renamed = await api(`/api/sessions/${session.id}`, { method: "PATCH", json: { path: "b.ipynb" } });
    expect((await renamed.json()).path).toBe("b.ipynb");
    expect((await api(`/api/sessions/${session.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await api(`/api/kernels/${session.kernel.id}`)).status).toBe(404);
  });
});

describe("contents", () => {
  it("lists the read-only tutorials folder and the user's notebooks at the root", async () => {
    const root = await (await api("/api/contents")).json();
    expect(root.type).toBe("directory");
    expect(root.content).toContainEqual(expect.objectContaining({ name: "tutorials", type: "directory", writable: false }));
    const tutorials = await (await api("/api/contents/tutorials")).json();
    expect(tutorials.content.map((c: { name: string }) => c.name)).toContain("01-welcome-to-kernel-lab.ipynb");
    const tutorial = await (await api("/api/contents/tutorials/01-welcome-to-kernel-lab.ipynb")).json();
    expect(tutorial).toMatchObject({ type: "notebook", writable: false, format: "json" });
    expect(tutorial.content.nbformat).toBe(4);
  });

  it("saves, reads back, renames and deletes a notebook, keeping unknown metadata", async () => {
    const put = await api("/api/contents/mine.ipynb", { method: "PUT", json: { type: "notebook", format: "json", content: notebook("print(1)") } });
    expect(put.status).toBe(201);
    expect((await put.json()).content).toBeNull();
    const overwrite = await api("/api/contents/mine.ipynb", { method: "PUT", json: { type: "notebook", content: notebook("print(2)") } });
    expect(overwrite.status).toBe(200);
    const read = await (await api("/api/contents/mine.ipynb")).json();
    expect(read).toMatchObject({ name: "mine.ipynb", path: "mine.ipynb", type: "notebook", writable: true });
    expect(read.content).toEqual(notebook("print(2)"));
    expect((await (await api("/api/contents/mine.ipynb?content=0")).json()).content).toBeNull();
    const renamed = await api("/api/contents/mine.ipynb", { method: "PATCH", json: { path: "yours.ipynb" } });
    expect((await renamed.json()).path).toBe("yours.ipynb");
    expect((await api("/api/contents/mine.ipynb")).status).toBe(404);
    expect((await api("/api/contents/yours.ipynb", { method: "DELETE" })).status).toBe(204);
    expect((await api("/api/contents/yours.ipynb")).status).toBe(404);
  });

  it("copies a tutorial into a personal notebook and creates untitled notebooks", async () => {
    const copy = await api("/api/contents", { method: "POST", json: { copy_from: "tutorials/02-trainium-memory-hierarchy.ipynb" } });
    expect(copy.status).toBe(201);
    expect((await copy.json()).path).toBe("02-trainium-memory-hierarchy-Copy.ipynb");
    const first = await (await api("/api/contents", { method: "POST", json: { type: "notebook" } })).json();
    const second = await (await api("/api/contents", { method: "POST", json: { type: "notebook" } })).json();
    expect([first.path, second.path]).toEqual(["Untitled.ipynb", "Untitled1.ipynb"]);
  });

  it("refuses writes to tutorials, invalid notebooks and rename conflicts with clear errors", async () => {
    const tutorialWrite = await api("/api/contents/tutorials/01-welcome-to-kernel-lab.ipynb", { method: "PUT", json: { type: "notebook", content: notebook("") } });
    expect(tutorialWrite.status).toBe(403);
    const invalid = await api("/api/contents/bad.ipynb", { method: "PUT", json: { type: "notebook", content: { nbformat: 4, cells: "no" } } });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).message).toMatch(/^invalid notebook: /);
    await api("/api/contents/x.ipynb", { method: "PUT", json: { type: "notebook", content: notebook("") } });
    await api("/api/contents/y.ipynb", { method: "PUT", json: { type: "notebook", content: notebook("") } });
    expect((await api("/api/contents/x.ipynb", { method: "PATCH", json: { path: "y.ipynb" } })).status).toBe(409);
    expect((await api("/api/contents/..%2F..%2Fetc%2Fpasswd")).status).toBe(400);
  });

  it("keeps checkpoints and restores one", async () => {
    await api("/api/contents/cp.ipynb", { method: "PUT", json: { type: "notebook", content: notebook("v1") } });
    const checkpoint = await (await api("/api/contents/cp.ipynb/checkpoints", { method: "POST" })).json();
    expect(checkpoint).toEqual({ id: "1", last_modified: expect.any(String) });
    await api("/api/contents/cp.ipynb", { method: "PUT", json: { type: "notebook", content: notebook("v2") } });
    expect(await (await api("/api/contents/cp.ipynb/checkpoints")).json()).toHaveLength(1);
    expect((await api("/api/contents/cp.ipynb/checkpoints/1", { method: "POST" })).status).toBe(204);
    expect((await (await api("/api/contents/cp.ipynb")).json()).content.cells[0].source).toBe("v1");
    expect((await api("/api/contents/cp.ipynb/checkpoints/9", { method: "POST" })).status).toBe(404);
  });
});
