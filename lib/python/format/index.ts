/**
 * Python value formatting, CPython 3.11-exact, as pure functions over JavaScript values:
 *  - floatRepr: repr()/str() of a float
 *  - formatInt / formatBool / formatFloat / formatStr: the `__format__` methods (format(), f-strings, str.format)
 *  - percentFormat: `str % args`, with hooks for the runtime's object model
 *  - roundFloat / roundFloatToInt / roundInt: round()
 *  - strRepr: repr()/ascii() of a str
 *  - doubleToString: PyOS_double_to_string, for other callers that need 'e'/'f'/'g'/'r' text (numpy printing)
 * Errors are FormatError instances carrying the Python exception type name and CPython's message.
 */
export { FormatError, MAX_FORMATTED_LENGTH, type FormatErrorType } from "./errors";
export { floatRepr } from "./float-repr";
export { doubleToString, type DoubleFormatCode, type DoubleFormatFlags } from "./double-to-string";
export { formatBool, formatFloat, formatInt, formatStr, intToFloat } from "./format-spec";
export { parseFormatSpec, type FormatSpec } from "./spec";
export { percentFormat, type PercentHooks, type PercentValue } from "./percent";
export { roundFloat, roundFloatToInt, roundInt } from "./round";
export { strRepr } from "./str-repr";
