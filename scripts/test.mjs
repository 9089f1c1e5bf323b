#!/usr/bin/env node
// `npm test`: install what is missing, then typecheck, lint, and run every test suite — unit, integration
// (against the real custom server) and browser (Chromium). Ends with one "N passed, N failed" line.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureBuild, ensureDependencies, ensurePrismaClient, run, step } from "./lib/setup.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const totals = { passed: 0, failed: 0, skipped: 0 };
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), "kernel-lab-test-"));

function vitest(name, args) {
  const report = path.join(reportDir, `${name}.json`);
  let failure = null;
  try {
    run("npx", ["vitest", "run", ...args, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);
  } catch (error) {
    failure = error;
  }
  if (fs.existsSync(report)) {
    const result = JSON.parse(fs.readFileSync(report, "utf8"));
    totals.passed += result.numPassedTests;
    totals.failed += result.numFailedTests;
    totals.skipped += result.numPendingTests + result.numTodoTests;
  }
  if (failure) throw failure;
}

let exitCode = 0;
try {
  ensureDependencies();
  ensurePrismaClient();
  step("Typecheck (tsc --noEmit)");
  run("npx", ["tsc", "--noEmit", "-p", "."]);
  step("Lint (eslint)");
  run("npx", ["eslint", "--max-warnings=0", "."]);
  ensureBuild();
  step("Unit and integration tests (vitest)");
  vitest("main", []);
  step("Browser tests (Chromium)");
  vitest("browser", ["--config", "vitest.browser.config.ts"]);
} catch (error) {
  console.error(`npm test: ${error.message}`);
  exitCode = 1;
} finally {
  fs.rmSync(reportDir, { recursive: true, force: true });
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(exitCode === 0 && totals.failed === 0 ? 0 : 1);
