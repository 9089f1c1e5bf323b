/**
 * Universal functions: numpy's elementwise operations with broadcasting and numpy 2 dtype rules.
 *
 * Every value is computed in double precision and stored into the result's typed array: for float32
 * the store is a correct rounding, and because the double result of + - * / sqrt on float32 inputs is
 * exact or innocuously rounded, float32 results equal numpy's bit-for-bit. Narrow floats are computed
 * in float32 and rounded (RNE) afterwards, like numpy's float16 and ml_dtypes' loops.
 */
import { exactBinary, exactUnary, exactWhere, holdsExact } from "./exact-int64-ops";
import { isWideInt } from "./exact-int64";
import { type DType, type Storage, DTYPES, allocate, bareScalarDtype, castValue, exactIntRange, floatFor, intRange, promoteTypes, promoteWithScalar, defaultDtypeFor, canCastSameKind } from "./dtypes";
import { NumpyError, typeError, valueError } from "./errors";
import { roundArrayTo } from "./float-formats";
import { signBit } from "../python/runtime/numeric";
import { FPE_INVALID, FPE_OVERFLOW, floatResultFlags, fpErrorsWanted, hasNonFinite, integerDivisionFlags, integerOverflowFlags, recordFpError, reportedName } from "./fp-errors";
import { cosF32, expF32, logF32, pow, sinF32, tanhF32 } from "./npy-math";
import { type Access, type LoopHelpers, binaryLoop, scalarOp, unaryLoop } from "./loops";
import { type WasmBinaryOp, type WasmRowAccess, type WasmUnaryOp, binaryFloatWasm, binaryRowsFloatWasm, takeFpFlags, unaryFloatWasm, whereFloatWasm } from "./kernels/elementwise";
import { NDArray, type Operand, type PyScalar, broadcastShapes, broadcastView, fromStorage, isPyScalar, offsetsOf, scalarArray, astype } from "./ndarray";

// ---- numpy's scalar semantics for the helpers the loops call ----------------------------------

function fmod(a: number, b: number): number {
  return a % b;
}

/** numpy's npy_divmod: floor division and Python-style modulo for floats. */
function floordiv(a: number, b: number): number {
  if (b === 0) return a / b;
  const mod = fmod(a, b);
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) div -= 1;
  if (div !== 0) {
    let fl = Math.floor(div);
    if (div - fl > 0.5) fl += 1;
    return fl;
  }
  return (a / b < 0 || Object.is(a / b, -0)) ? -0 : 0;
}

function pymod(a: number, b: number): number {
  if (b === 0) return NaN;
  let mod = fmod(a, b);
  if (mod !== 0) {
    if (b < 0 !== mod < 0) mod += b;
  } else mod = b < 0 ? -0 : 0;
  return mod;
}

function ifloordiv(a: number, b: number): number {
  return b === 0 ? 0 : Math.floor(a / b);
}

function imod(a: number, b: number): number {
  if (b === 0) return 0;
  const r = a % b;
  return r !== 0 && r < 0 !== b < 0 ? r + b : r;
}

/** Integer power wrapping modulo 2^32 like C integer arithmetic (stores narrow it further). */
function ipow32(a: number, b: number): number {
  let result = 1;
  let base = a | 0;
  let e = b;
  while (e > 0) {
    if (e & 1) result = Math.imul(result, base);
    base = Math.imul(base, base);
    e = Math.floor(e / 2);
  }
  return result;
}

/**
 * Set by the 64-bit integer helpers below when a result left the range where doubles are exact
 * integers (their BigInt path): the ufunc is then recomputed exactly (exact-int64-ops.ts). Cleared
 * before each loop and read right after it.
 */
let helperInexact = false;

/** Integer power wrapping modulo 2^64 (exactly, by BigInt squaring, once it leaves the safe range). */
function ipow64(a: number, b: number): number {
  const r = a ** b;
  if (Number.isSafeInteger(r)) return r;
  helperInexact = true;
  let result = 1n;
  let base = BigInt.asIntN(64, BigInt(a));
  for (let e = BigInt(b); e > 0n; e >>= 1n) {
    if (e & 1n) result = BigInt.asIntN(64, result * base);
    base = BigInt.asIntN(64, base * base);
  }
  return Number(result);
}

/** |x| with y's sign bit (a NaN's too). */
function copysign(x: number, y: number): number {
  const m = Math.abs(x);
  return signBit(y) ? -m : m;
}

/** x86's default NaN (sign bit set): what an invalid operation on numbers gives in numpy's C loops. */
const DEFAULT_NAN = new Float64Array(new BigUint64Array([0xfff8000000000000n]).buffer)[0];

/**
 * r, or x86's default NaN when r is a NaN made from non-NaN operands: numpy's libm calls return
 * that one (np.signbit(np.log(-1.0)) is True); V8's Math functions return a positive NaN.
 */
function invalid(r: number, x: number, y = 0): number {
  return r === r || x !== x || y !== y ? r : DEFAULT_NAN;
}

/** numpy's npy_logaddexp: log(exp(x) + exp(y)) without overflow. */
function logaddexp(x: number, y: number): number {
  if (x === y) return x + Math.LN2;
  const d = x - y;
  if (d > 0) return x + Math.log1p(Math.exp(-d));
  if (d <= 0) return y + Math.log1p(Math.exp(d));
  return d;
}

/** numpy's npy_logaddexp2: log2(2**x + 2**y). */
function logaddexp2(x: number, y: number): number {
  if (x === y) return x + 1;
  const d = x - y;
  if (d > 0) return x + Math.log1p(2 ** -d) / Math.LN2;
  if (d <= 0) return y + Math.log1p(2 ** d) / Math.LN2;
  return d;
}

