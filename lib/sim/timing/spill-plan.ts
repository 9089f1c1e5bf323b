/**
 * Compiler-style spill planning: which on-chip data a compiler's allocator would save to HBM and
 * reload when the live tiles of a kernel exceed SBUF (or PSUM), and before which instruction.
 *
 * The functional allocator only hands out addresses: a tile it cannot place beside the tiles of open
 * scopes gets an address in its spill region (lib/sim/memory/allocator.ts). That signals that the
 * kernel over-subscribes the memory, but not what a compiler would move. This plan decides that from
 * the whole instruction stream, in program order:
 *
 * - The unit of allocation and spilling is a *piece*: the byte range (per partition) of a tile that
 *   one instruction first wrote. A tile filled by one DMA is one piece; a block-dimension tile
 *   (`nl.ndarray((K, nl.par_dim(128), N))`) filled block by block has a piece per block, as the
 *   compiler treats each block as a tile of its own.
 * - A piece occupies memory from its first access to its last (its lifetime); after the last access
 *   it is freed without being saved.
 * - Before an instruction runs, every piece it touches must be resident; it is never evicted in the
 *   middle of its own use. If they do not fit beside the resident pieces, the resident piece whose
 *   next use is furthest away is evicted (Belady's rule, the optimum for equal-sized pieces).
 * - An evicted piece is saved only if SBUF holds data newer than its HBM copy (written since its
 *   last save); it is reloaded once, at its next use, unless that use overwrites it whole.
 *
 * Fragmentation is not modelled (pieces fit wherever bytes are free), and explicit allocations are
 * pinned: their bytes are taken off the capacity for the whole kernel.
 */

import { dtypeByCode } from "../dtypes";
import { Access, AllocKind, Memory, OperandCursors, type Trace } from "../trace";

export const SpillAction = { Save: 0, Reload: 1 } as const;

const ON_CHIP = [Memory.Sbuf, Memory.Psum] as const;

/** Spill transfers inserted before trace records (CSR by record). */
export interface SpillPlan {
  /** Actions before record i are [actionStart[i], actionStart[i + 1]). */
  readonly actionStart: Uint32Array;
  readonly kind: Uint8Array;
  readonly tensor: Int32Array;
  readonly bytesPerPartition: Float64Array;
  /**
   * Save: the trace record that last wrote the piece (the save waits for it). Reload: the index of
   * the action that saved it (the reload waits for that save).
   */
  readonly after: Int32Array;
}

export interface SpillCapacity {
  readonly sbufBytesPerPartition: number;
  readonly psumBytesPerPartition: number;
}

/** Pieces of every tile, created as instructions first touch byte ranges. */
class Pieces {
  tensor = new Int32Array(64);
  lo = new Float64Array(64);
  hi = new Float64Array(64);
  count = 0;
  /** Per tensor, its pieces sorted by address (disjoint). */
  private readonly byTensor = new Map<number, number[]>();

  /** Appends the pieces covering [lo, hi) of `tensor` to `out`, creating pieces for untouched gaps. */
  cover(tensor: number, lo: number, hi: number, out: number[]): void {
    let list = this.byTensor.get(tensor);
    if (!list) {
      list = [];
      this.byTensor.set(tensor, list);
    }
    // First piece that ends after lo.
    let a = 0;
    let b = list.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (this.hi[list[mid]] <= lo) a = mid + 1;
      else b = mid;
    }
    let cursor = lo;
    let at = a;
    while (cursor < hi) {
      const next = list[at];
      if (next !== undefined && this.lo[next] <= cursor) {
        out.push(next);
        cursor = this.hi[next];
        at++;
        continue;
      }
      const end = next === undefined ? hi : Math.min(hi, this.lo[next]);
      const piece = this.add(tensor, cursor, end);
      list.splice(at, 0, piece);
      out.push(piece);
      cursor = end;
      at++;
    }
  }

  private add(tensor: number, lo: number, hi: number): number {
    if (this.count === this.tensor.length) {
      const size = 2 * this.count;
      this.tensor = grow(this.tensor, new Int32Array(size));
      this.lo = grow(this.lo, new Float64Array(size));
      this.hi = grow(this.hi, new Float64Array(size));
    }
    this.tensor[this.count] = tensor;
    this.lo[this.count] = lo;
    this.hi[this.count] = hi;
    return this.count++;
  }
}

