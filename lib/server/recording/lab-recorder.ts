/**
 * Records what students run: an Execution row per execute_request seen on a kernel channel, ended by the
 * kernel's execute_reply (which the kernel manager reports even when the asking client has left) or by a
 * restart or shutdown that dropped it, and a Profile row per document the kernel workers capture (../profile-capture), linked to its
 * notebook, cell and execution when its card passes through a channel.
 */
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import type { PrismaClient } from "@prisma/client";
import type { ClientMessage, ExecuteRequestMsg, ServerMessage } from "../../jupyter/messages";
import type { ExecuteEnd } from "../../kernel/kernel";
import { isProfileCard } from "../../profile/card";
import { PROFILE_MIME, type ProfileDocument } from "../../profile/document";
import type { CapturedProfile } from "../profile-capture/channel";
import { SerialQueue } from "./serial-queue";

const gzipAsync = promisify(gzip);

/** What a kernel channel reports to the recorder, in traffic order. */
export interface ChannelObserver {
  fromClient(msg: ClientMessage): void;
  toClient(msg: ServerMessage): void;
}

export interface LabRecorderOptions {
  prisma: PrismaClient;
  ownerId: () => Promise<string>;
  /** The notebook path of the session using a kernel, if any. */
  sessionPath: (kernelId: string) => string | null;
  /** The kernel's current target, for replies that do not name one. */
  kernelTarget: (kernelId: string) => string | null;
  onError: (error: unknown) => void;
}

interface ProfileLink {
  kernelId: string;
  parentMsgId: string | null;
}

const EXECUTION_STATUSES = new Set(["ok", "error", "aborted"]);

/** Profiles announced but not yet stored at once; beyond it the oldest are forgotten (their readers time out). */
const MAX_UNSTORED = 10_000;

export class LabRecorder {
  readonly #options: LabRecorderOptions;
  readonly #queue: SerialQueue;
  /** Cards seen before their document arrived (the two travel on different threads' channels). */
  readonly #pendingLinks = new Map<string, ProfileLink>();
  readonly #storedProfiles = new Set<string>();
  /**
   * Profiles a client may already know of (their card was seen or their document arrived) but that are
   * not in the database yet, with whoever waits for them: a click on "Open profile" can beat the write.
   */
  readonly #unstored = new Map<string, (() => void)[]>();

  constructor(options: LabRecorderOptions) {
    this.#options = options;
    this.#queue = new SerialQueue(options.onError);
  }