/** Round half to even (np.rint). */
function rint(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r === 0 && x < 0 ? -0 : r;
}

/** numpy's shifts: counts outside [0, bits) shift everything out (sign fill for right shifts). */
function lshift(x: number, y: number, bits: number): number {
  if (y < 0 || y >= bits) return 0;
  if (bits <= 32) return x << y;
  const r = x * 2 ** y;
  if (!Number.isSafeInteger(r)) helperInexact = true;
  return r;
}

function rshift(x: number, y: number, bits: number): number {
  if (y < 0 || y >= bits) return x < 0 ? -1 : 0;
  return Math.floor(x / 2 ** y);
}

/**
 * 64-bit integer +, -, *: the double result while it is a safe integer (every result that fits 2^53),
 * otherwise the exact result wrapped modulo 2^64 like C's, rounded once to the stored double.
 */
function wrapping64(op: (a: number, b: number) => number, exact: (a: bigint, b: bigint) => bigint, unsigned: boolean): (a: number, b: number) => number {
  return (a, b) => {
    const r = op(a, b);
    if (Number.isSafeInteger(r)) return r;
    helperInexact = true;
    const e = exact(BigInt(a), BigInt(b));
    return Number(unsigned ? BigInt.asUintN(64, e) : BigInt.asIntN(64, e));
  };
}

function big(op: (a: bigint, b: bigint) => bigint): (a: number, b: number) => number {
  return (a, b) => {
    const r = Number(BigInt.asIntN(64, op(BigInt(a), BigInt(b))));
    if (!Number.isSafeInteger(r)) helperInexact = true;
    return r;
  };
}

const HELPERS: LoopHelpers = {
  floordiv,
  pymod,
  ifloordiv,
  imod,
  pow,
  ipow32,
  ipow64,
  copysign,
  invalid,
  signbit: (x) => (signBit(x) ? 1 : 0),
  logaddexp,
  logaddexp2,
  rint,
  expF32,
  tanhF32,
  logF32,
  sinF32,
  cosF32,
  lshift,
  rshift,
  and64: big((a, b) => a & b),
  or64: big((a, b) => a | b),
  xor64: big((a, b) => a ^ b),
  add64: wrapping64((a, b) => a + b, (a, b) => a + b, false),
  sub64: wrapping64((a, b) => a - b, (a, b) => a - b, false),
  mul64: wrapping64((a, b) => a * b, (a, b) => a * b, false),
  uadd64: wrapping64((a, b) => a + b, (a, b) => a + b, true),
  usub64: wrapping64((a, b) => a - b, (a, b) => a - b, true),
  umul64: wrapping64((a, b) => a * b, (a, b) => a * b, true),
};

/** The helper call for a 64-bit integer compute dtype, else the plain JS expression. */
function int64Expr(c: DType, helper: string, plain: string): string {
  if (!c.isInteger || c.itemsize !== 8) return plain;
  return `H.${c.kind === "u" ? "u" : ""}${helper}(x, y)`;
}

// ---- operation tables -------------------------------------------------------------------------

type Resolution = { compute: DType; out: DType };

interface UnaryDef {
  /** Returns the output dtype for an input dtype (throws numpy's TypeError where unsupported). */
  resolve(input: DType): DType;
  expr(input: DType): string;
}

const isInt = (d: DType): boolean => d.isInteger || d.kind === "b";
const same = (d: DType): DType => d;
const floatOut = (d: DType): DType => floatFor(d);
const boolOut = (): DType => DTYPES.bool;

function unsupported(name: string): NumpyError {
  return typeError(
    `ufunc '${name}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''`,
  );
}

function noBoolLoop(name: string, d: DType): DType {
  if (d.kind === "b") {
    throw new NumpyError("UFuncTypeError", `ufunc '${name}' did not contain a loop with signature matching types <class 'numpy.dtypes.BoolDType'> -> None`);
  }
  return d;
}

const math = (fn: string): UnaryDef => ({ resolve: floatOut, expr: () => `Math.${fn}(x)` });
/** A Math function that returns NaN outside its domain, with numpy's NaN (see `invalid`). */
const domain = (fn: string): UnaryDef => ({ resolve: floatOut, expr: () => `H.invalid(Math.${fn}(x), x)` });

