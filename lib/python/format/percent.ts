/**
 * printf-style `str % args`, a port of CPython's PyUnicode_Format (Objects/unicodeobject.c) including its
 * argument-consumption order and error messages. The library does not know the runtime's object model:
 * the caller classifies each value and supplies str/repr/ascii and numeric conversions through hooks.
 */
import { doubleToString, type DoubleFormatCode } from "./double-to-string";
import { codePointLength, codePointPrefix, unitsAt } from "./code-points";
import { checkLength, FormatError } from "./errors";
import { intToFloat } from "./format-spec";

/** What the formatter needs to know about one Python value. */
export type PercentValue =
  | { kind: "int"; value: number | bigint }
  | { kind: "bool"; value: boolean }
  | { kind: "float"; value: number }
  | { kind: "str"; value: string }
  | { kind: "other" };

export interface PercentHooks<V> {
  classify(value: V): PercentValue;
  /** Python type name, for error messages ("str", "list", "numpy.float32"). */
  typeName(value: V): string;
  /** str()/repr()/ascii() of any value, primitives included (%s %r %a call them). */
  str(value: V): string;
  repr(value: V): string;
  ascii(value: V): string;
  /** `__index__` of a non-int value, or undefined when it has none (used by %x %o %X %c). */
  index(value: V): number | bigint | undefined;
  /** `int(value)` for a non-int, non-float number (`__int__`/`__index__`), undefined if not a number. */
  int(value: V): number | bigint | undefined;
  /** `float(value)` via `__float__`/`__index__` for a non-float value, undefined if impossible. */
  float(value: V): number | undefined;
  /** The tuple's items when `value` is a tuple (the argument list), otherwise undefined. */
  tupleItems(value: V): readonly V[] | undefined;
  /** True for mappings usable with %(name)s: anything with __getitem__ that is neither tuple nor str. */
  isMapping(value: V): boolean;
  /** mapping[key]; raises the runtime's KeyError itself. */
  getItem(mapping: V, key: string): V;
}

interface ArgState<V> {
  args: V;
  items: readonly V[] | undefined;
  argLen: number;
  argIdx: number;
}

const F_LJUST = 1;
const F_SIGN = 2;
const F_BLANK = 4;
const F_ALT = 8;
const F_ZERO = 16;

interface Conversion {
  ch: string;
  flags: number;
  width: number;
  prec: number;
  sign: boolean;
}

const SSIZE_MAX = 2 ** 63 - 1;
const INT_MAX = 2147483647;

function nextArg<V>(state: ArgState<V>): V {
  if (state.argIdx < state.argLen) {
    const idx = state.argIdx;
    state.argIdx++;
    if (state.argLen < 0 || state.items === undefined) return state.args;
    return state.items[idx];
  }
  throw new FormatError("TypeError", "not enough arguments for format string");
}

function starArg<V>(state: ArgState<V>, hooks: PercentHooks<V>): bigint {
  const v = nextArg(state);
  const c = hooks.classify(v);
  if (c.kind === "int") return BigInt(c.value);
  if (c.kind === "bool") return c.value ? 1n : 0n;
  throw new FormatError("TypeError", "* wants int");
}

function floatToInteger(x: number): bigint {
  if (Number.isNaN(x)) throw new FormatError("ValueError", "cannot convert float NaN to integer");
  if (!Number.isFinite(x)) throw new FormatError("OverflowError", "cannot convert float infinity to integer");
  return BigInt(Math.trunc(x));
}

/** The integer a %d/%i/%u/%x/%X/%o conversion formats, with CPython's wrong-type messages. */
function integerOperand<V>(value: V, ch: string, hooks: PercentHooks<V>): bigint {
  const c = hooks.classify(value);
  if (c.kind === "int") return BigInt(c.value);
  if (c.kind === "bool") return c.value ? 1n : 0n;
  const wantsIndex = ch === "o" || ch === "x" || ch === "X";
  if (c.kind === "float") {
    if (!wantsIndex) return floatToInteger(c.value);
  } else if (c.kind === "other") {
    const converted = wantsIndex ? hooks.index(value) : hooks.int(value);
    if (converted !== undefined) return BigInt(converted);
  }
  const typeName = hooks.typeName(value);
  if (wantsIndex) throw new FormatError("TypeError", `%${ch} format: an integer is required, not ${typeName}`);
  throw new FormatError("TypeError", `%${ch} format: a real number is required, not ${typeName}`);
}

/** _PyUnicode_FormatLong: digits with precision zero-padding and the alternate-form prefix. */
function formatLong(value: bigint, alt: boolean, prec: number, ch: string): string {
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  let base = 10;
  let prefix = "";
  if (ch === "o") {
    base = 8;
    prefix = alt ? "0o" : "";
  } else if (ch === "x" || ch === "X") {
    base = 16;
    prefix = alt ? "0x" : "";
  }
  let digits = magnitude.toString(base);
  if (prec > digits.length) {
    checkLength(prec);
    digits = "0".repeat(prec - digits.length) + digits;
  }
  let text = (negative ? "-" : "") + prefix + digits;
  if (ch === "X") text = text.toUpperCase();
  return text;
}

