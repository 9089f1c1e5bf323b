/*
 * "Did you mean: 'total'?" after an uncaught NameError or AttributeError, as CPython 3.11 prints it
 * (Python/suggestions.c): the candidate closest by a Levenshtein distance in which changing a
 * letter's case costs 1 and any other edit 2, within a third of the characters involved, scanning
 * the function's variable names, then the module's globals, then the builtins (NameError) or
 * dir(obj) (AttributeError). Computed only when the traceback is printed: hasattr() and
 * getattr(obj, name, default) raise and catch AttributeErrors far more often than anyone reads them.
 */

const MAX_CANDIDATE_ITEMS = 750;
const MAX_STRING_SIZE = 40;
const MOVE_COST = 2;
const CASE_COST = 1;

const utf8 = new TextEncoder();

function substitutionCost(a: number, b: number): number {
  if ((a & 31) !== (b & 31)) return MOVE_COST;
  if (a === b) return 0;
  const la = a >= 0x41 && a <= 0x5a ? a + 32 : a;
  const lb = b >= 0x41 && b <= 0x5a ? b + 32 : b;
  return la === lb ? CASE_COST : MOVE_COST;
}

function levenshtein(a0: Uint8Array, b0: Uint8Array, maxCost: number): number {
  let a = a0;
  let b = b0;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  a = a.subarray(start);
  b = b.subarray(start);
  let aEnd = a.length;
  let bEnd = b.length;
  while (aEnd > 0 && bEnd > 0 && a[aEnd - 1] === b[bEnd - 1]) {
    aEnd--;
    bEnd--;
  }
  a = a.subarray(0, aEnd);
  b = b.subarray(0, bEnd);
  if (a.length === 0 || b.length === 0) return (a.length + b.length) * MOVE_COST;
  if (a.length > MAX_STRING_SIZE || b.length > MAX_STRING_SIZE) return maxCost + 1;
  if (b.length < a.length) [a, b] = [b, a];
  if ((b.length - a.length) * MOVE_COST > maxCost) return maxCost + 1;
  const buffer = new Array<number>(a.length);
  for (let i = 0; i < a.length; i++) buffer[i] = (i + 1) * MOVE_COST;
  let result = 0;
  for (let bi = 0; bi < b.length; bi++) {
    const code = b[bi];
    let distance = bi * MOVE_COST;
    result = distance;
    let minimum = Infinity;
    for (let ai = 0; ai < a.length; ai++) {
      const substitute = distance + substitutionCost(code, a[ai]);
      distance = buffer[ai];
      const insertDelete = Math.min(result, distance) + MOVE_COST;
      result = Math.min(insertDelete, substitute);
      buffer[ai] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > maxCost) return maxCost + 1;
  }
  return result;
}

/** CPython's calculate_suggestions over one candidate list. */
function closest(candidates: readonly string[], name: string): string | null {
  if (candidates.length >= MAX_CANDIDATE_ITEMS) return null;
  const nameBytes = utf8.encode(name);
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const item of candidates) {
    if (item === name) continue;
    const itemBytes = utf8.encode(item);
    const maxDistance = Math.min(Math.floor(((nameBytes.length + itemBytes.length + 3) * MOVE_COST) / 6), bestDistance - 1);
    const d = levenshtein(nameBytes, itemBytes, maxDistance);
    if (d > maxDistance) continue;
    if (best === null || d < bestDistance) {
      best = item;
      bestDistance = d;
    }
  }
  return best;
}

/** Where an error's suggestion comes from: the missing name and the candidate lists, in order. */
export interface SuggestionSource {
  readonly name: string;
  readonly candidates: () => readonly (readonly string[])[];
}

/** The first list's closest candidate, if any list has one. */
export function suggest(source: SuggestionSource): string | null {
  for (const list of source.candidates()) {
    const s = closest(list, source.name);
    if (s !== null) return s;
  }
  return null;
}
