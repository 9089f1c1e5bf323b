/**
 * Shared plumbing of instruction semantics: operand checks that raise NKI diagnostics, conversion of
 * views to trace operands (partition range + free-dim access pattern), masked gathers/scatters with the
 * output cast, and emission of the instruction record.
 */

import { nkiError } from "../errors";
import type { DTypeInfo } from "../dtypes";
import type { Machine } from "../machine";
import { castInPlace, castValue } from "../memory/storage";
import { sliceView, viewSize, type Buffer, type View } from "../memory/tensor";
import { Access, DepType, Engine, InstrFlag, LoopKind, Memory, MEMORY_NAMES } from "../trace/types";

/** Element predicate over an instruction's iteration shape (C order); 0 = element not computed. */
export type Mask = Uint8Array | null;

export type Operand = readonly [Access, View];

export function memName(v: View): string {
  return MEMORY_NAMES[v.buffer.memory].toUpperCase();
}

/** Checks an operand is a live on-chip tile (partition dim first, ≤ pmax partitions). */
export function requireTile(m: Machine, v: View, what: string, instr: string): void {
  if (v.buffer.released) {
    nkiError("err_local_variable_used_out_of_scope", `${instr}: ${what} '${v.buffer.name}' is used after the block that created it ended`, m.location);
  }
  if (v.buffer.memory === Memory.Hbm) {
    nkiError("err_unsupported_memory", `${instr}: ${what} must be in SBUF or PSUM, got an HBM tensor; load it with nl.load first`, m.location);
  }
  if (v.partitionAxis !== 0) {
    nkiError("err_leading_dimension_of_tensor_must_be_partition", `${instr}: the first dimension of ${what} must be the partition dimension`, m.location);
  }
  if (v.shape[0] > m.target.partitions) {
    nkiError(
      "err_num_partition_exceed_arch_limit",
      `${instr}: Size of partition dimension ${v.shape[0]} exceeds architecture limitation of ${m.target.partitions}.`,
      m.location,
    );
  }
  checkInBounds(m, v, instr);
}

/**
 * Checks every element a view addresses lies inside its buffer: on chip, inside the buffer's
 * partitions and inside each partition's element range; in HBM, inside the tensor.
 */
export function checkInBounds(m: Machine, v: View, instr: string): void {
  if (!inBounds(v)) {
    nkiError(
      "err_tensor_access_out_of_bound",
      `${instr}: access to '${v.buffer.name}' (shape ${v.buffer.shape.join("x")}) falls outside the tensor`,
      m.location,
    );
  }
}

/** Whether every element a view addresses lies inside its buffer (see checkInBounds). */
export function inBounds(v: View): boolean {
  const b: Buffer = v.buffer;
  for (let k = 0; k < v.shape.length; k++) if (v.shape[k] === 0) return true;
  const onChip = b.memory !== Memory.Hbm && v.partitionAxis >= 0;
  let base = v.offset;
  let partLo = 0;
  let partHi = 0;
  if (onChip) {
    const first = Math.floor(v.offset / b.freeElems);
    base = v.offset - first * b.freeElems;
    partLo = first;
    partHi = first + (v.shape[v.partitionAxis] - 1) * (v.strides[v.partitionAxis] / b.freeElems);
  }
  let lo = base;
  let hi = base;
  for (let k = 0; k < v.shape.length; k++) {
    if (onChip && k === v.partitionAxis) continue;
    const span = v.strides[k] * (v.shape[k] - 1);
    if (span < 0) lo += span;
    else hi += span;
  }
  const limit = onChip ? b.freeElems : b.memory === Memory.Hbm ? b.freeElems : b.freeElems * b.partCount;
  const badPart = onChip && (Math.min(partLo, partHi) < 0 || Math.max(partLo, partHi) >= b.partCount);
  return !(lo < 0 || hi >= limit || badPart);
}

export function requireMemory(m: Machine, v: View, allowed: readonly Memory[], what: string, instr: string): void {
  if (!allowed.includes(v.buffer.memory)) {
    const names = allowed.map((k) => MEMORY_NAMES[k].toUpperCase()).join(" or ");
    nkiError("err_unsupported_memory", `${instr}: ${what} must be in ${names}, got ${memName(v)}`, m.location);
  }
}

