import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { browserAvailable, launchBrowser, screenshot } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";
import { ENGINE_METRIC_NAMES } from "../../lib/profile/metrics";
import fixture from "../../app/dev/outputs/fixtures/profile.json";

const doc = fixture.document;
// CI runs on two cores: chunk loads (KaTeX, plotly.js) can take a while.
const POLL = { timeout: 15_000 };
const metric = (name: string) => (doc.metrics as unknown as Record<string, number>)[name];

describe.runIf(browserAvailable)("cell outputs in Chromium (dev gallery)", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const section = (id: string): Locator => page.locator(`[data-fixture="${id}"]`);

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ KERNEL_LAB_DEV_PAGES: "1" }), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const response = await page.goto(`${server.url}/dev/outputs`);
    expect(response?.status()).toBe(200);
    // The SVG output renders only on the client: once it is there, React has hydrated the page.
    await page.locator('[data-fixture="svg"] img').waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("renders streams with ANSI colours and a carriage-return progress bar as one line", async () => {
    const s = section("stream-ansi");
    await expect.poll(() => s.textContent(), POLL).toContain("progress [##########] 100%");
    expect(await s.textContent()).not.toContain("10%");
    const colour = await s.getByText("matmul_tiled").evaluate((el) => getComputedStyle(el).color);
    expect(colour).not.toBe(await s.getByText("Compiling").evaluate((el) => getComputedStyle(el.parentElement!).color));
    expect(await s.getByText("Compiling").evaluate((el) => getComputedStyle(el).fontWeight)).toBe("700");
    const link = s.getByRole("link", { name: /readthedocs/ });
    expect(await link.getAttribute("href")).toBe("https://awsdocs-neuron.readthedocs-hosted.com/en/latest/general/nki/index.html");
    expect(await link.getAttribute("rel")).toBe("noopener noreferrer");
    await screenshot(page, "outputs-streams");
  });

  it("collapses a long stream and expands it on request", async () => {
    const s = section("stream-long");
    await expect.poll(() => s.textContent(), POLL).toMatch(/1,140 lines \([\d,]+ characters\) hidden/);
    expect(await s.textContent()).toContain("step 1200");
    expect(await s.textContent()).not.toContain("step  600 ");
    await s.scrollIntoViewIfNeeded();
    await screenshot(page, "outputs-long-stream-collapsed");
    await s.getByRole("button", { name: "Show all" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => s.textContent(), POLL).toContain("step  600 ");
    // Keyboard focus moves to the button that replaced the pressed one.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Show less");
    await s.getByRole("button", { name: "Show less" }).click();
    await expect.poll(() => s.textContent(), POLL).not.toContain("step  600 ");
  });

  it("shows an error's summary and traceback", async () => {
    const s = section("error");
    expect(await s.getByRole("group", { name: /ZeroDivisionError/ }).count()).toBe(1);
    expect(await s.textContent()).toContain('File "<cell 2>", line 3, in <module>');
    const ipython = section("error-ansi");
    expect(await ipython.locator("span[class]").count()).toBeGreaterThan(5);
    await ipython.scrollIntoViewIfNeeded();
    await screenshot(page, "outputs-errors");
  });

  it("sanitises HTML: no script, event handler or javascript: link survives", async () => {
    const s = section("html");
    expect(await s.locator("table td").first().textContent()).toBe("tensor");
    expect(await s.locator("script").count()).toBe(0);
    expect(await s.locator("[onerror]").count()).toBe(0);
    const hrefs = await s.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    expect(hrefs.some((h) => h.startsWith("javascript:"))).toBe(false);
    await page.waitForTimeout(300); // give a handler that slipped through time to fire
    const ran = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return [w.__outputsScriptRan, w.__outputsOnerrorRan, w.__outputsSvgScriptRan, w.__outputsLinkRan];
    });
    expect(ran).toEqual([undefined, undefined, undefined, undefined]);
  });

  it("draws PNG and SVG images with alt text", async () => {
    const png = section("png").locator("img");
    await expect.poll(() => png.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), POLL).toBe(240);
    expect(await png.getAttribute("alt")).toBe("A colour gradient with a diagonal band");
    const svg = section("svg").locator("img");
    await expect.poll(() => svg.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), POLL).toBe(220);
    expect(await svg.getAttribute("alt")).toBe("An orange circle labelled SVG output");
    await section("png").scrollIntoViewIfNeeded();
    await screenshot(page, "outputs-images");
  });

  it("loads plotly.js on demand into a box of the figure's height", async () => {
    const s = section("plotly");
    await s.scrollIntoViewIfNeeded();
    await expect.poll(() => s.locator(".plot-container").count(), POLL).toBe(1);
    const [box, plot] = await Promise.all([
      s.locator(".plot-container").evaluate((el) => el.parentElement!.parentElement!.getBoundingClientRect().height),
      s.locator(".main-svg").first().evaluate((el) => el.getBoundingClientRect().height),
    ]);
    expect(box).toBe(450);
    expect(plot).toBe(450);
    expect(await s.locator(".trace.bars").count()).toBe(fixture.figure.data.length);
    await screenshot(page, "outputs-plotly");
  });

  it("keeps plotly.js out of the page's initial JavaScript", async () => {
    const html = await (await fetch(`${server.url}/dev/outputs`)).text();
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      const js = await (await fetch(new URL(src, server.url))).text();
      expect(js.includes("plotly_relayout"), src).toBe(false);
    }
  });

  it("shows the stored profile card with the document's numbers and a link to the viewer", async () => {
    const card = section("profile-card");
    await card.scrollIntoViewIfNeeded();
    expect(await card.locator('[data-metric="total-time"]').textContent()).toBe(`${(metric("total_time") * 1e6).toFixed(1)} µs`);
    expect(await card.locator('[data-metric="instructions"]').textContent()).toBe(String(doc.instructions.startNs.length));
    expect(await card.locator('[data-metric="mfu"]').textContent()).toBe(`${metric("mfu_estimated_percent").toFixed(1)}%`);
    expect(await card.locator('[data-metric="mbu"]').textContent()).toBe(`${metric("mbu_estimated_percent").toFixed(1)}%`);
    for (const engine of ENGINE_METRIC_NAMES) {
      const row = card.locator(`[data-engine="${engine}"]`);
      expect(await row.textContent()).toContain(`${metric(`${engine}_engine_active_time_percent`).toFixed(1)}%`);
    }
    expect(await card.textContent()).toContain(doc.insights[0].title);
    expect(await card.getByRole("link", { name: /Open profile/ }).getAttribute("href")).toBe("/profiles/fixture-matmul-tiled");
    expect(await card.getByRole("heading", { level: 3 }).textContent()).toBe("Profile of matmul_tiled on trn2");
    await screenshot(page, "outputs-profile-card");
  });

  it("computes the card from a full profile document, without a link", async () => {
    const card = section("profile-document");
    expect(await card.locator('[data-metric="total-time"]').textContent()).toBe(`${(metric("total_time") * 1e6).toFixed(1)} µs`);
    expect(await card.locator('[data-engine="tensor"]').textContent()).toContain(`${metric("tensor_engine_active_time_percent").toFixed(1)}%`);
    expect(await card.getByRole("link").count()).toBe(0);
  });

  it("renders markdown and LaTeX with KaTeX, JSON, and applies display updates", async () => {
    const md = section("markdown-latex-json");
    await expect.poll(() => md.locator(".katex").count(), POLL).toBe(2);
    expect(await md.locator("strong").first().textContent()).toBe("Markdown");
    expect(await md.textContent()).toContain('"target": "trn2"');
    const updated = section("update-display");
    expect(await updated.textContent()).toContain("100% done (updated)");
    expect(await updated.locator("[data-output-kind]").count()).toBe(1);
  });

  it("shows a note for each malformed output instead of failing", async () => {
    const s = section("malformed");
    expect(await s.getByRole("note").count()).toBe(3);
    expect(await s.textContent()).toContain("Profile (text fallback)");
    await s.scrollIntoViewIfNeeded();
    await screenshot(page, "outputs-malformed");
    await screenshot(page, "outputs-gallery");
  });
});