const UNARY: Readonly<Record<string, UnaryDef>> = {
  negative: {
    resolve: (d) => {
      if (d.kind === "b") {
        throw typeError(
          "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.",
        );
      }
      return d;
    },
    expr: () => "-x",
  },
  positive: { resolve: (d) => noBoolLoop("positive", d), expr: () => "x" },
  absolute: { resolve: same, expr: () => "Math.abs(x)" },
  sqrt: math("sqrt"),
  cbrt: math("cbrt"),
  exp: { resolve: floatOut, expr: (d) => (floatFor(d).name === "float32" ? "H.expF32(x)" : "Math.exp(x)") },
  exp2: { resolve: floatOut, expr: () => "H.pow(2, x)" },
  expm1: math("expm1"),
  log: { resolve: floatOut, expr: (d) => `H.invalid(${floatFor(d).name === "float32" ? "H.logF32(Math.fround(x))" : "Math.log(x)"}, x)` },
  log2: domain("log2"),
  log10: domain("log10"),
  log1p: domain("log1p"),
  sin: { resolve: floatOut, expr: (d) => (floatFor(d).name === "float32" ? "H.invalid(H.sinF32(Math.fround(x)), x)" : "Math.sin(x)") },
  cos: { resolve: floatOut, expr: (d) => (floatFor(d).name === "float32" ? "H.invalid(H.cosF32(Math.fround(x)), x)" : "Math.cos(x)") },
  tan: math("tan"),
  arcsin: domain("asin"),
  arccos: domain("acos"),
  arctan: math("atan"),
  arcsinh: math("asinh"),
  arccosh: domain("acosh"),
  arctanh: domain("atanh"),
  deg2rad: { resolve: floatOut, expr: () => "x * (Math.PI / 180)" },
  rad2deg: { resolve: floatOut, expr: () => "x * (180 / Math.PI)" },
  radians: { resolve: floatOut, expr: () => "x * (Math.PI / 180)" },
  degrees: { resolve: floatOut, expr: () => "x * (180 / Math.PI)" },
  fabs: { resolve: floatOut, expr: () => "Math.abs(x)" },
  sinh: math("sinh"),
  cosh: math("cosh"),
  tanh: { resolve: floatOut, expr: (d) => (floatFor(d).name === "float32" ? "H.tanhF32(x)" : "Math.tanh(x)") },
  floor: { resolve: same, expr: (d) => (isInt(d) ? "x" : "Math.floor(x)") },
  ceil: { resolve: same, expr: (d) => (isInt(d) ? "x" : "Math.ceil(x)") },
  trunc: { resolve: same, expr: (d) => (isInt(d) ? "x" : "Math.trunc(x)") },
  rint: { resolve: floatOut, expr: (d) => (isInt(d) ? "x" : "H.rint(x)") },
  square: { resolve: (d) => (d.kind === "b" ? DTYPES.int8 : d), expr: (d) => (d.itemsize === 4 && d.isInteger ? "Math.imul(x, x)" : "x * x") },
  reciprocal: {
    resolve: (d) => (d.kind === "b" ? DTYPES.int8 : d),
    // Integers: 1/x in double converted like C on x86, so 1/0 (inf) gives INT_MIN of the 32- or
    // 64-bit conversion, whose low bits the narrower types keep (0); unsigned types give 0.
    expr: (d) => (isInt(d) ? `(x === 0 ? ${d.kind === "u" ? 0 : d.itemsize === 8 ? -(2 ** 63) : -(2 ** 31)} : Math.trunc(1 / x))` : "1 / x"),
  },
  sign: {
    resolve: (d) => noBoolLoop("sign", d),
    expr: () => "(x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : x)",
  },
  isnan: { resolve: boolOut, expr: () => "+(x !== x)" },
  isinf: { resolve: boolOut, expr: () => "+(x === Infinity || x === -Infinity)" },
  isfinite: { resolve: boolOut, expr: () => "+(x - x === 0)" },
  signbit: { resolve: boolOut, expr: () => "H.signbit(x)" },
  logical_not: { resolve: boolOut, expr: () => "+(x === 0)" },
  invert: {
    resolve: (d) => {
      if (d.isFloat) throw unsupported("invert");
      return d;
    },
    expr: (d) => (d.kind === "b" ? "1 - x" : "-x - 1"),
  },
};

interface BinaryDef {
  resolve(common: DType, a: DType, b: DType): Resolution;
  expr(compute: DType, out: DType): string;
  /** Comparisons accept out-of-range Python ints (numpy 2 compares them exactly). */
  readonly comparison?: boolean;
  /** Float-only ufuncs take a Python int outside the array's integer type as a float (copysign(uint8, -1)). */
  readonly floatOnly?: boolean;
}

const arith = (name: string, floatExpr: string, intExpr: string, boolExpr: string | null, helper64?: string): BinaryDef => ({
  resolve: (c) => {
    if (c.kind === "b" && boolExpr === null) {
      return { compute: DTYPES.int8, out: DTYPES.int8 };
    }
    return { compute: c, out: c };
  },
  expr: (c, out) => {
    if (out.kind === "b") return boolExpr as string;
    if (c.isFloat) return floatExpr;
    return helper64 === undefined ? intExpr.replace("NAME", name) : int64Expr(c, helper64, intExpr);
  },
});

/** An elementwise max/min whose float16 loop keeps the first of equal values (+0, -0). */
function extremum(def: BinaryDef, float16Expr: string): BinaryDef {
  return { ...def, expr: (c, out) => (c.name === "float16" ? float16Expr : def.expr(c, out)) };
}

/** `+(cond)` turns a boolean into 0/1 without a branch (8x faster than `cond ? 1 : 0` on random data). */
function compare(op: string): BinaryDef {
  return { resolve: (c) => ({ compute: c, out: DTYPES.bool }), expr: () => `+(x ${op} y)`, comparison: true };
}

/** Logical ufuncs, like comparisons, take a Python int outside the array's type (only its truth matters). */
function logical(expr: string): BinaryDef {
  return { resolve: (c) => ({ compute: c, out: DTYPES.bool }), expr: () => expr, comparison: true };
}

function bitwise(name: string, op32: string, helper64: string): BinaryDef {
  return {
    resolve: (c) => {
      if (c.isFloat) throw unsupported(name);
      return { compute: c, out: c };
    },
    expr: (c) => (c.itemsize === 8 ? `H.${helper64}(x, y)` : `(x ${op32} y)`),
  };
}

function shift(name: string, helper: string): BinaryDef {
  return {
    resolve: (c) => {
      if (c.isFloat) throw unsupported(name);
      const t = c.kind === "b" ? DTYPES.int8 : c;
      return { compute: t, out: t };
    },
    expr: (c) => `H.${helper}(x, y, ${c.kind === "b" ? 8 : c.itemsize * 8})`,
  };
}

function floatBinary(expr: string, intToFloat64: boolean): BinaryDef {
  return {
    // true_divide sends integers to float64; other float-only ufuncs pick numpy's first loop both
    // inputs cast to safely (arctan2(int8, uint8) is float16).
    resolve: (c, a, b) => {
      const f = c.isFloat ? c : intToFloat64 ? DTYPES.float64 : promoteTypes(floatFor(a), floatFor(b));
      return { compute: f, out: f };
    },
    expr: () => expr,
    floatOnly: true,
  };
}

