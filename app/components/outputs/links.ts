/** Web addresses in output text, to show as links like JupyterLab does (http and https only). */

const URL_PATTERN = /https?:\/\/[^\s<>"'`]+[^\s<>"'`.,;:!?)\]}]/g;

export type TextPart = { readonly text: string; readonly href: string | null };

export function linkParts(text: string): TextPart[] {
  if (!text.includes("http")) return [{ text, href: null }];
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(URL_PATTERN)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index), href: null });
    parts.push({ text: m[0], href: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), href: null });
  return parts;
}
