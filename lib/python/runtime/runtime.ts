/*
 * One interpreter's runtime: the protocol operations compiled code calls, plus the services native
 * code uses (calling Python callables, memory charging, limits). All interpreter state lives on this
 * object; nothing is module-global.
 */

import { attrDelete, attrGet, attrHas, attrSet } from "./attr-store";
import { FormatError, floatRepr, formatBool, formatFloat, formatInt, formatStr, strRepr } from "../format";
import { bindArgs } from "./binding";
import * as E from "./errors";
import { STRUCTURAL, type KeyClass, type KeyOps } from "./hashtable";
import {
  Ellipsis,
  ModuleScope,
  None,
  NotImplemented,
  PyBaseException,
  PyBuiltin,
  PyClassMethod,
  PyDict,
  AttrSite,
  PyDictView,
  PyFloat,
  PyFunction,
  PyGetSet,
  PyGenerator,
  PyIterator,
  PyList,
  PyMethod,
  PyMethodDescr,
  PyModule,
  PyObject,
  PyProperty,
  PyRange,
  type BigRange,
  PySet,
  PySlice,
  PyStaticMethod,
  PySuper,
  PyTuple,
  PyType,
  builtinType,
  floatType,
  intType,
  isInt,
  iteratorType,
  listType,
  objectType,
  strType,
  tupleType,
  typeOf,
  frozensetType,
  setType,
  typesChanged,
  lookupAt,
  plainStoreAt,
  typeType,
  type GlobalCell,
  type Kwargs,
  type PyValue,
  tpName,
} from "./objects";
import { astralOffsets, codePointLength, isAscii } from "./codepoints";
import { locationFile, locationLine, spanAt } from "./locations";
import * as N from "./numeric";
import type { CodeInfo, FunctionImpl, Protocol, PyIter } from "./protocol";
import { formatException } from "./traceback";
import { GenericAlias, genericAlias } from "./generic-alias";
import { dirNames, objectDelattr, objectEq, objectFormat, objectHash, objectNew, objectSetattr, objectStr } from "./object-slots";
import { percentFormatValue } from "./percent";
import { cpythonSetOrder } from "./set-order";
import { strCompare, strLess } from "./str-order";
import { bigintToDecimal } from "./types/numbers";
import { MAX_STRING_LENGTH } from "./types/str";
import { dictType as objDictType } from "./objects";

export interface Limits {
  /** Wall-clock budget per execution; 0 or Infinity means none. */
  wallTimeMs: number;
  /** Largest single allocation a program may request (lists, strings, repetitions). */
  memoryBytes: number;
  maxRecursionDepth: number;
}

export const defaultLimits: Limits = {
  wallTimeMs: Infinity,
  memoryBytes: 2 * 1024 ** 3,
  maxRecursionDepth: 1000,
};

/** A module TypeScript code provides (numpy, NKI, the stdlib modules). */
export interface NativeModuleDef {
  name: string;
  init(mod: PyModule, rt: Runtime): void;
}

export interface RuntimeOptions {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  limits?: Partial<Limits>;
  modules?: readonly NativeModuleDef[];
  /** Element 0 non-zero requests KeyboardInterrupt; the runtime clears it when it raises. */
  interruptFlag?: Int32Array;
  /** What `os.environ` starts with (default empty: the server's own environment is never visible). */
  environ?: Readonly<Record<string, string>>;
}

const FUEL = 4096;
/** The highest recursion limit `sys.setrecursionlimit` accepts (deeper JS recursion overflows V8's stack). */
export const MAX_RECURSION_LIMIT = 10_000;

export const listIteratorType = builtinType("list_iterator", [iteratorType], undefined, false);
export const tupleIteratorType = builtinType("tuple_iterator", [iteratorType], undefined, false);
export const rangeIteratorType = builtinType("range_iterator", [iteratorType], undefined, false);
/** CPython 3.11 iterates an all-ASCII str with str_ascii_iterator, any other str with str_iterator. */
export const strAsciiIteratorType = builtinType("str_ascii_iterator", [iteratorType], undefined, false);
export const strIteratorType = builtinType("str_iterator", [iteratorType], undefined, false);
export const dictKeyIteratorType = builtinType("dict_keyiterator", [iteratorType], undefined, false);
export const dictValueIteratorType = builtinType("dict_valueiterator", [iteratorType], undefined, false);
export const dictItemIteratorType = builtinType("dict_itemiterator", [iteratorType], undefined, false);
export const setIteratorType = builtinType("set_iterator", [iteratorType], undefined, false);
export const callIteratorType = builtinType("iterator", [iteratorType], undefined, false);

type BinSlot = { op: string; rop: string; sym: string };
const SLOTS = {
  add: { op: "__add__", rop: "__radd__", sym: "+" },
  sub: { op: "__sub__", rop: "__rsub__", sym: "-" },
  mul: { op: "__mul__", rop: "__rmul__", sym: "*" },
  truediv: { op: "__truediv__", rop: "__rtruediv__", sym: "/" },
  floordiv: { op: "__floordiv__", rop: "__rfloordiv__", sym: "//" },
  mod: { op: "__mod__", rop: "__rmod__", sym: "%" },
  pow: { op: "__pow__", rop: "__rpow__", sym: "** or pow()" },
  matmul: { op: "__matmul__", rop: "__rmatmul__", sym: "@" },
  lshift: { op: "__lshift__", rop: "__rlshift__", sym: "<<" },
  rshift: { op: "__rshift__", rop: "__rrshift__", sym: ">>" },
  and: { op: "__and__", rop: "__rand__", sym: "&" },
  or: { op: "__or__", rop: "__ror__", sym: "|" },
  xor: { op: "__xor__", rop: "__rxor__", sym: "^" },
} satisfies Record<string, BinSlot>;
type BinName = keyof typeof SLOTS;

const CMP = {
  lt: { op: "__lt__", rop: "__gt__", sym: "<" },
  le: { op: "__le__", rop: "__ge__", sym: "<=" },
  gt: { op: "__gt__", rop: "__lt__", sym: ">" },
  ge: { op: "__ge__", rop: "__le__", sym: ">=" },
} satisfies Record<string, BinSlot>;

/** Python's numeric hash modulus (2**61 - 1). */
const HASH_MOD = (1n << 61n) - 1n;

export class Runtime implements Protocol, KeyOps {
  readonly None = None;
  readonly NotImplemented = NotImplemented;
  readonly Ellipsis = Ellipsis;

  readonly limits: Limits;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readonly interruptFlag: Int32Array | null;
  readonly environ: Readonly<Record<string, string>>;
  readonly builtins = new ModuleScope();
  /** sys.modules */
  readonly modules = new Map<string, PyModule>();
  private readonly moduleDefs = new Map<string, NativeModuleDef>();
  /** Source lines by filename, for tracebacks. */
  readonly sources = new Map<string, string[]>();

  depth = 0;
  /**
   * The location (packed file and line, see ./locations) each live frame is executing, indexed by
   * frame depth (the module body is 0). Compiled code writes its slot before any operation that may
   * reach native code (compiler/native-reach.ts), so native code can ask where it was called from.
   */
  readonly lines: Float64Array;
  private fuel = FUEL;
  /** Bytes of big strings created in this execution (see chargeString). */
  private stringChurn = 0;
  private deadline = Infinity;
  /** Set once a limit fired in this execution: every later tick raises again. */
  private tripped: PyBaseException | null = null;
  /** Exceptions currently being handled (innermost last), for __context__ and bare raise. */
  handling: PyBaseException[] = [];
  /** Containers being repr'd (cycle guard: `[...]`). */
  private readonly reprActive = new Set<PyObject>();
  private readonly ids = new WeakMap<object, number>();
  private nextId = 0x7f3a2c000000;

  constructor(opts: RuntimeOptions) {
    this.limits = { ...defaultLimits, ...opts.limits };
    this.lines = new Float64Array(Math.max(this.limits.maxRecursionDepth, MAX_RECURSION_LIMIT) + 1);
    this.stdout = opts.stdout;
    this.stderr = opts.stderr;
    this.interruptFlag = opts.interruptFlag ?? null;
    this.environ = { ...opts.environ };
    for (const def of opts.modules ?? []) this.moduleDefs.set(def.name, def);
  }

  registerModule(def: NativeModuleDef): void {
    this.moduleDefs.set(def.name, def);
  }

  // ---- execution lifecycle ---------------------------------------------------------------------

  /** Called by Session/runSource around every execution. */
  beginExecution(): void {
    this.stringChurn = 0;
    this.depth = 0;
    this.handling = [];
    this.tripped = null;
    this.fuel = FUEL;
    const w = this.limits.wallTimeMs;
    this.deadline = w > 0 && Number.isFinite(w) ? Date.now() + w : Infinity;
  }

  endExecution(): void {
    this.depth = 0;
    this.handling = [];
    this.tripped = null;
    this.reprActive.clear();
  }

  // ---- literals --------------------------------------------------------------------------------

  readonly floatClass = PyFloat;

  float(v: number): PyFloat {
    return new PyFloat(v);
  }
  bigint(text: string): PyValue {
    return N.norm(BigInt(text));
  }
  list(items: PyValue[]): PyList {
    return new PyList(items);
  }
  tuple(items: PyValue[]): PyTuple {
    return items.length === 0 ? EMPTY_TUPLE : new PyTuple(items);
  }
  set(items: PyValue[]): PySet {
    const s = new PySet();
    for (const it of items) s.table.set(it, None, this);
    return s;
  }
  /** A set display's starred part: set.update, so a set is merged as CPython's SET_UPDATE merges it. */
  setUpdate(s: PySet, items: PyValue): void {
    this.callBound(setType.lookup("update") as PyValue, s, [items]);
  }
  setAdd(s: PySet, item: PyValue): void {
    s.table.set(item, None, this);
  }
  /** A set display of constants, which CPython builds by copying a frozenset (set-order.ts). */
  constantSet(items: PyValue[]): PySet {
    const s = this.set(items);
    s.fromConstants = s.table.size;
    return s;
  }
  dict(keys: PyValue[], values: PyValue[]): PyDict {
    const d = new PyDict();
    for (let i = 0; i < keys.length; i++) d.table.set(keys[i], values[i], this);
    return d;
  }
  dictUpdate(target: PyObject, mapping: PyValue): void {
    if (!(target instanceof PyDict)) throw E.typeError("internal: dictUpdate target is not a dict");
    this.mergeMapping(target, mapping, false);
  }
  /** dict.update / {**m}: from a dict or anything with keys() and __getitem__. */
  mergeMapping(target: PyDict, mapping: PyValue, _allowPairs: boolean): void {
    if (mapping instanceof PyDict) {
      for (const e of mapping.table.iterate()) target.table.set(e.k, e.v, this);
      return;
    }
    if (this.lookupType(mapping, "keys") === undefined) {
      throw E.typeError(`'${typeOf(mapping).name}' object is not a mapping`);
    }
    for (const k of this.iterate(this.callMethod0(mapping, "keys"))) {
      target.table.set(k, this.getitem(mapping, k), this);
    }
  }
  extend(target: PyValue[], iterable: PyValue): void {
    if (iterable instanceof PyList || iterable instanceof PyTuple) {
      // `x += x`: copy first, or the loop would read the elements it appends, without end.
      const items = iterable.items === target ? target.slice() : iterable.items;
      E.checkSequenceLength(target.length + items.length);
      for (const v of items) target.push(v);
      return;
    }
    const it = this.iter(iterable);
    for (let v = it.next(); v !== undefined; v = it.next()) {
      target.push(v);
      if ((target.length & 0xffff) === 0) {
        E.checkSequenceLength(target.length);
        this.charge(target.length * 8);
        this.tick();
      }
    }
  }
  slice(start: PyValue, stop: PyValue, step: PyValue): PySlice {
    return new PySlice(start, stop, step);
  }

