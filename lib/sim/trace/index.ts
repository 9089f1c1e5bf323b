export * from "./types";
export { Trace, OperandCursor, OperandCursors, type TensorSpec, type TensorInfo, type LoopInfo, type OperandView, type RecordColumns } from "./trace";
