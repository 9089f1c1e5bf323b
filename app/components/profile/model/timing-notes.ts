/**
 * The bullet list under "## What is not modelled" in docs/timing-model.md, as plain sentences, so
 * the viewer's note always says what the documentation says. Continuation lines join their bullet;
 * inline code marks are dropped.
 */
export function notModelledFromMarkdown(markdown: string): string[] {
  const lines = markdown.split("\n");
  const start = lines.findIndex((l) => /^##\s+What is not modelled/i.test(l));
  if (start < 0) return [];
  const items: string[] = [];
  for (let k = start + 1; k < lines.length && !/^##\s/.test(lines[k]); k++) {
    const line = lines[k];
    if (/^\s*[-*]\s+/.test(line)) items.push(line.replace(/^\s*[-*]\s+/, "").trim());
    else if (line.trim() && items.length > 0) items[items.length - 1] += ` ${line.trim()}`;
  }
  return items.map((s) => s.replace(/`/g, "").replace(/\s+/g, " "));
}
