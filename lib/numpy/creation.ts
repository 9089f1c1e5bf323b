/**
 * Array creation: np.array from nested sequences, zeros/ones/empty/full(+_like), arange, linspace,
 * logspace/geomspace, eye/identity, fromfunction, copy.
 */
import { FPE_OVERFLOW, recordFpError } from "./fp-errors";
import { type DType, DTYPES, allocate, bareScalarDtype, castValue, checkIntInRange, promoteTypes, pyFloatToInt } from "./dtypes";
import { isWideInt, storeExact, wrapTo } from "./exact-int64";
import { NumpyError, valueError } from "./errors";
import { deriveView } from "./kernels/heap";
import { powerOf } from "../python/runtime/correctly-rounded";
import { NDArray, type PyScalar, assign, astype, copyArray, emptyArray, fill, fromStorage, isPyScalar } from "./ndarray";

/** What np.array accepts: nested lists of Python scalars, numpy scalars (0-d arrays) and arrays. */
export type ArrayInput = NDArray | PyScalar | number | boolean | readonly ArrayInput[];

function scalarOf(x: number | boolean | PyScalar): PyScalar {
  if (typeof x === "boolean") return { kind: "bool", value: x ? 1 : 0 };
  // Plain JS numbers are a TypeScript convenience: integral values count as Python ints.
  if (typeof x === "number") return { kind: Number.isInteger(x) ? "int" : "float", value: x };
  return x;
}

function discoverShape(x: ArrayInput, depth: number, shape: number[]): void {
  if (Array.isArray(x)) {
    const list = x as readonly ArrayInput[];
    if (shape.length === depth) shape.push(list.length);
    else if (shape[depth] !== list.length) throw inhomogeneous(shape, depth);
    for (const el of list) discoverShape(el, depth + 1, shape);
    if (list.length === 0 && shape.length > depth + 1) throw inhomogeneous(shape, depth);
    return;
  }
  const leafShape = x instanceof NDArray ? x.shape : [];
  for (let i = 0; i < leafShape.length; i++) {
    if (shape.length === depth + i) shape.push(leafShape[i]);
    else if (shape[depth + i] !== leafShape[i]) throw inhomogeneous(shape, depth + i);
  }
  if (shape.length !== depth + leafShape.length) throw inhomogeneous(shape, depth + leafShape.length);
}

function inhomogeneous(shape: readonly number[], depth: number): NumpyError {
  const detected = shape.slice(0, depth);
  const txt = detected.length === 1 ? `(${detected[0]},)` : `(${detected.join(", ")})`;
  return valueError(
    `setting an array element with a sequence. The requested array has an inhomogeneous shape after ${depth} dimensions. The detected shape was ${txt} + inhomogeneous part.`,
  );
}

function discoverDtype(x: ArrayInput): DType | null {
  if (Array.isArray(x)) {
    let d: DType | null = null;
    for (const el of x as readonly ArrayInput[]) {
      const e = discoverDtype(el);
      if (e !== null) d = d === null ? e : promoteTypes(d, e);
    }
    return d;
  }
  if (x instanceof NDArray) return x.dtype;
  const s = scalarOf(x as number | boolean | PyScalar);
  // Only uint64 holds an int past int64 (np.array([2**63]) is uint64).
  return bareScalarDtype(s.kind, s.exact);
}

/** Every scalar leaf must sit at the same depth (numpy rejects [1, [2]]). */
function checkLeafDepth(x: ArrayInput, depth: number, shape: readonly number[]): void {
  if (Array.isArray(x)) {
    for (const el of x as readonly ArrayInput[]) checkLeafDepth(el, depth + 1, shape);
    return;
  }
  const leafDims = x instanceof NDArray ? x.ndim : 0;
  if (depth + leafDims !== shape.length) throw inhomogeneous(shape, Math.min(depth, shape.length));
}

/** np.array(obj, dtype=None, copy=True). */
export function array(obj: ArrayInput, dtype?: DType): NDArray {
  if (obj instanceof NDArray) return dtype === undefined || dtype === obj.dtype ? copyArray(obj) : astype(obj, dtype);
  const shape: number[] = [];
  discoverShape(obj, 0, shape);
  checkLeafDepth(obj, 0, shape);
  const dt = dtype ?? discoverDtype(obj) ?? DTYPES.float64;
  const out = emptyArray(dt, shape);
  let k = 0;
  const data = out.data;
  // A finite Python float that becomes an infinity is numpy's "overflow encountered in cast".
  const reportsOverflow = dt.name === "float16" || dt.name === "float32";
  let overflowed = false;
  const walk = (x: ArrayInput): void => {
    if (Array.isArray(x)) {
      for (const el of x as readonly ArrayInput[]) walk(el);
    } else if (x instanceof NDArray) {
      const n = x.size;
      const sub = fromStorage(dt, x.shape, deriveView(data, k, k + n));
      assign(sub, x);
      k += n;
    } else {
      const s = scalarOf(x as number | boolean | PyScalar);
      if (s.kind === "int" && dt.isInteger) checkIntInRange(dt, s.value, s.exact);
      if (s.kind === "float" && dt.isInteger) pyFloatToInt(dt, s.value);
      if (s.exact !== undefined && isWideInt(dt)) {
        storeExact(data, k++, s.exact, dt.kind === "u");
        return;
      }
      const v = castValue(dt, s.value);
      data[k++] = v;
      if (reportsOverflow && v - v !== 0 && s.value - s.value === 0) overflowed = true;
    }
  };
  walk(obj);
  if (overflowed) recordFpError(FPE_OVERFLOW, "cast");
  return out;
}

