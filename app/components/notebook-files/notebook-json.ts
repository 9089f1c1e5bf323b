/**
 * The pure half of .ipynb import and export: how a stored notebook becomes a file, and how an uploaded
 * file gets a name that does not overwrite anything.
 */

/**
 * Jupyter's on-disk form: one-space indent, non-ASCII kept as is, a trailing newline. Keys keep the
 * stored order and multi-line strings keep their stored form, so the file is exactly the stored document.
 */
export function serializeNotebook(content: unknown): string {
  return `${JSON.stringify(content, null, 1)}\n`;
}

/** Parses an uploaded file's text; the nbformat validation itself is the server's (its message is shown). */
export function parseNotebookText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`not valid JSON: ${(error as Error).message}`);
  }
}

const MAX_BASE_LENGTH = 200;

/**
 * The first free notebook path for an uploaded file: its own name when free, else `name-1.ipynb`,
 * `name-2.ipynb`, … Folders in the name are dropped (notebooks live at the top level) and characters the
 * contents API refuses become `-`.
 */
export function importPath(fileName: string, taken: ReadonlySet<string>): string {
  const base = importBase(fileName);
  for (let i = 0; ; i++) {
    const candidate = `${base}${i === 0 ? "" : `-${i}`}.ipynb`;
    if (!taken.has(candidate)) return candidate;
  }
}

function importBase(fileName: string): string {
  const leaf = fileName.slice(Math.max(fileName.lastIndexOf("/"), fileName.lastIndexOf("\\")) + 1);
  const cleaned = Array.from(leaf.replace(/\.ipynb$/i, ""), (ch) => (ch.charCodeAt(0) < 0x20 ? "-" : ch))
    .join("")
    .trim()
    .replace(/^\.+/, "")
    .slice(0, MAX_BASE_LENGTH);
  return cleaned === "" ? "Imported" : cleaned;
}
