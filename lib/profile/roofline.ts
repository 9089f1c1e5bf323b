/**
 * The kernel's roofline point: matmul arithmetic intensity (FLOP per HBM byte) against the
 * attainable rate min(peak, intensity x HBM bandwidth) on the target core (reference §3.2, §6.2).
 */

import type { ProfileMetrics } from "./metrics";

export interface RooflinePoint {
  /** FLOP per HBM byte (Explorer's mm_arithmetic_intensity). */
  readonly arithmeticIntensity: number;
  /** Achieved model FLOP/s. */
  readonly achievedFlops: number;
  readonly peakFlops: number;
  /** Bytes per second. */
  readonly peakBandwidth: number;
  /** Intensity where the memory roof meets the compute roof. */
  readonly ridgeIntensity: number;
  readonly attainableFlops: number;
  readonly bound: "memory" | "compute";
  /** Achieved as a percentage of attainable. */
  readonly percentOfAttainable: number;
}

export function rooflinePoint(m: ProfileMetrics): RooflinePoint {
  const peakFlops = m.sim_peak_flops;
  const peakBandwidth = m.sim_peak_hbm_bandwidth;
  const ai = m.mm_arithmetic_intensity;
  const ridge = peakFlops / peakBandwidth;
  const attainable = Math.min(peakFlops, ai * peakBandwidth);
  const achieved = m.total_time > 0 ? m.model_flops / m.total_time : 0;
  return {
    arithmeticIntensity: ai,
    achievedFlops: achieved,
    peakFlops,
    peakBandwidth,
    ridgeIntensity: ridge,
    attainableFlops: attainable,
    bound: ai < ridge ? "memory" : "compute",
    percentOfAttainable: attainable > 0 ? (100 * achieved) / attainable : 0,
  };
}
