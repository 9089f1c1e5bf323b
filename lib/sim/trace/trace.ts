/**
 * The instruction stream: every executed ISA operation appends one record. Records live in growable
 * typed-array columns (struct of arrays) with string tables for opcodes, variants, files and tensor
 * names, so a 10^6-instruction kernel costs tens of megabytes, not gigabytes.
 *
 * Writing: set the context (source location, SPMD instance, loop iteration), then either
 * `append(spec)` or the allocation-free `begin` / `addOperand` / `end` sequence. Data dependencies on
 * earlier records (RAW/WAR/WAW) are computed at `end` from the operands' address ranges.
 * Reading: indexed accessors (`engine(i)`, `operand(i, k)`, `dependencies(i)`, ...).
 */

import { DTYPES, dtypeByCode } from "../dtypes";
import { Column, StringTable, f64, i32, u16, u32, u8 } from "./columns";
import { DepCollector, RangeSpace } from "./dependencies";
import {
  Access,
  AllocKind,
  DepType,
  Engine,
  LoopKind,
  Memory,
  type Dependency,
  type InstructionSpec,
  type LoopPathFrame,
} from "./types";

const NO_PARENT = 0xffffffff;
/** Slots of the access-pattern interning table (a power of two). */
const PATTERN_TABLE_SIZE = 4096;

/** Element size by dtype code (the recorder's per-operand lookup). */
const DTYPE_SIZE = Uint8Array.from(DTYPES, (d) => d.size);

export interface TensorSpec {
  readonly name: string;
  readonly memory: Memory;
  readonly dtype: number;
  readonly alloc: AllocKind;
  /** Full logical shape (block dims included). */
  readonly shape: readonly number[];
  /** On chip: first partition and count. HBM: 0 and 0. */
  readonly partStart: number;
  readonly partCount: number;
  /** On chip: byte offset inside each partition. HBM: absolute byte address. */
  readonly addr: number;
  /** On chip: bytes used in each partition. HBM: total bytes. */
  readonly bytes: number;
}

export interface TensorInfo extends TensorSpec {
  readonly id: number;
  /** Number of instructions recorded before this tensor was created. */
  readonly createdAt: number;
  readonly pathId: number;
}

export interface LoopInfo {
  readonly id: number;
  readonly kind: LoopKind;
  readonly tripCount: number;
  readonly file: string;
  readonly line: number;
  /** Loop path at loop entry (its enclosing iteration). */
  readonly parentPath: number;
}

export interface OperandView {
  readonly access: Access;
  readonly memory: Memory;
  readonly tensor: number;
  readonly dtype: number;
  readonly partStart: number;
  readonly partCount: number;
  readonly addr: number;
  readonly pattern: number[];
}

/** A reusable, mutable OperandView (see `Trace.readOperand`). */
export class OperandCursor implements OperandView {
  access: Access = Access.Read;
  memory: Memory = Memory.Sbuf;
  tensor = 0;
  dtype = 0;
  partStart = 0;
  partCount = 0;
  addr = 0;
  pattern: number[] = [];
  /** One pattern array per dimension count (access patterns have at most 15 dims). */
  readonly patterns: number[][] = Array.from({ length: 16 }, (_, ndim) => new Array<number>(2 * ndim).fill(0));
}

/** Arrays of OperandCursors by length, for `Trace.readOperands`. */
export class OperandCursors {
  private readonly byCount: OperandCursor[][] = [];

  of(count: number): OperandCursor[] {
    let views = this.byCount[count];
    if (!views) {
      views = Array.from({ length: count }, () => new OperandCursor());
      this.byCount[count] = views;
    }
    return views;
  }
}

/** See `Trace.columnViews`. */
export interface RecordColumns {
  readonly engine: Uint8Array;
  readonly operandStart: Uint32Array;
  readonly depStart: Uint32Array;
  readonly depOn: Uint32Array;
  readonly depType: Uint8Array;
  readonly operandAccess: Uint8Array;
  readonly operandMemory: Uint8Array;
  readonly operandTensor: Uint32Array;
  readonly operandPartStart: Uint16Array;
  readonly operandAddr: Uint32Array;
}

interface LoopFrame {
  loop: number;
  iteration: number;
  /** Path node for this frame's current iteration, or -1 if not yet materialised. */
  node: number;
}

