/**
 * Python objects of a traced kernel: tensors (views onto sim buffers), affine index expressions and
 * mask predicates, with their operators. Indexing a tensor with ints, slices and index expressions
 * yields a strided view; each tensor also remembers, per buffer dimension, the affine index it reads
 * there, so out-of-bounds checks are exact and can honour `mask=`.
 */

import {
  affineMask, aluOp, broadcastView, dtype as simDtype, memset, nl as L, type DTypeInfo, type DTypeName, nkiError, reshapeView, type Machine, type Mask,
  type MaskClause, type MaskCmp, type View,
} from "../sim";
import { activationFn } from "../sim/ops/alu";
import { inBounds } from "../sim/ops/common";
import type { Deferred } from "../sim/machine";
import { fullView } from "../sim/memory/tensor";
import { reinterpretView } from "../sim/memory/reinterpret";
import { Memory } from "../sim/trace/types";
import { dtypeObject } from "../numpy/python/types";
import { PyNDArray, toDtype } from "../numpy/python/convert";
import { DTYPES as NP_DTYPES, type DTypeName as NpDTypeName } from "../numpy/dtypes";
import { defineNativeType } from "../python/runtime/define";
import * as E from "../python/runtime/errors";
import { Ellipsis, None, NotImplemented, PyFloat, PyList, PyObject, PySlice, PyTuple, typeOf, type PyValue } from "../python/runtime/objects";
import type { Runtime } from "../python/runtime/runtime";
import { addAffine, arange, compareAffine, expandAffine, scaleAffine, type Affine } from "./affine";
import { asPythonError, nkiGuard, pyNkiError } from "./errors";
import { requireRun } from "./run";


// ---------------------------------------------------------------- index expressions

export class IndexExpr extends PyObject {
  constructor(readonly e: Affine) {
    super(indexExprType);
  }
}

export class MaskExpr extends PyObject {
  constructor(readonly clauses: readonly MaskClause[]) {
    super(maskExprType);
  }
}

function asAffine(v: PyValue): Affine | null {
  if (v instanceof IndexExpr) return v.e;
  if (typeof v === "number") return { shape: [], base: v, coeffs: [] };
  if (typeof v === "boolean") return { shape: [], base: v ? 1 : 0, coeffs: [] };
  return null;
}

function exprOp(self: IndexExpr, other: PyValue, f: (a: Affine, b: Affine) => Affine | null): PyValue {
  const b = asAffine(other);
  if (!b) return NotImplemented;
  const r = f(self.e, b);
  if (!r) throw pyNkiError("err_shape_mismatch", "index expressions of incompatible shapes");
  return new IndexExpr(r);
}

function mulExpr(self: IndexExpr, other: PyValue): PyValue {
  if (typeof other !== "number") {
    if (other instanceof IndexExpr) throw pyNkiError("err_unsupported_expression_in_mask", "the product of two index expressions is not affine");
    return NotImplemented;
  }
  return new IndexExpr(scaleAffine(self.e, other));
}

function compare(cmp: MaskCmp) {
  return (self: IndexExpr, [other]: PyValue[]): PyValue => {
    const b = asAffine(other);
    if (!b) return NotImplemented;
    const c = compareAffine(self.e, b, cmp);
    if (!c) throw pyNkiError("err_shape_mismatch", "index expressions of incompatible shapes");
    return new MaskExpr([c]);
  };
}

/** `e[:, None]`, `e[None, :]`: slices that keep a dim, None that adds one. */
function expandExpr(self: IndexExpr, key: PyValue): PyValue {
  const items = key instanceof PyTuple ? key.items : [key];
  const spec = items.map((it) => {
    if (it === None) return "new" as const;
    if (it instanceof PySlice && it.start === None && it.stop === None && it.step === None) return "keep" as const;
    throw pyNkiError("err_unsupported_expression_in_mask", "an index expression can only be re-shaped with ':' and None");
  });
  const r = expandAffine(self.e, spec);
  if (!r) throw E.indexError("too many indices for index expression");
  return new IndexExpr(r);
}

