/*
 * complete_request and inspect_request, split into the part that reads the code around the cursor
 * (pure, here) and the part that knows live objects (an Introspector the engine provides). The
 * code is never executed to answer: names and dotted attribute chains are resolved by lookup only,
 * so asking for completions cannot run a student's loop or print anything.
 *
 * Jupyter counts cursor positions in Unicode code points (protocol 5.2+), JavaScript strings in
 * UTF-16 units; positions are converted at the edges.
 */
import type { CompletionType } from "../jupyter/messages";
import type { CompleteOk, InspectOk } from "./engine";

export type CompletionKind = "function" | "class" | "module" | "instance" | "keyword" | "param" | "statement";

export interface MemberInfo {
  name: string;
  type: CompletionKind;
}

export interface ObjectDescription {
  /** e.g. "function", "builtin_function_or_method", "module", "int". */
  typeName: string;
  /** "(shape, dtype=float)" for callables. */
  signature?: string;
  doc?: string;
  /** Short repr for plain values (ints, strings, arrays). */
  repr?: string;
  /** Source of a user-defined function or class, shown for detail_level 1 (`obj??`). */
  source?: string;
}

export interface Introspector {
  /** Names visible at top level: the notebook's globals, then builtins. */
  scopeNames(): MemberInfo[];
  /** Attributes of the object a dotted path names (["np", "random"]), or null if it does not resolve. */
  members(path: readonly string[]): MemberInfo[] | null;
  /** Parameter names a callable accepts by keyword, or null. */
  parameters(path: readonly string[]): string[] | null;
  describe(path: readonly string[]): ObjectDescription | null;
  /** Importable module names, dotted for submodules ("numpy.random"). */
  moduleNames(): string[];
  /** Names `from <module> import …` can bring in, or null for an unknown module. */
  moduleMembers(module: string): MemberInfo[] | null;
}

export const PYTHON_KEYWORDS: readonly string[] = [
  "False", "None", "True", "and", "as", "assert", "break", "class", "continue", "def", "del", "elif", "else",
  "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
  "pass", "raise", "return", "try", "while", "with",
];

/** UTF-16 index of a code-point offset. */
export function utf16Index(code: string, codePoints: number): number {
  let i = 0;
  for (let cp = 0; cp < codePoints && i < code.length; cp++) {
    const c = code.charCodeAt(i);
    i += c >= 0xd800 && c < 0xdc00 && i + 1 < code.length ? 2 : 1;
  }
  return i;
}

/** Code-point offset of a UTF-16 index. */
export function codePointIndex(code: string, utf16: number): number {
  return [...code.slice(0, utf16)].length;
}

const IDENT_TAIL = /[\p{L}\p{N}_]*$/u;
const DOTTED_TAIL = /(?:[\p{L}_][\p{L}\p{N}_]*\s*\.\s*)*[\p{L}_][\p{L}\p{N}_]*$/u;

/** Whether `before` ends inside a string literal or a comment on its last line (a cheap scan). */
function insideStringOrComment(before: string): boolean {
  const line = before.slice(before.lastIndexOf("\n") + 1);
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === "\\") i++;
      else if (line.startsWith(quote, i)) {
        i += quote.length - 1;
        quote = null;
      }
    } else if (c === "#") return true;
    else if (c === "'" || c === '"') quote = line.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
  }
  return quote !== null;
}

export interface CursorContext {
  /** The dotted path before the identifier being typed ([] for a bare name). */
  object: string[];
  /** The partial identifier at the cursor. */
  prefix: string;
  /** UTF-16 index where the partial identifier starts. */
  start: number;
}

export function cursorContext(code: string, cursor: number): CursorContext | null {
  const before = code.slice(0, cursor);
  if (insideStringOrComment(before)) return null;
  const prefix = IDENT_TAIL.exec(before)?.[0] ?? "";
  const start = cursor - prefix.length;
  const rest = before.slice(0, start);
  const dot = /\.\s*$/.exec(rest);
  if (!dot) {
    // A number like `1.` or nothing at all before the dot is not an attribute context.
    return /\d$/.test(rest) && prefix === "" ? null : { object: [], prefix, start };
  }
  const chain = DOTTED_TAIL.exec(rest.slice(0, dot.index));
  if (!chain) return null;
  return { object: chain[0].split(".").map((s) => s.trim()), prefix, start };
}

