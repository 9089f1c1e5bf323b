/**
 * The Jupyter contents API over Kernel Lab's storage: the shipped tutorials are a read-only `tutorials/`
 * folder (files in notebooks/), and the local user's notebooks live in the database at the root.
 * Checkpoints are notebook revisions.
 */
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { validateNotebook, type Notebook } from "../../notebook/nbformat";
import { summarizeNotebook } from "../../notebook/summary";
import { listNotebooks, loadNotebook } from "../notebook-catalogue";
import { ApiError } from "./http";
import { DEFAULT_TARGET, TARGET_NAMES, type TargetName } from "../../kernel/engine";

export const TUTORIALS_DIR = "tutorials";

export interface ContentsModel {
  name: string;
  path: string;
  type: "notebook" | "directory";
  format: "json" | null;
  mimetype: null;
  content: unknown;
  size: number | null;
  writable: boolean;
  created: string;
  last_modified: string;
}

export const saveBody = z
  .object({
    type: z.literal("notebook", { error: "only notebooks can be saved" }),
    format: z.literal("json").optional(),
    content: z.unknown(),
    /** Kernel Lab's conflict check: the `last_modified` the client last saw; a different stored one is a 409. */
    expected_last_modified: z.iso.datetime({ offset: true, error: "expected_last_modified must be an ISO date-time" }).optional(),
  })
  .loose();
export const createBody = z
  .object({ type: z.enum(["notebook", "directory", "file"]).optional(), ext: z.string().optional(), copy_from: z.string().optional() })
  .loose();
export const renameBody = z.object({ path: z.string().min(1).max(1024) }).loose();

// Shipped files have no creation time worth reporting; a fixed epoch keeps responses stable.
const EPOCH = new Date(0).toISOString();

/** How long a deleted notebook can be restored (undo) before it is purged with its executions and profiles. */
export const UNDO_DELETE_MS = 10 * 60_000;

/** Saves snapshot the previous content as a revision when the latest revision is older than this. */
export const AUTO_REVISION_INTERVAL_MS = 5 * 60_000;

