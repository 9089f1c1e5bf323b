/**
 * Python counts str length in code points, JavaScript in UTF-16 units. These helpers measure and cut
 * strings by code points without materialising an array of characters, since user strings can be
 * hundreds of megabytes long.
 */
const SURROGATE = /[\uD800-\uDFFF]/;

export function hasSurrogates(s: string): boolean {
  return SURROGATE.test(s);
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** UTF-16 length of the code point starting at `i` (1, or 2 for a surrogate pair). */
export function unitsAt(s: string, i: number): number {
  return isHigh(s.charCodeAt(i)) && isLow(s.charCodeAt(i + 1)) ? 2 : 1;
}

export function codePointLength(s: string): number {
  if (!hasSurrogates(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i += unitsAt(s, i)) n++;
  return n;
}

/** The first `count` code points of `s`. */
export function codePointPrefix(s: string, count: number): string {
  if (!hasSurrogates(s)) return s.slice(0, count);
  let i = 0;
  for (let n = 0; n < count && i < s.length; n++) i += unitsAt(s, i);
  return s.slice(0, i);
}