export class Trace {
  // instruction columns
  private readonly iEngine = u8(1024);
  private readonly iFlags = u16(1024);
  private readonly iOpcode = u16(1024);
  private readonly iVariant = u16(1024);
  private readonly iOperandStart = u32(1024);
  private readonly iFlops = u32(1024);
  private readonly iFile = u16(1024);
  private readonly iLine = u32(1024);
  private readonly iSpmd = u32(1024);
  private readonly iPath = u32(1024);
  private readonly iDepStart = u32(1024);
  // operand columns
  private readonly oAccess = u8(2048);
  private readonly oMemory = u8(2048);
  private readonly oDtype = u8(2048);
  private readonly oNdim = u8(2048);
  private readonly oTensor = u32(2048);
  private readonly oPartStart = u16(2048);
  private readonly oPartCount = u16(2048);
  private readonly oAddr = u32(2048);
  private readonly oPattern = u32(2048);
  private readonly patternPool = i32(4096);
  // dependency columns
  private readonly dOn = u32(2048);
  private readonly dType = u8(2048);
  // loop paths: a tree of (loop, iteration) nodes; node 0 is the root (outside every loop)
  private readonly pParent = u32(256);
  private readonly pLoop = u32(256);
  private readonly pIteration = u32(256);

  private readonly strings = new StringTable();
  // tensor table (struct of arrays too: kernels may create a tile every few instructions)
  private readonly tName = u32(256);
  private readonly tMemory = u8(256);
  private readonly tDtype = u8(256);
  private readonly tAlloc = u8(256);
  private readonly tPartStart = u16(256);
  private readonly tPartCount = u16(256);
  private readonly tAddr = f64(256);
  private readonly tBytes = f64(256);
  private readonly tCreatedAt = u32(256);
  private readonly tPath = u32(256);
  private readonly tShapeStart = u32(256);
  private readonly tShapePool = u32(1024);
  private readonly loops: LoopInfo[] = [];

  private sbufSpace = new RangeSpace();
  private psumSpace = new RangeSpace();
  /** By tensor id (HBM tensors only): dependency space. */
  private hbmSpaces: (RangeSpace | undefined)[] = [];
  /**
   * Recently recorded access patterns by hash slot (pool offset + 1, 0 = empty; a newer pattern
   * replaces an older one on a collision), so a loop body's patterns are stored once.
   */
  private patternTable = new Int32Array(PATTERN_TABLE_SIZE);
  private patternTableLength = new Uint8Array(PATTERN_TABLE_SIZE);
  // column range of the HBM access being tracked (see hbmColumns)
  private colLo = 0;
  private colHi = 0;
  private readonly deps = new DepCollector();

  // current context
  private curFile = 0;
  private curLine = 0;
  private curSpmd = 0;
  private readonly frames: LoopFrame[] = [];
  /** Path node of the current context, valid while `pathValid` (loop changes invalidate it). */
  private curPath = 0;
  private pathValid = true;
  // last interned opcode and variant: a loop body repeats a few, so most records skip the Map lookup
  private lastOpcode = "";
  private lastOpcodeId = 0;
  private lastVariant = "";
  private lastVariantId = 0;
  private lastFile = "";
  /** SPMD launch grid of the kernel (empty when not launched on a grid). */
  spmdGrid: readonly number[] = [];

  // open instruction (between begin and end)
  private open = false;
  /**
   * Record counts of the instruction, operand, dependency and tensor columns. Appends write the columns'
   * arrays directly (one capacity check per record, not one per field) and leave the columns' own
   * `length` stale until `syncLengths`.
   */
  private nInstr = 0;
  private nOperands = 0;
  private nDeps = 0;
  private nTensors = 0;

  constructor() {
    this.strings.intern("");
    this.pParent.push(NO_PARENT);
    this.pLoop.push(NO_PARENT);
    this.pIteration.push(0);
  }

  // ---------------------------------------------------------------- context

  setLocation(file: string, line: number): void {
    if (file !== this.lastFile) {
      this.lastFile = file;
      this.curFile = this.strings.intern(file);
    }
    this.curLine = line;
  }

  setSpmdInstance(index: number): void {
    this.curSpmd = index;
  }

  /** Starts a loop execution; returns its id. Call `setIteration` before each iteration. */
  beginLoop(kind: LoopKind, tripCount: number, file: string, line: number): number {
    const id = this.loops.length;
    this.loops.push({ id, kind, tripCount, file, line, parentPath: this.materialisePath() });
    this.frames.push({ loop: id, iteration: 0, node: -1 });
    this.pathValid = false;
    return id;
  }

  setIteration(iteration: number): void {
    const top = this.frames[this.frames.length - 1];
    if (!top) throw new Error("setIteration outside a loop");
    top.iteration = iteration;
    top.node = -1;
    this.pathValid = false;
  }

