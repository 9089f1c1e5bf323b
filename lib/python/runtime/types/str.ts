/*
 * str: constructor, operator slots and the methods Kernel Lab programs use, including str.format.
 */

import { allChars, isAlnumChar, isAlphaChar, isDecimalChar, isDigitChar, isIdentifier, isNumericChar, isPrintableChar, isSpaceChar } from "../unicode-classes";
import { CASEFOLD_EXCEPTIONS, CASE_CLASS_EXCEPTIONS, LOWER_EXCEPTIONS, TITLE_EXCEPTIONS, UPPER_EXCEPTIONS } from "../case-map.generated";
import { parseArgs } from "../binding";
import { arities, exactArgs, method, rangeArgs } from "../define";
import { MAX_SEQUENCE_LENGTH, checkSequenceLength, indexError, keyError, memoryError, overflowError, typeError, valueError } from "../errors";
import {
  None,
  NotImplemented,
  PyBuiltin,
  PyDict,
  PyList,
  PyStaticMethod,
  PyTuple,
  strType,
  typeOf,
  type Kwargs,
  type PyValue,
} from "../objects";
import type { Runtime } from "../runtime";
import { astralOffsets, codePointIndex, codePointLength, isAscii, unitOffset } from "../codepoints";
import { strLess } from "../str-order";
import { asInt } from "./numbers";

const s = (v: PyValue): string => v as string;

/** V8's longest string; beyond it a JS RangeError would escape, so Python gets MemoryError first. */
export const MAX_STRING_LENGTH = (1 << 29) - 24;

function argStr(fname: string, v: PyValue, pos = 1): string {
  if (typeof v !== "string") throw typeError(`${fname}() argument ${pos} must be str, not ${typeOf(v).name}`);
  return v;
}

const removalArg = (fname: string, v: PyValue): string => {
  if (typeof v !== "string") throw typeError(`${fname}() argument must be str, not ${typeOf(v).name}`);
  return v;
};

/** The substring argument of find/index/count/partition, whose error CPython words without the method. */
function subStr(v: PyValue): string {
  if (typeof v !== "string") throw typeError(`must be str, not ${typeOf(v).name}`);
  return v;
}

strType.alloc = (_cls, args, kw, rt) => {
  const [obj] = parseArgs("str", args, kw, { names: ["object", "encoding", "errors"] });
  return obj === undefined ? "" : rt.str(obj);
};

/** Clamp optional start/end arguments the way str.find & co. do. */
function span(rt: Runtime, len: number, start: PyValue | undefined, end: PyValue | undefined): [number, number] {
  const conv = (v: PyValue | undefined, dflt: number): number => {
    if (v === undefined || v === None) return dflt;
    let i = rt.asIndex(v, "slice indices must be integers or None or have an __index__ method");
    if (i < 0) i = Math.max(0, i + len);
    return Math.min(i, len);
  };
  return [conv(start, 0), conv(end, len)];
}

/**
 * `span` for a str's optional start/end arguments (code points), as UTF-16 offsets into `t`, with
 * `t`'s code point offsets (null when they are its UTF-16 offsets).
 */
function unitSpan(rt: Runtime, t: string, start: PyValue | undefined, end: PyValue | undefined): [number, number, Uint32Array | null] {
  const offsets = astralOffsets(t);
  const [a, b] = span(rt, offsets === null ? t.length : offsets.length - 1, start, end);
  return [unitOffset(offsets, a), unitOffset(offsets, b), offsets];
}

