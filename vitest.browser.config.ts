import { defineConfig } from "vitest/config";

// Browser tests drive Debian's Chromium with playwright-core against the real server; `npm test` runs them
// after the unit and integration suites (they need the production build).
export default defineConfig({
  test: {
    include: ["tests/browser/**/*.test.ts"],
    globalSetup: ["tests/support/database-template.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