  endLoop(): void {
    if (!this.frames.pop()) throw new Error("endLoop without beginLoop");
    this.pathValid = false;
  }

  /** Path node for the current loop nesting, created lazily so empty iterations cost nothing. */
  private materialisePath(): number {
    if (this.pathValid) return this.curPath;
    let parent = 0;
    for (const f of this.frames) {
      if (f.node < 0) {
        f.node = this.pParent.push(parent);
        this.pLoop.push(f.loop);
        this.pIteration.push(f.iteration);
      }
      parent = f.node;
    }
    this.curPath = parent;
    this.pathValid = true;
    return parent;
  }

  registerTensor(spec: TensorSpec): number {
    const name = this.strings.intern(spec.name);
    const path = this.materialisePath();
    const id = this.nTensors;
    if (id === this.tName.data.length) this.grow(this.tensorColumns(), id);
    this.tName.data[id] = name;
    this.tMemory.data[id] = spec.memory;
    this.tDtype.data[id] = spec.dtype;
    this.tAlloc.data[id] = spec.alloc;
    this.tPartStart.data[id] = spec.partStart;
    this.tPartCount.data[id] = spec.partCount;
    this.tAddr.data[id] = spec.addr;
    this.tBytes.data[id] = spec.bytes;
    this.tCreatedAt.data[id] = this.nInstr;
    this.tPath.data[id] = path;
    this.tShapeStart.data[id] = this.tShapePool.length;
    this.nTensors = id + 1;
    for (const d of spec.shape) this.tShapePool.push(d);
    return id;
  }

  // ---------------------------------------------------------------- writing

  begin(engine: Engine, opcode: string, variant: string, flags: number, flops: number): void {
    if (this.open) throw new Error("trace: begin while an instruction is open");
    this.open = true;
    if (opcode !== this.lastOpcode) {
      this.lastOpcode = opcode;
      this.lastOpcodeId = this.strings.intern(opcode);
    }
    if (variant !== this.lastVariant) {
      this.lastVariant = variant;
      this.lastVariantId = variant === "" ? 0 : this.strings.intern(variant);
    }
    const path = this.materialisePath();
    const n = this.nInstr;
    if (n === this.iEngine.data.length) this.grow(this.instructionColumns(), n);
    this.iEngine.data[n] = engine;
    this.iFlags.data[n] = flags;
    this.iOpcode.data[n] = this.lastOpcodeId;
    this.iVariant.data[n] = this.lastVariantId;
    this.iOperandStart.data[n] = this.nOperands;
    this.iFlops.data[n] = Math.min(0xffffffff, Math.max(0, Math.round(flops)));
    this.iFile.data[n] = this.curFile;
    this.iLine.data[n] = this.curLine;
    this.iSpmd.data[n] = this.curSpmd;
    this.iPath.data[n] = path;
    this.iDepStart.data[n] = this.nDeps;
    this.nInstr = n + 1;
  }

  addOperand(
    access: Access,
    memory: Memory,
    tensor: number,
    dtype: number,
    partStart: number,
    partCount: number,
    addr: number,
    pattern: ArrayLike<number>,
    /** Entries of `pattern` to use (lets callers pass a reused scratch array). */
    patternLength = pattern.length,
  ): void {
    if (!this.open) throw new Error("trace: addOperand outside begin/end");
    if (patternLength % 2 !== 0 || patternLength > 2 * 15 || patternLength > pattern.length) throw new Error("trace: bad access pattern");
    const at = this.internPattern(pattern, patternLength);
    const j = this.nOperands;
    if (j === this.oAccess.data.length) this.grow(this.operandColumns(), j);
    this.oAccess.data[j] = access;
    this.oMemory.data[j] = memory;
    this.oDtype.data[j] = dtype;
    this.oNdim.data[j] = patternLength / 2;
    this.oTensor.data[j] = tensor;
    this.oPartStart.data[j] = partStart;
    this.oPartCount.data[j] = partCount;
    this.oAddr.data[j] = addr;
    this.oPattern.data[j] = at;
    this.nOperands = j + 1;
  }

  /** Pool offset of a pattern equal to pattern[0, n): a recorded one when the hash finds it, else appended. */
  private internPattern(pattern: ArrayLike<number>, n: number): number {
    let h = Math.imul(n + 1, 0x9e3779b1);
    for (let k = 0; k < n; k++) h = Math.imul(h ^ pattern[k], 0x85ebca6b) ^ (h >>> 15);
    const slot = (h ^ (h >>> 16)) & (PATTERN_TABLE_SIZE - 1);
    const pool = this.patternPool;
    const known = this.patternTable[slot] - 1;
    if (known >= 0 && this.patternTableLength[slot] === n) {
      let same = true;
      for (let k = 0; k < n && same; k++) same = pool.data[known + k] === pattern[k];
      if (same) return known;
    }
    const at = pool.length;
    for (let k = 0; k < n; k++) pool.push(pattern[k]);
    this.patternTable[slot] = at + 1;
    this.patternTableLength[slot] = n;
    return at;
  }

