/**
 * numpy's FloatingFormat (arrayprint.py) for float64/float32/float16 arrays: one formatter per array,
 * chosen from all (or, when summarised, the edge) values so that every element has the same width.
 */
import type { BinaryFloat } from "./decimal";
import { dragon4Positional, dragon4Scientific, positionalDigits, scientificDigits, renderPositional, renderScientific, type TrimMode } from "./dragon4";
import { roundTo } from "../float-formats";
import type { FloatMode, SignMode } from "./arrayprint";

/** numpy's finfo(dtype).precision. */
const DECIMAL_PRECISION: Readonly<Record<BinaryFloat, number>> = { float64: 15, float32: 6, float16: 3 };

export interface FloatFormatOptions {
  precision: number;
  suppressSmall: boolean;
  floatmode: FloatMode;
  sign: SignMode;
  nanstr: string;
  infstr: string;
}

/** Rounds a double to the array's float type, so formatter decisions use the dtype's own arithmetic. */
function inType(kind: BinaryFloat, x: number): number {
  return kind === "float64" ? x : kind === "float32" ? Math.fround(x) : roundTo("float16", x);
}

export class FloatingFormat {
  private expFormat = false;
  private padLeft = 0;
  private padRight = 0;
  /** undefined: as many digits as the shortest round trip needs (floatmode 'unique'). */
  private precision: number | undefined;
  private minDigits = 0;
  private trim: TrimMode = ".";
  private expSize = -1;
  private unique = true;
  private readonly plus: boolean;

  constructor(
    data: readonly number[],
    private readonly kind: BinaryFloat,
    private readonly options: FloatFormatOptions,
  ) {
    this.precision = options.floatmode === "unique" ? undefined : options.precision;
    this.plus = options.sign === "+";
    const finite = data.filter((v) => Number.isFinite(v));
    // Loops, not Math.max(...xs): with threshold raised (a common idiom) data can exceed the argument limit.
    let maxVal = 0;
    let minVal = Infinity;
    for (const v of finite) {
      const a = Math.abs(v);
      if (a === 0) continue;
      if (a > maxVal) maxVal = a;
      if (a < minVal) minVal = a;
    }
    if (maxVal > 0) {
      // numpy 2.4's positional range ends at 1e8, or earlier for narrow types: 10**finfo.precision,
      // i.e. 1e6 for float32 and 1e3 for float16 (measured; independent of the precision option).
      this.expFormat =
        maxVal >= Math.min(1e8, 10 ** DECIMAL_PRECISION[kind]) ||
        (!options.suppressSmall && (minVal < inType(kind, 0.0001) || inType(kind, maxVal / minVal) > 1000));
    }
    const fixed = options.floatmode === "fixed";
    if (finite.length === 0) {
      this.padLeft = 0;
      this.padRight = 0;
      this.trim = ".";
      this.expSize = -1;
    } else if (this.expFormat) {
      // A first pass over every value decides the widths ('fixed' prints exactly `precision` digits).
      this.unique = !fixed;
      const trim: TrimMode = fixed ? "k" : ".";
      const strs = finite.map((x) => renderScientific(scientificDigits(x, kind, this.precision, 0, this.unique), { trim, sign: this.plus, minDigits: fixed ? this.precision : 0 }));
      let maxExp = 0;
      let maxFrac = 0;
      let maxInt = 0;
      for (const s of strs) {
        const [mant, exp] = s.split("e");
        const [intPart, frac] = mant.split(".");
        maxExp = Math.max(maxExp, exp.length);
        maxFrac = Math.max(maxFrac, frac.length);
        maxInt = Math.max(maxInt, intPart.length);
      }
      this.expSize = maxExp - 1;
      this.trim = "k";
      this.precision = maxFrac;
      this.minDigits = maxFrac;
      this.padLeft = maxInt;
      this.padRight = this.expSize + 2 + this.precision;
    } else {
      this.unique = !fixed;
      const trim: TrimMode = fixed ? "k" : ".";
      let maxInt = 0;
      let maxFrac = 0;
      for (const x of finite) {
        const s = renderPositional(positionalDigits(x, kind, this.precision, 0, this.unique), { trim, sign: this.plus, minDigits: fixed ? this.precision : 0 });
        const [intPart, frac] = s.split(".");
        maxInt = Math.max(maxInt, intPart.length);
        maxFrac = Math.max(maxFrac, frac.length);
      }
      this.padLeft = maxInt;
      this.padRight = maxFrac;
      this.expSize = -1;
      if (fixed || options.floatmode === "maxprec_equal") {
        this.precision = maxFrac;
        this.minDigits = maxFrac;
        this.trim = "k";
      } else {
        this.trim = ".";
        this.minDigits = 0;
      }
    }
    // sign=' ' keeps a column for a sign when no value has one.
    if (options.sign === " " && !finite.some((v) => v < 0 || Object.is(v, -0))) this.padLeft += 1;
    if (finite.length !== data.length) {
      const negInf = options.sign !== "-" || data.some((v) => v === -Infinity);
      const offset = this.padRight + 1;
      this.padLeft = Math.max(this.padLeft, options.nanstr.length - offset, options.infstr.length + (negInf ? 1 : 0) - offset);
    }
  }

  format(x: number): string {
    if (!Number.isFinite(x)) {
      const s = Number.isNaN(x) ? (this.plus ? "+" : "") + this.options.nanstr : (x < 0 ? "-" : this.plus ? "+" : "") + this.options.infstr;
      return s.padStart(this.padLeft + this.padRight + 1, " ");
    }
    if (this.expFormat) {
      return dragon4Scientific(x, this.kind, {
        precision: this.precision,
        minDigits: this.minDigits,
        unique: this.unique,
        trim: this.trim,
        sign: this.plus,
        padLeft: this.padLeft,
        expDigits: this.expSize,
      });
    }
    return dragon4Positional(x, this.kind, {
      precision: this.precision,
      minDigits: this.minDigits,
      unique: this.unique,
      trim: this.trim,
      sign: this.plus,
      padLeft: this.padLeft,
      padRight: this.padRight,
    });
  }
}
