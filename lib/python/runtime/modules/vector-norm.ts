/*
 * CPython 3.11's vector_norm (Modules/mathmodule.c), behind math.hypot and math.dist: scaled,
 * losslessly squared (Dekker's product) and summed with carried error terms, then one differential
 * correction of the square root. It differs from V8's Math.hypot in the last bit for many inputs.
 */

const DBL_MIN = 2 ** -1022;
const bits = new DataView(new ArrayBuffer(8));

/** C's frexp exponent: x = m * 2**e with 0.5 <= m < 1 (x finite and positive). */
function frexpExponent(x: number): number {
  const scaled = x < DBL_MIN ? x * 2 ** 64 : x;
  bits.setFloat64(0, scaled);
  return ((bits.getUint32(0) >>> 20) & 0x7ff) - 1022 - (x < DBL_MIN ? 64 : 0);
}

/** x * y as an unevaluated sum hi + lo (exact when nothing overflows), Dekker's mul12. */
function mulExact(x: number, y: number): [number, number] {
  const xx = x * 134217729;
  const xHi = xx - (xx - x);
  const xLo = x - xHi;
  const yy = y * 134217729;
  const yHi = yy - (yy - y);
  const yLo = y - yHi;
  const z = x * y;
  const zz = (((xHi * yHi - z) + xHi * yLo) + xLo * yHi) + xLo * yLo;
  return [z, zz];
}

/**
 * sqrt(sum(v*v)) of absolute values `vec`, where `max` is their maximum and `foundNan` whether any is
 * NaN (an infinity wins over NaN, as in CPython).
 */
export function vectorNorm(vec: number[], max: number, foundNan: boolean): number {
  if (max === Infinity) return max;
  if (foundNan) return NaN;
  if (max === 0 || vec.length <= 1) return max;
  const maxE = frexpExponent(max);
  if (maxE < -1023) {
    // 2**-maxE would overflow: bring subnormals into the normal range first.
    return DBL_MIN * vectorNorm(vec.map((x) => x / DBL_MIN), max / DBL_MIN, foundNan);
  }
  const scale = 2 ** -maxE;
  let csum = 1;
  let frac1 = 0;
  let frac2 = 0;
  for (const v of vec) {
    const x = v * scale;
    const [prHi, prLo] = mulExact(x, x);
    const sum = csum + prHi;
    frac2 += prHi - (sum - csum);
    csum = sum;
    frac1 += prLo;
  }
  let h = Math.sqrt(csum - 1 + (frac1 + frac2));
  const [prHi, prLo] = mulExact(-h, h);
  const sum = csum + prHi;
  frac2 += prHi - (sum - csum);
  csum = sum;
  frac1 += prLo;
  const x = csum - 1 + (frac1 + frac2);
  h += x / (2 * h);
  return h / scale;
}
