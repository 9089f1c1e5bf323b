/**
 * Data-dependency tracking over address ranges.
 *
 * Each address space (SBUF, PSUM, and every HBM buffer) is a 2-D grid of rows × byte columns: rows are
 * partitions on chip and rows of the buffer's innermost dimension in HBM. Columns are kept as a sorted
 * list of disjoint segments, each holding a sorted list of disjoint row segments; every resulting cell
 * records its last writer and its most recent reader per engine. An access splits segments at its
 * bounds and visits only the cells it covers, columns ascending and rows ascending within a column, so
 * the cost grows with the number of distinct regions touched, not with the trace length.
 *
 * Precision: strided accesses are tracked by their bounding column range (conservative: extra
 * dependencies are possible, missed ones are not). Only the most recent reader per engine is kept: a
 * later write gets a WAR dependency on it alone — in-order engine queues make earlier readers on the
 * same engine finish first (for the DMA "engine", queues may complete out of order; the timing model
 * treats a WAR on a DMA reader as covering earlier DMA reads of the cell).
 *
 * Layout: this is the recorder's innermost loop, so everything is flat and monomorphic. Cells are
 * CELL_INTS consecutive ints of one Int32Array per space; a segment list is three parallel arrays of
 * small integers (starts, ends, payloads), the payload of a row segment being its cell offset and the
 * payload of a column segment the index of its row list.
 */

import { DepType } from "./types";

/** Collects the dependencies of one instruction, one per producer, strongest type kept (RAW > WAW > WAR). */
export class DepCollector {
  on = new Int32Array(16);
  /** Dependency types (DepType), parallel to `on`. */
  types = new Uint8Array(16);
  /** Number of dependencies collected since the last reset (`on`/`types` beyond it are stale). */
  count = 0;

  reset(): void {
    this.count = 0;
  }

  add(on: number, type: DepType): void {
    const ons = this.on;
    const n = this.count;
    for (let k = 0; k < n; k++) {
      if (ons[k] !== on) continue;
      // RAW (0) beats WAW (2) beats WAR (1)
      const old = this.types[k];
      if (type === DepType.Raw || (type === DepType.Waw && old === DepType.War)) this.types[k] = type;
      return;
    }
    if (n === ons.length) this.grow();
    this.on[n] = on;
    this.types[n] = type;
    this.count = n + 1;
  }

  private grow(): void {
    const on = new Int32Array(this.on.length * 2);
    on.set(this.on);
    const types = new Uint8Array(this.types.length * 2);
    types.set(this.types);
    this.on = on;
    this.types = types;
  }
}

/** Engines tracked separately for readers (Engine codes 0..5). */
const ENGINE_SLOTS = 6;
/** A cell is CELL_INTS consecutive ints: last writer, then the latest reader per engine (-1 = none). */
const CELL_INTS = 1 + ENGINE_SLOTS;

/** Slots of a RangeSpace's recently-covered-region table (a power of two). */
const REGION_SLOTS = 1024;

function regionSlot(lo: number, hi: number, r0: number, r1: number): number {
  let h = Math.imul(lo, 0x9e3779b1) ^ hi;
  h = Math.imul(h, 0x85ebca6b) ^ r0;
  h = Math.imul(h, 0xc2b2ae35) ^ r1;
  return (h ^ (h >>> 15)) & (REGION_SLOTS - 1);
}

/**
 * Sorted disjoint [start, end) segments with an integer payload each. `cover` (in RangeSpace) splits
 * and fills them so that a range is exactly tiled by segments. Typed arrays, not JS arrays: bounds
 * arrive as doubles (HBM rows come from a division) and a JS array holding one would change its
 * elements kind, making every segment-list access in the recorder polymorphic.
 */
class SegmentList {
  starts = new Float64Array(4);
  ends = new Float64Array(4);
  items = new Int32Array(4);
  length = 0;

