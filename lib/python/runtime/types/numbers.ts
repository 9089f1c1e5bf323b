/*
 * int, bool and float: constructors, operator slots and methods, with CPython's semantics.
 */

import { attrGet } from "../attr-store";
import { roundFloat, roundFloatToInt, roundInt } from "../../format";
import { arities, exactArgs, getter, method, noArgs } from "../define";
import { overflowError, typeError, valueError } from "../errors";
import { parseArgs } from "../binding";
import {
  None,
  NotImplemented,
  PyBuiltin,
  PyClassMethod,
  PyFloat,
  PyObject,
  PyTuple,
  boolType,
  floatType,
  intType,
  typeOf,
  type PyValue,
} from "../objects";
import { parseFloatHex } from "../float-fromhex";
import * as N from "../numeric";
import type { Runtime } from "../runtime";

/** An int operand (bools count as ints), or undefined. */
export function asInt(v: PyValue): N.Int | undefined {
  if (typeof v === "number" || typeof v === "bigint") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  // The one int subclass with object instances, IntEnum, keeps a member's int in _value_.
  if (v instanceof PyObject && v.cls.isSubtypeOf(intType)) {
    const x = v.dict === null ? undefined : attrGet(v.dict, "_value_");
    if (typeof x === "number" || typeof x === "bigint") return x;
  }
  return undefined;
}

/** A float operand (ints convert, OverflowError when too big), or undefined. */
export function asFloat(v: PyValue): number | undefined {
  if (v instanceof PyFloat) return v.v;
  const i = asInt(v);
  return i === undefined ? undefined : N.intToFloat(i);
}

export type ArithOp = "add" | "sub" | "mul" | "truediv" | "floordiv" | "mod" | "pow" | "lshift" | "rshift" | "and" | "or" | "xor";

/** int/float arithmetic; NotImplemented for other operand types. */
export function numericOp(op: ArithOp, a: PyValue, b: PyValue): PyValue {
  const ia = asInt(a);
  const ib = asInt(b);
  if (ia !== undefined && ib !== undefined) {
    switch (op) {
      case "add":
        return N.intAdd(ia, ib);
      case "sub":
        return N.intSub(ia, ib);
      case "mul":
        return N.intMul(ia, ib);
      case "truediv":
        return new PyFloat(N.intTrueDiv(ia, ib));
      case "floordiv":
        return N.intFloorDiv(ia, ib);
      case "mod":
        return N.intMod(ia, ib);
      case "pow": {
        const r = N.intPow(ia, ib);
        return (typeof ib === "number" ? ib : Number(ib)) < 0 ? new PyFloat(r as number) : r;
      }
      case "lshift":
        return N.intLshift(ia, ib);
      case "rshift":
        return N.intRshift(ia, ib);
      case "and":
        return typeof a === "boolean" && typeof b === "boolean" ? a && b : N.intAnd(ia, ib);
      case "or":
        return typeof a === "boolean" && typeof b === "boolean" ? a || b : N.intOr(ia, ib);
      case "xor":
        return typeof a === "boolean" && typeof b === "boolean" ? a !== b : N.intXor(ia, ib);
    }
  }
  if (!(a instanceof PyFloat || ia !== undefined) || !(b instanceof PyFloat || ib !== undefined)) return NotImplemented;
  if (op === "lshift" || op === "rshift" || op === "and" || op === "or" || op === "xor") return NotImplemented;
  const fa = asFloat(a) as number;
  const fb = asFloat(b) as number;
  switch (op) {
    case "add":
      return new PyFloat(fa + fb);
    case "sub":
      return new PyFloat(fa - fb);
    case "mul":
      return new PyFloat(fa * fb);
    case "truediv":
      return new PyFloat(N.floatTrueDiv(fa, fb));
    case "floordiv":
      return new PyFloat(N.floatFloorDiv(fa, fb));
    case "mod":
      return new PyFloat(N.floatMod(fa, fb));
    case "pow":
      return new PyFloat(N.floatPow(fa, fb));
  }
}

