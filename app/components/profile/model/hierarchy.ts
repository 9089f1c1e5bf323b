/**
 * The hierarchy view's tree, built lazily (a 200 000-instruction kernel has thousands of loop
 * iterations): kernel → SPMD instance (when there are several) → loop iteration, nested as the loops
 * were → source line → instructions. Each node carries its instructions, so selecting it can
 * highlight them, and its busy time, for the time share.
 */

import type { ProfileModel } from "./profile-model";

export type HierarchyKind = "kernel" | "spmd" | "iteration" | "line" | "instruction";

export interface HierarchyNode {
  readonly id: string;
  readonly kind: HierarchyKind;
  readonly label: string;
  /** Instruction indices under this node, in program order. */
  readonly instructions: Uint32Array;
  /** Sum of the instructions' busy (start→end) time. */
  readonly busyNs: number;
  /** Loop-path node the children are grouped under (kernel, spmd and iteration nodes). */
  readonly path: number;
  readonly line: number | null;
  readonly hasChildren: boolean;
}

function busy(m: ProfileModel, list: ArrayLike<number>): number {
  let total = 0;
  for (let k = 0; k < list.length; k++) total += m.table.endNs[list[k]] - m.table.startNs[list[k]];
  return total;
}

export function rootNode(m: ProfileModel): HierarchyNode {
  const all = new Uint32Array(m.table.length);
  for (let i = 0; i < all.length; i++) all[i] = i;
  return { id: "kernel", kind: "kernel", label: m.doc.kernelName ?? "kernel", instructions: all, busyNs: busy(m, all), path: 0, line: null, hasChildren: all.length > 0 };
}

/** The child of `path` on the way from the root to `node`, or -1 when `node` is `path` itself. */
function childOn(parent: readonly number[], path: number, node: number): number {
  let q = node;
  while (q > 0 && parent[q] !== path) q = parent[q];
  return q > 0 ? q : -1;
}

/** Children of a node; instruction leaves are capped at `limit` (the UI says how many more). */
export function childrenOf(m: ProfileModel, node: HierarchyNode, limit = 200): HierarchyNode[] {
  const { doc, table } = m;
  if (node.kind === "instruction") return [];
  if (node.kind === "line") {
    const out: HierarchyNode[] = [];
    for (let k = 0; k < Math.min(limit, node.instructions.length); k++) {
      const i = node.instructions[k];
      const one = Uint32Array.of(i);
      out.push({
        id: `${node.id}/#${i}`, kind: "instruction", label: `#${i} ${doc.strings[table.opcode[i]]} (${doc.tracks[table.track[i]]})`,
        instructions: one, busyNs: table.endNs[i] - table.startNs[i], path: node.path, line: table.line[i], hasChildren: false,
      });
    }
    return out;
  }
  if (node.kind === "kernel") {
    const instances = new Map<number, number[]>();
    for (const i of node.instructions) {
      const list = instances.get(table.spmd[i]);
      if (list) list.push(i);
      else instances.set(table.spmd[i], [i]);
    }
    if (instances.size > 1) {
      return [...instances].map(([spmd, list]) => {
        const ins = Uint32Array.from(list);
        return { id: `spmd${spmd}`, kind: "spmd" as const, label: `SPMD instance ${spmd}`, instructions: ins, busyNs: busy(m, ins), path: 0, line: null, hasChildren: true };
      });
    }
  }
  // Group by the next loop iteration below this node's path, or by line for instructions at this level.
  const groups = new Map<string, { kind: "iteration" | "line"; key: number; list: number[] }>();
  const parent = doc.loopPaths.parent;
  for (const i of node.instructions) {
    const child = childOn(parent, node.path, table.loopPath[i]);
    const key = child >= 0 ? `p${child}` : `l${table.file[i]}:${table.line[i]}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { kind: child >= 0 ? "iteration" : "line", key: child >= 0 ? child : table.line[i], list: [] }));
    g.list.push(i);
  }
  return [...groups].map(([key, g]) => {
    const ins = Uint32Array.from(g.list);
    if (g.kind === "iteration") {
      const loop = doc.loops[doc.loopPaths.loop[g.key]];
      return {
        id: `${node.id}/${key}`, kind: "iteration" as const, label: `line ${loop.line} ${loop.kind} iteration ${doc.loopPaths.iteration[g.key]} of ${loop.tripCount}`,
        instructions: ins, busyNs: busy(m, ins), path: g.key, line: loop.line, hasChildren: true,
      };
    }
    return {
      id: `${node.id}/${key}`, kind: "line" as const, label: `line ${g.key}`, instructions: ins, busyNs: busy(m, ins), path: node.path, line: g.key, hasChildren: true,
    };
  });
}
