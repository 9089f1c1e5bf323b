/**
 * The JSON conventions of Jupyter Server's REST API: errors are `{message, reason}` with a meaningful
 * status (never a 500 for bad input), bodies are size-limited and validated with Zod at the boundary.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";

export class ApiError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 405 | 409 | 413 | 415 | 503,
    message: string,
    readonly reason: string | null = null,
    /** Extra fields of the JSON error body, e.g. the stored `last_modified` of a save conflict. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface ApiResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export const MAX_JSON_BODY_BYTES = 32 * 1024 * 1024;

export async function readJson<T>(request: IncomingMessage, schema: z.ZodType<T>, { optional = false } = {}): Promise<T> {
  const text = await readBody(request);
  if (text.trim() === "") {
    if (optional) return schema.parse({});
    throw new ApiError(400, "request body must be a JSON object");
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, `request body is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    throw new ApiError(400, `invalid request body: ${where}${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_JSON_BODY_BYTES) {
        reject(new ApiError(413, `request body is larger than ${MAX_JSON_BODY_BYTES} bytes`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

export function sendResponse(res: ServerResponse, response: ApiResponse): void {
  const headers: Record<string, string> = { "cache-control": "no-store", ...response.headers };
  if (response.body === undefined) {
    res.writeHead(response.status, headers).end();
    return;
  }
  if ((typeof response.body === "string" || Buffer.isBuffer(response.body)) && headers["content-type"]) {
    res.writeHead(response.status, headers).end(response.body);
    return;
  }
  res.writeHead(response.status, { "content-type": "application/json", ...headers }).end(JSON.stringify(response.body));
}

export function errorResponse(error: ApiError): ApiResponse {
  return { status: error.status, body: { ...error.details, message: error.message, reason: error.reason } };
}
