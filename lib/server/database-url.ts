import path from "node:path";

/** The project root: every server entry point (server.ts, scripts, prisma.config.ts) runs from it. */
export const projectRoot = process.cwd();

/**
 * Where the SQLite database lives: `DATABASE_URL` (a `file:` URL) when set — tests point it at a temporary
 * file — otherwise `data/kernel-lab.db` under the project root, a git-ignored folder.
 */
export function databaseUrl(): string {
  return process.env.DATABASE_URL || `file:${path.join(projectRoot, "data", "kernel-lab.db")}`;
}

/** The database's file path, for creating its folder before SQLite opens it. */
export function databaseFile(): string {
  const url = databaseUrl();
  if (!url.startsWith("file:")) throw new Error(`DATABASE_URL must be a file: URL for SQLite, got "${url}"`);
  return path.resolve(/*turbopackIgnore: true*/ projectRoot, url.slice("file:".length));
}
