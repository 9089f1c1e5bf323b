/*
 * CPython's exception class hierarchy and helpers to create exceptions from TypeScript.
 * Exceptions are thrown as JS values (the PyBaseException object itself, never wrapped in Error).
 */

import { PyBaseException, PyType, objectType, typeType, type Allocator, type PyValue } from "./objects";

const excAlloc: Allocator = (cls, args) => new PyBaseException(cls, args);

function excType(name: string, base: PyType | null): PyType {
  return new PyType(typeType, name, [base ?? objectType], new Map(), excAlloc, {
    instanceDict: true,
    frozen: true,
  });
}

export const BaseException = excType("BaseException", null);
export const SystemExit = excType("SystemExit", BaseException);
export const KeyboardInterrupt = excType("KeyboardInterrupt", BaseException);
export const GeneratorExit = excType("GeneratorExit", BaseException);
export const Exception = excType("Exception", BaseException);
export const StopIteration = excType("StopIteration", Exception);
export const ArithmeticError = excType("ArithmeticError", Exception);
export const FloatingPointError = excType("FloatingPointError", ArithmeticError);
export const OverflowError = excType("OverflowError", ArithmeticError);
export const ZeroDivisionError = excType("ZeroDivisionError", ArithmeticError);
export const AssertionError = excType("AssertionError", Exception);
export const AttributeError = excType("AttributeError", Exception);
export const BufferError = excType("BufferError", Exception);
export const EOFError = excType("EOFError", Exception);
export const ImportError = excType("ImportError", Exception);
export const ModuleNotFoundError = excType("ModuleNotFoundError", ImportError);
export const LookupError = excType("LookupError", Exception);
export const IndexError = excType("IndexError", LookupError);
export const KeyError = excType("KeyError", LookupError);
export const MemoryError = excType("MemoryError", Exception);
export const NameError = excType("NameError", Exception);
export const UnboundLocalError = excType("UnboundLocalError", NameError);
export const OSError = excType("OSError", Exception);
export const TimeoutError = excType("TimeoutError", OSError);
export const FileNotFoundError = excType("FileNotFoundError", OSError);
export const ReferenceError = excType("ReferenceError", Exception);
export const RuntimeError = excType("RuntimeError", Exception);
export const NotImplementedError = excType("NotImplementedError", RuntimeError);
export const RecursionError = excType("RecursionError", RuntimeError);
export const SyntaxError = excType("SyntaxError", Exception);
export const IndentationError = excType("IndentationError", SyntaxError);
export const TabError = excType("TabError", IndentationError);
export const SystemError = excType("SystemError", Exception);
export const TypeError = excType("TypeError", Exception);
export const ValueError = excType("ValueError", Exception);
export const UnicodeError = excType("UnicodeError", ValueError);
export const Warning = excType("Warning", Exception);
export const UserWarning = excType("UserWarning", Warning);
export const DeprecationWarning = excType("DeprecationWarning", Warning);
export const RuntimeWarning = excType("RuntimeWarning", Warning);
export const FutureWarning = excType("FutureWarning", Warning);
export const PendingDeprecationWarning = excType("PendingDeprecationWarning", Warning);
export const SyntaxWarning = excType("SyntaxWarning", Warning);
export const ImportWarning = excType("ImportWarning", Warning);
export const UnicodeWarning = excType("UnicodeWarning", Warning);
export const ResourceWarning = excType("ResourceWarning", Warning);

/** Every builtin exception class, for the builtins module. */
export const exceptionTypes: readonly PyType[] = [
  BaseException, SystemExit, KeyboardInterrupt, GeneratorExit, Exception, StopIteration,
  ArithmeticError, FloatingPointError, OverflowError, ZeroDivisionError, AssertionError,
  AttributeError, BufferError, EOFError, ImportError, ModuleNotFoundError, LookupError, IndexError,
  KeyError, MemoryError, NameError, UnboundLocalError, OSError, TimeoutError, FileNotFoundError,
  ReferenceError, RuntimeError, NotImplementedError, RecursionError, SyntaxError, IndentationError,
  TabError, SystemError, TypeError, ValueError, UnicodeError, Warning, UserWarning,
  DeprecationWarning, RuntimeWarning, FutureWarning, PendingDeprecationWarning, SyntaxWarning, ImportWarning,
  UnicodeWarning, ResourceWarning,
];

export function pyException(type: PyType, ...args: PyValue[]): PyBaseException {
  return new PyBaseException(type, args);
}

export const typeError = (msg: string): PyBaseException => pyException(TypeError, msg);
export const valueError = (msg: string): PyBaseException => pyException(ValueError, msg);
export const indexError = (msg: string): PyBaseException => pyException(IndexError, msg);
export const keyError = (key: PyValue): PyBaseException => pyException(KeyError, key);
export const attributeError = (msg: string): PyBaseException => pyException(AttributeError, msg);
export const nameError = (msg: string): PyBaseException => pyException(NameError, msg);
export const zeroDivisionError = (msg: string): PyBaseException => pyException(ZeroDivisionError, msg);
export const overflowError = (msg: string): PyBaseException => pyException(OverflowError, msg);
export const runtimeError = (msg: string): PyBaseException => pyException(RuntimeError, msg);
export const notImplementedError = (msg: string): PyBaseException => pyException(NotImplementedError, msg);
export const memoryError = (msg?: string): PyBaseException =>
  msg === undefined ? pyException(MemoryError) : pyException(MemoryError, msg);

/**
 * The most elements one list, tuple or other sequence may hold. V8 aborts the whole process (not a
 * catchable error) when an array's backing store would outgrow 2^27 slots, and arrays grow by
 * half again, so every path that grows a sequence from user input stops at 2^26 with MemoryError.
 */
export const MAX_SEQUENCE_LENGTH = 2 ** 26;

/** MemoryError when a sequence would reach `length` elements (see MAX_SEQUENCE_LENGTH). */
export function checkSequenceLength(length: number): void {
  if (length > MAX_SEQUENCE_LENGTH) throw memoryError();
}
export const stopIteration = (): PyBaseException => pyException(StopIteration);
export const importError = (msg: string): PyBaseException => pyException(ImportError, msg);
export const moduleNotFound = (name: string): PyBaseException =>
  pyException(ModuleNotFoundError, `No module named '${name}' (not available in Kernel Lab)`);

export function isException(v: unknown): v is PyBaseException {
  return v instanceof PyBaseException;
}