  /** Closes the open instruction, computing its dependencies; returns its index. */
  end(): number {
    if (!this.open) throw new Error("trace: end without begin");
    this.open = false;
    const id = this.nInstr - 1;
    const engine = this.iEngine.data[id];
    const first = this.iOperandStart.data[id];
    const last = this.nOperands;
    const deps = this.deps;
    deps.reset();
    for (let pass = 0; pass < 2; pass++) {
      const bit = pass === 0 ? Access.Read : Access.Write;
      for (let j = first; j < last; j++) {
        if ((this.oAccess.data[j] & bit) === 0) continue;
        this.track(j, bit === Access.Write, id, engine);
      }
    }
    let d = this.nDeps;
    if (d + deps.count > this.dOn.data.length) this.grow([this.dOn, this.dType], d, d + deps.count);
    for (let k = 0; k < deps.count; k++, d++) {
      this.dOn.data[d] = deps.on[k];
      this.dType.data[d] = deps.types[k];
    }
    this.nDeps = d;
    return id;
  }

  append(spec: InstructionSpec): number {
    this.begin(spec.engine, spec.opcode, spec.variant ?? "", spec.flags ?? 0, spec.flops);
    for (const o of spec.operands) {
      this.addOperand(o.access, o.memory, o.tensor, o.dtype, o.partStart, o.partCount, o.addr, o.pattern);
    }
    return this.end();
  }

  private track(j: number, isWrite: boolean, id: number, engine: number): void {
    const memory = this.oMemory.data[j];
    const es = DTYPE_SIZE[this.oDtype.data[j]];
    const addr = this.oAddr.data[j];
    const pStart = this.oPattern.data[j];
    const ndim = this.oNdim.data[j];
    const pool = this.patternPool.data;
    let minOff = 0;
    let maxOff = 0;
    for (let k = 0; k < ndim; k++) {
      const stride = pool[pStart + 2 * k];
      const size = pool[pStart + 2 * k + 1];
      if (size === 0) return;
      const span = stride * (size - 1);
      if (span < 0) minOff += span;
      else maxOff += span;
    }
    let space: RangeSpace;
    let r0: number;
    let r1: number;
    let lo: number;
    let hi: number;
    if (memory === Memory.Hbm) {
      const tensor = this.oTensor.data[j];
      const pitch = this.rowPitch(tensor);
      const rel = addr - (tensor < this.nTensors ? this.tAddr.data[tensor] : 0);
      const bLo = rel + minOff * es;
      const bHi = rel + maxOff * es + es;
      r0 = Math.floor(bLo / pitch);
      r1 = Math.floor((bHi - 1) / pitch) + 1;
      this.hbmColumns(pool, pStart, ndim, es, pitch, rel, r1 - r0 > 1, bLo, bHi);
      lo = this.colLo;
      hi = this.colHi;
      space = this.hbmSpaces[tensor] ?? (this.hbmSpaces[tensor] = new RangeSpace());
    } else {
      space = memory === Memory.Sbuf ? this.sbufSpace : this.psumSpace;
      r0 = this.oPartStart.data[j];
      r1 = r0 + this.oPartCount.data[j];
      lo = addr + minOff * es;
      hi = addr + maxOff * es + es;
    }
    if (isWrite) space.write(lo, hi, r0, r1, id, this.deps);
    else space.read(lo, hi, r0, r1, id, engine, this.deps);
  }

  private instructionColumns(): Column<Uint8Array | Uint16Array | Uint32Array>[] {
    return [
      this.iEngine, this.iFlags, this.iOpcode, this.iVariant, this.iOperandStart, this.iFlops,
      this.iFile, this.iLine, this.iSpmd, this.iPath, this.iDepStart,
    ];
  }

  private operandColumns(): Column<Uint8Array | Uint16Array | Uint32Array>[] {
    return [this.oAccess, this.oMemory, this.oDtype, this.oNdim, this.oTensor, this.oPartStart, this.oPartCount, this.oAddr, this.oPattern];
  }

