/**
 * Which representation of a MIME bundle to show, in JupyterLab's spirit: the richest one this front
 * end renders. Every payload is checked before it is chosen; a malformed one is skipped (and reported)
 * in favour of the next representation, because bundles come from notebook files anyone can edit.
 */
import { PROFILE_MIME } from "@/lib/profile/document";
import { profileCardFromPayload } from "./profile-payload";
import type { ProfileCard } from "@/lib/profile/card";
import { pngSize } from "./image-size";

export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface PlotlyFigure {
  readonly data: readonly Record<string, unknown>[];
  readonly layout: Record<string, unknown>;
  readonly config: Record<string, unknown>;
}

export type MimeView =
  | { readonly kind: "plotly"; readonly figure: PlotlyFigure }
  | { readonly kind: "profile"; readonly card: ProfileCard }
  | { readonly kind: "html"; readonly html: string }
  | { readonly kind: "svg"; readonly svg: string }
  | { readonly kind: "image"; readonly mime: "image/png" | "image/jpeg" | "image/gif"; readonly base64: string; readonly width: number | null; readonly height: number | null; readonly alt: string }
  | { readonly kind: "markdown"; readonly source: string }
  | { readonly kind: "latex"; readonly source: string }
  | { readonly kind: "json"; readonly value: JsonValue }
  | { readonly kind: "text"; readonly text: string };

export interface MimeChoice {
  /** Null when no representation in the bundle can be shown. */
  readonly view: MimeView | null;
  readonly mime: string | null;
  /** Representations ranked above the chosen one that were present but malformed. */
  readonly rejected: readonly { readonly mime: string; readonly reason: string }[];
}

type Parse = (value: unknown, bundle: Readonly<Record<string, unknown>>, metadata: Readonly<Record<string, unknown>>) => MimeView | string;

const IMAGE = (mime: "image/png" | "image/jpeg" | "image/gif"): Parse => (value, bundle, metadata) => {
  const text = multiline(value);
  if (text === null) return "expected a base64 string";
  const base64 = text.replace(/\s+/g, "");
  if (base64 === "" || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 === 1) return "not valid base64";
  const size = record(metadata[mime]);
  const alt = multiline(bundle["text/plain"]);
  const width = positive(size?.width);
  const height = positive(size?.height);
  // Without both sizes in the metadata, a PNG's own header keeps the box reserved while it decodes.
  const intrinsic = width === null || height === null ? (mime === "image/png" ? pngSize(base64) : null) : null;
  return {
    kind: "image",
    mime,
    base64,
    width: intrinsic ? (width ?? (height === null ? intrinsic.width : Math.round((intrinsic.width * height) / intrinsic.height))) : width,
    height: intrinsic ? (height ?? (width === null ? intrinsic.height : Math.round((intrinsic.height * width) / intrinsic.width))) : height,
    alt: alt && alt.trim() !== "" ? alt.trim() : "Image output",
  };
};

const TEXT = (kind: "html" | "markdown" | "text"): Parse => (value) => {
  const text = multiline(value);
  if (text === null) return "expected a string";
  return kind === "html" ? { kind, html: text } : kind === "text" ? { kind, text } : { kind, source: text };
};

/** Highest priority first. */
const RENDERERS: readonly (readonly [string, Parse])[] = [
  [PLOTLY_MIME, parsePlotly],
  [PROFILE_MIME, (value) => {
    const card = profileCardFromPayload(value);
    return typeof card === "string" ? card : { kind: "profile", card };
  }],
  ["text/html", TEXT("html")],
  ["image/svg+xml", (value) => {
    const svg = multiline(value);
    return svg === null ? "expected a string" : /<svg[\s>]/i.test(svg) ? { kind: "svg", svg } : "no <svg> element";
  }],
  ["image/png", IMAGE("image/png")],
  ["image/jpeg", IMAGE("image/jpeg")],
  ["image/gif", IMAGE("image/gif")],
  ["text/markdown", TEXT("markdown")],
  ["text/latex", (value) => {
    const text = multiline(value);
    return text === null ? "expected a string" : { kind: "latex", source: latexAsMarkdown(text) };
  }],
  ["application/json", (value) => (isJson(value, 0) ? { kind: "json", value } : "not JSON data")],
  ["text/plain", TEXT("text")],
];

export const MIME_PRIORITY: readonly string[] = RENDERERS.map(([mime]) => mime);

export function chooseMime(bundle: unknown, metadata: unknown): MimeChoice {
  const data = record(bundle);
  if (!data) return { view: null, mime: null, rejected: [{ mime: "data", reason: "the output has no MIME bundle" }] };
  const meta = record(metadata) ?? {};
  const rejected: { mime: string; reason: string }[] = [];
  for (const [mime, parse] of RENDERERS) {
    if (!(mime in data)) continue;
    let parsed: MimeView | string;
    try {
      parsed = parse(data[mime], data, meta);
    } catch (e) {
      parsed = e instanceof Error ? e.message : "unreadable payload";
    }
    if (typeof parsed !== "string") return { view: parsed, mime, rejected };
    rejected.push({ mime, reason: parsed });
  }
  if (rejected.length === 0) {
    const unknown = Object.keys(data);
    rejected.push({ mime: unknown.length > 0 ? unknown.join(", ") : "data", reason: unknown.length > 0 ? "no renderer for this type" : "empty bundle" });
  }
  return { view: null, mime: null, rejected };
}

function parsePlotly(value: unknown): MimeView | string {
  const fig = record(value);
  if (!fig) return "expected a figure object";
  if (!Array.isArray(fig.data) || !fig.data.every((t) => record(t) !== null)) return "figure.data must be a list of traces";
  if (fig.layout !== undefined && record(fig.layout) === null) return "figure.layout must be an object";
  if (fig.config !== undefined && record(fig.config) === null) return "figure.config must be an object";
  return {
    kind: "plotly",
    figure: { data: fig.data as Record<string, unknown>[], layout: record(fig.layout) ?? {}, config: record(fig.config) ?? {} },
  };
}

/**
 * A text/latex payload as markdown math for the KaTeX pipeline, which knows `$…$` and `$$…$$`:
 * `\[…\]` and `\(…\)` are rewritten, and bare LaTeX (as MathJax would typeset it) becomes display math.
 */
export function latexAsMarkdown(latex: string): string {
  const t = latex.trim();
  if (t.includes("$")) return t;
  if (t.startsWith("\\[") && t.endsWith("\\]")) return `$$\n${t.slice(2, -2).trim()}\n$$`;
  if (t.startsWith("\\(") && t.endsWith("\\)")) return `$${t.slice(2, -2).trim()}$`;
  return `$$\n${t}\n$$`;
}

/** nbformat stores text either as one string or as a list of lines. */
export function multiline(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((s) => typeof s === "string")) return value.join("");
  return null;
}

export function record(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function positive(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : null;
}

function isJson(value: unknown, depth: number): value is JsonValue {
  if (depth > 200) return false;
  if (value === null || typeof value === "boolean" || typeof value === "string") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((v) => isJson(v, depth + 1));
  const r = record(value);
  return r !== null && Object.values(r).every((v) => isJson(v, depth + 1));
}
