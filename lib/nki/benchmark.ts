/**
 * `nki.benchmark`: runs the kernel on the simulator, times its instruction stream with the timing
 * model (lib/sim/timing) and prints latency the way `neuron-bench` output appears in the tutorials.
 * The model is deterministic, so every percentile is the same simulated latency; `warmup`/`iters`
 * are accepted and do not change the result. Like the real tool it ignores input values: the run is
 * timing-only (no arithmetic) and returns None. In a notebook it also displays the profile of the run
 * (./profile.ts), so the latency comes with the timeline and insights that explain it.
 */

import { simulateTiming } from "../sim/timing";
import { parseArgs } from "../python/runtime/binding";
import { defineNativeType, nativeFunction } from "../python/runtime/define";
import * as E from "../python/runtime/errors";
import { None, PyFloat, PyObject, type Kwargs, type PyValue } from "../python/runtime/objects";
import type { Runtime } from "../python/runtime/runtime";
import { lastKernelMachine, launch, NkiKernel, type NkiOptions } from "./jit";
import { displayHost, profileOf } from "./profile";

const PERCENTILES = [0, 1, 10, 25, 50, 90, 99, 100];

class Latency extends PyObject {
  constructor(readonly us: number) {
    super(latencyType);
  }
}
const latencyType = defineNativeType<Latency>({
  name: "NCLatency",
  module: "neuronxcc.nki",
  instanceOf: Latency,
  methods: {
    get_latency_percentile: (self, args, kw) => {
      const [p] = parseArgs("get_latency_percentile", args, kw, { names: ["p"], required: 1 });
      if (typeof p !== "number" || !PERCENTILES.includes(p)) throw E.valueError(`percentile must be one of ${PERCENTILES.join(", ")}`);
      return new PyFloat(self.us);
    },
    __repr__: (self) => `NCLatency(${self.us.toFixed(3)} us)`,
  },
});

class BenchmarkResult extends PyObject {
  constructor(readonly latency: Latency) {
    super(benchmarkResultType);
  }
}
const benchmarkResultType = defineNativeType<BenchmarkResult>({
  name: "BenchmarkResult",
  module: "neuronxcc.nki",
  instanceOf: BenchmarkResult,
  getters: { nc_latency: (self) => self.latency },
});

export class BenchmarkKernel extends PyObject {
  result: BenchmarkResult | null = null;
  constructor(readonly kernel: NkiKernel) {
    super(benchmarkKernelType);
  }
}

function run(self: BenchmarkKernel, args: PyValue[], kw: Kwargs | null, rt: Runtime): PyValue {
  const out = launch(rt, self.kernel, args, kw, "timing-only");
  const m = lastKernelMachine(rt);
  if (!m) throw E.runtimeError("nki.benchmark: the kernel did not run");
  const timed = simulateTiming(m.trace, m.target.name);
  const us = timed.timeline.totalNs / 1000;
  self.result = new BenchmarkResult(new Latency(us));
  const lines = PERCENTILES.map((p) => `p${p} = ${Math.round(us)}us`);
  rt.stdout(`Latency results are:\nNCLatency:\n${lines.join("\n")}\n`);
  const display = displayHost(rt);
  if (display) display(profileOf(rt, self.kernel, timed, None));
  return out;
}

const benchmarkKernelType = defineNativeType<BenchmarkKernel>({
  name: "BenchmarkKernel",
  module: "neuronxcc.nki",
  instanceOf: BenchmarkKernel,
  methods: {
    __call__: run,
    __getitem__: (self, [key], kw, rt) => {
      const gridded = rt.getitem(self.kernel, key);
      if (!(gridded instanceof NkiKernel)) throw E.typeError("benchmark: cannot index this kernel");
      return new BenchmarkKernel(gridded);
    },
  },
  getters: {
    benchmark_result: (self) => {
      if (!self.result) throw E.attributeError("benchmark_result is available after the kernel has been called");
      return self.result;
    },
  },
});

/** `nki.benchmark(kernel)` or `@nki.benchmark(warmup=..., iters=...)`. */
export function benchmark(options: NkiOptions) {
  const wrap = (k: PyValue): BenchmarkKernel => new BenchmarkKernel(k instanceof NkiKernel ? k : new NkiKernel(k, [], options));
  return nativeFunction("benchmark", (args: PyValue[]) => {
    if (args.length === 1 && args[0] !== None) return wrap(args[0]);
    return nativeFunction("benchmark", (fargs: PyValue[]) => {
      if (fargs.length !== 1) throw E.typeError("benchmark(...) decorates exactly one kernel");
      return wrap(fargs[0]);
    });
  });
}
