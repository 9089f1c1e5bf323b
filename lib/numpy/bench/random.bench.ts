/**
 * numpy.random stream throughput (1 M draws each), best of 7 by CPU time (robust on a shared machine)
 * and by wall time. Run: npx tsx lib/numpy/bench/random.bench.ts
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
  let cpu = Infinity;
  let wall = Infinity;
  for (let i = 0; i < 7; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    wall = Math.min(wall, performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu = Math.min(cpu, (c.user + c.system) / 1000);
  }
  console.log(`${name.padEnd(32)} ${cpu.toFixed(1)} ms CPU (${wall.toFixed(1)} ms wall) per 1M`);
}