method(strType, "__len__", (self) => codePointLength(s(self)));
method(strType, "__getitem__", (self, args, _k, rt) => rt.getitem(self, args[0]));
method(strType, "__contains__", (self, args, _k, rt) => rt.contains(self, args[0]));
method(strType, "__iter__", (self, _a, _k, rt) => rt.iter(self));
method(strType, "__hash__", (self, _a, _k, rt) => rt.hash(self));
method(strType, "__str__", (self) => self);
method(strType, "__repr__", (self, _a, _k, rt) => rt.repr(self));
method(strType, "__format__", (self, args, _k, rt) => rt.format(self, argStr("format", args[0])));
method(strType, "__add__", (self, args) => (typeof args[0] === "string" ? s(self) + args[0] : NotImplemented));
method(strType, "__mul__", (self, args, _k, rt) => repeatStr(rt, s(self), args[0]));
method(strType, "__rmul__", (self, args, _k, rt) => repeatStr(rt, s(self), args[0]));
method(strType, "__mod__", (self, args, _k, rt) => rt.percentFormat(s(self), args[0]));
for (const [name, test] of [
  ["__eq__", (a: string, b: string) => a === b],
  ["__ne__", (a: string, b: string) => a !== b],
  ["__lt__", (a: string, b: string) => strLess(a, b)],
  ["__le__", (a: string, b: string) => !strLess(b, a)],
  ["__gt__", (a: string, b: string) => strLess(b, a)],
  ["__ge__", (a: string, b: string) => !strLess(a, b)],
] as const) {
  method(strType, name, (self, args) => (typeof args[0] === "string" ? test(s(self), args[0]) : NotImplemented));
}

function repeatStr(rt: Runtime, str: string, n: PyValue): PyValue {
  const k = asInt(n);
  if (typeof k === "bigint") throw overflowError("cannot fit 'int' into an index-sized integer");
  if (k === undefined) {
    if (typeof n === "object" && typeOf(n).lookup("__index__") !== undefined) return repeatStr(rt, str, rt.asIndex(n, ""));
    return NotImplemented;
  }
  const count = Number(k);
  if (count <= 0 || str.length === 0) return "";
  rt.charge(str.length * count * 2);
  if (str.length * count > MAX_STRING_LENGTH) throw memoryError();
  rt.chargeString(str.length * count);
  return str.repeat(count);
}

// ---- case and classification --------------------------------------------------------------------

/** One code point's char class entry for a RegExp. */
const classEntry = (cp: number): string => `\\u{${cp.toString(16)}}`;

/** A test for strings holding any of the exceptions' code points (most strings hold none). */
const holdsAny = (exceptions: ReadonlyMap<number, string>): RegExp => new RegExp(`[${[...exceptions.keys()].map(classEntry).join("")}]`, "u");
const UPPER_RE = holdsAny(UPPER_EXCEPTIONS);
const LOWER_RE = holdsAny(LOWER_EXCEPTIONS);

/**
 * CPython's case mapping of t: JavaScript's conversion over stretches without exceptions (keeping
 * its context rules, such as lower()'s final sigma, which CPython applies too), the generated
 * table's mapping for the code points where CPython's Unicode data differs (case-map.gen.ts).
 */
function mapCase(t: string, convert: (x: string) => string, exceptions: ReadonlyMap<number, string>, holds: RegExp): string {
  if (!holds.test(t)) return convert(t);
  let out = "";
  let start = 0;
  for (let i = 0; i < t.length; ) {
    const cp = t.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    const mapped = exceptions.get(cp);
    if (mapped !== undefined) {
      out += convert(t.slice(start, i)) + mapped;
      start = i + width;
    }
    i += width;
  }
  return out + convert(t.slice(start));
}

const pyUpper = (t: string): string => mapCase(t, (x) => x.toUpperCase(), UPPER_EXCEPTIONS, UPPER_RE);
const pyLower = (t: string): string => mapCase(t, (x) => x.toLowerCase(), LOWER_EXCEPTIONS, LOWER_RE);
/** Full case folding, code point by code point (no final-sigma context: casefold("Σ") is always "σ"). */
const pyCasefold = (t: string): string => {
  let out = "";
  for (const c of t) out += CASEFOLD_EXCEPTIONS.get(c.codePointAt(0) as number) ?? c.toUpperCase().toLowerCase();
  return out;
};
/** Titlecase of one character (ǆ -> ǅ, ß -> Ss, ﬁ -> Fi). */
const toTitle = (c: string): string => TITLE_EXCEPTIONS.get(c.codePointAt(0) as number) ?? c.toUpperCase();

