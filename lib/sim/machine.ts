/**
 * The machine state one kernel run mutates: target limits, memories (allocators + tensor storage),
 * the instruction stream and the current source/loop/SPMD context. Instruction semantics live in
 * ./ops as functions of (machine, operands); this class only owns state and allocation.
 */

import type { DTypeInfo } from "./dtypes";
import { nkiError, type SourceLocation } from "./errors";
import { HbmAllocator, RegionAllocator } from "./memory/allocator";
import { castInPlace, castValue, StoragePool, type Storage } from "./memory/storage";
import { hasAliases } from "./memory/reinterpret";
import { fullView, product, viewSize, type Buffer, type View } from "./memory/tensor";
import { gather, scatter } from "./ops/common";
import { psumBytesPerPartition, resolveTarget, type Target, type TargetName } from "./targets";
import { Trace } from "./trace/trace";
import { AllocKind, LoopKind, Memory } from "./trace/types";

export type SimMode = "functional" | "timing-only";

export interface MachineOptions {
  readonly target?: TargetName | Target;
  /** "timing-only" skips all numeric work and storage; instructions are still recorded. */
  readonly mode?: SimMode;
  /**
   * Where tensors take storage from and released ones give it back; sharing one pool between
   * consecutive machines (see retire) lets a relaunched kernel reuse its predecessor's storage.
   */
  readonly storage?: StoragePool;
}

export interface ExplicitPlacement {
  /** Byte offset inside each partition. */
  readonly addr: number;
  readonly partStart?: number;
}

/**
 * An instruction whose issue the front end deferred (lib/nki: an op's value is issued when first used,
 * so `buf[...] = op(...)` can write straight into `buf`). `settle` issues it into a fresh tile.
 */
export interface Deferred {
  settle(): void;
}

/** Addresses below 4 GiB so trace records keep 32-bit HBM addresses (see trace/README.md). */
const HBM_ADDRESS_LIMIT = 2 ** 32;

export class Machine {
  readonly target: Target;
  readonly mode: SimMode;
  readonly trace = new Trace();
  readonly sbuf: RegionAllocator;
  readonly psum: RegionAllocator;
  readonly hbm: HbmAllocator;
  private loc: SourceLocation | null = null;
  /**
   * Tiles auto-allocated in each open scope: [0] is the SPMD instance's top level, then one per open
   * loop iteration; a scope's tiles are released when it ends. The first `openScopes` lists are in
   * use, each with `scopeSizes[d]` tiles; lists are kept and refilled by later scopes at the same
   * depth (a fresh list per loop iteration showed in allocation profiles).
   */
  private readonly scopes: (Buffer | null)[][] = [[]];
  private readonly scopeSizes: number[] = [0];
  private openScopes = 1;
  /** Per-partition reduction accumulators of the Vector and Scalar engines (reduce_cmd state). */
  readonly vectorAccumulators: Float64Array;
  readonly scalarAccumulators: Float64Array;
  /**
   * At most one deferred instruction, always from the current source line: it is issued before any
   * other instruction is recorded and before any state is allocated, released, read or written by the
   * host, or the line, loop or SPMD context moves on, so deferral never reorders anything.
   */
  private deferred: Deferred | null = null;
  /** Storage of released tensors, reused by later tensors of the same size. */
  private readonly storage: StoragePool;
  /** HBM tensors and explicitly placed tiles: no scope releases them, retire does. */
  private readonly unscoped: Buffer[] = [];

  constructor(options: MachineOptions = {}) {
    const t = options.target;
    this.target = typeof t === "object" ? t : resolveTarget(t);
    this.mode = options.mode ?? "functional";
    this.storage = options.storage ?? new StoragePool();
    this.sbuf = new RegionAllocator(this.target.sbufUsableBytesPerPartition, this.target.sbufMinAlign);
    this.psum = new RegionAllocator(psumBytesPerPartition(this.target), this.target.psumMinAlign, this.target.psumBankBytes);
    this.vectorAccumulators = new Float64Array(this.target.partitions);
    this.scalarAccumulators = new Float64Array(this.target.partitions);
    this.hbm = new HbmAllocator(Math.min(this.target.hbmBytesPerCore, HBM_ADDRESS_LIMIT));
  }

  get functional(): boolean {
    return this.mode === "functional";
  }

  get location(): SourceLocation | null {
    return this.loc;
  }

  setLocation(file: string, line: number): void {
    if (this.deferred && (this.loc?.line !== line || this.loc.file !== file)) this.settle();
    this.loc = { file, line };
    this.trace.setLocation(file, line);
  }

  /** Starts SPMD instance `index`; the previous instance's top-level tiles go out of scope. */
  setSpmdInstance(index: number): void {
    this.settle();
    if (this.openScopes !== 1) throw new Error("machine: setSpmdInstance inside a loop");
    this.releaseScope(0);
    this.trace.setSpmdInstance(index);
  }

  // ------------------------------------------------------------ loops and tile scopes

