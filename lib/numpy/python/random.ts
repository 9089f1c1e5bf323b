/**
 * numpy.random for the Python engine, over lib/numpy/random's bit-exact streams: the legacy
 * module-level functions (one RandomState per interpreter) and default_rng's Generator.
 */
import { DTYPES, type DType } from "../dtypes";
import { NDArray, assign, astype, broadcastShapes, broadcastTo, copyArray, fromStorage } from "../ndarray";
import * as S from "../shape";
import { binary } from "../ufuncs";
import { getItem } from "../indexing";
import { LegacyRandomState, Generator, defaultRng, type IntDTypeName } from "../random";
import * as E from "../../python/runtime/errors";
import { defineNativeType, nativeFunction } from "../../python/runtime/define";
import { parseArgs } from "../../python/runtime/binding";
import { None, PyFloat, PyList, PyModule, PyObject, PyTuple, type Kwargs, type PyValue } from "../../python/runtime/objects";
import type { NativeModuleDef, Runtime } from "../../python/runtime/runtime";
import { PyNDArray, guard, toArray, toBool, toDtype, toFloat, toInt, toShape } from "./convert";
import { wrap, wrapArray } from "./types";

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
  if (shape === null) return scalarAsPyInt ? a.getFlat(0) : wrap(a);
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
  return Float64Array.from({ length: toArray(p, rt).size }, (_, i) => toArray(p, rt).getFlat(i));
}

/** choice(a, ...): draws indices, then maps them onto `a` when it is an array. */
function choice(draw: (popSize: number, n: number, replace: boolean, p?: Float64Array) => Float64Array, s: Slots, rt: Runtime): PyValue {
  const [a, size, replace, p] = s;
  const popArray = typeof a === "number" || typeof a === "bigint" ? null : toArray(a as PyValue, rt);
  if (popArray !== null && popArray.ndim !== 1) throw E.valueError("a must be 1-dimensional");
  const popSize = popArray === null ? toInt(a as PyValue, rt) : popArray.size;
  const shape = sizeOf(size, rt);
  if (popArray !== null && popSize === 0 && count(shape, rt) > 0) throw E.valueError("'a' cannot be empty unless no samples are taken");
  const idx = guard(() => draw(popSize, count(shape, rt), toBool(replace, rt, true), pValues(p, rt)), rt);
  if (popArray === null) return ints(idx, shape, DTYPES.int64, false);
  const picked = guard(() => getItem(popArray, [{ kind: "array", array: fromStorage(DTYPES.int64, shape ?? [], idx) }]), rt);
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

function fn(mod: PyModule, name: string, names: string[], required: number, impl: (s: Slots, rt: Runtime, extra: PyValue[]) => PyValue, varargs = false): void {
  mod.set(
    name,
    nativeFunction(name, (args: PyValue[], kw: Kwargs | null, rt: Runtime) => {
      if (varargs) return impl([], rt, args);
      return impl(parseArgs(name, args, kw, { names, required }), rt, []);
    }),
  );
}

/** Shape from rand(2, 3)-style varargs; no args means a scalar. */
function varShape(args: PyValue[], rt: Runtime): number[] | null {
  return args.length === 0 ? null : args.map((x) => toInt(x, rt));
}

function isArrayLike(v: PyValue | undefined): boolean {
  return v instanceof PyList || v instanceof PyTuple || (v instanceof PyNDArray && v.arr.ndim > 0);
}

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
    const bshape = shape ?? broadcastShapes(pa.shape, pb.shape);
    const A = broadcastTo(pa, bshape);
    const B = broadcastTo(pb, bshape);
    if (nonNegative !== null) for (let i = 0; i < B.size; i++) if (B.getFlat(i) < 0) throw E.valueError(`${nonNegative} < 0`);
    count(bshape, rt);
    return wrapArray(S.reshape(arrays(S.ravel(A), S.ravel(B)), bshape));
  }, rt);
}

