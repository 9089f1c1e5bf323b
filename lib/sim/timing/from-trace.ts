/**
 * Turns a functional trace (lib/sim/trace) into scheduler input: costs every record on its engine and
 * carries over its dependencies, applying the NKI compiler's loop semantics:
 *
 * - affine_range and static_range iterations may overlap: a tile auto-allocated inside the loop body
 *   gets rotating buffers, so the anti (WAR) and output (WAW) dependencies that the functional model
 *   records because the next iteration's instance reuses the same address are dropped;
 * - sequential_range (and Python range) keeps them: the compiler orders iterations conservatively;
 * - true (RAW) dependencies are always kept, except TensorE -> TensorE ones (PSUM accumulation
 *   groups, ordered by the in-order TensorE queue without semaphores);
 * - SPMD instances run back to back in trace order.
 *
 * Spilling: when the functional allocator had to place tiles beyond capacity (its spill region), the
 * saves and reloads a compiler's allocator would insert (./spill-plan) become DMAs on the spill queue
 * before the instruction that needs the room or the data.
 *
 * Rotation depth is bounded by capacity: a loop gets as many buffers as copies of its body's tiles
 * fit in SBUF/PSUM (BuildOptions.capacity); the next instance of a tile then waits for the instance
 * that last used its buffer.
 */

import type { TimingConstants } from "./config";
import { clockGHz, engineCost } from "./engine-cost";
import { DmaQueue, dmaCost } from "./dma-cost";
import { FULL_PE_ARRAY, InputKind, ScheduleInputBuilder, type ScheduleInput } from "./schedule-input";
import { summarizeOperands, type OperandSummaryColumns } from "./operand-features";
import { planSpills, SpillAction, type SpillPlan } from "./spill-plan";
import { Access, AllocKind, DepType, Engine, LoopKind, Memory, OperandCursors, type OperandCursor, type Trace } from "../trace";

/** Costs of one record, kept for the profile (cycles at the engine clock, DMA shape). */
export interface CostedTrace {
  readonly input: ScheduleInput;
  /** Schedule-input index of each trace record (spill DMAs sit between records). */
  readonly inputOf: Int32Array;
  readonly spillSaveBytes: number;
  readonly spillReloadBytes: number;
  /** The spill transfers, or null if nothing was spilled (a what-if rebuild reuses it). */
  readonly spillPlan: SpillPlan | null;
  /** Engine cycles of compute instructions (TensorE: MultiplyMoving), 0 for DMA. */
  readonly cycles: Float64Array;
  /** Number of WAR/WAW dependencies dropped because of buffer rotation. */
  readonly rotatedDependencies: number;
  /** The loops this build treated as affine_range (BuildOptions.treatAsAffine). */
  readonly treatAsAffine: ReadonlySet<number>;
  /** Per DMA instruction (same index as the trace): bytes per partition, 0 for compute. */
  readonly dmaBytesPerPartition: Float64Array;
  /** Operand facts per trace record, for the profiler. */
  readonly operandSummary: OperandSummaryColumns;
}

/** Iteration of `loop` on the loop path of `record`, or -1 if the record is outside that loop. */
function iterationOf(trace: Trace, record: number, loop: number): number {
  for (let p = trace.pathId(record); p !== 0 && p !== NO_PATH_PARENT; p = trace.pathParent(p)) {
    if (trace.pathLoop(p) === loop) return trace.pathIteration(p);
  }
  return -1;
}

const NO_PATH_PARENT = 0xffffffff;

/**
 * Rotation scope of every tensor, filled lazily: the innermost rotating (affine/static) loop whose
 * body auto-allocated the on-chip tile, and the iteration; loop -1 = the tile does not rotate.
 */
class RotationScopes {
  private loopOf = new Int32Array(0);
  private iterationOf = new Int32Array(0);

  constructor(
    private readonly trace: Trace,
    private readonly rotatesLoop: (loop: number) => boolean,
  ) {}

