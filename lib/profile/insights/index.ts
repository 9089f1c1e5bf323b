/** The insight rules and the runner that ranks their findings by estimated gain. */

import { fp32Matmul, gpsimdDoesVectorWork, partitionsUnderused, psumCopiesOnVector, scalarExpBottleneck, stridedAccess, tensorThrottle, transposesOnTensorEngine } from "./engine-rules";
import { sbufPressure, sequentialWithoutCarriedDependency, smallDmas, tensorWaitsOnDma } from "./data-rules";
import type { Insight, InsightContext, InsightRule } from "./types";

export const INSIGHT_RULES: readonly InsightRule[] = [
  tensorWaitsOnDma,
  smallDmas,
  fp32Matmul,
  psumCopiesOnVector,
  scalarExpBottleneck,
  partitionsUnderused,
  gpsimdDoesVectorWork,
  transposesOnTensorEngine,
  sequentialWithoutCarriedDependency,
  sbufPressure,
  tensorThrottle,
  stridedAccess,
];

/** Every rule's finding, highest estimated gain first (ties by rule order, so output is deterministic). */
export function runInsights(ctx: InsightContext, rules: readonly InsightRule[] = INSIGHT_RULES): Insight[] {
  const found: { insight: Insight; order: number }[] = [];
  rules.forEach((rule, order) => {
    const insight = rule.evaluate(ctx);
    if (insight) found.push({ insight, order });
  });
  found.sort((a, b) => b.insight.estimatedGainNs - a.insight.estimatedGainNs || a.order - b.order);
  return found.map((f) => f.insight);
}

export type { Insight, InsightContext, InsightRule, SourceRef, Severity } from "./types";
