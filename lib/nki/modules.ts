/**
 * The NKI Python modules: `neuronxcc`, `neuronxcc.nki`, `neuronxcc.nki.language`. Register with
 * `new Session({ modules: [...NUMPY_MODULES, ...NKI_MODULES] })`, or `createNkiModules({ target })` to
 * pick the simulated target (the host maps NEURON_PLATFORM_TARGET_OVERRIDE / --target onto it).
 */

import type { NativeModuleDef } from "../python/runtime/runtime";
import { NkiErrorType } from "./errors";
import { decorator, simulateKernel, type NkiOptions } from "./jit";
import { initLanguage } from "./language";

export function createNkiModules(options: NkiOptions = {}): NativeModuleDef[] {
  return [
    { name: "neuronxcc", init(mod, rt) { mod.set("nki", rt.importModule("neuronxcc.nki", true)); } },
    {
      name: "neuronxcc.nki",
      init(mod, rt) {
        mod.set("jit", decorator("jit", options));
        mod.set("baremetal", decorator("baremetal", options));
        mod.set("simulate_kernel", simulateKernel(options));
        mod.set("NkiError", NkiErrorType);
        mod.set("language", rt.importModule("neuronxcc.nki.language", true));
      },
    },
    { name: "neuronxcc.nki.language", init: (mod) => initLanguage(mod) },
  ];
}

export const NKI_MODULES: readonly NativeModuleDef[] = createNkiModules();
