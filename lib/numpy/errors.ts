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
