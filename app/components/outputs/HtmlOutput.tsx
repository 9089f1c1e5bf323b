"use client";
import { useMemo, useState } from "react";
import { formatCount } from "./format";
import { sanitizeHtml } from "./sanitize";
import { useIsClient } from "./use-is-client";
import styles from "./outputs.module.css";

/** Past this size an HTML output waits for an explicit click: parsing it would stall typing. */
const LARGE_HTML_CHARS = 500_000;

export function HtmlOutput({ html }: { html: string }) {
  const isClient = useIsClient();
  const [forced, setForced] = useState(false);
  const large = html.length > LARGE_HTML_CHARS && !forced;
  const clean = useMemo(() => (isClient && !large ? sanitizeHtml(html) : null), [isClient, large, html]);
  if (large) {
    return (
      <div className={styles.hiddenBar}>
        <span>Large HTML output ({formatCount(html.length)} characters) not shown</span>
        <button type="button" className={styles.moreButton} onClick={() => setForced(true)}>Show it</button>
      </div>
    );
  }
  return <div className={styles.html} dangerouslySetInnerHTML={{ __html: clean ?? "" }} />;
}
