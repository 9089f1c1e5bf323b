/**
 * The one error type the formatting library throws. It carries the Python exception class name and
 * CPython's exact message so the runtime can re-raise it as the matching Python exception.
 */
export type FormatErrorType = "ValueError" | "TypeError" | "OverflowError" | "KeyError" | "MemoryError";

export class FormatError extends Error {
  readonly pyType: FormatErrorType;

  constructor(pyType: FormatErrorType, message: string) {
    super(message);
    this.name = "FormatError";
    this.pyType = pyType;
  }
}

/**
 * Formatting can be asked for absurd widths or precisions (`f"{x:2000000000}"`). CPython would try to
 * allocate; JavaScript would throw a RangeError from inside the library, which must never reach user
 * code. Anything longer than this is reported as a Python MemoryError instead.
 */
export const MAX_FORMATTED_LENGTH = 1 << 28;

export function checkLength(length: number): void {
  if (length > MAX_FORMATTED_LENGTH) throw new FormatError("MemoryError", "");
}
