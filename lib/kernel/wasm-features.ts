/**
 * WebAssembly features lib/numpy's kernels use where the runtime has them. Relaxed SIMD gives
 * numpy's float32 exp and tanh their fused multiply-adds on four float32 lanes (lib/numpy/kernels/
 * wasm-instance.ts `fmaKernels`, two to three times faster than the emulation in double lanes);
 * Node 20 ships it behind a flag, which V8 reads when a module is compiled, so setting it before
 * the first numpy kernel runs is enough, in the main thread or a worker.
 */
import { setFlagsFromString } from "node:v8";

export function enableRelaxedSimd(): void {
  setFlagsFromString("--experimental-wasm-relaxed-simd");
}
