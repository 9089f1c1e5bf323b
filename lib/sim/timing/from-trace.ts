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
import { emptyOperandSummary, summarizeOperands, type OperandSummaryColumns } from "./operand-features";
import { planSpills, SpillAction, type SpillPlan } from "./spill-plan";
import { Access, AllocKind, DepType, Engine, LoopKind, Memory, OperandCursors, type OperandCursor, type RecordColumns, type Trace } from "../trace";
import { TraceKit, type Tile } from "./trace-kit";

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

const NO_PATH_PARENT = 0xffffffff;

/**
 * Rotation scope of every tensor: the innermost rotating (affine/static) loop whose body
 * auto-allocated the on-chip tile (loop -1: the tile does not rotate), and the iteration.
 */
interface RotationScopes {
  readonly loopOf: Int32Array;
  readonly iterationOf: Int32Array;
}

function rotationScopes(trace: Trace, rotates: Uint8Array): RotationScopes {
  const count = trace.tensorCount;
  const loopOf = new Int32Array(count).fill(-1);
  const iterationOf = new Int32Array(count);
  findRotationScopes(trace, rotates, loopOf, iterationOf);
  return { loopOf, iterationOf };
}

/** The loop of rotationScopes, a function of its own that ends with it (see countDma). */
function findRotationScopes(trace: Trace, rotates: Uint8Array, loopOf: Int32Array, iterationOf: Int32Array): void {
  for (let id = 0; id < loopOf.length; id++) {
    // The tensor's path node is its innermost enclosing loop iteration (node 0: outside loops).
    const path = trace.tensorPathId(id);
    if (path === 0 || trace.tensorAlloc(id) !== AllocKind.Auto || trace.tensorMemory(id) === Memory.Hbm) continue;
    const inner = trace.pathLoop(path);
    if (rotates[inner] === 0) continue;
    loopOf[id] = inner;
    iterationOf[id] = trace.pathIteration(path);
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
 * partition), at least 1 (= no overlap) and at most the trip count; 1 for loops that rotate nothing.
 */
function rotationDepths(trace: Trace, scopes: RotationScopes, options: BuildOptions): Int32Array {
  const loops = trace.loopCount;
  const sbuf = new Float64Array(loops);
  const psum = new Float64Array(loops);
  const rotating = new Uint8Array(loops);
  bodyTileBytes(trace, scopes, sbuf, psum, rotating);
  const depths = new Int32Array(loops).fill(1);
  const cap = options.capacity;
  for (let loop = 0; loop < loops; loop++) {
    if (rotating[loop] === 0) continue;
    let depth = trace.loop(loop).tripCount;
    if (cap) {
      if (sbuf[loop] > 0) depth = Math.min(depth, Math.floor(cap.sbufBytesPerPartition / sbuf[loop]));
      if (psum[loop] > 0) depth = Math.min(depth, Math.floor(cap.psumBytesPerPartition / psum[loop]));
    }
    depths[loop] = Math.max(1, depth);
  }
  return depths;
}

/** Per rotating loop, the SBUF and PSUM bytes of its body's tiles (first iteration); marks the loops that rotate. */
function bodyTileBytes(trace: Trace, scopes: RotationScopes, sbuf: Float64Array, psum: Float64Array, rotating: Uint8Array): void {
  for (let id = 0; id < scopes.loopOf.length; id++) {
    const loop = scopes.loopOf[id];
    if (loop < 0 || scopes.iterationOf[id] !== 0) continue;
    rotating[loop] = 1;
    if (trace.tensorMemory(id) === Memory.Sbuf) sbuf[loop] += trace.tensorBytes(id);
    else psum[loop] += trace.tensorBytes(id);
  }
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
  anchorHiddenClasses(cfg);
  return new ScheduleBuild(cfg, trace, options).run();
}

/**
 * Two builds of a small rehearsal trace, kept for the life of the module: a first build and a
 * what-if rebuild on top of it. V8 holds the hidden class of a class's instances only weakly, so
 * once no build is alive a garbage collection between two profiles frees the classes of
 * ScheduleBuild, ScheduleInputBuilder and OperandCursors and throws away the optimised code of all
 * their methods (deopt reason "weak objects"). A field whose kind of value changes after its
 * methods were optimised (`prev` unset in a first build, a CostedTrace in a rebuild) throws that
 * code away once more. And V8 records no type feedback in a function's first few calls: the paths
 * a build takes only at its start (a new buffer slot, a new shape to cost) were never recorded, and
 * optimised code bailed out on them at the start of every later build. The rehearsal builds keep
 * the classes alive, give the fields both kinds of value, and take those paths after the first calls.
 */
let anchors: readonly ScheduleBuild[] | undefined;

function anchorHiddenClasses(cfg: TimingConstants): void {
  if (anchors) return;
  const rehearsal = rehearsalTrace();
  const capacity = { sbufBytesPerPartition: 1 << 20, psumBytesPerPartition: 1 << 20 };
  const first = new ScheduleBuild(cfg, rehearsal, { capacity });
  const rebuild = new ScheduleBuild(cfg, rehearsal, { capacity, costsOf: first.run(), treatAsAffine: NO_LOOPS });
  rebuild.run();
  anchors = [first, rebuild];
}

/** Four loops of load, add, exp, store, each loop on tiles of a new width (new shapes, new buffer slots). */
function rehearsalTrace(): Trace {
  const kit = new TraceKit("rehearsal.py");
  const src = kit.hbm("src", [128, 4096]);
  const dst = kit.hbm("dst", [128, 4096]);
  for (const cols of [64, 128, 256, 512]) {
    kit.loop(LoopKind.Affine, 8, (j) => {
      const x = kit.tile("x", Memory.Sbuf, [128, cols]);
      const y = kit.tile("y", Memory.Sbuf, [128, cols]);
      const at = (hbm: Tile) => ({ ...hbm, addr: hbm.addr + j * cols * 2, shape: [128, cols] });
      kit.dma(x, at(src));
      kit.binary(Engine.Vector, "tensor_tensor", y, x, x);
      kit.unary(Engine.Scalar, "activation", x, y, "exp");
      kit.dma(at(dst), x);
    });
  }
  return kit.trace;
}

// Enum members the build reads per record, as module constants. Where modules are loaded as
// CommonJS (tsx under a CommonJS entry, getter-based bundler interop) every read of an imported
// binding is a getter call: the stream bench's build measured 133 -> 77 ms that way. Under native
// ES module loading the two forms measure the same.
const DMA = Engine.Dma;
const TENSOR = Engine.Tensor;
const WRITE = Access.Write;
const HBM = Memory.Hbm;
const RAW = DepType.Raw;
const WAR = DepType.War;
const TRACE_RECORD = InputKind.Trace;
/** Shape representatives remembered per opcode. */
const RECENT_SHAPES = 4;

/**
 * One build pass over the trace. Its state lives in fields and its steps in methods rather than in
 * closures over one call's locals, so the steps' optimised code is not tied to one call and carries
 * over from build to build.
 */
class ScheduleBuild {
  private readonly n: number;
  private readonly views: RecordColumns;
  private readonly b: ScheduleInputBuilder;
  private readonly prev: CostedTrace | null;
  private readonly treatAsAffine: ReadonlySet<number>;
  private readonly cycles: Float64Array;
  private readonly dmaBytesPerPartition: Float64Array;
  private readonly summary: OperandSummaryColumns;
  private readonly scopes: RotationScopes;
  private readonly depthOf: Int32Array;
  private readonly cursors = new OperandCursors();
  private readonly instr: { engine: number; opcode: string; variant: string; flags: number; operands: readonly OperandCursor[] } = {
    engine: 0,
    opcode: "",
    variant: "",
    flags: 0,
    operands: [],
  };
  // Per slot, the tile instances that used it (most recent last), and each tensor's last accessor.
  private readonly slots = new Map<number, SlotHistory>();
  private readonly lastAccess: Int32Array;
  private readonly inputOf: Int32Array;
  // The record whose costs each record shares (itself when costed directly).
  private readonly representative: Int32Array;
  // Spill transfers (independent of loop kinds, so a what-if rebuild reuses them) and their inputs.
  private readonly plan: SpillPlan | null;
  private readonly spillInput: Int32Array;
  private spillSaveBytes = 0;
  private spillReloadBytes = 0;
  private rotated = 0;
  // On-chip tiles the current record writes that rotate, and their buffer slots.
  // Typed, sized to the widest record: plain arrays change element kind as values arrive, and each
  // change threw away the optimised code of every method that read them.
  private readonly writtenIds: Int32Array;
  private readonly writtenSlots: Float64Array;
  private writtenCount = 0;
  // Costing is a pure function of a record's shape (Trace.sameShape): one representative per shape hash.
  private readonly shapes = new Map<number, number>();
  // RECENT_SHAPES representatives per opcode (interned id), most recent first, -1 where none. Typed
  // and sized up front: a plain array filled as opcodes arrive was read out of bounds at the start
  // of every build, which threw away the optimised code of the build before.
  private readonly recentShapes: Int32Array;

  constructor(
    private readonly cfg: TimingConstants,
    private readonly trace: Trace,
    options: BuildOptions,
  ) {
    const n = trace.length;
    this.n = n;
    const views = trace.columnViews();
    this.views = views;
    this.b = new ScheduleInputBuilder(cfg.dmaEngines, { instructions: n, dmaRows: countDma(views.engine), dependencies: views.depOn.length });
    const prev = options.costsOf ?? null;
    this.prev = prev;
    this.treatAsAffine = options.treatAsAffine ?? NO_LOOPS;
    this.cycles = prev?.cycles ?? new Float64Array(n);
    this.dmaBytesPerPartition = prev?.dmaBytesPerPartition ?? new Float64Array(n);
    this.summary = prev?.operandSummary ?? emptyOperandSummary(n);
    this.scopes = rotationScopes(trace, rotatingLoops(trace, this.treatAsAffine));
    this.depthOf = rotationDepths(trace, this.scopes, options);
    this.lastAccess = new Int32Array(trace.tensorCount).fill(-1);
    this.inputOf = new Int32Array(n);
    this.representative = new Int32Array(prev ? 0 : n);
    this.recentShapes = new Int32Array(prev ? 0 : (maxOpcodeId(trace) + 1) * RECENT_SHAPES).fill(-1);
    const widest = widestRecord(views);
    this.writtenIds = new Int32Array(widest);
    this.writtenSlots = new Float64Array(widest);
    this.plan = prev ? prev.spillPlan : options.capacity ? planSpills(trace, options.capacity) : null;
    this.spillInput = new Int32Array(this.plan ? this.plan.kind.length : 0);
  }

  run(): CostedTrace {
    this.recordAll();
    if (!this.prev) this.copyFromRepresentatives();
    return {
      input: this.b.build(),
      inputOf: this.inputOf,
      spillSaveBytes: this.spillSaveBytes,
      spillReloadBytes: this.spillReloadBytes,
      spillPlan: this.plan,
      cycles: this.cycles,
      rotatedDependencies: this.rotated,
      treatAsAffine: this.treatAsAffine,
      dmaBytesPerPartition: this.dmaBytesPerPartition,
      operandSummary: this.summary,
    };
  }

  /** The loop alone: its optimised code then ends where the loop does (see countDma). */
  private recordAll(): void {
    for (let i = 0; i < this.n; i++) this.record(i);
  }

  /** Per-record costs and operand summary of the records costed through a same-shape representative. */
  private copyFromRepresentatives(): void {
    const rep = this.representative;
    const s = this.summary;
    copyColumn(this.cycles, rep);
    copyColumn(this.dmaBytesPerPartition, rep);
    copyColumn(s.partitions, rep);
    copyColumn(s.elements, rep);
    copyColumn(s.innerStrideBytes, rep);
    copyColumn(s.bits, rep);
    for (let m = 0; m < 3; m++) {
      copyColumn(s.readBytes[m], rep);
      copyColumn(s.writeBytes[m], rep);
    }
  }

  /**
   * Appends record i, its spill transfers and its dependencies. A method of its own, optimised as a
   * function, rather than a loop body that only gets on-stack-replaced code in each build.
   */
  private record(i: number): void {
    const { b, plan } = this;
    if (plan) this.spillsBefore(i, plan);
    this.inputOf[i] = b.length;
    this.cost(i);
    b.mark(TRACE_RECORD, i);
    this.noteWrites(i);
    this.dependencies(i);
    if (plan) this.waitForSpills(i, plan);
    this.waitForBufferSlots();
    const { operandStart, operandTensor } = this.views;
    for (let op = operandStart[i], op1 = this.operandEnd(i); op < op1; op++) this.lastAccess[operandTensor[op]] = i;
  }

  /** End of record i's operands in the trace's operand columns. */
  private operandEnd(i: number): number {
    return i + 1 < this.n ? this.views.operandStart[i + 1] : this.views.operandAccess.length;
  }

  /** Saves that make room for record i and reloads of what it touches, just before it. */
  private spillsBefore(i: number, plan: SpillPlan): void {
    const { b, trace } = this;
    for (let a = plan.actionStart[i]; a < plan.actionStart[i + 1]; a++) {
      const tensor = plan.tensor[a];
      const bytes = plan.bytesPerPartition[a];
      const parts = Math.max(1, trace.tensorPartCount(tensor));
      this.spillInput[a] = b.dma(trace.tensorPartStart(tensor), parts, this.cfg.dmaBufferCostNs + bytes / this.cfg.dmaEngineBytesPerNs, bytes * parts, DmaQueue.SpillReload);
      if (plan.kind[a] === SpillAction.Save) {
        b.mark(InputKind.SpillSave, i);
        if (plan.after[a] >= 0) b.dependOn(this.inputOf[plan.after[a]], RAW);
        this.spillSaveBytes += bytes * parts;
      } else {
        b.mark(InputKind.SpillReload, i);
        b.dependOn(this.spillInput[plan.after[a]], RAW);
        this.spillReloadBytes += bytes * parts;
      }
    }
  }

  /** Reloads bring record i's data; saves free the room it uses. */
  private waitForSpills(i: number, plan: SpillPlan): void {
    for (let a = plan.actionStart[i]; a < plan.actionStart[i + 1]; a++) this.b.dependOn(this.spillInput[a], plan.kind[a] === SpillAction.Save ? WAR : RAW);
  }

  /** Appends record i's instruction with its costs: reused from `costsOf`, from an earlier record of the same shape, or computed. */
  private cost(i: number): void {
    const { b, prev, summary } = this;
    const engine = this.views.engine[i];
    if (prev) {
      const from = prev.input;
      const j = prev.inputOf[i];
      const row = from.dmaRow[j];
      if (row >= 0) b.dma(from.dmaPartStart[row], from.dmaPartCount[row], from.dmaPartitionNs[row], from.dmaHbmBytes[row], from.dmaQueue[row]);
      else b.compute(engine, from.busyNs[j], from.loadNs[j], from.peMask[j]);
      return;
    }
    const rep = this.sameShapeAs(i);
    if (rep >= 0) {
      // Same shape as an earlier record (the next iteration of a loop body): same costs.
      b.repeat(this.inputOf[rep]);
      this.representative[i] = rep;
      return;
    }
    this.representative[i] = i;
    const trace = this.trace;
    const instr = this.instr;
    const operands = trace.readOperands(i, this.cursors);
    instr.engine = engine;
    instr.opcode = trace.opcode(i);
    instr.variant = trace.variant(i);
    instr.flags = trace.flags(i);
    instr.operands = operands;
    summarizeOperands(summary, i, engine, DMA, operands);
    if (engine === DMA) {
      const c = dmaCost(this.cfg, instr);
      b.dma(c.partStart, c.partCount, c.partitionNs, c.hbmBytes, c.queue);
      this.dmaBytesPerPartition[i] = c.bytesPerPartition;
    } else {
      const c = engineCost(this.cfg, instr);
      const clock = clockGHz(this.cfg, engine);
      b.compute(engine, c.cycles / clock, c.loadCycles / clock, engine === TENSOR ? peMaskOf(instr.variant) : FULL_PE_ARRAY);
      this.cycles[i] = c.cycles;
    }
  }

  /**
   * An earlier record with the same shape as record i, or -1. A loop body repeats a few shapes per
   * opcode, so the last representatives of i's opcode are tried before hashing the record; costs
   * are a pure function of the shape, so whichever representative answers gives the same costs.
   */
  private sameShapeAs(i: number): number {
    const trace = this.trace;
    const recent = this.recentShapes;
    const base = trace.opcodeId(i) * RECENT_SHAPES;
    for (let k = 0; k < RECENT_SHAPES; k++) {
      const rep = recent[base + k];
      if (rep < 0) break;
      if (trace.sameShape(rep, i)) return rep;
    }
    const hash = trace.shapeHash(i);
    let rep = this.shapes.get(hash);
    if (rep === undefined || !trace.sameShape(rep, i)) {
      this.shapes.set(hash, i);
      rep = -1;
    }
    // Most recent first: the representative (or i, the new one) displaces the oldest.
    recent.copyWithin(base + 1, base, base + RECENT_SHAPES - 1);
    recent[base] = rep < 0 ? i : rep;
    return rep;
  }

  /** Records the rotating on-chip tiles record i writes, with their buffer slots. */
  private noteWrites(i: number): void {
    const { operandAccess, operandMemory, operandTensor, operandAddr, operandPartStart, operandStart } = this.views;
    const loopOf = this.scopes.loopOf;
    let written = 0;
    for (let op = operandStart[i], op1 = this.operandEnd(i); op < op1; op++) {
      const tensor = operandTensor[op];
      const memory = operandMemory[op];
      if ((operandAccess[op] & WRITE) === 0 || memory === HBM) continue;
      if (loopOf[tensor] >= 0) {
        this.writtenIds[written] = tensor;
        this.writtenSlots[written++] = slotKey(memory, operandPartStart[op], operandAddr[op]);
      }
    }
    this.writtenCount = written;
  }

  /**
   * Record i's trace dependencies, minus those the NKI compiler's semantics remove: TensorE ->
   * TensorE ones, and anti/output dependencies on another iteration's instance of a rotating tile.
   */
  private dependencies(i: number): void {
    const { depStart, depOn, depType, engine: engineOf } = this.views;
    const engine = engineOf[i];
    const d1 = i + 1 < this.n ? depStart[i + 1] : depOn.length;
    for (let d = depStart[i]; d < d1; d++) {
      const on = depOn[d];
      const type = depType[d];
      // TensorE reads only SBUF, so a TensorE -> TensorE dependency is PSUM accumulation (or an
      // overwrite of a PSUM tile): the in-order array handles it without a semaphore wait.
      if (engine === TENSOR && engineOf[on] === TENSOR) continue;
      if (type !== RAW && this.writtenCount > 0 && this.reusesRotatedBuffer(on)) {
        this.rotated++;
        continue;
      }
      this.b.dependOn(this.inputOf[on], type);
    }
  }

  /** Whether record `on` touched another instance (iteration) of a rotating tile the current record writes. */
  private reusesRotatedBuffer(on: number): boolean {
    const { operandStart, operandTensor } = this.views;
    const { loopOf, iterationOf } = this.scopes;
    for (let w = 0; w < this.writtenCount; w++) {
      const tile = this.writtenIds[w];
      let sameTile = false;
      for (let op = operandStart[on], op1 = this.operandEnd(on); op < op1; op++) if (operandTensor[op] === tile) sameTile = true;
      if (!sameTile && this.iterationOf(on, loopOf[tile]) !== iterationOf[tile]) return true;
    }
    return false;
  }

  /** Iteration of `loop` on the loop path of `record`, or -1 if the record is outside that loop. */
  private iterationOf(record: number, loop: number): number {
    const trace = this.trace;
    for (let p = trace.pathId(record); p !== 0 && p !== NO_PATH_PARENT; p = trace.pathParent(p)) {
      if (trace.pathLoop(p) === loop) return trace.pathIteration(p);
    }
    return -1;
  }

  /** A new instance in a slot reuses the buffer of the instance `depth` iterations back: wait for it. */
  private waitForBufferSlots(): void {
    for (let w = 0; w < this.writtenCount; w++) {
      const tile = this.writtenIds[w];
      const key = this.writtenSlots[w];
      let slot = this.slots.get(key);
      if (!slot) {
        slot = { tiles: [], head: 0 };
        this.slots.set(key, slot);
      }
      const list = slot.tiles;
      if (list.length > slot.head && list[list.length - 1] === tile) continue;
      list.push(tile);
      const depth = this.depthOf[this.scopes.loopOf[tile]];
      if (list.length - slot.head > depth) {
        const reuse = this.lastAccess[list[list.length - 1 - depth]];
        if (reuse >= 0) this.b.dependOn(this.inputOf[reuse], WAR);
        // Keep the last `depth` instances: advance the head, compacting only once it is mostly dead.
        slot.head = list.length - depth;
        if (slot.head >= 32 && slot.head * 2 >= list.length) {
          list.splice(0, slot.head);
          slot.head = 0;
        }
      }
    }
  }
}

// The constructor's passes over the trace are functions of their own: a constructor runs a couple of
// times per profile, never often enough to be optimised, so a loop inside it was compiled on the
// stack anew in every profile and that code thrown away where the loop ended.

function countDma(engine: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < engine.length; i++) if (engine[i] === DMA) count++;
  return count;
}

