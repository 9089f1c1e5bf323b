/**
 * `@nki.jit` kernels: calling one with numpy arrays starts a sim Machine, copies the arrays into HBM
 * kernel inputs, runs the Python body once per SPMD instance (`kernel[g0, g1](...)`), and returns the
 * HBM tensors the body returns as numpy arrays. Nested kernel calls run inline in the caller's run.
 */

import { DTYPES as NP_DTYPES } from "../numpy/dtypes";
import { contiguousData, emptyArray, type NDArray } from "../numpy/ndarray";
import { PyNDArray } from "../numpy/python/convert";
import { wrapArray } from "../numpy/python/types";
import { fullView, Machine, type SimMode, type TargetName } from "../sim";
import { StoragePool } from "../sim/memory/storage";
import { AllocKind, Memory } from "../sim/trace/types";
import { parseArgs } from "../python/runtime/binding";
import { defineNativeType, nativeFunction } from "../python/runtime/define";
import * as E from "../python/runtime/errors";
import { None, PyFunction, PyObject, PyTuple, PyList, type Kwargs, type PyValue } from "../python/runtime/objects";
import type { Runtime } from "../python/runtime/runtime";
import { nkiGuard, pyNkiError } from "./errors";
import { simDtypeOf } from "./language";
import { activeRun, withRun, type KernelRun } from "./run";
import { npDtypeName, NkiTensor, wholeTensor } from "./tensor";
import { TensorSpec } from "./typing";

/**
 * Called once per completed top-level launch (kernels called from inside a kernel are part of their
 * caller's launch), with the launch's machine (its trace compacted) and the kernel function's
 * qualified name. Timing-only launches (nki.benchmark, nki.profile, kernel_lab.profile) count too.
 * The machine's tensors can be read during the call only: the launch then retires the machine (its
 * storage goes to the next launch), leaving the trace.
 */
export type LaunchHook = (machine: Machine, kernelName: string) => void;

export interface NkiOptions {
  /** trn1 | trn2 | trn3 (default trn2): the host's NEURON_PLATFORM_TARGET_OVERRIDE / --target / notebook setting. */
  readonly target?: TargetName;
  readonly onLaunch?: LaunchHook;
}

/** The machine of each interpreter's most recent kernel launch (its trace feeds the timing model). */
const lastMachines = new WeakMap<Runtime, Machine>();

/**
 * Tensor storage each interpreter's launches pass on to the next (a notebook relaunches a kernel on
 * same-shaped arrays); at most this many bytes are kept between launches.
 */
const storagePools = new WeakMap<Runtime, StoragePool>();
const POOLED_BYTES = 64 * 2 ** 20;

function storagePool(rt: Runtime): StoragePool {
  let pool = storagePools.get(rt);
  if (!pool) {
    pool = new StoragePool(POOLED_BYTES);
    storagePools.set(rt, pool);
  }
  return pool;
}

export function lastKernelMachine(rt: Runtime): Machine | undefined {
  return lastMachines.get(rt);
}

export class NkiKernel extends PyObject {
  constructor(
    readonly fn: PyValue,
    readonly grid: readonly number[],
    readonly options: NkiOptions,
  ) {
    super(nkiKernelType);
  }
}

function kernelName(fn: PyValue): string {
  return fn instanceof PyFunction ? fn.qualname : "kernel";
}

function toHbm(run: KernelRun, name: string, a: NDArray): NkiTensor {
  const d = simDtypeOf(a.dtype.name === "bool" ? "bool" : a.dtype.name);
  if (!d) throw E.typeError(`kernel argument '${name}' has no dtype`);
  // The host writes every element (a size mismatch raises before the tensor escapes).
  const b = run.m.allocHbm(name, a.shape, d, AllocKind.KernelInput, true);
  const v = fullView(b);
  // numpy arrays of a narrow float dtype hold values already rounded to it: no cast needed.
  run.m.hostWrite(v, contiguousData(a) as ArrayLike<number>, a.dtype.name === d.name);
  return wholeTensor(v);
}

/** A shape-only `nt.tensor[...]` argument: an HBM input whose contents are never written (reads NaN). */
function specToHbm(run: KernelRun, name: string, spec: TensorSpec): NkiTensor {
  const d = simDtypeOf(spec.dtype === None ? "float32" : spec.dtype);
  if (!d) throw E.typeError(`kernel argument '${name}' has no dtype`);
  return wholeTensor(fullView(run.m.allocHbm(name, spec.shape, d, AllocKind.KernelInput)));
}

function toNumpy(run: KernelRun, v: PyValue): PyValue {
  if (v instanceof NkiTensor) {
    if (v.view.buffer.memory !== Memory.Hbm) {
      throw pyNkiError("err_unsupported_memory", `a kernel can only return HBM tensors, '${v.view.buffer.name}' is on chip; nl.store it into an nl.shared_hbm tensor`);
    }
    const out = emptyArray(NP_DTYPES[npDtypeName(v.view.buffer.dtype.name)], v.view.shape);
    run.m.hostReadInto(v.view, out.data);
    return wrapArray(out);
  }
  if (v instanceof PyTuple) return new PyTuple(v.items.map((x) => toNumpy(run, x)));
  if (v instanceof PyList) return new PyList(v.items.map((x) => toNumpy(run, x)));
  return v;
}

/**
 * Runs a kernel launch. "timing-only" (nki.benchmark) records the instruction stream without storage
 * or arithmetic, so large benchmark shapes stay cheap; it returns None instead of outputs.
 */
