"use client";

import { useEffect, useRef, type ReactNode } from "react";
import styles from "./home.module.css";

/**
 * A modal on the native <dialog>: the browser traps focus, Esc closes it and focus returns to the
 * control that opened it.
 */
export function Modal(props: { label: string; onClose: () => void; wide?: boolean; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  // The latest onClose, read when Esc is pressed: reopening the dialog on every new callback would move focus.
  const onClose = useRef(props.onClose);
  useEffect(() => {
    onClose.current = props.onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    dialog.showModal();
    const cancel = (event: Event) => {
      event.preventDefault();
      onClose.current();
    };
    dialog.addEventListener("cancel", cancel);
    return () => {
      dialog.removeEventListener("cancel", cancel);
      dialog.close();
    };
  }, []);

  return (
    <dialog ref={ref} aria-label={props.label} className={props.wide ? `${styles.modal} ${styles.modalWide}` : styles.modal}>
      {props.children}
    </dialog>
  );
}

/** Asks before an action that replaces content; the confirm button names the action. */
export function ConfirmDialog(props: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Modal label={props.title} onClose={props.onCancel}>
      <h2 className={styles.modalTitle}>{props.title}</h2>
      <div className={styles.modalBody}>{props.children}</div>
      {props.error && (
        <p role="alert" className={styles.inlineError}>
          {props.error}
        </p>
      )}
      <div className={styles.modalActions}>
        <button type="button" className={styles.button} onClick={props.onCancel} disabled={props.busy}>
          Cancel
        </button>
        <button type="button" className={styles.dangerButton} onClick={props.onConfirm} disabled={props.busy} autoFocus>
          {props.busy ? "Working…" : props.confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
