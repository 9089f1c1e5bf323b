/*
 * The Python object model: how every Python value is represented in JavaScript.
 *
 *   int      -> JS `number` while it is a safe integer (|n| <= 2**53 - 1), JS `bigint` beyond that.
 *               Arithmetic normalises results back to `number` when they fit, so an int is a bigint
 *               exactly when it is large.
 *   float    -> `PyFloat` (boxed). Keeping ints unboxed makes loop counters, indices and lengths
 *               free; boxing floats keeps `1` and `1.0` distinct (`type()`, repr, dict keys).
 *   bool     -> JS `boolean` (a subclass of int for arithmetic, as in Python).
 *   str      -> JS `string` (indexing is by UTF-16 unit; astral characters count as 2).
 *   None, NotImplemented, Ellipsis -> singleton `PyObject`s.
 *   everything else -> an instance of a `PyObject` subclass whose `cls` is its Python type.
 *
 * Attribute lookup never touches JS properties of these objects: it goes through `PyType.dict`
 * (a Map) along the MRO and through the instance `dict` (a Map). That is what keeps JS prototypes,
 * constructors and host objects out of user code's reach.
 */

import type { AttrStore } from "./attr-store";
import type { SuggestionSource } from "./suggestions";
import type { Runtime } from "./runtime";
import type { CodeInfo, FunctionImpl } from "./protocol";
import { HashTable } from "./hashtable";

export type PyValue = number | bigint | boolean | string | PyObject;

/** Arguments passed by keyword to a native function. */
export type Kwargs = Map<string, PyValue>;

const MISSING: unique symbol = Symbol("missing");
/**
 * Bumped whenever any type namespace changes after creation, which invalidates every type's lookup
 * memo (like CPython's type version tags). A cache-coherence counter, not interpreter state.
 */
let typeEpoch = 0;
export function typesChanged(): void {
  typeEpoch++;
}

/**
 * A monomorphic inline cache for one attribute access in compiled code (`obj.name`, `obj.name(...)`,
 * `obj.name = v`): the type seen last and what looking `name` up on it gave, valid while no type
 * namespace has changed since. Saves the per-type memo's hash lookup on the hot paths of classes.
 */
export class AttrSite {
  cls: PyType | null = null;
  epoch = -1;
  /** `cls.lookup(name)`. */
  found: PyValue | undefined = undefined;
  /** For stores: whether `obj.name = v` is a plain instance-dict store on instances of `cls`. */
  plainStore = false;
}

/** `cls.lookup(name)` through a site's cache (a null site: no cache). */
export function lookupAt(site: AttrSite | null, cls: PyType, name: string): PyValue | undefined {
  if (site === null) return cls.lookup(name);
  if (site.cls === cls && site.epoch === typeEpoch) return site.found;
  const found = cls.lookup(name);
  site.cls = cls;
  site.epoch = typeEpoch;
  site.found = found;
  return found;
}

/** Whether `obj.name = v` on an instance of `cls` just sets its dict entry (no data descriptor, no `__setattr__`). */
export function plainStoreAt(site: AttrSite | null, cls: PyType, name: string): boolean {
  if (site !== null && site.cls === cls && site.epoch === typeEpoch) return site.plainStore;
  const plain = cls.plainSetattr() && cls.lookup(name) === undefined;
  if (site !== null) {
    site.cls = cls;
    site.epoch = typeEpoch;
    site.plainStore = plain;
  }
  return plain;
}

/*
 * Fields below are `declare`d and assigned in constructors rather than declared as class fields:
 * ES2022 class fields are *defined*, and once the PyObject constructor has seen many subclasses those
 * defines go megamorphic and fall back to the V8 runtime (a 10x slower allocation for every float).
 */
export class PyObject {
  /** The Python type. Instances of user subclasses of builtins carry the subclass here. */
  declare cls: PyType;
  /** Instance attributes (`__dict__`); null for objects without one (builtin values). */
  declare dict: AttrStore | null;
  constructor(cls: PyType, dict: AttrStore | null = null) {
    this.cls = cls;
    this.dict = dict;
  }
}

/**
 * A type's `__new__`: creates the instance (native types allocate their own JS class). `__init__`
 * runs afterwards when the result is an instance of `cls`.
 */
export type Allocator = (cls: PyType, args: PyValue[], kw: Kwargs | null, rt: Runtime) => PyValue;