export const indexExprType = defineNativeType<IndexExpr>({
  name: "IndexExpr",
  module: "neuronxcc.nki.language",
  instanceOf: IndexExpr,
  methods: {
    __add__: (s, [o]) => exprOp(s, o, (a, b) => addAffine(a, b, 1)),
    __radd__: (s, [o]) => exprOp(s, o, (a, b) => addAffine(a, b, 1)),
    __sub__: (s, [o]) => exprOp(s, o, (a, b) => addAffine(a, b, -1)),
    __rsub__: (s, [o]) => exprOp(s, o, (a, b) => addAffine(b, a, -1)),
    __mul__: (s, [o]) => mulExpr(s, o),
    __rmul__: (s, [o]) => mulExpr(s, o),
    __neg__: (s) => new IndexExpr(scaleAffine(s.e, -1)),
    __lt__: compare("less"),
    __le__: compare("less_equal"),
    __gt__: compare("greater"),
    __ge__: compare("greater_equal"),
    __eq__: compare("equal"),
    __ne__: compare("not_equal"),
    __getitem__: (s, [k]) => expandExpr(s, k),
    __bool__: () => {
      throw pyNkiError("err_control_flow_condition_depending_on_arange", "an index expression has no single truth value; use it in mask= instead");
    },
    __repr__: (s) => `IndexExpr(shape=(${s.e.shape.join(", ")}${s.e.shape.length === 1 ? "," : ""}))`,
  },
  getters: {
    shape: (s) => new PyTuple([...s.e.shape]),
  },
});

function maskAnd(self: MaskExpr, other: PyValue): PyValue {
  if (!(other instanceof MaskExpr)) return NotImplemented;
  return new MaskExpr([...self.clauses, ...other.clauses]);
}

export const maskExprType = defineNativeType<MaskExpr>({
  name: "MaskExpr",
  module: "neuronxcc.nki.language",
  instanceOf: MaskExpr,
  methods: {
    __and__: (s, [o]) => maskAnd(s, o),
    __rand__: (s, [o]) => maskAnd(s, o),
    __bool__: () => {
      throw pyNkiError("err_control_flow_condition_depending_on_arange", "a mask predicate has no single truth value; pass it as mask=");
    },
    __repr__: (s) => `MaskExpr(${s.clauses.length} clause${s.clauses.length === 1 ? "" : "s"})`,
  },
});

export function newArange(start: number, stop: number): IndexExpr {
  return new IndexExpr(arange(start, stop));
}

/** The mask's element predicate over an instruction's output shape, or null. */
export function maskFor(v: PyValue | undefined, shape: readonly number[]): Uint8Array | null {
  if (v === undefined || v === None) return null;
  if (!(v instanceof MaskExpr)) throw pyNkiError("err_unsupported_expression_in_mask", "mask= must be a comparison of index expressions, combined with &");
  return affineMask(shape, v.clauses);
}

// ---------------------------------------------------------------- tensors

/** What a tensor reads along one buffer dimension: an affine index over the view's dims. */
export interface DimAccess {
  readonly extent: number;
  readonly base: number;
  /** One per view dim. */
  readonly coeffs: readonly number[];
}

/**
 * An instruction not yet issued, with the view it writes: `into` is the destination it writes (or, for a
 * matmul, accumulates into), null for a fresh tile.
 */
export type IssueInto = (into: View | null) => View;

/**
 * How a deferred value may be issued at its first use. "matmul": `psum[...] += nl.matmul(...)` becomes
 * one accumulating nc_matmul. "write": `buf[...] = op(...)` makes the op write `buf` itself (one DMA
 * for a load, no copy), when `fits(dst)` says the destination is one the instruction could write.
 */
export interface PendingOp {
  readonly kind: "matmul" | "write";
  readonly issue: IssueInto;
  readonly fits?: (dst: View) => boolean;
}

/** What a deferred tensor is made of (see deferredTensor). */
interface Unissued {
  readonly machine: Machine;
  readonly op: PendingOp;
}

export class NkiTensor extends PyObject implements Deferred {
  private resolved: View | null;
  private pending: PendingOp | null;
  private readonly machine: Machine | null;
  private accessOrThunk: readonly DimAccess[] | null | (() => readonly DimAccess[]);

  constructor(
    view: View | Unissued,
    /**
     * Null when the view is not a plain indexing of its buffer (reshapes): the sim checks bounds. May
     * be given as a function, evaluated on first use (indexing computes it for every tile operand, but
     * only loads and stores read it).
     */
    access: readonly DimAccess[] | null | (() => readonly DimAccess[]),
  ) {
    super(nkiTensorType);
    const unissued = "op" in view;
    this.resolved = unissued ? null : view;
    this.pending = unissued ? view.op : null;
    this.machine = unissued ? view.machine : null;
    this.accessOrThunk = access;
  }

  /** Whether `access` is non-null, without computing a deferred access. */
  get hasAccess(): boolean {
    return this.accessOrThunk !== null;
  }

  get access(): readonly DimAccess[] | null {
    const a = this.accessOrThunk;
    if (typeof a !== "function") return a;
    const computed = a();
    this.accessOrThunk = computed;
    return computed;
  }