/** The dotted callee of the innermost call whose argument list contains the cursor. */
export function enclosingCall(code: string, cursor: number): string[] | null {
  let depth = 0;
  for (let i = cursor - 1; i >= 0; i--) {
    const c = code[i];
    if (c === ")" || c === "]" || c === "}") depth++;
    else if (c === "[" || c === "{") {
      if (depth === 0) return null;
      depth--;
    } else if (c === "(") {
      if (depth === 0) {
        const callee = DOTTED_TAIL.exec(code.slice(0, i).trimEnd());
        return callee ? callee[0].split(".").map((s) => s.trim()) : null;
      }
      depth--;
    } else if (c === "\n" && depth === 0 && !/[,(\\]\s*$/.test(code.slice(0, i))) {
      return null;
    }
  }
  return null;
}

const IMPORT_MODULE = /^\s*(?:import\s+(?:[\w.]+(?:\s+as\s+\w+)?\s*,\s*)*|from\s+)([\w.]*)$/;
const FROM_IMPORT = /^\s*from\s+([\w.]+)\s+import\s+(?:\(\s*)?(?:\w+(?:\s+as\s+\w+)?\s*,\s*)*(\w*)$/;

function reply(code: string, cursorPos: number, start: number, found: Map<string, CompletionKind>, order: string[]): CompleteOk {
  const startCp = codePointIndex(code, start);
  const types: CompletionType[] = order.map((text) => ({ start: startCp, end: cursorPos, text, type: found.get(text) ?? "instance", signature: "" }));
  return { status: "ok", matches: order, cursor_start: startCp, cursor_end: cursorPos, metadata: { _jupyter_types_experimental: types } };
}

/** `import nu|`, `from numpy.ra|` and `from numpy import ze|`, or null when the line is no import. */
function completeImport(code: string, cursorPos: number, cursor: number, intro: Introspector): CompleteOk | null {
  const before = code.slice(0, cursor);
  const line = before.slice(before.lastIndexOf("\n") + 1);
  const found = new Map<string, CompletionKind>();
  const fromImport = FROM_IMPORT.exec(line);
  if (fromImport) {
    const [, module, prefix] = fromImport;
    for (const m of intro.moduleMembers(module) ?? []) if (m.name.startsWith(prefix) && (prefix.startsWith("_") || !m.name.startsWith("_"))) found.set(m.name, m.type);
    return reply(code, cursorPos, cursor - prefix.length, found, [...found.keys()].sort(compareNames));
  }
  const importing = IMPORT_MODULE.exec(line);
  if (!importing) return null;
  const prefix = importing[1];
  for (const name of intro.moduleNames()) if (name.startsWith(prefix)) found.set(name, "module");
  return reply(code, cursorPos, cursor - prefix.length, found, [...found.keys()].sort(compareNames));
}

export function complete(code: string, cursorPos: number, intro: Introspector): CompleteOk {
  const cursor = utf16Index(code, cursorPos);
  const empty: CompleteOk = { status: "ok", matches: [], cursor_start: cursorPos, cursor_end: cursorPos, metadata: { _jupyter_types_experimental: [] } };
  const imported = completeImport(code, cursorPos, cursor, intro);
  if (imported) return imported;
  const ctx = cursorContext(code, cursor);
  if (!ctx) return empty;
  const found = new Map<string, CompletionKind>();
  const add = (name: string, type: CompletionKind) => {
    if (name.startsWith(ctx.prefix) && !found.has(name)) found.set(name, type);
  };
  if (ctx.object.length > 0) {
    const members = intro.members(ctx.object) ?? [];
    // Private names only when asked for: `obj._` lists them, `obj.` does not (as IPython does).
    for (const m of members) if (ctx.prefix.startsWith("_") || !m.name.startsWith("_")) add(m.name, m.type);
  } else {
    const callee = enclosingCall(code, cursor);
    if (callee) for (const p of intro.parameters(callee) ?? []) add(`${p}=`, "param");
    for (const m of intro.scopeNames()) if (ctx.prefix.startsWith("_") || !m.name.startsWith("_")) add(m.name, m.type);
    for (const k of PYTHON_KEYWORDS) add(k, "keyword");
  }
  const params = [...found].filter(([, t]) => t === "param").map(([n]) => n);
  const others = [...found].filter(([, t]) => t !== "param").map(([n]) => n).sort(compareNames);
  return reply(code, cursorPos, ctx.start, found, [...params, ...others]);
}

/** Public names before `_private` before `__dunder__`, each alphabetical. */
function compareNames(a: string, b: string): number {
  const rank = (s: string) => (s.startsWith("__") ? 2 : s.startsWith("_") ? 1 : 0);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The dotted name at the cursor (a name being typed or clicked), else the callee of the enclosing call. */
export function inspectTarget(code: string, cursor: number): string[] | null {
  const after = /^[\p{L}\p{N}_]*/u.exec(code.slice(cursor))?.[0] ?? "";
  const end = cursor + after.length;
  const chain = DOTTED_TAIL.exec(code.slice(0, end));
  if (chain && chain[0] !== "") return chain[0].split(".").map((s) => s.trim());
  return enclosingCall(code, cursor);
}

export function inspect(code: string, cursorPos: number, detailLevel: 0 | 1, intro: Introspector): InspectOk {
  const notFound: InspectOk = { status: "ok", found: false, data: {}, metadata: {} };
  const cursor = utf16Index(code, cursorPos);
  if (insideStringOrComment(code.slice(0, cursor))) return notFound;
  // The name under the cursor, or else the function whose call the cursor is in (`np.zeros(|`).
  let path = inspectTarget(code, cursor);
  let d = path ? intro.describe(path) : null;
  if (!d) {
    path = enclosingCall(code, cursor);
    d = path ? intro.describe(path) : null;
  }
  if (!d || !path) return notFound;
  const name = path.join(".");
  const lines: string[] = [];
  if (d.signature !== undefined) lines.push(`Signature: ${name}${d.signature}`);
  if (d.repr !== undefined && d.signature === undefined) lines.push(`Value:     ${d.repr}`);
  lines.push(`Type:      ${d.typeName}`);
  if (detailLevel === 1 && d.source) lines.push(`Source:\n${d.source}`);
  else if (d.doc) lines.push(`Docstring:\n${d.doc}`);
  return { status: "ok", found: true, data: { "text/plain": lines.join("\n") }, metadata: {} };
}