export function launch(rt: Runtime, k: NkiKernel, args: PyValue[], kw: Kwargs | null, mode: SimMode = "functional"): PyValue {
  if (activeRun(rt)) return rt.call(k.fn, args, kw);
  const m = new Machine({ target: k.options.target, mode, storage: storagePool(rt) });
  const code = k.fn instanceof PyFunction ? k.fn.code : null;
  // Until the body's first NKI call moves it to the executing line (run.ts), the def line.
  m.setLocation(code?.filename ?? "<kernel>", code?.firstLine ?? 0);
  const grid = k.grid;
  const run: KernelRun = { m, grid, coords: grid.map(() => 0), sharedHbm: [], sharedCreated: 0, openLoops: 0, location: -1 };
  lastMachines.set(rt, m);
  return withRun(rt, run, () => {
    const names = code?.params.positional ?? [];
    const convert = (a: PyValue, name: string): PyValue =>
      a instanceof PyNDArray ? nkiGuard(() => toHbm(run, name, a.arr)) : a instanceof TensorSpec ? nkiGuard(() => specToHbm(run, name, a)) : a;
    const converted = args.map((a, i) => convert(a, names[i] ?? `arg${i}`));
    let kwConverted: Kwargs | null = null;
    if (kw) {
      kwConverted = new Map() as Kwargs;
      for (const [key, value] of kw) kwConverted.set(key, convert(value, key));
    }
    m.trace.spmdGrid = [...grid];
    const instances = grid.reduce((a, b) => a * b, 1);
    let result: PyValue = None;
    for (let i = 0; i < instances; i++) {
      let rest = i;
      for (let d = grid.length - 1; d >= 0; d--) {
        run.coords[d] = rest % grid[d];
        rest = Math.floor(rest / grid[d]);
      }
      run.sharedCreated = 0;
      closeLoops(run);
      m.setSpmdInstance(i);
      try {
        result = rt.call(k.fn, converted, kwConverted);
      } catch (e) {
        settleAfterError(m);
        throw e;
      }
    }
    closeLoops(run);
    nkiGuard(() => {
      m.settle();
      return None;
    });
    const out = m.functional ? nkiGuard(() => toNumpy(run, result)) : None;
    m.trace.compact();
    k.options.onLaunch?.(m, kernelName(k.fn));
    m.retire();
    return out;
  });
}

/** Records a deferred instruction of a failed run (the recorded trace is shown); the first error wins. */
function settleAfterError(m: Machine): void {
  try {
    m.settle();
  } catch {
    // The kernel's own error is the one reported.
  }
}

/** Ends loops a `break` left open, so the next SPMD instance starts at the top level. */
function closeLoops(run: KernelRun): void {
  for (; run.openLoops > 0; run.openLoops--) run.m.endLoop();
}

function gridOf(key: PyValue, rt: Runtime): number[] {
  const items = key instanceof PyTuple ? key.items : [key];
  const grid = items.map((x) => rt.asIndex(x, "SPMD grid dimensions must be integers"));
  if (grid.some((g) => g < 1)) throw E.valueError("SPMD grid dimensions must be positive");
  return grid;
}

export const nkiKernelType = defineNativeType<NkiKernel>({
  name: "Kernel",
  module: "neuronxcc.nki",
  instanceOf: NkiKernel,
  methods: {
    __call__: (self, args, kw, rt) => launch(rt, self, args, kw),
    __getitem__: (self, [key], _kw, rt) => {
      if (self.grid.length > 0) throw pyNkiError("err_nested_kernel_with_spmd_grid", "this kernel already has an SPMD grid");
      return new NkiKernel(self.fn, gridOf(key, rt), self.options);
    },
    __repr__: (self) => `<nki kernel ${kernelName(self.fn)}${self.grid.length ? `[${self.grid.join(", ")}]` : ""}>`,
  },
  getters: {
    __name__: (self) => (self.fn instanceof PyFunction ? self.fn.name : "kernel"),
    func: (self) => self.fn,
  },
});

/** `nki.jit`, `nki.baremetal`: usable bare (`@nki.jit`) or with arguments (`@nki.jit(mode=...)`). */
export function decorator(name: string, options: NkiOptions) {
  // Decorator keyword arguments (mode=, save_neff_name=, ...) configure the real compiler; none
  // changes what the simulator computes, so they are accepted and ignored.
  return nativeFunction(name, (args: PyValue[]) => {
    if (args.length === 1 && args[0] !== None) return new NkiKernel(args[0], [], options);
    if (args.length > 1) throw E.typeError(`${name}() takes at most 1 positional argument (${args.length} given)`);
    return nativeFunction(name, (fargs: PyValue[]) => {
      if (fargs.length !== 1) throw E.typeError(`${name}(...) decorates exactly one function`);
      return new NkiKernel(fargs[0], [], options);
    });
  });
}

/** `nki.simulate_kernel(kernel, *args)`: runs the kernel (a jit kernel or plain function) on the simulator. */
export function simulateKernel(options: NkiOptions) {
  return nativeFunction("simulate_kernel", (args: PyValue[], kw: Kwargs | null, rt: Runtime) => {
    const [k] = parseArgs("simulate_kernel", args.slice(0, 1), null, { names: ["kernel"], required: 1 });
    const kernel = k instanceof NkiKernel ? k : new NkiKernel(k as PyValue, [], options);
    return launch(rt, kernel, args.slice(1), kw);
  });
}