  // ---- frames and limits -----------------------------------------------------------------------

  enter(): number {
    if (++this.depth > this.limits.maxRecursionDepth) {
      this.depth--;
      throw E.pyException(E.RecursionError, "maximum recursion depth exceeded");
    }
    if (--this.fuel < 0) this.poll();
    return this.depth;
  }
  /**
   * File and line of the innermost Python frame's operation that called into native code. Inside a
   * generator expression this is the line of the frame that advanced it. Only meaningful while
   * native code called from Python runs.
   */
  currentLocation(): { file: string; line: number } {
    return this.locationAt(this.depth);
  }
  /** The location the frame at `depth` (0 is the module body) last published. */
  locationAt(depth: number): { file: string; line: number } {
    const packed = this.lines[depth];
    return { file: locationFile(packed), line: locationLine(packed) };
  }
  leave(): void {
    this.depth--;
  }
  tick(): void {
    if (--this.fuel < 0) this.poll();
  }
  private poll(): void {
    this.fuel = FUEL;
    if (this.tripped !== null) {
      this.fuel = 0;
      throw E.pyException(this.tripped.cls, ...this.tripped.args);
    }
    const flag = this.interruptFlag;
    if (flag !== null && Atomics.load(flag, 0) !== 0) {
      Atomics.store(flag, 0, 0);
      this.trip(E.pyException(E.KeyboardInterrupt));
    }
    if (this.deadline !== Infinity && Date.now() > this.deadline) {
      this.trip(E.pyException(E.TimeoutError, `execution exceeded the time limit of ${this.limits.wallTimeMs / 1000} s`));
    }
  }
  private trip(exc: PyBaseException): never {
    this.tripped = exc;
    this.fuel = 0;
    throw exc;
  }
  /** Refuse an allocation of `bytes` when it is over the memory budget. */
  charge(bytes: number): void {
    if (!(bytes <= this.limits.memoryBytes)) throw E.memoryError();
  }

  /**
   * Account a big string created by slicing or repetition. V8 shares memory between a string and
   * its slices where CPython copies, so a program that keeps thousands of 30 MB slices would run out
   * of memory in CPython but not here; the engine cannot see which strings are still alive, so it
   * counts the bytes of every big slice or repetition made during one execution against the budget.
   * (Concatenation is exempt: building a long string with `+=` is common and cheap in CPython.)
   */
  chargeString(length: number): void {
    if (length < BIG_STRING) return;
    this.stringChurn += length * 2;
    if (this.stringChurn > this.limits.memoryBytes) {
      this.stringChurn = 0;
      throw E.memoryError();
    }
  }

  globalMiss(cell: GlobalCell, code?: CodeInfo, module?: ModuleScope): PyValue {
    const b = this.builtins.get(cell.name);
    if (b !== undefined) return b;
    const e = this.nameError(cell.name);
    if (module !== undefined) {
      e.suggestion = { name: cell.name, candidates: () => [code?.varnames ?? [], [...module.names()], [...this.builtins.names()]] };
    }
    throw e;
  }
  nameError(name: string): PyBaseException {
    if (NOT_AVAILABLE.has(name)) return E.nameError(`name '${name}' is not defined (${name}() is not available in Kernel Lab)`);
    const e = E.nameError(`name '${name}' is not defined`);
    if (e.dict !== null) attrSet(e.dict, "name", name);
    return e;
  }
  delGlobal(cell: GlobalCell): void {
    if (cell.v === undefined) throw this.nameError(cell.name);
    cell.v = undefined;
  }
  unboundLocal(name: string): never {
    throw E.pyException(E.UnboundLocalError, `cannot access local variable '${name}' where it is not associated with a value`);
  }
  unboundFree(name: string): never {
    throw E.nameError(`cannot access free variable '${name}' where it is not associated with a value in enclosing scope`);
  }

  // ---- exceptions ------------------------------------------------------------------------------

  /** Any thrown JS value as a Python exception (JS errors from the host become Python errors). */
  toPyException(e: unknown): PyBaseException {
    if (e instanceof PyBaseException) return e;
    if (e instanceof FormatError) return E.pyException(formatErrorType(e), ...(e.message === "" ? [] : [e.message]));
    // Near the stack's end even compiling a regular expression overflows (V8 then reports a SyntaxError
    // naming the overflow), so the overflow check is a plain substring test on any error.
    if (e instanceof Error && e.message.includes("Maximum call stack size exceeded")) return E.pyException(E.RecursionError, "maximum recursion depth exceeded");
    if (e instanceof RangeError && /invalid (string|array) length|allocation failed|too large|maximum size exceeded/i.test(e.message)) return E.memoryError();
    const msg = e instanceof Error ? e.message : String(e);
    return E.pyException(E.SystemError, `internal error in Kernel Lab: ${msg}`);
  }

  traceback(e: unknown, code: CodeInfo, position: number, frame: number): PyBaseException {
    const x = this.toPyException(e);
    const tb = x.tb;
    if (tb.length === 0) {
      const ctx = this.handling.length > 0 ? this.handling[this.handling.length - 1] : null;
      if (ctx !== null && ctx !== x && x.context === null) x.context = ctx;
    }
    const last = tb.length > 0 ? tb[tb.length - 1] : undefined;
    if (last === undefined || last.frame !== frame || last.code !== code) {
      const lookup = this.failedMethodLookup === x && this.failedMethodLookupDepth === tb.length;
      if (lookup) this.failedMethodLookup = null;
      tb.push({ code, frame, ...spanAt(code.positions, position, lookup) });
    }
    return x;
  }
  caught(e: unknown, code: CodeInfo, position: number, frame: number): PyBaseException {
    const x = this.traceback(e, code, position, frame);
    this.handling.push(x);
    return x;
  }
  /**
   * An exception leaving an except block: one raised there by an operation (not `raise`, which sets
   * it itself, nor a called function, whose frame did) gets the handled exception as its context.
   */
  fromHandler(e: unknown): PyBaseException {
    const x = this.toPyException(e);
    const ctx = this.handling.length > 0 ? this.handling[this.handling.length - 1] : null;
    if (ctx !== null && ctx !== x && x.context === null) x.context = ctx;
    return x;
  }
  endHandler(): void {
    this.handling.pop();
  }
  excMatch(exc: PyBaseException, type: PyValue): boolean {
    if (type instanceof PyTuple) return type.items.some((t) => this.excMatch(exc, t));
    if (!(type instanceof PyType) || !type.isSubtypeOf(E.BaseException)) {
      throw E.typeError("catching classes that do not inherit from BaseException is not allowed");
    }
    return exc.cls.isSubtypeOf(type);
  }
  /** Turn `X` in `raise X` into an exception instance. */
  private instantiateException(v: PyValue, what: string): PyBaseException {
    if (v instanceof PyBaseException) return v;
    if (v instanceof PyType && v.isSubtypeOf(E.BaseException)) {
      const x = this.construct(v, [], null);
      if (x instanceof PyBaseException) return x;
      throw E.typeError(`calling ${v.name} should have returned an instance of BaseException, not ${typeOf(x).name}`);
    }
    throw E.typeError(what);
  }
  raise(exc: PyValue, cause?: PyValue): PyBaseException {
    const x = this.instantiateException(exc, "exceptions must derive from BaseException");
    if (cause !== undefined) {
      x.cause = cause === None ? null : this.instantiateException(cause, "exception causes must derive from BaseException");
      x.suppressContext = true;
    }
    const ctx = this.handling.length > 0 ? this.handling[this.handling.length - 1] : null;
    if (ctx !== null && ctx !== x) x.context = ctx;
    return x;
  }
  reraise(): PyBaseException {
    if (this.handling.length === 0) return E.runtimeError("No active exception to reraise");
    return this.handling[this.handling.length - 1];
  }
  assertFail(msg?: PyValue): PyBaseException {
    return msg === undefined ? E.pyException(E.AssertionError) : E.pyException(E.AssertionError, msg);
  }
  withEnter(m: PyValue): PyValue {
    const t = typeOf(m);
    const enter = t.lookup("__enter__");
    if (enter === undefined || t.lookup("__exit__") === undefined) {
      throw E.typeError(`'${t.name}' object does not support the context manager protocol`);
    }
    return this.callBound(enter, m, []);
  }
  withExit(m: PyValue, exc: PyBaseException | null): boolean {
    const exit = typeOf(m).lookup("__exit__") as PyValue;
    const r = exc === null ? this.callBound(exit, m, [None, None, None]) : this.callBound(exit, m, [exc.cls, exc, None]);
    return exc !== null && this.truthy(r);
  }
  /** The CPython-format traceback text of an uncaught exception (with chained causes). */
  formatException(x: PyBaseException): string {
    return formatException(this, x);
  }

  // ---- attributes ------------------------------------------------------------------------------

  /** Look a name up on the type of `v` (no instance dict, no binding). */
  lookupType(v: PyValue, name: string): PyValue | undefined {
    return typeOf(v).lookup(name);
  }

  getattr(obj: PyValue, name: string, site: AttrSite | null = null): PyValue {
    if (typeof obj === "object" && obj.dict !== null) {
      // Instances with an attribute dict (never modules, types or super objects): only data
      // descriptors on the type take precedence over the dict.
      const d = lookupAt(site, obj.cls, name);
      if (d === undefined || !(d instanceof PyGetSet || d instanceof PyProperty)) {
        const v = attrGet(obj.dict, name);
        if (v !== undefined) return v;
        if (d !== undefined) return this.bind(d, obj, obj.cls);
      }
    }
    if (typeof obj === "object") {
      if (obj instanceof PyModule) {
        const v = obj.scope.get(name);
        if (v !== undefined) return v;
        if (name === "__dict__") return this.scopeToDict(obj.scope);
        throw withSuggestion(E.attributeError(`module '${obj.name}' has no attribute '${name}'`), name, () => [...obj.scope.names()].sort(strCompare));
      }
      if (obj instanceof PyType) return this.typeGetattr(obj, name);
      if (obj instanceof PySuper) return this.superGetattr(obj, name);
    }
    const cls = typeOf(obj);
    const d = lookupAt(site, cls, name);
    if (d !== undefined && typeof d === "object") {
      if (d instanceof PyGetSet) return d.get(obj, this);
      if (d instanceof PyProperty) {
        if (d.fget === None) throw E.attributeError(`property '${this.propertyName(d)}' of '${cls.name}' object has no getter`);
        return this.call1(d.fget, obj);
      }
    }
    if (typeof obj === "object" && obj.dict !== null) {
      const v = attrGet(obj.dict, name);
      if (v !== undefined) return v;
    }
    if (d !== undefined) return this.bind(d, obj, cls);
    const ga = cls.lookup("__getattr__");
    if (ga !== undefined) return this.callBound(ga, obj, [name]);
    throw withSuggestion(E.attributeError(`'${tpName(cls)}' object has no attribute '${name}'`), name, () => dirNames(obj));
  }

  private propertyName(p: PyProperty): string {
    const f = p.fget !== None ? p.fget : p.fset;
    return f instanceof PyFunction ? f.name : "?";
  }

  /** Descriptor binding for a value found on a type while looking up an instance attribute. */
  private bind(d: PyValue, obj: PyValue, cls: PyType): PyValue {
    if (typeof d !== "object") return d;
    if (d instanceof PyFunction || d instanceof PyMethodDescr) return new PyMethod(obj, d);
    if (d instanceof PyClassMethod) return new PyMethod(cls, d.func);
    if (d instanceof PyStaticMethod) return d.func;
    return d;
  }

