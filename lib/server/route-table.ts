/**
 * Dispatch shared by the server's JSON APIs (Jupyter's and Kernel Lab's own): find the route for a method
 * and path, check origin and credentials, run the handler, and answer every failure as a JSON error.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AccessControl } from "./auth";
import { ApiError, errorResponse, sendResponse, type ApiResponse } from "./jupyter-api/http";
import { isSameOrigin } from "./origin";

export interface RouteContext {
  req: IncomingMessage;
  params: string[];
  query: URLSearchParams;
}

export interface Route {
  method: string;
  pattern: RegExp;
  handler: (ctx: RouteContext) => Promise<ApiResponse> | ApiResponse;
  /** Answered without credentials. */
  public?: boolean;
}

export interface DispatchOptions {
  access: AccessControl;
  /** Turns a domain error into an ApiError; rethrows what is a real server failure (then a 500). */
  asApiError?: (error: unknown) => ApiError;
  /** Called after an authorized request was handled. */
  onActivity?: () => void;
}

export async function dispatchRoute(routes: readonly Route[], req: IncomingMessage, res: ServerResponse, options: DispatchOptions): Promise<void> {
  const url = new URL(req.url ?? "/", "http://localhost");
  let response: ApiResponse;
  try {
    const candidates = routes.filter((r) => r.pattern.test(url.pathname));
    const route = candidates.find((r) => r.method === req.method);
    if (!route) {
      throw candidates.length > 0
        ? new ApiError(405, `${req.method} is not allowed on ${url.pathname}`)
        : new ApiError(404, `Not found: ${url.pathname}`);
    }
    if (!isSameOrigin(req)) throw new ApiError(403, "cross-origin requests are not allowed");
    if (!route.public && !options.access.isAuthorized(req)) {
      throw new ApiError(403, "Forbidden: a token (Authorization: token …) or a signed-in browser session is required");
    }
    // Optional groups that did not match become "" (the contents root).
    const params = (route.pattern.exec(url.pathname) ?? []).slice(1).map((p) => p ?? "");
    response = await route.handler({ req, params, query: url.searchParams });
    if (!route.public) options.onActivity?.();
  } catch (error) {
    if (error instanceof ApiError) response = errorResponse(error);
    else if (options.asApiError) response = errorResponse(options.asApiError(error));
    else throw error;
  }
  sendResponse(res, response);
}