/** np.asarray: no copy when already an array of the requested dtype. */
export function asarray(obj: ArrayInput, dtype?: DType): NDArray {
  if (obj instanceof NDArray && (dtype === undefined || dtype === obj.dtype)) return obj;
  return array(obj, dtype);
}

export function zeros(shape: readonly number[], dtype: DType = DTYPES.float64): NDArray {
  return emptyArray(dtype, shape);
}

export function ones(shape: readonly number[], dtype: DType = DTYPES.float64): NDArray {
  return full(shape, 1, dtype);
}

/** np.empty: Kernel Lab's "uninitialised" memory is zeros (deterministic output for students). */
export function empty(shape: readonly number[], dtype: DType = DTYPES.float64): NDArray {
  return emptyArray(dtype, shape);
}

export function full(shape: readonly number[], value: number | PyScalar | NDArray, dtype?: DType): NDArray {
  if (value instanceof NDArray) {
    const out = emptyArray(dtype ?? value.dtype, shape);
    assign(out, value);
    return out;
  }
  const s = scalarOf(value);
  const dt = dtype ?? bareScalarDtype(s.kind, s.exact);
  if (s.kind === "int" && dt.isInteger) checkIntInRange(dt, s.value, s.exact);
  const out = emptyArray(dt, shape);
  fill(out, s.value, s.exact);
  return out;
}

export const zerosLike = (a: NDArray, dtype?: DType): NDArray => zeros(a.shape, dtype ?? a.dtype);
export const onesLike = (a: NDArray, dtype?: DType): NDArray => ones(a.shape, dtype ?? a.dtype);
export const emptyLike = (a: NDArray, dtype?: DType): NDArray => empty(a.shape, dtype ?? a.dtype);
export const fullLike = (a: NDArray, value: number | PyScalar, dtype?: DType): NDArray => full(a.shape, value, dtype ?? a.dtype);

/**
 * np.arange(start, stop, step, dtype): length ceil((stop - start) / step); values start + i*delta
 * where delta = (start + step) - start in the result dtype, as numpy's fill does.
 */
export function arange(start: number | PyScalar, stop?: number | PyScalar | null, step?: number | PyScalar | null, dtype?: DType): NDArray {
  let a = scalarOf(start);
  let b: PyScalar | null = stop === undefined || stop === null ? null : scalarOf(stop);
  const s = step === undefined || step === null ? { kind: "int" as const, value: 1 } : scalarOf(step);
  if (b === null) {
    b = a;
    a = { kind: "int", value: 0 };
  }
  if (s.value === 0) throw new NumpyError("ZeroDivisionError", "division by zero");
  const allInt = a.kind !== "float" && b.kind !== "float" && s.kind !== "float";
  const dt = dtype ?? (allInt ? DTYPES.int64 : DTYPES.float64);
  if (allInt && isWideInt(dt) && [a, b, s].some((x) => x.exact !== undefined)) return exactArange(a, b, s, dt);
  const len = Math.max(0, Math.ceil((b.value - a.value) / s.value));
  if (!Number.isFinite(len)) throw valueError("Maximum allowed size exceeded");
  const data = allocate(dt, len);
  if (len > 0) data[0] = castValue(dt, a.value);
  if (len > 1) {
    data[1] = castValue(dt, a.value + s.value);
    const first = data[0];
    const delta = data[1] - first;
    const f32 = data instanceof Float32Array;
    for (let i = 2; i < len; i++) data[i] = f32 ? Math.fround(first + Math.fround(i * delta)) : castValue(dt, first + i * delta);
  }
  return fromStorage(dt, [len], data);
}

/** arange of Python ints past 2^53 into (u)int64, exactly (exact-int64.ts). */
function exactArange(a: PyScalar, b: PyScalar, s: PyScalar, dt: DType): NDArray {
  const [start, stop, step] = [a, b, s].map((x) => x.exact ?? BigInt(x.value));
  const span = stop - start;
  let len = span / step;
  if (len * step !== span && span > 0n === step > 0n) len += 1n;
  if (len < 0n) len = 0n;
  if (len > 2n ** 31n) throw valueError("Maximum allowed size exceeded");
  const data = allocate(dt, Number(len));
  for (let i = 0; i < data.length; i++) storeExact(data, i, wrapTo(dt, start + BigInt(i) * step), dt.kind === "u");
  return fromStorage(dt, [data.length], data);
}

