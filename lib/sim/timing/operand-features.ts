/**
 * Features of an instruction's operands that the cost formulas depend on: elements per partition,
 * partitions, dtype classes, memories and the innermost stride. Pure helpers over the trace's
 * operand description (lib/sim/trace/types.ts).
 */

import { dtypeByCode } from "../dtypes";
import { Access, Memory, type OperandSpec } from "../trace/types";

/** The part of an operand the timing model reads. */
export type CostOperand = Pick<OperandSpec, "access" | "memory" | "dtype" | "partStart" | "partCount" | "pattern">;

export interface CostInstruction {
  readonly engine: number;
  readonly opcode: string;
  readonly variant?: string;
  readonly flags?: number;
  readonly operands: readonly CostOperand[];
}

/** Elements covered by an operand's access pattern, per partition for SBUF/PSUM, in total for HBM. */
export function patternElements(pattern: readonly number[]): number {
  let n = 1;
  for (let k = 1; k < pattern.length; k += 2) n *= pattern[k];
  return n;
}

export function elementsPerPartition(op: CostOperand): number {
  if (op.memory === Memory.Hbm) {
    // The first pattern pair of an HBM operand corresponds to the on-chip side's partition dim.
    const total = patternElements(op.pattern);
    const rows = op.pattern.length >= 2 ? op.pattern[1] : 1;
    return op.pattern.length > 2 ? total / Math.max(1, rows) : total;
  }
  return patternElements(op.pattern);
}

export function dtypeSize(op: CostOperand): number {
  return dtypeByCode(op.dtype).size;
}

/** bfloat16 / float16: the dtypes the NC-v3+ VectorE performance modes and 2x paths need. */
export function isSixteenBitFloat(op: CostOperand): boolean {
  const name = dtypeByCode(op.dtype).name;
  return name === "bfloat16" || name === "float16";
}

export function isBf16(op: CostOperand): boolean {
  return dtypeByCode(op.dtype).name === "bfloat16";
}

export function isFp32(op: CostOperand): boolean {
  const name = dtypeByCode(op.dtype).name;
  return name === "float32" || name === "int32" || name === "uint32";
}

export function isFp8(op: CostOperand): boolean {
  const name = dtypeByCode(op.dtype).name;
  return name === "float8_e4m3" || name === "float8_e5m2" || name === "float8_e4m3fn";
}

/** Innermost stride in bytes (elements x dtype size); a single element counts as unit stride. */
export function innerStrideBytes(op: CostOperand): number {
  const p = op.pattern;
  if (p.length < 2) return dtypeSize(op);
  const size = p[p.length - 1];
  if (size <= 1) return dtypeSize(op);
  return Math.abs(p[p.length - 2]) * dtypeSize(op);
}

export function isContiguous(op: CostOperand): boolean {
  const p = op.pattern;
  if (p.length < 2) return true;
  return p[p.length - 1] <= 1 || Math.abs(p[p.length - 2]) === 1;
}

/** The `index`-th operand with `access` among its access bits (allocation-free `reads`/`writes`). */
export function nthWith(instr: CostInstruction, access: number, index = 0): CostOperand | undefined {
  let seen = 0;
  for (const o of instr.operands) {
    if ((o.access & access) === 0) continue;
    if (seen++ === index) return o;
  }
  return undefined;
}

/** The operand whose free size sets N: the first input, or the output for instructions without one. */
export function mainOperand(instr: CostInstruction): CostOperand | undefined {
  for (const o of instr.operands) if (o.access === Access.Read) return o;
  return instr.operands[0];
}

/** Bits of OperandSummary.bits. */
export const OPERAND_READS_PSUM = 1;
export const OPERAND_WRITES_SBUF = 2;
/** An input outside PSUM is fp32 (a TensorE fp32 matmul). */
export const OPERAND_FP32_INPUT = 4;

/**
 * Per-record operand facts kept for the profiler, so it need not fetch operands again: the main
 * on-chip operand's partitions and elements per partition, the largest on-chip innermost stride,
 * and the bytes read and written in each memory (all partitions; HBM: the pattern's elements).
 */
export interface OperandSummaryColumns {
  readonly partitions: Uint8Array;
  readonly elements: Float64Array;
  readonly innerStrideBytes: Float32Array;
  readonly bits: Uint8Array;
  /** Bytes read / written, indexed by Memory code (Hbm 0, Sbuf 1, Psum 2). */
  readonly readBytes: readonly [Float64Array, Float64Array, Float64Array];
  readonly writeBytes: readonly [Float64Array, Float64Array, Float64Array];
}

export function emptyOperandSummary(n: number): OperandSummaryColumns {
  const bytes = () => [new Float64Array(n), new Float64Array(n), new Float64Array(n)] as const;
  return { partitions: new Uint8Array(n), elements: new Float64Array(n), innerStrideBytes: new Float32Array(n), bits: new Uint8Array(n), readBytes: bytes(), writeBytes: bytes() };
}

export function summarizeOperands(out: OperandSummaryColumns, i: number, engine: number, dmaEngine: number, operands: readonly CostOperand[]): void {
  let main = -1;
  let stride = 0;
  let bits = 0;
  for (let k = 0; k < operands.length; k++) {
    const o = operands[k];
    // Summed in operand order, as the profiler summed them when it walked the operands itself.
    const bytes = patternElements(o.pattern) * (o.memory === Memory.Hbm ? 1 : o.partCount) * dtypeSize(o);
    if ((o.access & Access.Read) !== 0) out.readBytes[o.memory][i] += bytes;
    if ((o.access & Access.Write) !== 0) out.writeBytes[o.memory][i] += bytes;
    if ((o.access & Access.Read) !== 0 && o.memory !== Memory.Psum && isFp32(o)) bits |= OPERAND_FP32_INPUT;
    if (o.memory === Memory.Hbm) continue;
    if (main < 0 && (o.access === Access.Read || engine === dmaEngine || k === operands.length - 1)) main = k;
    if ((o.access & Access.Read) !== 0 && o.memory === Memory.Psum) bits |= OPERAND_READS_PSUM;
    if ((o.access & Access.Write) !== 0 && o.memory === Memory.Sbuf) bits |= OPERAND_WRITES_SBUF;
    const p = o.pattern;
    if (p.length >= 2 && p[p.length - 1] > 1) stride = Math.max(stride, Math.abs(p[p.length - 2]) * dtypeSize(o));
  }
  if (main >= 0) {
    out.partitions[i] = operands[main].partCount;
    out.elements[i] = patternElements(operands[main].pattern);
  }
  out.innerStrideBytes[i] = stride;
  out.bits[i] = bits;
}
