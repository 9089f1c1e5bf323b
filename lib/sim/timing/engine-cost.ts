/**
 * Busy time of compute-engine instructions (Tensor, Vector, Scalar, GpSimd), from the documented
 * per-instruction formulas (reference §4.1) with the NC-v3/v4 speed-ups of §3.4/§3.5 and the stride
 * and fixed-overhead rules of §3.7/§4.2. Costs are initiation intervals in engine cycles: the time the
 * engine is busy before it can issue the next instruction. Pipeline latency is added by the scheduler.
 */

import type { TimingConstants } from "./config";
import { Access, Engine, InstrFlag, Memory } from "../trace/types";
import {
  type CostInstruction,
  type CostOperand,
  dtypeSize,
  elementsPerPartition,
  innerStrideBytes,
  isFp8,
  isBf16,
  isContiguous,
  isFp32,
  isSixteenBitFloat,
  mainOperand,
  nthWith,
} from "./operand-features";

export interface EngineCost {
  /** Cycles the engine is busy (initiation interval) at its own clock. */
  readonly cycles: number;
  /** TensorE only: LoadStationary cycles, which may overlap the previous MultiplyMoving. */
  readonly loadCycles: number;
  /** Which formula applied, for the instruction detail panel and tests. */
  readonly rule: string;
}

export interface MatmulShape {
  /** Free size of the moving tensor per pass (columns streamed through the array). */
  readonly movingFree: number;
  /** Free size of the stationary tensor (PE columns loaded). */
  readonly stationaryFree: number;
  readonly fp32: boolean;
  readonly transpose: boolean;
  readonly oneZero: boolean;
}

/** MultiplyMoving issue interval: max(N, MM_INIT_LATENCY), 4x for fp32 inputs [ARCH-V2][ISA226]. */
export function multiplyMovingCycles(cfg: TimingConstants, m: MatmulShape): number {
  const base = Math.max(m.movingFree, cfg.mmInitLatency);
  return base * fp32Factor(cfg, m);
}

/** LoadStationary: up to 4x faster than a MultiplyMoving of the same free size [ARCH-V2][PERF]. */
export function loadStationaryCycles(cfg: TimingConstants, m: MatmulShape): number {
  return Math.ceil(m.stationaryFree / cfg.loadStationaryColumnsPerCycle) * fp32Factor(cfg, m);
}

function fp32Factor(cfg: TimingConstants, m: MatmulShape): number {
  if (!m.fp32) return 1;
  // is_*_onezero gives 2x for FP32 0/1 operands [ISA226].
  const f = m.transpose ? cfg.fp32TransposeFactor : cfg.fp32MatmulFactor;
  return m.oneZero ? f / 2 : f;
}

const FAST_TT_OPS = new Set(["add", "multiply", "subtract"]);
// Variants carry canonical ALU names (lib/sim/ops/alu.ts): nl.max records "maximum".
const FAST_REDUCE_OPS = new Set(["add", "maximum"]);

const NO_OPS: readonly string[] = [];
/** Parsed variants: a trace has few distinct ones and costing is per instruction. */
const variantCache = new Map<string, readonly string[]>();

function variantOps(instr: CostInstruction): readonly string[] {
  const v = instr.variant;
  if (!v) return NO_OPS;
  let ops = variantCache.get(v);
  if (ops === undefined) {
    ops = v.split(",").map((s) => s.trim());
    variantCache.set(v, ops);
  }
  return ops;
}

/** Whether every operand with `access` among its access bits satisfies `pred`. */
function everyWith(instr: CostInstruction, access: number, pred: (o: CostOperand) => boolean): boolean {
  for (const o of instr.operands) if ((o.access & access) !== 0 && !pred(o)) return false;
  return true;
}

function withFloor(cfg: TimingConstants, cycles: number): number {
  return Math.max(cfg.minII, cycles);
}

function stridePenalty(cfg: TimingConstants, instr: CostInstruction): number {
  for (const op of instr.operands) {
    if (op.memory !== Memory.Hbm && innerStrideBytes(op) > 16) return cfg.stridePenaltyFactor;
  }
  return 1;
}