/** Three-way numeric comparison (NaN when unordered), undefined for non-numbers. */
export function numericCompare(a: PyValue, b: PyValue): number | undefined {
  const ia = asInt(a);
  const ib = asInt(b);
  if (ia !== undefined && ib !== undefined) return N.intCompare(ia, ib);
  if (a instanceof PyFloat) {
    if (b instanceof PyFloat) return a.v < b.v ? -1 : a.v > b.v ? 1 : a.v === b.v ? 0 : NaN;
    if (ib !== undefined) return -N.intFloatCompare(ib, a.v);
    return undefined;
  }
  if (b instanceof PyFloat && ia !== undefined) return N.intFloatCompare(ia, b.v);
  return undefined;
}

const ARITH: [string, ArithOp, boolean][] = [
  ["__add__", "add", false], ["__radd__", "add", true],
  ["__sub__", "sub", false], ["__rsub__", "sub", true],
  ["__mul__", "mul", false], ["__rmul__", "mul", true],
  ["__truediv__", "truediv", false], ["__rtruediv__", "truediv", true],
  ["__floordiv__", "floordiv", false], ["__rfloordiv__", "floordiv", true],
  ["__mod__", "mod", false], ["__rmod__", "mod", true],
  ["__pow__", "pow", false], ["__rpow__", "pow", true],
  ["__lshift__", "lshift", false], ["__rlshift__", "lshift", true],
  ["__rshift__", "rshift", false], ["__rrshift__", "rshift", true],
  ["__and__", "and", false], ["__rand__", "and", true],
  ["__or__", "or", false], ["__ror__", "or", true],
  ["__xor__", "xor", false], ["__rxor__", "xor", true],
];

for (const type of [intType, floatType]) {
  for (const [name, op, reflected] of ARITH) {
    method(type, name, (self, args) => {
      exactArgs(name, args, null, 1);
      return reflected ? numericOp(op, args[0], self) : numericOp(op, self, args[0]);
    });
  }
  const cmp = (name: string, test: (c: number) => boolean): void => {
    method(type, name, (self, args) => {
      const c = numericCompare(self, args[0]);
      return c === undefined ? NotImplemented : test(c);
    });
  };
  cmp("__eq__", (c) => c === 0);
  cmp("__ne__", (c) => c !== 0);
  cmp("__lt__", (c) => c < 0);
  cmp("__le__", (c) => c <= 0);
  cmp("__gt__", (c) => c > 0);
  cmp("__ge__", (c) => c >= 0);
  method(type, "__hash__", (self, _a, _k, rt) => rt.hash(self));
  method(type, "__bool__", (self, _a, _k, rt) => rt.truthy(self));
  method(type, "__repr__", (self, _a, _k, rt) => rt.repr(self));
  method(type, "__format__", (self, args, _k, rt) => {
    exactArgs("__format__", args, null, 1);
    if (typeof args[0] !== "string") throw typeError(`__format__() argument must be str, not ${typeOf(args[0]).name}`);
    return rt.format(self, args[0]);
  });
  method(type, "__divmod__", (self, args, _k, rt) => divmod(rt, self, args[0]));
  method(type, "__rdivmod__", (self, args, _k, rt) => divmod(rt, args[0], self));
}

export function divmod(rt: Runtime, a: PyValue, b: PyValue): PyValue {
  const ia = asInt(a);
  const ib = asInt(b);
  if (ia !== undefined && ib !== undefined) return new PyTuple([N.intFloorDiv(ia, ib), N.intMod(ia, ib)]);
  const fa = a instanceof PyFloat || ia !== undefined ? asFloat(a) : undefined;
  const fb = b instanceof PyFloat || ib !== undefined ? asFloat(b) : undefined;
  if (fa !== undefined && fb !== undefined) {
    const [q, r] = N.floatDivmod(fa, fb);
    return new PyTuple([new PyFloat(q), new PyFloat(r)]);
  }
  const f = typeOf(a).lookup("__divmod__");
  if (f !== undefined && !(typeof a !== "object" || a instanceof PyFloat)) {
    const r = rt.callBound(f, a, [b]);
    if (r !== NotImplemented) return r;
  }
  const g = typeOf(b).lookup("__rdivmod__");
  if (g !== undefined && !(typeof b !== "object" || b instanceof PyFloat)) {
    const r = rt.callBound(g, b, [a]);
    if (r !== NotImplemented) return r;
  }
  throw typeError(`unsupported operand type(s) for divmod(): '${typeOf(a).name}' and '${typeOf(b).name}'`);
}

