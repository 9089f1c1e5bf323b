/**
 * `neuronxcc.nki.language` (nl): the legacy NKI language surface, lowered onto lib/sim's
 * `nl` lowerings and ISA ops. Dtypes are numpy's scalar types, so they work in host code too.
 */

import { dmaCopy, dropout, dtype as simDtype, fullView, rand, randomSeed, nkiError, nl as L, type DTypeInfo, type DTypeName, type View } from "../sim";
import { AllocKind, LoopKind, Memory } from "../sim/trace/types";
import type { Machine } from "../sim/machine";
import { viewSize } from "../sim/memory/tensor";
import { inBounds } from "../sim/ops/common";
import { toDtype } from "../numpy/python/convert";
import { scalarTypes } from "../numpy/python/convert";
import { finfoType, PyUFunc } from "../numpy/python/types";
import { parseArgs } from "../python/runtime/binding";
import { defineNativeType, nativeFunction } from "../python/runtime/define";
import * as E from "../python/runtime/errors";
import { None, PyBuiltin, PyFloat, PyList, PyModule, PyObject, PySlice, PyTuple, type Kwargs, type PyValue } from "../python/runtime/objects";
import type { Runtime } from "../python/runtime/runtime";
import { asPythonError, nkiGuard, pyNkiError } from "./errors";
import { activeRun, requireRun, type KernelRun } from "./run";
import { binaryValue, broadcastTile, checkAccess, copyValue, deferredTensor, expandDims, IndexExpr, maskFor, newArange, NkiTensor, operand, reduceValue, unaryValue, wholeAccess, wholeTensor } from "./tensor";

type Slots = (PyValue | undefined)[];

function def(mod: PyModule, name: string, names: string[], required: number, impl: (s: Slots, rt: Runtime) => PyValue, kwonly: string[] = []): void {
  const spec = { names, required, kwonly };
  mod.set(
    name,
    nativeFunction(name, (args: PyValue[], kw: Kwargs | null, rt: Runtime) => {
      const slots = parseArgs(name, args, kw, spec);
      try {
        return impl(slots, rt);
      } catch (e) {
        throw asPythonError(e);
      }
    }),
  );
}

// ---------------------------------------------------------------- argument conversion

function tensorArg(v: PyValue | undefined, what: string): NkiTensor {
  if (v instanceof NkiTensor) return v;
  throw E.typeError(`${what} must be an NKI tensor, got '${v === undefined ? "nothing" : typeof v === "object" ? v.cls.name : typeof v}'`);
}

function intArg(v: PyValue | undefined, rt: Runtime, dflt?: number): number {
  if ((v === undefined || v === None) && dflt !== undefined) return dflt;
  return rt.asIndex(v as PyValue, "an integer is required");
}

export function simDtypeOf(v: PyValue | undefined): DTypeInfo | null {
  if (v === undefined || v === None) return null;
  const d = toDtype(v);
  if (!d) return null;
  const name = d.name === "bool" ? "bool_" : d.name;
  if (name === "float64" || name === "int64" || name === "uint64") {
    throw pyNkiError("err_unsupported_dtype", `${name} is not a NeuronCore data type; use float32 (or bfloat16) / ${name === "uint64" ? "uint32" : "int32"}`);
  }
  return simDtype(name as DTypeName);
}

/** A partition dimension marker in a shape: `(nl.par_dim(128), 512)`. */
export class ParDim extends PyObject {
  constructor(readonly size: number) {
    super(parDimType);
  }
}
const parDimType = defineNativeType<ParDim>({
  name: "par_dim",
  module: "neuronxcc.nki.language",
  instanceOf: ParDim,
  methods: { __repr__: (s) => `par_dim(${s.size})`, __index__: (s) => s.size, __int__: (s) => s.size },
});

function shapeArg(v: PyValue | undefined, rt: Runtime): { shape: number[]; partitionAxis: number } {
  const items = v instanceof PyTuple || v instanceof PyList ? v.items : [v as PyValue];
  let partitionAxis = 0;
  const shape = items.map((it, k) => {
    if (it instanceof ParDim) {
      partitionAxis = k;
      return it.size;
    }
    return rt.asIndex(it, "tensor shape entries must be integers");
  });
  return { shape, partitionAxis };
}