  private typeGetattr(t: PyType, name: string): PyValue {
    const meta = t.cls;
    const md = meta.lookup(name);
    if (md instanceof PyGetSet) return md.get(t, this);
    const v = t.lookup(name);
    if (v !== undefined) {
      if (v instanceof PyClassMethod) return new PyMethod(t, v.func);
      if (v instanceof PyStaticMethod) return v.func;
      return v;
    }
    if (md !== undefined) return this.bind(md, t, meta);
    throw withSuggestion(E.attributeError(`type object '${t.name}' has no attribute '${name}'`), name, () => dirNames(t));
  }

  private superGetattr(s: PySuper, name: string): PyValue {
    const mro = s.selfType.mro;
    const start = mro.indexOf(s.thisClass);
    for (let i = start + 1; i < mro.length; i++) {
      const v = mro[i].ns.get(name);
      if (v === undefined) continue;
      if (v instanceof PyGetSet) return v.get(s.self, this);
      if (v instanceof PyProperty) return this.call1(v.fget, s.self);
      if (s.self === s.selfType && !(v instanceof PyClassMethod)) {
        return v instanceof PyStaticMethod ? v.func : v;
      }
      return this.bind(v, s.self, s.selfType);
    }
    throw E.attributeError(`'super' object has no attribute '${name}'`);
  }

  checkLength(length: number): void {
    E.checkSequenceLength(length);
  }

  attrSite(): AttrSite {
    return new AttrSite();
  }

  setattr(obj: PyValue, name: string, value: PyValue, site: AttrSite | null = null): void {
    if (typeof obj === "object" && obj.dict !== null && plainStoreAt(site, obj.cls, name)) {
      attrSet(obj.dict, name, value);
      return;
    }
    const hook = typeOf(obj).lookup("__setattr__");
    if (hook !== objectSetattr && hook !== undefined) {
      this.callBound(hook, obj, [name, value]);
      return;
    }
    this.genericSetattr(obj, name, value);
  }

  /** object.__setattr__: data descriptors, then the instance dict. */
  genericSetattr(obj: PyValue, name: string, value: PyValue): void {
    const cls = typeOf(obj);
    const d = cls.lookup(name);
    if (d !== undefined && typeof d === "object") {
      if (d instanceof PyGetSet) {
        if (d.set === null) throw E.attributeError(`attribute '${name}' of '${cls.name}' objects is not writable`);
        d.set(obj, value, this);
        return;
      }
      if (d instanceof PyProperty) {
        if (d.fset === None) throw E.attributeError(`property '${this.propertyName(d)}' of '${cls.name}' object has no setter`);
        this.call2(d.fset, obj, value);
        return;
      }
    }
    if (typeof obj === "object") {
      if (obj instanceof PyType) {
        if (obj.frozen) throw E.typeError(`cannot set '${name}' attribute of immutable type '${typeQualName(obj)}'`);
        obj.ns.set(name, value);
        typesChanged();
        return;
      }
      if (obj instanceof PyModule) {
        obj.scope.set(name, value);
        return;
      }
      if (obj.dict !== null) {
        attrSet(obj.dict, name, value);
        return;
      }
    }
    if (d !== undefined) throw E.attributeError(`'${cls.name}' object attribute '${name}' is read-only`);
    throw E.attributeError(`'${cls.name}' object has no attribute '${name}'`);
  }

  delattr(obj: PyValue, name: string): void {
    const hook = typeOf(obj).lookup("__delattr__");
    if (hook !== objectDelattr && hook !== undefined) {
      this.callBound(hook, obj, [name]);
      return;
    }
    this.genericDelattr(obj, name);
  }

  /** object.__delattr__. */
  genericDelattr(obj: PyValue, name: string): void {
    const cls = typeOf(obj);
    const d = cls.lookup(name);
    if (d instanceof PyProperty) {
      if (d.fdel === None) throw E.attributeError(`property '${this.propertyName(d)}' of '${cls.name}' object has no deleter`);
      this.call1(d.fdel, obj);
      return;
    }
    if (typeof obj === "object") {
      if (obj instanceof PyType) {
        if (obj.frozen) throw E.typeError(`cannot delete '${name}' attribute of immutable type '${typeQualName(obj)}'`);
        if (!obj.ns.delete(name)) throw E.attributeError(`type object '${obj.name}' has no attribute '${name}'`);
        typesChanged();
        return;
      }
      if (obj instanceof PyModule) {
        if (!obj.scope.delete(name)) throw E.attributeError(`module '${obj.name}' has no attribute '${name}'`);
        return;
      }
      if (obj.dict !== null && attrDelete(obj.dict, name)) return;
    }
    throw E.attributeError(`'${cls.name}' object has no attribute '${name}'`);
  }

  hasattr(obj: PyValue, name: string): boolean {
    try {
      this.getattr(obj, name);
      return true;
    } catch (e) {
      if (e instanceof PyBaseException && e.cls.isSubtypeOf(E.AttributeError)) return false;
      throw e;
    }
  }

  scopeToDict(scope: ModuleScope): PyDict {
    const d = new PyDict();
    for (const c of scope.cells.values()) if (c.v !== undefined) d.table.set(c.name, c.v, this);
    return d;
  }

  // ---- items -----------------------------------------------------------------------------------

  /**
   * Normalise an index for a sequence of length `n`; throws IndexError(`what` index out of range),
   * or TypeError(`kind` indices must be integers...) for a key that is no index.
   */
  index(key: PyValue, n: number, what: string, kind = what): number {
    let i: number;
    if (typeof key === "number") i = key;
    else if (typeof key === "boolean") i = key ? 1 : 0;
    else if (typeof key === "bigint") throw E.indexError(`cannot fit 'int' into an index-sized integer`);
    else i = this.asIndex(key, `${kind} indices must be integers or slices, not ${typeOf(key).name}`);
    if (i < 0) i += n;
    if (i < 0 || i >= n) throw E.indexError(`${what} index out of range`);
    return i;
  }

  /** `__index__` conversion to a JS number (IndexError-free); TypeError with `msg` otherwise. */
  asIndex(v: PyValue, msg: string): number {
    if (typeof v === "number") return v;
    if (typeof v === "boolean") return v ? 1 : 0;
    if (typeof v === "bigint") return Number(v);
    if (typeof v === "object") {
      const f = v.cls.lookup("__index__");
      if (f !== undefined) {
        const r = this.callBound(f, v, []);
        if (isInt(r)) return Number(r);
        throw E.typeError(`__index__ returned non-int (type ${typeOf(r).name})`);
      }
    }
    throw E.typeError(msg);
  }

  /** slice.indices(n): clamped start, stop, step and the resulting length. */
  sliceIndices(s: PySlice, n: number): [number, number, number, number] {
    const msg = "slice indices must be integers or None or have an __index__ method";
    let step = s.step === None ? 1 : this.asIndex(s.step, msg);
    if (step === 0) throw E.valueError("slice step cannot be zero");
    if (!Number.isFinite(step)) step = step > 0 ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
    const lower = step < 0 ? -1 : 0;
    const upper = step < 0 ? n - 1 : n;
    const clamp = (v: PyValue, dflt: number): number => {
      if (v === None) return dflt;
      let i = this.asIndex(v, msg);
      if (i < 0) {
        i += n;
        if (i < lower) i = lower;
      } else if (i > upper) i = upper;
      return i;
    };
    const start = clamp(s.start, step < 0 ? upper : lower);
    const stop = clamp(s.stop, step < 0 ? lower : upper);
    let len = 0;
    if (step > 0) len = start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
    else len = start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0;
    return [start, stop, step, len];
  }

  sliceArray<T>(items: readonly T[], s: PySlice): T[] {
    const [start, stop, step, len] = this.sliceIndices(s, items.length);
    if (step === 1) return items.slice(start, stop);
    const out: T[] = new Array(len);
    for (let i = 0, j = start; i < len; i++, j += step) out[i] = items[j];
    return out;
  }

  getitem(obj: PyValue, key: PyValue): PyValue {
    if (typeof obj === "object") {
      if (obj instanceof PyList) {
        const items = obj.items;
        if (typeof key === "number") {
          const i = key < 0 ? key + items.length : key;
          if (i >= 0 && i < items.length) return items[i];
          throw E.indexError("list index out of range");
        }
        if (key instanceof PySlice && obj.cls === listType) return new PyList(this.sliceArray(items, key));
        if (obj.cls === listType) return items[this.index(key, items.length, "list")];
      } else if (obj instanceof PyTuple) {
        const items = obj.items;
        if (typeof key === "number") {
          const i = key < 0 ? key + items.length : key;
          if (i >= 0 && i < items.length) return items[i];
          throw E.indexError("tuple index out of range");
        }
        if (key instanceof PySlice) return new PyTuple(this.sliceArray(items, key));
        return items[this.index(key, items.length, "tuple")];
      } else if (obj instanceof PyDict && obj.cls === objDictType) {
        const v = obj.table.get(key, this);
        if (v !== undefined) return v;
        throw E.keyError(key);
      }
    } else if (typeof obj === "string") {
      // Indices count code points: `offsets` locates them when the string has any outside the BMP.
      const offsets = astralOffsets(obj);
      const length = offsets === null ? obj.length : offsets.length - 1;
      if (key instanceof PySlice) {
        const [start, stop, step, len] = this.sliceIndices(key, length);
        this.chargeString(len);
        if (offsets === null) {
          if (step === 1) return obj.slice(start, stop);
          let out = "";
          for (let i = 0, j = start; i < len; i++, j += step) out += obj[j];
          return out;
        }
        if (step === 1) return len === 0 ? "" : obj.slice(offsets[start], offsets[stop]);
        let out = "";
        for (let i = 0, j = start; i < len; i++, j += step) out += obj.slice(offsets[j], offsets[j + 1]);
        return out;
      }
      if (typeof key !== "number" && typeof key !== "boolean" && !(typeof key === "object" && key.cls.lookup("__index__"))) {
        throw E.typeError(`string indices must be integers, not '${typeOf(key).name}'`);
      }
      const i = this.index(key, length, "string");
      return offsets === null ? obj[i] : obj.slice(offsets[i], offsets[i + 1]);
    }
    const f = typeOf(obj).lookup("__getitem__");
    if (f !== undefined) return this.callBound(f, obj, [key]);
    if (obj instanceof PyType) {
      const cg = obj.lookup("__class_getitem__");
      if (cg !== undefined) return this.call(cg instanceof PyClassMethod ? new PyMethod(obj, cg.func) : cg, [key], null);
      // `list[int]` in annotations: a types.GenericAlias. Types CPython does not make generic
      // (int, str, object, ...) refuse, as there.
      if (!obj.frozen || NOT_GENERIC.has(obj.name)) throw E.typeError(`type '${obj.name}' is not subscriptable`);
      return genericAlias(obj, key);
    }
    throw E.typeError(`'${typeOf(obj).name}' object is not subscriptable`);
  }

  setitem(obj: PyValue, key: PyValue, value: PyValue): void {
    if (typeof obj === "object") {
      if (obj instanceof PyList && obj.cls === listType) {
        const items = obj.items;
        if (typeof key === "number") {
          const i = key < 0 ? key + items.length : key;
          if (i >= 0 && i < items.length) {
            items[i] = value;
            return;
          }
          throw E.indexError("list assignment index out of range");
        }
        if (key instanceof PySlice) {
          this.listSetSlice(obj, key, value);
          return;
        }
        items[this.index(key, items.length, "list assignment")] = value;
        return;
      }
      if (obj instanceof PyDict && obj.cls === objDictType) {
        obj.table.set(key, value, this);
        return;
      }
    }
    const f = typeOf(obj).lookup("__setitem__");
    if (f !== undefined) {
      this.callBound(f, obj, [key, value]);
      return;
    }
    throw E.typeError(`'${typeOf(obj).name}' object does not support item assignment`);
  }

