/**
 * Kernel Lab's own notebook operations beyond Jupyter's contents API: the "My notebooks" listing,
 * personal tutorial copies and their reset, undo of delete, revision history and tutorial progress.
 * Everything is scoped to the owner: another user's notebooks are "not found".
 */
import type { PrismaClient } from "@prisma/client";
import { cellSource, type Notebook } from "../../notebook/nbformat";
import { summarizeNotebook } from "../../notebook/summary";
import { ContentsStore, notebookTarget, titleOf, TUTORIALS_DIR } from "../jupyter-api/contents";
import { ApiError } from "../jupyter-api/http";
import { loadNotebook } from "../notebook-catalogue";

export interface NotebookListing {
  path: string;
  title: string;
  sourcePath: string | null;
  target: string;
  createdAt: string;
  updatedAt: string;
  revisionCount: number;
}

export interface TutorialProgress {
  path: string;
  codeCells: number;
  cellsRunOk: number;
  lastRunAt: string | null;
}

export class LabNotebooks {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly contents: ContentsStore,
    private readonly ownerId: () => Promise<string>,
  ) {}

  async list(): Promise<NotebookListing[]> {
    const rows = await this.prisma.notebook.findMany({
      where: { ownerId: await this.ownerId(), deletedAt: null },
      orderBy: { updatedAt: "desc" },
      select: { path: true, title: true, sourcePath: true, target: true, createdAt: true, updatedAt: true, revisionCount: true },
    });
    return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() }));
  }

  /** The owner's copy of a shipped tutorial, made on first open under the tutorial's file name (or a free one). */
  async openTutorial(tutorial: string): Promise<{ path: string; created: boolean }> {
    const original = await this.shipped(tutorial);
    const owner = await this.ownerId();
    const sourcePath = `${TUTORIALS_DIR}/${tutorial}`;
    const existing = await this.prisma.notebook.findFirst({
      where: { ownerId: owner, sourcePath, deletedAt: null },
      orderBy: { updatedAt: "desc" },
      select: { path: true },
    });
    if (existing) return { path: existing.path, created: false };
    const path = await this.contents.freePath(owner, titleOf(tutorial));
    await this.prisma.notebook.create({
      data: {
        ownerId: owner,
        path,
        sourcePath,
        title: summarizeNotebook(original, titleOf(path)).title,
        content: JSON.stringify(original),
        target: notebookTarget(original),
      },
    });
    return { path, created: true };
  }

  /** Puts the shipped original back into a tutorial copy; what it replaces becomes a revision. */
  async reset(path: string): Promise<{ path: string; revision: number }> {
    const row = await this.contents.find(this.contents.writablePath(path));
    if (!row.sourcePath?.startsWith(`${TUTORIALS_DIR}/`)) throw new ApiError(400, `${row.path} is not a copy of a tutorial, so it has no original to reset to`);
    const original = await this.shipped(row.sourcePath.slice(TUTORIALS_DIR.length + 1));
    const revision = await this.contents.snapshot(row);
    await this.prisma.notebook.update({
      where: { id: row.id },
      data: { content: JSON.stringify(original), title: summarizeNotebook(original, titleOf(row.path)).title, target: notebookTarget(original), revisionCount: { increment: 1 } },
    });
    return { path: row.path, revision };
  }

  async revisions(path: string): Promise<{ number: number; createdAt: string; cellCount: number; bytes: number }[]> {
    const row = await this.contents.find(this.contents.writablePath(path));
    const revisions = await this.prisma.notebookRevision.findMany({ where: { notebookId: row.id }, orderBy: { number: "desc" } });
    return revisions.map((r) => ({
      number: r.number,
      createdAt: r.createdAt.toISOString(),
      cellCount: (JSON.parse(r.content) as Notebook).cells.length,
      bytes: Buffer.byteLength(r.content, "utf8"),
    }));
  }

  async revision(path: string, number: number): Promise<{ number: number; createdAt: string; content: Notebook }> {
    const row = await this.contents.find(this.contents.writablePath(path));
    const revision = await this.contents.revision(row.id, String(number));
    return { number: revision.number, createdAt: revision.createdAt.toISOString(), content: JSON.parse(revision.content) as Notebook };
  }

  /** Per opened tutorial: its non-empty code cells, how many of them have run without error, and the last run. */
  async progress(): Promise<Record<string, TutorialProgress>> {
    const owner = await this.ownerId();
    const copies = await this.prisma.notebook.findMany({
      where: { ownerId: owner, deletedAt: null, sourcePath: { startsWith: `${TUTORIALS_DIR}/` } },
      orderBy: { updatedAt: "asc" },
      select: { id: true, path: true, sourcePath: true, content: true },
    });
    const result: Record<string, TutorialProgress> = {};
    // Ascending order: the most recently edited copy of a tutorial is the one reported.
    for (const copy of copies) {
      const notebook = JSON.parse(copy.content) as Notebook;
      const codeCellIds = new Set(notebook.cells.filter((c) => c.cell_type === "code" && cellSource(c).trim() !== "").flatMap((c) => (c.id ? [c.id] : [])));
      const codeCells = notebook.cells.filter((c) => c.cell_type === "code" && cellSource(c).trim() !== "").length;
      const okCells = await this.prisma.execution.findMany({
        where: { notebookId: copy.id, status: "ok", cellId: { in: [...codeCellIds] } },
        distinct: ["cellId"],
        select: { cellId: true },
      });
      const last = await this.prisma.execution.findFirst({ where: { notebookId: copy.id }, orderBy: { startedAt: "desc" }, select: { startedAt: true } });
      result[(copy.sourcePath ?? "").slice(TUTORIALS_DIR.length + 1)] = {
        path: copy.path,
        codeCells,
        cellsRunOk: okCells.length,
        lastRunAt: last?.startedAt.toISOString() ?? null,
      };
    }
    return result;
  }

  private async shipped(tutorial: string): Promise<Notebook> {
    const loaded = await loadNotebook(tutorial);
    if (loaded.kind === "missing") throw new ApiError(404, `no such tutorial: '${tutorial}'`);
    if (loaded.kind === "invalid") throw new ApiError(400, `tutorial ${tutorial} is not a valid notebook: ${loaded.error}`);
    return loaded.notebook;
  }
}
