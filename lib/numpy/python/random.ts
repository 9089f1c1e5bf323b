/**
 * numpy.random for the Python engine, over lib/numpy/random's bit-exact streams: RandomState (the
 * legacy MT19937 API; the module-level functions are the methods of one hidden instance per
 * interpreter, as in numpy) and default_rng's Generator.
 */
import { DTYPES, type DType } from "../dtypes";
import { NDArray, assign, astype, broadcastTo, contiguousData, copyArray, fromStorage, itemValue, shapeRepr } from "../ndarray";
import * as S from "../shape";
import { binary } from "../ufuncs";
import { getItem } from "../indexing";
import { take } from "../selection";
import { LegacyRandomState, Generator, defaultRng, type IntDTypeName, type LegacyState, type Param, type Samplers as SharedSamplers } from "../random";
import * as E from "../../python/runtime/errors";
import { defineNativeType, nativeFunction } from "../../python/runtime/define";
import { parseArgs } from "../../python/runtime/binding";
import { None, PyBaseException, PyDict, PyFloat, PyList, PyModule, PyObject, PyTuple, typeOf, type Kwargs, type NativeMethodImpl, type PyValue } from "../../python/runtime/objects";
import type { NativeModuleDef, Runtime } from "../../python/runtime/runtime";
import { PyNDArray, guard, toArray, toBool, toDtype, toFloat, toInt, toShape } from "./convert";
import { pyElement, wrap, wrapArray } from "./types";

type Slots = (PyValue | undefined)[];

function sizeOf(v: PyValue | undefined, rt: Runtime): number[] | null {
  if (v === undefined || v === None) return null;
  return toShape(v, rt);
}

function count(shape: number[] | null, rt: Runtime): number {
  if (shape !== null && shape.some((d) => d < 0)) throw E.valueError("negative dimensions are not allowed");
  const n = shape === null ? 1 : shape.reduce((p, d) => p * d, 1);
  rt.charge(n * 8);
  return n;
}

/** Doubles -> a Python float (size None) or a float64 array of `shape`. */
function floats(data: Float64Array, shape: number[] | null): PyValue {
  if (shape === null) return new PyFloat(data[0]);
  return wrapArray(fromStorage(DTYPES.float64, shape, data));
}

function ints(data: Float64Array, shape: number[] | null, dtype: DType, scalarAsPyInt: boolean): PyValue {
  const a = astype(fromStorage(DTYPES.int64, shape ?? [], data), dtype);
  if (shape === null) return scalarAsPyInt ? pyElement(dtype, itemValue(a, 0)) : wrap(a);
  return wrapArray(a);
}

function intDtype(v: PyValue | undefined): DType {
  const d = toDtype(v) ?? DTYPES.int64;
  if (!d.isInteger && d.kind !== "b") throw E.typeError(`Unsupported dtype ${d.name} for randint`);
  return d;
}

function intBound(v: PyValue, rt: Runtime): number | bigint {
  return typeof v === "bigint" ? v : toInt(v, rt);
}

function pValues(p: PyValue | undefined, rt: Runtime): Float64Array | undefined {
  if (p === undefined || p === None) return undefined;
  return Float64Array.from(contiguousData(toArray(p, rt, DTYPES.float64)));
}

function isArrayLike(v: PyValue | undefined): boolean {
  return v instanceof PyList || v instanceof PyTuple || (v instanceof PyNDArray && v.arr.ndim > 0);
}

// ---- choice, shuffle, permutation ----------------------------------------------------------------

type ChoiceDraw = (popSize: number, n: number, replace: boolean, p?: Float64Array) => Float64Array;

/** choice's population: an int (draw indices) or an array sampled along `axis` (legacy: 1-d only). */
function choicePopulation(a: PyValue, axisArg: PyValue | undefined, generator: boolean, rt: Runtime): { array: NDArray | null; size: number; axis: number } {
  const arr = typeof a === "number" || typeof a === "bigint" ? null : toArray(a, rt);
  if (arr === null || arr.ndim === 0) {
    if (arr !== null && !arr.dtype.isInteger) {
      throw E.valueError(generator ? `a must be a sequence or an integer, not <class '${typeOf(a).name}'>` : "a must be 1-dimensional or an integer");
    }
    return { array: null, size: arr === null ? toInt(a, rt) : arr.getFlat(0), axis: 0 };
  }
  if (!generator && arr.ndim !== 1) throw E.valueError("a must be 1-dimensional");
  const axis = axisArg === undefined ? 0 : toInt(axisArg, rt);
  // numpy reads a.shape[axis], so a bad axis is a tuple IndexError.
  if (axis >= arr.ndim || axis < -arr.ndim) throw E.indexError("tuple index out of range");
  const ax = axis < 0 ? axis + arr.ndim : axis;
  return { array: arr, size: arr.shape[ax], axis: ax };
}

