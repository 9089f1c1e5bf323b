#!/usr/bin/env node
// `npm start`: install what is missing, prepare the database, build if needed, then serve.
import { spawn } from "node:child_process";
import { ensureBuild, ensureDependencies, ensurePrismaClient, prepareDatabase, root, step } from "./lib/setup.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
try {
  ensureDependencies();
  ensurePrismaClient();
  prepareDatabase();
  ensureBuild();
} catch (error) {
  console.error(`npm start: ${error.message}`);
  process.exit(1);
}

step("Starting Kernel Lab");
const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
