/*
 * Creating a ready-to-run interpreter: a Runtime with builtins, the standard library modules and
 * any extra native modules, plus a `__main__` module.
 */

import { builtinValues } from "./builtins";
import { PyModule, typesChanged } from "./objects";
import { Runtime, type NativeModuleDef, type RuntimeOptions } from "./runtime";
import { abcModule } from "./modules/abc";
import { collectionsModule } from "./modules/collections";
import { contextlibModule } from "./modules/contextlib";
import { copyModule } from "./modules/copy";
import { enumModule } from "./modules/enum";
import { dataclassesModule } from "./modules/dataclasses";
import { functoolsModule } from "./modules/functools";
import { bisectModule, heapqModule } from "./modules/heapq";
import { ioModule } from "./modules/io";
import { itertoolsModule } from "./modules/itertools";
import { jsonModule } from "./modules/json";
import { loggingModule } from "./modules/logging";
import { mathModule } from "./modules/math";
import { operatorModule } from "./modules/operator";
import { osModule, osPathModule } from "./modules/os";
import { randomModule } from "./modules/random";
import { sysModule } from "./modules/sys";
import { timeModule } from "./modules/time";
import { typingModule } from "./modules/typing";
import { warningsModule } from "./modules/warnings";

/** The standard library Kernel Lab provides. */
export const stdlibModules: readonly NativeModuleDef[] = [
  sysModule,
  mathModule,
  timeModule,
  randomModule,
  functoolsModule,
  itertoolsModule,
  operatorModule,
  collectionsModule,
  osModule,
  osPathModule,
  typingModule,
  dataclassesModule,
  jsonModule,
  copyModule,
  abcModule,
  warningsModule,
  loggingModule,
  ioModule,
  contextlibModule,
  enumModule,
  heapqModule,
  bisectModule,
];

export function createRuntime(opts: RuntimeOptions): Runtime {
  typesChanged();
  const rt = new Runtime({ ...opts, modules: [...stdlibModules, ...(opts.modules ?? [])] });
  for (const [name, value] of builtinValues()) rt.builtins.set(name, value);
  const builtinsModule = new PyModule("builtins", rt.builtins);
  rt.modules.set("builtins", builtinsModule);
  return rt;
}

/** A fresh `__main__` module registered in the runtime. */
export function createMainModule(rt: Runtime, file: string): PyModule {
  const main = new PyModule("__main__");
  main.scope.set("__file__", file);
  main.scope.set("__doc__", rt.None);
  main.scope.set("__builtins__", rt.modules.get("builtins") as PyModule);
  rt.modules.set("__main__", main);
  return main;
}
