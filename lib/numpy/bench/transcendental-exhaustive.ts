/**
 * Checks the SIMD float32 exp and tanh loops against the JavaScript path on every float32 bit pattern
 * (2^32 inputs, a few minutes): exp against npy-math.ts's expF32, tanh against Math.fround(Math.tanh).
 * Also counts tanh lanes that fell back to Math.tanh (by re-running the approximation's doubt test
 * is not possible from outside, so it reports only mismatches and time).
 * Run: node --import tsx lib/numpy/bench/transcendental-exhaustive.ts [exp|tanh]
 */
import { unaryFloatWasm } from "../kernels/elementwise";
import { expF32 } from "../npy-math";

const CHUNK = 1 << 22;
const which = process.argv.slice(2);
const ops = (which.length === 0 ? ["exp", "tanh"] : which) as ("exp" | "tanh")[];
const reference = { exp: expF32, tanh: Math.tanh };
const bits = new Uint32Array(CHUNK);
const input = new Float32Array(bits.buffer);
const want = new Float32Array(CHUNK);
const wantBits = new Uint32Array(want.buffer);
for (const op of ops) {
  const ref = reference[op];
  let mismatches = 0;
  let wasmMs = 0;
  for (let base = 0; base < 2 ** 32; base += CHUNK) {
    for (let i = 0; i < CHUNK; i++) bits[i] = base + i;
    for (let i = 0; i < CHUNK; i++) want[i] = ref(input[i]);
    const t0 = performance.now();
    const got = unaryFloatWasm(op, input, 0, CHUNK) as Float32Array;
    wasmMs += performance.now() - t0;
    const gotBits = new Uint32Array(got.buffer, got.byteOffset, CHUNK);
    for (let i = 0; i < CHUNK; i++) {
      const x = input[i];
      // NaN results compare by NaN-ness (the JavaScript path does not keep payloads either).
      if (gotBits[i] !== wantBits[i] && !(want[i] !== want[i] && got[i] !== got[i])) {
        if (mismatches++ < 10) console.log(`${op}(${x}) [0x${(base + i).toString(16)}]: ${got[i]} != ${want[i]}`);
      }
    }
  }
  console.log(`${op}: ${mismatches} mismatches over 2^32 float32 inputs; SIMD loop ${(wasmMs / 1000).toFixed(1)} s in total`);
}