const BINARY: Readonly<Record<string, BinaryDef>> = {
  add: arith("add", "x + y", "x + y", "(x | y)", "add64"),
  subtract: {
    resolve: (c) => {
      if (c.kind === "b") {
        throw typeError(
          "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.",
        );
      }
      return { compute: c, out: c };
    },
    expr: (c) => int64Expr(c, "sub64", "x - y"),
  },
  multiply: {
    resolve: (c) => ({ compute: c, out: c }),
    expr: (c) => (c.kind === "b" ? "(x & y)" : c.isInteger && c.itemsize === 4 ? "Math.imul(x, y)" : int64Expr(c, "mul64", "x * y")),
  },
  true_divide: floatBinary("x / y", true),
  floor_divide: arith("floor_divide", "H.floordiv(x, y)", "H.ifloordiv(x, y)", null),
  remainder: arith("remainder", "H.invalid(H.pymod(x, y), x, y)", "H.imod(x, y)", null),
  power: arith("power", "H.invalid(H.pow(x, y), x, y)", "NAME", null),
  // numpy's x86 loops: NaN propagates from either side; of two equal values (+0, -0) the second wins.
  // float16's scalar loops keep the first of two equal values instead.
  maximum: extremum(arith("maximum", "((x > y || x !== x) ? x : y)", "(x >= y ? x : y)", "(x | y)"), "((x >= y || x !== x) ? x : y)"),
  minimum: extremum(arith("minimum", "((x < y || x !== x) ? x : y)", "(x <= y ? x : y)", "(x & y)"), "((x <= y || x !== x) ? x : y)"),
  // fmax/fmin: NaN loses to a number; of equal values the second wins (numpy's SIMD loops), the first in float16.
  fmax: extremum(arith("fmax", "((x > y || y !== y) ? x : y)", "(x >= y ? x : y)", "(x | y)"), "((x >= y || y !== y) ? x : y)"),
  fmin: extremum(arith("fmin", "((x < y || y !== y) ? x : y)", "(x <= y ? x : y)", "(x & y)"), "((x <= y || y !== y) ? x : y)"),
  arctan2: floatBinary("Math.atan2(x, y)", false),
  hypot: floatBinary("Math.hypot(x, y)", false),
  copysign: floatBinary("H.copysign(x, y)", false),
  heaviside: floatBinary("(x !== x ? x : x < 0 ? 0 : x > 0 ? 1 : y)", false),
  logaddexp: floatBinary("H.logaddexp(x, y)", false),
  logaddexp2: floatBinary("H.logaddexp2(x, y)", false),
  // C's fmod: the remainder takes the dividend's sign; integers by zero give 0.
  fmod: arith("fmod", "x % y", "(y === 0 ? 0 : x % y)", null),
  float_power: { resolve: () => ({ compute: DTYPES.float64, out: DTYPES.float64 }), expr: () => "H.pow(x, y)" },
  equal: compare("==="),
  not_equal: compare("!=="),
  less: compare("<"),
  less_equal: compare("<="),
  greater: compare(">"),
  greater_equal: compare(">="),
  logical_and: logical("+(x !== 0 && y !== 0)"),
  logical_or: logical("+(x !== 0 || y !== 0)"),
  logical_xor: logical("+((x !== 0) !== (y !== 0))"),
  bitwise_and: bitwise("bitwise_and", "&", "and64"),
  bitwise_or: bitwise("bitwise_or", "|", "or64"),
  bitwise_xor: bitwise("bitwise_xor", "^", "xor64"),
  left_shift: shift("left_shift", "lshift"),
  right_shift: shift("right_shift", "rshift"),
};

export const UNARY_UFUNCS: readonly string[] = Object.keys(UNARY);
export const BINARY_UFUNCS: readonly string[] = Object.keys(BINARY);

/** Ufuncs with a WebAssembly SIMD loop for float32/float64 operands (kernels/elementwise.ts). */
const WASM_BINARY: Readonly<Record<string, WasmBinaryOp>> = {
  add: "add",
  subtract: "sub",
  multiply: "mul",
  true_divide: "div",
  maximum: "max",
  minimum: "min",
  equal: "eq",
  not_equal: "ne",
  less: "lt",
  less_equal: "le",
  greater: "gt",
  greater_equal: "ge",
};

const WASM_UNARY: Readonly<Record<string, WasmUnaryOp>> = {
  sqrt: "sqrt",
  absolute: "abs",
  negative: "neg",
  square: "square",
  exp: "exp",
  tanh: "tanh",
};

// ---- drivers ------------------------------------------------------------------------------------

function ctorTag(s: Storage): string {
  return s.constructor.name;
}

interface Prepared {
  data: Storage;
  table: Int32Array | null;
  start: number;
  access: Access;
}

/** How a loop reads an operand of a result of `shape` (n elements), before any offset table is built. */
function accessOf(a: NDArray, shape: readonly number[], n: number): Access {
  if (a.size === 1 && n !== 1) return "scalar";
  const sameShape = a.ndim === shape.length && a.shape.every((d, i) => d === shape[i]);
  return sameShape && a.isCContiguous ? "dense" : "table";
}

/** The operand as a loop reads it; "table" builds its n-entry offset table (only the JavaScript loops need one). */
function prepare(a: NDArray, shape: readonly number[], access: Access): Prepared {
  if (access !== "table") return { data: a.data, table: null, start: a.offset, access };
  return { data: a.data, table: offsetsOf(broadcastView(a, shape)), start: 0, access };
}

