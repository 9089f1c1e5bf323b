/**
 * Exact IEEE round-to-nearest-even conversion from a JS number (a double) to the narrow float formats
 * used by numpy (float32, float16), ml_dtypes (bfloat16, float8_*) and Trainium (tfloat32), plus
 * bit-pattern encode/decode. Shared by lib/numpy (array storage) and lib/sim (engine casts).
 *
 * Every value of every format here is exactly representable as a double, so a rounded value is returned
 * as a plain number; narrow-float arrays store these already-rounded values in a Float32Array.
 *
 * Decision on `float8_e4m3`: NKI's legacy `float8_e4m3` (1S4E3M) and the OCP `float8_e4m3fn` are
 * different formats (NKI refuses to mix them in one matmul), so `float8_e4m3` follows the IEEE-style
 * layout of ml_dtypes' `float8_e4m3`: bias 7, exponent 1111 holds +-inf (mantissa 0) and NaN (mantissa
 * != 0), largest finite 240. `float8_e4m3fn` is OCP E4M3: no infinities, NaN only at S.1111.111, largest
 * finite 448. Like ml_dtypes, converting an out-of-range value or an infinity to a format without
 * infinities gives NaN (no saturation).
 *
 * Bit patterns are compact: width = 1 + exponentBits + mantissaBits (tfloat32 is a 19-bit pattern
 * sign<<18 | exponent<<10 | mantissa; the fp32 container layout is that pattern shifted left by 13).
 */

export type FloatFormatName =
  | "float32"
  | "float16"
  | "bfloat16"
  | "tfloat32"
  | "float8_e4m3"
  | "float8_e4m3fn"
  | "float8_e5m2";

export interface FloatFormat {
  readonly name: FloatFormatName;
  readonly exponentBits: number;
  readonly mantissaBits: number;
  readonly bias: number;
  /** IEEE-style formats reserve the top exponent for inf/NaN; "fn" formats only reserve S.1..1.1..1 for NaN. */
  readonly hasInfinity: boolean;
  readonly width: number;
  readonly maxFinite: number;
  readonly minNormal: number;
  readonly minSubnormal: number;
  /** Positive quiet NaN pattern produced by encode(NaN). */
  readonly nanBits: number;
}

function makeFormat(name: FloatFormatName, exponentBits: number, mantissaBits: number, hasInfinity: boolean): FloatFormat {
  const bias = 2 ** (exponentBits - 1) - 1;
  const topExponent = 2 ** exponentBits - 1;
  const emin = 1 - bias;
  // Without infinities the top exponent holds finite values except the all-ones mantissa (NaN).
  const emax = hasInfinity ? topExponent - 1 - bias : topExponent - bias;
  const maxMantissa = hasInfinity ? 2 - 2 ** -mantissaBits : 2 - 2 ** (1 - mantissaBits);
  const width = 1 + exponentBits + mantissaBits;
  const nanBits = hasInfinity
    ? (topExponent << mantissaBits) | (1 << (mantissaBits - 1))
    : (topExponent << mantissaBits) | ((1 << mantissaBits) - 1);
  return {
    name,
    exponentBits,
    mantissaBits,
    bias,
    hasInfinity,
    width,
    maxFinite: maxMantissa * 2 ** emax,
    minNormal: 2 ** emin,
    minSubnormal: 2 ** (emin - mantissaBits),
    nanBits,
  };
}

export const FLOAT_FORMATS: Readonly<Record<FloatFormatName, FloatFormat>> = {
  float32: makeFormat("float32", 8, 23, true),
  float16: makeFormat("float16", 5, 10, true),
  bfloat16: makeFormat("bfloat16", 8, 7, true),
  tfloat32: makeFormat("tfloat32", 8, 10, true),
  float8_e4m3: makeFormat("float8_e4m3", 4, 3, true),
  float8_e4m3fn: makeFormat("float8_e4m3fn", 4, 3, false),
  float8_e5m2: makeFormat("float8_e5m2", 5, 2, true),
};

export function isFloatFormatName(name: string): name is FloatFormatName {
  return Object.prototype.hasOwnProperty.call(FLOAT_FORMATS, name);
}

const scratch = new DataView(new ArrayBuffer(8));

/** floor(log2(a)) for a finite positive double, exact (read from the bits, not Math.log2). */
function exponentOf(a: number): number {
  scratch.setFloat64(0, a);
  const hi = scratch.getUint32(0);
  const biased = (hi >>> 20) & 0x7ff;
  if (biased !== 0) return biased - 1023;
  // Double subnormal: scale into the normal range first.
  return exponentOf(a * 2 ** 64) - 64;
}

