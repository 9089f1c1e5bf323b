import fs from "node:fs/promises";
import path from "node:path";
import { parseNotebook, type Notebook } from "../notebook/nbformat";
import { summarizeNotebook, type NotebookSummary } from "../notebook/summary";
import { projectRoot } from "./database-url";

/** The shipped tutorials live here as .ipynb files; the catalogue reads them on every request. */
export function notebooksDir(): string {
  return process.env.KERNEL_LAB_NOTEBOOKS_DIR ?? path.join(projectRoot, "notebooks");
}

export type CatalogueEntry =
  | ({ path: string; ok: true } & NotebookSummary)
  | { path: string; ok: false; title: string; error: string };

export async function listNotebooks(): Promise<CatalogueEntry[]> {
  const dir = notebooksDir();
  let names: string[];
  try {
    names = (await fs.readdir(/*turbopackIgnore: true*/ dir)).filter((n) => n.endsWith(".ipynb")).sort();
  } catch {
    return [];
  }
  return Promise.all(
    names.map(async (name): Promise<CatalogueEntry> => {
      const loaded = await loadNotebook(name);
      if (loaded.kind === "ok") return { path: name, ok: true, ...summarizeNotebook(loaded.notebook, titleFromFile(name)) };
      return { path: name, ok: false, title: titleFromFile(name), error: loaded.kind === "invalid" ? loaded.error : "file not found" };
    }),
  );
}

export type LoadedNotebook =
  | { kind: "ok"; notebook: Notebook }
  | { kind: "invalid"; error: string }
  | { kind: "missing" };

/**
 * Loads one shipped notebook by its catalogue path. Paths are file names inside the notebooks folder:
 * anything else (sub-folders, `..`, other extensions) is reported missing rather than read.
 */
export async function loadNotebook(name: string): Promise<LoadedNotebook> {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*\.ipynb$/.test(name)) return { kind: "missing" };
  let text: string;
  try {
    text = await fs.readFile(/*turbopackIgnore: true*/ path.join(notebooksDir(), name), "utf8");
  } catch {
    return { kind: "missing" };
  }
  const parsed = parseNotebook(text);
  // Validation adds nothing but reorders keys; the file's own order keeps copies and downloads byte-faithful.
  return parsed.ok ? { kind: "ok", notebook: JSON.parse(text) as Notebook } : { kind: "invalid", error: parsed.error };
}

function titleFromFile(name: string): string {
  return name.replace(/\.ipynb$/, "").replace(/^\d+[-_]/, "").replace(/[-_]+/g, " ");
}
