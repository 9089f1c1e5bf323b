"use client";

import { memo, useEffect, useRef, useState } from "react";
import { formatNs } from "../timeline/ruler";
import { loadMonaco, type Monaco } from "../../notebook/monaco/load-monaco";
import styles from "../profile.module.css";

type Editor = ReturnType<Monaco["editor"]["create"]>;

export interface SourceViewProps {
  readonly file: string;
  readonly text: string;
  /** Busy time attributed to each line (ns), shown in the gutter. */
  readonly lineTimes: ReadonlyMap<number, number>;
  /** The selected instruction's line, highlighted and scrolled into view. */
  readonly activeLine: number | null;
  /** Lines whose instructions are highlighted on the timeline. */
  readonly selectedLines: ReadonlySet<number>;
  readonly onLineClick: (line: number) => void;
}

/**
 * The kernel source, read-only, with each line's attributed time in the gutter. Clicking a line
 * selects it (its instructions light up on the timeline); the selected instruction's line is marked.
 */
export const SourceView = memo(function SourceView({ file, text, lineTimes, activeLine, selectedLines, onLineClick }: SourceViewProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [failed, setFailed] = useState(false);
  const clickRef = useRef(onLineClick);
  const decorations = useRef<{ clear(): void; set(d: unknown[]): void } | null>(null);
  useEffect(() => {
    clickRef.current = onLineClick;
  }, [onLineClick]);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    let disposed = false;
    let created: Editor | null = null;
    loadMonaco()
      .then((monaco) => {
        if (disposed) return;
        created = monaco.editor.create(host, {
          value: text,
          language: "python",
          readOnly: true,
          domReadOnly: true,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          automaticLayout: true,
          fontSize: 13,
          lineNumbersMinChars: 14,
          renderLineHighlight: "none",
          contextmenu: false,
          ariaLabel: `Source of ${file}, read-only; click a line to highlight its instructions`,
        });
        created.onMouseDown((e) => {
          const line = e.target.position?.lineNumber;
          if (line) clickRef.current(line);
        });
        const collection = created.createDecorationsCollection([]);
        decorations.current = { clear: () => collection.clear(), set: (d) => collection.set(d as Parameters<typeof collection.set>[0]) };
        setEditor(created);
      })
      .catch(() => setFailed(true));
    return () => {
      disposed = true;
      created?.dispose();
      decorations.current = null;
    };
  }, [file, text]);

  useEffect(() => {
    if (!editor) return;
    editor.updateOptions({
      lineNumbers: (n: number) => {
        const t = lineTimes.get(n);
        return t ? `${formatNs(t).padStart(10)}  ${n}` : String(n);
      },
    });
  }, [editor, lineTimes]);

  useEffect(() => {
    if (!editor || !decorations.current) return;
    const items: unknown[] = [];
    for (const line of selectedLines) {
      items.push({ range: { startLineNumber: line, startColumn: 1, endLineNumber: line, endColumn: 1 }, options: { isWholeLine: true, className: styles.lineSelected } });
    }
    if (activeLine !== null) {
      items.push({ range: { startLineNumber: activeLine, startColumn: 1, endLineNumber: activeLine, endColumn: 1 }, options: { isWholeLine: true, className: styles.lineActive, linesDecorationsClassName: styles.lineActiveMarker } });
      editor.revealLineInCenterIfOutsideViewport(activeLine);
    }
    decorations.current.set(items);
  }, [editor, activeLine, selectedLines]);

  if (failed) {
    return (
      <ol className={styles.sourceFallback} aria-label={`Source of ${file}`}>
        {text.split("\n").map((line, k) => (
          <li key={k} className={selectedLines.has(k + 1) || activeLine === k + 1 ? styles.lineSelected : undefined}>
            <button type="button" onClick={() => onLineClick(k + 1)}>
              <span className={styles.gutterTime}>{lineTimes.has(k + 1) ? formatNs(lineTimes.get(k + 1) ?? 0) : ""}</span>
              <code>{line}</code>
            </button>
          </li>
        ))}
      </ol>
    );
  }
  return (
    <div className={styles.source} data-active-line={activeLine ?? ""} data-selected-lines={[...selectedLines].join(",")}>
      <div ref={hostRef} className={styles.sourceHost} />
    </div>
  );
});
