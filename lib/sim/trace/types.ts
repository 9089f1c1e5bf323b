/**
 * Vocabulary of the instruction stream. Every value is a small integer so records fit typed arrays;
 * the *_NAMES arrays give the display names (index = code).
 */

export const Engine = { Tensor: 0, Vector: 1, Scalar: 2, GpSimd: 3, Sync: 4, Dma: 5 } as const;
export type Engine = (typeof Engine)[keyof typeof Engine];
export const ENGINE_NAMES = ["tensor", "vector", "scalar", "gpsimd", "sync", "dma"] as const;

export const Memory = { Hbm: 0, Sbuf: 1, Psum: 2 } as const;
export type Memory = (typeof Memory)[keyof typeof Memory];
export const MEMORY_NAMES = ["hbm", "sbuf", "psum"] as const;

/** How an instruction touches an operand. Accumulation (PSUM `+=`, DMA `dst_rmw_op`) is ReadWrite. */
export const Access = { Read: 1, Write: 2, ReadWrite: 3 } as const;
export type Access = (typeof Access)[keyof typeof Access];

/** Data-dependency kinds: true (RAW), anti (WAR) and output (WAW) dependencies. */
export const DepType = { Raw: 0, War: 1, Waw: 2 } as const;
export type DepType = (typeof DepType)[keyof typeof DepType];
export const DEP_TYPE_NAMES = ["RAW", "WAR", "WAW"] as const;

export const LoopKind = { Affine: 0, Sequential: 1, Static: 2 } as const;
export type LoopKind = (typeof LoopKind)[keyof typeof LoopKind];
export const LOOP_KIND_NAMES = ["affine_range", "sequential_range", "static_range"] as const;

/** How a tensor's storage was obtained; the timing allocator treats each differently. */
export const AllocKind = { Auto: 0, Explicit: 1, KernelInput: 2, KernelOutput: 3, Hbm: 4 } as const;
export type AllocKind = (typeof AllocKind)[keyof typeof AllocKind];
export const ALLOC_KIND_NAMES = ["auto", "explicit", "kernel_input", "kernel_output", "hbm"] as const;

/** Per-instruction flag bits. */
export const InstrFlag = {
  /** nc_matmul is_transpose=True / a TensorE transpose through the identity. */
  Transpose: 1 << 0,
  StationaryOneZero: 1 << 1,
  MovingOneZero: 1 << 2,
  /** The PSUM destination was accumulated into rather than overwritten. */
  Accumulate: 1 << 3,
  /** A mask predicate shrank the instruction (operands describe the shrunk region). */
  Masked: 1 << 4,
  /** Emitted in timing-only mode: no values were computed. */
  TimingOnly: 1 << 5,
  /** FP8 double-row matmul mode (NC-v3+). */
  DoubleRow: 1 << 6,
  /** DMA performs a transpose (dma_transpose / load_transpose2d). */
  DmaTranspose: 1 << 7,
  /** DMA changes dtype on the way (casting DMA). */
  DmaCast: 1 << 8,
  /** Compiler-inserted (e.g. PSUM->SBUF copy before a store), not written by the user. */
  Implicit: 1 << 9,
} as const;

/**
 * An operand as passed to the trace. For SBUF/PSUM `addr` is the byte offset inside each partition of
 * the access-pattern origin and partitions are [partStart, partStart + partCount). For HBM `addr` is
 * the absolute byte address of the origin and partStart/partCount are 0 (HBM is linear).
 * `pattern` holds [stride, size] pairs in ELEMENTS, outermost first: for SBUF/PSUM the free dims only,
 * for HBM every dim (the first pair usually corresponds to the SBUF side's partition dim).
 */
export interface OperandSpec {
  readonly access: Access;
  readonly memory: Memory;
  readonly tensor: number;
  readonly dtype: number;
  readonly partStart: number;
  readonly partCount: number;
  readonly addr: number;
  readonly pattern: readonly number[];
}

export interface InstructionSpec {
  readonly engine: Engine;
  readonly opcode: string;
  /** Sub-operation, e.g. the activation function or ALU op names ("exp", "add,multiply"). */
  readonly variant?: string;
  readonly flags?: number;
  readonly flops: number;
  readonly operands: readonly OperandSpec[];
}

export interface LoopPathFrame {
  readonly loop: number;
  readonly iteration: number;
}

export interface Dependency {
  readonly on: number;
  readonly type: DepType;
}
