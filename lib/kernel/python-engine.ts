/*
 * The production kernel engine: lib/python's Session, plus the introspection complete/inspect need.
 * Introspection resolves names and dotted attribute chains by lookup (module scopes and type
 * namespaces directly, other objects through getattr), never by running cell code.
 */
import { attrNames } from "../python/runtime/attr-store";
import { Session, type PyErrorInfo, type PyValue, type Runtime } from "../python";
import { PyBuiltin, PyFunction, PyMethod, PyMethodDescr, PyModule, PyObject, PyType, typeOf, None } from "../python/runtime/objects";
import { parseArgs } from "../python/runtime/binding";
import { nativeFunction } from "../python/runtime/define";
import { typeError } from "../python/runtime/errors";
import { stdlibModules } from "../python/runtime/interpreter";
import type { CreateEngine, EngineError, EngineHost, KernelEngine } from "./engine";
import { complete, inspect, type CompletionKind, type Introspector, type MemberInfo, type ObjectDescription } from "./introspection";
import { NUMPY_MODULES } from "../numpy/python";
import { prepareNumpyRuntime } from "./numpy-runtime";
import { createNkiModules, launchTarget, NkiKernel } from "../nki";
import { isComplete } from "./is-complete";
import { apiDoc, canonicalModule, type ApiDoc } from "./api-docs";
import { mimeBundle } from "./mime-bundle";

function errorFields(e: PyErrorInfo): EngineError {
  return {
    ename: e.type,
    evalue: e.message,
    traceback: e.traceback.replace(/\n$/, "").split("\n"),
    location: { frames: e.frames.map((f) => ({ ...f })), ...(e.syntax ? { syntax: { ...e.syntax } } : {}) },
  };
}

function kindOf(v: PyValue | undefined): CompletionKind {
  if (v instanceof PyModule) return "module";
  if (v instanceof PyType) return "class";
  if (v instanceof PyFunction || v instanceof PyBuiltin || v instanceof PyMethod || v instanceof PyMethodDescr) return "function";
  return "instance";
}

/** `(a, b=2, *args, c, **kw)` from a Python function's parameter spec. */
function signatureOf(rt: Runtime, f: PyFunction, dropFirst: boolean): string {
  const p = f.code.params;
  const defaults = f.defaults ?? [];
  const firstDefault = p.positional.length - defaults.length;
  const parts: string[] = [];
  p.positional.forEach((name, i) => {
    parts.push(i >= firstDefault ? `${name}=${safeRepr(rt, defaults[i - firstDefault])}` : name);
    if (p.posonly > 0 && i === p.posonly - 1) parts.push("/");
  });
  if (p.varargs) parts.push(`*${p.varargs}`);
  else if (p.kwonly.length > 0) parts.push("*");
  for (const name of p.kwonly) {
    const d = f.kwDefaults?.get(name);
    parts.push(d === undefined ? name : `${name}=${safeRepr(rt, d)}`);
  }
  if (p.varkw) parts.push(`**${p.varkw}`);
  if (dropFirst) parts.shift();
  return `(${parts.join(", ")})`;
}

function safeRepr(rt: Runtime, v: PyValue): string {
  try {
    const r = rt.repr(v);
    return r.length > 200 ? `${r.slice(0, 197)}...` : r;
  } catch {
    return "<?>";
  }
}

/** The `def` block of a function defined in a cell, cut at the first line indented no deeper than `def`. */
function sourceOf(rt: Runtime, f: PyFunction): string | undefined {
  const lines = rt.sources.get(f.code.filename);
  if (!lines) return undefined;
  const first = f.code.firstLine - 1;
  const indent = /^\s*/.exec(lines[first] ?? "")?.[0].length ?? 0;
  let end = first + 1;
  while (end < lines.length && (lines[end].trim() === "" || (/^\s*/.exec(lines[end])?.[0].length ?? 0) > indent)) end++;
  return lines.slice(first, end).join("\n").trimEnd();
}

