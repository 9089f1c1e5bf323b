/**
 * numpy's non-uniform samplers (distributions.c, legacy-distributions.c) that Generator and the legacy
 * RandomState share, or that differ between them only in where their uniforms, exponentials and
 * normals come from. Each follows numpy 2.4's compiled code operation for operation (checked against
 * the disassembly of its mtrand/_generator modules), since the order of floating-point operations
 * decides the last bit of a draw and, through accept/reject tests, the stream consumption.
 */
import type { BitGenerator } from "./bit-generator";
import * as libm from "./libm";
import { type Param, at, checkParam, fill } from "./params";
import { valueError } from "../errors";

// Module-local copies: transpiled ESM turns each call through an imported binding into a getter call.
const { log, exp, pow, log1p } = libm;

/** The building blocks a sampler draws from: Generator's ziggurats or RandomState's legacy methods. */
export interface Variates {
  /** next_double: uniform on [0, 1). */
  nextDouble(): number;
  standardExponential(): number;
  standardNormal(): number;
}

/** C's (int64_t) cast of a double: out-of-range values (and NaN) become INT64_MIN on x86-64. */
function toInt64(x: number): number {
  return x >= -(2 ** 63) && x < 2 ** 63 ? Math.trunc(x) : -(2 ** 63);
}

/**
 * random_standard_gamma / legacy_standard_gamma: Marsaglia and Tsang's method for shape > 1, a
 * rejection method built on the exponential for shape < 1 (Generator and RandomState run the same
 * code over their own normals and exponentials).
 */
export function standardGamma(v: Variates, shape: number): number {
  if (shape === 1) return v.standardExponential();
  if (shape === 0) return 0;
  if (shape < 1) return smallShapeGamma(v, shape);
  return marsagliaTsangGamma(v, shape);
}

function smallShapeGamma(v: Variates, shape: number): number {
  for (;;) {
    const u = v.nextDouble();
    const e = v.standardExponential();
    if (u <= 1 - shape) {
      const x = pow(u, 1 / shape);
      if (x <= e) return x;
    } else {
      const y = -log((1 - u) / shape);
      const x = pow(1 - shape + shape * y, 1 / shape);
      if (x <= e + y) return x;
    }
  }
}

function marsagliaTsangGamma(v: Variates, shape: number): number {
  const b = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * b);
  for (;;) {
    let x: number;
    let w: number;
    do {
      x = v.standardNormal();
      w = 1 + c * x;
    } while (w <= 0);
    w = w * w * w;
    const u = v.nextDouble();
    if (u < 1 - 0.0331 * (x * x) * (x * x)) return b * w;
    // log(0) = -inf is fine here: it accepts.
    if (log(u) < 0.5 * x * x + b * (1 - w + log(w))) return b * w;
  }
}

/** Below this both shapes, Johnk's powers underflow so often that numpy draws Bernoulli(a / (a + b)). */
const BETA_TINY = 3e-103;

/** Generator's random_beta: Johnk's algorithm for a, b <= 1 (with log-space fallbacks), else two gammas. */
export function generatorBeta(v: Variates, a: number, b: number): number {
  if (!(a <= 1 && b <= 1)) return gammaRatio(v, a, b);
  if (a < BETA_TINY && b < BETA_TINY) return (a + b) * v.nextDouble() < a ? 1 : 0;
  for (;;) {
    const u = v.nextDouble();
    const w = v.nextDouble();
    const x = pow(u, 1 / a);
    const y = pow(w, 1 / b);
    const xpy = x + y;
    if (xpy <= 1 && u + w > 0) {
      if (x > 0 && y > 0) return x / xpy;
      // A power underflowed: X / (X + Y) from the logs, as a logistic of their difference.
      const delta = log(u) / a - log(w) / b;
      return delta > 0 ? exp(-log1p(exp(-delta))) : exp(delta - log1p(exp(delta)));
    }
  }
}

/** legacy_beta: the original Johnk loop RandomState keeps for stream compatibility. */
export function legacyBeta(v: Variates, a: number, b: number): number {
  if (!(a <= 1 && b <= 1)) return gammaRatio(v, a, b);
  for (;;) {
    const u = v.nextDouble();
    const w = v.nextDouble();
    const x = pow(u, 1 / a);
    const y = pow(w, 1 / b);
    if (x + y <= 1) {
      if (x + y > 0) return x / (x + y);
      let logX = log(u) / a;
      let logY = log(w) / b;
      const logM = logX > logY ? logX : logY;
      logX -= logM;
      logY -= logM;
      return exp(logX - log(exp(logX) + exp(logY)));
    }
  }
}

function gammaRatio(v: Variates, a: number, b: number): number {
  const ga = standardGamma(v, a);
  const gb = standardGamma(v, b);
  return ga / (ga + gb);
}

