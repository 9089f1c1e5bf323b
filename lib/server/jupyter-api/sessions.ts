/**
 * Jupyter sessions: a notebook path bound to a kernel. Like Jupyter Server's, they live in memory and end
 * with their kernel or the server.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { ApiError } from "./http";
import type { KernelManager } from "../../kernel/manager";
import type { KernelModel } from "../../kernel/kernel";
import type { TargetName } from "../../kernel/engine";
import { KERNEL_NAME, requireKnownKernelName } from "./kernelspecs";

const kernelRef = z.object({ id: z.string().optional(), name: z.string().optional() }).loose();

export const createSessionBody = z
  .object({
    path: z.string().max(1024).optional(),
    name: z.string().max(1024).optional(),
    type: z.string().max(64).optional(),
    kernel: kernelRef.optional(),
    notebook: z.object({ path: z.string().max(1024).optional(), name: z.string().max(1024).optional() }).loose().optional(),
  })
  .loose();

export const patchSessionBody = createSessionBody;

export interface SessionModel {
  id: string;
  path: string;
  name: string;
  type: string;
  kernel: KernelModel;
  notebook: { path: string; name: string };
}

interface SessionRecord {
  id: string;
  path: string;
  name: string;
  type: string;
  kernelId: string;
}

export class SessionRegistry {
  private readonly sessions = new Map<string, SessionRecord>();

  /**
   * `targetOf` names the stored target of the notebook at a path, so a kernel started for a notebook runs on
   * that notebook's target from its first cell (the workbench also sends `%target` itself).
   */
  constructor(
    private readonly kernels: KernelManager,
    private readonly targetOf: (path: string) => Promise<TargetName | null> = async () => null,
  ) {}

  list(): SessionModel[] {
    return [...this.sessions.values()].flatMap((s) => this.model(s) ?? []);
  }

  get(id: string): SessionModel {
    const record = this.sessions.get(id);
    const model = record && this.model(record);
    if (!model) throw new ApiError(404, `Session not found: ${id}`);
    return model;
  }

  /** Reuses the session already open for a path, as Jupyter Server does, so reopening a notebook keeps its kernel. */
  async create(body: z.infer<typeof createSessionBody>): Promise<SessionModel> {
    const path = body.path ?? body.notebook?.path ?? "";
    const existing = path ? [...this.sessions.values()].find((s) => s.path === path) : undefined;
    if (existing) {
      const model = this.model(existing);
      if (model) return model;
      this.sessions.delete(existing.id);
    }
    const kernelId = this.kernelFor(body.kernel, path ? await this.targetOf(path) : null);
    const record: SessionRecord = {
      id: randomUUID(),
      path,
      name: body.name ?? body.notebook?.name ?? "",
      type: body.type ?? "notebook",
      kernelId,
    };
    this.sessions.set(record.id, record);
    return this.get(record.id);
  }

  async patch(id: string, body: z.infer<typeof patchSessionBody>): Promise<SessionModel> {
    const record = this.sessions.get(id);
    if (!record) throw new ApiError(404, `Session not found: ${id}`);
    if (body.path !== undefined) record.path = body.path;
    if (body.name !== undefined) record.name = body.name;
    if (body.type !== undefined) record.type = body.type;
    if (body.kernel) {
      const previous = record.kernelId;
      record.kernelId = this.kernelFor(body.kernel, record.path ? await this.targetOf(record.path) : null);
      if (previous !== record.kernelId && !this.kernelInUse(previous)) await this.kernels.shutdown(previous).catch(() => undefined);
    }
    return this.get(id);
  }

  async delete(id: string): Promise<void> {
    const record = this.sessions.get(id);
    if (!record) throw new ApiError(404, `Session not found: ${id}`);
    this.sessions.delete(id);
    if (!this.kernelInUse(record.kernelId)) await this.kernels.shutdown(record.kernelId).catch(() => undefined);
  }

  /** The notebook path of the session using a kernel, or null when no session does. */
  pathOfKernel(kernelId: string): string | null {
    for (const s of this.sessions.values()) if (s.kernelId === kernelId && s.path) return s.path;
    return null;
  }

  /** Called when a kernel is shut down through the kernels API: its sessions end with it. */
  forgetKernel(kernelId: string): void {
    for (const [id, s] of this.sessions) if (s.kernelId === kernelId) this.sessions.delete(id);
  }

  private kernelInUse(kernelId: string): boolean {
    return [...this.sessions.values()].some((s) => s.kernelId === kernelId);
  }

  private kernelFor(ref: z.infer<typeof kernelRef> | undefined, target: TargetName | null): string {
    if (ref?.id) {
      if (!this.kernels.has(ref.id)) throw new ApiError(404, `Kernel does not exist: ${ref.id}`);
      return ref.id;
    }
    requireKnownKernelName(ref?.name ?? KERNEL_NAME);
    return this.kernels.start(target ? { target } : {}).id;
  }

  private model(record: SessionRecord): SessionModel | undefined {
    if (!this.kernels.has(record.kernelId)) return undefined;
    const kernel = this.kernels.get(record.kernelId);
    return {
      id: record.id,
      path: record.path,
      name: record.name,
      type: record.type,
      kernel,
      notebook: { path: record.path, name: record.name },
    };
  }
}
