/**
 * `tensor.view(dtype)`: the same bytes read as another dtype, aliasing the original as on hardware.
 *
 * Buffers store element values (./storage), not bytes, so an allocation viewed under several dtypes
 * becomes an alias group: one Buffer per dtype (the allocation itself plus an alias Buffer per other
 * dtype, sharing its trace id, memory, partitions and address, so the trace records the same bytes),
 * each with its own element store, and one little-endian byte image of the allocation. Exactly one
 * member's store is current (the owner). Every read or write of a store goes through `Buffer.data`
 * (gather, scatter and the TensorE paths all start there), so `data` is a getter on group members: when
 * it is read on a member that is not the owner, the owner's store is written back into the byte image
 * and the member's store decoded from it. Write-back keeps an element's bytes when its value did not
 * change, so merely reading through another dtype never rewrites bit patterns (NaN payloads survive).
 *
 * The hand-over is per access, not per instruction: an instruction holding the store of one member
 * while writing another member of the same allocation would lose a write. No op does that (each takes
 * a store, uses it, and gathers into fresh arrays before scattering).
 */

import { decode, encode, type FloatFormatName } from "../../numpy/float-formats";
import type { DTypeInfo, DTypeName } from "../dtypes";
import { nkiError, type SourceLocation } from "../errors";
import { Memory } from "../trace/types";
import { allocateStorage, type Storage } from "./storage";
import type { Buffer, View } from "./tensor";

/** bool_ holds 0/1 values and tfloat32 rounded fp32 values: neither can carry arbitrary bit patterns. */
const NOT_REINTERPRETABLE: ReadonlySet<DTypeName> = new Set(["bool_", "tfloat32"]);

// Byte images use typed arrays, which follow the platform's byte order; NKI (and numpy's goldens) are
// little-endian.
if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error("reinterpret: big-endian hosts are not supported");

interface AliasGroup {
  /** The allocation itself (the buffer the machine created and releases). */
  readonly root: Buffer;
  /** Null in timing-only mode (no values exist). */
  readonly bytes: ArrayBuffer | null;
  readonly members: Map<DTypeName, Buffer>;
  readonly stores: Map<Buffer, Storage>;
  owner: Buffer;
}

const groupOf = new WeakMap<Buffer, AliasGroup>();

type RawArray = Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array;

/** The byte image as an array of one dtype's raw elements (bit patterns for the narrow floats). */
function rawElements(d: DTypeInfo, bytes: ArrayBuffer): RawArray {
  switch (d.name) {
    case "float32": return new Float32Array(bytes);
    case "int32": return new Int32Array(bytes);
    case "uint32": return new Uint32Array(bytes);
    case "int16": return new Int16Array(bytes);
    case "uint16":
    case "bfloat16":
    case "float16": return new Uint16Array(bytes);
    case "int8": return new Int8Array(bytes);
    case "uint8":
    case "float8_e4m3":
    case "float8_e4m3fn":
    case "float8_e5m2": return new Uint8Array(bytes);
    default: throw new Error(`reinterpret: no byte layout for ${d.name}`);
  }
}

function narrowFloat(d: DTypeInfo): FloatFormatName | null {
  switch (d.name) {
    case "bfloat16":
    case "float16":
    case "float8_e4m3":
    case "float8_e4m3fn":
    case "float8_e5m2":
      return d.name;
    default:
      return null;
  }
}

/** Value of every bit pattern of a narrow float format (they are all exact in float32). */
const decodeTables = new Map<FloatFormatName, Float32Array>();

function decodeTable(name: FloatFormatName, size: number): Float32Array {
  let t = decodeTables.get(name);
  if (!t) {
    t = new Float32Array(2 ** (8 * size));
    for (let bits = 0; bits < t.length; bits++) t[bits] = decode(name, bits);
    decodeTables.set(name, t);
  }
  return t;
}

function sameValue(a: number, b: number): boolean {
  return a === b ? a !== 0 || 1 / a === 1 / b : a !== a && b !== b;
}

/** Writes a store's values into the byte image, re-encoding only the elements whose value changed. */
function writeBack(d: DTypeInfo, store: Storage, bytes: ArrayBuffer): void {
  const raw = rawElements(d, bytes);
  const name = narrowFloat(d);
  if (name) {
    const table = decodeTable(name, d.size);
    for (let i = 0; i < store.length; i++) if (!sameValue(table[raw[i]], store[i])) raw[i] = encode(name, store[i]);
  } else {
    for (let i = 0; i < store.length; i++) if (!sameValue(raw[i], store[i])) raw[i] = store[i];
  }
}

/** Decodes the byte image into a store of dtype `d`. */
function readInto(d: DTypeInfo, bytes: ArrayBuffer, store: Storage): void {
  const raw = rawElements(d, bytes);
  const name = narrowFloat(d);
  if (!name) {
    store.set(raw);
    return;
  }
  const table = decodeTable(name, d.size);
  for (let i = 0; i < store.length; i++) store[i] = table[raw[i]];
}

/** Makes `b` the owner: the current owner's values go to the byte image, `b`'s store is decoded from it. */
function acquire(g: AliasGroup, b: Buffer): Storage {
  const store = g.stores.get(b) as Storage;
  if (g.owner === b || !g.bytes) return store;
  writeBack(g.owner.dtype, g.stores.get(g.owner) as Storage, g.bytes);
  readInto(b.dtype, g.bytes, store);
  g.owner = b;
  return store;
}