method(strType, "upper", (self) => pyUpper(s(self)));
method(strType, "lower", (self) => pyLower(s(self)));
method(strType, "casefold", (self) => pyCasefold(s(self)));
/** Unicode's Cased property (Uppercase, Lowercase or Lt), as CPython's title() and final sigma use it. */
const isCased = (c: string): boolean => caseClass(c) !== "none";
// Letters that case mappings step over when looking for the neighbours of a sigma.
const CASE_IGNORABLE = /^[\p{Mn}\p{Me}\p{Cf}\p{Lm}\p{Sk}'.:\u00b7\u2019]$/u;

/** Unicode's Final_Sigma: a cased letter before index i and none after (case-ignorables skipped). */
function finalSigma(chars: readonly string[], i: number): boolean {
  let before = false;
  for (let j = i - 1; j >= 0; j--) {
    if (CASE_IGNORABLE.test(chars[j])) continue;
    before = isCased(chars[j]);
    break;
  }
  if (!before) return false;
  for (let j = i + 1; j < chars.length; j++) {
    if (CASE_IGNORABLE.test(chars[j])) continue;
    return !isCased(chars[j]);
  }
  return true;
}

/** Lowercase of chars[i] in its context (the capital sigma becomes final or medial). */
const lowerAt = (chars: readonly string[], i: number): string => (chars[i] === "\u03a3" ? (finalSigma(chars, i) ? "\u03c2" : "\u03c3") : pyLower(chars[i]));

// Uppercase letters become lowercase and lowercase uppercase; titlecase letters (ǅ) stay.
method(strType, "swapcase", (self) => {
  const chars = codePointArray(s(self));
  return chars.map((c, i) => (pyUpper(c) === c && pyLower(c) !== c ? lowerAt(chars, i) : pyLower(c) === c && pyUpper(c) !== c ? pyUpper(c) : c)).join("");
});
method(strType, "capitalize", (self) => {
  const chars = codePointArray(s(self));
  return chars.map((c, i) => (i === 0 ? toTitle(c) : lowerAt(chars, i))).join("");
});
method(strType, "title", (self) => titleCase(s(self)));

function titleCase(t: string): string {
  const chars = codePointArray(t);
  let out = "";
  let prevCased = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const cased = isCased(c);
    out += cased ? (prevCased ? lowerAt(chars, i) : toTitle(c)) : c;
    prevCased = cased;
  }
  return out;
}

// ASCII strings take a regexp; others the generated ranges of CPython's Unicode data.
const predicate = (name: string, ascii: RegExp, test: (cp: number) => boolean, empty = false): void => {
  method(strType, name, (self) => {
    const t = s(self);
    // eslint-disable-next-line no-control-regex
    return /^[\x00-\x7f]*$/.test(t) ? (t.length === 0 ? empty : ascii.test(t)) : allChars(t, test, empty);
  });
};
predicate("isdigit", /^[0-9]+$/, isDigitChar);
predicate("isdecimal", /^[0-9]+$/, isDecimalChar);
predicate("isnumeric", /^[0-9]+$/, isNumericChar);
predicate("isalpha", /^[A-Za-z]+$/, isAlphaChar);
predicate("isalnum", /^[A-Za-z0-9]+$/, isAlnumChar);
// eslint-disable-next-line no-control-regex
predicate("isspace", /^[ \t\n\r\x0b\x0c\x1c-\x1f]+$/, isSpaceChar);
predicate("isprintable", /^[\x20-\x7e]*$/, isPrintableChar, true);
method(strType, "isascii", (self) => isAscii(s(self)));
method(strType, "isidentifier", (self) => isIdentifier(s(self)));
/**
 * A character's case class as CPython's isupper/islower/istitle see it (Uppercase, Lowercase or Lt
 * property), from JavaScript's Unicode properties corrected to CPython's Unicode data.
 */
function caseClass(c: string): string {
  const fixed = CASE_CLASS_EXCEPTIONS.get(c.codePointAt(0) as number);
  if (fixed !== undefined) return fixed;
  return /\p{Lt}/u.test(c) ? "title" : /\p{Uppercase}/u.test(c) ? "upper" : /\p{Lowercase}/u.test(c) ? "lower" : "none";
}
/** isupper (want "upper") / islower (want "lower"): some cased character, and all of that case. */
function allCasedAre(t: string, want: "upper" | "lower"): boolean {
  let cased = false;
  for (const c of t) {
    const k = caseClass(c);
    if (k === want) cased = true;
    else if (k !== "none") return false;
  }
  return cased;
}
method(strType, "isupper", (self) => allCasedAre(s(self), "upper"));
method(strType, "islower", (self) => allCasedAre(s(self), "lower"));
// Uppercase and titlecase letters only after uncased characters, lowercase ones only after cased.
method(strType, "istitle", (self) => {
  let cased = false;
  let previousCased = false;
  for (const c of s(self)) {
    const k = caseClass(c);
    if (k === "upper" || k === "title") {
      if (previousCased) return false;
      previousCased = cased = true;
    } else if (k === "lower") {
      if (!previousCased) return false;
      previousCased = cased = true;
    } else {
      previousCased = false;
    }
  }
  return cased;
});

