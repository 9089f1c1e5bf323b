export * from "./types";
export { Trace, type TensorSpec, type TensorInfo, type LoopInfo, type OperandView } from "./trace";
