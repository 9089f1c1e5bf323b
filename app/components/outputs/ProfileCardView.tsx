import type { ProfileCard } from "@/lib/profile/card";
import { formatCount, formatDuration, formatPercent } from "./format";
import styles from "./outputs.module.css";

/** The compact profile summary a cell shows; the full viewer is one click away when it was stored. */
export function ProfileCardView({ card }: { card: ProfileCard }) {
  const title = card.kernelName ? `Profile of ${card.kernelName}` : "Kernel profile";
  return (
    <section className={styles.profile} aria-label={title}>
      <header className={styles.profileHeader}>
        <h3 className={styles.profileTitle}>
          {title} <span className={styles.profileTarget}>on {card.target}</span>
        </h3>
        {card.url && (
          <a className={styles.profileLink} href={card.url}>
            Open profile <span aria-hidden="true">→</span>
          </a>
        )}
      </header>
      <dl className={styles.profileStats}>
        <div><dt>Total time</dt><dd data-metric="total-time">{formatDuration(card.totalNs)}</dd></div>
        <div><dt>Instructions</dt><dd data-metric="instructions">{formatCount(card.instructionCount)}</dd></div>
        <div><dt>MFU</dt><dd data-metric="mfu">{formatPercent(card.mfuPercent)}</dd></div>
        <div><dt>MBU</dt><dd data-metric="mbu">{formatPercent(card.mbuPercent)}</dd></div>
      </dl>
      <ul className={styles.engines} aria-label="Engine utilisation">
        {card.engines.map((e) => {
          const pct = Math.max(0, Math.min(100, e.activePercent));
          return (
            <li key={e.name} className={styles.engine} data-engine={e.name}>
              <span className={styles.engineName}>{e.name}</span>
              <span className={styles.engineBar} role="meter" aria-label={`${e.name} engine active`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
                <span className={styles.engineFill} style={{ width: `${pct}%` }} />
              </span>
              <span className={styles.enginePercent}>{formatPercent(e.activePercent)}</span>
            </li>
          );
        })}
      </ul>
      {card.topInsight ? (
        <p className={styles.insight}>
          <strong>{card.topInsight.title}</strong>
          {card.topInsight.estimatedGainPercent > 0 && (
            <span className={styles.insightGain}> · estimated gain {formatPercent(card.topInsight.estimatedGainPercent)} of total time</span>
          )}
          <br />
          <span className={styles.insightSummary}>{card.topInsight.summary}</span>
        </p>
      ) : (
        <p className={styles.insightNone}>No performance insight for this run.</p>
      )}
    </section>
  );
}
