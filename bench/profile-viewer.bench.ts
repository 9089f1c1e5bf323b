/**
 * The profile viewer at 200 000 instructions, in Chromium against the real production server:
 *  - wire size: the stored profile as GET /api/lab/profiles/<id> sends it gzip-compressed (bytes per
 *    instruction, target ≤ 60);
 *  - load: navigation to the first drawn timeline frame on a cold browser context (target ≤ 1.5 s),
 *    with the fetch, model build and first draw marks;
 *  - frames: wheel zooms and A/D pans, each from the input event to the redrawn frame (target ≤ 50 ms).
 * The profile is made as a student makes one: `kernel_lab.profile` in a notebook kernel.
 *
 *   NEXT_DIST_DIR=.next-<you> npx next build   (once)
 *   NEXT_DIST_DIR=.next-<you> node --import tsx bench/profile-viewer.bench.ts
 */

import http from "node:http";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { setup as databaseTemplate } from "../tests/support/database-template";
import { launchBrowser, screenshot } from "../tests/support/browser";
import { startServer } from "../tests/support/server";
import { profileCells } from "../tests/unit/profile-viewer/kernel-client";
import { fixtureCell, FIXTURE_SHAPES } from "../app/dev/profile/fixture";

const TOKEN = "profile-viewer-bench-token-0123456789abcdef";
const TARGETS = { loadMs: 1500, frameMs: 50, wireBytesPerInstruction: 60 };

/** Raw (still compressed) bytes of a GET with Accept-Encoding: gzip. */
function wireBytes(url: string): Promise<{ status: number; bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { authorization: `token ${TOKEN}`, "accept-encoding": "gzip" } }, (res) => {
        let bytes = 0;
        res.on("data", (chunk: Buffer) => (bytes += chunk.length));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, bytes, encoding: String(res.headers["content-encoding"] ?? "identity") }));
      })
      .on("error", reject);
  });
}

// In-page scripts are strings: tsx would wrap functions with helpers that do not exist in the page.
const MARKS_SCRIPT = `(() => {
  const marks = Object.fromEntries(performance.getEntriesByType("mark").filter((m) => m.name.startsWith("profile:")).map((m) => [m.name, m.startTime]));
  const doc = performance.getEntriesByType("resource").find((r) => r.name.includes("/api/lab/profiles/"));
  if (doc) Object.assign(marks, { "fetch:start": doc.startTime, "fetch:end": doc.responseEnd });
  const nav = performance.getEntriesByType("navigation")[0];
  const scripts = performance.getEntriesByType("resource").filter((r) => r.initiatorType === "script");
  Object.assign(marks, { "html:end": nav.responseEnd, "dom:interactive": nav.domInteractive, "scripts:end": Math.max(0, ...scripts.map((r) => r.responseEnd)) });
  return marks;
})()`;

/** Input event → the frame that shows it, in the page's own clock: 12 wheel zooms, then 12 A/D pans. */
const FRAMES_SCRIPT = `(async () => {
  const container = document.querySelector("[data-frames]");
  const canvas = container.querySelector("canvas");
  const rect = canvas.getBoundingClientRect();
  const nextFrame = (count) => new Promise((resolve) => {
    const poll = () => (Number(container.dataset.frames) > count ? resolve() : requestAnimationFrame(poll));
    poll();
  });
  const zoom = [], pan = [], draw = [];
  for (let k = 0; k < 24; k++) {
    const count = Number(container.dataset.frames);
    const t = performance.now();
    if (k < 12) canvas.dispatchEvent(new WheelEvent("wheel", { deltaY: k < 8 ? -250 : 120, clientX: rect.left + 450 + k * 10, clientY: rect.top + 60, bubbles: true, cancelable: true }));
    else container.dispatchEvent(new KeyboardEvent("keydown", { key: k % 2 ? "a" : "d", bubbles: true }));
    await nextFrame(count);
    (k < 12 ? zoom : pan).push(performance.now() - t);
    draw.push(Number(container.dataset.drawMs));
  }
  return { zoom, pan, draw };
})()`;

