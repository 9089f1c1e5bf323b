/**
 * The kernel run an interpreter is currently tracing: one sim `Machine` per launch, the SPMD grid and
 * the current instance's coordinates. Kept per Runtime (never in a TS global) so interpreters are
 * independent; NKI calls made while no kernel runs raise err_nki_api_outside_of_nki_kernel.
 */

import type { Buffer, Machine } from "../sim";
import type { Runtime } from "../python/runtime/runtime";
import { None } from "../python/runtime/objects";
import { nkiGuard, pyNkiError } from "./errors";

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
  /** The engine's packed location last given to the machine (-1: none yet). */
  location: number;
}

const runs = new WeakMap<Runtime, KernelRun>();

/** The running kernel, if any, with the machine's source location moved to the calling line. */
export function activeRun(rt: Runtime): KernelRun | undefined {
  const r = runs.get(rt);
  if (r) locate(rt, r);
  return r;
}

/**
 * The running kernel for an NKI API call, with the machine's source location set to the Python line
 * making the call (inside helper functions and loops too), so the instructions it records and the
 * diagnostics it raises name that line.
 */
export function requireRun(rt: Runtime, api: string): KernelRun {
  const r = runs.get(rt);
  if (!r) throw pyNkiError("err_nki_api_outside_of_nki_kernel", `${api} can only be called inside an @nki.jit kernel`);
  locate(rt, r);
  return r;
}

function locate(rt: Runtime, r: KernelRun): void {
  const packed = rt.lines[rt.depth];
  if (packed === r.location) return;
  r.location = packed;
  const here = rt.currentLocation();
  // Moving to another line issues a deferred instruction of the previous one (its errors are NKI errors).
  nkiGuard(() => {
    r.m.setLocation(here.file, here.line);
    return None;
  });
}

export function withRun<T>(rt: Runtime, run: KernelRun, fn: () => T): T {
  runs.set(rt, run);
  try {
    return fn();
  } finally {
    runs.delete(rt);
  }
}