export function requireSamePartitions(m: Machine, a: View, b: View, instr: string): void {
  if (a.shape[0] !== b.shape[0]) {
    nkiError("err_num_partition_mismatch", `${instr}: partition sizes differ (${a.shape[0]} vs ${b.shape[0]})`, m.location);
  }
}

export function requireSameSize(m: Machine, a: View, b: View, instr: string, what: string): void {
  if (viewSize(a) !== viewSize(b) || a.shape[0] !== b.shape[0]) {
    nkiError(
      "err_shape_mismatch",
      `${instr}: ${what} shapes (${a.shape.join(", ")}) and (${b.shape.join(", ")}) differ in partitions or elements per partition`,
      m.location,
    );
  }
}

export function freeSize(v: View): number {
  let n = 1;
  for (let k = 1; k < v.shape.length; k++) n *= v.shape[k];
  return n;
}

/**
 * Calls fn(storageStart, flatStart) for every innermost row of a view (C order); rows have
 * `shape[last]` elements `strides[last]` apart. Returns nothing for empty views.
 */
function forEachRow(v: View, fn: (storageStart: number, flatStart: number) => void): void {
  const nd = v.shape.length;
  if (nd === 0) {
    fn(v.offset, 0);
    return;
  }
  const inner = v.shape[nd - 1];
  const n = viewSize(v);
  if (n === 0) return;
  const idx = new Int32Array(nd);
  let base = v.offset;
  for (let pos = 0; pos < n; pos += inner) {
    fn(base, pos);
    for (let k = nd - 2; k >= 0; k--) {
      base += v.strides[k];
      if (++idx[k] < v.shape[k]) break;
      base -= v.strides[k] * v.shape[k];
      idx[k] = 0;
    }
  }
}

/** Reads a view's values in C order (fp32/int values as stored). */
export function gather(v: View): Float64Array {
  const data = v.buffer.data;
  if (!data) throw new Error("gather in timing-only mode");
  const out = new Float64Array(viewSize(v));
  const nd = v.shape.length;
  const inner = nd === 0 ? 1 : v.shape[nd - 1];
  const stride = nd === 0 ? 1 : v.strides[nd - 1];
  forEachRow(v, (s, pos) => {
    if (stride === 1) out.set(data.subarray(s, s + inner), pos);
    else for (let j = 0; j < inner; j++) out[pos + j] = data[s + j * stride];
  });
  return out;
}

/**
 * Element-for-element copy between two views of the same shape and dtype (bit-exact, no
 * intermediate array); returns false when the shapes differ so the caller takes the general path.
 */
export function copySameShape(dst: View, src: View): boolean {
  const to = dst.buffer.data;
  const from = src.buffer.data;
  if (!to || !from || dst.shape.length !== src.shape.length || dst.shape.some((s, k) => s !== src.shape[k])) return false;
  if (dst.buffer.dtype !== src.buffer.dtype) return false;
  const nd = src.shape.length;
  if (nd === 0) {
    to[dst.offset] = from[src.offset];
    return true;
  }
  const inner = src.shape[nd - 1];
  const ss = src.strides[nd - 1];
  const ds = dst.strides[nd - 1];
  if (nd === 2 && ss === 1 && ds === 1) {
    // Tile loads and stores: whole rows, no row-offset list.
    for (let r = 0; r < src.shape[0]; r++) {
      const s = src.offset + r * src.strides[0];
      to.set(from.subarray(s, s + inner), dst.offset + r * dst.strides[0]);
    }
    return true;
  }
  const starts: number[] = [];
  forEachRow(src, (s) => starts.push(s));
  let r = 0;
  forEachRow(dst, (d) => {
    const s = starts[r++];
    if (ss === 1 && ds === 1) to.set(from.subarray(s, s + inner), d);
    else for (let j = 0; j < inner; j++) to[d + j * ds] = from[s + j * ss];
  });
  return true;
}

/**
 * How scatter converts values: "engine" = fp32 result of an engine, rounded to fp32 then cast to the
 * destination dtype; "exact" = already representable in the destination dtype (plain copy);
 * "int" = exact integer results (int32 index math), cast without an fp32 rounding step;
 * "bits" = 32-bit lanes of a bitvec operator, narrowed to an integer destination by keeping its low
 * bits (numpy's integer conversion), or read as int32 for a float or bool destination.
 */
