/**
 * Jupyter Server's REST API, served by the custom server itself rather than by Next route handlers: the
 * kernels are worker threads of this process, and their WebSocket channels are upgraded here too.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { AccessControl } from "../auth";
import { dispatchRoute, type Route } from "../route-table";
import { ContentsStore, createBody, renameBody, saveBody } from "./contents";
import { ApiError, readJson } from "./http";
import { KernelManagerError, type KernelManager } from "../../kernel/manager";
import { TARGET_NAMES } from "../../kernel/engine";
import { getKernelspec, kernelspecResource, listKernelspecs, requireKnownKernelName } from "./kernelspecs";
import { createSessionBody, patchSessionBody, SessionRegistry } from "./sessions";

/** The Jupyter Server API version we present to clients (the subset of 1.x/2.x that clients call). */
export const JUPYTER_API_VERSION = "2.14.0";

// Gateway clients send the whole server environment in `env`: accepted by the schema, never read or logged.
const startKernelBody = z
  .object({ name: z.string().max(256).optional(), path: z.string().optional(), target: z.enum(TARGET_NAMES).optional() })
  .loose();

const ANY_ID = "([^/]+)";

export interface JupyterApiOptions {
  kernels: KernelManager;
  sessions: SessionRegistry;
  contents: ContentsStore;
  access: AccessControl;
  /** Live WebSocket connections across kernels, for /api/status. */
  connectionCount: () => number;
}

