/**
 * `neuronxcc.nki.isa` (nisa): the NeuronCore instructions, in the legacy value-returning form. Each
 * allocates its result tile (SBUF; PSUM for TensorE) and runs the lib/sim op of the same name;
 * `op=` arguments accept nl functions (`nl.add`), numpy ufuncs (`np.add`) and numpy reductions (`np.max`).
 */

import {
  activation, activationReduce, affineSelect, dmaTranspose, iota, localGather, max8, ncFindIndex8, ncMatchReplace8, ncStreamShuffle, rangeSelect,
  scalarTensorTensor, selectReduce, tensorCopyPredicated, tensorScalarReduce, type ReduceCmd, TARGETS, DEFAULT_TARGET,
  bnAggr, bnStats, dmaCopy, nkiError, dtype as simDtype, fullView, memset, ncMatmul, nl as L, reciprocal, tensorCopy, tensorPartitionReduce,
  tensorReduce, tensorScalar, tensorTensor, tensorTensorScan, type DTypeInfo, type EngineChoice, type Machine, type ScalarOrVector, type View,
} from "../sim";
import { Memory } from "../sim/trace/types";
import { parseArgs } from "../python/runtime/binding";
import { nativeFunction } from "../python/runtime/define";
import * as E from "../python/runtime/errors";
import { None, PyFloat, PyList, PyModule, PyTuple, type Kwargs, type PyValue } from "../python/runtime/objects";
import type { Runtime } from "../python/runtime/runtime";
import { nkiGuard } from "./errors";
import { operatorName, simDtypeOf } from "./language";
import type { NkiOptions } from "./jit";
import { activeRun, requireRun } from "./run";
import { cleanFloatOperands, deferredTensor, engineValue, IndexExpr, isCleanColumn, MaskExpr, maskFor, NkiTensor, reducedShape, vectorArith, wholeTensor } from "./tensor";
import { activationFn, aluOp, REDUCE_OPS } from "../sim/ops/alu";

type Slots = (PyValue | undefined)[];

function def(mod: PyModule, name: string, names: string[], required: number, impl: (s: Slots, m: Machine, rt: Runtime) => PyValue): void {
  mod.set(
    name,
    nativeFunction(name, (args: PyValue[], kw: Kwargs | null, rt: Runtime) => {
      const slots = parseArgs(name, args, kw, { names, required });
      return nkiGuard(() => impl(slots, requireRun(rt, `nisa.${name}`).m, rt));
    }),
  );
}

function view(v: PyValue | undefined, what: string): View {
  if (v instanceof NkiTensor) return v.view;
  throw E.typeError(`${what} must be an NKI tile`);
}

/** The ALU / activation function a Python value names. */
export function opName(v: PyValue | undefined, what: string): string {
  if (v === undefined || v === None) throw E.typeError(`${what} is required`);
  return operatorName(v);
}

function scalarOrVector(v: PyValue | undefined, what: string): ScalarOrVector {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof PyFloat) return v.v;
  if (v instanceof NkiTensor) return v.view;
  throw E.typeError(`${what} must be a number or a [P, 1] tile`);
}

function num(v: PyValue | undefined, dflt: number): number {
  if (v === undefined || v === None) return dflt;
  if (typeof v === "number") return v;
  if (v instanceof PyFloat) return v.v;
  throw E.typeError("expected a number");
}

function tile(m: Machine, name: string, shape: readonly number[], d: DTypeInfo, memory: typeof Memory.Sbuf | typeof Memory.Psum = Memory.Sbuf): View {
  return fullView(m.allocOnChip(name, memory, shape, d));
}

const freeOf = (v: View): number => v.shape.slice(1).reduce((a, b) => a * b, 1);

function engine(v: PyValue | undefined): EngineChoice | undefined {
  return typeof v === "string" ? (v as EngineChoice) : undefined;
}

function axes(v: PyValue | undefined, rt: Runtime): number[] {
  if (v instanceof PyTuple || v instanceof PyList) return v.items.map((x) => rt.asIndex(x, "axis must be an integer"));
  return [rt.asIndex(v as PyValue, "axis must be an integer")];
}

const DGE_MODES = ["none", "swdge", "hwdge", "unknown"] as const;

