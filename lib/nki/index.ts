/** NKI for the Python engine: pass `[...NUMPY_MODULES, ...NKI_MODULES]` as `modules`. */
export { createNkiModules, launchTarget, NKI_MODULES, TARGET_OVERRIDE_ENV, type NkiModuleOptions, type TargetSource } from "./modules";
export { PLOTLY_MIME, PyProfile } from "./profile";
export { targetDescription } from "./kernel-lab-module";
export { lastKernelMachine, NkiKernel, type LaunchHook, type NkiOptions } from "./jit";
export { NkiErrorType } from "./errors";
