/**
 * Long text outputs are shown as a head and a tail with the middle hidden behind an explicit
 * "show all", so a chatty loop cannot make the notebook slow to render or to type in.
 */

export interface CollapseLimits {
  /** Text within both of these is shown whole. */
  readonly maxLines: number;
  readonly maxChars: number;
  /** Longer text shows at most this much: a third from its start, the rest from its end. */
  readonly shownLines: number;
  readonly shownChars: number;
}

export const STREAM_LIMITS: CollapseLimits = { maxLines: 200, maxChars: 20_000, shownLines: 60, shownChars: 8_000 };

export type Collapsed =
  | { readonly collapsed: false; readonly text: string }
  | { readonly collapsed: true; readonly head: string; readonly tail: string; readonly hiddenLines: number; readonly hiddenChars: number };

/**
 * Splits `text` when it exceeds either limit into a head and a tail; the tail (the latest output,
 * usually what matters) gets two thirds of the shown budget. Cuts fall on line boundaries unless a
 * single line is longer than the head's budget.
 */
export function collapseText(text: string, limits: CollapseLimits): Collapsed {
  const lineCount = countLines(text);
  if (lineCount <= limits.maxLines && text.length <= limits.maxChars) return { collapsed: false, text };
  const headBudget = { lines: Math.ceil(limits.shownLines / 3), chars: Math.ceil(limits.shownChars / 3) };
  const tailBudget = { lines: limits.shownLines - headBudget.lines, chars: limits.shownChars - headBudget.chars };

  // Scan from the start for whole lines that fit the head's budget (never the whole text: it is too long).
  let headEnd = 0;
  let headLines = 0;
  while (headLines < headBudget.lines) {
    const nl = text.indexOf("\n", headEnd);
    const next = nl < 0 ? text.length : nl + 1;
    if (next > headBudget.chars || next === headEnd) break;
    headEnd = next;
    headLines++;
  }
  // Then from the end for the tail, without reaching into the head.
  let tailStart = text.length;
  let tailLines = 0;
  while (tailLines < tailBudget.lines && tailStart > headEnd) {
    const prevNl = text.lastIndexOf("\n", tailStart - 2);
    const lineStart = Math.max(prevNl + 1, headEnd);
    if (text.length - lineStart > tailBudget.chars) break;
    tailStart = lineStart;
    tailLines++;
  }
  // A first line longer than the whole head budget: show its beginning rather than nothing.
  const head = headLines === 0 ? text.slice(0, Math.min(headBudget.chars, tailStart)) : text.slice(0, headEnd);
  const tail = text.slice(tailStart);
  return { collapsed: true, head, tail, hiddenLines: lineCount - headLines - tailLines, hiddenChars: text.length - head.length - tail.length };
}

function countLines(text: string): number {
  if (text === "") return 0;
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return text.endsWith("\n") ? n : n + 1;
}

/** Lines with their terminators kept, so joining them gives the text back. */
export function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines.length === 1 && lines[0] === "" ? [] : lines;
}
