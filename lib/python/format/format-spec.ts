/**
 * The `__format__` entry points for int, bool, float and str: what format(value, spec), f-strings and
 * str.format call. Each mirrors the matching function in CPython's Python/formatter_unicode.c.
 */
import { doubleToString, type DoubleFormatCode } from "./double-to-string";
import { codePointLength, codePointPrefix } from "./code-points";
import { checkLength, FormatError } from "./errors";
import { floatRepr } from "./float-repr";
import { layoutNumber } from "./number-layout";
import { parseFormatSpec, unknownFormatCode, type FormatSpec } from "./spec";

const INT_MAX = 2147483647;
const LONG_MAX = (1n << 63n) - 1n;
const FLOAT_LIMIT = 2n ** 1024n - 2n ** 970n; // ints at or above this round to infinity

function toBigInt(value: number | bigint): bigint {
  return typeof value === "bigint" ? value : BigInt(value);
}

/** int -> float as PyLong_AsDouble: correctly rounded, OverflowError past the largest double. */
export function intToFloat(value: number | bigint): number {
  if (typeof value === "number") return value;
  const magnitude = value < 0n ? -value : value;
  if (magnitude >= FLOAT_LIMIT) throw new FormatError("OverflowError", "int too large to convert to float");
  return Number(value);
}

function groupingFor(spec: FormatSpec, fourDigitGroups: boolean): { size: number; separator: string } {
  if (spec.type === "n" || spec.grouping === "") return { size: 0, separator: "" };
  return { size: spec.grouping === "_" && fourDigitGroups ? 4 : 3, separator: spec.grouping };
}

function isPlain(spec: FormatSpec): boolean {
  return spec.width === -1 && spec.grouping === "" && (spec.sign === "" || spec.sign === "-");
}

function formatIntegerInternal(value: number | bigint, spec: FormatSpec): string {
  if (spec.precision !== -1) throw new FormatError("ValueError", "Precision not allowed in integer format specifier");
  if (spec.noNegZero) {
    throw new FormatError("ValueError", "Negative zero coercion (z) not allowed in integer format specifier");
  }
  if (spec.type === "c") {
    if (spec.sign !== "") throw new FormatError("ValueError", "Sign not allowed with integer format specifier 'c'");
    if (spec.alternate) {
      throw new FormatError("ValueError", "Alternate form (#) not allowed with integer format specifier 'c'");
    }
    const big = toBigInt(value);
    if (big > LONG_MAX || big < -LONG_MAX - 1n) {
      throw new FormatError("OverflowError", "Python int too large to convert to C long");
    }
    if (big < 0n || big > 0x10ffffn) throw new FormatError("OverflowError", "%c arg not in range(0x110000)");
    const ch = String.fromCodePoint(Number(big));
    return layoutNumber({ negative: false, prefix: "", digits: "", tail: ch }, spec, 0, "");
  }
  let base = 10;
  let prefix = "";
  switch (spec.type) {
    case "b":
      base = 2;
      prefix = "0b";
      break;
    case "o":
      base = 8;
      prefix = "0o";
      break;
    case "x":
      base = 16;
      prefix = "0x";
      break;
    case "X":
      base = 16;
      prefix = "0X";
      break;
  }
  // Safe integers stay JS numbers: bigint conversion and printing cost several times more.
  const negative = value < 0;
  let digits = (negative ? -value : value).toString(base);
  if (spec.type === "X") digits = digits.toUpperCase();
  if (isPlain(spec)) return (negative ? "-" : "") + (spec.alternate ? prefix : "") + digits;
  const { size, separator } = groupingFor(spec, base !== 10);
  return layoutNumber({ negative, prefix: spec.alternate ? prefix : "", digits, tail: "" }, spec, size, separator);
}