  private tensorColumns(): Column<Uint8Array | Uint16Array | Uint32Array | Float64Array>[] {
    return [
      this.tName, this.tMemory, this.tDtype, this.tAlloc, this.tPartStart, this.tPartCount, this.tAddr, this.tBytes,
      this.tCreatedAt, this.tPath, this.tShapeStart,
    ];
  }

  /** Grows columns holding `length` records to room for at least `needed`. */
  private grow(columns: Column<Uint8Array | Uint16Array | Uint32Array | Float64Array>[], length: number, needed = length + 1): void {
    for (const c of columns) {
      c.length = length;
      c.reserve(needed);
    }
  }

  private syncLengths(): void {
    for (const c of this.instructionColumns()) c.length = this.nInstr;
    for (const c of this.operandColumns()) c.length = this.nOperands;
    this.dOn.length = this.nDeps;
    this.dType.length = this.nDeps;
    for (const c of this.tensorColumns()) c.length = this.nTensors;
  }

  /** Bytes per row of an HBM tensor's innermost dimension (1 for an unregistered or on-chip id). */
  private rowPitch(tensor: number): number {
    if (tensor >= this.nTensors || this.tMemory.data[tensor] !== Memory.Hbm) return 1;
    const start = this.tShapeStart.data[tensor];
    const end = tensor + 1 < this.nTensors ? this.tShapeStart.data[tensor + 1] : this.tShapePool.length;
    const last = end > start ? this.tShapePool.data[end - 1] : 1;
    return Math.max(1, last) * DTYPE_SIZE[this.tDtype.data[tensor]];
  }

  // ---------------------------------------------------------------- reading

  get length(): number {
    return this.nInstr;
  }

  engine(i: number): Engine {
    return this.iEngine.data[i] as Engine;
  }

  opcode(i: number): string {
    return this.strings.get(this.iOpcode.data[i]);
  }

  /** Interned opcode id; stable for the life of the trace (compare ids instead of strings in hot loops). */
  opcodeId(i: number): number {
    return this.iOpcode.data[i];
  }

  internedString(id: number): string {
    return this.strings.get(id);
  }

  variant(i: number): string {
    return this.strings.get(this.iVariant.data[i]);
  }

  flags(i: number): number {
    return this.iFlags.data[i];
  }

  flops(i: number): number {
    return this.iFlops.data[i];
  }

  file(i: number): string {
    return this.strings.get(this.iFile.data[i]);
  }

  line(i: number): number {
    return this.iLine.data[i];
  }

  spmdInstance(i: number): number {
    return this.iSpmd.data[i];
  }

  /** Loop path node of instruction i (0 = outside every loop); see `pathFrames`. */
  pathId(i: number): number {
    return this.iPath.data[i];
  }

  /** Frames from outermost to innermost loop for a path node. */
  pathFrames(pathId: number): LoopPathFrame[] {
    const frames: LoopPathFrame[] = [];
    for (let p = pathId; p !== 0 && p !== NO_PARENT; p = this.pParent.data[p]) {
      frames.push({ loop: this.pLoop.data[p], iteration: this.pIteration.data[p] });
    }
    return frames.reverse();
  }

  /** Loop id and iteration of a path node (node 0, the root, has none). */
  pathLoop(pathId: number): number {
    return this.pLoop.data[pathId];
  }

  pathIteration(pathId: number): number {
    return this.pIteration.data[pathId];
  }

  /** Parent path node (NO_PARENT = 0xffffffff for the root). */
  pathParent(pathId: number): number {
    return this.pParent.data[pathId];
  }

  loopPath(i: number): LoopPathFrame[] {
    return this.pathFrames(this.iPath.data[i]);
  }

  operandCount(i: number): number {
    const starts = this.iOperandStart;
    const next = i + 1 < this.nInstr ? starts.data[i + 1] : this.nOperands;
    return next - starts.data[i];
  }

  /** Access kind of operand k of instruction i (allocation-free). */
  operandAccess(i: number, k: number): Access {
    return this.oAccess.data[this.iOperandStart.data[i] + k] as Access;
  }

  /** Tensor id of operand k of instruction i (allocation-free). */
  operandTensor(i: number, k: number): number {
    return this.oTensor.data[this.iOperandStart.data[i] + k];
  }

  /** Memory of operand k of instruction i (allocation-free). */
  operandMemory(i: number, k: number): Memory {
    return this.oMemory.data[this.iOperandStart.data[i] + k] as Memory;
  }

  /** Dtype code of operand k of instruction i (allocation-free). */
  operandDtype(i: number, k: number): number {
    return this.oDtype.data[this.iOperandStart.data[i] + k];
  }

