/**
 * Legacy `mask=` predicates [SHARED226]: a conjunction (`&`) of comparisons of affine expressions of
 * the instruction's index dims. Loop variables and program ids are known when the instruction runs,
 * so each clause is `offset + Σ coeffs[k]·i_k  <cmp>  0` over the iteration shape.
 */

export type MaskCmp = "less" | "less_equal" | "greater" | "greater_equal" | "equal" | "not_equal";

export interface MaskClause {
  readonly offset: number;
  /** One coefficient per iteration dim (outermost first; missing trailing ones are 0). */
  readonly coeffs: readonly number[];
  readonly cmp: MaskCmp;
}

function holds(cmp: MaskCmp, v: number): boolean {
  switch (cmp) {
    case "less":
      return v < 0;
    case "less_equal":
      return v <= 0;
    case "greater":
      return v > 0;
    case "greater_equal":
      return v >= 0;
    case "equal":
      return v === 0;
    case "not_equal":
      return v !== 0;
  }
}

/** The element predicate (C order over `shape`) of a conjunction of affine clauses. */
export function affineMask(shape: readonly number[], clauses: readonly MaskClause[]): Uint8Array {
  const n = shape.reduce((a, b) => a * b, 1);
  const out = new Uint8Array(n);
  const nd = shape.length;
  const idx = new Array<number>(nd).fill(0);
  for (let i = 0; i < n; i++) {
    let ok = 1;
    for (const c of clauses) {
      let v = c.offset;
      for (let k = 0; k < nd; k++) v += (c.coeffs[k] ?? 0) * idx[k];
      if (!holds(c.cmp, v)) {
        ok = 0;
        break;
      }
    }
    out[i] = ok;
    for (let k = nd - 1; k >= 0; k--) {
      if (++idx[k] < shape[k]) break;
      idx[k] = 0;
    }
  }
  return out;
}
