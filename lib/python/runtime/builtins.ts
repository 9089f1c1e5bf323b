/*
 * The builtins module: functions, types and exception classes every program sees.
 * Dangerous builtins (open, eval, exec, __import__, ...) are deliberately absent; referring to them
 * raises NameError saying they are not available in Kernel Lab (see Runtime.nameError).
 */

import { parseArgs } from "./binding";
import { exactArgs, nativeFunction, rangeArgs } from "./define";
import * as E from "./errors";
import {
  Ellipsis,
  None,
  NotImplemented,
  PyFloat,
  PyIterator,
  PyList,
  PyObject,
  PyTuple,
  PyType,
  boolType,
  builtinType,
  classMethodType,
  dictType,
  floatType,
  frozensetType,
  intType,
  iteratorType,
  listType,
  objectType,
  propertyType,
  rangeType,
  setType,
  sliceType,
  staticMethodType,
  strType,
  superType,
  tupleType,
  typeOf,
  typeType,
  type Kwargs,
  type PyValue,
  tpName,
} from "./objects";
import * as N from "./numeric";
import { dirNames } from "./object-slots";
import type { Runtime } from "./runtime";
import { comparesNatively, strCompare } from "./str-order";
import { TextStream } from "./modules/sys";
import { exhausted, sortValues } from "./types/containers";
import { pythonHash } from "./tuple-hash";
import { asInt, divmod, toIntValue } from "./types/numbers";
import "./types/str";
import "./types/misc";

const enumerateType = builtinType("enumerate", [iteratorType], undefined, false);
const zipType = builtinType("zip", [iteratorType], undefined, false);
const mapType = builtinType("map", [iteratorType], undefined, false);
const filterType = builtinType("filter", [iteratorType], undefined, false);
const reversedType = builtinType("reversed", [iteratorType], undefined, false);
/** list.__reversed__'s iterator (tuples and strs get the generic reversed object). */
const listReverseIteratorType = builtinType("list_reverseiterator", [iteratorType], undefined, false);

function stream(rt: Runtime, file: PyValue | undefined): ((text: string) => void) | null {
  if (file === undefined || file === None) return null;
  return (text) => {
    rt.callMethod1(file, "write", text);
  };
}

const print = nativeFunction("print", (args, kw, rt) => {
  let sep = " ";
  let end = "\n";
  let out: ((t: string) => void) | null = null;
  if (kw !== null) {
    for (const [k, v] of kw) {
      if (k === "sep") {
        if (v !== None && typeof v !== "string") throw E.typeError(`sep must be None or a string, not ${typeOf(v).name}`);
        if (v !== None) sep = v as string;
      } else if (k === "end") {
        if (v !== None && typeof v !== "string") throw E.typeError(`end must be None or a string, not ${typeOf(v).name}`);
        if (v !== None) end = v as string;
      } else if (k === "file") {
        out = stream(rt, v);
      } else if (k !== "flush") {
        throw E.typeError(`'${k}' is an invalid keyword argument for print()`);
      }
    }
  }
  let text = "";
  for (let i = 0; i < args.length; i++) {
    if (i > 0) text += sep;
    text += rt.str(args[i]);
  }
  text += end;
  if (out === null) out = reassignedStdout(rt);
  if (out === null) rt.stdout(text);
  else out(text);
  return None;
});

/** Where print goes after `sys.stdout = buf` or inside contextlib.redirect_stdout(buf); null: the session's stdout. */
function reassignedStdout(rt: Runtime): ((t: string) => void) | null {
  const cur = rt.modules.get("sys")?.scope.get("stdout");
  if (cur === undefined || (cur instanceof TextStream && cur.name === "stdout")) return null;
  return stream(rt, cur);
}

function keyArg(kw: Kwargs | null, fname: string, allowed: string[]): Map<string, PyValue> {
  const m = new Map<string, PyValue>();
  if (kw === null) return m;
  for (const [k, v] of kw) {
    if (!allowed.includes(k)) throw E.typeError(`${fname}() got an unexpected keyword argument '${k}'`);
    m.set(k, v);
  }
  return m;
}