  /** Loop id, or -1; `iteration(tensor)` is valid after a call that returned a loop. */
  loop(tensorId: number): number {
    if (tensorId >= this.loopOf.length) this.grow(tensorId + 1);
    let l = this.loopOf[tensorId];
    if (l === -2) {
      l = -1;
      const t = this.trace;
      // The tensor's path node is its innermost enclosing loop iteration (node 0: outside loops).
      const path = t.tensorPathId(tensorId);
      if (t.tensorAlloc(tensorId) === AllocKind.Auto && t.tensorMemory(tensorId) !== Memory.Hbm && path !== 0) {
        const inner = t.pathLoop(path);
        if (this.rotatesLoop(inner)) {
          l = inner;
          this.iterationOf[tensorId] = t.pathIteration(path);
        }
      }
      this.loopOf[tensorId] = l;
    }
    return l;
  }

  iteration(tensorId: number): number {
    return this.iterationOf[tensorId];
  }

  private grow(min: number): void {
    const size = Math.max(min, this.trace.tensorCount, 2 * this.loopOf.length);
    const loops = new Int32Array(size).fill(-2);
    loops.set(this.loopOf);
    const iterations = new Int32Array(size);
    iterations.set(this.iterationOf);
    this.loopOf = loops;
    this.iterationOf = iterations;
  }
}

export interface BuildOptions {
  /**
   * Loops to schedule as if they were affine_range (what-if analysis, e.g. the insight that asks
   * whether a sequential_range loop needs to be sequential).
   */
  readonly treatAsAffine?: ReadonlySet<number>;
  /** On-chip bytes per partition that bound how many rotating buffers a loop gets (unbounded if absent). */
  readonly capacity?: { readonly sbufBytesPerPartition: number; readonly psumBytesPerPartition: number };
  /**
   * An earlier build of the same trace with the same configuration and capacity: its per-record
   * costs are reused instead of recomputed, since a what-if rebuild changes only dependencies.
   */
  readonly costsOf?: CostedTrace;
}

/**
 * Rotating buffers per loop: as many copies of the loop body's tiles as fit in SBUF and PSUM (per
 * partition), at least 1 (= no overlap) and at most the trip count.
 */
function rotationDepths(trace: Trace, scopes: RotationScopes, options: BuildOptions): Map<number, number> {
  const bytes = new Map<number, { sbuf: number; psum: number }>();
  for (let id = 0; id < trace.tensorCount; id++) {
    const loop = scopes.loop(id);
    if (loop < 0 || scopes.iteration(id) !== 0) continue;
    const e = bytes.get(loop) ?? { sbuf: 0, psum: 0 };
    if (trace.tensorMemory(id) === Memory.Sbuf) e.sbuf += trace.tensorBytes(id);
    else e.psum += trace.tensorBytes(id);
    bytes.set(loop, e);
  }
  const depths = new Map<number, number>();
  for (const [loop, b] of bytes) {
    let depth = trace.loop(loop).tripCount;
    const cap = options.capacity;
    if (cap) {
      if (b.sbuf > 0) depth = Math.min(depth, Math.floor(cap.sbufBytesPerPartition / b.sbuf));
      if (b.psum > 0) depth = Math.min(depth, Math.floor(cap.psumBytesPerPartition / b.psum));
    }
    depths.set(loop, Math.max(1, depth));
  }
  return depths;
}

/** PE-array cells (32x32 each, bit 4*row+col) of a matmul's `tile:<row>,<col>,<rows>,<cols>` variant. */
export function peMaskOf(variant: string): number {
  if (!variant.startsWith("tile:")) return FULL_PE_ARRAY;
  const [row, col, rows, cols] = variant.slice(5).split(",").map(Number);
  let mask = 0;
  for (let r = row / 32; r < (row + rows) / 32; r++) for (let c = col / 32; c < (col + cols) / 32; c++) mask |= 1 << (4 * r + c);
  return mask || FULL_PE_ARRAY;
}

