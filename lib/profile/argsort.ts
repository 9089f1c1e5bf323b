/**
 * Stable argsort of float64 keys. Keys that arrive nearly in order (tile lifetimes in tensor-id
 * order: a few places out of order each) go through an insertion sort, linear in practice; when
 * that would move too many entries, an LSD radix sort over the keys' bit patterns (four 16-bit
 * digits, skipping digits every key shares) takes over. A comparator sort of 10^5 indices costs
 * ~10 ms of calls back into JavaScript; either path here is a few linear passes. NaN keys are not
 * supported.
 */

const DIGIT_BITS = 16;
const BUCKETS = 1 << DIGIT_BITS;

/**
 * `ids` reordered so that `keys[ids[k]]` is non-decreasing; equal keys keep their order in `ids`.
 * `keys` is indexed by id. Returns a new array; `ids` is left untouched.
 */
export function argsortByKey(ids: Uint32Array, keys: Float64Array): Uint32Array {
  return insertionArgsort(ids, keys, INSERTION_MOVES_PER_KEY * ids.length) ?? radixArgsort(ids, keys);
}

/** Average displacement per key up to which insertion sorting beats the radix passes. */
const INSERTION_MOVES_PER_KEY = 16;

/** Stable insertion argsort, or null once it has moved more than `budget` entries. */
function insertionArgsort(ids: Uint32Array, keys: Float64Array, budget: number): Uint32Array | null {
  const n = ids.length;
  const order = new Uint32Array(n);
  const sorted = new Float64Array(n);
  let moves = 0;
  for (let k = 0; k < n; k++) {
    const id = ids[k];
    const key = keys[id];
    let j = k - 1;
    // Strictly greater: equal keys stay in their given order.
    while (j >= 0 && sorted[j] > key) {
      sorted[j + 1] = sorted[j];
      order[j + 1] = order[j];
      j--;
    }
    moves += k - 1 - j;
    if (moves > budget) return null;
    sorted[j + 1] = key;
    order[j + 1] = id;
  }
  return order;
}

function radixArgsort(ids: Uint32Array, keys: Float64Array): Uint32Array {
  const n = ids.length;
  // Order-preserving unsigned images of the keys: flip the sign bit of positives, every bit of negatives.
  const f = new Float64Array(n);
  for (let k = 0; k < n; k++) f[k] = keys[ids[k]] + 0; // + 0 turns -0 into 0
  const words = new Uint32Array(f.buffer);
  const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  const loAt = littleEndian ? 0 : 1;
  const hiAt = 1 - loAt;
  const lo = new Uint32Array(n);
  const hi = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const h = words[2 * k + hiAt];
    const l = words[2 * k + loAt];
    if (h >>> 31) {
      hi[k] = ~h >>> 0;
      lo[k] = ~l >>> 0;
    } else {
      hi[k] = (h | 0x80000000) >>> 0;
      lo[k] = l;
    }
  }
  // Sort positions 0..n-1 (into `ids` order at the end), least significant digit first.
  let order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  let scratch = new Uint32Array(n);
  const counts = new Uint32Array(BUCKETS);
  for (let d = 0; d < 4; d++) {
    const word = d < 2 ? lo : hi;
    const shift = (d % 2) * DIGIT_BITS;
    counts.fill(0);
    for (let k = 0; k < n; k++) counts[(word[k] >>> shift) & (BUCKETS - 1)]++;
    if (n === 0 || counts[(word[0] >>> shift) & (BUCKETS - 1)] === n) continue;
    let sum = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = counts[b];
      counts[b] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const p = order[k];
      scratch[counts[(word[p] >>> shift) & (BUCKETS - 1)]++] = p;
    }
    [order, scratch] = [scratch, order];
  }
  for (let k = 0; k < n; k++) order[k] = ids[order[k]];
  return order;
}
