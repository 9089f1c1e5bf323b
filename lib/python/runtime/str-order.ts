/*
 * Python orders str by code point; JS's `<` orders by UTF-16 unit, so a character outside the BMP
 * (two surrogate units, 0xD800-0xDFFF) sorts below U+E000..U+FFFF there but above them in CPython.
 *
 * The two orders agree whenever one of the strings has no unit >= 0xD800: at the first differing
 * unit that string's unit (or its end) is below every unit >= 0xD800 the other may hold, whatever
 * code point that unit belongs to, and the shared prefix cannot split a surrogate pair. They also
 * agree when neither string holds a surrogate. So the native comparison stands unless both strings
 * hold a unit >= 0xD800; testing that costs one regex call, which V8 answers in constant time for a
 * string it stores one byte per character (ASCII and Latin-1 text: the pattern cannot match).
 */

const HIGH_UNIT = /[\uD800-\uFFFF]/;
const SURROGATE = /[\uD800-\uDFFF]/;

/** Exact code point order: negative, zero or positive, for strings known to need it. */
function codePointCompare(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length - b.length;
  // The shared prefix may end with the high half of a pair whose low half is where they differ:
  // compare from the pair's start so the whole code point counts.
  if (i > 0 && isHigh(a.charCodeAt(i - 1)) && (isLow(a.charCodeAt(i)) || isLow(b.charCodeAt(i)))) i--;
  return (a.codePointAt(i) as number) - (b.codePointAt(i) as number);
}

function isHigh(u: number): boolean {
  return u >= 0xd800 && u < 0xdc00;
}

function isLow(u: number): boolean {
  return u >= 0xdc00 && u < 0xe000;
}

/** Depth of `withNativeOrder` calls: inside one, every str compared is known surrogate-free. */
let nativeScopes = 0;

/**
 * Run `f` (a sort) with strLess trusting native `<`: only for comparisons that can reach no str but
 * those the caller checked with `hasNoSurrogate`, which rules out any user code running inside.
 */
export function withNativeOrder<T>(f: () => T): T {
  nativeScopes++;
  try {
    return f();
  } finally {
    nativeScopes--;
  }
}

/** `a < b` for Python strs. */
export function strLess(a: string, b: string): boolean {
  if (nativeScopes > 0) return a < b;
  const x = a.charCodeAt(0);
  const y = b.charCodeAt(0);
  // Differing first units, one of them below the surrogates (or an empty string): decided there,
  // as natively.
  if (x !== y && (x < 0xd800 || y < 0xd800)) return a < b;
  if (!HIGH_UNIT.test(a) || !HIGH_UNIT.test(b)) return a < b;
  return codePointCompare(a, b) < 0;
}

/** Three-way code point comparison of two strs. */
export function strCompare(a: string, b: string): number {
  if (a === b) return 0;
  return strLess(a, b) ? -1 : 1;
}

/** Whether every value is a JS string (a Python str). */
export function allStrings(values: readonly unknown[]): values is readonly string[] {
  for (let i = 0; i < values.length; i++) if (typeof values[i] !== "string") return false;
  return true;
}

/** Whether native `<` orders these strings as Python does: true when none holds a surrogate. */
export function nativeOrderHolds(strings: readonly string[]): boolean {
  for (let i = 0; i < strings.length; i++) if (SURROGATE.test(strings[i])) return false;
  return true;
}

/** Whether native `<` orders this string as Python does against any surrogate-free string. */
export function hasNoSurrogate(s: string): boolean {
  return !SURROGATE.test(s);
}

/** Whether native `<` between this string and any other is exact: it holds no unit >= 0xD800. */
export function comparesNatively(s: string): boolean {
  return !HIGH_UNIT.test(s);
}

/**
 * A comparator of indices into `keys` in code point order (descending when `reverse`), equal keys
 * comparing 0. The per-comparison check runs only when some key holds a surrogate, and then only
 * between two keys that both hold a unit >= 0xD800 (each key tested once).
 */
export function keyIndexComparator(keys: readonly string[], reverse: boolean): (i: number, j: number) => number {
  const sign = reverse ? -1 : 1;
  if (nativeOrderHolds(keys)) return (i, j) => (keys[i] < keys[j] ? -sign : keys[j] < keys[i] ? sign : 0);
  const high = new Uint8Array(keys.length);
  for (let i = 0; i < keys.length; i++) if (HIGH_UNIT.test(keys[i])) high[i] = 1;
  return (i, j) => {
    const a = keys[i];
    const b = keys[j];
    if (high[i] & high[j]) return sign * Math.sign(codePointCompare(a, b));
    return a < b ? -sign : b < a ? sign : 0;
  };
}
