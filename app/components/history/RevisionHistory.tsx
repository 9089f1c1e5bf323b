"use client";

import { useEffect, useState, type KeyboardEvent } from "react";
import { MarkdownView } from "../markdown/MarkdownView";
import { errorMessage, newContentsManager } from "../notebook-files/contents";
import { getRevision, listRevisions, type RevisionSummary } from "../notebook-files/lab-api";
import { formatBytes, formatRevisionTime, previewCells, type PreviewCell } from "./revision-preview";
import styles from "./history.module.css";

type Listing = { kind: "loading" } | { kind: "loaded"; revisions: RevisionSummary[] } | { kind: "failed"; message: string };
type Preview = { kind: "none" } | { kind: "loading"; number: number } | { kind: "loaded"; number: number; cells: PreviewCell[] } | { kind: "failed"; number: number; message: string };
type Restore = { kind: "idle" } | { kind: "confirming" } | { kind: "restoring" } | { kind: "failed"; message: string };

/**
 * A notebook's saved revisions, newest first: pick one to preview its cells read-only, and restore it
 * (after confirming) through Jupyter's checkpoint restore. The host reloads the notebook in onRestored.
 */
export function RevisionHistory(props: { path: string; onRestored: () => void; onClose: () => void }) {
  const { path } = props;
  const [listing, setListing] = useState<Listing>({ kind: "loading" });
  const [selected, setSelected] = useState<number | null>(null);
  const [preview, setPreview] = useState<Preview>({ kind: "none" });
  const [restore, setRestore] = useState<Restore>({ kind: "idle" });

  useEffect(() => {
    let live = true;
    setListing({ kind: "loading" });
    listRevisions(path).then(
      (revisions) => {
        if (!live) return;
        setListing({ kind: "loaded", revisions });
        setSelected(revisions[0]?.number ?? null);
      },
      (error: unknown) => live && setListing({ kind: "failed", message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [path]);

  useEffect(() => {
    setRestore({ kind: "idle" });
    if (selected === null) return setPreview({ kind: "none" });
    let live = true;
    setPreview({ kind: "loading", number: selected });
    getRevision(path, selected).then(
      (revision) => live && setPreview({ kind: "loaded", number: selected, cells: previewCells(revision.content) }),
      (error: unknown) => live && setPreview({ kind: "failed", number: selected, message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [path, selected]);

  const doRestore = async (number: number) => {
    setRestore({ kind: "restoring" });
    const contents = newContentsManager();
    try {
      await contents.restoreCheckpoint(path, String(number));
      setRestore({ kind: "idle" });
      props.onRestored();
    } catch (error) {
      setRestore({ kind: "failed", message: errorMessage(error) });
    } finally {
      contents.dispose();
    }
  };

  const revisions = listing.kind === "loaded" ? listing.revisions : [];
  const current = revisions.find((r) => r.number === selected);

  return (
    <section className={styles.panel} aria-label={`Revision history of ${path}`}>
      <header className={styles.header}>
        <h2 className={styles.title}>
          Revision history <span className={styles.path}>{path}</span>
        </h2>
        <button type="button" className={styles.close} onClick={props.onClose} aria-label="Close revision history">
          ×
        </button>
      </header>
      {listing.kind === "loading" && <p className={styles.status}>Loading revisions…</p>}
      {listing.kind === "failed" && (
        <p role="alert" className={styles.error}>
          Could not load the revisions: {listing.message}
        </p>
      )}
      {listing.kind === "loaded" && revisions.length === 0 && (
        <p className={styles.status}>No revisions yet. Revisions are kept as the notebook is saved.</p>
      )}
      {revisions.length > 0 && (
        <div className={styles.body}>
          <ol className={styles.list} aria-label="Revisions" onKeyDown={(event) => moveSelection(event, revisions, selected, setSelected)}>
            {revisions.map((r) => (
              <li key={r.number}>
                <button
                  type="button"
                  className={r.number === selected ? `${styles.item} ${styles.itemSelected}` : styles.item}
                  aria-current={r.number === selected ? "true" : undefined}
                  onClick={() => setSelected(r.number)}
                >
                  <span className={styles.itemTime}>{formatRevisionTime(r.createdAt)}</span>
                  <span className={styles.itemMeta}>
                    #{r.number} · {r.cellCount} {r.cellCount === 1 ? "cell" : "cells"} · {formatBytes(r.bytes)}
                  </span>
                </button>
              </li>
            ))}
          </ol>
          <div className={styles.preview} aria-label="Revision preview" role="region">
            {current && (
              <div className={styles.previewHeader}>
                <span>
                  Revision {current.number} · {formatRevisionTime(current.createdAt)}
                </span>
                {restore.kind === "confirming" || restore.kind === "restoring" ? (
                  <span className={styles.confirm} role="group" aria-label="Confirm restore">
                    <span>Replace the notebook&apos;s content with revision {current.number}? What it holds now is kept as a new revision.</span>
                    <button type="button" className={styles.dangerButton} onClick={() => void doRestore(current.number)} disabled={restore.kind === "restoring"} autoFocus>
                      {restore.kind === "restoring" ? "Restoring…" : "Restore"}
                    </button>
                    <button type="button" className={styles.button} onClick={() => setRestore({ kind: "idle" })} disabled={restore.kind === "restoring"}>
                      Cancel
                    </button>
                  </span>
                ) : (
                  <button type="button" className={styles.button} onClick={() => setRestore({ kind: "confirming" })}>
                    Restore this revision
                  </button>
                )}
              </div>
            )}
            {restore.kind === "failed" && (
              <p role="alert" className={styles.error}>
                Could not restore: {restore.message}
              </p>
            )}
            {preview.kind === "loading" && <p className={styles.status}>Loading revision {preview.number}…</p>}
            {preview.kind === "failed" && (
              <p role="alert" className={styles.error}>
                Could not load revision {preview.number}: {preview.message}
              </p>
            )}
            {preview.kind === "loaded" && <PreviewCells cells={preview.cells} />}
          </div>
        </div>
      )}
    </section>
  );
}

/** Up/Down (and Home/End) move through the revisions, as in a list box; focus follows the selection. */
function moveSelection(
  event: KeyboardEvent<HTMLOListElement>,
  revisions: readonly RevisionSummary[],
  selected: number | null,
  select: (number: number) => void,
) {
  const index = revisions.findIndex((r) => r.number === selected);
  const next =
    event.key === "ArrowDown" ? Math.min(index + 1, revisions.length - 1)
    : event.key === "ArrowUp" ? Math.max(index - 1, 0)
    : event.key === "Home" ? 0
    : event.key === "End" ? revisions.length - 1
    : null;
  if (next === null || next < 0) return;
  event.preventDefault();
  select(revisions[next].number);
  event.currentTarget.querySelectorAll("button")[next]?.focus();
}

function PreviewCells({ cells }: { cells: PreviewCell[] }) {
  if (cells.length === 0) return <p className={styles.status}>This revision has no cells.</p>;
  return (
    <ol className={styles.cells} aria-label="Cells">
      {cells.map((cell, index) => (
        <li key={index} className={cell.kind === "code" ? `${styles.cell} ${styles.codeCell}` : styles.cell}>
          {cell.kind === "code" ? (
            <>
              <span className={styles.prompt}>[{cell.executionCount ?? " "}]</span>
              <pre className={styles.code}>{cell.source || " "}</pre>
              {cell.outputCount > 0 && (
                <span className={styles.outputs}>
                  {cell.outputCount} {cell.outputCount === 1 ? "output" : "outputs"}
                </span>
              )}
            </>
          ) : (
            cell.kind === "markdown" ? (
              <div className={styles.markdown}>
                <MarkdownView source={cell.source} />
              </div>
            ) : (
              <pre className={styles.raw}>{cell.source}</pre>
            )
          )}
        </li>
      ))}
    </ol>
  );
}
