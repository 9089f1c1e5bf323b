"use client";

import { useEffect, useState } from "react";
import type { ProfileDocument } from "../../../lib/profile/document";
import { fetchProfile } from "./load";
import { ProfileViewer } from "./ProfileViewer";
import styles from "./profile.module.css";

/** Fetches a profile document and shows the viewer (or why it cannot). */
export function ProfileLoader({ url, infoUrl, notModelled, compareHref }: { url: string; infoUrl?: string; notModelled: readonly string[]; compareHref?: string }) {
  const [state, setState] = useState<{ doc: ProfileDocument } | { error: string } | null>(null);
  const [notebook, setNotebook] = useState<string | null>(null);
  useEffect(() => {
    if (!infoUrl) return;
    let cancelled = false;
    // Where the profile came from is a nicety: without it the viewer works the same.
    fetch(infoUrl, { credentials: "same-origin" })
      .then((r) => (r.ok ? (r.json() as Promise<{ path?: string | null }>) : null))
      .then((info) => !cancelled && typeof info?.path === "string" && setNotebook(info.path))
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, [infoUrl]);
  useEffect(() => {
    let cancelled = false;
    fetchProfile(url).then(
      (doc) => {
        performance.mark("profile:fetched");
        if (!cancelled) setState({ doc });
      },
      (e: unknown) => !cancelled && setState({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      cancelled = true;
    };
  }, [url]);
  if (!state) return <p role="status" className={styles.loading}>Loading profile…</p>;
  if ("error" in state) return <p role="alert" className={styles.error}>{state.error}</p>;
  const title = `${state.doc.kernelName ?? "kernel"} on ${state.doc.target}`;
  return <ProfileViewer doc={state.doc} notModelled={notModelled} title={title} compareHref={compareHref} notebookPath={notebook} />;
}
