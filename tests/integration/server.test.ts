import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import packageJson from "../../package.json" with { type: "json" };
import { startServer, type RunningServer } from "../support/server";

const shipped = path.resolve(import.meta.dirname, "..", "..", "notebooks");
let server: RunningServer;
let notebooksDir: string;

beforeAll(async () => {
  // The shipped tutorials plus broken and hostile files, to see how the catalogue copes with bad input.
  notebooksDir = fs.mkdtempSync(path.join(os.tmpdir(), "kernel-lab-notebooks-"));
  for (const name of fs.readdirSync(shipped)) fs.copyFileSync(path.join(shipped, name), path.join(notebooksDir, name));
  fs.writeFileSync(path.join(notebooksDir, "90-not-json.ipynb"), "{ this is not json");
  fs.writeFileSync(path.join(notebooksDir, "91-old-format.ipynb"), JSON.stringify({ nbformat: 3, nbformat_minor: 0, worksheets: [] }));
  fs.writeFileSync(
    path.join(notebooksDir, "92-hostile.ipynb"),
    JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {},
      cells: [{ cell_type: "markdown", id: "x", metadata: {}, source: "# Hostile\n\n<script>window.pwned=1</script><img src=x onerror=\"window.pwned=1\"> [link](javascript:alert(1))" }],
    }),
  );
  server = await startServer({ KERNEL_LAB_NOTEBOOKS_DIR: notebooksDir });
});

afterAll(async () => {
  await server?.stop();
  fs.rmSync(notebooksDir, { recursive: true, force: true });
});

describe("GET /api/health", () => {
  it("reports ok with the version, database state and uptime", async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({ status: "ok", version: packageJson.version, database: "ok", uptimeSeconds: expect.any(Number) });
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f]{12}$/);
  });
});

describe("home page", () => {
  it("lists every notebook with its title, description and cell count", async () => {
    const html = await (await fetch(server.url)).text();
    expect(html).toContain("Welcome to Kernel Lab");
    expect(html).toContain("A first look at Trainium&#x27;s memory hierarchy");
    expect(html).toContain("What a notebook is, how cells run, and which Trainium targets Kernel Lab simulates.");
    expect(html).toContain("beginner · 5 min · 5 cells");
  });

  it("lists malformed notebooks with an error badge and the reason", async () => {
    const html = await (await fetch(server.url)).text();
    expect(html).toContain("invalid notebook");
    expect(html).toMatch(/90-not-json\.ipynb<\/code>: <!-- -->not valid JSON/);
    expect(html).toMatch(/91-old-format\.ipynb<\/code>: <!-- -->nbformat 3 is not supported/);
  });
});

describe("notebook page", () => {
  it("renders markdown cells as HTML and code cells highlighted", async () => {
    const response = await fetch(`${server.url}/notebooks/01-welcome-to-kernel-lab.ipynb`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("<h1>Welcome to Kernel Lab</h1>");
    expect(html).toContain("<table>");
    expect(html).toContain('class="katex"');
    expect(html).toMatch(/<span class="hljs-keyword">import<\/span> numpy/);
  });

  it("sanitises HTML inside markdown", async () => {
    const html = await (await fetch(`${server.url}/notebooks/92-hostile.ipynb`)).text();
    expect(html).toContain("<h1>Hostile</h1>");
    expect(html).not.toContain("window.pwned");
    expect(html).not.toContain("javascript:alert");
  });

  it("shows the validation error for a malformed notebook instead of failing", async () => {
    const response = await fetch(`${server.url}/notebooks/90-not-json.ipynb`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("not valid JSON");
  });

  it("answers 404 for unknown notebooks and paths outside the notebooks folder", async () => {
    for (const name of ["nope.ipynb", "..%2Fpackage.json", "..%2F..%2Fetc%2Fpasswd", "%2E%2E%2Fpackage.json"]) {
      const response = await fetch(`${server.url}/notebooks/${name}`);
      expect(response.status, name).toBe(404);
      expect(await response.text()).toContain("There is no notebook or page at this address");
    }
  });
});

describe("WebSocket upgrades", () => {
  it("are handled by the custom server on its own paths", async () => {
    const ws = new WebSocket(`${server.url.replace("http", "ws")}/api/ws/ping`);
    const reply = await new Promise<string>((resolve, reject) => {
      ws.on("open", () => ws.send("hello"));
      ws.on("message", (data) => resolve(String(data)));
      ws.on("error", reject);
    });
    ws.close();
    expect(JSON.parse(reply)).toMatchObject({ type: "pong", echo: "hello" });
  });

  it("are refused on unknown paths and from other origins", async () => {
    const refusal = (url: string, headers: Record<string, string> = {}) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(url, { headers });
        ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
        ws.on("open", () => resolve(101));
        ws.on("error", () => resolve(-1));
      });
    const base = server.url.replace("http", "ws");
    expect(await refusal(`${base}/api/ws/nope`)).toBe(404);
    expect(await refusal(`${base}/api/ws/ping`, { Origin: "http://evil.example" })).toBe(403);
  });
});
