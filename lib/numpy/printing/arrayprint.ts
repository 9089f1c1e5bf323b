/**
 * numpy's array repr/str (arrayprint.py, numpy 2.4 defaults, legacy=False): element formatters chosen
 * per dtype from the (edge) data, line wrapping at `linewidth` with the `array(` hanging indent,
 * summarisation with `...` past `threshold` elements, nested brackets with blank lines between blocks,
 * and the `shape=` / `dtype=` suffixes of repr.
 *
 * bfloat16 and float8 are not numpy types; their arrays print the way numpy prints ml_dtypes arrays:
 * numpy falls back to each element's scalar repr, which ml_dtypes writes with C's %g (6 digits), and the
 * dtype suffix is `dtype=bfloat16` (float8 names contain `_`, so numpy quotes them: `dtype='float8_e5m2'`).
 */
import { FloatingFormat } from "./float-format";
import { formatG } from "./dragon4";
import type { BinaryFloat } from "./decimal";
import { intText, scalarStr } from "./scalar";

/** What the printer needs from an array (the numpy core's NDArray satisfies it). */
export interface PrintableArray {
  readonly shape: readonly number[];
  readonly dtype: { readonly name: string };
  readonly size: number;
  /** Element i in C order; bools as 0/1. */
  getFlat(i: number): number;
  /** Element i in C order, a bigint for a (u)int64 value past 2^53 known exactly. */
  exactFlat?(i: number): number | bigint;
}

/** Elements as printed: numbers, and bigints for exact (u)int64 values past 2^53. */
type Element = number | bigint;

function elementOf(a: PrintableArray, i: number): Element {
  return a.exactFlat === undefined ? a.getFlat(i) : a.exactFlat(i);
}

export type FloatMode = "fixed" | "unique" | "maxprec" | "maxprec_equal";
export type SignMode = "-" | "+" | " ";

export interface PrintOptions {
  precision: number;
  threshold: number;
  edgeitems: number;
  linewidth: number;
  suppress: boolean;
  floatmode: FloatMode;
  sign: SignMode;
  nanstr: string;
  infstr: string;
}

export const DEFAULT_PRINT_OPTIONS: Readonly<PrintOptions> = {
  precision: 8,
  threshold: 1000,
  edgeitems: 3,
  linewidth: 75,
  suppress: false,
  floatmode: "maxprec",
  sign: "-",
  nanstr: "nan",
  infstr: "inf",
};

type ElementFormatter = (x: Element) => string;

const BINARY_FLOATS: ReadonlySet<string> = new Set(["float64", "float32", "float16"]);
const INT_TYPES: ReadonlySet<string> = new Set(["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]);
/** Dtypes numpy's repr leaves implicit (np.int_, np.float64, np.bool on 64-bit Linux). */
const IMPLIED_DTYPES: ReadonlySet<string> = new Set(["int64", "float64", "bool"]);

/** numpy's tuple repr of a shape: (2, 3), (4,), (). */
export function shapeTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

/** numpy's dtype_short_repr: the bare name when it is alphanumeric, else its quoted repr. */
export function dtypeShortRepr(name: string): string {
  return /^[A-Za-z][A-Za-z0-9]*$/.test(name) ? name : `'${name}'`;
}

/** numpy's IntegerFormat: one width for all, a '+' or ' ' before non-negative values when `sign` asks. */
function intFormatter(data: readonly Element[], sign: SignMode): ElementFormatter {
  let width = 0;
  let mark = sign;
  if (data.length > 0) {
    let max = data[0];
    let min = data[0];
    for (const v of data) {
      if (v > max) max = v;
      if (v < min) min = v;
    }
    // ' ' only pads when no value is negative (their '-' already takes that column).
    if (mark === " " && min < 0) mark = "-";
    const maxLen = intText(max).length + (max >= 0 && mark !== "-" ? 1 : 0);
    width = Math.max(maxLen, intText(min).length);
  }
  return (x) => (x >= 0 && mark !== "-" ? mark + intText(x) : intText(x)).padStart(width, " ");
}

function formatterFor(dtype: string, data: readonly Element[], zeroDim: boolean, options: PrintOptions): ElementFormatter {
  if (dtype === "bool") {
    const truestr = zeroDim ? "True" : " True";
    return (x) => (x ? truestr : "False");
  }
  if (INT_TYPES.has(dtype)) return intFormatter(data, options.sign);
  if (BINARY_FLOATS.has(dtype)) {
    const ff = new FloatingFormat(data as readonly number[], dtype as BinaryFloat, {
      precision: options.precision,
      suppressSmall: options.suppress,
      floatmode: options.floatmode,
      sign: options.sign,
      nanstr: options.nanstr,
      infstr: options.infstr,
    });
    return (x) => ff.format(Number(x));
  }
  return (x) => formatG(Number(x));
}

function cStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = s;
    s *= shape[d];
  }
  return strides;
}

