/*
 * Executes a notebook like `jupyter nbconvert --execute` (nbclient): every code cell in order in one
 * engine session, outputs recorded as nbformat 4.5, stopping at the first error unless the cell is
 * tagged `raises-exception` or errors are allowed. Cells tagged `skip-execution` and blank cells are
 * not run. Every code cell's old outputs are cleared first, so cells after a stop show nothing stale.
 * The engine is lib/kernel's (the notebook kernel's own), hosted in this process, with the kernel's
 * line magics (`%target`).
 */

import type { CreateEngine, EngineError, EngineHost, ExecuteOutcome, KernelEngine, TargetName } from "../kernel/engine";
import { TARGET_NAMES } from "../kernel/engine";
import { applyLineMagics } from "../kernel/magics";
import { cellSource, type Notebook } from "../notebook/nbformat";
import { OutputRecorder, toNbformat } from "./output-recorder";
import type { CellTimer } from "./watchdog";

export type CellStatus = "ok" | "error" | "expected-error";

export interface CellReport {
  /** Position in `notebook.cells`. */
  readonly index: number;
  readonly id: string | null;
  readonly executionCount: number;
  readonly status: CellStatus;
  readonly durationMs: number;
  readonly error: EngineError | null;
  /** The target kernels launch on after the cell (`%target` lines and host overrides change it). */
  readonly target: TargetName;
}

export interface ExecOptions {
  readonly target: TargetName;
  /** Run every cell even after errors (nbclient's allow_errors). */
  readonly allowErrors: boolean;
  readonly createEngine: CreateEngine;
  /** The engine's MemoryError budget (a kernel's default: 768 MiB). */
  readonly memoryBytes?: number;
  readonly clock?: () => number;
  /** A per-cell time limit (./watchdog.ts); none by default, like nbclient. */
  readonly timer?: CellTimer;
}

export interface ExecResult {
  readonly notebook: Notebook;
  readonly cells: readonly CellReport[];
  /** The unexpected error that stopped the run, if one did. */
  readonly failed: CellReport | null;
  /** Code cells that were to run and did not, because of `failed`. */
  readonly notRun: number;
}

export const TAG_RAISES = "raises-exception";
export const TAG_SKIP = "skip-execution";

function tagsOf(metadata: Record<string, unknown>): string[] {
  const tags = metadata.tags;
  return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === "string") : [];
}

/** `metadata.kernel_lab.target` of a notebook: undefined when absent, an error message when invalid. */
export function notebookTarget(nb: Notebook): { ok: true; target: TargetName | undefined } | { ok: false; message: string } {
  const lab = nb.metadata.kernel_lab;
  if (lab === undefined || lab === null) return { ok: true, target: undefined };
  if (typeof lab !== "object" || Array.isArray(lab)) return { ok: false, message: "metadata.kernel_lab must be an object" };
  const target = (lab as Record<string, unknown>).target;
  if (target === undefined) return { ok: true, target: undefined };
  if (typeof target === "string" && (TARGET_NAMES as readonly string[]).includes(target)) return { ok: true, target: target as TargetName };
  return { ok: false, message: `metadata.kernel_lab.target must be one of ${TARGET_NAMES.join(", ")}, not ${JSON.stringify(target)}` };
}

/** Ids for cells that lack one (nbformat 4.5 requires them), unique within the notebook. */
function ensureCellIds(nb: Notebook): void {
  const taken = new Set(nb.cells.map((c) => c.id).filter((id): id is string => id !== undefined));
  nb.cells.forEach((c, i) => {
    if (c.id !== undefined) return;
    let id = `cell-${i}`;
    for (let k = 1; taken.has(id); k++) id = `cell-${i}-${k}`;
    taken.add(id);
    c.id = id;
  });
  if (nb.nbformat_minor < 5) nb.nbformat_minor = 5;
}

