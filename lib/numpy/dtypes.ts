/**
 * numpy dtypes, their typed-array storage and numpy 2 (NEP 50) type promotion.
 *
 * Storage per dtype (every element is a JS number, never a bigint, so every kernel is one code path):
 *   bool            Uint8Array holding 0/1
 *   int8..int32     Int8Array / Int16Array / Int32Array (stores wrap modulo 2^n like C casts)
 *   uint8..uint32   Uint8Array / Uint16Array / Uint32Array
 *   int64           Float64Array holding integers (numpy's default int: BigInt64Array storage would
 *                   make every integer kernel an order of magnitude slower). Values past 2^53 are
 *                   held as their nearest double plus, where known exactly, a BigInt shadow
 *                   (exact-int64.ts) that creation, printing, copies, casts, the integer ufuncs
 *                   and the integer reductions use, so they wrap modulo 2^64 exactly like numpy
 *   uint64          Float64Array the same way, values in [0, 2^64) (3 - 5 is 2^64 - 2, exactly)
 *   float64         Float64Array
 *   float32         Float32Array
 *   float16, bfloat16, float8_e4m3, float8_e4m3fn, float8_e5m2
 *                   Float32Array holding values already rounded (RNE) to the narrow format; arithmetic
 *                   runs in float32 and rounds the result, as numpy (float16) and ml_dtypes do.
 *
 * Promotion of the narrow ML floats follows ml_dtypes where it defines it (bfloat16 + float16 ->
 * float32) and NKI's documented rules otherwise (two different float8 formats -> bfloat16, float8 +
 * float16 -> float16, float8 + bfloat16 -> bfloat16).
 */
import { FLOAT_FORMATS, type FloatFormatName, roundTo as roundToFormat } from "./float-formats";
import { NumpyError, typeError } from "./errors";
import { residentArray } from "./kernels/heap";

export type DTypeName =
  | "bool"
  | "int8"
  | "int16"
  | "int32"
  | "int64"
  | "uint8"
  | "uint16"
  | "uint32"
  | "uint64"
  | "float8_e4m3"
  | "float8_e4m3fn"
  | "float8_e5m2"
  | "bfloat16"
  | "float16"
  | "float32"
  | "float64";

export type Storage =
  | Float64Array
  | Float32Array
  | Int8Array
  | Int16Array
  | Int32Array
  | Uint8Array
  | Uint16Array
  | Uint32Array;

export type DTypeKind = "b" | "i" | "u" | "f" | "V";

export interface DType {
  readonly name: DTypeName;
  /** numpy's dtype.kind; ml_dtypes' bfloat16/float8 report "V". */
  readonly kind: DTypeKind;
  readonly itemsize: number;
  /** numpy's dtype.char ("?", "b", "f", ...); ml_dtypes types use "E" (bfloat16) and "V". */
  readonly char: string;
  readonly isFloat: boolean;
  readonly isInteger: boolean;
  readonly isSigned: boolean;
  /** The RNE rounding target for narrow floats, undefined for exactly stored types. */
  readonly narrow: FloatFormatName | undefined;
}

function dt(name: DTypeName, kind: DTypeKind, itemsize: number, char: string): DType {
  const isFloat = kind === "f" || kind === "V";
  const narrow = name === "float16" || name === "bfloat16" || name.startsWith("float8") ? (name as FloatFormatName) : undefined;
  return {
    name,
    kind,
    itemsize,
    char,
    isFloat,
    isInteger: kind === "i" || kind === "u",
    isSigned: kind === "i" || isFloat,
    narrow,
  };
}

export const DTYPES: Readonly<Record<DTypeName, DType>> = {
  bool: dt("bool", "b", 1, "?"),
  int8: dt("int8", "i", 1, "b"),
  int16: dt("int16", "i", 2, "h"),
  int32: dt("int32", "i", 4, "i"),
  int64: dt("int64", "i", 8, "l"),
  uint8: dt("uint8", "u", 1, "B"),
  uint16: dt("uint16", "u", 2, "H"),
  uint32: dt("uint32", "u", 4, "I"),
  uint64: dt("uint64", "u", 8, "L"),
  float8_e4m3: dt("float8_e4m3", "V", 1, "V"),
  float8_e4m3fn: dt("float8_e4m3fn", "V", 1, "V"),
  float8_e5m2: dt("float8_e5m2", "V", 1, "V"),
  bfloat16: dt("bfloat16", "V", 2, "E"),
  float16: dt("float16", "f", 2, "e"),
  float32: dt("float32", "f", 4, "f"),
  float64: dt("float64", "f", 8, "d"),
};

