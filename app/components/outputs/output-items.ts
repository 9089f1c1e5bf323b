/**
 * A cell's output list as the things to draw, the way JupyterLab's output area builds it from
 * messages: consecutive chunks of one stream form a single block (so `\r` progress bars work across
 * chunks), `update_display_data` replaces every earlier display with the same `transient.display_id`
 * and draws nothing itself, and anything malformed becomes an explicit "cannot display" item.
 */
import type { IOutput } from "@jupyterlab/nbformat";
import { applyTerminalControls } from "./terminal";
import { multiline, record } from "./mime";

export type OutputItem =
  | { readonly kind: "stream"; readonly name: "stdout" | "stderr"; readonly text: string }
  | { readonly kind: "error"; readonly ename: string; readonly evalue: string; readonly traceback: readonly string[] }
  | {
      readonly kind: "display";
      /** Set for execute_result: the `Out[n]` prompt. */
      readonly executionCount: number | null;
      readonly isResult: boolean;
      readonly data: unknown;
      readonly metadata: unknown;
    }
  | { readonly kind: "invalid"; readonly reason: string };

type Draft =
  | { kind: "stream"; name: "stdout" | "stderr"; chunks: string[] }
  | Exclude<OutputItem, { kind: "stream" }>;

export function resolveOutputs(outputs: readonly IOutput[], executionCount: number | null = null): OutputItem[] {
  const drafts: Draft[] = [];
  const displays = new Map<string, number[]>();
  for (const raw of outputs as readonly unknown[]) {
    const o = record(raw);
    if (!o) {
      drafts.push({ kind: "invalid", reason: "an output must be an object" });
      continue;
    }
    switch (o.output_type) {
      case "stream": {
        const text = multiline(o.text);
        if ((o.name !== "stdout" && o.name !== "stderr") || text === null) {
          drafts.push({ kind: "invalid", reason: "a stream output needs name stdout/stderr and text" });
          break;
        }
        const last = drafts[drafts.length - 1];
        if (last?.kind === "stream" && last.name === o.name) last.chunks.push(text);
        else drafts.push({ kind: "stream", name: o.name, chunks: [text] });
        break;
      }
      case "error": {
        const tb = o.traceback;
        if (typeof o.ename !== "string" || typeof o.evalue !== "string" || !Array.isArray(tb) || !tb.every((l) => typeof l === "string")) {
          drafts.push({ kind: "invalid", reason: "an error output needs ename, evalue and a traceback list" });
          break;
        }
        drafts.push({ kind: "error", ename: o.ename, evalue: o.evalue, traceback: tb as string[] });
        break;
      }
      case "execute_result":
      case "display_data": {
        const isResult = o.output_type === "execute_result";
        const count = isResult ? (typeof o.execution_count === "number" ? o.execution_count : executionCount) : null;
        const id = displayId(o);
        if (id !== null) displays.set(id, [...(displays.get(id) ?? []), drafts.length]);
        drafts.push({ kind: "display", executionCount: count, isResult, data: o.data, metadata: o.metadata });
        break;
      }
      case "update_display_data": {
        const id = displayId(o);
        for (const index of (id !== null && displays.get(id)) || []) {
          const target = drafts[index];
          if (target.kind === "display") drafts[index] = { ...target, data: o.data, metadata: o.metadata };
        }
        break;
      }
      default:
        drafts.push({ kind: "invalid", reason: `unknown output type ${JSON.stringify(o.output_type ?? null)}` });
    }
  }
  return drafts.map((d) => (d.kind === "stream" ? { kind: "stream", name: d.name, text: applyTerminalControls(d.chunks.join("")) } : d));
}

function displayId(o: Record<string, unknown>): string | null {
  const id = record(o.transient)?.display_id;
  return typeof id === "string" && id !== "" ? id : null;
}
