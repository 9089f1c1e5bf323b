/**
 * Profiles as Python objects: running a kernel launch through the timing model and profiler
 * (lib/profile), and the `Profile` / `Timeline` values notebooks display. A Profile's MIME bundle is
 * the contract's profile bundle: the full ProfileDocument under PROFILE_MIME, an HTML summary for
 * other Jupyter front ends and a text summary. Displaying goes through the interpreter's `display`
 * builtin, which only a notebook kernel installs; without it (the CLI) nothing is displayed.
 */

import { profileDocument, PROFILE_MIME, summaryHtml, summaryText, timelineFigure, profileTimedTrace, type PlotlyFigure, type Profile } from "../profile";
import { simulateTiming, type TimedTrace } from "../sim/timing";
import type { SimMode } from "../sim";
import { defineNativeType, nativeFunction } from "../python/runtime/define";
import * as E from "../python/runtime/errors";
import { listType, None, PyFloat, PyFunction, PyList, PyObject, type Kwargs, type PyValue } from "../python/runtime/objects";
import type { Runtime } from "../python/runtime/runtime";
import { lastKernelMachine, launch, NkiKernel, type NkiOptions } from "./jit";
import { activeRun } from "./run";
import { TensorSpec } from "./typing";

export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

export interface SourceFile {
  readonly file: string;
  readonly text: string;
}

/** A profiled kernel launch and what the launch returned. */
export class PyProfile extends PyObject {
  #document: ReturnType<typeof profileDocument> | null = null;
  constructor(
    readonly profile: Profile,
    readonly kernelName: string,
    readonly sources: readonly SourceFile[],
    /** The kernel's return value (numpy arrays), None for a timing-only run. */
    readonly outputs: PyValue,
  ) {
    super(profileType);
  }

  get target(): string {
    return this.profile.timed.target;
  }

  get totalNs(): number {
    return this.profile.timed.timeline.totalNs;
  }

