"use client";
/**
 * The editor's modal moments: a save conflict (whose copy wins), a local draft found on load, and the
 * keyboard shortcut sheet. Each takes focus when it opens and is usable from the keyboard.
 */
import { useEffect, useRef } from "react";
import type { Draft } from "./model/autosave";
import { BINDINGS } from "./model/keymap";
import styles from "./notebook.module.css";

function useInitialFocus<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

export function ConflictDialog({ onReload, onKeepMine }: { onReload(): void; onKeepMine(): void }) {
  const first = useInitialFocus<HTMLButtonElement>();
  return (
    <div className={styles.backdrop}>
      <div className={styles.dialog} role="alertdialog" aria-modal="true" aria-labelledby="conflict-title" aria-describedby="conflict-text">
        <h2 id="conflict-title">This notebook changed somewhere else</h2>
        <p id="conflict-text">
          Another tab or window saved this notebook after you opened it. Nothing of yours has been written over it.
          Reload their version (your unsaved edits here are dropped), or keep yours and overwrite theirs.
        </p>
        <div className={styles.dialogButtons}>
          <button ref={first} type="button" onClick={onReload}>Reload theirs</button>
          <button type="button" className={styles.danger} onClick={onKeepMine}>Keep mine (overwrite)</button>
        </div>
      </div>
    </div>
  );
}

export function DraftBanner({ draft, sameBase, onRestore, onDiscard }: { draft: Draft; sameBase: boolean; onRestore(): void; onDiscard(): void }) {
  const time = new Date(draft.savedAt).toLocaleTimeString();
  return (
    <div className={styles.banner} role="alert">
      <span>
        This browser kept unsaved edits from {time} that are not on the server.
        {sameBase ? "" : " The server copy has changed since: restoring replaces it."}
      </span>
      <button type="button" className={styles.primary} onClick={onRestore}>Restore my edits</button>
      <button type="button" onClick={onDiscard}>Discard them</button>
    </div>
  );
}

export function ShortcutsHelp({ onClose }: { onClose(): void }) {
  const close = useInitialFocus<HTMLButtonElement>();
  return (
    <div
      className={styles.backdrop}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className={styles.dialog} role="dialog" aria-modal="true" aria-labelledby="shortcuts-title">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <p className={styles.muted}>Command mode (Esc) acts on cells; edit mode (Enter) types into the selected cell.</p>
        <table className={styles.shortcuts}>
          <thead>
            <tr><th scope="col">Keys</th><th scope="col">Mode</th><th scope="col">Action</th></tr>
          </thead>
          <tbody>
            {BINDINGS.map((b) => (
              <tr key={`${b.mode}:${b.keys}`}>
                <td><kbd>{b.keys}</kbd></td>
                <td>{b.mode === "both" ? "both" : b.mode}</td>
                <td>{b.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className={styles.dialogButtons}>
          <button ref={close} type="button" onClick={onClose}>Close</button>
        </div>
      </div>
    </div>
  );
}
