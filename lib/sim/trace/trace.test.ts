import { describe, expect, it } from "vitest";
import { dtype } from "../dtypes";
import { Trace } from "./trace";
import { Access, AllocKind, DepType, Engine, LoopKind, Memory } from "./types";

const F32 = dtype("float32").code;
const BF16 = dtype("bfloat16").code;

function sbufTile(trace: Trace, name: string, parts: number, bytes: number, addr: number): number {
  return trace.registerTensor({
    name, memory: Memory.Sbuf, dtype: F32, alloc: AllocKind.Auto, shape: [parts, bytes / 4],
    partStart: 0, partCount: parts, addr, bytes,
  });
}

/** One vector op reading `src` columns and writing `dst` columns, [P, n] float32 patterns. */
function vecOp(trace: Trace, src: [number, number, number, number], dst: [number, number, number, number]): number {
  trace.begin(Engine.Vector, "tensor_copy", "", 0, 0);
  trace.addOperand(Access.Read, Memory.Sbuf, 0, F32, src[0], src[1], src[2], [1, src[3]]);
  trace.addOperand(Access.Write, Memory.Sbuf, 0, F32, dst[0], dst[1], dst[2], [1, dst[3]]);
  return trace.end();
}

describe("instruction records", () => {
  it("reads back every field that was appended", () => {
    const t = new Trace();
    const a = sbufTile(t, "a", 128, 2048, 0);
    t.setLocation("kernel.py", 12);
    t.setSpmdInstance(3);
    const id = t.append({
      engine: Engine.Scalar, opcode: "activation", variant: "exp", flags: 0, flops: 128 * 512,
      operands: [
        { access: Access.Read, memory: Memory.Sbuf, tensor: a, dtype: F32, partStart: 0, partCount: 128, addr: 0, pattern: [1, 512] },
        { access: Access.Write, memory: Memory.Sbuf, tensor: a, dtype: BF16, partStart: 0, partCount: 64, addr: 4096, pattern: [2, 8, 1, 2] },
      ],
    });
    expect(id).toBe(0);
    expect(t.length).toBe(1);
    expect(t.engine(0)).toBe(Engine.Scalar);
    expect(t.opcode(0)).toBe("activation");
    expect(t.variant(0)).toBe("exp");
    expect(t.flops(0)).toBe(65536);
    expect(t.file(0)).toBe("kernel.py");
    expect(t.line(0)).toBe(12);
    expect(t.spmdInstance(0)).toBe(3);
    expect(t.operandCount(0)).toBe(2);
    expect(t.operand(0, 1)).toEqual({
      access: Access.Write, memory: Memory.Sbuf, tensor: a, dtype: BF16, partStart: 0, partCount: 64, addr: 4096, pattern: [2, 8, 1, 2],
    });
    expect(t.bytes(0, Memory.Sbuf, Access.Read)).toBe(128 * 512 * 4);
    expect(t.bytes(0, Memory.Sbuf, Access.Write)).toBe(64 * 16 * 2);
    expect(t.bytes(0, Memory.Hbm, Access.Read)).toBe(0);
    expect(t.tensor(a).name).toBe("a");
  });

  it("records the loop iteration path and lazily skips empty iterations", () => {
    const t = new Trace();
    t.setLocation("k.py", 1);
    const outer = t.beginLoop(LoopKind.Affine, 4, "k.py", 5);
    t.setIteration(0);
    t.setIteration(1);
    const inner = t.beginLoop(LoopKind.Sequential, 2, "k.py", 6);
    t.setIteration(1);
    vecOp(t, [0, 1, 0, 4], [0, 1, 64, 4]);
    t.endLoop();
    t.endLoop();
    vecOp(t, [0, 1, 0, 4], [0, 1, 128, 4]);
    expect(t.loopPath(0)).toEqual([{ loop: outer, iteration: 1 }, { loop: inner, iteration: 1 }]);
    expect(t.loopPath(1)).toEqual([]);
    expect(t.loop(outer)).toMatchObject({ kind: LoopKind.Affine, tripCount: 4, line: 5 });
    expect(t.loop(inner).parentPath).toBe(t.pathParent(t.pathId(0)));
  });
});