function cost(cycles: number, rule: string, loadCycles = 0): EngineCost {
  return { cycles, loadCycles, rule };
}

/** Matmul shape from the operands: the PSUM output is the destination; the other inputs are (stationary, moving). */
export function matmulShape(cfg: TimingConstants, instr: CostInstruction): MatmulShape {
  const flags = instr.flags ?? 0;
  const inputs = instr.operands.filter((o) => !(o.memory === Memory.Psum && (o.access & 2) !== 0));
  const stationary = inputs[0];
  const moving = inputs[1] ?? inputs[0];
  // Contraction rows per partition the instruction carries: FP8 double-row operands are [K, 2, N]
  // (two rows unpacked in the free dims); MX operands pack 4 values per element (x4 dtypes).
  const mx = instr.opcode === "nc_matmul_mx";
  const doubleRow = !mx && (flags & InstrFlag.DoubleRow) !== 0;
  const rows = mx ? 4 : doubleRow ? 2 : 1;
  const unpacked = doubleRow ? 2 : 1;
  // Without hardware support for the mode, the rows take several passes.
  const supported = mx ? cfg.mxRowFactor : doubleRow ? cfg.fp8DoubleRowFactor : 1;
  const movingFree = (elementsPerPartition(moving) / unpacked) * (rows / supported);
  const stationaryFree = elementsPerPartition(stationary) / unpacked;
  return {
    movingFree,
    stationaryFree: Math.min(stationaryFree, 128),
    fp32: isFp32(stationary) || isFp32(moving),
    transpose: (flags & InstrFlag.Transpose) !== 0,
    oneZero: (flags & (InstrFlag.StationaryOneZero | InstrFlag.MovingOneZero)) !== 0,
  };
}

function tensorCost(cfg: TimingConstants, instr: CostInstruction): EngineCost {
  if (instr.opcode === "nc_transpose") {
    // Transpose through the identity: stationary = input [P, F], moving = identity [P, P].
    const input = mainOperand(instr);
    const p = input ? input.partCount : 1;
    const f = input ? elementsPerPartition(input) : 1;
    const shape: MatmulShape = {
      movingFree: p,
      stationaryFree: Math.min(f, 128),
      fp32: input ? isFp32(input) : false,
      transpose: true,
      oneZero: false,
    };
    return cost(multiplyMovingCycles(cfg, shape), "nc_transpose: max(P, 64) (+fp32)", loadStationaryCycles(cfg, shape));
  }
  const shape = matmulShape(cfg, instr);
  return cost(
    multiplyMovingCycles(cfg, shape),
    shape.fp32 ? "MultiplyMoving fp32: 4*max(N, 64)" : "MultiplyMoving: max(N, 64)",
    loadStationaryCycles(cfg, shape),
  );
}

/** NC-v3+ VectorE performance mode for tensor_copy / tensor_scalar [ARCH-V3]. */
function vectorCopyMode(cfg: TimingConstants, instr: CostInstruction): number {
  const ops = instr.operands;
  if (!ops.every(isSixteenBitFloat)) return 1;
  const allSbuf = ops.every((o) => o.memory === Memory.Sbuf);
  if (allSbuf && ops.every(isContiguous)) return cfg.vectorPerfModeCopyFast;
  return cfg.vectorPerfModeCopySlow;
}

