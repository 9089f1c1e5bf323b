/**
 * What the scheduler consumes: per instruction its engine, busy times (already costed) and its
 * dependencies, as struct-of-arrays so the scheduling loop touches only typed arrays.
 * `buildScheduleInput` (from-trace.ts) fills it from a functional trace; tests and benchmarks may
 * fill it directly through ScheduleInputBuilder.
 */

/** Engine codes as in lib/sim/trace (Tensor 0 … Sync 4); DMA transfers use DMA_ENGINE. */
export const DMA_ENGINE = 5;
export const COMPUTE_ENGINES = 5;
/** All 16 32x32 cells of the 128x128 PE array. */
export const FULL_PE_ARRAY = 0xffff;

/** What a schedule-input instruction stands for. */
export const InputKind = { Trace: 0, SpillSave: 1, SpillReload: 2 } as const;
const TRACE = InputKind.Trace;

export interface ScheduleInput {
  readonly length: number;
  /** InputKind of each instruction. */
  readonly kind: Uint8Array;
  /** The trace record it is (Trace) or serves (spill save after it / reload before it); -1 if none. */
  readonly origin: Int32Array;
  readonly dmaEngines: number;
  readonly engine: Uint8Array;
  /** Compute: engine busy time (ns, unthrottled). */
  readonly busyNs: Float64Array;
  /** TensorE: LoadStationary time (ns); 0 elsewhere. */
  readonly loadNs: Float64Array;
  /** TensorE: the 32x32 cells of the PE array used (bit 4*row+col; FULL_PE_ARRAY when untiled). */
  readonly peMask: Uint16Array;
  /** Row in the DMA tables, -1 for compute instructions. */
  readonly dmaRow: Int32Array;
  /** Partition span of each DMA row and the busy time each partition adds to its engine (ns). */
  readonly dmaPartStart: Uint8Array;
  readonly dmaPartCount: Uint8Array;
  readonly dmaPartitionNs: Float64Array;
  readonly dmaHbmBytes: Float64Array;
  readonly dmaQueue: Uint8Array;
  /** CSR dependency lists: deps of i are depOn[depStart[i] .. depStart[i+1]). */
  readonly depStart: Uint32Array;
  readonly depOn: Uint32Array;
  readonly depType: Uint8Array;
}

type Column = Float64Array | Uint8Array | Uint16Array | Int32Array | Uint32Array;