export interface JupyterApi {
  handles(pathname: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

export function createJupyterApi(options: JupyterApiOptions): JupyterApi {
  const { kernels, sessions, contents } = options;
  const started = new Date().toISOString();
  let lastActivity = started;

  const requireKernel = (id: string) => {
    if (!kernels.has(id)) throw new ApiError(404, `Kernel does not exist: ${id}`);
    return kernels.get(id);
  };

  const routes: Route[] = [
    { method: "GET", pattern: /^\/api\/?$/, public: true, handler: () => ({ status: 200, body: { version: JUPYTER_API_VERSION } }) },
    {
      method: "GET",
      pattern: /^\/api\/status$/,
      handler: () => ({
        status: 200,
        body: { connections: options.connectionCount(), kernels: kernels.list().length, last_activity: lastActivity, started },
      }),
    },
    { method: "GET", pattern: /^\/api\/kernelspecs\/?$/, handler: () => listKernelspecs(kernels.defaultTarget) },
    { method: "GET", pattern: /^\/api\/kernelspecs\/([^/]+)$/, handler: ({ params }) => getKernelspec(params[0], kernels.defaultTarget) },
    { method: "GET", pattern: /^\/kernelspecs\/([^/]+)\/([^/]+)$/, public: true, handler: ({ params }) => kernelspecResource(params[0], params[1]) },

    { method: "GET", pattern: /^\/api\/kernels\/?$/, handler: () => ({ status: 200, body: kernels.list() }) },
    {
      method: "POST",
      pattern: /^\/api\/kernels\/?$/,
      handler: async ({ req }) => {
        const body = await readJson(req, startKernelBody, { optional: true });
        requireKnownKernelName(body.name ?? "nki");
        const kernel = kernels.start({ target: body.target });
        return { status: 201, body: kernel, headers: { location: `/api/kernels/${kernel.id}` } };
      },
    },
    { method: "GET", pattern: new RegExp(`^/api/kernels/${ANY_ID}$`), handler: ({ params }) => ({ status: 200, body: requireKernel(params[0]) }) },
    {
      method: "DELETE",
      pattern: new RegExp(`^/api/kernels/${ANY_ID}$`),
      handler: async ({ params }) => {
        requireKernel(params[0]);
        await kernels.shutdown(params[0]);
        sessions.forgetKernel(params[0]);
        return { status: 204 };
      },
    },
    {
      method: "POST",
      pattern: new RegExp(`^/api/kernels/${ANY_ID}/interrupt$`),
      handler: async ({ params }) => {
        requireKernel(params[0]);
        kernels.interrupt(params[0]);
        return { status: 204 };
      },
    },
    {
      method: "POST",
      pattern: new RegExp(`^/api/kernels/${ANY_ID}/restart$`),
      handler: async ({ params }) => {
        requireKernel(params[0]);
        return { status: 200, body: await kernels.restart(params[0]) };
      },
    },

    { method: "GET", pattern: /^\/api\/sessions\/?$/, handler: () => ({ status: 200, body: sessions.list() }) },
    {
      method: "POST",
      pattern: /^\/api\/sessions\/?$/,
      handler: async ({ req }) => {
        // 201 even when a session for the path already exists: Jupyter Server answers so, and
        // @jupyterlab/services' startNew rejects anything else.
        const model = await sessions.create(await readJson(req, createSessionBody));
        return { status: 201, body: model, headers: { location: `/api/sessions/${model.id}` } };
      },
    },
    { method: "GET", pattern: new RegExp(`^/api/sessions/${ANY_ID}$`), handler: ({ params }) => ({ status: 200, body: sessions.get(params[0]) }) },
    {
      method: "PATCH",
      pattern: new RegExp(`^/api/sessions/${ANY_ID}$`),
      handler: async ({ req, params }) => ({ status: 200, body: await sessions.patch(params[0], await readJson(req, patchSessionBody)) }),
    },
    {
      method: "DELETE",
      pattern: new RegExp(`^/api/sessions/${ANY_ID}$`),
      handler: async ({ params }) => {
        await sessions.delete(params[0]);
        return { status: 204 };
      },
    },

    {
      method: "GET",
      pattern: /^\/api\/contents(?:\/(.+))?\/checkpoints$/,
      handler: async ({ params }) => ({ status: 200, body: await contents.listCheckpoints(params[0]) }),
    },
    {
      method: "POST",
      pattern: /^\/api\/contents(?:\/(.+))?\/checkpoints$/,
      handler: async ({ params }) => ({ status: 201, body: await contents.createCheckpoint(params[0]) }),
    },
    {
      method: "POST",
      pattern: /^\/api\/contents(?:\/(.+))?\/checkpoints\/([^/]+)$/,
      handler: async ({ params }) => {
        await contents.restoreCheckpoint(params[0], params[1]);
        return { status: 204 };
      },
    },
    {
      method: "DELETE",
      pattern: /^\/api\/contents(?:\/(.+))?\/checkpoints\/([^/]+)$/,
      handler: async ({ params }) => {
        await contents.deleteCheckpoint(params[0], params[1]);
        return { status: 204 };
      },
    },
    {
      method: "GET",
      pattern: /^\/api\/contents(?:\/(.*))?$/,
      handler: async ({ params, query }) => ({ status: 200, body: await contents.get(params[0], query.get("content") !== "0") }),
    },
    {
      method: "PUT",
      pattern: /^\/api\/contents\/(.+)$/,
      handler: async ({ req, params }) => {
        const { model, created } = await contents.save(params[0], await readJson(req, saveBody));
        return { status: created ? 201 : 200, body: model };
      },
    },
    {
      method: "POST",
      pattern: /^\/api\/contents(?:\/(.*))?$/,
      handler: async ({ req, params }) => ({ status: 201, body: await contents.create(params[0], await readJson(req, createBody, { optional: true })) }),
    },
    {
      method: "PATCH",
      pattern: /^\/api\/contents\/(.+)$/,
      handler: async ({ req, params }) => ({ status: 200, body: await contents.rename(params[0], await readJson(req, renameBody)) }),
    },
    {
      method: "DELETE",
      pattern: /^\/api\/contents\/(.+)$/,
      handler: async ({ params }) => {
        await contents.delete(params[0]);
        return { status: 204 };
      },
    },
  ];

  return {
    handles: (pathname) =>
      pathname === "/api" || /^\/api\/(status|kernelspecs|kernels|sessions|contents)(\/|$)/.test(pathname) || pathname.startsWith("/kernelspecs/"),
    handle: (req, res) =>
      dispatchRoute(routes, req, res, {
        access: options.access,
        asApiError,
        onActivity: () => (lastActivity = new Date().toISOString()),
      }),
  };
}

/** Kernel runtime errors become the statuses Jupyter clients expect; anything else is a real 500. */
function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof KernelManagerError) {
    switch (error.code) {
      case "not_found":
      case "unknown_spec":
        return new ApiError(404, error.message);
      case "limit":
        return new ApiError(503, error.message);
    }
  }
  throw error;
}