/** random_laplace (both generators): inversion, redrawing U == 0. */
export function randomLaplace(bits: BitGenerator, loc: number, scale: number): number {
  for (;;) {
    const u = bits.nextDouble();
    if (u >= 0.5) return loc - scale * log(2 - u - u);
    if (u > 0) return loc + scale * log(u + u);
  }
}

// SPECFUN's Stirling-series coefficients, as numpy's random_loggam lists them.
const LOGGAM_A = [
  8.333333333333333e-2, -2.777777777777778e-3, 7.936507936507937e-4, -5.952380952380952e-4, 8.417508417508418e-4,
  -1.917526917526918e-3, 6.41025641025641e-3, -2.955065359477124e-2, 1.796443723688307e-1, -1.3924322169059,
];
// gcc folds numpy's 0.5 * log(2 * M_PI) at compile time (correctly rounded): the value in the binary.
const HALF_LOG_2PI = 0.9189385332046727;

/** random_loggam: log-gamma by the Stirling series, shifted up to x >= 7 by recurrence. */
export function loggam(x: number): number {
  if (x === 1 || x === 2) return 0;
  let x0 = x;
  let n = 0;
  if (x <= 7) {
    n = Math.trunc(7 - x);
    x0 = x + n;
  }
  const x2 = 1 / (x0 * x0);
  let gl0 = LOGGAM_A[9];
  for (let k = 8; k >= 0; k--) {
    gl0 *= x2;
    gl0 += LOGGAM_A[k];
  }
  let gl = gl0 / x0 + HALF_LOG_2PI + (x0 - 0.5) * log(x0) - x0;
  for (let k = 1; k <= n; k++) {
    gl -= log(x0 - 1);
    x0 -= 1;
  }
  return gl;
}

/**
 * random_poisson (both generators): multiplication of uniforms below lam 10, PTRS at or above.
 * exp(-lam) is kept for the last lam, which only saves time.
 */
export function poissonSampler(bits: BitGenerator): (lam: number) => number {
  let lastLam = NaN;
  let enlam = 0;
  return (lam) => {
    if (lam >= 10) return poissonPtrs(bits, lam);
    if (lam === 0) return 0;
    if (lam !== lastLam) {
      lastLam = lam;
      enlam = exp(-lam);
    }
    return poissonMult(bits, enlam);
  };
}

/** Counts uniforms until their running product falls to exp(-lam). */
function poissonMult(bits: BitGenerator, enlam: number): number {
  let x = 0;
  let prod = 1;
  for (;;) {
    prod *= bits.nextDouble();
    if (!(prod > enlam)) return x;
    x += 1;
  }
}

/** Hörmann's transformed rejection with squeeze (PTRS), Insurance: Mathematics and Economics 12 (1993). */
function poissonPtrs(bits: BitGenerator, lam: number): number {
  const slam = Math.sqrt(lam);
  const loglam = log(lam);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = bits.nextDouble() - 0.5;
    const v = bits.nextDouble();
    const us = 0.5 - Math.abs(u);
    const k = toInt64(Math.floor(((2 * a) / us + b) * u + lam + 0.43));
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (log(v) + log(invalpha) - log(a / (us * us) + b) <= -lam + k * loglam - loggam(k + 1)) return k;
  }
}

/** The per-(n, p) setup of the inversion sampler (numpy keeps it in binomial_t between draws). */
interface InversionSetup {
  q: number;
  qn: number;
  bound: number;
}

function inversionSetup(n: number, p: number, legacy: boolean): InversionSetup {
  const q = 1 - p;
  // Generator computes (1 - p)^n through log1p; RandomState keeps the original log(1 - p).
  const qn = exp(n * (legacy ? log(q) : log1p(-p)));
  const np = n * p;
  return { q, qn, bound: Math.trunc(Math.min(n, np + 10 * Math.sqrt(np * q + 1))) };
}

/** random_binomial_inversion: sequential search from 0, restarting past `bound`. */
function binomialInversion(bits: BitGenerator, n: number, p: number, s: InversionSetup): number {
  let x = 0;
  let px = s.qn;
  let u = bits.nextDouble();
  while (u > px) {
    x++;
    if (x > s.bound) {
      x = 0;
      px = s.qn;
      u = bits.nextDouble();
    } else {
      u -= px;
      px = ((n - x + 1) * p * px) / (x * s.q);
    }
  }
  return x;
}

/** The per-(n, p) setup of BTPE: the four regions of Kachitvichyanukul and Schmeiser's hat. */
interface BtpeSetup {
  r: number;
  q: number;
  fm: number;
  m: number;
  p1: number;
  xm: number;
  xl: number;
  xr: number;
  c: number;
  laml: number;
  lamr: number;
  p2: number;
  p3: number;
  p4: number;
}

