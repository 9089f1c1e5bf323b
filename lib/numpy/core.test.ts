import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { type DType, DTYPES, dtypeFromString } from "./dtypes";
import { NumpyError } from "./errors";
import { NDArray, type Operand, type NestedList, astype, broadcastTo, fromStorage, item, pyBool, pyFloat, pyInt, tolist } from "./ndarray";
import { type ArrayInput, array, arange, eye, full, fullLike, identity, linspace, ones, onesLike, zeros, zerosLike } from "./creation";
import { type IndexItem, getItem, setItem } from "./indexing";
import * as R from "./reductions";
import * as S from "./shape";
import { around, binary, clip, unary, where, BINARY_UFUNCS, UNARY_UFUNCS } from "./ufuncs";
import { dot, einsum, inner, matmul, norm, outer, type NormOrd } from "./linalg";
import { argsort, sort, unique } from "./sorting";
import { allclose, arrayEqual, isclose } from "./comparison";
import { copyArray } from "./ndarray";
import { allocate } from "./dtypes";
import { assertAllclose, assertArrayAlmostEqual, assertArrayEqual } from "./testing";
import { NUMPY_TESTING_FORMAT } from "./testing-format";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
interface EncodedArray {
  dtype: string;
  shape: number[];
  data: (number | string | boolean)[];
}
interface Case {
  op: string;
  args: Json[];
  kw: Record<string, Json>;
  tol: "exact" | "ulp4" | "rel";
  expect: Json;
}
const golden = JSON.parse(readFileSync(new URL("./core.golden.json", import.meta.url), "utf8")) as {
  inputs: Record<string, EncodedArray>;
  cases: Case[];
};

function decodeNumber(v: number | string | boolean): number {
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return v;
  return { nan: NaN, inf: Infinity, "-inf": -Infinity, "-0": -0 }[v] as number;
}

function decodeArray(e: EncodedArray): NDArray {
  const dtype = dtypeFromString(e.dtype);
  const data = allocate(dtype, e.data.length);
  e.data.forEach((v, i) => (data[i] = decodeNumber(v)));
  return fromStorage(dtype, e.shape, data);
}

type Arg = NDArray | Operand | number | string | DType | null | Arg[] | IndexItem[];

/** Fresh copies each time: setitem must not leak into later cases. */
function decode(j: Json): Arg {
  if (j === null) return null;
  const o = j as Record<string, Json>;
  if ("a" in o) return copyArray(decodeArray(golden.inputs[o.a as string]));
  if ("i" in o) return pyInt(o.i as number);
  if ("f" in o) return pyFloat(decodeNumber(o.f as number | string));
  if ("b" in o) return pyBool(o.b as boolean);
  if ("s" in o) return o.s as string;
  if ("dt" in o) return dtypeFromString(o.dt as string);
  if ("l" in o) return (o.l as Json[]).map(decode);
  if ("idx" in o) {
    return (o.idx as Json[]).map((it): IndexItem => {
      if (it === "...") return { kind: "ellipsis" };
      if (it === "new") return { kind: "newaxis" };
      const r = it as Record<string, Json>;
      if ("sl" in r) {
        const [start, stop, step] = r.sl as (number | null)[];
        return { kind: "slice", start, stop, step };
      }
      if ("i" in r) return { kind: "int", value: r.i as number };
      if ("b" in r) return { kind: "array", array: array(r.b as boolean) };
      return { kind: "array", array: decode(r) as NDArray };
    });
  }
  throw new Error(`cannot decode ${JSON.stringify(j)}`);
}

const isPy = (x: Arg): x is { kind: "int" | "float" | "bool"; value: number } =>
  typeof x === "object" && x !== null && !Array.isArray(x) && "kind" in x && "value" in x && !(x instanceof NDArray);
