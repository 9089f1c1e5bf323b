"use client";

import { useEffect, useState } from "react";
import type { ProfileDocument } from "../../../lib/profile/document";
import { fetchProfile } from "./load";
import { ProfileViewer } from "./ProfileViewer";
import styles from "./profile.module.css";

/** Fetches a profile document and shows the viewer (or why it cannot). */
export function ProfileLoader({ url, notModelled, compareHref }: { url: string; notModelled: readonly string[]; compareHref?: string }) {
  const [state, setState] = useState<{ doc: ProfileDocument } | { error: string } | null>(null);
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
  return <ProfileViewer doc={state.doc} notModelled={notModelled} title={title} compareHref={compareHref} />;
}