// ---- int ---------------------------------------------------------------------------------------

method(intType, "__neg__", (self) => N.intNeg(asInt(self) as N.Int));
method(intType, "__pos__", (self) => asInt(self) as N.Int);
method(intType, "__abs__", (self) => {
  const i = asInt(self) as N.Int;
  return N.intCompare(i, 0) < 0 ? N.intNeg(i) : i;
});
method(intType, "__invert__", (self) => N.intInvert(asInt(self) as N.Int));
method(intType, "__index__", (self) => asInt(self) as N.Int);
method(intType, "__int__", (self) => asInt(self) as N.Int);
method(intType, "__float__", (self) => new PyFloat(N.intToFloat(asInt(self) as N.Int)));
method(intType, "__trunc__", (self) => asInt(self) as N.Int);
method(intType, "__floor__", (self) => asInt(self) as N.Int);
method(intType, "__ceil__", (self) => asInt(self) as N.Int);
method(intType, "__round__", (self, args) => {
  const i = asInt(self) as N.Int;
  if (args.length === 0 || args[0] === None) return i;
  const nd = asInt(args[0]);
  if (nd === undefined) throw typeError(`'${typeOf(args[0]).name}' object cannot be interpreted as an integer`);
  return N.norm(roundInt(N.big(i), nd));
});
method(intType, "bit_length", (self, args, kw) => {
  noArgs("bit_length", args, kw);
  return N.bitLength(asInt(self) as N.Int);
});
method(intType, "bit_count", (self) => {
  const i = N.big(asInt(self) as N.Int);
  return [...(i < 0n ? -i : i).toString(2)].filter((c) => c === "1").length;
});
method(intType, "conjugate", (self) => asInt(self) as N.Int);
method(intType, "is_integer", () => true);
method(intType, "as_integer_ratio", (self) => new PyTuple([asInt(self) as N.Int, 1]));
getter(intType, "real", (self) => asInt(self) as N.Int);
getter(intType, "imag", () => 0);
getter(intType, "numerator", (self) => asInt(self) as N.Int);
getter(intType, "denominator", () => 1);

intType.alloc = (_cls, args, kw, rt) => {
  const [x, base] = parseArgs("int", args, kw, { names: ["x", "base"], posonly: 1 });
  if (x === undefined) {
    if (base !== undefined) throw typeError("int() missing string argument");
    return 0;
  }
  if (base !== undefined) {
    if (typeof x !== "string") throw typeError("int() can't convert non-string with explicit base");
    const b = asInt(base);
    if (b === undefined) throw typeError(`'${typeOf(base).name}' object cannot be interpreted as an integer`);
    return parseIntLiteral(x, Number(b));
  }
  return toIntValue(rt, x);
};

/** int(x) for one argument. */
export function toIntValue(rt: Runtime, x: PyValue): N.Int {
  const i = asInt(x);
  if (i !== undefined) return i;
  if (x instanceof PyFloat) return N.floatToInt(x.v);
  if (typeof x === "string") return parseIntLiteral(x, 10);
  for (const slot of ["__int__", "__index__", "__trunc__"]) {
    const f = typeOf(x).lookup(slot);
    if (f !== undefined) {
      const r = rt.callBound(f, x, []);
      const ri = asInt(r);
      if (ri === undefined) throw typeError(`${slot} returned non-int (type ${typeOf(r).name})`);
      return ri;
    }
  }
  throw typeError(`int() argument must be a string, a bytes-like object or a real number, not '${typeOf(x).name}'`);
}

const DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";

/** CPython 3.11's default limit on decimal int <-> str conversions (CVE-2020-10735). */
export const INT_MAX_STR_DIGITS = 4300;

/** str(n) for a bigint, with CPython's conversion limit. */
export function bigintToDecimal(n: bigint): string {
  // 4300 decimal digits need at least 14280 bits; cheaper than converting first.
  if (N.bitLength(n) > 14_280) {
    const text = n.toString();
    if (text.length - (n < 0n ? 1 : 0) > INT_MAX_STR_DIGITS) {
      throw valueError(`Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`);
    }
    return text;
  }
  return n.toString();
}

