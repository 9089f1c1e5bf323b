/**
 * ALU operators and ScalarE activation functions, evaluated as the engines do: inputs are fp32 (or
 * integer) values, arithmetic happens in fp32 — each result is rounded to fp32 with Math.fround — and
 * the caller casts to the output dtype. Operators accept NKI names and the numpy aliases kernels pass
 * (`np.add`, `np.max`, ...); lib/nki maps function objects to these names.
 */

export type AluKind = "arith" | "bitvec";

export interface AluOp {
  readonly name: string;
  readonly kind: AluKind;
  readonly apply: (a: number, b: number) => number;
}

const f = Math.fround;
/**
 * Bitvec operators work on 32-bit lanes: an integer operand's bit pattern, sign- or zero-extended from
 * its dtype (the value's two's complement, which `x | 0` gives for every int8..uint32 value). Shift
 * counts are unsigned 32-bit: a count of 32 or more (or a negative one) shifts every bit out.
 */
const i32 = (x: number): number => x | 0;
const count = (b: number): number => b >>> 0;

const OPS: readonly AluOp[] = [
  { name: "add", kind: "arith", apply: (a, b) => f(a + b) },
  { name: "subtract", kind: "arith", apply: (a, b) => f(a - b) },
  { name: "multiply", kind: "arith", apply: (a, b) => f(a * b) },
  { name: "divide", kind: "arith", apply: (a, b) => f(a / b) },
  { name: "maximum", kind: "arith", apply: (a, b) => (a !== a || b !== b ? NaN : a > b ? a : b) },
  { name: "minimum", kind: "arith", apply: (a, b) => (a !== a || b !== b ? NaN : a < b ? a : b) },
  { name: "power", kind: "arith", apply: (a, b) => f(Math.pow(a, b)) },
  { name: "mod", kind: "arith", apply: (a, b) => f(a - Math.floor(a / b) * b) },
  { name: "fmod", kind: "arith", apply: (a, b) => f(a % b) },
  { name: "equal", kind: "arith", apply: (a, b) => (a === b ? 1 : 0) },
  { name: "not_equal", kind: "arith", apply: (a, b) => (a !== b ? 1 : 0) },
  { name: "greater", kind: "arith", apply: (a, b) => (a > b ? 1 : 0) },
  { name: "greater_equal", kind: "arith", apply: (a, b) => (a >= b ? 1 : 0) },
  { name: "less", kind: "arith", apply: (a, b) => (a < b ? 1 : 0) },
  { name: "less_equal", kind: "arith", apply: (a, b) => (a <= b ? 1 : 0) },
  { name: "logical_and", kind: "arith", apply: (a, b) => (a !== 0 && b !== 0 ? 1 : 0) },
  { name: "logical_or", kind: "arith", apply: (a, b) => (a !== 0 || b !== 0 ? 1 : 0) },
  { name: "logical_xor", kind: "arith", apply: (a, b) => ((a !== 0) !== (b !== 0) ? 1 : 0) },
  { name: "bitwise_and", kind: "bitvec", apply: (a, b) => i32(a) & i32(b) },
  { name: "bitwise_or", kind: "bitvec", apply: (a, b) => i32(a) | i32(b) },
  { name: "bitwise_xor", kind: "bitvec", apply: (a, b) => i32(a) ^ i32(b) },
  { name: "left_shift", kind: "bitvec", apply: (a, b) => (count(b) < 32 ? i32(a) << count(b) : 0) },
  // Logical shift of the 32-bit lane; the ISA has no arithmetic shift right [SHARED226].
  { name: "right_shift", kind: "bitvec", apply: (a, b) => (count(b) < 32 ? (a >>> 0) >>> count(b) : 0) },
];

const ALIASES: Record<string, string> = {
  sub: "subtract",
  mul: "multiply",
  true_divide: "divide",
  max: "maximum",
  amax: "maximum",
  min: "minimum",
  amin: "minimum",
  pow: "power",
  remainder: "mod",
  eq: "equal",
  ne: "not_equal",
  gt: "greater",
  ge: "greater_equal",
  lt: "less",
  le: "less_equal",
};

const BY_NAME = new Map(OPS.map((o) => [o.name, o]));