// ---- searching ---------------------------------------------------------------------------------

function findImpl(rt: Runtime, name: string, self: PyValue, args: PyValue[], fromRight: boolean): number {
  rangeArgs(name, args, null, 1, 3);
  const sub = subStr(args[0]);
  const t = s(self);
  const [start, end, offsets] = unitSpan(rt, t, args[1], args[2]);
  if (end - start < sub.length) return -1;
  const region = t.slice(start, end);
  const i = fromRight ? region.lastIndexOf(sub) : region.indexOf(sub);
  return i < 0 ? -1 : codePointIndex(offsets, i + start);
}
method(strType, "find", (self, args, _k, rt) => findImpl(rt, "find", self, args, false));
method(strType, "rfind", (self, args, _k, rt) => findImpl(rt, "rfind", self, args, true));
method(strType, "index", (self, args, _k, rt) => {
  const i = findImpl(rt, "index", self, args, false);
  if (i < 0) throw valueError("substring not found");
  return i;
});
method(strType, "rindex", (self, args, _k, rt) => {
  const i = findImpl(rt, "rindex", self, args, true);
  if (i < 0) throw valueError("substring not found");
  return i;
});
method(strType, "count", (self, args, _k, rt) => {
  rangeArgs("count", args, null, 1, 3);
  const sub = subStr(args[0]);
  const t = s(self);
  const [start, end] = unitSpan(rt, t, args[1], args[2]);
  const region = t.slice(start, end);
  if (sub.length === 0) return end >= start ? codePointLength(region) + 1 : 0;
  let n = 0;
  for (let i = region.indexOf(sub); i >= 0; i = region.indexOf(sub, i + sub.length)) n++;
  return n;
});

function affix(name: string, fromEnd: boolean): void {
  method(strType, name, (self, args, _k, rt) => {
    rangeArgs(name, args, null, 1, 3);
    const t = s(self);
    const [start, end] = unitSpan(rt, t, args[1], args[2]);
    const region = t.slice(start, end);
    const test = (p: PyValue): boolean => {
      if (typeof p !== "string") {
        throw typeError(`${name} first arg must be str or a tuple of str, not ${typeOf(p).name}`);
      }
      if (start > t.length) return false;
      return fromEnd ? region.endsWith(p) : region.startsWith(p);
    };
    const p = args[0];
    if (p instanceof PyTuple) return p.items.some(test);
    return test(p);
  });
}
affix("startswith", false);
affix("endswith", true);

// ---- splitting and joining -----------------------------------------------------------------------

