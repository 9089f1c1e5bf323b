/*
 * `kernel-lab exec NOTEBOOK.ipynb`: validates a notebook, executes it (./notebook-executor.ts) on the
 * notebook kernel's engine in this process, and writes the executed notebook or prints a summary.
 */

import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import type { TargetName } from "../kernel/engine";
import { createEngine } from "../kernel/python-engine";
import { parseNotebook, type Notebook } from "../notebook/nbformat";
import { chooseTarget, parseArgs, parseTarget } from "./args";
import { checkWritable, writeText } from "./files";
import type { Command, Io } from "./main";
import { startCellTimer } from "./watchdog";
import { executeNotebook, notebookTarget, TAG_RAISES, TAG_SKIP, type CellReport, type ExecResult } from "./notebook-executor";

const USAGE = `usage: kernel-lab exec [options] NOTEBOOK.ipynb

Execute every code cell of a notebook in order, in one session (like \`jupyter nbconvert --execute\`),
and record the outputs. Without --output, print a summary of the run.

options:
  --output OUT.ipynb        write the executed notebook (nbformat 4.5); written even when a cell fails,
                            with the outputs up to the failure
  --target trn1|trn2|trn3   Trainium generation to simulate (default: the notebook's
                            metadata.kernel_lab.target, else $NEURON_PLATFORM_TARGET_OVERRIDE, else trn2)
  --allow-errors            run every cell even after errors (exit status 0)
  --timeout SECONDS         stop a cell that runs longer (a TimeoutError); default: no limit
  -h, --help                show this help

The run stops at the first cell that raises, unless the cell is tagged "${TAG_RAISES}" (it is meant
to fail). Cells tagged "${TAG_SKIP}" are not run.
exit status: 0 ok, 1 a cell raised unexpectedly (traceback on stderr), 2 usage error or invalid notebook.
`;

const OPTIONS = [
  { name: "output", takesValue: true },
  { name: "target", takesValue: true },
  { name: "allow-errors", takesValue: false },
  { name: "timeout", takesValue: true },
] as const;

function usageError(io: Io, message: string): number {
  io.stderr(`kernel-lab exec: ${message}\n`);
  return 2;
}

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

function statusText(c: CellReport): string {
  if (c.error === null) return "ok";
  const message = `${c.error.ename}: ${c.error.evalue}`.split("\n")[0];
  const short = message.length > 80 ? `${message.slice(0, 77)}...` : message;
  return `${c.status === "expected-error" ? "expected error" : "error"}  ${short}`;
}

/** One line per executed cell, then totals. */
export function summaryText(name: string, result: ExecResult, elapsedMs: number): string {
  const width = Math.max(4, ...result.cells.map((c) => (c.id ?? "").length));
  const lines = result.cells.map(
    (c) => `  [${c.executionCount}] ${(c.id ?? "").padEnd(width)}  ${c.target}  ${seconds(c.durationMs).padStart(8)}  ${statusText(c)}`,
  );
  const counts = (status: CellReport["status"]) => result.cells.filter((c) => c.status === status).length;
  const parts = [`${counts("ok")} ok`];
  if (counts("expected-error") > 0) parts.push(`${counts("expected-error")} expected error${counts("expected-error") === 1 ? "" : "s"}`);
  if (counts("error") > 0) parts.push(`${counts("error")} error${counts("error") === 1 ? "" : "s"}`);
  if (result.notRun > 0) parts.push(`${result.notRun} not run`);
  const n = result.cells.length;
  return [`${name}:`, ...lines, `${n} code cell${n === 1 ? "" : "s"} ran in ${seconds(elapsedMs)}: ${parts.join(", ")}`].join("\n") + "\n";
}