/** A method's signature as its bound form shows it: "(self, /, *shape)" → "(*shape)". */
export function withoutSelf(signature: string): string {
  const m = /^\(\s*self\s*(,\s*)?/.exec(signature);
  if (!m) return signature;
  const rest = signature.slice(m[0].length).replace(/^\/\s*(,\s*)?/, "");
  return `(${rest}`;
}

/** Names passable by keyword in a text signature like "(shape, dtype=float, /, *, like=None)". */
export function keywordNames(signature: string): string[] {
  const inner = signature.trim().replace(/^\(/, "").replace(/\)(\s*->.*)?$/, "");
  const params = inner.split(",").map((p) => p.trim()).filter((p) => p !== "");
  const slash = params.indexOf("/");
  return params
    .slice(slash + 1)
    .filter((p) => p !== "*" && !p.startsWith("*") && !p.startsWith("$"))
    .map((p) => p.split(/[=:]/)[0].trim())
    .filter((p) => /^[A-Za-z_]\w*$/.test(p));
}

class SessionIntrospector implements Introspector {
  constructor(
    private readonly session: Session,
    private readonly modules: readonly string[],
  ) {}

  moduleNames(): string[] {
    return [...this.modules];
  }

  moduleMembers(module: string): MemberInfo[] | null {
    if (!this.modules.includes(module)) return null;
    let mod: PyValue;
    try {
      // Importing a native module only runs its TypeScript init, never cell code.
      mod = this.rt.importModule(module, true);
    } catch {
      return null;
    }
    if (!(mod instanceof PyModule)) return null;
    const scope = mod.scope;
    const members: MemberInfo[] = [...scope.names()].map((name) => ({ name, type: kindOf(scope.get(name)) }));
    const prefix = `${module}.`;
    for (const m of this.modules) if (m.startsWith(prefix) && !m.slice(prefix.length).includes(".")) members.push({ name: m.slice(prefix.length), type: "module" });
    return members;
  }

  private get rt(): Runtime {
    return this.session.runtime;
  }

  private attr(obj: PyValue, name: string): PyValue | undefined {
    if (obj instanceof PyModule) return obj.scope.get(name);
    try {
      return this.rt.getattr(obj, name);
    } catch {
      return undefined;
    }
  }

  private resolve(path: readonly string[]): PyValue | undefined {
    let v: PyValue | undefined = this.session.main.scope.get(path[0]) ?? this.rt.builtins.get(path[0]);
    for (const name of path.slice(1)) {
      if (v === undefined) return undefined;
      v = this.attr(v, name);
    }
    return v;
  }

  scopeNames(): MemberInfo[] {
    const out: MemberInfo[] = [];
    for (const scope of [this.session.main.scope, this.rt.builtins]) {
      for (const name of scope.names()) out.push({ name, type: kindOf(scope.get(name)) });
    }
    return out;
  }

  members(path: readonly string[]): MemberInfo[] | null {
    const v = this.resolve(path);
    if (v === undefined) return null;
    const names = new Set<string>();
    if (v instanceof PyModule) {
      for (const n of v.scope.names()) names.add(n);
    } else {
      const t = v instanceof PyType ? v : typeOf(v);
      for (const cls of t.mro) for (const n of cls.ns.keys()) names.add(n);
      if (v instanceof PyType) for (const cls of typeOf(v).mro) for (const n of cls.ns.keys()) names.add(n);
      if (v instanceof PyObject && v.dict !== null) for (const n of attrNames(v.dict)) names.add(n);
    }
    return [...names].map((name) => {
      const member = v instanceof PyModule ? v.scope.get(name) : v instanceof PyType ? v.lookup(name) : typeOf(v).lookup(name);
      return { name, type: member === undefined ? "instance" : kindOf(member) };
    });
  }

  /**
   * The documented name of a native function, type or method (`numpy.zeros`, `numpy.ndarray.reshape`,
   * `neuronxcc.nki.language.load`): where it lives among the imported modules, by identity, so
   * aliases (`np`, `nl`) and `from … import` names resolve alike.
   */
  private documented(v: PyValue): ApiDoc | undefined {
    const target = v instanceof PyMethod ? v.func : v;
    // Only objects are documented; ints and strs equal to some module constant are not that constant.
    if (typeof target !== "object") return undefined;
    if (target instanceof PyMethodDescr) return apiDoc(`${canonicalModule(target.owner.module)}.${target.owner.name}.${target.name}`);
    for (const [name, mod] of this.rt.modules) {
      if (name === "__main__" || !(mod instanceof PyModule)) continue;
      for (const member of mod.scope.names()) {
        if (mod.scope.get(member) !== target) continue;
        const doc = apiDoc(`${canonicalModule(name)}.${member}`);
        if (doc) return doc;
      }
    }
    return undefined;
  }

  /** A native callable's text signature: its own __text_signature__, else the documented one (without `self` when bound). */
  private nativeSignature(v: PyValue): string | undefined {
    const own = this.attr(v, "__text_signature__");
    if (typeof own === "string") return own;
    const sig = this.documented(v)?.signature;
    return sig !== undefined && v instanceof PyMethod ? withoutSelf(sig) : sig;
  }

  parameters(path: readonly string[]): string[] | null {
    const v = this.resolve(path);
    const fn = this.functionOf(v);
    if (!fn) {
      const sig = v === undefined ? undefined : this.nativeSignature(v);
      return sig !== undefined ? keywordNames(sig) : null;
    }
    const p = fn.f.code.params;
    const names = [...p.positional.slice(p.posonly), ...p.kwonly];
    return fn.bound ? names.filter((n) => n !== p.positional[0]) : names;
  }

  /** The Python function behind a function, bound method or class (its __init__). */
  private functionOf(v: PyValue | undefined): { f: PyFunction; bound: boolean } | null {
    if (v instanceof PyFunction) return { f: v, bound: false };
    // An @nki.jit kernel is called like the function it decorates.
    if (v instanceof NkiKernel && v.fn instanceof PyFunction) return { f: v.fn, bound: false };
    if (v instanceof PyMethod && v.func instanceof PyFunction) return { f: v.func, bound: true };
    if (v instanceof PyType) {
      const init = v.lookup("__init__");
      if (init instanceof PyFunction) return { f: init, bound: true };
    }
    return null;
  }

  describe(path: readonly string[]): ObjectDescription | null {
    const v = this.resolve(path);
    if (v === undefined) return null;
    const rt = this.rt;
    const t = typeOf(v);
    const d: ObjectDescription = { typeName: t.module === "builtins" ? t.qualname : `${t.module}.${t.qualname}` };
    const fn = this.functionOf(v);
    if (fn) {
      d.signature = signatureOf(rt, fn.f, fn.bound);
      const source = sourceOf(rt, fn.f);
      if (source) d.source = source;
    } else if (kindOf(v) === "function") {
      // Native functions declare their signature (if at all) as __text_signature__ or in api-docs.
      d.signature = this.nativeSignature(v) ?? "(...)";
    } else if (!(v instanceof PyModule)) {
      // Types, and callable objects such as numpy's ufuncs, when documented; other values by repr.
      const sig = this.documented(v)?.signature;
      if (sig !== undefined) d.signature = sig;
      else if (!(v instanceof PyType)) d.repr = safeRepr(rt, v);
    }
    const doc = this.attr(v instanceof NkiKernel ? v.fn : v, "__doc__");
    // A plain value's __doc__ is its type's (int's docstring for `count`): not worth showing.
    if (typeof doc === "string" && !(d.repr !== undefined && doc === this.attr(t, "__doc__"))) d.doc = doc;
    else if (d.repr === undefined && !(v instanceof PyModule)) {
      const documented = this.documented(v)?.doc;
      if (documented) d.doc = documented;
    }
    return d;
  }
}

/**
 * IPython's `display(*objs, display_id=None)`, `update_display(obj, display_id=...)` and
 * `clear_output(wait=False)` as builtins:
 * each object's MIME bundle (./mime-bundle.ts) becomes a display_data message.
 */
function installDisplay(session: Session, host: EngineHost): void {
  const rt = session.runtime;
  const displayId = (v: PyValue | undefined): string | undefined => {
    if (v === undefined || v === None) return undefined;
    if (typeof v !== "string") throw typeError("display_id must be a str");
    return v;
  };
  rt.builtins.set(
    "display",
    nativeFunction("display", (args, kw) => {
      const [id] = parseArgs("display", [], kw, { names: [], kwonly: ["display_id"] });
      for (const obj of args) host.display({ ...mimeBundle(rt, obj), displayId: displayId(id) });
      return None;
    }),
  );
  rt.builtins.set(
    "clear_output",
    nativeFunction("clear_output", (args, kw) => {
      const [wait] = parseArgs("clear_output", args, kw, { names: ["wait"] });
      host.clearOutput(wait === true);
      return None;
    }),
  );
  rt.builtins.set(
    "update_display",
    nativeFunction("update_display", (args, kw) => {
      const [obj, id] = parseArgs("update_display", args, kw, { names: ["obj"], required: 1, kwonly: ["display_id"] });
      const target = displayId(id);
      if (target === undefined) throw typeError("update_display() missing required keyword argument: 'display_id'");
      host.display({ ...mimeBundle(rt, obj as PyValue), displayId: target, update: true });
      return None;
    }),
  );
}

export const createEngine: CreateEngine = (host) => {
  prepareNumpyRuntime();
  // Native libraries a kernel can import beyond the standard library; NKI launches on the kernel's
  // current target (asked at each launch, so `%target` applies to kernels defined earlier).
  const nativeModules = [...NUMPY_MODULES, ...createNkiModules({ target: () => host.target() })];
  const session = new Session({
    stdout: host.stdout,
    stderr: host.stderr,
    interruptFlag: host.interruptFlag,
    limits: { memoryBytes: host.memoryBytes },
    modules: nativeModules,
  });
  installDisplay(session, host);
  const introspector = new SessionIntrospector(session, [...stdlibModules, ...nativeModules].map((m) => m.name));
  const engine: KernelEngine = {
    languageVersion: "3.11",
    target: () => launchTarget(session.runtime, () => host.target()),
    execute(code, cellName) {
      const r = session.execute(code, { cellName });
      if (r.status === "error") return { status: "error", ...errorFields(r.error) };
      if (r.value === undefined || r.value === None) return { status: "ok", result: null };
      const rt = session.runtime;
      try {
        return { status: "ok", result: mimeBundle(rt, r.value).data };
      } catch (e) {
        // The value's own __repr__ raised: report that exception as the cell's error.
        const x = rt.toPyException(e);
        const lines = rt.formatException(x).replace(/\n$/, "").split("\n");
        const last = lines[lines.length - 1];
        const colon = last.indexOf(": ");
        return { status: "error", ename: typeOf(x).name, evalue: colon >= 0 ? last.slice(colon + 2) : "", traceback: lines };
      }
    },
    evaluate(expression) {
      // Like IPython, a user expression neither prints nor rebinds `_`.
      const saved = session.main.scope.get("_");
      const rt = session.runtime;
      const [out, err] = [rt.stdout, rt.stderr];
      rt.stdout = rt.stderr = () => undefined;
      try {
        const r = session.execute(`(${expression}\n)`, { cellName: "<user_expression>" });
        if (r.status === "error") return { status: "error", ...errorFields(r.error) };
        const value = r.value === undefined ? None : r.value;
        return { status: "ok", ...mimeBundle(rt, value) };
      } finally {
        [rt.stdout, rt.stderr] = [out, err];
        if (saved === undefined) session.main.scope.delete("_");
        else session.main.scope.set("_", saved);
      }
    },
    complete: (code, cursorPos) => complete(code, cursorPos, introspector),
    inspect: (code, cursorPos, detailLevel) => inspect(code, cursorPos, detailLevel, introspector),
    isComplete,
  };
  return engine;
};
