"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from "react";
import type { ContentsManager } from "@jupyterlab/services";
import { RevisionHistory } from "../history/RevisionHistory";
import { errorMessage, newContentsManager } from "../notebook-files/contents";
import { downloadNotebook, importNotebookFile } from "../notebook-files/ipynb";
import { listMyNotebooks, resetToOriginal, undeleteNotebook, type LabNotebook } from "../notebook-files/lab-api";
import { editHref, filterNotebooks } from "./home-model";
import { ConfirmDialog, Modal } from "./Modal";
import { NotebookRow, type RowActions } from "./NotebookRow";
import { Toast, type ToastMessage } from "./Toast";
import styles from "./home.module.css";

type ListState = { kind: "loading" } | { kind: "loaded"; notebooks: LabNotebook[] } | { kind: "failed"; message: string };

interface ResetState {
  notebook: LabNotebook;
  busy: boolean;
  error: string | null;
}

/** The user's notebooks: list, search, create, import, and the per-notebook actions. */
export function MyNotebooks({ onChanged }: { onChanged: () => void }) {
  const router = useRouter();
  const contentsRef = useRef<ContentsManager | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const toastIds = useRef(0);
  const [list, setList] = useState<ListState>({ kind: "loading" });
  const [query, setQuery] = useState("");
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [creating, setCreating] = useState(false);
  const [importState, setImportState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const [dragging, setDragging] = useState(false);
  const [resetState, setResetState] = useState<ResetState | null>(null);
  const [historyPath, setHistoryPath] = useState<string | null>(null);
  const [now, setNow] = useState(() => new Date());

  const contents = () => {
    contentsRef.current ??= newContentsManager();
    return contentsRef.current;
  };
  useEffect(() => () => contentsRef.current?.dispose(), []);

  const notify = useCallback((text: string, tone: ToastMessage["tone"] = "info", action?: ToastMessage["action"]) => {
    setToast({ id: ++toastIds.current, text, tone, action });
  }, []);
  const dismissToast = useCallback(() => setToast(null), []);

  const refresh = useCallback(async () => {
    try {
      const notebooks = await listMyNotebooks();
      setNow(new Date());
      setList({ kind: "loaded", notebooks });
    } catch (error) {
      setList({ kind: "failed", message: errorMessage(error) });
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // "edited 3 min ago" keeps counting while the page stays open.
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);

  /** After a change made here: the list again, and the host learns that progress may have changed. */
  const changed = async () => {
    await refresh();
    onChanged();
  };

  const create = async () => {
    setCreating(true);
    try {
      const model = await contents().newUntitled({ type: "notebook", path: "" });
      router.push(editHref(model.path));
    } catch (error) {
      notify(`Could not create a notebook: ${errorMessage(error)}`, "error");
      setCreating(false);
    }
  };

  const importFiles = async (files: readonly File[]) => {
    if (files.length === 0) return;
    setImportState({ busy: true, error: null });
    const imported: string[] = [];
    const failures: string[] = [];
    for (const file of files) {
      try {
        imported.push((await importNotebookFile(file)).path);
      } catch (error) {
        failures.push(`${file.name}: ${errorMessage(error)}`);
      }
    }
    setImportState({ busy: false, error: failures.length > 0 ? failures.join("\n") : null });
    if (imported.length > 0) {
      notify(`Imported ${imported.join(", ")}`);
      await changed();
    }
  };

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    void importFiles(Array.from(event.dataTransfer.files));
  };

  const actions: RowActions = {
    rename: async (path, newPath) => {
      await contents().rename(path, newPath);
      notify(`Renamed ${path} to ${newPath}`);
      await changed();
    },
    duplicate: async (path) => {
      try {
        const copy = await contents().copy(path, "");
        notify(`Duplicated ${path} as ${copy.path}`);
        await changed();
      } catch (error) {
        notify(`Could not duplicate ${path}: ${errorMessage(error)}`, "error");
      }
    },
    download: async (path) => {
      try {
        await downloadNotebook(path);
      } catch (error) {
        notify(`Could not download ${path}: ${errorMessage(error)}`, "error");
      }
    },
    history: (path) => setHistoryPath(path),
    reset: (notebook) => setResetState({ notebook, busy: false, error: null }),
    remove: async (path) => {
      try {
        await contents().delete(path);
      } catch (error) {
        notify(`Could not delete ${path}: ${errorMessage(error)}`, "error");
        return;
      }
      setList((state) => (state.kind === "loaded" ? { ...state, notebooks: state.notebooks.filter((n) => n.path !== path) } : state));
      onChanged();
      notify(`Deleted ${path}`, "info", {
        label: "Undo",
        run: async () => {
          try {
            await undeleteNotebook(path);
            notify(`Restored ${path}`);
          } catch (error) {
            notify(`Could not restore ${path}: ${errorMessage(error)}`, "error");
          }
          await changed();
        },
      });
    },
  };

  const confirmReset = async () => {
    if (!resetState) return;
    const { notebook } = resetState;
    setResetState({ ...resetState, busy: true, error: null });
    try {
      const { revision } = await resetToOriginal(notebook.path);
      setResetState(null);
      notify(`Reset ${notebook.path} to the original tutorial (your version is revision ${revision})`);
      await changed();
    } catch (error) {
      setResetState({ notebook, busy: false, error: errorMessage(error) });
    }
  };

  const closeHistory = useCallback(() => setHistoryPath(null), []);
  const restored = useCallback(() => {
    const path = historyPath;
    setHistoryPath(null);
    notify(`Restored a revision of ${path}`);
    void refresh();
    onChanged();
  }, [historyPath, notify, refresh, onChanged]);

  const notebooks = list.kind === "loaded" ? list.notebooks : [];
  const visible = useMemo(() => filterNotebooks(notebooks, query), [notebooks, query]);
  const allPaths = useMemo(() => notebooks.map((n) => n.path), [notebooks]);

  return (
    <section
      className={dragging ? `${styles.myNotebooks} ${styles.dropTarget}` : styles.myNotebooks}
      aria-labelledby="my-notebooks-heading"
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes("Files")) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <div className={styles.sectionHeader}>
        <h2 id="my-notebooks-heading">My notebooks</h2>
        <input
          type="search"
          className={styles.search}
          placeholder="Search notebooks"
          aria-label="Search my notebooks"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button type="button" className={styles.button} onClick={() => fileInput.current?.click()} disabled={importState.busy}>
          {importState.busy ? "Importing…" : "Import .ipynb"}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".ipynb,application/x-ipynb+json,application/json"
          multiple
          hidden
          aria-label="Notebook files to import"
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            event.target.value = "";
            void importFiles(files);
          }}
        />
        <button type="button" className={styles.primaryButton} onClick={create} disabled={creating}>
          {creating ? "Creating…" : "New notebook"}
        </button>
      </div>
      {importState.error && (
        <div role="alert" className={styles.importError}>
          <strong>Import failed.</strong>
          <pre>{importState.error}</pre>
          <button type="button" className={styles.linkButton} onClick={() => setImportState({ busy: false, error: null })} aria-label="Dismiss import error">
            Dismiss
          </button>
        </div>
      )}
      {list.kind === "loading" && (
        <p className={styles.muted} aria-busy="true">
          Loading your notebooks…
        </p>
      )}
      {list.kind === "failed" && (
        <p role="alert" className={styles.inlineError}>
          Could not load your notebooks: {list.message}{" "}
          <button type="button" className={styles.linkButton} onClick={() => void refresh()}>
            Retry
          </button>
        </p>
      )}
      {list.kind === "loaded" && notebooks.length === 0 && (
        <div className={styles.emptyState}>
          <p>You have no notebooks yet.</p>
          <p className={styles.muted}>Start a tutorial above, create a new notebook, or drop an .ipynb file here.</p>
        </div>
      )}
      {list.kind === "loaded" && notebooks.length > 0 && visible.length === 0 && (
        <p className={styles.muted}>No notebook matches “{query.trim()}”.</p>
      )}
      {visible.length > 0 && (
        <ul className={styles.rows} aria-label="My notebooks">
          {visible.map((nb) => (
            <NotebookRow key={nb.path} notebook={nb} allPaths={allPaths} now={now} actions={actions} />
          ))}
        </ul>
      )}
      {dragging && <p className={styles.dropHint}>Drop .ipynb files to import them</p>}
      {resetState && (
        <ConfirmDialog
          title="Reset to the original tutorial?"
          confirmLabel="Reset notebook"
          busy={resetState.busy}
          error={resetState.error}
          onConfirm={() => void confirmReset()}
          onCancel={() => setResetState(null)}
        >
          <p>
            <strong>{resetState.notebook.path}</strong> will be replaced by the shipped tutorial
            {resetState.notebook.sourcePath ? ` (${resetState.notebook.sourcePath})` : ""}. Your current version stays in
            its revision history, so you can restore it later.
          </p>
        </ConfirmDialog>
      )}
      {historyPath && (
        <Modal label={`Revision history of ${historyPath}`} onClose={closeHistory} wide>
          <RevisionHistory path={historyPath} onRestored={restored} onClose={closeHistory} />
        </Modal>
      )}
      <Toast message={toast} onDismiss={dismissToast} />
    </section>
  );
}