  /** Index of the first segment ending after `pos` (binary search). */
  firstEndingAfter(pos: number): number {
    const ends = this.ends;
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid] <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(at: number, start: number, end: number, item: number): void {
    const n = this.length;
    if (n === this.items.length) this.grow();
    if (at < n) {
      this.starts.copyWithin(at + 1, at, n);
      this.ends.copyWithin(at + 1, at, n);
      this.items.copyWithin(at + 1, at, n);
    }
    this.starts[at] = start;
    this.ends[at] = end;
    this.items[at] = item;
    this.length = n + 1;
  }

  private grow(): void {
    const n = 2 * this.items.length;
    const starts = new Float64Array(n);
    starts.set(this.starts);
    const ends = new Float64Array(n);
    ends.set(this.ends);
    const items = new Int32Array(n);
    items.set(this.items);
    this.starts = starts;
    this.ends = ends;
    this.items = items;
  }
}

export class RangeSpace {
  private cells = new Int32Array(CELL_INTS * 64);
  private cellTop = 0;
  private readonly columns = new SegmentList();
  /** Row lists, indexed by the column segments' payloads. */
  private readonly rowLists: SegmentList[] = [];
  /** Column and row segment indices of recently covered regions, by `regionSlot` (see `exactCell`). */
  private readonly hitColumn = new Int32Array(REGION_SLOTS);
  private readonly hitRow = new Int32Array(REGION_SLOTS);

  /** Number of column segments currently tracked (for tests and memory accounting). */
  get segmentCount(): number {
    return this.columns.length;
  }

  read(lo: number, hi: number, r0: number, r1: number, id: number, engine: number, deps: DepCollector): void {
    // Empty row ranges still split columns, as they always have (splits are invisible to dependencies).
    if (hi <= lo) return;
    const slot = 1 + engine;
    const exact = this.exactCell(lo, hi, r0, r1);
    if (exact >= 0) {
      this.readCell(exact, slot, id, deps);
      return;
    }
    const cols = this.columns;
    const first = this.cover(cols, lo, hi, false);
    if (r1 <= r0) return;
    for (let c = first; c < cols.length && cols.starts[c] < hi; c++) {
      const rows = this.rowLists[cols.items[c]];
      const r = this.cover(rows, r0, r1, true);
      this.remember(lo, hi, r0, r1, first, r);
      const cells = rows.items;
      const starts = rows.starts;
      for (let q = r; q < rows.length && starts[q] < r1; q++) this.readCell(cells[q], slot, id, deps);
    }
  }

  write(lo: number, hi: number, r0: number, r1: number, id: number, deps: DepCollector): void {
    // Empty row ranges still split columns, as they always have (splits are invisible to dependencies).
    if (hi <= lo) return;
    const exact = this.exactCell(lo, hi, r0, r1);
    if (exact >= 0) {
      this.writeCell(exact, id, deps);
      return;
    }
    const cols = this.columns;
    const first = this.cover(cols, lo, hi, false);
    if (r1 <= r0) return;
    for (let c = first; c < cols.length && cols.starts[c] < hi; c++) {
      const rows = this.rowLists[cols.items[c]];
      const r = this.cover(rows, r0, r1, true);
      this.remember(lo, hi, r0, r1, first, r);
      const cells = rows.items;
      const starts = rows.starts;
      for (let q = r; q < rows.length && starts[q] < r1; q++) this.writeCell(cells[q], id, deps);
    }
  }

  private readCell(cell: number, slot: number, id: number, deps: DepCollector): void {
    const data = this.cells;
    const writer = data[cell];
    if (writer >= 0 && writer !== id) deps.add(writer, DepType.Raw);
    data[cell + slot] = id;
  }

