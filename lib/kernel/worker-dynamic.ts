/*
 * The worker's entry when it runs through tsx (./worker-entry.js) instead of a prebuilt bundle:
 * the engine module named in workerData is imported at run time.
 */
import { workerData } from "node:worker_threads";
import type { CreateEngine } from "./engine";
import { runWorker } from "./worker";
import type { WorkerConfig } from "./worker-protocol";

const { engineModule } = workerData as WorkerConfig;

void runWorker(async () => {
  const mod = (await import(engineModule)) as { createEngine?: CreateEngine };
  if (typeof mod.createEngine !== "function") throw new Error(`${engineModule} does not export createEngine`);
  return mod.createEngine;
});