function floatOperand<V>(value: V, hooks: PercentHooks<V>): number {
  const c = hooks.classify(value);
  if (c.kind === "float") return c.value;
  if (c.kind === "int") return intToFloat(c.value);
  if (c.kind === "bool") return c.value ? 1 : 0;
  if (c.kind === "other") {
    const converted = hooks.float(value);
    if (converted !== undefined) return converted;
  }
  throw new FormatError("TypeError", `must be real number, not ${hooks.typeName(value)}`);
}

function charOperand<V>(value: V, hooks: PercentHooks<V>): string {
  const c = hooks.classify(value);
  if (c.kind === "str") {
    if (c.value.length > 0 && c.value.length <= 2 && unitsAt(c.value, 0) === c.value.length) return c.value;
    throw new FormatError("TypeError", "%c requires int or char");
  }
  let n: bigint | undefined;
  if (c.kind === "int") n = BigInt(c.value);
  else if (c.kind === "bool") n = c.value ? 1n : 0n;
  else if (c.kind === "other") {
    const idx = hooks.index(value);
    if (idx !== undefined) n = BigInt(idx);
  }
  if (n === undefined) throw new FormatError("TypeError", "%c requires int or char");
  if (n < 0n || n > 0x10ffffn) throw new FormatError("OverflowError", "%c arg not in range(0x110000)");
  return String.fromCodePoint(Number(n));
}

/** %s %r %a: an exact str passes through %s; everything else goes to str()/repr()/ascii(), so int and
 * float subclasses (numpy.float64) print their own way. */
function textOperand<V>(value: V, ch: string, hooks: PercentHooks<V>): string {
  if (ch === "s") {
    const c = hooks.classify(value);
    return c.kind === "str" ? c.value : hooks.str(value);
  }
  return ch === "r" ? hooks.repr(value) : hooks.ascii(value);
}

/** unicode_format_arg_output: sign, width, "0"/"-" flags and precision truncation of text conversions. */
function output(conv: Conversion, text: string): string {
  const fill = conv.sign && conv.flags & F_ZERO ? "0" : " ";
  if (conv.width === -1 && conv.prec === -1 && !(conv.flags & (F_SIGN | F_BLANK))) return text;
  let len = codePointLength(text);
  if ((conv.width === -1 || conv.width <= len) && (conv.prec === -1 || conv.prec >= len) && !(conv.flags & (F_SIGN | F_BLANK))) {
    return text;
  }
  if ((conv.ch === "s" || conv.ch === "r" || conv.ch === "a") && conv.prec >= 0 && len > conv.prec) len = conv.prec;

  let index = 0;
  let signChar = "";
  let sign = conv.sign;
  if (sign) {
    const first = text[0];
    if (first === "-" || first === "+") {
      signChar = first;
      len--;
      index++;
    } else if (conv.flags & F_SIGN) signChar = "+";
    else if (conv.flags & F_BLANK) signChar = " ";
    else sign = false;
  }
  let width = conv.width < len ? len : conv.width;
  checkLength(width);
  let out = "";
  if (sign) {
    if (fill !== " ") out += signChar;
    if (width > len) width--;
  }
  const altHex = (conv.flags & F_ALT) !== 0 && (conv.ch === "x" || conv.ch === "X" || conv.ch === "o");
  if (altHex) {
    if (fill !== " ") {
      out += "0" + conv.ch;
      index += 2;
    }
    width -= 2;
    if (width < 0) width = 0;
    len -= 2;
  }
  if (width > len && !(conv.flags & F_LJUST)) {
    out += fill.repeat(width - len);
    width = len;
  }
  if (fill === " ") {
    if (sign) out += signChar;
    if (altHex) {
      out += "0" + conv.ch;
      index += 2;
    }
  }
  // `index` only skips an ASCII sign or "0x" prefix, so it is the same in code points and UTF-16 units.
  if (len > 0) out += codePointPrefix(text.slice(index), len);
  if (width > len) out += " ".repeat(width - len);
  return out;
}

function incompleteFormat(): never {
  throw new FormatError("ValueError", "incomplete format");
}

/** `template`/`end` (UTF-16 index after the conversion character) locate it for the error message. */
function formatOne<V>(conv: Conversion, value: V, hooks: PercentHooks<V>, template: string, end: number): string {
  switch (conv.ch) {
    case "s":
    case "r":
    case "a":
      return output(conv, textOperand(value, conv.ch, hooks));
    case "i":
    case "d":
    case "u":
    case "o":
    case "x":
    case "X": {
      const n = integerOperand(value, conv.ch, hooks);
      conv.sign = true;
      return output(conv, formatLong(n, (conv.flags & F_ALT) !== 0, conv.prec, conv.ch === "i" || conv.ch === "u" ? "d" : conv.ch));
    }
    case "e":
    case "E":
    case "f":
    case "F":
    case "g":
    case "G": {
      const x = floatOperand(value, hooks);
      const prec = conv.prec < 0 ? 6 : conv.prec;
      checkLength(prec);
      conv.sign = true;
      return output(conv, doubleToString(x, conv.ch as DoubleFormatCode, prec, { alt: (conv.flags & F_ALT) !== 0 }));
    }
    case "c":
      return output(conv, charOperand(value, hooks));
    default: {
      const code = conv.ch.codePointAt(0) ?? 0;
      const shown = code >= 31 && code <= 126 ? conv.ch : "?";
      throw new FormatError("ValueError", `unsupported format character '${shown}' (0x${code.toString(16)}) at index ${codePointLength(template.slice(0, end)) - 1}`);
    }
  }
}

