/**
 * The format-spec mini-language parser, following CPython's parse_internal_render_format_spec
 * (Python/formatter_unicode.c) including its validation order and messages.
 *   [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
 */
import { hasSurrogates } from "./code-points";
import { FormatError } from "./errors";

export type Align = "<" | ">" | "^" | "=";
export type Sign = "+" | "-" | " " | "";
export type Grouping = "" | "," | "_";

export interface FormatSpec {
  readonly fill: string;
  readonly align: Align;
  readonly sign: Sign;
  /** "z": coerce negative zero to positive zero (floats only). */
  readonly noNegZero: boolean;
  readonly alternate: boolean;
  /** -1 when absent. */
  readonly width: number;
  readonly grouping: Grouping;
  /** -1 when absent. */
  readonly precision: number;
  /** "" when absent and the object has no default type. */
  readonly type: string;
}

type MutableSpec = { -readonly [K in keyof FormatSpec]: FormatSpec[K] };

const PY_SSIZE_T_MAX = 2 ** 63 - 1;

function isAlign(ch: string | undefined): ch is Align {
  return ch === "<" || ch === ">" || ch === "^" || ch === "=";
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Indexing `chars` yields whole code points, so an astral fill character counts as one. */
type CodePoints = string | readonly string[];

function readInteger(chars: CodePoints, start: number): { value: number; end: number } {
  let pos = start;
  let value = 0;
  while (pos < chars.length && isDigit(chars[pos].charCodeAt(0))) {
    const digit = chars[pos].charCodeAt(0) - 48;
    if (value > (PY_SSIZE_T_MAX - digit) / 10) {
      throw new FormatError("ValueError", "Too many decimal digits in format string");
    }
    value = value * 10 + digit;
    pos++;
  }
  return { value, end: pos };
}

function describeType(type: string): string {
  const code = type.codePointAt(0) ?? 0;
  return code > 32 && code < 128 ? type : `\\x${code.toString(16)}`;
}

export function unknownFormatCode(type: string, typeName: string): FormatError {
  return new FormatError("ValueError", `Unknown format code '${describeType(type)}' for object of type '${typeName}'`);
}

// Programs format with a handful of distinct specs inside hot loops; parsing each once matters. A
// cache per (default type, default alignment) keys by the spec alone, which is usually a string
// constant of the compiled code, so the lookup allocates nothing.
const caches: { readonly type: string; readonly align: Align; readonly specs: Map<string, FormatSpec> }[] = [];
const CACHE_LIMIT = 512;

function cacheFor(defaultType: string, defaultAlign: Align): Map<string, FormatSpec> {
  for (const c of caches) if (c.type === defaultType && c.align === defaultAlign) return c.specs;
  const specs = new Map<string, FormatSpec>();
  caches.push({ type: defaultType, align: defaultAlign, specs });
  return specs;
}

/** Parses `spec`; the result is shared and must not be mutated. */
export function parseFormatSpec(spec: string, typeName: string, defaultType: string, defaultAlign: Align): FormatSpec {
  const cache = cacheFor(defaultType, defaultAlign);
  const hit = cache.get(spec);
  if (hit !== undefined) return hit;
  const parsed = Object.freeze(parseUncached(spec, typeName, defaultType, defaultAlign));
  if (spec.length <= 64) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(spec, parsed);
  }
  return parsed;
}

// Splitting a user-supplied spec into code points must not allocate without bound. A valid spec holds
// at most a fill and a type outside ASCII, so a long one with astral characters is simply rejected.
const MAX_ASTRAL_SPEC = 4096;

function parseUncached(spec: string, typeName: string, defaultType: string, defaultAlign: Align): FormatSpec {
  let chars: CodePoints = spec;
  if (hasSurrogates(spec)) {
    if (spec.length > MAX_ASTRAL_SPEC) {
      throw new FormatError("ValueError", `Invalid format specifier '${spec.slice(0, 64)}...' for object of type '${typeName}'`);
    }
    chars = Array.from(spec);
  }
  const end = chars.length;
  let pos = 0;
  const result: MutableSpec = {
    fill: " ",
    align: defaultAlign,
    sign: "",
    noNegZero: false,
    alternate: false,
    width: -1,
    grouping: "",
    precision: -1,
    type: defaultType,
  };
  let fillSpecified = false;
  let alignSpecified = false;

  if (end - pos >= 2 && isAlign(chars[pos + 1])) {
    result.align = chars[pos + 1] as Align;
    result.fill = chars[pos];
    fillSpecified = true;
    alignSpecified = true;
    pos += 2;
  } else if (end - pos >= 1 && isAlign(chars[pos])) {
    result.align = chars[pos] as Align;
    alignSpecified = true;
    pos++;
  }

  if (pos < end && (chars[pos] === "+" || chars[pos] === "-" || chars[pos] === " ")) {
    result.sign = chars[pos] as Sign;
    pos++;
  }
  if (pos < end && chars[pos] === "z") {
    result.noNegZero = true;
    pos++;
  }
  if (pos < end && chars[pos] === "#") {
    result.alternate = true;
    pos++;
  }
  if (!fillSpecified && pos < end && chars[pos] === "0") {
    result.fill = "0";
    if (!alignSpecified && defaultAlign === ">") result.align = "=";
    pos++;
  }

  const width = readInteger(chars, pos);
  if (width.end > pos) result.width = width.value;
  pos = width.end;

  if (pos < end && chars[pos] === ",") {
    result.grouping = ",";
    pos++;
  }
  if (pos < end && chars[pos] === "_") {
    if (result.grouping !== "") throw new FormatError("ValueError", "Cannot specify both ',' and '_'.");
    result.grouping = "_";
    pos++;
  }
  if (pos < end && chars[pos] === ",") {
    if (result.grouping === "_") throw new FormatError("ValueError", "Cannot specify both ',' and '_'.");
  }

  if (pos < end && chars[pos] === ".") {
    pos++;
    const precision = readInteger(chars, pos);
    if (precision.end === pos) throw new FormatError("ValueError", "Format specifier missing precision");
    result.precision = precision.value;
    pos = precision.end;
  }

  if (end - pos > 1) {
    throw new FormatError("ValueError", `Invalid format specifier '${spec}' for object of type '${typeName}'`);
  }
  if (end - pos === 1) result.type = chars[pos];

  if (result.grouping !== "") {
    switch (result.type) {
      case "d":
      case "e":
      case "f":
      case "g":
      case "E":
      case "G":
      case "%":
      case "F":
      case "":
        break;
      case "b":
      case "o":
      case "x":
      case "X":
        // PEP 515 allows "_" (every four digits) with binary/octal/hex, but not ","
        if (result.grouping === "_") break;
        throw new FormatError("ValueError", `Cannot specify '${result.grouping}' with '${describeType(result.type)}'.`);
      default:
        throw new FormatError("ValueError", `Cannot specify '${result.grouping}' with '${describeType(result.type)}'.`);
    }
  }
  return result;
}
