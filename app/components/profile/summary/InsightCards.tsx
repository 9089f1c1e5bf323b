"use client";

import type { Insight } from "../../../../lib/profile/insights";
import { formatNs } from "../timeline/ruler";
import styles from "../profile.module.css";

/** Ranked insight cards: quantified symptom, suggestion, estimated gain, and links to their lines. */
export function InsightCards({ insights, onSelectLines }: { insights: readonly Insight[]; onSelectLines: (lines: readonly number[]) => void }) {
  if (insights.length === 0) return <p className={styles.muted}>No rule fired: nothing obvious to improve.</p>;
  return (
    <ol className={styles.insights}>
      {insights.map((i) => (
        <li key={i.id} className={styles.insight} data-insight={i.id} data-severity={i.severity}>
          <div className={styles.insightHead}>
            <strong>{i.title}</strong>
            <span className={styles.gain}>~{i.estimatedGainPercent.toFixed(0)}% faster ({formatNs(i.estimatedGainNs)})</span>
          </div>
          <p>{i.summary}</p>
          <p className={styles.muted}>{i.recommendation}</p>
          {i.sourceLines.length > 0 && (
            <p>
              {i.sourceLines.slice(0, 6).map((s) => (
                <button key={`${s.file}:${s.line}`} type="button" className={styles.linkButton} onClick={() => onSelectLines([s.line])}>
                  {s.file}:{s.line} ({formatNs(s.timeNs)})
                </button>
              ))}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