/**
 * Set by finish(): whether a uint64 result reached 2^53 (a wrapped negative difference is near
 * 2^64), past which its doubles are not exact. Read right after the call.
 */
let reachedInexact = false;

function finish(out: Storage, dtype: DType, shape: readonly number[]): NDArray {
  if (dtype.narrow !== undefined) roundArrayTo(dtype.narrow, out as Float32Array, out as Float32Array);
  // (u)int64 live in a Float64Array, whose stores neither wrap like the smaller unsigned arrays' do
  // nor drop the sign of a zero (0 * -3, -0 % 3) as integer typed arrays do.
  let extreme = 0;
  if (dtype.name === "uint64") {
    for (let i = 0; i < out.length; i++) {
      const v = castValue(dtype, out[i]);
      out[i] = v;
      if (v > extreme) extreme = v;
    }
  } else if (dtype.name === "int64") for (let i = 0; i < out.length; i++) out[i] += 0;
  reachedInexact = extreme >= 2 ** 53;
  return fromStorage(dtype, shape, out);
}

/** Whether a loop's (u)int64 result may be inexact: a helper took its BigInt path or a uint64 result passed 2^53. */
function inexactResult(): boolean {
  const r = helperInexact || reachedInexact;
  helperInexact = false;
  return r;
}

/** Operand dtypes after NEP 50: returns the common dtype and both operands as arrays. */
function coerce(x: Operand, y: Operand, comparison: boolean, floatOnly = false): { a: NDArray; b: NDArray; common: DType } {
  if (!isPyScalar(x) && !isPyScalar(y)) return { a: x, b: y, common: promoteTypes(x.dtype, y.dtype) };
  if (isPyScalar(x) && isPyScalar(y)) {
    const a = scalarArray(bareScalarDtype(x.kind, x.exact), x.value, x.exact);
    const b = scalarArray(bareScalarDtype(y.kind, y.exact), y.value, y.exact);
    return { a, b, common: promoteTypes(a.dtype, b.dtype) };
  }
  const arr = (isPyScalar(x) ? y : x) as NDArray;
  const sc = (isPyScalar(x) ? x : y) as PyScalar;
  let common: DType;
  let scalarType: DType | null = null;
  try {
    common = promoteWithScalar(arr.dtype, sc.kind, sc.value, sc.exact);
  } catch (e) {
    // numpy compares an integer array with any Python int (in float64 here); bool arrays excepted.
    if ((!comparison && !floatOnly) || arr.dtype.kind === "b") throw e;
    common = comparison ? DTYPES.float64 : arr.dtype;
    if (floatOnly) scalarType = floatFor(arr.dtype);
  }
  const scalar = scalarArray(scalarType ?? common, sc.value, sc.exact);
  return isPyScalar(x) ? { a: scalar, b: arr, common } : { a: arr, b: scalar, common };
}

/**
 * Records numpy's floating-point errors of a JavaScript loop's result (fp-errors.ts): a float result
 * holding a NaN or infinity is classified from its operands; an integer floor_divide or remainder
 * by zero is a division by zero.
 */
function checkResult(name: string, operands: readonly NDArray[], shape: readonly number[], out: NDArray): void {
  if (!fpErrorsWanted()) return;
  if (out.dtype.isFloat) {
    if (hasNonFinite(out.data, out.offset, out.size)) recordFpError(floatResultFlags(name, operands, shape, out.data, out.offset), reportedName(name));
  } else if (out.dtype.isInteger && (name === "floor_divide" || name === "remainder" || name === "fmod") && operands.length === 2) {
    recordFpError(integerDivisionFlags(operands[1]), name);
  } else if (out.dtype.isInteger && name === "negative" && operands[0].ndim === 0) {
    // Negating an unsigned value or the most negative signed one wraps; numpy scalars report it
    // (array loops wrap silently, so only 0-d operands are looked at).
    const v = operands[0].getFlat(0);
    const min = -(2 ** (out.dtype.itemsize * 8 - 1));
    if (out.dtype.kind === "u" ? v !== 0 : v === min) recordFpError(FPE_OVERFLOW, "negative", true);
  } else if (out.dtype.isInteger && name === "reciprocal") {
    // 1/0 is an infinity in the double division, and invalid when converted back to an integer.
    const flags = integerDivisionFlags(operands[0]);
    recordFpError(flags === 0 ? 0 : flags | FPE_INVALID, name);
  }
}

export function unary(name: string, x: Operand): NDArray {
  const def = UNARY[name];
  if (def === undefined) throw valueError(`unknown ufunc ${name}`);
  const a = isPyScalar(x) ? scalarArray(bareScalarDtype(x.kind, x.exact), x.value, x.exact) : x;
  const outType = def.resolve(a.dtype);
  const n = a.size;
  const p = prepare(a, a.shape, accessOf(a, a.shape, n));
  const simd = WASM_UNARY[name];
  if (simd !== undefined && outType === a.dtype && p.access === "dense" && (a.dtype.name === "float32" || a.dtype.name === "float64")) {
    const fast = unaryFloatWasm(simd, p.data as Float32Array | Float64Array, p.start, n);
    if (fast !== null) {
      recordFpError(takeFpFlags(), name);
      return fromStorage(outType, a.shape, fast);
    }
  }
  const out = allocate(outType, n);
  const access: Access = p.access === "scalar" ? "table" : p.access;
  const table = p.access === "scalar" ? offsetsOf(a) : p.table;
  const loop = unaryLoop(name, def.expr(a.dtype), access, `${ctorTag(a.data)}>${ctorTag(out)}`, HELPERS);
  loop(p.data, table, p.start, out, n);
  let result = finish(out, outType, a.shape);
  result = exactUnary(name, a, outType, reachedInexact, out) ?? result;
  checkResult(name, [a], a.shape, result);
  return result;
}

