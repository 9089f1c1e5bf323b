"use client";
/**
 * A code cell's outputs, rendered like JupyterLab's output area (see output-items.ts for how the list
 * is read). Each output is isolated: one that throws while rendering shows a "cannot display" note and
 * the others still render. Items are memoised so re-rendering the notebook (every keystroke) does not
 * redo ANSI parsing, sanitising or plotting.
 */
import type { IOutput } from "@jupyterlab/nbformat";
import { Component, memo, useMemo, type ReactNode } from "react";
import { CannotDisplay } from "./CannotDisplay";
import { CollapsibleText } from "./CollapsibleText";
import { ErrorOutput } from "./ErrorOutput";
import { MimeOutput } from "./MimeOutput";
import { resolveOutputs, type OutputItem } from "./output-items";
import styles from "./outputs.module.css";

export function CellOutputs(props: { outputs: readonly IOutput[]; executionCount?: number | null }) {
  const { outputs, executionCount = null } = props;
  const items = useMemo(() => (Array.isArray(outputs) ? resolveOutputs(outputs, executionCount) : []), [outputs, executionCount]);
  if (items.length === 0) return null;
  return (
    <div className={styles.outputs}>
      {items.map((item, i) => (
        <div key={i} className={styles.row} data-output-kind={item.kind}>
          <div className={styles.prompt} aria-hidden={!(item.kind === "display" && item.isResult)}>
            {item.kind === "display" && item.isResult ? `Out[${item.executionCount ?? " "}]:` : ""}
          </div>
          <div className={styles.body}>
            <OutputBoundary item={item}>
              <OutputView item={item} />
            </OutputBoundary>
          </div>
        </div>
      ))}
    </div>
  );
}

const OutputView = memo(
  function OutputView({ item }: { item: OutputItem }) {
    switch (item.kind) {
      case "stream":
        return <CollapsibleText text={item.text} className={item.name === "stderr" ? styles.stderr : undefined} />;
      case "error":
        return <ErrorOutput ename={item.ename} evalue={item.evalue} traceback={item.traceback} />;
      case "display":
        return <MimeOutput data={item.data} metadata={item.metadata} />;
      case "invalid":
        return <CannotDisplay what="this output" reason={item.reason} />;
    }
  },
  (a, b) => sameItem(a.item, b.item),
);

/** Items are rebuilt whenever the output list changes; unchanged ones compare equal here. */
function sameItem(a: OutputItem, b: OutputItem): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case "stream":
      return b.kind === "stream" && a.name === b.name && a.text === b.text;
    case "error":
      return b.kind === "error" && a.ename === b.ename && a.evalue === b.evalue && a.traceback === b.traceback;
    case "display":
      return b.kind === "display" && a.data === b.data && a.metadata === b.metadata;
    case "invalid":
      return b.kind === "invalid" && a.reason === b.reason;
  }
}

interface BoundaryState {
  item: OutputItem;
  failed: string | null;
}

class OutputBoundary extends Component<{ item: OutputItem; children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { item: this.props.item, failed: null };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { failed: error instanceof Error ? error.message : "rendering failed" };
  }

  // A changed output gets a fresh attempt.
  static getDerivedStateFromProps(props: { item: OutputItem }, state: BoundaryState): Partial<BoundaryState> | null {
    return props.item === state.item ? null : { item: props.item, failed: null };
  }

  override render() {
    return this.state.failed !== null ? <CannotDisplay what="this output" reason={this.state.failed} /> : this.props.children;
  }
}
