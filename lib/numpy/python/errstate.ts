/*
 * np.seterr / np.geterr / np.errstate: the floating-point error settings, kept per interpreter, and
 * the report of the errors numpy-core calls record (fp-errors.ts): "warn" issues numpy's
 * RuntimeWarning through the warnings module (so filters and catch_warnings apply), "raise" throws
 * FloatingPointError, "print" writes numpy's "Warning: ..." line to stdout, "ignore" drops it.
 * "call" and "log" (np.seterrcall) are refused rather than silently ignored.
 */

import { parseArgs } from "../../python/runtime/binding";
import { defineNativeType, nativeFunction } from "../../python/runtime/define";
import * as E from "../../python/runtime/errors";
import { None, PyDict, PyObject, PyModule, type Kwargs, type PyValue } from "../../python/runtime/objects";
import type { Runtime } from "../../python/runtime/runtime";
import { FPE_DIVIDEBYZERO, FPE_INVALID, FPE_OVERFLOW, type FpError } from "../fp-errors";

const KINDS = ["divide", "over", "under", "invalid"] as const;
const MODES = new Set(["ignore", "warn", "raise", "call", "print", "log"]);
type Settings = Map<string, string>;

class ErrState extends PyObject {
  saved: Settings | null = null;
  constructor(
    readonly settings: Settings,
    readonly requested: Kwargs | null,
  ) {
    super(errstateType);
  }
}

function toDict(rt: Runtime, s: Settings): PyDict {
  const d = new PyDict();
  for (const k of KINDS) d.table.set(k, s.get(k) as string, rt);
  return d;
}

/** Applies seterr's keywords to `s`, returning the previous settings. */
function apply(rt: Runtime, s: Settings, kw: Kwargs | null): Settings {
  const [all, divide, over, under, invalid] = parseArgs("seterr", [], kw, { names: [], kwonly: ["all", "divide", "over", "under", "invalid"] });
  const old = new Map(s);
  const given: [string, PyValue | undefined][] = [["divide", divide], ["over", over], ["under", under], ["invalid", invalid]];
  const next = new Map(s);
  for (const [k, v] of given) {
    const mode = v ?? all;
    if (mode === undefined || mode === None) continue;
    const m = rt.str(mode);
    if (!MODES.has(m)) throw E.valueError(`invalid error mode '${m}'`);
    if (m === "call" || m === "log") throw E.notImplementedError(`np.seterr(${k}='${m}') is not supported in Kernel Lab (np.seterrcall is not available)`);
    next.set(k, m);
  }
  for (const [k, v] of next) s.set(k, v);
  return old;
}

const errstateType = defineNativeType<ErrState>({
  name: "errstate",
  module: "numpy",
  instanceOf: ErrState,
  methods: {
    __enter__: (self, _a, _k, rt) => {
      self.saved = apply(rt, self.settings, self.requested);
      return None;
    },
    __exit__: (self) => {
      if (self.saved !== null) for (const [k, v] of self.saved) self.settings.set(k, v);
      return false;
    },
  },
});

const DEFAULTS: Settings = new Map([["divide", "warn"], ["over", "warn"], ["under", "ignore"], ["invalid", "warn"]]);
const settingsOf = new WeakMap<Runtime, Settings>();

/** The kinds in numpy's order of report, with their setting name and message. */
const REPORTED: readonly [number, string, string][] = [
  [FPE_DIVIDEBYZERO, "divide", "divide by zero"],
  [FPE_OVERFLOW, "over", "overflow"],
  [FPE_INVALID, "invalid", "invalid value"],
];

/** Reports recorded floating-point errors as the interpreter's np.errstate says, in order. */
export function reportFpErrors(rt: Runtime, errors: readonly FpError[], scalar: boolean): void {
  const settings = settingsOf.get(rt) ?? DEFAULTS;
  for (const { flags, op, scalarOnly } of errors) {
    if (scalarOnly && !scalar) continue;
    for (const [bit, kind, text] of REPORTED) {
      if ((flags & bit) === 0) continue;
      const mode = settings.get(kind);
      const message = `${text} encountered in ${scalar ? "scalar " : ""}${op}`;
      if (mode === "raise") throw E.pyException(E.FloatingPointError, message);
      if (mode === "print") rt.stdout(`Warning: ${message}\n`);
      else if (mode === "warn") warnRuntime(rt, message);
    }
  }
}

/** warnings.warn(message, RuntimeWarning) from the calling Python line. */
export function warnRuntime(rt: Runtime, message: string): void {
  const warnings = rt.importModule("warnings", true);
  rt.call(rt.getattr(warnings, "warn"), [message, E.RuntimeWarning], null);
}

export function installErrState(mod: PyModule, rt: Runtime): void {
  const settings: Settings = new Map(DEFAULTS);
  settingsOf.set(rt, settings);
  mod.set("geterr", nativeFunction("geterr", () => toDict(rt, settings)));
  mod.set("seterr", nativeFunction("seterr", (args, kw) => {
    if (args.length > 1) throw E.typeError(`seterr() takes from 0 to 1 positional arguments but ${args.length} were given`);
    const merged: Kwargs = new Map(kw ?? []);
    if (args.length === 1) merged.set("all", args[0]);
    return toDict(rt, apply(rt, settings, merged));
  }));
  mod.set("errstate", nativeFunction("errstate", (args, kw) => {
    if (args.length > 0) throw E.typeError(`errstate() takes 0 positional arguments but ${args.length} were given`);
    return new ErrState(settings, kw);
  }));
}
