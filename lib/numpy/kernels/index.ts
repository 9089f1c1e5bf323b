/** Numeric kernels shared by the numpy core and the simulator. */
export { matmulF32, matmulF32Reference, hasWasmMatmul } from "./matmul";