function vectorCost(cfg: TimingConstants, instr: CostInstruction): EngineCost {
  const main = mainOperand(instr);
  const n = main ? elementsPerPartition(main) : 1;
  const ops = variantOps(instr);
  const stride = stridePenalty(cfg, instr);
  switch (instr.opcode) {
    case "tensor_tensor": {
      const a = nthWith(instr, Access.Read, 0);
      const b = nthWith(instr, Access.Read, 1);
      const mixed = a && b && a.memory !== b.memory;
      const bothSbuf = a && b && a.memory === Memory.Sbuf && b.memory === Memory.Sbuf;
      const fastBf16 =
        bothSbuf && instr.operands.every(isBf16) && ops.every((o) => FAST_TT_OPS.has(o)) && instr.operands.every(isContiguous);
      const base = mixed || fastBf16 ? n : 2 * n;
      const mode = bothSbuf && instr.operands.every(isSixteenBitFloat) ? cfg.vectorPerfModeTensorTensor : 1;
      return cost(withFloor(cfg, (base * stride) / mode), mixed || fastBf16 ? "tensor_tensor: N" : "tensor_tensor: 2N");
    }
    case "tensor_scalar":
    case "tensor_copy":
    case "activation":
      return cost(withFloor(cfg, (n * stride) / vectorCopyMode(cfg, instr)), `${instr.opcode} (Vector): max(MIN_II, N)`);
    case "tensor_scalar_reduce":
      return cost(withFloor(cfg, n * stride) + cfg.minII, "tensor_scalar_reduce: max(MIN_II, N) + MIN_II");
    case "scalar_tensor_tensor": {
      const data = nthWith(instr, Access.Read, 0);
      const operand1 = nthWith(instr, Access.Read, 2) ?? nthWith(instr, Access.Read, 1);
      const fast = data && operand1 && isBf16(data) && isBf16(operand1) && ops[0] === "subtract" && ops[1] === "multiply" && n % 2 === 0;
      return cost(withFloor(cfg, (fast ? n : 2 * n) * stride), fast ? "scalar_tensor_tensor: N" : "scalar_tensor_tensor: 2N");
    }
    case "tensor_tensor_scan":
      return cost(withFloor(cfg, 2 * n * stride), "tensor_tensor_scan: max(MIN_II, 2N)");
    case "tensor_reduce": {
      const fast =
        everyWith(instr, Access.Read, isBf16) && everyWith(instr, Access.Write, isBf16) && ops.length > 0 && ops.every((o) => FAST_REDUCE_OPS.has(o));
      return cost(withFloor(cfg, (fast ? n / cfg.reduceBf16Speedup : n) * stride), fast ? "tensor_reduce: N/2" : "tensor_reduce: N");
    }
    case "tensor_copy_dynamic_src":
    case "tensor_copy_dynamic_dst":
      return cost(Math.max(cfg.minIIDynamic, n * stride), "tensor_copy_dynamic: max(MIN_II_DYNAMIC, N)");
    case "tensor_copy_predicated": {
      const in0 = nthWith(instr, Access.Read, 0);
      const in1 = nthWith(instr, Access.Read, 1);
      const bothSbuf = in0 !== undefined && in1 !== undefined && in0.memory === Memory.Sbuf && in1.memory === Memory.Sbuf;
      return cost(withFloor(cfg, (bothSbuf ? 2 * n : n) * stride), bothSbuf ? "tensor_copy_predicated: 2N" : "tensor_copy_predicated: N");
    }
    case "memset": {
      const out = nthWith(instr, Access.Write);
      const zero16 = out && isSixteenBitFloat(out) && (instr.variant === "0" || instr.variant === "0.0");
      return cost(withFloor(cfg, zero16 ? n / 2 : n), zero16 ? "memset zero 16-bit: N/2" : "memset: N");
    }
    case "reciprocal":
      return cost(withFloor(cfg, 8 * n * stride), "reciprocal (Vector): max(MIN_II, 8N)");
    case "bn_aggr":
      return cost(withFloor(cfg, 13 * (n / 3)), "bn_aggr: max(MIN_II, 13*(N/3))");
    case "exponential":
      if (cfg.vectorExpSpeedup > 0) {
        return cost(withFloor(cfg, (n * stride) / cfg.vectorExpSpeedup), "exponential (Vector, NC-v4): ScalarE exp / 4");
      }
      return cost(withFloor(cfg, n * stride), "exponential: max(MIN_II, N)");
    case "max8":
    case "nc_find_index8":
      return cost(n, `${instr.opcode}: N`);
    default:
      // nc_transpose (32x32), bn_stats, dropout, range_select, nc_stream_shuffle, nc_match_replace8
      // (documented as min(MIN_II, N), read as max: §8.8), select_reduce and the rest: max(MIN_II, N).
      return cost(withFloor(cfg, n * stride), `${instr.opcode} (Vector): max(MIN_II, N)`);
  }
}