export type Conversion = "engine" | "exact" | "int" | "bits";

/** The conversion of an ALU operator's results: bitvec lanes keep their bits. */
export function resultConversion(kind: "arith" | "bitvec"): Conversion {
  return kind === "bitvec" ? "bits" : "engine";
}

function fromLane(d: DTypeInfo, x: number): number {
  const v = x | 0;
  if (d.kind === "int") return d.bits >= 32 ? v : (v << (32 - d.bits)) >> (32 - d.bits);
  if (d.kind === "uint") return d.bits >= 32 ? v >>> 0 : (v << (32 - d.bits)) >>> (32 - d.bits);
  return castValue(d, Math.fround(v));
}

/** Writes values (C order over dst.shape) into dst with the output cast; skips masked-off elements. */
export function scatter(dst: View, values: ArrayLike<number>, mask: Mask, conv: Conversion = "engine"): void {
  const data = dst.buffer.data;
  if (!data) throw new Error("scatter in timing-only mode");
  const d = dst.buffer.dtype;
  let src: ArrayLike<number> = values;
  if (conv === "bits") {
    const t = new Float64Array(values.length);
    for (let i = 0; i < t.length; i++) t[i] = fromLane(d, values[i]);
    src = t;
  } else if (conv !== "exact") {
    if (d.kind === "float" && data instanceof Float32Array) {
      const t = values instanceof Float32Array ? values : Float32Array.from(values);
      castInPlace(d, t, 0, t.length);
      src = t;
    } else {
      const t = new Float64Array(values.length);
      for (let i = 0; i < t.length; i++) t[i] = castValue(d, conv === "engine" ? Math.fround(values[i]) : values[i]);
      src = t;
    }
  }
  const nd = dst.shape.length;
  const inner = nd === 0 ? 1 : dst.shape[nd - 1];
  const stride = nd === 0 ? 1 : dst.strides[nd - 1];
  forEachRow(dst, (s, pos) => {
    if (mask) {
      for (let j = 0; j < inner; j++) if (mask[pos + j] !== 0) data[s + j * stride] = src[pos + j];
    } else if (stride === 1 && (src instanceof Float32Array || src instanceof Float64Array)) {
      data.set(src.subarray(pos, pos + inner), s);
    } else {
      for (let j = 0; j < inner; j++) data[s + j * stride] = src[pos + j];
    }
  });
}

/** Sets every element of dst to `value` (already in dst's dtype), without a values array. */
export function fillView(dst: View, value: number): void {
  const data = dst.buffer.data;
  if (!data) throw new Error("fillView in timing-only mode");
  const nd = dst.shape.length;
  const inner = nd === 0 ? 1 : dst.shape[nd - 1];
  const stride = nd === 0 ? 1 : dst.strides[nd - 1];
  forEachRow(dst, (s) => {
    if (stride === 1) data.fill(value, s, s + inner);
    else for (let j = 0; j < inner; j++) data[s + j * stride] = value;
  });
}

/** Per-dim [lo, hi) bounding box of the true elements of a mask over `shape`; null when none is true. */
export function maskBounds(shape: readonly number[], mask: Uint8Array): [number, number][] | null {
  const nd = shape.length;
  const lo = shape.map((s) => s);
  const hi = shape.map(() => 0);
  const idx = new Array<number>(nd).fill(0);
  let any = false;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] !== 0) {
      any = true;
      for (let k = 0; k < nd; k++) {
        if (idx[k] < lo[k]) lo[k] = idx[k];
        if (idx[k] + 1 > hi[k]) hi[k] = idx[k] + 1;
      }
    }
    for (let k = nd - 1; k >= 0; k--) {
      if (++idx[k] < shape[k]) break;
      idx[k] = 0;
    }
  }
  return any ? lo.map((l, k) => [l, hi[k]] as [number, number]) : null;
}

/** Shrinks a view to a bounding box (dims beyond the box's rank, or of different size, keep full extent). */
export function shrink(v: View, box: [number, number][], iterShape: readonly number[]): View {
  let out = v;
  for (let k = 0; k < box.length && k < v.shape.length; k++) {
    if (k > 0 && v.shape[k] !== iterShape[k]) continue;
    if (k === 0 && v.shape[0] !== iterShape[0]) continue;
    out = sliceView(out, k, box[k][0], box[k][1]);
  }
  return out;
}

