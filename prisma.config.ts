import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseFile, databaseUrl } from "./lib/server/database-url";

// Driver-adapter mode with the JS engine: `prisma generate` and `prisma migrate deploy` run without the
// native schema engine, which cannot be downloaded on our machines (README "Where data lives").
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations"), seed: "tsx prisma/seed.ts" },
  async adapter() {
    fs.mkdirSync(path.dirname(databaseFile()), { recursive: true });
    return new PrismaBetterSQLite3({ url: databaseUrl() });
  },
});
