/** numpy for the Python engine: pass NUMPY_MODULES as `modules` to runSource / Session. */
export { NUMPY_MODULES, numpyModule, numpyLinalgModule, numpyTestingModule } from "./module";
export { numpyRandomModule } from "./random";
export { PyNDArray, PyDType, toArray, toOperand, toDtype, guard } from "./convert";
export { ndarrayType, dtypeType, wrap, wrapArray, dtypeObject } from "./types";
