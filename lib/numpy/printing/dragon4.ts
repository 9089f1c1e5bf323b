/**
 * numpy's `dragon4_positional` / `dragon4_scientific` renderers over exact digits.
 *
 * In unique mode digits are the shortest round-trip digits of the value in its own type; a
 * `precision` cutoff that falls inside them rounds the exact binary value half-to-even, as Dragon4
 * does. Otherwise (`unique: false`, numpy's floatmode='fixed') they are the exact binary value
 * rounded half-to-even at `precision`.
 */
import { type BinaryFloat, type Decimal, exactDecimal, roundedFractional, roundedSignificant, roundSignificant, shortestDecimal } from "./decimal";

/** numpy's trim modes: 'k' keep zeros, '.' trim zeros keep the point, '0' keep one zero, '-' trim both. */
export type TrimMode = "k" | "." | "0" | "-";

export interface Dragon4Options {
  precision?: number;
  minDigits?: number;
  /** Shortest round-trip digits (default) rather than the exact value cut at `precision`. */
  unique?: boolean;
  trim: TrimMode;
  sign?: boolean;
  padLeft?: number;
  padRight?: number;
  expDigits?: number;
}

function finishFraction(frac: string, opts: Dragon4Options): { point: string; frac: string } {
  const minDigits = opts.minDigits ?? 0;
  let f = frac;
  if (f.length < minDigits) f = f.padEnd(minDigits, "0");
  if (f.length === 0) {
    if (opts.trim === "0") return { point: ".", frac: "0" };
    if (opts.trim === "-") return { point: "", frac: "" };
  }
  return { point: ".", frac: f };
}

function signOf(d: Decimal, opts: Dragon4Options): string {
  return d.negative ? "-" : opts.sign ? "+" : "";
}

/**
 * Digits for positional output: the shortest unique digits, cut at `precision` fractional digits, or
 * extended with further exact digits up to `minDigits` (Dragon4 prints real digits, not zeros, there).
 */
export function positionalDigits(x: number, kind: BinaryFloat, precision: number | undefined, minDigits = 0, unique = true): Decimal {
  if (!unique && precision !== undefined) return roundedFractional(x, precision);
  const d = shortestDecimal(x, kind);
  if (d.digits === "0") return d;
  const fracDigits = d.digits.length - 1 - d.exp;
  if (precision !== undefined && fracDigits > precision) return roundedFractional(x, precision);
  if (fracDigits < minDigits) return roundedFractional(x, minDigits);
  return d;
}

/** Digits for scientific output, with `precision` and `minDigits` counted after the first digit. */
export function scientificDigits(x: number, kind: BinaryFloat, precision: number | undefined, minDigits = 0, unique = true): Decimal {
  if (!unique && precision !== undefined) return roundedSignificant(x, precision + 1);
  const d = shortestDecimal(x, kind);
  if (d.digits === "0") return d;
  if (precision !== undefined && d.digits.length - 1 > precision) return roundedSignificant(x, precision + 1);
  if (d.digits.length - 1 < minDigits) return roundedSignificant(x, minDigits + 1);
  return d;
}

export function renderPositional(d: Decimal, opts: Dragon4Options): string {
  let intPart: string;
  let frac: string;
  if (d.digits === "0") {
    intPart = "0";
    frac = "";
  } else if (d.exp >= 0) {
    intPart = d.digits.slice(0, d.exp + 1).padEnd(d.exp + 1, "0");
    frac = d.digits.slice(d.exp + 1);
  } else {
    intPart = "0";
    frac = "0".repeat(-d.exp - 1) + d.digits;
  }
  const head = signOf(d, opts) + intPart;
  const { point, frac: f } = finishFraction(frac, opts);
  const left = head.padStart(opts.padLeft ?? 0, " ");
  return left + point + f.padEnd(opts.padRight ?? 0, " ");
}

export function renderScientific(d: Decimal, opts: Dragon4Options): string {
  const head = signOf(d, opts) + d.digits[0];
  const { point, frac } = finishFraction(d.digits.slice(1), opts);
  const exp = d.digits === "0" ? 0 : d.exp;
  const expDigits = String(Math.abs(exp)).padStart(Math.max(opts.expDigits ?? 2, 2), "0");
  return head.padStart(opts.padLeft ?? 0, " ") + point + frac + "e" + (exp < 0 ? "-" : "+") + expDigits;
}

export function dragon4Positional(x: number, kind: BinaryFloat, opts: Dragon4Options): string {
  return renderPositional(positionalDigits(x, kind, opts.precision, opts.minDigits, opts.unique), opts);
}

export function dragon4Scientific(x: number, kind: BinaryFloat, opts: Dragon4Options): string {
  return renderScientific(scientificDigits(x, kind, opts.precision, opts.minDigits, opts.unique), opts);
}

/** C's printf("%g") with 6 significant digits (how ml_dtypes prints bfloat16/float8 scalars). */
export function formatG(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x < 0 ? "-inf" : "inf";
  const d = roundSignificant(exactDecimal(x), 6);
  if (d.digits === "0") return d.negative ? "-0" : "0";
  if (d.exp < -4 || d.exp >= 6) return renderScientific(d, { trim: "-" });
  return renderPositional(d, { trim: "-" });
}
