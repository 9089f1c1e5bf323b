/**
 * Address assignment for on-chip tiles. Auto-allocated tiles get first-fit byte ranges (the same range
 * in every partition they span, starting at partition 0). When live tiles exceed capacity the compiler
 * would spill to HBM, which is not an error [PM226]: such tiles get addresses at or beyond `capacity`
 * (the "spill region"), distinct from every other tile's. That marks the kernel as over-subscribing
 * the memory; which data is actually saved and reloaded, and when, the timing model plans from tile
 * lifetimes (lib/sim/timing/spill-plan.ts). A single tile larger than the whole memory, or an
 * explicit allocation outside it, is an error (raised by the caller).
 */

export interface Allocation {
  readonly addr: number;
  readonly bytes: number;
  /** True when the tile did not fit beside the live tiles and was placed in the spill region. */
  readonly spilled: boolean;
}

export class RegionAllocator {
  /** Live ranges sorted by address: [addr, addr + bytes). */
  private readonly live: { addr: number; bytes: number }[] = [];
  private spillTop: number;
  private peak = 0;
  private inside = 0;

  constructor(
    readonly capacity: number,
    private readonly align: number,
    /** Ranges may not straddle a multiple of this (PSUM banks); 0 = no restriction. */
    private readonly boundary = 0,
  ) {
    this.spillTop = capacity;
  }

  /** Bytes currently allocated inside the memory (spilled tiles excluded). */
  get used(): number {
    return this.inside;
  }

  get peakUsed(): number {
    return this.peak;
  }

  allocate(bytes: number): Allocation {
    const addr = this.allocateAddr(bytes);
    return { addr, bytes: this.sizeOf(bytes), spilled: addr >= this.capacity };
  }

  private sizeOf(bytes: number): number {
    return Math.max(this.align, Math.ceil(bytes / this.align) * this.align);
  }

  /** allocate's address alone (no result object: the machine allocates a tile per loop iteration). */
  allocateAddr(bytes: number): number {
    const size = this.sizeOf(bytes);
    let cursor = 0;
    let at = 0;
    for (; at <= this.live.length; at++) {
      cursor = this.fitFrom(cursor, size);
      const next = this.live[at];
      if (next === undefined || next.addr >= this.capacity) {
        if (cursor + size <= this.capacity) break;
        return this.spill(size);
      }
      if (cursor + size <= next.addr) break;
      cursor = Math.max(cursor, next.addr + next.bytes);
    }
    // Insert at `at` by hand: splice allocates its (empty) result array.
    const live = this.live;
    live.push({ addr: cursor, bytes: size });
    for (let k = live.length - 1; k > at; k--) {
      const x = live[k];
      live[k] = live[k - 1];
      live[k - 1] = x;
    }
    this.inside += size;
    this.peak = Math.max(this.peak, this.inside);
    return cursor;
  }

  release(addr: number): void {
    let k = this.live.length - 1;
    while (k >= 0 && this.live[k].addr !== addr) k--;
    if (k < 0) return;
    const live = this.live;
    if (live[k].addr < this.capacity) this.inside -= live[k].bytes;
    for (let j = k; j < live.length - 1; j++) live[j] = live[j + 1];
    live.pop();
  }

  /** Moves `cursor` past a boundary if a range of `size` starting there would straddle it. */
  private fitFrom(cursor: number, size: number): number {
    if (this.boundary === 0 || size > this.boundary) {
      return this.boundary === 0 ? cursor : Math.ceil(cursor / this.boundary) * this.boundary;
    }
    const end = cursor + size;
    const crossing = Math.floor((end - 1) / this.boundary) !== Math.floor(cursor / this.boundary);
    return crossing ? Math.ceil(cursor / this.boundary) * this.boundary : cursor;
  }

  private spill(size: number): number {
    const addr = this.spillTop;
    this.spillTop += size;
    this.live.push({ addr, bytes: size });
    return addr;
  }
}

/** HBM: a bump allocator; kernels never free HBM tensors. */
export class HbmAllocator {
  private top = 0;

  constructor(
    readonly capacity: number,
    private readonly align = 64,
  ) {}

  get used(): number {
    return this.top;
  }

  /** Returns the address, or null if it does not fit (the caller raises the diagnostic). */
  allocate(bytes: number): number | null {
    const addr = Math.ceil(this.top / this.align) * this.align;
    if (addr + bytes > this.capacity) return null;
    this.top = addr + bytes;
    return addr;
  }
}