export interface LinspaceResult {
  samples: NDArray;
  step: number;
}

/** np.linspace(start, stop, num=50, endpoint=True, retstep, dtype) with numpy's arithmetic. */
/**
 * np.linspace. `compute` is the float type numpy works in, result_type(start, stop): float64 for
 * Python numbers, float32 when an end is a float32 scalar (histogram's edges of float32 data), in
 * which every step (stop - start, delta / div, i * step, + start) rounds to it. Samples have
 * `dtype`, else `compute`.
 */
export function linspace(start: number, stop: number, num = 50, endpoint = true, dtype?: DType, compute: DType = DTYPES.float64): LinspaceResult {
  if (num < 0) throw valueError(`Number of samples, ${num}, must be non-negative.`);
  const r = (x: number): number => castValue(compute, x);
  const first = r(start);
  const last = r(stop);
  const div = endpoint ? num - 1 : num;
  const delta = r(last - first);
  const y = new Float64Array(num);
  let step: number;
  if (div > 0) {
    step = r(delta / div);
    for (let i = 0; i < num; i++) y[i] = step === 0 ? r(r(i / div) * delta) : r(i * step);
  } else {
    step = NaN;
    for (let i = 0; i < num; i++) y[i] = r(i * delta);
  }
  for (let i = 0; i < num; i++) y[i] = r(y[i] + first);
  if (endpoint && num > 1) y[num - 1] = last;
  const samples = fromStorage(DTYPES.float64, [num], y);
  const dt = dtype ?? compute;
  return { samples: dt === DTYPES.float64 ? samples : astype(samples, dt), step };
}

/** np.logspace: numpy computes `base ** linspace(start, stop, num, endpoint)` in float64, then casts. */
export function logspace(start: number, stop: number, num = 50, endpoint = true, base = 10, dtype?: DType): NDArray {
  const y = linspace(start, stop, num, endpoint).samples.data as Float64Array;
  const out = new Float64Array(y.length);
  const power = powerOf(base);
  for (let i = 0; i < y.length; i++) out[i] = power(y[i]);
  const result = fromStorage(DTYPES.float64, [out.length], out);
  return dtype === undefined || dtype === DTYPES.float64 ? result : astype(result, dtype);
}

/**
 * np.geomspace for real scalars: numpy rotates start to positive (dividing both ends by sign(start)),
 * takes logspace between the log10s, pins the end points to the exact inputs, and rotates back.
 */
export function geomspace(start: number, stop: number, num = 50, endpoint = true, dtype?: DType): NDArray {
  if (start === 0 || stop === 0) throw valueError("Geometric sequence cannot include zero");
  const sign = Number.isNaN(start) ? NaN : Math.sign(start);
  const a = start / sign;
  const b = stop / sign;
  const result = logspace(Math.log10(a), Math.log10(b), num, endpoint);
  const out = result.data as Float64Array;
  if (num > 0) {
    out[0] = a;
    if (num > 1 && endpoint) out[num - 1] = b;
  }
  for (let i = 0; i < num; i++) out[i] *= sign;
  return dtype === undefined || dtype === DTYPES.float64 ? result : astype(result, dtype);
}

export function eye(n: number, m?: number | null, k = 0, dtype: DType = DTYPES.float64): NDArray {
  const cols = m ?? n;
  const out = emptyArray(dtype, [n, cols]);
  for (let i = 0; i < n; i++) {
    const j = i + k;
    if (j >= 0 && j < cols) out.data[i * cols + j] = castValue(dtype, 1);
  }
  return out;
}

export const identity = (n: number, dtype: DType = DTYPES.float64): NDArray => eye(n, n, 0, dtype);

/** np.fromfunction(fn, shape, dtype=float): fn receives one index array per axis. */
export function fromfunction(fn: (...indices: NDArray[]) => NDArray, shape: readonly number[], dtype: DType = DTYPES.float64): NDArray {
  const grids = shape.map((_, axis) => {
    const g = emptyArray(dtype, shape);
    const n = g.size;
    let inner = 1;
    for (let d = axis + 1; d < shape.length; d++) inner *= shape[d];
    for (let i = 0; i < n; i++) g.data[i] = Math.floor(i / inner) % shape[axis];
    return g;
  });
  return fn(...grids);
}

export function copy(a: NDArray): NDArray {
  return copyArray(a);
}

export function isArrayLikeScalar(x: ArrayInput): x is PyScalar {
  return typeof x === "object" && !Array.isArray(x) && !(x instanceof NDArray) && isPyScalar(x as PyScalar);
}
