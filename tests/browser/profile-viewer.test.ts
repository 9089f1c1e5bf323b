/**
 * The profile viewer in Chromium against the real server: profiles are made by running the fixture
 * kernel with `kernel_lab.profile` in a notebook kernel (stored by the server, replaced by cards), then
 * opened from the card's URL. The document the server serves is the oracle for every number checked.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Download, Page } from "playwright-core";
import { browserAvailable, launchBrowser, screenshot } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";
import { profileCells, storedDocument } from "../unit/profile-viewer/kernel-client";
import { fixtureCell, FIXTURE_SHAPES } from "../../app/dev/profile/fixture";
import type { ProfileCard } from "../../lib/profile/card";
import type { ProfileDocument } from "../../lib/profile/document";

const TOKEN = "profile-viewer-browser-test-token-0123456789";
const LABEL_WIDTH = 150;
const RULER_HEIGHT = 24;
const ROW_HEIGHT = 20;

describe.runIf(browserAvailable)("profile viewer in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let cards: ProfileCard[];
  let docs: ProfileDocument[];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ KERNEL_LAB_TOKEN: TOKEN }), launchBrowser()]);
    const access = { url: server.url, token: TOKEN };
    cards = await profileCells(access, "profiled.ipynb", [fixtureCell(FIXTURE_SHAPES.small, "trn2"), fixtureCell(FIXTURE_SHAPES.small, "trn3")]);
    docs = await Promise.all(cards.map((c) => storedDocument(access, c.profileId!)));
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const timeline = () => page.locator("[data-view-start]").first();
  const view = async () => ({ start: Number(await timeline().getAttribute("data-view-start")), end: Number(await timeline().getAttribute("data-view-end")) });

  /** Page coordinates of the middle of instruction i's bar. */
  async function pointOf(doc: ProfileDocument, i: number): Promise<{ x: number; y: number }> {
    const box = (await page.locator("canvas").first().boundingBox())!;
    const v = await view();
    const rows = (await timeline().getAttribute("data-rows"))!.split("|");
    const mid = (doc.instructions.startNs[i] + doc.instructions.endNs[i]) / 2;
    return {
      x: box.x + LABEL_WIDTH + ((mid - v.start) / (v.end - v.start)) * (box.width - LABEL_WIDTH),
      y: box.y + RULER_HEIGHT + rows.indexOf(doc.tracks[doc.instructions.track[i]]) * ROW_HEIGHT + ROW_HEIGHT / 2,
    };
  }

  it("opens a profile from its notebook output's card and shows the document's summary numbers", async () => {
    const [card] = cards;
    const doc = docs[0];
    expect(card.url).toBe(`/profiles/${card.profileId}`);
    expect(card.instructionCount).toBe(doc.instructions.startNs.length);
    await page.goto(`${server.url}${card.url}`);
    await page.waitForSelector("[data-draw-ms]");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("matmul_exp on trn2");
    const m = doc.metrics;
    for (const engine of ["tensor", "vector", "scalar", "gpsimd", "sync"] as const) {
      expect(Number(await page.locator(`[data-engine=${engine}]`).getAttribute("data-percent"))).toBe(m[`${engine}_engine_active_time_percent`]);
    }
    expect(Number(await page.locator("[data-engine=dma]").getAttribute("data-percent"))).toBe(m.dma_active_time_percent);
    expect(await page.locator("[data-metric=mfu_estimated_percent] dd").textContent()).toBe(`${m.mfu_estimated_percent.toFixed(1)}%`);
    expect(await page.locator("[data-metric=sim_instruction_count] dd").textContent()).toBe(String(doc.instructions.startNs.length));
    const capacity = m.sim_peak_hbm_bandwidth * m.total_time;
    expect(Number(await page.locator('[data-slice="HBM read"]').getAttribute("data-percent"))).toBeCloseTo((100 * m.hbm_read_bytes) / capacity, 9);
    expect(await page.locator("[data-insight]").count()).toBe(doc.insights.length);
    expect(await page.locator("[data-testid=roofline-point]").count()).toBe(m.model_flops > 0 ? 1 : 0);
    await expect.poll(() => page.getByText("What the timing model does not model").count()).toBe(1);
    await screenshot(page, "profile-viewer-summary");
  });

  it("zooms with the wheel and the W key, keeping the time under the cursor", async () => {
    const before = await view();
    const box = (await page.locator("canvas").first().boundingBox())!;
    await page.mouse.move(box.x + LABEL_WIDTH + 200, box.y + 60);
    await page.mouse.wheel(0, -400);
    await expect.poll(async () => (await view()).end - (await view()).start).toBeLessThan((before.end - before.start) * 0.6);
    const zoomed = await view();
    const width = box.width - LABEL_WIDTH;
    const under = (v: { start: number; end: number }) => v.start + (200 / width) * (v.end - v.start);
    expect(under(zoomed)).toBeCloseTo(under(before), 3);
    await timeline().focus();
    await page.keyboard.press("w");
    await expect.poll(async () => (await view()).end - (await view()).start).toBeCloseTo((zoomed.end - zoomed.start) * 0.8, 3);
    await screenshot(page, "profile-viewer-zoomed");
    // The range summary of the visible window counts the instructions overlapping it.
    await page.getByRole("tab", { name: "Range" }).click();
    await page.getByRole("button", { name: "Summarise the visible window" }).click();
    const v = await view();
    const ins = docs[0].instructions;
    const overlapping = ins.startNs.filter((s, i) => !(ins.endNs[i] < v.start || s > v.end || (ins.endNs[i] === v.start && ins.endNs[i] > s))).length;
    await expect.poll(() => page.getByLabel("Selected range summary").textContent()).toContain(`${overlapping} instructions`);
  });

  it("clicking an instruction shows its details and highlights its source line", async () => {
    const doc = docs[0];
    const exp = doc.instructions.opcode.findIndex((o, i) => doc.strings[o] === "activation" && doc.instructions.startNs[i] > 0);
    await page.getByRole("button", { name: "Show the whole kernel" }).click();
    const p = await pointOf(doc, exp);
    await page.mouse.click(p.x, p.y);
    await expect.poll(() => page.locator("[data-instruction]").getAttribute("data-instruction")).toBe(String(exp));
    const line = doc.instructions.line[exp];
    const file = doc.strings[doc.instructions.file[exp]];
    expect(await page.locator("[data-field=source]").textContent()).toBe(`${file}:${line}`);
    expect(await page.locator("[data-active-line]").getAttribute("data-active-line")).toBe(String(line));
    expect(doc.sources.find((s) => s.file === file)!.text.split("\n")[line - 1]).toContain("nl.exp");
    await expect.poll(() => page.locator(".monaco-editor .view-overlays [class*=lineActive]").count()).toBe(1);
    await screenshot(page, "profile-viewer-instruction");
    // → moves to the next instruction on the same track.
    const ins = doc.instructions;
    const later = ins.startNs.map((s, i) => i).filter((i) => ins.track[i] === ins.track[exp] && ins.startNs[i] > ins.startNs[exp]);
    const next = later.reduce((best, i) => (ins.startNs[i] < ins.startNs[best] ? i : best), later[0]);
    await timeline().press("ArrowRight");
    await expect.poll(() => page.locator("[data-instruction]").getAttribute("data-instruction")).toBe(String(next));
  });

  it("clicking a source line highlights all its instructions on the timeline", async () => {
    const doc = docs[0];
    const file = doc.strings[doc.instructions.file[0]];
    const loadLine = doc.sources.find((s) => s.file === file)!.text.split("\n").findIndex((l) => l.includes("b = nl.load")) + 1;
    const expected = doc.instructions.line.filter((l, i) => l === loadLine && doc.strings[doc.instructions.file[i]] === file).length;
    expect(expected).toBeGreaterThan(0);
    await page.locator(".monaco-editor .view-line").nth(loadLine - 1).click();
    await expect.poll(() => timeline().getAttribute("data-emphasized")).toBe(String(expected));
    expect(await page.locator("[data-selected-lines]").getAttribute("data-selected-lines")).toBe(String(loadLine));
    await screenshot(page, "profile-viewer-line");
    await page.getByRole("button", { name: "Clear highlight" }).click();
    await expect.poll(() => timeline().getAttribute("data-emphasized")).toBe("");
  });

  it("filters by opcode and expands the hierarchy", async () => {
    const doc = docs[0];
    await page.getByRole("searchbox").fill("opcode:nc_matmul");
    await expect.poll(() => timeline().getAttribute("data-emphasized")).toBe(String(doc.metrics.matmul_instruction_count));
    await page.getByRole("searchbox").fill("");
    await page.getByRole("tab", { name: "Hierarchy" }).click();
    await page.getByRole("button", { name: "Expand line 11 affine_range iteration 0 of 2" }).click();
    await page.getByRole("button", { name: "line 11 affine_range iteration 0 of 2", exact: true }).click();
    await expect.poll(() => timeline().getAttribute("data-emphasized")).toBe(String(doc.instructions.startNs.length / 2));
    await screenshot(page, "profile-viewer-hierarchy");
  });

  async function downloaded(action: () => Promise<void>): Promise<{ name: string; text: string }> {
    const [download] = (await Promise.all([page.waitForEvent("download", { timeout: 30_000 }), action()])) as [Download, void];
    return { name: download.suggestedFilename(), text: fs.readFileSync((await download.path())!, "utf8") };
  }

  it("exports a Perfetto trace and a CSV that parse, and falls back to a download when Perfetto is unreachable", async () => {
    const doc = docs[0];
    const n = doc.instructions.startNs.length;
    const trace = await downloaded(() => page.getByRole("button", { name: "Perfetto trace" }).click());
    expect(trace.name).toBe("matmul_exp-trn2.perfetto.json");
    const events = (JSON.parse(trace.text) as { traceEvents: { ph: string; args?: { index?: number } }[] }).traceEvents;
    expect(events.filter((e) => e.ph === "X" && e.args?.index !== undefined).length).toBe(n);
    const csv = await downloaded(() => page.getByRole("button", { name: "CSV" }).click());
    const lines = csv.text.split("\r\n").filter((l) => l.length > 0);
    expect(lines[0].startsWith("index,engine,track,opcode")).toBe(true);
    expect(lines.length).toBe(n + 1);
    const fallback = await downloaded(() => page.getByRole("button", { name: "Open in Perfetto" }).click());
    expect(fallback.name).toBe("matmul_exp-trn2.perfetto.json");
    await expect.poll(() => page.getByText("Perfetto could not be reached").count()).toBe(1);
    for (const p of page.context().pages()) if (p !== page) await p.close();
  });

  it("picks trn2 and trn3 profiles and compares them on a shared time axis with metric deltas", async () => {
    const [a, b] = docs;
    await page.goto(`${server.url}/profiles/${cards[0].profileId}`);
    await page.waitForSelector("[data-draw-ms]");
    expect(await page.getByRole("link", { name: "profiled.ipynb" }).getAttribute("href")).toBe("/edit/profiled.ipynb");
    await page.getByRole("link", { name: "Compare with another profile" }).click();
    await page.waitForSelector("select[name=b] option", { state: "attached" });
    expect(await page.locator("select[name=a]").inputValue()).toBe(cards[0].profileId);
    await page.locator("select[name=b]").selectOption(cards[1].profileId!);
    await page.getByRole("button", { name: "Compare" }).click();
    await page.waitForURL(/\/profiles\/compare\?a=.*&b=/);
    await page.waitForSelector("[data-draw-ms]");
    expect(await page.locator("canvas").count()).toBe(2);
    const ends = await page.locator("[data-view-end]").evaluateAll((els) => els.map((e) => e.getAttribute("data-view-end")));
    expect(ends[0]).toBe(ends[1]);
    expect(Number(ends[0])).toBeCloseTo(Math.max(a.metrics.total_time, b.metrics.total_time) * 1e9, 3);
    const row = page.locator('[data-metric="total time"] td');
    expect(await row.nth(0).textContent()).toBe(`${(a.metrics.total_time * 1e6).toFixed(2)} µs`);
    expect(await row.nth(1).textContent()).toBe(`${(b.metrics.total_time * 1e6).toFixed(2)} µs`);
    const speedup = a.metrics.total_time / b.metrics.total_time;
    expect(await page.locator("[data-field=speedup]").textContent()).toContain(`${(speedup >= 1 ? speedup : 1 / speedup).toFixed(2)}×`);
    await screenshot(page, "profile-viewer-compare");
  });

  // Last: it deletes one of the profiles the other tests open.
  it("lists a notebook's profiles, links two to the comparison and deletes one for its owner", async () => {
    await page.goto(`${server.url}/profiles?path=profiled.ipynb`);
    const rows = page.locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(2);
    for (const card of cards) expect(await page.locator(`a[href="/profiles/${card.profileId}"]`).count()).toBe(1);
    await page.getByRole("checkbox").nth(0).check();
    await page.getByRole("checkbox").nth(1).check();
    const compare = await page.getByRole("link", { name: "Compare the two selected" }).getAttribute("href");
    for (const card of cards) expect(compare).toContain(card.profileId);
    await screenshot(page, "profile-list");
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: /^Delete the profile of .* on trn3/ }).click();
    await expect.poll(() => rows.count()).toBe(1);
    const gone = await fetch(`${server.url}/api/lab/profiles/${cards[1].profileId}`, { headers: { authorization: `token ${TOKEN}` } });
    expect(gone.status).toBe(404);
  });

  it("says when a profile does not exist", async () => {
    await page.goto(`${server.url}/profiles/no-such-profile`);
    await expect.poll(() => page.locator("p[role=alert]").textContent()).toContain("does not exist");
  });
});
