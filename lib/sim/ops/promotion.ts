/**
 * NKI type promotion for binary operations [SHARED226 §1.9]: floats beat ints, wider floats win,
 * fp16+bf16 and fp8 pairs widen to a new type, mixed-sign ints widen (i32+u32 becomes fp32). Python
 * scalars are not "weak" as in numpy: bool → uint8, int → int32, float → float32.
 */

import { dtype, type DTypeInfo } from "../dtypes";

export type ScalarValue = number | boolean;

export function scalarDtype(value: ScalarValue, isInt: boolean): DTypeInfo {
  if (typeof value === "boolean") return dtype("uint8");
  return isInt ? dtype("int32") : dtype("float32");
}

const FLOAT_RANK: Record<string, number> = {
  float8_e4m3: 1,
  float8_e4m3fn: 1,
  float8_e5m2: 1,
  float16: 2,
  bfloat16: 2,
  tfloat32: 3,
  float32: 4,
};

function promoteFloats(a: DTypeInfo, b: DTypeInfo): DTypeInfo {
  if (a.name === b.name) return a;
  const ra = FLOAT_RANK[a.name];
  const rb = FLOAT_RANK[b.name];
  if (ra !== rb) return ra > rb ? a : b;
  // Same width, different formats: fp16 vs bf16 → fp32; two fp8 formats → bf16.
  return ra === 2 ? dtype("float32") : dtype("bfloat16");
}

function intOf(bits: number, signed: boolean): DTypeInfo {
  const name = `${signed ? "" : "u"}int${bits}` as const;
  return dtype(name as "int8");
}

function promoteInts(a: DTypeInfo, b: DTypeInfo): DTypeInfo {
  const sa = a.kind === "int";
  const sb = b.kind === "int";
  if (sa === sb) return a.bits >= b.bits ? a : b;
  const [s, u] = sa ? [a, b] : [b, a];
  if (s.bits > u.bits) return s;
  const bits = u.bits * 2;
  return bits > 32 ? dtype("float32") : intOf(bits, true);
}

export function promote(a: DTypeInfo, b: DTypeInfo): DTypeInfo {
  if (a.kind === "bool") return b;
  if (b.kind === "bool") return a;
  const fa = a.kind === "float";
  const fb = b.kind === "float";
  if (fa && fb) return promoteFloats(a, b);
  if (fa) return a;
  if (fb) return b;
  return promoteInts(a, b);
}
