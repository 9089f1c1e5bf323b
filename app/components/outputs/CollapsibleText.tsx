"use client";
import { useEffect, useMemo, useRef, useState } from "react";
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
  // The toggle button is replaced when it is pressed: keep keyboard focus on its successor.
  const toggle = useRef<HTMLButtonElement>(null);
  const toggled = useRef(false);
  useEffect(() => {
    if (toggled.current) toggle.current?.focus({ preventScroll: true });
  }, [expanded]);
  const setAndFocus = (value: boolean) => {
    toggled.current = true;
    setExpanded(value);
  };
  const pre = `${styles.pre} ${className ?? ""}`;
  if (!collapsed.collapsed) return <pre className={pre}><AnsiText text={text} /></pre>;
  if (expanded) {
    return (
      <div>
        <pre className={pre}><AnsiText text={text} /></pre>
        <button ref={toggle} type="button" className={styles.moreButton} onClick={() => setAndFocus(false)}>Show less</button>
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
        <button ref={toggle} type="button" className={styles.moreButton} onClick={() => setAndFocus(true)}>Show all</button>
      </div>
      {collapsed.tail !== "" && <pre className={pre}><AnsiText text={collapsed.tail} /></pre>}
    </div>
  );
}
