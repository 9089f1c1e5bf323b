/**
 * Builds synthetic instruction streams directly against the trace API, for calibration
 * microbenchmarks, insight-rule tests and the scheduler benchmark (no Python or NKI front end).
 * Tiles are placed by a bump allocator that wraps around within the smallest usable SBUF (trn1) and
 * PSUM, so distinct tiles alias only after the memory has been cycled through (or when asked to with
 * `at`, which also reaches the spill region beyond capacity).
 */

const SBUF_WRAP = 180_224;
const PSUM_WRAP = 16_384;

import { dtype, type DTypeName } from "../dtypes";
import { Trace } from "../trace/trace";
import { Access, AllocKind, Engine, InstrFlag, LoopKind, Memory, type OperandSpec } from "../trace/types";

export interface Tile {
  readonly tensor: number;
  readonly memory: Memory;
  readonly dtype: number;
  readonly partStart: number;
  readonly partCount: number;
  readonly addr: number;
  /** Free shape (on chip) or full shape (HBM). */
  readonly shape: readonly number[];
}

function rowMajorPattern(shape: readonly number[]): number[] {
  const pattern: number[] = [];
  let stride = 1;
  const strides: number[] = [];
  for (let k = shape.length - 1; k >= 0; k--) {
    strides.unshift(stride);
    stride *= shape[k];
  }
  shape.forEach((size, k) => pattern.push(strides[k], size));
  return pattern;
}

export class TraceKit {
  readonly trace = new Trace();
  private sbufTop = 0;
  private psumTop = 0;
  private hbmTop = 0;

  constructor(file = "kernel.py") {
    this.trace.setLocation(file, 1);
  }

  at(line: number, file = "kernel.py"): this {
    this.trace.setLocation(file, line);
    return this;
  }

  hbm(name: string, shape: readonly number[], dt: DTypeName = "bfloat16"): Tile {
    const d = dtype(dt);
    const bytes = shape.reduce((a, b) => a * b, 1) * d.size;
    const addr = this.hbmTop;
    this.hbmTop += bytes;
    const tensor = this.trace.registerTensor({
      name, memory: Memory.Hbm, dtype: d.code, alloc: AllocKind.KernelInput, shape, partStart: 0, partCount: 0, addr, bytes,
    });
    return { tensor, memory: Memory.Hbm, dtype: d.code, partStart: 0, partCount: 0, addr, shape };
  }

  /** An on-chip tile [partitions, ...free]. `at` reuses an address (to model allocator reuse). */
  tile(
    name: string,
    memory: typeof Memory.Sbuf | typeof Memory.Psum,
    shape: readonly number[],
    dt: DTypeName = "bfloat16",
    options: { at?: number; partStart?: number; alloc?: AllocKind } = {},
  ): Tile {
    const d = dtype(dt);
    const free = shape.slice(1);
    const bytes = free.reduce((a, b) => a * b, 1) * d.size;
    let addr: number;
    if (options.at !== undefined) addr = options.at;
    else if (memory === Memory.Sbuf) {
      if (this.sbufTop + bytes > SBUF_WRAP) this.sbufTop = 0;
      addr = this.sbufTop;
      this.sbufTop += bytes;
    } else {
      if (this.psumTop + bytes > PSUM_WRAP) this.psumTop = 0;
      addr = this.psumTop;
      this.psumTop += Math.max(bytes, 2048);
    }
    const partStart = options.partStart ?? 0;
    const tensor = this.trace.registerTensor({
      name, memory, dtype: d.code, alloc: options.alloc ?? AllocKind.Auto, shape, partStart, partCount: shape[0], addr, bytes,
    });
    return { tensor, memory, dtype: d.code, partStart, partCount: shape[0], addr, shape: free };
  }

  operand(t: Tile, access: Access, pattern?: readonly number[]): OperandSpec {
    return {
      access, memory: t.memory, tensor: t.tensor, dtype: t.dtype, partStart: t.partStart, partCount: t.partCount,
      addr: t.addr, pattern: pattern ?? rowMajorPattern(t.shape),
    };
  }

  /** HBM -> on-chip (or on-chip -> HBM) copy of whole tiles. */
  dma(dst: Tile, src: Tile, flags = 0): number {
    return this.trace.append({
      engine: Engine.Dma, opcode: "dma_copy", flags, flops: 0,
      operands: [this.operand(src, Access.Read), this.operand(dst, Access.Write)],
    });
  }

  matmul(dst: Tile, stationary: Tile, moving: Tile, options: { accumulate?: boolean; flags?: number } = {}): number {
    const k = stationary.partCount;
    const m = stationary.shape.reduce((a, b) => a * b, 1);
    const nFree = moving.shape.reduce((a, b) => a * b, 1);
    const flags = (options.flags ?? 0) | (options.accumulate ? InstrFlag.Accumulate : 0);
    return this.trace.append({
      engine: Engine.Tensor, opcode: "nc_matmul", flags, flops: 2 * k * m * nFree,
      operands: [
        this.operand(stationary, Access.Read),
        this.operand(moving, Access.Read),
        this.operand(dst, options.accumulate ? Access.ReadWrite : Access.Write),
      ],
    });
  }

  /** A one-input instruction on a compute engine (activation, tensor_scalar, tensor_copy, ...). */
  unary(engine: Engine, opcode: string, dst: Tile, src: Tile, variant = ""): number {
    const elems = dst.shape.reduce((a, b) => a * b, 1) * Math.max(1, dst.partCount);
    return this.trace.append({
      engine, opcode, variant, flops: elems,
      operands: [this.operand(src, Access.Read), this.operand(dst, Access.Write)],
    });
  }

  binary(engine: Engine, opcode: string, dst: Tile, a: Tile, b: Tile, variant = "add"): number {
    const elems = dst.shape.reduce((x, y) => x * y, 1) * Math.max(1, dst.partCount);
    return this.trace.append({
      engine, opcode, variant, flops: elems,
      operands: [this.operand(a, Access.Read), this.operand(b, Access.Read), this.operand(dst, Access.Write)],
    });
  }

  loop<T>(kind: LoopKind, trips: number, body: (i: number) => T): T[] {
    const out: T[] = [];
    this.trace.beginLoop(kind, trips, "kernel.py", 1);
    for (let i = 0; i < trips; i++) {
      this.trace.setIteration(i);
      out.push(body(i));
    }
    this.trace.endLoop();
    return out;
  }
}