const ALIASES: Readonly<Record<string, DTypeName>> = {
  bool: "bool",
  bool_: "bool",
  "?": "bool",
  b1: "bool",
  int8: "int8",
  i1: "int8",
  byte: "int8",
  b: "int8",
  int16: "int16",
  i2: "int16",
  short: "int16",
  h: "int16",
  int32: "int32",
  i4: "int32",
  intc: "int32",
  i: "int32",
  int64: "int64",
  i8: "int64",
  int: "int64",
  int_: "int64",
  intp: "int64",
  long: "int64",
  l: "int64",
  uint8: "uint8",
  u1: "uint8",
  ubyte: "uint8",
  B: "uint8",
  uint16: "uint16",
  u2: "uint16",
  ushort: "uint16",
  H: "uint16",
  uint32: "uint32",
  u4: "uint32",
  uintc: "uint32",
  I: "uint32",
  uint64: "uint64",
  u8: "uint64",
  uint: "uint64",
  uintp: "uint64",
  ulong: "uint64",
  L: "uint64",
  float16: "float16",
  f2: "float16",
  half: "float16",
  e: "float16",
  float32: "float32",
  f4: "float32",
  single: "float32",
  f: "float32",
  float64: "float64",
  f8: "float64",
  float: "float64",
  double: "float64",
  d: "float64",
  float_: "float64",
  bfloat16: "bfloat16",
  float8_e4m3: "float8_e4m3",
  float8_e4m3fn: "float8_e4m3fn",
  float8_e5m2: "float8_e5m2",
};

/** np.dtype(name): accepts numpy's names, aliases and byte-order-prefixed codes ("<f4", "=i8"). */
export function dtypeFromString(spec: string): DType {
  const stripped = /^[<>=|]/.test(spec) && spec.length > 1 ? spec.slice(1) : spec;
  const name = ALIASES[stripped];
  if (name === undefined) throw typeError(`data type '${spec}' not understood`);
  return DTYPES[name];
}

export function allocate(dtype: DType, length: number): Storage {
  if (!Number.isSafeInteger(length) || length < 0) throw new NumpyError("ValueError", "negative dimensions are not allowed");
  if (length * dtype.itemsize > 2 ** 32) {
    throw new NumpyError("MemoryError", `Unable to allocate array with ${length} elements of type ${dtype.name}`);
  }
  switch (dtype.name) {
    case "bool":
      return residentArray(Uint8Array, length, true) ?? new Uint8Array(length);
    case "uint8":
      return new Uint8Array(length);
    case "int8":
      return new Int8Array(length);
    case "int16":
      return new Int16Array(length);
    case "int32":
      return new Int32Array(length);
    case "uint16":
      return new Uint16Array(length);
    case "uint32":
      return new Uint32Array(length);
    case "int64":
    case "uint64":
      return new Float64Array(length);
    case "float64":
      return residentArray(Float64Array, length, true) ?? new Float64Array(length);
    case "float32":
      return residentArray(Float32Array, length, true) ?? new Float32Array(length);
    default:
      return new Float32Array(length);
  }
}

const INT_RANGES: Partial<Record<DTypeName, readonly [number, number]>> = {
  int8: [-128, 127],
  int16: [-32768, 32767],
  int32: [-(2 ** 31), 2 ** 31 - 1],
  int64: [-(2 ** 63), 2 ** 63 - 1],
  uint8: [0, 255],
  uint16: [0, 65535],
  uint32: [0, 2 ** 32 - 1],
  uint64: [0, 2 ** 64 - 1],
};

/**
 * numpy's check of a Python int against an integer dtype (exact past 2^53 when `exact` is given):
 * OverflowError "Python integer ... out of bounds for ...", or for ints past int64 that no int64
 * can hold, CPython's own "Python int too large to convert to C long".
 */
export function checkIntInRange(dtype: DType, value: number, exact?: bigint): void {
  // numpy converts through C long, or unsigned long for uint32/uint64, before its bounds check.
  const unsignedLong = dtype.name === "uint32" || dtype.name === "uint64";
  if (exact !== undefined && (exact < INT64_MIN || exact > (unsignedLong ? UINT64_MAX : INT64_MAX))) throw tooLargeForLong();
  let out: boolean;
  if (exact !== undefined) {
    const [lo, hi] = exactIntRange(dtype);
    out = exact < lo || exact > hi;
  } else {
    const [lo, hi] = intRange(dtype);
    out = value < lo || value > hi;
  }
  if (out) throw new NumpyError("OverflowError", `Python integer ${exact ?? value} out of bounds for ${dtype.name}`);
}

