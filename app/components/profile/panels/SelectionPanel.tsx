"use client";

import { rangeSummary, type ProfileModel } from "../model/profile-model";
import { formatBytes, formatFlops } from "../model/summary-data";
import { formatNs } from "../timeline/ruler";
import styles from "../profile.module.css";

/** Summary of a box-selected time range (shift+drag on the timeline), or of the visible window. */
export function SelectionPanel({ model, range, onZoom, onUseView }: { model: ProfileModel; range: readonly [number, number] | null; onZoom: () => void; onUseView: () => void }) {
  if (!range) {
    return (
      <p className={styles.muted}>
        Shift+drag on the timeline to select a time range, or{" "}
        <button type="button" className={styles.button} onClick={onUseView}>
          Summarise the visible window
        </button>
      </p>
    );
  }
  const s = rangeSummary(model, range[0], range[1]);
  return (
    <div aria-label="Selected range summary" className={styles.details}>
      <h3>
        {formatNs(s.startNs)} → {formatNs(s.endNs)} <span className={styles.muted}>({formatNs(s.endNs - s.startNs)})</span>
      </h3>
      <p>
        {s.instructions} instructions · {formatBytes(s.bytes)} moved · {formatFlops(s.flops)} on TensorE{" "}
        <button type="button" className={styles.button} onClick={onZoom}>
          Zoom to range
        </button>
      </p>
      <table className={styles.table}>
        <tbody>
          {Object.entries(s.activePercent).map(([engine, pct]) => (
            <tr key={engine}>
              <th>{engine}</th>
              <td>{pct.toFixed(1)}% active</td>
            </tr>
          ))}
        </tbody>
      </table>
      {s.topOpcodes.length > 0 && <p className={styles.muted}>Most frequent: {s.topOpcodes.map((o) => `${o.opcode} ×${o.count}`).join(", ")}</p>}
    </div>
  );
}