// eslint-disable-next-line no-control-regex
const WS = /[ \t\n\r\x0b\x0c\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

function splitWhitespace(t: string, maxsplit: number): string[] {
  const out: string[] = [];
  let i = 0;
  const n = t.length;
  while (i < n) {
    while (i < n && WS.test(t[i])) i++;
    if (i >= n) break;
    if (maxsplit >= 0 && out.length === maxsplit) {
      out.push(t.slice(i));
      return out;
    }
    const st = i;
    while (i < n && !WS.test(t[i])) i++;
    if (out.push(t.slice(st, i)) > MAX_SEQUENCE_LENGTH) throw memoryError();
  }
  return out;
}

function rsplitWhitespace(t: string, maxsplit: number): string[] {
  const out: string[] = [];
  let i = t.length;
  while (i > 0) {
    while (i > 0 && WS.test(t[i - 1])) i--;
    if (i <= 0) break;
    if (maxsplit >= 0 && out.length === maxsplit) {
      out.push(t.slice(0, i));
      break;
    }
    const end = i;
    while (i > 0 && !WS.test(t[i - 1])) i--;
    if (out.push(t.slice(i, end)) > MAX_SEQUENCE_LENGTH) throw memoryError();
  }
  return out.reverse();
}

function splitArgs(rt: Runtime, name: string, args: PyValue[], kw: Kwargs | null): [string | null, number] {
  const [sep, maxsplit] = parseArgs(name, args, kw, { names: ["sep", "maxsplit"] });
  const m = maxsplit === undefined ? -1 : rt.asIndex(maxsplit, `'${typeOf(maxsplit).name}' object cannot be interpreted as an integer`);
  if (sep === undefined || sep === None) return [null, m];
  if (typeof sep !== "string") throw typeError(`must be str or None, not ${typeOf(sep).name}`);
  const sp = sep;
  if (sp === "") throw valueError("empty separator");
  return [sp, m];
}

/** t.split(sep), refused with MemoryError past MAX_SEQUENCE_LENGTH pieces (V8 aborts on bigger arrays). */
function splitBounded(t: string, sep: string): string[] {
  const parts = t.split(sep, MAX_SEQUENCE_LENGTH + 1);
  checkSequenceLength(parts.length);
  return parts;
}

/** The code points of t as an array, refused with MemoryError past MAX_SEQUENCE_LENGTH. */
function codePointArray(t: string): string[] {
  checkSequenceLength(t.length);
  return [...t];
}

method(strType, "split", (self, args, kw, rt) => {
  const [sep, max] = splitArgs(rt, "split", args, kw);
  const t = s(self);
  if (sep === null) return new PyList(splitWhitespace(t, max));
  const parts = splitBounded(t, sep);
  if (max >= 0 && parts.length > max + 1) return new PyList([...parts.slice(0, max), parts.slice(max).join(sep)]);
  return new PyList(parts);
});
method(strType, "rsplit", (self, args, kw, rt) => {
  const [sep, max] = splitArgs(rt, "rsplit", args, kw);
  const t = s(self);
  if (sep === null) return new PyList(rsplitWhitespace(t, max));
  const parts = splitBounded(t, sep);
  if (max >= 0 && parts.length > max + 1) {
    const cut = parts.length - max;
    return new PyList([parts.slice(0, cut).join(sep), ...parts.slice(cut)]);
  }
  return new PyList(parts);
});
method(strType, "splitlines", (self, args, kw) => {
  const [keep] = parseArgs("splitlines", args, kw, { names: ["keepends"] });
  const keepends = keep !== undefined && keep !== false && keep !== 0;
  const t = s(self);
  const out: string[] = [];
  // eslint-disable-next-line no-control-regex
  const re = /\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]/g;
  let last = 0;
  for (let m = re.exec(t); m !== null; m = re.exec(t)) {
    if (out.push(t.slice(last, keepends ? m.index + m[0].length : m.index)) > MAX_SEQUENCE_LENGTH) throw memoryError();
    last = m.index + m[0].length;
  }
  if (last < t.length) out.push(t.slice(last));
  return new PyList(out);
});
method(strType, "join", (self, args, _k, rt) => {
  exactArgs("str.join", args, null, 1);
  if (!rt.isIterable(args[0])) throw typeError("can only join an iterable");
  const parts = rt.toArray(args[0]);
  for (let i = 0; i < parts.length; i++) {
    if (typeof parts[i] !== "string") {
      throw typeError(`sequence item ${i}: expected str instance, ${typeOf(parts[i]).name} found`);
    }
  }
  const sep = s(self);
  const total = parts.reduce<number>((n, p) => n + (p as string).length, 0) + sep.length * parts.length;
  rt.charge(total * 2);
  if (total > MAX_STRING_LENGTH) throw memoryError();
  return (parts as string[]).join(sep);
});
method(strType, "partition", (self, args) => {
  const sep = subStr(args[0]);
  if (sep === "") throw valueError("empty separator");
  const t = s(self);
  const i = t.indexOf(sep);
  return i < 0 ? new PyTuple([t, "", ""]) : new PyTuple([t.slice(0, i), sep, t.slice(i + sep.length)]);
});
method(strType, "rpartition", (self, args) => {
  const sep = subStr(args[0]);
  if (sep === "") throw valueError("empty separator");
  const t = s(self);
  const i = t.lastIndexOf(sep);
  return i < 0 ? new PyTuple(["", "", t]) : new PyTuple([t.slice(0, i), sep, t.slice(i + sep.length)]);
});

// ---- stripping, padding, replacing ---------------------------------------------------------------

