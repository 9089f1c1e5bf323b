import { randomUUID } from "node:crypto";

/** A short id for correlating one request's log lines; also returned to clients as `x-request-id`. */
export function newRequestId(): string {
  return randomUUID().replaceAll("-", "").slice(0, 12);
}
