/**
 * A 64-bit fingerprint (hex) of everything a trace records, read through its public accessors:
 * instruction fields, operands, dependencies, loop paths, loops and tensors. Two runs of the same
 * kernel must give the same fingerprint (the trace is deterministic); tests pin it so that a change to
 * how instructions are recorded (or to what is recorded) cannot go unnoticed.
 */

import type { Trace } from "./trace";

class Hasher {
  private a = 0x811c9dc5;
  private b = 0x01000193;

  int(x: number): void {
    // Split doubles into two 32-bit halves so large or fractional values hash exactly.
    const lo = x | 0;
    const hi = Math.floor(x / 2 ** 32) | 0;
    this.word(lo);
    this.word(hi ^ (Number.isInteger(x) ? 0 : 0x5bd1e995));
    if (!Number.isInteger(x)) this.str(String(x));
  }

  str(s: string): void {
    this.word(s.length);
    for (let k = 0; k < s.length; k++) this.word(s.charCodeAt(k));
  }

  private word(x: number): void {
    this.a = Math.imul(this.a ^ x, 0x01000193);
    this.b = Math.imul(this.b ^ x, 0x5bd1e995) ^ (this.a >>> 13);
  }

  hex(): string {
    return (this.a >>> 0).toString(16).padStart(8, "0") + (this.b >>> 0).toString(16).padStart(8, "0");
  }
}

export function traceFingerprint(t: Trace): string {
  const h = new Hasher();
  h.int(t.length);
  for (let i = 0; i < t.length; i++) {
    h.int(t.engine(i));
    h.str(t.opcode(i));
    h.str(t.variant(i));
    h.int(t.flags(i));
    h.int(t.flops(i));
    h.str(t.file(i));
    h.int(t.line(i));
    h.int(t.spmdInstance(i));
    for (const f of t.loopPath(i)) {
      h.int(f.loop);
      h.int(f.iteration);
    }
    h.int(-1);
    const n = t.operandCount(i);
    h.int(n);
    for (let k = 0; k < n; k++) {
      const o = t.operand(i, k);
      h.int(o.access);
      h.int(o.memory);
      h.int(o.tensor);
      h.int(o.dtype);
      h.int(o.partStart);
      h.int(o.partCount);
      h.int(o.addr);
      h.int(o.pattern.length);
      for (const x of o.pattern) h.int(x);
    }
    const d = t.depCount(i);
    h.int(d);
    for (let k = 0; k < d; k++) {
      h.int(t.depOn(i, k));
      h.int(t.depType(i, k));
    }
  }
  h.int(t.loopCount);
  for (let l = 0; l < t.loopCount; l++) {
    const loop = t.loop(l);
    h.int(loop.kind);
    h.int(loop.tripCount);
    h.str(loop.file);
    h.int(loop.line);
    h.int(loop.parentPath);
  }
  h.int(t.tensorCount);
  for (let id = 0; id < t.tensorCount; id++) {
    const x = t.tensor(id);
    h.str(x.name);
    h.int(x.memory);
    h.int(x.dtype);
    h.int(x.alloc);
    for (const s of x.shape) h.int(s);
    h.int(-1);
    h.int(x.partStart);
    h.int(x.partCount);
    h.int(x.addr);
    h.int(x.bytes);
    h.int(x.createdAt);
    for (const f of t.pathFrames(x.pathId)) {
      h.int(f.loop);
      h.int(f.iteration);
    }
    h.int(-1);
  }
  h.int(t.spmdGrid.length);
  for (const g of t.spmdGrid) h.int(g);
  return h.hex();
}