export class PyType extends PyObject {
  name: string;
  qualname: string;
  module: string;
  bases: PyType[];
  mro: PyType[];
  /** The class namespace: methods, class attributes and operator slots (`__add__`, ...). */
  readonly ns: Map<string, PyValue>;
  /** Allocator inherited from the nearest native base. */
  alloc: Allocator;
  /** Whether instances get an attribute dict (user classes do; int/str/list do not). */
  instanceDict: boolean;
  /** Whether user code may subclass this type. */
  subclassable: boolean;
  /** Native types' namespaces cannot be changed from Python. */
  frozen: boolean;
  constructor(
    meta: PyType | null,
    name: string,
    bases: PyType[],
    ns: Map<string, PyValue>,
    alloc: Allocator,
    opts: { module?: string; qualname?: string; instanceDict?: boolean; subclassable?: boolean; frozen?: boolean } = {},
  ) {
    // `type` is its own metaclass; it is patched in right after creation.
    super(meta ?? (null as unknown as PyType));
    this.name = name;
    this.qualname = opts.qualname ?? name;
    this.module = opts.module ?? "builtins";
    this.bases = bases;
    this.ns = ns;
    this.alloc = alloc;
    this.instanceDict = opts.instanceDict ?? false;
    this.subclassable = opts.subclassable ?? true;
    this.frozen = opts.frozen ?? false;
    this.mro = computeMro(this, bases);
  }

  /** Inline caches of `__new__` and `__init__` for calls of this type. */
  readonly newSite = new AttrSite();
  readonly initSite = new AttrSite();

  private readonly cache = new Map<string, PyValue | typeof MISSING>();
  private cacheEpoch = -1;

  /** Look a name up along the MRO (class attributes, methods, slots), memoised per type. */
  lookup(name: string): PyValue | undefined {
    if (this.cacheEpoch !== typeEpoch) {
      this.cache.clear();
      this.cacheEpoch = typeEpoch;
    }
    const hit = this.cache.get(name);
    if (hit !== undefined) return hit === MISSING ? undefined : hit;
    const mro = this.mro;
    for (let i = 0; i < mro.length; i++) {
      const v = mro[i].ns.get(name);
      if (v !== undefined) {
        this.cache.set(name, v);
        return v;
      }
    }
    this.cache.set(name, MISSING);
    return undefined;
  }

  private setattrEpoch = -1;
  private setattrPlain = true;

  /** Whether `obj.x = v` on instances is object.__setattr__'s (no class on the MRO overrides it). */
  plainSetattr(): boolean {
    if (this.setattrEpoch !== typeEpoch) {
      const mro = this.mro;
      let owner = mro.length - 1;
      for (let i = 0; i < mro.length; i++) {
        if (mro[i].ns.has("__setattr__")) {
          owner = i;
          break;
        }
      }
      this.setattrPlain = mro[owner].mro.length === 1;
      this.setattrEpoch = typeEpoch;
    }
    return this.setattrPlain;
  }

  isSubtypeOf(other: PyType): boolean {
    if (this === other) return true;
    return this.mro.includes(other);
  }
}

/** C3 linearisation; for single inheritance this is the chain of bases. */
function computeMro(cls: PyType, bases: PyType[]): PyType[] {
  if (bases.length === 0) return [cls];
  if (bases.length === 1) return [cls, ...bases[0].mro];
  const seqs = [...bases.map((b) => [...b.mro]), [...bases]];
  const out: PyType[] = [cls];
  for (;;) {
    const live = seqs.filter((s) => s.length > 0);
    if (live.length === 0) return out;
    let head: PyType | null = null;
    for (const s of live) {
      const cand = s[0];
      if (!live.some((t) => t.indexOf(cand) > 0)) {
        head = cand;
        break;
      }
    }
    if (head === null) throw new MroError(bases.map((b) => b.name));
    out.push(head);
    for (const s of live) if (s[0] === head) s.shift();
  }
}

/** Raised (as a JS error) while building a type; `makeClass` turns it into a Python TypeError. */
export class MroError extends Error {
  constructor(readonly baseNames: string[]) {
    super("Cannot create a consistent method resolution order (MRO)");
  }
}

export const plainAlloc: Allocator = (cls) => new PyObject(cls, cls.instanceDict ? new Map() : null);

/** Replaced per type when its constructor is installed (builtins.ts). */
const notYet: Allocator = (cls) => new PyObject(cls);

export function builtinType(
  name: string,
  bases: PyType[],
  alloc: Allocator = notYet,
  subclassable = true,
  module = "builtins",
): PyType {
  return new PyType(typeType, name, bases, new Map(), alloc, { subclassable, frozen: true, module });
}

// `object` and `type` first; `type` is an instance of itself.
export const objectType: PyType = new PyType(null, "object", [], new Map(), plainAlloc, { frozen: true });
export const typeType: PyType = new PyType(null, "type", [objectType], new Map(), plainAlloc, { frozen: true });
objectType.cls = typeType;
typeType.cls = typeType;

