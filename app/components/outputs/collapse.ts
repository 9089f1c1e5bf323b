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
  const lines = splitLines(text);
  if (lines.length <= limits.maxLines && text.length <= limits.maxChars) return { collapsed: false, text };
  const headBudget = { lines: Math.ceil(limits.shownLines / 3), chars: Math.ceil(limits.shownChars / 3) };
  const tailBudget = { lines: limits.shownLines - headBudget.lines, chars: limits.shownChars - headBudget.chars };

  let headLines = 0;
  let headChars = 0;
  while (headLines < lines.length && headLines < headBudget.lines && headChars + lines[headLines].length <= headBudget.chars) {
    headChars += lines[headLines].length;
    headLines++;
  }
  let tailLines = 0;
  let tailChars = 0;
  while (
    headLines + tailLines < lines.length &&
    tailLines < tailBudget.lines &&
    tailChars + lines[lines.length - 1 - tailLines].length <= tailBudget.chars
  ) {
    tailChars += lines[lines.length - 1 - tailLines].length;
    tailLines++;
  }
  let head = lines.slice(0, headLines).join("");
  // A first line longer than the whole head budget: show its beginning rather than nothing.
  if (headLines === 0) head = lines[0].slice(0, headBudget.chars);
  const tail = lines.slice(lines.length - tailLines).join("");
  const hiddenChars = text.length - head.length - tail.length;
  const hiddenLines = lines.length - headLines - tailLines;
  return { collapsed: true, head, tail, hiddenLines, hiddenChars };
}

/** Lines with their terminators kept, so joining them gives the text back. */
export function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines.length === 1 && lines[0] === "" ? [] : lines;
}
