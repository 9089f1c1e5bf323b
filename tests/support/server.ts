/**
 * Starts the real custom server (production mode) on a free port against a fresh SQLite file, the way
 * `npm start` would — a copy of the migrated, seeded template database. Needs a production build
 * (`npm test` makes one).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface RunningServer {
  url: string;
  /** Everything the server printed so far, stdout and stderr interleaved. */
  logs: () => string;
  stop: () => Promise<void>;
}

const root = path.resolve(import.meta.dirname, "..", "..");

export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  if (!fs.existsSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) {
    throw new Error("no production build: run `npm test` (or `npx next build`) first");
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kernel-lab-server-"));
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: `file:${path.join(dataDir, "test.db")}`,
    PORT: "0",
    ...extraEnv,
  };
  const template = process.env.KERNEL_LAB_TEST_DB_TEMPLATE;
  if (!template) throw new Error("no database template: tests/support/database-template.ts must run as Vitest global setup");
  fs.copyFileSync(template, path.join(dataDir, "test.db"));
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = await waitForReady(child, () => output);
  return {
    url,
    logs: () => output,
    stop: async () => {
      await stopChild(child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function waitForReady(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`server did not start within 60 s:\n${output()}`));
    }, 60_000);
    const check = () => {
      const match = /ready on (http:\/\/localhost:\d+)/.exec(output());
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", check);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${output()}`));
    });
  });
}

/** Stops a child process: SIGTERM, then SIGKILL if it has not exited within 5 s. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 5000).unref();
  });
}
