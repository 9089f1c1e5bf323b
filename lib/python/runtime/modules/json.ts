/*
 * json: dumps/dump (indent, sort_keys, separators, ensure_ascii, default, allow_nan) and loads,
 * producing and accepting exactly what CPython's json module does, with its errors
 * (TypeError "Object of type X is not JSON serializable", json.JSONDecodeError with line/column).
 */

import { parseArgs } from "../binding";
import { nativeFunction } from "../define";
import * as E from "../errors";
import { floatRepr } from "../../format";
import { None, PyBaseException, PyDict, PyFloat, PyList, PyTuple, PyType, typeOf, typeType, type Kwargs, type PyValue } from "../objects";
import type { NativeModuleDef, Runtime } from "../runtime";
import { norm } from "../numeric";

const JSONDecodeError = new PyType(typeType, "JSONDecodeError", [E.ValueError], new Map(), E.ValueError.alloc, {
  module: "json.decoder",
  instanceDict: true,
  frozen: true,
});

interface EncodeOptions {
  readonly indent: string | null;
  readonly itemSep: string;
  readonly keySep: string;
  readonly sortKeys: boolean;
  readonly ensureAscii: boolean;
  readonly allowNan: boolean;
  readonly defaultFn: PyValue;
}

function quote(s: string, ascii: boolean): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += "\\\\";
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c === 0x09) out += "\\t";
    else if (c === 0x08) out += "\\b";
    else if (c === 0x0c) out += "\\f";
    else if (c < 0x20 || (ascii && c > 0x7e)) out += `\\u${c.toString(16).padStart(4, "0")}`;
    else out += s[i];
  }
  return out + '"';
}

function floatText(v: number, opts: EncodeOptions): string {
  if (Number.isFinite(v)) return floatRepr(v);
  if (!opts.allowNan) throw E.valueError("Out of range float values are not JSON compliant");
  return Number.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
}

function keyText(rt: Runtime, k: PyValue, opts: EncodeOptions): string | null {
  if (typeof k === "string") return k;
  if (typeof k === "boolean") return k ? "true" : "false";
  if (typeof k === "number" || typeof k === "bigint") return rt.repr(k);
  if (k instanceof PyFloat) return floatText(k.v, opts);
  if (k === None) return "null";
  throw E.typeError(`keys must be str, int, float, bool or None, not ${typeOf(k).name}`);
}

function encode(rt: Runtime, v: PyValue, opts: EncodeOptions, depth: number, active: Set<PyValue>): string {
  switch (typeof v) {
    case "string":
      return quote(v, opts.ensureAscii);
    case "boolean":
      return v ? "true" : "false";
    case "number":
    case "bigint":
      return rt.repr(v);
  }
  if (v === None) return "null";
  if (v instanceof PyFloat) return floatText(v.v, opts);
  const nl = opts.indent === null ? "" : "\n" + opts.indent.repeat(depth + 1);
  const close = opts.indent === null ? "" : "\n" + opts.indent.repeat(depth);
  if (v instanceof PyList || v instanceof PyTuple || v instanceof PyDict) {
    if (active.has(v)) throw E.valueError("Circular reference detected");
    active.add(v);
    try {
      if (v instanceof PyDict) {
        if (v.table.size === 0) return "{}";
        let entries = [...v.table.iterate()];
        if (opts.sortKeys) entries = entries.sort((a, b) => (rt.lessThan(a.k, b.k) ? -1 : rt.lessThan(b.k, a.k) ? 1 : 0));
        const parts = entries.map((e) => {
          rt.tick();
          return quote(keyText(rt, e.k, opts) as string, opts.ensureAscii) + opts.keySep + encode(rt, e.v, opts, depth + 1, active);
        });
        return `{${nl}${parts.join(opts.itemSep + nl)}${close}}`;
      }
      if (v.items.length === 0) return "[]";
      const parts = v.items.map((x) => {
        rt.tick();
        return encode(rt, x, opts, depth + 1, active);
      });
      return `[${nl}${parts.join(opts.itemSep + nl)}${close}]`;
    } finally {
      active.delete(v);
    }
  }
  if (opts.defaultFn !== None) {
    if (active.has(v)) throw E.valueError("Circular reference detected");
    active.add(v);
    try {
      return encode(rt, rt.call(opts.defaultFn, [v], null), opts, depth, active);
    } finally {
      active.delete(v);
    }
  }
  throw E.typeError(`Object of type ${typeOf(v).name} is not JSON serializable`);
}

function dumps(rt: Runtime, obj: PyValue, kw: Kwargs | null): string {
  const [skipkeys, ensureAscii, , allowNan, , indent, separators, defaultFn, sortKeys] = parseArgs("dumps", [], kw, {
    names: [],
    kwonly: ["skipkeys", "ensure_ascii", "check_circular", "allow_nan", "cls", "indent", "separators", "default", "sort_keys"],
  });
  if (skipkeys !== undefined && rt.truthy(skipkeys)) throw E.typeError("json.dumps(skipkeys=True) is not supported in Kernel Lab");
  let indentText: string | null = null;
  if (indent !== undefined && indent !== None) {
    indentText = typeof indent === "string" ? indent : " ".repeat(Math.max(0, Number(rt.asIndex(indent, "indent must be an int or str"))));
  }
  let itemSep = indentText === null ? ", " : ",";
  let keySep = ": ";
  if (separators !== undefined && separators !== None) {
    const pair = rt.toArray(separators);
    if (pair.length !== 2 || typeof pair[0] !== "string" || typeof pair[1] !== "string") throw E.valueError("separators must be a pair of strings");
    [itemSep, keySep] = pair as [string, string];
  }
  const flag = (v: PyValue | undefined, dflt: boolean): boolean => (v === undefined ? dflt : rt.truthy(v));
  const opts: EncodeOptions = {
    indent: indentText,
    itemSep,
    keySep,
    sortKeys: flag(sortKeys, false),
    ensureAscii: flag(ensureAscii, true),
    allowNan: flag(allowNan, true),
    defaultFn: defaultFn ?? None,
  };
  return encode(rt, obj, opts, 0, new Set());
}

