import styles from "./outputs.module.css";

/** The small note shown instead of an output that is malformed or of a type nothing here renders. */
export function CannotDisplay({ what, reason, fallback = false }: { what: string; reason: string; fallback?: boolean }) {
  return (
    <p className={styles.cannotDisplay} role="note">
      Cannot display {what}: {reason}
      {fallback ? " (showing the next available representation)" : ""}
    </p>
  );
}
