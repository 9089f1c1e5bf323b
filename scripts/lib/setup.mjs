// Shared steps of `npm start` and `npm test`. Plain Node (no dependencies), because the first thing they
// do is install the dependencies when they are missing.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");

export function step(message) {
  console.log(`\u001b[1m▸ ${message}\u001b[0m`);
}

/** Runs a command; `quiet` keeps its output unless it fails (Prisma's banners and tips are noise here). */
export function run(command, args, { quiet = false, ...options } = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: quiet ? "pipe" : "inherit", encoding: "utf8", ...options });
  if (result.status !== 0) {
    if (quiet) process.stderr.write(`${result.stdout ?? ""}${result.stderr ?? ""}`);
    throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
  }
}

function fileHash(file) {
  return createHash("sha256").update(fs.readFileSync(path.join(root, file))).digest("hex");
}

/** Installs node_modules with `npm ci` when they are missing or older than package-lock.json. */
export function ensureDependencies() {
  const marker = path.join(root, "node_modules", ".kernel-lab-lock-hash");
  const wanted = fileHash("package-lock.json");
  if (fs.existsSync(marker) && fs.readFileSync(marker, "utf8") === wanted) return;
  step("Installing dependencies (npm ci)");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
  fs.writeFileSync(marker, wanted);
}

/** Generates the Prisma client when the schema changed since the last generation. */
export function ensurePrismaClient() {
  const marker = path.join(root, "node_modules", ".kernel-lab-prisma-hash");
  const wanted = fileHash(path.join("prisma", "schema.prisma"));
  if (fs.existsSync(marker) && fs.readFileSync(marker, "utf8") === wanted) return;
  step("Generating the Prisma client");
  run("npx", ["prisma", "generate"], { quiet: true });
  fs.writeFileSync(marker, wanted);
}

/** Applies pending migrations and seeds; both are idempotent. */
export function prepareDatabase(env = process.env) {
  step("Applying database migrations");
  run("npx", ["prisma", "migrate", "deploy"], { env, quiet: true });
  step("Seeding the database");
  run("npx", ["tsx", path.join("prisma", "seed.ts")], { env, quiet: true });
}

// Everything the production bundle is built from. Notebooks are read at request time, so they are not here.
const BUILD_INPUTS = ["app", "lib", "components", "public", "instrumentation.ts", "next.config.js",
  "package-lock.json", "tsconfig.json", path.join("prisma", "schema.prisma")];

function buildInputsHash() {
  const hash = createHash("sha256");
  const visit = (rel) => {
    const abs = path.join(root, rel);
    if (!fs.existsSync(abs)) return;
    const stat = fs.statSync(abs);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(abs).sort()) {
        if (entry === "node_modules" || entry.endsWith(".test.ts")) continue;
        visit(path.join(rel, entry));
      }
    } else {
      hash.update(rel).update("\0").update(fs.readFileSync(abs)).update("\0");
    }
  };
  BUILD_INPUTS.forEach(visit);
  return hash.digest("hex");
}

/** Runs `next build` when there is no build or its inputs changed since it was made. */
export function ensureBuild() {
  const distDir = path.join(root, process.env.NEXT_DIST_DIR || ".next");
  const marker = path.join(distDir, "kernel-lab-build-hash");
  const wanted = buildInputsHash();
  if (fs.existsSync(marker) && fs.readFileSync(marker, "utf8") === wanted && fs.existsSync(path.join(distDir, "BUILD_ID"))) {
    return;
  }
  step("Building the production bundle (next build)");
  run("npx", ["next", "build"], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  fs.writeFileSync(marker, wanted);
}