export class ContentsStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly ownerId: () => Promise<string>,
  ) {}

  async get(path: string, withContent: boolean): Promise<ContentsModel> {
    const p = normalize(path);
    if (p === "") return this.root(withContent);
    if (p === TUTORIALS_DIR) return this.tutorialsDir(withContent);
    if (p.startsWith(`${TUTORIALS_DIR}/`)) return this.tutorial(p, withContent);
    const row = await this.find(p);
    return this.notebookModel(row, withContent);
  }

  /** PUT: creates (201) or overwrites (200) a notebook; an invalid notebook is a 400 naming the problem. */
  async save(path: string, body: z.infer<typeof saveBody>): Promise<{ model: ContentsModel; created: boolean }> {
    const p = this.writablePath(path);
    const notebook = requireValidNotebook(body.content);
    const target = notebookTarget(notebook);
    // The document as sent: validation adds nothing, and keeping its key order makes downloads byte-identical.
    const content = JSON.stringify(body.content);
    const owner = await this.ownerId();
    const existing = await this.livePath(owner, p);
    if (existing && body.expected_last_modified !== undefined && Date.parse(body.expected_last_modified) !== existing.updatedAt.getTime()) {
      throw new ApiError(409, `${p} changed since you loaded it (saved elsewhere at ${existing.updatedAt.toISOString()}); nothing was written`, "conflict", {
        last_modified: existing.updatedAt.toISOString(),
      });
    }
    const title = summarizeNotebook(notebook, titleOf(p)).title;
    let row;
    if (existing) {
      if (existing.content !== content) await this.autoRevision(existing);
      row = await this.prisma.notebook.update({ where: { id: existing.id }, data: { content, title, target, revisionCount: { increment: 1 } } });
    } else {
      row = await this.prisma.notebook.create({ data: { ownerId: owner, path: p, title, content, target } });
    }
    return { model: this.notebookModel(row, false), created: !existing };
  }

  /** Keeps one snapshot of earlier content per interval, so history survives a long autosaved session. */
  private async autoRevision(row: { id: string; content: string }): Promise<void> {
    const last = await this.prisma.notebookRevision.findFirst({ where: { notebookId: row.id }, orderBy: { number: "desc" } });
    if (last && Date.now() - last.createdAt.getTime() < AUTO_REVISION_INTERVAL_MS) return;
    await this.snapshot(row);
  }

  /** Stores a notebook's current content as its next revision; returns the revision number. */
  async snapshot(row: { id: string; content: string }): Promise<number> {
    const last = await this.prisma.notebookRevision.findFirst({ where: { notebookId: row.id }, orderBy: { number: "desc" } });
    const revision = await this.prisma.notebookRevision.create({ data: { notebookId: row.id, number: (last?.number ?? 0) + 1, content: row.content } });
    return revision.number;
  }

  /**
   * The live notebook at a path. A deleted one still holding the path (within its undo window) gives way:
   * writing a new notebook there purges it, as the user has moved on.
   */
  private async livePath(owner: string, path: string) {
    const row = await this.prisma.notebook.findUnique({ where: { ownerId_path: { ownerId: owner, path } } });
    if (row?.deletedAt) {
      await this.prisma.notebook.delete({ where: { id: row.id } });
      return null;
    }
    return row;
  }

  /** POST to a directory: a new untitled notebook, or a copy of `copy_from` (how a tutorial becomes yours). */
  async create(dir: string, body: z.infer<typeof createBody>): Promise<ContentsModel> {
    if (normalize(dir) !== "") throw new ApiError(403, "new notebooks can only be created at the top level");
    if (body.type && body.type !== "notebook") throw new ApiError(400, "Kernel Lab stores notebooks only");
    let notebook: Notebook = emptyNotebook();
    let base = "Untitled";
    let sourcePath: string | null = null;
    if (body.copy_from) {
      const source = await this.get(body.copy_from, true);
      if (source.type !== "notebook") throw new ApiError(400, `cannot copy ${body.copy_from}: not a notebook`);
      notebook = source.content as Notebook;
      base = `${titleOf(source.name)}-Copy`;
      sourcePath = source.path.startsWith(`${TUTORIALS_DIR}/`) ? source.path : null;
    }
    const owner = await this.ownerId();
    const path = await this.freePath(owner, base);
    const row = await this.prisma.notebook.create({
      data: {
        ownerId: owner,
        path,
        title: summarizeNotebook(notebook, titleOf(path)).title,
        content: JSON.stringify(notebook),
        sourcePath,
        target: notebookTarget(notebook),
      },
    });
    return this.notebookModel(row, false);
  }

  async rename(path: string, body: z.infer<typeof renameBody>): Promise<ContentsModel> {
    const from = this.writablePath(path);
    const to = this.writablePath(body.path);
    const row = await this.find(from);
    if (from === to) return this.notebookModel(row, false);
    const owner = await this.ownerId();
    if (await this.livePath(owner, to)) throw new ApiError(409, `File already exists: ${to}`);
    // A notebook without a heading is titled by its file name, so the title follows the new name.
    const title = summarizeNotebook(JSON.parse(row.content) as Notebook, titleOf(to)).title;
    return this.notebookModel(await this.prisma.notebook.update({ where: { id: row.id }, data: { path: to, title } }), false);
  }

  /**
   * The target the owner's live notebook at a contents path names in its metadata, or null when it names
   * none (its kernel then starts on the server's default target) or there is no such notebook.
   */
  async targetOf(path: string): Promise<TargetName | null> {
    let p: string;
    try {
      p = normalize(path);
    } catch {
      return null;
    }
    const row = await this.prisma.notebook.findUnique({ where: { ownerId_path: { ownerId: await this.ownerId(), path: p } }, select: { content: true, deletedAt: true } });
    if (!row || row.deletedAt) return null;
    const target = metadataTarget(JSON.parse(row.content) as Notebook);
    return isTargetName(target) ? target : null;
  }

  /** Soft delete: the notebook leaves every listing now and can be restored (undelete) for UNDO_DELETE_MS. */
  async delete(path: string): Promise<void> {
    const row = await this.find(this.writablePath(path));
    await this.prisma.notebook.update({ where: { id: row.id }, data: { deletedAt: new Date() } });
    await this.purgeDeleted();
  }

  /** Undo of delete: restores a notebook deleted within UNDO_DELETE_MS. */
  async undelete(path: string): Promise<ContentsModel> {
    const p = this.writablePath(path);
    const owner = await this.ownerId();
    const row = await this.prisma.notebook.findUnique({ where: { ownerId_path: { ownerId: owner, path: p } } });
    if (!row?.deletedAt || Date.now() - row.deletedAt.getTime() > UNDO_DELETE_MS) {
      throw new ApiError(404, `no notebook deleted in the last ${UNDO_DELETE_MS / 60_000} minutes at '${p}'`);
    }
    // updatedAt moves on, so a tab still holding the pre-delete last_modified sees a conflict, not a silent overwrite.
    return this.notebookModel(await this.prisma.notebook.update({ where: { id: row.id }, data: { deletedAt: null } }), false);
  }

  /** Hard-deletes notebooks deleted longer than UNDO_DELETE_MS ago; their revisions, executions and profiles go with them. */
  async purgeDeleted(now: Date = new Date()): Promise<number> {
    const { count } = await this.prisma.notebook.deleteMany({ where: { deletedAt: { lt: new Date(now.getTime() - UNDO_DELETE_MS) } } });
    return count;
  }

  async listCheckpoints(path: string): Promise<{ id: string; last_modified: string }[]> {
    const row = await this.find(this.writablePath(path));
    const revisions = await this.prisma.notebookRevision.findMany({ where: { notebookId: row.id }, orderBy: { number: "asc" } });
    return revisions.map((r) => ({ id: String(r.number), last_modified: r.createdAt.toISOString() }));
  }

  async createCheckpoint(path: string): Promise<{ id: string; last_modified: string }> {
    const row = await this.find(this.writablePath(path));
    const number = await this.snapshot(row);
    const revision = await this.revision(row.id, String(number));
    return { id: String(revision.number), last_modified: revision.createdAt.toISOString() };
  }

  async restoreCheckpoint(path: string, checkpointId: string): Promise<void> {
    const row = await this.find(this.writablePath(path));
    const revision = await this.revision(row.id, checkpointId);
    // What is being replaced stays restorable too.
    if (row.content !== revision.content) await this.snapshot(row);
    const notebook = JSON.parse(revision.content) as Notebook;
    await this.prisma.notebook.update({
      where: { id: row.id },
      data: { content: revision.content, title: summarizeNotebook(notebook, titleOf(row.path)).title, target: notebookTarget(notebook), revisionCount: { increment: 1 } },
    });
  }

  async deleteCheckpoint(path: string, checkpointId: string): Promise<void> {
    const row = await this.find(this.writablePath(path));
    const revision = await this.revision(row.id, checkpointId);
    await this.prisma.notebookRevision.delete({ where: { id: revision.id } });
  }

  async revision(notebookId: string, checkpointId: string) {
    const number = Number(checkpointId);
    const revision = Number.isInteger(number)
      ? await this.prisma.notebookRevision.findUnique({ where: { notebookId_number: { notebookId, number } } })
      : null;
    if (!revision) throw new ApiError(404, `Checkpoint does not exist: ${checkpointId}`);
    return revision;
  }

  private async root(withContent: boolean): Promise<ContentsModel> {
    const owner = await this.ownerId();
    const rows = withContent ? await this.prisma.notebook.findMany({ where: { ownerId: owner, deletedAt: null }, orderBy: { path: "asc" } }) : [];
    return {
      ...directory("", "", true),
      content: withContent ? [directory(TUTORIALS_DIR, TUTORIALS_DIR, false), ...rows.map((r) => this.notebookModel(r, false))] : null,
    };
  }

  private async tutorialsDir(withContent: boolean): Promise<ContentsModel> {
    const entries = withContent ? await listNotebooks() : [];
    return {
      ...directory(TUTORIALS_DIR, TUTORIALS_DIR, false),
      content: withContent
        ? entries.map((e) => ({ ...notebookShell(`${TUTORIALS_DIR}/${e.path}`, false, EPOCH, EPOCH), size: null }))
        : null,
    };
  }

  private async tutorial(path: string, withContent: boolean): Promise<ContentsModel> {
    const name = path.slice(TUTORIALS_DIR.length + 1);
    const loaded = await loadNotebook(name);
    if (loaded.kind === "missing") throw new ApiError(404, `file or directory does not exist: '${path}'`);
    if (loaded.kind === "invalid") throw new ApiError(400, `${path} is not a valid notebook: ${loaded.error}`);
    const text = JSON.stringify(loaded.notebook);
    return { ...notebookShell(path, false, EPOCH, EPOCH), size: text.length, content: withContent ? loaded.notebook : null };
  }

  notebookModel(row: { path: string; content: string; createdAt: Date; updatedAt: Date }, withContent: boolean): ContentsModel {
    return {
      ...notebookShell(row.path, true, row.createdAt.toISOString(), row.updatedAt.toISOString()),
      size: row.content.length,
      content: withContent ? (JSON.parse(row.content) as unknown) : null,
    };
  }

  /** The owner's live (not deleted) notebook at a path, or a 404. */
  async find(path: string) {
    const owner = await this.ownerId();
    const row = await this.prisma.notebook.findUnique({ where: { ownerId_path: { ownerId: owner, path } } });
    if (!row || row.deletedAt) throw new ApiError(404, `file or directory does not exist: '${path}'`);
    return row;
  }

  writablePath(path: string): string {
    const p = normalize(path);
    if (p === "" || p === TUTORIALS_DIR || p.startsWith(`${TUTORIALS_DIR}/`)) {
      throw new ApiError(403, `${p || "/"} is read-only: the shipped tutorials cannot be changed; copy one to make it yours`);
    }
    if (p.includes("/")) throw new ApiError(400, `notebooks live at the top level: "${p}" names a folder`);
    if (!p.endsWith(".ipynb")) throw new ApiError(400, `notebook paths end in .ipynb: "${p}"`);
    if (p.length > 255 || hasControlOrBackslash(p)) throw new ApiError(400, `invalid notebook name: "${p}"`);
    return p;
  }

  async freePath(owner: string, base: string): Promise<string> {
    const taken = new Set(
      (await this.prisma.notebook.findMany({ where: { ownerId: owner, path: { startsWith: base } }, select: { path: true } })).map((r) => r.path),
    );
    for (let i = 0; ; i++) {
      const candidate = `${base}${i === 0 ? "" : i}.ipynb`;
      if (!taken.has(candidate)) return candidate;
    }
  }
}