/** The highest interned opcode id of any record, -1 for an empty trace. */
function maxOpcodeId(trace: Trace): number {
  let max = -1;
  for (let i = 0; i < trace.length; i++) max = Math.max(max, trace.opcodeId(i));
  return max;
}

/** The most operands any record has. */
function widestRecord(views: RecordColumns): number {
  const { operandStart, operandAccess } = views;
  const n = operandStart.length;
  let widest = 0;
  for (let i = 0; i < n; i++) widest = Math.max(widest, (i + 1 < n ? operandStart[i + 1] : operandAccess.length) - operandStart[i]);
  return widest;
}

/** Per loop, 1 if its iterations rotate buffers (affine/static, or treated as affine). */
function rotatingLoops(trace: Trace, treatAsAffine: ReadonlySet<number>): Uint8Array {
  const rotates = new Uint8Array(trace.loopCount);
  for (let loop = 0; loop < trace.loopCount; loop++) {
    rotates[loop] = trace.loop(loop).kind !== LoopKind.Sequential || treatAsAffine.has(loop) ? 1 : 0;
  }
  return rotates;
}

/** column[i] = column[rep[i]], in record order (representatives precede the records they stand for). */
function copyColumn(column: Float64Array | Float32Array | Uint8Array, rep: Int32Array): void {
  for (let i = 0; i < rep.length; i++) column[i] = column[rep[i]];
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
