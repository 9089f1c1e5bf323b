/**
 * One pass over a timed trace collecting the per-instruction facts that metrics, insights and exports
 * share (bytes per memory, partitions, dtypes, tile lifetimes), so each rule does not walk operands.
 */

import type { TimedTrace } from "../sim/timing";
import { dtypeByCode } from "../sim/dtypes";
import { Access, Engine, InstrFlag, Memory } from "../sim/trace/types";

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
  readonly innerStrideBytes: Float64Array;
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

function elementsOf(pattern: readonly number[]): number {
  let n = 1;
  for (let k = 1; k < pattern.length; k += 2) n *= pattern[k];
  return n;
}

export function collectFacts(timed: TimedTrace): InstructionFacts {
  const { trace, timeline } = timed;
  const n = trace.length;
  const f = {
    length: n,
    hbmRead: new Float64Array(n),
    hbmWrite: new Float64Array(n),
    sbufRead: new Float64Array(n),
    sbufWrite: new Float64Array(n),
    psumRead: new Float64Array(n),
    psumWrite: new Float64Array(n),
    partitions: new Uint8Array(n),
    elements: new Float64Array(n),
    innerStrideBytes: new Float64Array(n),
    bits: new Uint8Array(n),
    tensorFirstNs: new Float64Array(trace.tensorCount).fill(NaN),
    tensorLastNs: new Float64Array(trace.tensorCount).fill(NaN),
  };
  for (let i = 0; i < n; i++) {
    f.hbmRead[i] = trace.bytes(i, Memory.Hbm, Access.Read);
    f.hbmWrite[i] = trace.bytes(i, Memory.Hbm, Access.Write);
    f.sbufRead[i] = trace.bytes(i, Memory.Sbuf, Access.Read);
    f.sbufWrite[i] = trace.bytes(i, Memory.Sbuf, Access.Write);
    f.psumRead[i] = trace.bytes(i, Memory.Psum, Access.Read);
    f.psumWrite[i] = trace.bytes(i, Memory.Psum, Access.Write);
    const engine = trace.engine(i);
    const flags = trace.flags(i);
    const opcode = trace.opcode(i);
    let bits = 0;
    const ops = trace.operands(i);
    let main = -1;
    let stride = 0;
    for (let k = 0; k < ops.length; k++) {
      const o = ops[k];
      const t = o.tensor;
      if (t < f.tensorFirstNs.length) {
        const s = timeline.startNs[i];
        const e = timeline.endNs[i];
        if (!(f.tensorFirstNs[t] <= s)) f.tensorFirstNs[t] = s;
        if (!(f.tensorLastNs[t] >= e)) f.tensorLastNs[t] = e;
      }
      if (o.memory === Memory.Hbm) continue;
      if (main < 0 && (o.access === Access.Read || engine === Engine.Dma || k === ops.length - 1)) main = k;
      if ((o.access & Access.Read) !== 0 && o.memory === Memory.Psum) bits |= FACT_READS_PSUM;
      if ((o.access & Access.Write) !== 0 && o.memory === Memory.Sbuf) bits |= FACT_WRITES_SBUF;
      const p = o.pattern;
      if (p.length >= 2 && p[p.length - 1] > 1) stride = Math.max(stride, Math.abs(p[p.length - 2]) * dtypeByCode(o.dtype).size);
    }
    if (main >= 0) {
      f.partitions[i] = ops[main].partCount;
      f.elements[i] = elementsOf(ops[main].pattern);
    }
    f.innerStrideBytes[i] = stride;
    if (engine === Engine.Tensor) {
      const transpose = (flags & InstrFlag.Transpose) !== 0 || opcode === "nc_transpose";
      if (transpose) bits |= FACT_TRANSPOSE;
      else bits |= FACT_MATMUL;
      const inputs = ops.filter((o) => o.memory !== Memory.Psum);
      if (inputs.some((o) => dtypeByCode(o.dtype).name === "float32")) bits |= FACT_FP32_MATMUL;
    }
    f.bits[i] = bits;
  }
  return f;
}