// Immutable builtins are not subclassable here (CPython allows it; Kernel Lab code never needs it).
export const intType = builtinType("int", [objectType], notYet, false);
export const boolType = builtinType("bool", [intType], notYet, false);
export const floatType = builtinType("float", [objectType], notYet, false);
export const strType = builtinType("str", [objectType], notYet, false);
export const noneType = builtinType("NoneType", [objectType], notYet, false);
export const notImplementedType = builtinType("NotImplementedType", [objectType], notYet, false);
export const ellipsisType = builtinType("ellipsis", [objectType], notYet, false);

export const None: PyObject = new PyObject(noneType);
export const NotImplemented: PyObject = new PyObject(notImplementedType);
export const Ellipsis: PyObject = new PyObject(ellipsisType);

export class PyFloat extends PyObject {
  declare readonly v: number;
  constructor(v: number, cls: PyType = floatType) {
    super(cls);
    this.v = v;
  }
}

export const listType = builtinType("list", [objectType], (cls) => new PyList([], cls));
export class PyList extends PyObject {
  declare items: PyValue[];
  constructor(items: PyValue[], cls: PyType = listType) {
    super(cls, cls === listType ? null : new Map());
    this.items = items;
  }
}

export const tupleType = builtinType("tuple", [objectType], notYet, false);
export class PyTuple extends PyObject {
  declare readonly items: readonly PyValue[];
  /** Cached hash (tuples are immutable); undefined until first computed. */
  declare hashCache: number | bigint | undefined;
  constructor(items: readonly PyValue[], cls: PyType = tupleType) {
    super(cls);
    this.items = items;
    this.hashCache = undefined;
  }
}

export const rangeType = builtinType("range", [objectType], notYet, false);
/** A range's exact bounds and length, for ranges reaching beyond 2**53. */
export interface BigRange {
  readonly start: bigint;
  readonly stop: bigint;
  readonly step: bigint;
  readonly length: bigint;
}

export class PyRange extends PyObject {
  /**
   * The number fields are exact when every bound and the distance between start and stop are safe
   * integers (all elements then are); otherwise `big` holds the exact values and the number fields
   * only approximations (ranges are lazy: `range(10**20)` is fine, as in CPython).
   */
  readonly start: number;
  readonly stop: number;
  readonly step: number;
  readonly big: BigRange | null;
  constructor(start: number | bigint, stop: number | bigint, step: number | bigint) {
    super(rangeType);
    if (typeof start === "number" && typeof stop === "number" && typeof step === "number" && Number.isSafeInteger(stop - start)) {
      this.big = null;
    } else {
      const [b0, b1, bs] = [BigInt(start), BigInt(stop), BigInt(step)];
      let length = 0n;
      if (bs > 0n && b0 < b1) length = (b1 - b0 - 1n) / bs + 1n;
      else if (bs < 0n && b0 > b1) length = (b0 - b1 - 1n) / -bs + 1n;
      this.big = { start: b0, stop: b1, step: bs, length };
    }
    this.start = Number(start);
    this.stop = Number(stop);
    this.step = Number(step);
  }
  /** The number of elements (approximate beyond 2**53: see `big`). */
  get length(): number {
    if (this.big !== null) return Number(this.big.length);
    const { start, stop, step } = this;
    if (step > 0) return start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
    return start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  }
}

export const sliceType = builtinType("slice", [objectType], notYet, false);
export class PySlice extends PyObject {
  constructor(
    readonly start: PyValue,
    readonly stop: PyValue,
    readonly step: PyValue,
  ) {
    super(sliceType);
  }
}

export const moduleType = builtinType("module", [objectType], notYet, false);

/**
 * A module-level variable slot. Compiled code resolves a global's cell once and then reads
 * `cell.v` directly; `undefined` means unbound (fall back to builtins, else NameError).
 */
export interface GlobalCell {
  v: PyValue | undefined;
  readonly name: string;
}

/** A module's global namespace (what `globals()` shows), insertion ordered. */
export class ModuleScope {
  readonly cells = new Map<string, GlobalCell>();
  cell(name: string): GlobalCell {
    let c = this.cells.get(name);
    if (c === undefined) {
      c = { v: undefined, name };
      this.cells.set(name, c);
    }
    return c;
  }
  get(name: string): PyValue | undefined {
    return this.cells.get(name)?.v;
  }
  set(name: string, v: PyValue): void {
    this.cell(name).v = v;
  }
  delete(name: string): boolean {
    const c = this.cells.get(name);
    if (c === undefined || c.v === undefined) return false;
    c.v = undefined;
    return true;
  }
  *names(): IterableIterator<string> {
    for (const c of this.cells.values()) if (c.v !== undefined) yield c.name;
  }
}

