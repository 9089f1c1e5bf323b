import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { allowFinalizationCleanup } from "./heap-collection";

const fixture = new URL("./fixtures/heap-collection-worker.js", import.meta.url);

describe("resident numpy arrays in a kernel's thread", () => {
  it("are reclaimed within one synchronous run once the kernel side has allowed cleanup (200 x 4 MiB through a 256 MiB heap: well over its 63 stay resident)", async () => {
    allowFinalizationCleanup();
    const worker = new Worker(fixture);
    const result = await new Promise((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
    await worker.terminate();
    // Without reclaiming, the heap holds 63 such arrays. A slow collection (a loaded machine) can
    // make the collector back off for a while (heap.ts), so not every result need be resident.
    expect(result).toMatchObject({ cleanupSome: "function", wrong: 0 });
    expect((result as { resident: number }).resident).toBeGreaterThan(120);
  });
});
