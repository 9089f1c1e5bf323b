/*
 * Python measures and indexes a str in code points; a JS string holds each character outside the
 * BMP (emoji, rare CJK) as two UTF-16 units. Every str operation that counts, indexes or slices asks
 * `astralOffsets(s)`: null for the usual all-BMP string, whose UTF-16 indices already are code point
 * indices, else where each code point starts. The last answer is cached, so a loop indexing one
 * string does not rescan it. A lone surrogate counts as one character, as in CPython.
 *
 * Cost, measured against UTF-16 indexing (tests/corpus 304 pins the results): indexing a long
 * Latin-1 string in a loop +60% (one regex call per access), short words +20%, a string holding
 * CJK text or emoji about 5x (the cache lookup, and slicing out pairs).
 */

const SURROGATE = /[\uD800-\uDFFF]/;
const BEYOND_LATIN1 = /[^\0-\xff]/;
/** Strings longer than this (in UTF-16 units) get their offsets recomputed instead of cached (4 MiB). */
const CACHE_LIMIT = 1 << 20;

let cachedString = "";
let cachedOffsets: Uint32Array | null = null;

function computeOffsets(s: string): Uint32Array {
  let n = 0;
  for (let u = 0; u < s.length; u++) {
    const c = s.charCodeAt(u);
    if (c >= 0xd800 && c < 0xdc00 && u + 1 < s.length) {
      const d = s.charCodeAt(u + 1);
      if (d >= 0xdc00 && d < 0xe000) u++;
    }
    n++;
  }
  const offsets = new Uint32Array(n + 1);
  let i = 0;
  for (let u = 0; u < s.length; u++) {
    offsets[i++] = u;
    const c = s.charCodeAt(u);
    if (c >= 0xd800 && c < 0xdc00 && u + 1 < s.length) {
      const d = s.charCodeAt(u + 1);
      if (d >= 0xdc00 && d < 0xe000) u++;
    }
  }
  offsets[n] = s.length;
  return offsets;
}

/**
 * For a string with a surrogate pair, the UTF-16 offset where each code point starts, plus the
 * string's length at the end (so code point `i` is `s.slice(o[i], o[i + 1])`); null otherwise.
 */
export function astralOffsets(s: string): Uint32Array | null {
  // For a long string, V8 answers this in constant time when it stores the string one byte per
  // character (Latin-1 text, the usual case): the pattern cannot match. Comparing a long string with
  // the cached one costs more (measured: 3x slower indexing of a 2200-character string).
  if (s.length > 32 && !BEYOND_LATIN1.test(s)) return null;
  if (s === cachedString) return cachedOffsets;
  if (!SURROGATE.test(s)) {
    cachedString = s;
    cachedOffsets = null;
    return null;
  }
  const offsets = computeOffsets(s);
  // A string of lone surrogates has one code point per unit: the all-BMP treatment is exact.
  const result = offsets.length - 1 === s.length ? null : offsets;
  if (s.length <= CACHE_LIMIT) {
    cachedString = s;
    cachedOffsets = result;
  }
  return result;
}

/** `len(s)`. */
export function codePointLength(s: string): number {
  const o = astralOffsets(s);
  return o === null ? s.length : o.length - 1;
}

/** The UTF-16 offset of code point index `i` (0 <= i <= len) in a string with these `astralOffsets`. */
export function unitOffset(offsets: Uint32Array | null, i: number): number {
  return offsets === null ? i : offsets[i];
}

/** The code point index of UTF-16 offset `u` (a code point's start, or the string's length). */
export function codePointIndex(offsets: Uint32Array | null, u: number): number {
  if (offsets === null) return u;
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid] < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The code points of `s`, each as a string (what iterating a str yields). */
export function codePointArray(s: string): string[] {
  return astralOffsets(s) === null ? s.split("") : Array.from(s);
}

/** Whether every character is ASCII (str.isascii; CPython iterates such strs with str_ascii_iterator). */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}
