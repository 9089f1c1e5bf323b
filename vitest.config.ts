import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["lib/**/*.test.ts", "tests/**/*.test.ts"],
    exclude: ["node_modules/**", "tests/browser/**"],
    globalSetup: ["tests/support/database-template.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
