"use client";
/**
 * Markdown and raw cell source: a plain textarea that grows with its text. Markdown cells are edited
 * here and shown through MarkdownView when rendered.
 */
import { memo, useEffect, useRef } from "react";
import type { EditorRegistry } from "./editor-registry";
import styles from "./notebook.module.css";

export interface TextSourceProps {
  cellId: string;
  label: string;
  source: string;
  editing: boolean;
  registry: EditorRegistry;
  onChange(cellId: string, source: string): void;
  onFocusEditor(cellId: string): void;
}

export const TextSource = memo(function TextSource({ cellId, label, source, editing, registry, onChange, onFocusEditor }: TextSourceProps) {
  const ref = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const area = ref.current;
    if (!area) return;
    registry.setHandle(cellId, {
      cursorOffsets: () => (area.selectionStart === area.selectionEnd ? [area.selectionStart] : [area.selectionStart, area.selectionEnd]),
      focus: () => area.focus(),
    });
    return () => registry.setHandle(cellId, null);
  }, [cellId, registry]);

  useEffect(() => {
    if (editing && ref.current && document.activeElement !== ref.current) ref.current.focus();
  }, [editing]);

  return (
    <textarea
      ref={ref}
      className={styles.textSource}
      aria-label={label}
      value={source}
      rows={Math.max(1, source.split("\n").length)}
      spellCheck={false}
      onChange={(e) => onChange(cellId, e.target.value)}
      onFocus={() => onFocusEditor(cellId)}
    />
  );
});
