/*
 * math: CPython's functions and its error conventions ("math domain error", "math range error").
 */

import * as CR from "../correctly-rounded";
import * as Hyp from "../hyperbolic";
import * as Erf from "../erf";
import { nativeFunction } from "../define";
import * as E from "../errors";
import { PyFloat, PyTuple, typeOf, type Kwargs, type PyValue } from "../objects";
import * as N from "../numeric";
import type { NativeModuleDef, Runtime } from "../runtime";
import { asInt, toFloatValue } from "../types/numbers";
import { vectorNorm } from "./vector-norm";

const domain = (): never => {
  throw E.valueError("math domain error");
};
const range = (): never => {
  throw E.overflowError("math range error");
};

function num(rt: Runtime, v: PyValue | undefined, fname: string): number {
  if (v === undefined) throw E.typeError(`${fname}() missing required argument`);
  if (v instanceof PyFloat) return v.v;
  if (typeof v === "string" || typeof v === "object" && typeOf(v).lookup("__float__") === undefined && typeOf(v).lookup("__index__") === undefined) {
    throw E.typeError(`must be real number, not ${typeOf(v).name}`);
  }
  return toFloatValue(rt, v);
}

function intArg(v: PyValue | undefined, fname: string): N.Int {
  const i = v === undefined ? undefined : asInt(v);
  if (i === undefined) {
    if (v instanceof PyFloat) throw E.typeError(`'float' object cannot be interpreted as an integer`);
    throw E.typeError(`${fname}() argument must be int, not ${v === undefined ? "nothing" : typeOf(v).name}`);
  }
  return i;
}

/** A libm-style wrapper: domain errors for NaN results from non-NaN input, range errors for overflow. */
function unary(f: (x: number) => number, opts: { overflowOk?: boolean } = {}) {
  return (x: number): number => {
    const r = f(x);
    if (Number.isNaN(r) && !Number.isNaN(x)) domain();
    if (!Number.isFinite(r) && Number.isFinite(x) && !opts.overflowOk) {
      if (Number.isNaN(r)) domain();
      range();
    }
    return r;
  };
}

function logImpl(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x <= 0) domain();
  return CR.log(x);
}

/** log of an int of any size (CPython handles huge ints by splitting off the exponent). */
function logOf(rt: Runtime, v: PyValue, base: (x: number) => number): number {
  const i = asInt(v);
  if (i !== undefined && typeof i === "bigint") {
    if (i <= 0n) domain();
    const bits = N.bitLength(i);
    if (bits > 1000) {
      const shift = bits - 60;
      const m = Number(i >> BigInt(shift));
      return base(m) + (base(2) * shift);
    }
  }
  const x = num(rt, v, "log");
  if (x <= 0 && !Number.isNaN(x)) domain();
  return base(x);
}

function factorial(n: N.Int): N.Int {
  if (N.intCompare(n, 0) < 0) throw E.valueError("factorial() not defined for negative values");
  const k = Number(n);
  if (k > 100_000) throw E.overflowError("factorial() argument too large for Kernel Lab");
  let acc = 1n;
  for (let i = 2n; i <= BigInt(k); i++) acc *= i;
  return N.norm(acc);
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}

function comb(n: bigint, k: bigint): bigint {
  if (n < 0n) throw E.valueError("n must be a non-negative integer");
  if (k < 0n) throw E.valueError("k must be a non-negative integer");
  if (k > n) return 0n;
  if (k > n - k) k = n - k;
  let r = 1n;
  for (let i = 1n; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

function perm(n: bigint, k: bigint): bigint {
  if (n < 0n) throw E.valueError("n must be a non-negative integer");
  if (k < 0n) throw E.valueError("k must be a non-negative integer");
  if (k > n) return 0n;
  let r = 1n;
  for (let i = 0n; i < k; i++) r *= n - i;
  return r;
}

/** Shewchuk's exact summation (CPython's math.fsum). */
function fsum(values: number[]): number {
  const partials: number[] = [];
  let special = 0;
  let infSum = 0;
  for (let x of values) {
    if (!Number.isFinite(x)) {
      if (Number.isNaN(x)) special = NaN;
      else infSum += x;
      continue;
    }
    let i = 0;
    for (let y of partials) {
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    if (!Number.isFinite(x)) range();
    partials.length = i;
    partials.push(x);
  }
  if (Number.isNaN(special) || Number.isNaN(infSum)) {
    if (Number.isNaN(infSum)) throw E.valueError("-inf + inf in fsum");
    return NaN;
  }
  if (infSum !== 0) return infSum;
  let n = partials.length;
  let hi = 0;
  if (n > 0) {
    hi = partials[--n];
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = partials[--n];
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0) break;
    }
    if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
      const y = lo * 2;
      const x = hi + y;
      const yr = x - hi;
      if (y === yr) hi = x;
    }
  }
  return hi;
}

