/**
 * Kernel iopub output messages folded into a cell's nbformat outputs, as JupyterLab's output area does:
 * consecutive writes to one stream join into one output (with `\r` rewriting the current line, so progress
 * bars stay one line), `clear_output(wait)` defers the clear to the next output, and
 * `update_display_data` rewrites every output that `display_id` produced.
 */
import type { IMimeBundle, IOutput, OutputMetadata as PartialJSONObject } from "@jupyterlab/nbformat";
import type { EditorCell } from "./cells";

export type OutputMessage =
  | { type: "stream"; name: "stdout" | "stderr"; text: string }
  | { type: "display_data"; data: IMimeBundle; metadata: PartialJSONObject; displayId?: string }
  | { type: "update_display_data"; data: IMimeBundle; metadata: PartialJSONObject; displayId: string }
  | { type: "execute_result"; data: IMimeBundle; metadata: PartialJSONObject; executionCount: number | null; displayId?: string }
  | { type: "error"; ename: string; evalue: string; traceback: string[] }
  | { type: "clear_output"; wait: boolean };

type OutputPart = Pick<EditorCell, "outputs" | "clearPending" | "displays">;

export function applyOutput(cell: OutputPart, msg: OutputMessage): OutputPart {
  if (msg.type === "clear_output") {
    return msg.wait ? { ...cell, clearPending: true } : { outputs: [], clearPending: false, displays: {} };
  }
  if (msg.type === "update_display_data") {
    const targets = cell.displays[msg.displayId];
    if (!targets) return cell;
    const outputs = cell.outputs.slice();
    for (const i of targets) {
      const old = outputs[i];
      if (old) outputs[i] = { ...old, data: msg.data, metadata: msg.metadata };
    }
    return { ...cell, outputs };
  }
  const base: OutputPart = cell.clearPending ? { outputs: [], clearPending: false, displays: {} } : cell;
  if (msg.type === "stream") return appendStream(base, msg.name, msg.text);
  const output = toOutput(msg);
  const index = base.outputs.length;
  const displayId = "displayId" in msg ? msg.displayId : undefined;
  return {
    outputs: [...base.outputs, output],
    clearPending: false,
    displays: displayId ? { ...base.displays, [displayId]: [...(base.displays[displayId] ?? []), index] } : base.displays,
  };
}

function toOutput(msg: Exclude<OutputMessage, { type: "stream" | "clear_output" | "update_display_data" }>): IOutput {
  switch (msg.type) {
    case "display_data":
      return { output_type: "display_data", data: msg.data, metadata: msg.metadata };
    case "execute_result":
      return { output_type: "execute_result", data: msg.data, metadata: msg.metadata, execution_count: msg.executionCount };
    case "error":
      return { output_type: "error", ename: msg.ename, evalue: msg.evalue, traceback: msg.traceback };
  }
}

function appendStream(cell: OutputPart, name: "stdout" | "stderr", text: string): OutputPart {
  const last = cell.outputs[cell.outputs.length - 1];
  if (last && last.output_type === "stream" && last.name === name) {
    const previous = Array.isArray(last.text) ? last.text.join("") : String(last.text);
    const outputs = cell.outputs.slice(0, -1);
    outputs.push({ ...last, text: resolveCarriageReturns(previous + text) });
    return { ...cell, outputs };
  }
  return { ...cell, outputs: [...cell.outputs, { output_type: "stream", name, text: resolveCarriageReturns(text) }] };
}

/**
 * A terminal's view of `\r`: text after a bare carriage return overwrites its line from the start. A `\r`
 * that ends the text is kept, since the overwrite it announces may arrive in the next message.
 */
export function resolveCarriageReturns(text: string): string {
  if (!text.includes("\r")) return text;
  const normalised = text.replace(/\r\n/g, "\n");
  const trailing = normalised.endsWith("\r");
  const body = trailing ? normalised.slice(0, -1) : normalised;
  const lines = body.split("\n").map((line) => {
    if (!line.includes("\r")) return line;
    let shown = "";
    for (const part of line.split("\r")) shown = part + shown.slice(part.length);
    return shown;
  });
  return lines.join("\n") + (trailing ? "\r" : "");
}
