/*
 * warnings: warn() with the filter list (filterwarnings, simplefilter, resetwarnings,
 * catch_warnings, record=True included). A shown warning goes to stderr as CPython prints it,
 * "file:line: Category: message" and the stripped source line, the location being the frame
 * `stacklevel` levels out from warn()'s caller; "error" raises it; "default" shows each (message,
 * category) once per location, "module" once per file, "once" once in all, "always" every time,
 * until the filters change (CPython then forgets what it has shown).
 * CPython's default filters (DeprecationWarning shown only when raised in __main__) are not modelled.
 */

import { parseArgs } from "../binding";
import { defineNativeType, nativeFunction } from "../define";
import * as E from "../errors";
import { None, PyBaseException, PyList, PyObject, PyType, typeOf, type PyValue } from "../objects";
import type { NativeModuleDef, Runtime } from "../runtime";

const ACTIONS = new Set(["error", "ignore", "always", "default", "module", "once"]);

interface Filter {
  readonly action: string;
  readonly message: RegExp | null;
  readonly category: PyType;
}

interface State {
  filters: Filter[];
  readonly shown: Set<string>;
  /** Lists of catch_warnings(record=True) blocks, innermost last. */
  readonly records: PyList[];
}

/** What catch_warnings(record=True) collects: `w.message`, `w.category`. */
class WarningMessage extends PyObject {
  constructor(
    readonly message: PyBaseException,
    readonly category: PyType,
  ) {
    super(warningMessageType);
  }
}

const warningMessageType = defineNativeType<WarningMessage>({
  name: "WarningMessage",
  module: "warnings",
  instanceOf: WarningMessage,
  methods: {
    __repr__: (self, _a, _k, rt) => `{message : ${rt.repr(self.message)}, category : ${rt.repr(self.category.name)}}`,
  },
  getters: { message: (self) => self.message, category: (self) => self.category },
});

class CatchWarnings extends PyObject {
  saved: Filter[] | null = null;
  log: PyList | null = null;
  constructor(
    readonly state: State,
    readonly record: boolean,
  ) {
    super(catchWarningsType);
  }
}

const catchWarningsType = defineNativeType<CatchWarnings>({
  name: "catch_warnings",
  module: "warnings",
  instanceOf: CatchWarnings,
  methods: {
    __enter__: (self) => {
      self.saved = [...self.state.filters];
      filtersMutated(self.state);
      if (!self.record) return None;
      self.log = new PyList([]);
      self.state.records.push(self.log);
      return self.log;
    },
    __exit__: (self) => {
      if (self.saved !== null) self.state.filters = self.saved;
      filtersMutated(self.state);
      if (self.log !== null) self.state.records.splice(self.state.records.lastIndexOf(self.log), 1);
      return false;
    },
  },
});

/**
 * CPython forgets which warnings it has shown whenever the filters change (filterwarnings,
 * simplefilter, resetwarnings, entering or leaving catch_warnings): the same warning at the same
 * place then shows again, "once" ones included.
 */
function filtersMutated(state: State): void {
  state.shown.clear();
}

function addFilter(rt: Runtime, state: State, action: PyValue | undefined, message: PyValue | undefined, category: PyValue | undefined, append: PyValue | undefined): void {
  const a = rt.str(action as PyValue);
  if (!ACTIONS.has(a)) throw E.pyException(E.AssertionError, `invalid action: '${a}'`);
  const cat = category ?? E.Warning;
  if (!(cat instanceof PyType) || !cat.isSubtypeOf(E.Warning)) throw E.typeError("category must be a Warning subclass");
  const text = message === undefined ? "" : rt.str(message);
  const f: Filter = { action: a, message: text === "" ? null : new RegExp(`^(?:${text})`, "i"), category: cat };
  state.filters = state.filters.filter((x) => !(x.action === f.action && x.category === f.category && String(x.message) === String(f.message)));
  if (append !== undefined && rt.truthy(append)) state.filters.push(f);
  else state.filters.unshift(f);
  filtersMutated(state);
}

/** Where a warning is reported: the frame `stacklevel` levels out; CPython says "sys:1" past the outermost. */
function warningLocation(rt: Runtime, stacklevel: PyValue | undefined): { file: string; line: number; source: string } {
  const level = stacklevel === undefined ? 1 : rt.asIndex(stacklevel, `'${typeOf(stacklevel).name}' object cannot be interpreted as an integer`);
  const depth = rt.depth - Math.max(level - 1, 0);
  if (depth < 0) return { file: "sys", line: 1, source: "" };
  const { file, line } = rt.locationAt(depth);
  return { file, line, source: (rt.sources.get(file)?.[line - 1] ?? "").trim() };
}