const num = (x: Arg | undefined): number => (isPy(x as Arg) ? (x as { value: number }).value : (x as number));
const arr = (x: Arg): NDArray => (x instanceof NDArray ? x : isPy(x) ? array(x) : array(x as ArrayInput));
const ints = (x: Arg): number[] => (x as Arg[]).map((v) => num(v));
const axisOf = (x: Arg | undefined): R.AxisArg => (x === undefined || x === null ? null : Array.isArray(x) ? ints(x) : num(x));
const dt = (x: Arg | undefined): DType | undefined => (x === undefined || x === null ? undefined : (x as DType));
const bool = (x: Arg | undefined): boolean => x !== undefined && x !== null && num(x) !== 0;
const toInput = (x: Arg): ArrayInput => (Array.isArray(x) ? (x as Arg[]).map(toInput) : (x as ArrayInput));

type Result = NDArray | NDArray[] | number | boolean | NestedList | null;

function run(op: string, args: Arg[], kw: Record<string, Arg>): Result {
  const [a0, a1, a2, a3] = args;
  const red = (): R.ReduceOptions => ({ axis: axisOf(kw.axis), keepdims: bool(kw.keepdims), dtype: dt(kw.dt) });
  if (BINARY_UFUNCS.includes(op)) return binary(op, a0 as Operand, a1 as Operand);
  if (UNARY_UFUNCS.includes(op)) return unary(op, a0 as Operand);
  switch (op) {
    case "reshape":
      return S.reshape(arr(a0), ints(a1));
    case "transpose":
      return S.transpose(arr(a0), a1 === undefined ? null : ints(a1));
    case "swapaxes":
      return S.swapaxes(arr(a0), num(a1), num(a2));
    case "expand_dims":
      return S.expandDims(arr(a0), Array.isArray(a1) ? ints(a1) : num(a1));
    case "squeeze":
      return S.squeeze(arr(a0), a1 === undefined ? null : num(a1));
    case "broadcast_to":
      return broadcastTo(arr(a0), ints(a1));
    case "concatenate":
      return S.concatenate((a0 as Arg[]).map(arr), kw.axis === null ? null : kw.axis === undefined ? 0 : num(kw.axis));
    case "stack":
      return S.stack((a0 as Arg[]).map(arr), kw.axis === undefined ? 0 : num(kw.axis));
    case "vstack":
      return S.vstack((a0 as Arg[]).map(arr));
    case "hstack":
      return S.hstack((a0 as Arg[]).map(arr));
    case "split":
    case "array_split":
      return (op === "split" ? S.split : S.arraySplit)(arr(a0), Array.isArray(a1) ? ints(a1) : num(a1), kw.axis === undefined ? 0 : num(kw.axis));
    case "tile":
      return S.tile(arr(a0), Array.isArray(a1) ? ints(a1) : num(a1));
    case "repeat":
      return S.repeat(arr(a0), Array.isArray(a1) ? ints(a1) : num(a1), kw.axis === undefined ? null : num(kw.axis));
    case "flip":
      return S.flip(arr(a0), axisOf(kw.axis));
    case "pad": {
      const w = a1;
      const width = Array.isArray(w) ? (w as Arg[]).map((x) => (Array.isArray(x) ? ints(x) : num(x))) : num(w);
      return S.pad(arr(a0), width as S.PadWidth, a2 === undefined ? 0 : num(a2));
    }
    case "ravel":
      return S.ravel(arr(a0));
    case "flatten":
      return S.flatten(arr(a0));
    case "ascontiguousarray":
      return S.ascontiguousarray(arr(a0));
    case "getitem":
      return getItem(arr(a0), a1 as IndexItem[]);
    case "setitem": {
      const a = arr(a0);
      setItem(a, a1 as IndexItem[], a2 instanceof NDArray ? a2 : array(a2 as ArrayInput));
      return a;
    }
    case "astype":
      return astype(arr(a0), a1 as DType);
    case "array":
      return array(toInput(a0), dt(a1));
    case "zeros":
      return zeros(ints(a0), dt(a1));
    case "ones":
      return ones(ints(a0), dt(a1));
    case "full":
      return full(ints(a0), a1 as Operand as never, dt(a2));
    case "zeros_like":
      return zerosLike(arr(a0), dt(a1));
    case "ones_like":
      return onesLike(arr(a0), dt(a1));
    case "full_like":
      return fullLike(arr(a0), a1 as never, dt(a2));
    case "arange":
      return arange(a0 as never, (a1 ?? null) as never, (a2 ?? null) as never, dt(kw.dt));
    case "linspace":
      return linspace(num(a0), num(a1), a2 === undefined ? 50 : num(a2), a3 === undefined ? true : bool(a3), dt(kw.dt)).samples;
    case "linspace_step":
      return array(pyFloat(linspace(num(a0), num(a1), a2 === undefined ? 50 : num(a2), a3 === undefined ? true : bool(a3)).step));
    case "eye":
      return eye(num(a0), a1 === undefined || a1 === null ? null : num(a1), a2 === undefined ? 0 : num(a2), dt(a3));
    case "identity":
      return identity(num(a0), dt(a1));
    case "where":
      return where(a0 as Operand, a1 as Operand, a2 as Operand);
    case "clip":
      return clip(a0 as Operand, a1 as Operand | null, a2 as Operand | null);
    case "around":
      return around(arr(a0), a1 === undefined ? 0 : num(a1));
    case "sum":
      return R.sum(arr(a0), red());
    case "prod":
      return R.prod(arr(a0), red());
    case "mean":
      return R.mean(arr(a0), red());
    case "var":
      return R.variance(arr(a0), { ...red(), ddof: kw.ddof === undefined ? 0 : num(kw.ddof) });
    case "std":
      return R.std(arr(a0), { ...red(), ddof: kw.ddof === undefined ? 0 : num(kw.ddof) });
    case "max":
      return R.max(arr(a0), red());
    case "min":
      return R.min(arr(a0), red());
    case "argmax":
      return R.argmax(arr(a0), kw.axis === undefined ? null : num(kw.axis), bool(kw.keepdims));
    case "argmin":
      return R.argmin(arr(a0), kw.axis === undefined ? null : num(kw.axis), bool(kw.keepdims));
    case "all":
      return R.all(arr(a0), red());
    case "any":
      return R.any(arr(a0), red());
    case "cumsum":
      return R.cumsum(arr(a0), kw.axis === undefined ? null : num(kw.axis));
    case "cumprod":
      return R.cumprod(arr(a0), kw.axis === undefined ? null : num(kw.axis));
    case "nansum":
      return R.nansum(arr(a0), red());
    case "nanmean":
      return R.nanmean(arr(a0), red()).result;
    case "nanmax":
      return R.nanmax(arr(a0), red());
    case "count_nonzero":
      return R.countNonzero(arr(a0), red());
    case "add.reduce":
    case "multiply.reduce":
    case "maximum.reduce":
    case "minimum.reduce":
      return R.ufuncReduce(op.split(".")[0], arr(a0), kw.axis === undefined ? 0 : num(kw.axis));
    case "add.accumulate":
    case "maximum.accumulate":
      return R.ufuncAccumulate(op.split(".")[0], arr(a0), kw.axis === undefined ? 0 : num(kw.axis));
    case "multiply.outer":
    case "add.outer":
      return R.ufuncOuter(op.split(".")[0], arr(a0), arr(a1));
    case "matmul":
      return matmul(arr(a0), arr(a1));
    case "dot":
      return dot(arr(a0), arr(a1));
    case "inner":
      return inner(arr(a0), arr(a1));
    case "outer":
      return outer(arr(a0), arr(a1));
    case "einsum":
      return einsum(a0 as string, args.slice(1).map(arr));
    case "norm": {
      const ord: NormOrd = a1 === undefined || a1 === null ? null : typeof a1 === "string" ? (a1 as NormOrd) : num(a1);
      return norm(arr(a0), ord, a2 === undefined || a2 === null ? null : Array.isArray(a2) ? ints(a2) : num(a2), bool(a3));
    }
    case "sort":
      return sort(arr(a0), kw.axis === null ? null : kw.axis === undefined ? -1 : num(kw.axis));
    case "argsort":
      return argsort(arr(a0), kw.axis === null ? null : kw.axis === undefined ? -1 : num(kw.axis));
    case "unique":
      return unique(arr(a0)).values;
    case "unique_counts":
      return unique(arr(a0), { returnCounts: true }).counts as NDArray;
    case "unique_inverse":
      return unique(arr(a0), { returnInverse: true }).inverse as NDArray;
    case "allclose":
      return allclose(arr(a0), arr(a1), kw.rtol === undefined ? 1e-5 : num(kw.rtol), kw.atol === undefined ? 1e-8 : num(kw.atol));
    case "isclose":
      return isclose(arr(a0), arr(a1), kw.rtol === undefined ? 1e-5 : num(kw.rtol), kw.atol === undefined ? 1e-8 : num(kw.atol));
    case "array_equal":
      return arrayEqual(arr(a0), arr(a1));
    case "tolist":
      return tolist(arr(a0));
    case "assert_allclose":
      assertAllclose(arr(a0), arr(a1), NUMPY_TESTING_FORMAT, {
        rtol: kw.rtol === undefined ? undefined : num(kw.rtol),
        atol: kw.atol === undefined ? undefined : num(kw.atol),
        errMsg: kw.err_msg as string | undefined,
      });
      return null;
    case "assert_array_equal":
      assertArrayEqual(arr(a0), arr(a1), NUMPY_TESTING_FORMAT, { errMsg: kw.err_msg as string | undefined });
      return null;
    case "assert_array_almost_equal":
      assertArrayAlmostEqual(arr(a0), arr(a1), NUMPY_TESTING_FORMAT, kw.decimal === undefined ? 6 : num(kw.decimal));
      return null;
    case "item":
      return item(arr(a0), a1 === undefined ? undefined : num(a1));
    default:
      throw new Error(`no TS mapping for ${op}`);
  }
}

