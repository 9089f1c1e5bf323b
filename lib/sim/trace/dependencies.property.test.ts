import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dtype } from "../dtypes";
import { Trace } from "./trace";
import { Access, DepType, Memory, type Dependency } from "./types";

/**
 * The dependency rules of trace/README.md stated directly on single bytes: every (memory, partition,
 * byte) remembers its last writer and its latest reader per engine. An instruction's reads are
 * visited before its writes, operands in order, each operand's bounding byte range column by column
 * (ascending) and, inside a column, partition by partition (ascending); a producer's first sighting
 * fixes its place in the list and the strongest type seen wins (RAW > WAW > WAR).
 */
class ByteModel {
  private readonly writer = new Map<string, number>();
  private readonly readers = new Map<string, number[]>();

  instruction(id: number, engine: number, ops: readonly Op[]): Dependency[] {
    const deps: Dependency[] = [];
    const add = (on: number, type: DepType): void => {
      const known = deps.find((d) => d.on === on);
      if (!known) deps.push({ on, type });
      else if (rank(type) > rank(known.type)) deps[deps.indexOf(known)] = { on, type };
    };
    for (const write of [false, true]) {
      for (const op of ops) {
        if ((op.access & (write ? Access.Write : Access.Read)) === 0) continue;
        const [lo, hi] = byteRange(op);
        for (let col = lo; col < hi; col++) {
          for (let part = op.partStart; part < op.partStart + op.partCount; part++) {
            const key = `${op.memory}:${part}:${col}`;
            const w = this.writer.get(key);
            const readers = this.readers.get(key) ?? [-1, -1, -1, -1, -1, -1];
            if (!write) {
              if (w !== undefined && w !== id) add(w, DepType.Raw);
              readers[engine] = id;
              this.readers.set(key, readers);
              continue;
            }
            if (w !== undefined && w !== id) add(w, DepType.Waw);
            for (const r of readers) if (r >= 0 && r !== id) add(r, DepType.War);
            this.readers.set(key, [-1, -1, -1, -1, -1, -1]);
            this.writer.set(key, id);
          }
        }
      }
    }
    return deps;
  }
}

const rank = (t: DepType): number => (t === DepType.Raw ? 2 : t === DepType.Waw ? 1 : 0);

interface Op {
  readonly access: Access;
  readonly memory: typeof Memory.Sbuf | typeof Memory.Psum;
  readonly partStart: number;
  readonly partCount: number;
  readonly addr: number;
  /** [stride, size] pairs in float32 elements. */
  readonly pattern: readonly number[];
}

const F32 = dtype("float32");

/** Bounding byte range of an operand's access pattern. */
function byteRange(op: Op): [number, number] {
  let min = 0;
  let max = 0;
  for (let k = 0; k < op.pattern.length; k += 2) {
    const span = op.pattern[k] * (op.pattern[k + 1] - 1);
    if (span < 0) min += span;
    else max += span;
  }
  return [op.addr + min * F32.size, op.addr + max * F32.size + F32.size];
}

const opArb: fc.Arbitrary<Op> = fc.record({
  access: fc.constantFrom(Access.Read, Access.Write, Access.ReadWrite),
  memory: fc.constantFrom(Memory.Sbuf, Memory.Sbuf, Memory.Psum),
  partStart: fc.integer({ min: 0, max: 11 }),
  partCount: fc.integer({ min: 0, max: 6 }),
  addr: fc.integer({ min: 4, max: 30 }).map((x) => 4 * x),
  pattern: fc.oneof(
    fc.integer({ min: 1, max: 12 }).map((n) => [1, n]),
    fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 })).map(([s, n, m]) => [s, n, 1, m]),
  ),
});

const instrArb = fc.record({ engine: fc.integer({ min: 0, max: 5 }), ops: fc.array(opArb, { minLength: 1, maxLength: 4 }) });

describe("dependency tracking", () => {
  it("finds exactly the dependencies of the per-byte rules, in their order, for random on-chip access sequences", () => {
    fc.assert(
      fc.property(fc.array(instrArb, { minLength: 1, maxLength: 40 }), (program) => {
        const t = new Trace();
        const model = new ByteModel();
        program.forEach(({ engine, ops }, id) => {
          t.begin(engine as 0, "op", "", 0, 0);
          for (const op of ops) t.addOperand(op.access, op.memory, 0, F32.code, op.partStart, op.partCount, op.addr, op.pattern);
          expect(t.end()).toBe(id);
          expect(t.dependencies(id)).toEqual(model.instruction(id, engine, ops));
        });
      }),
      { numRuns: 300, seed: 20261126 },
    );
  });
});
