"use client";
/**
 * A code cell's source as highlighted text, shown until (and whenever) the cell has no live Monaco
 * editor: cheap enough for hundreds of cells, same metrics as the editor so swapping causes no shift.
 */
import hljs from "highlight.js/lib/core";
import python from "highlight.js/lib/languages/python";
import { memo, useMemo } from "react";
import { markColumns, type ErrorMark } from "./model/error-lines";
import styles from "./notebook.module.css";

hljs.registerLanguage("python", python);

export const LINE_HEIGHT_PX = 19;
export const CODE_PADDING_PX = 8;

export const StaticCode = memo(function StaticCode({ source, errorMarks }: { source: string; errorMarks: readonly ErrorMark[] }) {
  // highlight.js escapes the text it is given, so the markup holds only its own spans.
  const html = useMemo(() => hljs.highlight(source, { language: "python", ignoreIllegals: true }).value, [source]);
  return (
    <div className={styles.staticCode}>
      <pre className={styles.staticPre}>
        <code className="hljs language-python" dangerouslySetInnerHTML={{ __html: html || "\u200b" }} />
      </pre>
      {errorMarks.map((mark) => {
        const columns = markColumns(mark, source.split("\n")[mark.line - 1] ?? "");
        const top = CODE_PADDING_PX + (mark.line - 1) * LINE_HEIGHT_PX;
        // Columns in `ch` of the code's monospace font (the mark inherits it), after the pre's 12px padding.
        const style = columns ? { top, left: `calc(12px + ${columns[0]}ch)`, width: `${columns[1] - columns[0]}ch`, right: "auto" } : { top };
        return <div key={`${mark.line}:${columns?.[0] ?? ""}`} className={styles.staticErrorLine} style={style} data-error-line={mark.line} aria-hidden="true" />;
      })}
    </div>
  );
});
