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
  .object({ type: z.literal("notebook", { error: "only notebooks can be saved" }), format: z.literal("json").optional(), content: z.unknown() })
  .loose();
export const createBody = z
  .object({ type: z.enum(["notebook", "directory", "file"]).optional(), ext: z.string().optional(), copy_from: z.string().optional() })
  .loose();
export const renameBody = z.object({ path: z.string().min(1).max(1024) }).loose();

// Shipped files have no creation time worth reporting; a fixed epoch keeps responses stable.
const EPOCH = new Date(0).toISOString();

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
    const content = JSON.stringify(notebook);
    const owner = await this.ownerId();
    const existing = await this.prisma.notebook.findUnique({ where: { ownerId_path: { ownerId: owner, path: p } } });
    const title = summarizeNotebook(notebook, titleOf(p)).title;
    const row = existing
      ? await this.prisma.notebook.update({ where: { id: existing.id }, data: { content, title, revisionCount: { increment: 1 } } })
      : await this.prisma.notebook.create({ data: { ownerId: owner, path: p, title, content } });
    return { model: this.notebookModel(row, false), created: !existing };
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
      data: { ownerId: owner, path, title: summarizeNotebook(notebook, titleOf(path)).title, content: JSON.stringify(notebook), sourcePath },
    });
    return this.notebookModel(row, false);
  }

  async rename(path: string, body: z.infer<typeof renameBody>): Promise<ContentsModel> {
    const from = this.writablePath(path);
    const to = this.writablePath(body.path);
    const row = await this.find(from);
    if (from === to) return this.notebookModel(row, false);
    const owner = await this.ownerId();
    if (await this.prisma.notebook.findUnique({ where: { ownerId_path: { ownerId: owner, path: to } } })) {
      throw new ApiError(409, `File already exists: ${to}`);
    }
    return this.notebookModel(await this.prisma.notebook.update({ where: { id: row.id }, data: { path: to } }), false);
  }

  async delete(path: string): Promise<void> {
    const row = await this.find(this.writablePath(path));
    await this.prisma.notebook.delete({ where: { id: row.id } });
  }

  async listCheckpoints(path: string): Promise<{ id: string; last_modified: string }[]> {
    const row = await this.find(this.writablePath(path));
    const revisions = await this.prisma.notebookRevision.findMany({ where: { notebookId: row.id }, orderBy: { number: "asc" } });
    return revisions.map((r) => ({ id: String(r.number), last_modified: r.createdAt.toISOString() }));
  }

  async createCheckpoint(path: string): Promise<{ id: string; last_modified: string }> {
    const row = await this.find(this.writablePath(path));
    const last = await this.prisma.notebookRevision.findFirst({ where: { notebookId: row.id }, orderBy: { number: "desc" } });
    const revision = await this.prisma.notebookRevision.create({
      data: { notebookId: row.id, number: (last?.number ?? 0) + 1, content: row.content },
    });
    return { id: String(revision.number), last_modified: revision.createdAt.toISOString() };
  }

  async restoreCheckpoint(path: string, checkpointId: string): Promise<void> {
    const row = await this.find(this.writablePath(path));
    const revision = await this.revision(row.id, checkpointId);
    await this.prisma.notebook.update({ where: { id: row.id }, data: { content: revision.content, revisionCount: { increment: 1 } } });
  }

  async deleteCheckpoint(path: string, checkpointId: string): Promise<void> {
    const row = await this.find(this.writablePath(path));
    const revision = await this.revision(row.id, checkpointId);
    await this.prisma.notebookRevision.delete({ where: { id: revision.id } });
  }

  private async revision(notebookId: string, checkpointId: string) {
    const number = Number(checkpointId);
    const revision = Number.isInteger(number)
      ? await this.prisma.notebookRevision.findUnique({ where: { notebookId_number: { notebookId, number } } })
      : null;
    if (!revision) throw new ApiError(404, `Checkpoint does not exist: ${checkpointId}`);
    return revision;
  }

  private async root(withContent: boolean): Promise<ContentsModel> {
    const owner = await this.ownerId();
    const rows = withContent ? await this.prisma.notebook.findMany({ where: { ownerId: owner }, orderBy: { path: "asc" } }) : [];
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

  private notebookModel(row: { path: string; content: string; createdAt: Date; updatedAt: Date }, withContent: boolean): ContentsModel {
    return {
      ...notebookShell(row.path, true, row.createdAt.toISOString(), row.updatedAt.toISOString()),
      size: row.content.length,
      content: withContent ? (JSON.parse(row.content) as unknown) : null,
    };
  }

  private async find(path: string) {
    const owner = await this.ownerId();
    const row = await this.prisma.notebook.findUnique({ where: { ownerId_path: { ownerId: owner, path } } });
    if (!row) throw new ApiError(404, `file or directory does not exist: '${path}'`);
    return row;
  }

  private writablePath(path: string): string {
    const p = normalize(path);
    if (p === "" || p === TUTORIALS_DIR || p.startsWith(`${TUTORIALS_DIR}/`)) {
      throw new ApiError(403, `${p || "/"} is read-only: the shipped tutorials cannot be changed; copy one to make it yours`);
    }
    if (p.includes("/")) throw new ApiError(400, `notebooks live at the top level: "${p}" names a folder`);
    if (!p.endsWith(".ipynb")) throw new ApiError(400, `notebook paths end in .ipynb: "${p}"`);
    if (p.length > 255 || hasControlOrBackslash(p)) throw new ApiError(400, `invalid notebook name: "${p}"`);
    return p;
  }

  private async freePath(owner: string, base: string): Promise<string> {
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

function requireValidNotebook(content: unknown): Notebook {
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

function titleOf(path: string): string {
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
