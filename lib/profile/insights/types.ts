/**
 * Insight rules: deterministic checks over a timed trace that name a symptom with numbers, a fix,
 * the source lines involved, and an estimated gain used for ranking.
 */

import type { TimedTrace, BuildOptions } from "../../sim/timing";
import type { InstructionFacts } from "../facts";
import type { MemoryUsage } from "../memory-usage";
import type { ProfileMetrics } from "../metrics";

export interface SourceRef {
  readonly file: string;
  readonly line: number;
  readonly instructions: number;
  /** Time attributed to the line by the rule (ns). */
  readonly timeNs: number;
}

export type Severity = "high" | "medium" | "low";

export interface Insight {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  /**
   * Estimated reduction of total_time if the recommendation is applied (ns). Engine-local savings
   * are scaled by how critical that engine is (its active time over the busiest resource's), so it
   * is an estimate, not a promise.
   */
  readonly estimatedGainNs: number;
  readonly estimatedGainPercent: number;
  /** The symptom, quantified. */
  readonly summary: string;
  readonly recommendation: string;
  readonly sourceLines: readonly SourceRef[];
  /** The numbers behind the summary, for tests and the UI. */
  readonly evidence: Readonly<Record<string, number>>;
}

export interface InsightContext {
  readonly timed: TimedTrace;
  readonly facts: InstructionFacts;
  readonly metrics: ProfileMetrics;
  readonly memory: MemoryUsage;
  /** Re-runs the timing model with different build options (what-if analysis). */
  readonly resimulate: (options: BuildOptions) => TimedTrace;
}

export interface InsightRule {
  readonly id: string;
  readonly title: string;
  readonly evaluate: (ctx: InsightContext) => Insight | null;
}