function stripImpl(name: string, left: boolean, right: boolean): void {
  method(strType, name, (self, args) => {
    rangeArgs(name, args, null, 0, 1);
    const t = s(self);
    if (args[0] !== undefined && args[0] !== None && typeof args[0] !== "string") throw typeError(`${name} arg must be None or str`);
    const chars = args[0] === undefined || args[0] === None ? null : (args[0] as string);
    const strip = (c: string): boolean => (chars === null ? WS.test(c) : chars.includes(c));
    let i = 0;
    let j = t.length;
    if (left) while (i < j && strip(t[i])) i++;
    if (right) while (j > i && strip(t[j - 1])) j--;
    return t.slice(i, j);
  });
}
stripImpl("strip", true, true);
stripImpl("lstrip", true, false);
stripImpl("rstrip", false, true);

function padImpl(name: string, where: "left" | "right" | "center"): void {
  method(strType, name, (self, args, _k, rt) => {
    rangeArgs(name, args, null, 1, 2);
    const width = rt.asIndex(args[0], `'${typeOf(args[0]).name}' object cannot be interpreted as an integer`);
    let fill = " ";
    if (args[1] !== undefined) {
      fill = argStr(name, args[1], 2);
      if (codePointLength(fill) !== 1) throw typeError("The fill character must be exactly one character long");
    }
    const t = s(self);
    const length = codePointLength(t);
    if (width <= length) return t;
    rt.charge(width * 2);
    if (width > MAX_STRING_LENGTH) throw memoryError();
    const pad = width - length;
    if (where === "left") return t + fill.repeat(pad);
    if (where === "right") return fill.repeat(pad) + t;
    // CPython centres with the extra character on the left when the text length is odd.
    const leftPad = Math.floor(pad / 2) + (pad & width & 1);
    return fill.repeat(leftPad) + t + fill.repeat(pad - leftPad);
  });
}
padImpl("ljust", "left");
padImpl("rjust", "right");
padImpl("center", "center");

method(strType, "zfill", (self, args, _k, rt) => {
  exactArgs("zfill", args, null, 1);
  const width = rt.asIndex(args[0], `'${typeOf(args[0]).name}' object cannot be interpreted as an integer`);
  const t = s(self);
  const length = codePointLength(t);
  if (width <= length) return t;
  rt.charge(width * 2);
  if (width > MAX_STRING_LENGTH) throw memoryError();
  const sign = t[0] === "+" || t[0] === "-" ? t[0] : "";
  return sign + "0".repeat(width - length) + t.slice(sign.length);
});
method(strType, "replace", (self, args, _k, rt) => {
  rangeArgs("replace", args, null, 2, 3);
  const old = argStr("replace", args[0], 1);
  const neu = argStr("replace", args[1], 2);
  const count = args[2] === undefined ? -1 : rt.asIndex(args[2], "integer argument expected");
  const t = s(self);
  if (count < 0) {
    if (old === "") {
      rt.charge((t.length + 1) * neu.length * 2 + t.length * 2);
      return neu + codePointArray(t).join(neu) + (t.length > 0 ? neu : "");
    }
    let n = 0;
    for (let i = t.indexOf(old); i >= 0; i = t.indexOf(old, i + old.length)) n++;
    if (n * (neu.length - old.length) > 1 << 24) rt.charge((t.length + n * (neu.length - old.length)) * 2);
    // A function replacement: neu is inserted literally ("$&" in it is not a pattern).
    return t.replaceAll(old, () => neu);
  }
  let out = "";
  let i = 0;
  let done = 0;
  while (done < count) {
    const j = old === "" ? (i <= t.length ? i : -1) : t.indexOf(old, i);
    if (j < 0) break;
    out += t.slice(i, j) + neu;
    if (old === "") {
      if (j < t.length) out += t[j];
      i = j + 1;
    } else i = j + old.length;
    done++;
  }
  return out + t.slice(i);
});
method(strType, "removeprefix", (self, args) => {
  const p = removalArg("removeprefix", args[0]);
  const t = s(self);
  return p !== "" && t.startsWith(p) ? t.slice(p.length) : t;
});
method(strType, "removesuffix", (self, args) => {
  const p = removalArg("removesuffix", args[0]);
  const t = s(self);
  return p !== "" && t.endsWith(p) ? t.slice(0, t.length - p.length) : t;
});
method(strType, "expandtabs", (self, args, kw, rt) => {
  const [ts] = parseArgs("expandtabs", args, kw, { names: ["tabsize"] });
  const size = ts === undefined ? 8 : rt.asIndex(ts, "integer argument expected");
  let out = "";
  let col = 0;
  for (const c of s(self)) {
    if (c === "\t") {
      const n = size > 0 ? size - (col % size) : 0;
      out += " ".repeat(n);
      col += n;
    } else {
      out += c;
      col = c === "\n" || c === "\r" ? 0 : col + 1;
    }
  }
  return out;
});
method(strType, "encode", () => {
  throw typeError("bytes are not supported in Kernel Lab");
});
method(strType, "format", (self, args, kw, rt) => formatString(rt, s(self), args, kw));
method(strType, "format_map", (self, args, _k, rt) => {
  exactArgs("format_map", args, null, 1);
  return formatString(rt, s(self), [], null, args[0]);
});