function minmax(name: "min" | "max", args: PyValue[], kw: Kwargs | null, rt: Runtime): PyValue {
  const opts = keyArg(kw, name, ["key", "default"]);
  const key = opts.get("key") ?? None;
  let items: PyValue[];
  if (args.length === 0) throw E.typeError(`${name} expected at least 1 argument, got 0`);
  if (args.length === 1) {
    items = rt.toArray(args[0]);
    if (items.length === 0) {
      const d = opts.get("default");
      if (d !== undefined) return d;
      throw E.valueError(`${name}() arg is an empty sequence`);
    }
  } else {
    if (opts.has("default")) throw E.typeError(`Cannot specify a default for ${name}() with multiple positional arguments`);
    items = args;
  }
  let best = items[0];
  let bestKey = key === None ? best : rt.call1(key, best);
  // A str best without units >= 0xD800 compares natively with any str (see str-order.ts): tested
  // once per new best rather than once per comparison.
  let nativeBest = typeof bestKey === "string" && comparesNatively(bestKey);
  for (let i = 1; i < items.length; i++) {
    const v = items[i];
    const k = key === None ? v : rt.call1(key, v);
    let better: boolean;
    if (nativeBest && typeof k === "string") better = name === "min" ? k < (bestKey as string) : k > (bestKey as string);
    else better = name === "min" ? rt.lessThan(k, bestKey) : rt.truthy(rt.gt(k, bestKey));
    if (better) {
      best = v;
      bestKey = k;
      nativeBest = typeof k === "string" && comparesNatively(k);
    }
  }
  return best;
}

function sum(args: PyValue[], kw: Kwargs | null, rt: Runtime): PyValue {
  if (args.length === 0) throw E.typeError("sum() takes at least 1 positional argument (0 given)");
  const [iterable, startArg] = parseArgs("sum", args, kw, { names: ["iterable", "start"], required: 1, posonly: 1 });
  let acc: PyValue = startArg ?? 0;
  if (typeof acc === "string") throw E.typeError("sum() can't sum strings [use ''.join(seq) instead]");
  const it = rt.iter(iterable as PyValue);
  for (let v = it.next(); v !== undefined; v = it.next()) {
    acc = rt.add(acc, v);
    rt.tick();
  }
  return acc;
}

function isinstanceCheck(rt: Runtime, v: PyValue, t: PyValue, fname: string): boolean {
  if (t instanceof PyType) return typeOf(v).isSubtypeOf(t);
  if (t instanceof PyTuple) return t.items.some((x) => isinstanceCheck(rt, v, x, fname));
  const hook = typeOf(t).lookup("__instancecheck__");
  if (hook !== undefined && typeOf(t) !== typeType) return rt.truthy(rt.callBound(hook, t, [v]));
  throw E.typeError(`${fname}() arg 2 must be a type, a tuple of types, or a union`);
}

function issubclassCheck(rt: Runtime, c: PyValue, t: PyValue): boolean {
  if (!(c instanceof PyType)) throw E.typeError("issubclass() arg 1 must be a class");
  if (t instanceof PyType) return c.isSubtypeOf(t);
  if (t instanceof PyTuple) return t.items.some((x) => issubclassCheck(rt, c, x));
  throw E.typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
}

function intToBase(rt: Runtime, v: PyValue, radix: number, prefix: string): string {
  const i = asInt(v) ?? rt.asIndex(v, `'${typeOf(v).name}' object cannot be interpreted as an integer`);
  const b = N.big(i);
  const neg = b < 0n;
  return `${neg ? "-" : ""}${prefix}${(neg ? -b : b).toString(radix)}`;
}

function attrName(v: PyValue): string {
  if (typeof v !== "string") throw E.typeError(`attribute name must be string, not '${typeOf(v).name}'`);
  return v;
}

function absValue(rt: Runtime, v: PyValue): PyValue {
  if (typeof v === "number") return Math.abs(v);
  if (typeof v === "bigint") return v < 0n ? N.norm(-v) : v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof PyFloat && v.cls === floatType) return new PyFloat(Math.abs(v.v));
  const f = typeOf(v).lookup("__abs__");
  if (f === undefined) throw E.typeError(`bad operand type for abs(): '${typeOf(v).name}'`);
  return rt.callBound(f, v, []);
}

function roundValue(rt: Runtime, args: PyValue[], kw: Kwargs | null): PyValue {
  const [x, nd] = parseArgs("round", args, kw, { names: ["number", "ndigits"], required: 1 });
  const v = x as PyValue;
  const f = typeOf(v).lookup("__round__");
  if (f === undefined) throw E.typeError(`type ${tpName(typeOf(v))} doesn't define __round__ method`);
  return rt.callBound(f, v, nd === undefined || nd === None ? [] : [nd]);
}

function powValue(rt: Runtime, args: PyValue[], kw: Kwargs | null): PyValue {
  const [base, exp, mod] = parseArgs("pow", args, kw, { names: ["base", "exp", "mod"], required: 2 });
  if (mod === undefined || mod === None) return rt.pow(base as PyValue, exp as PyValue);
  const a = asInt(base as PyValue);
  const b = asInt(exp as PyValue);
  const m = asInt(mod);
  if (a === undefined || b === undefined || m === undefined) {
    throw E.typeError("pow() 3rd argument not allowed unless all arguments are integers");
  }
  return N.intPowMod(a, b, m);
}

