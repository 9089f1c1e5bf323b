/**
 * Elementwise inner loops, generated once per (operation, operand access pattern, typed-array types)
 * from a fixed expression table in ufuncs.ts — never from user input. Each generated function sees
 * exactly one combination, so V8 compiles it monomorphic with the expression inlined: no
 * per-element closure call, which is what keeps 1 M-element float32 ops close to numpy's speed.
 */
import type { Storage } from "./dtypes";

/** How a loop reads an operand: dense from a start offset, one broadcast value, or via an offset table. */
export type Access = "dense" | "scalar" | "table";

export type UnaryLoop = (a: Storage, ao: Int32Array | null, a0: number, out: Storage, n: number) => void;
export type BinaryLoop = (
  a: Storage,
  ao: Int32Array | null,
  a0: number,
  b: Storage,
  bo: Int32Array | null,
  b0: number,
  out: Storage,
  n: number,
) => void;

function read(name: string, access: Access): string {
  switch (access) {
    case "dense":
      return `${name}[${name}0 + i]`;
    case "scalar":
      return `${name}S`;
    case "table":
      return `${name}[${name}o[i]]`;
  }
}

/** Helper functions generated loops may call (numpy's floor-divide/modulo/power semantics). */
export interface LoopHelpers {
  readonly [name: string]: (...args: number[]) => number;
}

const cache = new Map<string, UnaryLoop | BinaryLoop>();

function compile(source: string, helpers: LoopHelpers): unknown {
  // The source is assembled only from the constant expression table and the access modes above.
  return new Function("H", `"use strict"; return ${source};`)(helpers);
}

export type ScalarOp = (x: number, y: number) => number;
const scalarCache = new Map<string, ScalarOp>();

/** The expression as a plain two-argument function (0-d operands: numpy scalars in Python loops). */
export function scalarOp(expr: string, helpers: LoopHelpers): ScalarOp {
  let fn = scalarCache.get(expr);
  if (fn === undefined) {
    fn = compile(`function (x, y) { return ${expr}; }`, helpers) as ScalarOp;
    scalarCache.set(expr, fn);
  }
  return fn;
}

export function unaryLoop(op: string, expr: string, access: Access, types: string, helpers: LoopHelpers): UnaryLoop {
  const key = `u|${op}|${expr}|${access}|${types}`;
  let fn = cache.get(key) as UnaryLoop | undefined;
  if (fn === undefined) {
    const source = `function ${op.replace(/\W/g, "_")}_loop(a, ao, a0, out, n) {
      const aS = a[a0];
      for (let i = 0; i < n; i++) { const x = ${read("a", access)}; out[i] = ${expr}; }
    }`;
    fn = compile(source, helpers) as UnaryLoop;
    cache.set(key, fn);
  }
  return fn;
}

export function binaryLoop(
  op: string,
  expr: string,
  accessA: Access,
  accessB: Access,
  types: string,
  helpers: LoopHelpers,
): BinaryLoop {
  const key = `b|${op}|${expr}|${accessA}|${accessB}|${types}`;
  let fn = cache.get(key) as BinaryLoop | undefined;
  if (fn === undefined) {
    const source = `function ${op.replace(/\W/g, "_")}_loop(a, ao, a0, b, bo, b0, out, n) {
      const aS = a[a0], bS = b[b0];
      for (let i = 0; i < n; i++) { const x = ${read("a", accessA)}, y = ${read("b", accessB)}; out[i] = ${expr}; }
    }`;
    fn = compile(source, helpers) as BinaryLoop;
    cache.set(key, fn);
  }
  return fn;
}
