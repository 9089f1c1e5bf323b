/**
 * The timeline's search box: space-separated terms, all of which must match. `opcode:`, `engine:`
 * and `line:` restrict a term to one field (`line:12` or `line:10-14`); a bare number is a line; any
 * other bare word matches opcode, variant, engine or track names as a case-insensitive substring.
 */

export interface FilterFields {
  readonly opcode: string;
  readonly variant: string;
  readonly engine: string;
  readonly track: string;
  readonly line: number;
}

type Term = (f: FilterFields) => boolean;

function lineTerm(spec: string): Term | null {
  const m = /^(\d+)(?:-(\d+))?$/.exec(spec);
  if (!m) return null;
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  return (f) => f.line >= lo && f.line <= hi;
}

/** Null when the query is empty (nothing filtered); otherwise a predicate over an instruction's fields. */
export function parseFilter(query: string): ((f: FilterFields) => boolean) | null {
  const words = query.trim().toLowerCase().split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0) return null;
  const terms: Term[] = words.map((word) => {
    const colon = word.indexOf(":");
    const field = colon > 0 ? word.slice(0, colon) : "";
    const value = colon > 0 ? word.slice(colon + 1) : word;
    if (field === "line") return lineTerm(value) ?? (() => false);
    if (field === "opcode") return (f) => f.opcode.toLowerCase().includes(value) || f.variant.toLowerCase().includes(value);
    if (field === "engine") return (f) => f.engine.toLowerCase().includes(value) || f.track.toLowerCase().includes(value);
    const asLine = lineTerm(value);
    if (asLine) return asLine;
    return (f) =>
      f.opcode.toLowerCase().includes(value) || f.variant.toLowerCase().includes(value) || f.engine.toLowerCase().includes(value) || f.track.toLowerCase().includes(value);
  });
  return (f) => terms.every((t) => t(f));
}