/**
 * Emits the instruction record. With a mask, operands are shrunk to the mask's bounding box (the
 * compiler shrinks masked instructions); returns false when the mask is all-false (instruction skipped).
 */
export function emit(
  m: Machine,
  engine: Engine,
  opcode: string,
  variant: string,
  flags: number,
  flops: number,
  operands: readonly Operand[],
  mask: Mask = null,
  iterShape: readonly number[] = [],
): boolean {
  m.settle();
  for (let k = 0; k < operands.length; k++) {
    opAccess[k] = operands[k][0];
    opView[k] = operands[k][1];
  }
  return record(m, engine, opcode, variant, flags, flops, operands.length, mask, iterShape);
}

/** emit with two operands, without an operand array (the hot DMA and copy instructions). */
export function emit2(
  m: Machine, engine: Engine, opcode: string, variant: string, flags: number, flops: number,
  a0: Access, v0: View, a1: Access, v1: View, mask: Mask, iterShape: readonly number[],
): boolean {
  m.settle();
  opAccess[0] = a0;
  opView[0] = v0;
  opAccess[1] = a1;
  opView[1] = v1;
  return record(m, engine, opcode, variant, flags, flops, 2, mask, iterShape);
}

/** emit with three operands, without an operand array (tensor_tensor, nc_matmul). */
export function emit3(
  m: Machine, engine: Engine, opcode: string, variant: string, flags: number, flops: number,
  a0: Access, v0: View, a1: Access, v1: View, a2: Access, v2: View, mask: Mask, iterShape: readonly number[],
): boolean {
  m.settle();
  opAccess[0] = a0;
  opView[0] = v0;
  opAccess[1] = a1;
  opView[1] = v1;
  opAccess[2] = a2;
  opView[2] = v2;
  return record(m, engine, opcode, variant, flags, flops, 3, mask, iterShape);
}

/**
 * The operands of the instruction being recorded, [0, n): filled after the machine settled (settling
 * records the deferred instruction, which fills them too) and cleared once recorded, so they keep no
 * tensor alive.
 */
const opAccess: Access[] = [];
const opView: (View | null)[] = [];

function record(m: Machine, engine: Engine, opcode: string, variant: string, flags: number, flops: number, n: number, mask: Mask, iterShape: readonly number[]): boolean {
  let f = flags | (m.functional ? 0 : InstrFlag.TimingOnly);
  let fl = flops;
  try {
    if (mask) {
      const box = maskBounds(iterShape, mask);
      if (!box) return false;
      for (let k = 0; k < n; k++) opView[k] = shrink(opView[k] as View, box, iterShape);
      f |= InstrFlag.Masked;
      const full = iterShape.reduce((s, x) => s * x, 1);
      const boxed = box.reduce((s, [l, h]) => s * (h - l), 1);
      fl = full > 0 ? Math.round((flops * boxed) / full) : 0;
    }
    const t = m.trace;
    t.begin(engine, opcode, variant, f, fl);
    for (let k = 0; k < n; k++) addOperand(m, opAccess[k], opView[k] as View);
    checkAffineRace(m, t.end(), n);
    return true;
  } finally {
    for (let k = 0; k < n; k++) opView[k] = null;
  }
}

/**
 * Different iterations of one affine_range loop may not write the same location of the same tensor
 * (`err_unexpected_output_dependencies` [ERR226]); accumulations (read-modify-write, e.g. PSUM
 * `+=`) are the recognised associative reductions and are allowed.
 */
