/*
 * CPython 3.11's traceback text for an uncaught exception, including chained exceptions, and the
 * structured form the UI uses to underline lines.
 */

import { attrGet } from "./attr-store";
import { caretLine, tracebackSourceLine } from "./carets";
import { PyBaseException, PyObject, type TracebackEntry } from "./objects";
import type { Runtime } from "./runtime";
import { suggest } from "./suggestions";

export interface FrameInfo {
  filename: string;
  line: number;
  /** 0-based column of the first non-blank character of the line. */
  col: number;
  name: string;
}

/** Frames outermost first (the order they print in). */
export function frames(rt: Runtime, x: PyBaseException): FrameInfo[] {
  return [...x.tb].reverse().map((e: TracebackEntry) => {
    const text = rt.sources.get(e.code.filename)?.[e.line - 1] ?? "";
    return { filename: e.code.filename, line: e.line, col: text.length - text.trimStart().length, name: e.code.name };
  });
}

/** `ValueError: bad` / `KeyError: 'k'` / `MyError` (no message). */
export function exceptionLine(rt: Runtime, x: PyObject): string {
  const t = x.cls;
  const name = t.module === "builtins" || t.module === "__main__" ? t.qualname : `${t.module}.${t.qualname}`;
  let msg: string;
  try {
    msg = rt.str(x);
  } catch {
    msg = "<exception str() failed>";
  }
  if (x instanceof PyBaseException && x.suggestion !== null) {
    const s = suggest(x.suggestion);
    if (s !== null) msg += `. Did you mean: '${s}'?`;
  }
  return msg === "" ? name : `${name}: ${msg}`;
}

function formatOne(rt: Runtime, x: PyBaseException): string {
  let out = "";
  if (x.tb.length > 0) {
    out += "Traceback (most recent call last):\n";
    for (const e of [...x.tb].reverse()) {
      out += `  File "${e.code.filename}", line ${e.line}, in ${e.code.name}\n`;
      const text = rt.sources.get(e.code.filename)?.[e.line - 1];
      if (text !== undefined && text.trim() !== "") {
        out += `    ${tracebackSourceLine(text)}\n`;
        const carets = caretLine(text, e);
        if (carets !== null) out += carets + "\n";
      }
    }
  }
  out += exceptionLine(rt, x) + "\n";
  // PEP 678 notes (e.add_note(...)) print after the exception line.
  const notes = x.dict === null ? undefined : attrGet(x.dict, "__notes__");
  if (notes !== undefined) {
    try {
      for (const n of rt.iterate(notes)) out += (typeof n === "string" ? n : rt.repr(n)) + "\n";
    } catch {
      out += "<__notes__ could not be printed>\n";
    }
  }
  return out;
}

export function formatException(rt: Runtime, x: PyBaseException): string {
  const seen = new Set<PyBaseException>();
  const walk = (e: PyBaseException): string => {
    seen.add(e);
    let prefix = "";
    if (e.cause instanceof PyBaseException && !seen.has(e.cause)) {
      prefix = walk(e.cause) + "\nThe above exception was the direct cause of the following exception:\n\n";
    } else if (!e.suppressContext && e.context instanceof PyBaseException && !seen.has(e.context)) {
      prefix = walk(e.context) + "\nDuring handling of the above exception, another exception occurred:\n\n";
    }
    return prefix + formatOne(rt, e);
  };
  return walk(x);
}
