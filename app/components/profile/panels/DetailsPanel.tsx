"use client";

import { memo } from "react";
import { instructionDetails, type ProfileModel } from "../model/profile-model";
import { formatBytes, formatFlops } from "../model/summary-data";
import { formatNs } from "../timeline/ruler";
import styles from "../profile.module.css";

/** Everything about the selected instruction, with its producers (type, wait caused) as links. */
export const DetailsPanel = memo(function DetailsPanel({ model, instruction, onSelect }: { model: ProfileModel; instruction: number; onSelect: (i: number) => void }) {
  if (instruction < 0) return <p className={styles.muted}>Click an instruction on the timeline to see its details.</p>;
  const d = instructionDetails(model, instruction);
  return (
    <div className={styles.details} aria-label="Instruction details" data-instruction={d.index}>
      <h3>
        {d.opcode} {d.variant && <span className={styles.muted}>{d.variant}</span>} <span className={styles.muted}>#{d.index}</span>
      </h3>
      <dl>
        <dt>engine / track</dt>
        <dd>
          {d.engine} / {d.track}
        </dd>
        <dt>source</dt>
        <dd data-field="source">
          {d.file}:{d.line}
        </dd>
        <dt>operands</dt>
        <dd className={styles.mono}>{d.operands || "—"}</dd>
        <dt>start → end</dt>
        <dd>
          {formatNs(d.startNs)} → {formatNs(d.endNs)} ({formatNs(d.durationNs)})
        </dd>
        <dt>bytes read / written</dt>
        <dd>
          {formatBytes(d.readBytes)} / {formatBytes(d.writeBytes)}
        </dd>
        <dt>FLOPs</dt>
        <dd>{d.flops > 0 ? formatFlops(d.flops) : "—"}</dd>
        <dt>SPMD instance</dt>
        <dd>{d.spmd}</dd>
        <dt>loop path</dt>
        <dd>{d.loopPath || "outside loops"}</dd>
        <dt>waited</dt>
        <dd>{d.waitReason ? `${formatNs(d.waitNs)} on ${d.waitReason}` : "no (engine/queue order set the start)"}</dd>
      </dl>
      <h4>Dependencies ({d.dependencies.length})</h4>
      {d.dependencies.length === 0 ? (
        <p className={styles.muted}>None.</p>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th>producer</th>
              <th>type</th>
              <th>wait caused</th>
              <th>slack</th>
            </tr>
          </thead>
          <tbody>
            {d.dependencies.map((dep) => (
              <tr key={dep.on}>
                <td>
                  <button type="button" className={styles.linkButton} onClick={() => onSelect(dep.on)}>
                    #{dep.on} {dep.opcode} (line {dep.line})
                  </button>
                </td>
                <td>{dep.type}</td>
                <td>{dep.waitNs > 0 ? formatNs(dep.waitNs) : "—"}</td>
                <td>{formatNs(dep.slackNs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
});
