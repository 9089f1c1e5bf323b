/**
 * Turns a functional trace (lib/sim/trace) into scheduler input: costs every record on its engine and
 * carries over its dependencies, applying the NKI compiler's loop semantics:
 *
 * - affine_range and static_range iterations may overlap: a tile auto-allocated inside the loop body
 *   gets rotating buffers, so the anti (WAR) and output (WAW) dependencies that the functional model
 *   records because the next iteration's instance reuses the same address are dropped;
 * - sequential_range (and Python range) keeps them: the compiler orders iterations conservatively;
 * - true (RAW) dependencies are always kept; SPMD instances run back to back in trace order.
 *
 * Rotation depth is not bounded by SBUF capacity yet (see docs/timing-model.md).
 */

import type { TimingConstants } from "./config";
import { clockGHz, engineCost } from "./engine-cost";
import { dmaCost } from "./dma-cost";
import { ScheduleInputBuilder, type ScheduleInput } from "./schedule-input";
import { AllocKind, DepType, Engine, LoopKind, Memory, type Trace } from "../trace";

/** Costs of one record, kept for the profile (cycles at the engine clock, DMA shape). */
export interface CostedTrace {
  readonly input: ScheduleInput;
  /** Engine cycles of compute instructions (TensorE: MultiplyMoving), 0 for DMA. */
  readonly cycles: Float64Array;
  /** Number of WAR/WAW dependencies dropped because of buffer rotation. */
  readonly rotatedDependencies: number;
  /** Per DMA instruction (same index as the trace): bytes per partition, 0 for compute. */
  readonly dmaBytesPerPartition: Float64Array;
}

/** For a tensor, the innermost rotating loop (affine/static) whose body created it, with the iteration. */
interface RotationScope {
  readonly loop: number;
  readonly iteration: number;
}

function rotationScope(trace: Trace, tensorId: number, cache: Map<number, RotationScope | null>): RotationScope | null {
  const cached = cache.get(tensorId);
  if (cached !== undefined) return cached;
  const t = trace.tensor(tensorId);
  let scope: RotationScope | null = null;
  if (t.alloc === AllocKind.Auto && t.memory !== Memory.Hbm) {
    const frames = trace.pathFrames(t.pathId);
    const inner = frames[frames.length - 1];
    if (inner && trace.loop(inner.loop).kind !== LoopKind.Sequential) scope = { loop: inner.loop, iteration: inner.iteration };
  }
  cache.set(tensorId, scope);
  return scope;
}

function iterationOf(trace: Trace, record: number, loop: number): number {
  for (const f of trace.loopPath(record)) if (f.loop === loop) return f.iteration;
  return -1;
}

export function buildScheduleInput(cfg: TimingConstants, trace: Trace): CostedTrace {
  const n = trace.length;
  const b = new ScheduleInputBuilder(cfg.dmaEngines);
  const cycles = new Float64Array(n);
  const dmaBytesPerPartition = new Float64Array(n);
  const scopes = new Map<number, RotationScope | null>();
  let rotated = 0;
  for (let i = 0; i < n; i++) {
    const engine = trace.engine(i);
    const operands = trace.operands(i);
    const instr = { engine, opcode: trace.opcode(i), variant: trace.variant(i), flags: trace.flags(i), operands };
    if (engine === Engine.Dma) {
      const c = dmaCost(cfg, instr);
      b.dma(c.engineNs, c.hbmBytes, c.queue);
      dmaBytesPerPartition[i] = c.bytesPerPartition;
    } else {
      const c = engineCost(cfg, instr);
      const clock = clockGHz(cfg, engine);
      b.compute(engine, c.cycles / clock, c.loadCycles / clock);
      cycles[i] = c.cycles;
    }
    // Rotation applies to tiles this record writes that live in an overlapping loop's body.
    const written: RotationScope[] = [];
    const writtenIds: number[] = [];
    for (const o of operands) {
      if ((o.access & 2) === 0 || o.memory === Memory.Hbm) continue;
      const scope = rotationScope(trace, o.tensor, scopes);
      if (scope) {
        written.push(scope);
        writtenIds.push(o.tensor);
      }
    }
    for (let k = 0, m = trace.depCount(i); k < m; k++) {
      const on = trace.depOn(i, k);
      const type = trace.depType(i, k);
      if (type !== DepType.Raw && written.length > 0 && isRotationFalseDependency(trace, on, written, writtenIds)) {
        rotated++;
        continue;
      }
      b.dependOn(on, type);
    }
  }
  return { input: b.build(), cycles, rotatedDependencies: rotated, dmaBytesPerPartition };
}

function isRotationFalseDependency(trace: Trace, producer: number, written: RotationScope[], writtenIds: number[]): boolean {
  const producerTensors = trace.operands(producer).map((o) => o.tensor);
  for (let w = 0; w < written.length; w++) {
    if (producerTensors.includes(writtenIds[w])) continue;
    const it = iterationOf(trace, producer, written[w].loop);
    if (it !== written[w].iteration) return true;
  }
  return false;
}