  get view(): View {
    if (this.resolved) return this.resolved;
    // A pending value is always the machine's deferred instruction (anything else issues it first).
    const p = this.pending;
    if (!p || !(this.machine as Machine).claim(this)) throw new Error("nki: a deferred tensor lost its instruction");
    this.pending = null;
    this.resolved = p.issue(null);
    return this.resolved;
  }

  /** Issues the instruction into a fresh tile (called by Machine.settle, which has already let go of it). */
  settle(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    this.resolved = p.issue(null);
  }

  /** Issues the pending matmul accumulating into `dst`; false if this tensor is not a pending matmul. */
  accumulateInto(dst: View): boolean {
    return this.issueInto("matmul", dst);
  }

  /** Issues the pending op writing `dst` directly; false if it is not pending or `dst` does not fit it. */
  writeInto(dst: View): boolean {
    return this.issueInto("write", dst);
  }

  private issueInto(kind: PendingOp["kind"], dst: View): boolean {
    const p = this.pending;
    if (!p || p.kind !== kind || (p.fits && !p.fits(dst)) || !(this.machine as Machine).claim(this)) return false;
    this.pending = null;
    this.resolved = p.issue(dst);
    return true;
  }
}

/**
 * A value whose instruction is issued at its first use (the machine issues it before anything else
 * happens, so program order is kept): into a destination by `+=` / `__setitem__`, else a fresh tile.
 */
export function deferredTensor(m: Machine, op: PendingOp, access: readonly DimAccess[] | null | (() => readonly DimAccess[]) = null): NkiTensor {
  const t = new NkiTensor({ machine: m, op }, access);
  m.defer(t);
  return t;
}

export function wholeTensor(v: View): NkiTensor {
  // Deferred: most results are only ever engine operands, which never read it.
  return new NkiTensor(v, () => wholeAccess(v.shape));
}

/** Whether a Vector-engine instruction can read `v` with no diagnostic (an in-bounds on-chip tile). */
function cleanEngineOperand(m: Machine, v: View): boolean {
  const b = v.buffer;
  return !b.released && b.memory !== Memory.Hbm && v.partitionAxis === 0 && v.shape.length > 0 && v.shape[0] <= m.target.partitions && inBounds(v);
}

/** Whether a fresh SBUF result tile of `shape` fits, for any dtype (at most 4 bytes an element). */
function freshTileFits(m: Machine, shape: readonly number[]): boolean {
  const parts = Math.max(1, shape[0]);
  return (shape.reduce((a, b) => a * b, 1) / parts) * 4 <= m.sbuf.capacity;
}

/**
 * `dst[...] = value` makes an engine instruction write dst itself when dst is an SBUF or PSUM tile
 * view of the result's shape (partition dim first) and, if `dtype=` was given, of that dtype; the
 * instruction casts to dst's dtype on output.
 */
function engineFits(shape: readonly number[], d: DTypeInfo | null, dst: View): boolean {
  const b = dst.buffer;
  if (b.memory === Memory.Hbm || b.released || dst.partitionAxis !== 0 || (d !== null && d !== b.dtype)) return false;
  return dst.shape.length === shape.length && dst.shape.every((n, k) => n === shape[k]) && inBounds(dst);
}

/**
 * The result of an engine instruction writing a fresh tile of `shape` (or, when assigned, the
 * destination): deferred when `deferrable` says issuing cannot raise a diagnostic, else issued now.
 */
export function engineValue(m: Machine, shape: readonly number[], d: DTypeInfo | null, deferrable: boolean, issue: IssueInto): NkiTensor {
  if (!deferrable || !freshTileFits(m, shape)) return wholeTensor(issue(null));
  return deferredTensor(m, { kind: "write", issue, fits: (dst) => engineFits(shape, d, dst) }, () => wholeAccess(shape));
}

/** Whether the engine operand tiles are float, clean (see cleanEngineOperand), of one shape and at most one in PSUM. */
export function cleanFloatOperands(m: Machine, tiles: readonly View[]): boolean {
  const t0 = tiles[0];
  return (
    t0 !== undefined &&
    tiles.every((t) => t.buffer.dtype.kind === "float" && cleanEngineOperand(m, t) && t.shape.length === t0.shape.length && t.shape.every((n, k) => n === t0.shape[k])) &&
    tiles.filter((t) => t.buffer.memory === Memory.Psum).length < 2
  );
}

/** An ALU operator an engine instruction runs on VectorE whatever its operands' dtypes (not power, not bitvec). */
export function vectorArith(op: string): boolean {
  const alu = aluOp(op);
  return alu != null && alu.kind === "arith" && alu.name !== "power";
}