/** choice(a, size, replace, p[, axis]): draws indices, then takes them from `a` along the axis. */
function choice(draw: ChoiceDraw, s: Slots, rt: Runtime, generator: boolean): PyValue {
  const [a, size, replace, p, axisArg] = s;
  const pop = choicePopulation(a as PyValue, axisArg, generator, rt);
  const shape = sizeOf(size, rt);
  const n = count(shape, rt);
  if (pop.array !== null && pop.size === 0 && n > 0) {
    throw E.valueError(`${generator ? "a" : "'a'"} cannot be empty unless no samples are taken`);
  }
  const idx = guard(() => draw(pop.size, n, toBool(replace, rt, true), pValues(p, rt)), rt);
  if (pop.array === null) return ints(idx, shape, DTYPES.int64, true);
  const from = pop.array;
  const picked = guard(() => take(from, fromStorage(DTYPES.int64, shape ?? [], idx), pop.axis), rt);
  return shape === null ? wrap(picked) : wrapArray(picked);
}

/** In-place shuffle of a Python list or an array's first axis. */
function shuffleInto(swaps: (n: number, swap: (i: number, j: number) => void) => void, x: PyValue): PyValue {
  if (x instanceof PyList) {
    swaps(x.items.length, (i, j) => {
      const t = x.items[i];
      x.items[i] = x.items[j];
      x.items[j] = t;
    });
    return None;
  }
  if (!(x instanceof PyNDArray)) throw E.typeError("shuffle() argument must be a list or an array");
  const a = x.arr;
  guard(() => {
    const row = (i: number): NDArray => getItem(a, [{ kind: "int", value: i }]);
    swaps(a.shape[0], (i, j) => {
      const ri = row(i);
      const rj = row(j);
      const tmp = copyArray(ri);
      assign(ri, rj);
      assign(rj, tmp);
    });
  });
  return None;
}

/** permutation(x): a shuffled arange(x) for an integer (empty when x <= 0), else a shuffled copy. */
function permutation(x: PyValue, range: (n: number) => Float64Array, swaps: (n: number, swap: (i: number, j: number) => void) => void, rt: Runtime): PyValue {
  const isInt = typeof x === "number" || typeof x === "bigint" || (x instanceof PyNDArray && x.arr.ndim === 0 && x.arr.dtype.isInteger);
  if (isInt) {
    const n = Math.max(toInt(x, rt), 0);
    return wrapArray(fromStorage(DTYPES.int64, [n], range(n)));
  }
  const src = toArray(x, rt);
  const copy = wrapArray(astype(src, src.dtype));
  shuffleInto(swaps, copy);
  return copy;
}

// ---- normal / uniform ---------------------------------------------------------------------------

function rsDraw(d: Float64Array): NDArray {
  return fromStorage(DTYPES.float64, [d.length], d);
}

/**
 * normal/uniform with scalar or array parameters. Array parameters broadcast (with `size` when
 * given); numpy draws one variate per output element in C order, so the stream is the same as
 * for scalar parameters.
 */
