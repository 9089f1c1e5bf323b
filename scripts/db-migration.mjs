#!/usr/bin/env node
// Creates a new Prisma migration offline: `npm run db:migration <name>`.
// `prisma migrate dev` needs the native schema engine, which cannot be downloaded here, so we diff the
// schema snapshot kept beside the latest migration against prisma/schema.prisma with the WASM engine.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration <name>   (lower-case letters, digits and _)");
  process.exit(2);
}
const migrationsDir = path.join("prisma", "migrations");
const previous = fs
  .readdirSync(migrationsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort()
  .at(-1);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "kernel-lab-migration-"));
let fromSchema = previous ? path.join(migrationsDir, previous, "schema.prisma") : null;
if (!fromSchema || !fs.existsSync(fromSchema)) {
  fromSchema = path.join(scratch, "empty.prisma");
  fs.writeFileSync(fromSchema, 'datasource db {\n  provider = "sqlite"\n  url = "file:empty.db"\n}\n');
}
const sql = execFileSync(
  "npx",
  ["prisma", "migrate", "diff", "--from-schema-datamodel", fromSchema, "--to-schema-datamodel",
    path.join("prisma", "schema.prisma"), "--script"],
  { encoding: "utf8", env: { ...process.env, DATABASE_URL: `file:${path.join(scratch, "diff.db")}` } },
);
fs.rmSync(scratch, { recursive: true, force: true });
if (!/\S/.test(sql.replace(/^--.*$/gm, ""))) {
  console.log("The schema has not changed since the latest migration: nothing to do.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
fs.mkdirSync(dir);
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
fs.copyFileSync(path.join("prisma", "schema.prisma"), path.join(dir, "schema.prisma"));
console.log(`Created ${dir}/migration.sql — apply it with \`npx prisma migrate deploy\` (npm start does).`);
