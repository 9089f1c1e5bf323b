/**
 * NKI diagnostics as Python exceptions. The machine model raises `NkiError` (a JS error with the code
 * and a one-line explanation); every native NKI entry point runs under `nkiGuard`, which turns it into
 * a Python `neuronxcc.nki.NkiError` so the engine's traceback points at the kernel line that caused it.
 */

import { attrSet } from "../python/runtime/attr-store";
import { NkiError, type NkiErrorCode } from "../sim";
import * as E from "../python/runtime/errors";
import { PyBaseException, PyType, type PyValue } from "../python/runtime/objects";

export const NkiErrorType = new PyType(E.Exception.cls, "NkiError", [E.Exception], new Map(), E.Exception.alloc, {
  module: "neuronxcc.nki",
  instanceDict: true,
  frozen: true,
});

export function pyNkiError(code: NkiErrorCode, explanation: string): PyBaseException {
  const x = E.pyException(NkiErrorType, `${code}: ${explanation}`);
  if (x.dict !== null) attrSet(x.dict, "code", code);
  return x;
}

/** Runs native NKI code, re-raising machine-model errors as Python NkiErrors. */
export function nkiGuard<T extends PyValue>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw asPythonError(e);
  }
}

/** What nkiGuard re-raises for `e` (for hot paths that catch inline instead of allocating a closure). */
export function asPythonError(e: unknown): unknown {
  return e instanceof NkiError ? pyNkiError(e.code, e.explanation) : e;
}