  /** First partition of operand k of instruction i (0 for HBM). */
  operandPartStart(i: number, k: number): number {
    return this.oPartStart.data[this.iOperandStart.data[i] + k];
  }

  /** Byte offset (on chip: inside each partition; HBM: absolute) of operand k of instruction i. */
  operandAddr(i: number, k: number): number {
    return this.oAddr.data[this.iOperandStart.data[i] + k];
  }

  /**
   * The record columns as typed-array views, for the few hot loops where per-field accessor calls
   * cost more than the work (the timing model's build pass). Operands of record i are at global
   * operand indices operandStart[i] .. operandStart[i] + operandCount(i); dependencies likewise from
   * depStart[i]. Read-only by contract; valid until the next append.
   */
  columnViews(): RecordColumns {
    this.syncLengths();
    return {
      engine: this.iEngine.view(),
      operandStart: this.iOperandStart.view(),
      depStart: this.iDepStart.view(),
      depOn: this.dOn.view(),
      depType: this.dType.view(),
      operandAccess: this.oAccess.view(),
      operandMemory: this.oMemory.view(),
      operandTensor: this.oTensor.view(),
      operandPartStart: this.oPartStart.view(),
      operandAddr: this.oAddr.view(),
    };
  }

  /**
   * Hash of what makes records i and j interchangeable for costing (see `sameShape`); equal shapes
   * hash equally. Lets a consumer memoise per-shape work: a loop body repeats a handful of shapes.
   */
  shapeHash(i: number): number {
    let h = Math.imul(this.iEngine.data[i] + 1, 0x9e3779b1);
    h = Math.imul(h ^ this.iOpcode.data[i], 0x85ebca6b);
    h = Math.imul(h ^ this.iVariant.data[i], 0xc2b2ae35);
    h = Math.imul(h ^ this.iFlags.data[i], 0x27d4eb2f);
    const first = this.iOperandStart.data[i];
    const last = first + this.operandCount(i);
    const pool = this.patternPool.data;
    for (let j = first; j < last; j++) {
      h = Math.imul(h ^ (this.oAccess.data[j] | (this.oMemory.data[j] << 4) | (this.oDtype.data[j] << 8) | (this.oNdim.data[j] << 16)), 0x9e3779b1);
      h = Math.imul(h ^ (this.oPartStart.data[j] | (this.oPartCount.data[j] << 16)), 0x85ebca6b);
      for (let q = this.oPattern.data[j], end = q + 2 * this.oNdim.data[j]; q < end; q++) h = Math.imul(h ^ pool[q], 0xc2b2ae35);
    }
    return (h ^ (h >>> 15)) >>> 0;
  }

  /**
   * Whether records i and j have the same engine, opcode, variant, flags and operands up to tensor
   * ids and addresses (access, memory, dtype, partitions, access pattern): everything a cost model
   * may read, and nothing that differs between iterations of a loop body.
   */
  sameShape(i: number, j: number): boolean {
    if (
      this.iEngine.data[i] !== this.iEngine.data[j] ||
      this.iOpcode.data[i] !== this.iOpcode.data[j] ||
      this.iVariant.data[i] !== this.iVariant.data[j] ||
      this.iFlags.data[i] !== this.iFlags.data[j]
    ) {
      return false;
    }
    const count = this.operandCount(i);
    if (count !== this.operandCount(j)) return false;
    const a0 = this.iOperandStart.data[i];
    const b0 = this.iOperandStart.data[j];
    const pool = this.patternPool.data;
    for (let k = 0; k < count; k++) {
      const a = a0 + k;
      const b = b0 + k;
      const ndim = this.oNdim.data[a];
      if (
        ndim !== this.oNdim.data[b] ||
        this.oAccess.data[a] !== this.oAccess.data[b] ||
        this.oMemory.data[a] !== this.oMemory.data[b] ||
        this.oDtype.data[a] !== this.oDtype.data[b] ||
        this.oPartStart.data[a] !== this.oPartStart.data[b] ||
        this.oPartCount.data[a] !== this.oPartCount.data[b]
      ) {
        return false;
      }
      const pa = this.oPattern.data[a];
      const pb = this.oPattern.data[b];
      for (let q = 0; q < 2 * ndim; q++) if (pool[pa + q] !== pool[pb + q]) return false;
    }
    return true;
  }