function twoParam(
  a: PyValue | undefined,
  b: PyValue | undefined,
  da: number,
  db: number,
  size: PyValue | undefined,
  rt: Runtime,
  scalar: (a: number, b: number, n: number) => Float64Array,
  arrays: (a: NDArray, b: NDArray) => NDArray,
  nonNegative: string | null,
): PyValue {
  const shape = sizeOf(size, rt);
  if (!isArrayLike(a) && !isArrayLike(b)) {
    return floats(guard(() => scalar(a === undefined ? da : toFloat(a, rt), b === undefined ? db : toFloat(b, rt), count(shape, rt)), rt), shape);
  }
  return guard(() => {
    const pa = toArray(a === undefined ? new PyFloat(da) : a, rt, DTYPES.float64);
    const pb = toArray(b === undefined ? new PyFloat(db) : b, rt, DTYPES.float64);
    const bshape = shape ?? broadcastParams([pa.shape, pb.shape]);
    const A = broadcastTo(pa, bshape);
    const B = broadcastTo(pb, bshape);
    if (nonNegative !== null) for (let i = 0; i < B.size; i++) if (B.getFlat(i) < 0) throw E.valueError(`${nonNegative} < 0`);
    count(bshape, rt);
    return wrapArray(S.reshape(arrays(S.ravel(A), S.ravel(B)), bshape));
  }, rt);
}

// ---- the distributions (numpy's cont/disc) --------------------------------------------------------

/** A sampler parameter as numpy reads it: a float, or (array-like) a float64 array. */
type ParamValue = number | NDArray;

function floatParam(v: PyValue | undefined, dflt: number, rt: Runtime): ParamValue {
  if (v === undefined) return dflt;
  return isArrayLike(v) ? toArray(v, rt, DTYPES.float64) : toFloat(v, rt);
}

/** binomial's n: numpy converts it to a C long, truncating floats (and -0.5 to a harmless 0). */
function trialsParam(v: PyValue, rt: Runtime): ParamValue {
  const trunc = (x: number): number => Math.trunc(x) + 0;
  if (isArrayLike(v)) {
    const a = toArray(v, rt, DTYPES.float64);
    return fromStorage(DTYPES.float64, a.shape, Float64Array.from(contiguousData(a), trunc));
  }
  if (v instanceof PyFloat) return trunc(v.v);
  if (typeof v === "bigint" && (v >= 2n ** 63n || v < -(2n ** 63n))) throw E.overflowError("Python int too large to convert to C long");
  return toInt(v, rt);
}

/**
 * The broadcast shape of sampler arguments, failing like numpy's multi-iterator: the first axis (from
 * the left) where two arguments disagree names both.
 */
function broadcastParams(shapes: (readonly number[])[]): number[] {
  const nd = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(nd).fill(1);
  for (let i = 0; i < nd; i++) {
    let src = 0;
    for (let j = 0; j < shapes.length; j++) {
      const s = shapes[j];
      const k = i + s.length - nd;
      if (k < 0 || s[k] === 1) continue;
      if (out[i] === 1) {
        out[i] = s[k];
        src = j;
      } else if (out[i] !== s[k]) {
        throw E.valueError(
          `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg ${src} with shape ${shapeRepr(shapes[src])} and arg ${j} with shape ${shapeRepr(s)}.`,
        );
      }
    }
  }
  return out;
}

/** The output shape for array parameters: their broadcast, which must equal `size` when given. */
function outputShape(shapes: (readonly number[])[], size: number[] | null): number[] {
  if (size === null) return broadcastParams(shapes);
  const shape = broadcastParams([size, ...shapes]);
  if (shapeRepr(shape) !== shapeRepr(size)) {
    throw E.valueError(`Output size ${shapeRepr(size)} is not compatible with broadcast dimensions of inputs ${shapeRepr(shape)}.`);
  }
  return shape;
}

function flat(a: NDArray): Float64Array {
  return Float64Array.from(contiguousData(a));
}

type Draw = (params: Param[], n: number) => Float64Array;

/**
 * numpy's cont/disc: scalar parameters give count(size) draws (a Python scalar for size None). With
 * any array parameter, all are first validated as given (a zero-count draw only validates, as numpy
 * checks before broadcasting), then broadcast together and with size, one draw per output element in
 * C order, so the stream is the same as for scalars.
 */
function sample(params: ParamValue[], size: PyValue | undefined, rt: Runtime, draw: Draw, discrete = false): PyValue {
  const shape = sizeOf(size, rt);
  const result = (data: Float64Array, s: number[] | null): PyValue => (discrete ? ints(data, s, DTYPES.int64, true) : floats(data, s));
  if (params.every((p) => typeof p === "number")) {
    return result(guard(() => draw(params as number[], count(shape, rt)), rt), shape);
  }
  const arrays = params.map((p) => (typeof p === "number" ? Float64Array.of(p) : flat(p)));
  guard(() => draw(arrays, 0), rt);
  const out = outputShape(
    params.map((p) => (typeof p === "number" ? [] : p.shape)),
    shape,
  );
  const n = count(out, rt);
  const values = params.map((p) => (typeof p === "number" ? p : flat(broadcastTo(p, out))));
  return result(guard(() => draw(values, n), rt), out);
}

