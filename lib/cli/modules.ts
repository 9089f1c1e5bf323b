/*
 * The native modules the CLI's interpreter offers besides the standard library: numpy and NKI on
 * the chosen target. `runSource` keeps its Runtime private, so the modules also report the Runtime
 * that imports them: a kernel can only launch after an NKI import, which is all `--profile` needs
 * to find the launch afterwards.
 */

import { NUMPY_MODULES } from "../numpy/python/module";
import { createNkiModules } from "../nki";
import type { NativeModuleDef, Runtime } from "../python";
import type { TargetName } from "../kernel/engine";

export interface EngineModules {
  readonly modules: readonly NativeModuleDef[];
  /** The Runtime that imported NKI, once it has. */
  runtime(): Runtime | undefined;
}

export function engineModules(target: TargetName): EngineModules {
  let seen: Runtime | undefined;
  const nki = createNkiModules({ target }).map(
    (def): NativeModuleDef => ({
      ...def,
      init(mod, rt) {
        seen = rt;
        def.init(mod, rt);
      },
    }),
  );
  return { modules: [...NUMPY_MODULES, ...nki], runtime: () => seen };
}