/** int(text, base) with CPython's literal rules (underscores, prefixes, whitespace). */
export function parseIntLiteral(text: string, base: number): N.Int {
  const bad = (): never => {
    throw valueError(`invalid literal for int() with base ${base}: ${rtRepr(text)}`);
  };
  if (base !== 0 && (base < 2 || base > 36)) throw valueError("int() base must be >= 2 and <= 36, or 0");
  let s = text.trim().toLowerCase();
  let neg = false;
  if (s.startsWith("+") || s.startsWith("-")) {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  let b = base;
  const prefixes: [string, number][] = [["0x", 16], ["0o", 8], ["0b", 2]];
  for (const [p, pb] of prefixes) {
    if (s.startsWith(p) && (b === 0 || b === pb)) {
      s = s.slice(2);
      if (s.startsWith("_")) s = s.slice(1);
      b = pb;
      break;
    }
  }
  if (b === 0) {
    b = 10;
    if (/^0+[_0]*[1-9]/.test(s)) bad();
  }
  if (s === "" || s.startsWith("_") || s.endsWith("_") || s.includes("__")) bad();
  s = s.replace(/_/g, "");
  let acc = 0n;
  const B = BigInt(b);
  if (s.length > INT_MAX_STR_DIGITS && b !== 2 && b !== 4 && b !== 8 && b !== 16 && b !== 32) {
    throw valueError(`Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion: value has ${s.length} digits; use sys.set_int_max_str_digits() to increase the limit`);
  }
  for (const c of s) {
    const d = DIGITS.indexOf(c);
    if (d < 0 || d >= b) bad();
    acc = acc * B + BigInt(d);
  }
  return N.norm(neg ? -acc : acc);
}

function rtRepr(s: string): string {
  // Same quoting rule as str.__repr__ for the error message.
  if (s.includes("'") && !s.includes('"')) return `"${s}"`;
  return `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

// ---- bool ----------------------------------------------------------------------------------------

boolType.alloc = (_cls, args, kw, rt) => {
  if (kw !== null && kw.size > 0) throw typeError("bool() takes no keyword arguments");
  if (args.length > 1) throw typeError(`bool expected at most 1 argument, got ${args.length}`);
  return args.length === 0 ? false : rt.truthy(args[0]);
};
method(boolType, "__repr__", (self) => (self ? "True" : "False"));
for (const [name, op] of [["__and__", "and"], ["__or__", "or"], ["__xor__", "xor"]] as const) {
  method(boolType, name, (self, args) => numericOp(op, self, args[0]));
  method(boolType, `__r${name.slice(2)}`, (self, args) => numericOp(op, args[0], self));
}

// ---- float ---------------------------------------------------------------------------------------

const fv = (self: PyValue): number => (self as PyFloat).v;

floatType.alloc = (_cls, args, kw, rt) => {
  if (kw !== null && kw.size > 0) throw typeError("float() takes no keyword arguments");
  if (args.length > 1) throw typeError(`float expected at most 1 argument, got ${args.length}`);
  if (args.length === 0) return new PyFloat(0);
  return new PyFloat(toFloatValue(rt, args[0]));
};

export function toFloatValue(rt: Runtime, x: PyValue): number {
  if (x instanceof PyFloat) return x.v;
  const i = asInt(x);
  if (i !== undefined) return N.intToFloat(i);
  if (typeof x === "string") return parseFloatLiteral(x);
  const f = typeOf(x).lookup("__float__") ?? typeOf(x).lookup("__index__");
  if (f !== undefined) {
    const r = rt.callBound(f, x, []);
    if (r instanceof PyFloat) return r.v;
    const ri = asInt(r);
    if (ri !== undefined) return N.intToFloat(ri);
    throw typeError(`${typeOf(x).name}.__float__ returned non-float (type ${typeOf(r).name})`);
  }
  throw typeError(`float() argument must be a string or a real number, not '${typeOf(x).name}'`);
}

export function parseFloatLiteral(text: string): number {
  const s = text.trim().toLowerCase().replace(/(?<=\d)_(?=\d)/g, "");
  const m = /^([+-]?)(inf|infinity|nan)$/.exec(s);
  if (m) return m[2] === "nan" ? NaN : m[1] === "-" ? -Infinity : Infinity;
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(s)) return Number(s);
  throw valueError(`could not convert string to float: ${rtRepr(text)}`);
}

method(floatType, "__neg__", (self) => new PyFloat(-fv(self)));
method(floatType, "__pos__", (self) => self);
method(floatType, "__abs__", (self) => new PyFloat(Math.abs(fv(self))));
method(floatType, "__int__", (self) => N.floatToInt(fv(self)));
method(floatType, "__float__", (self) => self);
method(floatType, "__trunc__", (self) => N.floatToInt(fv(self)));
method(floatType, "__floor__", (self) => N.floatToInt(Math.floor(fv(self))));
method(floatType, "__ceil__", (self) => N.floatToInt(Math.ceil(fv(self))));
method(floatType, "__round__", (self, args, _k, rt) => roundNumber(rt, self, args[0]));
method(floatType, "is_integer", (self) => Number.isInteger(fv(self)));
method(floatType, "conjugate", (self) => self);
method(floatType, "as_integer_ratio", (self) => {
  const x = fv(self);
  if (!Number.isFinite(x)) {
    if (Number.isNaN(x)) throw valueError("cannot convert NaN to integer ratio");
    throw overflowError("cannot convert Infinity to integer ratio");
  }
  let m = x;
  let e = 0n;
  while (!Number.isInteger(m)) {
    m *= 2;
    e += 1n;
  }
  let num = BigInt(m);
  let den = 1n << e;
  while (den > 1n && num % 2n === 0n) {
    num /= 2n;
    den /= 2n;
  }
  return new PyTuple([N.norm(num), N.norm(den)]);
});
method(floatType, "hex", (self) => floatHex(fv(self)));
floatType.ns.set(
  "fromhex",
  new PyClassMethod(
    new PyBuiltin("fromhex", (args, kw, rt) => {
      const [cls, s] = args;
      if (kw !== null && kw.size > 0) throw typeError("float.fromhex() takes no keyword arguments");
      if (args.length !== 2) throw typeError(`float.fromhex() takes exactly one argument (${args.length - 1} given)`);
      if (typeof s !== "string") throw typeError(`bad argument type for built-in operation`);
      const f = new PyFloat(parseFloatHex(s));
      return cls === floatType ? f : rt.call(cls, [f], null);
    }),
  ),
);
getter(floatType, "real", (self) => self);
getter(floatType, "imag", () => new PyFloat(0));

/** float.__round__(ndigits): an int without ndigits, else a float (half-even on the exact value). */
export function roundNumber(rt: Runtime, x: PyValue, nd: PyValue | undefined): PyValue {
  const v = fv(x);
  try {
    if (nd === undefined || nd === None) return roundFloatToInt(v);
    const n = asInt(nd);
    if (n === undefined) throw typeError(`'${typeOf(nd).name}' object cannot be interpreted as an integer`);
    return new PyFloat(roundFloat(v, n));
  } catch (e) {
    throw rt.toPyException(e);
  }
}

function floatHex(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0x0.0p+0" : "0x0.0p+0";
  const sign = x < 0 ? "-" : "";
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, Math.abs(x));
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  let exp = (hi >>> 20) & 0x7ff;
  const mant = ((BigInt(hi & 0xfffff) << 32n) | BigInt(lo)).toString(16).padStart(13, "0");
  const lead = exp === 0 ? "0" : "1";
  exp = exp === 0 ? -1022 : exp - 1023;
  return `${sign}0x${lead}.${mant}p${exp >= 0 ? "+" : ""}${exp}`;
}

arities(intType, { bit_count: [0, 0], conjugate: [0, 0], is_integer: [0, 0], as_integer_ratio: [0, 0], __round__: [0, 1] });
arities(floatType, { is_integer: [0, 0], conjugate: [0, 0], as_integer_ratio: [0, 0], hex: [0, 0], __round__: [0, 1] });
