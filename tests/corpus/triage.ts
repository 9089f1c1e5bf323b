/**
 * Maintenance tool for known-failures.json: runs every corpus program through the engine and reports
 * which fail and why.
 *
 *   npx tsx tests/corpus/triage.ts           # print failing programs with their first problem
 *   npx tsx tests/corpus/triage.ts --write   # rewrite known-failures.json: keep existing reasons,
 *                                            # drop programs that pass, add new ones as "UNTRIAGED: ..."
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runSource } from "../../lib/python/index";
import { NUMPY_MODULES } from "../../lib/numpy/python/module";
import { judge, type Expected } from "./compare";

const dir = fileURLToPath(new URL("./programs/", import.meta.url));
const knownPath = fileURLToPath(new URL("./known-failures.json", import.meta.url));
const known = JSON.parse(readFileSync(knownPath, "utf8")) as Record<string, string>;

const failing: Record<string, string> = {};
for (const name of readdirSync(dir).filter((f) => f.endsWith(".py")).sort()) {
  const expected = JSON.parse(readFileSync(dir + name.replace(/\.py$/, ".expected.json"), "utf8")) as Expected;
  let stdout = "";
  let stderr = "";
  let problems: string[];
  try {
    const { exitCode } = runSource(readFileSync(dir + name, "utf8"), {
      filename: name,
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      limits: { wallTimeMs: 10_000 },
      modules: NUMPY_MODULES,
    });
    problems = judge({ filename: name, stdout, stderr, exitCode }, expected);
  } catch (e) {
    problems = [`JavaScript exception: ${String(e)}`];
  }
  if (problems.length > 0) failing[name] = problems.join(" | ").slice(0, 300);
}

if (process.argv.includes("--write")) {
  const next: Record<string, string> = {};
  for (const name of Object.keys(failing)) next[name] = known[name] ?? `UNTRIAGED: ${failing[name]}`;
  writeFileSync(knownPath, JSON.stringify(next, null, 1) + "\n");
  console.log(`${Object.keys(next).length} known failures written`);
} else {
  for (const [name, problem] of Object.entries(failing)) console.log(`${name}${name in known ? "" : " (NEW)"}: ${problem}`);
}
