/*
 * Binding call arguments to a Python function's parameters, with CPython 3.11's TypeErrors.
 */

import { typeError } from "./errors";
import { PyDict, PyFunction, PyTuple, type Kwargs, type PyValue } from "./objects";
import type { KeyOps } from "./hashtable";

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** "'a'", "'a' and 'b'", "'a', 'b', and 'c'" as CPython lists missing names. */
export function listNames(names: string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length === 1) return q[0];
  if (q.length === 2) return `${q[0]} and ${q[1]}`;
  return `${q.slice(0, -1).join(", ")}, and ${q[q.length - 1]}`;
}

/** Returns the implementation's argument list for `f(*args, **kw)`. */
export function bindArgs(f: PyFunction, args: readonly PyValue[], kw: Kwargs | null, ops: KeyOps): PyValue[] {
  const p = f.code.params;
  const fname = `${f.qualname}()`;
  const npos = p.positional.length;
  const slots: (PyValue | undefined)[] = new Array(f.nparams);
  const nargs = args.length;
  if (nargs > npos && p.varargs === null) {
    const ndef = f.defaults?.length ?? 0;
    const kwGiven = kw === null ? 0 : [...kw.keys()].filter((k) => p.kwonly.includes(k)).length;
    const takes = ndef > 0 ? `from ${npos - ndef} to ${npos} positional arguments` : `${plural(npos, "positional argument")}`;
    const given = kwGiven > 0
      ? `${plural(nargs, "positional argument")} (and ${plural(kwGiven, "keyword-only argument")}) were given`
      : `${nargs} ${nargs === 1 ? "was" : "were"} given`;
    throw typeError(`${fname} takes ${takes} but ${given}`);
  }
  const ncopy = nargs < npos ? nargs : npos;
  for (let i = 0; i < ncopy; i++) slots[i] = args[i];
  let next = npos;
  if (p.varargs !== null) {
    slots[next++] = new PyTuple(nargs > npos ? args.slice(npos) : []);
  }
  const kwStart = next;
  next += p.kwonly.length;
  let varkw: PyDict | null = null;
  if (p.varkw !== null) {
    varkw = new PyDict();
    slots[next] = varkw;
  }
  if (kw !== null) {
    const posOnlyAsKw: string[] = [];
    for (const [name, value] of kw) {
      let idx = p.positional.indexOf(name);
      if (idx >= 0 && idx < p.posonly) {
        if (varkw !== null) {
          varkw.table.set(name, value, ops);
          continue;
        }
        posOnlyAsKw.push(name);
        continue;
      }
      if (idx < 0) {
        const k = p.kwonly.indexOf(name);
        if (k >= 0) idx = kwStart + k;
      }
      if (idx >= 0) {
        if (slots[idx] !== undefined) throw typeError(`${fname} got multiple values for argument '${name}'`);
        slots[idx] = value;
      } else if (varkw !== null) {
        varkw.table.set(name, value, ops);
      } else {
        throw typeError(`${fname} got an unexpected keyword argument '${name}'`);
      }
    }
    if (posOnlyAsKw.length > 0) {
      throw typeError(`${fname} got some positional-only arguments passed as keyword arguments: '${posOnlyAsKw.join(", ")}'`);
    }
  }
  const defaults = f.defaults;
  const ndef = defaults?.length ?? 0;
  let missing: string[] | null = null;
  for (let i = nargs; i < npos; i++) {
    if (slots[i] !== undefined) continue;
    const d = i - (npos - ndef);
    if (defaults !== null && d >= 0) slots[i] = defaults[d];
    else (missing ??= []).push(p.positional[i]);
  }
  if (missing !== null) {
    throw typeError(`${fname} missing ${plural(missing.length, "required positional argument")}: ${listNames(missing)}`);
  }
  for (let k = 0; k < p.kwonly.length; k++) {
    if (slots[kwStart + k] !== undefined) continue;
    const d = f.kwDefaults?.get(p.kwonly[k]);
    if (d !== undefined) slots[kwStart + k] = d;
    else (missing ??= []).push(p.kwonly[k]);
  }
  if (missing !== null) {
    throw typeError(`${fname} missing ${plural(missing.length, "required keyword-only argument")}: ${listNames(missing)}`);
  }
  return slots as PyValue[];
}

export interface ArgSpec {
  /** Positional-or-keyword names, in order. */
  names: string[];
  /** How many leading names are required. */
  required?: number;
  /** Keyword-only names (after `names` in the result). */
  kwonly?: string[];
  /** Names that cannot be passed by keyword (CPython builtins with `/`): the first `posonly`. */
  posonly?: number;
  /** Whether "missing required argument" names the position, as Argument Clinic does (default). */
  showPosition?: boolean;
}

/**
 * Argument parsing for native functions: one result slot per name (`undefined` if not given),
 * CPython-style TypeErrors for wrong counts and unknown keywords.
 */
export function parseArgs(fname: string, args: readonly PyValue[], kw: Kwargs | null, spec: ArgSpec): (PyValue | undefined)[] {
  const names = spec.names;
  const kwonly = spec.kwonly ?? [];
  const required = spec.required ?? 0;
  const out: (PyValue | undefined)[] = new Array(names.length + kwonly.length).fill(undefined);
  if (args.length > names.length) {
    const takes = required === names.length
      ? names.length === 0
        ? "takes no arguments"
        : `takes ${names.length === 1 ? "exactly one argument" : `${names.length} positional arguments`}`
      : `takes at most ${plural(names.length, "argument")}`;
    throw typeError(`${fname}() ${takes} (${args.length} given)`);
  }
  for (let i = 0; i < args.length; i++) out[i] = args[i];
  if (kw !== null) {
    const posonly = spec.posonly ?? 0;
    for (const [name, value] of kw) {
      let idx = names.indexOf(name);
      if (idx >= 0 && idx < posonly) idx = -1;
      if (idx < 0) {
        const k = kwonly.indexOf(name);
        if (k >= 0) idx = names.length + k;
      }
      if (idx < 0) throw typeError(`${fname}() got an unexpected keyword argument '${name}'`);
      if (out[idx] !== undefined) throw typeError(`argument for ${fname}() given by name ('${name}') and position (${idx + 1})`);
      out[idx] = value;
    }
  }
  for (let i = 0; i < required; i++) {
    if (out[i] === undefined) {
      const pos = spec.showPosition === false ? "" : ` (pos ${i + 1})`;
      throw typeError(`${fname}() missing required argument '${names[i]}'${pos}`);
    }
  }
  return out;
}