const REDUCE_CMDS: readonly ReduceCmd[] = ["idle", "reset", "reset_reduce", "reduce"];

function reduceCmd(v: PyValue | undefined, dflt: ReduceCmd): ReduceCmd {
  if (v === undefined || v === None) return dflt;
  const cmd = REDUCE_CMDS.find((c) => c === v);
  if (!cmd) throw E.valueError(`reduce_cmd must be one of nisa.reduce_cmd.${REDUCE_CMDS.join(", nisa.reduce_cmd.")}`);
  return cmd;
}

/** The bias dtypes ScalarE's activation accepts [ISA226 activation]. */
const BIAS_DTYPES = new Set(["float32", "float16", "bfloat16"]);

/** An arithmetic ALU operator tensor_reduce accepts (add, maximum, ..., not the bitwise ones). */
function isArithReduction(op: string): boolean {
  const alu = aluOp(op);
  return alu != null && alu.kind === "arith" && REDUCE_OPS.has(alu.name);
}

/** `nisa.nc_version` members by NeuronCore generation (trn1 = gen2, trn2 = gen3, trn3 = gen4) [ISA-HEAD]. */
const NC_VERSIONS = { 2: "gen2", 3: "gen3", 4: "gen4" } as const;

function intArg(v: PyValue | undefined, what: string, rt: Runtime): number {
  return rt.asIndex(v as PyValue, `${what} must be an integer`);
}

function dgeMode(v: PyValue | undefined): (typeof DGE_MODES)[number] | undefined {
  if (v === undefined || v === None) return undefined;
  const mode = DGE_MODES.find((m) => m === v);
  if (!mode) throw E.valueError(`dge_mode must be one of nisa.dge_mode.${DGE_MODES.join(", nisa.dge_mode.")}`);
  return mode;
}