export interface ValueOpts {
  readonly dtype?: DTypeInfo | null;
  readonly mask?: Mask;
}

const isTile = (x: L.NlOperand): x is View => "buffer" in x;

/**
 * An element-wise nl binary op (function or tile operator) as a value. It is deferred (so an
 * assignment makes it write its destination) only where issuing it cannot raise a diagnostic: an
 * arithmetic operator other than power (a Vector-engine instruction) on float tiles of one shape, or a
 * float tile and a scalar, at most one in PSUM. Everything else is issued at once, as before.
 */
export function binaryValue(m: Machine, op: string, a: L.NlOperand, b: L.NlOperand, opts: ValueOpts = {}): NkiTensor {
  const issue = (into: View | null): View => L.binary(m, op, a, b, { ...opts, out: into });
  const tiles = [a, b].filter(isTile);
  if (vectorArith(op) && tiles.length === 2) {
    const [x, y] = tiles;
    // A tile and a per-partition column of it ([P, F] op [P, 1]): one tensor_scalar with the column as operand.
    const wide = isColumnOf(m, y, x) ? x : isColumnOf(m, x, y) ? y : null;
    if (wide) return engineValue(m, wide.shape, opts.dtype ?? null, cleanFloatOperands(m, [wide]), issue);
  }
  return engineValue(m, tiles[0]?.shape ?? [], opts.dtype ?? null, vectorArith(op) && cleanFloatOperands(m, tiles), issue);
}

/**
 * Whether `col` is a clean float per-partition operand for tiles like `of`: the same rank and
 * partitions, every free dim 1, so a VectorE tensor_scalar reads it as its [P, 1] operand.
 */
function isColumnOf(m: Machine, col: View, of: View): boolean {
  return col.shape.length === of.shape.length && col.shape[0] === of.shape[0] && isCleanColumn(m, col, of.shape[0]);
}

/** Whether `v` is a clean float [parts, 1, ..., 1] tile (a tensor_scalar / activation vector operand). */
export function isCleanColumn(m: Machine, v: View, parts: number): boolean {
  return v.buffer.dtype.kind === "float" && cleanEngineOperand(m, v) && v.shape[0] === parts && v.shape.every((n, k) => k === 0 || n === 1);
}

/** The result shape of a free-axis reduction of `shape` (a [P] result is kept as [P, 1]); null if an axis is not free. */
export function reducedShape(shape: readonly number[], axes: readonly number[], keepdims: boolean): number[] | null {
  const nd = shape.length;
  const norm = axes.map((a) => (a < 0 ? a + nd : a));
  if (norm.length === 0 || norm.some((a) => !Number.isInteger(a) || a <= 0 || a >= nd)) return null;
  const out: number[] = [];
  shape.forEach((n, k) => {
    if (!norm.includes(k)) out.push(n);
    else if (keepdims) out.push(1);
  });
  return out.length > 1 ? out : [out[0], 1];
}

/** nl reductions that lower to one VectorE tensor_reduce of an arithmetic operator (nl.mean adds a scale). */
const ARITH_REDUCTIONS = new Set(["sum", "max", "min", "prod", "mean"]);

/**
 * A free-axis nl reduction (nl.sum / max / min / prod / mean) as a value: deferred, so `dst[...] =
 * nl.max(x, axis=1)` makes the reduction (for mean, its final scale) write dst, only where issuing
 * cannot raise: an arithmetic reduction of a clean float tile over free axes.
 */
export function reduceValue(m: Machine, name: string, x: View, axes: readonly number[], opts: ValueOpts & { keepdims?: boolean }, issue: IssueInto): NkiTensor {
  const shape = reducedShape(x.shape, axes, opts.keepdims === true);
  const deferrable = shape !== null && ARITH_REDUCTIONS.has(name) && cleanFloatOperands(m, [x]);
  return engineValue(m, shape ?? [], opts.dtype ?? null, deferrable, issue);
}

/** Unary nl functions lowered to something other than a ScalarE activation. */
const NOT_ACTIVATIONS = new Set(["invert", "bitwise_not", "logical_not"]);

/** A unary nl math function as a value: deferred like binaryValue for a ScalarE activation of a clean float tile. */
export function unaryValue(m: Machine, name: string, x: View, opts: ValueOpts = {}): NkiTensor {
  const issue = (into: View | null): View => L.unary(m, name, x, { ...opts, out: into });
  const deferrable = !NOT_ACTIVATIONS.has(name) && activationFn(name) !== undefined && cleanFloatOperands(m, [x]);
  return engineValue(m, x.shape, opts.dtype ?? null, deferrable, issue);
}

