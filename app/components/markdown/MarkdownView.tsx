"use client";
import { useEffect, useMemo, useSyncExternalStore } from "react";
import { loadMarkdownRenderer, needsMath, renderedMarkdown, rendererVersion, subscribeRenderer } from "./markdown-renderer";
import styles from "./markdown.module.css";

// Start fetching the renderer as soon as a page that can show markdown loads, in parallel with the
// notebook's own requests, so rendered cells rarely replace their plain-text placeholder on screen.
if (typeof window !== "undefined") void loadMarkdownRenderer();

/**
 * GitHub-flavoured markdown with highlighted code, KaTeX math and sanitised HTML, rendered in the
 * browser by the server's pipeline (see ./pipeline.ts). Until the renderer chunk arrives the source
 * is shown as plain text, so the content is readable at once.
 */
export function MarkdownView({ source }: { source: string }) {
  const version = useSyncExternalStore(subscribeRenderer, rendererVersion, () => 0);
  const html = useMemo(() => (version === 0 ? null : renderedMarkdown(source)), [version, source]);
  const math = needsMath(source);
  useEffect(() => {
    if (html === null) void loadMarkdownRenderer(math);
  }, [html, math]);
  if (html === null) return <div className={`${styles.markdown} ${styles.pending}`}>{source}</div>;
  return <div className={styles.markdown} dangerouslySetInnerHTML={{ __html: html }} />;
}