/** RandomState and Generator: both hold the shared samplers. */
interface Samplers {
  readonly samplers: SharedSamplers;
}

interface MethodSpec<T> {
  names: string[];
  required: number;
  impl: (self: T, s: Slots, rt: Runtime, args: PyValue[]) => PyValue;
  /** rand(2, 3)-style: the implementation gets the raw positional arguments. */
  varargs?: boolean;
}

const SAMPLER_METHODS: Record<string, MethodSpec<Samplers>> = {
  exponential: {
    names: ["scale", "size"],
    required: 0,
    impl: (d, [scale, size], rt) => sample([floatParam(scale, 1, rt)], size, rt, ([s], n) => d.samplers.exponential(s, n)),
  },
  gamma: {
    names: ["shape", "scale", "size"],
    required: 1,
    impl: (d, [shape, scale, size], rt) =>
      sample([floatParam(shape, 0, rt), floatParam(scale, 1, rt)], size, rt, ([k, s], n) => d.samplers.gamma(k, s, n)),
  },
  beta: {
    names: ["a", "b", "size"],
    required: 2,
    impl: (d, [a, b, size], rt) => sample([floatParam(a, 0, rt), floatParam(b, 0, rt)], size, rt, ([x, y], n) => d.samplers.beta(x, y, n)),
  },
  lognormal: {
    names: ["mean", "sigma", "size"],
    required: 0,
    impl: (d, [mean, sigma, size], rt) =>
      sample([floatParam(mean, 0, rt), floatParam(sigma, 1, rt)], size, rt, ([m, s], n) => d.samplers.lognormal(m, s, n)),
  },
  laplace: {
    names: ["loc", "scale", "size"],
    required: 0,
    impl: (d, [loc, scale, size], rt) =>
      sample([floatParam(loc, 0, rt), floatParam(scale, 1, rt)], size, rt, ([l, s], n) => d.samplers.laplace(l, s, n)),
  },
  poisson: {
    names: ["lam", "size"],
    required: 0,
    impl: (d, [lam, size], rt) => sample([floatParam(lam, 1, rt)], size, rt, ([l], n) => d.samplers.poisson(l, n), true),
  },
  // numpy validates and broadcasts p before n.
  multinomial: {
    names: ["n", "pvals", "size"],
    required: 2,
    impl: (d, [trials, pvals, size], rt) => {
      const p = toArray(pvals as PyValue, rt);
      if (p.ndim !== 1) throw E.valueError("object too deep for desired array");
      const shape = [...(sizeOf(size, rt) ?? []), p.size];
      const probs = Float64Array.from({ length: p.size }, (_, i) => p.getFlat(i));
      const rows = count(shape, rt) / Math.max(p.size, 1);
      return wrapArray(fromStorage(DTYPES.int64, shape, guard(() => d.samplers.multinomial(toInt(trials as PyValue, rt), probs, rows), rt)));
    },
  },
  binomial: {
    names: ["n", "p", "size"],
    required: 2,
    impl: (d, [trials, p, size], rt) =>
      sample([floatParam(p, 0, rt), trialsParam(trials as PyValue, rt)], size, rt, ([q, t], n) => d.samplers.binomial(t, q, n), true),
  },
};

/** Generator's dtype argument: float64 only (float32 samplers are not implemented). */
function float64Only(name: string, dtype: PyValue | undefined): void {
  const dt = toDtype(dtype) ?? DTYPES.float64;
  if (dt === DTYPES.float32) throw E.notImplementedError(`${name}(dtype=float32) is not supported in Kernel Lab`);
  if (dt !== DTYPES.float64) throw E.typeError(`Unsupported dtype dtype('${dt.name}') for ${name}`);
}

function noOut(name: string, out: PyValue | undefined): void {
  if (out !== undefined && out !== None) throw E.notImplementedError(`${name}(out=...) is not supported in Kernel Lab`);
}

