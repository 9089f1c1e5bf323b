/**
 * DMA instructions: dma_copy (with casting and dst_rmw_op accumulation), dma_transpose, and the
 * nl.load / nl.store lowerings. DMA moves data between HBM and SBUF; PSUM is not a DMA endpoint
 * (nl.store of a PSUM tile first copies it to SBUF, as the compiler does [LANG226]).
 */

import { nkiError } from "../errors";
import { aluOp } from "./alu";
import type { Machine } from "../machine";
import { permuteView, viewSize, type View } from "../memory/tensor";
import { Access, Engine, InstrFlag, Memory, checkInBounds, copySameShape, emit, emit2, gather, memName, requireMemory, scatter, type Mask } from "./common";
import { tensorCopy } from "./elementwise";

const DMA_MEMORIES = [Memory.Hbm, Memory.Sbuf] as const;

function checkEndpoint(m: Machine, v: View, what: string, instr: string): void {
  if (v.buffer.released) {
    nkiError("err_local_variable_used_out_of_scope", `${instr}: ${what} '${v.buffer.name}' is used after the block that created it ended`, m.location);
  }
  if (v.buffer.memory === Memory.Psum) {
    nkiError("err_unsupported_memory", `${instr}: DMA cannot access PSUM (${what} '${v.buffer.name}'); copy the tile to SBUF first`, m.location);
  }
  requireMemory(m, v, DMA_MEMORIES, what, instr);
  if (v.buffer.memory === Memory.Sbuf && v.partitionAxis === 0 && v.shape[0] > m.target.partitions) {
    nkiError(
      "err_num_partition_exceed_arch_limit",
      `${instr}: Size of partition dimension ${v.shape[0]} exceeds architecture limitation of ${m.target.partitions}.`,
      m.location,
    );
  }
}

export interface DmaCopyOpts {
  readonly mask?: Mask;
  /** Read-modify-write of dst with this ALU op (`dst_rmw_op=np.add`, nl.atomic_rmw's op). */
  readonly dstRmwOp?: string | null;
  /** "error" (default) raises on out-of-bounds elements; "skip" leaves them out [ISA226 oob_mode]. */
  readonly oobMode?: "error" | "skip";
  /**
   * Descriptor generation requested with `dge_mode` (none, swdge, hwdge; unknown = the compiler
   * decides) [DGE]. Recorded on the instruction (variant `dge:<mode>`); the timing model does not
   * price it yet.
   */
  readonly dgeMode?: "none" | "swdge" | "hwdge" | "unknown";
}

/** 1 for each element (C order) of a view that lies inside its buffer (and its partition on chip). */
function inBoundsMask(v: View): Uint8Array {
  const b = v.buffer;
  const n = viewSize(v);
  const out = new Uint8Array(n);
  const nd = v.shape.length;
  const onChip = b.memory !== Memory.Hbm && v.partitionAxis >= 0;
  const first = onChip ? Math.floor(v.offset / b.freeElems) : 0;
  const base = onChip ? v.offset - first * b.freeElems : v.offset;
  const limit = b.memory === Memory.Hbm ? b.freeElems : onChip ? b.freeElems : b.freeElems * b.partCount;
  const idx = new Array<number>(nd).fill(0);
  for (let i = 0; i < n; i++) {
    let part = first;
    let off = base;
    for (let k = 0; k < nd; k++) {
      if (onChip && k === v.partitionAxis) part += (idx[k] * v.strides[k]) / b.freeElems;
      else off += idx[k] * v.strides[k];
    }
    out[i] = off >= 0 && off < limit && (!onChip || (part >= 0 && part < b.partCount)) ? 1 : 0;
    for (let k = nd - 1; k >= 0; k--) {
      if (++idx[k] < v.shape[k]) break;
      idx[k] = 0;
    }
  }
  return out;
}

const NO_DMA_OPTS: DmaCopyOpts = {};

