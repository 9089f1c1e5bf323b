/**
 * Offsets-only allocator for a fixed byte range (the resident-array heap in the kernels' WebAssembly
 * memory, see heap.ts): blocks are whole 4 KiB pages; freed blocks wait in bins of their exact size,
 * so the common pattern of numerical code (a result of the same size as the one just dropped) takes
 * a block that is still mapped and often still in cache. Otherwise the smallest larger free block is
 * split, then untouched space above `top` is taken, and when none of those fits, free blocks are
 * coalesced and tried again.
 *
 * A pure (no memory, no GC) state machine, so its behaviour is tested directly.
 */

export const BLOCK_GRANULE = 4096;

/** A block handed out: its offset, and whether its bytes may hold an earlier block's data. */
export interface Block {
  readonly offset: number;
  readonly dirty: boolean;
}

export class BlockAllocator {
  readonly #start: number;
  readonly #end: number;
  /** First byte never handed out since the last coalescing lowered it (bytes above are untouched only if also above #clean). */
  #top: number;
  /** Bytes at or above this offset have never been handed out, so they are still zero. */
  #clean: number;
  /** Size of every live block by offset. */
  readonly #live = new Map<number, number>();
  /** Free blocks by exact size. */
  #bins = new Map<number, number[]>();
  #freeBytes = 0;

  constructor(start: number, end: number) {
    if (start % BLOCK_GRANULE !== 0 || end < start) throw new RangeError(`BlockAllocator: bad range [${start}, ${end})`);
    this.#start = start;
    this.#end = start + Math.floor((end - start) / BLOCK_GRANULE) * BLOCK_GRANULE;
    this.#top = start;
    this.#clean = start;
  }

  /** Bytes held by live blocks. */
  get liveBytes(): number {
    return this.#top - this.#start - this.#freeBytes;
  }

  get capacity(): number {
    return this.#end - this.#start;
  }

  /** The block size a request of `bytes` takes. */
  static sizeFor(bytes: number): number {
    return Math.max(BLOCK_GRANULE, Math.ceil(bytes / BLOCK_GRANULE) * BLOCK_GRANULE);
  }

  /** A block of at least `bytes` bytes, or null when none fits. */
  allocate(bytes: number): Block | null {
    const size = BlockAllocator.sizeFor(bytes);
    // Memory handed out before beats untouched memory: a first write to a page costs a page fault
    // (about 1.6 ms per 4 MiB on the VMs this runs on; ten times a warm write).
    return this.#fromBin(size) ?? this.#split(size) ?? this.#fromTop(size) ?? (this.#coalesce() ? (this.#fromBin(size) ?? this.#split(size) ?? this.#fromTop(size)) : null);
  }

  /** Returns the block at `offset`; unknown offsets (already freed) are ignored. */
  free(offset: number): void {
    const size = this.#live.get(offset);
    if (size === undefined) return;
    this.#live.delete(offset);
    this.#freeBytes += size;
    const bin = this.#bins.get(size);
    if (bin === undefined) this.#bins.set(size, [offset]);
    else bin.push(offset);
  }

  #take(offset: number, size: number): Block {
    this.#live.set(offset, size);
    return { offset, dirty: offset < this.#clean };
  }

  #fromBin(size: number): Block | null {
    const bin = this.#bins.get(size);
    if (bin === undefined || bin.length === 0) return null;
    this.#freeBytes -= size;
    return this.#take(bin.pop() as number, size);
  }

  #fromTop(size: number): Block | null {
    if (this.#top + size > this.#end) return null;
    const offset = this.#top;
    this.#top += size;
    const block = this.#take(offset, size);
    this.#clean = Math.max(this.#clean, this.#top);
    return block;
  }

  /** Merges adjacent free blocks and gives a free run at the top back to `top`; false when nothing is free. */
  #coalesce(): boolean {
    if (this.#freeBytes === 0) return false;
    const runs: [number, number][] = [];
    for (const [size, offsets] of this.#bins) for (const offset of offsets) runs.push([offset, size]);
    runs.sort((p, q) => p[0] - q[0]);
    const merged: [number, number][] = [];
    for (const [offset, size] of runs) {
      const last = merged[merged.length - 1];
      if (last !== undefined && last[0] + last[1] === offset) last[1] += size;
      else merged.push([offset, size]);
    }
    const highest = merged[merged.length - 1];
    if (highest[0] + highest[1] === this.#top) {
      this.#top = highest[0];
      this.#freeBytes -= highest[1];
      merged.pop();
    }
    this.#bins = new Map();
    for (const [offset, size] of merged) {
      const bin = this.#bins.get(size);
      if (bin === undefined) this.#bins.set(size, [offset]);
      else bin.push(offset);
    }
    return true;
  }

  /** The smallest free block larger than `size`, split: its head is taken, the rest stays free. */
  #split(size: number): Block | null {
    let best = -1;
    for (const candidate of this.#bins.keys()) {
      if (candidate > size && (best < 0 || candidate < best) && (this.#bins.get(candidate) as number[]).length > 0) best = candidate;
    }
    if (best < 0) return null;
    const offset = (this.#bins.get(best) as number[]).pop() as number;
    this.#freeBytes -= best;
    const rest = best - size;
    const bin = this.#bins.get(rest);
    if (bin === undefined) this.#bins.set(rest, [offset + size]);
    else bin.push(offset + size);
    this.#freeBytes += rest;
    return this.#take(offset, size);
  }
}