  document(): ReturnType<typeof profileDocument> {
    return (this.#document ??= profileDocument(this.profile, { kernelName: this.kernelName, sources: this.sources }));
  }

  /** The display bundle as JSON data (lib/kernel's mimeBundle uses it instead of `_repr_mimebundle_`). */
  jupyterBundle(): Record<string, unknown> {
    return { "text/plain": summaryText(this.profile), "text/html": summaryHtml(this.profile), [PROFILE_MIME]: this.document() };
  }
}

function kernelNameOf(k: NkiKernel): string {
  return k.fn instanceof PyFunction ? k.fn.name : "kernel";
}

/** The text of every file the trace's instructions point at, keyed as the trace names them. */
function sourcesOf(rt: Runtime, timed: TimedTrace, k: NkiKernel): SourceFile[] {
  const files = new Set<string>();
  if (k.fn instanceof PyFunction) files.add(k.fn.code.filename);
  const trace = timed.trace;
  for (let i = 0; i < trace.length; i++) files.add(trace.file(i));
  const out: SourceFile[] = [];
  for (const file of files) {
    const lines = rt.sources.get(file);
    if (lines) out.push({ file, text: lines.join("\n") });
  }
  return out;
}

export function profileOf(rt: Runtime, k: NkiKernel, timed: TimedTrace, outputs: PyValue): PyProfile {
  return new PyProfile(profileTimedTrace(timed), kernelNameOf(k), sourcesOf(rt, timed, k), outputs);
}

/** Shape-only `nt.tensor[...]` arguments mean a timing-only run, as on hardware benchmarks. */
function shapeOnly(args: readonly PyValue[], kw: Kwargs | null): boolean {
  return args.some((a) => a instanceof TensorSpec) || (kw !== null && [...kw.values()].some((a) => a instanceof TensorSpec));
}

/** Launches `k` (functional unless an argument is shape-only) and profiles the launch. */
export function runProfiled(rt: Runtime, api: string, k: NkiKernel, args: PyValue[], kw: Kwargs | null, mode?: SimMode): PyProfile {
  if (activeRun(rt)) throw E.runtimeError(`${api} cannot be called inside a running kernel`);
  const outputs = launch(rt, k, args, kw, mode ?? (shapeOnly(args, kw) ? "timing-only" : "functional"));
  const m = lastKernelMachine(rt);
  if (!m) throw E.runtimeError(`${api}: the kernel did not run`);
  return profileOf(rt, k, simulateTiming(m.trace, m.target.name), outputs);
}

/** The notebook's `display` builtin as a function, or undefined when there is no display host. */
export function displayHost(rt: Runtime): ((value: PyValue) => void) | undefined {
  const display = rt.builtins.get("display");
  return display === undefined ? undefined : (value) => void rt.call(display, [value], null);
}

const us = (ns: number) => `${(ns / 1000).toFixed(2)} µs`;

/** Counts and byte totals are ints in Python; times, ratios and percentages floats. */
function metricValue(name: string, v: number): PyValue {
  return /(_count|_bytes|_flops|_bytes_per_partition)$/.test(name) && Number.isInteger(v) ? v : new PyFloat(v);
}

function metricsDict(rt: Runtime, p: PyProfile): PyValue {
  const entries = Object.entries(p.profile.metrics);
  return rt.dict(entries.map(([k]) => k), entries.map(([k, v]) => metricValue(k, v)));
}

/**
 * `p.insights` is a list (the brief's attribute); calling it returns itself, so the spelling
 * `p.insights()` works too.
 */
const insightListType = defineNativeType<PyList>({
  name: "InsightList",
  module: "kernel_lab",
  instanceOf: PyList,
  base: listType,
  methods: { __call__: (self) => self },
});

function insightsList(rt: Runtime, p: PyProfile): PyValue {
  return new PyList(
    p.profile.insights.map((i) => {
      const fields: [string, PyValue][] = [
        ["id", i.id],
        ["title", i.title],
        ["severity", i.severity],
        ["summary", i.summary],
        ["recommendation", i.recommendation],
        ["estimated_gain_percent", new PyFloat(i.estimatedGainPercent)],
        ["estimated_gain_ns", new PyFloat(i.estimatedGainNs)],
        ["lines", rt.list(i.sourceLines.map((s) => s.line))],
        ["locations", rt.list(i.sourceLines.map((s) => rt.dict(["file", "line", "instructions", "time_ns"], [s.file, s.line, s.instructions, new PyFloat(s.timeNs)])))],
      ];
      return rt.dict(fields.map(([k]) => k), fields.map(([, v]) => v));
    }),
    insightListType,
  );
}

/** `_repr_mimebundle_(include=None, exclude=None)`: IPython passes both; neither narrows our bundle. */
function bundleMethod<T extends PyObject>(build: (self: T, rt: Runtime) => [string, PyValue][]) {
  return (self: T, _args: PyValue[], _kw: Kwargs | null, rt: Runtime): PyValue => {
    const entries = build(self, rt);
    return rt.dict(entries.map(([k]) => k), entries.map(([, v]) => v));
  };
}

export const profileType = defineNativeType<PyProfile>({
  name: "Profile",
  module: "kernel_lab",
  instanceOf: PyProfile,
  getters: {
    total_ns: (self) => new PyFloat(self.totalNs),
    metrics: (self, rt) => metricsDict(rt, self),
    insights: (self, rt) => insightsList(rt, self),
    target: (self) => self.target,
    kernel_name: (self) => self.kernelName,
    outputs: (self) => self.outputs,
    result: (self) => self.outputs,
  },
  methods: {
    summary: (self) => summaryText(self.profile),
    timeline: (self) => new PyTimeline(self.profile),
    _repr_mimebundle_: bundleMethod((self) => Object.entries(self.jupyterBundle()).map(([mime, v]) => [mime, typeof v === "string" ? v : JSON.stringify(v)])),
    __repr__: (self) => `<kernel_lab.Profile ${self.kernelName} on ${self.target}: ${us(self.totalNs)}>`,
    // Every metric reads as an attribute too (`p.mfu_estimated_percent`), as the issue asks.
    __getattr__: (self, [name]) => {
      const metrics = self.profile.metrics as unknown as Record<string, number>;
      if (typeof name === "string" && Object.hasOwn(metrics, name)) return metricValue(name, metrics[name]);
      throw E.attributeError(`'Profile' object has no attribute '${typeof name === "string" ? name : "?"}'`);
    },
  },
});

/** `profile.timeline()`: the per-engine timeline as a Plotly figure. */
export class PyTimeline extends PyObject {
  constructor(readonly profile: Profile) {
    super(timelineType);
  }
}

/**
 * Instructions a notebook timeline draws: its Plotly JSON costs ~130 bytes per bar and must stay well
 * inside the kernel's iopub budget; the profile viewer shows the whole trace.
 */
const NOTEBOOK_TIMELINE_INSTRUCTIONS = 5000;

function notebookFigure(p: Profile): PlotlyFigure {
  const fig = timelineFigure(p, NOTEBOOK_TIMELINE_INSTRUCTIONS);
  if (fig.omitted === 0) return fig;
  const title = `${fig.layout.title.text} — first ${NOTEBOOK_TIMELINE_INSTRUCTIONS} of ${NOTEBOOK_TIMELINE_INSTRUCTIONS + fig.omitted} instructions`;
  return { ...fig, layout: { ...fig.layout, title: { text: title } } };
}

function timelineText(p: Profile): string {
  const fig = notebookFigure(p);
  const lines = [`${fig.layout.title.text}`];
  for (const t of fig.data) {
    const busy = t.x.reduce((s, x) => s + x, 0);
    lines.push(`  ${t.name.padEnd(12)} ${String(t.x.length).padStart(7)} instructions, busy ${busy.toFixed(2)} µs`);
  }
  if (fig.omitted > 0) lines.push(`  (${fig.omitted} later instructions not drawn)`);
  return lines.join("\n");
}

export const timelineType = defineNativeType<PyTimeline>({
  name: "Timeline",
  module: "kernel_lab",
  instanceOf: PyTimeline,
  methods: {
    _repr_mimebundle_: bundleMethod((self) => {
      const { data, layout } = notebookFigure(self.profile);
      return [
        ["text/plain", timelineText(self.profile)],
        [PLOTLY_MIME, JSON.stringify({ data, layout })],
      ];
    }),
    __repr__: (self) => `<kernel_lab.Timeline ${self.profile.timed.target}: ${self.profile.timed.trace.length} instructions>`,
  },
});

/**
 * `nki.profile(func=None, working_directory=..., save_neff_name=..., save_trace_name=...,
 * additional_compile_opt=..., overwrite=False, profile_nth=1)`: the legacy profiler. On hardware it
 * writes NEFF/NTFF files; here nothing touches the disk: each call runs the kernel timing-only (inputs
 * only define shapes, as with the real tool) and displays the profile (or prints its summary when
 * there is no notebook display).
 */
const LEGACY_PROFILE_OPTIONS = ["working_directory", "save_neff_name", "save_trace_name", "additional_compile_opt", "overwrite", "profile_nth"];

function checkLegacyOptions(kw: Kwargs | null): void {
  if (!kw) return;
  for (const [name, value] of kw) {
    if (!LEGACY_PROFILE_OPTIONS.includes(name)) throw E.typeError(`profile() got an unexpected keyword argument '${name}'`);
    if (["working_directory", "save_neff_name", "save_trace_name"].includes(name) && typeof value !== "string") {
      throw E.typeError(`profile() argument '${name}' must be str, not ${value === None ? "None" : "a non-string"}`);
    }
    if (name === "profile_nth" && (typeof value !== "number" || value < 1)) throw E.valueError("profile() argument 'profile_nth' must be a positive int");
  }
}

/** `profile(func=kernel, ...)` is `profile(kernel, ...)`. */
function funcKeyword(args: PyValue[], kw: Kwargs | null): { args: PyValue[]; kw: Kwargs | null } {
  const func = kw?.get("func");
  if (!kw || func === undefined) return { args, kw };
  if (args.length > 0) throw E.typeError("profile() got multiple values for argument 'func'");
  const rest = new Map(kw) as Kwargs;
  rest.delete("func");
  return { args: [func], kw: rest };
}

export class ProfiledKernel extends PyObject {
  last: PyProfile | null = null;
  constructor(readonly kernel: NkiKernel) {
    super(profiledKernelType);
  }
}

const profiledKernelType = defineNativeType<ProfiledKernel>({
  name: "ProfileKernel",
  module: "neuronxcc.nki",
  instanceOf: ProfiledKernel,
  methods: {
    __call__: (self, args, kw, rt) => {
      const p = runProfiled(rt, "nki.profile", self.kernel, args, kw, "timing-only");
      self.last = p;
      const display = displayHost(rt);
      if (display) display(p);
      else rt.stdout(`${summaryText(p.profile)}\n`);
      return None;
    },
    __getitem__: (self, [key], _kw, rt) => {
      const gridded = rt.getitem(self.kernel, key);
      if (!(gridded instanceof NkiKernel)) throw E.typeError("profile: cannot index this kernel");
      return new ProfiledKernel(gridded);
    },
  },
  getters: {
    profile_result: (self) => {
      if (!self.last) throw E.attributeError("profile_result is available after the kernel has been called");
      return self.last;
    },
  },
});

export function legacyProfile(options: NkiOptions) {
  const wrap = (k: PyValue): ProfiledKernel => new ProfiledKernel(k instanceof NkiKernel ? k : new NkiKernel(k, [], options));
  return nativeFunction("profile", (argsIn: PyValue[], kwIn: Kwargs | null) => {
    const { args, kw } = funcKeyword(argsIn, kwIn);
    checkLegacyOptions(kw);
    if (args.length > 1) throw E.typeError(`profile() takes at most 1 positional argument (${args.length} given)`);
    if (args.length === 1 && args[0] !== None) return wrap(args[0]);
    return nativeFunction("profile", (fargs: PyValue[]) => {
      if (fargs.length !== 1) throw E.typeError("profile(...) decorates exactly one kernel");
      return wrap(fargs[0]);
    });
  });
}