function btpeSetup(n: number, p: number): BtpeSetup {
  const r = Math.min(p, 1 - p);
  const q = 1 - r;
  const fm = n * r + r;
  const m = Math.floor(fm);
  const p1 = Math.floor(2.195 * Math.sqrt(n * r * q) - 4.6 * q) + 0.5;
  const xm = m + 0.5;
  const xl = xm - p1;
  const xr = xm + p1;
  const c = 0.134 + 20.5 / (15.3 + m);
  const al = (fm - xl) / (fm - xl * r);
  const laml = al * (1 + al / 2);
  const ar = (xr - fm) / (xr * q);
  const lamr = ar * (1 + ar / 2);
  const p2 = p1 * (1 + 2 * c);
  const p3 = p2 + c / laml;
  const p4 = p3 + c / lamr;
  return { r, q, fm, m, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4 };
}

/** One term of the Stirling correction in BTPE's final acceptance test. */
function stirlingTerm(x: number): number {
  const x2 = x * x;
  return (13680 - (462 - (132 - (99 - 140 / x2) / x2) / x2) / x2) / x / 166320;
}

/**
 * random_binomial_btpe: Kachitvichyanukul and Schmeiser's BTPE (Comm. ACM 31, 1988). numpy's goto
 * steps become: draw a point under the hat (Step10-40), then accept it by explicit evaluation
 * (Step50) or by the squeeze and Stirling bounds (Step52).
 */
function binomialBtpe(bits: BitGenerator, n: number, p: number, s: BtpeSetup): number {
  const { r, q, m, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4 } = s;
  for (;;) {
    const nrq = n * r * q;
    const u = bits.nextDouble() * p4;
    let v = bits.nextDouble();
    let y: number;
    if (u <= p1) {
      y = Math.floor(xm - p1 * v + u);
      return p > 0.5 ? n - y : y;
    }
    if (u <= p2) {
      const x = xl + (u - p1) / c;
      v = v * c + 1 - Math.abs(m - x + 0.5) / p1;
      if (v > 1) continue;
      y = Math.floor(x);
    } else if (u <= p3) {
      y = Math.floor(xl + log(v) / laml);
      if (y < 0 || v === 0) continue;
      v = v * (u - p2) * laml;
    } else {
      y = Math.floor(xr - log(v) / lamr);
      if (y > n || v === 0) continue;
      v = v * (u - p3) * lamr;
    }
    const k = Math.abs(y - m);
    const accepted = k > 20 && k < nrq / 2 - 1 ? btpeSqueeze(n, y, k, v, nrq, s) : btpeExplicit(n, y, v, s);
    if (accepted) return p > 0.5 ? n - y : y;
  }
}

/** Step50: f(y) / f(m) by the recurrence, for y near the mode. */
function btpeExplicit(n: number, y: number, v: number, { r, q, m }: BtpeSetup): boolean {
  const s = r / q;
  const a = s * (n + 1);
  let f = 1;
  if (m < y) {
    for (let i = m + 1; i <= y; i++) f *= a / i - s;
  } else if (m > y) {
    for (let i = y + 1; i <= m; i++) f /= a / i - s;
  }
  return v <= f;
}

/** Step52: squeeze on log(v), then the Stirling-formula bound on log(f(y) / f(m)). */
function btpeSqueeze(n: number, y: number, k: number, v: number, nrq: number, { r, q, m, xm }: BtpeSetup): boolean {
  const rho = (k / nrq) * ((k * (k / 3 + 0.625) + 0.16666666666666666) / nrq + 0.5);
  const t = (-k * k) / (2 * nrq);
  const A = log(v);
  if (A < t - rho) return true;
  if (A > t + rho) return false;
  const x1 = y + 1;
  const f1 = m + 1;
  const z = n + 1 - m;
  const w = n - y + 1;
  const bound =
    xm * log(f1 / x1) +
    (n - m + 0.5) * log(z / w) +
    (y - m) * log((w * r) / (x1 * q)) +
    stirlingTerm(f1) +
    stirlingTerm(z) +
    stirlingTerm(x1) +
    stirlingTerm(w);
  return !(A > bound);
}

/**
 * A binomial sampler: Generator's random_binomial (`legacy` false: n == 0 or p == 0 return 0 without
 * a draw) or RandomState's legacy_random_binomial. Inversion when min(p, 1-p) * n <= 30, else BTPE.
 * Setups are kept for the last (n, p) as numpy's binomial_t does, which only saves time.
 */
