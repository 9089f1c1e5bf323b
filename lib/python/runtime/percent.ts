/*
 * `str % args`: the format library does the work; this file tells it about our object model.
 */

import { percentFormat, type PercentHooks, type PercentValue } from "../format";
import { PyBaseException, PyDict, PyFloat, PyTuple, floatType, intType, type PyValue } from "./objects";
import { typeOf } from "./objects";
import type { Runtime } from "./runtime";

function hooks(rt: Runtime): PercentHooks<PyValue> {
  const tryNumber = (v: PyValue, slot: string): PyValue | undefined => {
    const f = typeOf(v).lookup(slot);
    return f === undefined ? undefined : rt.callBound(f, v, []);
  };
  return {
    classify(v): PercentValue {
      switch (typeof v) {
        case "number":
        case "bigint":
          return { kind: "int", value: v };
        case "boolean":
          return { kind: "bool", value: v };
        case "string":
          return { kind: "str", value: v };
      }
      if (v instanceof PyFloat) return { kind: "float", value: v.v };
      return { kind: "other" };
    },
    typeName: (v) => {
      const t = typeOf(v);
      return t.module === "builtins" ? t.name : `${t.module}.${t.name}`;
    },
    str: (v) => rt.str(v),
    repr: (v) => rt.repr(v),
    ascii: (v) => rt.ascii(v),
    index(v) {
      const r = tryNumber(v, "__index__");
      return r !== undefined && (typeof r === "number" || typeof r === "bigint") ? r : undefined;
    },
    int(v) {
      const r = tryNumber(v, "__int__") ?? tryNumber(v, "__index__");
      if (r === undefined) return undefined;
      if (typeOf(r) !== intType) return undefined;
      return r as number | bigint;
    },
    float(v) {
      const r = tryNumber(v, "__float__") ?? tryNumber(v, "__index__");
      if (r === undefined) return undefined;
      if (r instanceof PyFloat && r.cls === floatType) return r.v;
      if (typeof r === "number" || typeof r === "bigint") return Number(r);
      return undefined;
    },
    tupleItems: (v) => (v instanceof PyTuple ? v.items : undefined),
    isMapping: (v) => v instanceof PyDict || (typeof v === "object" && !(v instanceof PyTuple) && typeOf(v).lookup("__getitem__") !== undefined),
    getItem: (m, k) => rt.getitem(m, k),
  };
}

export function percentFormatValue(rt: Runtime, template: string, args: PyValue): string {
  try {
    return percentFormat(template, args, hooks(rt));
  } catch (e) {
    if (e instanceof PyBaseException) throw e;
    throw rt.toPyException(e);
  }
}
