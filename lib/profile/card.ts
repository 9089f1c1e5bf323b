/**
 * The compact form of a profile that a notebook output keeps: what the summary card in a cell shows
 * (total time, engine utilisation, top insight) plus where the full profile lives. The kernel emits the
 * full ProfileDocument; the server stores it and swaps in this card, so notebooks stay small however
 * long the trace is.
 */

import type { ProfileDocument } from "./document";
import { ENGINE_METRIC_NAMES } from "./metrics";

export const PROFILE_CARD_KIND = "card";

export interface ProfileCard {
  readonly kind: typeof PROFILE_CARD_KIND;
  readonly version: number;
  /** Null when the profile was not stored (no server in the loop, e.g. the CLI). */
  readonly profileId: string | null;
  readonly url: string | null;
  readonly target: string;
  readonly kernelName: string | null;
  readonly totalNs: number;
  readonly instructionCount: number;
  readonly engines: readonly { readonly name: string; readonly activePercent: number }[];
  readonly mfuPercent: number;
  readonly mbuPercent: number;
  readonly topInsight: { readonly title: string; readonly summary: string; readonly estimatedGainPercent: number } | null;
}

export function profileCard(doc: ProfileDocument, stored: { profileId: string; url: string } | null = null): ProfileCard {
  const m = doc.metrics;
  const top = doc.insights[0];
  return {
    kind: PROFILE_CARD_KIND,
    version: doc.version,
    profileId: stored?.profileId ?? null,
    url: stored?.url ?? null,
    target: doc.target,
    kernelName: doc.kernelName ?? null,
    totalNs: m.total_time * 1e9,
    instructionCount: doc.instructions.startNs.length,
    engines: ENGINE_METRIC_NAMES.map((name) => ({ name, activePercent: m[`${name}_engine_active_time_percent`] })),
    mfuPercent: m.mfu_estimated_percent,
    mbuPercent: m.mbu_estimated_percent,
    topInsight: top ? { title: top.title, summary: top.summary, estimatedGainPercent: top.estimatedGainPercent } : null,
  };
}

/** A PROFILE_MIME payload is either a full document (straight from a kernel) or a stored card. */
export function isProfileCard(value: unknown): value is ProfileCard {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === PROFILE_CARD_KIND;
}
