/**
 * numpy.testing's array assertions with numpy's exact message text (assert_array_compare and
 * build_err_msg in numpy/testing/_private/utils.py). Array and number formatting is injected, so
 * the messages use the same printer as the rest of Kernel Lab's numpy.
 */
import { DTYPES } from "./dtypes";
import { NumpyError } from "./errors";
import { getItem } from "./indexing";
import { NDArray, astype, broadcastShapes, broadcastTo, fromStorage, pyFloat } from "./ndarray";
import { all, max, sum } from "./reductions";
import { binary, unary } from "./ufuncs";
import { isclose } from "./comparison";

export interface TestingFormat {
  /** np.array_repr(a, precision=p): "array([1., 2.])". */
  arrayRepr(a: NDArray, precision: number): string;
  /** np.array2string of a 0-d array with default options: "1.", "0.25", "3". */
  array2string(a: NDArray): string;
  /** str() of one element (numpy scalar) or of a 0-d array: "2.0", "3", "True". */
  scalarStr(a: NDArray): string;
  /**
   * f"{x}" of one element or a 0-d array: numpy formats a float scalar as the Python float it
   * converts to, so float32 1.1 is "1.100000023841858" here but "1.1" in scalarStr.
   */
  scalarFormat(a: NDArray): string;
  /** Python's format(x, spec) for spec "g" or ".3g". */
  formatFloat(x: number, spec: string): string;
}

export function assertionError(message: string): NumpyError {
  return new NumpyError("AssertionError", message);
}

function pyShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

/** build_err_msg: header, optional err_msg, then the two operands' reprs (at most 3 lines each). */
export function buildErrMsg(
  reprs: readonly string[],
  errMsg: string,
  header = "Items are not equal:",
  names: readonly string[] = ["ACTUAL", "DESIRED"],
): string {
  const msg = ["\n" + header];
  if (errMsg !== "") {
    if (!errMsg.includes("\n") && errMsg.length < 79 - header.length) msg[0] = msg[0] + " " + errMsg;
    else msg.push(errMsg);
  }
  reprs.forEach((r0, i) => {
    let r = r0;
    if ((r.match(/\n/g) ?? []).length > 3) r = r.split("\n").slice(0, 3).join("\n") + "...";
    msg.push(` ${names[i]}: ${r}`);
  });
  return msg.join("\n");
}

interface CompareOptions {
  errMsg?: string;
  /** numpy's verbose: False leaves the operands' reprs out of the message. */
  verbose?: boolean;
  header: string;
  precision?: number;
  equalNan?: boolean;
  equalInf?: boolean;
  strict?: boolean;
}

function anyDifference(a: NDArray, b: NDArray): boolean {
  return all(binary("equal", a, b)).getFlat(0) === 0;
}

function toBool(a: NDArray): boolean {
  return a.getFlat(0) !== 0;
}

