import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { databaseFile, databaseUrl } from "./database-url";

/** A client on the configured database, or on `url` (a `file:` URL; tests use copies of a template). */
export function createPrismaClient(url?: string): PrismaClient {
  if (url === undefined) fs.mkdirSync(/*turbopackIgnore: true*/ path.dirname(databaseFile()), { recursive: true });
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: url ?? databaseUrl() }) });
}

// One client per server process; Next's dev mode re-evaluates modules on every change, so the client is
// kept on globalThis there to avoid opening a new connection per reload.
const holder = globalThis as typeof globalThis & { kernelLabPrisma?: PrismaClient };

export function db(): PrismaClient {
  holder.kernelLabPrisma ??= createPrismaClient();
  return holder.kernelLabPrisma;
}