function ulp(x: number, dtype: string): number {
  const bits = dtype === "float16" ? 10 : dtype === "float32" ? 23 : 52;
  const minExp = dtype === "float16" ? -14 : dtype === "float32" ? -126 : -1022;
  const e = x === 0 ? minExp : Math.max(Math.floor(Math.log2(Math.abs(x))), minExp);
  return 2 ** (e - bits);
}

/** numpy's SIMD max/sort may return either zero of an equal pair; the sign is unspecified there. */
const ZERO_SIGN_FREE = new Set(["maximum.accumulate", "sort", "unique"]);

function compareArray(got: NDArray, want: EncodedArray, tol: Case["tol"], op = ""): string | null {
  if (got.dtype.name !== want.dtype && !(want.dtype === "uint64" && got.dtype.name === "int64")) {
    return `dtype ${got.dtype.name} != ${want.dtype}`;
  }
  if (JSON.stringify(got.shape) !== JSON.stringify(want.shape)) return `shape ${JSON.stringify(got.shape)} != ${JSON.stringify(want.shape)}`;
  const scale = Math.max(0, ...want.data.map((v) => Math.abs(decodeNumber(v))).filter(Number.isFinite));
  for (let i = 0; i < want.data.length; i++) {
    const w = decodeNumber(want.data[i]);
    const g = got.getFlat(i);
    if (Number.isNaN(w) && Number.isNaN(g)) continue;
    if (Object.is(w, g) || (w === 0 && g === 0 && ZERO_SIGN_FREE.has(op))) continue;
    if (tol === "exact") {
      if (w === g && got.dtype.isInteger) continue;
      return `element ${i}: ${g} != ${w}`;
    }
    if (!Number.isFinite(w) || !Number.isFinite(g)) return `element ${i}: ${g} != ${w}`;
    const diff = Math.abs(g - w);
    if (tol === "ulp4" && diff <= 4 * ulp(w, want.dtype)) continue;
    const rtol = want.dtype === "float64" ? 1e-12 : want.dtype === "float32" ? 2e-6 : 1e-3;
    if (tol === "rel" && diff <= rtol * (Math.abs(w) + scale)) continue;
    if (!got.dtype.isFloat && diff === 0) continue;
    return `element ${i}: ${g} != ${w} (${tol})`;
  }
  return null;
}

