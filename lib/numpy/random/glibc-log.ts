/**
 * Natural logarithm bit-identical to glibc 2.28+'s x86-64 FMA build (__ieee754_log_fma).
 *
 * numpy's legacy normal sampler (polar Box-Muller) calls C `log`; V8's Math.log (fdlibm) differs from
 * glibc's in the last bit for ~7% of inputs, which would change ~half the randn() values. This is the
 * ARM optimized-routines algorithm glibc uses, with the exact operation order and fused operations of
 * the compiled FMA variant (read from its disassembly on the reference machine) and glibc's own table
 * (extracted by gen/extract-glibc-log.py).
 *
 * The same code runs as WebAssembly (glibc-log.wat) when available: there nothing boxes the ~8 emulated
 * fmas' doubles, which makes it several times faster than this TypeScript, kept as the fallback.
 */
import { fma as fmaImport } from "./fma";
import * as data from "./glibc-log-data.generated";
import { GLIBC_LOG_WASM_BASE64 } from "./glibc-log.wasm.generated";

// Module-local copies: transpiled ESM turns each imported-binding access into a getter call, which
// dominated this hot function.
const fma = fmaImport;
const { LN2HI, LN2LO, TAB } = data;
const A = Float64Array.from(data.POLY);
const B = Float64Array.from(data.POLY1);

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const TWO27 = 134217728;

/** log(x) for x close to 1 (x in [1 - 2^-4, 1 + 0x1.09p-4)), where a direct polynomial is used. */
function logNearOne(x: number): number {
  if (x === 1) return 0;
  const r = x - 1;
  const r2 = r * r;
  const r3 = r * r2;
  const p012 = fma(r2, B[3], fma(r, B[2], B[1]));
  const p345 = fma(r2, B[6], fma(r, B[5], B[4]));
  let p = fma(r3, B[10], fma(r2, B[9], fma(r, B[8], B[7])));
  p = fma(p, r3, p345);
  p = fma(p, r3, p012);
  // hi + lo = r - r*r/2 exactly (rhi has 26 significant bits so rhi*rhi is exact).
  const w = fma(r, TWO27, r);
  const rhi = fma(-TWO27, r, w);
  const rhi2 = rhi * rhi;
  const rlo = r - rhi;
  const hi = fma(rhi2, B[0], r);
  let lo = fma(rhi2, B[0], r - hi);
  lo = fma(B[0] * rlo, r + rhi, lo);
  return hi + fma(p, r3, lo);
}

/** The TypeScript implementation (the fallback, and the reference the WebAssembly one is tested against). */
export function glibcLogJs(x: number): number {
  f64[0] = x;
  let hiw = u32[1];
  let low = u32[0];
  // Near 1: top bits in [0x3fee0000.., 0x3ff1090000..).
  if (hiw >= 0x3fee0000 && hiw < 0x3ff10900) return logNearOne(x);
  const top = hiw >>> 16;
  if (top - 0x0010 >= 0x7ff0 - 0x0010 || top < 0x0010) {
    if (x === 0) return -Infinity;
    if (x === Infinity) return Infinity;
    if (!(x > 0)) return NaN;
    // Subnormal: normalise, then remove the 52 from the exponent below.
    f64[0] = x * 4503599627370496;
    hiw = u32[1] - (52 << 20);
    low = u32[0];
  }
  // tmp = ix - 0x3fe6000000000000; i = (tmp >> 45) % 128; k = tmp >> 52 (arithmetic).
  const tmpHi = (hiw - 0x3fe60000) | 0;
  const i = (tmpHi >>> 13) & 0x7f;
  const k = tmpHi >> 20;
  u32[1] = hiw - (tmpHi & 0xfff00000);
  u32[0] = low;
  const z = f64[0];
  const invc = TAB[2 * i];
  const logc = TAB[2 * i + 1];
  const r = fma(z, invc, -1);
  const kd = k;
  // LN2HI has 42 significant bits and |k| < 2^11, so kd * LN2HI is exact and the fma is a plain add.
  const w = kd * LN2HI + logc;
  const hi = w + r;
  const lo = fma(kd, LN2LO, w - hi + r);
  const r2 = r * r;
  const poly = fma(fma(r, A[4], A[3]), r2, fma(r, A[2], A[1]));
  return fma(r * r2, poly, fma(r2, A[0], lo)) + hi;
}

function loadWasmLog(): ((x: number) => number) | null {
  try {
    const bin = atob(GLIBC_LOG_WASM_BASE64);
    const bytes = new Uint8Array(new ArrayBuffer(bin.length));
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const ex = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports as unknown as {
      memory: WebAssembly.Memory;
      log(x: number): number;
    };
    const mem = new Float64Array(ex.memory.buffer);
    mem.set(TAB, 0);
    mem.set([LN2HI, LN2LO, ...A, ...B], 256);
    return ex.log;
  } catch {
    return null;
  }
}

/** log(x) exactly as glibc computes it. */
export const glibcLog: (x: number) => number = loadWasmLog() ?? glibcLogJs;
