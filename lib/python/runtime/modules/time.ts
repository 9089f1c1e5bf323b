/*
 * time: clocks and a sleep that does not block the worker (it only checks limits).
 */

import { nativeFunction } from "../define";
import * as E from "../errors";
import { PyFloat, type PyValue } from "../objects";
import type { NativeModuleDef } from "../runtime";
import { asFloat } from "../types/numbers";

const nowMs = (): number => (typeof performance !== "undefined" ? performance.now() : Date.now());

export const timeModule: NativeModuleDef = {
  name: "time",
  init(mod, rt) {
    const origin = nowMs();
    mod.set("time", nativeFunction("time", () => new PyFloat(Date.now() / 1000)));
    mod.set("time_ns", nativeFunction("time_ns", () => BigInt(Date.now()) * 1_000_000n));
    for (const name of ["perf_counter", "monotonic", "process_time"]) {
      mod.set(name, nativeFunction(name, () => new PyFloat((nowMs() - origin) / 1000)));
    }
    for (const name of ["perf_counter_ns", "monotonic_ns"]) {
      mod.set(name, nativeFunction(name, () => BigInt(Math.round((nowMs() - origin) * 1e6))));
    }
    mod.set(
      "sleep",
      nativeFunction("sleep", (args: PyValue[]) => {
        const s = asFloat(args[0] ?? 0);
        if (s === undefined) throw E.typeError("'" + "sleep" + "' argument must be a real number");
        if (s < 0) throw E.valueError("sleep length must be non-negative");
        rt.tick();
        return rt.None;
      }),
    );
  },
};