export function binomialSampler(bits: BitGenerator, legacy: boolean): (n: number, p: number) => number {
  let inv: { n: number; p: number; setup: InversionSetup } | null = null;
  let btpe: { n: number; p: number; setup: BtpeSetup } | null = null;
  const draw = (n: number, p: number): number => {
    if (p * n <= 30) {
      if (inv === null || inv.n !== n || inv.p !== p) inv = { n, p, setup: inversionSetup(n, p, legacy) };
      return binomialInversion(bits, n, p, inv.setup);
    }
    if (btpe === null || btpe.n !== n || btpe.p !== p) btpe = { n, p, setup: btpeSetup(n, p) };
    return binomialBtpe(bits, n, p, btpe.setup);
  };
  return (n, p) => {
    if (!legacy && (n === 0 || p === 0)) return 0;
    return p <= 0.5 ? draw(n, p) : n - draw(n, 1 - p);
  };
}

/**
 * The samplers Generator and RandomState both offer, over one source's variates and bits: they differ
 * only there, in beta's algorithm and in binomial's legacy inversion step.
 */
export class Samplers {
  constructor(
    private readonly v: Variates,
    private readonly bits: BitGenerator,
    private readonly legacy: boolean,
  ) {}

  exponential(scale: Param, n: number): Float64Array {
    checkParam(scale, "scale", "nonNegative");
    return fill(n, (i) => at(scale, i) * this.v.standardExponential());
  }

  standardGamma(shape: Param, n: number): Float64Array {
    checkParam(shape, "shape", "nonNegative");
    return fill(n, (i) => standardGamma(this.v, at(shape, i)));
  }

  gamma(shape: Param, scale: Param, n: number): Float64Array {
    checkParam(shape, "shape", "nonNegative");
    checkParam(scale, "scale", "nonNegative");
    return fill(n, (i) => at(scale, i) * standardGamma(this.v, at(shape, i)));
  }

  beta(a: Param, b: Param, n: number): Float64Array {
    checkParam(a, "a", "positive");
    checkParam(b, "b", "positive");
    const draw = this.legacy ? legacyBeta : generatorBeta;
    return fill(n, (i) => draw(this.v, at(a, i), at(b, i)));
  }

  lognormal(mean: Param, sigma: Param, n: number): Float64Array {
    checkParam(sigma, "sigma", "nonNegative");
    return fill(n, (i) => exp(at(mean, i) + at(sigma, i) * this.v.standardNormal()));
  }

  laplace(loc: Param, scale: Param, n: number): Float64Array {
    checkParam(scale, "scale", "nonNegative");
    return fill(n, (i) => randomLaplace(this.bits, at(loc, i), at(scale, i)));
  }

  /** poisson(lam): int64 counts, held as exact doubles. */
  poisson(lam: Param, n: number): Float64Array {
    checkParam(lam, "lam", "poisson");
    const draw = poissonSampler(this.bits);
    return fill(n, (i) => draw(at(lam, i)));
  }

  /**
   * multinomial(n, pvals) `rows` times: each category a binomial draw from what the earlier ones
   * left (random_multinomial), the last taking the rest. Both generators use the shared binomial,
   * not the legacy one.
   */
  multinomial(trials: number, pvals: ArrayLike<number>, rows: number): Float64Array {
    const d = pvals.length;
    // numpy compares a Kahan sum of all but the last probability with 1 + 1e-12.
    let sum = 0;
    let c = 0;
    for (let i = 0; i < d - 1; i++) {
      const y = pvals[i] - c;
      const t = sum + y;
      c = t - sum - y;
      sum = t;
    }
    for (let i = 0; i < d; i++) if (!(pvals[i] >= 0 && pvals[i] <= 1)) throw valueError("pvals < 0, pvals > 1 or pvals contains NaNs");
    if (d > 0 && sum > 1 + 1e-12) throw valueError("sum(pvals[:-1]) > 1.0");
    if (trials < 0) throw valueError("n < 0");
    const draw = binomialSampler(this.bits, false);
    const out = new Float64Array(rows * d);
    for (let r = 0; r < rows; r++) {
      let remaining = 1;
      let left = trials;
      for (let j = 0; j < d - 1; j++) {
        const k = draw(left, pvals[j] / remaining);
        out[r * d + j] = k;
        left -= k;
        if (left <= 0) break;
        remaining -= pvals[j];
      }
      if (left > 0) out[r * d + d - 1] = left;
    }
    return out;
  }

  /** binomial(trials, p) with integer `trials`; numpy checks p before n. */
  binomial(trials: Param, p: Param, n: number): Float64Array {
    checkParam(p, "p", "bounded01");
    checkParam(trials, "n", "nonNegative");
    const draw = binomialSampler(this.bits, this.legacy);
    return fill(n, (i) => draw(at(trials, i), at(p, i)));
  }
}
