import { describe, expect, it } from "vitest";
import { DEFAULT_KERNEL_LIMITS, Kernel } from "./kernel";
import { prepareWorkerSource } from "./worker-source";

const fakeEngine = new URL("./fixtures/fake-engine.ts", import.meta.url).href;

describe("worker source", () => {
  it("bundles worker and engine into one plain ES module", async () => {
    const source = await prepareWorkerSource(fakeEngine);
    expect(source.bundled).toBe(true);
    expect(source.url.pathname).toMatch(/node_modules\/\.cache\/kernel-lab\/kernel-worker-[0-9a-f]{16}\.mjs$/);
  });

  it("falls back to registering tsx in the worker, which runs the same kernel", async () => {
    const kernel = new Kernel({
      id: "fallback",
      name: "nki",
      target: "trn2",
      engineModule: fakeEngine,
      workerSource: Promise.resolve({ url: new URL("./worker-entry.js", import.meta.url), bundled: false }),
      limits: DEFAULT_KERNEL_LIMITS,
    });
    await kernel.ready;
    expect(kernel.executionState).toBe("idle");
    await kernel.shutdown();
  });
});
