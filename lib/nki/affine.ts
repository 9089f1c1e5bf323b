/**
 * Affine index expressions (`nl.arange`, `nl.mgrid`, loop variables and program ids folded in as
 * constants) and the `mask=` predicates built from them. An expression has a broadcastable shape
 * and value(j) = base + Σ coeffs[k]·j[k]; that is all tensor indexing and masks need, and it maps
 * one-to-one onto a strided view and the sim's affine mask clauses.
 */

import type { MaskClause, MaskCmp } from "../sim";

export interface Affine {
  readonly shape: readonly number[];
  readonly base: number;
  readonly coeffs: readonly number[];
}

export function arange(start: number, stop: number): Affine {
  return { shape: [Math.max(0, stop - start)], base: start, coeffs: [1] };
}

/** Broadcast shape of two expressions (numpy rules, trailing alignment); null if incompatible. */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] | null {
  const n = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    const x = a[k - (n - a.length)] ?? 1;
    const y = b[k - (n - b.length)] ?? 1;
    if (x !== y && x !== 1 && y !== 1) return null;
    out.push(Math.max(x, y));
  }
  return out;
}

/** Coefficients of `e` re-aligned to an `n`-dim broadcast shape. */
function alignCoeffs(e: Affine, n: number): number[] {
  const lead = n - e.coeffs.length;
  return Array.from({ length: n }, (_, k) => (k < lead ? 0 : e.coeffs[k - lead]));
}

export function addAffine(a: Affine, b: Affine, sign: 1 | -1): Affine | null {
  const shape = broadcastShapes(a.shape, b.shape);
  if (!shape) return null;
  const ca = alignCoeffs(a, shape.length);
  const cb = alignCoeffs(b, shape.length);
  return { shape, base: a.base + sign * b.base, coeffs: ca.map((c, k) => c + sign * cb[k]) };
}

export function scaleAffine(a: Affine, c: number): Affine {
  return { shape: a.shape, base: a.base * c, coeffs: a.coeffs.map((x) => x * c) };
}

/** `e[:, None]`-style re-shaping: each item is "keep" (the next dim) or "new" (a size-1 dim). */
export function expandAffine(a: Affine, items: readonly ("keep" | "new")[]): Affine | null {
  const shape: number[] = [];
  const coeffs: number[] = [];
  let src = 0;
  for (const it of items) {
    if (it === "new") {
      shape.push(1);
      coeffs.push(0);
    } else {
      if (src >= a.shape.length) return null;
      shape.push(a.shape[src]);
      coeffs.push(a.coeffs[src]);
      src++;
    }
  }
  for (; src < a.shape.length; src++) {
    shape.push(a.shape[src]);
    coeffs.push(a.coeffs[src]);
  }
  return { shape, base: a.base, coeffs };
}

/** Smallest and largest value the expression takes over its shape. */
export function affineRange(a: Affine): [number, number] {
  let lo = a.base;
  let hi = a.base;
  a.coeffs.forEach((c, k) => {
    const span = c * (a.shape[k] - 1);
    if (span < 0) lo += span;
    else hi += span;
  });
  return [lo, hi];
}

/** `lhs <cmp> rhs` as a sim mask clause over `lhs − rhs`. */
export function compareAffine(lhs: Affine, rhs: Affine, cmp: MaskCmp): MaskClause | null {
  const d = addAffine(lhs, rhs, -1);
  return d ? { offset: d.base, coeffs: d.coeffs, cmp } : null;
}