// ---- Generator ----------------------------------------------------------------------------------

export class PyGenerator extends PyObject {
  constructor(readonly gen: Generator) {
    super(generatorType);
  }
}

function genMethod(name: string, names: string[], required: number, impl: (g: Generator, s: Slots, rt: Runtime) => PyValue) {
  return (self: PyGenerator, args: PyValue[], kw: Kwargs | null, rt: Runtime): PyValue => impl(self.gen, parseArgs(name, args, kw, { names, required }), rt);
}

export const generatorType = defineNativeType<PyGenerator>({
  name: "Generator",
  module: "numpy.random",
  instanceOf: PyGenerator,
  methods: {
    __repr__: () => "Generator(PCG64)",
    random: genMethod("random", ["size", "dtype", "out"], 0, (g, [size, dtype], rt) => {
      const shape = sizeOf(size, rt);
      const n = count(shape, rt);
      const dt = toDtype(dtype) ?? DTYPES.float64;
      if (dt === DTYPES.float32) {
        const data = g.randomFloat32(n);
        return shape === null ? new PyFloat(data[0]) : wrapArray(fromStorage(DTYPES.float32, shape, data));
      }
      return floats(g.random(n), shape);
    }),
    standard_normal: genMethod("standard_normal", ["size", "dtype", "out"], 0, (g, [size, dtype], rt) => {
      const shape = sizeOf(size, rt);
      const n = count(shape, rt);
      const dt = toDtype(dtype) ?? DTYPES.float64;
      if (dt === DTYPES.float32) {
        const data = g.standardNormalFloat32(n);
        return shape === null ? new PyFloat(data[0]) : wrapArray(fromStorage(DTYPES.float32, shape, data));
      }
      return floats(g.standardNormal(n), shape);
    }),
    normal: genMethod("normal", ["loc", "scale", "size"], 0, (g, [loc, scale, size], rt) => {
      const shape = sizeOf(size, rt);
      return floats(guard(() => g.normal(loc === undefined ? 0 : toFloat(loc, rt), scale === undefined ? 1 : toFloat(scale, rt), count(shape, rt)), rt), shape);
    }),
    uniform: genMethod("uniform", ["low", "high", "size"], 0, (g, [lo, hi, size], rt) => {
      const shape = sizeOf(size, rt);
      return floats(guard(() => g.uniform(lo === undefined ? 0 : toFloat(lo, rt), hi === undefined ? 1 : toFloat(hi, rt), count(shape, rt)), rt), shape);
    }),
    integers: genMethod("integers", ["low", "high", "size", "dtype", "endpoint"], 1, (g, [lo, hi, size, dtype, endpoint], rt) => {
      const shape = sizeOf(size, rt);
      const dt = intDtype(dtype);
      const data = guard(() =>
        g.integers(intBound(lo as PyValue, rt), hi === undefined || hi === None ? undefined : intBound(hi, rt), count(shape, rt), dt.name as IntDTypeName, toBool(endpoint, rt, false)),
      );
      return ints(data, shape, dt, false);
    }),
    choice: genMethod("choice", ["a", "size", "replace", "p", "axis", "shuffle"], 1, (g, s, rt) =>
      choice((pop, n, replace, p) => g.choice(pop, n, replace, p, toBool(s[5], rt, true)), s, rt),
    ),
    shuffle: genMethod("shuffle", ["x", "axis"], 1, (g, [x]) => shuffleInto((n, swap) => g.shuffleSwaps(n, swap), x as PyValue)),
    permutation: genMethod("permutation", ["x", "axis"], 1, (g, [x], rt) => {
      if (typeof x === "number") return wrapArray(fromStorage(DTYPES.int64, [x], g.permutation(x)));
      const copy = wrapArray(astype(toArray(x as PyValue, rt), toArray(x as PyValue, rt).dtype));
      shuffleInto((n, swap) => g.shuffleSwaps(n, swap), copy);
      return copy;
    }),
  },
});

