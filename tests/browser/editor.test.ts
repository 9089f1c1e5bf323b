/**
 * The notebook editor in Chromium against the real server: run all with streamed output, an error
 * underlined in its cell, JupyterLab's keyboard model, autosave surviving a reload and a server restart,
 * a conflict between two tabs, and interrupting an endless loop. Screenshots at each step.
 */
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { browserAvailable, launchBrowser, screenshot } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";

const TUTORIAL = "tutorials/01-welcome-to-kernel-lab.ipynb";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

describe.runIf(browserAvailable)("notebook editor in Chromium", () => {
  let server: RunningServer;
  let serverEnv: Record<string, string>;
  let dataDir: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let notebookPath: string;

  const cells = () => page.locator("[data-notebook-cells] > [data-cell-id]");
  const saveState = (p: Page = page) => p.locator("[data-save-state]");
  const kernelStatus = (p: Page = page) => p.locator("[data-kernel-status]").first().getAttribute("data-kernel-status");

  async function openEditor(p: Page): Promise<void> {
    await p.goto(`${server.url}/edit/${encodeURIComponent(notebookPath)}`);
    await p.locator("[data-notebook-cells]").waitFor();
    await expect.poll(() => kernelStatus(p), { timeout: 30_000 }).toBe("idle");
  }

  /** Selects the last cell in command mode. */
  async function selectLastCell(): Promise<void> {
    await cells().last().locator("[class*=gutter]").click();
    await page.keyboard.press("Escape");
  }

  /** Adds a code cell at the end holding `code`, typed into Monaco, and leaves it in edit mode. */
  async function appendCodeCell(code: string): Promise<void> {
    await selectLastCell();
    await page.keyboard.press("b");
    await page.keyboard.press("y");
    await page.keyboard.press("Enter");
    await page.locator("[data-notebook-cells] > [data-cell-id]:last-child .monaco-editor textarea").waitFor();
    await page.keyboard.type(code);
  }

  beforeAll(async () => {
    // One database and port for the whole file, so a server restart comes back with the same notebooks.
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kernel-lab-editor-"));
    const template = process.env.KERNEL_LAB_TEST_DB_TEMPLATE;
    if (!template) throw new Error("no database template: tests/support/database-template.ts must run as Vitest global setup");
    fs.copyFileSync(template, path.join(dataDir, "editor.db"));
    serverEnv = { PORT: String(await freePort()), DATABASE_URL: `file:${path.join(dataDir, "editor.db")}` };
    [server, browser] = await Promise.all([startServer(serverEnv), launchBrowser()]);
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    await page.goto(server.url);
    notebookPath = await page.evaluate(async (from) => {
      const response = await fetch("/api/contents/", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ copy_from: from }) });
      if (!response.ok) throw new Error(`copy failed: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { path: string }).path;
    }, TUTORIAL);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("opens a copy of a tutorial, runs all and shows the streamed output", async () => {
    await openEditor(page);
    await screenshot(page, "editor-01-opened");
    expect(await cells().count()).toBeGreaterThan(2);
    await page.getByRole("button", { name: "Run all", exact: true }).click();
    const stream = page.locator("[data-output-kind=stream]").first();
    await expect.poll(() => stream.textContent(), { timeout: 30_000 }).toContain("[ 0.  2.  4.  6.  8. 10. 12. 14.]");
    await expect.poll(() => page.locator("[data-run=queued], [data-run=running]").count(), { timeout: 30_000 }).toBe(0);
    expect(await page.locator("[data-cell-type=code] [aria-label^='Execution']").count()).toBeGreaterThan(0);
    await screenshot(page, "editor-02-ran-all");
    // Each execute_request names its cell, so the server's execution record points at it.
    const codeCellId = await page.locator("[data-cell-type=code]").first().getAttribute("data-cell-id");
    const executions = await page.evaluate(async (p) => {
      const response = await fetch(`/api/lab/executions?path=${encodeURIComponent(p)}`);
      return ((await response.json()) as { executions: { cellId: string | null; status: string }[] }).executions;
    }, notebookPath);
    expect(executions).toContainEqual(expect.objectContaining({ cellId: codeCellId, status: "ok" }));
  });

  it("underlines the expression that raised in the cell's editor, as the traceback's carets mark it", async () => {
    await appendCodeCell("x = 1\nprint(x)\ny = x / 0\n");
    await page.keyboard.press("Shift+Enter");
    const failing = cells().nth(-2);
    await expect.poll(() => failing.locator("[data-output-kind=error]").count(), { timeout: 30_000 }).toBe(1);
    expect(await failing.locator("[data-output-kind=error]").textContent()).toContain("ZeroDivisionError");
    const underline = failing.locator(".monaco-editor [class*=errorUnderline]");
    await expect.poll(() => underline.count()).toBeGreaterThan(0);
    // Monaco renders spaces as no-break spaces.
    // The caret line under `y = x / 0` is `~~^~~`: the division, not the assignment.
    expect((await underline.allTextContents()).join("").replace(/\u00a0/g, " ").trim()).toBe("x / 0");
    await screenshot(page, "editor-03-error-underlined");
  });

  it("completes names from the kernel after a dot and on Tab", async () => {
    await appendCodeCell("np.ze");
    const suggestions = page.locator(".suggest-widget.visible");
    await expect.poll(() => suggestions.textContent(), { timeout: 10_000 }).toContain("zeros");
    await page.keyboard.press("Escape");
    await expect.poll(() => suggestions.count()).toBe(0);
    await page.keyboard.press("Tab");
    await expect.poll(() => suggestions.textContent(), { timeout: 10_000 }).toContain("zeros");
    await screenshot(page, "editor-03b-completions");
    await page.keyboard.press("Escape");
    await page.keyboard.type("ros(");
    const hints = page.locator(".parameter-hints-widget.visible");
    await expect.poll(() => hints.textContent(), { timeout: 10_000 }).toContain("zeros(");
    await screenshot(page, "editor-03c-signature-help");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    await page.keyboard.press("d");
    await page.keyboard.press("d");
  });

  it("follows JupyterLab's keyboard model: A, B, DD, Z, M/Y and Shift+Enter", async () => {
    await selectLastCell();
    const before = await cells().count();
    await page.keyboard.press("a");
    expect(await cells().count()).toBe(before + 1);
    await page.keyboard.press("b");
    expect(await cells().count()).toBe(before + 2);
    await page.keyboard.press("d");
    await page.keyboard.press("d");
    expect(await cells().count()).toBe(before + 1);
    await page.keyboard.press("z");
    expect(await cells().count()).toBe(before + 2);
    const active = page.locator("[data-notebook-cells] > [aria-current=true]");
    await page.keyboard.press("m");
    expect(await active.getAttribute("data-cell-type")).toBe("markdown");
    await page.keyboard.press("Enter");
    await page.keyboard.type("## Made with *keys*");
    await page.keyboard.press("Shift+Enter");
    const heading = page.getByRole("heading", { name: "Made with keys" });
    await heading.waitFor();
    await page.keyboard.press("Escape");
    await page.keyboard.press("k");
    await page.keyboard.press("y");
    expect(await active.getAttribute("data-cell-type")).toBe("code");
    await page.keyboard.press("Shift+?");
    await page.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor();
    await screenshot(page, "editor-04-shortcuts");
    await page.keyboard.press("Escape");
    expect(await page.getByRole("dialog", { name: "Keyboard shortcuts" }).count()).toBe(0);
  });

  it("autosaves edits within 2 s so they survive a reload", async () => {
    await appendCodeCell("print('survives reload', 6 * 7)");
    await expect.poll(() => saveState().textContent(), { timeout: 5000 }).toBe("Saved");
    await page.reload();
    await openEditor(page);
    await expect.poll(() => page.locator("[data-notebook-cells]").textContent()).toContain("survives reload");
    await screenshot(page, "editor-05-after-reload");
  });

  it("offers the local draft after a crash that beat autosave, and saves it once restored", async () => {
    await appendCodeCell("print('typed just before the crash')");
    // The draft is written 250 ms after an edit, autosave only after 1 s: close the tab in between.
    await page.waitForTimeout(500);
    await page.close();
    page = await context.newPage();
    await openEditor(page);
    expect(await page.locator("[data-notebook-cells]").textContent()).not.toContain("typed just before the crash");
    const banner = page.getByRole("alert").filter({ hasText: "unsaved edits" });
    await banner.waitFor();
    await screenshot(page, "editor-05b-draft-offered");
    await banner.getByRole("button", { name: "Restore my edits" }).click();
    await expect.poll(() => page.locator("[data-notebook-cells]").textContent()).toContain("typed just before the crash");
    await expect.poll(() => saveState().textContent(), { timeout: 5000 }).toBe("Saved");
  });

  it("keeps editing through a server restart and saves once the server is back", async () => {
    await server.stop();
    await appendCodeCell("print('typed while the server was down')");
    await expect.poll(() => saveState().textContent(), { timeout: 15_000 }).toMatch(/Offline/);
    await screenshot(page, "editor-06-offline");
    server = await startServer(serverEnv);
    await expect.poll(() => saveState().textContent(), { timeout: 30_000 }).toBe("Saved");
    await expect.poll(() => kernelStatus(), { timeout: 30_000 }).toBe("idle");
    await page.keyboard.press("Shift+Enter");
    await expect.poll(() => page.locator("[data-output-kind=stream]").last().textContent(), { timeout: 30_000 }).toContain("typed while the server was down");
    await page.reload();
    await openEditor(page);
    await expect.poll(() => page.locator("[data-notebook-cells]").textContent()).toContain("typed while the server was down");
    await screenshot(page, "editor-07-after-server-restart");
  });

  it("detects a conflict between two tabs and never overwrites silently", async () => {
    const other = await context.newPage();
    await openEditor(other);
    await other.locator("[data-notebook-cells] > [data-cell-id]").last().locator("[class*=gutter]").click();
    await other.keyboard.press("Escape");
    await other.keyboard.press("b");
    await other.keyboard.press("Enter");
    await other.locator("[data-notebook-cells] > [data-cell-id]:last-child .monaco-editor textarea").waitFor();
    await other.keyboard.type("print('from the other tab')");
    await expect.poll(() => saveState(other).textContent(), { timeout: 5000 }).toBe("Saved");

    await appendCodeCell("print('from the first tab')");
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor({ timeout: 10_000 });
    expect(await dialog.textContent()).toContain("changed somewhere else");
    await screenshot(page, "editor-08-conflict");
    await dialog.getByRole("button", { name: "Reload theirs" }).click();
    await expect.poll(() => page.locator("[data-notebook-cells]").textContent()).toContain("from the other tab");
    expect(await page.locator("[data-notebook-cells]").textContent()).not.toContain("from the first tab");
    await other.close();
  });

  it("interrupts an endless loop", async () => {
    await appendCodeCell("while True: pass");
    await page.keyboard.press("Control+Enter");
    const cell = cells().last();
    await expect.poll(() => cell.getAttribute("data-run"), { timeout: 10_000 }).toBe("running");
    await page.waitForTimeout(1200);
    await screenshot(page, "editor-09-long-run");
    await page.getByRole("button", { name: "Interrupt kernel" }).click();
    await expect.poll(() => cell.locator("[data-output-kind=error]").textContent(), { timeout: 15_000 }).toContain("KeyboardInterrupt");
    await expect.poll(() => kernelStatus(), { timeout: 10_000 }).toBe("idle");
    await screenshot(page, "editor-10-interrupted");
  });

  it("applies the target selector to the kernel, keeps it across restart & run all, and saves it", async () => {
    await page.getByRole("combobox", { name: "Simulated device" }).selectOption("trn3");
    await appendCodeCell("%target");
    await page.keyboard.press("Shift+Enter");
    const targetCell = cells().nth(-2);
    await expect.poll(() => targetCell.locator("[data-output-kind=stream]").textContent(), { timeout: 15_000 }).toContain("trn3");

    await page.getByRole("button", { name: "Restart & run all" }).click();
    // Run all stops at the first error (the ZeroDivisionError cell): the cells after it are not run.
    await expect.poll(() => targetCell.getAttribute("data-run"), { timeout: 30_000 }).toBe("aborted");
    expect(await page.locator("[data-run=queued], [data-run=running]").count()).toBe(0);
    const failing = page.locator("[data-cell-id][data-run=error]");
    expect(await failing.locator("[data-output-kind=error]").textContent()).toContain("ZeroDivisionError");
    // The fresh kernel counts from 1 again.
    expect(await page.locator("[data-cell-type=code]").first().locator("[aria-label='Execution 1']").count()).toBe(1);
    await screenshot(page, "editor-11-restart-run-all-stopped");

    await targetCell.locator("[class*=gutter]").click();
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => targetCell.locator("[data-output-kind=stream]").textContent(), { timeout: 15_000 }).toContain("trn3");
    await expect.poll(() => saveState().textContent(), { timeout: 5000 }).toBe("Saved");
    await page.reload();
    await openEditor(page);
    expect(await page.getByRole("combobox", { name: "Simulated device" }).inputValue()).toBe("trn3");
  });

  it("clears outputs, runs the cells above the selected one, then it and those below", async () => {
    await page.getByRole("button", { name: "Clear outputs" }).click();
    await expect.poll(() => page.locator("[data-output-kind]").count()).toBe(0);
    const codeCells = page.locator("[data-notebook-cells] > [data-cell-type=code]");
    const failing = codeCells.filter({ hasText: "y = x / 0" });
    await failing.locator("[class*=gutter]").click();
    await page.getByRole("button", { name: "Run above" }).click();
    await expect.poll(() => codeCells.first().locator("[data-output-kind=stream]").textContent(), { timeout: 15_000 }).toContain("[ 0.  2.");
    expect(await failing.locator("[data-output-kind]").count()).toBe(0);
    await page.getByRole("button", { name: "Run below" }).click();
    await expect.poll(() => failing.locator("[data-output-kind=error]").textContent(), { timeout: 15_000 }).toContain("ZeroDivisionError");
    await expect.poll(() => codeCells.filter({ hasText: "%target" }).getAttribute("data-run"), { timeout: 15_000 }).toBe("aborted");
    await screenshot(page, "editor-12-run-above-below");
  });
});
