/**
 * Helpers that turn the kernel's complete/inspect replies into editor features. Jupyter counts cursor
 * positions in Unicode code points, JavaScript (and Monaco) in UTF-16 units: positions convert here.
 */

export function toCodePoints(text: string, utf16Offset: number): number {
  let points = 0;
  for (let i = 0; i < utf16Offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) i++;
    points++;
  }
  return points;
}

export function toUtf16(text: string, codePoints: number): number {
  let i = 0;
  for (let cp = 0; cp < codePoints && i < text.length; cp++) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c < 0xdc00 && i + 1 < text.length ? 2 : 1;
  }
  return i;
}

export interface SignatureInfo {
  /** "nl.load(src, *, mask=None, dtype=None)" */
  label: string;
  /** Each parameter's [start, end) in `label`. */
  parameters: [number, number][];
  doc: string;
}

/** Reads the `Signature:` and `Docstring:` parts of an inspect reply's text/plain, if it has a signature. */
export function parseInspectSignature(text: string): SignatureInfo | null {
  const match = /^Signature: (.*)$/m.exec(text);
  if (!match) return null;
  const label = match[1];
  const open = label.indexOf("(");
  const close = label.lastIndexOf(")");
  if (open < 0 || close < open) return null;
  const parameters: [number, number][] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open + 1; i <= close; i++) {
    const ch = label[i];
    if (ch === "(" || ch === "[" || ch === "{") depth++;
    else if ((ch === ")" || ch === "]" || ch === "}") && i !== close) depth--;
    if ((ch === "," && depth === 0) || i === close) {
      let s = start;
      let e = i;
      while (s < e && label[s] === " ") s++;
      while (e > s && label[e - 1] === " ") e--;
      if (e > s) parameters.push([s, e]);
      start = i + 1;
    }
  }
  const doc = /^Docstring:\n([\s\S]*)$/m.exec(text)?.[1].trim() ?? "";
  return { label, parameters, doc };
}

/**
 * Index of the argument the cursor is in, counting top-level commas since the call's open parenthesis,
 * or null if the cursor is not inside a call. Strings are skipped so "a, b" does not count.
 */
export function activeArgument(code: string, cursor: number): number | null {
  let depth = 0;
  let commas = 0;
  const before = stripStrings(code.slice(0, cursor));
  for (let i = before.length - 1; i >= 0; i--) {
    const ch = before[i];
    if (ch === ")" || ch === "]" || ch === "}") depth++;
    else if (ch === "(" || ch === "[" || ch === "{") {
      if (depth === 0) return ch === "(" ? commas : null;
      depth--;
    } else if (ch === "," && depth === 0) commas++;
  }
  return null;
}

/** Blanks out string literals and comments (keeping length), so brackets inside them are not counted. */
function stripStrings(code: string): string {
  return code.replace(/#[^\n]*|("""|''')[\s\S]*?(\1|$)|"(?:\\.|[^"\\\n])*("|$)|'(?:\\.|[^'\\\n])*('|$)/g, (m) => " ".repeat(m.length));
}
