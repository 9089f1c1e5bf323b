/*
 * os: the environment-variable mapping and posixpath's pure string functions. Nothing here touches a
 * file system or the server's own environment: `os.environ` starts empty, or with the variables the
 * host passes in RuntimeOptions.environ, and lives in the interpreter (NKI reads
 * NEURON_PLATFORM_TARGET_OVERRIDE from it).
 */

import { parseArgs } from "../binding";
import { defineNativeType, nativeFunction } from "../define";
import * as E from "../errors";
import { None, PyDict, PyObject, PyTuple, typeOf, type Kwargs, type PyValue } from "../objects";
import type { NativeModuleDef, Runtime } from "../runtime";

/** Functions written in Python in CPython report a missing argument this way, not Argument Clinic's. */
function requirePositional(fname: string, args: readonly PyValue[], kw: Kwargs | null, names: string[], required: number): (PyValue | undefined)[] {
  const out = parseArgs(fname, args, kw, { names, required: 0 });
  const missing = names.slice(0, required).filter((_, i) => out[i] === undefined);
  if (missing.length === 1) throw E.typeError(`${fname}() missing 1 required positional argument: '${missing[0]}'`);
  return out;
}

function envStr(v: PyValue | undefined): string {
  if (typeof v !== "string") throw E.typeError(`str expected, not ${v === undefined ? "NoneType" : typeOf(v).name}`);
  return v;
}

/** os.fspath without PathLike objects (Kernel Lab has no pathlib). */
function fspath(v: PyValue | undefined): string {
  if (typeof v !== "string") throw E.typeError(`expected str, bytes or os.PathLike object, not ${v === undefined ? "NoneType" : typeOf(v).name}`);
  return v;
}

/** `os._Environ`: a str -> str mapping backed by a dict, so its key/value/item views stay live. */
export class Environ extends PyObject {
  constructor(readonly data: PyDict) {
    super(environType);
  }
}

function envGet(self: Environ, key: PyValue, rt: Runtime): string | undefined {
  const v = self.data.table.get(envStr(key), rt);
  return v === undefined ? undefined : (v as string);
}

function envUpdate(self: Environ, other: PyValue | undefined, kw: Kwargs | null, rt: Runtime): void {
  const put = (k: PyValue, v: PyValue): void => {
    self.data.table.set(envStr(k), envStr(v), rt);
  };
  if (other !== undefined) {
    if (other instanceof PyDict) {
      for (const e of other.table.iterate()) put(e.k, e.v);
    } else if (rt.lookupType(other, "keys") !== undefined) {
      for (const k of rt.iterate(rt.callMethod0(other, "keys"))) put(k, rt.getitem(other, k));
    } else {
      for (const pair of rt.iterate(other)) {
        const [k, v] = [...rt.iterate(pair)];
        put(k, v);
      }
    }
  }
  if (kw !== null) for (const [k, v] of kw) put(k, v);
}

export const environType = defineNativeType<Environ>({
  name: "_Environ",
  module: "os",
  instanceOf: Environ,
  methods: {
    __getitem__(self, [key], _kw, rt) {
      const v = envGet(self, key, rt);
      if (v === undefined) throw E.keyError(key);
      return v;
    },
    __setitem__(self, [key, value], _kw, rt) {
      self.data.table.set(envStr(key), envStr(value), rt);
      return None;
    },
    __delitem__(self, [key], _kw, rt) {
      if (self.data.table.delete(envStr(key), rt) === undefined) throw E.keyError(key);
      return None;
    },
    __contains__: (self, [key], _kw, rt) => envGet(self, key, rt) !== undefined,
    __iter__: (self, _a, _kw, rt) => rt.callMethod0(self.data, "__iter__"),
    __len__: (self) => self.data.table.size,
    __repr__: (self, _a, _kw, rt) => `environ(${rt.repr(self.data)})`,
    get(self, args, kw, rt) {
      const [key, dflt] = requirePositional("get", args, kw, ["key", "default"], 1);
      const v = envGet(self, key as PyValue, rt);
      return v ?? dflt ?? None;
    },
    keys: (self, _a, _kw, rt) => rt.callMethod0(self.data, "keys"),
    values: (self, _a, _kw, rt) => rt.callMethod0(self.data, "values"),
    items: (self, _a, _kw, rt) => rt.callMethod0(self.data, "items"),
    copy: (self, _a, _kw, rt) => rt.dict(self.data.table.keys(), self.data.table.keys().map((k) => self.data.table.get(k, rt) as PyValue)),
    clear(self) {
      self.data.table.clear();
      return None;
    },
    pop(self, args, kw, rt) {
      const [key, dflt] = requirePositional("pop", args, kw, ["key", "default"], 1);
      const v = envGet(self, key as PyValue, rt);
      if (v === undefined) {
        if (dflt === undefined) throw E.keyError(key as PyValue);
        return dflt;
      }
      self.data.table.delete(key as PyValue, rt);
      return v;
    },
    setdefault(self, args, kw, rt) {
      const [key, dflt] = requirePositional("setdefault", args, kw, ["key", "value"], 1);
      const v = envGet(self, key as PyValue, rt);
      if (v !== undefined) return v;
      self.data.table.set(envStr(key), envStr(dflt ?? None), rt);
      return dflt ?? None;
    },
    update(self, args, kw, rt) {
      if (args.length > 1) throw E.typeError(`update expected at most 1 argument, got ${args.length}`);
      envUpdate(self, args[0], kw, rt);
      return None;
    },
  },
});