// ---- Generator ----------------------------------------------------------------------------------

export class PyGenerator extends PyObject {
  constructor(readonly gen: Generator) {
    super(generatorType);
  }
}

/** Argument parsing with the TypeError wording of numpy's Cython methods. */
function parseCython(name: string, args: PyValue[], kw: Kwargs | null, names: string[], required: number): Slots {
  const arity = (n: number, given: number, bound: string): PyBaseException =>
    E.typeError(`${name}() takes ${required === names.length ? "exactly" : bound} ${n} positional argument${n === 1 ? "" : "s"} (${given} given)`);
  if (args.length > names.length) throw arity(names.length, args.length, "at most");
  for (const k of kw?.keys() ?? []) {
    const i = names.indexOf(k);
    if (i < 0) throw E.typeError(`${name}() got an unexpected keyword argument '${k}'`);
    if (i < args.length) throw E.typeError(`${name}() got multiple values for keyword argument '${k}'`);
  }
  const slots = parseArgs(name, args, kw, { names });
  // Cython reports the position of the first missing argument as the count given.
  const missing = slots.findIndex((v, i) => i < required && v === undefined);
  if (missing >= 0) throw arity(required, missing, "at least");
  return slots;
}

function callSpec<S>(name: string, spec: MethodSpec<S>, self: S, args: PyValue[], kw: Kwargs | null, rt: Runtime): PyValue {
  if (spec.varargs) return spec.impl(self, parseCython(name, [], kw, [], 0), rt, args);
  return spec.impl(self, parseCython(name, args, kw, spec.names, spec.required), rt, args);
}

function methodOf<T extends PyObject, S>(name: string, spec: MethodSpec<S>, target: (self: T) => S): NativeMethodImpl<T> {
  return (self, args, kw, rt) => callSpec(name, spec, target(self), args, kw, rt);
}

const GENERATOR_METHODS: Record<string, MethodSpec<Generator>> = {
  ...SAMPLER_METHODS,
  random: {
    names: ["size", "dtype", "out"],
    required: 0,
    impl: (g, [size, dtype], rt) => {
      const shape = sizeOf(size, rt);
      const n = count(shape, rt);
      const dt = toDtype(dtype) ?? DTYPES.float64;
      if (dt === DTYPES.float32) {
        const data = g.randomFloat32(n);
        return shape === null ? new PyFloat(data[0]) : wrapArray(fromStorage(DTYPES.float32, shape, data));
      }
      return floats(g.random(n), shape);
    },
  },
  standard_normal: {
    names: ["size", "dtype", "out"],
    required: 0,
    impl: (g, [size, dtype], rt) => {
      const shape = sizeOf(size, rt);
      const n = count(shape, rt);
      const dt = toDtype(dtype) ?? DTYPES.float64;
      if (dt === DTYPES.float32) {
        const data = g.standardNormalFloat32(n);
        return shape === null ? new PyFloat(data[0]) : wrapArray(fromStorage(DTYPES.float32, shape, data));
      }
      return floats(g.standardNormal(n), shape);
    },
  },
  standard_exponential: {
    names: ["size", "dtype", "method", "out"],
    required: 0,
    impl: (g, [size, dtype, method, out], rt) => {
      float64Only("standard_exponential", dtype);
      noOut("standard_exponential", out);
      const shape = sizeOf(size, rt);
      // numpy takes anything but 'zig' as the inversion method.
      const inverse = method !== undefined && method !== "zig";
      return floats(g.standardExponential(count(shape, rt), inverse), shape);
    },
  },
  standard_gamma: {
    names: ["shape", "size", "dtype", "out"],
    required: 1,
    impl: (g, [shape, size, dtype, out], rt) => {
      float64Only("standard_gamma", dtype);
      noOut("standard_gamma", out);
      return sample([floatParam(shape, 0, rt)], size, rt, ([k], n) => g.samplers.standardGamma(k, n));
    },
  },
  normal: {
    names: ["loc", "scale", "size"],
    required: 0,
    impl: (g, [loc, scale, size], rt) => {
      const shape = sizeOf(size, rt);
      return floats(guard(() => g.normal(loc === undefined ? 0 : toFloat(loc, rt), scale === undefined ? 1 : toFloat(scale, rt), count(shape, rt)), rt), shape);
    },
  },
  uniform: {
    names: ["low", "high", "size"],
    required: 0,
    impl: (g, [lo, hi, size], rt) => {
      const shape = sizeOf(size, rt);
      return floats(guard(() => g.uniform(lo === undefined ? 0 : toFloat(lo, rt), hi === undefined ? 1 : toFloat(hi, rt), count(shape, rt)), rt), shape);
    },
  },
  integers: {
    names: ["low", "high", "size", "dtype", "endpoint"],
    required: 1,
    impl: (g, [lo, hi, size, dtype, endpoint], rt) => {
      const shape = sizeOf(size, rt);
      const dt = intDtype(dtype);
      const data = guard(() =>
        g.integers(intBound(lo as PyValue, rt), hi === undefined || hi === None ? undefined : intBound(hi, rt), count(shape, rt), dt.name as IntDTypeName, toBool(endpoint, rt, false)),
      );
      return ints(data, shape, dt, false);
    },
  },
  choice: {
    names: ["a", "size", "replace", "p", "axis", "shuffle"],
    required: 1,
    impl: (g, s, rt) => choice((pop, n, replace, p) => g.choice(pop, n, replace, p, toBool(s[5], rt, true)), s, rt, true),
  },
  shuffle: {
    names: ["x", "axis"],
    required: 1,
    impl: (g, [x]) => shuffleInto((n, swap) => g.shuffleSwaps(n, swap), x as PyValue),
  },
  permutation: {
    names: ["x", "axis"],
    required: 1,
    impl: (g, [x], rt) => permutation(x as PyValue, (n) => g.permutation(n), (n, swap) => g.shuffleSwaps(n, swap), rt),
  },
};

