/*
 * The native modules the CLI's interpreter offers besides the standard library: numpy and NKI on
 * the chosen target. `runSource` keeps its Runtime private, so the modules also report the Runtime
 * that imports them (whose source table the exports quote) and every kernel launch, in order.
 */

import { NUMPY_MODULES } from "../numpy/python/module";
import { createNkiModules } from "../nki";
import type { Machine } from "../sim";
import type { Trace } from "../sim/trace";
import type { NativeModuleDef, Runtime } from "../python";
import type { TargetName } from "../kernel/engine";

/** A completed kernel launch, kept as its trace (not its machine, whose memory contents can be large). */
export interface LaunchRecord {
  readonly kernelName: string;
  readonly target: TargetName;
  readonly trace: Trace;
}

export interface EngineModules {
  readonly modules: readonly NativeModuleDef[];
  /** The Runtime that imported NKI, once it has. */
  runtime(): Runtime | undefined;
  /** The kernel launches so far, in launch order (recorded only when `recordLaunches` was asked). */
  readonly launches: readonly LaunchRecord[];
}

export function engineModules(target: TargetName, recordLaunches = false): EngineModules {
  let seen: Runtime | undefined;
  const launches: LaunchRecord[] = [];
  const onLaunch = recordLaunches
    ? (m: Machine, kernelName: string) => {
        launches.push({ kernelName, target: m.target.name, trace: m.trace });
      }
    : undefined;
  const nki = createNkiModules({ target, onLaunch }).map(
    (def): NativeModuleDef => ({
      ...def,
      init(mod, rt) {
        seen = rt;
        def.init(mod, rt);
      },
    }),
  );
  return { modules: [...NUMPY_MODULES, ...nki], runtime: () => seen, launches };
}
