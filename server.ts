/**
 * Entry point of Kernel Lab's server: `node --import tsx server.ts` (`npm start` runs it after preparing
 * the database and the build). Settings come from the environment; see README "Quick start".
 */
import { KernelManager } from "./lib/kernel/manager";
import { startKernelLabServer } from "./lib/server/kernel-lab-server";
import { PROFILE_CAPTURING_ENGINE } from "./lib/server/profile-capture/engine-module";
import { logLine } from "./lib/server/request-log";

function intSetting(name: string, fallback: number, min: number, max: number): number {
  const value = process.env[name];
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`${name} must be an integer from ${min} to ${max}, got "${value}"`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const kernels = new KernelManager({
    maxKernels: intSetting("KERNEL_LAB_MAX_KERNELS", 64, 1, 10_000),
    cullIdleMs: intSetting("KERNEL_LAB_CULL_IDLE_MINUTES", 60, 0, 7 * 24 * 60) * 60_000,
    // Profiles the kernels emit are stored by the server and replaced by cards inside the worker.
    engineModule: PROFILE_CAPTURING_ENGINE,
  });
  const dev = process.env.NODE_ENV !== "production";
  const server = await startKernelLabServer({
    dev,
    port: intSetting("PORT", 3000, 0, 65535),
    host: process.env.HOST || undefined,
    kernels,
  });
  console.log(`Kernel Lab ${dev ? "(development) " : ""}ready on ${server.url}`);
  console.log(`Jupyter clients connect with the token: ${server.url}/?token=${server.token}`);

  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(0), 5000).unref();
    server.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main().catch((error: unknown) => {
  logLine("error", null, `server failed to start: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  process.exit(1);
});
