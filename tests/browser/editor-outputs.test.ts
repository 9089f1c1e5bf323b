/**
 * Rich outputs and kernel docs inside the notebook editor, in Chromium against the real server: a
 * profile's timeline as a Plotly figure, a profile as the stored card whose link opens the viewer, and
 * hover docs for `np.zeros` answered by the kernel. Screenshots at each step.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { browserAvailable, launchBrowser, screenshot } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";

const PATH = "editor-outputs.ipynb";
// CI runs on two cores: the kernel's first runs and the plotly.js chunk can take a while.
const POLL = { timeout: 30_000 };

const PRELUDE = `import numpy as np
import neuronxcc.nki as nki
import neuronxcc.nki.language as nl
import kernel_lab
a = np.ones((128, 512), dtype=np.float32)
b = np.ones((128, 512), dtype=np.float32)`;

const KERNEL = `@nki.jit
def add(x, y):
    out = nl.ndarray(x.shape, dtype=x.dtype, buffer=nl.shared_hbm)
    nl.store(out, nl.load(x) + nl.load(y))
    return out`;

const SOURCES = [PRELUDE, KERNEL, "kernel_lab.profile(add, a, b).timeline()", "kernel_lab.profile(add, a, b)", "z = np.zeros((2, 3))"];

function notebook(): unknown {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernel_lab: { target: "trn2" } },
    cells: SOURCES.map((source, i) => ({ id: `cell-${i}`, cell_type: "code", metadata: {}, execution_count: null, source, outputs: [] })),
  };
}

describe.runIf(browserAvailable)("notebook editor outputs and hover docs in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const cell = (i: number): Locator => page.locator(`[data-notebook-cells] > [data-cell-id="cell-${i}"]`);

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.url);
    const status = await page.evaluate(
      async ({ path, content }) => (await fetch(`/api/contents/${path}`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ type: "notebook", format: "json", content }) })).status,
      { path: PATH, content: notebook() },
    );
    expect(status).toBeLessThan(300);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("opens the notebook and runs every cell without an error", async () => {
    await page.goto(`${server.url}/edit/${PATH}`);
    await page.locator("[data-notebook-cells]").waitFor();
    await expect.poll(() => page.locator("[data-kernel-status]").first().getAttribute("data-kernel-status"), POLL).toBe("idle");
    await page.getByRole("button", { name: "Run all", exact: true }).click();
    await expect.poll(() => cell(SOURCES.length - 1).getAttribute("data-run"), POLL).toBe("ok");
    for (let i = 0; i < SOURCES.length; i++) expect(await cell(i).getAttribute("data-run"), SOURCES[i]).toBe("ok");
  });

  it("draws a profile's timeline as a Plotly figure in the cell's output", async () => {
    const output = cell(2);
    await output.scrollIntoViewIfNeeded();
    await expect.poll(() => output.locator(".plot-container").count(), POLL).toBe(1);
    // One bar trace per engine track the kernel used, titled with the target.
    expect(await output.locator(".trace.bars").count()).toBeGreaterThan(0);
    expect(await output.locator(".gtitle").textContent()).toContain("trn2");
    await screenshot(page, "editor-outputs-01-timeline");
  });

  it("shows kernel docs for np.zeros on hover", async () => {
    const target = cell(4);
    await target.scrollIntoViewIfNeeded();
    await target.locator("[data-live-editor=true] .monaco-editor").waitFor(POLL);
    // Monaco may merge tokens into one span: point at the middle of "zeros" inside whichever span holds it.
    const span = target.locator(".view-line span span").filter({ hasText: "zeros" }).first();
    const text = (await span.textContent()) ?? "";
    const box = (await span.boundingBox())!;
    const charWidth = box.width / text.length;
    const x = box.x + (text.indexOf("zeros") + 2.5) * charWidth;
    const y = box.y + box.height / 2;
    const hover = page.locator(".monaco-hover:not(.hidden)").filter({ hasText: "filled with zeros" });
    await expect
      .poll(async () => {
        // Hover shows after a mouse rest; wiggle so each poll is a fresh mouse move.
        await page.mouse.move(x - 2, y);
        await page.mouse.move(x, y);
        return hover.count();
      }, POLL)
      .toBeGreaterThan(0);
    // numpy's own docstring for zeros (CPython + numpy 2.4: np.zeros.__doc__), as the kernel answers it.
    expect(await hover.first().textContent()).toContain("Return a new array of given shape and type, filled with zeros.");
    await screenshot(page, "editor-outputs-02-hover-docs");
    await page.mouse.move(0, 0);
  });

  it("shows a profile as the stored card whose link opens the profile viewer", async () => {
    const output = cell(3);
    await output.scrollIntoViewIfNeeded();
    const card = output.getByRole("region", { name: "Profile of add" });
    await card.waitFor(POLL);
    expect(await card.getByRole("heading", { level: 3 }).textContent()).toBe("Profile of add on trn2");
    const link = card.getByRole("link", { name: /Open profile/ });
    const href = await link.getAttribute("href");
    expect(href).toMatch(/^\/profiles\/[\w-]+$/);
    await screenshot(page, "editor-outputs-03-profile-card");
    // Leave with everything saved, so the unsaved-changes prompt does not hold the navigation.
    await expect.poll(() => page.locator("[data-save-state]").textContent(), POLL).toBe("Saved");
    await link.click();
    await page.waitForURL(`${server.url}${href}`);
    await page.waitForSelector("[data-draw-ms]", POLL);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("add on trn2");
    await screenshot(page, "editor-outputs-04-profile-viewer");
  });
});
