/**
 * Access to the API and kernel channels, as Jupyter Server does it: a request needs either the token
 * (`Authorization: token <t>` or `?token=<t>`) or the browser session cookie of the signed-in user.
 * Until accounts arrive there is one local user, and every page the app serves hands that user's browser
 * the session cookie (HttpOnly, SameSite=Strict, so other sites can neither read nor send it).
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import type { IncomingMessage } from "node:http";
import path from "node:path";

export const SESSION_COOKIE = "kernel_lab_session";

export interface AccessControl {
  /** The token scripts and Jupyter clients use; `npm start` prints it. */
  readonly token: string;
  /** The value of the browser session cookie for the local user. */
  readonly sessionCookieValue: string;
  isAuthorized(request: IncomingMessage): boolean;
  sessionCookieHeader(): string;
}

/**
 * `KERNEL_LAB_TOKEN` fixes the token (for scripts and CI); otherwise one is generated once and kept in
 * `<dataDir>/token` (mode 0600) so restarts keep it.
 */
export function createAccessControl(dataDir: string, fixedToken = process.env.KERNEL_LAB_TOKEN): AccessControl {
  const token = fixedToken && fixedToken.length > 0 ? fixedToken : loadOrCreateToken(dataDir);
  const sessionCookieValue = createHmac("sha256", token).update("local-user-session").digest("base64url");
  return {
    token,
    sessionCookieValue,
    isAuthorized: (request) =>
      safeEqual(presentedToken(request), token) || safeEqual(readCookie(request, SESSION_COOKIE), sessionCookieValue),
    sessionCookieHeader: () => `${SESSION_COOKIE}=${sessionCookieValue}; Path=/; HttpOnly; SameSite=Strict`,
  };
}

function loadOrCreateToken(dataDir: string): string {
  const file = path.join(dataDir, "token");
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // no token yet: make one below
  }
  const token = randomBytes(24).toString("hex");
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
}

function presentedToken(request: IncomingMessage): string | null {
  const header = request.headers.authorization;
  if (header) {
    const match = /^(?:token|bearer)\s+(.+)$/i.exec(header.trim());
    if (match) return match[1];
  }
  const url = new URL(request.url ?? "/", "http://localhost");
  return url.searchParams.get("token");
}

function readCookie(request: IncomingMessage, name: string): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

function safeEqual(presented: string | null, expected: string): boolean {
  if (presented === null) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
