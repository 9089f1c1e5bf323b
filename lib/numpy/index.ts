/**
 * Kernel Lab's numpy core (pure TypeScript). The Python-facing module lives in ./python; printing in
 * ./printing, random streams in ./random, the float32 matmul kernel in ./kernels.
 */
export * from "./float-formats";
export { type DType, type DTypeName, type Storage, DTYPES, dtypeFromString, promoteTypes, resultType, castValue, allocate } from "./dtypes";
export { NumpyError, type NumpyErrorType } from "./errors";
export {
  NDArray,
  type Operand,
  type PyScalar,
  pyInt,
  pyFloat,
  pyBool,
  fromStorage,
  emptyArray,
  scalarArray,
  contiguousData,
  copyArray,
  astype,
  assign,
  fill,
  broadcastTo,
  broadcastShapes,
  tolist,
  item,
} from "./ndarray";
export * from "./creation";
export * as shape from "./shape";
export * as reductions from "./reductions";
export { unary, binary, where, clip, around, UNARY_UFUNCS, BINARY_UFUNCS } from "./ufuncs";
export { getItem, setItem, type IndexItem } from "./indexing";
export { matmul, dot, inner, outer, einsum, norm } from "./linalg";
export { sort, argsort, unique } from "./sorting";
export { bincount } from "./counting";
export { allclose, isclose, arrayEqual } from "./comparison";
export { assertAllclose, assertArrayEqual, assertArrayAlmostEqual } from "./testing";
