/**
 * What the revision history shows of a stored notebook: sizes in words and a read-only outline of the
 * cells. A revision is whatever was stored, so this reads it tolerantly instead of re-validating it.
 */

export interface PreviewCell {
  kind: "markdown" | "code" | "raw";
  source: string;
  /** Number of outputs a code cell had (0 for other cells). */
  outputCount: number;
  executionCount: number | null;
}

export function previewCells(content: unknown): PreviewCell[] {
  const cells = isRecord(content) && Array.isArray(content.cells) ? content.cells : [];
  return cells.filter(isRecord).map((c) => {
    const kind = c.cell_type === "markdown" || c.cell_type === "code" ? c.cell_type : "raw";
    const source = typeof c.source === "string" ? c.source : Array.isArray(c.source) ? c.source.filter((s) => typeof s === "string").join("") : "";
    const outputCount = kind === "code" && Array.isArray(c.outputs) ? c.outputs.length : 0;
    const executionCount = kind === "code" && typeof c.execution_count === "number" ? c.execution_count : null;
    return { kind, source, outputCount, executionCount };
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** 512 B, 3.4 KB, 1.2 MB (binary multiples, one decimal below 10). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** "26 Nov 2026, 14:05" in the viewer's time zone: revisions are compared by exact time, so no "ago". */
export function formatRevisionTime(iso: string): string {
  const d = new Date(iso);
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getDate()} ${months[d.getMonth()]} ${d.getFullYear()}, ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
