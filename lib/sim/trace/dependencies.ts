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

  reset(): void {
    this.on.length = 0;
    this.types.length = 0;
  }

  add(on: number, type: DepType): void {
    const k = this.on.indexOf(on);
    if (k < 0) {
      this.on.push(on);
      this.types.push(type);
    } else if (rank(type) > rank(this.types[k])) {
      this.types[k] = type;
    }
  }
}

function rank(t: DepType): number {
  return t === DepType.Raw ? 2 : t === DepType.Waw ? 1 : 0;
}

/** Sorted disjoint [start, end) segments with a payload; gaps are filled on demand. */
class IntervalList<T> {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly items: T[] = [];

  constructor(
    private readonly make: () => T,
    private readonly clone: (t: T) => T,
  ) {}

  get length(): number {
    return this.items.length;
  }

  /** Splits and fills so that [lo, hi) is exactly covered by segments, then calls fn on each. */
  visit(lo: number, hi: number, fn: (item: T) => void): void {
    if (hi <= lo) return;
    const { starts, ends, items } = this;
    let i = this.firstEndingAfter(lo);
    let pos = lo;
    while (pos < hi) {
      if (i >= items.length || starts[i] >= hi) {
        this.insert(i, pos, hi, this.make());
        fn(items[i]);
        return;
      }
      if (starts[i] > pos) {
        this.insert(i, pos, starts[i], this.make());
        fn(items[i]);
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
      fn(items[i]);
      pos = ends[i];
      i++;
    }
  }

  forEachSegment(fn: (start: number, end: number, item: T) => void): void {
    for (let i = 0; i < this.items.length; i++) fn(this.starts[i], this.ends[i], this.items[i]);
  }

  private insert(at: number, start: number, end: number, item: T): void {
    this.starts.splice(at, 0, start);
    this.ends.splice(at, 0, end);
    this.items.splice(at, 0, item);
  }

  private firstEndingAfter(pos: number): number {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid] <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Engines tracked separately for readers (Engine codes 0..5). */
const ENGINE_SLOTS = 6;

interface Cell {
  writer: number;
  /** Most recent reader per engine, -1 for none (a plain array: cheaper to create than a typed one). */
  readers: number[];
}

const newCell = (): Cell => ({ writer: -1, readers: [-1, -1, -1, -1, -1, -1] });
const cloneCell = (c: Cell): Cell => ({ writer: c.writer, readers: c.readers.slice() });
const newRows = (): IntervalList<Cell> => new IntervalList(newCell, cloneCell);
const cloneRows = (rows: IntervalList<Cell>): IntervalList<Cell> => {
  const copy = newRows();
  rows.forEachSegment((start, end, c) => copy.visit(start, end, (cell) => {
    cell.writer = c.writer;
    for (let e = 0; e < ENGINE_SLOTS; e++) cell.readers[e] = c.readers[e];
  }));
  return copy;
};

export class RangeSpace {
  private readonly columns = new IntervalList<IntervalList<Cell>>(newRows, cloneRows);

  /** Number of column segments currently tracked (for tests and memory accounting). */
  get segmentCount(): number {
    return this.columns.length;
  }

  read(lo: number, hi: number, r0: number, r1: number, id: number, engine: number, deps: DepCollector): void {
    this.columns.visit(lo, hi, (rows) =>
      rows.visit(r0, r1, (cell) => {
        if (cell.writer >= 0 && cell.writer !== id) deps.add(cell.writer, DepType.Raw);
        cell.readers[engine] = id;
      }),
    );
  }

  write(lo: number, hi: number, r0: number, r1: number, id: number, _engine: number, deps: DepCollector): void {
    this.columns.visit(lo, hi, (rows) =>
      rows.visit(r0, r1, (cell) => {
        if (cell.writer >= 0 && cell.writer !== id) deps.add(cell.writer, DepType.Waw);
        for (let e = 0; e < ENGINE_SLOTS; e++) {
          const r = cell.readers[e];
          if (r >= 0 && r !== id) deps.add(r, DepType.War);
        }
        cell.writer = id;
        cell.readers.fill(-1);
      }),
    );
  }
}