/** Where a warning points: `stacklevel` frames out from warn()'s caller, or an explicit file and line. */
type Where = { readonly stacklevel: PyValue | undefined } | { readonly file: string; readonly line: number };

function warn(rt: Runtime, state: State, message: PyValue, categoryArg: PyValue | undefined, at: Where): void {
  let category: PyType = E.UserWarning;
  let text: string;
  if (message instanceof PyBaseException && typeOf(message).isSubtypeOf(E.Warning)) {
    category = typeOf(message);
    text = rt.str(message);
  } else {
    if (categoryArg !== undefined && categoryArg !== None) {
      if (!(categoryArg instanceof PyType) || !categoryArg.isSubtypeOf(E.Warning)) {
        throw E.typeError(`category must be a Warning subclass, not '${typeOf(categoryArg).name}'`);
      }
      category = categoryArg;
    }
    text = rt.str(message);
  }
  const filter = state.filters.find((f) => category.isSubtypeOf(f.category) && (f.message === null || f.message.test(text)));
  const action = filter?.action ?? "default";
  if (action === "ignore") return;
  const instance = message instanceof PyBaseException ? message : E.pyException(category, text);
  if (action === "error") throw instance;
  const log = state.records[state.records.length - 1];
  if (log !== undefined) {
    log.items.push(new WarningMessage(instance, category));
    return;
  }
  const where =
    "file" in at ? { file: at.file, line: at.line, source: (rt.sources.get(at.file)?.[at.line - 1] ?? "").trim() } : warningLocation(rt, at.stacklevel);
  const scope = action === "default" ? `${where.file}:${where.line}` : action === "module" ? where.file : "";
  const key = `${category.name}\u0000${text}\u0000${scope}`;
  // warn_explicit without a registry (how the compiler issues SyntaxWarnings) remembers nothing
  // for "default" and "module", so each occurrence shows; "once" still shows once overall.
  const remembered = action === "once" || !("file" in at);
  if (action !== "always" && remembered && state.shown.has(key)) return;
  state.shown.add(key);
  rt.stderr(`${where.file}:${where.line}: ${category.name}: ${text}\n${where.source === "" ? "" : `  ${where.source}\n`}`);
}

export const warningsModule: NativeModuleDef = {
  name: "warnings",
  init(mod, rt) {
    const state: State = { filters: [], shown: new Set(), records: [] };
    mod.set("warn", nativeFunction("warn", (args, kw) => {
      const [message, category, stacklevel] = parseArgs("warn", args, kw, { names: ["message", "category", "stacklevel", "source"], required: 1 });
      warn(rt, state, message as PyValue, category, { stacklevel });
      return None;
    }));
    // The compiler's SyntaxWarnings come through here, pointing at the line they are about.
    mod.set("warn_explicit", nativeFunction("warn_explicit", (args, kw) => {
      const [message, category, filename, lineno] = parseArgs("warn_explicit", args, kw, {
        names: ["message", "category", "filename", "lineno", "module", "registry", "module_globals", "source"],
        required: 4,
      });
      const line = rt.asIndex(lineno as PyValue, "lineno must be an integer");
      warn(rt, state, message as PyValue, category, { file: rt.str(filename as PyValue), line });
      return None;
    }));
    mod.set("filterwarnings", nativeFunction("filterwarnings", (args, kw) => {
      const [action, message, category, , , append] = parseArgs("filterwarnings", args, kw, {
        names: ["action", "message", "category", "module", "lineno", "append"],
        required: 1,
      });
      addFilter(rt, state, action, message, category, append);
      return None;
    }));
    mod.set("simplefilter", nativeFunction("simplefilter", (args, kw) => {
      const [action, category, , append] = parseArgs("simplefilter", args, kw, { names: ["action", "category", "lineno", "append"], required: 1 });
      addFilter(rt, state, action, undefined, category, append);
      return None;
    }));
    mod.set("resetwarnings", nativeFunction("resetwarnings", () => {
      state.filters = [];
      filtersMutated(state);
      return None;
    }));
    mod.set("catch_warnings", nativeFunction("catch_warnings", (args, kw) => {
      const [record] = parseArgs("catch_warnings", args, kw, { names: [], kwonly: ["record", "module", "action", "category", "lineno", "append"] });
      return new CatchWarnings(state, record !== undefined && rt.truthy(record));
    }));
  },
};
