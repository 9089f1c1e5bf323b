"use client";
import { useEffect, useRef, useState } from "react";
import type { PlotlyFigure } from "./mime";
import styles from "./outputs.module.css";

/** Plotly's own default when a layout gives no height. */
const DEFAULT_HEIGHT = 450;

/**
 * A Plotly figure. plotly.js (1.4 MB gzipped) is imported only when such an output mounts, into a box
 * that already has the figure's height, so nothing below it moves when the plot appears.
 */
export function PlotlyOutput({ figure }: { figure: PlotlyFigure }) {
  const ref = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");
  const layoutHeight = figure.layout.height;
  const height = typeof layoutHeight === "number" && layoutHeight > 0 ? layoutHeight : DEFAULT_HEIGHT;

  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    let cancelled = false;
    let plotted: { purge(el: HTMLElement): void } | null = null;
    import("plotly.js-dist-min")
      .then(async ({ default: Plotly }) => {
        if (cancelled) return;
        await Plotly.newPlot(root, figure.data, { ...figure.layout, height, autosize: true }, { responsive: true, displaylogo: false, ...figure.config });
        plotted = Plotly;
        if (cancelled) Plotly.purge(root);
        else setState("ready");
      })
      .catch(() => {
        if (!cancelled) setState("failed");
      });
    return () => {
      cancelled = true;
      plotted?.purge(root);
    };
  }, [figure, height]);

  return (
    <div className={styles.plotly} style={{ height }}>
      {state !== "ready" && (
        <div className={styles.plotlyStatus} role="status">
          {state === "loading" ? "Loading plot…" : "The plot could not be drawn."}
        </div>
      )}
      <div ref={ref} className={styles.plotlyRoot} aria-label={plotTitle(figure) ?? "Plot"} role="img" />
    </div>
  );
}

function plotTitle(figure: PlotlyFigure): string | null {
  const t = figure.layout.title;
  if (typeof t === "string") return t;
  if (typeof t === "object" && t !== null && typeof (t as { text?: unknown }).text === "string") return (t as { text: string }).text;
  return null;
}
