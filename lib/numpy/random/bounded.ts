/**
 * numpy's bounded-integer samplers (distributions.c: random_bounded_uint*_fill, random_interval).
 *
 * Each draws values in [off, off + rng] (rng is the inclusive range). The draw width follows the
 * output dtype exactly as numpy's does — 64-bit outputs still use 32-bit draws when the range fits,
 * 16/8-bit outputs and bools take their bits from a buffered 32-bit word — and the rejection method is
 * numpy's masked sampler for the legacy RandomState and Lemire's multiply-shift for Generator.
 * Results are returned as the numbers of the numpy core's int64 storage, exact past 2^53 through
 * its shadow (exact-int64.ts) on the rare full-64-bit paths.
 */
import { storeExact } from "../exact-int64";
import { type BitGenerator, u64 } from "./bit-generator";
import { valueError } from "../errors";

export type IntDTypeName = "int64" | "int32" | "int16" | "int8" | "uint64" | "uint32" | "uint16" | "uint8" | "bool";

const MASK64 = (1n << 64n) - 1n;

export interface IntRange {
  readonly min: bigint;
  readonly max: bigint;
  readonly bits: 64 | 32 | 16 | 8 | 1;
}

export const INT_RANGES: Readonly<Record<IntDTypeName, IntRange>> = {
  int64: { min: -(1n << 63n), max: (1n << 63n) - 1n, bits: 64 },
  int32: { min: -(1n << 31n), max: (1n << 31n) - 1n, bits: 32 },
  int16: { min: -32768n, max: 32767n, bits: 16 },
  int8: { min: -128n, max: 127n, bits: 8 },
  uint64: { min: 0n, max: MASK64, bits: 64 },
  uint32: { min: 0n, max: 0xffffffffn, bits: 32 },
  uint16: { min: 0n, max: 0xffffn, bits: 16 },
  uint8: { min: 0n, max: 0xffn, bits: 8 },
  bool: { min: 0n, max: 1n, bits: 1 },
};

/** Smallest 2^k - 1 >= rng, for rng < 2^32. */
function genMask32(rng: number): number {
  let m = rng;
  m |= m >>> 1;
  m |= m >>> 2;
  m |= m >>> 4;
  m |= m >>> 8;
  m |= m >>> 16;
  return m >>> 0;
}

function genMask64(rng: bigint): bigint {
  let m = 1n;
  while (m - 1n < rng) m <<= 1n;
  return m - 1n;
}

/** High 32 bits of the 64-bit product of two uint32 numbers, exactly. */
function mulhi32(x: number, y: number): number {
  const lowPart = (x & 0xffff) * y;
  const highPart = (x >>> 16) * y;
  return Math.floor((highPart + Math.floor(lowPart / 65536)) / 65536);
}

/** A 32-bit word handed out 16, 8 or 1 bits at a time, low bits first (numpy's buffered_uint16/8, bool). */
class BufferedBits {
  private buf = 0;
  private count = 0;
  constructor(
    private readonly bits: BitGenerator,
    private readonly width: 16 | 8 | 1,
  ) {}
  next(): number {
    if (this.count === 0) {
      this.buf = this.bits.nextUint32();
      this.count = 32 / this.width - 1;
    } else {
      this.buf >>>= this.width;
      this.count--;
    }
    return this.width === 16 ? this.buf & 0xffff : this.width === 8 ? this.buf & 0xff : this.buf & 1;
  }
}

function lemireNarrow(draw: () => number, rng: number, width: 32 | 16 | 8): number {
  const excl = rng + 1;
  const full = width === 32 ? 4294967296 : width === 16 ? 65536 : 256;
  let x = draw();
  let leftover = width === 32 ? Math.imul(x, excl) >>> 0 : (x * excl) % full;
  if (leftover < excl) {
    const threshold = (full - 1 - rng) % excl;
    while (leftover < threshold) {
      x = draw();
      leftover = width === 32 ? Math.imul(x, excl) >>> 0 : (x * excl) % full;
    }
  }
  return width === 32 ? mulhi32(x, excl) : Math.floor((x * excl) / full);
}

function lemire64(bits: BitGenerator, rng: bigint): bigint {
  const excl = rng + 1n;
  bits.nextUint64();
  let m = u64(bits) * excl;
  let leftover = m & MASK64;
  if (leftover < excl) {
    const threshold = (MASK64 - rng) % excl;
    while (leftover < threshold) {
      bits.nextUint64();
      m = u64(bits) * excl;
      leftover = m & MASK64;
    }
  }
  return m >> 64n;
}

function masked64(bits: BitGenerator, rng: bigint, mask: bigint): bigint {
  for (;;) {
    bits.nextUint64();
    const v = u64(bits) & mask;
    if (v <= rng) return v;
  }
}

/**
 * `n` integers in [off, off + rng] for an output of dtype `dtype` (rng must fit that dtype's width).
 * `masked` selects numpy's legacy masked rejection instead of Lemire's method.
 */
