/**
 * Checks the SIMD float32 exp and tanh loops against the JavaScript path on every float32 bit pattern
 * (2^32 inputs, a few minutes): exp and tanh against npy-math.ts's expF32 and tanhF32 (numpy's float32
 * algorithms; tanhF32 itself was checked against numpy 2.4's np.tanh on all 2^32 inputs by comparing
 * CRCs of 256 chunks of results, NaNs as numpy's one quiet NaN).
 * Both run the fused multiply-add loops (kernels/elementwise-fma.wat) when relaxed SIMD is on, else
 * the double-lane ones; the line per op says which.
 * `--numpy` also checks the JavaScript path against numpy itself on every input: python3 prints a
 * CRC-32 of numpy's results per chunk (transcendental_numpy_crc.py) and the chunks' CRCs must match
 * (NaNs compared as one quiet NaN).
 * Run: node [--experimental-wasm-relaxed-simd] --import tsx lib/numpy/bench/transcendental-exhaustive.ts [--numpy] [exp|tanh]
 */
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { crc32 } from "node:zlib";
import { unaryFloatWasm } from "../kernels/elementwise";
import { fmaKernels } from "../kernels/wasm-instance";
import { expF32, tanhF32 } from "../npy-math";

const CHUNK = 1 << 22;
const args = process.argv.slice(2);
const withNumpy = args.includes("--numpy");
const which = args.filter((a) => a !== "--numpy");
const ops = (which.length === 0 ? ["exp", "tanh"] : which) as ("exp" | "tanh")[];
const reference = { exp: expF32, tanh: tanhF32 };
const bits = new Uint32Array(CHUNK);
const input = new Float32Array(bits.buffer);
const want = new Float32Array(CHUNK);
const wantBits = new Uint32Array(want.buffer);
const canonical = new Uint32Array(CHUNK);

/** numpy's CRC-32 per CHUNK inputs of `op` over all 2^32 float32 bit patterns. */
function numpyCrcs(op: string): number[] {
  const script = join(dirname(fileURLToPath(import.meta.url)), "transcendental_numpy_crc.py");
  const run = spawnSync("python3", [script, op, String(CHUNK)], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout.trim().split(/\s+/).map(Number);
}

for (const op of ops) {
  const ref = reference[op];
  const numpy = withNumpy ? numpyCrcs(op) : null;
  let numpyChunks = 0;
  let mismatches = 0;
  let wasmMs = 0;
  for (let base = 0; base < 2 ** 32; base += CHUNK) {
    for (let i = 0; i < CHUNK; i++) bits[i] = base + i;
    for (let i = 0; i < CHUNK; i++) want[i] = ref(input[i]);
    if (numpy !== null) {
      for (let i = 0; i < CHUNK; i++) canonical[i] = want[i] !== want[i] ? 0x7fc00000 : wantBits[i];
      if (crc32(new Uint8Array(canonical.buffer)) !== numpy[base / CHUNK]) {
        if (numpyChunks++ < 10) console.log(`${op}: numpy differs in chunk from 0x${base.toString(16)}`);
      }
    }
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
  const loop = fmaKernels() !== null ? "fused multiply-add loop" : "double-lane SIMD loop";
  console.log(`${op}: ${mismatches} mismatches over 2^32 float32 inputs; ${loop} ${(wasmMs / 1000).toFixed(1)} s in total`);
  if (numpy !== null) console.log(`${op}: the JavaScript path differs from numpy in ${numpyChunks} of ${numpy.length} chunks of ${CHUNK} inputs`);
}