/** Bitwise equality, compared through one word-sized view type (element reads stay monomorphic). */
function sameColumn(a: Column, b: Column): boolean {
  if (a.byteLength !== b.byteLength) return false;
  const aligned = a.byteLength % 4 === 0 && a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0;
  if (aligned) return sameWords(new Uint32Array(a.buffer, a.byteOffset, a.byteLength / 4), new Uint32Array(b.buffer, b.byteOffset, b.byteLength / 4));
  return sameBytes(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
}

function sameWords(a: Uint32Array, b: Uint32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether two inputs hold bitwise the same instructions, costs and dependencies (so schedule the same). */
export function sameScheduleInput(a: ScheduleInput, b: ScheduleInput): boolean {
  return (
    a.length === b.length &&
    a.dmaEngines === b.dmaEngines &&
    sameColumn(a.depStart, b.depStart) &&
    sameColumn(a.depOn, b.depOn) &&
    sameColumn(a.depType, b.depType) &&
    sameColumn(a.kind, b.kind) &&
    sameColumn(a.origin, b.origin) &&
    sameColumn(a.engine, b.engine) &&
    sameColumn(a.busyNs, b.busyNs) &&
    sameColumn(a.loadNs, b.loadNs) &&
    sameColumn(a.peMask, b.peMask) &&
    sameColumn(a.dmaRow, b.dmaRow) &&
    sameColumn(a.dmaPartStart, b.dmaPartStart) &&
    sameColumn(a.dmaPartCount, b.dmaPartCount) &&
    sameColumn(a.dmaPartitionNs, b.dmaPartitionNs) &&
    sameColumn(a.dmaHbmBytes, b.dmaHbmBytes) &&
    sameColumn(a.dmaQueue, b.dmaQueue)
  );
}

function grow<T extends Float64Array | Uint8Array | Uint16Array | Int32Array | Uint32Array>(a: T, need: number, make: (n: number) => T): T {
  if (need <= a.length) return a;
  let n = Math.max(16, a.length * 2);
  while (n < need) n *= 2;
  const b = make(n);
  b.set(a as never);
  return b;
}

export class ScheduleInputBuilder {
  private n = 0;
  private rows = 0;
  private deps = 0;
  private engine: Uint8Array;
  private kind: Uint8Array;
  private origin: Int32Array;
  private busyNs: Float64Array;
  private loadNs: Float64Array;
  private peMask: Uint16Array;
  private dmaRow: Int32Array;
  private dmaPartStart: Uint8Array;
  private dmaPartCount: Uint8Array;
  private dmaPartitionNs: Float64Array;
  private dmaHbmBytes: Float64Array;
  private dmaQueue: Uint8Array;
  private depStart: Uint32Array;
  private depOn: Uint32Array;
  private depType: Uint8Array;

  /**
   * `expected` sizes the tables up front (instructions, DMA rows, dependencies) when the caller knows
   * them, so a large build does not regrow and copy every column a dozen times; they still grow.
   */
  constructor(
    readonly dmaEngines: number,
    expected: { readonly instructions: number; readonly dmaRows: number; readonly dependencies: number } = { instructions: 64, dmaRows: 16, dependencies: 64 },
  ) {
    const n = Math.max(16, expected.instructions);
    const rows = Math.max(16, expected.dmaRows);
    const deps = Math.max(16, expected.dependencies);
    this.engine = new Uint8Array(n);
    this.kind = new Uint8Array(n);
    this.origin = new Int32Array(n);
    this.busyNs = new Float64Array(n);
    this.loadNs = new Float64Array(n);
    this.peMask = new Uint16Array(n);
    this.dmaRow = new Int32Array(n);
    this.depStart = new Uint32Array(n + 1);
    this.dmaPartStart = new Uint8Array(rows);
    this.dmaPartCount = new Uint8Array(rows);
    this.dmaPartitionNs = new Float64Array(rows);
    this.dmaHbmBytes = new Float64Array(rows);
    this.dmaQueue = new Uint8Array(rows);
    this.depOn = new Uint32Array(deps);
    this.depType = new Uint8Array(deps);
  }

  private reserve(): void {
    const need = this.n + 1;
    // Checked first: the growth calls below allocate closures, which per instruction is real garbage.
    if (need < this.depStart.length && need <= this.engine.length) return;
    this.engine = grow(this.engine, need, (k) => new Uint8Array(k));
    this.kind = grow(this.kind, need, (k) => new Uint8Array(k));
    this.origin = grow(this.origin, need, (k) => new Int32Array(k));
    this.busyNs = grow(this.busyNs, need, (k) => new Float64Array(k));
    this.loadNs = grow(this.loadNs, need, (k) => new Float64Array(k));
    this.peMask = grow(this.peMask, need, (k) => new Uint16Array(k));
    this.dmaRow = grow(this.dmaRow, need, (k) => new Int32Array(k));
    this.depStart = grow(this.depStart, need + 1, (k) => new Uint32Array(k));
  }

  private growRows(): void {
    this.dmaPartStart = grow(this.dmaPartStart, this.rows, (k) => new Uint8Array(k));
    this.dmaPartCount = grow(this.dmaPartCount, this.rows, (k) => new Uint8Array(k));
    this.dmaPartitionNs = grow(this.dmaPartitionNs, this.rows, (k) => new Float64Array(k));
    this.dmaHbmBytes = grow(this.dmaHbmBytes, this.rows, (k) => new Float64Array(k));
    this.dmaQueue = grow(this.dmaQueue, this.rows, (k) => new Uint8Array(k));
  }

  /** Adds a compute instruction; returns its index. */
  compute(engine: number, busyNs: number, loadNs = 0, peMask = FULL_PE_ARRAY): number {
    this.reserve();
    const i = this.n++;
    this.kind[i] = InputKind.Trace;
    this.origin[i] = -1;
    this.engine[i] = engine;
    this.busyNs[i] = busyNs;
    this.loadNs[i] = loadNs;
    this.peMask[i] = peMask;
    this.dmaRow[i] = -1;
    this.depStart[i + 1] = this.deps;
    return i;
  }

  /**
   * Adds a DMA transfer over partitions [partStart, partStart + partCount) (at most 128), each adding
   * `partitionNs` to its engine's busy time; returns its index.
   */
  dma(partStart: number, partCount: number, partitionNs: number, hbmBytes: number, queue: number): number {
    if (partStart < 0 || partCount < 1 || partStart + partCount > 128) throw new Error(`dma: bad partition span ${partStart}+${partCount}`);
    this.reserve();
    const i = this.n++;
    const row = this.rows++;
    this.kind[i] = InputKind.Trace;
    this.origin[i] = -1;
    if (this.rows > this.dmaQueue.length) this.growRows();
    this.dmaPartStart[row] = partStart;
    this.dmaPartCount[row] = partCount;
    this.dmaPartitionNs[row] = partitionNs;
    this.dmaHbmBytes[row] = hbmBytes;
    this.dmaQueue[row] = queue;
    this.engine[i] = DMA_ENGINE;
    this.busyNs[i] = 0;
    this.loadNs[i] = 0;
    this.dmaRow[i] = row;
    this.depStart[i + 1] = this.deps;
    return i;
  }

  /** Adds an instruction costed like earlier instruction j (same engine, busy times, DMA shape); returns its index. */
  repeat(j: number): number {
    // Field by field rather than through dma()/compute(): j's values are valid, and a loop body's
    // repeats are most of a large build.
    this.reserve();
    const i = this.n++;
    this.kind[i] = TRACE;
    this.origin[i] = -1;
    this.engine[i] = this.engine[j];
    this.busyNs[i] = this.busyNs[j];
    this.loadNs[i] = this.loadNs[j];
    this.peMask[i] = this.peMask[j];
    const from = this.dmaRow[j];
    if (from >= 0) {
      const row = this.rows++;
      if (this.rows > this.dmaQueue.length) this.growRows();
      this.dmaPartStart[row] = this.dmaPartStart[from];
      this.dmaPartCount[row] = this.dmaPartCount[from];
      this.dmaPartitionNs[row] = this.dmaPartitionNs[from];
      this.dmaHbmBytes[row] = this.dmaHbmBytes[from];
      this.dmaQueue[row] = this.dmaQueue[from];
      this.dmaRow[i] = row;
    } else this.dmaRow[i] = -1;
    this.depStart[i + 1] = this.deps;
    return i;
  }

  /** Records what the most recently added instruction stands for. */
  mark(kind: number, origin: number): void {
    this.kind[this.n - 1] = kind;
    this.origin[this.n - 1] = origin;
  }

  /** Adds a dependency of the most recently added instruction on an earlier one. */
  dependOn(on: number, type: number): void {
    const i = this.n - 1;
    if (on >= i || on < 0) throw new Error(`dependOn: instruction ${i} cannot depend on ${on}`);
    if (this.deps + 1 > this.depOn.length) {
      this.depOn = grow(this.depOn, this.deps + 1, (k) => new Uint32Array(k));
      this.depType = grow(this.depType, this.deps + 1, (k) => new Uint8Array(k));
    }
    this.depOn[this.deps] = on;
    this.depType[this.deps] = type;
    this.deps++;
    this.depStart[i + 1] = this.deps;
  }

  get length(): number {
    return this.n;
  }

  build(): ScheduleInput {
    return {
      length: this.n,
      kind: this.kind.subarray(0, this.n),
      origin: this.origin.subarray(0, this.n),
      dmaEngines: this.dmaEngines,
      engine: this.engine.subarray(0, this.n),
      busyNs: this.busyNs.subarray(0, this.n),
      loadNs: this.loadNs.subarray(0, this.n),
      peMask: this.peMask.subarray(0, this.n),
      dmaRow: this.dmaRow.subarray(0, this.n),
      dmaPartStart: this.dmaPartStart.subarray(0, this.rows),
      dmaPartCount: this.dmaPartCount.subarray(0, this.rows),
      dmaPartitionNs: this.dmaPartitionNs.subarray(0, this.rows),
      dmaHbmBytes: this.dmaHbmBytes.subarray(0, this.rows),
      dmaQueue: this.dmaQueue.subarray(0, this.rows),
      depStart: this.depStart.subarray(0, this.n + 1),
      depOn: this.depOn.subarray(0, this.deps),
      depType: this.depType.subarray(0, this.deps),
    };
  }
}
