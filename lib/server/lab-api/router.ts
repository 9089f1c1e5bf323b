/**
 * `/api/lab/*`: Kernel Lab's own JSON endpoints (the contract in docs for the workbench and profile viewer),
 * with the Jupyter API's conventions — same credentials, `{message, reason}` errors, Zod-checked input.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { AccessControl } from "../auth";
import type { ContentsStore } from "../jupyter-api/contents";
import { ApiError, readJson } from "../jupyter-api/http";
import { dispatchRoute, type Route } from "../route-table";
import type { LabHistory } from "./history";
import type { LabNotebooks } from "./notebooks";

const pathBody = z.object({ path: z.string().min(1).max(1024) }).loose();
const tutorialBody = z.object({ tutorial: z.string().min(1).max(255) }).loose();
const pathQuery = z.object({ path: z.string({ error: "the path query parameter is required" }).min(1).max(1024) });
const optionalPathQuery = z.object({ path: z.string().min(1, "path must not be empty").max(1024).optional() });
const executionsQuery = pathQuery.extend({ cellId: z.string().min(1).max(64).optional() });
const revisionQuery = pathQuery.extend({
  number: z.coerce.number({ error: "number must be a revision number" }).int("number must be a revision number").positive("number must be a revision number"),
});
const PROFILE_ID = "([A-Za-z0-9_-]{1,64})";

export interface LabApiOptions {
  access: AccessControl;
  contents: ContentsStore;
  notebooks: LabNotebooks;
  history: LabHistory;
  /** Waits for a profile a client already holds the card of but that is still being written. */
  whenProfileStored?: (profileId: string) => Promise<boolean>;
}

export interface LabApi {
  handles(pathname: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

export function createLabApi({ access, contents, notebooks, history, whenProfileStored }: LabApiOptions): LabApi {
  const routes: Route[] = [
    { method: "GET", pattern: /^\/api\/lab\/notebooks$/, handler: async () => ({ status: 200, body: { notebooks: await notebooks.list() } }) },
    {
      method: "POST",
      pattern: /^\/api\/lab\/tutorials\/open$/,
      handler: async ({ req }) => ({ status: 200, body: await notebooks.openTutorial((await readJson(req, tutorialBody)).tutorial) }),
    },
    {
      method: "POST",
      pattern: /^\/api\/lab\/notebooks\/reset$/,
      handler: async ({ req }) => ({ status: 200, body: await notebooks.reset((await readJson(req, pathBody)).path) }),
    },
    {
      method: "POST",
      pattern: /^\/api\/lab\/notebooks\/undelete$/,
      handler: async ({ req }) => {
        const model = await contents.undelete((await readJson(req, pathBody)).path);
        return { status: 200, body: { path: model.path, last_modified: model.last_modified } };
      },
    },
    {
      method: "GET",
      pattern: /^\/api\/lab\/notebooks\/revisions$/,
      handler: async ({ query }) => ({ status: 200, body: { revisions: await notebooks.revisions(parseQuery(query, pathQuery).path) } }),
    },
    {
      method: "GET",
      pattern: /^\/api\/lab\/notebooks\/revision$/,
      handler: async ({ query }) => {
        const { path, number } = parseQuery(query, revisionQuery);
        return { status: 200, body: await notebooks.revision(path, number) };
      },
    },
    { method: "GET", pattern: /^\/api\/lab\/progress$/, handler: async () => ({ status: 200, body: { tutorials: await notebooks.progress() } }) },
    {
      method: "GET",
      pattern: /^\/api\/lab\/executions$/,
      handler: async ({ query }) => {
        const { path, cellId } = parseQuery(query, executionsQuery);
        return { status: 200, body: { executions: await history.executions(path, cellId) } };
      },
    },
    {
      method: "GET",
      pattern: /^\/api\/lab\/profiles$/,
      handler: async ({ query }) => ({ status: 200, body: { profiles: await history.profiles(parseQuery(query, optionalPathQuery).path) } }),
    },
    {
      method: "GET",
      pattern: new RegExp(`^/api/lab/profiles/${PROFILE_ID}/info$`),
      handler: async ({ params }) => ({ status: 200, body: await history.profileInfo(params[0]) }),
    },
    {
      method: "GET",
      pattern: new RegExp(`^/api/lab/profiles/${PROFILE_ID}$`),
      handler: async ({ req, params }) => {
        const load = () => history.profileDocument(params[0], acceptsGzip(req));
        const doc = await load().catch(async (error: unknown) => {
          if (error instanceof ApiError && error.status === 404 && (await whenProfileStored?.(params[0]))) return load();
          throw error;
        });
        // Profiles never change once stored; the id is the version.
        const headers = { "content-type": "application/json", "cache-control": "private, max-age=31536000, immutable", vary: "accept-encoding" };
        return doc.gzip
          ? { status: 200, body: doc.bytes, headers: { ...headers, "content-encoding": "gzip" } }
          : { status: 200, body: doc.json, headers };
      },
    },
    {
      method: "DELETE",
      pattern: new RegExp(`^/api/lab/profiles/${PROFILE_ID}$`),
      handler: async ({ params }) => {
        await history.deleteProfile(params[0]);
        return { status: 204 };
      },
    },
  ];
  return {
    handles: (pathname) => pathname === "/api/lab" || pathname.startsWith("/api/lab/"),
    handle: (req, res) => dispatchRoute(routes, req, res, { access }),
  };
}

function parseQuery<T>(query: URLSearchParams, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(Object.fromEntries(query));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ApiError(400, `invalid query: ${issue?.message ?? "invalid"}`);
}

/** Accept-Encoding names gzip (or `*`) without `q=0`. */
export function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers["accept-encoding"];
  if (typeof header !== "string") return false;
  return header.split(",").some((part) => {
    const [coding, ...params] = part.split(";").map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith("q="));
    return (coding === "gzip" || coding === "*") && (q === undefined || Number(q.slice(2)) > 0);
  });
}
