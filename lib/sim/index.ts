/** Public API of the functional machine model (what lib/nki binds the NKI language to). */

export { Machine, type MachineOptions, type SimMode, type ExplicitPlacement } from "./machine";
export { TARGETS, DEFAULT_TARGET, resolveTarget, psumBytesPerPartition, type Target, type TargetName } from "./targets";
export { DTYPES, DTYPE_NAMES, dtype, dtypeByCode, type DTypeInfo, type DTypeName } from "./dtypes";
export { NkiError, NKI_ERROR_CODES, nkiError, type NkiErrorCode, type SourceLocation } from "./errors";
export {
  apView, broadcastView, fullView, permuteView, reshapeView, selectView, sliceView, viewSize, type Buffer, type View,
} from "./memory/tensor";
export { ACTIVATION_NAMES, aluOp, REDUCE_OPS } from "./ops/alu";
export { promote, scalarDtype } from "./ops/promotion";
export type { Mask } from "./ops/common";
export { affineMask, type MaskClause, type MaskCmp } from "./ops/mask";
export type { EngineChoice, ReduceCmd, ScalarOrVector } from "./ops/operands";
export { ncMatmul, ncTranspose, type MatmulOpts, type TransposeOpts } from "./ops/tensor-engine";
export { activation, activationReduce, type ActivationArgs, type ActivationReduceArgs } from "./ops/activation";
export {
  memset, reciprocal, scalarTensorTensor, tensorCopy, tensorCopyPredicated, tensorScalar, tensorScalarReduce, tensorTensor,
  type CommonOpts, type PredicatedArgs, type ScalarTensorTensorArgs, type TensorScalarArgs, type TensorScalarReduceArgs,
} from "./ops/elementwise";
export {
  bnAggr, bnStats, INDEX_NOT_FOUND, max8, ncFindIndex8, ncMatchReplace8, tensorPartitionReduce, tensorReduce, tensorTensorScan,
  type ScanArgs, type TensorReduceArgs,
} from "./ops/reduce";
export {
  affineSelect, FP32_MIN, gatherFlattened, iota, localGather, ncStreamShuffle, rangeSelect, selectReduce, SHUFFLE_KEEP,
  type AffineExpr, type RangeSelectArgs, type SelectReduceArgs,
} from "./ops/select";
export { dmaCopy, dmaTranspose, store, type DmaCopyOpts } from "./ops/dma";
export { dropout, rand, randomSeed } from "./ops/random";
export * as nl from "./lower/nl";
export * from "./trace";
