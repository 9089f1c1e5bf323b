"use client";
import { useMemo, useState } from "react";
import { AnsiText } from "./AnsiText";
import { collapseText, STREAM_LIMITS, type CollapseLimits } from "./collapse";
import { formatCount } from "./format";
import styles from "./outputs.module.css";

/**
 * Preformatted (ANSI) text that shows a head and a tail past the limits, with the hidden middle
 * behind an explicit "Show all"; once expanded, "Show less" folds it again.
 */
export function CollapsibleText({ text, className, limits = STREAM_LIMITS }: { text: string; className?: string; limits?: CollapseLimits }) {
  const [expanded, setExpanded] = useState(false);
  const collapsed = useMemo(() => collapseText(text, limits), [text, limits]);
  const pre = `${styles.pre} ${className ?? ""}`;
  if (!collapsed.collapsed) return <pre className={pre}><AnsiText text={text} /></pre>;
  if (expanded) {
    return (
      <div>
        <pre className={pre}><AnsiText text={text} /></pre>
        <button type="button" className={styles.moreButton} onClick={() => setExpanded(false)}>Show less</button>
      </div>
    );
  }
  return (
    <div>
      <pre className={pre}><AnsiText text={collapsed.head} /></pre>
      <div className={styles.hiddenBar}>
        <span>
          {formatCount(collapsed.hiddenLines)} {collapsed.hiddenLines === 1 ? "line" : "lines"} ({formatCount(collapsed.hiddenChars)} characters) hidden
        </span>
        <button type="button" className={styles.moreButton} onClick={() => setExpanded(true)}>Show all</button>
      </div>
      {collapsed.tail !== "" && <pre className={pre}><AnsiText text={collapsed.tail} /></pre>}
    </div>
  );
}