/** `options.target` is the launch target (asked when `get_nc_version()` runs outside a kernel). */
export function initIsa(mod: PyModule, options: NkiOptions): void {
  // Enums are namespaces of plain strings, which is what the sim's options take.
  const enums: Record<string, string[]> = {
    engine: ["tensor", "vector", "scalar", "gpsimd", "sync", "unknown"],
    reduce_cmd: ["idle", "reset", "reset_reduce", "reduce"],
    dge_mode: [...DGE_MODES],
    oob_mode: ["error", "skip"],
    nc_version: Object.values(NC_VERSIONS),
  };
  for (const [name, members] of Object.entries(enums)) {
    const ns = new PyModule(`neuronxcc.nki.isa.${name}`);
    for (const member of members) ns.set(member, member);
    mod.set(name, ns);
  }
  for (const e of enums.engine) mod.set(`${e}_engine`, e);
  def(mod, "nc_matmul", ["stationary", "moving", "is_stationary_onezero", "is_moving_onezero", "is_transpose", "mask"], 2, ([s, mv, so, mo, tr], m) => {
    const st = view(s, "stationary");
    const mov = view(mv, "moving");
    // The result's partitions are the stationary free size, so its limit must be checked before the
    // PSUM result is allocated (else the allocation reports a partition overflow instead).
    if (freeOf(st) > m.target.gemmStationaryFmax) {
      nkiError("err_size_of_dimension_exceed_arch_limit", `nc_matmul: stationary free size ${freeOf(st)} exceeds gemm_stationary_fmax ${m.target.gemmStationaryFmax}`, m.location);
    }
    const opts = { isStationaryOneZero: so === true, isMovingOneZero: mo === true, isTranspose: tr === true };
    return deferredTensor(m, {
      kind: "matmul",
      issue: (into) => {
        const dst = into ?? tile(m, "nc_matmul", [freeOf(st), freeOf(mov)], simDtype("float32"), Memory.Psum);
        ncMatmul(m, dst, st, mov, { ...opts, accumulate: into !== null });
        return dst;
      },
    });
  });
  def(mod, "nc_transpose", ["data", "mask", "dtype", "engine"], 1, ([d, , dt], m) => wholeTensor(L.transpose(m, view(d, "data"), { dtype: simDtypeOf(dt) })));
  mod.set("activation", nativeFunction("activation", (args: PyValue[], kw: Kwargs | null, rt: Runtime) => {
    const [op, d, b, sc, rop, rres, mask, dt, cmd] = parseArgs("activation", args, kw, {
      names: ["op", "data", "bias", "scale", "reduce_op", "reduce_res", "mask", "dtype", "reduce_cmd"], required: 2,
    });
    return nkiGuard(() => {
      const m = requireRun(rt, "nisa.activation").m;
      const x = view(d, "data");
      const resultType = simDtypeOf(dt);
      const bias = b === undefined || b === None ? null : view(b, "bias");
      const reduce = rop !== undefined && rop !== None;
      const args = {
        op: opName(op, "op"), bias, scale: sc === undefined || sc === None ? 1 : scalarOrVector(sc, "scale"), mask: maskFor(mask, x.shape),
        reduceOp: reduce ? opName(rop, "reduce_op") : null, reduceRes: reduce ? view(rres, "reduce_res") : null,
        reduceCmd: cmd === undefined || cmd === None ? undefined : reduceCmd(cmd, "idle"),
      };
      const issue = (into: View | null): View => {
        const dst = into ?? tile(m, "activation", x.shape, resultType ?? x.buffer.dtype);
        activation(m, dst, x, args);
        return dst;
      };
      // Folded into an assignment only without a reduction (its accumulator state is a second output)
      // and where activation's checks cannot fail: a float32 scale vector, a float32/16 or bf16 bias vector.
      const parts = x.shape[0];
      const deferrable = !reduce && args.reduceCmd === undefined && activationFn(args.op) !== undefined && cleanFloatOperands(m, [x]) &&
        (bias === null || (isCleanColumn(m, bias, parts) && BIAS_DTYPES.has(bias.buffer.dtype.name))) &&
        (typeof args.scale === "number" || (isCleanColumn(m, args.scale, parts) && args.scale.buffer.dtype.name === "float32"));
      return engineValue(m, x.shape, resultType, deferrable, issue);
    });
  }));
  def(mod, "activation_reduce", ["op", "data", "reduce_op", "reduce_res", "bias", "scale", "mask", "dtype"], 4, ([op, d, rop, rres, b, sc, mask, dt], m) => {
    const x = view(d, "data");
    const dst = tile(m, "activation_reduce", x.shape, simDtypeOf(dt) ?? x.buffer.dtype);
    activationReduce(m, dst, x, {
      op: opName(op, "op"), bias: b === undefined || b === None ? null : view(b, "bias"), scale: sc === undefined || sc === None ? 1 : scalarOrVector(sc, "scale"),
      reduceOp: opName(rop, "reduce_op"), reduceRes: view(rres, "reduce_res"), mask: maskFor(mask, x.shape),
    });
    return wholeTensor(dst);
  });
  def(mod, "scalar_tensor_tensor", ["data", "op0", "operand0", "op1", "operand1", "reverse0", "reverse1", "dtype", "mask"], 5,
    ([d, op0, o0, op1, o1, r0, r1, dt, mask], m) => {
      const x = view(d, "data");
      const dst = tile(m, "scalar_tensor_tensor", x.shape, simDtypeOf(dt) ?? x.buffer.dtype);
      scalarTensorTensor(m, dst, x, {
        op0: opName(op0, "op0"), operand0: scalarOrVector(o0, "operand0"), op1: opName(op1, "op1"), operand1: view(o1, "operand1"),
        reverse0: r0 === true, reverse1: r1 === true,
      }, { mask: maskFor(mask, x.shape) });
      return wholeTensor(dst);
    });
  def(mod, "tensor_scalar_reduce", ["data", "op0", "operand0", "reduce_op", "reduce_res", "reverse0", "dtype", "mask"], 5,
    ([d, op0, o0, rop, rres, r0, dt, mask], m) => {
      const x = view(d, "data");
      const dst = tile(m, "tensor_scalar_reduce", x.shape, simDtypeOf(dt) ?? x.buffer.dtype);
      tensorScalarReduce(m, dst, x, {
        op0: opName(op0, "op0"), operand0: scalarOrVector(o0, "operand0"), reverse0: r0 === true, reduceOp: opName(rop, "reduce_op"), reduceRes: view(rres, "reduce_res"),
      }, { mask: maskFor(mask, x.shape) });
      return wholeTensor(dst);
    });
  def(mod, "tensor_copy_predicated", ["src", "dst", "predicate", "reverse_pred", "mask", "dtype"], 3, ([s, d, p, rp, mask], m) => {
    const dst = view(d, "dst");
    tensorCopyPredicated(m, dst, s instanceof NkiTensor ? s.view : num(s, 0), { predicate: view(p, "predicate"), reversePred: rp === true }, { mask: maskFor(mask, dst.shape) });
    return None;
  });
  def(mod, "max8", ["src", "mask", "dtype"], 1, ([s, mask, dt], m) => {
    const x = view(s, "src");
    const dst = tile(m, "max8", [x.shape[0], 8], simDtypeOf(dt) ?? x.buffer.dtype);
    max8(m, dst, x, maskFor(mask, x.shape));
    return wholeTensor(dst);
  });
  def(mod, "nc_find_index8", ["data", "vals", "mask", "dtype"], 2, ([d, v, mask, dt], m) => {
    const x = view(d, "data");
    const dst = tile(m, "nc_find_index8", [x.shape[0], 8], simDtypeOf(dt) ?? simDtype("uint32"));
    ncFindIndex8(m, dst, x, view(v, "vals"), maskFor(mask, x.shape));
    return wholeTensor(dst);
  });
  def(mod, "iota", ["expr", "dtype", "mask"], 2, ([e, dt, mask], m) => {
    if (!(e instanceof IndexExpr)) throw E.typeError("iota: expr must be an index expression built from nl.arange");
    const { shape, base, coeffs } = e.e;
    const dst = tile(m, "iota", shape, simDtypeOf(dt) ?? simDtype("int32"));
    iota(m, dst, { offset: base, channelMultiplier: coeffs[0] ?? 0, pattern: shape.slice(1).map((size, k) => [coeffs[k + 1], size] as const) }, maskFor(mask, shape));
    return wholeTensor(dst);
  });
  def(mod, "affine_select", ["pred", "on_true_tile", "on_false_value", "mask", "dtype"], 3, ([p, t, f, mask, dt], m) => {
    if (!(p instanceof MaskExpr) || p.clauses.length !== 1) throw E.typeError("affine_select: pred must be one comparison of index expressions");
    const c = p.clauses[0];
    const onTrue = view(t, "on_true_tile");
    const dst = tile(m, "affine_select", onTrue.shape, simDtypeOf(dt) ?? onTrue.buffer.dtype);
    const pattern = onTrue.shape.slice(1).map((size, k) => [c.coeffs[k + 1] ?? 0, size] as const);
    affineSelect(m, dst, { offset: c.offset, channelMultiplier: c.coeffs[0] ?? 0, pattern }, c.cmp, onTrue, num(f, 0), maskFor(mask, onTrue.shape));
    return wholeTensor(dst);
  });
  def(mod, "dma_transpose", ["src", "axes", "mask", "dtype"], 1, ([s, ax, mask, dt], m, rt) => {
    const x = view(s, "src");
    const perm = ax === undefined || ax === None ? x.shape.map((_, k) => x.shape.length - 1 - k) : axes(ax, rt);
    const shape = perm.map((k) => x.shape[k]);
    const dst = tile(m, "dma_transpose", shape, simDtypeOf(dt) ?? x.buffer.dtype);
    dmaTranspose(m, dst, x, perm, maskFor(mask, shape));
    return wholeTensor(dst);
  });
  def(mod, "tensor_tensor", ["data1", "data2", "op", "dtype", "mask", "engine"], 3, ([a, b, op, dt, mask, eng], m) => {
    const x = view(a, "data1");
    const y = view(b, "data2");
    const name = opName(op, "op");
    const d = simDtypeOf(dt);
    const opts = { mask: maskFor(mask, x.shape), engine: engine(eng) };
    const issue = (into: View | null): View => {
      const dst = into ?? tile(m, "tensor_tensor", x.shape, d ?? x.buffer.dtype);
      tensorTensor(m, dst, x, y, name, opts);
      return dst;
    };
    // An assignment makes the instruction write its destination (deferred only where it cannot fail).
    return engineValue(m, x.shape, d, opts.engine === undefined && vectorArith(name) && cleanFloatOperands(m, [x, y]), issue);
  });
  def(mod, "tensor_scalar", ["data", "op0", "operand0", "reverse0", "op1", "operand1", "reverse1", "dtype", "mask", "engine"], 3,
    ([d, op0, o0, r0, op1, o1, r1, dt, mask, eng], m) => {
      const x = view(d, "data");
      const resultType = simDtypeOf(dt);
      const second = op1 !== undefined && op1 !== None;
      const args = {
        op0: opName(op0, "op0"), operand0: scalarOrVector(o0, "operand0"), reverse0: r0 === true,
        op1: second ? opName(op1, "op1") : null, operand1: second ? scalarOrVector(o1, "operand1") : null, reverse1: r1 === true,
      };
      const opts = { mask: maskFor(mask, x.shape), engine: engine(eng) };
      const issue = (into: View | null): View => {
        const dst = into ?? tile(m, "tensor_scalar", x.shape, resultType ?? x.buffer.dtype);
        tensorScalar(m, dst, x, args, opts);
        return dst;
      };
      const parts = x.shape[0];
      const operandOk = (o: ScalarOrVector | null): boolean => typeof o === "number" || (o !== null && isCleanColumn(m, o, parts));
      const deferrable = opts.engine === undefined && cleanFloatOperands(m, [x]) && vectorArith(args.op0) && operandOk(args.operand0) &&
        (args.op1 === null || (vectorArith(args.op1) && operandOk(args.operand1)));
      return engineValue(m, x.shape, resultType, deferrable, issue);
    });
  def(mod, "tensor_reduce", ["op", "data", "axis", "mask", "dtype", "negate", "keepdims"], 3, ([op, d, ax, mask, dt, neg, keep], m, rt) => {
    const x = view(d, "data");
    const a = axes(ax, rt).map((k) => (k < 0 ? k + x.shape.length : k));
    const shape = x.shape.map((s, k) => (a.includes(k) ? 1 : s)).filter((_, k) => keep === true || !a.includes(k));
    const resultShape = shape.length > 1 ? shape : [shape[0], 1];
    const resultType = simDtypeOf(dt);
    const args = { op: opName(op, "op"), axes: a, negate: neg === true, mask: maskFor(mask, x.shape) };
    const issue = (into: View | null): View => {
      const dst = into ?? tile(m, "tensor_reduce", resultShape, resultType ?? x.buffer.dtype);
      tensorReduce(m, dst, x, args);
      return dst;
    };
    const deferrable = isArithReduction(args.op) && reducedShape(x.shape, a, keep === true) !== null && cleanFloatOperands(m, [x]);
    return engineValue(m, resultShape, resultType, deferrable, issue);
  });
  def(mod, "tensor_partition_reduce", ["op", "data", "mask", "dtype"], 2, ([op, d, mask, dt], m) => {
    const x = view(d, "data");
    const dst = tile(m, "tensor_partition_reduce", [1, ...x.shape.slice(1)], simDtypeOf(dt) ?? x.buffer.dtype);
    tensorPartitionReduce(m, dst, x, opName(op, "op"), maskFor(mask, dst.shape));
    return wholeTensor(dst);
  });
  def(mod, "tensor_copy", ["src", "mask", "dtype", "engine"], 1, ([s, mask, dt, eng], m) => {
    const x = view(s, "src");
    const d = simDtypeOf(dt);
    const opts = { mask: maskFor(mask, x.shape), engine: engine(eng) };
    const issue = (into: View | null): View => {
      const dst = into ?? tile(m, "tensor_copy", x.shape, d ?? x.buffer.dtype);
      tensorCopy(m, dst, x, opts);
      return dst;
    };
    return engineValue(m, x.shape, d, opts.engine === undefined && cleanFloatOperands(m, [x]), issue);
  });
  def(mod, "reciprocal", ["data", "dtype", "mask"], 1, ([d, dt, mask], m) => {
    const x = view(d, "data");
    const resultType = simDtypeOf(dt);
    const opts = { mask: maskFor(mask, x.shape) };
    const issue = (into: View | null): View => {
      const dst = into ?? tile(m, "reciprocal", x.shape, resultType ?? x.buffer.dtype);
      reciprocal(m, dst, x, opts);
      return dst;
    };
    return engineValue(m, x.shape, resultType, cleanFloatOperands(m, [x]), issue);
  });
  def(mod, "memset", ["shape", "value", "dtype", "mask", "engine"], 3, ([s, v, dt, mask, eng], m, rt) => {
    const shape = (s instanceof PyTuple || s instanceof PyList ? s.items : [s as PyValue]).map((x) => rt.asIndex(x, "shape entries must be integers"));
    const dst = tile(m, "memset", shape, simDtypeOf(dt) ?? simDtype("float32"));
    memset(m, dst, num(v, 0), { mask: maskFor(mask, shape), engine: engine(eng) });
    return wholeTensor(dst);
  });
  def(mod, "tensor_tensor_scan", ["data0", "data1", "initial", "op0", "op1", "reverse0", "reverse1", "dtype", "mask"], 5,
    ([d0, d1, init, op0, op1, r0, r1, dt, mask], m) => {
      const x = view(d0, "data0");
      const dst = tile(m, "tensor_tensor_scan", x.shape, simDtypeOf(dt) ?? x.buffer.dtype);
      tensorTensorScan(m, dst, x, view(d1, "data1"), {
        initial: scalarOrVector(init, "initial"), op0: opName(op0, "op0"), op1: opName(op1, "op1"), reverse0: r0 === true, reverse1: r1 === true,
        mask: maskFor(mask, x.shape),
      });
      return wholeTensor(dst);
    });
  def(mod, "bn_stats", ["data", "mask", "dtype"], 1, ([d, mask, dt], m) => {
    const x = view(d, "data");
    const dst = tile(m, "bn_stats", [x.shape[0], 6], simDtypeOf(dt) ?? simDtype("float32"));
    bnStats(m, dst, x, maskFor(mask, x.shape));
    return wholeTensor(dst);
  });
  def(mod, "bn_aggr", ["data", "mask", "dtype"], 1, ([d, mask, dt], m) => {
    const x = view(d, "data");
    const dst = tile(m, "bn_aggr", [x.shape[0], 2], simDtypeOf(dt) ?? simDtype("float32"));
    bnAggr(m, dst, x, maskFor(mask, [x.shape[0], 2]));
    return wholeTensor(dst);
  });
  def(mod, "dma_copy", ["dst", "src", "mask", "dst_rmw_op", "oob_mode", "dge_mode"], 2, ([dst, src, mask, rmw, oob, dge], m) => {
    const d = view(dst, "dst");
    dmaCopy(m, d, view(src, "src"), {
      mask: maskFor(mask, d.shape), dstRmwOp: rmw === undefined || rmw === None ? null : opName(rmw, "dst_rmw_op"),
      oobMode: oob === "skip" ? "skip" : "error",
      dgeMode: dgeMode(dge),
    });
    return None;
  });
  initSelectBindings(mod, options);
}

