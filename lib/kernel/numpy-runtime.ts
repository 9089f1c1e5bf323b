/**
 * What a Node host sets up before user code uses lib/numpy (the kernel engine and `kernel-lab
 * run` alike): uninitialised memory for results the SIMD loops overwrite whole
 * (lib/numpy/kernels/uninitialised.ts), a forced collection to reclaim resident arrays within a
 * long run (heap-collection.ts; it also needs V8's cleanupSome flag at start-up, which kernel.ts
 * and bin/kernel-lab give), and relaxed SIMD for the fused float32 exp/tanh loops (wasm-features.ts).
 */
import { setUninitialisedAllocator } from "../numpy/kernels/uninitialised";
import { installHeapCollector } from "./heap-collection";
import { enableRelaxedSimd } from "./wasm-features";

export function prepareNumpyRuntime(): void {
  setUninitialisedAllocator((bytes) => Buffer.allocUnsafeSlow(bytes).buffer as ArrayBuffer);
  installHeapCollector();
  enableRelaxedSimd();
}
