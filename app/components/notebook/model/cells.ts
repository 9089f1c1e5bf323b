/**
 * The editor's notebook model: the nbformat document held as plain immutable data the command core
 * (`commands.ts`) transforms. Everything the file had that the editor does not understand (cell and
 * notebook metadata, attachments, unknown keys) rides along untouched, so load → save is lossless.
 */
import type { ICell, INotebookContent, IOutput, MultilineString, OutputMetadata as PartialJSONObject } from "@jupyterlab/nbformat";

export type CellType = "code" | "markdown" | "raw";

/** What the editor knows about a cell's latest run; runtime only, never saved. */
export type RunState =
  | { kind: "idle" }
  | { kind: "queued" }
  | { kind: "running"; startedAt: number }
  | { kind: "done"; status: "ok" | "error" | "aborted"; durationMs: number | null };

export interface EditorCell {
  readonly id: string;
  readonly type: CellType;
  readonly source: string;
  readonly metadata: PartialJSONObject;
  /** Code cells only; other cells keep an empty list. */
  readonly outputs: readonly IOutput[];
  readonly executionCount: number | null;
  /** Keys of the nbformat cell the editor does not model (attachments, vendor keys), kept verbatim. */
  readonly extra: PartialJSONObject;
  readonly run: RunState;
  /** A `clear_output(wait=True)` arrived: the next output replaces the current ones. */
  readonly clearPending: boolean;
  /** Output indices per `transient.display_id`, so `update_display_data` finds what to replace. */
  readonly displays: Readonly<Record<string, readonly number[]>>;
  /** Markdown cells: shown rendered (true) or as source being edited (false). */
  readonly rendered: boolean;
}

export interface NotebookDocumentShell {
  readonly metadata: PartialJSONObject;
  readonly nbformat: number;
  readonly nbformatMinor: number;
  /** Top-level keys of the file besides the four nbformat ones. */
  readonly extra: PartialJSONObject;
}

const MODELLED_CELL_KEYS = new Set(["id", "cell_type", "source", "metadata", "outputs", "execution_count"]);
const MODELLED_NOTEBOOK_KEYS = new Set(["cells", "metadata", "nbformat", "nbformat_minor"]);

export function joinSource(source: MultilineString | undefined): string {
  if (source === undefined) return "";
  return typeof source === "string" ? source : source.join("");
}

/** Fresh nbformat cell id: 8 hex digits as JupyterLab makes them, never clashing with `taken`. */
export function newCellId(taken: ReadonlySet<string>, random: () => number = Math.random): string {
  for (;;) {
    const id = Math.floor(random() * 0x1_0000_0000).toString(16).padStart(8, "0");
    if (!taken.has(id)) return id;
  }
}

export function makeCell(type: CellType, id: string, source = ""): EditorCell {
  return {
    id,
    type,
    source,
    metadata: {},
    outputs: [],
    executionCount: null,
    extra: {},
    run: { kind: "idle" },
    clearPending: false,
    displays: {},
    rendered: type === "markdown" && source !== "",
  };
}

export function cellFromNbformat(cell: ICell, taken: Set<string>, random?: () => number): EditorCell {
  const type: CellType = cell.cell_type === "code" || cell.cell_type === "markdown" ? cell.cell_type : "raw";
  const given = typeof cell.id === "string" && cell.id !== "" && !taken.has(cell.id) ? cell.id : null;
  const id = given ?? newCellId(taken, random);
  taken.add(id);
  const extra: PartialJSONObject = {};
  for (const [key, value] of Object.entries(cell)) if (!MODELLED_CELL_KEYS.has(key)) extra[key] = value;
  // An unrecognised cell type keeps its name so it is written back as it came.
  if (type === "raw" && cell.cell_type !== "raw") extra.cell_type = cell.cell_type;
  const source = joinSource(cell.source);
  return {
    ...makeCell(type, id, source),
    metadata: (cell.metadata ?? {}) as PartialJSONObject,
    outputs: type === "code" && Array.isArray(cell.outputs) ? (cell.outputs as IOutput[]) : [],
    executionCount: type === "code" && typeof cell.execution_count === "number" ? cell.execution_count : null,
    extra,
  };
}

export function cellToNbformat(cell: EditorCell): ICell {
  const { cell_type: originalType, ...rest } = cell.extra;
  const base = {
    id: cell.id,
    cell_type: typeof originalType === "string" ? originalType : cell.type,
    metadata: cell.metadata,
    source: cell.source,
    ...rest,
  };
  if (cell.type !== "code") return base as ICell;
  return { ...base, cell_type: "code", execution_count: cell.executionCount, outputs: cell.outputs as IOutput[] } as ICell;
}

export function documentFromNbformat(nb: INotebookContent, random?: () => number): { shell: NotebookDocumentShell; cells: EditorCell[] } {
  const taken = new Set<string>();
  const cells = nb.cells.map((c) => cellFromNbformat(c, taken, random));
  const extra: PartialJSONObject = {};
  for (const [key, value] of Object.entries(nb)) if (!MODELLED_NOTEBOOK_KEYS.has(key)) extra[key] = value;
  return {
    // Every cell now has an id, which nbformat 4.5 is the first minor version to allow.
    shell: { metadata: nb.metadata ?? {}, nbformat: nb.nbformat, nbformatMinor: Math.max(nb.nbformat_minor, 5), extra },
    cells,
  };
}

export function documentToNbformat(shell: NotebookDocumentShell, cells: readonly EditorCell[]): INotebookContent {
  return {
    ...shell.extra,
    nbformat: shell.nbformat,
    nbformat_minor: shell.nbformatMinor,
    metadata: shell.metadata as INotebookContent["metadata"],
    cells: cells.map(cellToNbformat),
  };
}

export type Target = "trn1" | "trn2" | "trn3";
export const TARGETS: readonly Target[] = ["trn1", "trn2", "trn3"];

/** The notebook's simulated device, from `metadata.kernel_lab.target` (default trn2). */
export function targetOf(metadata: PartialJSONObject): Target {
  const lab = metadata.kernel_lab;
  const value = lab && typeof lab === "object" && !Array.isArray(lab) ? (lab as PartialJSONObject).target : undefined;
  return TARGETS.find((t) => t === value) ?? "trn2";
}

export function withTarget(metadata: PartialJSONObject, target: Target): PartialJSONObject {
  const lab = metadata.kernel_lab;
  const current = lab && typeof lab === "object" && !Array.isArray(lab) ? (lab as PartialJSONObject) : {};
  return { ...metadata, kernel_lab: { ...current, target } };
}
