/*
 * What `kernel-lab run --profile/--trace/--csv` writes for a kernel launch: its ProfileDocument (the
 * same JSON a notebook displays), a Perfetto trace and the instruction CSV, all from one profile of
 * the launch's instruction stream on its target; and where each launch's files go when a program
 * launches more than one kernel.
 */

import { profileDocument, profileTrace, toCsv, toPerfetto, type Profile } from "../profile";
import type { TargetName } from "../sim";
import type { Trace } from "../sim/trace";

export type ExportKind = "profile" | "trace" | "csv";

export interface SourceFile {
  readonly file: string;
  readonly text: string;
}

/** The text of every source file the trace's instructions point at, for the profile's source view. */
export function traceSources(trace: Trace, sources: ReadonlyMap<string, readonly string[]>): SourceFile[] {
  const files = new Set<string>();
  for (let i = 0; i < trace.length; i++) files.add(trace.file(i));
  const out: SourceFile[] = [];
  for (const file of files) {
    const lines = sources.get(file);
    if (lines !== undefined) out.push({ file, text: lines.join("\n") });
  }
  return out;
}

export interface KernelLaunch {
  readonly trace: Trace;
  readonly target: TargetName;
  readonly kernelName: string | null;
  readonly sources: readonly SourceFile[];
}

function render(kind: ExportKind, profile: Profile, launch: KernelLaunch): string {
  switch (kind) {
    case "profile":
      return JSON.stringify(profileDocument(profile, { kernelName: launch.kernelName, sources: launch.sources }));
    case "trace":
      return JSON.stringify(toPerfetto(profile));
    case "csv":
      return toCsv(profile);
  }
}

/** The requested files' contents, keyed by kind; the launch is profiled once on its own target. */
export function renderExports(launch: KernelLaunch, kinds: readonly ExportKind[]): Map<ExportKind, string> {
  const out = new Map<ExportKind, string>();
  if (kinds.length === 0) return out;
  const profile = profileTrace(launch.trace, launch.target);
  for (const kind of kinds) out.set(kind, render(kind, profile, launch));
  return out;
}

/**
 * The file for launch `index` (0-based) of `count`: the path itself when one kernel ran, else the
 * 1-based launch number inserted before the file name's first extension (`p.json` → `p-1.json`,
 * `t.perfetto.json` → `t-2.perfetto.json`, `out` → `out-3`).
 */
export function launchPath(path: string, index: number, count: number): string {
  if (count === 1) return path;
  const slash = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  const dot = path.indexOf(".", slash + 2);
  const at = dot < 0 ? path.length : dot;
  return `${path.slice(0, at)}-${index + 1}${path.slice(at)}`;
}