describe("data dependencies", () => {
  it("finds a true (RAW) dependency on the instruction that wrote the bytes read", () => {
    const t = new Trace();
    const w = vecOp(t, [0, 128, 0, 16], [0, 128, 1024, 16]);
    const r = vecOp(t, [0, 128, 1024 + 32, 4], [0, 128, 4096, 4]);
    expect(t.dependencies(w)).toEqual([]);
    expect(t.dependencies(r)).toEqual([{ on: w, type: DepType.Raw }]);
  });

  it("finds anti (WAR) and output (WAW) dependencies", () => {
    const t = new Trace();
    const first = vecOp(t, [0, 128, 0, 16], [0, 128, 1024, 16]);
    const waw = vecOp(t, [0, 128, 2048, 16], [0, 128, 1024, 16]);
    const war = vecOp(t, [0, 128, 4096, 16], [0, 128, 2048, 16]);
    expect(t.dependencies(waw)).toEqual([{ on: first, type: DepType.Waw }]);
    expect(t.dependencies(war)).toEqual([{ on: waw, type: DepType.War }]);
  });

  it("ignores accesses to disjoint partitions or disjoint bytes", () => {
    const t = new Trace();
    vecOp(t, [0, 64, 0, 16], [0, 64, 1024, 16]);
    const otherParts = vecOp(t, [64, 64, 1024, 16], [64, 64, 8192, 16]);
    const otherBytes = vecOp(t, [0, 64, 1024 + 64, 16], [0, 64, 9000, 4]);
    expect(t.dependencies(otherParts)).toEqual([]);
    expect(t.dependencies(otherBytes)).toEqual([]);
  });

  it("keeps the strongest type when one producer is both written and read", () => {
    const t = new Trace();
    const p = vecOp(t, [0, 128, 0, 16], [0, 128, 1024, 16]);
    const c = vecOp(t, [0, 128, 1024, 16], [0, 128, 0, 16]);
    expect(t.dependencies(c)).toEqual([{ on: p, type: DepType.Raw }]);
  });

  it("tracks PSUM separately from SBUF and accumulation as read+write", () => {
    const t = new Trace();
    const mm = (): number => {
      t.begin(Engine.Tensor, "nc_matmul", "", 0, 2 * 128 * 128 * 512);
      t.addOperand(Access.Read, Memory.Sbuf, 0, BF16, 0, 128, 0, [1, 128]);
      t.addOperand(Access.Read, Memory.Sbuf, 0, BF16, 0, 128, 256, [1, 512]);
      t.addOperand(Access.ReadWrite, Memory.Psum, 0, F32, 0, 128, 0, [1, 512]);
      return t.end();
    };
    const a = mm();
    const b = mm();
    expect(t.dependencies(a)).toEqual([]);
    expect(t.dependencies(b)).toEqual([{ on: a, type: DepType.Raw }]);
  });

  it("separates column tiles of one HBM matrix but links overlapping ones", () => {
    const t = new Trace();
    // a 256 x 1024 float32 matrix at address 4096: rows are 4096 bytes
    const h = t.registerTensor({
      name: "out", memory: Memory.Hbm, dtype: F32, alloc: AllocKind.KernelOutput, shape: [256, 1024],
      partStart: 0, partCount: 0, addr: 4096, bytes: 256 * 4096,
    });
    const store = (row: number, col: number, cols: number): number => {
      t.begin(Engine.Dma, "dma_copy", "", 0, 0);
      t.addOperand(Access.Read, Memory.Sbuf, 0, F32, 0, 128, 0, [1, cols]);
      t.addOperand(Access.Write, Memory.Hbm, h, F32, 0, 0, 4096 + (row * 1024 + col) * 4, [1024, 128, 1, cols]);
      return t.end();
    };
    const s0 = store(0, 0, 512);
    const s1 = store(0, 512, 512);
    const s2 = store(128, 0, 512);
    const s3 = store(64, 256, 512);
    expect(t.dependencies(s1).filter((d) => d.type !== DepType.War)).toEqual([]);
    expect(t.dependencies(s2).filter((d) => d.type !== DepType.War)).toEqual([]);
    const s3deps = t.dependencies(s3).filter((d) => d.type === DepType.Waw).map((d) => d.on).sort();
    expect(s3deps).toEqual([s0, s1, s2]);
  });

  it("keeps 10^5 mixed instructions well under 200 bytes each", () => {
    const t = new Trace();
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const slot = (i % 8) * 2048;
      vecOp(t, [0, 128, slot, 512], [0, 128, slot + 16384, 512]);
    }
    expect(t.length).toBe(n);
    expect(t.recordBytes() / n).toBeLessThan(100);
    expect(t.allocatedBytes()).toBeLessThan(1.6 * t.recordBytes());
    t.compact();
    expect(t.allocatedBytes()).toBe(t.recordBytes());
    expect(t.operand(n - 1, 1).addr).toBe(7 * 2048 + 16384);
    expect(t.dependencies(n - 1)).toEqual([{ on: n - 9, type: DepType.Waw }]);
  });
});