export function boundedFill(
  bits: BitGenerator,
  off: bigint,
  rng: bigint,
  n: number,
  dtype: IntDTypeName,
  masked: boolean,
): Float64Array {
  const out = new Float64Array(n);
  const offN = Number(off);
  if (rng === 0n) return out.fill(offN);
  const width = INT_RANGES[dtype].bits;
  const unsigned = dtype === "uint64";
  if (width === 64 && rng > 0xffffffffn) {
    if (rng === MASK64) {
      for (let i = 0; i < n; i++) {
        bits.nextUint64();
        const v = off + u64(bits);
        storeExact(out, i, unsigned ? BigInt.asUintN(64, v) : BigInt.asIntN(64, v), unsigned);
      }
    } else {
      const mask = genMask64(rng);
      for (let i = 0; i < n; i++) {
        const v = masked ? masked64(bits, rng, mask) : lemire64(bits, rng);
        storeExact(out, i, off + v, unsigned);
      }
    }
    return out;
  }
  const r = Number(rng);
  fillNarrow(bits, r, n, width, masked, out);
  if (off >= -(1n << 53n) && off <= 1n << 53n) {
    for (let i = 0; i < n; i++) out[i] += offN;
  } else {
    // int64 offsets beyond 2^53: added exactly (exact-int64.ts).
    for (let i = 0; i < n; i++) storeExact(out, i, off + BigInt(out[i]), unsigned);
  }
  return out;
}

/** Values in [0, r] (r < 2^32) into `out`, drawn 32 bits (or fewer, buffered) at a time. */
function fillNarrow(bits: BitGenerator, r: number, n: number, width: 64 | 32 | 16 | 8 | 1, masked: boolean, out: Float64Array): void {
  if (width === 64 || width === 32) {
    if (r === 0xffffffff) {
      for (let i = 0; i < n; i++) out[i] = bits.nextUint32();
    } else if (masked) {
      const mask = genMask32(r);
      for (let i = 0; i < n; i++) {
        let v: number;
        do v = (bits.nextUint32() & mask) >>> 0;
        while (v > r);
        out[i] = v;
      }
    } else {
      const draw = (): number => bits.nextUint32();
      for (let i = 0; i < n; i++) out[i] = lemireNarrow(draw, r, 32);
    }
    return;
  }
  const buffer = new BufferedBits(bits, width);
  if (width === 1) {
    for (let i = 0; i < n; i++) out[i] = buffer.next();
    return;
  }
  const full = width === 16 ? 0xffff : 0xff;
  if (r === full) {
    for (let i = 0; i < n; i++) out[i] = buffer.next();
  } else if (masked) {
    const mask = genMask32(r);
    for (let i = 0; i < n; i++) {
      let v: number;
      do v = buffer.next() & mask;
      while (v > r);
      out[i] = v;
    }
  } else {
    const draw = (): number => buffer.next();
    for (let i = 0; i < n; i++) out[i] = lemireNarrow(draw, r, width);
  }
}

/** random_bounded_uint64(off=0, rng, use_masked=false) for one value: Generator's Floyd and tail shuffle. */
export function lemireBounded(bits: BitGenerator, rng: number): number {
  if (rng === 0) return 0;
  if (rng < 0xffffffff) return lemireNarrow(() => bits.nextUint32(), rng, 32);
  if (rng === 0xffffffff) return bits.nextUint32();
  return Number(lemire64(bits, BigInt(rng)));
}

/** random_interval: a value in [0, max] by masked rejection (the Fisher-Yates step of both shuffles). */
export function randomInterval(bits: BitGenerator, max: number): number {
  if (max === 0) return 0;
  if (max <= 0xffffffff) {
    const mask = genMask32(max);
    let v: number;
    do v = (bits.nextUint32() & mask) >>> 0;
    while (v > max);
    return v;
  }
  return Number(masked64(bits, BigInt(max), genMask64(BigInt(max))));
}

/**
 * Validates [low, high) (or [low, high] with `endpoint`) against the dtype and returns numpy's (off, rng).
 * `highOmitted`: the call gave only one bound (randint(5) means [0, 5)), which numpy reports as "high <= 0".
 */
export function checkedRange(low: bigint, high: bigint, dtype: IntDTypeName, endpoint: boolean, highOmitted = false): { off: bigint; rng: bigint } {
  const { min, max } = INT_RANGES[dtype];
  const hi = endpoint ? high : high - 1n;
  if (low < min) throw valueError(`low is out of bounds for ${dtype}`);
  if (hi > max) throw valueError(`high is out of bounds for ${dtype}`);
  if (low > hi) throw valueError(highOmitted ? (endpoint ? "high < 0" : "high <= 0") : endpoint ? "low > high" : "low >= high");
  return { off: low, rng: hi - low };
}
