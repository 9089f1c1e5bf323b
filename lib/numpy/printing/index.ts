/** numpy-exact printing of arrays and scalars (numpy 2.4 defaults). */
export { arrayRepr, arrayStr, array2string, dtypeShortRepr, shapeTuple, DEFAULT_PRINT_OPTIONS } from "./arrayprint";
export type { FloatMode, PrintableArray, PrintOptions, SignMode } from "./arrayprint";
export { scalarRepr, scalarStr, floatScalarStr } from "./scalar";
export { formatG, dragon4Positional, dragon4Scientific, type TrimMode } from "./dragon4";
export { shortestDecimal, exactDecimal, type Decimal, type BinaryFloat } from "./decimal";
