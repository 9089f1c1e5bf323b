/**
 * NKI data types as the machine model sees them: a small integer code (stored in the instruction
 * stream), the element size in bytes, and the value class that decides how engines treat it.
 * Legacy NKI dtypes [SHARED226]; `float8_e4m3fn` is the 0.3+ OCP variant kept for completeness.
 */

export const DTYPE_NAMES = [
  "float32",
  "bfloat16",
  "float16",
  "tfloat32",
  "float8_e4m3",
  "float8_e5m2",
  "float8_e4m3fn",
  "int32",
  "uint32",
  "int16",
  "uint16",
  "int8",
  "uint8",
  "bool_",
] as const;

export type DTypeName = (typeof DTYPE_NAMES)[number];
/** Index into DTYPE_NAMES; this is the code stored in the trace. */
export type DTypeCode = number;

export type DTypeKind = "float" | "int" | "uint" | "bool";

export interface DTypeInfo {
  readonly name: DTypeName;
  readonly code: DTypeCode;
  readonly size: number;
  readonly kind: DTypeKind;
  /** Bits for integer types (range checks and wrap-around). */
  readonly bits: number;
}

const SIZES: Record<DTypeName, number> = {
  float32: 4,
  bfloat16: 2,
  float16: 2,
  tfloat32: 4,
  float8_e4m3: 1,
  float8_e5m2: 1,
  float8_e4m3fn: 1,
  int32: 4,
  uint32: 4,
  int16: 2,
  uint16: 2,
  int8: 1,
  uint8: 1,
  bool_: 1,
};

function kindOf(name: DTypeName): DTypeKind {
  if (name === "bool_") return "bool";
  if (name.startsWith("uint")) return "uint";
  if (name.startsWith("int")) return "int";
  return "float";
}

export const DTYPES: readonly DTypeInfo[] = DTYPE_NAMES.map((name, code) => ({
  name,
  code,
  size: SIZES[name],
  kind: kindOf(name),
  bits: SIZES[name] * 8,
}));

const BY_NAME = new Map<string, DTypeInfo>(DTYPES.map((d) => [d.name, d]));
BY_NAME.set("bool", DTYPES[DTYPE_NAMES.indexOf("bool_")]);

export function dtype(name: DTypeName | "bool"): DTypeInfo {
  const d = BY_NAME.get(name);
  if (!d) throw new Error(`unknown dtype ${name}`);
  return d;
}

export function dtypeByCode(code: DTypeCode): DTypeInfo {
  const d = DTYPES[code];
  if (!d) throw new Error(`unknown dtype code ${code}`);
  return d;
}

/** 32-bit integers do not fit a float32 slot exactly, so their storage is float64. */
export function needsWideStorage(d: DTypeInfo): boolean {
  return d.size === 4 && (d.kind === "int" || d.kind === "uint");
}