function groupFor(b: Buffer): AliasGroup {
  const existing = groupOf.get(b);
  if (existing) return existing;
  const store = b.data;
  const g: AliasGroup = {
    root: b,
    bytes: store ? new ArrayBuffer(store.length * b.dtype.size) : null,
    members: new Map([[b.dtype.name, b]]),
    stores: new Map(),
    owner: b,
  };
  if (store && g.bytes) {
    g.stores.set(b, store);
    writeBack(b.dtype, store, g.bytes);
    // From now on the allocation's own store is handed over like any member's.
    Object.defineProperty(b, "data", { get: () => acquire(g, b), enumerable: true, configurable: true });
  }
  groupOf.set(b, g);
  return g;
}

/** The allocation's buffer under dtype `d`; its innermost buffer dimension is rescaled to the new itemsize. */
function memberFor(g: AliasGroup, d: DTypeInfo, what: string, loc: SourceLocation | null): Buffer {
  const known = g.members.get(d.name);
  if (known) return known;
  const root = g.root;
  const last = root.shape.length - 1;
  const rowBytes = last >= 0 ? root.shape[last] * root.dtype.size : root.dtype.size;
  if (root.dtype.size !== d.size) {
    if (last < 0 || last === root.partitionAxis) {
      nkiError("err_shape_mismatch", `${what}: '${root.name}' has no free dimension to rescale; a dtype of another itemsize needs one`, loc);
    }
    if (rowBytes % d.size !== 0) {
      nkiError(
        "err_shape_mismatch",
        `${what}: the innermost dimension of '${root.name}' holds ${rowBytes} bytes, not a multiple of ${d.name}'s ${d.size}`,
        loc,
      );
    }
  }
  const shape = root.shape.slice();
  if (last >= 0) shape[last] = rowBytes / d.size;
  const freeElems = (root.freeElems * root.dtype.size) / d.size;
  const elems = root.memory === Memory.Hbm ? freeElems : freeElems * root.partCount;
  const alias: Buffer = {
    id: root.id,
    name: root.name,
    memory: root.memory,
    dtype: d,
    shape,
    partitionAxis: root.partitionAxis,
    partStart: root.partStart,
    partCount: root.partCount,
    addr: root.addr,
    freeElems,
    data: null,
    released: false,
  };
  Object.defineProperty(alias, "released", { get: () => root.released, set: (x: boolean) => { root.released = x; }, enumerable: true });
  if (g.bytes) {
    g.stores.set(alias, allocateStorage(d, elems));
    Object.defineProperty(alias, "data", { get: () => acquire(g, alias), enumerable: true });
  }
  g.members.set(d.name, alias);
  groupOf.set(alias, g);
  return alias;
}

/** Whether `b` belongs to an alias group (was viewed under another dtype, or is such a view). */
export function hasAliases(b: Buffer): boolean {
  return groupOf.has(b);
}

function describeView(v: View): string {
  return `(${v.shape.join(", ")}${v.shape.length === 1 ? "," : ""}) ${v.buffer.dtype.name}`;
}

/**
 * `v.view(d)`: the bytes `v` addresses read as dtype `d` (numpy's ndarray.view: with another itemsize
 * the last dimension is rescaled and must be contiguous). Writes through the result and through any
 * other view of the allocation are visible to each other. Raises err_unsupported_dtype for dtypes that
 * cannot hold arbitrary bits and err_shape_mismatch when the bytes do not split into whole elements.
 */
export function reinterpretView(v: View, d: DTypeInfo, loc: SourceLocation | null): View {
  const from = v.buffer.dtype;
  if (from === d) return v;
  const what = `tensor.view(${d.name}) of a ${describeView(v)} tensor`;
  for (const t of [from, d]) {
    if (NOT_REINTERPRETABLE.has(t.name)) {
      nkiError("err_unsupported_dtype", `${what}: ${t.name} cannot be reinterpreted (its storage cannot hold arbitrary bit patterns); use astype to convert values`, loc);
    }
  }
  const nd = v.shape.length;
  if (from.size !== d.size) {
    if (nd === 0) nkiError("err_shape_mismatch", `${what}: a 0-d tensor can only be viewed as a dtype of the same itemsize`, loc);
    if (nd - 1 === v.partitionAxis) nkiError("err_shape_mismatch", `${what}: the last dimension is the partition dimension, whose size cannot change`, loc);
    const inner = v.shape[nd - 1];
    if (inner !== 1 && v.strides[nd - 1] !== 1) {
      nkiError("err_shape_mismatch", `${what}: the last dimension must be contiguous to change the itemsize`, loc);
    }
    if ((inner * from.size) % d.size !== 0) {
      nkiError("err_shape_mismatch", `${what}: the last dimension holds ${inner * from.size} bytes, not a multiple of ${d.name}'s ${d.size}`, loc);
    }
    const misaligned = (v.offset * from.size) % d.size !== 0 || v.strides.some((s, k) => k < nd - 1 && (s * from.size) % d.size !== 0);
    if (misaligned) nkiError("err_shape_mismatch", `${what}: the view does not start on ${d.size}-byte element boundaries`, loc);
  }
  const g = groupFor(v.buffer);
  const buffer = memberFor(g, d, what, loc);
  if (from.size === d.size) return { ...v, buffer };
  const scale = (elems: number): number => (elems * from.size) / d.size;
  const shape = v.shape.slice();
  shape[nd - 1] = scale(shape[nd - 1]);
  const strides = v.strides.map((s, k) => (k === nd - 1 ? 1 : scale(s)));
  return { buffer, offset: scale(v.offset), shape, strides, partitionAxis: v.partitionAxis };
}
