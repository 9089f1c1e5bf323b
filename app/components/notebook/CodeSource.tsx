"use client";
/**
 * A code cell's source: a live Monaco editor while the cell is on or near the screen (or active), the
 * highlighted static text otherwise. Monaco itself loads on the first cell that needs it.
 */
import { memo, useEffect, useRef, useState } from "react";
import type { editor as Editor } from "monaco-editor/editor/editor.api.js";
import type { EditorRegistry } from "./editor-registry";
import { bindModelToKernel, registerKernelLanguageFeatures, type KernelIntrospection } from "./monaco/kernel-language";
import { requestEditorSlot } from "./monaco/editor-slots";
import { loadMonaco, type Monaco } from "./monaco/load-monaco";
import { markColumns, type ErrorMark } from "./model/error-lines";
import { CODE_PADDING_PX, LINE_HEIGHT_PX, StaticCode } from "./StaticCode";
import styles from "./notebook.module.css";

const NEAR_SCREEN_MARGIN = "600px 0px";
const THEME = "kernel-lab";

export interface CodeSourceProps {
  cellId: string;
  index: number;
  source: string;
  active: boolean;
  editing: boolean;
  errorLines: readonly ErrorMark[];
  kernel: KernelIntrospection | null;
  registry: EditorRegistry;
  onChange(cellId: string, source: string): void;
  onFocusEditor(cellId: string): void;
}

function defineTheme(monaco: Monaco): void {
  monaco.editor.defineTheme(THEME, {
    base: "vs",
    inherit: true,
    rules: [],
    colors: { "editor.background": "#f6f8fa", "editor.lineHighlightBackground": "#00000000", "editorLineNumber.foreground": "#8b93a1" },
  });
}

