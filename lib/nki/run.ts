/**
 * The kernel run an interpreter is currently tracing: one sim `Machine` per launch, the SPMD grid and
 * the current instance's coordinates. Kept per Runtime (never in a TS global) so interpreters are
 * independent; NKI calls made while no kernel runs raise err_nki_api_outside_of_nki_kernel.
 */

import type { Buffer, Machine } from "../sim";
import type { Runtime } from "../python/runtime/runtime";
import { pyNkiError } from "./errors";

export interface KernelRun {
  readonly m: Machine;
  readonly grid: readonly number[];
  /** The running SPMD instance's position in the grid. */
  coords: number[];
  /** `nl.shared_hbm` tensors by creation order: every instance's k-th one is the same tensor. */
  readonly sharedHbm: Buffer[];
  sharedCreated: number;
  /** Loops begun and not yet ended (a `break` leaves one open until the instance ends). */
  openLoops: number;
}

const runs = new WeakMap<Runtime, KernelRun>();

export function activeRun(rt: Runtime): KernelRun | undefined {
  return runs.get(rt);
}

export function requireRun(rt: Runtime, api: string): KernelRun {
  const r = runs.get(rt);
  if (!r) throw pyNkiError("err_nki_api_outside_of_nki_kernel", `${api} can only be called inside an @nki.jit kernel`);
  return r;
}

export function withRun<T>(rt: Runtime, run: KernelRun, fn: () => T): T {
  runs.set(rt, run);
  try {
    return fn();
  } finally {
    runs.delete(rt);
  }
}
