import { PROFILE_DOCUMENT_VERSION, type ProfileDocument } from "../../../lib/profile/document";

/** A stored profile from the server (`GET /api/lab/profiles/<id>`, gzip on the wire). */
export async function fetchProfile(url: string): Promise<ProfileDocument> {
  // Plain same-origin request, so it matches the page's <link rel=preload as=fetch crossorigin=anonymous>.
  performance.mark("profile:request");
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: string } | null;
    throw new Error(response.status === 404 ? "This profile does not exist (or was deleted with its notebook)." : (body?.message ?? `The server answered ${response.status}.`));
  }
  const value: unknown = await response.json();
  if (!isCurrentDocument(value)) throw new Error("This profile was stored in an older format; run the cell again to profile it anew.");
  return value;
}

export function isCurrentDocument(value: unknown): value is ProfileDocument {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<ProfileDocument>;
  return v.version === PROFILE_DOCUMENT_VERSION && typeof v.instructions === "object" && typeof v.dependencies === "object" && typeof v.metrics === "object";
}

export const profileUrl = (id: string) => `/api/lab/profiles/${encodeURIComponent(id)}`;