/** Where a tensor lives: `nl.shared_hbm`, `nl.sbuf`, ... */
export class BufferKind extends PyObject {
  constructor(readonly name: string) {
    super(bufferKindType);
  }
}
const bufferKindType = defineNativeType<BufferKind>({
  name: "buffer",
  module: "neuronxcc.nki.language",
  instanceOf: BufferKind,
  methods: { __repr__: (s) => s.name },
});
const BUFFERS = ["shared_hbm", "private_hbm", "hbm", "sbuf", "psum"].map((n) => new BufferKind(n));

function bufferArg(v: PyValue | undefined): string {
  if (v === undefined || v === None) return "sbuf";
  if (v instanceof BufferKind) return v.name;
  throw E.typeError("buffer must be one of nl.shared_hbm, nl.private_hbm, nl.hbm, nl.sbuf, nl.psum");
}

// ---------------------------------------------------------------- creation

function create(run: KernelRun, shapeSpec: { shape: number[]; partitionAxis: number }, d: DTypeInfo, buffer: string, name: string): NkiTensor {
  const { m } = run;
  const { shape, partitionAxis } = shapeSpec;
  if (buffer === "sbuf" || buffer === "psum") {
    return wholeTensor(fullView(m.allocOnChip(name || buffer, buffer === "sbuf" ? Memory.Sbuf : Memory.Psum, shape, d, partitionAxis)));
  }
  if (buffer === "shared_hbm") {
    const k = run.sharedCreated++;
    const prev = run.sharedHbm[k];
    if (prev && prev.shape.length === shape.length && prev.shape.every((s, i) => s === shape[i]) && prev.dtype === d) return wholeTensor(fullView(prev));
    const b = m.allocHbm(name || `output${k}`, shape, d, AllocKind.KernelOutput);
    run.sharedHbm[k] = b;
    return wholeTensor(fullView(b));
  }
  return wholeTensor(fullView(m.allocHbm(name || buffer, shape, d, AllocKind.Hbm)));
}

function fill(run: KernelRun, spec: { shape: number[]; partitionAxis: number }, value: number, d: DTypeInfo, buffer: string): NkiTensor {
  const mem = buffer === "psum" ? Memory.Psum : buffer === "sbuf" ? Memory.Sbuf : Memory.Hbm;
  return wholeTensor(L.full(run.m, mem, spec.shape, value, d, spec.partitionAxis));
}

/** The ALU operator a Python value names: an nl function (`nl.add`), a numpy ufunc or function (`np.add`, `np.max`), or a string. */
export function operatorName(v: PyValue | undefined): string {
  if (typeof v === "string") return v;
  if (v instanceof PyBuiltin) return v.name;
  if (v instanceof PyUFunc) return v.name;
  throw E.typeError("op must be an operator such as nl.add or np.add");
}

function numberArg(v: PyValue | undefined | number): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof PyFloat) return v.v;
  throw E.typeError("expected a number");
}

// ---------------------------------------------------------------- memory

function load(run: KernelRun, src: NkiTensor, maskV: PyValue | undefined, d: DTypeInfo | null): NkiTensor {
  const { m } = run;
  const s = src.view;
  const mask = maskFor(maskV, s.shape);
  checkAccess(m, src, mask, "load");
  const issue = (into: View | null): View => {
    if (!mask) return L.load(m, s, { dtype: d, out: into ?? overwrittenLoadTile(m, s, d) });
    if (s.buffer.memory !== Memory.Hbm) nkiError("err_unsupported_memory", "load: source must be in HBM", m.location);
    const dst = into ?? fullView(m.allocOnChip("load", Memory.Sbuf, s.shape, d ?? s.buffer.dtype));
    dmaCopy(m, dst, s, { mask, oobMode: "skip" });
    return dst;
  };
  // Deferred only when issuing cannot fail, so every diagnostic is still raised by the call itself.
  if (!loadCannotFail(m, s, mask !== null, d)) return wholeTensor(issue(null));
  return deferredTensor(m, { kind: "write", issue, fits: (dst) => loadFits(s, d, dst) }, () => wholeAccess(s.shape));
}

