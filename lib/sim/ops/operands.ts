/** Operand forms shared by the Vector/Scalar/GpSimd instructions. */

import { nkiError } from "../errors";
import type { Machine } from "../machine";
import type { View } from "../memory/tensor";
import { aluOp, reduceIdentity, type AluOp } from "./alu";
import { freeSize, gather, requireTile } from "./common";

/** A compile-time scalar or a per-partition `[P, 1]` vector tile. */
export type ScalarOrVector = number | View;

export type EngineChoice = "vector" | "scalar" | "gpsimd" | "tensor" | "unknown";

export type ReduceCmd = "idle" | "reset" | "reset_reduce" | "reduce";

export function requireOp(m: Machine, name: string, instr: string): AluOp {
  const op = aluOp(name);
  if (!op) nkiError("err_unsupported_dtype", `${instr}: unsupported operator '${name}'`, m.location);
  return op;
}

const NO_VALUES = new Float64Array(0);

/**
 * Per-partition values of a scalar-or-vector operand (empty in timing-only mode, after the checks). A
 * scalar is an fp32 immediate, or for a bitvec operator (`bits`) an integer taken exactly (0x7FFFFFFF
 * must keep its bits).
 */
export function perPartition(m: Machine, x: ScalarOrVector, parts: number, instr: string, what: string, bits = false): Float64Array {
  if (typeof x === "number") return m.functional ? new Float64Array(parts).fill(bits ? x : Math.fround(x)) : NO_VALUES;
  requireTile(m, x, what, instr);
  if (x.shape[0] !== parts || freeSize(x) !== 1) {
    nkiError(
      "err_shape_mismatch",
      `${instr}: ${what} must be a scalar or a [${parts}, 1] tile, got (${x.shape.join(", ")})`,
      m.location,
    );
  }
  if (!m.functional) return NO_VALUES;
  return gather(x).subarray(0, parts);
}

export function isView(x: ScalarOrVector | null | undefined): x is View {
  return typeof x === "object" && x !== null;
}

/**
 * Applies reduce_cmd to an engine's accumulators; `values` holds per-partition reductions of this
 * instruction. Resets go to `resetValue`: the operator's identity on VectorE (−inf for max), zero on
 * ScalarE ("reset the accumulators to zero" [ISA226 activation]).
 */
export function updateAccumulators(
  acc: Float64Array, cmd: ReduceCmd, op: AluOp, values: Float64Array | null, resetValue = reduceIdentity(op),
): void {
  const parts = values ? values.length : acc.length;
  if (cmd === "reset" || cmd === "reset_reduce") acc.fill(resetValue, 0, parts);
  if ((cmd === "reduce" || cmd === "reset_reduce") && values) {
    for (let p = 0; p < parts; p++) acc[p] = op.apply(acc[p], values[p]);
  }
}