// Lanczos approximation as in CPython's mathmodule.c (g = 6.024680040776729583740234375, N = 13).
const LANCZOS_G = 6.024680040776729583740234375;
const LANCZOS_NUM = [
  23531376880.41076, 42919803642.6491,
  35711959237.35567, 17921034426.03721,
  6039542586.352028, 1439720407.3117216,
  248874557.86205417, 31426415.585400194,
  2876370.6289353725, 186056.26539522348,
  8071.672002365816, 210.82427775157936,
  2.5066282746310002,
];
const LANCZOS_DEN = [0, 39916800, 120543840, 150917976, 105258076, 45995730, 13339535, 2637558, 357423, 32670, 1925, 66, 1];

function lanczosSum(x: number): number {
  let num = 0;
  let den = 0;
  if (x < 5) {
    for (let i = 12; i >= 0; i--) {
      num = num * x + LANCZOS_NUM[i];
      den = den * x + LANCZOS_DEN[i];
    }
  } else {
    for (let i = 0; i < 13; i++) {
      num = num / x + LANCZOS_NUM[i];
      den = den / x + LANCZOS_DEN[i];
    }
  }
  return num / den;
}

function sinpi(x: number): number {
  const y = Math.abs(x) % 2;
  const n = Math.round(2 * y);
  let r: number;
  switch (n) {
    case 0:
      r = CR.sin(Math.PI * y);
      break;
    case 1:
      r = CR.cos(Math.PI * (y - 0.5));
      break;
    case 2:
      r = CR.sin(Math.PI * (1 - y));
      break;
    case 3:
      r = -CR.cos(Math.PI * (y - 1.5));
      break;
    default:
      r = CR.sin(Math.PI * (y - 2));
  }
  return (x < 0 ? -1 : 1) * r;
}