function grow<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** Whether any auto-allocated tile got an address in the functional allocator's spill region. */
function overSubscribed(trace: Trace, capacity: SpillCapacity): boolean {
  for (let id = 0; id < trace.tensorCount; id++) {
    const memory = trace.tensorMemory(id);
    if (memory === Memory.Hbm || trace.tensorAlloc(id) !== AllocKind.Auto) continue;
    const limit = memory === Memory.Sbuf ? capacity.sbufBytesPerPartition : capacity.psumBytesPerPartition;
    if (trace.tensorAddr(id) + trace.tensorBytes(id) > limit) return true;
  }
  return false;
}

/** Bytes per partition that explicit allocations in `memory` pin (the union of their ranges). */
function pinnedBytes(trace: Trace, memory: Memory): number {
  const ranges: [number, number][] = [];
  for (let id = 0; id < trace.tensorCount; id++) {
    if (trace.tensorMemory(id) !== memory || trace.tensorAlloc(id) !== AllocKind.Explicit) continue;
    ranges.push([trace.tensorAddr(id), trace.tensorAddr(id) + trace.tensorBytes(id)]);
  }
  ranges.sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = -Infinity;
  for (const [lo, hi] of ranges) {
    if (hi <= end) continue;
    total += hi - Math.max(lo, end);
    end = hi;
  }
  return total;
}

/**
 * The spill transfers for `trace` under `capacity`, or null when the functional allocator placed
 * every tile (live tiles never exceeded the memory, so nothing is spilled).
 */
