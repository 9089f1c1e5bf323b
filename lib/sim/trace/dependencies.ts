/**
 * Data-dependency tracking over address ranges.
 *
 * Each address space (SBUF, PSUM, and every HBM buffer) is a 2-D grid of rows × byte columns: rows are
 * partitions on chip and rows of the buffer's innermost dimension in HBM. A sorted list of disjoint
 * column segments records, per segment, the last writers and the readers since then, each with the
 * row range it touched. An access splits segments at its column bounds and only visits the segments
 * it overlaps, so cost grows with the number of live regions, not with the trace length.
 *
 * Precision: strided accesses are tracked by their bounding column range (conservative: extra
 * dependencies are possible, missed ones are not). Readers are kept once per (engine, row range):
 * a later write gets a WAR dependency on the most recent such reader only — in-order engine queues
 * make earlier readers on that engine finish first.
 */

import { DepType } from "./types";

interface Entry {
  id: number;
  r0: number;
  r1: number;
  engine: number;
}

interface Segment {
  start: number;
  end: number;
  writers: Entry[];
  readers: Entry[];
}

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

function overlaps(e: Entry, r0: number, r1: number): boolean {
  return e.r0 < r1 && r0 < e.r1;
}

export class RangeSpace {
  private readonly segs: Segment[] = [];

  /** Number of column segments currently tracked (for tests and memory accounting). */
  get segmentCount(): number {
    return this.segs.length;
  }

  read(lo: number, hi: number, r0: number, r1: number, id: number, engine: number, deps: DepCollector): void {
    this.visit(lo, hi, (s) => {
      for (const w of s.writers) if (w.id !== id && overlaps(w, r0, r1)) deps.add(w.id, DepType.Raw);
      const same = s.readers.findIndex((e) => e.engine === engine && e.r0 === r0 && e.r1 === r1);
      if (same >= 0) s.readers[same] = { id, r0, r1, engine };
      else s.readers.push({ id, r0, r1, engine });
    });
  }

  write(lo: number, hi: number, r0: number, r1: number, id: number, engine: number, deps: DepCollector): void {
    this.visit(lo, hi, (s) => {
      for (const w of s.writers) if (w.id !== id && overlaps(w, r0, r1)) deps.add(w.id, DepType.Waw);
      for (const r of s.readers) if (r.id !== id && overlaps(r, r0, r1)) deps.add(r.id, DepType.War);
      s.writers = s.writers.filter((e) => e.r0 < r0 || e.r1 > r1);
      s.readers = s.readers.filter((e) => e.r0 < r0 || e.r1 > r1);
      s.writers.push({ id, r0, r1, engine });
    });
  }

  /** Index of the first segment whose end is beyond `pos`. */
  private firstEndingAfter(pos: number): number {
    let lo = 0;
    let hi = this.segs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.segs[mid].end <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private visit(lo: number, hi: number, fn: (s: Segment) => void): void {
    if (hi <= lo) return;
    const segs = this.segs;
    let i = this.firstEndingAfter(lo);
    let pos = lo;
    while (pos < hi) {
      const s = segs[i];
      if (s === undefined || s.start >= hi) {
        const fresh: Segment = { start: pos, end: hi, writers: [], readers: [] };
        segs.splice(i, 0, fresh);
        fn(fresh);
        return;
      }
      if (s.start > pos) {
        const fresh: Segment = { start: pos, end: s.start, writers: [], readers: [] };
        segs.splice(i, 0, fresh);
        fn(fresh);
        pos = s.start;
        i++;
        continue;
      }
      if (s.start < pos) {
        segs.splice(i + 1, 0, clone(s, pos, s.end));
        s.end = pos;
        i++;
        continue;
      }
      if (s.end > hi) {
        segs.splice(i + 1, 0, clone(s, hi, s.end));
        s.end = hi;
      }
      fn(s);
      pos = s.end;
      i++;
    }
  }
}

function clone(s: Segment, start: number, end: number): Segment {
  return { start, end, writers: s.writers.slice(), readers: s.readers.slice() };
}
