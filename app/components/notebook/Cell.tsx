"use client";
/**
 * One notebook cell: prompt and timing on the left, source and outputs on the right. Memoised so a
 * keystroke re-renders only the cell being typed in.
 */
import { memo, useEffect, useRef, useState, useSyncExternalStore, type MouseEvent } from "react";
import { CellOutputs } from "../outputs/CellOutputs";
import { MarkdownView } from "../markdown/MarkdownView";
import { CodeSource } from "./CodeSource";
import type { EditorRegistry } from "./editor-registry";
import { formatElapsed } from "./format";
import type { EditorCell, RunState } from "./model/cells";
import type { ErrorMark } from "./model/error-lines";
import type { KernelIntrospection } from "./monaco/kernel-language";
import type { NotebookStore } from "./store";
import { TextSource } from "./TextSource";
import styles from "./notebook.module.css";

/** Runs longer than this show a progress bar on the cell. */
const LONG_RUN_MS = 1000;

export interface CellHandlers {
  onSelect(index: number, extend: boolean, commandMode: boolean): void;
  onChange(cellId: string, source: string): void;
  onFocusEditor(cellId: string): void;
  /** Selects the cell and enters edit mode (double-click on markdown, click on static code). */
  onEdit(index: number): void;
}

export interface CellProps {
  cell: EditorCell;
  index: number;
  active: boolean;
  selected: boolean;
  editing: boolean;
  /** The notebook is in command mode with this cell active: it holds keyboard focus. */
  focused: boolean;
  errorLines: readonly ErrorMark[];
  kernel: KernelIntrospection | null;
  /** The cell reads its current source from the store: `cell` comes from the view, which typing does not update. */
  store: NotebookStore;
  registry: EditorRegistry;
  handlers: CellHandlers;
}

const NO_LINES: readonly ErrorMark[] = [];

export const Cell = memo(function Cell(props: CellProps) {
  const { cell, index, active, selected, editing, focused, kernel, store, registry, handlers } = props;
  const readSource = () => store.sourceAt(index, cell.id) ?? cell.source;
  const source = useSyncExternalStore(store.subscribe, readSource, readSource);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = ref.current;
    if (!focused || !element) return;
    const current = document.activeElement;
    // Take focus from the body or another cell, never from a toolbar control or a dialog.
    if (current === document.body || current === null || current.closest("[data-notebook-cells]")) {
      element.focus({ preventScroll: true });
    }
    element.scrollIntoView({ block: "nearest" });
  }, [focused]);

  const onMouseDown = (e: MouseEvent) => {
    const target = e.target as HTMLElement;
    if (!e.shiftKey && target.closest("[data-live-editor=false]")) {
      // A click on code not yet in a live editor edits it, as a click in the editor would.
      handlers.onEdit(index);
      return;
    }
    handlers.onSelect(index, e.shiftKey, !target.closest(".monaco-editor, textarea"));
  };

  const label = `${cell.type === "code" ? "Code" : cell.type === "markdown" ? "Markdown" : "Raw"} cell ${index + 1}`;
  const classes = [styles.cell, active && styles.active, selected && styles.selected, editing && styles.editing].filter(Boolean).join(" ");
  return (
    <div
      ref={ref}
      className={classes}
      data-cell-id={cell.id}
      data-cell-type={cell.type}
      data-run={cell.run.kind === "done" ? cell.run.status : cell.run.kind}
      tabIndex={active ? 0 : -1}
      role="group"
      aria-label={label}
      aria-current={active ? "true" : undefined}
      onMouseDown={onMouseDown}
    >
      <div className={styles.gutter}>
        {cell.type === "code" && <Prompt run={cell.run} executionCount={cell.executionCount} />}
      </div>
      <div className={styles.body}>
        {cell.run.kind === "running" && <LongRunBar startedAt={cell.run.startedAt} />}
        {cell.type === "code" ? (
          <CodeSource
            cellId={cell.id}
            index={index}
            source={source}
            active={active}
            editing={editing}
            errorLines={props.errorLines.length ? props.errorLines : NO_LINES}
            kernel={kernel}
            registry={registry}
            onChange={handlers.onChange}
            onFocusEditor={handlers.onFocusEditor}
          />
        ) : cell.type === "markdown" && cell.rendered ? (
          <div className={styles.markdown} onDoubleClick={() => handlers.onEdit(index)}>
            {source.trim() === "" ? <p className={styles.placeholder}>Empty markdown cell: double-click or press Enter to edit.</p> : <MarkdownView source={source} />}
          </div>
        ) : (
          <TextSource
            cellId={cell.id}
            label={`${label} source`}
            source={source}
            editing={editing}
            registry={registry}
            onChange={handlers.onChange}
            onFocusEditor={handlers.onFocusEditor}
          />
        )}
        {cell.type === "code" && cell.outputs.length > 0 && (
          <div className={cell.run.kind === "running" && cell.clearPending ? `${styles.outputs} ${styles.stale}` : styles.outputs}>
            <CellOutputs outputs={cell.outputs} executionCount={cell.executionCount} />
          </div>
        )}
      </div>
    </div>
  );
});

function Prompt({ run, executionCount }: { run: RunState; executionCount: number | null }) {
  const busy = run.kind === "queued" || run.kind === "running";
  return (
    <div className={styles.prompt}>
      <span aria-label={busy ? (run.kind === "queued" ? "Queued" : "Running") : executionCount === null ? "Not run" : `Execution ${executionCount}`}>
        [{busy ? "*" : executionCount ?? " "}]:
      </span>
      {run.kind === "running" && <Elapsed startedAt={run.startedAt} />}
      {run.kind === "done" && run.durationMs !== null && <span className={styles.elapsed}>{formatElapsed(run.durationMs)}</span>}
      {run.kind === "done" && run.status === "aborted" && <span className={styles.elapsed}>not run</span>}
    </div>
  );
}

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function Elapsed({ startedAt }: { startedAt: number }) {
  const now = useNow(200);
  return <span className={styles.elapsed}>{formatElapsed(now - startedAt)}</span>;
}

function LongRunBar({ startedAt }: { startedAt: number }) {
  const now = useNow(250);
  if (now - startedAt < LONG_RUN_MS) return null;
  return <div className={styles.progress} role="progressbar" aria-label="Cell running" />;
}