// ---- posixpath ---------------------------------------------------------------------------------

function join(args: PyValue[], kw: Kwargs | null): string {
  if (kw !== null && kw.size > 0) throw E.typeError(`join() got an unexpected keyword argument '${[...kw.keys()][0]}'`);
  if (args.length === 0) throw E.typeError("join() missing 1 required positional argument: 'a'");
  let path = fspath(args[0]);
  for (const b of args.slice(1)) {
    if (typeof b !== "string") throw E.typeError(`join() argument must be str, bytes, or os.PathLike object, not '${typeOf(b).name}'`);
    if (b.startsWith("/")) path = b;
    else if (path === "" || path.endsWith("/")) path += b;
    else path += "/" + b;
  }
  return path;
}

function split(p: string): [string, string] {
  const i = p.lastIndexOf("/") + 1;
  let head = p.slice(0, i);
  if (head !== "" && head !== "/".repeat(head.length)) head = head.replace(/\/+$/, "");
  return [head, p.slice(i)];
}

function splitext(p: string): [string, string] {
  const sep = p.lastIndexOf("/");
  const dot = p.lastIndexOf(".");
  if (dot > sep) {
    // A leading run of dots belongs to the name (".bashrc" has no extension).
    for (let i = sep + 1; i < dot; i++) if (p[i] !== ".") return [p.slice(0, dot), p.slice(dot)];
  }
  return [p, ""];
}

function normpath(path: string): string {
  if (path === "") return ".";
  // POSIX leaves exactly two leading slashes alone (implementation-defined meaning).
  const initial = !path.startsWith("/") ? 0 : path.startsWith("//") && !path.startsWith("///") ? 2 : 1;
  const comps: string[] = [];
  for (const comp of path.split("/")) {
    if (comp === "" || comp === ".") continue;
    if (comp !== ".." || (initial === 0 && comps.length === 0) || (comps.length > 0 && comps[comps.length - 1] === "..")) comps.push(comp);
    else if (comps.length > 0) comps.pop();
  }
  return "/".repeat(initial) + comps.join("/") || ".";
}

function pathFunction(name: string, f: (p: string) => PyValue): PyValue {
  return nativeFunction(name, (args, kw) => {
    const [p] = requirePositional(name, args, kw, ["p"], 1);
    return f(fspath(p));
  });
}

export const osPathModule: NativeModuleDef = {
  name: "os.path",
  init(mod) {
    mod.set("sep", "/");
    mod.set("join", nativeFunction("join", join));
    mod.set("split", pathFunction("split", (p) => new PyTuple(split(p))));
    mod.set("basename", pathFunction("basename", (p) => split(p)[1]));
    mod.set("dirname", pathFunction("dirname", (p) => split(p)[0]));
    mod.set("splitext", pathFunction("splitext", (p) => new PyTuple(splitext(p))));
    mod.set("isabs", pathFunction("isabs", (p) => p.startsWith("/")));
    mod.set("normpath", pathFunction("normpath", normpath));
  },
};

export const osModule: NativeModuleDef = {
  name: "os",
  init(mod, rt) {
    const environ = new Environ(new PyDict());
    for (const [k, v] of Object.entries(rt.environ)) environ.data.table.set(k, v, rt);
    mod.set("environ", environ);
    mod.set(
      "getenv",
      nativeFunction("getenv", (args, kw) => {
        const [key, dflt] = requirePositional("getenv", args, kw, ["key", "default"], 1);
        return envGet(environ, key as PyValue, rt) ?? dflt ?? None;
      }),
    );
    mod.set("name", "posix");
    mod.set("sep", "/");
    mod.set("altsep", None);
    mod.set("extsep", ".");
    mod.set("pathsep", ":");
    mod.set("curdir", ".");
    mod.set("pardir", "..");
    mod.set("linesep", "\n");
    mod.set("path", rt.importModule("os.path", true));
  },
};