/**
 * The fresh SBUF tile of an unmasked nl.load of an HBM window: the DMA writes every element (or raises
 * before the tile escapes), so its storage is not marked uninitialised first. Null for other sources,
 * which the lowering rejects before allocating anything.
 */
function overwrittenLoadTile(m: Machine, src: View, d: DTypeInfo | null): View | null {
  if (src.buffer.memory !== Memory.Hbm) return null;
  return fullView(m.allocOnChip("load", Memory.Sbuf, src.shape, d ?? src.buffer.dtype, 0, undefined, true));
}

/** Whether nl.load of `src` into a fresh SBUF tile passes every check (source memory, bounds, allocation). */
function loadCannotFail(m: Machine, src: View, masked: boolean, d: DTypeInfo | null): boolean {
  const parts = src.shape[0];
  if (src.buffer.memory !== Memory.Hbm || src.buffer.released || parts === undefined || parts > m.target.partitions) return false;
  const bytesPerPartition = (viewSize(src) / Math.max(1, parts)) * (d ?? src.buffer.dtype).size;
  return bytesPerPartition <= m.sbuf.capacity && (masked || inBounds(src));
}

/**
 * `dst[...] = nl.load(src)` is one DMA into dst when dst is an SBUF tile view of the load's shape
 * (partition dim first) and, with `dtype=`, of that dtype; otherwise the load fills a fresh tile
 * that is copied.
 */
function loadFits(src: View, d: DTypeInfo | null, dst: View): boolean {
  const b = dst.buffer;
  if (b.memory !== Memory.Sbuf || b.released || dst.partitionAxis !== 0 || (d !== null && d !== b.dtype)) return false;
  return dst.shape.length === src.shape.length && dst.shape.every((n, k) => n === src.shape[k]) && inBounds(dst);
}

function store(run: KernelRun, dst: NkiTensor, value: PyValue | undefined, maskV: PyValue | undefined): void {
  const { m } = run;
  const mask = maskFor(maskV, dst.view.shape);
  checkAccess(m, dst, mask, "store");
  const v = value instanceof NkiTensor ? value.view : null;
  if (!v) throw E.typeError("store: value must be a tile");
  if (!mask) {
    L.store(m, dst.view, v);
    return;
  }
  if (v.buffer.memory === Memory.Psum || dst.view.buffer.memory !== Memory.Hbm) {
    L.store(m, dst.view, v, mask);
    return;
  }
  dmaCopy(m, dst.view, v, { mask, oobMode: "skip" });
}

// ---------------------------------------------------------------- loops

function loop(kind: LoopKind, name: string) {
  return nativeFunction(name, (args: PyValue[], kw: Kwargs | null, rt: Runtime) => {
    const [a, b, c] = parseArgs(name, args, kw, { names: ["start", "stop", "step"], required: 1 });
    const start = b === undefined ? 0 : intArg(a, rt);
    const stop = b === undefined ? intArg(a, rt) : intArg(b, rt);
    const step = intArg(c, rt, 1);
    if (step === 0) throw E.valueError(`${name}() arg 3 must not be zero`);
    const trip = Math.max(0, Math.ceil((stop - start) / step));
    const run = activeRun(rt);
    function* iterate(): Generator<PyValue> {
      if (run) {
        run.m.beginLoop(kind, trip);
        run.openLoops++;
      }
      for (let i = 0; i < trip; i++) {
        if (run) run.m.setIteration(i);
        yield start + i * step;
      }
      if (run) {
        run.m.endLoop();
        run.openLoops--;
      }
    }
    return rt.makeIterator(iterate());
  });
}

// ---------------------------------------------------------------- mgrid

/** `nl.mgrid[0:128, 0:512]`: one index expression per dimension, unpackable, with `.p` / `.x`. */
export class MGrid extends PyObject {
  constructor(readonly exprs: readonly IndexExpr[]) {
    super(mgridType);
  }
}
const mgridType = defineNativeType<MGrid>({
  name: "mgrid_result",
  module: "neuronxcc.nki.language",
  instanceOf: MGrid,
  methods: {
    __iter__: (s, _a, _k, rt) => rt.makeIterator(s.exprs),
    __len__: (s) => s.exprs.length,
    __getitem__: (s, [k], _kw, rt) => s.exprs[rt.index(k, s.exprs.length, "mgrid")],
    __repr__: (s) => `mgrid(${s.exprs.length} dims)`,
  },
  getters: {
    p: (s) => s.exprs[0],
    x: (s) => {
      if (s.exprs.length < 2) throw E.attributeError("a 1-D mgrid has no free dimension 'x'");
      return s.exprs[1];
    },
  },
});