const cleanup = databaseTemplate();
console.log(`  load average ${os.loadavg().map((x) => x.toFixed(1)).join(" / ")} on ${os.cpus().length} cores (times scale with it)`);
const server = await startServer({ KERNEL_LAB_TOKEN: TOKEN });
const browser = await launchBrowser();
let ok = true;
const report = (label: string, value: string, pass: boolean | null) => {
  if (pass === false) ok = false;
  console.log(`  ${pass === null ? " " : pass ? "✓" : "✗"} ${label.padEnd(44)} ${value}`);
};
try {
  const t0 = performance.now();
  const [card] = await profileCells({ url: server.url, token: TOKEN }, "bench.ipynb", [fixtureCell(FIXTURE_SHAPES.large, "trn2")], 600_000);
  const n = card.instructionCount;
  report("kernel run + profile + store (server side)", `${((performance.now() - t0) / 1000).toFixed(1)} s for ${n} instructions`, null);
  // The card can reach the client before the server has finished writing the profile row.
  let wire = await wireBytes(`${server.url}/api/lab/profiles/${card.profileId}`);
  for (let tries = 0; wire.status === 404 && tries < 120; tries++) {
    await new Promise((r) => setTimeout(r, 250));
    wire = await wireBytes(`${server.url}/api/lab/profiles/${card.profileId}`);
  }
  if (wire.status !== 200) throw new Error(`GET /api/lab/profiles/${card.profileId} answered ${wire.status}`);
  report("profile stored and served", `${((performance.now() - t0) / 1000).toFixed(1)} s after the cell was sent`, null);
  const tGet = performance.now();
  await wireBytes(`${server.url}/api/lab/profiles/${card.profileId}`);
  report("server answers GET /api/lab/profiles/<id> (Node client)", `${(performance.now() - tGet).toFixed(0)} ms`, null);
  report("wire size (GET /api/lab/profiles/<id>)", `${(wire.bytes / 1e6).toFixed(2)} MB ${wire.encoding} = ${(wire.bytes / n).toFixed(1)} B/instruction`, wire.bytes / n <= TARGETS.wireBytesPerInstruction);

  const loads: number[] = [];
  let marks: Record<string, number> = {};
  for (let run = 0; run < 3; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}${card.url}`);
    await page.waitForSelector("[data-draw-ms]", { timeout: 120_000 });
    marks = (await page.evaluate(MARKS_SCRIPT)) as Record<string, number>;
    loads.push(marks["profile:drawn"]);
    if (run < 2) await context.close();
    else {
      report("load → first timeline frame (cold, best of 3)", `${Math.min(...loads).toFixed(0)} ms (runs: ${loads.map((x) => x.toFixed(0)).join(", ")})`, Math.min(...loads) <= TARGETS.loadMs);
      report("  document download starts (preload)", `${marks["fetch:start"].toFixed(0)} ms`, null);
      report("  HTML received / scripts downloaded", `${marks["html:end"].toFixed(0)} / ${marks["scripts:end"].toFixed(0)} ms`, null);
      report("  page scripts ask for it (after hydration)", `${marks["profile:request"].toFixed(0)} ms`, null);
      report("  document transferred", `${(marks["fetch:end"] - marks["fetch:start"]).toFixed(0)} ms`, null);
      report("  document parsed (JSON), from the later of both", `${(marks["profile:fetched"] - Math.max(marks["fetch:end"], marks["profile:request"])).toFixed(0)} ms`, null);
      report("  model built", `${(marks["profile:model"] - marks["profile:fetched"]).toFixed(0)} ms`, null);
      report("  first frame drawn", `${(marks["profile:drawn"] - marks["profile:model"]).toFixed(0)} ms`, null);
      // Frame times once the page has settled (the source view and summary render after the first frame).
      await page.waitForSelector(".monaco-editor .view-line", { timeout: 60_000 });
      await page.waitForTimeout(1000);
      const frames = (await page.evaluate(FRAMES_SCRIPT)) as { zoom: number[]; pan: number[]; draw: number[] };
      const worst = (xs: number[]) => Math.max(...xs);
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      report("zoom frame (wheel → drawn), median / worst", `${median(frames.zoom).toFixed(1)} / ${worst(frames.zoom).toFixed(1)} ms`, worst(frames.zoom) <= TARGETS.frameMs);
      report("pan frame (A/D → drawn), median / worst", `${median(frames.pan).toFixed(1)} / ${worst(frames.pan).toFixed(1)} ms`, worst(frames.pan) <= TARGETS.frameMs);
      await page.locator("[data-frames]").first().press("0");
      await page.waitForTimeout(300);
      console.log(`  screenshot of the whole kernel: ${await screenshot(page, "profile-viewer-200k")}`);
      report("canvas draw alone, median / worst", `${median(frames.draw).toFixed(1)} / ${worst(frames.draw).toFixed(1)} ms`, null);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
  cleanup();
}
if (!ok) {
  console.log("  some targets were missed");
  process.exitCode = 1;
}
