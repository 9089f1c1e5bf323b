import { describe, expect, it } from "vitest";
import { DTYPES } from "../dtypes";
import { fromStorage } from "../ndarray";
import { binary } from "../ufuncs";
import golden from "./broadcast-wasm.golden.json";

interface Case {
  op: string;
  dtype: "float32" | "float64";
  big: number[];
  small: number[];
  xy: string;
  yx: string;
}

function bytes(b64: string): ArrayBuffer {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out.buffer;
}

/** The generator's lcg_f32. */
function lcgF32(n: number, seed: number): Float32Array {
  const bits = new Uint32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    bits[i] = ((s & 0x80000000) | ((119 + ((s >>> 23) % 17)) << 23) | (s & 0x7fffff)) >>> 0;
  }
  return new Float32Array(bits.buffer);
}

const size = (shape: number[]): number => shape.reduce((p, d) => p * d, 1);

describe("float binary ufuncs with a row- or column-broadcast operand match numpy", () => {
  it.each((golden.cases as Case[]).map((c) => [`${c.op} ${c.dtype} ${c.big.join("x")} with ${c.small.join("x")}`, c] as const))(
    "%s",
    (_, c) => {
      const data = (n: number, seed: number): Float32Array | Float64Array =>
        c.dtype === "float32" ? lcgF32(n, seed) : Float64Array.from(lcgF32(n, seed));
      const x = fromStorage(DTYPES[c.dtype], c.big, data(size(c.big), 5));
      const y = fromStorage(DTYPES[c.dtype], c.small, data(size(c.small), 9));
      const decode = (b64: string): number[] =>
        Array.from(c.op === "greater" ? new Uint8Array(bytes(b64)) : c.dtype === "float32" ? new Float32Array(bytes(b64)) : new Float64Array(bytes(b64)));
      const xy = binary(c.op, x, y);
      expect(xy.shape).toEqual(c.big);
      expect(Array.from(xy.data)).toEqual(decode(c.xy));
      expect(Array.from(binary(c.op, y, x).data)).toEqual(decode(c.yx));
    },
  );
});