// ---- str.format -------------------------------------------------------------------------------------

/** `template.format(*args, **kw)` (or format_map with `mapping`). */
export function formatString(rt: Runtime, template: string, args: PyValue[], kw: Kwargs | null, mapping?: PyValue): string {
  let auto = 0;
  let mode: "auto" | "manual" | null = null;
  const lookupField = (field: string): PyValue => {
    const m = /^([^.[]*)(.*)$/s.exec(field) as RegExpExecArray;
    const head = m[1];
    let rest = m[2];
    let value: PyValue;
    if (head === "") {
      if (mode === "manual") throw valueError("cannot switch from manual field specification to automatic field numbering");
      mode = "auto";
      if (auto >= args.length) throw indexError(`Replacement index ${auto} out of range for positional args tuple`);
      value = args[auto++];
    } else if (/^\d+$/.test(head)) {
      if (mode === "auto") throw valueError("cannot switch from automatic field numbering to manual field specification");
      mode = "manual";
      const i = Number(head);
      if (i >= args.length) throw indexError(`Replacement index ${i} out of range for positional args tuple`);
      value = args[i];
    } else if (mapping !== undefined) {
      value = rt.getitem(mapping, head);
    } else {
      const v = kw?.get(head);
      if (v === undefined) throw keyError(head);
      value = v;
    }
    while (rest !== "") {
      if (rest[0] === ".") {
        const am = /^\.([^.[]+)/.exec(rest);
        if (am === null) throw valueError("Empty attribute in format string");
        value = rt.getattr(value, am[1]);
        rest = rest.slice(am[0].length);
      } else {
        const close = rest.indexOf("]");
        if (close < 0) throw valueError("expected '}' before end of string");
        const key = rest.slice(1, close);
        if (key === "") throw valueError("Empty attribute in format string");
        value = rt.getitem(value, /^\d+$/.test(key) ? Number(key) : key);
        rest = rest.slice(close + 1);
        if (rest !== "" && rest[0] !== "." && rest[0] !== "[") {
          throw valueError("Only '.' or '[' may follow ']' in format field specifier");
        }
      }
    }
    return value;
  };
  const render = (tpl: string, depth: number): string => {
    // CPython expands nested specs at most two levels deep (build_string's recursion_depth of 2).
    if (depth >= 2) throw valueError("Max string recursion exceeded");
    let out = "";
    let i = 0;
    const n = tpl.length;
    while (i < n) {
      const c = tpl[i];
      if (c === "}") {
        if (tpl[i + 1] === "}") {
          out += "}";
          i += 2;
          continue;
        }
        throw valueError("Single '}' encountered in format string");
      }
      if (c !== "{") {
        out += c;
        i++;
        continue;
      }
      if (tpl[i + 1] === "{") {
        out += "{";
        i += 2;
        continue;
      }
      if (i + 1 >= n) throw valueError("Single '{' encountered in format string");
      const f = parseField(tpl, i + 1);
      i = f.end;
      let value = lookupField(f.name);
      const conv = f.conversion;
      if (conv === "r") value = rt.repr(value);
      else if (conv === "s") value = rt.str(value);
      else if (conv === "a") value = rt.ascii(value);
      else if (conv !== "") {
        const code = conv.codePointAt(0) ?? 0;
        throw valueError(`Unknown conversion specifier ${code > 32 && code < 127 ? conv : "\\x" + code.toString(16)}`);
      }
      let spec = f.spec;
      if (spec.includes("{")) spec = render(spec, depth + 1);
      out += rt.format(value, spec);
    }
    return out;
  };
  return render(template, 0);
}

interface ReplacementField {
  name: string;
  /** "" when absent. */
  conversion: string;
  spec: string;
  /** Index just past the field's closing brace. */
  end: number;
}

/**
 * One `{...}` replacement field starting after its `{`, scanned as CPython's parse_field does (so the
 * error for a malformed field is CPython's): the name ends at `}`, `:` or `!` outside `[...]`, the
 * conversion is one character, and the spec runs to the brace that balances the field's own.
 */
function parseField(tpl: string, start: number): ReplacementField {
  const n = tpl.length;
  let p = start;
  let c = "";
  scan: while (p < n) {
    c = tpl[p++];
    switch (c) {
      case "{":
        throw valueError("unexpected '{' in field name");
      case "[":
        while (p < n && tpl[p] !== "]") p++;
        continue;
      case "}":
      case ":":
      case "!":
        break scan;
    }
  }
  const name = tpl.slice(start, p - 1);
  if (c !== "!" && c !== ":") {
    if (c !== "}") throw valueError("expected '}' before end of string");
    return { name, conversion: "", spec: "", end: p };
  }
  let conversion = "";
  if (c === "!") {
    if (p >= n) throw valueError("end of string while looking for conversion specifier");
    conversion = String.fromCodePoint(tpl.codePointAt(p) ?? 0);
    p += conversion.length;
    if (p < n) {
      const d = tpl[p++];
      if (d === "}") return { name, conversion, spec: "", end: p };
      if (d !== ":") throw valueError("expected ':' after conversion specifier");
    }
  }
  const specStart = p;
  let count = 1;
  while (p < n) {
    const d = tpl[p++];
    if (d === "{") count++;
    else if (d === "}" && --count === 0) return { name, conversion, spec: tpl.slice(specStart, p - 1), end: p };
  }
  throw valueError("unmatched '{' in format spec");
}

// A static method: str.maketrans(...) and "".maketrans(...) take the same arguments.
strType.ns.set(
  "maketrans",
  new PyStaticMethod(
    new PyBuiltin("maketrans", (args, _k, rt) => {
  const d = new PyDict();
  if (args.length === 1 && args[0] instanceof PyDict) {
    for (const e of args[0].table.iterate()) {
      const k = typeof e.k === "string" ? (e.k.codePointAt(0) ?? 0) : e.k;
      d.table.set(k, e.v, rt);
    }
    return d;
  }
  const a = Array.from(argStr("maketrans", args[0]));
  const b = Array.from(argStr("maketrans", args[1], 2));
  if (a.length !== b.length) throw valueError("the first two maketrans arguments must have equal length");
  for (let i = 0; i < a.length; i++) d.table.set(a[i].codePointAt(0) ?? 0, b[i].codePointAt(0) ?? 0, rt);
  if (args[2] !== undefined) for (const c of argStr("maketrans", args[2], 3)) d.table.set(c.codePointAt(0) ?? 0, None, rt);
  return d;
    }),
  ),
);

method(strType, "translate", (self, args, _k, rt) => {
  const table = args[0];
  let out = "";
  for (const c of s(self)) {
    let r: PyValue;
    try {
      r = rt.getitem(table, c.codePointAt(0) ?? 0);
    } catch {
      out += c;
      continue;
    }
    if (r === None) continue;
    out += typeof r === "string" ? r : String.fromCodePoint(Number(r));
  }
  return out;
});

arities(strType, {
  partition: [1, 1], rpartition: [1, 1], removeprefix: [1, 1], removesuffix: [1, 1], upper: [0, 0], lower: [0, 0],
  casefold: [0, 0], swapcase: [0, 0], capitalize: [0, 0], title: [0, 0], isidentifier: [0, 0], isupper: [0, 0],
  islower: [0, 0], istitle: [0, 0], isdigit: [0, 0], isdecimal: [0, 0], isnumeric: [0, 0], isalpha: [0, 0], isalnum: [0, 0],
  isspace: [0, 0], isascii: [0, 0], isprintable: [0, 0], translate: [1, 1],
});