function failureText(file: string, c: CellReport, notRun: number): string {
  const where = `cell [${c.executionCount}]${c.id === null ? "" : ` (id ${c.id})`}`;
  const traceback = (c.error?.traceback ?? []).join("\n");
  const rest = notRun > 0 ? `; ${notRun} later code cell${notRun === 1 ? " was" : "s were"} not run` : "";
  return `${traceback}\n\nkernel-lab exec: ${where} of ${file} raised ${c.error?.ename ?? "an error"}${rest}\n` +
    `(tag the cell "${TAG_RAISES}" if it is meant to fail, or pass --allow-errors)\n`;
}

/** --target, else the notebook's metadata.kernel_lab.target, else NEURON_PLATFORM_TARGET_OVERRIDE, else trn2. */
function execTarget(flag: TargetName | undefined, notebook: Notebook, env: Io["env"]): { ok: true; target: TargetName } | { ok: false; message: string } {
  if (flag !== undefined) return { ok: true, target: flag };
  const fromMetadata = notebookTarget(notebook);
  if (!fromMetadata.ok) return fromMetadata;
  if (fromMetadata.target !== undefined) return { ok: true, target: fromMetadata.target };
  return chooseTarget(undefined, env);
}

export const execCommand: Command = {
  summary: "execute a notebook's code cells in order (like jupyter nbconvert --execute)",
  usage: USAGE,
  async run(args: string[], io: Io): Promise<number> {
    const parsed = parseArgs(args, OPTIONS);
    if (parsed.kind === "help") {
      io.stdout(USAGE);
      return 0;
    }
    if (parsed.kind === "error") return usageError(io, `${parsed.message}\n\nRun \`kernel-lab exec --help\` for the options.`);
    const { values, flags, positionals } = parsed;
    if (positionals.length === 0) return usageError(io, "missing NOTEBOOK.ipynb");
    if (positionals.length > 1) return usageError(io, `unexpected argument '${positionals[1]}' (one notebook at a time)`);
    const file = positionals[0];
    const flagTarget = parseTarget(values.get("target"));
    if (!flagTarget.ok) return usageError(io, flagTarget.message);
    const timeout = values.get("timeout");
    const limitSeconds = timeout === undefined ? undefined : Number(timeout);
    if (limitSeconds !== undefined && !(limitSeconds > 0 && Number.isFinite(limitSeconds))) return usageError(io, "--timeout needs a positive number of seconds");
    const output = values.get("output");
    if (output !== undefined) {
      const problem = checkWritable(output);
      if (problem !== null) return usageError(io, `--output: ${problem}`);
    }

    let text: string;
    try {
      if (statSync(file).isDirectory()) return usageError(io, `'${file}' is a directory, not a notebook`);
      text = readFileSync(file, "utf8");
    } catch {
      return usageError(io, `can't open file '${file}': No such file or directory`);
    }
    const parsedNotebook = parseNotebook(text);
    if (!parsedNotebook.ok) return usageError(io, `${file} is not a valid notebook: ${parsedNotebook.error}`);
    const notebook = parsedNotebook.notebook;

    const target = execTarget(flagTarget.target, notebook, io.env);
    if (!target.ok) return usageError(io, `${file}: ${target.message}`);

    const started = performance.now();
    const timer = limitSeconds === undefined ? undefined : startCellTimer(limitSeconds * 1000);
    let result: ExecResult;
    try {
      result = await executeNotebook(notebook, { target: target.target, allowErrors: flags.has("allow-errors"), createEngine, timer });
    } finally {
      await timer?.close();
    }
    const elapsed = performance.now() - started;

    if (output !== undefined) {
      const problem = writeText(output, JSON.stringify(result.notebook, null, 1) + "\n");
      if (problem !== null) return usageError(io, `--output: ${problem}`);
      const n = result.cells.length;
      io.stderr(`kernel-lab exec: wrote ${output} (${n} code cell${n === 1 ? "" : "s"} run on ${target.target} in ${seconds(elapsed)})\n`);
    } else {
      io.stdout(summaryText(basename(file), result, elapsed));
    }
    if (result.failed !== null) {
      io.stderr(failureText(file, result.failed, result.notRun));
      return 1;
    }
    return 0;
  },
};