// ---- decoding ------------------------------------------------------------------------------------

class Decoder {
  private i = 0;
  constructor(
    private readonly rt: Runtime,
    private readonly s: string,
  ) {}

  fail(msg: string, at: number = this.i): PyBaseException {
    const before = this.s.slice(0, at);
    const line = before.split("\n").length;
    const col = at - before.lastIndexOf("\n");
    const e = E.pyException(JSONDecodeError, `${msg}: line ${line} column ${col} (char ${at})`);
    return e;
  }

  private ws(): void {
    while (this.i < this.s.length && " \t\n\r".includes(this.s[this.i])) this.i++;
  }

  document(): PyValue {
    this.ws();
    const v = this.value();
    this.ws();
    if (this.i !== this.s.length) throw this.fail("Extra data");
    return v;
  }

  private value(): PyValue {
    this.rt.tick();
    const c = this.s[this.i];
    if (c === '"') return this.string();
    if (c === "{") return this.object();
    if (c === "[") return this.array();
    for (const [word, v] of [["null", None], ["true", true], ["false", false], ["NaN", new PyFloat(NaN)], ["Infinity", new PyFloat(Infinity)], ["-Infinity", new PyFloat(-Infinity)]] as const) {
      if (this.s.startsWith(word, this.i)) {
        this.i += word.length;
        return v;
      }
    }
    const m = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/.exec(this.s.slice(this.i));
    if (m === null) throw this.fail("Expecting value");
    this.i += m[0].length;
    if (m[1] === undefined && m[2] === undefined) return norm(BigInt(m[0]));
    return new PyFloat(Number(m[0]));
  }

  private string(): string {
    const start = this.i;
    this.i++;
    let out = "";
    for (;;) {
      if (this.i >= this.s.length) throw this.fail("Unterminated string starting at", start);
      const c = this.s[this.i++];
      if (c === '"') return out;
      if (c === "\\") {
        const e = this.s[this.i++];
        const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
        if (e in simple) out += simple[e];
        else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(this.s.slice(this.i, this.i + 4))) {
          out += String.fromCharCode(parseInt(this.s.slice(this.i, this.i + 4), 16));
          this.i += 4;
        } else if (e === "u") throw this.fail("Invalid \\uXXXX escape", this.i - 1);
        else throw this.fail("Invalid \\escape", this.i - 2);
      } else if (c.charCodeAt(0) < 0x20) {
        throw this.fail("Invalid control character at", this.i - 1);
      } else out += c;
    }
  }

  private object(): PyDict {
    const d = new PyDict();
    this.i++;
    this.ws();
    if (this.s[this.i] === "}") {
      this.i++;
      return d;
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') throw this.fail("Expecting property name enclosed in double quotes");
      const k = this.string();
      this.ws();
      if (this.s[this.i] !== ":") throw this.fail("Expecting ':' delimiter");
      this.i++;
      this.ws();
      d.table.set(k, this.value(), this.rt);
      this.ws();
      const c = this.s[this.i];
      if (c === "}") {
        this.i++;
        return d;
      }
      if (c !== ",") throw this.fail("Expecting ',' delimiter");
      this.i++;
      this.ws();
      if (this.s[this.i] !== '"') throw this.fail("Expecting property name enclosed in double quotes");
    }
  }

  private array(): PyList {
    const items: PyValue[] = [];
    this.i++;
    this.ws();
    if (this.s[this.i] === "]") {
      this.i++;
      return new PyList(items);
    }
    for (;;) {
      this.ws();
      items.push(this.value());
      this.ws();
      const c = this.s[this.i];
      if (c === "]") {
        this.i++;
        return new PyList(items);
      }
      if (c !== ",") throw this.fail("Expecting ',' delimiter");
      this.i++;
    }
  }
}

export const jsonModule: NativeModuleDef = {
  name: "json",
  init(mod, rt) {
    mod.set(
      "dumps",
      nativeFunction("dumps", (args, kw) => {
        if (args.length !== 1) throw E.typeError(`dumps() takes 1 positional argument but ${args.length} were given`);
        return dumps(rt, args[0], kw);
      }),
    );
    mod.set(
      "dump",
      nativeFunction("dump", (args, kw) => {
        if (args.length !== 2) throw E.typeError(`dump() takes 2 positional arguments but ${args.length} were given`);
        rt.callMethod1(args[1], "write", dumps(rt, args[0], kw));
        return None;
      }),
    );
    mod.set(
      "loads",
      nativeFunction("loads", (args) => {
        const s = args[0];
        if (typeof s !== "string") throw E.typeError(`the JSON object must be str, bytes or bytearray, not ${typeOf(s).name}`);
        return new Decoder(rt, s).document();
      }),
    );
    mod.set("JSONDecodeError", JSONDecodeError);
  },
};
