/**
 * How the numpy module's functions are declared: `def` binds Python arguments to slots and runs the
 * body under `guard` (core errors become Python exceptions, floating-point errors are reported);
 * the rest convert common argument shapes.
 */
import * as S from "../shape";
import type { NDArray, Operand } from "../ndarray";
import * as E from "../../python/runtime/errors";
import { nativeFunction } from "../../python/runtime/define";
import { parseArgs } from "../../python/runtime/binding";
import { None, PyList, PyModule, PyTuple, type Kwargs, type PyValue } from "../../python/runtime/objects";
import type { Runtime } from "../../python/runtime/runtime";
import { PyNDArray, guard, toArray, toInt, toOperand } from "./convert";
import { wrapArray } from "./types";

export type Slots = (PyValue | undefined)[];
export type Impl = (s: Slots, rt: Runtime, rest: PyValue[]) => PyValue;

/** Define `name(names...)`; `star` collects extra positional arguments (for np.einsum). */
export function def(mod: PyModule, name: string, names: string[], required: number, impl: Impl, kwonly: string[] = [], star = false): void {
  mod.set(
    name,
    nativeFunction(name, (args: PyValue[], kw: Kwargs | null, rt: Runtime) => {
      const pos = star ? args.slice(0, names.length) : args;
      const slots = parseArgs(name, pos, kw, { names, required, kwonly });
      // Every numpy function translates the core's errors and reports its floating-point errors.
      return guard(() => impl(slots, rt, star ? args.slice(names.length) : []), rt);
    }),
  );
}

export const arr = (v: PyValue | undefined, rt: Runtime): NDArray => toArray(v as PyValue, rt);
export const opnd = (v: PyValue | undefined, rt: Runtime): Operand => toOperand(v as PyValue, rt);
export const optInt = (v: PyValue | undefined, rt: Runtime, dflt: number | null): number | null =>
  v === undefined || v === None ? dflt : toInt(v, rt);

/** A list/tuple of array-likes, or an array's rows. */
export const seq = (v: PyValue | undefined, rt: Runtime): NDArray[] => {
  if (v instanceof PyList || v instanceof PyTuple) return v.items.map((x) => toArray(x, rt));
  if (v instanceof PyNDArray) return Array.from({ length: v.arr.shape[0] ?? 0 }, (_, i) => S.sliceAxis(v.arr, 0, i, i + 1)).map((x) => S.squeeze(x, 0));
  throw E.typeError("expected a sequence of arrays");
};

export const wrapList = (xs: NDArray[]): PyList => new PyList(xs.map(wrapArray));