function formatFloatInternal(x: number, spec: FormatSpec): string {
  if (spec.precision > INT_MAX) throw new FormatError("ValueError", "precision too big");
  let precision = spec.precision;
  let code = spec.type;
  let defaultPrecision = 6;
  let addDot0 = false;
  let percent = false;
  let value = x;
  if (code === "") {
    addDot0 = true;
    code = "r";
    defaultPrecision = 0;
  }
  if (code === "n") code = "g";
  if (code === "%") {
    code = "f";
    value *= 100;
    percent = true;
  }
  if (precision < 0) precision = defaultPrecision;
  else if (code === "r") code = "g";
  checkLength(precision);

  const text = doubleToString(value, code as DoubleFormatCode, precision, {
    addDot0,
    alt: spec.alternate,
    noNegZero: spec.noNegZero,
  });
  if (isPlain(spec)) return percent ? text + "%" : text;
  const negative = text.charCodeAt(0) === 45;
  const body = negative ? text.slice(1) : text;
  let digitEnd = 0;
  while (digitEnd < body.length && body.charCodeAt(digitEnd) >= 48 && body.charCodeAt(digitEnd) <= 57) digitEnd++;
  const { size, separator } = groupingFor(spec, false);
  return layoutNumber(
    { negative, prefix: "", digits: body.slice(0, digitEnd), tail: body.slice(digitEnd) + (percent ? "%" : "") },
    spec,
    size,
    separator,
  );
}

function isFloatType(type: string): boolean {
  return type === "e" || type === "E" || type === "f" || type === "F" || type === "g" || type === "G" || type === "%";
}

/** int.__format__ (also used for bool with a non-empty spec). `typeName` appears in error messages. */
export function formatInt(value: number | bigint, spec: string, typeName = "int"): string {
  if (spec === "") return toBigInt(value).toString();
  const parsed = parseFormatSpec(spec, typeName, "d", ">");
  switch (parsed.type) {
    case "b":
    case "c":
    case "d":
    case "o":
    case "x":
    case "X":
    case "n":
      return formatIntegerInternal(typeof value === "number" && !Number.isSafeInteger(value) ? BigInt(value) : value, parsed);
    default:
      if (isFloatType(parsed.type)) return formatFloatInternal(intToFloat(value), parsed);
      throw unknownFormatCode(parsed.type, typeName);
  }
}

/** bool.__format__: the empty spec gives "True"/"False", anything else formats 1/0 as an int. */
export function formatBool(value: boolean, spec: string): string {
  if (spec === "") return value ? "True" : "False";
  return formatInt(value ? 1 : 0, spec, "bool");
}

/** float.__format__. `typeName` lets float subclasses (numpy.float64) report their own name. */
export function formatFloat(x: number, spec: string, typeName = "float"): string {
  if (spec === "") return floatRepr(x);
  const parsed = parseFormatSpec(spec, typeName, "", ">");
  if (parsed.type === "" || parsed.type === "n" || isFloatType(parsed.type)) return formatFloatInternal(x, parsed);
  throw unknownFormatCode(parsed.type, typeName);
}

/** str.__format__. */
export function formatStr(s: string, spec: string, typeName = "str"): string {
  if (spec === "") return s;
  const parsed = parseFormatSpec(spec, typeName, "s", "<");
  if (parsed.type !== "s") throw unknownFormatCode(parsed.type, typeName);
  if (parsed.sign === " ") throw new FormatError("ValueError", "Space not allowed in string format specifier");
  if (parsed.sign !== "") throw new FormatError("ValueError", "Sign not allowed in string format specifier");
  if (parsed.noNegZero) {
    throw new FormatError("ValueError", "Negative zero coercion (z) not allowed in string format specifier");
  }
  if (parsed.alternate) throw new FormatError("ValueError", "Alternate form (#) not allowed in string format specifier");
  if (parsed.align === "=") throw new FormatError("ValueError", "'=' alignment not allowed in string format specifier");
  let text = s;
  let len = codePointLength(s);
  if (parsed.precision >= 0 && len >= parsed.precision) {
    text = codePointPrefix(s, parsed.precision);
    len = parsed.precision;
  }
  const total = parsed.width > len ? parsed.width : len;
  checkLength(total);
  let left = 0;
  if (parsed.align === ">") left = total - len;
  else if (parsed.align === "^") left = Math.floor((total - len) / 2);
  const right = total - len - left;
  return (left > 0 ? parsed.fill.repeat(left) : "") + text + (right > 0 ? parsed.fill.repeat(right) : "");
}
