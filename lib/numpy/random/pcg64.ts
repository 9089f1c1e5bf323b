/**
 * PCG64 (PCG XSL-RR 128/64, O'Neill) as numpy's `pcg64.h` runs it, including numpy's buffering of the
 * high half of a 64-bit draw for 32-bit requests.
 *
 * Outputs are produced in blocks into a buffer and handed out in order, so the stream is exactly
 * numpy's. Blocks come from the 64-bit WebAssembly stepper in pcg64.wat (~3 ns per draw); where
 * WebAssembly is unavailable a plain-JS stepper holds the 128-bit state in six 24-bit limbs (each
 * limb product < 2^48 and a column sums at most six, so the multiply-mod-2^128 is exact in doubles).
 */
import type { BitGenerator } from "./bit-generator";
import { PCG64_WASM_BASE64 } from "./pcg64.wasm.generated";

const MULTIPLIER = (2549297995355413924n << 64n) + 4865540595714422341n;
const MASK128 = (1n << 128n) - 1n;
const MASK64 = (1n << 64n) - 1n;
const TWO_M53 = 1 / 9007199254740992;
const BLOCK = 512;
const B = 16777216;
const IB = 1 / B;

interface Pcg64Exports {
  memory: WebAssembly.Memory;
  fillRaw(state: number, out: number, n: number): void;
  fillDoubles(state: number, out: number, n: number): void;
}

// One wasm instance serves every generator (a Memory per generator would reserve address space for
// each): a generator copies its state into the slot, steps, and copies state and outputs back out.
const STATE_AT = 0;
const RAW_AT = 64;
const CHUNK_AT = RAW_AT + 8 * BLOCK;
const CHUNK = (65536 - CHUNK_AT) / 8;

interface SharedStepper {
  ex: Pcg64Exports;
  state: BigUint64Array;
  raw: Uint32Array;
  doubles: Float64Array;
}

let shared: SharedStepper | null | undefined;

function sharedStepper(): SharedStepper | null {
  if (shared === undefined) {
    try {
      const bin = atob(PCG64_WASM_BASE64);
      const bytes = new Uint8Array(new ArrayBuffer(bin.length));
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      const ex = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports as unknown as Pcg64Exports;
      const buf = ex.memory.buffer;
      shared = {
        ex,
        state: new BigUint64Array(buf, STATE_AT, 4),
        raw: new Uint32Array(buf, RAW_AT, 2 * BLOCK),
        doubles: new Float64Array(buf, CHUNK_AT, CHUNK),
      };
    } catch {
      shared = null;
    }
  }
  return shared;
}

function limbsOf(value: bigint): number[] {
  const out: number[] = [];
  for (let i = 0; i < 6; i++) out.push(Number((value >> BigInt(24 * i)) & 0xffffffn));
  return out;
}

const [M0, M1, M2, M3, M4, M5] = limbsOf(MULTIPLIER);

/** The plain-JS stepper: state and increment as 24-bit limbs, least significant first. */
class LimbStepper {
  private readonly s: Float64Array;
  private readonly inc: Float64Array;

  constructor(state: bigint, inc: bigint) {
    this.s = Float64Array.from(limbsOf(state));
    this.inc = Float64Array.from(limbsOf(inc));
  }

  /** Steps `n` times, writing each output into `words` as (lo, hi) uint32 pairs or, if `doubles`, a double. */
  fill(n: number, words: Uint32Array | null, doubles: Float64Array | null, at: number): void {
    const st = this.s;
    const inc = this.inc;
    const i0 = inc[0], i1 = inc[1], i2 = inc[2], i3 = inc[3], i4 = inc[4], i5 = inc[5];
    let s0 = st[0], s1 = st[1], s2 = st[2], s3 = st[3], s4 = st[4], s5 = st[5];
    for (let k = 0; k < n; k++) {
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
      s5 = t - Math.floor(t * 0.00390625) * 256; // bits 120..127 only
      s0 = n0;
      s1 = n1;
      s2 = n2;
      s3 = n3;
      s4 = n4;
      // XSL-RR: 32-bit words of (hi64 ^ lo64), rotated right by the top 6 state bits.
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
      if (doubles) doubles[at + k] = (hi * 2097152 + (lo >>> 11)) * TWO_M53;
      else if (words) {
        words[2 * (at + k)] = lo;
        words[2 * (at + k) + 1] = hi;
      }
    }
    st[0] = s0;
    st[1] = s1;
    st[2] = s2;
    st[3] = s3;
    st[4] = s4;
    st[5] = s5;
  }
}

export class PCG64 implements BitGenerator {
  hi = 0;
  lo = 0;
  private hasUint32 = false;
  private uinteger = 0;
  private readonly raw = new Uint32Array(2 * BLOCK);
  private next = BLOCK;
  private readonly wasm: SharedStepper | null;
  /** This generator's state words (state.lo, state.hi, inc.lo, inc.hi) while the wasm stepper is used. */
  private readonly words: BigUint64Array;
  private readonly limbs: LimbStepper | null;

  /**
   * pcg64_set_seed (pcg_setseq_128_srandom_r): state and increment from 128-bit values, which numpy
   * takes from SeedSequence. `useWasm` false forces the plain-JS stepper.
   */
  constructor(initState: bigint, initSeq: bigint, useWasm = true) {
    const inc = ((initSeq << 1n) | 1n) & MASK128;
    let state = inc;
    state = (state + (initState & MASK128)) & MASK128;
    state = (state * MULTIPLIER + inc) & MASK128;
    this.words = BigUint64Array.from([state & MASK64, state >> 64n, inc & MASK64, inc >> 64n]);
    this.wasm = useWasm ? sharedStepper() : null;
    this.limbs = this.wasm ? null : new LimbStepper(state, inc);
  }

  private refill(): void {
    const wasm = this.wasm;
    if (wasm) {
      wasm.state.set(this.words);
      wasm.ex.fillRaw(STATE_AT, RAW_AT, BLOCK);
      this.words.set(wasm.state);
      this.raw.set(wasm.raw);
    } else {
      this.limbs?.fill(BLOCK, this.raw, null, 0);
    }
    this.next = 0;
  }

  /** pcg64_random_r: advance, then XSL-RR output of the new state. */
  nextUint64(): void {
    if (this.next === BLOCK) this.refill();
    const i = 2 * this.next++;
    this.lo = this.raw[i];
    this.hi = this.raw[i + 1];
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

  /** `out.length` next_double draws: buffered ones first, then straight from the stepper. */
  fillDoubles(out: Float64Array): void {
    let k = 0;
    while (k < out.length && this.next < BLOCK) out[k++] = this.nextDouble();
    const wasm = this.wasm;
    if (wasm) wasm.state.set(this.words);
    while (k < out.length) {
      const n = Math.min(CHUNK, out.length - k);
      if (wasm) {
        wasm.ex.fillDoubles(STATE_AT, CHUNK_AT, n);
        out.set(wasm.doubles.subarray(0, n), k);
      } else {
        this.limbs?.fill(n, null, out, k);
      }
      k += n;
    }
    if (wasm) this.words.set(wasm.state);
  }
}
