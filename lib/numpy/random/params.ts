/**
 * Distribution parameters as numpy's `cont`/`disc` helpers (_common.pyx) take them: one value for
 * every draw, or one value per draw (an array already broadcast to the output by the caller).
 */
import { DTYPES, allocate } from "../dtypes";
import { valueError } from "../errors";

export type Param = number | ArrayLike<number>;

/** The parameter's value for draw `i`. */
export function at(p: Param, i: number): number {
  return typeof p === "number" ? p : p[i];
}

/**
 * numpy's constraint kinds. "poisson" bounds lam so a draw fits in int64 (POISSON_LAM_MAX; the legacy
 * LEGACY_POISSON_LAM_MAX is the same value where C long is 64 bits).
 */
export type Constraint = "nonNegative" | "positive" | "bounded01" | "poisson";

const POISSON_LAM_MAX = 2 ** 63 - Math.sqrt(2 ** 63) * 10;

// Scalars go through check_constraint, arrays through check_array_constraint: the wording differs
// ("is NaN" / "contains NaNs") and so does the order of the two poisson checks.
function checkScalar(v: number, name: string, c: Constraint): void {
  switch (c) {
    case "nonNegative":
      // signbit, so -0.0 is rejected as numpy does
      if (!Number.isNaN(v) && (v < 0 || Object.is(v, -0))) throw valueError(`${name} < 0`);
      return;
    case "positive":
      if (v <= 0) throw valueError(`${name} <= 0`);
      return;
    case "bounded01":
      if (!(v >= 0 && v <= 1)) throw valueError(`${name} < 0, ${name} > 1 or ${name} is NaN`);
      return;
    case "poisson":
      if (!(v >= 0)) throw valueError(`${name} < 0 or ${name} is NaN`);
      if (!(v <= POISSON_LAM_MAX)) throw valueError(`${name} value too large`);
  }
}

function checkArray(p: ArrayLike<number>, name: string, c: Constraint): void {
  const any = (bad: (v: number) => boolean): boolean => Array.prototype.some.call(p, bad);
  if (c === "bounded01") {
    if (any((v) => !(v >= 0 && v <= 1))) throw valueError(`${name} < 0, ${name} > 1 or ${name} contains NaNs`);
  } else if (c === "poisson") {
    if (any((v) => !(v <= POISSON_LAM_MAX))) throw valueError(`${name} value too large`);
    if (any((v) => !(v >= 0))) throw valueError(`${name} < 0 or ${name} contains NaNs`);
  } else {
    for (let i = 0; i < p.length; i++) checkScalar(p[i], name, c);
  }
}

/** Raises numpy's ValueError when a value of `p` breaks constraint `c`. */
export function checkParam(p: Param, name: string, c: Constraint): void {
  if (typeof p === "number") checkScalar(p, name, c);
  else checkArray(p, name, c);
}

/**
 * Storage for n float64 (float32) samples, allocated as any numpy array's is: large ones are
 * resident in the SIMD kernels' memory (kernels/heap.ts), so the ops on them need no staging.
 */
export function doubles(n: number): Float64Array {
  return allocate(DTYPES.float64, n) as Float64Array;
}
export function singles(n: number): Float32Array {
  return allocate(DTYPES.float32, n) as Float32Array;
}

/** n draws of `draw(i)` (a sampler reading its parameters for draw i). */
export function fill(n: number, draw: (i: number) => number): Float64Array {
  const out = doubles(n);
  for (let i = 0; i < n; i++) out[i] = draw(i);
  return out;
}