  beginLoop(kind: LoopKind, tripCount: number): number {
    this.settle();
    const id = this.trace.beginLoop(kind, tripCount, this.loc?.file ?? "", this.loc?.line ?? 0);
    this.openScope();
    return id;
  }

  /** Starts iteration `i`; tiles created in the previous iteration go out of scope. */
  setIteration(i: number): void {
    this.settle();
    this.closeScope();
    this.openScope();
    this.trace.setIteration(i);
  }

  endLoop(): void {
    this.settle();
    this.closeScope();
    this.trace.endLoop();
  }

  private openScope(): void {
    const d = this.openScopes++;
    if (d === this.scopes.length) {
      this.scopes.push([]);
      this.scopeSizes.push(0);
    }
    this.scopeSizes[d] = 0;
  }

  private closeScope(): void {
    if (this.openScopes <= 1) throw new Error("machine: loop scope underflow");
    // Closed before its tiles are released, as the released tiles' scope is no longer open.
    this.releaseScope(--this.openScopes);
  }

  /** Releases the tiles of scope list d and empties it (dropping the references). */
  private releaseScope(d: number): void {
    const scope = this.scopes[d];
    const n = this.scopeSizes[d];
    this.scopeSizes[d] = 0;
    for (let k = 0; k < n; k++) {
      this.release(scope[k] as Buffer);
      scope[k] = null;
    }
  }

  // ------------------------------------------------------------ allocation

  /**
   * A linear HBM tensor (kernel input/output or nl.ndarray(buffer=hbm)). `overwritten`: as for
   * allocOnChip (a kernel argument the host writes whole).
   */
  allocHbm(name: string, shape: readonly number[], d: DTypeInfo, alloc: AllocKind = AllocKind.Hbm, overwritten = false): Buffer {
    this.settle();
    const elems = product(shape);
    const bytes = elems * d.size;
    const addr = this.hbm.allocate(bytes);
    if (addr === null) {
      nkiError(
        "err_allocation_exceeds_capacity",
        `HBM tensor '${name}' needs ${bytes} bytes but only ${this.hbm.capacity - this.hbm.used} bytes of HBM are available`,
        this.loc,
      );
    }
    const b = this.register(name, Memory.Hbm, d, shape, -1, 0, 0, addr, elems, alloc, bytes, overwritten);
    this.unscoped.push(b);
    return b;
  }

  /**
   * An SBUF or PSUM tensor. `partitionAxis` selects the partition dim (nl.par_dim); dims before it are
   * block dims. With `placement` the tile is explicitly allocated at that address (no spilling).
   * `overwritten` promises that the caller writes every element before the tile can be read (or raises
   * before the tile escapes), so its storage need not be marked uninitialised.
   */
  allocOnChip(
    name: string,
    memory: typeof Memory.Sbuf | typeof Memory.Psum,
    shape: readonly number[],
    d: DTypeInfo,
    partitionAxis = 0,
    placement?: ExplicitPlacement,
    overwritten = false,
  ): Buffer {
    this.settle();
    const parts = shape[partitionAxis];
    if (parts === undefined) nkiError("err_leading_dimension_of_tensor_must_be_partition", `tensor '${name}' has no partition dimension`, this.loc);
    if (parts > this.target.partitions) {
      nkiError(
        "err_num_partition_exceed_arch_limit",
        `Size of partition dimension ${parts} exceeds architecture limitation of ${this.target.partitions}.`,
        this.loc,
      );
    }
    const freeElems = product(shape) / Math.max(1, parts);
    const bytes = freeElems * d.size;
    const allocator = memory === Memory.Sbuf ? this.sbuf : this.psum;
    const memName = memory === Memory.Sbuf ? "SBUF" : "PSUM";
    const partStart = placement?.partStart ?? 0;
    let addr: number;
    if (placement) {
      if (placement.addr < 0 || placement.addr + bytes > allocator.capacity || partStart + parts > this.target.partitions) {
        nkiError(
          "err_allocation_exceeds_capacity",
          `explicit ${memName} allocation of '${name}' needs bytes [${placement.addr}, ${placement.addr + bytes}) in partitions ` +
            `[${partStart}, ${partStart + parts}) but ${memName} has ${allocator.capacity} bytes per partition and ${this.target.partitions} partitions`,
          this.loc,
        );
      }
      addr = placement.addr;
    } else {
      if (bytes > allocator.capacity) {
        nkiError(
          "err_allocation_exceeds_capacity",
          `${memName} tile '${name}' needs ${bytes} bytes per partition but ${memName} has only ${allocator.capacity} bytes per partition`,
          this.loc,
        );
      }
      addr = allocator.allocateAddr(bytes);
    }
    const b = this.register(name, memory, d, shape, partitionAxis, partStart, parts, addr, freeElems, placement ? AllocKind.Explicit : AllocKind.Auto, bytes, overwritten);
    if (placement) this.unscoped.push(b);
    else this.scopes[this.openScopes - 1][this.scopeSizes[this.openScopes - 1]++] = b;
    return b;
  }

