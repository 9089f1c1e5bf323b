"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { CatalogueEntry } from "@/lib/server/notebook-catalogue";
import { tutorialProgress, type TutorialProgress } from "../notebook-files/lab-api";
import { progressView } from "./home-model";
import { OpenTutorialButton } from "./OpenTutorialButton";
import styles from "./home.module.css";

type ProgressState = { kind: "loading" } | { kind: "loaded"; byTutorial: Record<string, TutorialProgress> } | { kind: "unavailable" };

/**
 * The shipped tutorials (rendered on the server from notebooks/) with the user's progress, which is
 * fetched once the page is in the browser and again after each change to the user's notebooks.
 */
export function TutorialCatalogue({ entries, changes }: { entries: CatalogueEntry[]; changes: number }) {
  const [progress, setProgress] = useState<ProgressState>({ kind: "loading" });

  useEffect(() => {
    let live = true;
    tutorialProgress().then(
      (byTutorial) => live && setProgress({ kind: "loaded", byTutorial }),
      () => live && setProgress({ kind: "unavailable" }),
    );
    return () => {
      live = false;
    };
  }, [changes]);

  if (entries.length === 0) return <p className="empty">No notebooks found in the notebooks folder.</p>;
  return (
    <ul className="catalogue" aria-label="Tutorial notebooks">
      {entries.map((nb) =>
        nb.ok ? (
          <li key={nb.path} className={`card ${styles.tutorialCard}`}>
            <h2>
              <Link href={`/notebooks/${encodeURIComponent(nb.path)}`} className={styles.cardTitle}>
                {nb.title}
              </Link>
            </h2>
            {nb.description && <p className="summary">{nb.description}</p>}
            <span className="meta">
              {[nb.difficulty, nb.estimatedMinutes && `${nb.estimatedMinutes} min`, `${nb.cellCount} cells`].filter(Boolean).join(" · ")}
            </span>
            <TutorialFooter
              tutorial={nb.path}
              title={nb.title}
              progress={progress.kind === "loaded" ? progress.byTutorial[nb.path] : undefined}
              loading={progress.kind === "loading"}
            />
          </li>
        ) : (
          <li key={nb.path} className="card card-broken">
            <div className="card-link">
              <h2>
                {nb.title} <span className="badge badge-error">invalid notebook</span>
              </h2>
              <p className="error-reason">
                <code>{nb.path}</code>: {nb.error}
              </p>
            </div>
          </li>
        ),
      )}
    </ul>
  );
}

function TutorialFooter(props: { tutorial: string; title: string; progress: TutorialProgress | undefined; loading: boolean }) {
  const view = progressView(props.progress);
  return (
    <div className={styles.cardFooter}>
      <div className={styles.progress} aria-live="polite">
        {props.loading ? (
          <span className={styles.muted}>Loading progress…</span>
        ) : view.summary === null ? (
          <span className={styles.muted}>Not started</span>
        ) : view.fraction === null ? (
          <span className={styles.muted}>{view.summary}</span>
        ) : (
          <>
            <span
              className={styles.progressBar}
              role="progressbar"
              aria-label={`Progress in ${props.title}`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(view.fraction * 100)}
            >
              <span style={{ width: `${view.fraction * 100}%` }} />
            </span>
            <span className={styles.muted} title={props.progress?.lastRunAt ? `Last run ${new Date(props.progress.lastRunAt).toLocaleString()}` : undefined}>
              {view.summary}
            </span>
          </>
        )}
      </div>
      <OpenTutorialButton tutorial={props.tutorial} title={props.title} label={view.action} />
    </div>
  );
}
