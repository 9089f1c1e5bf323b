/**
 * .ipynb export (a download of exactly the stored document) and import (an upload the server validates).
 */
import type { Contents } from "@jupyterlab/services";
import { ServerConnection } from "@jupyterlab/services";
import { newContentsManager } from "./contents";
import { importPath, parseNotebookText, serializeNotebook } from "./notebook-json";

/** Downloads the notebook at `path` as an nbformat 4.5 file named like the notebook. */
export async function downloadNotebook(path: string): Promise<void> {
  const contents = newContentsManager();
  try {
    const model = await contents.get(path, { type: "notebook", content: true });
    const blob = new Blob([serializeNotebook(model.content)], { type: "application/x-ipynb+json" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = model.name;
    document.body.append(link);
    link.click();
    link.remove();
    // The download has started once click() returns; revoking later keeps slow browsers safe.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  } finally {
    contents.dispose();
  }
}

// A name can be held by a notebook deleted moments ago (still undoable) that the listing no longer shows.
const NAME_ATTEMPTS = 5;

/**
 * Uploads a .ipynb file as a new notebook under a free name. Throws an Error whose message is the
 * validation error when the file is not a valid notebook (the server validates; its message is kept).
 */
export async function importNotebookFile(file: File): Promise<{ path: string }> {
  const content = parseNotebookText(await file.text());
  const contents = newContentsManager();
  try {
    const root = await contents.get("", { type: "directory", content: true });
    const taken = new Set((root.content as Contents.IModel[]).map((m) => m.path));
    for (let attempt = 0; ; attempt++) {
      const path = importPath(file.name, taken);
      try {
        await contents.save(path, { type: "notebook", format: "json", content });
        return { path };
      } catch (error) {
        const conflict = error instanceof ServerConnection.ResponseError && error.response.status === 409;
        if (!conflict || attempt + 1 >= NAME_ATTEMPTS) throw asPlainError(error);
        taken.add(path);
      }
    }
  } finally {
    contents.dispose();
  }
}

function asPlainError(error: unknown): Error {
  return error instanceof Error ? new Error(error.message) : new Error(String(error));
}