/** A bug in the engine must not abort the run: report it as the cell's error, as the kernel worker does. */
function executeGuarded(engine: KernelEngine, code: string, cellName: string): ExecuteOutcome {
  try {
    return engine.execute(code, cellName);
  } catch (e) {
    const evalue = `internal error in Kernel Lab's engine: ${e instanceof Error ? e.message : String(e)}`;
    return { status: "error", ename: "SystemError", evalue, traceback: [`SystemError: ${evalue}`] };
  }
}

/** The interrupt the time limit caused, reported as the kernel reports its wall-time limit. */
function timeoutError(interrupted: EngineError, limitMs: number): ExecuteOutcome {
  const evalue = `this cell ran longer than the ${limitMs / 1000} s limit (--timeout), so Kernel Lab stopped it`;
  return { status: "error", ename: "TimeoutError", evalue, traceback: [...interrupted.traceback.slice(0, -1), `TimeoutError: ${evalue}`] };
}

export async function executeNotebook(input: Notebook, options: ExecOptions): Promise<ExecResult> {
  const notebook = structuredClone(input);
  ensureCellIds(notebook);
  const clock = options.clock ?? (() => performance.now());
  const recorder = new OutputRecorder();
  let target = options.target;
  const host: EngineHost = {
    stdout: (text) => recorder.stream("stdout", text),
    stderr: (text) => recorder.stream("stderr", text),
    display: (request) => recorder.display(request),
    clearOutput: (wait) => recorder.clearOutput(wait),
    interruptFlag: options.timer?.flag ?? new Int32Array(new SharedArrayBuffer(4)),
    target: () => target,
    memoryBytes: options.memoryBytes ?? 768 * 1024 * 1024,
  };
  const engine = await options.createEngine(host);

  const toRun = notebook.cells.flatMap((c, index) =>
    c.cell_type === "code" && cellSource(c).trim() !== "" && !tagsOf(c.metadata).includes(TAG_SKIP) ? [index] : [],
  );
  for (const c of notebook.cells) {
    if (c.cell_type !== "code") continue;
    c.outputs = [];
    c.execution_count = null;
  }

  const reports: CellReport[] = [];
  let failed: CellReport | null = null;
  for (const index of toRun) {
    const cell = notebook.cells[index];
    if (cell.cell_type !== "code") continue;
    const executionCount = reports.length + 1;
    recorder.begin(index);
    const started = clock();
    let error: EngineError | null = null;
    const magic = applyLineMagics(cellSource(cell), target);
    if (!magic.ok) {
      error = magic.error;
    } else {
      target = magic.target;
      recorder.stream("stdout", magic.output);
      options.timer?.arm();
      let outcome = executeGuarded(engine, magic.code, `<cell ${executionCount}>`);
      const timedOut = options.timer?.disarm() ?? false;
      if (timedOut && outcome.status === "error" && outcome.ename === "KeyboardInterrupt") outcome = timeoutError(outcome, options.timer?.limitMs ?? 0);
      if (outcome.status === "error") error = outcome;
      else if (outcome.result !== null) recorder.result(executionCount, outcome.result);
    }
    if (error !== null) recorder.error(error);
    const expected = tagsOf(cell.metadata).includes(TAG_RAISES);
    const report: CellReport = {
      index,
      id: cell.id ?? null,
      executionCount,
      status: error === null ? "ok" : expected ? "expected-error" : "error",
      durationMs: clock() - started,
      error: error === null ? null : { ename: error.ename, evalue: error.evalue, traceback: error.traceback },
      // Host code may override the target (os.environ["NEURON_PLATFORM_TARGET_OVERRIDE"]); the engine knows.
      target: engine.target?.() ?? target,
    };
    reports.push(report);
    cell.execution_count = executionCount;
    cell.outputs = recorder.outputs(index).map(toNbformat);
    if (report.status === "error" && !options.allowErrors) {
      failed = report;
      break;
    }
  }
  // Displays updated by later cells changed earlier cells' outputs too.
  for (const r of reports) {
    const cell = notebook.cells[r.index];
    if (cell.cell_type === "code") cell.outputs = recorder.outputs(r.index).map(toNbformat);
  }
  return { notebook, cells: reports, failed, notRun: toRun.length - reports.length };
}
