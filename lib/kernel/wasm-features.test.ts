import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";

describe("relaxed SIMD in a kernel's thread", () => {
  it("is enabled at engine start-up, so numpy's fused float32 exp and tanh loops compile and run", async () => {
    const worker = new Worker(new URL("./fixtures/wasm-features-worker.js", import.meta.url));
    const result = await new Promise((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
    await worker.terminate();
    // np.tanh(np.float32(4.0)) in numpy 2.4: 0.9993293 (float32 bits 0x3f7fd40c).
    expect(result).toEqual({ fused: true, tanhOf4: new Float32Array(new Uint32Array([0x3f7fd40c]).buffer)[0] });
  });
});
