/**
 * One pass over a timed trace collecting the per-instruction facts that metrics, insights and exports
 * share (bytes per memory, partitions, dtypes, tile lifetimes), so each rule does not walk operands.
 * Operand shapes come from the costing pass (CostedTrace.operandSummary); only non-allocating trace
 * accessors are used here.
 */

import type { TimedTrace } from "../sim/timing";
import { Engine, InstrFlag } from "../sim/trace/types";
import type { Trace } from "../sim/trace";
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

// Codes read per instruction, as module constants: where modules are loaded as CommonJS, every
// read of an imported binding is a getter call (see lib/sim/timing/from-trace.ts).
const TENSOR = Engine.Tensor;
const TRANSPOSE = InstrFlag.Transpose;
const READS_PSUM = OPERAND_READS_PSUM;
const WRITES_SBUF = OPERAND_WRITES_SBUF;
const FP32_INPUT = OPERAND_FP32_INPUT;

export function collectFacts(timed: TimedTrace): InstructionFacts {
  const { trace, timeline } = timed;
  const summary = timed.costed.operandSummary;
  const n = trace.length;
  // Bytes per memory and operand shapes were summarised once per shape by the costing pass.
  const [hbmRead, sbufRead, psumRead] = summary.readBytes;
  const [hbmWrite, sbufWrite, psumWrite] = summary.writeBytes;
  const tensorFirstNs = new Float64Array(trace.tensorCount).fill(NaN);
  const tensorLastNs = new Float64Array(trace.tensorCount).fill(NaN);
  tileLifetimes(trace, timeline.startNs, timeline.endNs, tensorFirstNs, tensorLastNs);
  return {
    length: n,
    hbmRead,
    hbmWrite,
    sbufRead,
    sbufWrite,
    psumRead,
    psumWrite,
    partitions: summary.partitions,
    elements: summary.elements,
    innerStrideBytes: summary.innerStrideBytes,
    bits: factBits(trace, summary.bits),
    tensorFirstNs,
    tensorLastNs,
  };
}

/** First access start and last access end of every tensor, over the trace's operand columns. */
function tileLifetimes(trace: Trace, startNs: Float64Array, endNs: Float64Array, first: Float64Array, last: Float64Array): void {
  const { operandStart, operandTensor } = trace.columnViews();
  const n = trace.length;
  for (let i = 0; i < n; i++) {
    const s = startNs[i];
    const e = endNs[i];
    for (let op = operandStart[i], op1 = i + 1 < n ? operandStart[i + 1] : operandTensor.length; op < op1; op++) {
      const t = operandTensor[op];
      if (t >= first.length) continue;
      if (!(first[t] <= s)) first[t] = s;
      if (!(last[t] >= e)) last[t] = e;
    }
  }
}

function factBits(trace: Trace, operandBits: Uint8Array): Uint8Array {
  const n = trace.length;
  const engine = trace.columnViews().engine;
  const bits = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const ob = operandBits[i];
    let b = 0;
    if ((ob & READS_PSUM) !== 0) b |= FACT_READS_PSUM;
    if ((ob & WRITES_SBUF) !== 0) b |= FACT_WRITES_SBUF;
    if (engine[i] === TENSOR) {
      const transpose = (trace.flags(i) & TRANSPOSE) !== 0 || trace.opcode(i) === "nc_transpose";
      b |= transpose ? FACT_TRANSPOSE : FACT_MATMUL;
      if ((ob & FP32_INPUT) !== 0) b |= FACT_FP32_MATMUL;
    }
    bits[i] = b;
  }
  return bits;
}