/** Round v (0 <= v < 2^53) to an integer, ties to even. */
function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const diff = v - f;
  if (diff > 0.5) return f + 1;
  if (diff < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

function roundGeneric(format: FloatFormat, x: number): number {
  if (x !== x) return NaN;
  if (x === 0) return x;
  const a = Math.abs(x);
  if (a === Infinity) return format.hasInfinity ? x : NaN;
  const emin = 1 - format.bias;
  const e = Math.max(exponentOf(a), emin);
  // quantum is a power of two, so a / quantum and n * quantum are exact.
  const quantum = 2 ** (e - format.mantissaBits);
  const r = roundHalfEven(a / quantum) * quantum;
  if (r > format.maxFinite) return format.hasInfinity ? (x < 0 ? -Infinity : Infinity) : NaN;
  // r may be 0 (underflow): keep the sign as IEEE does.
  return x < 0 ? -r : r;
}

/** Round a double to the nearest value of `format` (ties to even); returns that value as a double. */
export function roundTo(name: FloatFormatName, x: number): number {
  if (name === "float32") return Math.fround(x);
  return roundGeneric(FLOAT_FORMATS[name], x);
}

/** Encode a double into the compact bit pattern of `format`, rounding to nearest even first. */
export function encode(name: FloatFormatName, x: number): number {
  const format = FLOAT_FORMATS[name];
  const r = roundTo(name, x);
  const m = format.mantissaBits;
  if (r !== r) return format.nanBits;
  const signBit = r < 0 || Object.is(r, -0) ? 2 ** (format.width - 1) : 0;
  const a = Math.abs(r);
  const topExponent = 2 ** format.exponentBits - 1;
  if (a === Infinity) return signBit + topExponent * 2 ** m;
  if (a === 0) return signBit;
  const emin = 1 - format.bias;
  const e = exponentOf(a);
  if (e < emin) return signBit + a / 2 ** (emin - m);
  const mantissa = a / 2 ** (e - m) - 2 ** m;
  return signBit + (e + format.bias) * 2 ** m + mantissa;
}

/** Decode a compact bit pattern of `format` into its value as a double. */
export function decode(name: FloatFormatName, bits: number): number {
  const format = FLOAT_FORMATS[name];
  const m = format.mantissaBits;
  const signed = Math.floor(bits / 2 ** (format.width - 1)) % 2 === 1;
  const exponent = Math.floor(bits / 2 ** m) % 2 ** format.exponentBits;
  const mantissa = bits % 2 ** m;
  const topExponent = 2 ** format.exponentBits - 1;
  let value: number;
  if (exponent === topExponent && format.hasInfinity) {
    value = mantissa === 0 ? Infinity : NaN;
  } else if (exponent === topExponent && mantissa === 2 ** m - 1) {
    value = NaN;
  } else if (exponent === 0) {
    value = mantissa * 2 ** (1 - format.bias - m);
  } else {
    value = (2 ** m + mantissa) * 2 ** (exponent - format.bias - m);
  }
  return signed ? -value : value;
}

/**
 * Round every element of src into dst (same length). Values in the target's normal range take an
 * integer fast path on the float32 bit pattern; subnormals, overflow and specials use the exact
 * generic routine. Float64Array sources are rounded directly from the double (one rounding).
 */
export function roundArrayTo(name: FloatFormatName, src: Float32Array | Float64Array, dst: Float32Array): void {
  const n = src.length;
  if (dst.length !== n) throw new RangeError(`roundArrayTo: length mismatch ${n} vs ${dst.length}`);
  if (name === "float32") {
    if (src !== dst) dst.set(src);
    return;
  }
  const format = FLOAT_FORMATS[name];
  if (src instanceof Float64Array) {
    roundDoublesTo(format, src, dst);
    return;
  }
  const srcBits = new Uint32Array(src.buffer, src.byteOffset, n);
  const dstBits = new Uint32Array(dst.buffer, dst.byteOffset, n);
  const shift = 23 - format.mantissaBits;
  const half = (1 << (shift - 1)) - 1;
  const clearMask = ~((1 << shift) - 1) >>> 0;
  // Float32 bit patterns (of |x|) delimiting the fast path: [minNormal, maxFinite] of the target.
  const lowBits = f32Bits(format.minNormal);
  const highBits = f32Bits(format.maxFinite);
  for (let i = 0; i < n; i++) {
    const b = srcBits[i];
    const mag = b & 0x7fffffff;
    if (mag >= lowBits && mag <= highBits) {
      const rounded = (mag + half + ((mag >>> shift) & 1)) & clearMask;
      if (rounded <= highBits) {
        dstBits[i] = (rounded | (b & 0x80000000)) >>> 0;
        continue;
      }
    }
    dst[i] = roundGeneric(format, src[i]);
  }
}

/**
 * The Float64Array case of roundArrayTo: one rounding straight from the double. Values in the target's
 * normal range are rounded on the double's high word (the target keeps at most 20 mantissa bits, so the
 * kept bits and the round bit sit there; the low word only adds to the sticky bit); the rest, and results
 * that round past maxFinite, take the exact generic routine.
 */
function roundDoublesTo(format: FloatFormat, src: Float64Array, dst: Float32Array): void {
  const n = src.length;
  const shift = 20 - format.mantissaBits;
  const words = new Uint32Array(src.buffer, src.byteOffset, 2 * n);
  const out = new Float64Array(1);
  const outWords = new Uint32Array(out.buffer);
  const stickyMask = (1 << (shift - 1)) - 1;
  const { minNormal, maxFinite } = format;
  for (let i = 0; i < n; i++) {
    const x = src[i];
    const a = x < 0 ? -x : x;
    if (a >= minNormal && a <= maxFinite) {
      const hi = words[2 * i + 1];
      const kept = hi >>> shift;
      const roundBit = (hi >>> (shift - 1)) & 1;
      const sticky = (hi & stickyMask) | words[2 * i];
      const up = roundBit & ((sticky !== 0 ? 1 : 0) | (kept & 1));
      outWords[0] = 0;
      outWords[1] = ((kept + up) << shift) >>> 0;
      const r = out[0];
      if (r === r && (r < 0 ? -r : r) <= maxFinite) {
        dst[i] = r;
        continue;
      }
    }
    dst[i] = roundGeneric(format, x);
  }
}

function f32Bits(x: number): number {
  scratch.setFloat32(0, x);
  return scratch.getUint32(0);
}
