/**
 * The profile MIME payload as a summary card. The server stores profiles and replaces the payload with
 * a card that links to the viewer; a notebook made without the server (the CLI) still holds the full
 * ProfileDocument, which is summarised here with the same `profileCard` the server uses, without a
 * link. Both shapes are checked field by field first: they come from notebook files.
 */
import { ENGINE_METRIC_NAMES } from "@/lib/profile/metrics";
import { isProfileCard, profileCard, type ProfileCard } from "@/lib/profile/card";
import type { ProfileDocument } from "@/lib/profile/document";

/** The card to show, or why the payload cannot be shown. */
export function profileCardFromPayload(value: unknown): ProfileCard | string {
  if (isProfileCard(value)) return checkCard(value);
  const problem = documentProblem(value);
  if (problem) return problem;
  return profileCard(value as ProfileDocument);
}

function checkCard(card: ProfileCard): ProfileCard | string {
  const c = card as unknown as Record<string, unknown>;
  for (const key of ["version", "totalNs", "instructionCount", "mfuPercent", "mbuPercent"]) {
    if (!finite(c[key])) return `card.${key} must be a number`;
  }
  if (typeof c.target !== "string") return "card.target must be a string";
  if (!nullableString(c.kernelName)) return "card.kernelName must be a string or null";
  if (!nullableString(c.profileId)) return "card.profileId must be a string or null";
  if (!nullableString(c.url)) return "card.url must be a string or null";
  if (!Array.isArray(c.engines) || !c.engines.every((e) => isObject(e) && typeof e.name === "string" && finite(e.activePercent))) {
    return "card.engines must be a list of {name, activePercent}";
  }
  if (c.topInsight !== null && !insightLike(c.topInsight)) return "card.topInsight must be {title, summary, estimatedGainPercent} or null";
  // A link from a notebook file must stay inside the app (or at least on http): never `javascript:`.
  return { ...card, url: typeof card.url === "string" && safeUrl(card.url) ? card.url : null };
}

function documentProblem(value: unknown): string | null {
  if (!isObject(value)) return "expected a profile document or card object";
  if (!finite(value.version)) return "document.version must be a number";
  if (typeof value.target !== "string") return "document.target must be a string";
  if (value.kernelName !== undefined && !nullableString(value.kernelName)) return "document.kernelName must be a string or null";
  const m = value.metrics;
  if (!isObject(m)) return "document.metrics is missing";
  const needed = ["total_time", "mfu_estimated_percent", "mbu_estimated_percent", ...ENGINE_METRIC_NAMES.map((e) => `${e}_engine_active_time_percent`)];
  const missing = needed.find((k) => !finite(m[k]));
  if (missing) return `document.metrics.${missing} must be a number`;
  if (!Array.isArray(value.insights)) return "document.insights must be a list";
  if (value.insights.length > 0 && !insightLike(value.insights[0])) return "document.insights[0] is malformed";
  const ins = value.instructions;
  if (!isObject(ins) || !Array.isArray(ins.startNs)) return "document.instructions.startNs must be a list";
  return null;
}

function insightLike(v: unknown): boolean {
  return isObject(v) && typeof v.title === "string" && typeof v.summary === "string" && finite(v.estimatedGainPercent);
}

function safeUrl(url: string): boolean {
  return (url.startsWith("/") && !url.startsWith("//")) || /^https?:\/\//i.test(url);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function finite(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

function nullableString(v: unknown): boolean {
  return v === null || typeof v === "string";
}
