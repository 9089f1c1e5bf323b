/**
 * Elementwise numpy functions outside the ufunc tables: fix, modf, frexp, ldexp, divmod, sinc, gcd,
 * lcm, isposinf/isneginf, and the NaN-skipping nancumsum/nancumprod/nanprod. Each follows the C
 * function or numpy's Python definition it stands for (modf keeps the sign of zero, frexp's
 * exponents are int32, sinc guards x == 0 with 1e-20).
 */
import { type DType, DTYPES, floatFor } from "../dtypes";
import { NDArray, astype, broadcastShapes, broadcastTo, fromStorage } from "../ndarray";
import { NumpyError } from "../errors";
import { FPE_OVERFLOW, recordFpError } from "../fp-errors";
import * as R from "../reductions";
import { binary, unary, where } from "../ufuncs";
import * as E from "../../python/runtime/errors";
import { PyModule, PyTuple } from "../../python/runtime/objects";
import { arr, def, optInt } from "./define";
import { toBool, toDtype } from "./convert";
import { wrap } from "./types";

/** Applies `f` to every element of `a` (read as a float), writing `outs.length` results of the given dtypes. */
function mapTo(a: NDArray, dtypes: readonly DType[], f: (x: number) => number[]): NDArray[] {
  const columns = dtypes.map(() => new Float64Array(a.size));
  for (let i = 0; i < a.size; i++) {
    const r = f(a.getFlat(i));
    for (let k = 0; k < dtypes.length; k++) columns[k][i] = r[k];
  }
  return dtypes.map((d, k) => astype(fromStorage(DTYPES.float64, a.shape, columns[k]), d));
}

/** Both operands broadcast to their common shape. */
function pairUp(a: NDArray, b: NDArray): [NDArray, NDArray] {
  const shape = broadcastShapes(a.shape, b.shape);
  return [broadcastTo(a, shape), broadcastTo(b, shape)];
}

/** C's modf: [fraction, integral part], both with x's sign (so -2.0 gives -0.0 and -2.0). */
function modf(x: number): number[] {
  if (Number.isNaN(x)) return [x, x];
  const whole = Math.trunc(x);
  const negative = x < 0 || Object.is(x, -0);
  const frac = Number.isFinite(x) ? x - whole : 0;
  return [frac === 0 ? (negative ? -0 : 0) : frac, whole];
}

/** C's frexp: [m, e] with x = m * 2^e and 0.5 <= |m| < 1; zero, inf and NaN keep exponent 0. */
function frexp(x: number): number[] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let e = Math.floor(Math.log2(Math.abs(x))) + 1;
  // Scaled in two halves: 2^-e alone overflows for subnormal x. log2 can be one off near powers of
  // two, which the loops below correct (m is finite and non-zero, so they end).
  let m = x * 2 ** -Math.trunc(e / 2) * 2 ** -(e - Math.trunc(e / 2));
  while (Math.abs(m) >= 1) {
    m /= 2;
    e += 1;
  }
  while (Math.abs(m) < 0.5) {
    m *= 2;
    e -= 1;
  }
  return [m, e];
}