  listSetSlice(list: PyList, s: PySlice, value: PyValue): void {
    const items = list.items;
    if (!this.isIterable(value)) throw E.typeError("can only assign an iterable");
    const src = value === list ? items.slice() : this.toArray(value);
    const [start, stop, step, len] = this.sliceIndices(s, items.length);
    if (step === 1) {
      const tail = items.slice(Math.max(start, stop));
      E.checkSequenceLength(start + src.length + tail.length);
      this.charge((items.length + src.length) * 8);
      // Rebuilt in place without spreading src into a call (a long src would overflow the stack).
      items.length = start;
      for (const v of src) items.push(v);
      for (const v of tail) items.push(v);
      return;
    }
    if (src.length !== len) {
      throw E.valueError(`attempt to assign sequence of size ${src.length} to extended slice of size ${len}`);
    }
    for (let i = 0, j = start; i < len; i++, j += step) items[j] = src[i];
  }

  delitem(obj: PyValue, key: PyValue): void {
    if (typeof obj === "object") {
      if (obj instanceof PyList && obj.cls === listType) {
        const items = obj.items;
        if (key instanceof PySlice) {
          const [start, stop, step, len] = this.sliceIndices(key, items.length);
          if (step === 1) {
            items.splice(start, Math.max(0, stop - start));
          } else {
            const drop = new Set<number>();
            for (let i = 0, j = start; i < len; i++, j += step) drop.add(j);
            obj.items = items.filter((_, i) => !drop.has(i));
          }
          return;
        }
        items.splice(this.index(key, items.length, "list assignment"), 1);
        return;
      }
      if (obj instanceof PyDict && obj.cls === objDictType) {
        if (obj.table.delete(key, this) === undefined) throw E.keyError(key);
        return;
      }
    }
    const f = typeOf(obj).lookup("__delitem__");
    if (f !== undefined) {
      this.callBound(f, obj, [key]);
      return;
    }
    // CPython says "doesn't" for types with sequence or mapping slots (str, tuple, set, range, and
    // every class defined in Python) and "does not" for the others (int, None).
    const t = typeOf(obj);
    const container = typeof obj === "string" || !t.frozen || t.lookup("__getitem__") !== undefined || t.lookup("__len__") !== undefined || t.lookup("__contains__") !== undefined;
    const what = container ? "doesn't support item deletion" : "does not support item deletion";
    throw E.typeError(`'${typeOf(obj).name}' object ${what}`);
  }

  // ---- arithmetic ------------------------------------------------------------------------------

  add(a: PyValue, b: PyValue): PyValue {
    if (typeof a === "number" && typeof b === "number") {
      const r = a + b;
      return Number.isSafeInteger(r) ? r : N.intAdd(a, b);
    }
    if (typeof a === "string" && typeof b === "string") {
      const n = a.length + b.length;
      if (n >= BIG_STRING) {
        this.charge(n * 2);
        if (n > MAX_STRING_LENGTH) throw E.memoryError();
      }
      return a + b;
    }
    if (a instanceof PyFloat) {
      if (b instanceof PyFloat) return new PyFloat(a.v + b.v);
      if (typeof b === "number") return new PyFloat(a.v + b);
    } else if (typeof a === "number" && b instanceof PyFloat) return new PyFloat(a + b.v);
    return this.binop("add", a, b);
  }
  sub(a: PyValue, b: PyValue): PyValue {
    if (typeof a === "number" && typeof b === "number") {
      const r = a - b;
      return Number.isSafeInteger(r) ? r : N.intSub(a, b);
    }
    if (a instanceof PyFloat) {
      if (b instanceof PyFloat) return new PyFloat(a.v - b.v);
      if (typeof b === "number") return new PyFloat(a.v - b);
    } else if (typeof a === "number" && b instanceof PyFloat) return new PyFloat(a - b.v);
    return this.binop("sub", a, b);
  }
  mul(a: PyValue, b: PyValue): PyValue {
    if (typeof a === "number" && typeof b === "number") {
      const r = a * b;
      return Number.isSafeInteger(r) ? (r === 0 ? 0 : r) : N.intMul(a, b);
    }
    if (a instanceof PyFloat) {
      if (b instanceof PyFloat) return new PyFloat(a.v * b.v);
      if (typeof b === "number") return new PyFloat(a.v * b);
    } else if (typeof a === "number" && b instanceof PyFloat) return new PyFloat(a * b.v);
    return this.binop("mul", a, b);
  }
  truediv(a: PyValue, b: PyValue): PyValue {
    if (a instanceof PyFloat) {
      if (b instanceof PyFloat) return new PyFloat(N.floatTrueDiv(a.v, b.v));
      if (typeof b === "number") return new PyFloat(N.floatTrueDiv(a.v, b));
    } else if (typeof a === "number") {
      if (b instanceof PyFloat) return new PyFloat(N.floatTrueDiv(a, b.v));
      if (typeof b === "number") return new PyFloat(N.intTrueDiv(a, b));
    }
    return this.binop("truediv", a, b);
  }
  floordiv(a: PyValue, b: PyValue): PyValue {
    if (typeof a === "number" && typeof b === "number" && b > 0 && a >= 0) return Math.floor(a / b);
    return this.binop("floordiv", a, b);
  }
  mod(a: PyValue, b: PyValue): PyValue {
    if (typeof a === "number" && typeof b === "number" && b > 0 && a >= 0) return a % b;
    if (typeof a === "string") return this.percentFormat(a, b);
    return this.binop("mod", a, b);
  }
  pow(a: PyValue, b: PyValue): PyValue {
    return this.binop("pow", a, b);
  }
  matmul(a: PyValue, b: PyValue): PyValue {
    return this.binop("matmul", a, b);
  }
  lshift(a: PyValue, b: PyValue): PyValue {
    return this.binop("lshift", a, b);
  }
  rshift(a: PyValue, b: PyValue): PyValue {
    return this.binop("rshift", a, b);
  }
  and(a: PyValue, b: PyValue): PyValue {
    return this.binop("and", a, b);
  }
  or(a: PyValue, b: PyValue): PyValue {
    return this.binop("or", a, b);
  }
  xor(a: PyValue, b: PyValue): PyValue {
    return this.binop("xor", a, b);
  }

  /** The generic binary operator: a.__op__(b), then b.__rop__(a), with subclass priority. */
  binop(name: BinName, a: PyValue, b: PyValue, inplace = false): PyValue {
    if (N.isHugeInt(a) || N.isHugeInt(b)) {
      // Arithmetic on huge ints can take seconds per operation: check the clock and the interrupt
      // flag after each, not once per FUEL loop iterations.
      const r = this.dispatchBinop(name, a, b, inplace);
      this.fuel = 0;
      this.tick();
      return r;
    }
    return this.dispatchBinop(name, a, b, inplace);
  }

  private dispatchBinop(name: BinName, a: PyValue, b: PyValue, inplace: boolean): PyValue {
    const slot = SLOTS[name];
    const ta = typeOf(a);
    const tb = typeOf(b);
    const fa = ta.lookup(slot.op);
    let fb = ta === tb ? undefined : tb.lookup(slot.rop);
    if (fb !== undefined && tb.isSubtypeOf(ta) && fb !== ta.lookup(slot.rop)) {
      const r = this.callBound(fb, b, [a]);
      if (r !== NotImplemented) return r;
      fb = undefined;
    }
    if (fa !== undefined) {
      const r = this.callBound(fa, a, [b]);
      if (r !== NotImplemented) return r;
    }
    if (fb !== undefined) {
      const r = this.callBound(fb, b, [a]);
      if (r !== NotImplemented) return r;
    }
    throw this.binopError(name, ta, tb, inplace);
  }

  private binopError(name: BinName, ta: PyType, tb: PyType, inplace: boolean): PyBaseException {
    if (name === "add" && (ta === strType || ta === listType || ta === tupleType)) {
      return E.typeError(`can only concatenate ${ta.name} (not "${tb.name}") to ${ta.name}`);
    }
    if (name === "mul" && (isSeqType(ta) || isSeqType(tb))) {
      const other = isSeqType(ta) ? tb : ta;
      return E.typeError(`can't multiply sequence by non-int of type '${other.name}'`);
    }
    const sym = SLOTS[name].sym;
    return E.typeError(`unsupported operand type(s) for ${inplace ? (name === "pow" ? "**=" : sym + "=") : sym}: '${ta.name}' and '${tb.name}'`);
  }

  private inplace(name: BinName, a: PyValue, b: PyValue): PyValue {
    if (typeof a === "object") {
      const f = a.cls.lookup(`__i${SLOTS[name].op.slice(2)}`);
      if (f !== undefined) {
        const r = this.callBound(f, a, [b]);
        if (r !== NotImplemented) return r;
      }
    }
    return this.binop(name, a, b, true);
  }
  iadd(a: PyValue, b: PyValue): PyValue {
    if (typeof a === "number" && typeof b === "number") {
      const r = a + b;
      return Number.isSafeInteger(r) ? r : N.intAdd(a, b);
    }
    if (typeof a === "string" && typeof b === "string") return this.add(a, b);
    if (a instanceof PyFloat && b instanceof PyFloat) return new PyFloat(a.v + b.v);
    if (a instanceof PyList && a.cls === listType) {
      this.extend(a.items, b);
      return a;
    }
    if (typeof a !== "object" && typeof b !== "object") return this.binop("add", a, b, true);
    return this.inplace("add", a, b);
  }
  isub(a: PyValue, b: PyValue): PyValue {
    if (typeof a === "number" && typeof b === "number") return this.sub(a, b);
    return this.inplace("sub", a, b);
  }
  imul(a: PyValue, b: PyValue): PyValue {
    return this.inplace("mul", a, b);
  }
  itruediv(a: PyValue, b: PyValue): PyValue {
    return this.inplace("truediv", a, b);
  }
  ifloordiv(a: PyValue, b: PyValue): PyValue {
    return this.inplace("floordiv", a, b);
  }
  imod(a: PyValue, b: PyValue): PyValue {
    if (typeof a === "string") return this.percentFormat(a, b);
    return this.inplace("mod", a, b);
  }
  ipow(a: PyValue, b: PyValue): PyValue {
    return this.inplace("pow", a, b);
  }
  imatmul(a: PyValue, b: PyValue): PyValue {
    return this.inplace("matmul", a, b);
  }
  ilshift(a: PyValue, b: PyValue): PyValue {
    return this.inplace("lshift", a, b);
  }
  irshift(a: PyValue, b: PyValue): PyValue {
    return this.inplace("rshift", a, b);
  }
  iand(a: PyValue, b: PyValue): PyValue {
    return this.inplace("and", a, b);
  }
  ior(a: PyValue, b: PyValue): PyValue {
    return this.inplace("or", a, b);
  }
  ixor(a: PyValue, b: PyValue): PyValue {
    return this.inplace("xor", a, b);
  }