describe("record shapes", () => {
  it("matches records that differ only in tensors and addresses, and hashes them equally", () => {
    const t = new Trace();
    const op = (addr: number, pattern: number[], parts = 128, dt = F32) => {
      t.begin(Engine.Vector, "tensor_copy", "", 0, 0);
      t.addOperand(Access.Read, Memory.Sbuf, 0, dt, 0, parts, addr, pattern);
      t.addOperand(Access.Write, Memory.Sbuf, 1, dt, 0, parts, addr + 4096, pattern);
      return t.end();
    };
    const a = op(0, [1, 512]);
    const b = op(8192, [1, 512]);
    expect(t.sameShape(a, b)).toBe(true);
    expect(t.shapeHash(a)).toBe(t.shapeHash(b));
    for (const other of [op(0, [2, 512]), op(0, [1, 256]), op(0, [1, 512], 64), op(0, [1, 512], 128, BF16), op(0, [1, 2, 1, 256])]) {
      expect(t.sameShape(a, other)).toBe(false);
    }
    t.begin(Engine.Scalar, "tensor_copy", "", 0, 0);
    t.addOperand(Access.Read, Memory.Sbuf, 0, F32, 0, 128, 0, [1, 512]);
    t.addOperand(Access.Write, Memory.Sbuf, 1, F32, 0, 128, 4096, [1, 512]);
    expect(t.sameShape(a, t.end())).toBe(false);
  });
});

describe("column views", () => {
  it("agree with the per-field accessors", () => {
    const t = new Trace();
    const a = sbufTile(t, "a", 128, 2048, 0);
    const b = sbufTile(t, "b", 64, 1024, 4096);
    vecOp(t, [0, 128, 0, 512], [0, 64, 4096, 256]);
    vecOp(t, [0, 64, 4096, 256], [0, 128, 0, 512]);
    t.append({ engine: Engine.Dma, opcode: "dma_copy", flops: 0, operands: [
      { access: Access.Read, memory: Memory.Sbuf, tensor: b, dtype: F32, partStart: 32, partCount: 32, addr: 4096, pattern: [1, 256] },
      { access: Access.Write, memory: Memory.Hbm, tensor: a, dtype: F32, partStart: 0, partCount: 0, addr: 1 << 20, pattern: [256, 32, 1, 256] },
    ] });
    const c = t.columnViews();
    for (let i = 0; i < t.length; i++) {
      expect(c.engine[i]).toBe(t.engine(i));
      for (let k = 0; k < t.operandCount(i); k++) {
        const j = c.operandStart[i] + k;
        expect([c.operandAccess[j], c.operandMemory[j], c.operandTensor[j], c.operandPartStart[j], c.operandAddr[j]]).toEqual([
          t.operandAccess(i, k), t.operandMemory(i, k), t.operandTensor(i, k), t.operandPartStart(i, k), t.operandAddr(i, k),
        ]);
      }
      expect(t.depCount(i)).toBeGreaterThanOrEqual(i > 0 ? 1 : 0);
      for (let k = 0; k < t.depCount(i); k++) {
        expect([c.depOn[c.depStart[i] + k], c.depType[c.depStart[i] + k]]).toEqual([t.depOn(i, k), t.depType(i, k)]);
      }
    }
  });
});