export class PyModule extends PyObject {
  constructor(
    readonly name: string,
    readonly scope: ModuleScope = new ModuleScope(),
  ) {
    super(moduleType);
    scope.set("__name__", name);
  }
  set(name: string, v: PyValue): void {
    this.scope.set(name, v);
  }
}

// ---- callables -------------------------------------------------------------------------------

export const functionType = builtinType("function", [objectType], notYet, false);
/** A Python function (def / lambda) compiled to `impl`. */
export class PyFunction extends PyObject {
  name: string;
  qualname: string;
  readonly nparams: number;
  /** No *args/**kwargs/keyword-only params: a call with exactly `nparams` positional args can
   *  invoke `impl` directly. */
  readonly simple: boolean;
  constructor(
    readonly code: CodeInfo,
    readonly impl: FunctionImpl,
    public defaults: PyValue[] | null,
    public kwDefaults: Map<string, PyValue> | null,
    readonly module: ModuleScope,
  ) {
    super(functionType, new Map());
    this.name = code.name;
    this.qualname = code.qualname;
    const p = code.params;
    this.nparams = p.positional.length + (p.varargs ? 1 : 0) + p.kwonly.length + (p.varkw ? 1 : 0);
    this.simple = p.varargs === null && p.varkw === null && p.kwonly.length === 0;
  }
}

export type NativeImpl = (args: PyValue[], kw: Kwargs | null, rt: Runtime) => PyValue;
export type NativeMethodImpl<T = PyValue> = (self: T, args: PyValue[], kw: Kwargs | null, rt: Runtime) => PyValue;

export const builtinFunctionType = builtinType("builtin_function_or_method", [objectType], notYet, false);
/** A function implemented in TypeScript. `self` is set for bound builtin methods. */
export class PyBuiltin extends PyObject {
  constructor(
    readonly name: string,
    readonly impl: NativeImpl,
    readonly qualname: string = name,
  ) {
    super(builtinFunctionType);
  }
}

export const methodDescriptorType = builtinType("method_descriptor", [objectType], notYet, false);
/** A native method in a type namespace; binds `self` on attribute access like a function. */
export class PyMethodDescr extends PyObject {
  constructor(
    readonly name: string,
    readonly owner: PyType,
    readonly impl: NativeMethodImpl,
    /** Guards `self` before the impl runs (CPython: "descriptor 'x' for 'T' objects doesn't apply"). */
    readonly check: (v: PyValue) => boolean,
  ) {
    super(methodDescriptorType);
  }
}

export const getSetDescriptorType = builtinType("getset_descriptor", [objectType], notYet, false);
/** A native attribute (data descriptor): `obj.shape`. */
export class PyGetSet extends PyObject {
  constructor(
    readonly name: string,
    readonly owner: PyType,
    readonly get: (self: PyValue, rt: Runtime) => PyValue,
    readonly set: ((self: PyValue, value: PyValue, rt: Runtime) => void) | null,
  ) {
    super(getSetDescriptorType);
  }
}

export const methodType = builtinType("method", [objectType], notYet, false);
/** A bound method: `obj.f` where `f` is a Python function or a native method descriptor. */
export class PyMethod extends PyObject {
  constructor(
    readonly self: PyValue,
    readonly func: PyValue,
  ) {
    super(methodType);
  }
}

export const propertyType = builtinType("property", [objectType]);
export class PyProperty extends PyObject {
  constructor(
    readonly fget: PyValue,
    readonly fset: PyValue,
    readonly fdel: PyValue,
    readonly doc: PyValue,
    cls: PyType = propertyType,
  ) {
    super(cls);
  }
}

export const staticMethodType = builtinType("staticmethod", [objectType]);
export const classMethodType = builtinType("classmethod", [objectType]);
export class PyStaticMethod extends PyObject {
  constructor(readonly func: PyValue) {
    super(staticMethodType);
  }
}
export class PyClassMethod extends PyObject {
  constructor(readonly func: PyValue) {
    super(classMethodType);
  }
}

export const superType = builtinType("super", [objectType], notYet, false);
export class PySuper extends PyObject {
  constructor(
    /** The class whose MRO successor we start from. */
    readonly thisClass: PyType,
    readonly self: PyValue,
    /** type(self), or self itself when it is a class (super in classmethods). */
    readonly selfType: PyType,
  ) {
    super(superType);
  }
}

