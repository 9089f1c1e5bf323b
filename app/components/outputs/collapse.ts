/**
 * Long text outputs are shown as a head and a tail with the middle hidden behind an explicit
 * "show all", so a chatty loop cannot make the notebook slow to render or to type in.
 */

export interface CollapseLimits {
  readonly maxLines: number;
  readonly maxChars: number;
}

export const STREAM_LIMITS: CollapseLimits = { maxLines: 200, maxChars: 20_000 };

export type Collapsed =
  | { readonly collapsed: false; readonly text: string }
  | { readonly collapsed: true; readonly head: string; readonly tail: string; readonly hiddenLines: number; readonly hiddenChars: number };

/**
 * Splits `text` when it exceeds either limit: the head keeps about three quarters of the budget and
 * the tail (the latest output, usually what matters) the rest. Cuts fall on line boundaries unless a
 * single line is longer than the budget.
 */
export function collapseText(text: string, limits: CollapseLimits): Collapsed {
  const lines = splitLines(text);
  if (lines.length <= limits.maxLines && text.length <= limits.maxChars) return { collapsed: false, text };
  const headBudget = { lines: Math.ceil(limits.maxLines * 0.75), chars: Math.ceil(limits.maxChars * 0.75) };
  const tailBudget = { lines: limits.maxLines - headBudget.lines, chars: limits.maxChars - headBudget.chars };

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