/** nl.copy as a value: deferred like binaryValue when its source is a clean on-chip tile. */
export function copyValue(m: Machine, x: View, opts: ValueOpts = {}): NkiTensor {
  const issue = (into: View | null): View => L.copy(m, x, { ...opts, out: into });
  return engineValue(m, x.shape, opts.dtype ?? null, cleanEngineOperand(m, x), issue);
}

/** The access of a whole tile of `shape`: each view dim indexes its own buffer dim from 0. */
export function wholeAccess(shape: readonly number[]): DimAccess[] {
  const nd = shape.length;
  return shape.map((extent, d) => ({ extent, base: 0, coeffs: Array.from({ length: nd }, (_, k) => (k === d ? 1 : 0)) }));
}

/** Exact out-of-bounds check of every element the tensor addresses (only where `mask` holds). */
export function checkAccess(m: Machine, t: NkiTensor, mask: Uint8Array | null, instr: string): void {
  if (!t.access) return;
  const shape = t.view.shape;
  const access = t.access;
  for (let d = 0; d < access.length; d++) {
    const a = access[d];
    // affineRange of the access, inline: this runs for every operand of every instruction.
    let lo = a.base;
    let hi = a.base;
    for (let k = 0; k < a.coeffs.length; k++) {
      const span = a.coeffs[k] * (shape[k] - 1);
      if (span < 0) lo += span;
      else hi += span;
    }
    if (lo >= 0 && hi < a.extent) continue;
    if (mask && maskedInBounds(shape, a, mask)) continue;
    nkiError(
      "err_tensor_access_out_of_bound",
      `${instr}: index ${lo < 0 ? lo : hi} on dimension ${d} of '${t.view.buffer.name}' is outside [0, ${a.extent})`,
      m.location,
    );
  }
}

function maskedInBounds(shape: readonly number[], a: DimAccess, mask: Uint8Array): boolean {
  const nd = shape.length;
  const idx = new Array<number>(nd).fill(0);
  for (let i = 0; i < mask.length; i++) {
    if (mask[i]) {
      let v = a.base;
      for (let k = 0; k < nd; k++) v += a.coeffs[k] * idx[k];
      if (v < 0 || v >= a.extent) return false;
    }
    for (let k = nd - 1; k >= 0; k--) {
      if (++idx[k] < shape[k]) break;
      idx[k] = 0;
    }
  }
  return true;
}

/** The view of `t[key]`: ints and slices (basic indexing) or ints and index expressions. */
export function indexTensor(rt: Runtime, t: NkiTensor, key: PyValue): NkiTensor {
  const m = requireRun(rt, "tensor indexing").m;
  let items: readonly PyValue[] = key instanceof PyTuple ? key.items : [key];
  const nd = t.view.shape.length;
  const ell = items.indexOf(Ellipsis);
  if (ell >= 0) {
    const fill = Array.from({ length: nd - (items.length - 1) }, () => new PySlice(None, None, None) as PyValue);
    items = [...items.slice(0, ell), ...fill, ...items.slice(ell + 1)];
  }
  if (items.length > nd) throw E.indexError(`too many indices for tensor: tensor is ${nd}-dimensional, but ${items.length} were indexed`);
  if (t.view.buffer.released) {
    nkiError("err_local_variable_used_out_of_scope", `tensor '${t.view.buffer.name}' is used after the block that created it ended`, m.location);
  }
  for (let k = 0; k < items.length; k++) if (items[k] instanceof IndexExpr) return advancedIndex(m, t, items);
  return basicIndex(rt, t, items);
}

/**
 * `t[ints and slices]` as one view (and one re-expressed access per dim), built in a single pass over
 * the dims: kernels index tiles in their innermost loops.
 */
