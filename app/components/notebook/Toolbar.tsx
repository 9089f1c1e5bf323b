"use client";
/**
 * The notebook toolbar: file name, save state, kernel status and target, and the run/edit commands
 * (each also on the keyboard; the `?` sheet lists the keys).
 */
import { memo } from "react";
import type { SaveIndicator } from "./model/autosave";
import { TARGETS, type CellType, type Target } from "./model/cells";
import type { Command } from "./model/keymap";
import type { KernelStatus } from "./kernel/notebook-kernel";
import styles from "./notebook.module.css";

export interface ToolbarProps {
  path: string;
  kernelStatus: KernelStatus;
  save: SaveIndicator;
  saveError: string | null;
  target: Target;
  cellType: CellType;
  /** Cells queued or running. */
  running: number;
  onCommand(command: Command): void;
  onRunAll(): void;
  onRunAbove(): void;
  onRunBelow(): void;
  onRestart(): void;
  onRestartRunAll(): void;
  onClearOutputs(): void;
  onTarget(target: Target): void;
  onHistory(): void;
  onExport(): void;
}

const SAVE_TEXT: Record<SaveIndicator, string> = {
  saved: "Saved",
  unsaved: "Unsaved changes",
  saving: "Saving…",
  offline: "Offline: retrying…",
  conflict: "Changed elsewhere",
  error: "Not saved",
};

const KERNEL_TEXT: Record<KernelStatus, string> = {
  connecting: "Connecting",
  starting: "Starting",
  idle: "Idle",
  busy: "Busy",
  restarting: "Restarting",
  dead: "Dead",
  disconnected: "Disconnected",
};

export const Toolbar = memo(function Toolbar(props: ToolbarProps) {
  const { kernelStatus, save, onCommand } = props;
  const name = props.path.slice(props.path.lastIndexOf("/") + 1);
  const broken = kernelStatus === "dead" || kernelStatus === "disconnected";
  return (
    <div className={styles.toolbarWrap}>
      <div className={styles.titleRow}>
        <a href="/" className={styles.back}>← Notebooks</a>
        <h1 className={styles.title}>{name}</h1>
        <span className={styles.saveState} data-save-state={save} role="status" aria-live="polite" title={props.saveError ?? undefined}>
          {SAVE_TEXT[save]}
          {save === "error" && props.saveError ? `: ${props.saveError}` : ""}
        </span>
        <span className={styles.spacer} />
        <label className={styles.target}>
          Target{" "}
          <select value={props.target} onChange={(e) => props.onTarget(e.target.value as Target)} aria-label="Simulated device">
            {TARGETS.map((t) => (
              <option key={t} value={t}>{t}</option>
            ))}
          </select>
        </label>
        <span className={styles.kernel} data-kernel-status={kernelStatus} role="status" aria-label={`Kernel ${KERNEL_TEXT[kernelStatus]}`}>
          <span className={styles.kernelDot} aria-hidden="true" />
          NKI kernel: {KERNEL_TEXT[kernelStatus]}
        </span>
        {broken && (
          <button type="button" className={styles.primary} onClick={props.onRestart}>
            {kernelStatus === "dead" ? "Restart kernel" : "Reconnect"}
          </button>
        )}
      </div>
      <div
        className={styles.toolbar}
        role="toolbar"
        aria-label="Notebook commands"
        // Clicking a button leaves keyboard focus in the notebook (as in JupyterLab), so A, B, DD… keep working.
        onMouseDown={(e) => {
          if ((e.target as HTMLElement).closest("button")) e.preventDefault();
        }}
      >
        <button type="button" onClick={() => onCommand("save")} title="Save and checkpoint (Ctrl+S)">Save</button>
        <button type="button" onClick={() => onCommand("insert-below")} title="Insert a cell below (B)" aria-label="Insert cell below">+ Cell</button>
        <button type="button" onClick={() => onCommand("cut")} title="Cut cells (X)">Cut</button>
        <button type="button" onClick={() => onCommand("copy")} title="Copy cells (C)">Copy</button>
        <button type="button" onClick={() => onCommand("paste-below")} title="Paste cells below (V)">Paste</button>
        <span className={styles.separator} />
        <button type="button" onClick={() => onCommand("run-and-advance")} title="Run the cell and advance (Shift+Enter)" aria-label="Run cell">▶ Run</button>
        <button type="button" onClick={props.onRunAll} title="Run every cell; stops at the first error">Run all</button>
        <button type="button" onClick={props.onRunAbove} title="Run the cells above the selected one">Run above</button>
        <button type="button" onClick={props.onRunBelow} title="Run the selected cell and those below">Run below</button>
        <button type="button" onClick={() => onCommand("interrupt")} title="Interrupt the kernel (I, I)" aria-label="Interrupt kernel">■ Interrupt</button>
        <button type="button" onClick={props.onRestart} title="Restart the kernel (0, 0)" aria-label="Restart kernel">↻ Restart</button>
        <button type="button" onClick={props.onRestartRunAll} title="Restart the kernel, then run every cell">Restart &amp; run all</button>
        <button type="button" onClick={props.onClearOutputs} title="Clear every cell's outputs">Clear outputs</button>
        <select
          value={props.cellType}
          aria-label="Cell type"
          onChange={(e) => onCommand(e.target.value === "code" ? "to-code" : e.target.value === "markdown" ? "to-markdown" : "to-raw")}
        >
          <option value="code">Code</option>
          <option value="markdown">Markdown</option>
          <option value="raw">Raw</option>
        </select>
        <span className={styles.spacer} />
        <button type="button" onClick={props.onHistory} title="Saved revisions">History</button>
        <button type="button" onClick={props.onExport} title="Download as .ipynb">Export</button>
        <button type="button" onClick={() => onCommand("help")} title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts">?</button>
      </div>
      {props.running > 0 && (
        <div className={styles.runProgress} role="status">
          <div className={styles.runProgressBar} aria-hidden="true" />
          <span>{props.running} cell{props.running === 1 ? "" : "s"} queued or running</span>
        </div>
      )}
    </div>
  );
});