function normalize(path: string): string {
  let p: string;
  try {
    p = decodeURIComponent(path);
  } catch {
    throw new ApiError(400, `invalid path: ${path}`);
  }
  p = p.replace(/^\/+|\/+$/g, "");
  if (p.split("/").some((part) => part === ".." || part === ".")) throw new ApiError(400, `invalid path: ${path}`);
  return p;
}

function hasControlOrBackslash(name: string): boolean {
  for (const ch of name) if (ch.charCodeAt(0) < 0x20 || ch === "\\") return true;
  return false;
}

/** `metadata.kernel_lab.target`, mirrored into Notebook.target; absent means the default, anything else is refused. */
export function notebookTarget(notebook: Notebook): TargetName {
  const target = metadataTarget(notebook);
  if (target === undefined) return DEFAULT_TARGET;
  if (isTargetName(target)) return target;
  throw new ApiError(400, `invalid notebook: metadata.kernel_lab.target must be one of ${TARGET_NAMES.join(", ")}, got ${JSON.stringify(target)}`);
}

function metadataTarget(notebook: Notebook): unknown {
  const kernelLab = notebook.metadata.kernel_lab;
  return typeof kernelLab === "object" && kernelLab !== null ? (kernelLab as { target?: unknown }).target : undefined;
}

function isTargetName(value: unknown): value is TargetName {
  return typeof value === "string" && (TARGET_NAMES as readonly string[]).includes(value);
}

export function requireValidNotebook(content: unknown): Notebook {
  const result = validateNotebook(content);
  if (!result.ok) throw new ApiError(400, `invalid notebook: ${result.error}`);
  return result.notebook;
}

function directory(name: string, path: string, writable: boolean): ContentsModel {
  return { name, path, type: "directory", format: "json", mimetype: null, content: null, size: null, writable, created: EPOCH, last_modified: EPOCH };
}

function notebookShell(path: string, writable: boolean, created: string, lastModified: string): ContentsModel {
  const name = path.slice(path.lastIndexOf("/") + 1);
  return { name, path, type: "notebook", format: "json", mimetype: null, content: null, size: null, writable, created, last_modified: lastModified };
}

export function titleOf(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1).replace(/\.ipynb$/, "");
}

function emptyNotebook(): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: "nki", display_name: "NKI (Trainium simulator)", language: "python" },
      language_info: { name: "python" },
      kernel_lab: { target: "trn2" },
    },
    cells: [],
  };
}
