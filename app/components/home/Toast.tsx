"use client";

import { useEffect } from "react";
import styles from "./home.module.css";

export interface ToastMessage {
  /** Distinguishes two toasts with the same text, so the timer restarts. */
  id: number;
  text: string;
  tone: "info" | "error";
  action?: { label: string; run: () => void };
}

const VISIBLE_MS = 10_000;

/** One message at the bottom of the screen, with an optional action (Undo), gone after 10 s. */
export function Toast({ message, onDismiss }: { message: ToastMessage | null; onDismiss: () => void }) {
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(onDismiss, VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [message, onDismiss]);

  return (
    <div className={styles.toastRegion} role="status" aria-live="polite">
      {message && (
        <div className={message.tone === "error" ? `${styles.toast} ${styles.toastError}` : styles.toast}>
          <span>{message.text}</span>
          {message.action && (
            <button type="button" className={styles.toastAction} onClick={message.action.run}>
              {message.action.label}
            </button>
          )}
          <button type="button" className={styles.toastClose} onClick={onDismiss} aria-label="Dismiss message">
            ×
          </button>
        </div>
      )}
    </div>
  );
}
