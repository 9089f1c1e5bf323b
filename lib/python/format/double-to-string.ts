/**
 * A port of CPython's `PyOS_double_to_string` (Python/pystrtod.c, format_float_short): turns a double into
 * the text that repr(), format() and %-formatting build on. The digit strings come from float-digits;
 * this module decides fixed vs exponent notation, zero padding, the decimal point and the exponent.
 */
import { checkLength } from "./errors";
import { fixedDigits, oddExponent, shortestDigits, significantDigits, type DecimalDigits } from "./float-digits";

/** 'r' is repr's shortest round-trip mode; upper-case codes upper-case "e", "inf" and "nan". */
export type DoubleFormatCode = "e" | "E" | "f" | "F" | "g" | "G" | "r";

export interface DoubleFormatFlags {
  /** Py_DTSF_SIGN: write "+" for non-negative values. */
  alwaysSign?: boolean;
  /** Py_DTSF_ADD_DOT_0: integers in fixed notation keep a ".0" (repr, format without a type). */
  addDot0?: boolean;
  /** Py_DTSF_ALT: the "#" option (keep the point and, for g, trailing zeros). */
  alt?: boolean;
  /** Py_DTSF_NO_NEG_0: the "z" option (a value that rounds to zero loses its minus sign). */
  noNegZero?: boolean;
}

function zeros(n: number): string {
  return n > 0 ? "0".repeat(n) : "";
}

const NO_FLAGS: DoubleFormatFlags = {};

function isAllZeros(text: string, end: number): boolean {
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 48 && c !== 46) return false;
  }
  return true;
}

function signPrefix(negative: boolean, flags: DoubleFormatFlags): string {
  return negative ? "-" : flags.alwaysSign ? "+" : "";
}

/**
 * 'f' and 'e' straight from toFixed/toExponential when the value cannot be a rounding tie (those break
 * ties away from zero, CPython to even). Returns undefined when the general path must run.
 */
function fastFixedOrExponent(x: number, code: "e" | "f", upper: boolean, precision: number, flags: DoubleFormatFlags): string | undefined {
  if (precision > 100 || !Number.isFinite(x)) return undefined;
  const ax = Math.abs(x);
  let negative = x < 0 || Object.is(x, -0);
  if (code === "f") {
    if (ax >= 1e21 || (ax !== 0 && oddExponent(ax) === -precision - 1)) return undefined;
    let text = ax.toFixed(precision);
    if (flags.alt && precision === 0) text += ".";
    if (negative && flags.noNegZero && isAllZeros(text, text.length)) negative = false;
    return signPrefix(negative, flags) + text;
  }
  const text = ax.toExponential(precision);
  const e = text.indexOf("e");
  const exp = Number(text.slice(e + 1));
  if (ax !== 0) {
    const oe = oddExponent(ax);
    if (oe === exp - precision - 1 || oe === exp - precision - 2) return undefined;
  }
  let mantissa = text.slice(0, e);
  if (flags.alt && precision === 0) mantissa += ".";
  if (negative && flags.noNegZero && isAllZeros(mantissa, mantissa.length)) negative = false;
  const absExp = exp < 0 ? -exp : exp;
  return signPrefix(negative, flags) + mantissa + (upper ? "E" : "e") + (exp < 0 ? "-" : "+") + (absExp < 10 ? "0" : "") + absExp;
}

export function doubleToString(x: number, code: DoubleFormatCode, precision: number, flags: DoubleFormatFlags = NO_FLAGS): string {
  const upper = code === "E" || code === "F" || code === "G";
  const lower = (upper ? code.toLowerCase() : code) as "e" | "f" | "g" | "r";
  if (lower === "f" || lower === "e") {
    const fast = fastFixedOrExponent(x, lower, upper, precision, flags);
    if (fast !== undefined) return fast;
  }
  let negative = x < 0 || Object.is(x, -0);

  if (!Number.isFinite(x)) {
    if (Number.isNaN(x)) return upper ? "NAN" : "nan"; // CPython never signs a nan here
    const inf = upper ? "INF" : "inf";
    return negative ? "-" + inf : flags.alwaysSign ? "+" + inf : inf;
  }

  let digitsInfo: DecimalDigits;
  let prec = precision;
  switch (lower) {
    case "e":
      prec = precision + 1;
      digitsInfo = significantDigits(x, prec);
      break;
    case "f":
      digitsInfo = fixedDigits(x, prec);
      break;
    case "g":
      if (prec === 0) prec = 1;
      digitsInfo = significantDigits(x, prec);
      break;
    case "r":
      digitsInfo = shortestDigits(x);
      break;
  }

  const digits = digitsInfo.digits;
  let decpt = digitsInfo.decpt;
  const digitsLen = digits.length;
  if (flags.noNegZero && negative && (digitsLen === 0 || digits === "0")) negative = false;

  let useExp = false;
  let vdigitsEnd = digitsLen;
  switch (lower) {
    case "e":
      useExp = true;
      vdigitsEnd = prec;
      break;
    case "f":
      vdigitsEnd = decpt + prec;
      break;
    case "g":
      if (decpt <= -4 || decpt > (flags.addDot0 ? prec - 1 : prec)) useExp = true;
      if (flags.alt) vdigitsEnd = prec;
      break;
    case "r":
      if (decpt <= -4 || decpt > 16) useExp = true;
      break;
  }

  let exp = 0;
  if (useExp) {
    exp = decpt - 1;
    decpt = 1;
  }
  const vdigitsStart = decpt <= 0 ? decpt - 1 : 0;
  if (!useExp && flags.addDot0) vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt + 1;
  else vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt;

  checkLength(vdigitsEnd - vdigitsStart + 8);
  let out = signPrefix(negative, flags);
  if (decpt <= 0) out += zeros(decpt - vdigitsStart) + "." + zeros(-decpt);
  else out += zeros(-vdigitsStart);

  if (decpt > 0 && decpt <= digitsLen) out += digits.slice(0, decpt) + "." + digits.slice(decpt);
  else out += digits;

  if (digitsLen < decpt) out += zeros(decpt - digitsLen) + "." + zeros(vdigitsEnd - decpt);
  else out += zeros(vdigitsEnd - digitsLen);

  if (out.charCodeAt(out.length - 1) === 46 && !flags.alt) out = out.slice(0, -1);

  if (useExp) {
    const absExp = Math.abs(exp);
    out += (upper ? "E" : "e") + (exp < 0 ? "-" : "+") + (absExp < 10 ? "0" : "") + absExp;
  }
  return out;
}