export function dmaCopy(m: Machine, dst: View, src: View, opts: DmaCopyOpts = NO_DMA_OPTS): void {
  const instr = "dma_copy";
  checkEndpoint(m, src, "src", instr);
  checkEndpoint(m, dst, "dst", instr);
  const skip = opts.oobMode === "skip";
  if (!skip) {
    checkInBounds(m, src, instr);
    checkInBounds(m, dst, instr);
  }
  if (viewSize(src) !== viewSize(dst)) {
    nkiError(
      "err_shape_mismatch",
      `${instr}: src (${src.shape.join(", ")}) and dst (${dst.shape.join(", ")}) hold different numbers of elements`,
      m.location,
    );
  }
  const cast = src.buffer.dtype !== dst.buffer.dtype;
  const rmwOp = opts.dstRmwOp ? aluOp(opts.dstRmwOp) : null;
  if (opts.dstRmwOp && !rmwOp) nkiError("err_unsupported_dtype", `${instr}: unsupported dst_rmw_op '${opts.dstRmwOp}'`, m.location);
  const rmw = rmwOp !== null;
  const flags = cast ? InstrFlag.DmaCast : 0;
  let mask = opts.mask ?? null;
  if (skip) {
    const valid = inBoundsMask(src);
    const validDst = inBoundsMask(dst);
    for (let i = 0; i < valid.length; i++) valid[i] &= validDst[i] & (mask ? mask[i] : 1);
    mask = valid;
  }
  const dge = opts.dgeMode && opts.dgeMode !== "unknown" ? `dge:${opts.dgeMode}` : "";
  const rmwTag = rmwOp ? `rmw:${rmwOp.name}` : "";
  const variant = rmwTag && dge ? `${rmwTag},${dge}` : rmwTag || dge;
  if (!emit2(m, Engine.Dma, instr, variant, flags, rmw ? viewSize(dst) : 0, Access.Read, src, rmw ? Access.ReadWrite : Access.Write, dst, mask, dst.shape)) return;
  if (!m.functional) return;
  if (!rmwOp && !cast && !mask && copySameShape(dst, src)) return;
  const values = gather(src);
  if (rmwOp) {
    const cur = gather(dst);
    for (let i = 0; i < values.length; i++) values[i] = rmwOp.apply(cur[i], values[i]);
  }
  // DMA casting goes through fp32 [DMA].
  scatter(dst, values, mask, cast || rmw ? "engine" : "exact");
}

/** dma_transpose: permutes src's dims by `axes` (default: reverse) into dst [ISA226 dma_transpose]. */
export function dmaTranspose(m: Machine, dst: View, src: View, axes: readonly number[] | null = null, mask: Mask = null): void {
  const instr = "dma_transpose";
  checkEndpoint(m, src, "src", instr);
  checkEndpoint(m, dst, "dst", instr);
  const perm = axes ?? src.shape.map((_, k) => src.shape.length - 1 - k);
  const allowed = [[1, 0], [2, 1, 0], [3, 1, 2, 0]];
  if (!allowed.some((a) => a.length === perm.length && a.every((x, k) => x === perm[k]))) {
    nkiError("err_shape_mismatch", `${instr}: axes (${perm.join(", ")}) not supported; use (1, 0), (2, 1, 0) or (3, 1, 2, 0)`, m.location);
  }
  if ([2, 4].indexOf(src.buffer.dtype.size) < 0) {
    nkiError("err_unsupported_dtype", `${instr}: only 2- and 4-byte dtypes can be DMA-transposed, got ${src.buffer.dtype.name}`, m.location);
  }
  const moved = permuteView(src, perm);
  if (moved.shape.some((s, k) => s !== dst.shape[k]) || moved.shape.length !== dst.shape.length) {
    nkiError("err_shape_mismatch", `${instr}: transposed src is (${moved.shape.join(", ")}) but dst is (${dst.shape.join(", ")})`, m.location);
  }
  checkInBounds(m, src, instr);
  checkInBounds(m, dst, instr);
  const flags = InstrFlag.DmaTranspose | (src.buffer.dtype !== dst.buffer.dtype ? InstrFlag.DmaCast : 0);
  if (!emit(m, Engine.Dma, instr, perm.join(","), flags, 0, [[Access.Read, src], [Access.Write, dst]], mask, dst.shape)) return;
  if (!m.functional) return;
  scatter(dst, gather({ ...moved, partitionAxis: -1 }), mask, src.buffer.dtype !== dst.buffer.dtype ? "engine" : "exact");
}

/**
 * nl.store(dst, value): a PSUM value is first copied to a fresh SBUF tile on the Vector engine
 * (implicit instruction), then DMA'd.
 */
export function store(m: Machine, dst: View, value: View, mask: Mask = null): void {
  if (dst.buffer.memory !== Memory.Hbm) {
    nkiError("err_unsupported_memory", `store: destination must be in HBM, got ${memName(dst)}`, m.location);
  }
  let src = value;
  if (value.buffer.memory === Memory.Psum) {
    // Unmasked, the copy writes every element of the staging tile (or raises before it is read).
    const tmp = m.allocOnChip(`${value.buffer.name}_sbuf`, Memory.Sbuf, value.shape, value.buffer.dtype, 0, undefined, mask === null);
    src = m.view(tmp);
    tensorCopy(m, src, value, { mask, flags: InstrFlag.Implicit });
  }
  dmaCopy(m, dst, src, { mask });
}