/**
 * A Python float stored into an integer dtype (np.array, item assignment, fill, np.int8(2.5)):
 * numpy 2 converts it as int() does (NaN and infinities raise), then checks that Python int as
 * always through C long, never unsigned long (np.array([3e19], dtype=np.uint64) overflows).
 */
export function pyFloatToInt(dtype: DType, x: number): number {
  if (x !== x) throw new NumpyError("ValueError", "cannot convert float NaN to integer");
  if (x === Infinity || x === -Infinity) throw new NumpyError("OverflowError", "cannot convert float infinity to integer");
  const n = Math.trunc(x) + 0;
  if (n < -(2 ** 63) || n >= 2 ** 63) throw tooLargeForLong();
  checkIntInRange(dtype, n);
  return n;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** An integer dtype's bounds as BigInts (intRange's doubles round int64's and uint64's upper ones). */
export function exactIntRange(dtype: DType): readonly [bigint, bigint] {
  if (dtype.name === "int64") return [INT64_MIN, INT64_MAX];
  if (dtype.name === "uint64") return [0n, UINT64_MAX];
  const [lo, hi] = intRange(dtype);
  return [BigInt(lo), BigInt(hi)];
}

export function intRange(dtype: DType): readonly [number, number] {
  const r = INT_RANGES[dtype.name];
  if (r === undefined) throw typeError(`${dtype.name} is not an integer type`);
  return r;
}

/**
 * Convert a double to the value `dtype` stores for it, the way a numpy cast does: RNE for narrow
 * floats, truncation then modular wrap for integers, nonzero (NaN included) for bool.
 */
export function castValue(dtype: DType, x: number): number {
  switch (dtype.name) {
    case "float64":
      return x;
    case "float32":
      return Math.fround(x);
    case "bool":
      return x !== 0 ? 1 : 0;
    case "int64":
      // `+ 0` turns -0 (trunc(-0.3), 0 * -1) into the 0 an integer holds.
      return Number.isFinite(x) && Math.abs(x) < 2 ** 63 ? Math.trunc(x) + 0 : -(2 ** 63);
    case "int8":
      return (toInt32(x) << 24) >> 24;
    case "int16":
      return (toInt32(x) << 16) >> 16;
    case "int32":
      return toInt32(x);
    case "uint8":
      return toInt32(x) & 0xff;
    case "uint16":
      return toInt32(x) & 0xffff;
    case "uint32":
      return toUint32(x);
    case "uint64":
      return wrapUint64(x);
    default:
      return roundNarrow(dtype, x);
  }
}

/**
 * The double a uint64 stores for x: modulo 2^64 (NaN and infinities give 2^63, as numpy shows on
 * x86). Exact within 2^53; a wrapped negative such as -1 is 2^64 - 1, which rounds to 2^64 here.
 */
function wrapUint64(x: number): number {
  if (!Number.isFinite(x)) return 2 ** 63;
  const t = Math.trunc(x) % 2 ** 64;
  return t < 0 ? t + 2 ** 64 : t + 0;
}

/**
 * numpy's float -> uint32 cast on x86 (its SIMD loop converts to int32, shifting values of 2^31 and
 * up down by 2^31 first): below 2^31, int32's conversion read as unsigned (-1.5 -> 4294967295; NaN
 * and values below -2^31 -> 2^31); from 2^31, the value if below 2^32, else 0 (inf included).
 */
function toUint32(x: number): number {
  if (x >= 2 ** 31) return x < 2 ** 32 ? Math.trunc(x) : 0;
  const t = Math.trunc(x);
  if (!(t >= -(2 ** 31))) return 2 ** 31;
  return t < 0 ? t + 2 ** 32 : t + 0;
}

/**
 * C's double -> int32 conversion as x86 performs it (cvttsd2si): truncate, and NaN or out-of-range
 * values give INT32_MIN; narrower integer types then keep the low bits, which is what numpy shows.
 */
function toInt32(x: number): number {
  const t = Math.trunc(x);
  return t >= -(2 ** 31) && t <= 2 ** 31 - 1 ? t : -(2 ** 31);
}

function roundNarrow(dtype: DType, x: number): number {
  // One rounding straight from the double, as numpy's double->half and ml_dtypes' casts do.
  return roundToFormat(FLOAT_FORMATS[dtype.narrow as FloatFormatName].name, x);
}

// ---- promotion ---------------------------------------------------------------------------------

const FLOAT_ORDER: Readonly<Record<string, number>> = { float16: 16, float32: 32, float64: 64 };

