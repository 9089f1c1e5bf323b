import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { browserAvailable, launchBrowser, screenshot } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";

describe.runIf(browserAvailable)("tutorial catalogue in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("lists the tutorials on the home page", async () => {
    await page.goto(server.url);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent(), { timeout: 15_000 }).toBe("Tutorials");
    const cards = page.getByRole("list", { name: "Tutorial notebooks" }).getByRole("listitem");
    expect(await cards.count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, "home");
  });

  it("opens a notebook and shows its rendered markdown and highlighted code", async () => {
    await page.getByRole("link", { name: /Welcome to Kernel Lab/ }).click();
    await page.waitForURL(/\/notebooks\/01-welcome-to-kernel-lab\.ipynb$/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Welcome to Kernel Lab");
    expect(await page.locator(".cell-markdown table").count()).toBe(1);
    expect(await page.locator(".katex").count()).toBeGreaterThan(0);
    expect(await page.locator(".cell-code .hljs-keyword").first().textContent()).toBe("import");
    expect(await page.title()).toBe("Welcome to Kernel Lab · Kernel Lab");
    expect(await page.getByRole("button", { name: "Open my copy: Welcome to Kernel Lab" }).isVisible()).toBe(true);
    await screenshot(page, "notebook");
  });

  it("shows a not-found page for an unknown notebook", async () => {
    const response = await page.goto(`${server.url}/notebooks/missing.ipynb`);
    expect(response?.status()).toBe(404);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Not found");
  });
});