/** numpy.testing's assert_array_compare. Throws NumpyError("AssertionError", message). */
export function assertArrayCompare(
  comparison: (x: NDArray, y: NDArray) => NDArray,
  xIn: NDArray,
  yIn: NDArray,
  fmt: TestingFormat,
  opts: CompareOptions,
): void {
  const precision = opts.precision ?? 6;
  const equalNan = opts.equalNan ?? true;
  const equalInf = opts.equalInf ?? true;
  let errMsg = opts.errMsg ?? "";
  const ox = xIn;
  const oy = yIn;
  const fail = (msg: string, shown: readonly NDArray[] = [ox, oy]): never => {
    const reprs = opts.verbose === false ? [] : shown.map((a) => fmt.arrayRepr(a, precision));
    throw assertionError(buildErrMsg(reprs, msg, opts.header));
  };
  let x = xIn;
  let y = yIn;
  const sameShape = x.ndim === y.ndim && x.shape.every((d, i) => d === y.shape[i]);
  const shapeOk = opts.strict ? sameShape && x.dtype === y.dtype : x.ndim === 0 || y.ndim === 0 || sameShape;
  if (!shapeOk) {
    const reason = !sameShape ? `\n(shapes ${pyShape(x.shape)}, ${pyShape(y.shape)} mismatch)` : `\n(dtypes ${x.dtype.name}, ${y.dtype.name} mismatch)`;
    fail(errMsg + reason);
  }

  // flagged: positions holding nan/inf in both (compared by position, not value); a bool scalar
  // when either side is 0-d.
  let flagged: NDArray | boolean = false;
  const samePos = (f: (a: NDArray) => NDArray, what: string): NDArray | boolean => {
    const xid = f(x);
    const yid = f(y);
    if (anyDifference(xid, yid)) fail(errMsg + `\n${what} location mismatch:`);
    if (xid.ndim === 0) return toBool(xid);
    if (yid.ndim === 0) return toBool(yid);
    return yid;
  };
  if (equalNan) flagged = samePos((a) => unary("isnan", a), "nan");
  if (equalInf) {
    const flag0 = flagged;
    const infMask = samePos((a) => {
      const inf = unary("isinf", a);
      return typeof flag0 === "boolean" ? (flag0 ? binary("logical_and", inf, { kind: "bool", value: 0 }) : inf) : binary("logical_and", inf, unary("logical_not", flag0));
    }, "inf");
    const anyInf = typeof infMask === "boolean" ? infMask : toBool(all(unary("logical_not", infMask))) === false;
    if (anyInf) {
      const xs = x.ndim > 0 && y.ndim > 0 && typeof infMask !== "boolean" ? getItem(x, [{ kind: "array", array: infMask }]) : x;
      const ys = x.ndim > 0 && y.ndim > 0 && typeof infMask !== "boolean" ? getItem(y, [{ kind: "array", array: infMask }]) : y;
      if (anyDifference(xs, ys)) fail(errMsg + "\ninf values mismatch:", [xs, ys]);
    }
    if (typeof flagged === "boolean" && typeof infMask === "boolean") flagged = flagged || infMask;
    else if (typeof flagged === "boolean") flagged = flagged ? true : infMask;
    else if (typeof infMask === "boolean") flagged = infMask ? true : flagged;
    else flagged = binary("logical_or", flagged, infMask);
  }
  let flaggedShape: number[] = [];
  if (typeof flagged !== "boolean") {
    flaggedShape = flagged.shape.slice();
    const keep = unary("logical_not", flagged);
    x = getItem(x, [{ kind: "array", array: keep }]);
    y = getItem(y, [{ kind: "array", array: keep }]);
    if (x.size === 0) return;
  } else if (flagged) return;

  const val = comparison(x, y);
  const invalids = unary("logical_not", val);
  if (toBool(all(val))) return;
  const nMismatch = val.size - sum(val).getFlat(0);
  const nElements = typeof flagged !== "boolean" ? flaggedShape.reduce((p, d) => p * d, 1) : val.size;
  const remarks = [`Mismatched elements: ${nMismatch} / ${nElements} (${fmt.formatFloat((100 * nMismatch) / nElements, ".3g")}%)`];
  if (invalids.ndim !== 0) {
    const positions = mismatchPositions(invalids, typeof flagged === "boolean" ? null : flagged);
    const lines = positions.slice(0, 5).map((p) => {
      // numpy builds these lines with an f-string.
      const xs = fmt.scalarFormat(ox.ndim === 0 ? ox : getItem(ox, p.map((v) => ({ kind: "int", value: v }))));
      const ys = fmt.scalarFormat(oy.ndim === 0 ? oy : getItem(oy, p.map((v) => ({ kind: "int", value: v }))));
      return ` [${p.join(", ")}]: ${xs} (ACTUAL), ${ys} (DESIRED)`;
    });
    const s = lines.join("\n");
    if (positions.length === 1) remarks.push(`Mismatch at index:\n${s}`);
    else if (positions.length <= 5) remarks.push(`Mismatch at indices:\n${s}`);
    else remarks.push(`First 5 mismatches are at indices:\n${s}`);
  }
  let error = unary("absolute", binary("subtract", x, y));
  if (x.dtype.kind === "u") error = binary("minimum", error, unary("absolute", binary("subtract", y, x)));
  const shape = broadcastShapes(error.shape, invalids.shape);
  const errB = broadcastTo(error, shape);
  const invB = broadcastTo(invalids, shape);
  const reducedError = getItem(errB, [{ kind: "array", array: invB }]);
  remarks.push("Max absolute difference among violations: " + fmt.array2string(max(reducedError)));
  const nonzero = binary("not_equal", y, pyFloat(0));
  const nzInvalid = binary("logical_and", invalids, nonzero);
  let maxRel: NDArray;
  const anyNonzeroInvalid = !toBool(all(unary("logical_not", nzInvalid)));
  if (anyNonzeroInvalid) {
    const nzB = broadcastTo(nzInvalid, errB.shape);
    const e = getItem(errB, [{ kind: "array", array: nzB }]);
    const yb = getItem(broadcastTo(y, errB.shape), [{ kind: "array", array: nzB }]);
    maxRel = max(binary("true_divide", e, unary("absolute", yb)));
  } else {
    maxRel = fromStorage(DTYPES.float64, [], Float64Array.of(Infinity));
  }
  remarks.push("Max relative difference among violations: " + fmt.array2string(maxRel));
  errMsg += "\n" + remarks.join("\n");
  fail(errMsg);
}