  /**
   * Fills `out` with operand k of instruction i, reusing its objects (pattern arrays included), so
   * hot loops read operands without allocating. Valid until the next call with the same `out`.
   */
  readOperand(i: number, k: number, out: OperandCursor): OperandCursor {
    const j = this.iOperandStart.data[i] + k;
    const ndim = this.oNdim.data[j];
    const start = this.oPattern.data[j];
    const pool = this.patternPool.data;
    const pattern = out.patterns[ndim];
    for (let q = 0; q < 2 * ndim; q++) pattern[q] = pool[start + q];
    out.access = this.oAccess.data[j] as Access;
    out.memory = this.oMemory.data[j] as Memory;
    out.tensor = this.oTensor.data[j];
    out.dtype = this.oDtype.data[j];
    out.partStart = this.oPartStart.data[j];
    out.partCount = this.oPartCount.data[j];
    out.addr = this.oAddr.data[j];
    out.pattern = pattern;
    return out;
  }

  /**
   * The operands of instruction i as reusable views: `cursors.of(count)` gives an array of exactly
   * that many cursors, filled here. Valid until the next call with the same `cursors`.
   */
  readOperands(i: number, cursors: OperandCursors): readonly OperandCursor[] {
    const n = this.operandCount(i);
    const views = cursors.of(n);
    for (let k = 0; k < n; k++) this.readOperand(i, k, views[k]);
    return views;
  }

  operand(i: number, k: number): OperandView {
    const j = this.iOperandStart.data[i] + k;
    const ndim = this.oNdim.data[j];
    const start = this.oPattern.data[j];
    return {
      access: this.oAccess.data[j] as Access,
      memory: this.oMemory.data[j] as Memory,
      tensor: this.oTensor.data[j],
      dtype: this.oDtype.data[j],
      partStart: this.oPartStart.data[j],
      partCount: this.oPartCount.data[j],
      addr: this.oAddr.data[j],
      pattern: Array.from(this.patternPool.data.subarray(start, start + 2 * ndim)),
    };
  }

  operands(i: number): OperandView[] {
    const n = this.operandCount(i);
    const out: OperandView[] = [];
    for (let k = 0; k < n; k++) out.push(this.operand(i, k));
    return out;
  }

  /** Bytes instruction i reads (`Access.Read`) or writes (`Access.Write`) in `memory`. */
  bytes(i: number, memory: Memory, direction: typeof Access.Read | typeof Access.Write): number {
    const first = this.iOperandStart.data[i];
    const last = first + this.operandCount(i);
    let total = 0;
    for (let j = first; j < last; j++) {
      if (this.oMemory.data[j] !== memory || (this.oAccess.data[j] & direction) === 0) continue;
      total += this.bytesOfOperand(j);
    }
    return total;
  }

  /** Bytes operand k of instruction i covers (all partitions; HBM: the access pattern's elements). */
  operandBytes(i: number, k: number): number {
    return this.bytesOfOperand(this.iOperandStart.data[i] + k);
  }

  private bytesOfOperand(j: number): number {
    const pool = this.patternPool.data;
    const start = this.oPattern.data[j];
    let elems = 1;
    for (let k = 0; k < this.oNdim.data[j]; k++) elems *= pool[start + 2 * k + 1];
    const parts = this.oMemory.data[j] === Memory.Hbm ? 1 : this.oPartCount.data[j];
    return elems * parts * dtypeByCode(this.oDtype.data[j]).size;
  }

  depCount(i: number): number {
    const starts = this.iDepStart;
    const next = i + 1 < this.nInstr ? starts.data[i + 1] : this.nDeps;
    return next - starts.data[i];
  }

  depOn(i: number, k: number): number {
    return this.dOn.data[this.iDepStart.data[i] + k];
  }

  depType(i: number, k: number): DepType {
    return this.dType.data[this.iDepStart.data[i] + k] as DepType;
  }

  dependencies(i: number): Dependency[] {
    const out: Dependency[] = [];
    for (let k = 0; k < this.depCount(i); k++) out.push({ on: this.depOn(i, k), type: this.depType(i, k) });
    return out;
  }

  tensor(id: number): TensorInfo {
    if (!(id >= 0 && id < this.nTensors)) throw new Error(`trace: unknown tensor ${id}`);
    const start = this.tShapeStart.data[id];
    const end = id + 1 < this.nTensors ? this.tShapeStart.data[id + 1] : this.tShapePool.length;
    return {
      id,
      name: this.strings.get(this.tName.data[id]),
      memory: this.tMemory.data[id] as Memory,
      dtype: this.tDtype.data[id],
      alloc: this.tAlloc.data[id] as AllocKind,
      shape: Array.from(this.tShapePool.data.subarray(start, end)),
      partStart: this.tPartStart.data[id],
      partCount: this.tPartCount.data[id],
      addr: this.tAddr.data[id],
      bytes: this.tBytes.data[id],
      createdAt: this.tCreatedAt.data[id],
      pathId: this.tPath.data[id],
    };
  }