/** Tile instances that used a buffer slot, most recent last; those before `head` are forgotten. */
interface SlotHistory {
  readonly tiles: number[];
  head: number;
}

/** A buffer slot: the same memory, partition start and address reused by successive tile instances. */
function slotKey(memory: number, partStart: number, addr: number): number {
  // Small-integer keys (cheap to hash) for every real on-chip address; the wide form cannot collide.
  if (addr < 2 ** 21) return (memory * 128 + partStart) * 2 ** 21 + addr;
  return memory * 2 ** 40 + partStart * 2 ** 32 + addr;
}

export function buildScheduleInput(cfg: TimingConstants, trace: Trace, options: BuildOptions = {}): CostedTrace {
  const n = trace.length;
  const asAffine = options.treatAsAffine;
  const rotatesLoop = (loop: number) => trace.loop(loop).kind !== LoopKind.Sequential || (asAffine?.has(loop) ?? false);
  const views = trace.columnViews();
  let dmaRecords = 0;
  for (let i = 0; i < n; i++) if (views.engine[i] === Engine.Dma) dmaRecords++;
  const b = new ScheduleInputBuilder(cfg.dmaEngines, { instructions: n, dmaRows: dmaRecords, dependencies: views.depOn.length });
  const prev = options.costsOf;
  const cycles = prev?.cycles ?? new Float64Array(n);
  const dmaBytesPerPartition = prev?.dmaBytesPerPartition ?? new Float64Array(n);
  const operandSummary: OperandSummaryColumns = prev?.operandSummary ?? {
    partitions: new Uint8Array(n),
    elements: new Float64Array(n),
    innerStrideBytes: new Float32Array(n),
    bits: new Uint8Array(n),
  };
  const scopes = new RotationScopes(trace, rotatesLoop);
  const cursors = new OperandCursors();
  const instr: { engine: number; opcode: string; variant: string; flags: number; operands: readonly OperandCursor[] } = {
    engine: 0,
    opcode: "",
    variant: "",
    flags: 0,
    operands: [],
  };
  const depths = rotationDepths(trace, scopes, options);
  const depthOf = new Int32Array(trace.loopCount).fill(1);
  for (const [loop, depth] of depths) depthOf[loop] = depth;
  // Per slot, the tile instances that used it (most recent last), and each tensor's last accessor.
  const slots = new Map<number, SlotHistory>();
  const lastAccess = new Int32Array(trace.tensorCount).fill(-1);
  // Tensors each record touches (CSR), to tell a reused address from a reused tile instance.
  const touchedStart = new Uint32Array(n + 1);
  const inputOf = new Int32Array(n);
  // Spill transfers (independent of loop kinds, so a what-if rebuild reuses them) and their inputs.
  const plan = prev ? prev.spillPlan : options.capacity ? planSpills(trace, options.capacity) : null;
  const spillInput = new Int32Array(plan ? plan.kind.length : 0);
  let spillSaveBytes = 0;
  let spillReloadBytes = 0;
  const spillNs = (bytesPerPartition: number) => cfg.dmaBufferCostNs + bytesPerPartition / cfg.dmaEngineBytesPerNs;
  let touched = new Uint32Array(Math.max(16, 3 * n));
  let touchedLen = 0;
  let rotated = 0;
  const writtenIds: number[] = [];
  const writtenSlots: number[] = [];
  let writtenCount = 0;
  // Costing is a pure function of a record's shape (Trace.sameShape): one representative per shape hash.
  const shapes = new Map<number, number>();
  const sameShapeAs = (i: number): number => {
    const hash = trace.shapeHash(i);
    const rep = shapes.get(hash);
    if (rep !== undefined && trace.sameShape(rep, i)) return rep;
    shapes.set(hash, i);
    return -1;
  };
  let rep = -1;
  const cols = views;
  const { operandAccess, operandMemory, operandTensor, operandAddr } = cols;
  for (let i = 0; i < n; i++) {
    const engine = cols.engine[i];
    const operandCount = trace.operandCount(i);
    const op0 = cols.operandStart[i];
    // Saves that make room for this record and reloads of what it touches, just before it.
    const firstSpill = plan ? plan.actionStart[i] : 0;
    const endSpill = plan ? plan.actionStart[i + 1] : 0;
    for (let a = firstSpill; plan && a < endSpill; a++) {
      const tensor = plan.tensor[a];
      const bytes = plan.bytesPerPartition[a];
      const parts = Math.max(1, trace.tensorPartCount(tensor));
      spillInput[a] = b.dma(trace.tensorPartStart(tensor), parts, spillNs(bytes), bytes * parts, DmaQueue.SpillReload);
      if (plan.kind[a] === SpillAction.Save) {
        b.mark(InputKind.SpillSave, i);
        if (plan.after[a] >= 0) b.dependOn(inputOf[plan.after[a]], DepType.Raw);
        spillSaveBytes += bytes * parts;
      } else {
        b.mark(InputKind.SpillReload, i);
        b.dependOn(spillInput[plan.after[a]], DepType.Raw);
        spillReloadBytes += bytes * parts;
      }
    }
    inputOf[i] = b.length;
    if (prev) {
      const from = prev.input;
      const j = prev.inputOf[i];
      const row = from.dmaRow[j];
      if (row >= 0) b.dma(from.dmaPartStart[row], from.dmaPartCount[row], from.dmaPartitionNs[row], from.dmaHbmBytes[row], from.dmaQueue[row]);
      else b.compute(engine, from.busyNs[j], from.loadNs[j], from.peMask[j]);
    } else if ((rep = sameShapeAs(i)) >= 0) {
      // Same shape as an earlier record (the next iteration of a loop body): same costs.
      b.repeat(inputOf[rep]);
      cycles[i] = cycles[rep];
      dmaBytesPerPartition[i] = dmaBytesPerPartition[rep];
      operandSummary.partitions[i] = operandSummary.partitions[rep];
      operandSummary.elements[i] = operandSummary.elements[rep];
      operandSummary.innerStrideBytes[i] = operandSummary.innerStrideBytes[rep];
      operandSummary.bits[i] = operandSummary.bits[rep];
    } else {
      const operands = trace.readOperands(i, cursors);
      instr.engine = engine;
      instr.opcode = trace.opcode(i);
      instr.variant = trace.variant(i);
      instr.flags = trace.flags(i);
      instr.operands = operands;
      summarizeOperands(operandSummary, i, engine, Engine.Dma, operands);
      if (engine === Engine.Dma) {
        const c = dmaCost(cfg, instr);
        b.dma(c.partStart, c.partCount, c.partitionNs, c.hbmBytes, c.queue);
        dmaBytesPerPartition[i] = c.bytesPerPartition;
      } else {
        const c = engineCost(cfg, instr);
        const clock = clockGHz(cfg, engine);
        b.compute(engine, c.cycles / clock, c.loadCycles / clock, engine === Engine.Tensor ? peMaskOf(instr.variant) : FULL_PE_ARRAY);
        cycles[i] = c.cycles;
      }
    }
    b.mark(InputKind.Trace, i);
    // Rotation applies to tiles this record writes that live in an overlapping loop's body.
    writtenCount = 0;
    if (touchedLen + operandCount > touched.length) {
      const grown = new Uint32Array(2 * (touchedLen + operandCount));
      grown.set(touched);
      touched = grown;
    }
    for (let k = 0; k < operandCount; k++) {
      const tensor = operandTensor[op0 + k];
      touched[touchedLen++] = tensor;
      const memory = operandMemory[op0 + k];
      if ((operandAccess[op0 + k] & Access.Write) === 0 || memory === Memory.Hbm) continue;
      if (scopes.loop(tensor) >= 0) {
        writtenIds[writtenCount] = tensor;
        writtenSlots[writtenCount++] = slotKey(memory, cols.operandPartStart[op0 + k], operandAddr[op0 + k]);
      }
    }
    touchedStart[i + 1] = touchedLen;
    for (let d = cols.depStart[i], dEnd = d + trace.depCount(i); d < dEnd; d++) {
      const on = cols.depOn[d];
      const type = cols.depType[d];
      // TensorE reads only SBUF, so a TensorE -> TensorE dependency is PSUM accumulation (or an
      // overwrite of a PSUM tile): the in-order array handles it without a semaphore wait.
      if (engine === Engine.Tensor && cols.engine[on] === Engine.Tensor) continue;
      if (type !== DepType.Raw && writtenCount > 0) {
        let falseDep = false;
        for (let w = 0; w < writtenCount && !falseDep; w++) {
          const tile = writtenIds[w];
          let sameTile = false;
          for (let q = touchedStart[on]; q < touchedStart[on + 1]; q++) if (touched[q] === tile) sameTile = true;
          if (!sameTile && iterationOf(trace, on, scopes.loop(tile)) !== scopes.iteration(tile)) falseDep = true;
        }
        if (falseDep) {
          rotated++;
          continue;
        }
      }
      b.dependOn(inputOf[on], type);
    }
    // Reloads bring its data; saves free the room it uses.
    for (let a = firstSpill; plan && a < endSpill; a++) b.dependOn(spillInput[a], plan.kind[a] === SpillAction.Save ? DepType.War : DepType.Raw);
    // A new instance in a slot reuses the buffer of the instance `depth` iterations back: wait for it.
    for (let w = 0; w < writtenCount; w++) {
      const tile = writtenIds[w];
      let slot = slots.get(writtenSlots[w]);
      if (!slot) {
        slot = { tiles: [], head: 0 };
        slots.set(writtenSlots[w], slot);
      }
      const list = slot.tiles;
      if (list.length > slot.head && list[list.length - 1] === tile) continue;
      list.push(tile);
      const depth = depthOf[scopes.loop(tile)];
      if (list.length - slot.head > depth) {
        const reuse = lastAccess[list[list.length - 1 - depth]];
        if (reuse >= 0) b.dependOn(inputOf[reuse], DepType.War);
        // Keep the last `depth` instances: advance the head, compacting only once it is mostly dead.
        slot.head = list.length - depth;
        if (slot.head >= 32 && slot.head * 2 >= list.length) {
          list.splice(0, slot.head);
          slot.head = 0;
        }
      }
    }
    for (let q = touchedStart[i]; q < touchedLen; q++) lastAccess[touched[q]] = i;
  }
  return {
    input: b.build(),
    inputOf,
    spillSaveBytes,
    spillReloadBytes,
    spillPlan: plan,
    cycles,
    rotatedDependencies: rotated,
    treatAsAffine: asAffine ?? NO_LOOPS,
    dmaBytesPerPartition,
    operandSummary,
  };
}

const NO_LOOPS: ReadonlySet<number> = new Set();

/**
 * Whether treating `loops` as affine_range instead of sequential_range can change a build: only if
 * some on-chip tile was auto-allocated directly in the body of one of them (its rotation scope).
 */
export function rotationDependsOn(trace: Trace, loops: ReadonlySet<number>): boolean {
  let sequential = false;
  for (const loop of loops) if (trace.loop(loop).kind === LoopKind.Sequential) sequential = true;
  if (!sequential) return false;
  for (let id = 0; id < trace.tensorCount; id++) {
    const path = trace.tensorPathId(id);
    if (path === 0 || trace.tensorAlloc(id) !== AllocKind.Auto || trace.tensorMemory(id) === Memory.Hbm) continue;
    const loop = trace.pathLoop(path);
    if (loops.has(loop) && trace.loop(loop).kind === LoopKind.Sequential) return true;
  }
  return false;
}
