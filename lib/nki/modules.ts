/**
 * The NKI Python modules: `neuronxcc`, `neuronxcc.nki` and its `language`, `isa`, `typing` and
 * `compiler` submodules, plus the same modules under the newer top-level `nki` name. Register with
 * `new Session({ modules: [...NUMPY_MODULES, ...NKI_MODULES] })`, or `createNkiModules({ target })` to
 * pick the simulated target (the host maps NEURON_PLATFORM_TARGET_OVERRIDE / --target onto it).
 */

import { nativeFunction } from "../python/runtime/define";
import * as E from "../python/runtime/errors";
import type { PyModule, PyValue } from "../python/runtime/objects";
import type { NativeModuleDef, Runtime } from "../python/runtime/runtime";
import { benchmark } from "./benchmark";
import { NkiErrorType } from "./errors";
import { initIsa } from "./isa";
import { decorator, simulateKernel, type NkiOptions } from "./jit";
import { initLanguage } from "./language";
import { initTyping } from "./typing";

/** `@nki.compiler.skip_middle_end_transformations`: the simulator has no middle end, so it is the identity. */
function initCompiler(mod: PyModule): void {
  mod.set("skip_middle_end_transformations", nativeFunction("skip_middle_end_transformations", (args: PyValue[]) => {
    if (args.length !== 1) throw E.typeError("skip_middle_end_transformations decorates exactly one function");
    return args[0];
  }));
}

function family(root: string, options: NkiOptions): NativeModuleDef[] {
  const sub = (rt: Runtime, name: string): PyValue => rt.importModule(`${root}.${name}`, true);
  return [
    {
      name: root,
      init(mod, rt) {
        mod.set("jit", decorator("jit", options));
        mod.set("baremetal", decorator("baremetal", options));
        mod.set("simulate_kernel", simulateKernel(options));
        mod.set("benchmark", benchmark(options));
        mod.set("NkiError", NkiErrorType);
        for (const name of ["language", "isa", "typing", "compiler"]) mod.set(name, sub(rt, name));
      },
    },
    { name: `${root}.language`, init: (mod) => initLanguage(mod) },
    { name: `${root}.isa`, init: (mod) => initIsa(mod) },
    { name: `${root}.typing`, init: (mod) => initTyping(mod) },
    { name: `${root}.compiler`, init: (mod) => initCompiler(mod) },
  ];
}

export function createNkiModules(options: NkiOptions = {}): NativeModuleDef[] {
  return [
    { name: "neuronxcc", init(mod, rt) { mod.set("nki", rt.importModule("neuronxcc.nki", true)); } },
    ...family("neuronxcc.nki", options),
    ...family("nki", options),
  ];
}

export const NKI_MODULES: readonly NativeModuleDef[] = createNkiModules();
