/**
 * One pass over a timed trace collecting the per-instruction facts that metrics, insights and exports
 * share (bytes per memory, partitions, dtypes, tile lifetimes), so each rule does not walk operands.
 * Operand shapes come from the costing pass (CostedTrace.operandSummary); only non-allocating trace
 * accessors are used here.
 */

import type { TimedTrace } from "../sim/timing";
import { Access, Engine, InstrFlag } from "../sim/trace/types";
import { OPERAND_FP32_INPUT, OPERAND_READS_PSUM, OPERAND_WRITES_SBUF } from "../sim/timing/operand-features";

export interface InstructionFacts {
  readonly length: number;
  readonly hbmRead: Float64Array;
  readonly hbmWrite: Float64Array;
  readonly sbufRead: Float64Array;
  readonly sbufWrite: Float64Array;
  readonly psumRead: Float64Array;
  readonly psumWrite: Float64Array;
  /** Partitions of the main on-chip operand (0 when none). */
  readonly partitions: Uint8Array;
  /** Elements per partition of the main operand. */
  readonly elements: Float64Array;
  /** Largest innermost stride (bytes) of an on-chip operand. */
  readonly innerStrideBytes: Float32Array;
  /** Bit set: see FACT_* below. */
  readonly bits: Uint8Array;
  /** Tile lifetimes (first access start, last access end) per tensor id; NaN when never touched. */
  readonly tensorFirstNs: Float64Array;
  readonly tensorLastNs: Float64Array;
}

export const FACT_FP32_MATMUL = 1;
export const FACT_TRANSPOSE = 2;
export const FACT_READS_PSUM = 4;
export const FACT_WRITES_SBUF = 8;
export const FACT_MATMUL = 16;

export function collectFacts(timed: TimedTrace): InstructionFacts {
  const { trace, timeline } = timed;
  const summary = timed.costed.operandSummary;
  const n = trace.length;
  const f = {
    length: n,
    hbmRead: new Float64Array(n),
    hbmWrite: new Float64Array(n),
    sbufRead: new Float64Array(n),
    sbufWrite: new Float64Array(n),
    psumRead: new Float64Array(n),
    psumWrite: new Float64Array(n),
    partitions: summary.partitions,
    elements: summary.elements,
    innerStrideBytes: summary.innerStrideBytes,
    bits: new Uint8Array(n),
    tensorFirstNs: new Float64Array(trace.tensorCount).fill(NaN),
    tensorLastNs: new Float64Array(trace.tensorCount).fill(NaN),
  };
  // Indexed by Memory code (Hbm 0, Sbuf 1, Psum 2).
  const readBytes = [f.hbmRead, f.sbufRead, f.psumRead];
  const writeBytes = [f.hbmWrite, f.sbufWrite, f.psumWrite];
  for (let i = 0; i < n; i++) {
    const s = timeline.startNs[i];
    const e = timeline.endNs[i];
    for (let k = 0, m = trace.operandCount(i); k < m; k++) {
      const access = trace.operandAccess(i, k);
      const memory = trace.operandMemory(i, k);
      const bytes = trace.operandBytes(i, k);
      if ((access & Access.Read) !== 0) readBytes[memory][i] += bytes;
      if ((access & Access.Write) !== 0) writeBytes[memory][i] += bytes;
      const t = trace.operandTensor(i, k);
      if (t >= f.tensorFirstNs.length) continue;
      if (!(f.tensorFirstNs[t] <= s)) f.tensorFirstNs[t] = s;
      if (!(f.tensorLastNs[t] >= e)) f.tensorLastNs[t] = e;
    }
    const ob = summary.bits[i];
    let bits = 0;
    if ((ob & OPERAND_READS_PSUM) !== 0) bits |= FACT_READS_PSUM;
    if ((ob & OPERAND_WRITES_SBUF) !== 0) bits |= FACT_WRITES_SBUF;
    if (trace.engine(i) === Engine.Tensor) {
      const transpose = (trace.flags(i) & InstrFlag.Transpose) !== 0 || trace.opcode(i) === "nc_transpose";
      bits |= transpose ? FACT_TRANSPOSE : FACT_MATMUL;
      if ((ob & OPERAND_FP32_INPUT) !== 0) bits |= FACT_FP32_MATMUL;
    }
    f.bits[i] = bits;
  }
  return f;
}