function checkAffineRace(m: Machine, id: number, operandCount: number): void {
  const t = m.trace;
  const path = t.pathId(id);
  if (path === 0) return;
  // Instructions recorded before every tensor this one overwrites existed cannot have written them:
  // that covers the WAW dependencies of address reuse (a tile of this iteration on an earlier one's
  // bytes), and all of them when the tiles were created after the previous instruction.
  const firstPossible = earliestOverwrittenCreation(t, operandCount);
  if (firstPossible >= id) return;
  const n = t.depCount(id);
  for (let k = 0; k < n; k++) {
    if (t.depType(id, k) !== DepType.Waw) continue;
    const j = t.depOn(id, k);
    // Before those tensors existed, or on the same (loop, iteration) path: no two iterations involved.
    if (j < firstPossible || t.pathId(j) === path) continue;
    const shared = sharedWrittenTensor(t, id, j);
    if (shared < 0) continue;
    const na = pathNodes(t, t.pathId(id), racePathA);
    const nb = pathNodes(t, t.pathId(j), racePathB);
    const a = racePathA;
    const b = racePathB;
    for (let d = 0; d < Math.min(na, nb) && t.pathLoop(a[d]) === t.pathLoop(b[d]); d++) {
      const ia = t.pathIteration(a[d]);
      const ib = t.pathIteration(b[d]);
      if (ia === ib) continue;
      const loop = t.loop(t.pathLoop(a[d]));
      if (loop.kind !== LoopKind.Affine) break;
      nkiError(
        "err_unexpected_output_dependencies",
        `iterations ${ib} and ${ia} of the affine_range loop at line ${loop.line} both write the same ` +
          `elements of '${t.tensor(shared).name}'; index the write by the loop variable or use sequential_range`,
        m.location,
      );
    }
  }
}

/** The earliest creation point (instruction count) of a tensor operands [0, n) overwrite (plain write); +inf if none. */
function earliestOverwrittenCreation(t: Machine["trace"], n: number): number {
  let first = Infinity;
  for (let k = 0; k < n; k++) {
    if (opAccess[k] !== Access.Write) continue;
    const created = t.tensorCreatedAt((opView[k] as View).buffer.id);
    if (created < first) first = created;
  }
  return first;
}

// Reused by every call (never truncated: resetting an array's length drops its storage).
const racePathA: number[] = [];
const racePathB: number[] = [];

/** Writes the path nodes from the outermost loop to `pathId` into out[0, n) and returns n (the trace's loopPath without allocating). */
function pathNodes(t: Machine["trace"], pathId: number, out: number[]): number {
  let n = 0;
  for (let p = pathId; p !== 0 && p !== 0xffffffff; p = t.pathParent(p)) out[n++] = p;
  for (let lo = 0, hi = n - 1; lo < hi; lo++, hi--) {
    const x = out[lo];
    out[lo] = out[hi];
    out[hi] = x;
  }
  return n;
}

/** A tensor that instruction i overwrites (plain write) and instruction j also wrote, or -1. */
function sharedWrittenTensor(t: Machine["trace"], i: number, j: number): number {
  for (let k = 0; k < t.operandCount(i); k++) {
    if (t.operandAccess(i, k) !== Access.Write) continue;
    const tensor = t.operandTensor(i, k);
    for (let q = 0; q < t.operandCount(j); q++) {
      if ((t.operandAccess(j, q) & Access.Write) !== 0 && t.operandTensor(j, q) === tensor) return tensor;
    }
  }
  return -1;
}

/** Reused access-pattern buffer of addOperand (the trace copies it). */
const scratchPattern = new Int32Array(2 * 16);

function addOperand(m: Machine, access: Access, v: View): void {
  const b = v.buffer;
  const es = b.dtype.size;
  const pattern = scratchPattern;
  let n = 0;
  if (v.shape.length > 16) throw new Error("trace: bad access pattern");
  if (b.memory === Memory.Hbm) {
    for (let k = 0; k < v.shape.length; k++) {
      pattern[n++] = v.strides[k];
      pattern[n++] = v.shape[k];
    }
    m.trace.addOperand(access, b.memory, b.id, b.dtype.code, 0, 0, b.addr + v.offset * es, pattern, n);
    return;
  }
  const pAxis = v.partitionAxis;
  const firstPart = Math.floor(v.offset / b.freeElems);
  const inPart = v.offset - firstPart * b.freeElems;
  for (let k = 0; k < v.shape.length; k++) {
    if (k === pAxis) continue;
    pattern[n++] = v.strides[k];
    pattern[n++] = v.shape[k];
  }
  const parts = pAxis >= 0 ? v.shape[pAxis] : 1;
  m.trace.addOperand(access, b.memory, b.id, b.dtype.code, b.partStart + firstPart, parts, b.addr + inPart * es, pattern, n);
}

export { Access, Engine, InstrFlag, Memory };
