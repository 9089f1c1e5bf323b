/**
 * nbformat v4 documents: validation at the boundary (files in notebooks/, uploads, the contents API) and
 * the few accessors the app needs. Unknown fields and metadata are kept as they are, so a document that
 * goes through `parseNotebook` and back out is unchanged.
 */
import { z } from "zod";

/** A multi-line string as nbformat stores it: one string or a list of lines. */
const multilineString = z.union([z.string(), z.array(z.string())]);

const metadata = z.looseObject({});

const streamOutput = z.looseObject({
  output_type: z.literal("stream"),
  name: z.enum(["stdout", "stderr"]),
  text: multilineString,
});
const displayDataOutput = z.looseObject({
  output_type: z.literal("display_data"),
  data: z.record(z.string(), z.unknown()),
  metadata,
});
const executeResultOutput = z.looseObject({
  output_type: z.literal("execute_result"),
  execution_count: z.number().int().nullable(),
  data: z.record(z.string(), z.unknown()),
  metadata,
});
const errorOutput = z.looseObject({
  output_type: z.literal("error"),
  ename: z.string(),
  evalue: z.string(),
  traceback: z.array(z.string()),
});
const output = z.discriminatedUnion("output_type", [
  streamOutput,
  displayDataOutput,
  executeResultOutput,
  errorOutput,
]);

// nbformat 4.5 made cell ids mandatory: 1-64 characters of letters, digits, '-' and '_'.
const cellId = z.string().regex(/^[a-zA-Z0-9-_]{1,64}$/, "cell id must be 1-64 letters, digits, '-' or '_'");

const markdownCell = z.looseObject({
  cell_type: z.literal("markdown"),
  id: cellId.optional(),
  metadata,
  source: multilineString,
  attachments: z.record(z.string(), z.unknown()).optional(),
});
const rawCell = z.looseObject({
  cell_type: z.literal("raw"),
  id: cellId.optional(),
  metadata,
  source: multilineString,
});
const codeCell = z.looseObject({
  cell_type: z.literal("code"),
  id: cellId.optional(),
  metadata,
  source: multilineString,
  execution_count: z.number().int().nullable(),
  outputs: z.array(output),
});
const cell = z.discriminatedUnion("cell_type", [markdownCell, codeCell, rawCell]);

const notebookSchema = z
  .looseObject({
    nbformat: z.literal(4, { error: "only nbformat 4 notebooks are supported" }),
    nbformat_minor: z.number().int().nonnegative(),
    metadata,
    cells: z.array(cell),
  })
  .superRefine((nb, ctx) => {
    if (nb.nbformat_minor < 5) return;
    nb.cells.forEach((c, index) => {
      if (c.id === undefined) {
        ctx.addIssue({ code: "custom", path: ["cells", index, "id"], message: "nbformat 4.5 requires a cell id" });
      }
    });
  });

export type Notebook = z.infer<typeof notebookSchema>;
export type NotebookCell = Notebook["cells"][number];
export type CodeCell = Extract<NotebookCell, { cell_type: "code" }>;
export type CellOutput = CodeCell["outputs"][number];

export type ParseResult = { ok: true; notebook: Notebook } | { ok: false; error: string };

/** Parses and validates notebook JSON text; the error names the first problem and where it is. */
export function parseNotebook(text: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not valid JSON: ${(error as Error).message}` };
  }
  return validateNotebook(json);
}

export function validateNotebook(json: unknown): ParseResult {
  if (typeof json === "object" && json !== null && "nbformat" in json && json.nbformat !== 4) {
    return { ok: false, error: `nbformat ${JSON.stringify(json.nbformat)} is not supported: only nbformat 4 notebooks are` };
  }
  const parsed = notebookSchema.safeParse(json);
  if (parsed.success) return { ok: true, notebook: parsed.data };
  return { ok: false, error: describeIssue(parsed.error.issues[0]) };
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return "invalid notebook";
  const where = issue.path.length === 0 ? "notebook" : formatPath(issue.path);
  return `${where}: ${issue.message}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`))
    .join("");
}

/** A cell's source as one string, whichever of nbformat's two forms the file used. */
export function cellSource(c: { source: string | string[] }): string {
  return typeof c.source === "string" ? c.source : c.source.join("");
}
