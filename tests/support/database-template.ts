/**
 * Vitest global setup: migrates and seeds one SQLite database per test run, so each test server starts
 * from a copy instead of running Prisma's CLI again (seconds per server on a loaded machine).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");

export function setup(): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kernel-lab-db-template-"));
  const file = path.join(dir, "template.db");
  const env = { ...process.env, DATABASE_URL: `file:${file}` };
  for (const args of [["prisma", "migrate", "deploy"], ["tsx", "prisma/seed.ts"]]) {
    const result = spawnSync("npx", args, { cwd: root, env, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`npx ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`);
  }
  process.env.KERNEL_LAB_TEST_DB_TEMPLATE = file;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