/** `template % args` for a str template. */
export function percentFormat<V>(template: string, args: V, hooks: PercentHooks<V>): string {
  const items = hooks.tupleItems(args);
  const state: ArgState<V> = {
    args,
    items,
    argLen: items !== undefined ? items.length : -1,
    argIdx: items !== undefined ? 0 : -2,
  };
  const dict = items === undefined && hooks.classify(args).kind !== "str" && hooks.isMapping(args) ? args : undefined;
  const fmt = template;
  const n = fmt.length;
  let pos = 0;
  let out = "";

  while (pos < n) {
    if (fmt[pos] !== "%") {
      const start = pos;
      while (pos < n && fmt[pos] !== "%") pos++;
      out += fmt.slice(start, pos);
      continue;
    }
    pos++; // the '%'
    if (pos < n && fmt[pos] === "%") {
      out += "%";
      pos++;
      continue;
    }
    const conv: Conversion = { ch: "", flags: 0, width: -1, prec: -1, sign: false };
    if (pos < n && fmt[pos] === "(") {
      if (dict === undefined) throw new FormatError("TypeError", "format requires a mapping");
      pos++;
      const keyStart = pos;
      let depth = 1;
      while (pos < n && depth > 0) {
        if (fmt[pos] === ")") depth--;
        else if (fmt[pos] === "(") depth++;
        pos++;
      }
      if (depth > 0) throw new FormatError("ValueError", "incomplete format key");
      const key = fmt.slice(keyStart, pos - 1);
      state.args = hooks.getItem(dict, key);
      state.items = undefined;
      state.argLen = -1;
      state.argIdx = -2;
    }
    if (pos >= n) incompleteFormat();
    while (pos < n) {
      const c = fmt[pos];
      if (c === "-") conv.flags |= F_LJUST;
      else if (c === "+") conv.flags |= F_SIGN;
      else if (c === " ") conv.flags |= F_BLANK;
      else if (c === "#") conv.flags |= F_ALT;
      else if (c === "0") conv.flags |= F_ZERO;
      else break;
      pos++;
    }
    if (pos >= n) incompleteFormat();
    if (fmt[pos] === "*") {
      let w = starArg(state, hooks);
      if (w > BigInt(SSIZE_MAX) || w < -BigInt(SSIZE_MAX)) {
        throw new FormatError("OverflowError", "Python int too large to convert to C ssize_t");
      }
      if (w < 0n) {
        conv.flags |= F_LJUST;
        w = -w;
      }
      conv.width = Number(w);
      pos++;
    } else if (fmt[pos] >= "0" && fmt[pos] <= "9") {
      let w = 0;
      while (pos < n && fmt[pos] >= "0" && fmt[pos] <= "9") {
        const d = fmt[pos].charCodeAt(0) - 48;
        if (w > (SSIZE_MAX - d) / 10) throw new FormatError("ValueError", "width too big");
        w = w * 10 + d;
        pos++;
      }
      conv.width = w;
    }
    if (pos < n && fmt[pos] === ".") {
      conv.prec = 0;
      pos++;
      if (pos < n && fmt[pos] === "*") {
        const p = starArg(state, hooks);
        if (p > BigInt(INT_MAX) || p < -BigInt(INT_MAX) - 1n) {
          throw new FormatError("OverflowError", "Python int too large to convert to C int");
        }
        conv.prec = p < 0n ? 0 : Number(p);
        pos++;
      } else if (pos < n && fmt[pos] >= "0" && fmt[pos] <= "9") {
        let p = 0;
        while (pos < n && fmt[pos] >= "0" && fmt[pos] <= "9") {
          const d = fmt[pos].charCodeAt(0) - 48;
          if (p > (INT_MAX - d) / 10) throw new FormatError("ValueError", "precision too big");
          p = p * 10 + d;
          pos++;
        }
        conv.prec = p;
      }
    }
    if (pos < n && (fmt[pos] === "h" || fmt[pos] === "l" || fmt[pos] === "L")) pos++;
    if (pos >= n) incompleteFormat();
    const chUnits = unitsAt(fmt, pos);
    conv.ch = fmt.slice(pos, pos + chUnits);
    pos += chUnits;
    const value = nextArg(state);
    out += formatOne(conv, value, hooks, fmt, pos);
    checkLength(out.length);
    if (dict !== undefined && state.argIdx < state.argLen) {
      throw new FormatError("TypeError", "not all arguments converted during string formatting");
    }
  }
  if (state.argIdx < state.argLen && dict === undefined) {
    throw new FormatError("TypeError", "not all arguments converted during string formatting");
  }
  return out;
}
