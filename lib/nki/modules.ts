/**
 * The NKI Python modules: `neuronxcc`, `neuronxcc.nki` and its `language`, `isa`, `typing` and
 * `compiler` submodules, the same modules under the newer top-level `nki` name, and Kernel Lab's own
 * `kernel_lab` profiling module. Register with `new Session({ modules: [...NUMPY_MODULES, ...NKI_MODULES] })`,
 * or `createNkiModules({ target })` to pick the simulated target.
 *
 * The target is read at every kernel launch, not at import: a host whose target changes while the
 * interpreter lives (the notebook kernel's `%target`) passes a function. Host code can still override
 * it the way real NKI is configured, with `os.environ["NEURON_PLATFORM_TARGET_OVERRIDE"]`, whenever the
 * interpreter offers an `os` module.
 */

import { resolveTarget, DEFAULT_TARGET, type TargetName } from "../sim/targets";
import { nativeFunction } from "../python/runtime/define";
import * as E from "../python/runtime/errors";
import { PyModule, type PyValue } from "../python/runtime/objects";
import type { NativeModuleDef, Runtime } from "../python/runtime/runtime";
import { benchmark } from "./benchmark";
import { NkiErrorType } from "./errors";
import { initIsa } from "./isa";
import { decorator, simulateKernel, type LaunchHook, type NkiOptions } from "./jit";
import { initKernelLab } from "./kernel-lab-module";
import { initLanguage } from "./language";
import { legacyProfile } from "./profile";
import { initTyping } from "./typing";

/** A fixed target, or the host's current one, asked at each launch. */
export type TargetSource = TargetName | (() => TargetName);

export interface NkiModuleOptions {
  readonly target?: TargetSource;
  /** Told about every completed kernel launch (e.g. so the CLI can export each one's profile). */
  readonly onLaunch?: LaunchHook;
}

export const TARGET_OVERRIDE_ENV = "NEURON_PLATFORM_TARGET_OVERRIDE";

/** `os.environ[NEURON_PLATFORM_TARGET_OVERRIDE]` if host code has set it, resolved like real NKI's spellings. */
function environTarget(rt: Runtime): TargetName | undefined {
  const os = rt.modules.get("os");
  const environ = os instanceof PyModule ? os.scope.get("environ") : undefined;
  if (environ === undefined || !rt.contains(environ, TARGET_OVERRIDE_ENV)) return undefined;
  const value = rt.getitem(environ, TARGET_OVERRIDE_ENV);
  if (typeof value !== "string") throw E.typeError(`os.environ['${TARGET_OVERRIDE_ENV}'] must be a str`);
  if (value.trim() === "") return undefined;
  try {
    return resolveTarget(value).name;
  } catch (e) {
    throw E.valueError(`${TARGET_OVERRIDE_ENV}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The target a kernel launched now in `rt` runs on: the environment override, else the host's. */
export function launchTarget(rt: Runtime, source: TargetSource | undefined): TargetName {
  return environTarget(rt) ?? (typeof source === "function" ? source() : (source ?? DEFAULT_TARGET));
}

/** Options whose `target` is re-read at every launch (jit reads `options.target` when a kernel starts). */
function liveOptions(rt: Runtime, options: NkiModuleOptions): NkiOptions {
  return {
    get target(): TargetName {
      return launchTarget(rt, options.target);
    },
    onLaunch: options.onLaunch,
  };
}

/** `@nki.compiler.skip_middle_end_transformations`: the simulator has no middle end, so it is the identity. */
function initCompiler(mod: PyModule): void {
  mod.set("skip_middle_end_transformations", nativeFunction("skip_middle_end_transformations", (args: PyValue[]) => {
    if (args.length !== 1) throw E.typeError("skip_middle_end_transformations decorates exactly one function");
    return args[0];
  }));
}

function family(root: string, source: NkiModuleOptions): NativeModuleDef[] {
  const sub = (rt: Runtime, name: string): PyValue => rt.importModule(`${root}.${name}`, true);
  return [
    {
      name: root,
      init(mod, rt) {
        const options = liveOptions(rt, source);
        mod.set("jit", decorator("jit", options));
        mod.set("baremetal", decorator("baremetal", options));
        mod.set("simulate_kernel", simulateKernel(options));
        mod.set("benchmark", benchmark(options));
        mod.set("profile", legacyProfile(options));
        mod.set("NkiError", NkiErrorType);
        for (const name of ["language", "isa", "typing", "compiler"]) mod.set(name, sub(rt, name));
      },
    },
    { name: `${root}.language`, init: (mod) => initLanguage(mod) },
    { name: `${root}.isa`, init: (mod, rt) => initIsa(mod, liveOptions(rt, source)) },
    { name: `${root}.typing`, init: (mod) => initTyping(mod) },
    { name: `${root}.compiler`, init: (mod) => initCompiler(mod) },
  ];
}

export function createNkiModules(options: NkiModuleOptions = {}): NativeModuleDef[] {
  return [
    { name: "neuronxcc", init(mod, rt) { mod.set("nki", rt.importModule("neuronxcc.nki", true)); } },
    ...family("neuronxcc.nki", options),
    ...family("nki", options),
    { name: "kernel_lab", init: (mod, rt) => initKernelLab(mod, liveOptions(rt, options)) },
  ];
}

export const NKI_MODULES: readonly NativeModuleDef[] = createNkiModules();