/** A binary ufunc call's operands as arrays, its loop dtypes and expression (numpy's errors raised here). */
function resolveBinary(name: string, x: Operand, y: Operand): { a: NDArray; b: NDArray; compute: DType; outType: DType; expr: string } {
  const def = BINARY[name];
  if (def === undefined) throw valueError(`unknown ufunc ${name}`);
  const { a, b, common } = coerce(x, y, def.comparison === true, def.floatOnly === true);
  const { compute, out: outType } = def.resolve(common, a.dtype, b.dtype);
  let expr = def.expr(compute, outType);
  if (name === "power" && compute.isInteger) {
    expr = compute.itemsize === 8 ? "H.ipow64(x, y)" : "H.ipow32(x, y)";
    checkNonNegativeExponent(b);
  }
  return { a, b, compute, outType, expr };
}

/** Comparisons of a Python int beyond an integer array's range: the same answer for every element. */
const BEYOND_RANGE: Readonly<Record<string, readonly [above: boolean, below: boolean]>> = {
  equal: [false, false],
  not_equal: [true, true],
  less: [true, false],
  less_equal: [true, false],
  greater: [false, true],
  greater_equal: [false, true],
};

/**
 * An integer array compared with a Python int it cannot hold (a < 2**64): numpy answers from the
 * int's sign, where converting both to float64 could make int64's extremes equal to it. Else null.
 */
function beyondRangeComparison(name: string, x: Operand, y: Operand): NDArray | null {
  const answers = BEYOND_RANGE[name];
  if (answers === undefined || isPyScalar(x) === isPyScalar(y)) return null;
  const arr = (isPyScalar(x) ? y : x) as NDArray;
  const sc = (isPyScalar(x) ? x : y) as PyScalar;
  if (sc.exact === undefined || !arr.dtype.isInteger) return null;
  const [lo, hi] = exactIntRange(arr.dtype);
  if (sc.exact >= lo && sc.exact <= hi) return null;
  // x < y with the int on the left reads as y > x: swap the answers' sides.
  const intAbove = sc.exact > hi;
  const answer = answers[(intAbove === isPyScalar(y)) ? 0 : 1];
  const out = allocate(DTYPES.bool, arr.size).fill(answer ? 1 : 0);
  return fromStorage(DTYPES.bool, arr.shape, out);
}

/** x <op> y; `scalarMath` for numpy scalars' operators, which skip the loops' shortcuts (np.float64(-inf) ** 0.5 is inf). */
export function binary(name: string, x: Operand, y: Operand, scalarMath = false): NDArray {
  const constant = beyondRangeComparison(name, x, y);
  if (constant !== null) return constant;
  const { a, b, compute, outType, expr: expr0 } = resolveBinary(name, x, y);
  if (a.ndim === 0 && b.ndim === 0) {
    const out = allocate(outType, 1);
    helperInexact = false;
    out[0] = scalarOp((scalarMath ? null : powerShortcut(name, compute, b, 1)) ?? expr0, HELPERS)(a.data[a.offset], b.data[b.offset]);
    let result = finish(out, outType, []);
    if (inexactResult() || holdsExact(a) || holdsExact(b)) result = exactBinary(name, a, b, [], compute, outType) ?? result;
    checkResult(name, [a, b], [], result);
    if (outType.isInteger && fpErrorsWanted()) recordFpError(integerOverflowFlags(name, a.data[a.offset], b.data[b.offset], outType), name, true);
    return result;
  }
  const shape = broadcastShapes(a.shape, b.shape);
  const n = shape.reduce((p, d) => p * d, 1);
  // A one-element result reads each operand's single element at its offset.
  const accessA = n === 1 ? "dense" : accessOf(a, shape, n);
  const accessB = n === 1 ? "dense" : accessOf(b, shape, n);
  const fast = wasmBinary(name, compute, a, accessA, b, accessB, n);
  if (fast !== null) {
    recordFpError(takeFpFlags(), reportedName(name));
    return fromStorage(outType, shape, fast);
  }
  const expr = (scalarMath ? null : powerShortcut(name, compute, b, n)) ?? expr0;
  // Operands whose dtype differs from the compute dtype (e.g. int32 + float32 -> float64) are read
  // as doubles, which is exact for every promotion numpy performs here.
  const ain = prepare(a, shape, accessA);
  const bin = prepare(b, shape, accessB);
  const out = allocate(outType, n);
  const types = `${ctorTag(ain.data)}${ain.access}|${ctorTag(bin.data)}${bin.access}>${ctorTag(out)}`;
  const loop = binaryLoop(name, expr, ain.access, bin.access, types, HELPERS);
  helperInexact = false;
  loop(ain.data, ain.table, ain.start, bin.data, bin.table, bin.start, out, n);
  let result = finish(out, outType, shape);
  if (inexactResult() || holdsExact(a) || holdsExact(b)) result = exactBinary(name, a, b, shape, compute, outType) ?? result;
  checkResult(name, [a, b], shape, result);
  return result;
}

/** The float power loop's shortcuts by exponent (numpy's loops_umath_fp): no pow call. */
const POWER_SHORTCUTS: ReadonlyMap<number, string> = new Map([
  [-1, "1 / x"],
  [0, "1"],
  [0.5, "Math.sqrt(x)"],
  [1, "x"],
  [2, "x * x"],
]);

/**
 * numpy's float32/float64 power loop skips pow when the exponent is one value for the whole loop
 * (a stride of 0: a 0-d exponent, or one element broadcast over a longer result) and that value
 * has a shortcut, so np.power(-inf, 0.5) is sqrt's nan, not pow's inf, and -0.0 ** 0.5 is -0.0.
 */
