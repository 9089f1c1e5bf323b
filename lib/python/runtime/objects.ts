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

export type PyValue = number | bigint | boolean | string | PyObject;

/** Arguments passed by keyword to a native function. */
export type Kwargs = Map<string, PyValue>;

export class PyObject {
  /** The Python type. Instances of user subclasses of builtins carry the subclass here. */
  cls: PyType;
  /** Instance attributes (`__dict__`); null for objects without one (builtin values). */
  dict: Map<string, PyValue> | null;
  constructor(cls: PyType, dict: Map<string, PyValue> | null = null) {
    this.cls = cls;
    this.dict = dict;
  }
}

/** How instances of a type are created: native types allocate their own JS class. */
export type Allocator = (cls: PyType) => PyObject;

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
  constructor(
    meta: PyType | null,
    name: string,
    bases: PyType[],
    ns: Map<string, PyValue>,
    alloc: Allocator,
    opts: { module?: string; qualname?: string; instanceDict?: boolean; subclassable?: boolean } = {},
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
    this.mro = computeMro(this, bases);
  }

  /** Look a name up along the MRO (class attributes, methods, slots). */
  lookup(name: string): PyValue | undefined {
    const mro = this.mro;
    for (let i = 0; i < mro.length; i++) {
      const v = mro[i].ns.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
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

const plainAlloc: Allocator = (cls) => new PyObject(cls, cls.instanceDict ? new Map() : null);

function builtinType(name: string, bases: PyType[], alloc: Allocator = plainAlloc, subclassable = true): PyType {
  return new PyType(typeType, name, bases, new Map(), alloc, { subclassable });
}

// `object` and `type` first; `type` is an instance of itself.
export const objectType: PyType = new PyType(null, "object", [], new Map(), plainAlloc);
export const typeType: PyType = new PyType(null, "type", [objectType], new Map(), plainAlloc);
objectType.cls = typeType;
typeType.cls = typeType;

export const intType = builtinType("int", [objectType]);
export const boolType = builtinType("bool", [intType], plainAlloc, false);
export const floatType = builtinType("float", [objectType]);
export const strType = builtinType("str", [objectType]);
export const noneType = builtinType("NoneType", [objectType], plainAlloc, false);
export const notImplementedType = builtinType("NotImplementedType", [objectType], plainAlloc, false);
export const ellipsisType = builtinType("ellipsis", [objectType], plainAlloc, false);

export const None: PyObject = new PyObject(noneType);
export const NotImplemented: PyObject = new PyObject(notImplementedType);
export const Ellipsis: PyObject = new PyObject(ellipsisType);

export class PyFloat extends PyObject {
  readonly v: number;
  constructor(v: number, cls: PyType = floatType) {
    super(cls);
    this.v = v;
  }
}

export const listType = builtinType("list", [objectType], (cls) => new PyList([], cls));
export class PyList extends PyObject {
  items: PyValue[];
  constructor(items: PyValue[], cls: PyType = listType) {
    super(cls, cls === listType ? null : new Map());
    this.items = items;
  }
}

export const tupleType = builtinType("tuple", [objectType], (cls) => new PyTuple([], cls));
export class PyTuple extends PyObject {
  readonly items: readonly PyValue[];
  /** Cached hash (tuples are immutable); undefined until first computed. */
  hashCache: number | undefined = undefined;
  constructor(items: readonly PyValue[], cls: PyType = tupleType) {
    super(cls, cls === tupleType ? null : new Map());
    this.items = items;
  }
}

export const rangeType = builtinType("range", [objectType], plainAlloc, false);
export class PyRange extends PyObject {
  constructor(
    readonly start: number,
    readonly stop: number,
    readonly step: number,
  ) {
    super(rangeType);
  }
  get length(): number {
    const { start, stop, step } = this;
    if (step > 0) return start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
    return start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  }
}

export const sliceType = builtinType("slice", [objectType], plainAlloc, false);
export class PySlice extends PyObject {
  constructor(
    readonly start: PyValue,
    readonly stop: PyValue,
    readonly step: PyValue,
  ) {
    super(sliceType);
  }
}

export const moduleType = builtinType("module", [objectType], plainAlloc, false);

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
  }
}