  /**
   * Ends the executions a previous server process left "running": kernels do not outlive their server,
   * so none of them will ever reply. Queued ahead of every later write, so it never touches new runs.
   */
  abortInterrupted(): void {
    this.#queue.push(async () => {
      await this.#options.prisma.execution.updateMany({ where: { status: "running" }, data: { status: "aborted" } });
    });
  }

  /** Resolves when everything observed so far is written (tests, shutdown). */
  drained(): Promise<void> {
    return this.#queue.drained();
  }

  observe(kernelId: string): ChannelObserver {
    return {
      fromClient: (msg) => {
        if (msg.header.msg_type === "execute_request") this.#executionStarted(kernelId, msg as Extract<ClientMessage, { header: { msg_type: "execute_request" } }>);
      },
      toClient: (msg) => {
        switch (msg.header.msg_type) {
          case "display_data":
          case "update_display_data":
          case "execute_result": {
            const card = (msg.content as { data: Record<string, unknown> }).data[PROFILE_MIME];
            if (isProfileCard(card) && card.profileId) this.#profileSeen(card.profileId, { kernelId, parentMsgId: parentId(msg) });
            return;
          }
        }
      },
    };
  }

  /**
   * Resolves true once a profile announced to a client or captured from a kernel is stored, false at
   * once for an id this server is not about to store, or after `timeoutMs`.
   */
  whenProfileStored(profileId: string, timeoutMs = 30_000): Promise<boolean> {
    if (this.#storedProfiles.has(profileId)) return Promise.resolve(true);
    const waiters = this.#unstored.get(profileId);
    if (!waiters) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  #announce(profileId: string): void {
    if (this.#storedProfiles.has(profileId) || this.#unstored.has(profileId)) return;
    if (this.#unstored.size >= MAX_UNSTORED) this.#unstored.delete(this.#unstored.keys().next().value as string);
    this.#unstored.set(profileId, []);
  }

  #stored(profileId: string): void {
    this.#storedProfiles.add(profileId);
    for (const wake of this.#unstored.get(profileId) ?? []) wake();
    this.#unstored.delete(profileId);
  }

  profileCaptured({ profileId, document }: CapturedProfile): void {
    const received = new Date();
    this.#announce(profileId);
    this.#queue.push(async () => {
      const link = this.#pendingLinks.get(profileId);
      this.#pendingLinks.delete(profileId);
      const where = link ? await this.#linkTarget(link) : { notebookId: null, cellId: null, executionId: null };
      await this.#options.prisma.profile.create({
        data: { id: profileId, ownerId: await this.#options.ownerId(), ...where, ...profileColumns(document), document: await gzipAsync(JSON.stringify(document)), createdAt: received },
      });
      this.#stored(profileId);
    });
  }

  #profileSeen(profileId: string, link: ProfileLink): void {
    this.#announce(profileId);
    this.#queue.push(async () => {
      if (!this.#storedProfiles.has(profileId)) {
        if (!this.#pendingLinks.has(profileId)) this.#pendingLinks.set(profileId, link);
        return;
      }
      // A replayed or second client's copy of a linked card changes nothing.
      const row = await this.#options.prisma.profile.findUnique({ where: { id: profileId }, select: { executionId: true } });
      if (!row || row.executionId) return;
      await this.#options.prisma.profile.update({ where: { id: profileId }, data: await this.#linkTarget(link) });
    });
  }

  async #linkTarget(link: ProfileLink): Promise<{ notebookId: string | null; cellId: string | null; executionId: string | null }> {
    const execution = link.parentMsgId
      ? await this.#options.prisma.execution.findFirst({ where: { kernelId: link.kernelId, msgId: link.parentMsgId } })
      : null;
    if (execution) return { notebookId: execution.notebookId, cellId: execution.cellId, executionId: execution.id };
    return { notebookId: await this.#notebookId(this.#options.sessionPath(link.kernelId)), cellId: null, executionId: null };
  }

  #executionStarted(kernelId: string, msg: Extract<ClientMessage, { header: { msg_type: "execute_request" } }>): void {
    // Silent executes are the front end's own (`%target`, execution-count probes), not the student's runs.
    if (msg.content.silent) return;
    const startedAt = new Date();
    const path = this.#options.sessionPath(kernelId);
    const cellId = typeof msg.metadata.cellId === "string" ? msg.metadata.cellId.slice(0, 64) : null;
    this.#queue.push(async () => {
      await this.#options.prisma.execution.create({
        data: {
          ownerId: await this.#options.ownerId(),
          notebookId: await this.#notebookId(path),
          cellId,
          codeHash: createHash("sha256").update(msg.content.code).digest("hex"),
          status: "running",
          startedAt,
          msgId: msg.header.msg_id,
          kernelId,
        },
      });
    });
  }

  /** Ends the record of `request` (KernelManager.onExecuteEnd: called whether or not its client is still there). */
  executionFinished(kernelId: string, request: ExecuteRequestMsg, end: ExecuteEnd): void {
    if (request.content.silent) return;
    const msgId = request.header.msg_id;
    if (end.kind === "dropped") {
      this.#executionEnded(kernelId, msgId, Date.now(), { status: "aborted", executionCount: null, target: this.#options.kernelTarget(kernelId) });
      return;
    }
    const reply = end.reply;
    const content = reply.content as { status?: unknown; execution_count?: unknown };
    const status = typeof content.status === "string" && EXECUTION_STATUSES.has(content.status) ? content.status : "error";
    const executionCount = typeof content.execution_count === "number" ? content.execution_count : null;
    this.#executionEnded(kernelId, msgId, sentAt(reply), { status, executionCount, target: replyTarget(reply) ?? this.#options.kernelTarget(kernelId) });
  }

  #executionEnded(kernelId: string, msgId: string, endedAt: number, outcome: { status: string; executionCount: number | null; target: string | null }): void {
    const { status, executionCount, target } = outcome;
    this.#queue.push(async () => {
      const execution = await this.#options.prisma.execution.findFirst({ where: { kernelId, msgId } });
      if (!execution) return;
      await this.#options.prisma.execution.update({
        where: { id: execution.id },
        data: { status, executionCount, target, durationMs: Math.max(0, endedAt - execution.startedAt.getTime()) },
      });
    });
  }

  async #notebookId(path: string | null): Promise<string | null> {
    if (!path) return null;
    const row = await this.#options.prisma.notebook.findUnique({
      where: { ownerId_path: { ownerId: await this.#options.ownerId(), path: path.replace(/^\/+/, "") } },
      select: { id: true, deletedAt: true },
    });
    return row && !row.deletedAt ? row.id : null;
  }
}

/** When the kernel made a message (a replayed one reaches us later); now if its header has no usable date. */
function sentAt(msg: ServerMessage): number {
  const t = Date.parse(msg.header.date);
  return Number.isFinite(t) ? t : Date.now();
}

function parentId(msg: ServerMessage): string | null {
  const parent = msg.parent_header as { msg_id?: unknown };
  return typeof parent.msg_id === "string" ? parent.msg_id : null;
}

/** `metadata.kernel_lab.target` of an execute_reply (the kernel names the target each execution ran on). */
function replyTarget(msg: ServerMessage): string | null {
  const kernelLab = msg.metadata.kernel_lab;
  const target = typeof kernelLab === "object" && kernelLab !== null && !Array.isArray(kernelLab) ? kernelLab.target : undefined;
  return target === "trn1" || target === "trn2" || target === "trn3" ? target : null;
}

/** The queryable columns a Profile row keeps beside the compressed document. */
export function profileColumns(doc: ProfileDocument) {
  return {
    target: doc.target,
    kernelName: doc.kernelName ?? null,
    sources: JSON.stringify(doc.sources),
    metrics: JSON.stringify(doc.metrics),
    insights: JSON.stringify(doc.insights),
    instructionCount: doc.instructions.startNs.length,
    totalNs: doc.metrics.total_time * 1e9,
  };
}