function basicIndex(rt: Runtime, t: NkiTensor, items: readonly PyValue[]): NkiTensor {
  const v = t.view;
  const nd = v.shape.length;
  // Sized up front: arrays grown from [] by push take a 17-element backing store each.
  let kept = nd;
  for (let d = 0; d < nd && d < items.length; d++) if (!(items[d] instanceof PySlice)) kept--;
  const shape = new Array<number>(kept);
  const strides = new Array<number>(kept);
  let out = 0;
  let offset = v.offset;
  let partitionAxis = -1;
  // Per view dim, interleaved: index start and step (0 for an int index, which drops the dim).
  const startSteps = new Array<number>(2 * nd);
  for (let d = 0; d < nd; d++) {
    const n = v.shape[d];
    const stride = v.strides[d];
    const it = d < items.length ? items[d] : null;
    if (it === null) {
      startSteps[2 * d] = 0;
      startSteps[2 * d + 1] = 1;
    } else if (it instanceof PySlice) {
      let start: number;
      let stop: number;
      let step = 1;
      const lo = it.start === None ? 0 : it.start;
      const hi = it.stop === None ? n : it.stop;
      if (it.step === None && typeof lo === "number" && typeof hi === "number") {
        // `a:b` with ints or None (every tile slice in practice): slice.indices without its tuple.
        start = clampSliceBound(lo, n);
        stop = clampSliceBound(hi, n);
      } else {
        [start, stop, step] = rt.sliceIndices(it, n);
      }
      offset += start * stride;
      startSteps[2 * d] = start;
      startSteps[2 * d + 1] = step;
      if (d === v.partitionAxis) partitionAxis = out;
      shape[out] = Math.max(0, Math.ceil((stop - start) / step));
      strides[out++] = stride * step;
      continue;
    } else {
      const i = rt.index(it, n, "tensor");
      offset += i * stride;
      startSteps[2 * d] = i;
      startSteps[2 * d + 1] = 0;
      continue;
    }
    if (d === v.partitionAxis) partitionAxis = out;
    shape[out] = n;
    strides[out++] = stride;
  }
  const view: View = { buffer: v.buffer, offset, shape, strides, partitionAxis };
  if (!t.hasAccess) return new NkiTensor(view, null);
  return new NkiTensor(view, () => shiftedAccess(t.access as readonly DimAccess[], startSteps));
}

/** A unit-step slice bound as slice.indices clamps it into [0, n]. */
function clampSliceBound(i: number, n: number): number {
  if (i < 0) return Math.max(0, i + n);
  return Math.min(i, n);
}

/**
 * Re-expresses each buffer dim's access through view dim d as start + step·j, with (start, step) at
 * startSteps[2d], startSteps[2d + 1] (step 0: an int index, dim dropped).
 */
function shiftedAccess(parent: readonly DimAccess[], startSteps: readonly number[]): DimAccess[] {
  return parent.map((a) => {
    let base = a.base;
    const coeffs: number[] = [];
    for (let d = 0; 2 * d < startSteps.length; d++) {
      base += a.coeffs[d] * startSteps[2 * d];
      if (startSteps[2 * d + 1] !== 0) coeffs.push(a.coeffs[d] * startSteps[2 * d + 1]);
    }
    return { extent: a.extent, base, coeffs };
  });
}

function advancedIndex(m: Machine, t: NkiTensor, items: readonly PyValue[]): NkiTensor {
  const v = t.view;
  const exprs: Affine[] = [];
  for (const it of items) {
    if (it instanceof IndexExpr) exprs.push(it.e);
    else if (typeof it === "number" || typeof it === "boolean") exprs.push({ shape: [], base: Number(it), coeffs: [] });
    else nkiError("err_unsupported_mixing_basic_advanced_tensor_indexing", "do not mix slices with nl.arange index expressions; use nl.arange for every dimension", m.location);
  }
  while (exprs.length < v.shape.length) exprs.push(arange(0, v.shape[exprs.length]));
  let shape: number[] = [];
  for (const e of exprs) {
    const s = addAffine({ shape, base: 0, coeffs: shape.map(() => 0) }, e, 1);
    if (!s) nkiError("err_shape_mismatch", "index expressions of the tensor's dimensions do not broadcast together", m.location);
    shape = [...s.shape];
  }
  const aligned = exprs.map((e) => {
    const lead = shape.length - e.coeffs.length;
    return { base: e.base, coeffs: shape.map((_, k) => (k < lead ? 0 : e.coeffs[k - lead])) };
  });
  let offset = v.offset;
  const strides = shape.map(() => 0);
  aligned.forEach((e, d) => {
    offset += e.base * v.strides[d];
    e.coeffs.forEach((c, k) => (strides[k] += c * v.strides[d]));
  });
  const onChip = v.buffer.memory !== Memory.Hbm;
  const view: View = { buffer: v.buffer, offset, shape, strides, partitionAxis: onChip ? 0 : -1 };
  const access = t.access
    ? t.access.map((a) => {
        let base = a.base;
        const coeffs = shape.map(() => 0);
        aligned.forEach((e, d) => {
          base += a.coeffs[d] * e.base;
          e.coeffs.forEach((c, k) => (coeffs[k] += a.coeffs[d] * c));
        });
        return { extent: a.extent, base, coeffs };
      })
    : null;
  return new NkiTensor(view, access);
}

// ---------------------------------------------------------------- tile arithmetic

