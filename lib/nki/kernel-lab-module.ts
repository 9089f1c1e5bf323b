/**
 * `import kernel_lab`: Kernel Lab's profiling API for notebooks.
 *
 *   kernel_lab.profile(kernel, *args, target=None, **kwargs) -> Profile
 *   kernel_lab.compare(a, b)                                  -> Comparison (b against a)
 *   kernel_lab.targets()                                      -> [(name, description), ...]
 *   kernel_lab.targets(kernel, *args, **kwargs)               -> TargetComparison (trn1, trn2, trn3)
 *
 * Kernels run with their real arguments (shape-only `nt.tensor[...]` arguments make the run
 * timing-only); the Profile keeps what the kernel returned as `.outputs`.
 */

import { compareProfiles, type ProfileMetrics } from "../profile";
import { TARGETS, resolveTarget, type TargetName } from "../sim/targets";
import { timingConfig } from "../sim/timing";
import { parseArgs } from "../python/runtime/binding";
import { defineNativeType, nativeFunction } from "../python/runtime/define";
import * as E from "../python/runtime/errors";
import { None, PyFloat, PyFunction, PyObject, PyTuple, typeOf, type Kwargs, type PyModule, type PyValue } from "../python/runtime/objects";
import type { Runtime } from "../python/runtime/runtime";
import { NkiKernel, type NkiOptions } from "./jit";
import { BenchmarkKernel } from "./benchmark";
import { ProfiledKernel, profileType, PyProfile, runProfiled } from "./profile";

const TARGET_ORDER: readonly TargetName[] = ["trn1", "trn2", "trn3"];

function typeName(v: PyValue): string {
  return v === None ? "None" : typeOf(v).name;
}

/**
 * A jit kernel as given (also one wrapped by `@nki.benchmark` / `@nki.profile`), or a plain function
 * treated as one (as nki.simulate_kernel does).
 */
function asKernel(api: string, k: PyValue | undefined, options: NkiOptions): NkiKernel {
  if (k instanceof NkiKernel) return k;
  if (k instanceof BenchmarkKernel || k instanceof ProfiledKernel) return k.kernel;
  if (k instanceof PyFunction) return new NkiKernel(k, [], options);
  throw E.typeError(`${api}() argument 'kernel' must be an @nki.jit kernel or a function, not ${k === undefined ? "nothing" : typeName(k)}`);
}

function targetArg(api: string, v: PyValue | undefined, options: NkiOptions): TargetName {
  if (v === undefined || v === None) return options.target ?? "trn2";
  if (typeof v !== "string") throw E.typeError(`${api}() argument 'target' must be str or None, not ${typeName(v)}`);
  try {
    return resolveTarget(v).name;
  } catch {
    throw E.valueError(`${api}(): unknown target '${v}' (expected one of ${TARGET_ORDER.join(", ")})`);
  }
}

function withoutTarget(kw: Kwargs | null): { kw: Kwargs | null; target: PyValue | undefined } {
  if (!kw || !kw.has("target")) return { kw, target: undefined };
  const rest = new Map(kw) as Kwargs;
  const target = rest.get("target");
  rest.delete("target");
  return { kw: rest.size > 0 ? rest : null, target };
}

function profile(options: NkiOptions) {
  return nativeFunction("profile", (args: PyValue[], kwIn: Kwargs | null, rt: Runtime) => {
    if (args.length === 0) throw E.typeError("profile() missing required argument 'kernel' (pos 1)");
    const { kw, target } = withoutTarget(kwIn);
    const k = asKernel("profile", args[0], options);
    const t = targetArg("profile", target, options);
    return runProfiled(rt, "kernel_lab.profile", new NkiKernel(k.fn, k.grid, { target: t, onLaunch: options.onLaunch }), args.slice(1), kw);
  });
}

// ---- comparisons -------------------------------------------------------------------------------

type MetricName = keyof ProfileMetrics;