export const generatorType = defineNativeType<PyGenerator>({
  name: "Generator",
  module: "numpy.random",
  instanceOf: PyGenerator,
  methods: {
    __str__: () => "Generator(PCG64)",
    __repr__: (self, _a, _k, rt) => `Generator(PCG64) at 0x${rt.id(self).toString(16).toUpperCase()}`,
    ...Object.fromEntries(Object.entries(GENERATOR_METHODS).map(([name, spec]) => [name, methodOf(name, spec, (self: PyGenerator) => self.gen)])),
  },
});

// ---- RandomState --------------------------------------------------------------------------------

function seedValue(v: PyValue | undefined, rt: Runtime): number | bigint | (number | bigint)[] {
  // No seed: fresh entropy, as numpy draws from the OS.
  if (v === undefined || v === None) return Array.from(globalThis.crypto.getRandomValues(new Uint32Array(4)));
  if (v instanceof PyList || v instanceof PyTuple) return v.items.map((x) => intBound(x, rt));
  if (v instanceof PyNDArray && v.arr.ndim > 0) return Array.from({ length: v.arr.size }, (_, i) => v.arr.getFlat(i));
  return intBound(v, rt);
}

/** get_state(): numpy's legacy tuple ('MT19937', key, pos, has_gauss, cached_gaussian), or its dict. */
function getState(rs: LegacyRandomState, legacy: boolean, rt: Runtime): PyValue {
  const st = rs.getState();
  const key = wrapArray(fromStorage(DTYPES.uint32, [st.key.length], st.key));
  const hasGauss = st.hasGauss ? 1 : 0;
  if (legacy) return new PyTuple(["MT19937", key, st.pos, hasGauss, new PyFloat(st.gauss)]);
  const inner = new PyDict();
  inner.table.set("key", key, rt);
  inner.table.set("pos", st.pos, rt);
  const d = new PyDict();
  d.table.set("bit_generator", "MT19937", rt);
  d.table.set("state", inner, rt);
  d.table.set("has_gauss", hasGauss, rt);
  d.table.set("gauss", new PyFloat(st.gauss), rt);
  return d;
}

/** MT19937's state setter reads key[0..623] one by one, so a short key fails on the first missing index. */
function stateKey(v: PyValue, rt: Runtime): Uint32Array {
  const a = toArray(v, rt);
  if (a.size < 624) throw E.indexError(`index ${a.size} is out of bounds for axis 0 with size ${a.size}`);
  return Uint32Array.from(contiguousData(a).subarray(0, 624), (x) => x >>> 0);
}