/** The float dtype numpy picks for float-only ufuncs on integer input (np.exp(int8) is float16). */
export function floatFor(dtype: DType): DType {
  if (dtype.isFloat) return dtype;
  if (dtype.itemsize === 1) return DTYPES.float16;
  if (dtype.itemsize === 2) return DTYPES.float32;
  return DTYPES.float64;
}

function minFloatForInt(dtype: DType, partner: DType): DType {
  if (dtype.itemsize === 1) return partner.name === "bfloat16" ? DTYPES.bfloat16 : DTYPES.float16;
  if (dtype.itemsize === 2) return DTYPES.float32;
  return DTYPES.float64;
}

function promoteFloats(a: DType, b: DType): DType {
  if (a === b) return a;
  const fa = FLOAT_ORDER[a.name];
  const fb = FLOAT_ORDER[b.name];
  if (fa !== undefined && fb !== undefined) return fa >= fb ? a : b;
  // At least one ML float.
  if (a.name === "float64" || b.name === "float64") return DTYPES.float64;
  if (a.name === "float32" || b.name === "float32") return DTYPES.float32;
  const a8 = a.name.startsWith("float8");
  const b8 = b.name.startsWith("float8");
  if (a8 && b8) return DTYPES.bfloat16;
  if (a8) return b;
  if (b8) return a;
  // bfloat16 with float16.
  return DTYPES.float32;
}

export function promoteTypes(a: DType, b: DType): DType {
  if (a === b) return a;
  if (a.kind === "b") return b;
  if (b.kind === "b") return a;
  if (a.isFloat && b.isFloat) return promoteFloats(a, b);
  if (a.isFloat) return promoteFloats(minFloatForInt(b, a), a);
  if (b.isFloat) return promoteFloats(minFloatForInt(a, b), b);
  if (a.kind === b.kind) return a.itemsize >= b.itemsize ? a : b;
  const signed = a.kind === "i" ? a : b;
  const unsigned = a.kind === "i" ? b : a;
  if (signed.itemsize > unsigned.itemsize) return signed;
  switch (unsigned.itemsize) {
    case 1:
      return DTYPES.int16;
    case 2:
      return DTYPES.int32;
    case 4:
      return DTYPES.int64;
    default:
      // No integer type holds both int64 and uint64.
      return DTYPES.float64;
  }
}

export function resultType(...dtypes: DType[]): DType {
  return dtypes.reduce((acc, d) => promoteTypes(acc, d));
}

/** A Python scalar taking part in an operation; it is "weak" under NEP 50. */
export type PyScalarKind = "bool" | "int" | "float";

/**
 * The dtype of `array OP python-scalar` under NEP 50: the scalar adopts the array's dtype when the
 * kinds allow; int overflow is an OverflowError like numpy 2's.
 */
export function promoteWithScalar(dtype: DType, kind: PyScalarKind, value: number, exact?: bigint): DType {
  if (kind === "bool") return dtype;
  if (kind === "int") {
    if (dtype.kind === "b") {
      // bool with a Python int computes in int64, which must hold it (comparisons too).
      if (exact !== undefined && (exact < INT64_MIN || exact > INT64_MAX)) throw tooLargeForLong();
      return DTYPES.int64;
    }
    if (dtype.isInteger) checkIntInRange(dtype, value, exact);
    return dtype;
  }
  return dtype.isFloat ? dtype : DTYPES.float64;
}

/** The dtype numpy gives a bare Python scalar (np.array(3) is int64, np.array(3.0) float64). */
export function defaultDtypeFor(kind: PyScalarKind): DType {
  return kind === "bool" ? DTYPES.bool : kind === "int" ? DTYPES.int64 : DTYPES.float64;
}

function tooLargeForLong(): NumpyError {
  return new NumpyError("OverflowError", "Python int too large to convert to C long");
}

/**
 * defaultDtypeFor a Python scalar whose int may be past int64 (`exact`): uint64 up to 2^64 - 1
 * (np.array([2**63]) is uint64); beyond that numpy makes an object array, which Kernel Lab does
 * not have, so CPython's conversion error.
 */
export function bareScalarDtype(kind: PyScalarKind, exact?: bigint): DType {
  if (exact === undefined || (exact >= INT64_MIN && exact <= INT64_MAX)) return defaultDtypeFor(kind);
  if (exact > 0n && exact <= UINT64_MAX) return DTYPES.uint64;
  throw tooLargeForLong();
}

/** np.can_cast(from, to, casting="same_kind") for the kinds we have. */
export function canCastSameKind(from: DType, to: DType): boolean {
  const rank = (d: DType): number => (d.kind === "b" ? 0 : d.kind === "u" || d.kind === "i" ? 1 : 2);
  return rank(from) <= rank(to);
}