export function operand(v: PyValue): L.NlOperand | null {
  if (v instanceof NkiTensor) return v.view;
  if (typeof v === "number") return { value: v, isInt: true };
  if (typeof v === "boolean") return { value: v ? 1 : 0, isInt: true };
  if (v instanceof PyFloat) return { value: v.v, isInt: false };
  // numpy scalars (np.float32(0.5)): weak like Python numbers, int-ness from their dtype.
  if (v instanceof PyNDArray && v.arr.ndim === 0) {
    const kind = v.arr.dtype.kind;
    return { value: Number(v.arr.data[v.arr.offset]), isInt: kind !== "f" };
  }
  return null;
}

function binaryOp(op: string, reverse = false) {
  return (self: NkiTensor, [other]: PyValue[], _kw: unknown, rt: Runtime): PyValue => {
    const o = operand(other);
    if (!o) return NotImplemented;
    const m = requireRun(rt, `tile operator ${op}`).m;
    return nkiGuard(() => (reverse ? binaryValue(m, op, o, self.view) : binaryValue(m, op, self.view, o)));
  };
}

/** `psum[...] += nl.matmul(...)`: accumulate into the destination view itself (then `__setitem__` is a no-op). */
function inplaceAdd(self: NkiTensor, [other]: PyValue[], _kw: unknown, rt: Runtime): PyValue {
  if (other instanceof NkiTensor && self.view.buffer.memory === Memory.Psum) {
    try {
      if (other.accumulateInto(self.view)) return self;
    } catch (e) {
      throw asPythonError(e);
    }
  }
  const o = operand(other);
  if (!o) return NotImplemented;
  const m = requireRun(rt, "+=").m;
  return nkiGuard(() => {
    L.binary(m, "add", self.view, o, { out: self.view });
    return self;
  });
}

function tupleOf(xs: readonly number[]): PyTuple {
  return new PyTuple([...xs]);
}

export function npDtypeName(name: string): NpDTypeName {
  return (name === "bool_" ? "bool" : name) as NpDTypeName;
}