class MGridFactory extends PyObject {
  constructor() {
    super(mgridFactoryType);
  }
}
const mgridFactoryType = defineNativeType<MGridFactory>({
  name: "mgrid",
  module: "neuronxcc.nki.language",
  instanceOf: MGridFactory,
  methods: {
    __getitem__: (_s, [key], _kw, rt) => {
      const items = key instanceof PyTuple ? key.items : [key];
      const n = items.length;
      return new MGrid(
        items.map((it, d) => {
          if (!(it instanceof PySlice)) throw E.typeError("nl.mgrid takes slices: nl.mgrid[0:128, 0:512]");
          const start = it.start === None ? 0 : intArg(it.start, rt);
          const stop = intArg(it.stop, rt);
          const step = it.step === None ? 1 : intArg(it.step, rt);
          const shape = items.map((_, k) => (k === d ? Math.max(0, Math.ceil((stop - start) / step)) : 1));
          return new IndexExpr({ shape, base: start, coeffs: items.map((_, k) => (k === d ? step : 0)) });
        }).slice(0, n),
      );
    },
  },
});

/**
 * `nl.tile_size`: the trn2 (default target) tile limits. They are the same on trn1 and trn3 for the
 * legacy fields this exposes (pmax 128, psum_fmax 512, gemm stationary 128 / moving 512).
 */
class TileSize extends PyObject {
  constructor() {
    super(tileSizeType);
  }
}
const tileSizeType = defineNativeType<TileSize>({
  name: "tile_size",
  module: "neuronxcc.nki.language",
  instanceOf: TileSize,
  classAttrs: { pmax: 128, psum_fmax: 512, gemm_stationary_fmax: 128, gemm_moving_fmax: 512 },
});

// ---------------------------------------------------------------- math

const BINARY = ["add", "subtract", "multiply", "divide", "maximum", "minimum", "power", "equal", "not_equal", "greater", "greater_equal",
  "less", "less_equal", "logical_and", "logical_or", "logical_xor", "bitwise_and", "bitwise_or", "bitwise_xor", "left_shift", "right_shift", "mod", "fmod"];
const UNARY = ["exp", "log", "tanh", "sigmoid", "relu", "gelu", "gelu_dx", "gelu_apprx_tanh", "gelu_apprx_sigmoid", "silu", "silu_dx", "erf",
  "erf_dx", "softplus", "mish", "sqrt", "rsqrt", "sin", "cos", "tan", "arctan", "sign", "abs", "square", "reciprocal", "negative", "floor",
  "ceil", "trunc", "invert", "bitwise_not", "logical_not"];
const REDUCTIONS = ["sum", "max", "min", "prod", "all"];

function viewArg(v: PyValue | undefined, what: string): View {
  return tensorArg(v, what).view;
}

function axesArg(v: PyValue | undefined, rt: Runtime): number | number[] {
  if (v instanceof PyTuple || v instanceof PyList) return v.items.map((x) => intArg(x, rt));
  return intArg(v, rt);
}