/** The rows comparisons show: the metrics a student reads first. */
const KEY_METRICS: readonly MetricName[] = [
  "total_time",
  "tensor_engine_active_time_percent",
  "vector_engine_active_time_percent",
  "scalar_engine_active_time_percent",
  "gpsimd_engine_active_time_percent",
  "dma_active_time_percent",
  "mfu_estimated_percent",
  "mbu_estimated_percent",
  "hbm_read_bytes",
  "hbm_write_bytes",
  "dma_transfer_count",
  "sbuf_peak_percent",
  "sim_instruction_count",
];

function formatMetric(name: MetricName, v: number): string {
  if (name === "total_time") return `${(v * 1e6).toFixed(2)} µs`;
  if (name.endsWith("_percent")) return `${v.toFixed(1)}%`;
  if (name.endsWith("_bytes")) return v >= 1 << 20 ? `${(v / (1 << 20)).toFixed(2)} MiB` : v >= 1024 ? `${(v / 1024).toFixed(1)} KiB` : `${v} B`;
  return Number.isInteger(v) ? String(v) : v.toFixed(3);
}

function formatChange(name: MetricName, before: number, after: number): string {
  if (before === after) return "=";
  if (name === "total_time") return after > 0 ? `${(before / after).toFixed(2)}× ${after < before ? "faster" : "slower"}` : "";
  if (name.endsWith("_percent")) return `${after > before ? "+" : ""}${(after - before).toFixed(1)} pts`;
  return before > 0 ? `${after > before ? "+" : ""}${(((after - before) / before) * 100).toFixed(0)}%` : `+${formatMetric(name, after - before)}`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

/** A table as aligned text and as HTML; the first row is the header. */
function renderTable(title: string, rows: readonly (readonly string[])[]): { text: string; html: string } {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const text = [title, ...rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  "))].join("\n");
  const [head, ...body] = rows;
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join("");
  const trs = body.map((r) => `<tr>${r.map((cell, c) => (c === 0 ? `<th style="text-align:left">${escapeHtml(cell)}</th>` : `<td style="text-align:right">${escapeHtml(cell)}</td>`)).join("")}</tr>`).join("");
  return { text, html: `<div class="kernel-lab-comparison"><p>${escapeHtml(title)}</p><table><thead><tr>${th}</tr></thead><tbody>${trs}</tbody></table></div>` };
}

const label = (p: PyProfile) => `${p.kernelName} (${p.target})`;

function speedupSentence(a: PyProfile, b: PyProfile): string {
  const ta = a.profile.metrics.total_time;
  const tb = b.profile.metrics.total_time;
  if (ta === tb) return `b: ${label(b)} takes as long as a: ${label(a)}`;
  return tb < ta ? `b: ${label(b)} is ${(ta / tb).toFixed(2)}× faster than a: ${label(a)}` : `b: ${label(b)} is ${(tb / ta).toFixed(2)}× slower than a: ${label(a)}`;
}

class Comparison extends PyObject {
  constructor(
    readonly a: PyProfile,
    readonly b: PyProfile,
  ) {
    super(comparisonType);
  }

  table(): { text: string; html: string } {
    const ma = this.a.profile.metrics;
    const mb = this.b.profile.metrics;
    const rows = [["metric", `a: ${label(this.a)}`, `b: ${label(this.b)}`, "change"], ...KEY_METRICS.map((n) => [n, formatMetric(n, ma[n]), formatMetric(n, mb[n]), formatChange(n, ma[n], mb[n])])];
    return renderTable(speedupSentence(this.a, this.b), rows);
  }
}

function numberValue(v: number): PyValue {
  return Number.isInteger(v) ? v : new PyFloat(v);
}

const comparisonType = defineNativeType<Comparison>({
  name: "Comparison",
  module: "kernel_lab",
  instanceOf: Comparison,
  getters: {
    a: (self) => self.a,
    b: (self) => self.b,
    speedup: (self) => new PyFloat(compareProfiles(self.a.profile, self.b.profile).speedup),
    deltas: (self, rt) => {
      const deltas = compareProfiles(self.a.profile, self.b.profile).deltas;
      return rt.dict(
        deltas.map((d) => d.name),
        deltas.map((d) => rt.dict(["before", "after", "delta"], [numberValue(d.before), numberValue(d.after), numberValue(d.delta)])),
      );
    },
  },
  methods: {
    _repr_mimebundle_: (self, _args, _kw, rt) => {
      const t = self.table();
      return rt.dict(["text/plain", "text/html"], [t.text, t.html]);
    },
    __repr__: (self) => `<kernel_lab.Comparison ${speedupSentence(self.a, self.b)}>`,
  },
});

function compare() {
  return nativeFunction("compare", (args: PyValue[], kw: Kwargs | null) => {
    const [a, b] = parseArgs("compare", args, kw, { names: ["a", "b"], required: 2 });
    for (const p of [a, b]) if (!(p instanceof PyProfile)) throw E.typeError(`compare() arguments must be kernel_lab.Profile objects, not ${typeName(p as PyValue)}`);
    return new Comparison(a as PyProfile, b as PyProfile);
  });
}

/** The same kernel profiled on every target. */
class TargetComparison extends PyObject {
  constructor(readonly profiles: readonly PyProfile[]) {
    super(targetComparisonType);
  }

  fastest(): PyProfile {
    return this.profiles.reduce((best, p) => (p.totalNs < best.totalNs ? p : best));
  }

  table(): { text: string; html: string } {
    const ps = this.profiles;
    const fastest = this.fastest();
    const title = `${ps[0].kernelName} on ${ps.map((p) => p.target).join(", ")}: fastest on ${fastest.target}`;
    const rows = [["metric", ...ps.map((p) => p.target)], ...KEY_METRICS.map((n) => [n, ...ps.map((p) => formatMetric(n, p.profile.metrics[n]))])];
    return renderTable(title, rows);
  }
}

const targetComparisonType = defineNativeType<TargetComparison>({
  name: "TargetComparison",
  module: "kernel_lab",
  instanceOf: TargetComparison,
  getters: {
    profiles: (self, rt) => rt.dict(self.profiles.map((p) => p.target), [...self.profiles]),
    fastest: (self) => self.fastest().target,
  },
  methods: {
    _repr_mimebundle_: (self, _args, _kw, rt) => {
      const t = self.table();
      return rt.dict(["text/plain", "text/html"], [t.text, t.html]);
    },
    __getitem__: (self, [key]) => {
      const p = self.profiles.find((x) => x.target === key);
      if (!p) throw E.keyError(key);
      return p;
    },
    __repr__: (self) => `<kernel_lab.TargetComparison ${self.profiles.map((p) => `${p.target}: ${(p.totalNs / 1000).toFixed(2)} µs`).join(", ")}>`,
  },
});

/** One line per target: generation, capacities and the peaks the timing model uses. */
export function targetDescription(name: TargetName): string {
  const t = TARGETS[name];
  const c = timingConfig(name);
  const kib = (b: number) => `${Math.round(b / 1024)} KiB`;
  const generation = { trn1: "Trainium1", trn2: "Trainium2", trn3: "Trainium3" }[name];
  return `${generation} NeuronCore (${c.coreVersion}): ${kib(t.sbufBytesPerPartition)} SBUF and ${kib(t.psumBanks * t.psumBankBytes)} PSUM per partition, ${c.peakBf16Tflops} bf16 TFLOPS and ${c.hbmBytesPerNs} GB/s HBM per core`;
}

function targets(options: NkiOptions) {
  return nativeFunction("targets", (args: PyValue[], kw: Kwargs | null, rt: Runtime) => {
    if (args.length === 0) {
      if (kw && kw.size > 0) throw E.typeError("targets() takes keyword arguments only with a kernel");
      return rt.list(TARGET_ORDER.map((n) => new PyTuple([n, targetDescription(n)])));
    }
    const k = asKernel("targets", args[0], options);
    const profiles = TARGET_ORDER.map((t) => runProfiled(rt, "kernel_lab.targets", new NkiKernel(k.fn, k.grid, { target: t, onLaunch: options.onLaunch }), args.slice(1), kw));
    return new TargetComparison(profiles);
  });
}

export function initKernelLab(mod: PyModule, options: NkiOptions): void {
  mod.set("profile", profile(options));
  mod.set("compare", compare());
  mod.set("targets", targets(options));
  mod.set("Profile", profileType);
  mod.set("__doc__", "Kernel Lab's profiling API: profile(kernel, *args, target=None), compare(a, b), targets().");
}