export const nkiTensorType = defineNativeType<NkiTensor>({
  name: "tensor",
  module: "neuronxcc.nki.language",
  instanceOf: NkiTensor,
  methods: {
    __add__: binaryOp("add"),
    __radd__: binaryOp("add", true),
    __sub__: binaryOp("subtract"),
    __rsub__: binaryOp("subtract", true),
    __mul__: binaryOp("multiply"),
    __rmul__: binaryOp("multiply", true),
    __truediv__: binaryOp("divide"),
    __rtruediv__: binaryOp("divide", true),
    __pow__: binaryOp("power"),
    __rpow__: binaryOp("power", true),
    __lt__: binaryOp("less"),
    __le__: binaryOp("less_equal"),
    __gt__: binaryOp("greater"),
    __ge__: binaryOp("greater_equal"),
    __eq__: binaryOp("equal"),
    __ne__: binaryOp("not_equal"),
    __and__: binaryOp("bitwise_and"),
    __or__: binaryOp("bitwise_or"),
    __xor__: binaryOp("bitwise_xor"),
    __iadd__: inplaceAdd,
    __neg__: (self, _a, _k, rt) => {
      const m = requireRun(rt, "unary -").m;
      return nkiGuard(() => wholeTensor(L.binary(m, "multiply", self.view, { value: -1, isInt: true })));
    },
    __getitem__: (self, [key], _kw, rt) => {
      try {
        return indexTensor(rt, self, key);
      } catch (e) {
        throw asPythonError(e);
      }
    },
    __setitem__: (self, [key, value], _kw, rt) => nkiGuard(() => {
      const dst = indexTensor(rt, self, key);
      const m = requireRun(rt, "tensor assignment").m;
      if (value instanceof NkiTensor) {
        if (value.writeInto(dst.view)) return None;
        if (sameView(value.view, dst.view)) return None;
        if (dst.view.buffer.memory === Memory.Hbm) L.store(m, dst.view, value.view);
        else L.copy(m, value.view, { out: dst.view });
        return None;
      }
      const o = operand(value);
      if (!o || "buffer" in o) throw E.typeError(`cannot assign a '${typeOf(value).name}' to a tile`);
      memset(m, dst.view, o.value);
      return None;
    }),
    astype: (self, [d], _kw, rt) => nkiGuard(() => {
      const m = requireRun(rt, "tensor.astype").m;
      const dt = toDtype(d);
      if (!dt) throw E.typeError("astype: a dtype is required");
      return wholeTensor(L.copy(m, self.view, { dtype: simDtype((dt.name === "bool" ? "bool_" : dt.name) as DTypeName) }));
    }),
    // view(dtype) reinterprets the bytes in place [NKI226]: an aliasing view (lib/sim/memory/reinterpret.ts).
    view: (self, [d], _kw, rt) => nkiGuard(() => {
      const dt = toDtype(d);
      if (!dt) throw E.typeError("view: a dtype is required");
      const name = dt.name === "bool" ? "bool_" : dt.name;
      if (name === "float64" || name === "int64" || name === "uint64") {
        throw pyNkiError("err_unsupported_dtype", `tensor.view(${name}): ${name} is not a NeuronCore data type`);
      }
      const target = simDtype(name as DTypeName);
      const v = self.view;
      if (target === v.buffer.dtype) return self;
      const m = requireRun(rt, "tensor.view").m;
      if (v.buffer.released) {
        nkiError("err_local_variable_used_out_of_scope", `tensor '${v.buffer.name}' is used after the block that created it ended`, m.location);
      }
      const out = reinterpretView(v, target, m.location);
      if (target.size === v.buffer.dtype.size) return new NkiTensor(out, self.access);
      return sameView(v, fullView(v.buffer)) ? wholeTensor(out) : new NkiTensor(out, null);
    }),
    broadcast_to: (self, args, _kw, rt) => nkiGuard(() => {
      const items = args.length === 1 && (args[0] instanceof PyTuple || args[0] instanceof PyList) ? args[0].items : args;
      return wholeTensor(broadcastTile(requireRun(rt, "tensor.broadcast_to").m, self.view, items.map((x) => rt.asIndex(x, "shape entries must be integers"))));
    }),
    expand_dims: (self, [a], _kw, rt) => new NkiTensor(expandDims(self.view, rt.asIndex(a, "axis must be an integer")), null),
    reshape: (self, args, _kw, rt) => nkiGuard(() => {
      const items = args.length === 1 && (args[0] instanceof PyTuple || args[0] instanceof PyList) ? args[0].items : args;
      const shape = items.map((x) => rt.asIndex(x, "reshape: dimensions must be integers"));
      const v = reshapeView(self.view, shape);
      if (!v || self.view.buffer.memory !== Memory.Hbm) {
        throw pyNkiError("err_shape_mismatch", `cannot reshape a (${self.view.shape.join(", ")}) ${self.view.buffer.memory === Memory.Hbm ? "view" : "tile"} to (${shape.join(", ")}): only contiguous HBM tensors can be reshaped`);
      }
      return new NkiTensor(v, null);
    }),
    __bool__: () => {
      throw pyNkiError("err_ambiguous_tensor_truth_value", "the truth value of a tensor is ambiguous: tensor values cannot steer Python control flow");
    },
    __repr__: (self) =>
      `tensor(shape=(${self.view.shape.join(", ")}${self.view.shape.length === 1 ? "," : ""}), dtype=${self.view.buffer.dtype.name}, buffer=${["hbm", "sbuf", "psum"][self.view.buffer.memory]})`,
  },
  getters: {
    shape: (self) => tupleOf(self.view.shape),
    dtype: (self) => dtypeObject(NP_DTYPES[npDtypeName(self.view.buffer.dtype.name)]),
    ndim: (self) => self.view.shape.length,
  },
});

/** `nl.broadcast_to` / `t.broadcast_to`: partition broadcast through TensorE (the sim's lowering), free dims by copy. */
export function broadcastTile(m: Machine, v: View, shape: readonly number[]): View {
  const parts = v.shape[0] === 1 && shape[0] > 1 ? L.broadcastPartitions(m, v, shape[0]) : v;
  const cols = parts.shape.slice(1).reduce((p, q) => p * q, 1);
  if (cols === shape.slice(1).reduce((p, q) => p * q, 1)) return parts;
  return L.copy(m, broadcastView(parts, shape));
}

/** `nl.expand_dims` / `t.expand_dims`: a size-1 dimension inserted at `axis` (no data movement). */
export function expandDims(v: View, axis: number): View {
  const k = axis < 0 ? axis + v.shape.length + 1 : axis;
  const shape = [...v.shape.slice(0, k), 1, ...v.shape.slice(k)];
  const strides = [...v.strides.slice(0, k), 0, ...v.strides.slice(k)];
  return { ...v, shape, strides, partitionAxis: v.partitionAxis >= k ? v.partitionAxis + 1 : v.partitionAxis };
}

function sameView(a: View, b: View): boolean {
  return a.buffer === b.buffer && a.offset === b.offset && a.shape.length === b.shape.length &&
    a.shape.every((s, k) => s === b.shape[k] && a.strides[k] === b.strides[k]);
}