function gcdOf(x: number, y: number): number {
  let a = Math.abs(x);
  let b = Math.abs(y);
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** Integer-only functions (gcd, lcm) refuse floats with numpy's ufunc message. */
function requireInts(name: string, ...xs: NDArray[]): void {
  for (const x of xs) {
    if (!x.dtype.isInteger && x.dtype.kind !== "b") {
      throw new NumpyError("UFuncTypeError", `ufunc '${name}' did not contain a loop with signature matching types (<class 'numpy.dtypes.${x.dtype.name === "float16" ? "Float16" : x.dtype.name === "float32" ? "Float32" : "Float64"}DType'>, <class 'numpy.dtypes.Int64DType'>) -> None`);
    }
  }
}

export function initElementwiseFunctions(mod: PyModule): void {
  def(mod, "fix", ["x", "out"], 1, ([x], rt) => wrap(unary("trunc", arr(x, rt))));
  def(mod, "modf", ["x"], 1, ([x], rt) => {
    const a = arr(x, rt);
    const t = floatFor(a.dtype);
    return new PyTuple(mapTo(a, [t, t], modf).map(wrap));
  });
  def(mod, "frexp", ["x"], 1, ([x], rt) => {
    const a = arr(x, rt);
    return new PyTuple(mapTo(a, [floatFor(a.dtype), DTYPES.int32], frexp).map(wrap));
  });
  def(mod, "ldexp", ["x1", "x2"], 2, ([x, i], rt) => {
    const a = arr(x, rt);
    const e = arr(i, rt);
    if (!e.dtype.isInteger && e.dtype.kind !== "b") {
      throw E.typeError("ufunc 'ldexp' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''");
    }
    // Scaled in halves so that 2^e itself never overflows or underflows on the way.
    const [av, ev] = pairUp(a, e);
    const out = new Float64Array(av.size);
    let overflow = false;
    for (let j = 0; j < out.length; j++) {
      const k = ev.getFlat(j);
      const v = av.getFlat(j);
      out[j] = v * 2 ** Math.trunc(k / 2) * 2 ** (k - Math.trunc(k / 2));
      if (Number.isFinite(v) && !Number.isFinite(out[j])) overflow = true;
    }
    if (overflow) recordFpError(FPE_OVERFLOW, "ldexp");
    // numpy's ldexp loops are float-by-int: a Python int mantissa takes the smallest (float16).
    const dtype = a.dtype.isFloat ? a.dtype : typeof x === "number" && Number.isInteger(x) ? DTYPES.float16 : DTYPES.float64;
    return wrap(astype(fromStorage(DTYPES.float64, av.shape, out), dtype));
  });
  def(mod, "divmod", ["x1", "x2"], 2, ([x, y], rt) => new PyTuple([wrap(binary("floor_divide", arr(x, rt), arr(y, rt))), wrap(binary("remainder", arr(x, rt), arr(y, rt)))]));
  def(mod, "sinc", ["x"], 1, ([x], rt) => {
    const a = arr(x, rt);
    const y = binary("multiply", { kind: "float", value: Math.PI }, where(binary("equal", a, { kind: "int", value: 0 }), { kind: "float", value: 1e-20 }, a));
    return wrap(binary("true_divide", unary("sin", y), y));
  });
  for (const [name, lcm] of [["gcd", false], ["lcm", true]] as const) {
    def(mod, name, ["x1", "x2"], 2, ([x, y], rt) => {
      const a = arr(x, rt);
      const b = arr(y, rt);
      requireInts(name, a, b);
      const [av, bv] = pairUp(a, b);
      const out = new Float64Array(av.size);
      for (let j = 0; j < out.length; j++) {
        const p = av.getFlat(j);
        const q = bv.getFlat(j);
        const g = gcdOf(p, q);
        out[j] = lcm ? (g === 0 ? 0 : Math.abs((p / g) * q)) : g;
      }
      return wrap(astype(fromStorage(DTYPES.int64, av.shape, out), binary("add", a, b).dtype));
    });
  }
  for (const [name, sign] of [["isposinf", 1], ["isneginf", -1]] as const) {
    def(mod, name, ["x", "out"], 1, ([x], rt) => wrap(binary("equal", arr(x, rt), { kind: "float", value: sign * Infinity })));
  }
  for (const [name, fill, fn] of [
    ["nancumsum", 0, R.cumsum],
    ["nancumprod", 1, R.cumprod],
  ] as const) {
    def(mod, name, ["a", "axis", "dtype", "out"], 1, ([a, ax, d], rt) => {
      const x = arr(a, rt);
      const filled = x.dtype.isFloat ? where(unary("isnan", x), { kind: "int", value: fill }, x) : x;
      return wrap(fn(filled, optInt(ax, rt, null), toDtype(d)));
    });
  }
  def(mod, "nanprod", ["a", "axis", "dtype", "out", "keepdims"], 1, ([a, ax, , , kd], rt) => {
    const x = arr(a, rt);
    const filled = x.dtype.isFloat ? where(unary("isnan", x), { kind: "int", value: 1 }, x) : x;
    return wrap(R.prod(filled, { axis: optInt(ax, rt, null), keepdims: toBool(kd, rt, false) }));
  });
}