function makeIter(step: () => PyValue | undefined, type: PyType): PyIterator {
  return new PyIterator(step, type);
}

function zip(args: PyValue[], kw: Kwargs | null, rt: Runtime): PyValue {
  const opts = keyArg(kw, "zip", ["strict"]);
  const strict = opts.has("strict") && rt.truthy(opts.get("strict") as PyValue);
  const its = args.map((a) => rt.iter(a));
  if (its.length === 0) return makeIter(() => undefined, zipType);
  return makeIter(() => {
    const row: PyValue[] = [];
    for (let i = 0; i < its.length; i++) {
      const v = its[i].next();
      if (v === undefined) {
        if (strict) {
          if (i > 0) throw E.valueError(`zip() argument ${i + 1} is shorter than argument${i > 1 ? "s 1-" + i : " 1"}`);
          for (let j = 1; j < its.length; j++) {
            if (its[j].next() !== undefined) {
              throw E.valueError(`zip() argument ${j + 1} is longer than argument${j > 1 ? "s 1-" + j : " 1"}`);
            }
          }
        }
        return undefined;
      }
      row.push(v);
    }
    return new PyTuple(row);
  }, zipType);
}

function nextValue(args: PyValue[], kw: Kwargs | null, rt: Runtime): PyValue {
  rangeArgs("next", args, kw, 1, 2);
  const it = args[0];
  if (it instanceof PyIterator) {
    const v = it.next();
    if (v !== undefined) return v;
    if (args.length > 1) return args[1];
    throw exhausted(it);
  }
  const f = typeOf(it).lookup("__next__");
  if (f === undefined) throw E.typeError(`'${typeOf(it).name}' object is not an iterator`);
  try {
    return rt.callBound(f, it, []);
  } catch (e) {
    if (args.length > 1 && e instanceof PyObject && e.cls.isSubtypeOf(E.StopIteration)) return args[1];
    throw e;
  }
}

function reversedValue(rt: Runtime, v: PyValue): PyValue {
  if (v instanceof PyList || v instanceof PyTuple || typeof v === "string") {
    const items = typeof v === "string" ? [...v] : v.items;
    let i = items.length - 1;
    if (v instanceof PyList) return makeIter(() => (i >= 0 && i < v.items.length ? v.items[i--] : undefined), listReverseIteratorType);
    return makeIter(() => (i >= 0 ? items[i--] : undefined), reversedType);
  }
  const f = typeOf(v).lookup("__reversed__");
  if (f !== undefined) return rt.callBound(f, v, []);
  if (typeOf(v).lookup("__len__") !== undefined && typeOf(v).lookup("__getitem__") !== undefined) {
    let i = rt.len(v) - 1;
    return makeIter(() => (i >= 0 ? rt.getitem(v, i--) : undefined), reversedType);
  }
  throw E.typeError(`'${typeOf(v).name}' object is not reversible`);
}

function varsValue(rt: Runtime, args: PyValue[]): PyValue {
  if (args.length === 0) throw E.typeError("vars() without arguments is not supported in Kernel Lab");
  try {
    return rt.getattr(args[0], "__dict__");
  } catch (e) {
    if (e instanceof PyObject && e.cls.isSubtypeOf(E.AttributeError)) throw E.typeError("vars() argument must have __dict__ attribute");
    throw e;
  }
}

