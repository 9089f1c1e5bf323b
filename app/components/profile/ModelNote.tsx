import { memo } from "react";
import type { ProfileDocument } from "../../../lib/profile/document";
import styles from "./profile.module.css";

/** Which simulator and target produced the profile, and what its timing model leaves out. */
export const ModelNote = memo(function ModelNote({ doc, notModelled }: { doc: ProfileDocument; notModelled: readonly string[] }) {
  return (
    <aside className={styles.note} aria-label="About these numbers">
      <p>
        Simulated by <span data-field="simulator">{doc.simulator ?? "Kernel Lab"}</span>&apos;s timing model: target <strong>{doc.target}</strong> (NeuronCore {doc.coreVersion}), profile format v{doc.version}. The timing
        model is deterministic and derived from documentation; it has never been compared against a device. Read absolute numbers as estimates and comparisons as
        the point.
      </p>
      <details>
        <summary>What the timing model does not model ({notModelled.length})</summary>
        <ul>
          {notModelled.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </details>
      <details>
        <summary>Timing constants and their sources ({doc.constants.length})</summary>
        <ul className={styles.mono}>
          {doc.constants.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      </details>
    </aside>
  );
});
