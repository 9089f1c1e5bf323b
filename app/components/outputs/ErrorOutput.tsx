import { stripAnsi } from "./ansi";
import { CollapsibleText } from "./CollapsibleText";
import styles from "./outputs.module.css";

/**
 * `ename: evalue` as a heading, then the traceback (ANSI colours kept). CPython-style tracebacks end
 * with that same line, so it is not repeated.
 */
export function ErrorOutput({ ename, evalue, traceback }: { ename: string; evalue: string; traceback: readonly string[] }) {
  const summary = evalue === "" ? ename : `${ename}: ${evalue}`;
  const lines = [...traceback];
  if (lines.length > 0 && stripAnsi(lines[lines.length - 1]).trim() === summary.trim()) lines.pop();
  const text = lines.join("\n");
  return (
    <div className={styles.error} role="group" aria-label={`Error: ${summary}`}>
      <p className={styles.errorSummary}>{summary}</p>
      {text.trim() !== "" && <CollapsibleText text={text} className={styles.traceback} />}
    </div>
  );
}