function pyValue(r: Result): Json {
  if (r instanceof NDArray) return tolist(r) as Json;
  return r as Json;
}

function normalizeJson(j: Json): Json {
  if (typeof j === "string" && ["nan", "inf", "-inf", "-0"].includes(j)) return decodeNumber(j);
  if (Array.isArray(j)) return j.map(normalizeJson);
  return j;
}

describe("numpy core against numpy 2 goldens", () => {
  const byOp = new Map<string, Case[]>();
  for (const c of golden.cases) {
    const list = byOp.get(c.op) ?? [];
    list.push(c);
    byOp.set(c.op, list);
  }
  for (const [op, cases] of byOp) {
    it(`${op} (${cases.length} cases)`, () => {
      const failures: string[] = [];
      for (const c of cases) {
        const label = `${c.op}(${JSON.stringify(c.args)}, ${JSON.stringify(c.kw)})`;
        const kw: Record<string, Arg> = {};
        for (const [k, v] of Object.entries(c.kw)) kw[k] = decode(v);
        let got: Result;
        try {
          got = run(c.op, c.args.map(decode), kw);
        } catch (e) {
          const exp = c.expect as Record<string, Json>;
          if (!(e instanceof NumpyError)) {
            failures.push(`${label}: threw non-numpy ${String(e)}`);
            continue;
          }
          const [type, message] = (exp.error ?? []) as string[];
          if (exp.error === undefined) failures.push(`${label}: unexpected ${e.pyType}: ${e.message}`);
          else if (e.message !== message || e.pyType !== type) {
            failures.push(`${label}: error ${e.pyType}: ${e.message}\n   want ${type}: ${message}`);
          }
          continue;
        }
        const exp = c.expect as Record<string, Json>;
        if (exp.error !== undefined) {
          failures.push(`${label}: expected ${JSON.stringify(exp.error)}, got a result`);
          continue;
        }
        if (exp.list !== undefined) {
          const wantList = exp.list as unknown as EncodedArray[];
          const gotList = got as NDArray[];
          if (gotList.length !== wantList.length) failures.push(`${label}: ${gotList.length} pieces != ${wantList.length}`);
          else wantList.forEach((w, i) => {
            const err = compareArray(gotList[i], w, c.tol);
            if (err !== null) failures.push(`${label}[${i}]: ${err}`);
          });
          continue;
        }
        if (exp.py !== undefined) {
          const g = pyValue(got);
          if (JSON.stringify(normalizeJson(g)) !== JSON.stringify(normalizeJson(exp.py))) {
            failures.push(`${label}: ${JSON.stringify(g)} != ${JSON.stringify(exp.py)}`);
          }
          continue;
        }
        if (!(got instanceof NDArray)) {
          failures.push(`${label}: expected an array, got ${JSON.stringify(got)}`);
          continue;
        }
        const err = compareArray(got, exp as unknown as EncodedArray, c.tol, c.op);
        if (err !== null) failures.push(`${label}: ${err}`);
      }
      expect(failures).toEqual([]);
    });
  }
});

describe("dtype objects", () => {
  it("resolve numpy names and aliases", () => {
    expect(dtypeFromString("float32")).toBe(DTYPES.float32);
    expect(dtypeFromString("<f4")).toBe(DTYPES.float32);
    expect(dtypeFromString("int")).toBe(DTYPES.int64);
    expect(DTYPES.float16.itemsize).toBe(2);
    expect(DTYPES.uint8.kind).toBe("u");
    expect(() => dtypeFromString("float128")).toThrow("data type 'float128' not understood");
  });
});
