"use client";
/**
 * The notebook editor page's shell: wires the command core (store), the kernel, autosave and drafts to
 * the cells and the toolbar. Behaviour lives in model/ (pure, unit-tested); this file only connects.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import type { INotebookContent } from "@jupyterlab/nbformat";
import { RevisionHistory } from "../history/RevisionHistory";
import { downloadNotebook } from "../notebook-files/ipynb";
import { Cell, type CellHandlers } from "./Cell";
import { EditorRegistry } from "./editor-registry";
import { NotebookKernel, type KernelStatus } from "./kernel/notebook-kernel";
import { draftOffer, initialSaveState, saveIndicator, type Draft, type SaveState } from "./model/autosave";
import { memoizedErrorLines, type ErrorMark } from "./model/error-lines";
import { targetOf, type EditorCell, type Target } from "./model/cells";
import { isSelected, loadNotebook, selectedCells, toNotebookContent } from "./model/commands";
import { resolveKey, type Command, type Pending } from "./model/keymap";
import { Autosaver } from "./persistence/autosaver";
import { clearDraft, NotebookFile, readDraft, writeDraft } from "./persistence/notebook-file";
import { NotebookStore } from "./store";
import { ConflictDialog, DraftBanner, ShortcutsHelp } from "./dialogs";
import { Toolbar, type ToolbarProps } from "./Toolbar";
import styles from "./notebook.module.css";

const DRAFT_DEBOUNCE_MS = 250;

type Phase = { kind: "loading" } | { kind: "ready"; writable: boolean } | { kind: "failed"; message: string };
type Offer = { draft: Draft; sameBase: boolean } | null;

function randomSalt(): string {
  return Math.floor(Math.random() * 36 ** 4).toString(36).padStart(4, "0");
}

export function NotebookEditor({ path }: { path: string }) {
  const store = useMemo(() => new NotebookStore(), []);
  const registry = useMemo(() => new EditorRegistry(), []);
  // Not re-rendered by typing: the edited cell reads its source itself, the toolbar the version.
  const state = useSyncExternalStore(store.subscribe, store.getView, store.getView);
  const [phase, setPhase] = useState<Phase>({ kind: "loading" });
  const [kernelStatus, setKernelStatus] = useState<KernelStatus>("connecting");
  const [saveState, setSaveState] = useState<SaveState | null>(null);
  const [offer, setOffer] = useState<Offer>(null);
  const [panel, setPanel] = useState<"none" | "help" | "history">("none");
  const [notice, setNotice] = useState<string | null>(null);
  const [kernel, setKernel] = useState<NotebookKernel | null>(null);
  const fileRef = useRef<NotebookFile | null>(null);
  const saverRef = useRef<Autosaver | null>(null);
  const kernelRef = useRef<NotebookKernel | null>(null);
  const pending = useRef<Pending>(null);

  // Loading, autosave and drafts.
  const reload = useCallback(async () => {
    const file = fileRef.current;
    const saver = saverRef.current;
    if (!file || !saver) return;
    const loaded = await file.load();
    const next = store.dispatch({ type: "load", notebook: loaded.content, salt: randomSalt() });
    saver.loaded(next.version, loaded.lastModified);
    clearDraft(path);
    setOffer(null);
    kernelRef.current?.setTarget(targetOf(next.shell.metadata));
    return loaded;
  }, [path, store]);

  useEffect(() => {
    const file = new NotebookFile(path);
    fileRef.current = file;
    const saver = new Autosaver({
      file,
      current: () => ({ version: store.getState().version, content: toNotebookContent(store.getState()) }),
      onChange: setSaveState,
      onAllSaved: () => clearDraft(path),
    });
    saverRef.current = saver;
    let cancelled = false;
    file.load().then(
      (loaded) => {
        if (cancelled) return;
        const next = store.dispatch({ type: "load", notebook: loaded.content, salt: randomSalt() });
        saver.loaded(next.version, loaded.lastModified);
        const serverContent = JSON.stringify(toNotebookContent(loadNotebook(loaded.content, "")));
        const draft = readDraft(path);
        const decision = draftOffer(draft, serverContent, loaded.lastModified);
        if (draft && decision.offer) setOffer({ draft, sameBase: decision.sameBase });
        else clearDraft(path);
        setPhase({ kind: "ready", writable: loaded.writable });
      },
      (error: unknown) => {
        if (!cancelled) setPhase({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      cancelled = true;
      saver.dispose();
      file.dispose();
    };
  }, [path, store]);

  useEffect(() => {
    let version = store.getState().version;
    let draftTimer: ReturnType<typeof setTimeout> | null = null;
    const writeNow = () => {
      draftTimer = null;
      const saver = saverRef.current;
      if (!saver || store.getState().version <= saver.saveState.savedVersion) return;
      writeDraft(path, { content: JSON.stringify(toNotebookContent(store.getState())), baseLastModified: saver.saveState.lastModified, savedAt: Date.now() });
    };
    const unsubscribe = store.subscribe(() => {
      const now = store.getState().version;
      if (now === version) return;
      version = now;
      saverRef.current?.edited();
      if (draftTimer) clearTimeout(draftTimer);
      draftTimer = setTimeout(writeNow, DRAFT_DEBOUNCE_MS);
    });
    // A reload or a closed tab flushes the draft, so the next load can offer what autosave had not sent.
    const onUnload = () => writeNow();
    window.addEventListener("pagehide", onUnload);
    return () => {
      unsubscribe();
      window.removeEventListener("pagehide", onUnload);
      if (draftTimer) clearTimeout(draftTimer);
    };
  }, [path, store]);

  // The kernel.
  useEffect(() => {
    const k = new NotebookKernel({
      path,
      onStatus: (status) => {
        setKernelStatus(status);
        if (status === "restarting" || status === "dead" || status === "disconnected") store.dispatch({ type: "runs-cancelled" });
      },
      onConnected: () => k.setTarget(targetOf(store.getState().shell.metadata)),
      onForeignDisplayUpdate: (msg) => {
        for (const cell of store.getState().cells) if (cell.displays[msg.displayId]) store.dispatch({ type: "run-output", id: cell.id, msg });
      },
    });
    kernelRef.current = k;
    setKernel(k);
    void k.connect();
    return () => {
      k.dispose();
      kernelRef.current = null;
    };
  }, [path, store]);

  useEffect(() => () => registry.dispose(), [registry]);
  // Keyed by the ids, not the cells, so a keystroke does not walk every model.
  const cellIds = state.cells.map((c) => c.id).join("\n");
  useEffect(() => {
    registry.retain(new Set(cellIds.split("\n")));
  }, [cellIds, registry]);

  // Running cells.
  const runCells = useCallback(
    (cells: readonly EditorCell[]) => {
      const k = kernelRef.current;
      // An empty code cell is not sent to the kernel; running it just clears its outputs, as in JupyterLab.
      const empty = cells.filter((c) => c.type === "code" && c.source.trim() === "");
      if (empty.length) store.dispatch({ type: "clear-outputs", ids: empty.map((c) => c.id) });
      store.dispatch({ type: "run-queued", ids: cells.filter((c) => !empty.includes(c)).map((c) => c.id) });
      const batch = k?.newBatch() ?? "";
      for (const cell of cells) {
        if (cell.type !== "code" || cell.source.trim() === "") continue;
        if (!k) {
          store.dispatch({ type: "run-finished", id: cell.id, status: "aborted", executionCount: null, at: Date.now() });
          continue;
        }
        k.execute(cell.id, cell.source, batch, {
          onStarted: (executionCount) => store.dispatch({ type: "run-started", id: cell.id, at: Date.now(), executionCount }),
          onOutput: (msg) => store.dispatch({ type: "run-output", id: cell.id, msg }),
          onFinished: (status, executionCount) => store.dispatch({ type: "run-finished", id: cell.id, status, executionCount, at: Date.now() }),
        });
      }
    },
    [store],
  );

  const save = useCallback(async () => {
    const saver = saverRef.current;
    if (!saver) return;
    if (await saver.saveNow()) {
      try {
        await fileRef.current?.checkpoint();
        setNotice("Saved and checkpointed");
      } catch {
        setNotice("Saved; the checkpoint could not be created");
      }
    }
  }, []);

  const restart = useCallback(async (thenRunAll: boolean) => {
    store.dispatch({ type: "runs-cancelled" });
    try {
      await kernelRef.current?.restart();
    } catch (error) {
      setNotice(`Restart failed: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (thenRunAll) runCells(store.getState().cells);
  }, [runCells, store]);

  const setTarget = useCallback((target: Target) => {
    store.dispatch({ type: "set-target", target });
    kernelRef.current?.setTarget(target);
  }, [store]);

  const runCommand = useCallback(
    (command: Command) => {
      const s = store.getState();
      const d = store.dispatch;
      switch (command) {
        case "run":
          runCells(selectedCells(s));
          d({ type: "set-mode", mode: "command" });
          return;
        case "run-and-advance":
          runCells(selectedCells(s));
          d({ type: "advance" });
          return;
        case "run-and-insert":
          runCells(selectedCells(s));
          d({ type: "insert", where: "below", edit: true });
          return;
        case "enter-edit":
          d({ type: "set-mode", mode: "edit" });
          return;
        case "enter-command":
          d({ type: "set-mode", mode: "command" });
          return;
        case "insert-above":
          d({ type: "insert", where: "above" });
          return;
        case "insert-below":
          d({ type: "insert", where: "below" });
          return;
        case "delete":
          d({ type: "delete" });
          return;
        case "undo-delete":
          d({ type: "undo-delete" });
          return;
        case "to-code":
          d({ type: "change-type", cellType: "code" });
          return;
        case "to-markdown":
          d({ type: "change-type", cellType: "markdown" });
          return;
        case "to-raw":
          d({ type: "change-type", cellType: "raw" });
          return;
        case "copy":
          d({ type: "copy" });
          return;
        case "cut":
          d({ type: "cut" });
          return;
        case "paste-below":
          d({ type: "paste", where: "below" });
          return;
        case "paste-above":
          d({ type: "paste", where: "above" });
          return;
        case "save":
          void save();
          return;
        case "select-up":
          d({ type: "move-cursor", delta: -1, extend: false });
          return;
        case "select-down":
          d({ type: "move-cursor", delta: 1, extend: false });
          return;
        case "extend-up":
          d({ type: "move-cursor", delta: -1, extend: true });
          return;
        case "extend-down":
          d({ type: "move-cursor", delta: 1, extend: true });
          return;
        case "move-up":
          d({ type: "move", delta: -1 });
          return;
        case "move-down":
          d({ type: "move", delta: 1 });
          return;
        case "merge":
          d({ type: "merge" });
          return;
        case "split": {
          const cell = s.cells[s.active];
          const offsets = cell ? registry.handle(cell.id)?.cursorOffsets() : undefined;
          if (cell && offsets) d({ type: "split", id: cell.id, offsets });
          return;
        }
        case "select-all":
          d({ type: "select-all" });
          return;
        case "interrupt":
          void kernelRef.current?.interrupt();
          return;
        case "restart":
          void restart(false);
          return;
        case "help":
          setPanel("help");
          return;
      }
    },
    [registry, restart, runCells, save, store],
  );

  // Keys: chords in the capture phase (before Monaco claims Ctrl+Enter and friends); Escape and command
  // mode keys in the bubble phase, so an editor widget (suggestions, find) closes first.
  const onKeyDownCapture = (e: KeyboardEvent) => {
    if (store.getState().mode !== "edit" || e.key === "Escape") return;
    const { command } = resolveKey("edit", keyInput(e), null);
    if (!command) return;
    e.preventDefault();
    e.stopPropagation();
    runCommand(command);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const mode = store.getState().mode;
    if (mode === "edit") {
      if (e.key === "Escape" && !e.defaultPrevented) {
        e.preventDefault();
        runCommand("enter-command");
      }
      return;
    }
    const { command, pending: next } = resolveKey("command", keyInput(e), pending.current);
    pending.current = next;
    if (!command && next === null) return;
    e.preventDefault();
    if (command) runCommand(command);
  };

  const handlers = useMemo<CellHandlers>(
    () => ({
      onSelect: (index, extend, commandMode) => {
        store.dispatch({ type: "select", index, extend });
        if (commandMode) store.dispatch({ type: "set-mode", mode: "command" });
      },
      onChange: (id, source) => store.dispatch({ type: "edit", id, source }),
      onFocusEditor: (id) => {
        const index = store.getState().cells.findIndex((c) => c.id === id);
        if (index >= 0) store.dispatch({ type: "select", index });
        store.dispatch({ type: "set-mode", mode: "edit" });
      },
      onEdit: (index) => {
        store.dispatch({ type: "select", index });
        store.dispatch({ type: "set-mode", mode: "edit" });
      },
    }),
    [store],
  );

  // Stable callbacks that read the state when clicked, so typing does not re-render the toolbar.
  const toolbarActions = useMemo(
    () => ({
      onCommand: runCommand,
      onRunAll: () => runCells(store.getState().cells),
      onRunAbove: () => runCells(store.getState().cells.slice(0, store.getState().active)),
      onRunBelow: () => runCells(store.getState().cells.slice(store.getState().active)),
      onRestart: () => void restart(false),
      onRestartRunAll: () => void restart(true),
      onClearOutputs: () => void store.dispatch({ type: "clear-outputs" }),
      onTarget: setTarget,
      onHistory: () => setPanel("history"),
      onExport: () => void saverRef.current?.saveNow().then(() => downloadNotebook(path)),
    }),
    [path, restart, runCells, runCommand, setTarget, store],
  );
  const errorLinesOf = useMemo(() => memoizedErrorLines(), []);
  const errorLines = errorLinesOf(state.cells);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 4000);
    return () => clearTimeout(timer);
  }, [notice]);

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (saveIndicator(saverRef.current?.saveState ?? initialSaveState, store.getState().version) !== "saved") e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [store]);

  if (phase.kind === "loading") return <p className={styles.loading} role="status">Loading {path}…</p>;
  if (phase.kind === "failed") {
    return (
      <div className={styles.failed} role="alert">
        <h1>Cannot open {path}</h1>
        <p>{phase.message}</p>
        <p><a href="/">Back to your notebooks</a></p>
      </div>
    );
  }

  const running = state.cells.filter((c) => c.run.kind === "running" || c.run.kind === "queued").length;
  return (
    <div className={styles.editor}>
      <SaveAwareToolbar
        store={store}
        saveState={saveState}
        path={path}
        kernelStatus={kernelStatus}
        saveError={saveState?.error?.message ?? null}
        target={targetOf(state.shell.metadata)}
        cellType={state.cells[state.active]?.type ?? "code"}
        running={running}
        {...toolbarActions}
      />
      {notice && <p className={styles.notice} role="status">{notice}</p>}
      {offer && (
        <DraftBanner
          draft={offer.draft}
          sameBase={offer.sameBase}
          onRestore={() => {
            store.dispatch({ type: "load", notebook: JSON.parse(offer.draft.content) as INotebookContent, salt: randomSalt() });
            setOffer(null);
          }}
          onDiscard={() => {
            clearDraft(path);
            setOffer(null);
          }}
        />
      )}
      {phase.writable ? null : <p className={styles.notice}>This notebook is read-only.</p>}
      <div className={styles.cells} data-notebook-cells="" data-mode={state.mode} onKeyDownCapture={onKeyDownCapture} onKeyDown={onKeyDown}>
        {state.cells.map((cell, index) => (
          <Cell
            key={cell.id}
            cell={cell}
            index={index}
            active={index === state.active}
            selected={isSelected(state, index) && state.active !== state.anchor}
            editing={index === state.active && state.mode === "edit"}
            focused={index === state.active && state.mode === "command"}
            errorLines={errorLines.get(cell.id) ?? NONE}
            kernel={kernel}
            store={store}
            registry={registry}
            handlers={handlers}
          />
        ))}
      </div>
      {saveState?.conflict && (
        <ConflictDialog
          onReload={() => void reload()}
          onKeepMine={() => void saverRef.current?.keepMine()}
        />
      )}
      {panel === "help" && <ShortcutsHelp onClose={() => setPanel("none")} />}
      {panel === "history" && (
        <div className={styles.sidePanel} role="dialog" aria-label="Revision history">
          <RevisionHistory path={path} onRestored={() => void reload()} onClose={() => setPanel("none")} />
        </div>
      )}
    </div>
  );
}

const NONE: readonly ErrorMark[] = [];

/** The toolbar with the save state, which needs the store's version: re-rendered per keystroke, cheaply. */
function SaveAwareToolbar({ store, saveState, ...props }: Omit<ToolbarProps, "save"> & { store: NotebookStore; saveState: SaveState | null }) {
  const version = useSyncExternalStore(store.subscribe, () => store.getState().version, () => store.getState().version);
  return <Toolbar save={saveState ? saveIndicator(saveState, version) : "saved"} {...props} />;
}

function keyInput(e: KeyboardEvent) {
  return { key: e.key, code: e.code, shift: e.shiftKey, ctrl: e.ctrlKey, alt: e.altKey, meta: e.metaKey };
}
