/**
 * Headless Chromium for browser tests: Debian's package at /usr/bin/chromium (or CHROMIUM_PATH), driven
 * by playwright-core. Under CI=true a missing browser is a failure; elsewhere the suite is skipped with a
 * loud warning, never silently.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const browserAvailable = fs.existsSync(chromiumPath);

if (!browserAvailable) {
  const message = `Chromium not found at ${chromiumPath}: install it with \`apt-get install -y chromium\``;
  if (process.env.CI === "true") throw new Error(`${message} (browser tests are required in CI)`);
  console.warn(`\n⚠ SKIPPING BROWSER TESTS — ${message}\n`);
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
}

const screenshotDir = path.resolve(import.meta.dirname, "..", "browser", "screenshots");

/** Saves a full-page screenshot under tests/browser/screenshots (git-ignored) for people to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
