/**
 * Everything Kernel Lab's server does besides serving pages: Jupyter's REST API, Kernel Lab's `/api/lab`
 * endpoints, kernel channel and other WebSocket upgrades, and recording executions and profiles. The
 * HTTP server (./kernel-lab-server.ts) puts Next.js behind it; tests run it on a bare http server.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type { PrismaClient } from "@prisma/client";
import { WebSocketServer } from "ws";
import type { AccessControl } from "./auth";
import { ContentsStore } from "./jupyter-api/contents";
import { createJupyterApi } from "./jupyter-api/router";
import { SessionRegistry } from "./jupyter-api/sessions";
import type { KernelManager } from "../kernel/manager";
import { attachKernelChannel, CHANNELS_PATH, selectSubprotocol } from "./kernel-channels";
import { LabHistory } from "./lab-api/history";
import { LabNotebooks } from "./lab-api/notebooks";
import { createLabApi } from "./lab-api/router";
import { LOCAL_USER } from "./local-user";
import { isSameOrigin } from "./origin";
import { listenForProfiles } from "./profile-capture/channel";
import { LabRecorder } from "./recording/lab-recorder";
import { logLine } from "./request-log";
import { upgradeRoutes } from "./upgrade-routes";

export interface KernelLabCoreOptions {
  kernels: KernelManager;
  prisma: PrismaClient;
  access: AccessControl;
}

export interface KernelLabCore {
  /** Whether `handle` serves this path (the rest goes to Next.js). */
  handles(pathname: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Takes over an upgrade request for a kernel channel or another WebSocket route; false when the path is not ours. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  readonly contents: ContentsStore;
  readonly recorder: LabRecorder;
  /** Closes sockets, shuts kernels down and lets pending recording finish. */
  close(): Promise<void>;
}

export function createKernelLabCore({ kernels, prisma, access }: KernelLabCoreOptions): KernelLabCore {
  let localUserId: Promise<string> | undefined;
  const ownerId = () =>
    (localUserId ??= prisma.user
      .upsert({ where: { email: LOCAL_USER.email }, update: {}, create: { ...LOCAL_USER } })
      .then((u) => u.id));
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024, handleProtocols: selectSubprotocol });
  const contents = new ContentsStore(prisma, ownerId);
  const sessions = new SessionRegistry(kernels, (path) => contents.targetOf(path));
  const jupyter = createJupyterApi({ kernels, sessions, contents, access, connectionCount: () => sockets.clients.size });
  const lab = createLabApi({
    access,
    contents,
    notebooks: new LabNotebooks(prisma, contents, ownerId),
    history: new LabHistory(prisma, contents, ownerId),
    whenProfileStored: (profileId) => recorder.whenProfileStored(profileId),
  });
  const recorder = new LabRecorder({
    prisma,
    ownerId,
    sessionPath: (kernelId) => sessions.pathOfKernel(kernelId),
    kernelTarget: (kernelId) => (kernels.has(kernelId) ? kernels.target(kernelId) : null),
    onError: (error) => logLine("error", null, `recording failed: ${describe(error)}`),
  });
  const stopListening = listenForProfiles((captured) => recorder.profileCaptured(captured));
  const stopRecordingEnds = kernels.onExecuteEnd((kernelId, request, end) => recorder.executionFinished(kernelId, request, end));
  recorder.abortInterrupted();
  contents.purgeDeleted().catch((error: unknown) => logLine("error", null, `purging deleted notebooks failed: ${describe(error)}`));

  return {
    contents,
    recorder,
    handles: (pathname) => jupyter.handles(pathname) || lab.handles(pathname),
    handle: (req, res) => (lab.handles(new URL(req.url ?? "/", "http://localhost").pathname) ? lab.handle(req, res) : jupyter.handle(req, res)),
    upgrade(req, socket, head) {
      const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
      // Kernel channels need no token: Jupyter's own gateway client (nbclient with GatewayKernelManager) opens
      // them without credentials. The kernel id is the credential — a random UUIDv4 that only authenticated
      // REST calls reveal — and the origin check keeps other sites' pages out.
      const channel = CHANNELS_PATH.exec(pathname);
      const route = upgradeRoutes.get(pathname);
      if (!channel && !route) return false;
      if (!isSameOrigin(req)) refuse(socket, 403, "Forbidden");
      else if (channel && !kernels.has(channel[1])) refuse(socket, 404, "Not Found");
      else {
        sockets.handleUpgrade(req, socket, head, (ws) => {
          if (channel) attachKernelChannel(ws, req, channel[1], kernels, recorder.observe(channel[1]));
          else route?.(ws, req);
        });
      }
      return true;
    },
    async close() {
      stopListening();
      sockets.clients.forEach((ws) => ws.terminate());
      await kernels.shutdownAll();
      stopRecordingEnds();
      await recorder.drained();
    },
  };
}

export function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
