import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { KernelManager, ServerConnection, SessionManager } from "@jupyterlab/services";
import { WebSocket } from "ws";
import { browserAvailable, launchBrowser, screenshot } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";

const TOKEN = "home-test-token";
const root = path.resolve(import.meta.dirname, "..", "..");
const tutorials = fs.readdirSync(path.join(root, "notebooks")).filter((n) => n.endsWith(".ipynb")).sort();

/** Waits for the UI to catch up: generous, since CI runs the server, Chromium and Vitest on two cores. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });

interface LabNotebook {
  path: string;
  title: string;
  sourcePath: string | null;
}

describe.runIf(browserAvailable)("home page in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let downloads: string;

  /** The API as a script sees it (token auth), to check what the UI did. */
  const api = async (method: string, endpoint: string, body?: unknown): Promise<{ status: number; json: unknown }> => {
    const response = await fetch(`${server.url}${endpoint}`, {
      method,
      headers: { Authorization: `token ${TOKEN}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: text ? (JSON.parse(text) as unknown) : null };
  };
  const content = async (notebookPath: string): Promise<unknown> => {
    const { status, json } = await api("GET", `/api/contents/${encodeURIComponent(notebookPath)}?content=1`);
    expect(status, `GET ${notebookPath}`).toBe(200);
    return (json as { content: unknown }).content;
  };
  const myNotebooks = async (): Promise<LabNotebook[]> => ((await api("GET", "/api/lab/notebooks")).json as { notebooks: LabNotebook[] }).notebooks;
  const shipped = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(root, "notebooks", name), "utf8"));
  const rows = () => page.getByRole("list", { name: "My notebooks" }).getByRole("listitem");
  const row = (fileName: string) => rows().filter({ has: page.getByRole("link", { name: `Open ${fileName}`, exact: true }) });
  const goHome = async () => {
    await page.goto(server.url);
    await poll(() => page.getByText("Loading your notebooks…").count()).toBe(0);
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ KERNEL_LAB_TOKEN: TOKEN }), launchBrowser()]);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    page = await context.newPage();
    downloads = fs.mkdtempSync(path.join(os.tmpdir(), "kernel-lab-home-"));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (downloads) fs.rmSync(downloads, { recursive: true, force: true });
  });

  it("lists the tutorials with Start buttons and an empty My notebooks", async () => {
    await goHome();
    const cards = page.getByRole("list", { name: "Tutorial notebooks" }).getByRole("listitem");
    expect(await cards.count()).toBe(tutorials.length);
    expect(await cards.getByRole("button", { name: /^Start: / }).count()).toBe(tutorials.length);
    await poll(() => page.getByText("You have no notebooks yet.").isVisible()).toBe(true);
    await screenshot(page, "home-empty");
  });

  it("creates a notebook and lands in its editor", async () => {
    await page.getByRole("button", { name: "New notebook" }).click();
    await page.waitForURL(/\/edit\/Untitled\.ipynb$/);
    expect((await myNotebooks()).map((n) => n.path)).toEqual(["Untitled.ipynb"]);
  });

  it("renames inline, refusing invalid and taken names", async () => {
    await api("PUT", "/api/contents/taken.ipynb", { type: "notebook", format: "json", content: shipped(tutorials[0]) });
    await goHome();
    expect(await rows().count()).toBe(2);
    await page.getByRole("button", { name: "Rename Untitled.ipynb" }).click();
    const field = page.getByRole("textbox", { name: "New name for Untitled.ipynb" });
    await field.fill("a/b");
    expect(await page.getByRole("alert").filter({ hasText: "Names cannot contain / or \\." }).count()).toBe(1);
    await field.fill("taken");
    expect(await page.getByRole("alert").filter({ hasText: "A notebook named taken.ipynb already exists." }).count()).toBe(1);
    await screenshot(page, "home-rename-invalid");
    await field.fill("my kernel");
    await field.press("Enter");
    await poll(() => row("my kernel.ipynb").count()).toBe(1);
    expect((await myNotebooks()).map((n) => n.path).sort()).toEqual(["my kernel.ipynb", "taken.ipynb"]);
  });

  it("filters the list by search", async () => {
    const search = page.getByRole("searchbox", { name: "Search my notebooks" });
    await search.fill("MY kern");
    await poll(() => rows().count()).toBe(1);
    await search.fill("nothing like this");
    await poll(() => page.getByText("No notebook matches").count()).toBe(1);
    await search.fill("");
    await poll(() => rows().count()).toBe(2);
  });

  it("duplicates a notebook", async () => {
    await page.getByRole("button", { name: "Duplicate my kernel.ipynb" }).click();
    await poll(() => rows().count()).toBe(3);
    const copy = (await myNotebooks()).find((n) => n.path !== "my kernel.ipynb" && n.path.startsWith("my kernel"));
    expect(copy).toBeDefined();
    expect(await content(copy!.path)).toEqual(await content("my kernel.ipynb"));
  });

  it("deletes a notebook and brings it back with Undo", async () => {
    await page.getByRole("button", { name: "Delete taken.ipynb" }).click();
    await poll(() => row("taken.ipynb").count()).toBe(0);
    expect((await myNotebooks()).some((n) => n.path === "taken.ipynb")).toBe(false);
    await screenshot(page, "home-deleted-toast");
    await page.getByRole("status").getByRole("button", { name: "Undo" }).click();
    await poll(() => row("taken.ipynb").count()).toBe(1);
    expect((await myNotebooks()).some((n) => n.path === "taken.ipynb")).toBe(true);
  });

  it("opens a tutorial from its card: the server makes the copy and the editor opens it", async () => {
    const tutorial = tutorials[tutorials.length - 1];
    const card = page.getByRole("list", { name: "Tutorial notebooks" }).getByRole("listitem").filter({ has: page.locator(`a[href="/notebooks/${tutorial}"]`) });
    await card.getByRole("button", { name: /^Start: / }).click();
    await page.waitForURL(new RegExp(`/edit/${tutorial.replace(/\./g, "\\.")}$`));
    const copy = (await myNotebooks()).find((n) => n.path === tutorial);
    expect(copy?.sourcePath).toContain(tutorial);
    expect(await content(tutorial)).toEqual(shipped(tutorial));
    await goHome();
    await poll(() => card.getByRole("button", { name: /^Continue: / }).count()).toBe(1);
    expect(await row(tutorial).getByText("tutorial", { exact: true }).count()).toBe(1);
    await screenshot(page, "home-with-notebooks");
  });

  it("opens the copy from the tutorial preview page", async () => {
    const tutorial = tutorials[0];
    await page.goto(`${server.url}/notebooks/${tutorial}`);
    await page.getByRole("button", { name: /^Open my copy: / }).click();
    await page.waitForURL(new RegExp(`/edit/${tutorial.replace(/\./g, "\\.")}$`));
    expect(await content(tutorial)).toEqual(shipped(tutorial));
  });

  it("shows the share of a tutorial's code cells that ran without error", async () => {
    const tutorial = tutorials[0];
    const notebook = shipped(tutorial) as { cells: { cell_type: string; id: string; source: string | string[] }[] };
    const code = notebook.cells.filter((c) => c.cell_type === "code" && [c.source].flat().join("").trim() !== "");
    expect(code.length).toBeGreaterThan(0);
    const settings = ServerConnection.makeSettings({
      baseUrl: `${server.url}/`,
      wsUrl: `${server.url.replace("http", "ws")}/`,
      token: TOKEN,
      appendToken: true,
      WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
      fetch,
      Request,
      Headers,
    });
    const kernels = new KernelManager({ serverSettings: settings });
    const sessions = new SessionManager({ serverSettings: settings, kernelManager: kernels });
    try {
      // The editor opened by the previous test may have started this notebook's session already: join it.
      await page.goto("about:blank");
      await sessions.refreshRunning();
      const running = await sessions.findByPath(tutorial);
      const session = running
        ? sessions.connectTo({ model: running })
        : await sessions.startNew({ path: tutorial, name: tutorial, type: "notebook", kernel: { name: "nki" } });
      const reply = await session.kernel!.requestExecute({ code: [code[0].source].flat().join("") }, true, { cellId: code[0].id }).done;
      expect(reply.content.status).toBe("ok");
      await session.shutdown();
    } finally {
      sessions.dispose();
      kernels.dispose();
    }
    await goHome();
    const card = page.getByRole("list", { name: "Tutorial notebooks" }).getByRole("listitem").filter({ has: page.locator(`a[href="/notebooks/${tutorial}"]`) });
    const noun = code.length === 1 ? "code cell" : "code cells";
    await poll(() => card.getByText(`1 of ${code.length} ${noun} run`).count()).toBe(1);
    expect(await card.getByRole("progressbar").getAttribute("aria-valuenow")).toBe(String(Math.round(100 / code.length)));
  });

  it("exports every tutorial copy and imports the file back without losing anything", async () => {
    for (const tutorial of tutorials) {
      const { json } = await api("POST", "/api/lab/tutorials/open", { tutorial });
      const copyPath = (json as { path: string }).path;
      await goHome();
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: `Download ${copyPath}` }).click()]);
      expect(download.suggestedFilename()).toBe(copyPath);
      const file = path.join(downloads, copyPath);
      await download.saveAs(file);
      const exported = fs.readFileSync(file, "utf8");
      expect(exported.endsWith("}\n")).toBe(true);
      expect(exported.startsWith('{\n "')).toBe(true);
      expect(JSON.parse(exported)).toEqual(shipped(tutorial));
      expect(JSON.parse(exported)).toEqual(await content(copyPath));

      const before = new Set((await myNotebooks()).map((n) => n.path));
      await page.locator('input[type="file"]').setInputFiles(file);
      await poll(async () => (await myNotebooks()).length).toBe(before.size + 1);
      const imported = (await myNotebooks()).find((n) => !before.has(n.path))!;
      expect(imported.path).toBe(copyPath.replace(/\.ipynb$/, "-1.ipynb"));
      expect(await content(imported.path)).toEqual(JSON.parse(exported));
      await poll(() => row(imported.path).count()).toBe(1);
    }
  });

  it("round-trips a notebook with unknown metadata, custom MIME outputs and control characters unchanged", async () => {
    const file = path.join(import.meta.dirname, "..", "unit", "home", "notebook-json.golden.ipynb");
    const original = fs.readFileSync(file, "utf8");
    await goHome();
    await page.locator('input[type="file"]').setInputFiles(file);
    await poll(() => row("notebook-json.golden.ipynb").count()).toBe(1);
    expect(await content("notebook-json.golden.ipynb")).toEqual(JSON.parse(original));
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download notebook-json.golden.ipynb" }).click()]);
    const exported = path.join(downloads, "golden-export.ipynb");
    await download.saveAs(exported);
    expect(JSON.parse(fs.readFileSync(exported, "utf8"))).toEqual(JSON.parse(original));
  });

  it("rejects an invalid notebook file with the validation message, shown inline", async () => {
    const bad = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: "markdown", metadata: {}, source: "no id" }] };
    await page.locator('input[type="file"]').setInputFiles({ name: "bad.ipynb", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
    const alert = page.getByRole("alert").filter({ hasText: "Import failed." });
    await poll(() => alert.textContent()).toContain("bad.ipynb: invalid notebook: cells[0].id: nbformat 4.5 requires a cell id");
    await screenshot(page, "home-import-invalid");
    await page.locator('input[type="file"]').setInputFiles({ name: "broken.ipynb", mimeType: "application/json", buffer: Buffer.from("{oops") });
    await poll(() => alert.textContent()).toContain("broken.ipynb: not valid JSON");
    expect((await myNotebooks()).some((n) => n.path.startsWith("bad") || n.path.startsWith("broken"))).toBe(false);
  });

  it("imports a notebook dropped onto My notebooks", async () => {
    const notebook = JSON.stringify(shipped(tutorials[0]));
    const section = page.locator("section", { has: page.getByRole("heading", { name: "My notebooks" }) });
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], "dropped.ipynb", { type: "application/json" }));
      return transfer;
    }, notebook);
    await section.dispatchEvent("dragover", { dataTransfer });
    await section.dispatchEvent("drop", { dataTransfer });
    await poll(() => row("dropped.ipynb").count()).toBe(1);
    expect(await content("dropped.ipynb")).toEqual(JSON.parse(notebook));
  });

  it("lists revisions, previews one and restores it", async () => {
    const v1 = shipped(tutorials[0]) as { cells: { source: string | string[] }[] };
    const v2 = { ...v1, cells: v1.cells.slice(0, 1) };
    await api("PUT", "/api/contents/history.ipynb", { type: "notebook", format: "json", content: v1 });
    expect((await api("POST", "/api/contents/history.ipynb/checkpoints")).status).toBe(201);
    await api("PUT", "/api/contents/history.ipynb", { type: "notebook", format: "json", content: v2 });
    expect((await api("POST", "/api/contents/history.ipynb/checkpoints")).status).toBe(201);
    const { json } = await api("GET", `/api/lab/notebooks/revisions?path=history.ipynb`);
    const revisions = (json as { revisions: { number: number; cellCount: number }[] }).revisions;
    const oldest = revisions[revisions.length - 1];
    expect(oldest.cellCount).toBe(v1.cells.length);

    await goHome();
    await page.getByRole("button", { name: "Revision history of history.ipynb" }).click();
    const dialog = page.getByRole("dialog", { name: "Revision history of history.ipynb" });
    const items = dialog.getByRole("list", { name: "Revisions" }).getByRole("button");
    await poll(() => items.count()).toBe(revisions.length);
    await items.first().focus();
    await page.keyboard.press("End");
    await poll(() => items.last().getAttribute("aria-current")).toBe("true");
    const preview = dialog.getByRole("region", { name: "Revision preview" });
    await poll(() => preview.locator('ol[aria-label="Cells"] > li').count()).toBe(v1.cells.length);
    await poll(() => preview.getByRole("heading", { level: 1 }).first().textContent()).toBe("Welcome to Kernel Lab");
    await screenshot(page, "home-revision-history");
    await dialog.getByRole("button", { name: "Restore this revision" }).click();
    await dialog.getByRole("group", { name: "Confirm restore" }).getByRole("button", { name: "Restore" }).click();
    await poll(() => dialog.count()).toBe(0);
    expect(await content("history.ipynb")).toEqual(v1);
    const after = (await api("GET", `/api/lab/notebooks/revisions?path=history.ipynb`)).json as { revisions: { cellCount: number }[] };
    expect(after.revisions.length).toBe(revisions.length + 1);
    expect(after.revisions[0].cellCount).toBe(v2.cells.length);
  });

  it("resets a tutorial copy to the original after confirming", async () => {
    const tutorial = tutorials[0];
    const original = shipped(tutorial) as { cells: unknown[] };
    await api("PUT", `/api/contents/${tutorial}`, { type: "notebook", format: "json", content: { ...original, cells: [] } });
    await goHome();
    const resetButton = page.getByRole("button", { name: `Reset ${tutorial} to the original tutorial` });
    const dialog = page.getByRole("dialog", { name: "Reset to the original tutorial?" });
    await resetButton.click();
    await page.keyboard.press("Escape");
    await poll(() => dialog.count()).toBe(0);
    expect(await content(tutorial)).toEqual({ ...original, cells: [] });
    await resetButton.click();
    await screenshot(page, "home-reset-confirm");
    await dialog.getByRole("button", { name: "Reset notebook" }).click();
    await poll(() => dialog.count()).toBe(0);
    expect(await content(tutorial)).toEqual(original);
  });
  it("updates tutorial progress when a tutorial copy is deleted and restored", async () => {
    const tutorial = tutorials[tutorials.length - 1];
    const card = page.getByRole("list", { name: "Tutorial notebooks" }).getByRole("listitem").filter({ has: page.locator(`a[href="/notebooks/${tutorial}"]`) });
    await goHome();
    await poll(() => card.getByRole("button", { name: /^Continue: / }).count()).toBe(1);
    await page.getByRole("button", { name: `Delete ${tutorial}` }).click();
    await poll(() => card.getByRole("button", { name: /^Start: / }).count()).toBe(1);
    await page.getByRole("status").getByRole("button", { name: "Undo" }).click();
    await poll(() => card.getByRole("button", { name: /^Continue: / }).count()).toBe(1);
    expect(await row(tutorial).count()).toBe(1);
  });
});
