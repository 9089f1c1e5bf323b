"use client";

import Link from "next/link";
import { useState, type KeyboardEvent } from "react";
import type { LabNotebook } from "../notebook-files/lab-api";
import { checkNotebookName, editHref, editableName, relativeTime } from "./home-model";
import styles from "./home.module.css";

export interface RowActions {
  rename: (path: string, newPath: string) => Promise<void>;
  duplicate: (path: string) => void;
  download: (path: string) => void;
  history: (path: string) => void;
  reset: (notebook: LabNotebook) => void;
  remove: (path: string) => void;
}

export function NotebookRow(props: { notebook: LabNotebook; allPaths: readonly string[]; now: Date; actions: RowActions }) {
  const { notebook: nb, actions } = props;
  const [renaming, setRenaming] = useState(false);
  const fileName = nb.path;
  // The file name is what the user renames and searches by; the notebook's own heading comes second.
  const name = editableName(nb.path);

  return (
    <li className={styles.row}>
      <div className={styles.rowMain}>
        {renaming ? (
          <RenameField
            notebook={nb}
            allPaths={props.allPaths}
            onDone={() => setRenaming(false)}
            rename={actions.rename}
          />
        ) : (
          <>
            <Link href={editHref(nb.path)} className={styles.rowTitle} aria-label={`Open ${fileName}`}>
              {name}
            </Link>
            {(nb.sourcePath || nb.title !== name) && (
              <span className={styles.rowSubtitle}>
                {nb.sourcePath && (
                  <span className={styles.tutorialBadge} title={`Your copy of ${nb.sourcePath}`}>
                    tutorial
                  </span>
                )}
                {nb.title !== name && nb.title}
              </span>
            )}
          </>
        )}
      </div>
      <span className={styles.rowMeta}>
        <span className={styles.target} title="Simulated target">
          {nb.target}
        </span>
        <time dateTime={nb.updatedAt} title={new Date(nb.updatedAt).toLocaleString()}>
          edited {relativeTime(new Date(nb.updatedAt), props.now)}
        </time>
      </span>
      <div className={styles.rowActions} role="group" aria-label={`Actions for ${fileName}`}>
        <button type="button" className={styles.linkButton} onClick={() => setRenaming(true)} aria-label={`Rename ${fileName}`}>
          Rename
        </button>
        <button type="button" className={styles.linkButton} onClick={() => actions.duplicate(nb.path)} aria-label={`Duplicate ${fileName}`}>
          Duplicate
        </button>
        <button type="button" className={styles.linkButton} onClick={() => actions.history(nb.path)} aria-label={`Revision history of ${fileName}`}>
          History
        </button>
        <Link className={styles.linkButton} href={`/profiles?path=${encodeURIComponent(nb.path)}`} aria-label={`Profiles of ${fileName}`}>
          Profiles
        </Link>
        <button type="button" className={styles.linkButton} onClick={() => actions.download(nb.path)} aria-label={`Download ${fileName}`}>
          Download
        </button>
        {nb.sourcePath && (
          <button type="button" className={styles.linkButton} onClick={() => actions.reset(nb)} aria-label={`Reset ${fileName} to the original tutorial`}>
            Reset
          </button>
        )}
        <button type="button" className={`${styles.linkButton} ${styles.danger}`} onClick={() => actions.remove(nb.path)} aria-label={`Delete ${fileName}`}>
          Delete
        </button>
      </div>
    </li>
  );
}

/** Inline rename: Enter saves, Esc cancels; the rules are checked as you type. */
function RenameField(props: {
  notebook: LabNotebook;
  allPaths: readonly string[];
  onDone: () => void;
  rename: (path: string, newPath: string) => Promise<void>;
}) {
  const [value, setValue] = useState(editableName(props.notebook.path));
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const check = checkNotebookName(value, props.notebook.path, props.allPaths);
  const error = check.ok ? serverError : check.error;

  const submit = async () => {
    if (!check.ok || saving) return;
    if (check.path === props.notebook.path) return props.onDone();
    setSaving(true);
    try {
      await props.rename(props.notebook.path, check.path);
      props.onDone();
    } catch (e) {
      setServerError(e instanceof Error ? e.message : String(e));
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      void submit();
    } else if (event.key === "Escape") {
      event.preventDefault();
      props.onDone();
    }
  };

  const errorId = `rename-error-${props.notebook.path}`;
  return (
    <form
      className={styles.renameForm}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <input
        className={styles.renameInput}
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          setServerError(null);
        }}
        onKeyDown={onKeyDown}
        aria-label={`New name for ${props.notebook.path}`}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        disabled={saving}
        autoFocus
        onFocus={(event) => event.target.select()}
      />
      <span className={styles.muted}>.ipynb</span>
      <button type="submit" className={styles.button} disabled={!check.ok || saving}>
        {saving ? "Saving…" : "Save"}
      </button>
      <button type="button" className={styles.button} onClick={props.onDone} disabled={saving}>
        Cancel
      </button>
      {error && (
        <span id={errorId} role="alert" className={styles.inlineError}>
          {error}
        </span>
      )}
    </form>
  );
}
