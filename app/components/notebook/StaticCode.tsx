"use client";
/**
 * A code cell's source as highlighted text, shown until (and whenever) the cell has no live Monaco
 * editor: cheap enough for hundreds of cells, same metrics as the editor so swapping causes no shift.
 */
import hljs from "highlight.js/lib/core";
import python from "highlight.js/lib/languages/python";
import { memo, useMemo } from "react";
import styles from "./notebook.module.css";

hljs.registerLanguage("python", python);

export const LINE_HEIGHT_PX = 19;
export const CODE_PADDING_PX = 8;

export const StaticCode = memo(function StaticCode({ source, errorLines }: { source: string; errorLines: readonly number[] }) {
  // highlight.js escapes the text it is given, so the markup holds only its own spans.
  const html = useMemo(() => hljs.highlight(source, { language: "python", ignoreIllegals: true }).value, [source]);
  return (
    <div className={styles.staticCode}>
      <pre className={styles.staticPre}>
        <code className="hljs language-python" dangerouslySetInnerHTML={{ __html: html || "\u200b" }} />
      </pre>
      {errorLines.map((line) => (
        <div key={line} className={styles.staticErrorLine} style={{ top: CODE_PADDING_PX + (line - 1) * LINE_HEIGHT_PX }} data-error-line={line} aria-hidden="true" />
      ))}
    </div>
  );
});
