"use client";

import { memo, useMemo, useState } from "react";
import { childrenOf, rootNode, type HierarchyNode } from "../model/hierarchy";
import type { ProfileModel } from "../model/profile-model";
import { formatNs } from "../timeline/ruler";
import styles from "../profile.module.css";

/** Kernel → SPMD instance → loop iteration → line → instructions, expandable; selecting highlights. */
export const HierarchyPanel = memo(function HierarchyPanel({ model, selectedId, onSelectNode }: { model: ProfileModel; selectedId: string | null; onSelectNode: (node: HierarchyNode | null) => void }) {
  const root = useMemo(() => rootNode(model), [model]);
  return (
    <ul className={styles.tree} role="tree" aria-label="Hierarchy">
      <TreeItem model={model} node={root} totalBusy={root.busyNs} selectedId={selectedId} onSelectNode={onSelectNode} initiallyOpen />
    </ul>
  );
});

const LEAF_LIMIT = 200;

function TreeItem({ model, node, totalBusy, selectedId, onSelectNode, initiallyOpen = false }: { model: ProfileModel; node: HierarchyNode; totalBusy: number; selectedId: string | null; onSelectNode: (n: HierarchyNode | null) => void; initiallyOpen?: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  const children = useMemo(() => (open ? childrenOf(model, node, LEAF_LIMIT) : []), [open, model, node]);
  const share = totalBusy > 0 ? (100 * node.busyNs) / totalBusy : 0;
  const selected = selectedId === node.id;
  return (
    <li role="treeitem" aria-expanded={node.hasChildren ? open : undefined} aria-selected={selected}>
      <div className={`${styles.treeRow} ${selected ? styles.treeRowSelected : ""}`}>
        {node.hasChildren ? (
          <button type="button" className={styles.treeToggle} aria-label={open ? `Collapse ${node.label}` : `Expand ${node.label}`} onClick={() => setOpen(!open)}>
            {open ? "▾" : "▸"}
          </button>
        ) : (
          <span className={styles.treeToggle} />
        )}
        <button type="button" className={styles.treeLabel} onClick={() => onSelectNode(selected ? null : node)}>
          {node.label}
        </button>
        <span className={styles.treeShare} title={`${formatNs(node.busyNs)} busy`}>
          <span className={styles.treeShareBar} style={{ width: `${Math.min(100, share)}%` }} />
          {share.toFixed(1)}%
        </span>
        <span className={styles.muted}>{node.instructions.length}</span>
      </div>
      {open && children.length > 0 && (
        <ul role="group">
          {children.map((c) => (
            <TreeItem key={c.id} model={model} node={c} totalBusy={totalBusy} selectedId={selectedId} onSelectNode={onSelectNode} />
          ))}
          {node.kind === "line" && node.instructions.length > LEAF_LIMIT && <li className={styles.muted}>… {node.instructions.length - LEAF_LIMIT} more</li>}
        </ul>
      )}
    </li>
  );
}
