/** NKI for the Python engine: pass `[...NUMPY_MODULES, ...NKI_MODULES]` as `modules`. */
export { createNkiModules, NKI_MODULES } from "./modules";
export { lastKernelMachine, type NkiOptions } from "./jit";
export { NkiErrorType } from "./errors";