function gamma(x: number): number {
  if (!Number.isFinite(x)) {
    if (Number.isNaN(x) || x > 0) return x;
    domain();
  }
  if (x === 0) domain();
  if (Number.isInteger(x)) {
    if (x < 0) domain();
    if (x <= 23) {
      let r = 1;
      for (let i = 2; i < x; i++) r *= i;
      return r;
    }
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) return 1 / x;
  if (absx > 200) {
    if (x < 0) return 0 / sinpi(x);
    range();
  }
  const y = absx + LANCZOS_G - 0.5;
  let q: number;
  if (absx > LANCZOS_G - 0.5) {
    q = y - absx;
    q = q - (LANCZOS_G - 0.5);
  } else {
    q = y - (LANCZOS_G - 0.5);
    q = q - absx;
  }
  const z = q * LANCZOS_G / y;
  let r: number;
  if (x < 0) {
    r = -Math.PI / sinpi(absx) / absx * CR.exp(y) / lanczosSum(absx);
    r -= z * r;
    if (absx < 140) r /= CR.pow(y, absx - 0.5);
    else {
      const sqrtpow = CR.pow(y, absx / 2 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = lanczosSum(absx) / CR.exp(y);
    r += z * r;
    if (absx < 140) r *= CR.pow(y, absx - 0.5);
    else {
      const sqrtpow = CR.pow(y, absx / 2 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  if (!Number.isFinite(r)) range();
  return r;
}

function lgamma(x: number): number {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? x : Infinity;
  if (Number.isInteger(x) && x <= 2) {
    if (x <= 0) domain();
    return 0;
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) return -CR.log(absx);
  let r = CR.log(lanczosSum(absx)) - LANCZOS_G;
  r += (absx - 0.5) * (CR.log(absx + LANCZOS_G - 0.5) - 1);
  if (x < 0) r = CR.log(Math.PI) - CR.log(Math.abs(sinpi(absx))) - CR.log(absx) - r;
  if (!Number.isFinite(r)) range();
  return r;
}

function isqrt(n: N.Int): N.Int {
  const b = N.big(n);
  if (b < 0n) throw E.valueError("isqrt() argument must be nonnegative");
  if (b < 2n) return N.norm(b);
  let x = BigInt(Math.floor(Math.sqrt(Number(b))));
  if (x === 0n) x = 1n;
  for (;;) {
    const y = (x + b / x) >> 1n;
    if (y >= x) {
      if (x * x > b) x -= 1n;
      while ((x + 1n) * (x + 1n) <= b) x += 1n;
      return N.norm(x);
    }
    x = y;
  }
}

const frexpBits = new DataView(new ArrayBuffer(8));

/**
 * x = m * 2**e with 0.5 <= |m| < 1, read off the IEEE bits: exact, and O(1) for subnormals too
 * (which are first scaled into the normal range).
 */
function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let scale = 0;
  if (Math.abs(x) < 2 ** -1022) {
    x *= 2 ** 64;
    scale = -64;
  }
  frexpBits.setFloat64(0, x);
  const hi = frexpBits.getUint32(0);
  const e = ((hi >>> 20) & 0x7ff) - 1022;
  // Same sign and mantissa, biased exponent 1022: the value in [0.5, 1).
  frexpBits.setUint32(0, (hi & 0x800fffff) | (1022 << 20));
  return [frexpBits.getFloat64(0), e + scale];
}

function ldexp(x: number, e: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  // Every finite double is 2**k times one in [1, 2) with -1074 <= k <= 1023: past 2200 the result
  // certainly overflows or underflows (and the loops below would run ~e/1000 times).
  if (e > 2200) range();
  if (e < -2200) return x < 0 ? -0 : 0;
  let r = x;
  let k = e;
  while (k > 1000) {
    r *= 2 ** 1000;
    k -= 1000;
  }
  while (k < -1000) {
    r *= 2 ** -1000;
    k += 1000;
  }
  r *= 2 ** k;
  if (!Number.isFinite(r)) range();
  return r;
}

function isclose(a: number, b: number, rel: number, abs: number): boolean {
  if (rel < 0 || abs < 0) throw E.valueError("tolerances must be non-negative");
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  const diff = Math.abs(b - a);
  return diff <= Math.abs(rel * b) || diff <= Math.abs(rel * a) || diff <= abs;
}

function remainder(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (!Number.isFinite(x) || y === 0) domain();
  if (!Number.isFinite(y)) return x;
  const absx = Math.abs(x);
  const absy = Math.abs(y);
  const m = absx % absy;
  const c = absy - m;
  let r: number;
  if (m < c) r = m;
  else if (m > c) r = -c;
  else r = m - 2 * ((0.5 * (absx - m)) % absy);
  return (x < 0 ? -1 : 1) * r;
}

export const mathModule: NativeModuleDef = {
  name: "math",
  init(mod, rt) {
    const f = (v: number): PyFloat => new PyFloat(v);
    const def = (name: string, impl: (args: PyValue[], kw: Kwargs | null) => PyValue): void => {
      mod.set(name, nativeFunction(name, (args, kw) => impl(args, kw)));
    };
    const arity = (name: string, n: number, args: PyValue[]): void => {
      if (args.length !== n) {
        throw E.typeError(n === 1 ? `math.${name}() takes exactly one argument (${args.length} given)` : `${name} expected ${n} arguments, got ${args.length}`);
      }
    };
    const fn1 = (name: string, g: (x: number) => number): void => {
      def(name, (args) => {
        arity(name, 1, args);
        return f(g(num(rt, args[0], name)));
      });
    };
    mod.set("pi", f(Math.PI));
    mod.set("e", f(Math.E));
    mod.set("tau", f(2 * Math.PI));
    mod.set("inf", f(Infinity));
    mod.set("nan", f(NaN));

    fn1("sqrt", unary((x) => (x < 0 ? NaN : Math.sqrt(x))));
    fn1("exp", unary(CR.exp));
    fn1("exp2", unary((x) => CR.pow(2, x)));
    fn1("expm1", unary(Math.expm1));
    fn1("log1p", unary((x) => (x <= -1 ? NaN : Math.log1p(x))));
    fn1("sin", unary(CR.sin));
    fn1("cos", unary(CR.cos));
    fn1("tan", unary(CR.tan));
    fn1("asin", unary(CR.asin));
    fn1("acos", unary(CR.acos));
    fn1("atan", unary(CR.atan));
    fn1("sinh", unary(Hyp.sinh));
    fn1("cosh", unary(Hyp.cosh));
    fn1("tanh", unary(Hyp.tanh));
    fn1("asinh", unary(Hyp.asinh));
    fn1("acosh", unary(Hyp.acosh));
    fn1("atanh", unary((x) => (Math.abs(x) >= 1 ? NaN : Hyp.atanh(x))));
    fn1("fabs", Math.abs);
    // CPython multiplies by one constant (radToDeg, degToRad), not by 180 then divide by pi.
    fn1("degrees", (x) => x * (180 / Math.PI));
    fn1("radians", (x) => x * (Math.PI / 180));
    fn1("erf", Erf.erf);
    fn1("erfc", Erf.erfc);
    fn1("gamma", gamma);
    fn1("lgamma", lgamma);
    fn1("cbrt", CR.cbrt);
    def("log", (args) => {
      if (args.length < 1 || args.length > 2) throw E.typeError(`log expected 1 or 2 arguments, got ${args.length}`);
      const l = logOf(rt, args[0], logImpl);
      if (args.length === 1) return f(l);
      const lb = logOf(rt, args[1], logImpl);
      if (lb === 0) throw E.zeroDivisionError("float division by zero");
      return f(l / lb);
    });
    def("log2", (args) => {
      arity("log2", 1, args);
      return f(logOf(rt, args[0], (x) => (x <= 0 ? domain() : CR.log2(x))));
    });
    def("log10", (args) => {
      arity("log10", 1, args);
      return f(logOf(rt, args[0], (x) => (x <= 0 ? domain() : CR.log10(x))));
    });
    def("pow", (args) => {
      arity("pow", 2, args);
      const x = num(rt, args[0], "pow");
      const y = num(rt, args[1], "pow");
      if (x === 0 && y < 0) domain();
      if (x < 0 && Number.isFinite(x) && !Number.isInteger(y) && Number.isFinite(y)) domain();
      const r = x === 1 || y === 0 ? 1 : Number.isInteger(y) ? N.floatIntPow(x, y) : CR.pow(x, y);
      if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y)) range();
      return f(r);
    });
    def("atan2", (args) => {
      arity("atan2", 2, args);
      return f(CR.atan2(num(rt, args[0], "atan2"), num(rt, args[1], "atan2")));
    });
    def("fmod", (args) => {
      arity("fmod", 2, args);
      const x = num(rt, args[0], "fmod");
      const y = num(rt, args[1], "fmod");
      if (!Number.isFinite(x) && !Number.isNaN(x)) domain();
      if (y === 0 && !Number.isNaN(x)) domain();
      return f(x % y);
    });
    def("remainder", (args) => {
      arity("remainder", 2, args);
      return f(remainder(num(rt, args[0], "remainder"), num(rt, args[1], "remainder")));
    });
    def("copysign", (args) => {
      arity("copysign", 2, args);
      const x = num(rt, args[0], "copysign");
      const y = num(rt, args[1], "copysign");
      return f(N.signBit(y) ? -Math.abs(x) : Math.abs(x));
    });
    const norm = (coords: number[]): number => {
      const abs = coords.map(Math.abs);
      return vectorNorm(abs, abs.reduce((m, x) => (x > m ? x : m), 0), abs.some(Number.isNaN));
    };
    def("hypot", (args) => f(norm(args.map((a) => num(rt, a, "hypot")))));
    def("dist", (args) => {
      arity("dist", 2, args);
      const p = rt.toArray(args[0]).map((a) => num(rt, a, "dist"));
      const q = rt.toArray(args[1]).map((a) => num(rt, a, "dist"));
      if (p.length !== q.length) throw E.valueError("both points must have the same number of dimensions");
      return f(norm(p.map((x, i) => x - q[i])));
    });
    const rounding = (name: string, g: (x: number) => number, slot: string): void => {
      def(name, (args) => {
        arity(name, 1, args);
        const v = args[0];
        const i = asInt(v);
        if (i !== undefined) return i;
        if (v instanceof PyFloat) return N.floatToInt(g(v.v));
        const m = typeOf(v).lookup(slot);
        if (m !== undefined) return rt.callBound(m, v, []);
        return N.floatToInt(g(num(rt, v, name)));
      });
    };
    rounding("floor", Math.floor, "__floor__");
    rounding("ceil", Math.ceil, "__ceil__");
    rounding("trunc", Math.trunc, "__trunc__");
    def("isnan", (args) => Number.isNaN(num(rt, args[0], "isnan")));
    def("isinf", (args) => {
      const x = num(rt, args[0], "isinf");
      return !Number.isFinite(x) && !Number.isNaN(x);
    });
    def("isfinite", (args) => Number.isFinite(num(rt, args[0], "isfinite")));
    def("isclose", (args, kw) => {
      if (args.length !== 2) throw E.typeError(`isclose() takes exactly 2 positional arguments (${args.length} given)`);
      const rel = kw?.get("rel_tol");
      const abs = kw?.get("abs_tol");
      return isclose(num(rt, args[0], "isclose"), num(rt, args[1], "isclose"), rel === undefined ? 1e-9 : num(rt, rel, "isclose"), abs === undefined ? 0 : num(rt, abs, "isclose"));
    });
    def("factorial", (args) => {
      arity("factorial", 1, args);
      return factorial(intArg(args[0], "factorial"));
    });
    def("gcd", (args) => N.norm(args.reduce<bigint>((acc, a) => gcd(acc, N.big(intArg(a, "gcd"))), 0n)));
    def("lcm", (args) => {
      let acc = 1n;
      for (const a of args) {
        const b = N.big(intArg(a, "lcm"));
        if (b === 0n) return 0;
        acc = (acc * (b < 0n ? -b : b)) / gcd(acc, b);
      }
      return N.norm(acc);
    });
    def("comb", (args) => {
      arity("comb", 2, args);
      return N.norm(comb(N.big(intArg(args[0], "comb")), N.big(intArg(args[1], "comb"))));
    });
    def("perm", (args) => {
      if (args.length === 1 || args[1] === rt.None) return factorial(intArg(args[0], "perm"));
      return N.norm(perm(N.big(intArg(args[0], "perm")), N.big(intArg(args[1], "perm"))));
    });
    def("isqrt", (args) => {
      arity("isqrt", 1, args);
      return isqrt(intArg(args[0], "isqrt"));
    });
    def("prod", (args, kw) => {
      let acc: PyValue = kw?.get("start") ?? 1;
      for (const v of rt.iterate(args[0])) acc = rt.mul(acc, v);
      return acc;
    });
    def("fsum", (args) => {
      arity("fsum", 1, args);
      return f(fsum(rt.toArray(args[0]).map((v) => num(rt, v, "fsum"))));
    });
    def("modf", (args) => {
      arity("modf", 1, args);
      const x = num(rt, args[0], "modf");
      if (!Number.isFinite(x)) return new PyTuple([f(Number.isNaN(x) ? x : Object.is(x, -Infinity) ? -0 : 0), f(x)]);
      const ip = Math.trunc(x);
      const fp = x - ip;
      return new PyTuple([f(fp === 0 ? (x < 0 || Object.is(x, -0) ? -0 : 0) : fp), f(ip)]);
    });
    def("frexp", (args) => {
      arity("frexp", 1, args);
      const [m, e] = frexp(num(rt, args[0], "frexp"));
      return new PyTuple([f(m), e]);
    });
    def("ldexp", (args) => {
      arity("ldexp", 2, args);
      return f(ldexp(num(rt, args[0], "ldexp"), Number(intArg(args[1], "ldexp"))));
    });
  },
};
