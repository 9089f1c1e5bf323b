/**
 * numpy.random stream throughput (1 M draws each). Run: npx tsx lib/numpy/bench/random.bench.ts
 */
import { LegacyRandomState, defaultRng } from "../random";

const N = 1_000_000;
const rs = new LegacyRandomState(0);
const g = defaultRng(0);
const cases: [string, () => unknown][] = [
  ["legacy rand (MT19937)", () => rs.randomSample(N)],
  ["legacy randn (polar)", () => rs.standardNormal(N)],
  ["legacy randint(0, 100)", () => rs.randint(0, 100, N)],
  ["default_rng random (PCG64)", () => g.random(N)],
  ["default_rng standard_normal", () => g.standardNormal(N)],
  ["default_rng integers(0, 100)", () => g.integers(0, 100, N)],
];
for (const [name, f] of cases) {
  let t = Infinity;
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    f();
    t = Math.min(t, performance.now() - t0);
  }
  console.log(`${name.padEnd(32)} ${t.toFixed(1)} ms per 1M`);
}
