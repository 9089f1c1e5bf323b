import type { IncomingMessage } from "node:http";

/**
 * Browsers send Origin on cross-site requests and WebSocket handshakes; a page from another site must not
 * drive our API or open kernel channels. Clients that send no Origin (scripts, Jupyter) are not browsers.
 */
export function isSameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