/** The ALU operator named `name` (NKI or numpy spelling), or undefined. */
export function aluOp(name: string): AluOp | undefined {
  return BY_NAME.get(ALIASES[name] ?? name);
}

/** Identity element for reductions (the accumulator's reset value). */
export function reduceIdentity(op: AluOp): number {
  switch (op.name) {
    case "add":
    case "subtract":
    case "bitwise_or":
    case "bitwise_xor":
    case "logical_or":
    case "logical_xor":
      return 0;
    case "multiply":
    case "logical_and":
      return 1;
    case "maximum":
      return -Infinity;
    case "minimum":
      return Infinity;
    case "bitwise_and":
      return -1;
    default:
      throw new Error(`${op.name} is not a reduction operator`);
  }
}

export const REDUCE_OPS = new Set([
  "add", "subtract", "multiply", "maximum", "minimum", "bitwise_and", "bitwise_or", "bitwise_xor",
  "logical_and", "logical_or", "logical_xor",
]);

// ---------------------------------------------------------------- activation functions

/** erf to double precision: Taylor series near 0, continued fraction for erfc in the tails. */
export function erf(x: number): number {
  if (x !== x) return NaN;
  const a = Math.abs(x);
  if (a < 2.5) {
    let term = a;
    let sum = a;
    const x2 = a * a;
    for (let n = 1; n < 60; n++) {
      term *= -x2 / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    const r = (2 / Math.sqrt(Math.PI)) * sum;
    return x < 0 ? -r : r;
  }
  if (a > 6) return x < 0 ? -1 : 1;
  // erfc(a) = exp(-a²)/√π · 1/(a + (1/2)/(a + 1/(a + (3/2)/(a + ...)))) evaluated bottom-up.
  let cf = a;
  for (let n = 60; n >= 1; n--) cf = a + n / 2 / cf;
  const erfc = Math.exp(-a * a) / Math.sqrt(Math.PI) / cf;
  return x < 0 ? erfc - 1 : 1 - erfc;
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const softplus = (x: number): number => (x > 30 ? x : Math.log1p(Math.exp(x)));
const SQRT1_2PI = 1 / Math.sqrt(2 * Math.PI);

const ACTIVATIONS: Record<string, (x: number) => number> = {
  copy: (x) => x,
  identity: (x) => x,
  square: (x) => x * x,
  sigmoid,
  relu: (x) => (x > 0 ? x : x === x ? 0 : NaN),
  gelu: (x) => 0.5 * x * (1 + erf(x / Math.SQRT2)),
  gelu_dx: (x) => 0.5 * (1 + erf(x / Math.SQRT2)) + x * SQRT1_2PI * Math.exp(-0.5 * x * x),
  gelu_apprx_tanh: (x) => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x))),
  gelu_apprx_sigmoid: (x) => x * sigmoid(1.702 * x),
  silu: (x) => x * sigmoid(x),
  silu_dx: (x) => {
    const s = sigmoid(x);
    return s * (1 + x * (1 - s));
  },
  tanh: Math.tanh,
  softplus,
  mish: (x) => x * Math.tanh(softplus(x)),
  erf,
  erf_dx: (x) => (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x),
  exp: Math.exp,
  log: Math.log,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  arctan: Math.atan,
  sqrt: Math.sqrt,
  rsqrt: (x) => 1 / Math.sqrt(x),
  reciprocal: (x) => 1 / x,
  sign: (x) => (x > 0 ? 1 : x < 0 ? -1 : x === x ? 0 : NaN),
  abs: Math.abs,
  negative: (x) => -x,
  floor: Math.floor,
  ceil: Math.ceil,
  trunc: Math.trunc,
};

const roundedActivations = new Map<string, (x: number) => number>();

/** The activation function named `name`, evaluated in double and rounded to fp32 (one closure per name). */
export function activationFn(name: string): ((x: number) => number) | undefined {
  let rounded = roundedActivations.get(name);
  if (rounded === undefined && Object.hasOwn(ACTIVATIONS, name)) {
    const fn = ACTIVATIONS[name];
    rounded = (x: number) => f(fn(x));
    roundedActivations.set(name, rounded);
  }
  return rounded;
}

export const ACTIVATION_NAMES = Object.keys(ACTIVATIONS);