// ---- iterators -------------------------------------------------------------------------------

export const iteratorType = builtinType("iterator", [objectType], notYet, false);
/**
 * A native iterator (list_iterator, range_iterator, generator, map, zip, ...). `step()` returns the
 * next value or undefined when exhausted; the Python type name is per instance.
 */
export class PyIterator extends PyObject {
  done = false;
  constructor(
    readonly step: () => PyValue | undefined,
    cls: PyType = iteratorType,
  ) {
    super(cls);
  }
  next(): PyValue | undefined {
    if (this.done) return undefined;
    const v = this.step();
    if (v === undefined) this.done = true;
    return v;
  }
}

// ---- dict and set ----------------------------------------------------------------------------

export const dictType = builtinType("dict", [objectType], (cls) => new PyDict(cls));
export class PyDict extends PyObject {
  readonly table: HashTable;
  /** `table`: an object's attribute table, for its live `__dict__`. */
  constructor(cls: PyType = dictType, table: HashTable = new HashTable()) {
    super(cls, cls === dictType ? null : new Map());
    this.table = table;
  }
}

export const setType = builtinType("set", [objectType], (cls) => new PySet(cls));
export const frozensetType = builtinType("frozenset", [objectType], notYet, false);
export class PySet extends PyObject {
  readonly table = new HashTable();
  hashCache: number | bigint | undefined = undefined;
  /** How many first keys came from a display of constants (CPython copies them from a frozenset). */
  fromConstants = 0;
  constructor(cls: PyType = setType) {
    super(cls, cls === setType || cls === frozensetType ? null : new Map());
  }
  get frozen(): boolean {
    return this.cls === frozensetType;
  }
}

export type DictViewKind = "keys" | "values" | "items";
export const dictKeysType = builtinType("dict_keys", [objectType], notYet, false);
export const dictValuesType = builtinType("dict_values", [objectType], notYet, false);
export const dictItemsType = builtinType("dict_items", [objectType], notYet, false);
export class PyDictView extends PyObject {
  constructor(
    readonly owner: PyDict,
    readonly kind: DictViewKind,
  ) {
    super(kind === "keys" ? dictKeysType : kind === "values" ? dictValuesType : dictItemsType);
  }
}

// ---- exceptions ------------------------------------------------------------------------------

export interface TracebackEntry {
  code: CodeInfo;
  line: number;
  /** The failing operation's span (CPython 3.11's caret line); col -1 when unknown. */
  col: number;
  endLine: number;
  endCol: number;
  /** Frame depth of the activation that recorded this entry (dedups re-raises in one frame). */
  frame: number;
}

export class PyBaseException extends PyObject {
  args: PyValue[];
  /** Innermost frame last once printing; recorded while unwinding (so innermost first). */
  tb: TracebackEntry[] = [];
  cause: PyObject | null = null;
  context: PyObject | null = null;
  suppressContext = false;
  /** For NameError/AttributeError: what a printed traceback's "Did you mean" looks among. */
  suggestion: SuggestionSource | null = null;
  constructor(cls: PyType, args: PyValue[]) {
    super(cls, new Map());
    this.args = args;
  }
}

export const generatorType = builtinType("generator", [iteratorType], notYet, false);
/**
 * A generator (a generator function's call or a generator expression), named for its repr: the
 * compiled JS generator, which send()/throw()/close() drive directly.
 */
export class PyGenerator extends PyIterator {
  started = false;
  /** What the body returned (`return v`), for the StopIteration that ends a next() loop. */
  returned: PyValue | undefined = undefined;
  constructor(
    readonly it: Iterator<PyValue, PyValue | undefined, PyValue | undefined>,
    readonly qualname: string,
  ) {
    super(() => {
      this.started = true;
      const r = it.next();
      if (!r.done) return r.value;
      this.returned = r.value;
      return undefined;
    }, generatorType);
  }
}

/** The Python type of any value. */
export function typeOf(v: PyValue): PyType {
  switch (typeof v) {
    case "number":
    case "bigint":
      return intType;
    case "string":
      return strType;
    case "boolean":
      return boolType;
    default:
      return v.cls;
  }
}

/** A type's name as CPython's tp_name shows it in messages: numpy's C types carry their module. */
export function tpName(t: PyType): string {
  return t.module === "numpy" && t.frozen ? `numpy.${t.name}` : t.name;
}

/** `type(v).__name__`, as used in most error messages. */
export function typeName(v: PyValue): string {
  return typeOf(v).name;
}

export function isInt(v: PyValue): v is number | bigint {
  return typeof v === "number" || typeof v === "bigint";
}
