/*
 * Stable ordering of many strs, for list.sort / sorted on str values or str keys.
 *
 * V8's Array.prototype.sort compares strings through a generic comparison call per step, which
 * makes 100k strs ~2-3x slower to sort than CPython. Here the characters that can differ are
 * packed into 6 bytes per string (the window after the common prefix of all strings: six
 * one-byte units, or three 16-bit ones), an LSD radix sort orders by them, and only runs whose
 * window is equal but whose strings may still differ fall back to comparisons.
 *
 * Callers guarantee that no string holds a surrogate, so code unit order is Python's code point
 * order. Ties keep their original order, also when descending (Python's `reverse=True` is stable).
 */

/** Below this many keys the comparison sort is as quick. */
export const RADIX_MIN = 256;

const KEY_BYTES = 6;

/** Length of the prefix shared by every string. */
function commonPrefix(keys: readonly string[]): number {
  const first = keys[0];
  let lcp = first.length;
  for (let i = 1; i < keys.length && lcp > 0; i++) {
    const s = keys[i];
    const m = Math.min(lcp, s.length);
    let k = 0;
    while (k < m && s.charCodeAt(k) === first.charCodeAt(k)) k++;
    lcp = k;
  }
  return lcp;
}

/**
 * The permutation that sorts `keys` (ascending, or descending when `reverse`), stable: `keys[order[0]]`
 * is the first. `keys` must be surrogate-free and non-empty.
 */
export function strSortOrder(keys: readonly string[], reverse: boolean): Int32Array {
  const n = keys.length;
  const lcp = commonPrefix(keys);
  let wide = false;
  for (let i = 0; i < n && !wide; i++) {
    const s = keys[i];
    const end = Math.min(s.length, lcp + KEY_BYTES);
    for (let k = lcp; k < end; k++) {
      if (s.charCodeAt(k) > 0xff) {
        wide = true;
        break;
      }
    }
  }
  const units = wide ? KEY_BYTES / 2 : KEY_BYTES;
  const window = lcp + units;
  // Missing characters pack as 0, below every unit but equal to U+0000: such ties are settled below.
  const bytes = new Uint8Array(n * KEY_BYTES);
  for (let i = 0; i < n; i++) {
    const s = keys[i];
    const end = Math.min(s.length, window);
    const at = i * KEY_BYTES;
    for (let k = lcp; k < end; k++) {
      const c = s.charCodeAt(k);
      if (wide) {
        bytes[at + 2 * (k - lcp)] = c >> 8;
        bytes[at + 2 * (k - lcp) + 1] = c & 0xff;
      } else {
        bytes[at + k - lcp] = c;
      }
    }
  }

  let order = new Int32Array(n);
  let spare = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const count = new Int32Array(256);
  for (let p = KEY_BYTES - 1; p >= 0; p--) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[bytes[i * KEY_BYTES + p]]++;
    if (count.includes(n)) continue; // every key has the same byte here
    let start = 0;
    for (let b = 0; b < 256; b++) {
      const bucket = reverse ? 255 - b : b;
      const c = count[bucket];
      count[bucket] = start;
      start += c;
    }
    for (let i = 0; i < n; i++) {
      const x = order[i];
      spare[count[bytes[x * KEY_BYTES + p]]++] = x;
    }
    const t = order;
    order = spare;
    spare = t;
  }

  const sign = reverse ? -1 : 1;
  const compare = (i: number, j: number): number => (keys[i] < keys[j] ? -sign : keys[j] < keys[i] ? sign : 0);
  for (let i = 0; i < n; ) {
    const a = order[i] * KEY_BYTES;
    let j = i + 1;
    let settled = keys[order[i]].length <= window;
    const length = keys[order[i]].length;
    for (; j < n; j++) {
      const b = order[j] * KEY_BYTES;
      let same = true;
      for (let q = 0; q < KEY_BYTES; q++) {
        if (bytes[a + q] !== bytes[b + q]) {
          same = false;
          break;
        }
      }
      if (!same) break;
      // Equal windows and equal lengths within the window: the strings are equal.
      if (keys[order[j]].length !== length) settled = false;
    }
    if (j - i > 1 && !settled) order.subarray(i, j).set(Array.from(order.subarray(i, j)).sort(compare));
    i = j;
  }
  return order;
}
