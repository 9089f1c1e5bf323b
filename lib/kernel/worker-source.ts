/*
 * Where kernel workers get their code. Starting a worker through tsx costs ~0.5 s and a loader
 * thread per worker (tsx's module hooks), too slow and heavy for dozens of kernels. So, once per
 * process and engine, the worker and its engine are bundled into one ES module with esbuild (which
 * tsx itself runs on) and written to the project's node_modules/.cache (not a shared temp directory,
 * where another user could plant a file under the name we would load); workers then load plain
 * JavaScript. If bundling is unavailable, workers fall back to registering tsx themselves
 * (./worker-entry.js).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export interface WorkerSource {
  url: URL;
  /** True when `url` is a self-contained bundle (the engine is inside it). */
  bundled: boolean;
}

const FALLBACK: WorkerSource = { url: new URL("./worker-entry.js", import.meta.url), bundled: false };

interface EsbuildApi {
  build(options: Record<string, unknown>): Promise<{ outputFiles?: { text: string }[] }>;
}

/** Bundle worker + engine; resolves to the fallback (never rejects) when esbuild cannot be used. */
export async function prepareWorkerSource(engineModule: string): Promise<WorkerSource> {
  let esbuild: EsbuildApi;
  try {
    // A variable specifier keeps bundlers (Next's) from trying to include esbuild in the app.
    const name = "esbuild";
    esbuild = (await import(name)) as EsbuildApi;
  } catch {
    return FALLBACK;
  }
  try {
    const workerPath = fileURLToPath(new URL("./worker.ts", import.meta.url));
    const enginePath = fileURLToPath(engineModule);
    const contents =
      `import { runWorker } from ${JSON.stringify(workerPath)};\n` +
      `import { createEngine } from ${JSON.stringify(enginePath)};\n` +
      `void runWorker(async () => createEngine);\n`;
    const result = await esbuild.build({
      stdin: { contents, resolveDir: fileURLToPath(new URL(".", import.meta.url)), loader: "ts", sourcefile: "kernel-worker.ts" },
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      write: false,
      sourcemap: false,
      logLevel: "silent",
    });
    const text = result.outputFiles?.[0]?.text;
    if (!text) return FALLBACK;
    const cacheDir = fileURLToPath(new URL("../../node_modules/.cache/kernel-lab/", import.meta.url));
    mkdirSync(cacheDir, { recursive: true });
    const file = join(cacheDir, `kernel-worker-${createHash("sha256").update(text).digest("hex").slice(0, 16)}.mjs`);
    if (!existsSync(file)) {
      // Write-then-rename, so a concurrent process never loads a half-written bundle.
      const partial = `${file}.${process.pid}.tmp`;
      writeFileSync(partial, text);
      renameSync(partial, file);
    }
    return { url: pathToFileURL(file), bundled: true };
  } catch {
    return FALLBACK;
  }
}
