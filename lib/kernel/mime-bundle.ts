/*
 * A Python value's Jupyter MIME bundle, the way IPython's display formatter builds it: text/plain
 * is the repr; `_repr_mimebundle_()` (a dict, or a (data, metadata) tuple) and the `_repr_html_`,
 * `_repr_markdown_`, `_repr_svg_`, `_repr_latex_`, `_repr_json_` methods add formats. JSON MIME
 * types (`application/…json`, e.g. the profiler's application/vnd.nki.profile+json or Plotly's
 * application/vnd.plotly.v1+json) carry JSON objects converted from Python values; every other
 * type carries a string.
 */
import type { JsonObject, JsonValue, MimeBundle } from "../jupyter/messages";
import type { PyValue, Runtime } from "../python";
import { None, PyDict, PyFloat, PyList, PyTuple, typeOf } from "../python/runtime/objects";

const JSON_MIME = /^application\/(.*\+)?json$/;

const REPR_METHODS: readonly [string, string][] = [
  ["_repr_html_", "text/html"],
  ["_repr_markdown_", "text/markdown"],
  ["_repr_svg_", "image/svg+xml"],
  ["_repr_latex_", "text/latex"],
  ["_repr_json_", "application/json"],
];

/** Python data → JSON: dicts with str keys, lists/tuples, str, int, float, bool, None. */
export function toJson(rt: Runtime, v: PyValue, depth = 0): JsonValue {
  if (depth > 100) throw new Error("value nested too deeply for JSON");
  if (v === None) return null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (v instanceof PyFloat) return Number.isFinite(v.v) ? v.v : null;
  if (v instanceof PyList || v instanceof PyTuple) return v.items.map((x) => toJson(rt, x, depth + 1));
  if (v instanceof PyDict) {
    const out: JsonObject = {};
    for (const e of v.table.iterate()) {
      if (typeof e.k !== "string") throw new Error(`JSON object keys must be str, not ${typeOf(e.k).name}`);
      out[e.k] = toJson(rt, e.v, depth + 1);
    }
    return out;
  }
  throw new Error(`${typeOf(v).name} is not JSON serializable`);
}

function addFormat(rt: Runtime, bundle: MimeBundle, mime: string, value: PyValue): void {
  if (value === None) return;
  if (JSON_MIME.test(mime)) {
    // A JSON MIME type given as a str holds serialized JSON.
    bundle[mime] = typeof value === "string" ? (JSON.parse(value) as JsonValue) : toJson(rt, value);
  } else if (typeof value === "string") {
    bundle[mime] = value;
  } else if (value instanceof PyList && value.items.every((x) => typeof x === "string")) {
    bundle[mime] = (value.items as string[]).join("");
  }
}

export interface DisplayOutput {
  data: MimeBundle;
  metadata: JsonObject;
}

/**
 * A native object that knows its bundle as JSON data (lib/nki's profiles): used instead of its
 * `_repr_mimebundle_`, which must hand large JSON payloads over as text to be parsed again.
 */
interface NativeBundle {
  /** MIME type → str, or JSON data for JSON MIME types. */
  jupyterBundle(): Record<string, unknown>;
}

function hasNativeBundle(value: PyValue): value is PyValue & NativeBundle {
  return typeof value === "object" && typeof (value as Partial<NativeBundle>).jupyterBundle === "function";
}

/** The bundle for `value`; a failing `_repr_*_` method is skipped, as IPython does (repr always works). */
export function mimeBundle(rt: Runtime, value: PyValue): DisplayOutput {
  if (hasNativeBundle(value)) return { data: value.jupyterBundle() as MimeBundle, metadata: {} };
  const data: MimeBundle = { "text/plain": rt.repr(value) };
  let metadata: JsonObject = {};
  const t = typeOf(value);
  if (t.lookup("_repr_mimebundle_") !== undefined) {
    try {
      let result = rt.callMethod0(value, "_repr_mimebundle_");
      if (result instanceof PyTuple && result.items.length === 2) {
        const md = result.items[1];
        if (md instanceof PyDict) metadata = toJson(rt, md) as JsonObject;
        result = result.items[0];
      }
      if (result instanceof PyDict) {
        for (const e of result.table.iterate()) if (typeof e.k === "string") addFormat(rt, data, e.k, e.v);
      }
    } catch {
      // Keep text/plain.
    }
  }
  for (const [method, mime] of REPR_METHODS) {
    if (mime in data || t.lookup(method) === undefined) continue;
    try {
      addFormat(rt, data, mime, rt.callMethod0(value, method));
    } catch {
      // Skip this format.
    }
  }
  return { data, metadata };
}