/** np.argwhere(~flagged)[invalids] (or np.argwhere(invalids)) as index lists in the original shape. */
function mismatchPositions(invalids: NDArray, flagged: NDArray | null): number[][] {
  const positions: number[][] = [];
  if (flagged === null) {
    const shape = invalids.shape;
    for (let i = 0; i < invalids.size; i++) if (invalids.getFlat(i) !== 0) positions.push(unravel(i, shape));
    return positions;
  }
  // invalids is over the unflagged elements, in C order of the original shape.
  let k = 0;
  for (let i = 0; i < flagged.size; i++) {
    if (flagged.getFlat(i) !== 0) continue;
    if (invalids.getFlat(k) !== 0) positions.push(unravel(i, flagged.shape));
    k++;
  }
  return positions;
}

function unravel(i: number, shape: readonly number[]): number[] {
  const out = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    out[d] = i % shape[d];
    i = Math.floor(i / shape[d]);
  }
  return out;
}

export interface AllcloseOptions {
  rtol?: number;
  atol?: number;
  equalNan?: boolean;
  errMsg?: string;
  strict?: boolean;
  verbose?: boolean;
}

export function assertAllclose(actual: NDArray, desired: NDArray, fmt: TestingFormat, opts: AllcloseOptions = {}): void {
  const rtol = opts.rtol ?? 1e-7;
  const atol = opts.atol ?? 0;
  const equalNan = opts.equalNan ?? true;
  const header = `Not equal to tolerance rtol=${fmt.formatFloat(rtol, "g")}, atol=${fmt.formatFloat(atol, "g")}`;
  assertArrayCompare((x, y) => isclose(x, y, rtol, atol, equalNan), actual, desired, fmt, {
    errMsg: opts.errMsg,
    header,
    equalNan,
    strict: opts.strict,
    verbose: opts.verbose,
  });
}

export function assertArrayEqual(x: NDArray, y: NDArray, fmt: TestingFormat, opts: { errMsg?: string; strict?: boolean; verbose?: boolean } = {}): void {
  assertArrayCompare((a, b) => binary("equal", a, b), x, y, fmt, { errMsg: opts.errMsg, header: "Arrays are not equal", strict: opts.strict, verbose: opts.verbose });
}

export function assertArrayAlmostEqual(x: NDArray, y: NDArray, fmt: TestingFormat, decimal = 6, errMsg = "", verbose = true): void {
  const compare = (a: NDArray, b: NDArray): NDArray => {
    let z = unary("absolute", binary("subtract", a, b));
    if (!z.dtype.isFloat && !z.dtype.isInteger) z = astype(z, DTYPES.float64);
    return binary("less", z, pyFloat(1.5 * 10 ** -decimal));
  };
  assertArrayCompare(compare, x, y, fmt, { errMsg, header: `Arrays are not almost equal to ${decimal} decimals`, precision: decimal, verbose });
}