/** set_state(state): the legacy tuple/list or the dict get_state(legacy=False) returns. */
function setState(rs: LegacyRandomState, state: PyValue, rt: Runtime): void {
  let parts: { key: PyValue; pos: PyValue; hasGauss: PyValue; gauss: PyValue };
  if (state instanceof PyDict) {
    if (!rt.contains(state, "bit_generator") || !rt.contains(state, "state")) throw E.valueError("state dictionary is not valid.");
    if (!rt.equal(rt.getitem(state, "bit_generator"), "MT19937")) throw E.valueError("state must be for a MT19937 PRNG");
    const inner = rt.getitem(state, "state");
    const opt = (k: string, dflt: PyValue): PyValue => (rt.contains(state, k) ? rt.getitem(state, k) : dflt);
    parts = { key: rt.getitem(inner, "key"), pos: rt.getitem(inner, "pos"), hasGauss: opt("has_gauss", 0), gauss: opt("gauss", new PyFloat(0)) };
  } else if (state instanceof PyTuple || state instanceof PyList) {
    const items = state.items;
    if (items.length < 3) throw E.indexError(`${state instanceof PyTuple ? "tuple" : "list"} index out of range`);
    if (!rt.equal(items[0], "MT19937")) throw E.valueError("set_state can only be used with legacy MT19937 state instances.");
    const long = items.length > 3;
    parts = { key: items[1], pos: items[2], hasGauss: long ? items[3] : 0, gauss: long ? items[4] : new PyFloat(0) };
  } else {
    throw E.typeError("state must be a dict or a tuple.");
  }
  const next: LegacyState = { key: stateKey(parts.key, rt), pos: toInt(parts.pos, rt), hasGauss: rt.truthy(parts.hasGauss), gauss: toFloat(parts.gauss, rt) };
  guard(() => rs.setState(next), rt);
}

/** rand(2, 3)-style varargs shape the result; no args means a Python float. */
function floatsOf(shapeArgs: PyValue[], rt: Runtime, draw: (n: number) => Float64Array): PyValue {
  const shape = shapeArgs.length === 0 ? null : shapeArgs.map((x) => toInt(x, rt));
  return floats(draw(count(shape, rt)), shape);
}

function sizedFloats(size: PyValue | undefined, rt: Runtime, draw: (n: number) => Float64Array): PyValue {
  const shape = sizeOf(size, rt);
  return floats(draw(count(shape, rt)), shape);
}

const randomSample: MethodSpec<LegacyRandomState> = { names: ["size"], required: 0, impl: (rs, [size], rt) => sizedFloats(size, rt, (n) => rs.randomSample(n)) };