export function planSpills(trace: Trace, capacity: SpillCapacity): SpillPlan | null {
  if (!overSubscribed(trace, capacity)) return null;
  const n = trace.length;
  const views = trace.columnViews();
  const { operandAccess, operandMemory, operandTensor } = views;
  const pieces = new Pieces();
  const cursor = new OperandCursors().of(1)[0];

  // Pass 1: the pieces each record touches (CSR), how, and whether a write covers the piece whole.
  const useStart = new Uint32Array(n + 1);
  const useCols = { piece: [] as number[], access: [] as number[], whole: [] as number[] };
  const touched: number[] = [];
  for (let i = 0; i < n; i++) {
    const first = useCols.piece.length;
    for (let k = 0, op = views.operandStart[i]; k < trace.operandCount(i); k++, op++) {
      const memory = operandMemory[op];
      const tensor = operandTensor[op];
      if (memory === Memory.Hbm || trace.tensorAlloc(tensor) !== AllocKind.Auto) continue;
      trace.readOperand(i, k, cursor);
      const size = dtypeByCode(cursor.dtype).size;
      let lo = cursor.addr;
      let hi = cursor.addr + size;
      let empty = false;
      for (let d = 0; d < cursor.pattern.length; d += 2) {
        if (cursor.pattern[d + 1] === 0) empty = true;
        const span = cursor.pattern[d] * (cursor.pattern[d + 1] - 1) * size;
        if (span < 0) lo += span;
        else hi += span;
      }
      // A fully masked-off access touches nothing.
      if (empty) continue;
      touched.length = 0;
      pieces.cover(tensor, lo, hi, touched);
      const access = operandAccess[op];
      for (const piece of touched) {
        const whole = access === Access.Write && lo <= pieces.lo[piece] && pieces.hi[piece] <= hi ? 1 : 0;
        let u = first;
        while (u < useCols.piece.length && useCols.piece[u] !== piece) u++;
        if (u === useCols.piece.length) {
          useCols.piece.push(piece);
          useCols.access.push(access);
          useCols.whole.push(whole);
        } else {
          // Read and written by one instruction (x = x + y): it needs the old contents.
          useCols.access[u] |= access;
          useCols.whole[u] = (useCols.access[u] & Access.Read) === 0 && (useCols.whole[u] | whole) ? 1 : 0;
        }
      }
    }
    useStart[i + 1] = useCols.piece.length;
  }

  // Each piece's uses in record order (CSR), for the next-use distance.
  const count = pieces.count;
  const usesOfStart = new Uint32Array(count + 1);
  for (const piece of useCols.piece) usesOfStart[piece + 1]++;
  for (let p = 0; p < count; p++) usesOfStart[p + 1] += usesOfStart[p];
  const usesOf = new Int32Array(useCols.piece.length);
  const fill = usesOfStart.slice(0, count);
  for (let i = 0; i < n; i++) for (let u = useStart[i]; u < useStart[i + 1]; u++) usesOf[fill[useCols.piece[u]]++] = i;

  // Pass 2: residency in program order.
  const next = usesOfStart.slice(0, count);
  const nextUse = (p: number) => (next[p] < usesOfStart[p + 1] ? usesOf[next[p]] : Infinity);
  const resident = new Uint8Array(count);
  const dirty = new Uint8Array(count);
  const savedBy = new Int32Array(count).fill(-1);
  const lastWriter = new Int32Array(count).fill(-1);
  const memoryOf = (p: number) => trace.tensorMemory(pieces.tensor[p]);
  const limits = [
    0,
    capacity.sbufBytesPerPartition - pinnedBytes(trace, Memory.Sbuf),
    capacity.psumBytesPerPartition - pinnedBytes(trace, Memory.Psum),
  ];
  const used = [0, 0, 0];
  // Resident pieces per memory, unordered; posIn locates a piece for O(1) removal.
  const residents: number[][] = [[], [], []];
  const posIn = new Int32Array(count);
  const out = { kind: [] as number[], tensor: [] as number[], bytes: [] as number[], after: [] as number[] };
  const actionStart = new Uint32Array(n + 1);
  const bytesOf = (p: number) => pieces.hi[p] - pieces.lo[p];
  const leave = (p: number) => {
    const mem = memoryOf(p);
    const list = residents[mem];
    const last = list.pop() as number;
    if (last !== p) {
      list[posIn[p]] = last;
      posIn[last] = posIn[p];
    }
    resident[p] = 0;
    used[mem] -= bytesOf(p);
  };
  const need = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    const u0 = useStart[i];
    const u1 = useStart[i + 1];
    need[Memory.Sbuf] = 0;
    need[Memory.Psum] = 0;
    for (let u = u0; u < u1; u++) {
      const p = useCols.piece[u];
      if (!resident[p]) need[memoryOf(p)] += bytesOf(p);
    }
    for (const mem of ON_CHIP) {
      while (need[mem] > 0 && used[mem] + need[mem] > limits[mem]) {
        // Furthest next use; the pieces this record touches have next use i and are never chosen.
        let victim = -1;
        let furthest = i;
        for (const p of residents[mem]) {
          const at = nextUse(p);
          if (at > furthest || (at === furthest && victim >= 0 && p > victim)) {
            furthest = at;
            victim = p;
          }
        }
        if (victim < 0) break;
        if (dirty[victim]) {
          out.kind.push(SpillAction.Save);
          out.tensor.push(pieces.tensor[victim]);
          out.bytes.push(bytesOf(victim));
          out.after.push(lastWriter[victim]);
          savedBy[victim] = out.kind.length - 1;
          dirty[victim] = 0;
        }
        leave(victim);
      }
    }
    for (let u = u0; u < u1; u++) {
      const p = useCols.piece[u];
      if (resident[p]) continue;
      if (savedBy[p] >= 0 && !useCols.whole[u]) {
        out.kind.push(SpillAction.Reload);
        out.tensor.push(pieces.tensor[p]);
        out.bytes.push(bytesOf(p));
        out.after.push(savedBy[p]);
      }
      const mem = memoryOf(p);
      resident[p] = 1;
      posIn[p] = residents[mem].length;
      residents[mem].push(p);
      used[mem] += bytesOf(p);
    }
    actionStart[i + 1] = out.kind.length;
    for (let u = u0; u < u1; u++) {
      const p = useCols.piece[u];
      if (useCols.access[u] & Access.Write) {
        dirty[p] = 1;
        lastWriter[p] = i;
      }
      next[p]++;
      if (nextUse(p) === Infinity) leave(p);
    }
  }
  if (out.kind.length === 0) return null;
  return {
    actionStart,
    kind: Uint8Array.from(out.kind),
    tensor: Int32Array.from(out.tensor),
    bytesPerPartition: Float64Array.from(out.bytes),
    after: Int32Array.from(out.after),
  };
}
