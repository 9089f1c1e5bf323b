/**
 * CPython 3.11's str character predicates (isalpha, isdigit, isidentifier, ...) over its Unicode
 * data (unicode-classes.generated.ts), rather than the JavaScript engine's newer Unicode version
 * and its differently defined regexp properties (CPython's isdigit, isnumeric and isidentifier
 * follow Numeric_Type and XID_Start/XID_Continue, which no \p{...} class matches).
 */
import { ALPHA, DECIMAL, DIGIT, ID_CONTINUE, ID_START, NUMERIC, PRINTABLE, SPACE } from "./unicode-classes.generated";

/** Whether cp falls in one of the inclusive [first, last] pairs of `ranges`. */
export function inRanges(ranges: readonly number[], cp: number): boolean {
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < ranges[2 * mid]) hi = mid - 1;
    else if (cp > ranges[2 * mid + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

type CharTest = (cp: number) => boolean;

const ranged =
  (ranges: readonly number[]): CharTest =>
  (cp) =>
    inRanges(ranges, cp);

export const isAlphaChar: CharTest = ranged(ALPHA);
export const isDecimalChar: CharTest = ranged(DECIMAL);
export const isDigitChar: CharTest = ranged(DIGIT);
export const isNumericChar: CharTest = ranged(NUMERIC);
export const isSpaceChar: CharTest = ranged(SPACE);
export const isPrintableChar: CharTest = ranged(PRINTABLE);
export const isAlnumChar: CharTest = (cp) => isAlphaChar(cp) || isDecimalChar(cp) || isDigitChar(cp) || isNumericChar(cp);

/** Whether every character of t passes `test` (false for "" unless `empty`). */
export function allChars(t: string, test: CharTest, empty = false): boolean {
  if (t.length === 0) return empty;
  for (let i = 0; i < t.length; ) {
    const cp = t.codePointAt(i) as number;
    if (!test(cp)) return false;
    i += cp > 0xffff ? 2 : 1;
  }
  return true;
}

/** str.isidentifier: an XID_Start character or "_", then XID_Continue characters. */
export function isIdentifier(t: string): boolean {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(t)) return true;
  if (t.length === 0) return false;
  const first = t.codePointAt(0) as number;
  if (!inRanges(ID_START, first)) return false;
  return allChars(t.slice(first > 0xffff ? 2 : 1), ranged(ID_CONTINUE), true);
}