  private unary(a: PyValue, op: string, sym: string): PyValue {
    const f = typeOf(a).lookup(op);
    if (f !== undefined) return this.callBound(f, a, []);
    throw E.typeError(`bad operand type for unary ${sym}: '${typeOf(a).name}'`);
  }
  neg(a: PyValue): PyValue {
    if (typeof a === "number") return a === 0 ? 0 : -a;
    if (a instanceof PyFloat) return new PyFloat(-a.v);
    return this.unary(a, "__neg__", "-");
  }
  pos(a: PyValue): PyValue {
    if (typeof a === "number") return a;
    return this.unary(a, "__pos__", "+");
  }
  invert(a: PyValue): PyValue {
    if (typeof a === "number" || typeof a === "bigint") return N.intInvert(a);
    return this.unary(a, "__invert__", "~");
  }
  not(a: PyValue): boolean {
    return !this.truthy(a);
  }

  // ---- comparison ------------------------------------------------------------------------------

  eq(a: PyValue, b: PyValue): PyValue {
    if (typeof a !== "object" && typeof a === typeof b) return a === b;
    if (a === b && typeof a === "object" && !(a instanceof PyFloat)) {
      const t = a.cls;
      if (t.frozen) return true;
    }
    return this.richEq(a, b, false);
  }
  ne(a: PyValue, b: PyValue): PyValue {
    if (typeof a !== "object" && typeof a === typeof b) return a !== b;
    return this.richEq(a, b, true);
  }
  private richEq(a: PyValue, b: PyValue, negate: boolean): PyValue {
    const op = negate ? "__ne__" : "__eq__";
    const ta = typeOf(a);
    const tb = typeOf(b);
    let checkedReflected = false;
    if (ta !== tb && tb.isSubtypeOf(ta)) {
      const g = tb.lookup(op);
      if (g !== undefined) {
        checkedReflected = true;
        const r = this.callBound(g, b, [a]);
        if (r !== NotImplemented) return r;
      }
    }
    const f = ta.lookup(op);
    if (f !== undefined) {
      const r = this.callBound(f, a, [b]);
      if (r !== NotImplemented) return r;
    }
    if (!checkedReflected && ta !== tb) {
      const g = tb.lookup(op);
      if (g !== undefined) {
        const r = this.callBound(g, b, [a]);
        if (r !== NotImplemented) return r;
      }
    }
    return negate ? a !== b : a === b;
  }

  private compare(name: keyof typeof CMP, a: PyValue, b: PyValue): PyValue {
    const slot = CMP[name];
    const ta = typeOf(a);
    const tb = typeOf(b);
    let checkedReflected = false;
    if (ta !== tb && tb.isSubtypeOf(ta)) {
      const g = tb.lookup(slot.rop);
      if (g !== undefined) {
        checkedReflected = true;
        const r = this.callBound(g, b, [a]);
        if (r !== NotImplemented) return r;
      }
    }
    const f = ta.lookup(slot.op);
    if (f !== undefined) {
      const r = this.callBound(f, a, [b]);
      if (r !== NotImplemented) return r;
    }
    if (!checkedReflected) {
      const g = tb.lookup(slot.rop);
      if (g !== undefined) {
        const r = this.callBound(g, b, [a]);
        if (r !== NotImplemented) return r;
      }
    }
    throw E.typeError(`'${slot.sym}' not supported between instances of '${ta.name}' and '${tb.name}'`);
  }
  lt(a: PyValue, b: PyValue): PyValue {
    if (typeof a === "number" && typeof b === "number") return a < b;
    if (typeof a === "string" && typeof b === "string") return strLess(a, b);
    if (a instanceof PyFloat) {
      if (b instanceof PyFloat) return a.v < b.v;
      if (typeof b === "number") return a.v < b;
    } else if (typeof a === "number" && b instanceof PyFloat) return a < b.v;
    return this.compare("lt", a, b);
  }
  le(a: PyValue, b: PyValue): PyValue {
    if (typeof a === "number" && typeof b === "number") return a <= b;
    if (typeof a === "string" && typeof b === "string") return !strLess(b, a);
    if (a instanceof PyFloat) {
      if (b instanceof PyFloat) return a.v <= b.v;
      if (typeof b === "number") return a.v <= b;
    } else if (typeof a === "number" && b instanceof PyFloat) return a <= b.v;
    return this.compare("le", a, b);
  }
  gt(a: PyValue, b: PyValue): PyValue {
    if (typeof a === "number" && typeof b === "number") return a > b;
    if (typeof a === "string" && typeof b === "string") return strLess(b, a);
    if (a instanceof PyFloat) {
      if (b instanceof PyFloat) return a.v > b.v;
      if (typeof b === "number") return a.v > b;
    } else if (typeof a === "number" && b instanceof PyFloat) return a > b.v;
    return this.compare("gt", a, b);
  }
  ge(a: PyValue, b: PyValue): PyValue {
    if (typeof a === "number" && typeof b === "number") return a >= b;
    if (typeof a === "string" && typeof b === "string") return !strLess(a, b);
    if (a instanceof PyFloat) {
      if (b instanceof PyFloat) return a.v >= b.v;
      if (typeof b === "number") return a.v >= b;
    } else if (typeof a === "number" && b instanceof PyFloat) return a >= b.v;
    return this.compare("ge", a, b);
  }

  /** `a == b` as a JS boolean, identity first (what containers use). */
  equal(a: PyValue, b: PyValue): boolean {
    if (a === b) return true;
    if (typeof a !== "object" && typeof a === typeof b) return false;
    return this.truthy(this.eq(a, b));
  }

  /** Total ordering helper for sort/min/max: `a < b` as a JS boolean. */
  lessThan(a: PyValue, b: PyValue): boolean {
    if (typeof a === "number" && typeof b === "number") return a < b;
    if (typeof a === "string" && typeof b === "string") return strLess(a, b);
    const r = this.lt(a, b);
    return r === true || (r !== false && this.truthy(r));
  }

  /**
   * A set looked up in a set (`{1} in s`, `s.discard({1})`) is looked up as the equal frozenset, as
   * CPython's set does, rather than failing as unhashable.
   */
  setKey(item: PyValue): PyValue {
    if (!(item instanceof PySet) || item.cls === frozensetType) return item;
    const frozen = new PySet(frozensetType);
    frozen.table.copyFrom(item.table, this);
    return frozen;
  }

  contains(container: PyValue, item: PyValue): boolean {
    if (typeof container === "string") {
      if (typeof item !== "string") throw E.typeError(`'in <string>' requires string as left operand, not ${typeOf(item).name}`);
      return container.includes(item);
    }
    if (typeof container === "object") {
      if (container instanceof PyDict) return container.table.find(item, this) !== undefined;
      if (container instanceof PySet) return container.table.find(this.setKey(item), this) !== undefined;
      if ((container instanceof PyList && container.cls === listType) || container instanceof PyTuple) {
        const items = container.items;
        for (let i = 0; i < items.length; i++) {
          const v = items[i];
          if (v === item || this.equal(v, item)) return true;
        }
        return false;
      }
      if (container instanceof PyRange) return rangeContains(container, item);
      const f = container.cls.lookup("__contains__");
      if (f !== undefined) return this.truthy(this.callBound(f, container, [item]));
      if (container.cls.lookup("__iter__") !== undefined || container.cls.lookup("__getitem__") !== undefined) {
        for (const v of this.iterate(container)) if (v === item || this.equal(v, item)) return true;
        return false;
      }
    }
    throw E.typeError(`argument of type '${typeOf(container).name}' is not iterable`);
  }

  truthy(v: PyValue): boolean {
    switch (typeof v) {
      case "boolean":
        return v;
      case "number":
        return v !== 0;
      case "string":
        return v.length !== 0;
      case "bigint":
        return v !== 0n;
    }
    if (v === None) return false;
    if (v instanceof PyFloat) return v.v !== 0;
    if (v instanceof PyList || v instanceof PyTuple) return v.items.length !== 0;
    if (v instanceof PyDict || v instanceof PySet) return v.table.size !== 0;
    const cls = v.cls;
    const b = cls.lookup("__bool__");
    if (b !== undefined) {
      const r = this.callBound(b, v, []);
      if (typeof r !== "boolean") throw E.typeError(`__bool__ should return bool, returned ${typeOf(r).name}`);
      return r;
    }
    const l = cls.lookup("__len__");
    if (l !== undefined) return this.len(v) !== 0;
    return true;
  }

  len(v: PyValue): number {
    if (typeof v === "string") return codePointLength(v);
    if (typeof v === "object") {
      if (v instanceof PyList || v instanceof PyTuple) return v.items.length;
      if (v instanceof PyDict || v instanceof PySet) return v.table.size;
      if (v instanceof PyRange) return Number(rangeLength(v));
      const f = v.cls.lookup("__len__");
      if (f !== undefined) {
        const r = this.callBound(f, v, []);
        if (!isInt(r) && typeof r !== "boolean") throw E.typeError(`'${typeOf(r).name}' object cannot be interpreted as an integer`);
        const n = Number(r);
        if (n < 0) throw E.valueError("__len__() should return >= 0");
        return n;
      }
      // len(EnumClass): EnumType.__len__ (modules/enum.ts keeps the member names on the class).
      if (v instanceof PyType) {
        const names = v.lookup("_member_names_");
        if (names instanceof PyList && v.lookup("_member_map_") instanceof PyDict) return names.items.length;
      }
    }
    throw E.typeError(`object of type '${typeOf(v).name}' has no len()`);
  }

  // ---- hashing (KeyOps) ------------------------------------------------------------------------

  primitiveKey(k: PyValue): KeyClass {
    switch (typeof k) {
      case "string":
      case "number":
      case "bigint":
        return k;
      case "boolean":
        return k ? 1 : 0;
    }
    if (k instanceof PyFloat) {
      const v = k.v;
      if (Number.isInteger(v)) return Number.isSafeInteger(v) ? (v === 0 ? 0 : v) : BigInt(v);
      if (Number.isNaN(v)) return k;
      return v;
    }
    if (k instanceof PyTuple) return STRUCTURAL;
    const cls = k.cls;
    const h = cls.lookup("__hash__");
    if (h === None) throw E.typeError(`unhashable type: '${cls.name}'`);
    if (h === objectHash && cls.lookup("__eq__") === objectEq) return k;
    return STRUCTURAL;
  }

  floatKey(k: PyValue): number | undefined {
    if (typeof k !== "object" || k instanceof PyFloat) return undefined;
    const f = k.cls.lookup("__float__");
    if (f === undefined) return undefined;
    const r = this.callBound(f, k, []);
    return r instanceof PyFloat && !Number.isInteger(r.v) && !Number.isNaN(r.v) ? r.v : undefined;
  }

  /** hash(v), exactly as CPython for numbers (strings hash deterministically, not like CPython). */
  hash(v: PyValue): number | bigint {
    switch (typeof v) {
      case "number":
      case "bigint":
        return hashInt(v);
      case "boolean":
        return v ? 1 : 0;
      case "string":
        // CPython's hash of "" is 0 whatever the seed; other strs hash differently per process there too.
        return v === "" ? 0 : hashString(v);
    }
    if (v instanceof PyFloat) return hashFloat(v.v, v);
    if (v instanceof PyTuple) {
      if (v.hashCache === undefined) v.hashCache = hashTuple(v.items.map((x) => hash32(this.hash(x))));
      return v.hashCache;
    }
    const h = v.cls.lookup("__hash__");
    if (h === None || h === undefined) throw E.typeError(`unhashable type: '${v.cls.name}'`);
    if (h === objectHash) return Math.floor(this.id(v) / 16);
    const r = this.callBound(h, v, []);
    if (!isInt(r) && typeof r !== "boolean") throw E.typeError("__hash__ method should return an integer");
    // CPython keeps a __hash__ result that fits Py_hash_t (so hash(x) == hash(y) when x.__hash__
    // returns hash(y)) and hashes only larger ints.
    const n = typeof r === "boolean" ? (r ? 1 : 0) : r;
    if (typeof n === "number" || (n >= -(2n ** 63n) && n < 2n ** 63n)) return n === -1 || n === -1n ? -2 : n;
    return hashInt(n);
  }

