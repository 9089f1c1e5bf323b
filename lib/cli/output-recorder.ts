/*
 * Turns what an engine emits while cells run into nbformat outputs, the way nbclient records iopub:
 * consecutive stream text of the same name joins one output, `display_data` keeps every MIME type,
 * `update_display_data` rewrites every earlier output with that display id (in any cell),
 * `clear_output(wait=True)` clears when the next output arrives, and a failing cell gets an `error`
 * output with its traceback.
 */

import type { JsonObject, MimeBundle } from "../jupyter/messages";
import type { DisplayRequest, EngineError } from "../kernel/engine";
import type { CellOutput } from "../notebook/nbformat";

export type RecordedOutput =
  | { kind: "stream"; name: "stdout" | "stderr"; text: string }
  | { kind: "display"; data: MimeBundle; metadata: JsonObject }
  | { kind: "result"; executionCount: number; data: MimeBundle }
  | { kind: "error"; ename: string; evalue: string; traceback: string[] };

type DisplayOutput = Extract<RecordedOutput, { kind: "display" }>;

export class OutputRecorder {
  readonly #cells = new Map<number, RecordedOutput[]>();
  readonly #displays = new Map<string, { cell: number; output: DisplayOutput }[]>();
  #cell = -1;
  #clearPending = false;

  /** Starts recording the outputs of the code cell at `cellIndex` (any earlier ones are dropped). */
  begin(cellIndex: number): void {
    this.#cell = cellIndex;
    this.#clearPending = false;
    this.#clearCell();
  }

  stream(name: "stdout" | "stderr", text: string): void {
    if (text === "") return;
    const outputs = this.#target();
    const last = outputs[outputs.length - 1];
    if (last?.kind === "stream" && last.name === name) last.text += text;
    else outputs.push({ kind: "stream", name, text });
  }

  display(request: DisplayRequest): void {
    if (request.update) {
      // An update to an id never displayed is ignored, as in Jupyter front ends.
      for (const { output } of this.#displays.get(request.displayId ?? "") ?? []) {
        output.data = request.data;
        output.metadata = request.metadata;
      }
      return;
    }
    const output: DisplayOutput = { kind: "display", data: request.data, metadata: request.metadata };
    this.#target().push(output);
    if (request.displayId !== undefined) {
      const list = this.#displays.get(request.displayId) ?? [];
      list.push({ cell: this.#cell, output });
      this.#displays.set(request.displayId, list);
    }
  }

  clearOutput(wait: boolean): void {
    if (wait) this.#clearPending = true;
    else this.#clearCell();
  }

  result(executionCount: number, data: MimeBundle): void {
    this.#target().push({ kind: "result", executionCount, data });
  }

  error(e: EngineError): void {
    this.#target().push({ kind: "error", ename: e.ename, evalue: e.evalue, traceback: [...e.traceback] });
  }

  outputs(cellIndex: number): readonly RecordedOutput[] {
    return this.#cells.get(cellIndex) ?? [];
  }

  /** The current cell's list, cleared first if a `clear_output(wait=True)` is pending. */
  #target(): RecordedOutput[] {
    if (this.#cell < 0) throw new Error("OutputRecorder: output arrived outside a cell");
    if (this.#clearPending) {
      this.#clearPending = false;
      this.#clearCell();
    }
    let list = this.#cells.get(this.#cell);
    if (list === undefined) {
      list = [];
      this.#cells.set(this.#cell, list);
    }
    return list;
  }

  #clearCell(): void {
    this.#cells.set(this.#cell, []);
    for (const [id, list] of this.#displays) {
      const kept = list.filter((d) => d.cell !== this.#cell);
      if (kept.length === 0) this.#displays.delete(id);
      else this.#displays.set(id, kept);
    }
  }
}

/** Python's str.splitlines(keepends=True) for the line breaks nbformat files use. */
export function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

/** nbformat's on-disk form splits text/* (and SVG, JavaScript) strings into lines; JSON stays JSON. */
function splitBundle(data: MimeBundle): MimeBundle {
  const out: MimeBundle = {};
  for (const [mime, value] of Object.entries(data)) {
    const split = typeof value === "string" && (mime.startsWith("text/") || mime === "image/svg+xml" || mime === "application/javascript");
    out[mime] = split ? splitLines(value) : value;
  }
  return out;
}

export function toNbformat(output: RecordedOutput): CellOutput {
  switch (output.kind) {
    case "stream":
      return { output_type: "stream", name: output.name, text: splitLines(output.text) };
    case "display":
      return { output_type: "display_data", data: splitBundle(output.data), metadata: output.metadata };
    case "result":
      return { output_type: "execute_result", execution_count: output.executionCount, data: splitBundle(output.data), metadata: {} };
    case "error":
      return { output_type: "error", ename: output.ename, evalue: output.evalue, traceback: output.traceback };
  }
}
