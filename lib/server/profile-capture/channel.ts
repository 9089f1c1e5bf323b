/**
 * How a kernel worker hands a full profile document to the server's main thread. The document can be tens
 * of megabytes, so it must not travel as an iopub message (the worker's output budget and the iopub rate
 * limits would drop it); it crosses threads on this BroadcastChannel instead, and iopub carries a card.
 */
import { BroadcastChannel } from "node:worker_threads";
import type { ProfileDocument } from "../../profile/document";

export const PROFILE_CHANNEL_NAME = "kernel-lab:captured-profiles";

export interface CapturedProfile {
  profileId: string;
  document: ProfileDocument;
}

export type PublishProfile = (captured: CapturedProfile) => void;

/** Worker side: posts each captured document to whoever listens in this process. */
export function broadcastProfiles(): PublishProfile {
  let channel: BroadcastChannel | null = null;
  return (captured) => {
    channel ??= new BroadcastChannel(PROFILE_CHANNEL_NAME);
    channel.unref();
    channel.postMessage(captured);
  };
}

/** Main-thread side: calls `onProfile` for every captured document until the returned function is called. */
export function listenForProfiles(onProfile: (captured: CapturedProfile) => void): () => void {
  const channel = new BroadcastChannel(PROFILE_CHANNEL_NAME);
  channel.unref();
  channel.onmessage = (event) => {
    const data: unknown = (event as { data?: unknown }).data;
    if (isCapturedProfile(data)) onProfile(data);
  };
  return () => channel.close();
}

function isCapturedProfile(value: unknown): value is CapturedProfile {
  if (typeof value !== "object" || value === null) return false;
  const v = value as { profileId?: unknown; document?: unknown };
  return typeof v.profileId === "string" && isProfileDocument(v.document);
}

/** Enough of a ProfileDocument's shape to store and summarize it (cards come from profileCard). */
export function isProfileDocument(value: unknown): value is ProfileDocument {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<Record<keyof ProfileDocument, unknown>>;
  const ins = v.instructions as { startNs?: unknown } | undefined;
  return (
    typeof v.target === "string" &&
    typeof v.metrics === "object" && v.metrics !== null &&
    Array.isArray(v.insights) &&
    Array.isArray(v.sources) &&
    typeof ins === "object" && ins !== null && Array.isArray(ins.startNs)
  );
}