function powerShortcut(name: string, compute: DType, b: NDArray, n: number): string | null {
  if (name !== "power" || (compute.name !== "float32" && compute.name !== "float64")) return null;
  if (!(b.ndim === 0 || n > 1) || !b.strides.every((s, i) => s === 0 || b.shape[i] === 1)) return null;
  return POWER_SHORTCUTS.get(b.data[b.offset]) ?? null;
}

/**
 * x <op> y computed straight into `out` (in-place operators, `out=`) when a SIMD loop applies: the
 * result has out's dtype and shape, out is C-contiguous, and no operand overlaps out other than
 * being read at out's own position or staged before any write. Returns false, having written
 * nothing, otherwise (the caller computes binary() and assigns). Raises binary()'s errors.
 */
export function binaryInto(name: string, x: Operand, y: Operand, out: NDArray): boolean {
  const { a, b, compute, outType } = resolveBinary(name, x, y);
  if (outType !== out.dtype || !out.isCContiguous || (a.ndim === 0 && b.ndim === 0)) return false;
  const shape = broadcastShapes(a.shape, b.shape);
  if (shape.length !== out.ndim || shape.some((d, i) => d !== out.shape[i]) || out.size <= 1) return false;
  if (wasmBinary(name, compute, a, accessOf(a, shape, out.size), b, accessOf(b, shape, out.size), out.size, out) === null) return false;
  recordFpError(takeFpFlags(), reportedName(name));
  return true;
}

/** Bytes [start, end) of its buffer that a C-contiguous (or one-element) array covers. */
function byteSpan(x: NDArray): [number, number] {
  const size = x.data.BYTES_PER_ELEMENT;
  const start = x.data.byteOffset + x.offset * size;
  return [start, start + x.size * size];
}

/**
 * Whether writing the result chunk by chunk into `out` leaves operand x's reads intact: x is in
 * another buffer or another part of it, is staged before the first write ("scalar", "row"), or is
 * read densely at exactly out's position (each chunk is read before it is overwritten).
 */
function safeToWriteOver(x: NDArray, access: Access | WasmRowAccess, out: NDArray): boolean {
  if (x.data.buffer !== out.data.buffer || access === "scalar" || access === "row") return true;
  const [xs, xe] = byteSpan(x);
  const [os, oe] = byteSpan(out);
  if (xe <= os || oe <= xs) return true;
  return (access === "dense" || access === "full") && xs === os && xe === oe && x.data.BYTES_PER_ELEMENT === out.data.BYTES_PER_ELEMENT;
}

/**
 * The SIMD loop when both operands already hold the float32/float64 compute dtype (no casts); with
 * `into` it writes there (see binaryInto) and returns into's storage, or null having written nothing.
 */
function wasmBinary(name: string, compute: DType, a: NDArray, accessA: Access, b: NDArray, accessB: Access, n: number, into?: NDArray): Storage | null {
  const op = WASM_BINARY[name];
  if (op === undefined || a.dtype !== compute || b.dtype !== compute) return null;
  if (compute.name !== "float32" && compute.name !== "float64") return null;
  const type = compute.name === "float32" ? "f32" : "f64";
  if (accessA === "table" || accessB === "table") {
    const shape = broadcastShapes(a.shape, b.shape);
    const cols = shape.length === 0 ? 1 : shape[shape.length - 1];
    const ra = rowAccess(a, shape);
    const rb = rowAccess(b, shape);
    // Short rows would spend more on per-row kernel calls than the JavaScript loop does.
    if (ra === null || rb === null || cols < 16) return null;
    if (into !== undefined && !(safeToWriteOver(a, ra, into) && safeToWriteOver(b, rb, into))) return null;
    const data = (x: NDArray): Float32Array | Float64Array => x.data as Float32Array | Float64Array;
    return binaryRowsFloatWasm(op, type, data(a), a.offset, ra, data(b), b.offset, rb, n / cols, cols, into?.data as Float32Array | undefined, into?.offset);
  }
  if (into !== undefined && !(safeToWriteOver(a, accessA, into) && safeToWriteOver(b, accessB, into))) return null;
  const data = (x: NDArray): Float32Array | Float64Array => x.data as Float32Array | Float64Array;
  return binaryFloatWasm(op, type, data(a), a.offset, accessA, data(b), b.offset, accessB, n, into?.data as Float32Array | undefined, into?.offset);
}

/** How a C-contiguous operand broadcasts over the rows (last axis) of `shape`, if one of the simple ways. */
function rowAccess(a: NDArray, shape: readonly number[]): WasmRowAccess | null {
  if (a.size === 1) return "scalar";
  if (!a.isCContiguous) return null;
  const padded = [...new Array<number>(shape.length - a.ndim).fill(1), ...a.shape];
  const last = shape.length - 1;
  if (padded.every((d, i) => d === shape[i])) return "full";
  if (padded.every((d, i) => (i === last ? d === shape[last] : d === 1))) return "row";
  if (padded[last] === 1 && padded.every((d, i) => i === last || d === shape[i])) return "col";
  return null;
}

function checkNonNegativeExponent(b: NDArray): void {
  for (let i = 0; i < b.size; i++) {
    if (b.getFlat(i) < 0) throw valueError("Integers to negative integer powers are not allowed.");
  }
}

