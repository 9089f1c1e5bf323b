/**
 * Node's side of lib/numpy's resident arrays (lib/numpy/kernels/heap.ts), whose blocks are freed
 * when the arrays owning them are garbage collected. Between cells that happens by itself; within
 * one long cell a full heap can be reclaimed on the spot only with V8's
 * FinalizationRegistry.prototype.cleanupSome (behind a flag that must be set before a thread's
 * context exists) and a way to force a collection. Without either, arrays past the heap's room live
 * in the JavaScript heap: slower to compute on, never wrong. kernel.ts calls
 * allowFinalizationCleanup before it starts a kernel's thread, and the engine calls
 * installHeapCollector in it.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { setHeapCollector } from "../numpy/kernels/heap";

/** Gives contexts created after this call (those of threads started later) FinalizationRegistry.prototype.cleanupSome. */
export function allowFinalizationCleanup(): void {
  setFlagsFromString("--harmony-weak-refs-with-cleanup-some");
}

/**
 * In a kernel's thread: lets a full resident-array heap force a garbage collection. `gc` comes from
 * a fresh context created after --expose-gc is set; that context is never reachable from user code.
 */
export function installHeapCollector(): void {
  setFlagsFromString("--expose-gc");
  const gc: unknown = runInNewContext("gc");
  if (typeof gc === "function") setHeapCollector(() => void gc());
}
