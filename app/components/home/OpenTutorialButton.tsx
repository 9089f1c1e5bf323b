"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage } from "../notebook-files/contents";
import { openTutorial } from "../notebook-files/lab-api";
import { editHref } from "./home-model";
import styles from "./home.module.css";

/**
 * Opens the user's personal copy of a shipped tutorial (made on first open) in the editor. The label says
 * what the click does: "Start", "Continue" or "Open my copy".
 */
export function OpenTutorialButton(props: { tutorial: string; label: string; title: string; primary?: boolean }) {
  const router = useRouter();
  const [state, setState] = useState<{ kind: "idle" } | { kind: "opening" } | { kind: "failed"; message: string }>({ kind: "idle" });

  const open = async () => {
    setState({ kind: "opening" });
    try {
      const { path } = await openTutorial(props.tutorial);
      router.push(editHref(path));
    } catch (error) {
      setState({ kind: "failed", message: errorMessage(error) });
    }
  };

  return (
    <span className={styles.openTutorial}>
      <button
        type="button"
        className={props.primary ? styles.primaryButton : styles.button}
        onClick={open}
        disabled={state.kind === "opening"}
        aria-label={`${props.label}: ${props.title}`}
      >
        {state.kind === "opening" ? "Opening…" : props.label}
      </button>
      {state.kind === "failed" && (
        <span role="alert" className={styles.inlineError}>
          Could not open the tutorial: {state.message}
        </span>
      )}
    </span>
  );
}