export const CodeSource = memo(function CodeSource(props: CodeSourceProps) {
  const { cellId, source, active, editing, errorLines, kernel, registry } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Editor.IStandaloneCodeEditor | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const [near, setNear] = useState(false);
  const [monaco, setMonaco] = useState<Monaco | null>(null);
  const wanted = near || active;
  const [granted, setGranted] = useState(false);
  const live = wanted && monaco !== null && granted;

  useEffect(() => {
    const element = containerRef.current;
    if (!element) return;
    const observer = new IntersectionObserver((entries) => setNear(entries.some((e) => e.isIntersecting)), { rootMargin: NEAR_SCREEN_MARGIN });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!wanted || monaco) return;
    let mounted = true;
    void loadMonaco().then((m) => {
      registerKernelLanguageFeatures(m);
      defineTheme(m);
      if (mounted) setMonaco(m);
    });
    return () => {
      mounted = false;
    };
  }, [wanted, monaco]);

  useEffect(() => {
    if (!wanted || !monaco) {
      setGranted(false);
      return;
    }
    return requestEditorSlot(() => setGranted(true), latest.current.active);
  }, [wanted, monaco]);

  useEffect(() => {
    const host = hostRef.current;
    if (!live || !monaco || !host) return;
    const model = registry.model(monaco, cellId, latest.current.source);
    if (model.getValue() !== latest.current.source) model.setValue(latest.current.source);
    const editor = monaco.editor.create(host, {
      model,
      theme: THEME,
      fontSize: 13,
      lineHeight: LINE_HEIGHT_PX,
      fontFamily: 'ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace',
      minimap: { enabled: false },
      lineNumbers: "off",
      glyphMargin: false,
      folding: false,
      lineDecorationsWidth: 12,
      lineNumbersMinChars: 0,
      scrollBeyondLastLine: false,
      overviewRulerLanes: 0,
      hideCursorInOverviewRuler: true,
      renderLineHighlight: "none",
      // Work redone on every edit or cursor move that a notebook cell can do without: coloured bracket
      // pairs (a bracket tree updated per edit and decorations per render) and highlighting the other
      // occurrences of the word or selection. Bracket matching stays, as in JupyterLab.
      bracketPairColorization: { enabled: false },
      occurrencesHighlight: "off",
      selectionHighlight: false,
      scrollbar: { vertical: "hidden", horizontal: "auto", alwaysConsumeMouseWheel: false, useShadows: false },
      automaticLayout: true,
      padding: { top: CODE_PADDING_PX, bottom: CODE_PADDING_PX },
      wordBasedSuggestions: "off",
      // As in JupyterLab: completions on Tab (and after a dot), not on every keystroke, so Enter stays Enter.
      quickSuggestions: false,
      tabSize: 4,
      insertSpaces: true,
      fixedOverflowWidgets: true,
      contextmenu: false,
      ariaLabel: `Code cell ${latest.current.index + 1}`,
    });
    const fit = () => {
      host.style.height = `${editor.getContentHeight()}px`;
    };
    fit();
    const subscriptions = [
      editor.onDidContentSizeChange(fit),
      model.onDidChangeContent(() => latest.current.onChange(cellId, model.getValue())),
      editor.onDidFocusEditorText(() => latest.current.onFocusEditor(cellId)),
    ];
    editor.addAction({
      id: "kernel-lab.tab-complete",
      label: "Complete or indent",
      keybindings: [monaco.KeyCode.Tab],
      precondition: "editorTextFocus && !editorHasSelection && !suggestWidgetVisible && !inSnippetMode",
      run: (ed) => {
        const position = ed.getPosition();
        const before = position ? model.getLineContent(position.lineNumber).slice(0, position.column - 1) : "";
        ed.trigger("keyboard", /[\w.]$/.test(before) ? "editor.action.triggerSuggest" : "tab", null);
      },
    });
    editorRef.current = editor;
    registry.setHandle(cellId, {
      cursorOffsets: () =>
        (editor.getSelections() ?? []).flatMap((s) => {
          const start = model.getOffsetAt(s.getStartPosition());
          const end = model.getOffsetAt(s.getEndPosition());
          return start === end ? [start] : [start, end];
        }),
      focus: () => editor.focus(),
    });
    return () => {
      registry.setHandle(cellId, null);
      for (const s of subscriptions) s.dispose();
      editorRef.current = null;
      editor.dispose();
    };
  }, [live, monaco, cellId, registry]);

  useEffect(() => {
    const model = registry.existingModel(cellId);
    if (model && !model.isDisposed() && model.getValue() !== source) model.setValue(source);
  }, [source, cellId, registry]);

  useEffect(() => {
    const model = monaco && live ? registry.existingModel(cellId) : undefined;
    if (!model || !kernel) return;
    return bindModelToKernel(model, kernel);
  }, [monaco, live, cellId, kernel, registry]);

  useEffect(() => {
    const editor = editorRef.current;
    if (editing && editor && !editor.hasTextFocus()) editor.focus();
  }, [editing, live]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !monaco) return;
    const model = editor.getModel();
    const decorations = editor.createDecorationsCollection(
      errorLines.map((mark) => {
        const columns = model && mark.line <= model.getLineCount() ? markColumns(mark, model.getLineContent(mark.line)) : null;
        return {
          range: columns ? new monaco.Range(mark.line, columns[0] + 1, mark.line, columns[1] + 1) : new monaco.Range(mark.line, 1, mark.line, Number.MAX_SAFE_INTEGER),
          options: { inlineClassName: styles.errorUnderline, hoverMessage: { value: columns ? "The error happened here" : "The error happened on this line" } },
        };
      }),
    );
    return () => decorations.clear();
  }, [errorLines, live, monaco]);

  const lines = source.split("\n").length;
  return (
    <div ref={containerRef} className={styles.codeSource} data-live-editor={live ? "true" : "false"}>
      {!live && <StaticCode source={source} errorMarks={errorLines} />}
      <div
        ref={hostRef}
        className={styles.monacoHost}
        style={live ? { height: lines * LINE_HEIGHT_PX + 2 * CODE_PADDING_PX } : { display: "none" }}
      />
    </div>
  );
});
