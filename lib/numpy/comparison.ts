/** isclose / allclose / array_equal, composed from ufuncs exactly as numpy composes them. */
import { collectFpErrors } from "./fp-errors";
import { DTYPES, promoteWithScalar } from "./dtypes";
import { NDArray, astype, pyFloat } from "./ndarray";
import { all } from "./reductions";
import { binary, unary } from "./ufuncs";

export function isclose(x: NDArray, yIn: NDArray, rtol = 1e-5, atol = 1e-8, equalNan = false): NDArray {
  // numpy computes under errstate(invalid="ignore"): inf - inf here is expected.
  return collectFpErrors(() => iscloseOf(x, yIn, rtol, atol, equalNan)).value;
}

function iscloseOf(x: NDArray, yIn: NDArray, rtol: number, atol: number, equalNan: boolean): NDArray {
  // numpy makes y inexact first (result_type(y, 1.0)) so abs(MIN_INT) cannot overflow.
  const yType = promoteWithScalar(yIn.dtype, "float", 1);
  const y = yIn.dtype === yType ? yIn : astype(yIn, yType);
  const tolerance = binary("add", pyFloat(atol), binary("multiply", pyFloat(rtol), unary("absolute", y)));
  const within = binary("less_equal", unary("absolute", binary("subtract", x, y)), tolerance);
  let result = binary("logical_or", binary("logical_and", within, unary("isfinite", y)), binary("equal", x, y));
  if (equalNan) result = binary("logical_or", result, binary("logical_and", unary("isnan", x), unary("isnan", y)));
  return result.dtype === DTYPES.bool ? result : astype(result, DTYPES.bool);
}

export function allclose(x: NDArray, y: NDArray, rtol = 1e-5, atol = 1e-8, equalNan = false): boolean {
  return all(isclose(x, y, rtol, atol, equalNan)).getFlat(0) !== 0;
}

export function arrayEqual(a: NDArray, b: NDArray, equalNan = false): boolean {
  if (a.ndim !== b.ndim || a.shape.some((d, i) => d !== b.shape[i])) return false;
  let eq = binary("equal", a, b);
  if (equalNan) eq = binary("logical_or", eq, binary("logical_and", unary("isnan", a), unary("isnan", b)));
  return all(eq).getFlat(0) !== 0;
}