/** Everything in builtins, by name. */
export function builtinValues(): [string, PyValue][] {
  const fns: [string, (args: PyValue[], kw: Kwargs | null, rt: Runtime) => PyValue][] = [
    // The site module's exit()/quit(), as scripts call them: SystemExit like sys.exit.
    ["exit", (args, kw) => {
      rangeArgs("exit", args, kw, 0, 1);
      throw E.pyException(E.SystemExit, ...args);
    }],
    ["quit", (args, kw) => {
      rangeArgs("quit", args, kw, 0, 1);
      throw E.pyException(E.SystemExit, ...args);
    }],
    ["len", (args, kw, rt) => {
      exactArgs("len", args, kw, 1);
      return rt.len(args[0]);
    }],
    ["repr", (args, kw, rt) => {
      exactArgs("repr", args, kw, 1);
      return rt.repr(args[0]);
    }],
    ["ascii", (args, kw, rt) => {
      exactArgs("ascii", args, kw, 1);
      return rt.ascii(args[0]);
    }],
    ["format", (args, kw, rt) => {
      const [v, spec] = parseArgs("format", args, kw, { names: ["value", "format_spec"], required: 1, posonly: 2 });
      if (spec !== undefined && typeof spec !== "string") throw E.typeError(`format() argument 2 must be str, not ${typeOf(spec).name}`);
      return rt.format(v as PyValue, (spec as string | undefined) ?? "");
    }],
    ["abs", (args, kw, rt) => {
      exactArgs("abs", args, kw, 1);
      return absValue(rt, args[0]);
    }],
    ["round", (args, kw, rt) => roundValue(rt, args, kw)],
    ["divmod", (args, kw, rt) => {
      exactArgs("divmod", args, kw, 2);
      return divmod(rt, args[0], args[1]);
    }],
    ["pow", (args, kw, rt) => powValue(rt, args, kw)],
    ["min", (args, kw, rt) => minmax("min", args, kw, rt)],
    ["max", (args, kw, rt) => minmax("max", args, kw, rt)],
    ["sum", sum],
    ["sorted", (args, kw, rt) => {
      if (args.length !== 1) throw E.typeError(`sorted expected 1 argument, got ${args.length}`);
      const opts = keyArg(kw, "sort", ["key", "reverse"]);
      const rev = opts.get("reverse");
      return new PyList(sortValues(rt, rt.toArray(args[0]), opts.get("key") ?? None, rev !== undefined && rt.truthy(rev)));
    }],
    ["reversed", (args, kw, rt) => {
      exactArgs("reversed", args, kw, 1);
      return reversedValue(rt, args[0]);
    }],
    ["enumerate", (args, kw, rt) => {
      const [it, start] = parseArgs("enumerate", args, kw, { names: ["iterable", "start"], required: 1, showPosition: false });
      const src = rt.iter(it as PyValue);
      let i: PyValue = start === undefined ? 0 : (asInt(start) ?? rt.asIndex(start, `'${typeOf(start).name}' object cannot be interpreted as an integer`));
      return makeIter(() => {
        const v = src.next();
        if (v === undefined) return undefined;
        const t = new PyTuple([i, v]);
        i = rt.add(i, 1);
        return t;
      }, enumerateType);
    }],
    ["zip", zip],
    ["map", (args, kw, rt) => {
      if (kw !== null && kw.size > 0) throw E.typeError("map() takes no keyword arguments");
      if (args.length < 2) throw E.typeError("map() must have at least two arguments.");
      const f = args[0];
      const its = args.slice(1).map((a) => rt.iter(a));
      if (its.length === 1) {
        const it = its[0];
        return makeIter(() => {
          const v = it.next();
          return v === undefined ? undefined : rt.call1(f, v);
        }, mapType);
      }
      return makeIter(() => {
        const row: PyValue[] = [];
        for (const it of its) {
          const v = it.next();
          if (v === undefined) return undefined;
          row.push(v);
        }
        return rt.call(f, row, null);
      }, mapType);
    }],
    ["filter", (args, kw, rt) => {
      exactArgs("filter", args, kw, 2);
      const [f, src] = args;
      const it = rt.iter(src);
      return makeIter(() => {
        for (let v = it.next(); v !== undefined; v = it.next()) {
          if (f === None ? rt.truthy(v) : rt.truthy(rt.call1(f, v))) return v;
        }
        return undefined;
      }, filterType);
    }],
    ["any", (args, kw, rt) => {
      exactArgs("any", args, kw, 1);
      const it = rt.iter(args[0]);
      for (let v = it.next(); v !== undefined; v = it.next()) {
        if (rt.truthy(v)) return true;
        rt.tick();
      }
      return false;
    }],
    ["all", (args, kw, rt) => {
      exactArgs("all", args, kw, 1);
      const it = rt.iter(args[0]);
      for (let v = it.next(); v !== undefined; v = it.next()) {
        if (!rt.truthy(v)) return false;
        rt.tick();
      }
      return true;
    }],
    ["isinstance", (args, kw, rt) => {
      exactArgs("isinstance", args, kw, 2);
      return isinstanceCheck(rt, args[0], args[1], "isinstance");
    }],
    ["issubclass", (args, kw, rt) => {
      exactArgs("issubclass", args, kw, 2);
      return issubclassCheck(rt, args[0], args[1]);
    }],
    ["hasattr", (args, kw, rt) => {
      exactArgs("hasattr", args, kw, 2);
      return rt.hasattr(args[0], attrName(args[1]));
    }],
    ["getattr", (args, kw, rt) => {
      rangeArgs("getattr", args, kw, 2, 3);
      const name = attrName(args[1]);
      if (args.length === 2) return rt.getattr(args[0], name);
      try {
        return rt.getattr(args[0], name);
      } catch (e) {
        if (e instanceof PyObject && e.cls.isSubtypeOf(E.AttributeError)) return args[2];
        throw e;
      }
    }],
    ["setattr", (args, kw, rt) => {
      exactArgs("setattr", args, kw, 3);
      rt.setattr(args[0], attrName(args[1]), args[2]);
      return None;
    }],
    ["delattr", (args, kw, rt) => {
      exactArgs("delattr", args, kw, 2);
      rt.delattr(args[0], attrName(args[1]));
      return None;
    }],
    ["iter", (args, kw, rt) => {
      rangeArgs("iter", args, kw, 1, 2);
      if (args.length === 1) return rt.iter(args[0]);
      const [f, sentinel] = args;
      let done = false;
      return makeIter(() => {
        if (done) return undefined;
        const v = rt.call0(f);
        if (v === sentinel || rt.equal(v, sentinel)) {
          done = true;
          return undefined;
        }
        return v;
      }, iteratorType);
    }],
    ["next", nextValue],
    ["id", (args, kw, rt) => {
      exactArgs("id", args, kw, 1);
      return rt.id(args[0]);
    }],
    ["hash", (args, kw, rt) => {
      exactArgs("hash", args, kw, 1);
      return pythonHash(rt, args[0]);
    }],
    ["callable", (args, kw) => {
      exactArgs("callable", args, kw, 1);
      const v = args[0];
      return typeof v === "object" && (v instanceof PyType || typeOf(v).lookup("__call__") !== undefined || v.cls.name === "function" || v.cls.name === "builtin_function_or_method" || v.cls.name === "method");
    }],
    ["chr", (args, kw) => {
      exactArgs("chr", args, kw, 1);
      const i = asInt(args[0]);
      if (i === undefined) throw E.typeError(`'${typeOf(args[0]).name}' object cannot be interpreted as an integer`);
      const n = Number(i);
      if (n > 2 ** 31 - 1 || n < -(2 ** 31)) throw E.overflowError("Python int too large to convert to C int");
      if (n < 0 || n > 0x10ffff) throw E.valueError("chr() arg not in range(0x110000)");
      return String.fromCodePoint(n);
    }],
    ["ord", (args, kw) => {
      exactArgs("ord", args, kw, 1);
      const s = args[0];
      if (typeof s !== "string") throw E.typeError(`ord() expected string of length 1, but ${typeOf(s).name} found`);
      const cps = [...s];
      if (cps.length !== 1) throw E.typeError(`ord() expected a character, but string of length ${cps.length} found`);
      return cps[0].codePointAt(0) ?? 0;
    }],
    ["hex", (args, kw, rt) => {
      exactArgs("hex", args, kw, 1);
      return intToBase(rt, args[0], 16, "0x");
    }],
    ["oct", (args, kw, rt) => {
      exactArgs("oct", args, kw, 1);
      return intToBase(rt, args[0], 8, "0o");
    }],
    ["bin", (args, kw, rt) => {
      exactArgs("bin", args, kw, 1);
      return intToBase(rt, args[0], 2, "0b");
    }],
    ["dir", (args, kw, rt) => {
      rangeArgs("dir", args, kw, 0, 1);
      if (args.length === 0) throw E.typeError("dir() without arguments is not supported in Kernel Lab");
      const v = args[0];
      if (typeof v === "object" && v.cls.name === "module") {
        return new PyList([...(rt.getattr(v, "__dict__") as PyObject & { table: { keys(): PyValue[] } }).table.keys()].sort((a, b) => strCompare(a as string, b as string)));
      }
      return new PyList(dirNames(v));
    }],
    ["vars", (args, _kw, rt) => varsValue(rt, args)],
  ];
  const out: [string, PyValue][] = fns.map(([name, impl]) => [name, nativeFunction(name, impl)]);
  out.push(["print", print]);
  const types: [string, PyType][] = [
    ["object", objectType], ["type", typeType], ["int", intType], ["float", floatType], ["bool", boolType],
    ["str", strType], ["list", listType], ["tuple", tupleType], ["dict", dictType], ["set", setType],
    ["frozenset", frozensetType], ["range", rangeType], ["slice", sliceType], ["property", propertyType],
    ["staticmethod", staticMethodType], ["classmethod", classMethodType], ["super", superType],
  ];
  out.push(...types);
  for (const t of E.exceptionTypes) out.push([t.name, t]);
  out.push(["None", None], ["NotImplemented", NotImplemented], ["Ellipsis", Ellipsis], ["__debug__", true]);
  return out;
}

export { toIntValue };
