/*
 * Command-line parsing shared by the subcommands: `--name VALUE`, `--name=VALUE`, boolean
 * `--name`, `-h/--help`, and positionals. Pure, so each command's parsing is testable on its own.
 */

import { DEFAULT_TARGET, TARGET_NAMES, type TargetName } from "../kernel/engine";
import { resolveTarget } from "../sim/targets";

export interface OptionSpec {
  /** Long name without dashes, e.g. "target". */
  readonly name: string;
  /** True when the option takes a value. */
  readonly takesValue: boolean;
}

export type ParsedArgs =
  | { readonly kind: "help" }
  | { readonly kind: "ok"; readonly values: ReadonlyMap<string, string>; readonly flags: ReadonlySet<string>; readonly positionals: readonly string[] }
  | { readonly kind: "error"; readonly message: string };

export function parseArgs(args: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-h" || a === "--help") return { kind: "help" };
    if (a === "--") {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith("-") || a === "-") {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = a.startsWith("--") ? a.slice(2, eq < 0 ? undefined : eq) : "";
    const spec = byName.get(name);
    if (spec === undefined) return { kind: "error", message: `unknown option '${eq < 0 ? a : a.slice(0, eq)}'` };
    if (!spec.takesValue) {
      if (eq >= 0) return { kind: "error", message: `option '--${name}' takes no value` };
      flags.add(name);
      continue;
    }
    const value = eq >= 0 ? a.slice(eq + 1) : args[++i];
    if (value === undefined || value === "") return { kind: "error", message: `option '--${name}' needs a value` };
    if (values.has(name)) return { kind: "error", message: `option '--${name}' given twice` };
    values.set(name, value);
  }
  return { kind: "ok", values, flags, positionals };
}

export type TargetChoice = { readonly ok: true; readonly target: TargetName | undefined } | { readonly ok: false; readonly message: string };

/** `--target`: one of trn1, trn2, trn3 (absent → undefined, the caller's default applies). */
export function parseTarget(value: string | undefined): TargetChoice {
  if (value === undefined) return { ok: true, target: undefined };
  if ((TARGET_NAMES as readonly string[]).includes(value)) return { ok: true, target: value as TargetName };
  return { ok: false, message: `--target must be one of ${TARGET_NAMES.join(", ")}, not '${value}'` };
}

/** --target, else NEURON_PLATFORM_TARGET_OVERRIDE (with NKI's aliases such as gen3), else trn2. */
export function chooseTarget(flag: string | undefined, env: Readonly<Record<string, string | undefined>> | undefined): { ok: true; target: TargetName } | { ok: false; message: string } {
  const fromFlag = parseTarget(flag);
  if (!fromFlag.ok) return fromFlag;
  if (fromFlag.target !== undefined) return { ok: true, target: fromFlag.target };
  const override = env?.NEURON_PLATFORM_TARGET_OVERRIDE;
  if (override === undefined || override === "") return { ok: true, target: DEFAULT_TARGET };
  try {
    return { ok: true, target: resolveTarget(override).name };
  } catch {
    return { ok: false, message: `NEURON_PLATFORM_TARGET_OVERRIDE='${override}' is not a target (expected trn1, trn2 or trn3)` };
  }
}