  id(v: PyValue): number {
    if (typeof v !== "object") return hashString(`${typeof v}:${String(v)}`) * 16 + 0x7f0000000000;
    let i = this.ids.get(v);
    if (i === undefined) {
      i = this.nextId;
      this.nextId += 48;
      this.ids.set(v, i);
    }
    return i;
  }

  // ---- iteration -------------------------------------------------------------------------------

  iter(x: PyValue): PyIterator {
    if (typeof x === "object") {
      if (x instanceof PyList) {
        if (x.cls === listType) {
          let i = 0;
          return new PyIterator(() => (i < x.items.length ? x.items[i++] : undefined), listIteratorType);
        }
      } else if (x instanceof PyTuple) {
        const items = x.items;
        let i = 0;
        return new PyIterator(() => (i < items.length ? items[i++] : undefined), tupleIteratorType);
      } else if (x instanceof PyRange) {
        if (x.big !== null) {
          const { step, stop } = x.big;
          let cur = x.big.start;
          return new PyIterator(() => {
            if (step > 0n ? cur >= stop : cur <= stop) return undefined;
            cur += step;
            return N.norm(cur - step);
          }, rangeIteratorType);
        }
        const { step, stop } = x;
        let cur = x.start;
        return new PyIterator(
          step > 0
            ? () => (cur < stop ? ((cur += step), cur - step) : undefined)
            : () => (cur > stop ? ((cur += step), cur - step) : undefined),
          rangeIteratorType,
        );
      } else if (x instanceof PyDict && x.cls === objDictType) {
        return this.dictIter(x, "keys");
      } else if (x instanceof PyDictView) {
        return this.dictIter(x.owner, x.kind);
      } else if (x instanceof PySet) {
        const order = cpythonSetOrder(this, x);
        if (order !== null) {
          const table = x.table;
          const size0 = table.size;
          let i = 0;
          return new PyIterator(() => {
            if (table.size !== size0) throw E.runtimeError("Set changed size during iteration");
            return i < order.length ? order[i++] : undefined;
          }, setIteratorType);
        }
        return this.tableIter(x, (e) => e.k, setIteratorType, "Set");
      } else if (x instanceof PyIterator) {
        return x;
      }
    } else if (typeof x === "string") {
      const offsets = astralOffsets(x);
      let i = 0;
      if (offsets === null) return new PyIterator(() => (i < x.length ? x[i++] : undefined), isAscii(x) ? strAsciiIteratorType : strIteratorType);
      return new PyIterator(() => (i < offsets.length - 1 ? x.slice(offsets[i], offsets[++i]) : undefined), strIteratorType);
    }
    const cls = typeOf(x);
    const f = cls.lookup("__iter__");
    if (f !== undefined && f !== None) {
      const it = this.callBound(f, x, []);
      if (it instanceof PyIterator) return it;
      const nx = typeOf(it).lookup("__next__");
      if (nx === undefined) throw E.typeError(`iter() returned non-iterator of type '${typeOf(it).name}'`);
      return new PyIterator(() => {
        try {
          return this.callBound(nx, it, []);
        } catch (e) {
          if (e instanceof PyBaseException && e.cls.isSubtypeOf(E.StopIteration)) return undefined;
          throw e;
        }
      }, callIteratorType);
    }
    const gi = cls.lookup("__getitem__");
    if (gi !== undefined && f !== None) {
      let i = 0;
      return new PyIterator(() => {
        try {
          return this.callBound(gi, x, [i++]);
        } catch (e) {
          if (e instanceof PyBaseException && (e.cls.isSubtypeOf(E.IndexError) || e.cls.isSubtypeOf(E.StopIteration))) return undefined;
          throw e;
        }
      }, callIteratorType);
    }
    throw E.typeError(`'${cls.name}' object is not iterable`);
  }

  private dictIter(d: PyDict, kind: "keys" | "values" | "items"): PyIterator {
    const pick =
      kind === "keys"
        ? (e: { k: PyValue }) => e.k
        : kind === "values"
          ? (e: { v: PyValue }) => e.v
          : (e: { k: PyValue; v: PyValue }) => new PyTuple([e.k, e.v]);
    const type = kind === "keys" ? dictKeyIteratorType : kind === "values" ? dictValueIteratorType : dictItemIteratorType;
    return this.tableIter(d, pick, type, "dictionary");
  }

  private tableIter(
    owner: PyDict | PySet,
    pick: (e: { k: PyValue; v: PyValue }) => PyValue,
    type: PyType,
    what: string,
  ): PyIterator {
    const table = owner.table;
    const size0 = table.size;
    const version0 = table.version;
    let i = 0;
    return new PyIterator(() => {
      if (table.size !== size0) throw E.runtimeError(`${what} changed size during iteration`);
      if (table.version !== version0) throw E.runtimeError(`${what} keys changed during iteration`);
      const ents = table.entries;
      while (i < ents.length) {
        const e = ents[i++];
        if (e !== undefined) return pick(e);
      }
      return undefined;
    }, type);
  }

  /** A JS iterable over any Python iterable (for TypeScript callers). */
  *iterate(x: PyValue): IterableIterator<PyValue> {
    const it = this.iter(x);
    for (let v = it.next(); v !== undefined; v = it.next()) {
      yield v;
      this.tick();
    }
  }

  /** Materialise an iterable into a fresh JS array. */
  toArray(x: PyValue): PyValue[] {
    if (x instanceof PyList || x instanceof PyTuple) return x.items.slice();
    if (x instanceof PyRange) {
      if (x.length > Number.MAX_SAFE_INTEGER) throw E.overflowError("Python int too large to convert to C ssize_t");
      E.checkSequenceLength(x.length);
    }
    const out: PyValue[] = [];
    const it = this.iter(x);
    for (let v = it.next(); v !== undefined; v = it.next()) {
      out.push(v);
      if ((out.length & 0xfff) === 0) {
        E.checkSequenceLength(out.length);
        this.charge(out.length * 8);
        this.tick();
      }
    }
    return out;
  }

  /** False for values `iter()` certainly rejects (numbers, None, objects with neither `__iter__` nor `__getitem__`). */
  isIterable(x: PyValue): boolean {
    if (typeof x === "string") return true;
    if (typeof x !== "object" || x === None || x instanceof PyFloat) return false;
    return x.cls.lookup("__iter__") !== undefined || x.cls.lookup("__getitem__") !== undefined;
  }
  unpack(x: PyValue, n: number): PyValue[] {
    if ((x instanceof PyTuple || (x instanceof PyList && x.cls === listType)) && x.items.length === n) {
      return x.items as PyValue[];
    }
    if (!this.isIterable(x)) throw E.typeError(`cannot unpack non-iterable ${typeOf(x).name} object`);
    const it = this.iter(x);
    const out: PyValue[] = [];
    for (let i = 0; i < n; i++) {
      const v = it.next();
      if (v === undefined) throw E.valueError(`not enough values to unpack (expected ${n}, got ${i})`);
      out.push(v);
    }
    if (it.next() !== undefined) {
      throw E.valueError(`too many values to unpack (expected ${n})`);
    }
    return out;
  }
  unpackStar(x: PyValue, before: number, after: number): PyValue[] {
    if (!this.isIterable(x)) throw E.typeError(`cannot unpack non-iterable ${typeOf(x).name} object`);
    const all = this.toArray(x);
    if (all.length < before + after) {
      throw E.valueError(`not enough values to unpack (expected at least ${before + after}, got ${all.length})`);
    }
    return [...all.slice(0, before), new PyList(all.slice(before, all.length - after)), ...all.slice(all.length - after)];
  }
  generator(it: Iterator<PyValue, PyValue | undefined, PyValue | undefined>, qualname: string): PyIterator {
    return new PyGenerator(it, qualname);
  }
  /**
   * `yield from v` in a generator (PEP 380): v's items; values sent in and exceptions thrown in
   * pass on to a generator v (GeneratorExit closes it instead); the expression's value is what v
   * returned (None for other iterators).
   */
  *yieldFrom(v: PyValue): Generator<PyValue, PyValue, PyValue | undefined> {
    const it = this.iter(v);
    const advance = (): PyValue | undefined => it.next();
    let step = advance;
    for (;;) {
      let x: PyValue | undefined;
      try {
        x = step();
      } catch (e) {
        if (it instanceof PyGenerator && e instanceof PyBaseException && e.cls.isSubtypeOf(E.StopIteration)) return e.args[0] ?? None;
        throw e;
      }
      if (x === undefined) {
        if (!(it instanceof PyGenerator) || it.returned === undefined) return None;
        const r = it.returned;
        it.returned = undefined;
        return r;
      }
      try {
        const sent = yield x;
        step = sent === undefined || sent === None ? advance : () => this.callMethod1(it, "send", sent);
      } catch (e) {
        if (!(it instanceof PyGenerator) || !(e instanceof PyBaseException)) throw e;
        if (e.cls.isSubtypeOf(E.GeneratorExit)) {
          this.callMethod0(it, "close");
          throw e;
        }
        step = () => this.callMethod1(it, "throw", e);
      }
    }
  }
  /** A Python iterator over a JS iterable (for native types' __iter__). */
  makeIterator(src: Iterable<PyValue>): PyIterator {
    const it = src[Symbol.iterator]();
    return new PyIterator(() => {
      const r = it.next();
      return r.done ? undefined : r.value;
    });
  }
  /** next(it) for a PyIter; undefined when exhausted. */
  nextOf(it: PyIter): PyValue | undefined {
    return it.next();
  }

  // ---- calls -----------------------------------------------------------------------------------

  call0(f: PyValue): PyValue {
    if (f instanceof PyFunction && f.simple && f.nparams === 0) return f.impl();
    return this.call(f, [], null);
  }
  call1(f: PyValue, a: PyValue): PyValue {
    if (f instanceof PyFunction && f.simple && f.nparams === 1) return f.impl(a);
    return this.call(f, [a], null);
  }
  call2(f: PyValue, a: PyValue, b: PyValue): PyValue {
    if (f instanceof PyFunction && f.simple && f.nparams === 2) return f.impl(a, b);
    return this.call(f, [a, b], null);
  }
  call3(f: PyValue, a: PyValue, b: PyValue, c: PyValue): PyValue {
    if (f instanceof PyFunction && f.simple && f.nparams === 3) return f.impl(a, b, c);
    return this.call(f, [a, b, c], null);
  }
  callN(f: PyValue, args: PyValue[]): PyValue {
    return this.call(f, args, null);
  }
  callKw(f: PyValue, args: PyValue[], kwNames: string[], kwValues: PyValue[]): PyValue {
    return this.call(f, args, this.kwargs(f, kwNames, kwValues));
  }
  private kwargs(f: PyValue, names: string[], values: PyValue[]): Kwargs | null {
    if (names.length === 0) return null;
    const kw: Kwargs = new Map();
    for (let i = 0; i < names.length; i++) {
      if (kw.has(names[i])) throw E.typeError(`${this.callableName(f)} got multiple values for keyword argument '${names[i]}'`);
      kw.set(names[i], values[i]);
    }
    return kw;
  }
  callEx(f: PyValue, args: PyValue[], kw: PyObject | null): PyValue {
    if (kw === null || !(kw instanceof PyDict) || kw.table.size === 0) return this.call(f, args, null);
    const m: Kwargs = new Map();
    for (const e of kw.table.iterate()) {
      if (typeof e.k !== "string") throw E.typeError("keywords must be strings");
      m.set(e.k, e.v);
    }
    return this.call(f, args, m);
  }
  /** Build the `**kw` dict for callEx, rejecting duplicate keywords like CPython. */
  kwMerge(target: PyObject, mapping: PyValue, f: PyValue): void {
    if (!(target instanceof PyDict)) return;
    const src = new PyDict();
    if (mapping instanceof PyDict) src.table.copyFrom(mapping.table, this);
    else if (this.lookupType(mapping, "keys") !== undefined) this.mergeMapping(src, mapping, false);
    else throw E.typeError(`${this.callableName(f)} argument after ** must be a mapping, not ${typeOf(mapping).name}`);
    for (const e of src.table.iterate()) {
      if (typeof e.k !== "string") throw E.typeError("keywords must be strings");
      if (target.table.find(e.k, this) !== undefined) throw E.typeError(`${this.callableName(f)} got multiple values for keyword argument '${e.k}'`);
      target.table.set(e.k, e.v, this);
    }
  }

