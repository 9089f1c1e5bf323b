/**
 * Errors raised by the numpy core, tagged with the Python exception class numpy raises for the same
 * condition so the Python binding can translate them without parsing messages.
 */
export type NumpyErrorType =
  | "ValueError"
  | "TypeError"
  | "UFuncTypeError"
  | "IndexError"
  | "AxisError"
  | "OverflowError"
  | "ZeroDivisionError"
  | "AssertionError"
  | "NotImplementedError"
  | "MemoryError"
  | "LinAlgError";

export class NumpyError extends Error {
  constructor(
    readonly pyType: NumpyErrorType,
    message: string,
  ) {
    super(message);
    this.name = pyType;
  }
}

export function valueError(message: string): NumpyError {
  return new NumpyError("ValueError", message);
}

export function typeError(message: string): NumpyError {
  return new NumpyError("TypeError", message);
}

export function indexError(message: string): NumpyError {
  return new NumpyError("IndexError", message);
}

/** numpy.exceptions.AxisError (a subclass of both ValueError and IndexError in numpy). */
export function axisError(axis: number, ndim: number, argName?: string): NumpyError {
  const prefix = argName === undefined ? "" : `${argName}: `;
  return new NumpyError("AxisError", `${prefix}axis ${axis} is out of bounds for array of dimension ${ndim}`);
}

/**
 * The most elements one JavaScript array of the numpy core may hold (indices, sort buffers, tolist
 * rows). V8 aborts the process rather than throwing when an array outgrows 2^27 slots, and arrays
 * grow by half again; typed-array storage is not limited by this.
 */
export const MAX_JS_ARRAY_LENGTH = 2 ** 26;

/** MemoryError when a JavaScript array of `length` elements would be needed (see MAX_JS_ARRAY_LENGTH). */
export function checkJsArrayLength(length: number): void {
  if (length > MAX_JS_ARRAY_LENGTH) throw new NumpyError("MemoryError", "");
}
