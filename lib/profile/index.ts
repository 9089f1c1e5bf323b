/** Public API of the profiler: metrics, roofline, insights and exports over a timed trace. */

export { profileTrace, profileTimedTrace, type Profile } from "./profile";
export { computeMetrics, unionLength, ENGINE_METRIC_NAMES, type ProfileMetrics } from "./metrics";
export { rooflinePoint, type RooflinePoint } from "./roofline";
export { memoryUsage, type MemoryUsage, type OccupancySample } from "./memory-usage";
export { collectFacts, type InstructionFacts } from "./facts";
export { runInsights, INSIGHT_RULES, type Insight, type InsightRule, type InsightContext, type SourceRef, type Severity } from "./insights";
export { toPerfetto, hbmBandwidth, type PerfettoTrace, type TraceEvent, type PerfettoOptions } from "./export/perfetto";
export { toCsv, CSV_COLUMNS } from "./export/csv";
export { profileDocument, PROFILE_MIME, PROFILE_DOCUMENT_VERSION, type ProfileDocument, type ProfileDocumentExtras } from "./document";
export { profileCard, isProfileCard, PROFILE_CARD_KIND, type ProfileCard } from "./card";
export { summaryText, summaryHtml, summaryRows, compareProfiles, type ProfileComparison, type MetricDelta } from "./summary";
export { timelineFigure, type PlotlyFigure, type PlotlyBarTrace } from "./timeline-figure";
export { lineCosts, windowSummary, type LineCost, type WindowSummary } from "./aggregate";
export { criticalPath, type CriticalStep } from "./critical-path";