/**
 * The selecting, matching and data-movement instructions of reference §2.3 whose semantics are
 * decided in docs/nki-semantics.md ("Instructions: interpretations"); lib/sim/ops/select.ts and
 * reduce.ts implement them and raise the NKI errors for bad operands.
 */
function initSelectBindings(mod: PyModule, options: NkiOptions): void {
  mod.set("get_nc_version", nativeFunction("get_nc_version", (args: PyValue[], kw: Kwargs | null, rt: Runtime) => {
    parseArgs("get_nc_version", args, kw, { names: [], required: 0 });
    const run = activeRun(rt);
    const version = run ? run.m.target.ncVersion : TARGETS[options.target ?? DEFAULT_TARGET].ncVersion;
    return NC_VERSIONS[version];
  }));
  // §2.3: range_select(*, on_true_tile, comp_op0, comp_op1, bound0, bound1, reduce_cmd, reduce_res,
  // reduce_op=np.amax, range_start=0, on_false_value=fp32.min, mask, dtype).
  def(mod, "range_select", ["on_true_tile", "comp_op0", "comp_op1", "bound0", "bound1", "reduce_cmd", "reduce_res", "reduce_op", "range_start", "on_false_value", "mask", "dtype"], 5,
    ([t, c0, c1, b0, b1, cmd, rres, rop, start, onFalse, mask, dt], m, rt) => {
      const onTrue = view(t, "on_true_tile");
      const dst = tile(m, "range_select", onTrue.shape, simDtypeOf(dt) ?? onTrue.buffer.dtype);
      rangeSelect(m, dst, {
        onTrue, compOp0: opName(c0, "comp_op0"), compOp1: opName(c1, "comp_op1"), bound0: view(b0, "bound0"), bound1: view(b1, "bound1"),
        reduceCmd: reduceCmd(cmd, "idle"), reduceRes: rres === undefined || rres === None ? null : view(rres, "reduce_res"),
        reduceOp: rop === undefined || rop === None ? undefined : opName(rop, "reduce_op"),
        rangeStart: start === undefined || start === None ? 0 : intArg(start, "range_start", rt),
        onFalseValue: onFalse === undefined || onFalse === None ? undefined : num(onFalse, 0), mask: maskFor(mask, onTrue.shape),
      });
      return wholeTensor(dst);
    });
  // §2.3: select_reduce(*, dst, predicate, on_true, on_false, reduce_res=None, reduce_cmd=idle,
  // reduce_op=np.amax, reverse_pred=False, mask, dtype): writes into dst.
  def(mod, "select_reduce", ["dst", "predicate", "on_true", "on_false", "reduce_res", "reduce_cmd", "reduce_op", "reverse_pred", "mask", "dtype"], 4,
    ([d, p, t, f, rres, cmd, rop, rev, mask], m) => {
      const dst = view(d, "dst");
      selectReduce(m, dst, {
        predicate: view(p, "predicate"), onTrue: view(t, "on_true"), onFalse: scalarOrVector(f, "on_false"),
        reduceRes: rres === undefined || rres === None ? null : view(rres, "reduce_res"), reduceCmd: reduceCmd(cmd, "idle"),
        reduceOp: rop === undefined || rop === None ? undefined : opName(rop, "reduce_op"), reversePred: rev === true, mask: maskFor(mask, dst.shape),
      });
      return None;
    });
  // §2.3: nc_match_replace8(*, data, vals, imm, dst_idx=None, mask, dtype): returns data with matches replaced.
  def(mod, "nc_match_replace8", ["data", "vals", "imm", "dst_idx", "mask", "dtype"], 3, ([d, v, imm, idx, mask, dt], m) => {
    const x = view(d, "data");
    const dst = tile(m, "nc_match_replace8", x.shape, simDtypeOf(dt) ?? x.buffer.dtype);
    ncMatchReplace8(m, dst, x, view(v, "vals"), num(imm, 0), idx === undefined || idx === None ? null : view(idx, "dst_idx"), maskFor(mask, x.shape));
    return wholeTensor(dst);
  });
  // §2.3: nc_stream_shuffle(src, dst, shuffle_mask, *, dtype, mask): writes into dst.
  def(mod, "nc_stream_shuffle", ["src", "dst", "shuffle_mask", "dtype", "mask"], 3, ([s, d, sm, , mask], m, rt) => {
    const dst = view(d, "dst");
    if (!(sm instanceof PyList || sm instanceof PyTuple)) throw E.typeError("nc_stream_shuffle: shuffle_mask must be a list of 32 partition indices");
    const order = sm.items.map((x) => intArg(x, "shuffle_mask entries", rt));
    ncStreamShuffle(m, dst, view(s, "src"), order, maskFor(mask, dst.shape));
    return None;
  });
  // §2.3: local_gather(src_buffer, index, num_elem_per_idx=1, num_valid_indices=None, *, mask). The
  // result is [P, num_valid_indices, num_elem_per_idx], the shape of the ISA page's numpy reference.
  def(mod, "local_gather", ["src_buffer", "index", "num_elem_per_idx", "num_valid_indices", "mask"], 2, ([s, ix, ne, nv, mask], m, rt) => {
    const src = view(s, "src_buffer");
    const index = view(ix, "index");
    const perIdx = ne === undefined || ne === None ? 1 : intArg(ne, "num_elem_per_idx", rt);
    if (perIdx < 1) throw E.valueError("local_gather: num_elem_per_idx must be at least 1");
    const valid = nv === undefined || nv === None ? freeOf(index) * 16 : intArg(nv, "num_valid_indices", rt);
    if (valid < 1) throw E.valueError("local_gather: num_valid_indices must be at least 1");
    const shape = [src.shape[0], valid, perIdx];
    const dst = tile(m, "local_gather", shape, src.buffer.dtype);
    localGather(m, dst, src, index, perIdx, valid, maskFor(mask, shape));
    return wholeTensor(dst);
  });
}
