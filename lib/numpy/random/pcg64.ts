/**
 * PCG64 (PCG XSL-RR 128/64, O'Neill) as numpy's `pcg64.h` runs it, including numpy's buffering of the
 * high half of a 64-bit draw for 32-bit requests.
 *
 * The 128-bit state and increment are kept as six 24-bit limbs (least significant first; the top limb
 * holds 8 bits) in doubles: a limb product is < 2^48 and a column sums at most six of them, so the
 * multiply-mod-2^128 is exact without bigint and runs at ~15 ns per step in V8.
 */
import type { BitGenerator } from "./bit-generator";

// PCG_DEFAULT_MULTIPLIER_128 = 2549297995355413924 * 2^64 + 4865540595714422341, in 24-bit limbs.
const MULTIPLIER = (2549297995355413924n << 64n) + 4865540595714422341n;
const B = 16777216;
const IB = 1 / B;
const TWO_M53 = 1 / 9007199254740992;

function limbsOf(value: bigint): number[] {
  const out: number[] = [];
  for (let i = 0; i < 6; i++) out.push(Number((value >> BigInt(24 * i)) & 0xffffffn));
  return out;
}

const [M0, M1, M2, M3, M4, M5] = limbsOf(MULTIPLIER);

export class PCG64 implements BitGenerator {
  private readonly s = new Float64Array(6);
  private readonly inc = new Float64Array(6);
  hi = 0;
  lo = 0;
  private hasUint32 = false;
  private uinteger = 0;

  /** pcg64_set_seed: state and increment from 128-bit values (numpy takes both from SeedSequence). */
  constructor(initState: bigint, initSeq: bigint) {
    const mask = (1n << 128n) - 1n;
    this.inc.set(limbsOf(((initSeq << 1n) | 1n) & mask));
    this.s.fill(0);
    this.step();
    const st = limbsOf(initState & mask);
    let carry = 0;
    for (let i = 0; i < 6; i++) {
      const t = this.s[i] + st[i] + carry;
      carry = Math.floor(t * IB);
      this.s[i] = t - carry * B;
    }
    this.s[5] %= 256;
    this.step();
  }

  /** state = state * MULTIPLIER + inc (mod 2^128). */
  private step(): void {
    const s = this.s;
    const inc = this.inc;
    const s0 = s[0], s1 = s[1], s2 = s[2], s3 = s[3], s4 = s[4], s5 = s[5];
    let t = s0 * M0 + inc[0];
    let c = Math.floor(t * IB);
    s[0] = t - c * B;
    t = c + s0 * M1 + s1 * M0 + inc[1];
    c = Math.floor(t * IB);
    s[1] = t - c * B;
    t = c + s0 * M2 + s1 * M1 + s2 * M0 + inc[2];
    c = Math.floor(t * IB);
    s[2] = t - c * B;
    t = c + s0 * M3 + s1 * M2 + s2 * M1 + s3 * M0 + inc[3];
    c = Math.floor(t * IB);
    s[3] = t - c * B;
    t = c + s0 * M4 + s1 * M3 + s2 * M2 + s3 * M1 + s4 * M0 + inc[4];
    c = Math.floor(t * IB);
    s[4] = t - c * B;
    t = c + s0 * M5 + s1 * M4 + s2 * M3 + s3 * M2 + s4 * M1 + s5 * M0 + inc[5];
    s[5] = t - Math.floor(t * 0.00390625) * 256; // bits 120..127 only
  }

  /** pcg64_random_r: advance, then XSL-RR output of the new state. */
  nextUint64(): void {
    this.step();
    const s = this.s;
    const s1 = s[1], s2 = s[2];
    // 32-bit words of the state: w0..w3, least significant first.
    const w0 = s[0] | (s1 << 24);
    const w1 = (s1 >>> 8) | (s2 << 16);
    const w2 = (s2 >>> 16) | (s[3] << 8);
    const w3 = s[4] | (s[5] << 24);
    let lo = (w0 ^ w2) >>> 0;
    let hi = (w1 ^ w3) >>> 0;
    let rot = s[5] >>> 2;
    if (rot >= 32) {
      const tmp = lo;
      lo = hi;
      hi = tmp;
      rot -= 32;
    }
    if (rot !== 0) {
      const nlo = ((lo >>> rot) | (hi << (32 - rot))) >>> 0;
      hi = ((hi >>> rot) | (lo << (32 - rot))) >>> 0;
      lo = nlo;
    }
    this.hi = hi;
    this.lo = lo;
  }

  /** pcg64_next32: the low half now, the high half on the next call. */
  nextUint32(): number {
    if (this.hasUint32) {
      this.hasUint32 = false;
      return this.uinteger;
    }
    this.nextUint64();
    this.hasUint32 = true;
    this.uinteger = this.hi;
    return this.lo;
  }

  /** pcg64_next_double: top 53 bits of a 64-bit draw. */
  nextDouble(): number {
    this.nextUint64();
    return (this.hi * 2097152 + (this.lo >>> 11)) * TWO_M53;
  }

  /** `out.length` next_double draws with the state held in locals (the bulk path of Generator.random). */
  fillDoubles(out: Float64Array): void {
    const st = this.s;
    const inc = this.inc;
    const i0 = inc[0], i1 = inc[1], i2 = inc[2], i3 = inc[3], i4 = inc[4], i5 = inc[5];
    let s0 = st[0], s1 = st[1], s2 = st[2], s3 = st[3], s4 = st[4], s5 = st[5];
    for (let k = 0; k < out.length; k++) {
      let t = s0 * M0 + i0;
      let c = Math.floor(t * IB);
      const n0 = t - c * B;
      t = c + s0 * M1 + s1 * M0 + i1;
      c = Math.floor(t * IB);
      const n1 = t - c * B;
      t = c + s0 * M2 + s1 * M1 + s2 * M0 + i2;
      c = Math.floor(t * IB);
      const n2 = t - c * B;
      t = c + s0 * M3 + s1 * M2 + s2 * M1 + s3 * M0 + i3;
      c = Math.floor(t * IB);
      const n3 = t - c * B;
      t = c + s0 * M4 + s1 * M3 + s2 * M2 + s3 * M1 + s4 * M0 + i4;
      c = Math.floor(t * IB);
      const n4 = t - c * B;
      t = c + s0 * M5 + s1 * M4 + s2 * M3 + s3 * M2 + s4 * M1 + s5 * M0 + i5;
      s5 = t - Math.floor(t * 0.00390625) * 256;
      s0 = n0;
      s1 = n1;
      s2 = n2;
      s3 = n3;
      s4 = n4;
      let lo = ((s0 | (s1 << 24)) ^ ((s2 >>> 16) | (s3 << 8))) >>> 0;
      let hi = (((s1 >>> 8) | (s2 << 16)) ^ (s4 | (s5 << 24))) >>> 0;
      let rot = s5 >>> 2;
      if (rot >= 32) {
        const tmp = lo;
        lo = hi;
        hi = tmp;
        rot -= 32;
      }
      if (rot !== 0) {
        const nlo = ((lo >>> rot) | (hi << (32 - rot))) >>> 0;
        hi = ((hi >>> rot) | (lo << (32 - rot))) >>> 0;
        lo = nlo;
      }
      out[k] = (hi * 2097152 + (lo >>> 11)) * TWO_M53;
    }
    st[0] = s0;
    st[1] = s1;
    st[2] = s2;
    st[3] = s3;
    st[4] = s4;
    st[5] = s5;
  }
}
