/**
 * Lays out a formatted number the way CPython's calc_number_widths / fill_number do:
 *   <lpadding><sign><prefix><spadding><grouped digits><decimal point + remainder><rpadding>
 * Only one of the paddings is non-empty. With fill "0" and align "=", the zero padding is produced by
 * the grouping routine itself so separators appear inside it ("00,001,234").
 */
import { checkLength } from "./errors";
import type { FormatSpec } from "./spec";

export interface NumberParts {
  negative: boolean;
  /** "0x", "0b", ... when alternate form asks for it. */
  prefix: string;
  /** The run of digits that grouping applies to (the integer part). */
  digits: string;
  /** Everything after the digits: decimal point, fraction, exponent, "%", or the "c" character. */
  tail: string;
}

/** CPython's _PyUnicode_InsertThousandsGrouping with a repeating group size (0 = no grouping): the
 * digits grouped from the right, zero-padded (separators included) up to `minWidth` characters. */
export function groupDigits(digits: string, minWidth: number, groupSize: number, separator: string): string {
  let remaining = digits.length;
  let width = minWidth > 0 ? minWidth : 0;
  if (groupSize === 0) return width > remaining ? zeros(width - remaining) + digits : digits;
  checkLength(width);
  let out = "";
  let first = true;
  for (;;) {
    const len = Math.min(groupSize, Math.max(remaining, width, 1));
    const nChars = Math.min(remaining, len);
    out = zeros(len - nChars) + digits.slice(remaining - nChars, remaining) + (first ? "" : separator) + out;
    first = false;
    remaining -= nChars;
    width -= len;
    if (remaining <= 0 && width <= 0) return out;
    width -= separator.length;
  }
}

function zeros(n: number): string {
  return n > 0 ? "0".repeat(n) : "";
}

function repeatFill(fill: string, count: number): string {
  return count > 0 ? fill.repeat(count) : "";
}

export function layoutNumber(parts: NumberParts, spec: FormatSpec, groupSize: number, separator: string): string {
  let sign = "";
  if (parts.negative) sign = "-";
  else if (spec.sign === "+") sign = "+";
  else if (spec.sign === " ") sign = " ";

  // The tail can be an astral character ("c" type); widths count code points, as Python's len() does.
  const tailLength = parts.tail.length === 2 && /[\uD800-\uDBFF]/.test(parts.tail) ? 1 : parts.tail.length;
  const nonDigit = sign.length + parts.prefix.length + tailLength;
  const minWidth = spec.fill === "0" && spec.align === "=" ? spec.width - nonDigit : 0;
  const grouped = parts.digits.length === 0 ? "" : groupDigits(parts.digits, minWidth, groupSize, separator);

  const padding = spec.width - (nonDigit + grouped.length);
  let left = 0;
  let inner = 0;
  let right = 0;
  if (padding > 0) {
    checkLength(padding);
    switch (spec.align) {
      case "<":
        right = padding;
        break;
      case "^":
        left = Math.floor(padding / 2);
        right = padding - left;
        break;
      case "=":
        inner = padding;
        break;
      case ">":
        left = padding;
        break;
    }
  }
  return (
    repeatFill(spec.fill, left) +
    sign +
    parts.prefix +
    repeatFill(spec.fill, inner) +
    grouped +
    parts.tail +
    repeatFill(spec.fill, right)
  );
}
