/**
 * Data-dependency tracking over address ranges.
 *
 * Each address space (SBUF, PSUM, and every HBM buffer) is a 2-D grid of rows × byte columns: rows are
 * partitions on chip and rows of the buffer's innermost dimension in HBM. Columns are kept as a sorted
 * list of disjoint segments, each holding a sorted list of disjoint row segments; every resulting cell
 * records its last writer and its most recent reader per engine. An access splits segments at its
 * bounds and visits only the cells it covers, so the cost grows with the number of distinct regions
 * touched, not with the trace length.
 *
 * Precision: strided accesses are tracked by their bounding column range (conservative: extra
 * dependencies are possible, missed ones are not). Only the most recent reader per engine is kept: a
 * later write gets a WAR dependency on it alone — in-order engine queues make earlier readers on the
 * same engine finish first (for the DMA "engine", queues may complete out of order; the timing model
 * treats a WAR on a DMA reader as covering earlier DMA reads of the cell).
 */

import { DepType } from "./types";

/** Collects the dependencies of one instruction, one per producer, strongest type kept (RAW > WAW > WAR). */
export class DepCollector {
  readonly on: number[] = [];
  readonly types: DepType[] = [];
  /** Number of dependencies collected since the last reset (`on`/`types` beyond it are stale). */
  count = 0;

  reset(): void {
    this.count = 0;
  }

  add(on: number, type: DepType): void {
    for (let k = 0; k < this.count; k++) {
      if (this.on[k] !== on) continue;
      if (rank(type) > rank(this.types[k])) this.types[k] = type;
      return;
    }
    this.on[this.count] = on;
    this.types[this.count] = type;
    this.count++;
  }
}

function rank(t: DepType): number {
  return t === DepType.Raw ? 2 : t === DepType.Waw ? 1 : 0;
}

/**
 * Sorted disjoint [start, end) segments with a payload; gaps are filled on demand. `cover` splits and
 * fills so that a range is exactly tiled by segments and returns the first; callers then walk the
 * segments in order (no callback per segment: this is the recorder's innermost loop).
 */
class Segments<T> {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly items: T[] = [];

  constructor(
    private readonly make: () => T,
    private readonly clone: (t: T) => T,
  ) {}

  get length(): number {
    return this.items.length;
  }

  /**
   * Makes segments i, i+1, ... (from the returned i, while starts < hi) tile [lo, hi) exactly: a
   * segment straddling lo or hi is split in two (both halves keep its payload), gaps get fresh
   * payloads. Requires lo < hi.
   */
  cover(lo: number, hi: number): number {
    const { starts, ends, items } = this;
    const first = this.firstEndingAfter(lo);
    let i = first;
    let pos = lo;
    while (pos < hi) {
      if (i >= items.length || starts[i] >= hi) {
        this.insert(i, pos, hi, this.make());
        return first;
      }
      if (starts[i] > pos) {
        this.insert(i, pos, starts[i], this.make());
        pos = ends[i];
        i++;
        continue;
      }
      if (starts[i] < pos) {
        this.insert(i + 1, pos, ends[i], this.clone(items[i]));
        ends[i] = pos;
        i++;
        continue;
      }
      if (ends[i] > hi) {
        this.insert(i + 1, hi, ends[i], this.clone(items[i]));
        ends[i] = hi;
      }
      pos = ends[i];
      i++;
    }
    return first;
  }

  private insert(at: number, start: number, end: number, item: T): void {
    if (at === this.items.length) {
      this.starts.push(start);
      this.ends.push(end);
      this.items.push(item);
      return;
    }
    this.starts.splice(at, 0, start);
    this.ends.splice(at, 0, end);
    this.items.splice(at, 0, item);
  }

  private firstEndingAfter(pos: number): number {
    const ends = this.ends;
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid] <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Engines tracked separately for readers (Engine codes 0..5). */
const ENGINE_SLOTS = 6;
/** A cell is CELL_INTS consecutive ints of a CellPool: last writer, then the latest reader per engine (-1 = none). */
const CELL_INTS = 1 + ENGINE_SLOTS;

/** Cell storage of one address space: flat ints, so cells cost no objects (and no collection). */
class CellPool {
  data = new Int32Array(CELL_INTS * 64);
  private count = 0;

  fresh(): number {
    const c = this.grab();
    this.data.fill(-1, c, c + CELL_INTS);
    return c;
  }

  copy(from: number): number {
    const c = this.grab();
    this.data.copyWithin(c, from, from + CELL_INTS);
    return c;
  }

  private grab(): number {
    const c = this.count * CELL_INTS;
    if (c + CELL_INTS > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.count++;
    return c;
  }
}

export class RangeSpace {
  private readonly cells = new CellPool();
  private readonly columns: Segments<Segments<number>>;

  constructor() {
    const cells = this.cells;
    const newRows = (): Segments<number> => new Segments<number>(() => cells.fresh(), (c) => cells.copy(c));
    const cloneRows = (rows: Segments<number>): Segments<number> => {
      const copy = newRows();
      for (let k = 0; k < rows.length; k++) {
        copy.starts.push(rows.starts[k]);
        copy.ends.push(rows.ends[k]);
        copy.items.push(cells.copy(rows.items[k]));
      }
      return copy;
    };
    this.columns = new Segments(newRows, cloneRows);
  }

  /** Number of column segments currently tracked (for tests and memory accounting). */
  get segmentCount(): number {
    return this.columns.length;
  }

  read(lo: number, hi: number, r0: number, r1: number, id: number, engine: number, deps: DepCollector): void {
    // Empty row ranges still split columns, as they always have (splits are invisible to dependencies).
    if (hi <= lo) return;
    const cols = this.columns;
    for (let c = cols.cover(lo, hi); c < cols.length && cols.starts[c] < hi; c++) {
      const rows = cols.items[c];
      if (r1 <= r0) continue;
      for (let r = rows.cover(r0, r1); r < rows.length && rows.starts[r] < r1; r++) {
        const cell = rows.items[r];
        const data = this.cells.data;
        const writer = data[cell];
        if (writer >= 0 && writer !== id) deps.add(writer, DepType.Raw);
        data[cell + 1 + engine] = id;
      }
    }
  }

  write(lo: number, hi: number, r0: number, r1: number, id: number, _engine: number, deps: DepCollector): void {
    // Empty row ranges still split columns, as they always have (splits are invisible to dependencies).
    if (hi <= lo) return;
    const cols = this.columns;
    for (let c = cols.cover(lo, hi); c < cols.length && cols.starts[c] < hi; c++) {
      const rows = cols.items[c];
      if (r1 <= r0) continue;
      for (let r = rows.cover(r0, r1); r < rows.length && rows.starts[r] < r1; r++) {
        const cell = rows.items[r];
        const data = this.cells.data;
        const writer = data[cell];
        if (writer >= 0 && writer !== id) deps.add(writer, DepType.Waw);
        for (let e = 1; e <= ENGINE_SLOTS; e++) {
          const reader = data[cell + e];
          if (reader >= 0 && reader !== id) deps.add(reader, DepType.War);
          data[cell + e] = -1;
        }
        data[cell] = id;
      }
    }
  }
}
