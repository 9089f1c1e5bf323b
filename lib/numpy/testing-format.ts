/** The numpy-exact printers numpy.testing's messages use, wired from lib/numpy/printing. */
import { DEFAULT_PRINT_OPTIONS, array2string, arrayRepr, arrayStr, scalarStr } from "./printing";
import { formatFloat } from "../python/format";
import { floatRepr } from "../python/format/float-repr";
import type { NDArray } from "./ndarray";
import type { TestingFormat } from "./testing";

/** Dtypes whose scalars numpy formats through Python's float (ml_dtypes' bfloat16/float8 format themselves). */
const BINARY_FLOATS: ReadonlySet<string> = new Set(["float64", "float32", "float16"]);

export const NUMPY_TESTING_FORMAT: TestingFormat = {
  arrayRepr: (a: NDArray, precision: number) => arrayRepr(a, { ...DEFAULT_PRINT_OPTIONS, precision }),
  array2string: (a: NDArray) => array2string(a, " ", "", ""),
  scalarStr: (a: NDArray) => (a.ndim === 0 ? arrayStr(a) : scalarStr(a.dtype.name, a.getFlat(0))),
  scalarFormat: (a: NDArray) => (BINARY_FLOATS.has(a.dtype.name) ? floatRepr(a.getFlat(0)) : a.ndim === 0 ? arrayStr(a) : scalarStr(a.dtype.name, a.getFlat(0))),
  formatFloat: (x: number, spec: string) => formatFloat(x, spec),
};