export function initLanguage(mod: PyModule): void {
  for (const b of BUFFERS) mod.set(b.name, b);
  for (const name of ["float32", "bfloat16", "float16", "float8_e4m3", "float8_e5m2", "int32", "uint32", "int16", "uint16", "int8", "uint8"]) {
    const t = scalarTypes.get(name);
    if (t) mod.set(name, t);
  }
  const boolT = scalarTypes.get("bool");
  if (boolT) mod.set("bool_", boolT);
  mod.set("mgrid", new MGridFactory());
  mod.set("finfo", finfoType);
  mod.set("tile_size", new TileSize());
  mod.set("par_dim", nativeFunction("par_dim", (args, kw, rt) => new ParDim(intArg(parseArgs("par_dim", args, kw, { names: ["size"], required: 1 })[0], rt))));
  mod.set("affine_range", loop(LoopKind.Affine, "affine_range"));
  mod.set("sequential_range", loop(LoopKind.Sequential, "sequential_range"));
  mod.set("static_range", loop(LoopKind.Static, "static_range"));

  def(mod, "arange", ["start", "stop"], 1, ([a, b], rt) => (b === undefined || b === None ? newArange(0, intArg(a, rt)) : newArange(intArg(a, rt), intArg(b, rt))));
  def(mod, "ds", ["start", "size"], 2, ([a, b], rt) => {
    const start = intArg(a, rt);
    return new PySlice(start, start + intArg(b, rt), None);
  });
  def(mod, "program_id", ["axis"], 1, ([a], rt) => {
    const run = requireRun(rt, "nl.program_id");
    const axis = intArg(a, rt);
    if (axis < 0 || axis >= Math.max(1, run.grid.length)) throw E.valueError(`program_id: axis ${axis} is outside the launch grid of ${run.grid.length} dims`);
    return run.coords[axis] ?? 0;
  });
  def(mod, "num_programs", ["axes"], 0, ([a], rt) => {
    const run = requireRun(rt, "nl.num_programs");
    if (a === undefined || a === None) return run.grid.reduce((x, y) => x * y, 1);
    return run.grid[intArg(a, rt)] ?? 1;
  });
  def(mod, "program_ndim", [], 0, (_s, rt) => requireRun(rt, "nl.program_ndim").grid.length);

  def(mod, "ndarray", ["shape", "dtype", "buffer", "name"], 2, ([s, d, b, n], rt) =>
    create(requireRun(rt, "nl.ndarray"), shapeArg(s, rt), simDtypeOf(d) as DTypeInfo, bufferArg(b), typeof n === "string" ? n : ""));
  for (const [name, value] of [["zeros", 0], ["ones", 1]] as const) {
    def(mod, name, ["shape", "dtype", "buffer", "name"], 2, ([s, d, b], rt) =>
      fill(requireRun(rt, `nl.${name}`), shapeArg(s, rt), value, simDtypeOf(d) as DTypeInfo, bufferArg(b)));
  }
  def(mod, "full", ["shape", "fill_value", "dtype", "buffer", "name"], 3, ([s, v, d, b], rt) =>
    fill(requireRun(rt, "nl.full"), shapeArg(s, rt), numberArg(v), simDtypeOf(d) as DTypeInfo, bufferArg(b)));

  def(mod, "load", ["src", "mask", "dtype"], 1, ([src, mask, d], rt) => load(requireRun(rt, "nl.load"), tensorArg(src, "load: src"), mask, simDtypeOf(d)));
  def(mod, "store", ["dst", "value", "mask"], 2, ([dst, value, mask], rt) => {
    store(requireRun(rt, "nl.store"), tensorArg(dst, "store: dst"), value, mask);
    return None;
  });
  def(mod, "copy", ["src", "mask", "dtype"], 1, ([src, mask, d], rt) => {
    const run = requireRun(rt, "nl.copy");
    const x = viewArg(src, "copy: src");
    return copyValue(run.m, x, { mask: maskFor(mask, x.shape), dtype: simDtypeOf(d) });
  });

  for (const op of BINARY) {
    const f = nativeFunction(op, (args: PyValue[], kw: Kwargs | null, rt: Runtime) => {
      const [x, y, d, mask] = parseArgs(op, args, kw, { names: ["x", "y", "dtype", "mask"], required: 2 });
      return nkiGuard(() => {
        const m = requireRun(rt, `nl.${op}`).m;
        const a = operand(x as PyValue);
        const b = operand(y as PyValue);
        if (!a || !b) throw E.typeError(`nl.${op}: operands must be tiles or numbers`);
        const shape = "buffer" in a ? a.shape : "buffer" in b ? b.shape : [];
        return binaryValue(m, op, a, b, { dtype: simDtypeOf(d), mask: maskFor(mask, shape) });
      });
    });
    mod.set(op, f);
  }
  for (const op of UNARY) {
    const f = nativeFunction(op, (args: PyValue[], kw: Kwargs | null, rt: Runtime) => {
      const [x, d, mask] = parseArgs(op, args, kw, { names: ["x", "dtype", "mask"], required: 1 });
      return nkiGuard(() => {
        const m = requireRun(rt, `nl.${op}`).m;
        const v = viewArg(x, `nl.${op}: x`);
        return unaryValue(m, op, v, { dtype: simDtypeOf(d), mask: maskFor(mask, v.shape) });
      });
    });
    mod.set(op, f);
  }
  for (const op of [...REDUCTIONS, "mean"]) {
    def(mod, op, ["x", "axis", "dtype", "mask", "keepdims"], 2, ([x, a, d, mask, k], rt) => {
      const m = requireRun(rt, `nl.${op}`).m;
      const v = viewArg(x, `nl.${op}: x`);
      const ax = axesArg(a, rt);
      const opts = { dtype: simDtypeOf(d), mask: maskFor(mask, v.shape), keepdims: k === true };
      const issue = (into: View | null): View => (op === "mean" ? L.mean(m, v, ax, { ...opts, out: into }) : L.reduce(m, op, v, ax, { ...opts, out: into }));
      return reduceValue(m, op, v, typeof ax === "number" ? [ax] : ax, opts, issue);
    });
  }
  def(mod, "var", ["x", "axis", "dtype", "mask"], 2, ([x, a, d], rt) =>
    wholeTensor(L.variance(requireRun(rt, "nl.var").m, viewArg(x, "nl.var: x"), axesArg(a, rt), { dtype: simDtypeOf(d) })));
  def(mod, "softmax", ["x", "axis", "dtype", "compute_dtype", "mask"], 1, ([x, , d], rt) =>
    wholeTensor(L.softmax(requireRun(rt, "nl.softmax").m, viewArg(x, "nl.softmax: x"), { dtype: simDtypeOf(d) })));
  def(mod, "rms_norm", ["x", "w", "axis", "n", "epsilon", "dtype", "compute_dtype", "mask"], 4, ([x, w, , n, eps, d], rt) =>
    wholeTensor(L.rmsNorm(requireRun(rt, "nl.rms_norm").m, viewArg(x, "x"), viewArg(w, "w"), intArg(n, rt), eps === undefined ? 1e-6 : numberArg(eps), { dtype: simDtypeOf(d) })));
  def(mod, "matmul", ["x", "y", "transpose_x", "mask"], 2, ([x, y, tx], rt) =>
{
    const m = requireRun(rt, "nl.matmul").m;
    const a = viewArg(x, "nl.matmul: x");
    const b = viewArg(y, "nl.matmul: y");
    return deferredTensor(m, { kind: "matmul", issue: (into) => L.matmul(m, a, b, { transposeX: tx === true, accumulateInto: into }) });
  });
  def(mod, "transpose", ["x", "dtype", "mask"], 1, ([x, d, mask], rt) => {
    const v = viewArg(x, "nl.transpose: x");
    return wholeTensor(L.transpose(requireRun(rt, "nl.transpose").m, v, { dtype: simDtypeOf(d), mask: maskFor(mask, [v.shape[1] ?? 1, v.shape[0]]) }));
  });
  def(mod, "load_transpose2d", ["src", "mask", "dtype"], 1, ([src, mask, d], rt) => {
    const x = tensorArg(src, "load_transpose2d: src");
    const m = requireRun(rt, "nl.load_transpose2d").m;
    checkAccess(m, x, null, "load_transpose2d");
    return wholeTensor(L.loadTranspose2d(m, x.view, { dtype: simDtypeOf(d), mask: maskFor(mask, [x.view.shape[1] ?? 1, x.view.shape[0]]) }));
  });
  def(mod, "static_cast", ["data", "dtype", "mask"], 2, ([x, d, mask], rt) => {
    const v = viewArg(x, "static_cast: data");
    return wholeTensor(L.copy(requireRun(rt, "nl.static_cast").m, v, { dtype: simDtypeOf(d), mask: maskFor(mask, v.shape) }));
  });
  for (const [name, value] of [["zeros_like", 0], ["ones_like", 1], ["empty_like", null]] as const) {
    def(mod, name, ["a", "dtype", "buffer", "name"], 1, ([a, d, b], rt) => {
      const run = requireRun(rt, `nl.${name}`);
      const v = viewArg(a, `nl.${name}: a`);
      const spec = { shape: [...v.shape], partitionAxis: 0 };
      const dt = simDtypeOf(d) ?? v.buffer.dtype;
      const buffer = b === undefined || b === None ? (v.buffer.memory === Memory.Hbm ? "hbm" : v.buffer.memory === Memory.Psum ? "psum" : "sbuf") : bufferArg(b);
      return value === null ? create(run, spec, dt, buffer, "") : fill(run, spec, value, dt, buffer);
    });
  }
  def(mod, "broadcast_to", ["src", "shape"], 2, ([x, sh], rt) =>
    wholeTensor(broadcastTile(requireRun(rt, "nl.broadcast_to").m, viewArg(x, "broadcast_to: src"), shapeArg(sh, rt).shape)));
  def(mod, "expand_dims", ["data", "axis"], 2, ([x, a], rt) => new NkiTensor(expandDims(tensorArg(x, "expand_dims: data").view, intArg(a, rt)), null));
  def(mod, "nc", ["n"], 1, ([n], rt) => intArg(n, rt));
  mod.set("spmd_dim", nativeFunction("spmd_dim", (args: PyValue[], _kw: Kwargs | null, rt: Runtime) => args.reduce<number>((p, x) => p * intArg(x, rt), 1)));
  def(mod, "device_print", ["prefix", "x"], 2, ([p, x], rt) => {
    requireRun(rt, "nl.device_print");
    const v = viewArg(x, "device_print: x");
    const run = requireRun(rt, "nl.device_print");
    const values = run.m.functional ? Array.from(run.m.hostRead(v)) : [];
    rt.stdout(`${rt.str(p as PyValue)} ${JSON.stringify(v.shape)} ${values.slice(0, 64).join(" ")}${values.length > 64 ? " ..." : ""}\n`);
    return None;
  });
  def(mod, "atomic_rmw", ["dst", "value", "op", "mask"], 3, ([dst, value, op, mask], rt) => {
    const m = requireRun(rt, "nl.atomic_rmw").m;
    const d = tensorArg(dst, "atomic_rmw: dst");
    const msk = maskFor(mask, d.view.shape);
    checkAccess(m, d, msk, "atomic_rmw");
    L.atomicRmw(m, d.view, viewArg(value, "atomic_rmw: value"), operatorName(op), msk);
    return None;
  });
  def(mod, "random_seed", ["seed", "mask"], 1, ([seed], rt) => {
    const m = requireRun(rt, "nl.random_seed").m;
    randomSeed(m, seed instanceof NkiTensor ? numberArg(Array.from(m.hostRead(seed.view))[0]) : intArg(seed, rt));
    return None;
  });
  def(mod, "rand", ["shape", "dtype", "buffer", "name"], 1, ([s, d], rt) => {
    const run = requireRun(rt, "nl.rand");
    const spec = shapeArg(s, rt);
    const dst = fullView(run.m.allocOnChip("rand", Memory.Sbuf, spec.shape, simDtypeOf(d) ?? simDtype("float32"), spec.partitionAxis));
    rand(run.m, dst);
    return wholeTensor(dst);
  });
  def(mod, "dropout", ["x", "rate", "dtype", "mask"], 2, ([x, r, d, mask], rt) => {
    const run = requireRun(rt, "nl.dropout");
    const v = viewArg(x, "dropout: x");
    const dst = fullView(run.m.allocOnChip("dropout", Memory.Sbuf, v.shape, simDtypeOf(d) ?? v.buffer.dtype));
    dropout(run.m, dst, v, r instanceof NkiTensor ? r.view : numberArg(r), maskFor(mask, v.shape));
    return wholeTensor(dst);
  });
  for (const name of ["all_reduce", "loop_reduce", "gather_flattened", "shared_constant", "shared_identity_matrix"]) {
    mod.set(name, nativeFunction(name, () => {
      throw E.notImplementedError(`nl.${name} is not implemented in Kernel Lab's simulator yet`);
    }));
  }
  def(mod, "where", ["condition", "x", "y", "dtype", "mask"], 3, ([c, x, y, d], rt) => {
    const b = operand(y as PyValue);
    if (!b) throw E.typeError("nl.where: y must be a tile or a number");
    return wholeTensor(L.where(requireRun(rt, "nl.where").m, viewArg(c, "condition"), viewArg(x, "x"), b, { dtype: simDtypeOf(d) }));
  });
}
