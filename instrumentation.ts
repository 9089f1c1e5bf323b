import type { Instrumentation } from "next";

// Next calls this for every error thrown while rendering or in a route handler; log it as one line with
// the request id the custom server attached, so it can be matched with the failing request.
export const onRequestError: Instrumentation.onRequestError = async (error, request) => {
  const { logLine } = await import("./lib/server/request-log");
  const header = request.headers["x-request-id"];
  const requestId = typeof header === "string" ? header : null;
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  logLine("error", requestId, `${request.method} ${request.path} threw ${message}`);
};
