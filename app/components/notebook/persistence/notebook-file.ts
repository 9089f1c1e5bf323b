/**
 * Loading and saving the notebook through the Jupyter contents API, with the failure kinds autosave
 * tells apart: the server unreachable (retry), a conflict (the copy changed elsewhere: ask), or a
 * refusal (show it). Plus the local draft in localStorage that survives a browser crash.
 */
import { ContentsManager, ServerConnection, type Contents } from "@jupyterlab/services";
import type { INotebookContent } from "@jupyterlab/nbformat";
import { serverSettings } from "../../../lib/services";
import type { Draft } from "../model/autosave";

export interface LoadedNotebook {
  content: INotebookContent;
  lastModified: string;
  writable: boolean;
}

export type SaveFailure =
  | { kind: "offline" }
  | { kind: "conflict"; theirs: string | null }
  | { kind: "rejected"; message: string };

export class SaveError extends Error {
  constructor(readonly failure: SaveFailure) {
    super(failure.kind === "rejected" ? failure.message : failure.kind);
  }
}

/** Jupyter's model plus Kernel Lab's `expected_last_modified` (see the contract: PUT answers 409 if it differs). */
type SaveOptions = Partial<Contents.IModel> & { expected_last_modified?: string };

export class NotebookFile {
  private readonly contents = new ContentsManager({ serverSettings: serverSettings() });

  constructor(readonly path: string) {}

  async load(): Promise<LoadedNotebook> {
    const model = await this.contents.get(this.path, { type: "notebook", content: true });
    return { content: model.content as INotebookContent, lastModified: model.last_modified, writable: model.writable };
  }

  async lastModified(): Promise<string | null> {
    try {
      return (await this.contents.get(this.path, { type: "notebook", content: false })).last_modified;
    } catch {
      return null;
    }
  }

  /** Writes the notebook; with `expectedLastModified`, only over the copy this tab last saw. */
  async save(content: INotebookContent, expectedLastModified: string | null): Promise<string> {
    const options: SaveOptions = { type: "notebook", format: "json", content };
    if (expectedLastModified) options.expected_last_modified = expectedLastModified;
    try {
      return (await this.contents.save(this.path, options)).last_modified;
    } catch (error) {
      if (error instanceof ServerConnection.ResponseError) {
        if (error.response.status === 409) throw new SaveError({ kind: "conflict", theirs: await this.lastModified() });
        if (error.response.status >= 500 || error.response.status === 0) throw new SaveError({ kind: "offline" });
        throw new SaveError({ kind: "rejected", message: error.message });
      }
      throw new SaveError({ kind: "offline" });
    }
  }

  async checkpoint(): Promise<void> {
    await this.contents.createCheckpoint(this.path);
  }

  dispose(): void {
    this.contents.dispose();
  }
}

const DRAFT_PREFIX = "kernel-lab:draft:";

export function readDraft(path: string): Draft | null {
  try {
    const text = window.localStorage.getItem(DRAFT_PREFIX + path);
    if (!text) return null;
    const value = JSON.parse(text) as Partial<Draft>;
    if (typeof value.content !== "string" || typeof value.savedAt !== "number") return null;
    return { content: value.content, savedAt: value.savedAt, baseLastModified: typeof value.baseLastModified === "string" ? value.baseLastModified : null };
  } catch {
    return null;
  }
}

/** Best effort: a full or disabled storage must not break editing. */
export function writeDraft(path: string, draft: Draft): void {
  try {
    window.localStorage.setItem(DRAFT_PREFIX + path, JSON.stringify(draft));
  } catch {
    // Nothing to do: the server copy is still saved by autosave.
  }
}

export function clearDraft(path: string): void {
  try {
    window.localStorage.removeItem(DRAFT_PREFIX + path);
  } catch {
    // As above.
  }
}