function seedValue(v: PyValue | undefined, rt: Runtime): number | bigint | (number | bigint)[] {
  // No seed: fresh entropy, as numpy draws from the OS.
  if (v === undefined || v === None) return Array.from(globalThis.crypto.getRandomValues(new Uint32Array(4)));
  if (v instanceof PyList || v instanceof PyTuple) return v.items.map((x) => intBound(x, rt));
  if (v instanceof PyNDArray) return Array.from({ length: v.arr.size }, (_, i) => v.arr.getFlat(i));
  return intBound(v, rt);
}

function initRandom(mod: PyModule): void {
  const rs = new LegacyRandomState();
  mod.set("Generator", generatorType);
  fn(mod, "seed", ["seed"], 0, ([s], rt) => {
    guard(() => rs.seed(seedValue(s, rt)), rt);
    return None;
  });
  fn(mod, "default_rng", ["seed"], 0, ([s], rt) => new PyGenerator(guard(() => defaultRng(seedValue(s, rt)), rt)));
  fn(mod, "rand", [], 0, (_s, rt, args) => {
    const shape = varShape(args, rt);
    return floats(rs.randomSample(count(shape, rt)), shape);
  }, true);
  fn(mod, "randn", [], 0, (_s, rt, args) => {
    const shape = varShape(args, rt);
    return floats(rs.standardNormal(count(shape, rt)), shape);
  }, true);
  for (const name of ["random_sample", "random", "ranf", "sample"]) {
    fn(mod, name, ["size"], 0, ([size], rt) => {
      const shape = sizeOf(size, rt);
      return floats(rs.randomSample(count(shape, rt)), shape);
    });
  }
  fn(mod, "standard_normal", ["size"], 0, ([size], rt) => {
    const shape = sizeOf(size, rt);
    return floats(rs.standardNormal(count(shape, rt)), shape);
  });
  fn(mod, "normal", ["loc", "scale", "size"], 0, ([loc, scale, size], rt) =>
    twoParam(loc, scale, 0, 1, size, rt, (l, s, n) => rs.normal(l, s, n), (l, s) => binary("add", l, binary("multiply", s, rsDraw(rs.normal(0, 1, l.size)))), "scale"),
  );
  fn(mod, "uniform", ["low", "high", "size"], 0, ([lo, hi, size], rt) =>
    twoParam(lo, hi, 0, 1, size, rt, (l, h, n) => rs.uniform(l, h, n), (l, h) => binary("add", l, binary("multiply", binary("subtract", h, l), rsDraw(rs.randomSample(l.size)))), null),
  );
  fn(mod, "randint", ["low", "high", "size", "dtype"], 1, ([lo, hi, size, dtype], rt) => {
    const shape = sizeOf(size, rt);
    const dt = intDtype(dtype);
    const data = guard(() => rs.randint(intBound(lo as PyValue, rt), hi === undefined || hi === None ? undefined : intBound(hi, rt), count(shape, rt), dt.name as IntDTypeName), rt);
    return ints(data, shape, dt, true);
  });
  fn(mod, "choice", ["a", "size", "replace", "p"], 1, (s, rt) => choice((pop, n, replace, p) => rs.choice(pop, n, replace, p), s, rt));
  fn(mod, "shuffle", ["x"], 1, ([x]) => shuffleInto((n, swap) => rs.shuffleSwaps(n, swap), x as PyValue));
  fn(mod, "permutation", ["x"], 1, ([x], rt) => {
    if (typeof x === "number") return wrapArray(fromStorage(DTYPES.int64, [x], rs.permutation(x)));
    const src = toArray(x as PyValue, rt);
    const copy = wrapArray(astype(src, src.dtype));
    shuffleInto((n, swap) => rs.shuffleSwaps(n, swap), copy);
    return copy;
  });
}

export const numpyRandomModule: NativeModuleDef = { name: "numpy.random", init: (mod) => initRandom(mod) };