  tensorMemory(id: number): Memory {
    return this.tMemory.data[id] as Memory;
  }

  tensorAlloc(id: number): AllocKind {
    return this.tAlloc.data[id] as AllocKind;
  }

  /** On chip: byte offset inside each partition; HBM: absolute byte address. */
  tensorAddr(id: number): number {
    return this.tAddr.data[id];
  }

  /** On chip: bytes used in each partition; HBM: total bytes. */
  tensorBytes(id: number): number {
    return this.tBytes.data[id];
  }

  tensorPartStart(id: number): number {
    return this.tPartStart.data[id];
  }

  tensorPartCount(id: number): number {
    return this.tPartCount.data[id];
  }

  /** Loop path node at the tensor's creation. */
  tensorPathId(id: number): number {
    return this.tPath.data[id];
  }

  /** Number of instructions recorded before the tensor was created. */
  tensorCreatedAt(id: number): number {
    return this.tCreatedAt.data[id];
  }

  get tensorCount(): number {
    return this.nTensors;
  }

  loop(id: number): LoopInfo {
    const l = this.loops[id];
    if (!l) throw new Error(`trace: unknown loop ${id}`);
    return l;
  }

  get loopCount(): number {
    return this.loops.length;
  }

  private columns(): Column<Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array>[] {
    return [
      this.iEngine, this.iFlags, this.iOpcode, this.iVariant, this.iOperandStart, this.iFlops,
      this.iFile, this.iLine, this.iSpmd, this.iPath, this.iDepStart,
      this.oAccess, this.oMemory, this.oDtype, this.oNdim, this.oTensor, this.oPartStart,
      this.oPartCount, this.oAddr, this.oPattern, this.patternPool, this.dOn, this.dType,
      this.pParent, this.pLoop, this.pIteration, this.tName, this.tMemory, this.tDtype, this.tAlloc,
      this.tPartStart, this.tPartCount, this.tAddr, this.tBytes, this.tCreatedAt, this.tPath, this.tShapeStart,
      this.tShapePool,
    ];
  }

  /** Bytes held by the record columns (excluding spare capacity and the dependency tracker). */
  recordBytes(): number {
    this.syncLengths();
    return this.columns().reduce((sum, c) => sum + c.usedBytes(), 0);
  }

  /** Bytes allocated by the record columns, spare capacity included. */
  allocatedBytes(): number {
    this.syncLengths();
    return this.columns().reduce((sum, c) => sum + c.capacityBytes(), 0);
  }

  /**
   * Releases spare column capacity and the dependency tracker once the kernel has finished; later
   * appends still work but no longer find dependencies on earlier records.
   */
  compact(): void {
    this.syncLengths();
    for (const c of this.columns()) c.trim();
    this.sbufSpace = new RangeSpace();
    this.psumSpace = new RangeSpace();
    this.hbmSpaces = [];
    this.patternTable = new Int32Array(PATTERN_TABLE_SIZE);
    this.patternTableLength = new Uint8Array(PATTERN_TABLE_SIZE);
  }

  /**
   * Column range (bytes within a row of the buffer's innermost dimension) touched by an HBM access,
   * into colLo/colHi. Exact when the pattern's outer dims step whole rows and its inner dims stay
   * inside one row; otherwise the whole row (conservative).
   */
  private hbmColumns(
    pool: Int32Array,
    start: number,
    ndim: number,
    es: number,
    pitch: number,
    rel: number,
    multiRow: boolean,
    bLo: number,
    bHi: number,
  ): void {
    if (!multiRow) {
      const row = Math.floor(bLo / pitch);
      this.colLo = bLo - row * pitch;
      this.colHi = bHi - row * pitch;
      return;
    }
    let k = 0;
    while (k < ndim && (pool[start + 2 * k] * es) % pitch === 0) k++;
    let minOff = 0;
    let maxOff = 0;
    for (let m = k; m < ndim; m++) {
      const span = pool[start + 2 * m] * (pool[start + 2 * m + 1] - 1);
      if (span < 0) minOff += span;
      else maxOff += span;
    }
    // rel mod pitch in [0, pitch) with a division (exact for these integers below 2^32), not fmod
    const col = rel - Math.floor(rel / pitch) * pitch;
    const lo = col + minOff * es;
    const hi = col + maxOff * es + es;
    const exact = lo >= 0 && hi <= pitch;
    this.colLo = exact ? lo : 0;
    this.colHi = exact ? hi : pitch;
  }

}
