import { describe, expect, it } from "vitest";
import { matmulF32 } from "../../numpy/kernels";
import { dtype } from "../dtypes";
import { Machine } from "../machine";
import { fullView, sliceView, type View } from "../memory/tensor";
import { Memory } from "../trace/types";
import { matmulIntoPsum, PSUM_MATMUL_MAX_K } from "./psum-matmul";

const f32 = dtype("float32");
const SPECIAL = [0, -0, 1, -1, 0.5, 3.4e38, -3.4e38, 1e-45, -1e-45, 1.17549435e-38, Infinity, -Infinity, NaN, 65504, 2 ** -24];

/** Deterministic float32 values: mostly bf16-like small numbers, some specials when `special`. */
function fill(v: View, seed: number, special: boolean): void {
  const data = v.buffer.data as Float32Array;
  for (let i = 0; i < data.length; i++) {
    const u = (Math.imul(i + seed * 7919, 2654435761) >>> 0) / 2 ** 32;
    data[i] = special && u < 0.08 ? SPECIAL[Math.floor((u / 0.08) * SPECIAL.length)] : Math.fround((u - 0.5) * 8);
  }
}

/** IEEE float32 semantics spelled out: per element, products rounded to float32, summed in k order from +0, added to the tile. */
function reference(psum: Float32Array, s: View, b: View, d: View, accumulate: boolean): Float32Array {
  const [K, M] = s.shape;
  const N = b.shape[1];
  const sd = s.buffer.data as Float32Array;
  const bd = b.buffer.data as Float32Array;
  const out = psum.slice();
  for (let m = 0; m < M; m++) {
    for (let n = 0; n < N; n++) {
      let acc = 0;
      for (let k = 0; k < K; k++) {
        const p = Math.fround(sd[s.offset + k * s.strides[0] + m * s.strides[1]] * bd[b.offset + k * b.strides[0] + n * b.strides[1]]);
        acc = Math.fround(acc + p);
      }
      const at = d.offset + m * d.strides[0] + n * d.strides[1];
      out[at] = Math.fround((accumulate ? out[at] : 0) + acc);
    }
  }
  return out;
}

function bits(a: Float32Array): number[] {
  // Every NaN compares equal (see the last test); all other values by their exact bits, -0 included.
  return Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length), (x) => ((x & 0x7f800000) === 0x7f800000 && (x & 0x7fffff) !== 0 ? -1 : x));
}

function setup(K: number, M: number, N: number, seed: number, special: boolean, strided: boolean) {
  // HBM buffers: the kernel only sees storage and strides, and HBM allows contractions deeper than 128
  const m = new Machine({ target: "trn2" });
  const sb = m.allocHbm("s", [K, strided ? 2 * M : M], f32);
  const bb = m.allocHbm("b", [K, N], f32);
  const db = m.allocHbm("d", [M, strided ? N + 3 : N], f32);
  const s = strided ? sliceView(fullView(sb), 1, 1, 2 * M, 2) : fullView(sb);
  const b = fullView(bb);
  const d = strided ? sliceView(fullView(db), 1, 2, N + 2) : fullView(db);
  fill(fullView(sb), seed, special);
  fill(b, seed + 1, special);
  fill(fullView(db), seed + 2, special);
  return { s, b, d };
}

describe("matmulIntoPsum", () => {
  const shapes: [number, number, number][] = [[1, 1, 1], [2, 3, 7], [5, 4, 8], [128, 64, 100], [128, 127, 9], [256, 16, 520], [PSUM_MATMUL_MAX_K, 3, 5]];
  for (const [K, M, N] of shapes) {
    for (const accumulate of [false, true]) {
      it(`K=${K} M=${M} N=${N} ${accumulate ? "accumulates into" : "overwrites"} the tile exactly as float32 arithmetic in k order`, () => {
        for (const [special, strided] of [[false, false], [true, false], [true, true]] as const) {
          const { s, b, d } = setup(K, M, N, K * 31 + M + N, special, strided);
          const psum = d.buffer.data as Float32Array;
          const want = reference(psum, s, b, d, accumulate);
          expect(matmulIntoPsum(d, s, b, accumulate)).toBe(true);
          expect(bits(psum)).toEqual(bits(want));
        }
      });
    }
  }

  it("matches the shared float32 matmul kernel followed by the PSUM add, bit for bit up to NaN sign and payload", () => {
    // NaN bits are not stable on the old path either: JS's `+=` may add its operands in either order.
    const { s, b, d } = setup(128, 128, 512, 5, true, false);
    const psum = d.buffer.data as Float32Array;
    const before = psum.slice();
    const st = new Float32Array(128 * 128);
    for (let k = 0; k < 128; k++) for (let m = 0; m < 128; m++) st[m * 128 + k] = (s.buffer.data as Float32Array)[k * 128 + m];
    const prod = matmulF32(st, (b.buffer.data as Float32Array).slice(0, 128 * 512), 128, 128, 512);
    for (let i = 0; i < before.length; i++) before[i] += prod[i];
    expect(matmulIntoPsum(d, s, b, true)).toBe(true);
    expect(bits(psum)).toEqual(bits(before));
  });

  it("declines (writing nothing) past the exact contraction depth, for bf16 PSUM tiles and for 3-D operands", () => {
    const m = new Machine({ target: "trn2" });
    const deep = fullView(m.allocOnChip("s", Memory.Sbuf, [128, 4], f32));
    const tooDeep = { ...deep, shape: [PSUM_MATMUL_MAX_K + 1, 4] };
    const b = fullView(m.allocOnChip("b", Memory.Sbuf, [128, 8], f32));
    const d = fullView(m.allocOnChip("d", Memory.Psum, [4, 8], f32));
    const before = (d.buffer.data as Float32Array).slice();
    expect(matmulIntoPsum(d, tooDeep, { ...b, shape: [PSUM_MATMUL_MAX_K + 1, 8] }, false)).toBe(false);
    const dBf16 = fullView(m.allocOnChip("e", Memory.Psum, [4, 8], dtype("bfloat16")));
    expect(matmulIntoPsum(dBf16, deep, b, false)).toBe(false);
    const s3 = fullView(m.allocOnChip("s3", Memory.Sbuf, [128, 2, 2], f32));
    expect(matmulIntoPsum(d, s3, b, false)).toBe(false);
    expect(Array.from(d.buffer.data as Float32Array)).toEqual(Array.from(before));
  });
});
