/**
 * Cooperative progress reporting for long numpy loops (matmul/einsum fallbacks), so a host's
 * interrupt flag and wall-clock limit can stop them. The Python binding installs its runtime's
 * tick for the duration of one synchronous call; nothing is installed outside such a call.
 */
let tick: (() => void) | null = null;
let pending = 0;
const UNITS_PER_TICK = 65536;

/** Run fn with `onTick` called about once per 65 536 units of reported work. */
export function withProgress<T>(onTick: () => void, fn: () => T): T {
  const outer = tick;
  tick = onTick;
  try {
    return fn();
  } finally {
    tick = outer;
  }
}

/** Report `units` of work (roughly multiply-adds) done since the last report. */
export function reportWork(units: number): void {
  if (tick === null) return;
  pending += units;
  while (pending >= UNITS_PER_TICK) {
    pending -= UNITS_PER_TICK;
    tick();
  }
}