  /** Registers the tensor in the trace and builds its Buffer (fields as in Buffer; positional: a tile is created per loop iteration). */
  private register(
    name: string,
    memory: Memory,
    dtype: DTypeInfo,
    shape: readonly number[],
    partitionAxis: number,
    partStart: number,
    partCount: number,
    addr: number,
    freeElems: number,
    alloc: AllocKind,
    bytes: number,
    overwritten: boolean,
  ): Buffer {
    const id = this.trace.registerTensor({ name, memory, dtype: dtype.code, alloc, shape, partStart, partCount, addr, bytes });
    const elems = memory === Memory.Hbm ? freeElems : freeElems * partCount;
    return {
      id,
      name,
      memory,
      dtype,
      shape: shape.slice(),
      partitionAxis,
      partStart,
      partCount,
      addr,
      freeElems,
      data: this.functional ? this.storage.take(dtype, elems, overwritten) : null,
      released: false,
    };
  }

  /** Ends an auto-allocated tile's lifetime (its scope closed); explicit and HBM buffers stay. */
  release(b: Buffer): void {
    this.settle();
    if (b.released) return;
    b.released = true;
    if (b.memory === Memory.Sbuf) this.sbuf.release(b.addr);
    else if (b.memory === Memory.Psum) this.psum.release(b.addr);
    this.recycle(b);
  }

  /**
   * Ends the run (the kernel returned and its outputs were read): every tensor goes out of scope, so
   * reading one raises out-of-scope, and its storage goes back to the pool. The trace stays.
   */
  retire(): void {
    this.settle();
    for (let d = 0; d < this.openScopes; d++) this.releaseScope(d);
    this.openScopes = 1;
    for (const b of this.unscoped) {
      if (b.released) continue;
      b.released = true;
      this.recycle(b);
    }
    this.unscoped.length = 0;
  }

  /**
   * Gives a released tensor's storage to the pool: every access to a released tensor raises
   * out-of-scope, so the storage is unreachable unless an alias (another dtype's view) shares it.
   */
  private recycle(b: Buffer): void {
    if (!hasAliases(b) && b.data) this.storage.give(b.data);
  }

  // ------------------------------------------------------------ deferred issue

  /** Defers `d` (issuing any earlier deferred instruction first). */
  defer(d: Deferred): void {
    this.settle();
    this.deferred = d;
  }

  /** Takes `d` back for the caller to issue itself (into a destination); false if it was already issued. */
  claim(d: Deferred): boolean {
    if (this.deferred !== d) return false;
    this.deferred = null;
    return true;
  }

  /** Issues the deferred instruction, if any (also called before every recorded instruction). */
  settle(): void {
    const d = this.deferred;
    if (d === null) return;
    this.deferred = null;
    d.settle();
  }

  view(b: Buffer): View {
    return fullView(b);
  }

  /**
   * Host-side write (kernel arguments, nl.shared_constant): values in C order over the view, each
   * rounded straight to the tensor's dtype (like numpy's astype); records no instruction. With
   * `representable` the values are already in the tensor's dtype (an array of that dtype) and are copied.
   */
  hostWrite(v: View, values: ArrayLike<number>, representable = false): void {
    this.settle();
    if (!v.buffer.data) return;
    if (values.length !== viewSize(v)) throw new RangeError(`hostWrite: ${values.length} values for ${viewSize(v)} elements`);
    const d = v.buffer.dtype;
    const data = v.buffer.data;
    if (values instanceof Float32Array && data instanceof Float32Array && d.kind === "float" && isCContiguous(v)) {
      // float32 values need no double-rounding care: the block cast rounds each exactly like castValue.
      data.set(values, v.offset);
      if (!representable) castInPlace(d, data, v.offset, v.offset + values.length);
      return;
    }
    const cast = new Float64Array(values.length);
    for (let i = 0; i < cast.length; i++) cast[i] = castValue(d, values[i]);
    scatter(v, cast, null, "exact");
  }

  /** Host-side read of a view's values in C order (kernel outputs); records no instruction. */
  hostRead(v: View): Float64Array {
    this.hostStorage(v);
    return gather(v);
  }

  /** hostRead into `out` (C order): one block copy when the view is contiguous storage. */
  hostReadInto(v: View, out: { set(values: ArrayLike<number>): void }): void {
    const data = this.hostStorage(v);
    if (isCContiguous(v)) out.set(data.subarray(v.offset, v.offset + viewSize(v)));
    else out.set(gather(v));
  }

  /** The storage a host read of `v` sees, once any deferred instruction is issued. */
  private hostStorage(v: View): Storage {
    this.settle();
    if (v.buffer.released) {
      nkiError("err_local_variable_used_out_of_scope", `tensor '${v.buffer.name}' is used after the block that created it ended`, this.loc);
    }
    const data = v.buffer.data;
    if (!data) throw new Error("hostRead in timing-only mode");
    return data;
  }
}

/** Whether a view's elements are consecutive storage elements in C order. */
function isCContiguous(v: View): boolean {
  let expected = 1;
  for (let k = v.shape.length - 1; k >= 0; k--) {
    if (v.shape[k] !== 1 && v.strides[k] !== expected) return false;
    expected *= v.shape[k];
  }
  return true;
}