  callableName(f: PyValue): string {
    if (f instanceof PyFunction) return `${f.qualname}()`;
    if (f instanceof PyBuiltin) return `${f.name}()`;
    if (f instanceof PyMethod) return this.callableName(f.func);
    if (f instanceof PyType) return `${f.name}()`;
    return `${typeOf(f).name} object`;
  }

  /** Call any Python callable. */
  call(f: PyValue, args: PyValue[], kw: Kwargs | null): PyValue {
    if (typeof f === "object") {
      if (f instanceof PyFunction) {
        if (kw === null && f.simple && args.length === f.nparams) return f.impl(...args);
        return f.impl(...bindArgs(f, args, kw, this));
      }
      if (f instanceof PyBuiltin) return f.impl(args, kw, this);
      if (f instanceof PyMethod) return this.callBound(f.func, f.self, args, kw);
      if (f instanceof PyType) return this.construct(f, args, kw);
      if (f instanceof PyMethodDescr) {
        if (args.length === 0) throw E.typeError(`unbound method ${f.owner.name}.${f.name}() needs an argument`);
        const self = args[0];
        if (!f.check(self)) {
          throw E.typeError(`descriptor '${f.name}' for '${f.owner.name}' objects doesn't apply to a '${typeOf(self).name}' object`);
        }
        return f.impl(self, args.slice(1), kw, this);
      }
      if (f instanceof PyStaticMethod || f instanceof PyClassMethod) {
        if (f instanceof PyStaticMethod) return this.call(f.func, args, kw);
      }
    }
    const c = typeOf(f).lookup("__call__");
    if (c !== undefined) return this.callBound(c, f, args, kw);
    throw E.typeError(`'${typeOf(f).name}' object is not callable`);
  }

  /** Call `fn` (found on a type) with `self` prepended: the unbound-method fast path. */
  callBound(fn: PyValue, self: PyValue, args: PyValue[], kw: Kwargs | null = null): PyValue {
    if (fn instanceof PyMethodDescr) {
      if (!fn.check(self)) {
        throw E.typeError(`descriptor '${fn.name}' for '${fn.owner.name}' objects doesn't apply to a '${typeOf(self).name}' object`);
      }
      return fn.impl(self, args, kw, this);
    }
    if (fn instanceof PyFunction) {
      if (kw === null && fn.simple && args.length + 1 === fn.nparams) {
        switch (args.length) {
          case 0:
            return fn.impl(self);
          case 1:
            return fn.impl(self, args[0]);
          case 2:
            return fn.impl(self, args[0], args[1]);
        }
      }
      return this.call(fn, [self, ...args], kw);
    }
    if (fn instanceof PyStaticMethod) return this.call(fn.func, args, kw);
    if (fn instanceof PyClassMethod) return this.call(fn.func, [typeOf(self), ...args], kw);
    if (fn instanceof PyGetSet || fn instanceof PyProperty) return this.call(this.bindAttr(fn, self), args, kw);
    return this.call(fn, [self, ...args], kw);
  }

  private bindAttr(d: PyGetSet | PyProperty, self: PyValue): PyValue {
    return d instanceof PyGetSet ? d.get(self, this) : this.call1(d.fget, self);
  }

  private method(obj: PyValue, name: string, site: AttrSite | null): PyValue | undefined {
    if (typeof obj === "object") {
      if (obj.dict !== null) {
        const d = lookupAt(site, obj.cls, name);
        return (d instanceof PyFunction || d instanceof PyMethodDescr) && !attrHas(obj.dict, name) ? d : undefined;
      }
      if (obj instanceof PyModule || obj instanceof PyType || obj instanceof PySuper) return undefined;
    }
    const d = lookupAt(site, typeOf(obj), name);
    return d instanceof PyFunction || d instanceof PyMethodDescr ? d : undefined;
  }
  /**
   * The exception a method call's attribute lookup raised, and how many traceback entries it had
   * then: the calling frame's entry points at `obj.name` rather than the whole call, as CPython's
   * LOAD_METHOD position does.
   */
  private failedMethodLookup: PyBaseException | null = null;
  private failedMethodLookupDepth = 0;
  private methodAttr(obj: PyValue, name: string): PyValue {
    try {
      return this.getattr(obj, name);
    } catch (e) {
      const x = this.toPyException(e);
      this.failedMethodLookup = x;
      this.failedMethodLookupDepth = x.tb.length;
      throw x;
    }
  }
  callMethod0(obj: PyValue, name: string, site: AttrSite | null = null): PyValue {
    const m = this.method(obj, name, site);
    if (m !== undefined) return this.callBound(m, obj, []);
    return this.call(this.methodAttr(obj, name), [], null);
  }
  callMethod1(obj: PyValue, name: string, a: PyValue, site: AttrSite | null = null): PyValue {
    const m = this.method(obj, name, site);
    if (m !== undefined) return this.callBound(m, obj, [a]);
    return this.call(this.methodAttr(obj, name), [a], null);
  }
  callMethod2(obj: PyValue, name: string, a: PyValue, b: PyValue, site: AttrSite | null = null): PyValue {
    const m = this.method(obj, name, site);
    if (m !== undefined) return this.callBound(m, obj, [a, b]);
    return this.call(this.methodAttr(obj, name), [a, b], null);
  }
  callMethodN(obj: PyValue, name: string, args: PyValue[], site: AttrSite | null = null): PyValue {
    const m = this.method(obj, name, site);
    if (m !== undefined) return this.callBound(m, obj, args);
    return this.call(this.methodAttr(obj, name), args, null);
  }
  callMethodKw(obj: PyValue, name: string, args: PyValue[], kwNames: string[], kwValues: PyValue[]): PyValue {
    const f = this.methodAttr(obj, name);
    return this.call(f, args, this.kwargs(f, kwNames, kwValues));
  }

  /** Calling a class: `__new__` (the type's allocator) then `__init__`. */
  construct(t: PyType, args: PyValue[], kw: Kwargs | null): PyValue {
    if (args.length === 1 && kw === null) {
      const a = args[0];
      if (t === strType) return this.str(a);
      if (t === typeType) return typeOf(a);
      if (t === intType && typeof a === "number") return a;
      if (t === floatType && typeof a === "number") return new PyFloat(a);
    }
    const userNew = lookupAt(t.newSite, t, "__new__");
    let obj: PyValue;
    if (userNew !== objectNew && (userNew instanceof PyStaticMethod || userNew instanceof PyFunction)) {
      const fn = userNew instanceof PyStaticMethod ? userNew.func : userNew;
      obj = this.call(fn, [t, ...args], kw);
    } else {
      obj = t.alloc(t, args, kw, this);
    }
    if (typeof obj === "object" && obj.cls.isSubtypeOf(t)) {
      const init = lookupAt(t.initSite, t, "__init__");
      if (init !== undefined) {
        const r = this.callBound(init, obj, args, kw);
        if (r !== None) throw E.typeError(`__init__() should return None, not '${typeOf(r).name}'`);
      }
    }
    return obj;
  }

  // ---- definitions -----------------------------------------------------------------------------

  makeFunction(
    code: CodeInfo,
    impl: FunctionImpl,
    defaults: PyValue[] | null,
    kwDefaults: Map<string, PyValue> | null,
    module: ModuleScope,
  ): PyFunction {
    return new PyFunction(code, impl, defaults, kwDefaults, module);
  }

  /** `name: annotation` in a class body: kept in the namespace's `__annotations__` dict, in order. */
  annotate(ns: Map<string, PyValue>, name: string, annotation: PyValue): void {
    const found = ns.get("__annotations__");
    const d = found instanceof PyDict ? found : new PyDict();
    if (d !== found) ns.set("__annotations__", d);
    d.table.set(name, annotation, this);
  }

  makeClass(
    code: CodeInfo,
    bases: PyValue[],
    kwNames: string[],
    kwValues: PyValue[],
    body: (ns: Map<string, PyValue>) => void,
    module: ModuleScope,
  ): PyValue {
    if (kwNames.some((k) => k === "metaclass")) throw E.typeError("metaclasses are not supported in Kernel Lab");
    const baseTypes: PyType[] = [];
    for (const b0 of bases) {
      // A generic alias base stands for its origin (CPython's __mro_entries__).
      const b = b0 instanceof GenericAlias ? b0.origin : b0;
      if (!(b instanceof PyType)) throw E.typeError(`bases must be types`);
      if (!b.subclassable) throw E.typeError(`type '${b.name}' is not an acceptable base type`);
      baseTypes.push(b);
    }
    if (baseTypes.length === 0) baseTypes.push(objectType);
    const ns = new Map<string, PyValue>();
    const modName = module.get("__name__");
    ns.set("__module__", typeof modName === "string" ? modName : "__main__");
    ns.set("__qualname__", code.qualname);
    body(ns);
    ns.delete("__qualname__");
    // Class-level functions named __init_subclass__/__class_getitem__ are implicitly classmethods.
    for (const name of ["__init_subclass__", "__class_getitem__"]) {
      const f = ns.get(name);
      if (f instanceof PyFunction) ns.set(name, new PyClassMethod(f));
    }
    const nsNew = ns.get("__new__");
    if (nsNew instanceof PyFunction) ns.set("__new__", new PyStaticMethod(nsNew));
    if (ns.has("__eq__") && !ns.has("__hash__")) ns.set("__hash__", None);
    const native = baseTypes.find((b) => b.alloc !== objectType.alloc) ?? baseTypes[0];
    let cls: PyType;
    try {
      // A class's metaclass is its bases' (only the native EnumType differs from `type`).
      const meta = baseTypes.find((b) => b.cls !== typeType)?.cls ?? typeType;
      cls = new PyType(meta, code.name, baseTypes, ns, native.alloc, {
        module: ns.get("__module__") as string,
        qualname: code.qualname,
        instanceDict: true,
      });
    } catch (e) {
      if (e instanceof Error && "baseNames" in e) {
        throw E.typeError(`Cannot create a consistent method resolution order (MRO) for bases ${(e as { baseNames: string[] }).baseNames.join(", ")}`);
      }
      throw e;
    }
    const parentHook = baseTypes[0].lookup("__init_subclass__");
    if (parentHook instanceof PyClassMethod) {
      this.call(parentHook.func, [cls], this.kwargs(parentHook, kwNames, kwValues));
    }
    return cls;
  }