/** np.where(cond, x, y). */
export function where(cond: Operand, x: Operand, y: Operand): NDArray {
  const { a, b, common } = coerce(x, y, false);
  const c = isPyScalar(cond) ? scalarArray(DTYPES.bool, cond.value) : cond;
  const shape = broadcastShapes(c.shape, a.shape, b.shape);
  const n = shape.reduce((p, d) => p * d, 1);
  if (isWideInt(common) && (holdsExact(a) || holdsExact(b))) return exactWhere(c, a, b, common, shape);
  if (common === a.dtype && common === b.dtype) {
    const fast = whereDense(c, a, b, common, shape, n);
    if (fast !== null) return fast;
  }
  const cv = broadcastView(c, shape);
  const av = broadcastView(a, shape);
  const bv = broadcastView(b, shape);
  const co = offsetsOf(cv);
  const ao = offsetsOf(av);
  const bo = offsetsOf(bv);
  const out = allocate(common, n);
  const cd = c.data;
  const ad = a.data;
  const bd = b.data;
  if (common === a.dtype && common === b.dtype) {
    for (let i = 0; i < n; i++) out[i] = cd[co[i]] !== 0 ? ad[ao[i]] : bd[bo[i]];
  } else {
    for (let i = 0; i < n; i++) out[i] = castValue(common, cd[co[i]] !== 0 ? ad[ao[i]] : bd[bo[i]]);
  }
  return fromStorage(common, shape, out);
}

/** Element step of an operand that is dense in the result's shape (1) or a single value (0), else null. */
function denseStep(a: NDArray, shape: readonly number[]): number | null {
  if (a.size === 1) return 0;
  const sameShape = a.ndim === shape.length && a.shape.every((d, i) => d === shape[i]);
  return sameShape && a.isCContiguous ? 1 : null;
}

/** where() without offset tables when every operand is dense or a single value (no casts needed). */
function whereDense(c: NDArray, a: NDArray, b: NDArray, dtype: DType, shape: readonly number[], n: number): NDArray | null {
  const cs = denseStep(c, shape);
  const as = denseStep(a, shape);
  const bs = denseStep(b, shape);
  if (cs === null || as === null || bs === null) return null;
  if (cs === 1 && c.dtype === DTYPES.bool && (dtype.name === "float32" || dtype.name === "float64")) {
    const access = (step: number): "dense" | "scalar" => (step === 1 ? "dense" : "scalar");
    const fast = whereFloatWasm(
      c.data as Uint8Array, c.offset,
      a.data as Float32Array | Float64Array, a.offset, access(as),
      b.data as Float32Array | Float64Array, b.offset, access(bs),
      n,
    );
    if (fast !== null) return fromStorage(dtype, shape, fast);
  }
  const out = allocate(dtype, n);
  const cd = c.data;
  const ad = a.data;
  const bd = b.data;
  const c0 = c.offset;
  const a0 = a.offset;
  const b0 = b.offset;
  for (let i = 0; i < n; i++) out[i] = cd[c0 + i * cs] !== 0 ? ad[a0 + i * as] : bd[b0 + i * bs];
  return fromStorage(dtype, shape, out);
}

/** np.clip(a, lo, hi) = minimum(maximum(a, lo), hi); None bounds are skipped. */
export function clip(a: Operand, lo0: Operand | null, hi0: Operand | null): NDArray {
  if (lo0 === null && hi0 === null) throw valueError("One of max or min must be given");
  let lo = lo0;
  let hi = hi0;
  // numpy's _clip: a Python int bound past an integer array's range clips nothing on that side, so
  // np.clip(uint8_array, -1, 1) works where np.maximum(uint8_array, -1) is an OverflowError.
  if (!isPyScalar(a) && (a.dtype.kind === "i" || a.dtype.kind === "u")) {
    const [min, max] = intRange(a.dtype);
    if (lo !== null && isPyScalar(lo) && lo.kind === "int" && Number(lo.value) <= min) lo = null;
    if (hi !== null && isPyScalar(hi) && hi.kind === "int" && Number(hi.value) >= max) hi = null;
    if (lo === null && hi === null) return astype(a, a.dtype);
  }
  let r: Operand = a;
  if (lo !== null) r = binary("maximum", r, lo);
  if (hi !== null) r = binary("minimum", r, hi);
  return isPyScalar(r) ? scalarArray(defaultDtypeFor(r.kind), r.value) : r;
}

/** np.round / np.around with numpy's algorithm: scale by 10**decimals in the array's dtype, rint, unscale. */
export function around(a: NDArray, decimals = 0): NDArray {
  if (a.dtype.kind === "b") {
    // numpy rounds bools with rint (a float16 result); scaling by 10**decimals first cannot cast back.
    if (decimals === 0) return unary("rint", a);
    throw new NumpyError("UFuncTypeError", `Cannot cast ufunc '${decimals > 0 ? "multiply" : "divide"}' output from dtype('float64') to dtype('bool') with casting rule 'same_kind'`);
  }
  if (!a.dtype.isFloat) {
    if (decimals >= 0) return astype(a, a.dtype);
    const f = 10 ** -decimals;
    return astype(binary("multiply", unary("rint", binary("true_divide", a, { kind: "int", value: f })), { kind: "int", value: f }), a.dtype);
  }
  if (decimals === 0) return unary("rint", a);
  if (decimals > 0) {
    const f = 10 ** decimals;
    return binary("true_divide", unary("rint", binary("multiply", a, { kind: "float", value: f })), { kind: "float", value: f });
  }
  const f = 10 ** -decimals;
  return binary("multiply", unary("rint", binary("true_divide", a, { kind: "float", value: f })), { kind: "float", value: f });
}

/** out[...] = value, with numpy's same_kind casting check (the in-place operators use this). */
export function checkSameKind(name: string, from: DType, to: DType): void {
  if (!canCastSameKind(from, to)) {
    throw new NumpyError(
      "UFuncTypeError",
      `Cannot cast ufunc '${name}' output from dtype('${from.name}') to dtype('${to.name}') with casting rule 'same_kind'`,
    );
  }
}