/** The elements numpy's _leading_trailing keeps: along each long axis only the first and last `edge`. */
function edgeData(a: PrintableArray, edge: number, summarise: boolean): Element[] {
  if (!summarise) {
    const out = new Array<Element>(a.size);
    for (let i = 0; i < a.size; i++) out[i] = elementOf(a, i);
    return out;
  }
  const strides = cStrides(a.shape);
  const axes = a.shape.map((n) => {
    if (n <= 2 * edge) return Array.from({ length: n }, (_, i) => i);
    return [...Array.from({ length: edge }, (_, i) => i), ...Array.from({ length: edge }, (_, i) => n - edge + i)];
  });
  const out: Element[] = [];
  const walk = (axis: number, offset: number): void => {
    if (axis === axes.length) {
      out.push(elementOf(a, offset));
      return;
    }
    for (const i of axes[axis]) walk(axis + 1, offset + i * strides[axis]);
  };
  walk(0, 0);
  return out;
}

function extendLine(s: string, line: string, word: string, lineWidth: number, nextLinePrefix: string): [string, string] {
  let needsWrap = line.length + word.length > lineWidth;
  if (line.length <= nextLinePrefix.length) needsWrap = false;
  if (needsWrap) {
    s += line.trimEnd() + "\n";
    line = nextLinePrefix;
  }
  return [s, line + word];
}

function formatArray(
  a: PrintableArray,
  fmt: ElementFormatter,
  lineWidth: number,
  nextLinePrefix: string,
  separator: string,
  edgeItems: number,
  summarise: boolean,
): string {
  const shape = a.shape;
  const strides = cStrides(shape);
  const ndim = shape.length;
  const sepTrim = separator.trimEnd();
  const recurse = (axis: number, offset: number, hangingIndent: string, currWidth: number): string => {
    if (axis === ndim) return fmt(elementOf(a, offset));
    const nextHanging = hangingIndent + " ";
    const nextWidth = currWidth - 1;
    const len = shape[axis];
    const showSummary = summarise && 2 * edgeItems < len;
    const leading = showSummary ? edgeItems : 0;
    const trailing = showSummary ? edgeItems : len;
    const axesLeft = ndim - axis;
    const child = (i: number): string => recurse(axis + 1, offset + i * strides[axis], nextHanging, nextWidth);
    let s = "";
    if (axesLeft === 1) {
      const elemWidth = currWidth - Math.max(sepTrim.length, 1);
      let line = hangingIndent;
      for (let i = 0; i < leading; i++) {
        [s, line] = extendLine(s, line, child(i), elemWidth, hangingIndent);
        line += separator;
      }
      if (showSummary) {
        [s, line] = extendLine(s, line, "...", elemWidth, hangingIndent);
        line += separator;
      }
      for (let i = trailing; i > 1; i--) {
        [s, line] = extendLine(s, line, child(len - i), elemWidth, hangingIndent);
        line += separator;
      }
      [s, line] = extendLine(s, line, child(len - 1), elemWidth, hangingIndent);
      s += line;
    } else {
      const lineSep = sepTrim + "\n".repeat(axesLeft - 1);
      for (let i = 0; i < leading; i++) s += hangingIndent + child(i) + lineSep;
      if (showSummary) s += hangingIndent + "..." + lineSep;
      for (let i = trailing; i > 1; i--) s += hangingIndent + child(len - i) + lineSep;
      s += hangingIndent + child(len - 1);
    }
    return "[" + s.slice(hangingIndent.length) + "]";
  };
  return recurse(0, 0, nextLinePrefix, lineWidth);
}

/** numpy.array2string with numpy's defaults (separator, prefix and suffix as repr/str pass them). */
export function array2string(
  a: PrintableArray,
  separator: string,
  prefix: string,
  suffix: string,
  options: PrintOptions = DEFAULT_PRINT_OPTIONS,
): string {
  if (a.size === 0) return "[]";
  const summarise = a.size > options.threshold;
  const data = edgeData(a, options.edgeitems, summarise);
  const fmt = formatterFor(a.dtype.name, data, a.shape.length === 0, options);
  const lineWidth = options.linewidth - suffix.length;
  return formatArray(a, fmt, lineWidth, " " + " ".repeat(prefix.length), separator, options.edgeitems, summarise);
}

/** repr(ndarray). */
export function arrayRepr(a: PrintableArray, options: PrintOptions = DEFAULT_PRINT_OPTIONS): string {
  const prefix = "array(";
  const body = array2string(a, ", ", prefix, ")", options);
  const extras: string[] = [];
  const isVector0 = a.shape.length === 1 && a.shape[0] === 0;
  if ((a.size === 0 && !isVector0) || a.size > options.threshold) extras.push(`shape=${shapeTuple(a.shape)}`);
  if (!IMPLIED_DTYPES.has(a.dtype.name) || a.size === 0) extras.push(`dtype=${dtypeShortRepr(a.dtype.name)}`);
  if (extras.length === 0) return prefix + body + ")";
  const arrStr = prefix + body + ",";
  const extraStr = extras.join(", ") + ")";
  const lastLineLen = arrStr.length - (arrStr.lastIndexOf("\n") + 1);
  const spacer = lastLineLen + extraStr.length + 1 > options.linewidth ? "\n" + " ".repeat(prefix.length) : " ";
  return arrStr + spacer + extraStr;
}

/** str(ndarray); a 0-d array prints as its scalar's str. */
export function arrayStr(a: PrintableArray, options: PrintOptions = DEFAULT_PRINT_OPTIONS): string {
  if (a.shape.length === 0) return scalarStr(a.dtype.name, elementOf(a, 0));
  return array2string(a, " ", "", "", options);
}
