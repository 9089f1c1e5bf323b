/**
 * What a notebook has run and profiled: the executions and stored profiles the recorder wrote
 * (../recording/lab-recorder.ts), scoped to the owner.
 */
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import type { PrismaClient } from "@prisma/client";
import type { ContentsStore } from "../jupyter-api/contents";
import { ApiError } from "../jupyter-api/http";

const gunzipAsync = promisify(gunzip);

const PROFILE_LISTING = {
  id: true,
  kernelName: true,
  target: true,
  cellId: true,
  createdAt: true,
  totalNs: true,
  notebook: { select: { path: true, deletedAt: true } },
} as const;

function profileListing(r: {
  id: string;
  kernelName: string | null;
  target: string;
  cellId: string | null;
  createdAt: Date;
  totalNs: number;
  notebook: { path: string; deletedAt: Date | null } | null;
}): ProfileListing {
  return {
    id: r.id,
    path: r.notebook && !r.notebook.deletedAt ? r.notebook.path : null,
    kernelName: r.kernelName,
    target: r.target,
    cellId: r.cellId,
    createdAt: r.createdAt.toISOString(),
    totalNs: r.totalNs,
  };
}

/** Listings return at most this many rows, newest first. */
export const HISTORY_LIMIT = 500;

export interface ExecutionListing {
  id: string;
  cellId: string | null;
  codeHash: string;
  target: string | null;
  status: string;
  startedAt: string;
  durationMs: number | null;
  executionCount: number | null;
  profileId: string | null;
}

export interface ProfileListing {
  id: string;
  /** The notebook it was profiled in, or null (deleted notebook, or run outside a stored notebook). */
  path: string | null;
  kernelName: string | null;
  target: string;
  cellId: string | null;
  createdAt: string;
  totalNs: number;
}

export class LabHistory {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly contents: ContentsStore,
    private readonly ownerId: () => Promise<string>,
  ) {}

  /** A notebook's executions, or one cell's when `cellId` is given. */
  async executions(path: string, cellId?: string): Promise<ExecutionListing[]> {
    const notebook = await this.contents.find(this.contents.writablePath(path));
    const rows = await this.prisma.execution.findMany({
      where: { notebookId: notebook.id, ...(cellId === undefined ? {} : { cellId }) },
      orderBy: { startedAt: "desc" },
      take: HISTORY_LIMIT,
      include: { profiles: { select: { id: true }, orderBy: { createdAt: "asc" }, take: 1 } },
    });
    return rows.map((r) => ({
      id: r.id,
      cellId: r.cellId,
      codeHash: r.codeHash,
      target: r.target,
      status: r.status,
      startedAt: r.startedAt.toISOString(),
      durationMs: r.durationMs,
      executionCount: r.executionCount,
      profileId: r.profiles[0]?.id ?? null,
    }));
  }

  /** A notebook's profiles, or without a path all of the owner's (e.g. to pick one to compare with). */
  async profiles(path: string | undefined): Promise<ProfileListing[]> {
    const notebookId = path === undefined ? undefined : (await this.contents.find(this.contents.writablePath(path))).id;
    const rows = await this.prisma.profile.findMany({
      where: { ownerId: await this.ownerId(), ...(notebookId ? { notebookId } : {}) },
      orderBy: { createdAt: "desc" },
      take: HISTORY_LIMIT,
      select: PROFILE_LISTING,
    });
    return rows.map(profileListing);
  }

  /** What is known about one profile besides its document: where and when it was made. */
  async profileInfo(id: string): Promise<ProfileListing & { executionId: string | null; instructionCount: number }> {
    const row = await this.prisma.profile.findFirst({
      where: { id, ownerId: await this.ownerId() },
      select: { ...PROFILE_LISTING, executionId: true, instructionCount: true },
    });
    if (!row) throw new ApiError(404, `profile does not exist: ${id}`);
    return { ...profileListing(row), executionId: row.executionId, instructionCount: row.instructionCount };
  }

  /** The stored document, gzip-compressed as kept, or decompressed JSON text for clients that cannot take gzip. */
  async profileDocument(id: string, acceptsGzip: boolean): Promise<{ gzip: true; bytes: Buffer } | { gzip: false; json: string }> {
    const row = await this.prisma.profile.findFirst({ where: { id, ownerId: await this.ownerId() }, select: { document: true } });
    if (!row) throw new ApiError(404, `profile does not exist: ${id}`);
    const bytes = Buffer.from(row.document);
    return acceptsGzip ? { gzip: true, bytes } : { gzip: false, json: (await gunzipAsync(bytes)).toString("utf8") };
  }

  async deleteProfile(id: string): Promise<void> {
    const { count } = await this.prisma.profile.deleteMany({ where: { id, ownerId: await this.ownerId() } });
    if (count === 0) throw new ApiError(404, `profile does not exist: ${id}`);
  }
}