function scalarCost(cfg: TimingConstants, instr: CostInstruction): EngineCost {
  const main = mainOperand(instr);
  const n = main ? elementsPerPartition(main) : 1;
  const stride = stridePenalty(cfg, instr);
  const narrow = instr.operands.every((o) => isSixteenBitFloat(o) || isFp8(o));
  const speed = narrow ? cfg.scalarNarrowSpeedup : 1;
  const base = withFloor(cfg, (n * stride) / speed);
  const reduces = instr.opcode === "activation_reduce" || (instr.variant ?? "").includes("reduce");
  if (reduces) return cost(base + cfg.minII, "activation with reduce: max(MIN_II, N) + MIN_II");
  return cost(base, `${instr.opcode} (Scalar): max(MIN_II, N)`);
}

function localGatherCycles(cfg: TimingConstants, instr: CostInstruction, n: number): number {
  // 150 + (valid_indices * elem_per_idx) / C with C = ((28 + t*E)/(t*E)) / min(4/dtype_size, E), t = 4.
  const data = nthWith(instr, Access.Read, 0);
  const indices = nthWith(instr, Access.Read, 1);
  const e = data ? Math.max(1, elementsPerPartition(data) / Math.max(1, indices ? elementsPerPartition(indices) : 1)) : 1;
  const valid = indices ? elementsPerPartition(indices) : n;
  const size = data ? dtypeSize(data) : 4;
  const t = 4;
  const c = (28 + t * e) / (t * e) / Math.min(4 / size, e);
  return cfg.gpsimdStartCycles + (valid * e) / c;
}

function gpsimdCost(cfg: TimingConstants, instr: CostInstruction): EngineCost {
  const main = mainOperand(instr);
  const n = main ? elementsPerPartition(main) : 1;
  const stride = stridePenalty(cfg, instr);
  switch (instr.opcode) {
    case "iota":
    case "affine_select":
      return cost(cfg.gpsimdStartCycles + n, `${instr.opcode}: GPSIMD_START + N`);
    case "local_gather":
      return cost(localGatherCycles(cfg, instr, n), "local_gather: 150 + valid*E/C");
    case "topk": {
      const out = nthWith(instr, Access.Write);
      const k = out ? elementsPerPartition(out) : 1;
      return cost(4 * n + k, "topk: 4n + K");
    }
    case "tensor_tensor":
      return cost(withFloor(cfg, 2 * n * stride), "tensor_tensor (GpSimd, assumed as VectorE's 2N)");
    default: {
      const rsqrt = variantOps(instr).includes("rsqrt");
      if (rsqrt) return cost(withFloor(cfg, 4 * n * stride), "rsqrt on GpSimd: 4x ScalarE");
      return cost(withFloor(cfg, n * stride), `${instr.opcode} (GpSimd, assumed): max(MIN_II, N)`);
    }
  }
}

/** Busy cycles of a compute instruction on its engine. DMA instructions are costed by dma-cost.ts. */
export function engineCost(cfg: TimingConstants, instr: CostInstruction): EngineCost {
  switch (instr.engine) {
    case Engine.Tensor:
      return tensorCost(cfg, instr);
    case Engine.Vector:
      return vectorCost(cfg, instr);
    case Engine.Scalar:
      return scalarCost(cfg, instr);
    case Engine.GpSimd:
      return gpsimdCost(cfg, instr);
    case Engine.Sync:
      return cost(cfg.minII, "sync-engine instruction: MIN_II (assumed)");
    default:
      throw new Error(`engineCost: engine ${instr.engine} is not a compute engine`);
  }
}

export function clockGHz(cfg: TimingConstants, engine: number): number {
  switch (engine) {
    case Engine.Tensor:
      return cfg.tensorClockGHz;
    case Engine.Vector:
      return cfg.vectorClockGHz;
    case Engine.Scalar:
      return cfg.scalarClockGHz;
    case Engine.GpSimd:
      return cfg.gpsimdClockGHz;
    default:
      return cfg.syncClockGHz;
  }
}
