#!/usr/bin/env node
// `npm run dev`: the same preparation as `npm start`, then the custom server with Next's hot reload.
import { spawn } from "node:child_process";
import { ensureDependencies, ensurePrismaClient, prepareDatabase, root, step } from "./lib/setup.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
try {
  ensureDependencies();
  ensurePrismaClient();
  prepareDatabase();
} catch (error) {
  console.error(`npm run dev: ${error.message}`);
  process.exit(1);
}
step("Starting Kernel Lab in development mode (hot reload)");
const server = spawn(process.execPath, ["--import", "tsx", "--watch-path=server.ts", "--watch-path=lib/server", "server.ts"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "development" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