  private writeCell(cell: number, id: number, deps: DepCollector): void {
    const data = this.cells;
    const writer = data[cell];
    if (writer >= 0 && writer !== id) deps.add(writer, DepType.Waw);
    for (let e = cell + 1; e <= cell + ENGINE_SLOTS; e++) {
      const reader = data[e];
      if (reader >= 0 && reader !== id) deps.add(reader, DepType.War);
      data[e] = -1;
    }
    data[cell] = id;
  }

  /**
   * The cell of [lo, hi) x [r0, r1) when that region is exactly one column segment and one of its
   * row segments (a tile accessed again: then covering it would split nothing), else -1. Looked up
   * where `remember` left the region's segment indices; they are checked, since later inserts shift them.
   */
  private exactCell(lo: number, hi: number, r0: number, r1: number): number {
    const h = regionSlot(lo, hi, r0, r1);
    const c = this.hitColumn[h];
    const cols = this.columns;
    if (c >= cols.length || cols.starts[c] !== lo || cols.ends[c] !== hi) return -1;
    const rows = this.rowLists[cols.items[c]];
    const r = this.hitRow[h];
    if (r >= rows.length || rows.starts[r] !== r0 || rows.ends[r] !== r1) return -1;
    return rows.items[r];
  }

  private remember(lo: number, hi: number, r0: number, r1: number, column: number, row: number): void {
    const h = regionSlot(lo, hi, r0, r1);
    this.hitColumn[h] = column;
    this.hitRow[h] = row;
  }

  /**
   * Makes segments i, i+1, ... of `list` (from the returned i, while starts < hi) tile [lo, hi)
   * exactly: a segment straddling lo or hi is split in two (both halves keep its payload, copied),
   * gaps get fresh payloads. Requires lo < hi. Rows lists carry cells, column lists row lists.
   */
  private cover(list: SegmentList, lo: number, hi: number, rows: boolean): number {
    let first = list.firstEndingAfter(lo);
    let i = first;
    let pos = lo;
    // list.starts / list.ends are re-read after each insert, which may reallocate them
    while (pos < hi) {
      if (i >= list.length || list.starts[i] >= hi) {
        list.insert(i, pos, hi, rows ? this.freshCell() : this.freshRows());
        return first;
      }
      const start = list.starts[i];
      const end = list.ends[i];
      if (start > pos) {
        // a gap before segment i
        list.insert(i, pos, start, rows ? this.freshCell() : this.freshRows());
        pos = start;
        i++;
        continue;
      }
      if (start < pos) {
        // split at lo: the new right half is the first segment inside the range
        list.insert(i + 1, pos, end, rows ? this.copyCell(list.items[i]) : this.copyRows(list.items[i]));
        list.ends[i] = pos;
        i++;
        first = i;
        continue;
      }
      if (end > hi) {
        list.insert(i + 1, hi, end, rows ? this.copyCell(list.items[i]) : this.copyRows(list.items[i]));
        list.ends[i] = hi;
      }
      pos = list.ends[i];
      i++;
    }
    return first;
  }

  private freshRows(): number {
    this.rowLists.push(new SegmentList());
    return this.rowLists.length - 1;
  }

  private copyRows(from: number): number {
    const src = this.rowLists[from];
    const copy = new SegmentList();
    for (let k = 0; k < src.length; k++) copy.insert(k, src.starts[k], src.ends[k], this.copyCell(src.items[k]));
    this.rowLists.push(copy);
    return this.rowLists.length - 1;
  }

  private freshCell(): number {
    const c = this.grabCell();
    this.cells.fill(-1, c, c + CELL_INTS);
    return c;
  }

  private copyCell(from: number): number {
    const c = this.grabCell();
    this.cells.copyWithin(c, from, from + CELL_INTS);
    return c;
  }

  private grabCell(): number {
    const c = this.cellTop;
    if (c + CELL_INTS > this.cells.length) {
      const grown = new Int32Array(this.cells.length * 2);
      grown.set(this.cells);
      this.cells = grown;
    }
    this.cellTop = c + CELL_INTS;
    return c;
  }
}