  classLoad(ns: Map<string, PyValue>, module: ModuleScope, name: string): PyValue {
    const v = ns.get(name) ?? module.get(name) ?? this.builtins.get(name);
    if (v === undefined) {
      const e = this.nameError(name);
      // CPython 3.11 does not look in the class namespace (a class body has no co_varnames).
      e.suggestion = { name, candidates: () => [[...module.names()], [...this.builtins.names()]] };
      throw e;
    }
    return v;
  }

  superOf(cls: PyValue, self: PyValue): PySuper {
    if (!(cls instanceof PyType)) throw E.typeError("super() argument 1 must be a type");
    if (self instanceof PyType && self.isSubtypeOf(cls)) return new PySuper(cls, self, self);
    const st = typeOf(self);
    if (!st.isSubtypeOf(cls)) throw E.typeError("super(type, obj): obj must be an instance or subtype of type");
    return new PySuper(cls, self, st);
  }

  // ---- strings -------------------------------------------------------------------------------

  str(v: PyValue): string {
    switch (typeof v) {
      case "string":
        return v;
      case "number":
        return String(v);
      case "bigint":
        return bigintToDecimal(v);
      case "boolean":
        return v ? "True" : "False";
    }
    if (v instanceof PyFloat) return floatRepr(v.v);
    const f = v.cls.lookup("__str__");
    if (f === undefined || f === objectStr) return this.repr(v);
    const r = this.callBound(f, v, []);
    if (typeof r !== "string") throw E.typeError(`__str__ returned non-string (type ${typeOf(r).name})`);
    return r;
  }

  repr(v: PyValue): string {
    switch (typeof v) {
      case "string":
        return strRepr(v);
      case "number":
        return String(v);
      case "bigint":
        return bigintToDecimal(v);
      case "boolean":
        return v ? "True" : "False";
    }
    if (v instanceof PyFloat) return floatRepr(v.v);
    const f = v.cls.lookup("__repr__");
    if (f === undefined) return this.defaultRepr(v);
    const r = this.callBound(f, v, []);
    if (typeof r !== "string") throw E.typeError(`__repr__ returned non-string (type ${typeOf(r).name})`);
    return r;
  }

  ascii(v: PyValue): string {
    const r = this.repr(v);
    // eslint-disable-next-line no-control-regex
    return r.replace(/[^\x00-\x7f]/gu, (c) => {
      const cp = c.codePointAt(0) ?? 0;
      if (cp < 0x100) return `\\x${cp.toString(16).padStart(2, "0")}`;
      if (cp < 0x10000) return `\\u${cp.toString(16).padStart(4, "0")}`;
      return `\\U${cp.toString(16).padStart(8, "0")}`;
    });
  }

  defaultRepr(v: PyObject): string {
    const t = v.cls;
    const mod = t.module === "builtins" ? "" : `${t.module}.`;
    return `<${mod}${t.qualname} object at 0x${this.id(v).toString(16).padStart(12, "0")}>`;
  }

  /** Run `fn` with `obj` marked as being repr'd; returns `ellipsis` on re-entry (cycles). */
  reprGuard(obj: PyObject, ellipsis: string, fn: () => string): string {
    if (this.reprActive.has(obj)) return ellipsis;
    this.reprActive.add(obj);
    try {
      return fn();
    } finally {
      this.reprActive.delete(obj);
    }
  }

  format(v: PyValue, spec: string): string {
    try {
      switch (typeof v) {
        case "string":
          return formatStr(v, spec);
        case "number":
        case "bigint":
          return formatInt(v, spec);
        case "boolean":
          return formatBool(v, spec);
      }
      if (v instanceof PyFloat && v.cls === floatType) return formatFloat(v.v, spec);
    } catch (e) {
      throw this.toPyException(e);
    }
    const f = v.cls.lookup("__format__");
    if (f === undefined || f === objectFormat) {
      if (spec !== "") throw E.typeError(`unsupported format string passed to ${v.cls.name}.__format__`);
      return this.str(v);
    }
    const r = this.callBound(f, v, [spec]);
    if (typeof r !== "string") throw E.typeError(`__format__ must return a str, not ${typeOf(r).name}`);
    return r;
  }

  percentFormat(template: string, args: PyValue): string {
    return percentFormatValue(this, template, args);
  }

  // ---- imports -------------------------------------------------------------------------------

  importModule(name: string, leaf: boolean): PyValue {
    const parts = name.split(".");
    let first: PyModule | null = null;
    let mod: PyModule | null = null;
    for (let i = 0; i < parts.length; i++) {
      const full = parts.slice(0, i + 1).join(".");
      const m = this.loadModule(full);
      if (mod !== null) mod.scope.set(parts[i], m);
      mod = m;
      if (first === null) first = m;
    }
    return (leaf ? mod : first) as PyModule;
  }
  private loadModule(name: string): PyModule {
    const have = this.modules.get(name);
    if (have !== undefined) return have;
    const def = this.moduleDefs.get(name);
    if (def === undefined) throw E.moduleNotFound(name);
    const m = new PyModule(name);
    this.modules.set(name, m);
    try {
      def.init(m, this);
    } catch (e) {
      this.modules.delete(name);
      throw e;
    }
    return m;
  }
  importFrom(module: PyValue, name: string): PyValue {
    if (module instanceof PyModule) {
      const v = module.scope.get(name);
      if (v !== undefined) return v;
      const sub = `${module.name}.${name}`;
      if (this.moduleDefs.has(sub) || this.modules.has(sub)) return this.importModule(sub, true);
      throw E.importError(`cannot import name '${name}' from '${module.name}' (unknown location)`);
    }
    return this.getattr(module, name);
  }
  importStar(module: PyValue, into: ModuleScope): void {
    if (!(module instanceof PyModule)) throw E.typeError("import * needs a module");
    const all = module.scope.get("__all__");
    const names = all !== undefined ? this.toArray(all).map((n) => this.str(n)) : [...module.scope.names()].filter((n) => !n.startsWith("_"));
    for (const n of names) {
      const v = module.scope.get(n);
      if (v !== undefined) into.set(n, v);
    }
  }
}

// ---- helpers -------------------------------------------------------------------------------

/** Strings at least this long count towards the per-execution string budget. */
const BIG_STRING = 1 << 16;

/** `()` is a singleton, as in CPython (`x is ()`). */
export const EMPTY_TUPLE = new PyTuple([]);

/** Attaches the candidates of a printed traceback's "Did you mean" (computed only when printed). */
function withSuggestion(e: PyBaseException, name: string, candidates: () => string[]): PyBaseException {
  e.suggestion = { name, candidates: () => [candidates()] };
  return e;
}

const NOT_AVAILABLE = new Set(["open", "eval", "exec", "compile", "__import__", "input", "breakpoint", "globals", "locals", "memoryview"]);

function isSeqType(t: PyType): boolean {
  return t === strType || t === listType || t === tupleType || t.isSubtypeOf(listType);
}

function typeQualName(t: PyType): string {
  return t.module === "builtins" ? t.name : `${t.module}.${t.name}`;
}

function formatErrorType(e: FormatError): PyType {
  switch (e.pyType) {
    case "ValueError":
      return E.ValueError;
    case "TypeError":
      return E.TypeError;
    case "OverflowError":
      return E.OverflowError;
    case "KeyError":
      return E.KeyError;
    case "MemoryError":
      return E.MemoryError;
  }
}

function rangeContains(r: PyRange, item: PyValue): boolean {
  if (r.big !== null) return bigRangeContains(r.big, item);
  let n: number;
  if (typeof item === "number") n = item;
  else if (typeof item === "boolean") n = item ? 1 : 0;
  else if (item instanceof PyFloat) {
    if (!Number.isInteger(item.v)) return false;
    n = item.v;
  } else return false;
  const { start, stop, step } = r;
  if (step > 0 ? n < start || n >= stop : n > start || n <= stop) return false;
  return (n - start) % step === 0;
}

function bigRangeContains(r: BigRange, item: PyValue): boolean {
  let n: bigint;
  if (typeof item === "number" || typeof item === "bigint") n = BigInt(item);
  else if (typeof item === "boolean") n = item ? 1n : 0n;
  else if (item instanceof PyFloat) {
    if (!Number.isInteger(item.v)) return false;
    n = BigInt(item.v);
  } else return false;
  const { start, stop, step } = r;
  if (step > 0n ? n < start || n >= stop : n > start || n <= stop) return false;
  return (n - start) % step === 0n;
}

const SSIZE_MAX = 2n ** 63n - 1n;

/** `len(r)`, exact: OverflowError past sys.maxsize, as CPython's C-sized length. */
export function rangeLength(r: PyRange): N.Int {
  if (r.big === null) return r.length;
  if (r.big.length > SSIZE_MAX) throw E.overflowError("Python int too large to convert to C ssize_t");
  return N.norm(r.big.length);
}

/** Element `i` (0 <= i < len) of a range, as a Python int. */
export function rangeItem(r: PyRange, i: N.Int): N.Int {
  if (r.big === null && typeof i === "number") return r.start + i * r.step;
  const b = r.big ?? { start: BigInt(r.start), step: BigInt(r.step) };
  return N.norm(b.start + BigInt(i) * b.step);
}

// CPython's numeric hash: n mod (2**61 - 1), with -1 mapped to -2.
export function hashInt(v: number | bigint): number | bigint {
  if (typeof v === "number" && Math.abs(v) < 2 ** 52) {
    return v === -1 ? -2 : v;
  }
  const b = typeof v === "bigint" ? v : BigInt(v);
  const neg = b < 0n;
  let h = (neg ? -b : b) % HASH_MOD;
  if (neg) h = -h;
  if (h === -1n) return -2;
  return N.norm(h);
}

/** A hash folded to 32 bits, for combining. */
export function hash32(h: number | bigint): number {
  return typeof h === "number" && Number.isSafeInteger(h) ? (h | 0) ^ Math.floor(h / 2 ** 32) : Number(BigInt.asIntN(32, BigInt(h)));
}

export function hashFloat(x: number, obj: object): number | bigint {
  if (Number.isInteger(x)) return hashInt(Number.isSafeInteger(x) ? x : BigInt(x));
  if (Number.isNaN(x)) return hashString(String(obj)) | 0;
  if (!Number.isFinite(x)) return x > 0 ? 314159 : -314159;
  // Fractional: hash the exact rational m / 2**e modulo 2**61 - 1 (CPython's _Py_HashDouble).
  let m = Math.abs(x);
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e++;
  }
  // m < 2**53 < P = 2**61 - 1, and 2**61 = 1 (mod P), so dividing by 2**e is rotating m's 61 bits left by 61 - e % 61.
  const k = BigInt((61 - (e % 61)) % 61);
  const b = BigInt(m);
  let h = ((b << k) | (b >> (61n - k))) & HASH_MOD;
  if (x < 0) h = -h;
  return h === -1n ? -2 : N.norm(h);
}

/** Builtin types without __class_getitem__ in CPython 3.11: `int[0]` is a TypeError. */
const NOT_GENERIC: ReadonlySet<string> = new Set(["int", "float", "str", "bool", "object", "complex", "range", "slice", "NoneType", "bytes"]);

export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** CPython's xxHash-based tuple hash, on 32-bit lanes (exact values differ from CPython's 64-bit). */
function hashTuple(hs: number[]): number {
  let acc = 0x27d4eb2f;
  for (const h of hs) {
    acc = (acc + Math.imul(h | 0, 0x85ebca77)) | 0;
    acc = (acc << 13) | (acc >>> 19);
    acc = Math.imul(acc, 0x9e3779b1);
  }
  acc = (acc + (hs.length ^ 0x165667b1)) | 0;
  return acc === -1 ? 1546275796 : acc;
}

export { rangeContains };