const LEGACY_METHODS: Record<string, MethodSpec<LegacyRandomState>> = {
  ...SAMPLER_METHODS,
  seed: {
    names: ["seed"],
    required: 0,
    impl: (rs, [s], rt) => {
      guard(() => rs.seed(seedValue(s, rt)), rt);
      return None;
    },
  },
  get_state: { names: ["legacy"], required: 0, impl: (rs, [legacy], rt) => getState(rs, toBool(legacy, rt, true), rt) },
  set_state: {
    names: ["state"],
    required: 1,
    impl: (rs, [state], rt) => {
      setState(rs, state as PyValue, rt);
      return None;
    },
  },
  rand: { names: [], required: 0, varargs: true, impl: (rs, _s, rt, args) => floatsOf(args, rt, (n) => rs.randomSample(n)) },
  randn: { names: [], required: 0, varargs: true, impl: (rs, _s, rt, args) => floatsOf(args, rt, (n) => rs.standardNormal(n)) },
  random_sample: randomSample,
  random: randomSample,
  standard_normal: { names: ["size"], required: 0, impl: (rs, [size], rt) => sizedFloats(size, rt, (n) => rs.standardNormal(n)) },
  standard_exponential: { names: ["size"], required: 0, impl: (rs, [size], rt) => sizedFloats(size, rt, (n) => rs.standardExponential(n)) },
  standard_gamma: {
    names: ["shape", "size"],
    required: 1,
    impl: (rs, [shape, size], rt) => sample([floatParam(shape, 0, rt)], size, rt, ([k], n) => rs.samplers.standardGamma(k, n)),
  },
  normal: {
    names: ["loc", "scale", "size"],
    required: 0,
    impl: (rs, [loc, scale, size], rt) =>
      twoParam(loc, scale, 0, 1, size, rt, (l, s, n) => rs.normal(l, s, n), (l, s) => binary("add", l, binary("multiply", s, rsDraw(rs.normal(0, 1, l.size)))), "scale"),
  },
  uniform: {
    names: ["low", "high", "size"],
    required: 0,
    impl: (rs, [lo, hi, size], rt) =>
      twoParam(lo, hi, 0, 1, size, rt, (l, h, n) => rs.uniform(l, h, n), (l, h) => binary("add", l, binary("multiply", binary("subtract", h, l), rsDraw(rs.randomSample(l.size)))), null),
  },
  randint: {
    names: ["low", "high", "size", "dtype"],
    required: 1,
    impl: (rs, [lo, hi, size, dtype], rt) => {
      const shape = sizeOf(size, rt);
      const dt = intDtype(dtype);
      const data = guard(() => rs.randint(intBound(lo as PyValue, rt), hi === undefined || hi === None ? undefined : intBound(hi, rt), count(shape, rt), dt.name as IntDTypeName), rt);
      return ints(data, shape, dt, true);
    },
  },
  choice: { names: ["a", "size", "replace", "p"], required: 1, impl: (rs, s, rt) => choice((pop, n, replace, p) => rs.choice(pop, n, replace, p), s, rt, false) },
  shuffle: { names: ["x"], required: 1, impl: (rs, [x]) => shuffleInto((n, swap) => rs.shuffleSwaps(n, swap), x as PyValue) },
  permutation: {
    names: ["x"],
    required: 1,
    impl: (rs, [x], rt) => permutation(x as PyValue, (n) => rs.permutation(n), (n, swap) => rs.shuffleSwaps(n, swap), rt),
  },
};

export class PyRandomState extends PyObject {
  constructor(readonly rs: LegacyRandomState) {
    super(randomStateType);
  }
}

export const randomStateType = defineNativeType<PyRandomState>({
  name: "RandomState",
  module: "numpy.random",
  instanceOf: PyRandomState,
  construct: (args, kw, rt) => {
    const [seed] = parseCython("__init__", args, kw, ["seed"], 0);
    const rs = new LegacyRandomState();
    guard(() => rs.seed(seedValue(seed, rt)), rt);
    return new PyRandomState(rs);
  },
  methods: {
    __str__: () => "RandomState(MT19937)",
    __repr__: (self, _a, _k, rt) => `RandomState(MT19937) at 0x${rt.id(self).toString(16).toUpperCase()}`,
    ...Object.fromEntries(Object.entries(LEGACY_METHODS).map(([name, spec]) => [name, methodOf(name, spec, (self: PyRandomState) => self.rs)])),
  },
});

// numpy.random's module functions beyond RandomState's methods: aliases of random_sample.
const MODULE_ALIASES: Record<string, string> = { ranf: "random_sample", sample: "random_sample" };

function initRandom(mod: PyModule): void {
  const rs = new LegacyRandomState();
  mod.set("Generator", generatorType);
  mod.set("RandomState", randomStateType);
  const bind = (name: string, spec: MethodSpec<LegacyRandomState>): void => {
    mod.set(name, nativeFunction(name, (args: PyValue[], kw: Kwargs | null, rt: Runtime) => callSpec(name, spec, rs, args, kw, rt)));
  };
  for (const [name, spec] of Object.entries(LEGACY_METHODS)) bind(name, spec);
  for (const [alias, name] of Object.entries(MODULE_ALIASES)) bind(alias, LEGACY_METHODS[name]);
  mod.set(
    "default_rng",
    nativeFunction("default_rng", (args: PyValue[], kw: Kwargs | null, rt: Runtime) => {
      const [s] = parseCython("default_rng", args, kw, ["seed"], 0);
      return new PyGenerator(guard(() => defaultRng(seedValue(s, rt)), rt));
    }),
  );
}

export const numpyRandomModule: NativeModuleDef = { name: "numpy.random", init: (mod) => initRandom(mod) };
