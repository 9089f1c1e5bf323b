import { z } from "zod";
import { cellSource, type Notebook } from "./nbformat";

/** What the catalogue shows of a notebook: taken from its first markdown heading and paragraph. */
export interface NotebookSummary {
  title: string;
  description: string;
  cellCount: number;
  codeCellCount: number;
  difficulty: string | null;
  estimatedMinutes: number | null;
}

/** Catalogue fields a tutorial may set in `metadata.kernel_lab`; they win over what is read from the cells. */
const catalogueMetadata = z.looseObject({
  summary: z.string().optional(),
  difficulty: z.string().optional(),
  estimated_minutes: z.number().positive().optional(),
});

export function summarizeNotebook(notebook: Notebook, fallbackTitle: string): NotebookSummary {
  let title: string | undefined;
  let description: string | undefined;
  for (const c of notebook.cells) {
    if (c.cell_type !== "markdown") continue;
    for (const block of cellSource(c).split(/\n\s*\n/)) {
      const text = block.trim();
      if (!text) continue;
      const heading = /^#{1,6}\s+(.+)$/m.exec(text);
      if (title === undefined && heading && text.startsWith("#")) {
        title = plainText(heading[1]);
        continue;
      }
      if (title !== undefined && description === undefined && !text.startsWith("#")) {
        description = plainText(text.replace(/\s*\n\s*/g, " "));
      }
    }
    if (title !== undefined && description !== undefined) break;
  }
  const parsed = catalogueMetadata.safeParse(notebook.metadata.kernel_lab);
  const meta = parsed.success ? parsed.data : {};
  return {
    title: title ?? fallbackTitle,
    description: meta.summary ?? description ?? "",
    difficulty: meta.difficulty ?? null,
    estimatedMinutes: meta.estimated_minutes ?? null,
    cellCount: notebook.cells.length,
    codeCellCount: notebook.cells.filter((c) => c.cell_type === "code").length,
  };
}

/** Strips inline markdown markup so titles and descriptions read as plain text. */
function plainText(markdown: string): string {
  return markdown
    .replace(/<[^>]*>/g, "")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__|\*|_|`)(.+?)\1/g, "$2")
    .trim();
}
